//! How the generated code looks at a field value of any type.
//!
//! Each question is asked as `(&&&Probe(&value)).__method()` with the
//! question's `Via*` traits in scope. Method resolution tries the most
//! specific impl first (autoref specialization), so a type gets the most
//! precise answer it supports and every other type still compiles.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};

use serde::Serialize;
use serde_json::Value;

use crate::{Presence, Required};

/// Wraps a field reference for autoref dispatch.
pub struct Probe<'a, T: ?Sized>(pub &'a T);

/// Presence, level 1: types that implement [`Required`] (strings, ...).
pub trait ViaRequired<'a> {
    /// The value's presence.
    fn __presence(&self) -> Presence<'a>;
}

/// Presence, level 2: `Option<T>` of any other `T`: `None` is missing.
pub trait ViaOption<'a> {
    /// The value's presence.
    fn __presence(&self) -> Presence<'a>;
}

/// Presence, level 3: any other type is present by construction.
pub trait ViaAny<'a> {
    /// The value's presence.
    fn __presence(&self) -> Presence<'a>;
}

impl<'a, T: Required + ?Sized> ViaRequired<'a> for &&Probe<'a, T> {
    #[inline]
    fn __presence(&self) -> Presence<'a> {
        self.0.presence()
    }
}

impl<'a, T> ViaOption<'a> for &Probe<'a, Option<T>> {
    #[inline]
    fn __presence(&self) -> Presence<'a> {
        match self.0 {
            None => Presence::Missing,
            Some(_) => Presence::Present,
        }
    }
}

impl<'a, T: ?Sized> ViaAny<'a> for Probe<'a, T> {
    #[inline]
    fn __presence(&self) -> Presence<'a> {
        Presence::Present
    }
}

/// What `#[not_empty]` calls empty: missing, blank, or an empty collection.
pub trait IsEmpty {
    /// Whether the value is empty.
    fn is_empty_value(&self) -> bool;
}

impl IsEmpty for str {
    fn is_empty_value(&self) -> bool {
        crate::required::is_blank(self)
    }
}

impl IsEmpty for String {
    fn is_empty_value(&self) -> bool {
        self.as_str().is_empty_value()
    }
}

impl IsEmpty for Cow<'_, str> {
    fn is_empty_value(&self) -> bool {
        (**self).is_empty_value()
    }
}

impl<T: IsEmpty> IsEmpty for Option<T> {
    fn is_empty_value(&self) -> bool {
        self.as_ref().is_none_or(IsEmpty::is_empty_value)
    }
}

impl<T: IsEmpty + ?Sized> IsEmpty for &T {
    fn is_empty_value(&self) -> bool {
        (**self).is_empty_value()
    }
}

impl<T: IsEmpty + ?Sized> IsEmpty for Box<T> {
    fn is_empty_value(&self) -> bool {
        (**self).is_empty_value()
    }
}

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
            fn is_empty_value(&self) -> bool { self.is_empty() }
        }
    )*};
}
collection_is_empty!(Vec<T> VecDeque<T> BTreeMap<K, V> BTreeSet<T> HashMap<K, V, S> HashSet<T, S>);

impl<T> IsEmpty for [T] {
    fn is_empty_value(&self) -> bool {
        self.is_empty()
    }
}

/// Emptiness, level 1: types that implement [`IsEmpty`].
pub trait ViaIsEmpty {
    /// Whether the value is empty.
    fn __is_empty(&self) -> bool;
}

/// Emptiness, level 2: `Option<T>` of any other `T`: `None` is empty.
pub trait ViaOptionEmpty {
    /// Whether the value is empty.
    fn __is_empty(&self) -> bool;
}

/// Emptiness, level 3: any other type is never empty.
pub trait ViaNeverEmpty {
    /// Whether the value is empty.
    fn __is_empty(&self) -> bool;
}

impl<T: IsEmpty + ?Sized> ViaIsEmpty for &&Probe<'_, T> {
    #[inline]
    fn __is_empty(&self) -> bool {
        self.0.is_empty_value()
    }
}

impl<T> ViaOptionEmpty for &Probe<'_, Option<T>> {
    #[inline]
    fn __is_empty(&self) -> bool {
        self.0.is_none()
    }
}

impl<T: ?Sized> ViaNeverEmpty for Probe<'_, T> {
    #[inline]
    fn __is_empty(&self) -> bool {
        false
    }
}

/// `Debug` of a field, level 1: the field's own `Debug`.
pub trait ViaDebug<'a> {
    /// What to print.
    fn __debug(&self) -> &'a dyn core::fmt::Debug;
}

/// `Debug` of a field, level 2: a type without `Debug` prints `..`.
pub trait ViaNoDebug<'a> {
    /// What to print.
    fn __debug(&self) -> &'a dyn core::fmt::Debug;
}

impl<'a, T: core::fmt::Debug> ViaDebug<'a> for &Probe<'a, T> {
    fn __debug(&self) -> &'a dyn core::fmt::Debug {
        self.0
    }
}

impl<'a, T: ?Sized> ViaNoDebug<'a> for Probe<'a, T> {
    fn __debug(&self) -> &'a dyn core::fmt::Debug {
        &Opaque
    }
}

struct Opaque;

impl core::fmt::Debug for Opaque {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("..")
    }
}

/// `AttemptedValue`, level 1: a serializable value, as JSON.
pub trait ViaSerialize {
    /// The value as JSON.
    fn __attempted(&self) -> Value;
}

/// `AttemptedValue`, level 2: anything else is `null`.
pub trait ViaOpaque {
    /// `null`.
    fn __attempted(&self) -> Value;
}

impl<T: Serialize + ?Sized> ViaSerialize for &Probe<'_, T> {
    fn __attempted(&self) -> Value {
        serde_json::to_value(self.0).unwrap_or(Value::Null)
    }
}

impl<T: ?Sized> ViaOpaque for Probe<'_, T> {
    fn __attempted(&self) -> Value {
        Value::Null
    }
}
