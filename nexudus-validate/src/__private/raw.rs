//! How the raw-JSON check looks at one field of a JSON object.

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::Path;
use crate::ValidationFailure;

/// A field's JSON value read as the field's Rust type.
pub enum Parsed<T> {
    /// It deserializes into the field's type.
    Value(T),
    /// It does not.
    Invalid(serde_json::Error),
    /// The type cannot be checked on its own (it borrows from the input or
    /// is a bare type parameter); the final typed parse decides.
    Unchecked,
}

/// Names a type for autoref dispatch without holding a value of it.
pub struct TypeProbe<T: ?Sized>(core::marker::PhantomData<fn() -> Box<T>>);

impl<T: ?Sized> TypeProbe<T> {
    /// The probe for `T`.
    #[inline]
    pub const fn new() -> Self {
        TypeProbe(core::marker::PhantomData)
    }
}

impl<T: ?Sized> Default for TypeProbe<T> {
    fn default() -> Self {
        Self::new()
    }
}

/// Dispatch level 1: owned types are read with their own `Deserialize`.
pub trait ViaDeserialize<T> {
    /// `value` read as `T`.
    fn __parse(&self, value: &Value) -> Parsed<T>;
}

/// Dispatch level 2: any other type is left to the final typed parse.
pub trait ViaUnchecked<T> {
    /// Always [`Parsed::Unchecked`].
    fn __parse(&self, value: &Value) -> Parsed<T>;
}

impl<T: DeserializeOwned> ViaDeserialize<T> for &TypeProbe<T> {
    #[inline]
    fn __parse(&self, value: &Value) -> Parsed<T> {
        match T::deserialize(value) {
            Ok(parsed) => Parsed::Value(parsed),
            Err(error) => Parsed::Invalid(error),
        }
    }
}

impl<T> ViaUnchecked<T> for TypeProbe<T> {
    #[inline]
    fn __parse(&self, _: &Value) -> Parsed<T> {
        Parsed::Unchecked
    }
}

/// What the derive knows about a field, for the raw check.
#[derive(Clone, Copy)]
pub struct RawField {
    /// The `PropertyName` to report.
    pub property_name: &'static str,
    /// `#[required]` applies to this operation.
    pub required: bool,
    /// `#[required(allow_empty)]`.
    pub allow_empty: bool,
    /// serde fills the field in when its key is absent.
    pub has_default: bool,
    /// Never echo the value.
    pub sensitive: bool,
}

/// The value of the first of `keys` present in `object`.
#[inline]
pub fn lookup<'v>(object: &'v Map<String, Value>, keys: &[&str]) -> Option<&'v Value> {
    keys.iter().find_map(|key| object.get(*key))
}

/// Checks one field's raw JSON value: presence, blankness, then type.
/// Returns the typed value when it is there and parses, for further rules.
pub fn check_raw<T>(
    out: &mut Vec<ValidationFailure>,
    path: &Path<'_>,
    field: RawField,
    raw: Option<&Value>,
    parse: impl Fn(&Value) -> Parsed<T>,
) -> Option<T> {
    let required = |out: &mut Vec<ValidationFailure>, attempted: Value| {
        out.push(ValidationFailure::required(
            path.property_name(field.property_name),
            attempted,
        ));
    };
    let value = match raw {
        None | Some(Value::Null) => {
            // A field whose type has no "nothing" (not an Option) is
            // implicitly required, as serde would reject the body.
            let may_be_absent = raw.is_none() && field.has_default;
            let nullable = !matches!(parse(&Value::Null), Parsed::Invalid(_));
            if field.required || !(may_be_absent || nullable) {
                required(out, Value::Null);
            }
            return None;
        }
        Some(value) => value,
    };
    if let Value::String(s) = value {
        if field.required && !field.allow_empty && s.trim().is_empty() {
            required(out, redact(value, field.sensitive));
            return None;
        }
    }
    match parse(value) {
        Parsed::Value(parsed) => Some(parsed),
        Parsed::Invalid(_) => {
            let name = path.property_name(field.property_name);
            out.push(if field.sensitive {
                ValidationFailure::invalid_type_redacted(name)
            } else {
                ValidationFailure::invalid_type(name, value.clone())
            });
            None
        }
        Parsed::Unchecked => None,
    }
}

fn redact(value: &Value, sensitive: bool) -> Value {
    if sensitive {
        Value::Null
    } else {
        value.clone()
    }
}
