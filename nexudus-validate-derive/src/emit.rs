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
    let checkers = Readers::of(&p, &wire, "checker", |field| !field.has_checks());
    let checker_lets = checkers.lets();
    let checks = wire.iter().enumerate().map(|(i, field)| {
        if field.has_checks() {
            field_checks(&p, i, field)
        } else {
            checkers.name(i).map_or_else(TokenStream::new, |checker| {
                let index = Literal::usize_unsuffixed(i);
                quote!(#checker(__cx, #index);)
            })
        }
    });
    let typed_args = checked.iter().map(|(_, field)| {
        let member = field.member;
        quote!(#p::Got::Value(&self.#member))
    });
    let readers = Readers::of(&p, &wire, "reader", |field| field.has_checks());
    let reader_lets = readers.lets();
    let (reads, read_args): (Vec<_>, Vec<_>) = checked
        .iter()
        .map(|&(i, field)| read_field(&p, i, field, readers.name(i)))
        .unzip();
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
                    #reader_lets
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
                    #checker_lets
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
    const REQUIRED: u8 = 1;
    const REQUIRED_ON_UPDATE: u8 = 2;
    const ALLOW_EMPTY: u8 = 4;
    const DEFAULTED: u8 = 8;
    const SENSITIVE: u8 = 16;
    const NESTED: u8 = 32;
    let mut flags = 0;
    if let Some(required) = &field.required {
        flags |= if required.update_only {
            REQUIRED_ON_UPDATE
        } else {
            REQUIRED
        };
        if required.allow_empty {
            flags |= ALLOW_EMPTY;
        }
    }
    for (set, flag) in [
        (field.default.is_some(), DEFAULTED),
        (field.sensitive.is_some(), SENSITIVE),
        (field.nested.is_some(), NESTED),
    ] {
        if set {
            flags |= flag;
        }
    }
    flags
}

/// The checks of field `index`, given as parameter `__f{index}`.
fn field_checks(p: &TokenStream, index: usize, field: &Field) -> TokenStream {
    let (param, index) = (param(index), Literal::usize_unsuffixed(index));
    if let Some(span) = field.flatten {
        return quote_spanned!(span=> __cx.flatten(#index, #param););
    }
    let mut body = TokenStream::new();
    if field.rules.iter().any(|rule| rule.needs_echo()) {
        body.extend(quote!(let __e = (&&&#p::Probe(__v)).__echo();));
    }
    let presence = quote!((&&&#p::Probe(__v)).__presence());
    let presence = if field.rules.iter().any(|rule| rule.needs_presence()) {
        body.extend(quote!(let __presence = #presence;));
        quote!(__presence)
    } else {
        presence
    };
    if let Some(required) = &field.required {
        body.extend(match required.message.as_ref().or(field.message.as_ref()) {
            Some(message) => quote!(__cx.required_with(#presence, #message);),
            None => quote!(__cx.required(#presence);),
        });
    }
    for rule in &field.rules {
        body.extend(rule.emit(p, field.message.as_ref()));
    }
    if let Some(span) = field.nested {
        body.extend(quote_spanned!(span=> #p::rules::Nested::validate_nested(__v, __cx);));
    }
    if let Some((span, rules)) = &field.each {
        let checks = rules
            .iter()
            .map(|rule| rule.emit(p, field.message.as_ref()));
        let echo = rules
            .iter()
            .any(|rule| rule.needs_echo())
            .then(|| quote!(let __e = (&&&#p::Probe(__v)).__echo();));
        let elements = quote_spanned!(*span=> #p::rules::Each::elements(__v));
        body.extend(quote! {
            for (__n, __v) in #elements.enumerate() {
                __cx.index(__n, |__cx| {
                    #echo
                    #(#checks)*
                });
            }
        });
    }
    if body.is_empty() {
        quote!(__cx.field(#index, #param);)
    } else {
        quote! {
            if let #p::Some(__v) = __cx.field(#index, #param) {
                #body
            }
        }
    }
}

/// What a function reads its fields with: one reader per way of reading
/// (a field type, and whether the field is `#[nested]` or read through an
/// adapter), asked for once as `__k{n}` however many fields share it, then
/// called per field. Asking is autoref specialization, which costs the
/// compiler more than the calls.
struct Readers {
    /// The method asked: `reader` or `checker`.
    method: syn::Ident,
    /// The `Reader` constant of each way of reading.
    readers: Vec<TokenStream>,
    /// For each field: its way of reading, if it is read this way.
    of_field: Vec<Option<usize>>,
}

impl Readers {
    /// The readers of the fields `wanted` picks.
    fn of(p: &TokenStream, wire: &[&Field], method: &str, wanted: impl Fn(&Field) -> bool) -> Self {
        let mut readers: Vec<TokenStream> = Vec::new();
        let mut keys: Vec<String> = Vec::new();
        let of_field = wire
            .iter()
            .map(|field| {
                let reader = reader(p, field).filter(|_| wanted(field))?;
                let key = reader.to_string();
                Some(keys.iter().position(|k| *k == key).unwrap_or_else(|| {
                    keys.push(key);
                    readers.push(reader);
                    readers.len() - 1
                }))
            })
            .collect();
        let method = format_ident!("{}", method);
        Readers {
            method,
            readers,
            of_field,
        }
    }

    /// `let __k{n} = (&&&Reader::<T>::..).method();` for each way.
    fn lets(&self) -> TokenStream {
        let method = &self.method;
        let lets = self.readers.iter().enumerate().map(|(n, reader)| {
            let name = format_ident!("__k{}", n);
            quote!(let #name = (&&&#reader).#method();)
        });
        quote!(#(#lets)*)
    }

    /// The reader of field `index`, if it is read this way.
    fn name(&self, index: usize) -> Option<syn::Ident> {
        self.of_field[index].map(|n| format_ident!("__k{}", n))
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

/// Field `index` read from the JSON object `__object` with `reader`: a
/// statement that reads it into `__r{index}` (one statement each, so that
/// the borrows the reading makes end there), and what its checks get.
fn read_field(
    p: &TokenStream,
    index: usize,
    field: &Field,
    reader: Option<syn::Ident>,
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
    let Some(reader) = reader else {
        return (
            quote!(let #slot = #p::unchecked(__object, #index);),
            quote!(#p::Got::Read(&#slot)),
        );
    };
    let adapter = matches!(field.read, Read::With(_)).then(|| adapter_name(field));
    let default = match (&field.default, &adapter) {
        (None, _) => quote!(#p::None),
        (Some(default), adapter) => {
            let member = field.member;
            let value = match default {
                Default::Trait => quote!(<#ty as #p::Default>::default()),
                Default::Path(path) => quote!(#path()),
                Default::Container => quote!(<Self as #p::Default>::default().#member),
            };
            match adapter {
                Some(adapter) => quote!(#p::Some(|| #adapter(#value))),
                None => quote!(#p::Some(|| #value)),
            }
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
