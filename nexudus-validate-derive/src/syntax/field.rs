//! Attributes on a field: the rules, `#[nexudus(..)]`, and the serde
//! attributes that decide how the field is read.

use proc_macro2::{Span, TokenStream};
use quote::ToTokens;
use syn::ext::IdentExt;
use syn::meta::ParseNestedMeta;
use syn::parse::{Parse, ParseStream};
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::{Attribute, Expr, Ident, LitStr, Token, Type};

use super::container::{deserialize_side, set_once};
use super::{meta_key, skip_meta_value};
use crate::ctxt::Ctxt;
use crate::suggest::unknown_key_message;
use crate::symbol::*;

/// A field and its attributes, as written.
pub struct Field<'a> {
    pub member: &'a Ident,
    pub ty: &'a Type,
    /// Every rule attribute, `#[required]`, `#[nested]` and `#[sensitive]`
    /// included, in the order written.
    pub rules: Vec<RuleAttr>,
    /// `#[nexudus(each(..))]`: rules on every element.
    pub each: Vec<RuleAttr>,
    /// `#[nexudus(rename = "..")]`: the PropertyName to report.
    pub rename: Option<LitStr>,
    /// `#[nexudus(message = "..")]`: the message of every rule of this
    /// field that has none of its own.
    pub message: Option<LitStr>,
    /// serde `rename` (deserialize side).
    pub serde_rename: Option<String>,
    pub aliases: Vec<String>,
    /// `#[serde(skip)]` or `#[serde(skip_deserializing)]`.
    pub skip: Option<Span>,
    pub default: Option<SerdeDefault>,
    pub flatten: Option<Span>,
    /// serde `deserialize_with = "f"` or `with = "m"` (as `m::deserialize`).
    pub deserialize_with: Option<syn::Path>,
}

/// serde `default` on a field.
pub enum SerdeDefault {
    /// `#[serde(default)]`: `Default::default()`.
    Trait,
    /// `#[serde(default = "path")]`.
    Path(syn::Path),
}

/// One rule attribute: `#[length(max = 5)]` or `#[nexudus(length(max = 5))]`.
pub struct RuleAttr {
    /// The rule's name (from [`RULES`]).
    pub name: &'static str,
    /// The rule name's span.
    pub span: Span,
    /// The whole attribute, to span errors about it.
    pub tokens: TokenStream,
    /// The arguments in parentheses, if any.
    pub args: Option<Args>,
}

/// A rule's arguments: `key = value` pairs and bare expressions.
pub struct Args {
    pub items: Vec<Arg>,
}

pub enum Arg {
    Named(Ident, Expr),
    Positional(Expr),
}

impl Parse for Arg {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        if input.peek(Ident::peek_any) && input.peek2(Token![=]) && !input.peek2(Token![==]) {
            let key = input.call(Ident::parse_any)?;
            input.parse::<Token![=]>()?;
            Ok(Arg::Named(key, input.parse()?))
        } else {
            Ok(Arg::Positional(input.parse()?))
        }
    }
}

impl Parse for Args {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let items = Punctuated::<Arg, Token![,]>::parse_terminated(input)?;
        Ok(Args {
            items: items.into_iter().collect(),
        })
    }
}

impl<'a> Field<'a> {
    /// The field's attributes; `None` only for a field without a name,
    /// which cannot happen in a struct with named fields.
    pub fn parse(cx: &Ctxt, field: &'a syn::Field) -> Option<Self> {
        let mut out = Field {
            member: field.ident.as_ref()?,
            ty: &field.ty,
            rules: Vec::new(),
            each: Vec::new(),
            rename: None,
            message: None,
            serde_rename: None,
            aliases: Vec::new(),
            skip: None,
            default: None,
            flatten: None,
            deserialize_with: None,
        };
        for attr in &field.attrs {
            if let Err(err) = out.parse_attr(cx, attr) {
                cx.push(err);
            }
        }
        Some(out)
    }

    fn parse_attr(&mut self, cx: &Ctxt, attr: &Attribute) -> syn::Result<()> {
        let path = attr.path();
        if path.is_ident(NEXUDUS) {
            attr.parse_nested_meta(|meta| self.parse_nexudus(cx, &meta))
        } else if path.is_ident(SERDE) {
            // Malformed serde attributes are serde_derive's to report.
            let _ = attr.parse_nested_meta(|meta| self.parse_serde(&meta));
            Ok(())
        } else if let Some(name) = RULES.iter().copied().find(|rule| path.is_ident(rule)) {
            let args = match &attr.meta {
                syn::Meta::Path(_) => None,
                syn::Meta::List(list) => Some(list.parse_args::<Args>()?),
                syn::Meta::NameValue(nv) => {
                    let expected = if name == REQUIRED {
                        "#[required], #[required(update)], #[required(create)] or \
                         #[required(allow_empty)]"
                            .to_owned()
                    } else {
                        format!("#[{name}] or #[{name}(..)]")
                    };
                    return Err(syn::Error::new_spanned(nv, format!("expected {expected}")));
                }
            };
            self.rules.push(RuleAttr {
                name,
                span: path.span(),
                tokens: attr.to_token_stream(),
                args,
            });
            Ok(())
        } else {
            Ok(())
        }
    }

    fn parse_nexudus(&mut self, cx: &Ctxt, meta: &ParseNestedMeta) -> syn::Result<()> {
        let key = meta_key(meta);
        if let Some(name) = RULES.iter().copied().find(|rule| *rule == key) {
            let args = if meta.input.peek(syn::token::Paren) {
                let content;
                syn::parenthesized!(content in meta.input);
                Some(content.parse::<Args>()?)
            } else {
                None
            };
            self.rules.push(RuleAttr {
                name,
                span: meta.path.span(),
                tokens: meta.path.to_token_stream(),
                args,
            });
            return Ok(());
        }
        match key.as_str() {
            RENAME => {
                let lit: LitStr = meta.value()?.parse()?;
                if lit.value().trim().is_empty() {
                    return Err(syn::Error::new(
                        lit.span(),
                        "a PropertyName cannot be empty",
                    ));
                }
                set_once(cx, meta, &mut self.rename, lit);
            }
            MESSAGE => {
                let lit: LitStr = meta.value()?.parse()?;
                set_once(cx, meta, &mut self.message, lit);
            }
            EACH => meta.parse_nested_meta(|rule| {
                let key = meta_key(&rule);
                let Some(name) = RULES.iter().copied().find(|r| *r == key) else {
                    return Err(rule.error(unknown_key_message("rule", &key, RULES)));
                };
                let args = if rule.input.peek(syn::token::Paren) {
                    let content;
                    syn::parenthesized!(content in rule.input);
                    Some(content.parse::<Args>()?)
                } else {
                    None
                };
                self.each.push(RuleAttr {
                    name,
                    span: rule.path.span(),
                    tokens: rule.path.to_token_stream(),
                    args,
                });
                Ok(())
            })?,
            _ if CONTAINER_KEYS.contains(&key.as_str()) => {
                return Err(meta.error(format!(
                    "`{key}` is a container attribute: put #[nexudus({key} = \"..\")] on the struct"
                )));
            }
            _ => {
                let known: Vec<&str> = FIELD_KEYS.iter().chain(RULES).copied().collect();
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
            RENAME => {
                if let Some(name) = deserialize_side(meta)? {
                    self.serde_rename = Some(name);
                }
            }
            ALIAS => {
                let lit: LitStr = meta.value()?.parse()?;
                self.aliases.push(lit.value());
            }
            SKIP | SKIP_DESERIALIZING => self.skip = Some(meta.path.span()),
            DEFAULT => {
                self.default = Some(if meta.input.peek(Token![=]) {
                    SerdeDefault::Path(meta.value()?.parse::<LitStr>()?.parse()?)
                } else {
                    SerdeDefault::Trait
                });
            }
            FLATTEN => self.flatten = Some(meta.path.span()),
            DESERIALIZE_WITH => {
                self.deserialize_with = Some(meta.value()?.parse::<LitStr>()?.parse()?);
            }
            WITH => {
                let mut module: syn::Path = meta.value()?.parse::<LitStr>()?.parse()?;
                module
                    .segments
                    .push(Ident::new("deserialize", Span::call_site()).into());
                self.deserialize_with = Some(module);
            }
            _ => skip_meta_value(meta)?,
        }
        Ok(())
    }
}
