//! How `#[required]` looks at a typed value, whatever its type.
//!
//! The generated code calls `(&&&Probe(&field)).__presence()` with all three
//! `Via*` traits in scope. Method resolution tries the most specific impl
//! first (autoref specialization):
//! 1. the type implements [`Required`] (strings, `Option` of those, `Value`, ...);
//! 2. the type is an `Option<T>` of anything else: `None` is missing;
//! 3. any other type is present by construction.

use serde_json::Value;

use super::Path;
use crate::{Presence, Required, ValidationFailure};

/// Wraps a field reference for autoref dispatch.
pub struct Probe<'a, T: ?Sized>(pub &'a T);

/// Dispatch level 1: types that implement [`Required`].
pub trait ViaRequired<'a> {
    /// The field's presence.
    fn __presence(&self) -> Presence<'a>;
}

/// Dispatch level 2: `Option<T>` for a `T` without [`Required`].
pub trait ViaOption<'a> {
    /// The field's presence.
    fn __presence(&self) -> Presence<'a>;
}

/// Dispatch level 3: every other type.
pub trait ViaAny<'a> {
    /// The field's presence.
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

/// Records a `#[required]` failure for `presence`, if it is one.
#[inline]
pub fn check_required(
    out: &mut Vec<ValidationFailure>,
    path: &Path<'_>,
    property_name: &'static str,
    presence: Presence<'_>,
    allow_empty: bool,
    sensitive: bool,
) {
    let attempted = match presence {
        Presence::Present => return,
        Presence::Blank(_) if allow_empty => return,
        Presence::Missing => Value::Null,
        Presence::Blank(_) if sensitive => Value::Null,
        Presence::Blank(s) => Value::String(s.to_owned()),
    };
    out.push(ValidationFailure::required(
        path.property_name(property_name),
        attempted,
    ));
}
