//! Test-only crate: integration tests live in `tests/`; this library holds
//! helpers they share.

use nexudus_validate::ValidationErrors;
use serde_json::Value;

/// `(PropertyName, Message, AttemptedValue)` of every failure, in order:
/// the shape the tests compare.
pub fn summary(errors: &ValidationErrors) -> Vec<(String, String, Value)> {
    errors
        .iter()
        .map(|f| {
            (
                f.property_name().to_owned(),
                f.message().to_owned(),
                f.attempted_value().clone(),
            )
        })
        .collect()
}

/// Validates `value` both ways, typed and as the JSON it serializes to
/// (`from_slice`), asserts that they report the same failures and returns
/// them as [`summary`] does.
pub fn both_ways<T>(value: &T) -> Vec<(String, String, Value)>
where
    T: nexudus_validate::NexudusResource + serde::Serialize + serde::de::DeserializeOwned,
{
    let typed = value.validate().err().unwrap_or_default();
    let body = serde_json::to_vec(value).expect("a test value serializes");
    let raw = nexudus_validate::from_slice::<T>(&body)
        .err()
        .unwrap_or_default();
    assert_eq!(summary(&typed), summary(&raw), "typed and raw disagree");
    summary(&typed)
}
