//! Code generation for a checked model.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned, ToTokens};
use syn::{parse_quote, DeriveInput};

use crate::ast::{Container, Field};
use crate::check;
use crate::ctxt::Ctxt;
use crate::fallback;
use crate::rules;

pub fn derive(input: &DeriveInput) -> TokenStream {
    let cx = Ctxt::default();
    let container = Container::from_ast(&cx, input);
    if let Some(container) = &container {
        check::check(&cx, container);
    }
    let krate = container
        .as_ref()
        .and_then(|c| c.attrs.crate_path.clone())
        .unwrap_or_else(|| parse_quote!(::nexudus_validate));
    match (cx.finish(), container) {
        (Ok(()), Some(container)) => expand(&container, &krate),
        (Err(error), _) => fallback::expand(input, &krate, error),
        (Ok(()), None) => unreachable!("Container::from_ast records an error when it returns None"),
    }
}

fn expand(container: &Container, krate: &syn::Path) -> TokenStream {
    let p = quote!(#krate::__private);
    let ident = container.ident;
    let (impl_generics, ty_generics, where_clause) = container.generics.split_for_impl();
    let parse_self = if container.generics.lifetimes().next().is_some() {
        quote!(#p::Parsed::<Self>::Unchecked)
    } else {
        quote! {{
            use #p::{ViaDeserialize as _, ViaUnchecked as _};
            (&&#p::TypeProbe::<Self>::new()).__parse(__nx_value)
        }}
    };
    let name = container
        .attrs
        .name
        .as_ref()
        .map_or_else(|| ident.to_string(), |lit| lit.value());
    let path = container
        .attrs
        .path
        .as_ref()
        .map(syn::LitStr::value)
        .unwrap_or_default();
    let wire_fields: Vec<&Field> = container
        .fields
        .iter()
        .filter(|f| f.is_deserialized())
        .collect();
    let field_infos = wire_fields
        .iter()
        .map(|field| field_info(&p, field, container.attrs.default));
    let typed_checks = wire_fields.iter().map(|field| {
        let member = field.member;
        let checks = field_checks(&p, field);
        quote!({
            let __nx_value = &self.#member;
            #checks
        })
    });
    let raw_checks = wire_fields
        .iter()
        .map(|field| raw_check(&p, field, container.attrs.default));
    let container_checks =
        container.attrs.checks.iter().map(
            |function| quote!(#p::rules::container_check(__nx_out, __nx_path, #function(self));),
        );
    let debug = debug_impl(&p, container);

    quote! {
        #[automatically_derived]
        impl #impl_generics #p::Validate for #ident #ty_generics #where_clause {
            fn validate_for(
                &self,
                __nx_operation: #p::Operation,
            ) -> #p::Result<(), #p::ValidationErrors> {
                let mut failures = #p::Vec::new();
                <Self as #p::NexudusResource>::__validate_into(
                    self,
                    __nx_operation,
                    &#p::Path::Root,
                    &mut failures,
                );
                #p::finish(failures)
            }
        }

        #[automatically_derived]
        impl #impl_generics #p::NexudusResource for #ident #ty_generics #where_clause {
            const NAME: &'static str = #name;
            const PATH: &'static str = #path;
            const FIELDS: &'static [#p::FieldInfo] = &[#(#field_infos),*];

            fn validate_value(
                __nx_value: &#p::Value,
                __nx_operation: #p::Operation,
            ) -> #p::Result<(), #p::ValidationErrors> {
                let parsed = #parse_self;
                #p::validate_value::<Self>(__nx_value, __nx_operation, parsed)
            }

            #[allow(unused_variables)]
            fn __check_object(
                __nx_object: &#p::Map<#p::String, #p::Value>,
                __nx_operation: #p::Operation,
                __nx_path: &#p::Path<'_>,
                __nx_out: &mut #p::Vec<#p::ValidationFailure>,
            ) {
                #(#raw_checks)*
            }

            #[allow(unused_variables)]
            fn __validate_into(
                &self,
                __nx_operation: #p::Operation,
                __nx_path: &#p::Path<'_>,
                __nx_out: &mut #p::Vec<#p::ValidationFailure>,
            ) {
                #(#typed_checks)*
                #(#container_checks)*
            }
        }

        #debug
    }
}

fn field_info(p: &TokenStream, field: &Field, container_default: bool) -> TokenStream {
    let ident = field.member.to_string();
    let property_name = field.property_name();
    let wire_name = &field.wire_name;
    let aliases = &field.attrs.aliases;
    let requirement = match &field.attrs.required {
        None => quote!(#p::Requirement::Optional),
        Some(r) if r.update_only => quote!(#p::Requirement::UpdateOnly),
        Some(_) => quote!(#p::Requirement::Always),
    };
    let allow_empty = field.attrs.required.as_ref().is_some_and(|r| r.allow_empty);
    let has_default = field.attrs.default || container_default;
    let sensitive = field.attrs.sensitive.is_some();
    let rust_type = type_string(field.ty);
    quote! {
        #p::FieldInfo::__new(
            #ident,
            #property_name,
            #wire_name,
            &[#(#aliases),*],
            #requirement,
            #allow_empty,
            #has_default,
            #sensitive,
            #rust_type,
        )
    }
}

/// Every check of one field, on `value: &FieldType`, in a fixed order:
/// `#[required]`, whole-value rules, `#[nested]`, then the rules on the
/// value inside its `Option`s (skipped for `None`).
fn field_checks(p: &TokenStream, field: &Field) -> TokenStream {
    let attrs = &field.attrs;
    let name = field.property_name();
    let message = |own: &Option<syn::LitStr>| match own.as_ref().or(attrs.message.as_ref()) {
        Some(lit) => quote!(#p::Some(#lit)),
        None => quote!(#p::None),
    };
    let mut checks = TokenStream::new();
    if let Some(required) = &attrs.required {
        let allow_empty = required.allow_empty;
        let message = message(&required.message);
        let check = quote! {
            #p::rules::required(__nx_out, __nx_path, #name, {
                use #p::{ViaAny as _, ViaOption as _, ViaRequired as _};
                (&&&#p::Probe(__nx_value)).__presence()
            }, #allow_empty, #message);
        };
        checks.extend(if required.update_only {
            quote!(if __nx_operation.is_update() { #check })
        } else {
            check
        });
    }
    let (inner, whole): (Vec<_>, Vec<_>) =
        attrs.rules.iter().partition(|r| r.kind.on_inner_value());
    for rule in whole {
        checks.extend(rules::expand(p, rule, &name, &message(&rule.message)));
    }
    if let Some(nested) = &attrs.nested {
        let span = name_span(nested);
        checks.extend(quote_spanned! {span=>
            #p::Nested::validate_nested(__nx_value, __nx_operation, &#p::Path::Field(__nx_path, #name), __nx_out);
        });
    }
    if !inner.is_empty() {
        let mut body = TokenStream::new();
        for rule in inner {
            body.extend(rules::expand(p, rule, &name, &message(&rule.message)));
        }
        for _ in 0..option_depth(field.ty) {
            body = quote!(if let #p::Some(__nx_value) = __nx_value { #body });
        }
        checks.extend(body);
    }
    if attrs.sensitive.is_some() && !checks.is_empty() {
        checks = quote! {
            let __nx_start = __nx_out.len();
            #checks
            #p::rules::redact_from(__nx_out, __nx_start);
        };
    }
    checks
}

/// The raw-JSON check of one field: read the key as the field's type, then
/// run the same checks as typed validation on what was read.
fn raw_check(p: &TokenStream, field: &Field, container_default: bool) -> TokenStream {
    let ty = field.ty;
    let property_name = field.property_name();
    let keys = std::iter::once(&field.wire_name).chain(&field.attrs.aliases);
    let required = match &field.attrs.required {
        None => quote!(false),
        Some(r) if r.update_only => quote!(__nx_operation.is_update()),
        Some(_) => quote!(true),
    };
    let allow_empty = field.attrs.required.as_ref().is_some_and(|r| r.allow_empty);
    let has_default = field.attrs.default || container_default;
    let sensitive = field.attrs.sensitive.is_some();
    let nested = if let Some(nested) = &field.attrs.nested {
        // Spanned like the typed call so that a type that is not a resource
        // gets one error, on #[nested].
        let span = name_span(nested);
        quote_spanned!(span=> #p::Some(#p::nested_check::<#ty>()))
    } else {
        quote!(#p::None)
    };
    // Autoref dispatch cannot tell borrowed types apart (lifetimes are
    // erased when the method is picked), so those go to the final parse.
    let parse = if field.attrs.custom_deserialize || mentions_lifetime(ty.to_token_stream()) {
        quote!(|_: &#p::Value| #p::Parsed::<#ty>::Unchecked)
    } else {
        quote! {
            |__nx_value: &#p::Value| {
                use #p::{ViaDeserialize as _, ViaUnchecked as _};
                (&&#p::TypeProbe::<#ty>::new()).__parse(__nx_value)
            }
        }
    };
    let checks = field_checks(p, field);
    let read = quote! {
        #p::read_field(
            __nx_out,
            __nx_path,
            __nx_operation,
            #p::RawField {
                property_name: #property_name,
                required: #required,
                allow_empty: #allow_empty,
                has_default: #has_default,
                sensitive: #sensitive,
                nested: #nested,
            },
            #p::lookup(__nx_object, &[#(#keys),*]),
            #parse,
        )
    };
    if checks.is_empty() {
        quote!(let _ = #read;)
    } else {
        quote!(if let #p::Some(__nx_value) = &#read { #checks })
    }
}

/// A struct with `#[sensitive]` fields gets its `Debug` from the derive, with
/// those fields redacted. (Also deriving `Debug` is a conflicting-impl error
/// that points at the `#[sensitive]` attribute.)
fn debug_impl(p: &TokenStream, container: &Container) -> TokenStream {
    let Some(first_sensitive) = container
        .fields
        .iter()
        .find_map(|f| f.attrs.sensitive.as_ref())
    else {
        return TokenStream::new();
    };
    let span = name_span(first_sensitive);
    let ident = container.ident;
    let name = ident.to_string();
    let (impl_generics, ty_generics, where_clause) = container.generics.split_for_impl();
    let fields = container.fields.iter().map(|field| {
        let member = field.member;
        let label = member.to_string();
        if field.attrs.sensitive.is_some() {
            let optional = option_depth(field.ty) > 0;
            quote! {
                .field(#label, &#p::Redacted {
                    missing: {
                        use #p::{ViaAny as _, ViaOption as _, ViaRequired as _};
                        (&&&#p::Probe(&self.#member)).__presence() == #p::Presence::Missing
                    },
                    optional: #optional,
                })
            }
        } else {
            quote!(.field(#label, {
                use #p::{ViaDebug as _, ViaNoDebug as _};
                (&&#p::Probe(&self.#member)).__debug()
            }))
        }
    });
    quote_spanned! {span=>
        #[automatically_derived]
        impl #impl_generics #p::fmt::Debug for #ident #ty_generics #where_clause {
            fn fmt(&self, f: &mut #p::fmt::Formatter<'_>) -> #p::fmt::Result {
                f.debug_struct(#name)
                    #(#fields)*
                    .finish()
            }
        }
    }
}

/// The span of the rule's name in `#[name(..)]` or `nexudus(name)`.
fn name_span(tokens: &TokenStream) -> proc_macro2::Span {
    tokens
        .clone()
        .into_iter()
        .find_map(|token| match token {
            proc_macro2::TokenTree::Ident(ident) => Some(ident.span()),
            proc_macro2::TokenTree::Group(group) => Some(name_span(&group.stream())),
            _ => None,
        })
        .unwrap_or_else(proc_macro2::Span::call_site)
}

/// How many `Option<..>` layers wrap the type, as written.
fn option_depth(ty: &syn::Type) -> usize {
    match ty {
        syn::Type::Group(g) => option_depth(&g.elem),
        syn::Type::Paren(p) => option_depth(&p.elem),
        syn::Type::Path(path) if path.qself.is_none() => {
            let segments: Vec<String> = path
                .path
                .segments
                .iter()
                .map(|s| s.ident.to_string())
                .collect();
            let is_option = matches!(
                segments
                    .iter()
                    .map(String::as_str)
                    .collect::<Vec<_>>()
                    .as_slice(),
                ["Option"] | ["std" | "core", "option", "Option"]
            );
            let last = path.path.segments.last();
            match (is_option, last.map(|s| &s.arguments)) {
                (true, Some(syn::PathArguments::AngleBracketed(args))) if args.args.len() == 1 => {
                    match &args.args[0] {
                        syn::GenericArgument::Type(inner) => 1 + option_depth(inner),
                        _ => 0,
                    }
                }
                _ => 0,
            }
        }
        _ => 0,
    }
}

/// Whether a type mentions a reference or a lifetime anywhere.
fn mentions_lifetime(tokens: TokenStream) -> bool {
    tokens.into_iter().any(|token| match token {
        proc_macro2::TokenTree::Punct(p) => p.as_char() == '\'' || p.as_char() == '&',
        proc_macro2::TokenTree::Group(g) => mentions_lifetime(g.stream()),
        _ => false,
    })
}

/// The type as a user would write it: `Option<Vec<i64>>`, `&'a str`.
fn type_string(ty: &syn::Type) -> String {
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
