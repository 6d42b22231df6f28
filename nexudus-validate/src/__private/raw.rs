//! How the raw-JSON check looks at one field of a JSON object.

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::Path;
use crate::{Operation, ValidationFailure};

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

/// Descends into a `#[nested]` field's raw value.
pub type NestedCheck = fn(&Value, Operation, &Path<'_>, &mut Vec<ValidationFailure>);

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
    /// `#[nested]`: how to find the precise failures inside a value that
    /// does not parse as a whole.
    pub nested: Option<NestedCheck>,
}

/// The value of the first of `keys` present in `object`.
#[inline]
pub fn lookup<'v>(object: &'v Map<String, Value>, keys: &[&str]) -> Option<&'v Value> {
    keys.iter().find_map(|key| object.get(*key))
}

/// Reads one field's raw JSON value as the field's type.
///
/// Returns the typed value (also for an absent or `null` key when the type
/// has a "nothing", like `Option`), so that the caller runs the same checks
/// as typed validation. Records the failures only raw JSON can have: a value
/// of the wrong type, and `null` or a missing key for a type that cannot be
/// empty.
pub fn read_field<T>(
    out: &mut Vec<ValidationFailure>,
    path: &Path<'_>,
    operation: Operation,
    field: RawField,
    raw: Option<&Value>,
    parse: impl Fn(&Value) -> Parsed<T>,
) -> Option<T> {
    let required = |out: &mut Vec<ValidationFailure>, attempted: &Value| {
        let attempted = if field.sensitive {
            Value::Null
        } else {
            attempted.clone()
        };
        out.push(ValidationFailure::required(
            path.property_name(field.property_name),
            attempted,
        ));
    };
    let Some(value) = raw.filter(|v| !v.is_null()) else {
        let defaulted = raw.is_none() && field.has_default;
        if defaulted && !field.required {
            return None; // serde fills it in
        }
        return match parse(&Value::Null) {
            Parsed::Value(nothing) => Some(nothing),
            Parsed::Invalid(_) | Parsed::Unchecked => {
                if field.required || !defaulted {
                    required(out, &Value::Null);
                }
                None
            }
        };
    };
    let blank = field.required
        && !field.allow_empty
        && matches!(value, Value::String(s) if s.trim().is_empty());
    match parse(value) {
        Parsed::Value(parsed) => return Some(parsed),
        // A blank string for a required non-string field is blank first.
        _ if blank => required(out, value),
        Parsed::Unchecked => {}
        Parsed::Invalid(_) => {
            let start = out.len();
            if let Some(nested) = field.nested {
                nested(
                    value,
                    operation,
                    &Path::Field(path, field.property_name),
                    out,
                );
            }
            if out.len() == start {
                let name = path.property_name(field.property_name);
                out.push(if field.sensitive {
                    ValidationFailure::invalid_type_redacted(name)
                } else {
                    ValidationFailure::invalid_type(name, value.clone())
                });
            }
        }
    }
    None
}
