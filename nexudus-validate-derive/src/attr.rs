//! Attribute parsing: `#[nexudus(..)]`, `#[required(..)]` and the serde
//! attributes that decide a field's JSON key.

use proc_macro2::{Span, TokenStream};
use quote::ToTokens;
use syn::meta::ParseNestedMeta;
use syn::parse::ParseStream;
use syn::spanned::Spanned;
use syn::{Attribute, LitStr, Token};

use crate::case::RenameRule;
use crate::ctxt::Ctxt;
use crate::rules::{self, Rule, RULE_NAMES};
use crate::suggest::unknown_key_message;

pub const CONTAINER_KEYS: &[&str] = &["name", "path", "crate", "check"];
/// Keys of `#[nexudus(..)]` on a field, besides the rule names.
pub const FIELD_KEYS: &[&str] = &["rename", "message"];
pub const REQUIRED_KEYS: &[&str] = &["update", "allow_empty", "message"];

/// Container attributes.
#[derive(Default)]
pub struct Container {
    pub name: Option<LitStr>,
    pub path: Option<LitStr>,
    pub crate_path: Option<syn::Path>,
    /// `#[nexudus(check = path::to_fn)]`: cross-field checks.
    pub checks: Vec<syn::Path>,
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
    /// The attribute's tokens, to span errors about it.
    pub tokens: TokenStream,
    pub update_only: bool,
    pub allow_empty: bool,
    pub message: Option<LitStr>,
}

/// Field attributes.
#[derive(Default)]
pub struct Field {
    pub required: Option<Required>,
    /// Value rules, in the order written.
    pub rules: Vec<Rule>,
    /// `#[nested]`, with its tokens.
    pub nested: Option<TokenStream>,
    /// `#[sensitive]`, with its tokens.
    pub sensitive: Option<TokenStream>,
    /// `#[nexudus(message = "..")]`: the message of every rule of this
    /// field that has none of its own.
    pub message: Option<LitStr>,
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
            } else if let Some(rule) = RULE_NAMES.iter().find(|r| attr.path().is_ident(r)) {
                cx.error_spanned_by(
                    attr,
                    format!("#[{rule}] goes on a field, not on the struct"),
                );
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
            "check" => {
                let function = if meta.input.peek(Token![=]) && meta.input.peek2(LitStr) {
                    meta.value()?.parse::<LitStr>()?.parse::<syn::Path>()?
                } else {
                    meta.value()?.parse::<syn::Path>()?
                };
                self.checks.push(function);
            }
            "crate" => {
                let lit: LitStr = meta.value()?.parse()?;
                let path = lit.parse::<syn::Path>().map_err(|_| {
                    syn::Error::new(lit.span(), format!("`{}` is not a path", lit.value()))
                })?;
                set_once(cx, meta, &mut self.crate_path, path);
            }
            _ if FIELD_KEYS.contains(&key.as_str()) || RULE_NAMES.contains(&key.as_str()) => {
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
            let Some(name) = attr.path().get_ident().map(ToString::to_string) else {
                continue;
            };
            let result = match name.as_str() {
                "nexudus" => attr.parse_nested_meta(|meta| out.parse_nexudus(cx, &meta)),
                "serde" => {
                    let _ = attr.parse_nested_meta(|meta| out.parse_serde(&meta));
                    Ok(())
                }
                rule if RULE_NAMES.contains(&rule) => out.parse_rule_attr(cx, rule, attr),
                _ => Ok(()),
            };
            if let Err(err) = result {
                cx.push(err);
            }
        }
        out
    }

    /// `#[rule]`, `#[rule(..)]`.
    fn parse_rule_attr(&mut self, cx: &Ctxt, name: &str, attr: &Attribute) -> syn::Result<()> {
        let span = attr.path().span();
        let tokens = attr.to_token_stream();
        match &attr.meta {
            syn::Meta::Path(_) => self.add_rule(cx, name, span, tokens, None),
            syn::Meta::List(list) => list.parse_args_with(|input: ParseStream| {
                self.add_rule(cx, name, span, tokens.clone(), Some(input))
            }),
            syn::Meta::NameValue(nv) => Err(syn::Error::new_spanned(
                nv,
                if name == "required" {
                    "expected #[required], #[required(update)] or #[required(allow_empty)]"
                        .to_owned()
                } else {
                    format!("expected #[{name}] or #[{name}(..)]")
                },
            )),
        }
    }

    /// Records rule `name` with its arguments (`None` when written bare).
    fn add_rule(
        &mut self,
        cx: &Ctxt,
        name: &str,
        span: Span,
        tokens: TokenStream,
        args: Option<ParseStream>,
    ) -> syn::Result<()> {
        match name {
            "required" => {
                let required = parse_required(tokens.clone(), args)?;
                if self.required.is_some() {
                    cx.error_spanned_by(tokens, "duplicate #[required] attribute");
                } else {
                    self.required = Some(required);
                }
            }
            "nested" | "sensitive" => {
                if let Some(input) = args.filter(|input| !input.is_empty()) {
                    return Err(input.error(format!("#[{name}] takes no arguments")));
                }
                let slot = if name == "nested" {
                    &mut self.nested
                } else {
                    &mut self.sensitive
                };
                if slot.is_some() {
                    cx.error_spanned_by(tokens, format!("duplicate #[{name}] attribute"));
                } else {
                    *slot = Some(tokens);
                }
            }
            _ => {
                let rule = rules::parse(name, span, args)?;
                if self.rules.iter().any(|r| r.kind.name() == rule.kind.name()) {
                    cx.error_spanned_by(tokens, format!("duplicate #[{name}] attribute"));
                } else {
                    self.rules.push(rule);
                }
            }
        }
        Ok(())
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
            "message" => {
                let lit: LitStr = meta.value()?.parse()?;
                set_once(cx, meta, &mut self.message, lit);
            }
            rule if RULE_NAMES.contains(&rule) => {
                let span = meta.path.span();
                let tokens = meta.path.to_token_stream();
                if meta.input.peek(syn::token::Paren) {
                    let content;
                    syn::parenthesized!(content in meta.input);
                    self.add_rule(cx, rule, span, tokens, Some(&content))?;
                } else {
                    self.add_rule(cx, rule, span, tokens, None)?;
                }
            }
            _ if CONTAINER_KEYS.contains(&key.as_str()) => {
                return Err(meta.error(format!(
                    "`{key}` is a container attribute: put #[nexudus({key} = \"..\")] on the struct"
                )));
            }
            _ => {
                let known: Vec<&str> = FIELD_KEYS.iter().chain(RULE_NAMES).copied().collect();
                return Err(meta.error(unknown_key_message(
                    "nexudus field attribute",
                    &key,
                    &known,
                )));
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

/// `update`, `allow_empty` and `message = ".."`, in any order.
fn parse_required(tokens: TokenStream, args: Option<ParseStream>) -> syn::Result<Required> {
    let mut required = Required {
        tokens,
        update_only: false,
        allow_empty: false,
        message: None,
    };
    let Some(input) = args else {
        return Ok(required);
    };
    while !input.is_empty() {
        let key: syn::Ident = input.parse()?;
        let name = key.to_string();
        let duplicate = match name.as_str() {
            "update" => std::mem::replace(&mut required.update_only, true),
            "allow_empty" => std::mem::replace(&mut required.allow_empty, true),
            "message" => {
                input.parse::<Token![=]>()?;
                required.message.replace(input.parse()?).is_some()
            }
            _ => {
                return Err(syn::Error::new(
                    key.span(),
                    unknown_key_message("#[required] option", &name, REQUIRED_KEYS),
                ))
            }
        };
        if duplicate {
            return Err(syn::Error::new(
                key.span(),
                format!("duplicate #[required] option `{name}`"),
            ));
        }
        if !input.is_empty() {
            input.parse::<Token![,]>()?;
        }
    }
    Ok(required)
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
