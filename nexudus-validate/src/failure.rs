//! One failed check: the `{AttemptedValue, Message, PropertyName}` object.

use std::borrow::Cow;
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

/// Machine-readable codes returned by [`ValidationFailure::code`].
///
/// Codes are not part of the Nexudus wire body; they let Rust callers match
/// on the kind of failure without comparing message text.
pub mod code {
    /// `#[required]` (or an implicitly required, non-nullable field) was
    /// missing, `null` or blank.
    pub const REQUIRED: &str = "required";
    /// The JSON value had the wrong type or did not parse into the field's type.
    pub const INVALID_TYPE: &str = "invalid_type";
    /// The body as a whole could not be read (not JSON, not an object, ...).
    pub const INVALID_BODY: &str = "invalid_body";
    /// `#[not_null]`: `may not be null`.
    pub const NOT_NULL: &str = "not_null";
    /// `#[not_empty]`: `may not be null or empty`.
    pub const NOT_EMPTY: &str = "not_empty";
    /// `#[length]`: `length must be between {min} and {max}`.
    pub const LENGTH: &str = "length";
    /// `#[range]`: `must be greater/less than or equal to {bound}`.
    pub const RANGE: &str = "range";
    /// `#[email]`: `not a well-formed email address`.
    pub const EMAIL: &str = "email";
    /// `#[pattern]`: `must match "{regex}"`.
    pub const PATTERN: &str = "pattern";
    /// `#[custom]`, a container check, a failure built by user code, or one
    /// read from a server whose message matches no known rule.
    pub const CUSTOM: &str = "custom";
}

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
    code: &'static str,
}

impl ValidationFailure {
    /// A failure with a message of your own (code [`code::CUSTOM`]).
    pub fn new(
        property_name: impl Into<Cow<'static, str>>,
        message: impl Into<Cow<'static, str>>,
        attempted_value: Value,
    ) -> Self {
        Self::with_code(code::CUSTOM, property_name, message, attempted_value)
    }

    /// A failure with an explicit machine-readable code.
    pub fn with_code(
        code: &'static str,
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
            code::REQUIRED,
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
        Self::with_code(code::INVALID_TYPE, property_name, message, attempted_value)
    }

    /// `The value is not valid for {PropertyName}.` with a `null`
    /// `AttemptedValue`: the wrong-type failure of a sensitive field, which
    /// must not echo what was sent.
    pub fn invalid_type_redacted(property_name: impl Into<Cow<'static, str>>) -> Self {
        let property_name = property_name.into();
        let message = format!("The value is not valid for {property_name}.");
        Self::with_code(code::INVALID_TYPE, property_name, message, Value::Null)
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

    /// A machine-readable code such as `"required"` or `"invalid_type"`
    /// (see [`code`]). Not part of the wire body: a failure read back from
    /// JSON gets its code from its message.
    pub fn code(&self) -> &str {
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

/// Infers the code of a failure read from a server from its message.
fn code_for_message(message: &str, property_name: &str) -> &'static str {
    if message == REQUIRED_MESSAGE {
        code::REQUIRED
    } else if message == "may not be null" {
        code::NOT_NULL
    } else if message == "may not be null or empty" {
        code::NOT_EMPTY
    } else if message == "not a well-formed email address" {
        code::EMAIL
    } else if message.starts_with("length must be between ") {
        code::LENGTH
    } else if message.starts_with("must be greater than or equal to ")
        || message.starts_with("must be less than or equal to ")
    {
        code::RANGE
    } else if message.starts_with("must match \"") {
        code::PATTERN
    } else if (message.starts_with("The value '")
        && message.ends_with(&format!("' is not valid for {property_name}.")))
        || message == format!("The value is not valid for {property_name}.")
    {
        code::INVALID_TYPE
    } else if property_name.is_empty() {
        code::INVALID_BODY
    } else {
        code::CUSTOM
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
        let code = code_for_message(&wire.message, &wire.property_name);
        Ok(Self::with_code(
            code,
            wire.property_name,
            wire.message,
            wire.attempted_value,
        ))
    }
}
