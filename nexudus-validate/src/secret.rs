//! `Secret<T>`: a value that never shows in `Debug`, `Display` or a
//! failure, and travels as itself.

use std::cell::Cell;
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A secret: a password, a token, a key.
///
/// `Debug` and `Display` print `<redacted>`, and no failure ever echoes it
/// (its `AttemptedValue` is `null`, its wrong-type message does not quote
/// it). Every rule sees through it (`#[required]`, `#[length]`, ...), and a
/// field of this type is `#[sensitive]` without saying so.
///
/// Unlike `secrecy`'s `SecretString`, which deliberately cannot be
/// serialized, a `Secret` serializes as the value itself: a client has to
/// send the password it sets. Read it with [`expose`](Self::expose).
///
/// ```
/// use nexudus_validate::{NexudusResource, Secret, Validate};
/// use serde::{Deserialize, Serialize};
///
/// #[derive(Debug, Serialize, Deserialize, NexudusResource)]
/// #[serde(rename_all = "PascalCase")]
/// struct Login {
///     #[required]
///     email: Option<String>,
///     #[length(min = 8)]
///     password: Option<Secret<String>>,
/// }
///
/// let login = Login { email: Some("ada@example.com".into()), password: Some("hunter2".into()) };
/// assert_eq!(format!("{login:?}"), r#"Login { email: Some("ada@example.com"), password: Some(<redacted>) }"#);
/// assert_eq!(
///     serde_json::to_string(&login).unwrap(),
///     r#"{"Email":"ada@example.com","Password":"hunter2"}"#
/// );
/// let errors = login.validate().unwrap_err();
/// assert_eq!(errors.to_string(), "Password: length must be between 8 and 2147483647");
/// assert!(errors.first().unwrap().attempted_value().is_null());
/// assert_eq!(login.password.as_ref().map(|p| p.expose().as_str()), Some("hunter2"));
/// ```
#[derive(Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Secret<T>(T);

impl<T> Secret<T> {
    /// Wraps `value`.
    pub const fn new(value: T) -> Self {
        Self(value)
    }

    /// The secret value.
    pub const fn expose(&self) -> &T {
        &self.0
    }

    /// The secret value, to change it.
    pub fn expose_mut(&mut self) -> &mut T {
        &mut self.0
    }

    /// The secret value, unwrapped.
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> From<T> for Secret<T> {
    fn from(value: T) -> Self {
        Self(value)
    }
}

impl From<&str> for Secret<String> {
    fn from(value: &str) -> Self {
        Self(value.to_owned())
    }
}

/// What is shown instead of a secret, wherever one would be.
pub(crate) const REDACTED: &str = "<redacted>";

impl<T> fmt::Debug for Secret<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

impl<T> fmt::Display for Secret<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

thread_local! {
    /// A failure's `AttemptedValue` is being written: secrets write `null`.
    static ECHOING: Cell<bool> = const { Cell::new(false) };
    /// A secret was read (or written for an echo) since the flag was last
    /// cleared.
    static READ: Cell<bool> = const { Cell::new(false) };
}

/// Runs `write` (which serializes a value for a failure to echo) with every
/// `Secret` inside writing `null`; also says whether one was met.
pub(crate) fn echoing<R>(write: impl FnOnce() -> R) -> (R, bool) {
    let before = ECHOING.replace(true);
    let (out, met) = reading(write);
    ECHOING.set(before);
    (out, met)
}

/// Runs `read` (which deserializes a value); also says whether a `Secret`
/// was met, so that a value that did not read is not echoed. A secret met
/// here was also met by any read this one is inside of.
pub(crate) fn reading<R>(read: impl FnOnce() -> R) -> (R, bool) {
    let before = READ.replace(false);
    let out = read();
    let met = READ.get();
    READ.set(before | met);
    (out, met)
}

impl<T: Serialize> Serialize for Secret<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if ECHOING.get() {
            READ.set(true);
            serializer.serialize_none()
        } else {
            self.0.serialize(serializer)
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Secret<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        READ.set(true);
        T::deserialize(deserializer).map(Self)
    }
}

// Tests only: an `unwrap` here is an assertion on fixed inputs.
#[cfg(test)]
mod tests {
    use super::{reading, Secret};

    #[test]
    fn a_secret_met_by_an_inner_read_is_met_by_the_outer_one() {
        let read = || serde_json::from_str::<Secret<String>>(r#""pin""#).unwrap();
        let ((_, inner), outer) = reading(|| reading(read));
        assert!(inner);
        assert!(outer, "the outer read must not echo what holds a secret");
        // And a read that meets none says so, inside or outside another.
        let ((_, inner), outer) = reading(|| reading(|| ()));
        assert!(!inner && !outer);
    }
}
