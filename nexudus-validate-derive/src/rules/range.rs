//! `#[range(min = a, max = b)]`: numbers within bounds.

use proc_macro2::{Literal, Span, TokenStream};
use quote::{quote, quote_spanned, ToTokens};
use syn::{Expr, ExprLit, ExprUnary, Lit, UnOp};

use super::ArgReader;
use crate::ctxt::Ctxt;
use crate::symbol::{MAX, MIN};

/// Checked bounds.
pub struct Range {
    min: Option<Bound>,
    max: Option<Bound>,
}

/// A bound as the number it is and the literal as written.
pub struct Bound {
    pub value: Number,
    pub text: String,
    tokens: TokenStream,
}

#[derive(Clone, Copy, PartialEq, PartialOrd)]
pub enum Number {
    Int(i128),
    Float(f64),
}

impl Number {
    fn as_f64(self) -> f64 {
        match self {
            Number::Int(i) => i as f64,
            Number::Float(f) => f,
        }
    }
}

impl Range {
    pub fn check(cx: &Ctxt, span: Span, args: &mut ArgReader) -> Option<Self> {
        let (min, max) = (args.take(MIN), args.take(MAX));
        if min.is_none() && max.is_none() {
            cx.error_at(span, "#[range] needs `min`, `max` or both");
            return None;
        }
        let min = match min {
            Some(expr) => Some(bound(cx, expr)?),
            None => None,
        };
        let max = match max {
            Some(expr) => Some(bound(cx, expr)?),
            None => None,
        };
        if let (Some(lo), Some(hi)) = (&min, &max) {
            if lo.value.as_f64() > hi.value.as_f64() {
                let message = format!(
                    "#[range] min ({}) is greater than max ({})",
                    lo.text, hi.text
                );
                cx.error_spanned_by(&lo.tokens, message);
                return None;
            }
        }
        Some(Range { min, max })
    }

    /// The bounds, for the compile-time check that the field's type can
    /// hold them.
    pub fn bounds(&self) -> impl Iterator<Item = &Bound> {
        self.min.iter().chain(&self.max)
    }

    pub fn emit(&self, p: &TokenStream, span: Span) -> TokenStream {
        let bound = |b: &Option<Bound>| match b {
            None => quote!(#p::None),
            Some(Bound { value, text, .. }) => {
                let value = match value {
                    Number::Int(i) => {
                        let i = Literal::i128_unsuffixed(*i);
                        quote!(int(#i, #text))
                    }
                    Number::Float(f) => {
                        let f = Literal::f64_unsuffixed(*f);
                        quote!(float(#f, #text))
                    }
                };
                quote!(#p::Some(&#p::rules::Bound::#value))
            }
        };
        let (min, max) = (bound(&self.min), bound(&self.max));
        quote_spanned!(span=> #p::rules::range(__v, #min, #max))
    }
}

impl Bound {
    /// The tokens of the bound as written, to span errors on.
    pub fn tokens(&self) -> &TokenStream {
        &self.tokens
    }
}

/// A number literal, maybe negated, with any suffix.
fn bound(cx: &Ctxt, expr: &Expr) -> Option<Bound> {
    let fail = |message: &str| {
        cx.error_spanned_by(expr, message);
        None
    };
    let (negative, lit) = match expr {
        Expr::Lit(ExprLit { lit, .. }) => (false, lit),
        Expr::Unary(ExprUnary {
            op: UnOp::Neg(_),
            expr: inner,
            ..
        }) => match &**inner {
            Expr::Lit(ExprLit { lit, .. }) => (true, lit),
            _ => return fail("expected a number"),
        },
        _ => return fail("expected a number"),
    };
    let sign = if negative { "-" } else { "" };
    let (value, digits) = match lit {
        Lit::Int(int) => match int.base10_parse::<i128>() {
            Ok(value) => (
                Number::Int(if negative { -value } else { value }),
                int.base10_digits(),
            ),
            Err(_) => return fail("this bound does not fit in an i128"),
        },
        Lit::Float(float) => match float.base10_parse::<f64>() {
            Ok(value) if value.is_finite() => (
                Number::Float(if negative { -value } else { value }),
                float.base10_digits(),
            ),
            _ => return fail("expected a finite number"),
        },
        _ => return fail("expected a number"),
    };
    Some(Bound {
        value,
        text: format!("{sign}{digits}"),
        tokens: expr.to_token_stream(),
    })
}
