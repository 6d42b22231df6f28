//! Code generation for a checked model.

use proc_macro2::TokenStream;
use quote::{quote, ToTokens};
use syn::{parse_quote, DeriveInput};

use crate::ast::{Container, Field};
use crate::check;
use crate::ctxt::Ctxt;
use crate::fallback;

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
            (&&#p::TypeProbe::<Self>::new()).__parse(value)
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
    let checks = wire_fields.iter().map(|field| required_check(&p, field));
    let raw_checks = wire_fields
        .iter()
        .map(|field| raw_check(&p, field, container.attrs.default));

    quote! {
        #[automatically_derived]
        impl #impl_generics #p::Validate for #ident #ty_generics #where_clause {
            fn validate_for(
                &self,
                operation: #p::Operation,
            ) -> #p::Result<(), #p::ValidationErrors> {
                let mut failures = #p::Vec::new();
                <Self as #p::NexudusResource>::__validate_into(
                    self,
                    operation,
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
                value: &#p::Value,
                operation: #p::Operation,
            ) -> #p::Result<(), #p::ValidationErrors> {
                let parsed = #parse_self;
                #p::validate_value::<Self>(value, operation, parsed)
            }

            #[allow(unused_variables)]
            fn __check_object(
                object: &#p::Map<#p::String, #p::Value>,
                operation: #p::Operation,
                path: &#p::Path<'_>,
                out: &mut #p::Vec<#p::ValidationFailure>,
            ) {
                #(#raw_checks)*
            }

            #[allow(unused_variables)]
            fn __validate_into(
                &self,
                operation: #p::Operation,
                path: &#p::Path<'_>,
                out: &mut #p::Vec<#p::ValidationFailure>,
            ) {
                #(#checks)*
            }
        }
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
            #rust_type,
        )
    }
}

fn required_check(p: &TokenStream, field: &Field) -> TokenStream {
    let Some(required) = &field.attrs.required else {
        return TokenStream::new();
    };
    let member = field.member;
    let property_name = field.property_name();
    let allow_empty = required.allow_empty;
    let check = quote! {
        #p::check_required(
            out,
            path,
            #property_name,
            {
                use #p::{ViaAny as _, ViaOption as _, ViaRequired as _};
                (&&&#p::Probe(&self.#member)).__presence()
            },
            #allow_empty,
            false,
        );
    };
    if required.update_only {
        quote!(if operation.is_update() { #check })
    } else {
        check
    }
}

/// The raw-JSON check of one field: presence, blankness, then its type.
fn raw_check(p: &TokenStream, field: &Field, container_default: bool) -> TokenStream {
    let ty = field.ty;
    let property_name = field.property_name();
    let keys = std::iter::once(&field.wire_name).chain(&field.attrs.aliases);
    let required = match &field.attrs.required {
        None => quote!(false),
        Some(r) if r.update_only => quote!(operation.is_update()),
        Some(_) => quote!(true),
    };
    let allow_empty = field.attrs.required.as_ref().is_some_and(|r| r.allow_empty);
    let has_default = field.attrs.default || container_default;
    // Autoref dispatch cannot tell borrowed types apart (lifetimes are
    // erased when the method is picked), so those go to the final parse.
    let parse = if field.attrs.custom_deserialize || mentions_lifetime(ty.to_token_stream()) {
        quote!(|_: &#p::Value| #p::Parsed::<#ty>::Unchecked)
    } else {
        quote! {
            |value: &#p::Value| {
                use #p::{ViaDeserialize as _, ViaUnchecked as _};
                (&&#p::TypeProbe::<#ty>::new()).__parse(value)
            }
        }
    };
    quote! {
        let _ = #p::check_raw(
            out,
            path,
            #p::RawField {
                property_name: #property_name,
                required: #required,
                allow_empty: #allow_empty,
                has_default: #has_default,
                sensitive: false,
            },
            #p::lookup(object, &[#(#keys),*]),
            #parse,
        );
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
