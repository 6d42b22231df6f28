//! Reading one field of a JSON object as the field's own type.
//!
//! The derive asks `(&&&Reader::<T>::PLAIN).reader()` (or `.checker()`,
//! for fields without rules) once per field type of a resource, and calls
//! what it gets for each field of that type. Method resolution picks the
//! most capable reader `T` allows (autoref specialization): a type holding
//! resources reads with their secrets in mind, any other owned
//! `Deserialize` type reads plainly, and a type that cannot be read on its
//! own (it borrows, or is a bare type parameter) is left to the typed
//! parse, only its presence checked.

use std::marker::PhantomData;

use serde::de::DeserializeOwned;

use super::object::{Raw, RawObject};
use crate::__private::Cx;
use crate::rules::Nested;

/// A field read from its JSON value.
pub enum Read<'a, T> {
    /// The value, read.
    Value(T),
    /// The value was not read: it does not read as the type, or the type
    /// cannot be read on its own.
    Unread(Unread<'a>),
}

/// A field that was not read: what was sent, and how to look inside.
pub struct Unread<'a> {
    /// What was sent (`None`: nothing).
    pub(crate) raw: Option<Raw<'a>>,
    /// Not read because its type cannot be read on its own (it borrows
    /// from the input, or is a type parameter): only its presence is
    /// checked, on what was sent; the typed parse reads it.
    pub(crate) unchecked: bool,
    /// For `#[nested]` fields: finds the failures inside the value.
    pub(crate) descend: Option<Descend>,
    /// The type holds resources: an object or list sent is not echoed.
    pub(crate) opaque: bool,
    /// Reading it met a [`Secret`](crate::Secret): what was sent is not
    /// echoed.
    pub(crate) secret: bool,
}

/// Looks inside a `#[nested]` value that could not be read.
pub type Descend = for<'c, 'r> fn(&mut Cx<'c>, Raw<'r>);

/// What the checks of a field get: the value, or what kept it from being
/// read.
pub enum Got<'r, T> {
    /// The value (typed validation, or a field read from JSON).
    Value(&'r T),
    /// The field was not read.
    Unread(&'r Unread<'r>),
    /// A `#[serde(flatten)]`ed resource's fields, to read.
    Flat(&'r RawObject<'r>),
    /// A field read from JSON: its value or what kept it from being read
    /// (built in place by the generated code, without a call).
    Read(&'r Read<'r, T>),
}

/// How to read one field.
#[derive(Clone, Copy)]
struct How<T> {
    /// `#[serde(default)]`: the value of an absent key.
    default: Option<fn() -> T>,
    /// An absent key reads as `null` (serde's rule for fields without a
    /// custom deserializer).
    absent_is_null: bool,
    opaque: bool,
    descend: Option<Descend>,
}

fn read<'a, T: DeserializeOwned>(object: &RawObject<'a>, index: usize, how: How<T>) -> Read<'a, T> {
    let unread = |raw, secret| {
        Read::Unread(Unread {
            raw,
            unchecked: false,
            descend: how.descend,
            opaque: how.opaque,
            secret,
        })
    };
    match object.get(index) {
        Some(raw) => match crate::secret::reading(|| raw.parse()) {
            (Ok(value), _) => Read::Value(value),
            (Err(_), secret) => unread(Some(raw), secret),
        },
        None => match how.default {
            Some(default) => Read::Value(default()),
            None if how.absent_is_null => match serde_json::from_slice(b"null") {
                Ok(nothing) => Read::Value(nothing),
                Err(_) => unread(None, false),
            },
            None => unread(None, false),
        },
    }
}

/// Reads field `index` of a JSON object as `T`; `default` makes the value
/// of an absent key (`#[serde(default)]`).
pub type Reading<T> = for<'a> fn(&RawObject<'a>, usize, Option<fn() -> T>) -> Read<'a, T>;

/// Checks field `index` of the resource in a context, a field without
/// rules: what was sent for it is reported when it does not read; nothing
/// is done for a typed value.
pub type Checker = fn(&mut Cx<'_>, usize);

/// A field read as `T`. `ABSENT_IS_NULL`: an absent key reads as `null`
/// (not so through an adapter, `#[serde(deserialize_with)]`, where serde
/// has it missing). `OPAQUE`: a value that does not read is not echoed (a
/// type holding resources: it may hold a whole object).
fn read_as<'a, T: DeserializeOwned, const ABSENT_IS_NULL: bool, const OPAQUE: bool>(
    object: &RawObject<'a>,
    index: usize,
    default: Option<fn() -> T>,
) -> Read<'a, T> {
    let how = How {
        default,
        absent_is_null: ABSENT_IS_NULL,
        opaque: OPAQUE,
        descend: None,
    };
    read(object, index, how)
}

/// A `#[nested]` field: a value that does not read is looked into for the
/// failures inside it.
fn read_nested<'a, T: DeserializeOwned + Nested>(
    object: &RawObject<'a>,
    index: usize,
    default: Option<fn() -> T>,
) -> Read<'a, T> {
    let how = How {
        default,
        absent_is_null: true,
        opaque: true,
        descend: Some(T::check_raw as Descend),
    };
    read(object, index, how)
}

/// A field without rules that `reading` reads.
#[inline]
fn check_with<T, R: for<'a> Fn(&RawObject<'a>, usize, Option<fn() -> T>) -> Read<'a, T>>(
    cx: &mut Cx<'_>,
    index: usize,
    reading: R,
) {
    if cx.reads_json() {
        check(cx, index, reading);
    }
}

/// Field `index` without rules, read from what was sent: only what does
/// not read is reported. An absent key of a field with a default reads as
/// that default, whatever it is. (Out of line: a typed value's check only
/// tests that nothing was sent.)
#[inline(never)]
fn check<T, R: for<'a> Fn(&RawObject<'a>, usize, Option<fn() -> T>) -> Read<'a, T>>(
    cx: &mut Cx<'_>,
    index: usize,
    reading: R,
) {
    let Some(object) = cx.sent_field(index) else {
        return;
    };
    if object.get(index).is_none() && cx.field_has_default() {
        return;
    }
    if let Read::Unread(unread) = reading(object, index, None) {
        cx.unread(&unread);
    }
}

/// Names the type a field is read as, and how.
pub struct Reader<T> {
    nested: bool,
    absent_is_null: bool,
    ty: PhantomData<fn() -> T>,
}

impl<T> Reader<T> {
    /// A reader for a plain field.
    pub const PLAIN: Self = Self {
        nested: false,
        absent_is_null: true,
        ty: PhantomData,
    };

    /// A reader for a `#[nested]` field: a value that does not read is
    /// looked into for the failures inside it.
    pub const NESTED: Self = Self {
        nested: true,
        absent_is_null: true,
        ty: PhantomData,
    };

    /// A reader for a field with `#[serde(deserialize_with)]` (read through
    /// an adapter): an absent key is missing, as serde has it.
    pub const CUSTOM: Self = Self {
        nested: false,
        absent_is_null: false,
        ty: PhantomData,
    };
}

/// Reading, level 1: types holding resources.
pub trait ReadResources<T> {
    /// How to read a field of this type.
    fn reader(&self) -> Reading<T>;
    /// How to check a field of this type that has no rules.
    fn checker(&self) -> Checker;
}

/// Reading, level 2: any other owned `Deserialize` type.
pub trait ReadOwned<T> {
    /// How to read a field of this type.
    fn reader(&self) -> Reading<T>;
    /// How to check a field of this type that has no rules.
    fn checker(&self) -> Checker;
}

/// Reading, level 3: types that cannot be read on their own.
pub trait ReadNothing<T> {
    /// An unchecked [`Read::Unread`].
    fn reader(&self) -> Reading<T>;
    /// Nothing: the typed parse reads the field.
    fn checker(&self) -> Checker;
}

impl<T: DeserializeOwned + Nested> ReadResources<T> for &&Reader<T> {
    #[inline]
    fn reader(&self) -> Reading<T> {
        if self.nested {
            read_nested::<T>
        } else {
            read_as::<T, true, true>
        }
    }
    #[inline]
    fn checker(&self) -> Checker {
        |cx, index| check_with(cx, index, read_as::<T, true, true>)
    }
}

impl<T: DeserializeOwned> ReadOwned<T> for &Reader<T> {
    #[inline]
    fn reader(&self) -> Reading<T> {
        if self.absent_is_null {
            read_as::<T, true, false>
        } else {
            read_as::<T, false, false>
        }
    }
    #[inline]
    fn checker(&self) -> Checker {
        if self.absent_is_null {
            |cx, index| check_with(cx, index, read_as::<T, true, false>)
        } else {
            |cx, index| check_with(cx, index, read_as::<T, false, false>)
        }
    }
}

impl<T> ReadNothing<T> for Reader<T> {
    #[inline]
    fn reader(&self) -> Reading<T> {
        |object, index, _| unchecked(object, index)
    }
    #[inline]
    fn checker(&self) -> Checker {
        |_, _| {}
    }
}

/// Field `index`, left to the typed parse: only what was sent is kept.
pub fn unchecked<'a, T>(object: &RawObject<'a>, index: usize) -> Read<'a, T> {
    Read::Unread(Unread {
        raw: object.get(index),
        unchecked: true,
        descend: None,
        opaque: false,
        secret: false,
    })
}

/// A field read through an adapter (`#[serde(deserialize_with)]`,
/// `#[serde(with)]`): the adapter wraps the field's value.
pub trait Adapter {
    /// The field's type.
    type Inner;
    /// The field's value.
    fn inner(&self) -> &Self::Inner;
}

/// What the checks of a field read through adapter `A` get.
#[inline]
pub fn got_inner<'r, A: Adapter>(read: &'r Read<'_, A>) -> Got<'r, A::Inner> {
    match read {
        Read::Value(value) => Got::Value(value.inner()),
        Read::Unread(unread) => Got::Unread(unread),
    }
}
