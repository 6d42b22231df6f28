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
