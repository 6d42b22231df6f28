//! `#[nested]`: resources inside resources.

use serde::de::{MapAccess, SeqAccess, Visitor};
use serde::Deserializer as _;
use serde_json::value::RawValue;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::hash::BuildHasher;
use std::marker::PhantomData;

use crate::__private::Cx;
use crate::json::object::{Key, Raw};

/// Types `#[nested]` descends into: a resource, or an `Option`, `Box`,
/// `Vec`, slice or string-keyed `HashMap` / `BTreeMap` of them. Failures
/// inside are named `Parent.Child`, `List[2].Child`, `Map[key].Child`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a Nexudus resource: #[nested] needs a type that derives NexudusResource, or an Option, Box, Vec or string-keyed map of one",
    label = "not a NexudusResource"
)]
///
/// `#[derive(NexudusResource)]` implements it for the resource.
pub trait Nested {
    /// Checks the resources inside a typed value.
    #[doc(hidden)]
    fn validate_nested(&self, cx: &mut Cx<'_>);

    /// Finds the failures inside JSON sent for this type that did not read
    /// as it.
    #[doc(hidden)]
    fn check_raw(cx: &mut Cx<'_>, raw: Raw<'_>)
    where
        Self: Sized;
}

impl<T: Nested> Nested for Option<T> {
    fn validate_nested(&self, cx: &mut Cx<'_>) {
        if let Some(inner) = self {
            inner.validate_nested(cx);
        }
    }

    fn check_raw(cx: &mut Cx<'_>, raw: Raw<'_>) {
        if !raw.is_null() {
            T::check_raw(cx, raw);
        }
    }
}

impl<T: Nested> Nested for Box<T> {
    fn validate_nested(&self, cx: &mut Cx<'_>) {
        (**self).validate_nested(cx);
    }

    fn check_raw(cx: &mut Cx<'_>, raw: Raw<'_>) {
        T::check_raw(cx, raw);
    }
}

impl<T: Nested> Nested for crate::Secret<T> {
    fn validate_nested(&self, cx: &mut Cx<'_>) {
        self.expose().validate_nested(cx);
    }

    fn check_raw(cx: &mut Cx<'_>, raw: Raw<'_>) {
        T::check_raw(cx, raw);
    }
}

impl<T: Nested> Nested for [T] {
    fn validate_nested(&self, cx: &mut Cx<'_>) {
        for (index, item) in self.iter().enumerate() {
            cx.index(index, |cx| item.validate_nested(cx));
        }
    }
}

impl<T: Nested> Nested for Vec<T> {
    fn validate_nested(&self, cx: &mut Cx<'_>) {
        self.as_slice().validate_nested(cx);
    }

    fn check_raw(cx: &mut Cx<'_>, raw: Raw<'_>) {
        match raw {
            Raw::Value(Value::Array(items)) => {
                for (index, item) in items.iter().enumerate() {
                    cx.index(index, |cx| T::check_raw(cx, Raw::Value(item)));
                }
            }
            Raw::Text(text) if text.get().starts_with('[') => {
                let mut de = serde_json::Deserializer::from_str(text.get());
                // The text was read once already: it is a valid list.
                let _ = de.deserialize_seq(Elements::<T> {
                    cx,
                    ty: PhantomData,
                });
            }
            _ => cx.invalid(raw, true),
        }
    }
}

impl<K: AsRef<str> + Ord, T: Nested> Nested for BTreeMap<K, T> {
    fn validate_nested(&self, cx: &mut Cx<'_>) {
        for (key, value) in self {
            cx.key(key.as_ref(), |cx| value.validate_nested(cx));
        }
    }

    fn check_raw(cx: &mut Cx<'_>, raw: Raw<'_>) {
        check_raw_map::<T>(cx, raw);
    }
}

/// Failures come in key order, the same every time: entries are checked in
/// the map's own order, and only when one fails are they checked again,
/// sorted (so a valid map costs no allocation).
impl<K: AsRef<str> + Ord, T: Nested, S: BuildHasher> Nested for HashMap<K, T, S> {
    fn validate_nested(&self, cx: &mut Cx<'_>) {
        let before = cx.snapshot();
        for (key, value) in self {
            cx.key(key.as_ref(), |cx| value.validate_nested(cx));
        }
        if self.len() > 1 && cx.snapshot() != before {
            cx.rollback(before);
            let mut entries: Vec<(&K, &T)> = self.iter().collect();
            entries.sort_unstable_by(|a, b| a.0.cmp(b.0));
            for (key, value) in entries {
                cx.key(key.as_ref(), |cx| value.validate_nested(cx));
            }
        }
    }

    fn check_raw(cx: &mut Cx<'_>, raw: Raw<'_>) {
        check_raw_map::<T>(cx, raw);
    }
}

/// The entries of a JSON object sent for a map, in the order sent.
fn check_raw_map<T: Nested>(cx: &mut Cx<'_>, raw: Raw<'_>) {
    match raw {
        Raw::Value(Value::Object(entries)) => {
            for (key, item) in entries {
                cx.key(key, |cx| T::check_raw(cx, Raw::Value(item)));
            }
        }
        Raw::Text(text) if text.get().starts_with('{') => {
            let mut de = serde_json::Deserializer::from_str(text.get());
            let _ = de.deserialize_map(Entries::<T> {
                cx,
                ty: PhantomData,
            });
        }
        _ => cx.invalid(raw, true),
    }
}

/// Checks each element of a JSON list as it is read, without keeping them.
struct Elements<'c, 'x, T> {
    cx: &'c mut Cx<'x>,
    ty: PhantomData<fn() -> T>,
}

impl<'de, T: Nested> Visitor<'de> for Elements<'_, '_, T> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut index = 0;
        while let Some(item) = seq.next_element::<&'de RawValue>()? {
            self.cx.index(index, |cx| T::check_raw(cx, Raw::Text(item)));
            index += 1;
        }
        Ok(())
    }
}

/// Checks each value of a JSON object as it is read, without keeping them.
struct Entries<'c, 'x, T> {
    cx: &'c mut Cx<'x>,
    ty: PhantomData<fn() -> T>,
}

impl<'de, T: Nested> Visitor<'de> for Entries<'_, '_, T> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(Key(key)) = map.next_key()? {
            let item = map.next_value::<&'de RawValue>()?;
            self.cx.key(&key, |cx| T::check_raw(cx, Raw::Text(item)));
        }
        Ok(())
    }
}
