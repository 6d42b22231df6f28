//! What `#[required]` means for a value.

use std::borrow::Cow;
use std::rc::Rc;
use std::sync::Arc;

use serde_json::Value;

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
/// `#[required]` works on every field type: `Option<T>` is missing when
/// `None`, other types are present by construction. Implement this trait
/// only for types that can be blank in some other way, such as a string
/// newtype; it is implemented for `str`, `String`, `Cow<str>`, smart
/// pointers and `Option`s of those, and `serde_json::Value`.
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

impl Required for Cow<'_, str> {
    #[inline]
    fn presence(&self) -> Presence<'_> {
        (**self).presence()
    }
}

impl<T: Required + ?Sized> Required for &T {
    #[inline]
    fn presence(&self) -> Presence<'_> {
        (**self).presence()
    }
}

impl<T: Required + ?Sized> Required for Box<T> {
    #[inline]
    fn presence(&self) -> Presence<'_> {
        (**self).presence()
    }
}

impl<T: Required + ?Sized> Required for Rc<T> {
    #[inline]
    fn presence(&self) -> Presence<'_> {
        (**self).presence()
    }
}

impl<T: Required + ?Sized> Required for Arc<T> {
    #[inline]
    fn presence(&self) -> Presence<'_> {
        (**self).presence()
    }
}

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
