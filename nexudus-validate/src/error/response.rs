//! The Nexudus response envelopes: the 400 body and the 200 body.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::{NexudusDateTime, NexudusResource, ValidationErrors};

/// The body Nexudus answers a rejected create or update with (HTTP 400).
///
/// ```json
/// {"Message":"Name: is a required field","Value":null,"Errors":[..],"WasSuccessful":false}
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ErrorResponse {
    /// `PropertyName: Message` of the first failure.
    #[serde(rename = "Message", default)]
    pub message: String,
    /// Always `null` on a validation failure.
    #[serde(rename = "Value", default)]
    pub value: Value,
    /// Every failure.
    #[serde(rename = "Errors", default)]
    pub errors: ValidationErrors,
    /// Always `false`.
    #[serde(rename = "WasSuccessful", default)]
    pub was_successful: bool,
}

impl From<ValidationErrors> for ErrorResponse {
    fn from(errors: ValidationErrors) -> Self {
        let message = errors.first().map(ToString::to_string).unwrap_or_default();
        Self {
            message,
            value: Value::Null,
            errors,
            was_successful: false,
        }
    }
}

/// The body Nexudus answers a successful create or update with (HTTP 200).
///
/// Serializes with the eleven keys of the documentation, in its order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SuccessResponse {
    /// HTTP status code, `200`.
    #[serde(rename = "Status", default)]
    pub status: u16,
    /// `"{Resource} was successfully updated."`
    #[serde(rename = "Message", default)]
    pub message: String,
    /// `{"Id": <id>}` of the record.
    #[serde(rename = "Value", default)]
    pub value: Value,
    /// UI hint, `false` for API calls.
    #[serde(rename = "OpenInDialog", default)]
    pub open_in_dialog: bool,
    /// UI hint, `false` for API calls.
    #[serde(rename = "OpenInWindow", default)]
    pub open_in_window: bool,
    /// UI hint, `null` for API calls.
    #[serde(rename = "RedirectURL", default)]
    pub redirect_url: Option<String>,
    /// UI hint, `null` for API calls.
    #[serde(rename = "JavaScript", default)]
    pub java_script: Option<String>,
    /// When the record was written (the space's local time).
    #[serde(rename = "UpdatedOn", default)]
    pub updated_on: Option<NexudusDateTime>,
    /// Who wrote it (the user's email).
    #[serde(rename = "UpdatedBy", default)]
    pub updated_by: Option<String>,
    /// `null` on success.
    #[serde(rename = "Errors", default)]
    pub errors: Option<ValidationErrors>,
    /// `true` on success.
    #[serde(rename = "WasSuccessful", default)]
    pub was_successful: bool,
}

impl SuccessResponse {
    /// The body of a successful update of a `T` record:
    /// `"{T::NAME} was successfully updated."` with `Value` `{"Id": id}`.
    pub fn updated<T: NexudusResource + ?Sized>(
        id: i64,
        updated_by: impl Into<String>,
        updated_on: impl Into<NexudusDateTime>,
    ) -> Self {
        Self::done(T::NAME, "updated", id, updated_by, updated_on)
    }

    /// The body of a successful create of a `T` record:
    /// `"{T::NAME} was successfully created."` with `Value` `{"Id": id}`.
    pub fn created<T: NexudusResource + ?Sized>(
        id: i64,
        updated_by: impl Into<String>,
        updated_on: impl Into<NexudusDateTime>,
    ) -> Self {
        Self::done(T::NAME, "created", id, updated_by, updated_on)
    }

    /// The body of a successful delete of a `T` record:
    /// `"{T::NAME} was successfully deleted."` with `Value` `{"Id": id}`.
    pub fn deleted<T: NexudusResource + ?Sized>(
        id: i64,
        updated_by: impl Into<String>,
        updated_on: impl Into<NexudusDateTime>,
    ) -> Self {
        Self::done(T::NAME, "deleted", id, updated_by, updated_on)
    }

    /// `"{name} was successfully {done}."` (`done` is `created`, `updated`
    /// or `deleted`), for a resource known by its name only.
    pub(crate) fn done(
        name: &str,
        done: &str,
        id: i64,
        updated_by: impl Into<String>,
        updated_on: impl Into<NexudusDateTime>,
    ) -> Self {
        Self::with_message(
            format!("{name} was successfully {done}."),
            id,
            updated_by,
            updated_on,
        )
    }

    fn with_message(
        message: String,
        id: i64,
        updated_by: impl Into<String>,
        updated_on: impl Into<NexudusDateTime>,
    ) -> Self {
        Self {
            status: 200,
            message,
            value: serde_json::json!({ "Id": id }),
            open_in_dialog: false,
            open_in_window: false,
            redirect_url: None,
            java_script: None,
            updated_on: Some(updated_on.into()),
            updated_by: Some(updated_by.into()),
            errors: None,
            was_successful: true,
        }
    }

    /// The `Id` inside `Value`, when there is one.
    pub fn id(&self) -> Option<i64> {
        self.value.get("Id").and_then(Value::as_i64)
    }
}
