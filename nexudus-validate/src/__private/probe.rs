//! How the generated code asks questions of a field value of any type.
//!
//! Each question is asked as `(&&&Probe(&value)).__method()` with the
//! question's `Via*` traits in scope. Method resolution tries the most
//! specific impl first (autoref specialization), so a type gets the most
//! precise answer it supports and every other type still compiles.

use serde::Serialize;

use crate::json::echo::Echoed;
use crate::rules::{IsEmpty, Nested, Presence, Required};

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

/// `AttemptedValue`, level 1: a serializable value that holds resources
/// (which may have secrets): echoed only when it holds no object.
pub trait ViaResourceEcho<'a> {
    /// The value as an echo.
    fn __echo(&self) -> Echoed<'a>;
}

/// `AttemptedValue`, level 2: any other serializable value, as JSON.
pub trait ViaSerialize<'a> {
    /// The value as an echo.
    fn __echo(&self) -> Echoed<'a>;
}

/// `AttemptedValue`, level 3: anything else echoes `null`.
pub trait ViaNoEcho<'a> {
    /// Nothing to echo.
    fn __echo(&self) -> Echoed<'a>;
}

impl<'a, T: Serialize + Nested> ViaResourceEcho<'a> for &&Probe<'a, T> {
    #[inline]
    fn __echo(&self) -> Echoed<'a> {
        Echoed::opaque(self.0)
    }
}

impl<'a, T: Serialize> ViaSerialize<'a> for &Probe<'a, T> {
    #[inline]
    fn __echo(&self) -> Echoed<'a> {
        Echoed::plain(self.0)
    }
}

impl<'a, T: ?Sized> ViaNoEcho<'a> for Probe<'a, T> {
    #[inline]
    fn __echo(&self) -> Echoed<'a> {
        Echoed::NOTHING
    }
}

/// The value inside, level 1: an `Option` holds one or none.
pub trait ViaOptionInner<'a, T> {
    /// The value inside, if any.
    fn __inner(&self) -> Option<&'a T>;
}

/// The value inside, level 2: any other value is its own inside.
pub trait ViaInner<'a, T: ?Sized> {
    /// The value itself.
    fn __inner(&self) -> Option<&'a T>;
}

impl<'a, T> ViaOptionInner<'a, T> for &Probe<'a, Option<T>> {
    #[inline]
    fn __inner(&self) -> Option<&'a T> {
        self.0.as_ref()
    }
}

impl<'a, T: ?Sized> ViaInner<'a, T> for Probe<'a, T> {
    #[inline]
    fn __inner(&self) -> Option<&'a T> {
        Some(self.0)
    }
}
