//! The ordered set of failures one validation produced.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::{ErrorResponse, ValidationFailure};

/// Every failure of one validation, in field declaration order.
///
/// Serializes as the Nexudus `Errors` array; [`to_response`](Self::to_response)
/// wraps it in the full 400 body.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ValidationErrors {
    failures: Vec<ValidationFailure>,
}

impl ValidationErrors {
    /// An empty set.
    pub const fn new() -> Self {
        Self {
            failures: Vec::new(),
        }
    }

    /// Adds a failure at the end.
    pub fn push(&mut self, failure: ValidationFailure) {
        self.failures.push(failure);
    }

    /// The failures, in order.
    pub fn iter(&self) -> std::slice::Iter<'_, ValidationFailure> {
        self.failures.iter()
    }

    /// How many failures there are.
    pub fn len(&self) -> usize {
        self.failures.len()
    }

    /// `true` when nothing failed.
    pub fn is_empty(&self) -> bool {
        self.failures.is_empty()
    }

    /// The first failure, the one Nexudus names in the envelope's `Message`.
    pub fn first(&self) -> Option<&ValidationFailure> {
        self.failures.first()
    }

    /// The failures as a slice.
    pub fn as_slice(&self) -> &[ValidationFailure] {
        &self.failures
    }

    /// The failures as a vector.
    pub fn into_vec(self) -> Vec<ValidationFailure> {
        self.failures
    }

    /// `Ok(())` when empty, else `Err(self)`.
    pub fn into_result(self) -> Result<(), Self> {
        if self.is_empty() {
            Ok(())
        } else {
            Err(self)
        }
    }

    /// The Nexudus 400 body for these failures.
    pub fn to_response(&self) -> ErrorResponse {
        ErrorResponse::from(self.clone())
    }
}

impl From<Vec<ValidationFailure>> for ValidationErrors {
    fn from(failures: Vec<ValidationFailure>) -> Self {
        Self { failures }
    }
}

impl From<ValidationFailure> for ValidationErrors {
    fn from(failure: ValidationFailure) -> Self {
        Self {
            failures: vec![failure],
        }
    }
}

impl FromIterator<ValidationFailure> for ValidationErrors {
    fn from_iter<I: IntoIterator<Item = ValidationFailure>>(iter: I) -> Self {
        Self {
            failures: iter.into_iter().collect(),
        }
    }
}

impl Extend<ValidationFailure> for ValidationErrors {
    fn extend<I: IntoIterator<Item = ValidationFailure>>(&mut self, iter: I) {
        self.failures.extend(iter);
    }
}

impl IntoIterator for ValidationErrors {
    type Item = ValidationFailure;
    type IntoIter = std::vec::IntoIter<ValidationFailure>;
    fn into_iter(self) -> Self::IntoIter {
        self.failures.into_iter()
    }
}

impl<'a> IntoIterator for &'a ValidationErrors {
    type Item = &'a ValidationFailure;
    type IntoIter = std::slice::Iter<'a, ValidationFailure>;
    fn into_iter(self) -> Self::IntoIter {
        self.failures.iter()
    }
}

/// One `PropertyName: Message` per line, every failure.
impl fmt::Display for ValidationErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, failure) in self.failures.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            fmt::Display::fmt(failure, f)?;
        }
        Ok(())
    }
}

impl std::error::Error for ValidationErrors {}
