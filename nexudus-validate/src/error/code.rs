//! What kind of check a failure comes from.

use std::fmt;

/// The kind of check a [`ValidationFailure`](crate::ValidationFailure)
/// comes from, returned by [`code`](crate::ValidationFailure::code).
///
/// Codes are not part of the Nexudus wire body; they let Rust callers match
/// on the kind of failure without comparing message text. A rule given a
/// message of its own keeps its code. A failure read back from a wire body
/// gets its code from its message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Code {
    /// `#[required]`, or a field whose type has no "nothing", was missing,
    /// `null` or blank: `is a required field`.
    Required,
    /// The JSON value had the wrong type or did not parse into the field's
    /// type: `The value '..' is not valid for ..`.
    InvalidType,
    /// The body as a whole is not a JSON object (not JSON, empty, an array).
    InvalidBody,
    /// A key the resource does not know, under `#[serde(deny_unknown_fields)]`.
    UnknownField,
    /// `#[not_null]`: `may not be null`.
    NotNull,
    /// `#[not_empty]`: `may not be null or empty`.
    NotEmpty,
    /// `#[length]` on a string: `length must be between {min} and {max}`.
    Length,
    /// `#[length]` on a list: `size must be between {min} and {max}`.
    Size,
    /// `#[range]`: `must be greater/less than or equal to {bound}`.
    Range,
    /// `#[email]`: `not a well-formed email address`.
    Email,
    /// `#[pattern]`: `must match "{regex}"`.
    Pattern,
    /// `#[custom]`, a container check, a failure built by user code, or one
    /// read from a server whose message matches no known rule.
    Custom,
    /// A value nested deeper than [`Limits::max_depth`](crate::Limits::max_depth).
    TooDeep,
    /// The last failure of a capped set: how many more were left out
    /// ([`Limits`](crate::Limits)).
    LeftOut,
}

impl Code {
    /// The code as a short snake-case word, e.g. `"required"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Code::Required => "required",
            Code::InvalidType => "invalid_type",
            Code::InvalidBody => "invalid_body",
            Code::UnknownField => "unknown_field",
            Code::NotNull => "not_null",
            Code::NotEmpty => "not_empty",
            Code::Length => "length",
            Code::Size => "size",
            Code::Range => "range",
            Code::Email => "email",
            Code::Pattern => "pattern",
            Code::Custom => "custom",
            Code::TooDeep => "too_deep",
            Code::LeftOut => "left_out",
        }
    }

    /// The code of a failure read from a server, guessed from its message.
    pub(crate) fn of_message(message: &str, property_name: &str) -> Code {
        const FIXED: &[(&str, Code)] = &[
            (crate::REQUIRED_MESSAGE, Code::Required),
            ("may not be null", Code::NotNull),
            ("may not be null or empty", Code::NotEmpty),
            ("not a well-formed email address", Code::Email),
        ];
        const PREFIXES: &[(&str, Code)] = &[
            ("length must be between ", Code::Length),
            ("size must be between ", Code::Size),
            ("must be greater than or equal to ", Code::Range),
            ("must be less than or equal to ", Code::Range),
            ("must match \"", Code::Pattern),
            ("Could not find member '", Code::UnknownField),
        ];
        if let Some((_, code)) = FIXED.iter().find(|(text, _)| *text == message) {
            return *code;
        }
        if let Some((_, code)) = PREFIXES.iter().find(|(p, _)| message.starts_with(p)) {
            return *code;
        }
        let invalid_type = message
            .strip_suffix('.')
            .and_then(|m| m.strip_suffix(property_name))
            .is_some_and(|m| {
                m == "The value is not valid for "
                    || (m.starts_with("The value '") && m.ends_with("' is not valid for "))
            });
        if invalid_type {
            Code::InvalidType
        } else if property_name.is_empty() {
            Code::InvalidBody
        } else {
            Code::Custom
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
