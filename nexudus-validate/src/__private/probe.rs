//! How the generated code asks questions of a field type it cannot name
//! traits for: is a value present, is it empty, how is it echoed, what is
//! inside it.
//!
//! Each question is asked of `(&&&Kind::<T>::NEW)` with the question's
//! `Via*` traits in scope, and answers with a function to call on values of
//! `T`. Method resolution tries the most specific impl first (autoref
//! specialization), so a type gets the most precise answer it supports and
//! every other type still compiles. The derive asks once per field type and
//! question and calls the answer per field (asking costs the compiler far
//! more than calling); for a value whose type it cannot write (a list
//! element), it asks of `Kind::of(&value)`.

use std::marker::PhantomData;

use serde::Serialize;

use crate::json::echo::Echoed;
use crate::rules::{IsEmpty, Nested, Presence, Required};

/// Names a type for autoref dispatch.
pub struct Kind<T: ?Sized>(PhantomData<fn(&T)>);

impl<T: ?Sized> Kind<T> {
    /// The kind of `T`.
    pub const NEW: Self = Kind(PhantomData);

    /// The kind of `value`'s type.
    #[inline]
    pub fn of(_value: &T) -> Self {
        Self::NEW
    }
}

/// A value's presence, for `#[required]` and `#[not_null]`.
pub type PresenceOf<T> = for<'a> fn(&'a T) -> Presence<'a>;

/// Presence, level 1: types that implement [`Required`] (strings, ...).
pub trait ViaRequired<T: ?Sized> {
    /// How to tell a value's presence.
    fn __presence(&self) -> PresenceOf<T>;
}

/// Presence, level 2: `Option<T>` of any other `T`: `None` is missing.
pub trait ViaOption<T> {
    /// How to tell a value's presence.
    fn __presence(&self) -> PresenceOf<Option<T>>;
}

/// Presence, level 3: any other type is present by construction.
pub trait ViaAny<T: ?Sized> {
    /// How to tell a value's presence.
    fn __presence(&self) -> PresenceOf<T>;
}

impl<T: Required + ?Sized> ViaRequired<T> for &&Kind<T> {
    #[inline]
    fn __presence(&self) -> PresenceOf<T> {
        T::presence
    }
}

impl<T> ViaOption<T> for &Kind<Option<T>> {
    #[inline]
    fn __presence(&self) -> PresenceOf<Option<T>> {
        |value| match value {
            None => Presence::Missing,
            Some(_) => Presence::Present,
        }
    }
}

impl<T: ?Sized> ViaAny<T> for Kind<T> {
    #[inline]
    fn __presence(&self) -> PresenceOf<T> {
        |_| Presence::Present
    }
}

/// Emptiness, level 1: types that implement [`IsEmpty`].
pub trait ViaIsEmpty<T: ?Sized> {
    /// How to tell whether a value is empty.
    fn __is_empty(&self) -> fn(&T) -> bool;
}

/// Emptiness, level 2: `Option<T>` of any other `T`: `None` is empty.
pub trait ViaOptionEmpty<T> {
    /// How to tell whether a value is empty.
    fn __is_empty(&self) -> fn(&Option<T>) -> bool;
}

/// Emptiness, level 3: any other type is never empty.
pub trait ViaNeverEmpty<T: ?Sized> {
    /// How to tell whether a value is empty.
    fn __is_empty(&self) -> fn(&T) -> bool;
}

impl<T: IsEmpty + ?Sized> ViaIsEmpty<T> for &&Kind<T> {
    #[inline]
    fn __is_empty(&self) -> fn(&T) -> bool {
        T::is_empty_value
    }
}

impl<T> ViaOptionEmpty<T> for &Kind<Option<T>> {
    #[inline]
    fn __is_empty(&self) -> fn(&Option<T>) -> bool {
        Option::is_none
    }
}

impl<T: ?Sized> ViaNeverEmpty<T> for Kind<T> {
    #[inline]
    fn __is_empty(&self) -> fn(&T) -> bool {
        |_| false
    }
}

/// How a failure echoes a value as its `AttemptedValue`.
pub type EchoOf<T> = for<'a> fn(&'a T) -> Echoed<'a>;

/// `AttemptedValue`, level 1: a serializable value that holds resources
/// (which may have secrets): echoed only when it holds no object.
pub trait ViaResourceEcho<T: ?Sized> {
    /// How to echo a value.
    fn __echo(&self) -> EchoOf<T>;
}

/// `AttemptedValue`, level 2: any other serializable value, as JSON.
pub trait ViaSerialize<T: ?Sized> {
    /// How to echo a value.
    fn __echo(&self) -> EchoOf<T>;
}

/// `AttemptedValue`, level 3: anything else echoes `null`.
pub trait ViaNoEcho<T: ?Sized> {
    /// How to echo a value: not at all.
    fn __echo(&self) -> EchoOf<T>;
}

impl<T: Serialize + Nested> ViaResourceEcho<T> for &&Kind<T> {
    #[inline]
    fn __echo(&self) -> EchoOf<T> {
        |value| Echoed::opaque(value)
    }
}

impl<T: Serialize> ViaSerialize<T> for &Kind<T> {
    #[inline]
    fn __echo(&self) -> EchoOf<T> {
        |value| Echoed::plain(value)
    }
}

impl<T: ?Sized> ViaNoEcho<T> for Kind<T> {
    #[inline]
    fn __echo(&self) -> EchoOf<T> {
        |_| Echoed::NOTHING
    }
}

/// The value inside, level 1: an `Option` holds one or none.
pub trait ViaOptionInner<T> {
    /// How to get the value inside.
    fn __inner(&self) -> for<'a> fn(&'a Option<T>) -> Option<&'a T>;
}

/// The value inside, level 2: any other value is its own inside.
pub trait ViaInner<T: ?Sized> {
    /// How to get the value inside: itself.
    fn __inner(&self) -> for<'a> fn(&'a T) -> Option<&'a T>;
}

impl<T> ViaOptionInner<T> for &Kind<Option<T>> {
    #[inline]
    fn __inner(&self) -> for<'a> fn(&'a Option<T>) -> Option<&'a T> {
        Option::as_ref
    }
}

impl<T: ?Sized> ViaInner<T> for Kind<T> {
    #[inline]
    fn __inner(&self) -> for<'a> fn(&'a T) -> Option<&'a T> {
        |value| Some(value)
    }
}
