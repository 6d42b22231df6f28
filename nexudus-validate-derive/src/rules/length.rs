//! `#[length(min = a, max = b)]`: string or list length within bounds.

use proc_macro2::{Literal, Span, TokenStream};
use quote::{quote, quote_spanned, ToTokens};
use syn::{Expr, ExprLit, Lit};

use super::ArgReader;
use crate::ctxt::Ctxt;
use crate::symbol::{MAX, MIN};

/// Checked bounds.
pub struct Length {
    min: usize,
    max: Option<usize>,
}

impl Length {
    pub fn check(cx: &Ctxt, span: Span, args: &mut ArgReader) -> Option<Self> {
        let (min, max) = (args.take(MIN), args.take(MAX));
        if min.is_none() && max.is_none() {
            cx.error_at(span, "#[length] needs `min`, `max` or both");
            return None;
        }
        let min_value = match min {
            Some(expr) => Some(bound(cx, expr)?),
            None => None,
        };
        let max_value = match max {
            Some(expr) => Some(bound(cx, expr)?),
            None => None,
        };
        if let (Some(lo), Some(hi)) = (min_value, max_value) {
            if lo > hi {
                cx.error_spanned_by(
                    min,
                    format!("#[length] min ({lo}) is greater than max ({hi})"),
                );
                return None;
            }
        }
        Some(Length {
            min: min_value.unwrap_or(0),
            max: max_value,
        })
    }

    pub fn emit(&self, p: &TokenStream, span: Span) -> TokenStream {
        let min = Literal::usize_unsuffixed(self.min);
        let max = match self.max {
            Some(max) => Literal::usize_unsuffixed(max).into_token_stream(),
            None => quote!(#p::rules::UNBOUNDED),
        };
        quote_spanned!(span=> #p::rules::length(__v, #min, #max))
    }
}

/// A length bound: a non-negative integer literal (any suffix).
fn bound(cx: &Ctxt, expr: &Expr) -> Option<usize> {
    let parsed = match expr {
        Expr::Lit(ExprLit {
            lit: Lit::Int(lit), ..
        }) => lit.base10_parse::<usize>().ok(),
        _ => None,
    };
    if parsed.is_none() {
        cx.error_spanned_by(expr, "a length must be a non-negative integer");
    }
    parsed
}
