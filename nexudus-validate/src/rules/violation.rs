//! What a rule says when a value breaks it.

use std::borrow::Cow;

use crate::Code;

/// A broken rule: its code and message, before it is named after a field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    code: Code,
    message: Cow<'static, str>,
}

impl Violation {
    /// A violation of the rule `code` with `message`.
    pub fn new(code: Code, message: impl Into<Cow<'static, str>>) -> Self {
        Self {
            code,
            message: message.into(),
        }
    }

    /// The rule's code.
    pub fn code(&self) -> Code {
        self.code
    }

    /// The message, e.g. `length must be between 0 and 50`.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The message, owned.
    pub fn into_message(self) -> Cow<'static, str> {
        self.message
    }
}
