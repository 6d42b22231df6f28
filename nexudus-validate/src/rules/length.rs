//! `#[length(min, max)]`: the length of a string or a list.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};

use super::{forward, Violation};
use crate::Code;

/// NHibernate Validator's `int.MaxValue`: the upper bound `#[length]`
/// reports when only `min` is given.
pub const UNBOUNDED: usize = 2_147_483_647;

/// A value's length, as `#[length]` measures it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Length {
    /// A string's length in UTF-16 code units, as .NET's `string.Length`
    /// counts it: one per character of the Basic Multilingual Plane, two
    /// per character above it (`"😀"` is 2, `"é"` is 1).
    Text(usize),
    /// A collection's number of elements (checked as NHibernate
    /// Validator's `Size`).
    Items(usize),
}

/// Types `#[length]` can measure: strings and collections.
///
/// A string's [`Length::Text`] is in UTF-16 code units, the way the .NET
/// server counts (`string.Length`): three `😀` are 6, so they fail
/// `#[length(max = 5)]` there and here. A string type of your own should
/// forward to `str`'s count rather than count `char`s or bytes:
///
/// ```
/// use nexudus_validate::rules::{HasLength, Length};
///
/// struct Nickname(String);
///
/// impl HasLength for Nickname {
///     fn length(&self) -> Option<Length> {
///         self.0.as_str().length()
///     }
/// }
///
/// assert_eq!(Nickname("😀😀😀".into()).length(), Some(Length::Text(6)));
/// ```
#[diagnostic::on_unimplemented(
    message = "#[length] needs a string or a list, not `{Self}`",
    label = "has no length",
    note = "implement `nexudus_validate::rules::HasLength` for a type of your own"
)]
pub trait HasLength {
    /// The length, or `None` when there is nothing to measure (an empty
    /// `Option`).
    fn length(&self) -> Option<Length>;
}

/// `#[length(min, max)]`: on a string, NHibernate Validator's `Length`,
/// `length must be between {min} and {max}` ([`Code::Length`]); on a list,
/// its `Size`, `size must be between {min} and {max}` ([`Code::Size`]).
#[inline]
pub fn length<T: HasLength + ?Sized>(value: &T, min: usize, max: usize) -> Result<(), Violation> {
    match value.length() {
        Some(Length::Text(n)) if n < min || n > max => {
            Err(out_of_bounds(Code::Length, "length", min, max))
        }
        Some(Length::Items(n)) if n < min || n > max => {
            Err(out_of_bounds(Code::Size, "size", min, max))
        }
        _ => Ok(()),
    }
}

#[cold]
fn out_of_bounds(code: Code, what: &str, min: usize, max: usize) -> Violation {
    Violation::new(code, format!("{what} must be between {min} and {max}"))
}

impl HasLength for str {
    #[inline]
    fn length(&self) -> Option<Length> {
        Some(Length::Text(utf16_len(self)))
    }
}

/// The length of `s` in UTF-16 code units, without encoding it: ASCII is
/// its byte count; otherwise every byte that starts a character counts one
/// and every byte that starts a four-byte character (one above the Basic
/// Multilingual Plane, a surrogate pair in UTF-16) one more.
#[inline]
fn utf16_len(s: &str) -> usize {
    if s.is_ascii() {
        return s.len();
    }
    s.bytes()
        .map(|b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0))
        .sum()
}

impl HasLength for String {
    #[inline]
    fn length(&self) -> Option<Length> {
        self.as_str().length()
    }
}

impl<T: HasLength> HasLength for Option<T> {
    #[inline]
    fn length(&self) -> Option<Length> {
        self.as_ref().and_then(HasLength::length)
    }
}

forward!(HasLength { fn length(&self) -> Option<Length> });

impl<T> HasLength for [T] {
    #[inline]
    fn length(&self) -> Option<Length> {
        Some(Length::Items(self.len()))
    }
}

macro_rules! collection_length {
    ($($t:ident<$($p:ident),*>)*) => {$(
        impl<$($p),*> HasLength for $t<$($p),*> {
            #[inline]
            fn length(&self) -> Option<Length> { Some(Length::Items(self.len())) }
        }
    )*};
}
collection_length!(Vec<T> VecDeque<T> BTreeMap<K, V> BTreeSet<T> HashMap<K, V, S> HashSet<T, S>);

#[cfg(test)]
mod tests {
    use super::utf16_len;

    #[test]
    fn utf16_len_is_what_encoding_would_give() {
        for s in [
            "",
            "ascii only",
            "\u{7f}\u{80}",
            "\u{e9}t\u{e9}",
            "\u{7ff}\u{800}\u{ffff}",
            "\u{10000}\u{1F600}\u{10FFFF}",
            "a\u{1F600}b\u{e9}c\u{20ac}d",
        ] {
            assert_eq!(utf16_len(s), s.encode_utf16().count(), "{s:?}");
        }
        let every_char: String = (0..=0x10FFFF).filter_map(char::from_u32).collect();
        assert_eq!(utf16_len(&every_char), every_char.encode_utf16().count());
    }
}
