//! The value rules: each rule's arguments, compile-time checks and
//! generated call, one file per rule. Adding a rule is a file here, an arm
//! in [`check`] and [`Rule::emit`], its name in `symbol.rs`, and its
//! function in the runtime's `rules` module.

mod args;
mod custom;
mod email;
mod length;
mod not_empty;
mod not_null;
mod pattern;
mod range;

pub use args::{string, ArgReader};
pub use range::Number;

use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::LitStr;

use crate::ctxt::Ctxt;
use crate::symbol::*;
use crate::syntax::RuleAttr;

/// A rule whose arguments were checked.
pub enum Rule {
    NotNull,
    NotEmpty,
    Length(length::Length),
    Range(range::Range),
    Email,
    Pattern(pattern::Pattern),
    Custom(custom::Custom),
}

/// A checked rule on a field.
pub struct Checked {
    pub rule: Rule,
    /// The rule name's span: type errors point here.
    pub span: Span,
    /// `message = ".."` given to this rule.
    pub message: Option<LitStr>,
}

/// Checks a value rule's arguments; `None` (with errors recorded) when
/// they are wrong.
pub fn check(cx: &Ctxt, attr: &RuleAttr) -> Option<Checked> {
    let (keys, positional): (&[&str], _) = match attr.name {
        LENGTH | RANGE => (&[MIN, MAX, MESSAGE], None),
        PATTERN => (&[MESSAGE], Some("#[pattern(\"regex\")]")),
        CUSTOM => (&[MESSAGE], Some("#[custom(path::to_fn)]")),
        _ => (&[MESSAGE], None),
    };
    let mut args = ArgReader::new(cx, attr, keys, positional)?;
    let message = args.message();
    let rule = match attr.name {
        NOT_NULL => Rule::NotNull,
        NOT_EMPTY => Rule::NotEmpty,
        EMAIL => Rule::Email,
        LENGTH => Rule::Length(length::Length::check(cx, attr.span, &mut args)?),
        RANGE => Rule::Range(range::Range::check(cx, attr.span, &mut args)?),
        PATTERN => Rule::Pattern(pattern::Pattern::check(cx, &mut args)?),
        CUSTOM => Rule::Custom(custom::Custom::check(cx, &mut args)?),
        _ => return None,
    };
    Some(Checked {
        rule,
        span: attr.span,
        message,
    })
}

impl Checked {
    /// The rule's check of the value `__v` (a reference to the field's
    /// value), echoing `__e`, in context `__cx`.
    pub fn emit(&self, p: &TokenStream, field_message: Option<&LitStr>) -> TokenStream {
        let message = self.message.as_ref().or(field_message);
        let span = self.span;
        let (result, echo) = match &self.rule {
            Rule::NotNull => (not_null::emit(p, span), quote!(__e)),
            Rule::NotEmpty => (not_empty::emit(p, span), quote!(__e)),
            Rule::Email => (email::emit(p, span), quote!(__e)),
            Rule::Length(rule) => (rule.emit(p, span), quote!(__e)),
            Rule::Range(rule) => (rule.emit(p, span), quote!(__e)),
            Rule::Pattern(rule) => (rule.emit(p, span), quote!(__e)),
            Rule::Custom(rule) => return rule.emit(p, message),
        };
        emit_check(&result, &echo, message)
    }

    /// Whether the rule's check uses `__presence`.
    pub fn needs_presence(&self) -> bool {
        matches!(self.rule, Rule::NotNull)
    }

    /// Whether the rule's check uses `__empty`.
    pub fn needs_empty(&self) -> bool {
        matches!(self.rule, Rule::NotEmpty)
    }

    /// Whether the rule's check uses `__e`.
    pub fn needs_echo(&self) -> bool {
        !matches!(self.rule, Rule::Custom(_))
    }
}

/// `__cx.check(result, echo)`, with the attribute's message if any.
pub fn emit_check(
    result: &TokenStream,
    echo: &TokenStream,
    message: Option<&LitStr>,
) -> TokenStream {
    match message {
        Some(message) => quote!(__cx.check_with(#result, #echo, #message);),
        None => quote!(__cx.check(#result, #echo);),
    }
}
