//! Raw JSON in, a valid typed value or every failure out.
//!
//! A valid body costs one typed parse and the typed checks. When the typed
//! parse fails, the body is read once more: its top-level object into
//! borrowed slices, one per field, each then read as its field's own type
//! and checked by the same generated checks as typed validation.

pub(crate) mod echo;
mod key_index;
mod limits;
pub(crate) mod object;
pub(crate) mod read;
mod rebuild;

use serde::de::DeserializeOwned;
use serde_json::Value;

pub use limits::Limits;

use crate::__private::{Collector, Cx};
use crate::{Code, NexudusResource, Operation, ValidationErrors, ValidationFailure};
use object::RawObject;

/// Reads a request body for an update: `Ok(T)` when it is a valid record,
/// otherwise **every** failure, in field declaration order.
///
/// Missing, `null` and blank required fields, values of the wrong type
/// (quoted as sent), every rule, and whole-body problems (not JSON, not an
/// object) all come back as [`ValidationErrors`] in the Nexudus shape;
/// nothing panics, and the answer stays within the default [`Limits`].
/// When a key is sent twice, the last value wins.
///
/// A valid body costs one typed parse plus the typed checks; only an
/// invalid body is read a second time, once, to collect all its failures.
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
    from_slice_with(bytes, operation, &Limits::DEFAULT)
}

/// [`from_slice_for`] within `limits`.
pub fn from_slice_with<T>(
    bytes: &[u8],
    operation: Operation,
    limits: &Limits,
) -> Result<T, ValidationErrors>
where
    T: NexudusResource + DeserializeOwned,
{
    match serde_json::from_slice::<T>(bytes) {
        Ok(value) => validate_with(&value, operation, limits).map(|()| value),
        Err(_) => read_failures::<T>(bytes, operation, limits),
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

/// [`from_slice`] for an already parsed JSON value (written out and read
/// as a body, so that both take the same route).
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
    match serde_json::to_vec(&value) {
        Ok(bytes) => from_slice_for(&bytes, operation),
        Err(error) => {
            Err(body_failure(format!("The value could not be written as JSON: {error}.")).into())
        }
    }
}

/// Validates a typed value within `limits` (what
/// [`validate_for`](crate::Validate::validate_for) does with the default
/// limits).
pub fn validate_with<T: NexudusResource + ?Sized>(
    value: &T,
    operation: Operation,
    limits: &Limits,
) -> Result<(), ValidationErrors> {
    check_fields(T::FIELDS, operation, limits, &mut |cx| value.__validate(cx))
}

/// `check` (a resource's `__validate`) on a resource with fields `fields`.
pub(crate) fn check_fields(
    fields: &'static [crate::FieldInfo],
    operation: Operation,
    limits: &Limits,
    check: &mut dyn FnMut(&mut Cx<'_>),
) -> Result<(), ValidationErrors> {
    let mut out = Collector::new(*limits);
    check(&mut Cx::root(&mut out, fields, operation));
    out.finish()
}

/// The failures of a body the typed parse refused: every field read from
/// its own slice and checked. When none fails (a key sent twice, a field
/// only the typed parse can read), the fields are put together again and
/// read as `T`.
fn read_failures<T>(
    bytes: &[u8],
    operation: Operation,
    limits: &Limits,
) -> Result<T, ValidationErrors>
where
    T: NexudusResource + DeserializeOwned,
{
    let object = RawObject::of_body(
        bytes,
        T::FIELDS,
        T::__DENY_UNKNOWN_FIELDS,
        limits.max_failures,
    )
    .map_err(body_failure)?;
    let mut out = Collector::new(*limits);
    check_object::<T>(&mut out, &object, operation);
    if out.count() > 0 {
        return Err(out.finish().err().unwrap_or_default());
    }
    rebuild::read_again::<T>(&object, operation, limits)
}

fn check_object<T: NexudusResource>(
    out: &mut Collector,
    object: &RawObject<'_>,
    operation: Operation,
) {
    let mut cx = Cx::root_of(out, T::FIELDS, operation, object);
    T::__read(&mut cx, object);
    cx.unknown_keys(object, T::NAME);
}

/// `T::validate_value`: every field of `value` read as its own type and
/// checked.
pub(crate) fn validate_value<T: NexudusResource>(
    value: &Value,
    operation: Operation,
) -> Result<(), ValidationErrors> {
    let limits = Limits::DEFAULT;
    let Some(object) = RawObject::of_value(
        value,
        T::FIELDS,
        T::__DENY_UNKNOWN_FIELDS,
        limits.max_failures,
    ) else {
        let found = object::Kind::of_value(value).described();
        return Err(body_failure(format!(
            "The request body must be a JSON object, found {found}."
        ))
        .into());
    };
    let mut out = Collector::new(limits);
    check_object::<T>(&mut out, &object, operation);
    out.finish()
}

/// A failure of the body as a whole (`PropertyName` `""`).
fn body_failure(message: String) -> ValidationFailure {
    ValidationFailure::with_code(Code::InvalidBody, "", message, Value::Null)
}
