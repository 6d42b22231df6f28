//! Checked model to tokens.
//!
//! Per struct: `FIELDS`, one check function over every field
//! (`__nexudus_check`, each field with checks given as a `Got`: the typed
//! value, or what the raw reader made of the JSON; each one without only
//! read from the JSON, when there is JSON), `__validate` calling it with the
//! struct's own fields, `__read` calling it with each field read from its
//! JSON slice, and `Nested`. `Validate` comes from the runtime's blanket
//! impl. Rule calls go to runtime functions generic over the field's type
//! only.
//!
//! Every generated function is `#[inline]`: like a generic function, it is
//! compiled to machine code only in a crate that calls it, so a crate of
//! resources pays for the checks it uses, not for every one it declares.

use proc_macro2::{Literal, Span, TokenStream};
use quote::{format_ident, quote, quote_spanned, ToTokens};
use syn::spanned::Spanned;

use crate::model::{Container, Default, Field, Read};
use crate::rules::Checked;

pub fn emit(container: &Container) -> TokenStream {
    let krate = &container.krate;
    let p = quote!(__p);
    let ident = container.ident;
    let (impl_generics, ty_generics, where_clause) = container.generics.split_for_impl();
    let (name, path) = (&container.name, &container.path);
    let wire: Vec<&Field> = container
        .fields
        .iter()
        .filter(|field| field.wire.is_some())
        .collect();

    let infos = wire.iter().map(|field| field_info(&p, field));
    // A field with checks is given to the check function (the typed value,
    // or what the raw reader made of it); one without is only read, in its
    // place among the others, when the resource comes as JSON.
    let checked: Vec<(usize, &Field)> = wire
        .iter()
        .copied()
        .enumerate()
        .filter(|(_, field)| field.has_checks())
        .collect();
    let params = checked.iter().map(|&(i, field)| {
        let (param, ty) = (param(i), field.ty);
        quote!(#param: #p::Got<'__n, #ty>)
    });
    let mut questions = Questions::default();
    let checks: Vec<TokenStream> = wire
        .iter()
        .enumerate()
        .map(|(i, field)| {
            if field.has_checks() {
                return field_checks(&p, i, field, &mut questions);
            }
            let Some(reader) = reader(&p, field) else {
                return TokenStream::new();
            };
            let (checker, index) = (
                questions.ask(reader, "checker"),
                Literal::usize_unsuffixed(i),
            );
            quote!(#checker(__cx, #index);)
        })
        .collect();
    let check_questions = questions.asked();
    let typed_args = checked.iter().map(|(_, field)| {
        let member = field.member;
        quote!(#p::Got::Value(&self.#member))
    });
    let mut questions = Questions::default();
    let (reads, read_args): (Vec<_>, Vec<_>) = checked
        .iter()
        .map(|&(i, field)| read_field(&p, i, field, &mut questions))
        .unzip();
    let read_questions = questions.asked();
    let adapters = wire.iter().filter_map(|field| adapter(&p, field));
    let container_checks = container
        .checks
        .iter()
        .map(|function| quote_spanned!(function.span()=> #p::container(__cx, #function(self));));
    let deny_unknown = container.deny_unknown_fields.then(|| {
        quote!(
            const __DENY_UNKNOWN_FIELDS: bool = true;
        )
    });

    quote! {
        const _: () = {
            use #krate::__private as __p;

            #(#adapters)*

            #[automatically_derived]
            impl #impl_generics #p::NexudusResource for #ident #ty_generics #where_clause {
                const NAME: &'static str = #name;
                const PATH: &'static str = #path;
                const FIELDS: &'static [#p::FieldInfo] = &[#(#infos),*];
                #deny_unknown

                #[inline]
                fn __validate(&self, __cx: &mut #p::Cx<'_>) {
                    Self::__nexudus_check(__cx, #(#typed_args),*);
                    #(#container_checks)*
                }

                #[inline]
                fn __read(__cx: &mut #p::Cx<'_>, __object: &#p::RawObject<'_>) {
                    #[allow(unused_imports)]
                    use #p::{ReadNothing as _, ReadOwned as _, ReadResources as _};
                    #read_questions
                    #(#reads)*
                    Self::__nexudus_check(__cx, #(#read_args),*);
                }
            }

            #[automatically_derived]
            impl #impl_generics #p::rules::Nested for #ident #ty_generics #where_clause {
                #[inline]
                fn validate_nested(&self, __cx: &mut #p::Cx<'_>) {
                    #p::validate_nested(self, __cx);
                }

                #[inline]
                fn check_raw(__cx: &mut #p::Cx<'_>, __raw: #p::Raw<'_>) {
                    #p::check_raw::<Self>(__cx, __raw);
                }
            }

            #[automatically_derived]
            impl #impl_generics #ident #ty_generics #where_clause {
                /// The checks of every field, on what the typed value or
                /// the raw reader gives.
                #[doc(hidden)]
                #[allow(clippy::too_many_arguments, unused_imports, unused_variables)]
                #[inline]
                fn __nexudus_check<'__n>(__cx: &mut #p::Cx<'_>, #(#params),*) {
                    use #p::{
                        ReadNothing as _, ReadOwned as _, ReadResources as _,
                        ViaAny as _, ViaInner as _, ViaIsEmpty as _, ViaNeverEmpty as _,
                        ViaNoEcho as _, ViaOption as _, ViaOptionEmpty as _, ViaOptionInner as _,
                        ViaRequired as _, ViaResourceEcho as _, ViaSerialize as _,
                    };
                    #check_questions
                    #(#checks)*
                }
            }

        };
    }
}

fn param(index: usize) -> syn::Ident {
    format_ident!("__f{}", index)
}

/// One `FIELDS` entry.
fn field_info(p: &TokenStream, field: &Field) -> TokenStream {
    let Some(wire) = &field.wire else {
        return TokenStream::new();
    };
    let ident = field.member.to_string();
    let key = &wire.key;
    let rust_type = type_string(field.ty);
    if field.flatten.is_some() {
        let ty = field.ty;
        return quote!(#p::FieldInfo::flatten(#ident, <#ty as #p::NexudusResource>::FIELDS, #rust_type));
    }
    let property = &wire.property;
    let prefix = Literal::u64_unsuffixed(key_prefix(key));
    let flags = Literal::u8_unsuffixed(flags(field));
    let extra = if wire.aliases.is_empty() {
        quote!(#p::FieldExtra::None)
    } else {
        let aliases = &wire.aliases;
        quote!(#p::FieldExtra::Aliases(&[#(#aliases),*]))
    };
    quote!(#p::FieldInfo(#ident, #key, #property, #rust_type, #prefix, #flags, #extra))
}

/// The runtime's `key_prefix` of a wire name: its length and first seven
/// bytes, packed (the runtime's `field_table` test checks they agree).
fn key_prefix(key: &str) -> u64 {
    let bytes = key.as_bytes();
    let mut prefix = bytes.len() as u64;
    for (i, &byte) in bytes.iter().take(7).enumerate() {
        prefix |= u64::from(byte) << (8 * (i + 1));
    }
    prefix
}

/// The field's `FieldInfo::REQUIRED`, ... bits (the runtime's constants).
fn flags(field: &Field) -> u8 {
    let (required, update_only, create_only, allow_empty) = match &field.required {
        Some(required) => (
            !required.update_only && !required.create_only,
            required.update_only,
            required.create_only,
            required.allow_empty,
        ),
        None => (false, false, false, false),
    };
    [
        required,
        update_only,
        allow_empty,
        field.default.is_some(),
        field.sensitive.is_some(),
        field.nested.is_some(),
        create_only,
    ]
    .iter()
    .enumerate()
    .fold(0, |flags, (bit, &set)| flags | (u8::from(set) << bit))
}

/// The checks of field `index`, given as parameter `__f{index}`.
fn field_checks(
    p: &TokenStream,
    index: usize,
    field: &Field,
    questions: &mut Questions,
) -> TokenStream {
    let (param, index) = (param(index), Literal::usize_unsuffixed(index));
    if let Some(span) = field.flatten {
        return quote_spanned!(span=> __cx.flatten(#index, #param););
    }
    let ty = field.ty;
    let kind = quote!(#p::Kind::<#ty>::NEW);
    let mut body = locals(&field.rules, |question| {
        let answer = questions.ask(kind.clone(), question);
        quote!(#answer(__v))
    });
    for rule in &field.rules {
        body.extend(rule.emit(p, field.message.as_ref()));
    }
    if let Some(span) = field.nested {
        body.extend(quote_spanned!(span=> #p::rules::Nested::validate_nested(__v, __cx);));
    }
    if let Some((span, rules)) = &field.each {
        let locals = locals(rules, |question| {
            let question = format_ident!("{}", question);
            quote!(((&&&#p::Kind::of(__v)).#question())(__v))
        });
        let checks = rules
            .iter()
            .map(|rule| rule.emit(p, field.message.as_ref()));
        let elements = quote_spanned!(*span=> #p::rules::Each::elements(__v));
        body.extend(quote! {
            for (__n, __v) in #elements.enumerate() {
                __cx.index(__n, |__cx| {
                    #locals
                    #(#checks)*
                });
            }
        });
    }
    let head = match &field.required {
        Some(required) => {
            let presence = questions.ask(kind, "__presence");
            match required.message.as_ref().or(field.message.as_ref()) {
                Some(message) => quote!(
                    __cx.required_field_with(#index, #param, #presence, #p::Some(#message))
                ),
                None => quote!(__cx.required_field(#index, #param, #presence)),
            }
        }
        None => quote!(__cx.field(#index, #param)),
    };
    if body.is_empty() {
        quote!(#head;)
    } else {
        quote! {
            if let #p::Some(__v) = #head {
                #body
            }
        }
    }
}

/// What the checks of value `__v` ask of it before they run (`__e`, its
/// echo; `__presence`; `__empty`), each answered by `answer(question)`.
fn locals(rules: &[Checked], mut answer: impl FnMut(&str) -> TokenStream) -> TokenStream {
    let mut locals = TokenStream::new();
    for (needed, local, question) in [
        (rules.iter().any(Checked::needs_echo), quote!(__e), "__echo"),
        (
            rules.iter().any(Checked::needs_presence),
            quote!(__presence),
            "__presence",
        ),
        (
            rules.iter().any(Checked::needs_empty),
            quote!(__empty),
            "__is_empty",
        ),
    ] {
        if needed {
            let value = answer(question);
            locals.extend(quote!(let #local = #value;));
        }
    }
    locals
}

/// The questions a generated function asks of field types by autoref
/// specialization (how to read a type, whether a value is present, how to
/// echo it), each asked once, as `__q{n}` at the top of the function,
/// however many fields share the type: asking costs the compiler much more
/// than calling the answer.
#[derive(Default)]
struct Questions {
    asked: Vec<(String, TokenStream)>,
}

impl Questions {
    /// The local that holds the answer of `receiver` to `question`.
    fn ask(&mut self, receiver: TokenStream, question: &str) -> syn::Ident {
        let question = format_ident!("{}", question);
        let asking = quote!((&&&#receiver).#question());
        let key = asking.to_string();
        let n = match self.asked.iter().position(|(known, _)| *known == key) {
            Some(n) => n,
            None => {
                self.asked.push((key, asking));
                self.asked.len() - 1
            }
        };
        format_ident!("__q{}", n)
    }

    /// `let __q{n} = ..;` for every question asked.
    fn asked(&self) -> TokenStream {
        let lets = self.asked.iter().enumerate().map(|(n, (_, asking))| {
            let name = format_ident!("__q{}", n);
            quote!(let #name = #asking;)
        });
        quote!(#(#lets)*)
    }
}

/// The `Reader` constant a field is read with; `None` when it is not read
/// on its own (a flattened resource, a borrowing type).
fn reader(p: &TokenStream, field: &Field) -> Option<TokenStream> {
    let ty = field.ty;
    Some(match &field.read {
        _ if field.flatten.is_some() => return None,
        Read::Skip => return None,
        Read::Owned if field.nested.is_some() => quote!(#p::Reader::<#ty>::NESTED),
        Read::Owned => quote!(#p::Reader::<#ty>::PLAIN),
        Read::With(_) => {
            let adapter = adapter_name(field);
            quote!(#p::Reader::<#adapter>::CUSTOM)
        }
    })
}

/// Field `index` read from the JSON object `__object`: a statement that
/// reads it into `__r{index}` (one statement each, so that the borrows the
/// reading makes end there), and what its checks get.
fn read_field(
    p: &TokenStream,
    index: usize,
    field: &Field,
    questions: &mut Questions,
) -> (TokenStream, TokenStream) {
    let ty = field.ty;
    let slot = format_ident!("__r{}", index);
    let index = Literal::usize_unsuffixed(index);
    if field.flatten.is_some() {
        return (
            quote!(let #slot = __object.flattened(<Self as #p::NexudusResource>::FIELDS, #index);),
            quote!(#p::Got::Flat(&#slot)),
        );
    }
    let Some(reader) = reader(p, field) else {
        return (
            quote!(let #slot = #p::unchecked(__object, #index);),
            quote!(#p::Got::Read(&#slot)),
        );
    };
    let reader = questions.ask(reader, "reader");
    let adapter = matches!(field.read, Read::With(_)).then(|| adapter_name(field));
    let default = match &field.default {
        None => quote!(#p::None),
        Some(default) => {
            let member = field.member;
            let value = match default {
                Default::Trait => quote!(<#ty as #p::Default>::default()),
                Default::Path(path) => quote!(#path()),
                Default::Container => quote!(<Self as #p::Default>::default().#member),
            };
            let value = match &adapter {
                Some(adapter) => quote!(#adapter(#value)),
                None => value,
            };
            quote!(#p::Some(|| #value))
        }
    };
    let read = quote!(let #slot = #reader(__object, #index, #default););
    let got = match adapter {
        Some(_) => quote!(#p::got_inner(&#slot)),
        None => quote!(#p::Got::Read(&#slot)),
    };
    (read, got)
}

fn adapter_name(field: &Field) -> syn::Ident {
    format_ident!("__NexudusWith_{}", field.member, span = Span::call_site())
}

/// The type a `#[serde(deserialize_with)]` field is read through.
fn adapter(p: &TokenStream, field: &Field) -> Option<TokenStream> {
    let Read::With(function) = &field.read else {
        return None;
    };
    let (name, ty) = (adapter_name(field), field.ty);
    Some(quote! {
        #[allow(non_camel_case_types)]
        struct #name(#ty);

        impl<'de> #p::serde::Deserialize<'de> for #name {
            fn deserialize<D: #p::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> #p::Result<Self, D::Error> {
                #function(deserializer).map(#name)
            }
        }

        impl #p::Adapter for #name {
            type Inner = #ty;
            fn inner(&self) -> &#ty {
                &self.0
            }
        }
    })
}

/// The type as a user would write it: `Option<Vec<i64>>`, `&'a str`.
pub fn type_string(ty: &syn::Type) -> String {
    let raw = ty.to_token_stream().to_string();
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        if c == ' ' {
            let prev = out.chars().last();
            let next = chars.peek().copied();
            let glue = matches!(prev, Some('<' | '&' | ':' | '(' | '['))
                || matches!(next, Some('<' | '>' | ':' | ',' | ')' | ']'));
            if glue {
                continue;
            }
        }
        out.push(c);
    }
    out
}
