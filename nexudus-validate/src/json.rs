//! Raw JSON in, a valid typed value or every failure out.

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::__private::Path;
use crate::{code, NexudusResource, Operation, ValidationErrors, ValidationFailure};

/// Reads a request body for an update: `Ok(T)` when it is a valid record,
/// otherwise **every** failure, in field declaration order.
///
/// Missing, `null` and blank required fields, values of the wrong type and
/// whole-body problems (not JSON, not an object, too deeply nested) all come
/// back as [`ValidationErrors`] in the Nexudus shape; nothing panics. When a
/// key is sent twice, the last value wins, as in `serde_json::Value`.
///
/// A valid body costs one typed parse plus the typed checks; only an
/// invalid body takes a second pass to collect all of its failures.
///
/// ```
/// # use nexudus_validate::NexudusResource;
/// # use serde::Deserialize;
/// #[derive(Debug, Deserialize, NexudusResource)]
/// #[serde(rename_all = "PascalCase")]
/// struct Workspace {
///     #[required(update)] id: Option<i64>,
///     #[required] business_id: Option<i64>,
///     #[required] name: Option<String>,
/// }
///
/// let errors = nexudus_validate::from_slice::<Workspace>(br#"{"BusinessId": "abc", "Name": " "}"#)
///     .unwrap_err();
/// assert_eq!(
///     errors.to_string(),
///     "Id: is a required field\n\
///      BusinessId: The value 'abc' is not valid for BusinessId.\n\
///      Name: is a required field"
/// );
/// ```
pub fn from_slice<T>(bytes: &[u8]) -> Result<T, ValidationErrors>
where
    T: NexudusResource + DeserializeOwned,
{
    from_slice_for(bytes, Operation::Update)
}

/// [`from_slice`] for a given operation ([`Operation::Create`] skips
/// update-only rules).
pub fn from_slice_for<T>(bytes: &[u8], operation: Operation) -> Result<T, ValidationErrors>
where
    T: NexudusResource + DeserializeOwned,
{
    match serde_json::from_slice::<T>(bytes) {
        Ok(value) => value.validate_for(operation).map(|()| value),
        Err(_) => match serde_json::from_slice::<Value>(bytes) {
            Ok(value) => from_value_slow(&value, operation, Some(bytes)),
            Err(error) => Err(unreadable_body(&error, bytes).into()),
        },
    }
}

/// [`from_slice`] for a `&str`.
pub fn from_str<T>(text: &str) -> Result<T, ValidationErrors>
where
    T: NexudusResource + DeserializeOwned,
{
    from_slice_for(text.as_bytes(), Operation::Update)
}

/// [`from_str`] for a given operation.
pub fn from_str_for<T>(text: &str, operation: Operation) -> Result<T, ValidationErrors>
where
    T: NexudusResource + DeserializeOwned,
{
    from_slice_for(text.as_bytes(), operation)
}

/// [`from_slice`] for an already parsed JSON value.
pub fn from_value<T>(value: Value) -> Result<T, ValidationErrors>
where
    T: NexudusResource + DeserializeOwned,
{
    from_value_for(value, Operation::Update)
}

/// [`from_value`] for a given operation.
pub fn from_value_for<T>(value: Value, operation: Operation) -> Result<T, ValidationErrors>
where
    T: NexudusResource + DeserializeOwned,
{
    match T::deserialize(&value) {
        Ok(typed) => typed.validate_for(operation).map(|()| typed),
        Err(_) => from_value_slow(&value, operation, None),
    }
}

/// The second pass: every field failure; if there are none, the typed parse
/// of the value (duplicate keys are resolved by now) and its typed checks.
fn from_value_slow<T>(
    value: &Value,
    operation: Operation,
    bytes: Option<&[u8]>,
) -> Result<T, ValidationErrors>
where
    T: NexudusResource + DeserializeOwned,
{
    let failures = collect_value_failures::<T>(value, operation, bytes);
    if !failures.is_empty() {
        return Err(failures.into());
    }
    match T::deserialize(value) {
        Ok(typed) => typed.validate_for(operation).map(|()| typed),
        Err(error) => Err(unreadable_value::<T>(&error).into()),
    }
}

/// Every field failure of `value` (a whole-body failure when it is not an
/// object). `bytes` gives positions to whole-body messages.
fn collect_value_failures<T: NexudusResource + ?Sized>(
    value: &Value,
    operation: Operation,
    bytes: Option<&[u8]>,
) -> Vec<ValidationFailure> {
    let mut out = Vec::new();
    match value {
        Value::Object(object) => T::__check_object(object, operation, &Path::Root, &mut out),
        other => out.push(not_an_object(other, bytes)),
    }
    out
}

/// `T::validate_value`: the typed fast path when `T` reads itself from the
/// value, otherwise (or when that fails) the field checks.
#[doc(hidden)]
pub fn validate_value<T: NexudusResource>(
    value: &Value,
    operation: Operation,
    parsed: crate::__private::Parsed<T>,
) -> Result<(), ValidationErrors> {
    use crate::__private::Parsed;
    let failures = match parsed {
        Parsed::Value(typed) => return typed.validate_for(operation),
        Parsed::Invalid(error) => {
            let mut failures = collect_value_failures::<T>(value, operation, None);
            if failures.is_empty() {
                failures.push(unreadable_value::<T>(&error));
            }
            failures
        }
        Parsed::Unchecked => collect_value_failures::<T>(value, operation, None),
    };
    ValidationErrors::from(failures).into_result()
}

fn body_failure(message: String) -> ValidationFailure {
    ValidationFailure::with_code(code::INVALID_BODY, "", message, Value::Null)
}

/// A body serde_json could not parse at all.
fn unreadable_body(error: &serde_json::Error, bytes: &[u8]) -> ValidationFailure {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return body_failure("The request body is empty.".to_owned());
    }
    body_failure(format!("The request body is not valid JSON: {error}."))
}

/// A body that is JSON but that serde could not read as the resource, for a
/// reason no field check names (a custom deserializer, unknown fields
/// denied, a generic field). serde's text can quote a value, so it is left
/// out for resources with `#[sensitive]` fields.
fn unreadable_value<T: NexudusResource + ?Sized>(error: &serde_json::Error) -> ValidationFailure {
    if T::FIELDS.iter().any(|f| f.sensitive()) {
        body_failure("The request body could not be read.".to_owned())
    } else {
        body_failure(format!("The request body could not be read: {error}."))
    }
}

fn not_an_object(value: &Value, bytes: Option<&[u8]>) -> ValidationFailure {
    let found = match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    };
    let at = bytes.map(position_of_first_token).unwrap_or_default();
    body_failure(format!(
        "The request body must be a JSON object, found {found}{at}."
    ))
}

/// ` at line L column C` of the first non-whitespace byte.
fn position_of_first_token(bytes: &[u8]) -> String {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(0);
    let before = &bytes[..start];
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    let column = 1 + before.iter().rev().take_while(|&&b| b != b'\n').count();
    format!(" at line {line} column {column}")
}
