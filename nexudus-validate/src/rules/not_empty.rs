//! `#[not_empty]`: `may not be null or empty`, NHibernate Validator's
//! `NotNullNotEmpty`.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};

use serde_json::Value;

use super::{forward, Violation};
use crate::Code;

/// What `#[not_empty]` calls empty: missing, an empty string or an empty
/// collection, as NHibernate Validator's `NotNullNotEmpty` does.
///
/// A string is not trimmed: `"    "` is not empty (the server's
/// `NotNullNotEmpty` accepts it). Whitespace-only strings are
/// `#[required]`'s to reject, which trims like .NET's `RequiredAttribute`.
///
/// `#[not_empty]` works on every field type: an `Option` is empty when
/// `None`, other types without this trait are never empty.
pub trait IsEmpty {
    /// Whether the value is empty.
    fn is_empty_value(&self) -> bool;
}

/// `#[not_empty]`: `may not be null or empty` when `empty`.
#[inline]
pub fn not_empty(empty: bool) -> Result<(), Violation> {
    if empty {
        Err(Violation::new(Code::NotEmpty, "may not be null or empty"))
    } else {
        Ok(())
    }
}

impl IsEmpty for str {
    #[inline]
    fn is_empty_value(&self) -> bool {
        self.is_empty()
    }
}

impl IsEmpty for String {
    #[inline]
    fn is_empty_value(&self) -> bool {
        self.as_str().is_empty_value()
    }
}

impl<T: IsEmpty> IsEmpty for Option<T> {
    #[inline]
    fn is_empty_value(&self) -> bool {
        self.as_ref().is_none_or(IsEmpty::is_empty_value)
    }
}

forward!(IsEmpty { fn is_empty_value(&self) -> bool });

impl IsEmpty for Value {
    fn is_empty_value(&self) -> bool {
        match self {
            Value::Null => true,
            Value::String(s) => s.is_empty_value(),
            Value::Array(a) => a.is_empty(),
            Value::Object(o) => o.is_empty(),
            Value::Bool(_) | Value::Number(_) => false,
        }
    }
}

macro_rules! collection_is_empty {
    ($($t:ident<$($p:ident),*>)*) => {$(
        impl<$($p),*> IsEmpty for $t<$($p),*> {
            #[inline]
            fn is_empty_value(&self) -> bool { self.is_empty() }
        }
    )*};
}
collection_is_empty!(Vec<T> VecDeque<T> BTreeMap<K, V> BTreeSet<T> HashMap<K, V, S> HashSet<T, S>);

impl<T> IsEmpty for [T] {
    #[inline]
    fn is_empty_value(&self) -> bool {
        self.is_empty()
    }
}
