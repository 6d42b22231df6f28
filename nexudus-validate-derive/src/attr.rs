//! Attribute parsing: `#[nexudus(..)]`, `#[required(..)]` and the serde
//! attributes that decide a field's JSON key.

use proc_macro2::Span;
use syn::meta::ParseNestedMeta;
use syn::spanned::Spanned;
use syn::{Attribute, LitStr, Token};

use crate::case::RenameRule;
use crate::ctxt::Ctxt;
use crate::suggest::unknown_key_message;

pub const CONTAINER_KEYS: &[&str] = &["name", "path", "crate"];
pub const FIELD_KEYS: &[&str] = &["rename"];
pub const REQUIRED_KEYS: &[&str] = &["update", "allow_empty"];

/// Container attributes.
#[derive(Default)]
pub struct Container {
    pub name: Option<LitStr>,
    pub path: Option<LitStr>,
    pub crate_path: Option<syn::Path>,
    /// serde `rename_all` (deserialize side).
    pub rename_all: Option<RenameRule>,
    /// serde `default` on the container: every field may be left out.
    pub default: bool,
    /// A serde container attribute that changes the wire shape away from a
    /// JSON object of fields (`transparent`, `from`, `try_from`).
    pub unsupported: Vec<(Span, String)>,
}

/// `#[required]`, `#[required(update)]`, `#[required(allow_empty)]`.
pub struct Required {
    /// The attribute itself, to span errors about it.
    pub attr: Attribute,
    pub update_only: bool,
    pub allow_empty: bool,
}

/// Field attributes.
#[derive(Default)]
pub struct Field {
    pub required: Option<Required>,
    /// `#[nexudus(rename = "..")]`: the PropertyName to report.
    pub rename: Option<LitStr>,
    /// serde `rename` (deserialize side).
    pub serde_rename: Option<String>,
    pub aliases: Vec<String>,
    /// `#[serde(skip)]` or `#[serde(skip_deserializing)]`.
    pub skip: Option<Span>,
    pub default: bool,
    pub flatten: Option<Span>,
    /// serde `deserialize_with` or `with`: the field's own `Deserialize`
    /// is not what reads it.
    pub custom_deserialize: bool,
}

impl Container {
    pub fn from_attrs(cx: &Ctxt, attrs: &[Attribute]) -> Self {
        let mut out = Container::default();
        for attr in attrs {
            if attr.path().is_ident("nexudus") {
                let result = attr.parse_nested_meta(|meta| out.parse_nexudus(cx, &meta));
                if let Err(err) = result {
                    cx.push(err);
                }
            } else if attr.path().is_ident("required") {
                cx.error_spanned_by(attr, "#[required] goes on a field, not on the struct");
            } else if attr.path().is_ident("serde") {
                // Malformed serde attributes are serde_derive's to report.
                let _ = attr.parse_nested_meta(|meta| out.parse_serde(&meta));
            }
        }
        out
    }

    fn parse_nexudus(&mut self, cx: &Ctxt, meta: &ParseNestedMeta) -> syn::Result<()> {
        let key = meta_key(meta);
        match key.as_str() {
            "name" => set_once(cx, meta, &mut self.name, meta.value()?.parse()?),
            "path" => set_once(cx, meta, &mut self.path, meta.value()?.parse()?),
            "crate" => {
                let lit: LitStr = meta.value()?.parse()?;
                let path = lit.parse::<syn::Path>().map_err(|_| {
                    syn::Error::new(lit.span(), format!("`{}` is not a path", lit.value()))
                })?;
                set_once(cx, meta, &mut self.crate_path, path);
            }
            _ if FIELD_KEYS.contains(&key.as_str()) => {
                return Err(meta.error(format!(
                    "`{key}` is a field attribute: put #[nexudus({key} = \"..\")] on the field"
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
            "rename_all" => {
                if let Some(name) = deserialize_side(meta)? {
                    self.rename_all = RenameRule::from_name(&name);
                }
            }
            "default" => {
                self.default = true;
                skip_meta_value(meta)?;
            }
            "transparent" | "from" | "try_from" => {
                self.unsupported.push((meta.path.span(), key));
                skip_meta_value(meta)?;
            }
            _ => skip_meta_value(meta)?,
        }
        Ok(())
    }
}

impl Field {
    pub fn from_attrs(cx: &Ctxt, attrs: &[Attribute]) -> Self {
        let mut out = Field::default();
        for attr in attrs {
            if attr.path().is_ident("required") {
                out.parse_required(cx, attr);
            } else if attr.path().is_ident("nexudus") {
                let result = attr.parse_nested_meta(|meta| out.parse_nexudus(cx, &meta));
                if let Err(err) = result {
                    cx.push(err);
                }
            } else if attr.path().is_ident("serde") {
                let _ = attr.parse_nested_meta(|meta| out.parse_serde(&meta));
            }
        }
        out
    }

    fn parse_required(&mut self, cx: &Ctxt, attr: &Attribute) {
        if self.required.is_some() {
            cx.error_spanned_by(attr, "duplicate #[required] attribute");
            return;
        }
        let mut required = Required {
            attr: attr.clone(),
            update_only: false,
            allow_empty: false,
        };
        let result = match &attr.meta {
            syn::Meta::Path(_) => Ok(()),
            syn::Meta::List(_) => attr.parse_nested_meta(|meta| {
                let key = meta_key(&meta);
                let flag = match key.as_str() {
                    "update" => &mut required.update_only,
                    "allow_empty" => &mut required.allow_empty,
                    _ => {
                        return Err(meta.error(unknown_key_message(
                            "#[required] option",
                            &key,
                            REQUIRED_KEYS,
                        )))
                    }
                };
                if *flag {
                    return Err(meta.error(format!("duplicate #[required] option `{key}`")));
                }
                *flag = true;
                Ok(())
            }),
            syn::Meta::NameValue(nv) => Err(syn::Error::new_spanned(
                nv,
                "expected #[required], #[required(update)] or #[required(allow_empty)]",
            )),
        };
        match result {
            Ok(()) => self.required = Some(required),
            Err(err) => cx.push(err),
        }
    }

    fn parse_nexudus(&mut self, cx: &Ctxt, meta: &ParseNestedMeta) -> syn::Result<()> {
        let key = meta_key(meta);
        match key.as_str() {
            "rename" => {
                let lit: LitStr = meta.value()?.parse()?;
                if lit.value().trim().is_empty() {
                    return Err(syn::Error::new(
                        lit.span(),
                        "a PropertyName cannot be empty",
                    ));
                }
                set_once(cx, meta, &mut self.rename, lit);
            }
            _ if CONTAINER_KEYS.contains(&key.as_str()) => {
                return Err(meta.error(format!(
                    "`{key}` is a container attribute: put #[nexudus({key} = \"..\")] on the struct"
                )));
            }
            _ => {
                return Err(meta.error(unknown_key_message(
                    "nexudus field attribute",
                    &key,
                    FIELD_KEYS,
                )))
            }
        }
        Ok(())
    }

    fn parse_serde(&mut self, meta: &ParseNestedMeta) -> syn::Result<()> {
        match meta_key(meta).as_str() {
            "rename" => {
                if let Some(name) = deserialize_side(meta)? {
                    self.serde_rename = Some(name);
                }
            }
            "alias" => {
                let lit: LitStr = meta.value()?.parse()?;
                self.aliases.push(lit.value());
            }
            "skip" | "skip_deserializing" => self.skip = Some(meta.path.span()),
            "default" => {
                self.default = true;
                skip_meta_value(meta)?;
            }
            "flatten" => self.flatten = Some(meta.path.span()),
            "deserialize_with" | "with" => {
                self.custom_deserialize = true;
                skip_meta_value(meta)?;
            }
            _ => skip_meta_value(meta)?,
        }
        Ok(())
    }
}

fn meta_key(meta: &ParseNestedMeta) -> String {
    meta.path
        .get_ident()
        .map(ToString::to_string)
        .unwrap_or_else(|| {
            let path = &meta.path;
            quote::quote!(#path).to_string().replace(' ', "")
        })
}

fn set_once<T>(cx: &Ctxt, meta: &ParseNestedMeta, slot: &mut Option<T>, value: T) {
    if slot.is_some() {
        cx.push(meta.error(format!("duplicate nexudus attribute `{}`", meta_key(meta))));
    } else {
        *slot = Some(value);
    }
}

/// The deserialize-side string of `key = ".."` or
/// `key(serialize = "..", deserialize = "..")`.
fn deserialize_side(meta: &ParseNestedMeta) -> syn::Result<Option<String>> {
    if meta.input.peek(Token![=]) {
        let lit: LitStr = meta.value()?.parse()?;
        return Ok(Some(lit.value()));
    }
    let mut found = None;
    meta.parse_nested_meta(|inner| {
        let lit: LitStr = inner.value()?.parse()?;
        if inner.path.is_ident("deserialize") {
            found = Some(lit.value());
        }
        Ok(())
    })?;
    Ok(found)
}

/// Consumes the value of an attribute we do not interpret.
fn skip_meta_value(meta: &ParseNestedMeta) -> syn::Result<()> {
    if meta.input.peek(Token![=]) {
        meta.value()?.parse::<syn::Expr>()?;
    } else if meta.input.peek(syn::token::Paren) {
        let content;
        syn::parenthesized!(content in meta.input);
        content.parse::<proc_macro2::TokenStream>()?;
    }
    Ok(())
}
