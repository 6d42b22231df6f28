//! `#[required]` and `#[not_null]`: whether a value counts as sent.

use serde_json::Value;

use super::{forward, Violation};
use crate::{Code, REQUIRED_MESSAGE};

/// Whether a value counts as sent, for `#[required]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Presence<'a> {
    /// Sent and not blank.
    Present,
    /// Missing or `null`.
    Missing,
    /// A string that is empty or only whitespace (reported with the string
    /// as its `AttemptedValue` unless `#[required(allow_empty)]`).
    Blank(&'a str),
}

/// Types whose values can be *blank*, the way .NET's `RequiredAttribute`
/// sees them.
///
/// `#[required]` works on every field type: an `Option` is missing when
/// `None`, other types are present by construction. Implement this trait
/// only for types that can be blank in some other way, such as a string
/// newtype; it is implemented for `str`, `String`, smart pointers, `Cow`
/// and `Option`s of those, and `serde_json::Value`.
///
/// ```
/// use nexudus_validate::{Presence, Required};
///
/// struct Code(String);
/// impl Required for Code {
///     fn presence(&self) -> Presence<'_> {
///         self.0.presence()
///     }
/// }
/// assert_eq!(Code(" ".into()).presence(), Presence::Blank(" "));
/// ```
pub trait Required {
    /// Whether the value is present, missing or blank.
    fn presence(&self) -> Presence<'_>;
}

/// `#[required]`: `is a required field` when missing or (unless
/// `allow_empty`) blank.
#[inline]
pub fn required(presence: Presence<'_>, allow_empty: bool) -> Result<(), Violation> {
    match presence {
        Presence::Present => Ok(()),
        Presence::Blank(_) if allow_empty => Ok(()),
        Presence::Missing | Presence::Blank(_) => {
            Err(Violation::new(Code::Required, REQUIRED_MESSAGE))
        }
    }
}

/// `#[not_null]`: `may not be null` when missing (a blank string passes).
#[inline]
pub fn not_null(presence: Presence<'_>) -> Result<(), Violation> {
    match presence {
        Presence::Missing => Err(Violation::new(Code::NotNull, "may not be null")),
        _ => Ok(()),
    }
}

/// Empty or only whitespace. A printable ASCII first byte settles it at
/// once (no ASCII whitespace is above `' '`).
#[inline]
pub(crate) fn is_blank(s: &str) -> bool {
    match s.as_bytes().first() {
        None => true,
        Some(&b) if b > b' ' && b < 0x7f => false,
        Some(_) => s.trim().is_empty(),
    }
}

impl Required for str {
    #[inline]
    fn presence(&self) -> Presence<'_> {
        if is_blank(self) {
            Presence::Blank(self)
        } else {
            Presence::Present
        }
    }
}

impl Required for String {
    #[inline]
    fn presence(&self) -> Presence<'_> {
        self.as_str().presence()
    }
}

forward!(Required { fn presence(&self) -> Presence<'_> });

impl<T: Required> Required for Option<T> {
    #[inline]
    fn presence(&self) -> Presence<'_> {
        match self {
            None => Presence::Missing,
            Some(value) => value.presence(),
        }
    }
}

/// `null` is missing; a blank string is blank; anything else is present.
impl Required for Value {
    #[inline]
    fn presence(&self) -> Presence<'_> {
        match self {
            Value::Null => Presence::Missing,
            Value::String(s) => s.presence(),
            _ => Presence::Present,
        }
    }
}
