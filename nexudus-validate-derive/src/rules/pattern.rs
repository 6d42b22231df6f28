//! `#[pattern("regex")]`: the whole string matches.

use proc_macro2::{Span, TokenStream};
use quote::quote_spanned;
use syn::LitStr;

use super::args::string;
use super::ArgReader;
use crate::ctxt::Ctxt;

/// A regex that the `regex` crate builds with its default limits, as the
/// runtime will.
pub struct Pattern {
    regex: LitStr,
}

impl Pattern {
    pub fn check(cx: &Ctxt, args: &mut ArgReader) -> Option<Self> {
        let expr = args.positional()?;
        let Some(regex) = string(expr) else {
            cx.error_spanned_by(expr, "expected #[pattern(\"regex\")] with a string literal");
            return None;
        };
        // As written (for errors that quote it), then anchored exactly as
        // the runtime anchors it.
        let anchored = format!("^(?:{})$", regex.value());
        let built = regex::Regex::new(&regex.value()).and_then(|_| regex::Regex::new(&anchored));
        if let Err(error) = built {
            let error = match error {
                regex::Error::CompiledTooBig(limit) => format!(
                    "it compiles to more than the regex crate's size limit of {limit} bytes; write a smaller pattern (e.g. smaller repetition counts)"
                ),
                other => other.to_string(),
            };
            cx.error_spanned_by(regex, format!("invalid regex in #[pattern]: {error}"));
            return None;
        }
        Some(Pattern {
            regex: regex.clone(),
        })
    }

    pub fn emit(&self, p: &TokenStream, span: Span) -> TokenStream {
        let regex = &self.regex;
        quote_spanned! {span=> {
            static PATTERN: #p::rules::Pattern = #p::rules::Pattern::new(#regex);
            #p::rules::pattern(__v, &PATTERN)
        }}
    }
}
