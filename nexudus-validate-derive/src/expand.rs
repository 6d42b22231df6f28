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
