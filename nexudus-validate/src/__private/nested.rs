//! `#[nested]`: validating resources inside resources.

use serde_json::Value;

use super::Path;
use crate::{NexudusResource, Operation, ValidationFailure};

/// Types `#[nested]` can descend into: a resource, or an `Option`, `Vec`
/// or slice of them.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a Nexudus resource: #[nested] needs a type that derives NexudusResource, or an Option or Vec of one",
    label = "not a NexudusResource"
)]
pub trait Nested {
    /// Typed validation of the inner value(s), named under `path`.
    fn validate_nested(
        &self,
        operation: Operation,
        path: &Path<'_>,
        out: &mut Vec<ValidationFailure>,
    );

    /// Raw-JSON validation of the inner value(s), named under `path`.
    fn check_nested_value(
        value: &Value,
        operation: Operation,
        path: &Path<'_>,
        out: &mut Vec<ValidationFailure>,
    );
}

/// A nested value that is not the object (or list) the type needs.
fn wrong_shape(path: &Path<'_>, value: &Value) -> ValidationFailure {
    ValidationFailure::invalid_type(path.property_name(""), value.clone())
}

/// The raw check of a `#[nested]` field of type `T`.
pub fn nested_check<T: Nested>() -> super::NestedCheck {
    T::check_nested_value
}

impl<T: NexudusResource> Nested for T {
    fn validate_nested(
        &self,
        operation: Operation,
        path: &Path<'_>,
        out: &mut Vec<ValidationFailure>,
    ) {
        self.__validate_into(operation, path, out);
    }

    fn check_nested_value(
        value: &Value,
        operation: Operation,
        path: &Path<'_>,
        out: &mut Vec<ValidationFailure>,
    ) {
        match value {
            Value::Object(object) => T::__check_object(object, operation, path, out),
            other => out.push(wrong_shape(path, other)),
        }
    }
}

impl<T: Nested> Nested for Option<T> {
    fn validate_nested(
        &self,
        operation: Operation,
        path: &Path<'_>,
        out: &mut Vec<ValidationFailure>,
    ) {
        if let Some(inner) = self {
            inner.validate_nested(operation, path, out);
        }
    }

    fn check_nested_value(
        value: &Value,
        operation: Operation,
        path: &Path<'_>,
        out: &mut Vec<ValidationFailure>,
    ) {
        if !value.is_null() {
            T::check_nested_value(value, operation, path, out);
        }
    }
}

impl<T: Nested> Nested for Vec<T> {
    fn validate_nested(
        &self,
        operation: Operation,
        path: &Path<'_>,
        out: &mut Vec<ValidationFailure>,
    ) {
        for (index, item) in self.iter().enumerate() {
            item.validate_nested(operation, &Path::Index(path, index), out);
        }
    }

    fn check_nested_value(
        value: &Value,
        operation: Operation,
        path: &Path<'_>,
        out: &mut Vec<ValidationFailure>,
    ) {
        match value {
            Value::Array(items) => {
                for (index, item) in items.iter().enumerate() {
                    T::check_nested_value(item, operation, &Path::Index(path, index), out);
                }
            }
            other => out.push(wrong_shape(path, other)),
        }
    }
}
