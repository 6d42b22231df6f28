//! Reading the server's answers: what counts as a success, and the errors
//! that quote a body.

use std::borrow::Cow;

use reqwest::StatusCode;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::Value;

use super::redact::{self, truncate, Secrets};
use super::Error;
use crate::{FieldInfo, SuccessResponse, ValidationErrors, ValidationFailure};

/// The failure of a 2xx answer that does not say it succeeded and names
/// no failure of its own.
pub(super) const NOT_SUCCESSFUL: &str =
    "The server did not report success (WasSuccessful is not true).";

/// An answer that was read whole (within the size limit).
pub(super) struct Answer {
    pub(super) status: StatusCode,
    pub(super) body: Vec<u8>,
}

/// What errors quoting this answer must leave out: the credentials sent
/// and the `#[sensitive]` fields of the record sent.
pub(super) struct Quoting<'a> {
    pub(super) secrets: Secrets,
    pub(super) sensitive: &'a [FieldInfo],
    /// The resource whose records are read (`""` for the token endpoint).
    pub(super) resource: &'static str,
}

/// At most this many bytes of the value that did not read are quoted.
pub const DECODE_EXCERPT_BYTES: usize = 80;

impl Quoting<'_> {
    /// Any unsuccessful status, with the start of the body.
    pub(super) fn status(&self, answer: &Answer) -> Error {
        let secrets = self.served_secrets(&answer.body);
        Error::Status {
            status: answer.status.as_u16(),
            body: secrets.excerpt(&answer.body),
        }
    }

    /// A body that did not parse as what was expected, at `path` (the
    /// JSON path of the value, `.` for the whole body): the value there,
    /// a short excerpt, and the reason, with credentials, `#[sensitive]`
    /// values and anything that looks like an e-mail address or a token
    /// redacted.
    pub(super) fn decode_at(
        &self,
        answer: &Answer,
        path: &str,
        error: &serde_json::Error,
    ) -> Error {
        let secrets = self.served_secrets(&answer.body);
        let value = serde_json::from_slice::<Value>(&answer.body)
            .ok()
            .and_then(|body| at_path(&body, path).map(ToString::to_string));
        let quoted = value.unwrap_or_else(|| String::from_utf8_lossy(&answer.body).into_owned());
        let excerpt = redact::personal(&secrets.redact(&quoted));
        let reason = redact::personal(&secrets.redact(&error.to_string()));
        Error::Decode {
            status: answer.status.as_u16(),
            resource: self.resource,
            path: path.to_owned(),
            body: truncate(&excerpt, DECODE_EXCERPT_BYTES).to_owned(),
            reason: truncate(&reason, DECODE_EXCERPT_BYTES * 2).to_owned(),
        }
    }

    /// [`Quoting::decode_at`] for a failure found without a path.
    pub(super) fn decode(&self, answer: &Answer, error: &serde_json::Error) -> Error {
        self.decode_at(answer, ".", error)
    }

    /// The secrets to redact from `body`: the credentials, and the values
    /// a server put under the key of a sensitive field anywhere in it (a
    /// record read, the records of a list), when it is JSON.
    fn served_secrets(&self, body: &[u8]) -> Cow<'_, Secrets> {
        fn collect(value: &Value, sensitive: &[&FieldInfo], secrets: &mut Secrets) {
            match value {
                Value::Object(object) => {
                    for (key, item) in object {
                        if let Value::String(secret) = item {
                            if sensitive.iter().any(|f| f.matches_key(key)) {
                                secrets.add(secret);
                            }
                        }
                        collect(item, sensitive, secrets);
                    }
                }
                Value::Array(items) => items
                    .iter()
                    .for_each(|item| collect(item, sensitive, secrets)),
                _ => {}
            }
        }
        let sensitive: Vec<&FieldInfo> = self.sensitive.iter().filter(|f| f.sensitive()).collect();
        if sensitive.is_empty() {
            return Cow::Borrowed(&self.secrets);
        }
        // serde_json stops at 128 levels of nesting, so `collect` does too.
        let Ok(value) = serde_json::from_slice::<Value>(body) else {
            return Cow::Borrowed(&self.secrets);
        };
        let mut secrets = self.secrets.clone();
        collect(&value, &sensitive, &mut secrets);
        Cow::Owned(secrets)
    }

    /// The body parsed as `T`.
    pub(super) fn parse<T: DeserializeOwned>(&self, answer: &Answer) -> Result<T, Error> {
        let mut body = serde_json::Deserializer::from_slice(&answer.body);
        serde_path_to_error::deserialize(&mut body).map_err(|e| {
            let path = e.path().to_string();
            self.decode_at(answer, &path, e.inner())
        })
    }

    /// The answer to a create or update: a 2xx whose body says
    /// `"WasSuccessful": true` is the only success. Any other 2xx, and a
    /// 400 in the Nexudus envelope, is [`Error::Rejected`]; anything else
    /// is [`Error::Status`] (or [`Error::Decode`] for a 2xx that is not
    /// JSON).
    pub(super) fn envelope(&self, answer: &Answer) -> Result<SuccessResponse, Error> {
        let status = answer.status;
        if status.is_success() {
            let value: Value = self.parse(answer)?;
            if value.get("WasSuccessful") == Some(&Value::Bool(true)) {
                return serde_json::from_value(value).map_err(|e| self.decode(answer, &e));
            }
            if !value.is_object() {
                // Not an envelope at all.
                let error = serde_json::from_value::<SuccessResponse>(value)
                    .err()
                    .unwrap_or_else(|| serde::de::Error::custom(NOT_SUCCESSFUL));
                return Err(self.decode(answer, &error));
            }
            let errors = self
                .envelope_errors(value)
                .unwrap_or_else(|| ValidationFailure::new("", NOT_SUCCESSFUL, Value::Null).into());
            return Err(Error::Rejected {
                status: status.as_u16(),
                errors,
            });
        }
        if status == StatusCode::BAD_REQUEST {
            if let Some(errors) = serde_json::from_slice::<Value>(&answer.body)
                .ok()
                .and_then(|value| self.envelope_errors(value))
            {
                return Err(Error::Rejected {
                    status: status.as_u16(),
                    errors,
                });
            }
        }
        Err(self.status(answer))
    }

    /// The failures of a Nexudus envelope: its `Errors`, or, when there are
    /// none, its `Message` as one failure with `PropertyName` `""`. `None`
    /// when the body is not an envelope or names no failure. Credentials
    /// are redacted, and so is the `AttemptedValue` of a sensitive field.
    fn envelope_errors(&self, mut value: Value) -> Option<ValidationErrors> {
        let object = value.as_object()?;
        if !object.contains_key("Errors") && !object.contains_key("WasSuccessful") {
            return None;
        }
        self.secrets.redact_value(&mut value);
        let object = value.as_object()?;
        let errors = match object.get("Errors") {
            Some(errors @ Value::Array(_)) => ValidationErrors::deserialize(errors).ok()?,
            _ => ValidationErrors::new(),
        };
        if !errors.is_empty() {
            return Some(
                errors
                    .into_iter()
                    .map(|failure| {
                        let name = failure.property_name();
                        if self
                            .sensitive
                            .iter()
                            .any(|f| f.sensitive() && f.property_name() == name)
                        {
                            failure.redacted()
                        } else {
                            failure
                        }
                    })
                    .collect(),
            );
        }
        match object.get("Message").and_then(Value::as_str) {
            Some(message) if !message.is_empty() => {
                Some(ValidationFailure::new("", message.to_owned(), Value::Null).into())
            }
            _ => None,
        }
    }
}

/// The value at a path of `serde_path_to_error` (`Records[3].FromTime`,
/// `[0].Name`, `.` for the root).
fn at_path<'v>(value: &'v Value, path: &str) -> Option<&'v Value> {
    let mut here = value;
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let (key, indices) = match part.find('[') {
            Some(at) => (&part[..at], &part[at..]),
            None => (part, ""),
        };
        if !key.is_empty() {
            here = here.get(key)?;
        }
        for index in indices.split(['[', ']']).filter(|i| !i.is_empty()) {
            here = here.get(index.parse::<usize>().ok()?)?;
        }
    }
    Some(here)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoting() -> Quoting<'static> {
        Quoting {
            resource: "Workspace",
            secrets: Secrets::default(),
            sensitive: &[],
        }
    }

    fn answer(status: StatusCode, body: &[u8]) -> Answer {
        Answer {
            status,
            body: body.to_vec(),
        }
    }

    #[test]
    fn envelopes() {
        let q = quoting();
        let body = br#"{"Message":"Name: is a required field","Value":null,"Errors":[{"AttemptedValue":" ","Message":"is a required field","PropertyName":"Name"}],"WasSuccessful":false}"#;
        let error = q
            .envelope(&answer(StatusCode::BAD_REQUEST, body))
            .unwrap_err();
        let errors = error.validation_errors().unwrap();
        assert_eq!(errors.to_string(), "Name: is a required field");
        assert_eq!(errors.first().unwrap().attempted_value(), " ");
        assert!(error.was_sent());

        // A 200 that says it failed.
        let error = q.envelope(&answer(StatusCode::OK, body)).unwrap_err();
        assert!(matches!(error, Error::Rejected { status: 200, .. }));

        // A message without failures.
        let body = br#"{"Message":"You do not have permission.","Value":null,"Errors":null,"WasSuccessful":false}"#;
        let error = q
            .envelope(&answer(StatusCode::BAD_REQUEST, body))
            .unwrap_err();
        assert_eq!(
            error.validation_errors().unwrap().to_string(),
            "You do not have permission."
        );

        // Not an envelope.
        let error = q
            .envelope(&answer(StatusCode::BAD_REQUEST, b"Bad Request"))
            .unwrap_err();
        assert!(matches!(error, Error::Status { status: 400, .. }));
        let error = q
            .envelope(&answer(StatusCode::BAD_REQUEST, br#"{"error":"x"}"#))
            .unwrap_err();
        assert!(matches!(error, Error::Status { status: 400, .. }));
        let error = q.envelope(&answer(StatusCode::OK, b"<html>")).unwrap_err();
        assert!(matches!(error, Error::Decode { status: 200, .. }));
        let error = q.envelope(&answer(StatusCode::OK, b"[]")).unwrap_err();
        assert!(matches!(error, Error::Decode { status: 200, .. }));
    }

    #[test]
    fn paths_find_their_values() {
        let body = serde_json::json!({"Records": [{"Id": 1}, {"FromTime": "x"}], "N": 2});
        assert_eq!(
            at_path(&body, "Records[1].FromTime"),
            Some(&serde_json::json!("x"))
        );
        assert_eq!(at_path(&body, "N"), Some(&serde_json::json!(2)));
        assert_eq!(at_path(&body, "."), Some(&body));
        assert_eq!(
            at_path(&serde_json::json!([[5]]), "[0][0]"),
            Some(&serde_json::json!(5))
        );
        assert_eq!(at_path(&body, "Records[9]"), None);
    }
}
