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
    /// A string's length in characters.
    Text(usize),
    /// A collection's number of elements.
    Items(usize),
}

/// Types `#[length]` can measure: strings and collections.
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

/// `#[length(min, max)]`: `length must be between {min} and {max}`.
#[inline]
pub fn length<T: HasLength + ?Sized>(value: &T, min: usize, max: usize) -> Result<(), Violation> {
    match value.length() {
        Some(Length::Text(n) | Length::Items(n)) if n < min || n > max => Err(Violation::new(
            Code::Length,
            format!("length must be between {min} and {max}"),
        )),
        _ => Ok(()),
    }
}

impl HasLength for str {
    #[inline]
    fn length(&self) -> Option<Length> {
        Some(Length::Text(self.chars().count()))
    }
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
