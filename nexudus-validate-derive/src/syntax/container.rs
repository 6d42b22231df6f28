//! Attributes on the struct: `#[nexudus(..)]` and the serde attributes
//! that change the wire shape.

use proc_macro2::Span;
use syn::meta::ParseNestedMeta;
use syn::spanned::Spanned;
use syn::{Attribute, LitStr, Token};

use super::case::RenameRule;
use super::{meta_key, skip_meta_value};
use crate::ctxt::Ctxt;
use crate::suggest::unknown_key_message;
use crate::symbol::*;

/// The struct's attributes.
#[derive(Default)]
pub struct Container {
    pub name: Option<LitStr>,
    pub path: Option<LitStr>,
    pub krate: Option<syn::Path>,
    /// `#[nexudus(check = path::to_fn)]`, in order.
    pub checks: Vec<syn::Path>,
    /// serde `rename_all` (deserialize side).
    pub rename_all: Option<RenameRule>,
    /// serde `default` on the struct: every field may be left out.
    pub default: bool,
    /// serde `deny_unknown_fields`.
    pub deny_unknown_fields: bool,
    /// serde attributes that make the value something other than an object
    /// of its fields.
    pub unsupported: Vec<(Span, String)>,
}

impl Container {
    pub fn parse(cx: &Ctxt, attrs: &[Attribute]) -> Self {
        let mut out = Container::default();
        for attr in attrs {
            let path = attr.path();
            if path.is_ident(NEXUDUS) {
                if let Err(err) = attr.parse_nested_meta(|meta| out.parse_nexudus(cx, &meta)) {
                    cx.push(err);
                }
            } else if path.is_ident(SERDE) {
                // Malformed serde attributes are serde_derive's to report.
                let _ = attr.parse_nested_meta(|meta| out.parse_serde(&meta));
            } else if let Some(rule) = RULES.iter().find(|rule| path.is_ident(rule)) {
                cx.error_spanned_by(
                    attr,
                    format!("#[{rule}] goes on a field, not on the struct"),
                );
            }
        }
        out
    }

    fn parse_nexudus(&mut self, cx: &Ctxt, meta: &ParseNestedMeta) -> syn::Result<()> {
        let key = meta_key(meta);
        match key.as_str() {
            NAME => set_once(cx, meta, &mut self.name, meta.value()?.parse()?),
            PATH => set_once(cx, meta, &mut self.path, meta.value()?.parse()?),
            CHECK => {
                // `check = path` or `check = "path"`.
                let value = meta.value()?;
                let function = if value.peek(LitStr) {
                    value.parse::<LitStr>()?.parse::<syn::Path>()?
                } else {
                    value.parse::<syn::Path>()?
                };
                self.checks.push(function);
            }
            CRATE => {
                let lit: LitStr = meta.value()?.parse()?;
                let path = lit.parse::<syn::Path>().map_err(|_| {
                    syn::Error::new(lit.span(), format!("`{}` is not a path", lit.value()))
                })?;
                set_once(cx, meta, &mut self.krate, path);
            }
            _ if FIELD_KEYS.contains(&key.as_str()) || RULES.contains(&key.as_str()) => {
                return Err(meta.error(format!(
                    "`{key}` is a field attribute: put it on a field, not on the struct"
                )));
            }
            _ => {
                return Err(meta.error(unknown_key_message(
                    "nexudus attribute",
                    &key,
                    CONTAINER_KEYS,
                )))
            }
        }
        Ok(())
    }

    fn parse_serde(&mut self, meta: &ParseNestedMeta) -> syn::Result<()> {
        let key = meta_key(meta);
        match key.as_str() {
            RENAME_ALL => {
                if let Some(name) = deserialize_side(meta)? {
                    self.rename_all = RenameRule::from_name(&name);
                }
            }
            DEFAULT => {
                self.default = true;
                skip_meta_value(meta)?;
            }
            DENY_UNKNOWN_FIELDS => self.deny_unknown_fields = true,
            _ if UNSUPPORTED_SERDE.contains(&key.as_str()) => {
                self.unsupported.push((meta.path.span(), key));
                skip_meta_value(meta)?;
            }
            _ => skip_meta_value(meta)?,
        }
        Ok(())
    }
}

/// Records `value` in `slot`, or a "duplicate" error if it is taken.
pub fn set_once<T>(cx: &Ctxt, meta: &ParseNestedMeta, slot: &mut Option<T>, value: T) {
    if slot.is_some() {
        cx.push(meta.error(format!("duplicate nexudus attribute `{}`", meta_key(meta))));
    } else {
        *slot = Some(value);
    }
}

/// The deserialize-side string of `key = ".."` or
/// `key(serialize = "..", deserialize = "..")`.
pub fn deserialize_side(meta: &ParseNestedMeta) -> syn::Result<Option<String>> {
    if meta.input.peek(Token![=]) {
        let lit: LitStr = meta.value()?.parse()?;
        return Ok(Some(lit.value()));
    }
    let mut found = None;
    meta.parse_nested_meta(|inner| {
        let lit: LitStr = inner.value()?.parse()?;
        if inner.path.is_ident(DESERIALIZE) {
            found = Some(lit.value());
        }
        Ok(())
    })?;
    Ok(found)
}
