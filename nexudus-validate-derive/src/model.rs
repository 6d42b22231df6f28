//! The checked model [`emit`](crate::emit) reads: names resolved, rules
//! checked, how each field is read decided.

use proc_macro2::Span;
use syn::{Generics, Ident, LitStr, Type};

use crate::rules::Checked;

pub struct Container<'a> {
    pub ident: &'a Ident,
    pub generics: &'a Generics,
    /// `NAME`: `#[nexudus(name)]` or the struct's name.
    pub name: String,
    /// `PATH`, possibly empty.
    pub path: String,
    /// Where the runtime crate is.
    pub krate: syn::Path,
    /// `#[nexudus(check = f)]`, in order.
    pub checks: Vec<syn::Path>,
    pub deny_unknown_fields: bool,
    /// Every field, in declaration order.
    pub fields: Vec<Field<'a>>,
}

pub struct Field<'a> {
    pub member: &'a Ident,
    pub ty: &'a Type,
    /// `None` for a field serde never reads (`#[serde(skip)]`): it has no
    /// checks and no entry in `FIELDS`.
    pub wire: Option<Wire>,
    pub required: Option<Required>,
    pub rules: Vec<Checked>,
    /// `#[nexudus(each(..))]`: rules on every element, with the span of
    /// `each`.
    pub each: Option<(proc_macro2::Span, Vec<Checked>)>,
    /// `#[nested]`, with the attribute's span for type errors.
    pub nested: Option<Span>,
    /// `#[sensitive]`, with the attribute's span.
    pub sensitive: Option<Span>,
    /// `#[serde(flatten)]`: a resource whose fields sit in this object.
    pub flatten: Option<Span>,
    /// `#[nexudus(message)]`: the message of rules without their own.
    pub message: Option<LitStr>,
    pub read: Read,
    pub default: Option<Default>,
}

impl Field<'_> {
    /// Whether the field has checks beyond reading as its type.
    pub fn has_checks(&self) -> bool {
        self.required.is_some()
            || !self.rules.is_empty()
            || self.nested.is_some()
            || self.each.is_some()
            || self.flatten.is_some()
    }
}

/// Where a field is on the wire.
pub struct Wire {
    /// The JSON key serde reads.
    pub key: String,
    /// Other keys serde accepts.
    pub aliases: Vec<String>,
    /// The `PropertyName` failures carry.
    pub property: String,
}

pub struct Required {
    pub update_only: bool,
    pub create_only: bool,
    pub allow_empty: bool,
    pub message: Option<LitStr>,
}

/// How the raw-JSON check reads a field.
pub enum Read {
    /// With the type's own `Deserialize`.
    Owned,
    /// Not at all: the type borrows from the input; the typed parse reads
    /// it.
    Skip,
    /// Through the function serde is told to use.
    With(syn::Path),
}

/// What an absent key reads as.
pub enum Default {
    /// `Default::default()`.
    Trait,
    /// `path()`.
    Path(syn::Path),
    /// The field of `Self::default()` (serde `default` on the struct).
    Container,
}
