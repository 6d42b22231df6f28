//! `#[pattern("regex")]`: the whole string matches a regular expression.

use std::sync::OnceLock;

use regex::Regex;

use super::{AsText, Violation};
use crate::Code;

/// A `#[pattern]` regular expression, compiled on first use and anchored so
/// that the whole string must match.
///
/// The derive compiles every pattern with the same `regex` crate and its
/// default size limits, so one that cannot be built is a compile error. A
/// `Pattern` you build yourself from a regex that cannot be compiled matches
/// nothing.
#[derive(Debug)]
pub struct Pattern {
    source: &'static str,
    regex: OnceLock<Option<Regex>>,
}

impl Pattern {
    /// The pattern `source` (without anchors; they are added).
    pub const fn new(source: &'static str) -> Self {
        Self {
            source,
            regex: OnceLock::new(),
        }
    }

    /// The pattern as written.
    pub const fn source(&self) -> &'static str {
        self.source
    }

    /// Whether the whole of `text` matches.
    pub fn is_match(&self, text: &str) -> bool {
        self.regex
            .get_or_init(|| Regex::new(&format!("^(?:{})$", self.source)).ok())
            .as_ref()
            .is_some_and(|regex| regex.is_match(text))
    }
}

/// `#[pattern("regex")]`: `must match "{regex}"`.
#[inline]
pub fn pattern<T: AsText + ?Sized>(value: &T, pattern: &Pattern) -> Result<(), Violation> {
    match value.as_text() {
        Some(text) if !pattern.is_match(text) => Err(Violation::new(
            Code::Pattern,
            format!("must match \"{}\"", pattern.source),
        )),
        _ => Ok(()),
    }
}
