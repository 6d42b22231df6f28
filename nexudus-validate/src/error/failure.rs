//! One failed check: the `{AttemptedValue, Message, PropertyName}` object.

use std::borrow::Cow;
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

use super::Code;

/// Message of a failed `#[required]` check, word for word as Nexudus sends it.
pub const REQUIRED_MESSAGE: &str = "is a required field";

/// One failed validation check, serialized exactly as a Nexudus `Errors`
/// entry: `{"AttemptedValue":..,"Message":..,"PropertyName":..}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ValidationFailure {
    #[serde(rename = "AttemptedValue")]
    attempted_value: Value,
    #[serde(rename = "Message")]
    message: Cow<'static, str>,
    #[serde(rename = "PropertyName")]
    property_name: Cow<'static, str>,
    #[serde(skip)]
    code: Code,
}

impl ValidationFailure {
    /// A failure with a message of your own (code [`Code::Custom`]).
    pub fn new(
        property_name: impl Into<Cow<'static, str>>,
        message: impl Into<Cow<'static, str>>,
        attempted_value: Value,
    ) -> Self {
        Self::with_code(Code::Custom, property_name, message, attempted_value)
    }

    /// A failure with an explicit machine-readable code.
    pub fn with_code(
        code: Code,
        property_name: impl Into<Cow<'static, str>>,
        message: impl Into<Cow<'static, str>>,
        attempted_value: Value,
    ) -> Self {
        Self {
            attempted_value,
            message: message.into(),
            property_name: property_name.into(),
            code,
        }
    }

    /// `PropertyName: is a required field`, with what was sent (`null` when
    /// the property was missing).
    pub fn required(property_name: impl Into<Cow<'static, str>>, attempted_value: Value) -> Self {
        Self::with_code(
            Code::Required,
            property_name,
            REQUIRED_MESSAGE,
            attempted_value,
        )
    }

    /// `The value '{raw}' is not valid for {PropertyName}.` (ASP.NET's
    /// wording), where `raw` is the string itself or the JSON text of any
    /// other value.
    pub fn invalid_type(
        property_name: impl Into<Cow<'static, str>>,
        attempted_value: Value,
    ) -> Self {
        let property_name = property_name.into();
        let raw = match &attempted_value {
            Value::String(s) => Cow::Borrowed(s.as_str()),
            other => Cow::Owned(other.to_string()),
        };
        let message = format!("The value '{raw}' is not valid for {property_name}.");
        Self::with_code(Code::InvalidType, property_name, message, attempted_value)
    }

    /// `The value is not valid for {PropertyName}.` with a `null`
    /// `AttemptedValue`: the wrong-type failure of a sensitive field, which
    /// must not echo what was sent.
    pub fn invalid_type_redacted(property_name: impl Into<Cow<'static, str>>) -> Self {
        let property_name = property_name.into();
        let message = format!("The value is not valid for {property_name}.");
        Self::with_code(Code::InvalidType, property_name, message, Value::Null)
    }

    /// The JSON key (or dotted path for nested values) that failed.
    pub fn property_name(&self) -> &str {
        &self.property_name
    }

    /// The human-readable message, without the property name.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The value that was sent, or `null` when it was missing or sensitive.
    pub fn attempted_value(&self) -> &Value {
        &self.attempted_value
    }

    /// What kind of check failed. Not part of the wire body: a failure
    /// read back from JSON gets its code from its message.
    pub fn code(&self) -> Code {
        self.code
    }

    /// The same failure named under `path` (for nested resources).
    pub(crate) fn under(mut self, path: &crate::__private::Path<'_>) -> Self {
        self.property_name = path.join(&self.property_name);
        self
    }

    /// Replaces the attempted value with `null` (for sensitive fields).
    pub fn redacted(mut self) -> Self {
        self.attempted_value = Value::Null;
        self
    }
}

/// `PropertyName: Message`, or just the message for a whole-body failure
/// (empty `PropertyName`).
impl fmt::Display for ValidationFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.property_name.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.property_name, self.message)
        }
    }
}

impl<'de> Deserialize<'de> for ValidationFailure {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Wire {
            #[serde(rename = "AttemptedValue", default)]
            attempted_value: Value,
            #[serde(rename = "Message", default)]
            message: String,
            #[serde(rename = "PropertyName", default)]
            property_name: String,
        }
        let wire = Wire::deserialize(deserializer)?;
        let code = Code::of_message(&wire.message, &wire.property_name);
        Ok(Self::with_code(
            code,
            wire.property_name,
            wire.message,
            wire.attempted_value,
        ))
    }
}
