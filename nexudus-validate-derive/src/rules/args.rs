//! Reading a rule's arguments: known keys only, each once.

use syn::{Expr, ExprLit, Ident, Lit, LitStr};

use crate::ctxt::Ctxt;
use crate::suggest::unknown_key_message;
use crate::syntax::{Arg, RuleAttr};

/// The arguments of one rule, checked against the keys it takes.
pub struct ArgReader<'a> {
    named: Vec<(&'a Ident, &'a Expr)>,
    positional: Option<&'a Expr>,
}

impl<'a> ArgReader<'a> {
    /// The arguments of `attr`, which takes `keys` and, if `positional`
    /// names its form, one bare argument first.
    pub fn new(
        cx: &Ctxt,
        attr: &'a RuleAttr,
        keys: &[&str],
        positional: Option<&str>,
    ) -> Option<Self> {
        let rule = attr.name;
        let mut reader = ArgReader {
            named: Vec::new(),
            positional: None,
        };
        let mut ok = true;
        let items = attr.args.as_ref().map_or(&[][..], |args| &args.items[..]);
        for (i, item) in items.iter().enumerate() {
            match item {
                Arg::Positional(expr) if i == 0 && positional.is_some() => {
                    reader.positional = Some(expr);
                }
                Arg::Positional(expr) => {
                    cx.error_spanned_by(
                        expr,
                        format!("#[{rule}] takes `key = value` options here"),
                    );
                    ok = false;
                }
                Arg::Named(key, value) => {
                    let name = key.to_string();
                    if !keys.contains(&name.as_str()) {
                        let what = format!("#[{rule}] option");
                        cx.error_spanned_by(key, unknown_key_message(&what, &name, keys));
                        ok = false;
                    } else if reader.named.iter().any(|(k, _)| **k == name) {
                        cx.error_spanned_by(key, format!("duplicate #[{rule}] option `{name}`"));
                        ok = false;
                    } else {
                        reader.named.push((key, value));
                    }
                }
            }
        }
        if let (Some(form), None) = (positional, reader.positional) {
            cx.error_at(attr.span, format!("expected {form}"));
            ok = false;
        }
        ok.then_some(reader)
    }

    /// The value of `key`, if given.
    pub fn take(&mut self, key: &str) -> Option<&'a Expr> {
        let index = self.named.iter().position(|(k, _)| *k == key)?;
        Some(self.named.remove(index).1)
    }

    /// The bare argument.
    pub fn positional(&self) -> Option<&'a Expr> {
        self.positional
    }

    /// `message = ".."`; a message that is not a string literal is dropped
    /// with an error recorded by [`string`].
    pub fn message(&mut self) -> Option<LitStr> {
        let expr = self.take(crate::symbol::MESSAGE)?;
        string(expr).cloned()
    }
}

/// The string literal `expr` is, if it is one.
pub fn string(expr: &Expr) -> Option<&LitStr> {
    match expr {
        Expr::Lit(ExprLit {
            lit: Lit::Str(lit), ..
        }) => Some(lit),
        _ => None,
    }
}
