//! The derive input as a model: the container, its fields and their wire
//! names.

use syn::ext::IdentExt;
use syn::{Data, DeriveInput, Fields, Generics, Ident, Type};

use crate::attr;
use crate::ctxt::Ctxt;

pub struct Container<'a> {
    pub ident: &'a Ident,
    pub generics: &'a Generics,
    pub attrs: attr::Container,
    pub fields: Vec<Field<'a>>,
}

pub struct Field<'a> {
    pub member: &'a Ident,
    pub ty: &'a Type,
    pub attrs: attr::Field,
    /// The JSON key serde reads for this field.
    pub wire_name: String,
}

impl Field<'_> {
    /// The `PropertyName` failures of this field carry.
    pub fn property_name(&self) -> String {
        self.attrs
            .rename
            .as_ref()
            .map_or_else(|| self.wire_name.clone(), |lit| lit.value())
    }

    /// Whether serde reads this field from JSON at all.
    pub fn is_deserialized(&self) -> bool {
        self.attrs.skip.is_none()
    }
}

impl<'a> Container<'a> {
    /// The model of `input`, or `None` (with an error recorded) when it is
    /// not a struct with named fields.
    pub fn from_ast(cx: &Ctxt, input: &'a DeriveInput) -> Option<Self> {
        let container_attrs = attr::Container::from_attrs(cx, &input.attrs);
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
            .map(|field| {
                let member = field.ident.as_ref().expect("named field");
                let attrs = attr::Field::from_attrs(cx, &field.attrs);
                let wire_name = attrs.serde_rename.clone().unwrap_or_else(|| {
                    let name = member.unraw().to_string();
                    match container_attrs.rename_all {
                        Some(rule) => rule.apply_to_field(&name),
                        None => name,
                    }
                });
                Field {
                    member,
                    ty: &field.ty,
                    attrs,
                    wire_name,
                }
            })
            .collect();
        Some(Container {
            ident: &input.ident,
            generics: &input.generics,
            attrs: container_attrs,
            fields,
        })
    }
}
