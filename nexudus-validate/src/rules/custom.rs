//! `#[custom(path::to_fn)]`: a function of the user's.

use std::borrow::Cow;

use super::Violation;
use crate::Code;

/// `#[custom(f)]`: the outcome of `f(&value)`, whose error is the message.
#[inline]
pub fn custom<M: Into<Cow<'static, str>>>(result: Result<(), M>) -> Result<(), Violation> {
    result.map_err(|message| Violation::new(Code::Custom, message))
}
