//! Values `#[email]` and `#[pattern]` read as text.

use super::forward;

/// Types `#[email]` and `#[pattern]` read as text.
#[diagnostic::on_unimplemented(
    message = "#[email] and #[pattern] need a string, not `{Self}`",
    label = "not a string",
    note = "implement `nexudus_validate::rules::AsText` for a string type of your own"
)]
pub trait AsText {
    /// The text, or `None` when there is nothing to check (an empty
    /// `Option`).
    fn as_text(&self) -> Option<&str>;
}

impl AsText for str {
    #[inline]
    fn as_text(&self) -> Option<&str> {
        Some(self)
    }
}

impl AsText for String {
    #[inline]
    fn as_text(&self) -> Option<&str> {
        Some(self)
    }
}

impl<T: AsText> AsText for Option<T> {
    #[inline]
    fn as_text(&self) -> Option<&str> {
        self.as_ref().and_then(AsText::as_text)
    }
}

forward!(AsText { fn as_text(&self) -> Option<&str> });
