//! The derive input as written: attributes parsed, spans kept, nothing
//! judged yet (that is [`check`](crate::check)'s job).

pub mod case;
mod container;
mod field;

pub use container::Container;
pub use field::{Arg, Field, RuleAttr, SerdeDefault};

use syn::{Data, DeriveInput, Fields, Generics, Ident};

use crate::ctxt::Ctxt;

/// A struct with named fields, as written.
pub struct Input<'a> {
    pub ident: &'a Ident,
    pub generics: &'a Generics,
    pub container: Container,
    pub fields: Vec<Field<'a>>,
}

/// The input's attributes, or `None` (with an error recorded) when it is
/// not a struct with named fields.
pub fn parse<'a>(cx: &Ctxt, input: &'a DeriveInput) -> Option<Input<'a>> {
    let container = Container::parse(cx, &input.attrs);
    let named = match &input.data {
        Data::Struct(data) => match &data.fields {
            Fields::Named(named) => named,
            Fields::Unnamed(fields) => {
                cx.error_spanned_by(
                    fields,
                    "NexudusResource needs named fields: a Nexudus resource is a JSON object, so a tuple struct has no property names",
                );
                return None;
            }
            Fields::Unit => {
                cx.error_spanned_by(
                    data.struct_token,
                    "NexudusResource needs a struct with named fields, not a unit struct",
                );
                return None;
            }
        },
        Data::Enum(data) => {
            cx.error_spanned_by(
                data.enum_token,
                "NexudusResource can only be derived for a struct with named fields, not an enum",
            );
            return None;
        }
        Data::Union(data) => {
            cx.error_spanned_by(
                data.union_token,
                "NexudusResource can only be derived for a struct with named fields, not a union",
            );
            return None;
        }
    };
    let fields = named
        .named
        .iter()
        .filter_map(|field| Field::parse(cx, field))
        .collect();
    Some(Input {
        ident: &input.ident,
        generics: &input.generics,
        container,
        fields,
    })
}

/// The key of `meta` as a string (`a::b` for a path).
pub fn meta_key(meta: &syn::meta::ParseNestedMeta) -> String {
    let path = &meta.path;
    path.get_ident().map_or_else(
        || quote::quote!(#path).to_string().replace(' ', ""),
        ToString::to_string,
    )
}

/// Consumes the value of an attribute we do not interpret.
pub fn skip_meta_value(meta: &syn::meta::ParseNestedMeta) -> syn::Result<()> {
    if meta.input.peek(syn::Token![=]) {
        meta.value()?.parse::<syn::Expr>()?;
    } else if meta.input.peek(syn::token::Paren) {
        let content;
        syn::parenthesized!(content in meta.input);
        content.parse::<proc_macro2::TokenStream>()?;
    }
    Ok(())
}
