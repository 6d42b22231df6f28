//! One function per rule, and the traits that say which types a rule
//! accepts. The derive calls these with the field's value; the raw-JSON
//! check calls them with the value it parsed, so both report the same.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};
use std::rc::Rc;
use std::sync::Arc;

use regex::Regex;
use serde_json::Value;

use super::Path;
use crate::required::is_blank;
use crate::{code, Presence, ValidationErrors, ValidationFailure};

/// NHibernate Validator's `int.MaxValue`, the upper bound `#[length]`
/// reports when only `min` is given.
const LENGTH_MAX: usize = 2_147_483_647;

/// Records one failure of field `name` under `path` (the rare path).
#[cold]
#[inline(never)]
#[allow(clippy::too_many_arguments)]
fn fail(
    out: &mut Vec<ValidationFailure>,
    path: &Path<'_>,
    name: &'static str,
    code: &'static str,
    default_message: impl FnOnce() -> Cow<'static, str>,
    message: Option<&'static str>,
    attempted: Value,
) {
    let message = message.map_or_else(default_message, Cow::Borrowed);
    out.push(ValidationFailure::with_code(
        code,
        path.property_name(name),
        message,
        attempted,
    ));
}

/// `#[required]`: `is a required field` when missing or (unless
/// `allow_empty`) blank.
#[inline]
pub fn required(
    out: &mut Vec<ValidationFailure>,
    path: &Path<'_>,
    name: &'static str,
    presence: Presence<'_>,
    allow_empty: bool,
    message: Option<&'static str>,
) {
    let attempted = match presence {
        Presence::Present => return,
        Presence::Blank(_) if allow_empty => return,
        Presence::Missing => Value::Null,
        Presence::Blank(s) => Value::String(s.to_owned()),
    };
    let default = || Cow::Borrowed(crate::REQUIRED_MESSAGE);
    fail(out, path, name, code::REQUIRED, default, message, attempted);
}

/// `#[not_null]`: `may not be null`.
#[inline]
pub fn not_null(
    out: &mut Vec<ValidationFailure>,
    path: &Path<'_>,
    name: &'static str,
    presence: Presence<'_>,
    message: Option<&'static str>,
) {
    if presence == Presence::Missing {
        let default = || Cow::Borrowed("may not be null");
        fail(
            out,
            path,
            name,
            code::NOT_NULL,
            default,
            message,
            Value::Null,
        );
    }
}

/// `#[not_empty]`: `may not be null or empty`.
#[inline]
pub fn not_empty(
    out: &mut Vec<ValidationFailure>,
    path: &Path<'_>,
    name: &'static str,
    empty: bool,
    attempted: impl FnOnce() -> Value,
    message: Option<&'static str>,
) {
    if empty {
        let default = || Cow::Borrowed("may not be null or empty");
        fail(
            out,
            path,
            name,
            code::NOT_EMPTY,
            default,
            message,
            attempted(),
        );
    }
}

/// `#[length(min, max)]`: `length must be between {min} and {max}`.
#[allow(clippy::too_many_arguments)]
#[inline]
pub fn length(
    out: &mut Vec<ValidationFailure>,
    path: &Path<'_>,
    name: &'static str,
    length: usize,
    min: Option<usize>,
    max: Option<usize>,
    attempted: impl FnOnce() -> Value,
    message: Option<&'static str>,
) {
    let (min, max) = (min.unwrap_or(0), max.unwrap_or(LENGTH_MAX));
    if length < min || length > max {
        let default = || Cow::Owned(format!("length must be between {min} and {max}"));
        fail(out, path, name, code::LENGTH, default, message, attempted());
    }
}

/// A `#[range]` bound: the literal as written, and its value.
#[derive(Clone, Copy)]
pub struct Bound {
    /// The literal, for the message.
    pub text: &'static str,
    /// Its value when it is an integer.
    pub int: Option<i128>,
    /// Its value as a float.
    pub float: f64,
}

/// `#[range(min, max)]`: `must be greater than or equal to {min}` /
/// `must be less than or equal to {max}`.
#[allow(clippy::too_many_arguments)]
#[inline]
pub fn range(
    out: &mut Vec<ValidationFailure>,
    path: &Path<'_>,
    name: &'static str,
    value: &dyn Ranged,
    min: Option<Bound>,
    max: Option<Bound>,
    attempted: impl FnOnce() -> Value,
    message: Option<&'static str>,
) {
    if let Some(min) = min.filter(|min| value.below(min)) {
        let default = || Cow::Owned(format!("must be greater than or equal to {}", min.text));
        fail(out, path, name, code::RANGE, default, message, attempted());
    } else if let Some(max) = max.filter(|max| value.above(max)) {
        let default = || Cow::Owned(format!("must be less than or equal to {}", max.text));
        fail(out, path, name, code::RANGE, default, message, attempted());
    }
}

/// Checks the `Ranged` bound where the rule is written, for one clear error.
#[inline]
pub fn as_ranged<T: Ranged>(value: &T) -> &dyn Ranged {
    value
}

/// `#[email]`: `not a well-formed email address`. An empty or blank string
/// passes (NHibernate Validator passes empty ones): presence is
/// `#[required]`'s job, and a blank address is reported once, as missing.
#[inline]
pub fn email(
    out: &mut Vec<ValidationFailure>,
    path: &Path<'_>,
    name: &'static str,
    value: &str,
    message: Option<&'static str>,
) {
    if !is_blank(value) && !is_well_formed_email(value) {
        let default = || Cow::Borrowed("not a well-formed email address");
        let attempted = Value::String(value.to_owned());
        fail(out, path, name, code::EMAIL, default, message, attempted);
    }
}

/// `#[pattern("regex")]`: `must match "{regex}"`; `regex` is anchored by
/// the derive so that the whole string must match.
#[inline]
pub fn pattern(
    out: &mut Vec<ValidationFailure>,
    path: &Path<'_>,
    name: &'static str,
    regex: &Regex,
    pattern: &'static str,
    value: &str,
    message: Option<&'static str>,
) {
    if !regex.is_match(value) {
        let default = || Cow::Owned(format!("must match \"{pattern}\""));
        let attempted = Value::String(value.to_owned());
        fail(out, path, name, code::PATTERN, default, message, attempted);
    }
}

/// `#[custom(path::to_fn)]`: the function's message.
#[inline]
pub fn custom<M: Into<Cow<'static, str>>>(
    out: &mut Vec<ValidationFailure>,
    path: &Path<'_>,
    name: &'static str,
    result: Result<(), M>,
    attempted: impl FnOnce() -> Value,
    message: Option<&'static str>,
) {
    if let Err(own) = result {
        fail(
            out,
            path,
            name,
            code::CUSTOM,
            || own.into(),
            message,
            attempted(),
        );
    }
}

/// `#[nexudus(check = path::to_fn)]`: failures of a container-level check,
/// named relative to the container.
pub fn container_check<E: Into<ValidationErrors>>(
    out: &mut Vec<ValidationFailure>,
    path: &Path<'_>,
    result: Result<(), E>,
) {
    if let Err(errors) = result {
        out.extend(errors.into().into_iter().map(|failure| failure.under(path)));
    }
}

/// `#[sensitive]`: blanks the `AttemptedValue` of every failure recorded
/// from `start` on.
pub fn redact_from(out: &mut [ValidationFailure], start: usize) {
    for failure in &mut out[start..] {
        *failure = failure.clone().redacted();
    }
}

/// NHibernate Validator's email grammar: `atom+(.atom+)*@(domain|[ip])`,
/// where an atom character is anything but a control character,
/// whitespace or one of `()<>@,;:\".[]`.
fn is_well_formed_email(value: &str) -> bool {
    if value.is_ascii() {
        return is_well_formed_ascii_email(value.as_bytes());
    }
    match value.split_once('@') {
        Some((local, domain)) => dotted_atoms(local) && (dotted_atoms(domain) || ip_domain(domain)),
        None => false,
    }
}

/// The same grammar over ASCII bytes, in one pass.
fn is_well_formed_ascii_email(bytes: &[u8]) -> bool {
    let mut atom_len = 0usize;
    let mut in_domain = false;
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'@' if !in_domain && atom_len > 0 => {
                if bytes.get(i + 1) == Some(&b'[') {
                    // `from_utf8` cannot fail on ASCII.
                    return std::str::from_utf8(&bytes[i + 1..]).is_ok_and(ip_domain);
                }
                in_domain = true;
                atom_len = 0;
            }
            b'.' if atom_len > 0 => atom_len = 0,
            _ if ASCII_ATOM[usize::from(b)] => atom_len += 1,
            _ => return false,
        }
    }
    in_domain && atom_len > 0
}

/// `atom+(.atom+)*`, for input with non-ASCII characters.
fn dotted_atoms(s: &str) -> bool {
    let mut atom_len = 0usize;
    for c in s.chars() {
        if c == '.' {
            if atom_len == 0 {
                return false;
            }
            atom_len = 0;
        } else if is_atom_char(c) {
            atom_len += 1;
        } else {
            return false;
        }
    }
    atom_len > 0
}

/// Whether each ASCII byte may stand in an atom: not a control character,
/// not a space, not one of `()<>@,;:\".[]`.
const ASCII_ATOM: [bool; 128] = {
    let mut table = [false; 128];
    let mut b = b'!';
    while b < 0x7f {
        table[b as usize] = !matches!(
            b,
            b'(' | b')'
                | b'<'
                | b'>'
                | b'@'
                | b','
                | b';'
                | b':'
                | b'\\'
                | b'"'
                | b'.'
                | b'['
                | b']'
        );
        b += 1;
    }
    table
};

fn is_atom_char(c: char) -> bool {
    match u8::try_from(c) {
        Ok(b) if b.is_ascii() => ASCII_ATOM[usize::from(b)],
        _ => !c.is_control() && !c.is_whitespace(),
    }
}

/// `[d.d.d.d]` with one to three digits each.
fn ip_domain(s: &str) -> bool {
    let Some(inner) = s.strip_prefix('[').and_then(|s| s.strip_suffix(']')) else {
        return false;
    };
    let mut parts = 0;
    for part in inner.split('.') {
        parts += 1;
        if !(1..=3).contains(&part.len()) || !part.bytes().all(|b| b.is_ascii_digit()) {
            return false;
        }
    }
    parts == 4
}

/// Types `#[length]` can measure: strings (in characters) and collections
/// (in elements).
#[diagnostic::on_unimplemented(
    message = "#[length] needs a string or a list, not `{Self}`",
    label = "has no length"
)]
pub trait HasLength {
    /// The length in characters or elements.
    fn length(&self) -> usize;
}

impl HasLength for str {
    fn length(&self) -> usize {
        self.chars().count()
    }
}

impl HasLength for String {
    fn length(&self) -> usize {
        self.as_str().length()
    }
}

impl HasLength for Cow<'_, str> {
    fn length(&self) -> usize {
        (**self).length()
    }
}

impl<T> HasLength for [T] {
    fn length(&self) -> usize {
        self.len()
    }
}

impl<T> HasLength for Vec<T> {
    fn length(&self) -> usize {
        self.len()
    }
}

impl<T> HasLength for VecDeque<T> {
    fn length(&self) -> usize {
        self.len()
    }
}

impl<K, V, S> HasLength for HashMap<K, V, S> {
    fn length(&self) -> usize {
        self.len()
    }
}

impl<K, V> HasLength for BTreeMap<K, V> {
    fn length(&self) -> usize {
        self.len()
    }
}

impl<T, S> HasLength for HashSet<T, S> {
    fn length(&self) -> usize {
        self.len()
    }
}

impl<T> HasLength for BTreeSet<T> {
    fn length(&self) -> usize {
        self.len()
    }
}

/// Types `#[email]` and `#[pattern]` read as text.
#[diagnostic::on_unimplemented(
    message = "#[email] and #[pattern] need a string, not `{Self}`",
    label = "not a string"
)]
pub trait AsText {
    /// The text.
    fn as_text(&self) -> &str;
}

impl AsText for str {
    fn as_text(&self) -> &str {
        self
    }
}

impl AsText for String {
    fn as_text(&self) -> &str {
        self
    }
}

impl AsText for Cow<'_, str> {
    fn as_text(&self) -> &str {
        self
    }
}

/// Numbers `#[range]` can compare.
#[diagnostic::on_unimplemented(
    message = "#[range] needs a number, not `{Self}`",
    label = "not a number"
)]
pub trait Ranged {
    /// `self < bound` (`NaN` is below every bound).
    fn below(&self, bound: &Bound) -> bool;
    /// `self > bound` (`NaN` is above every bound).
    fn above(&self, bound: &Bound) -> bool;
}

macro_rules! ranged_int {
    ($($t:ty)*) => {$(
        impl Ranged for $t {
            fn below(&self, bound: &Bound) -> bool {
                match (i128::try_from(*self), bound.int) {
                    (Ok(v), Some(b)) => v < b,
                    (Err(_), Some(_)) => false, // beyond i128: above any integer bound
                    (_, None) => (*self as f64) < bound.float,
                }
            }
            fn above(&self, bound: &Bound) -> bool {
                match (i128::try_from(*self), bound.int) {
                    (Ok(v), Some(b)) => v > b,
                    (Err(_), Some(_)) => true,
                    (_, None) => (*self as f64) > bound.float,
                }
            }
        }
    )*};
}
ranged_int!(i8 i16 i32 i64 i128 isize u8 u16 u32 u64 u128 usize);

macro_rules! ranged_float {
    ($($t:ty)*) => {$(
        impl Ranged for $t {
            fn below(&self, bound: &Bound) -> bool {
                use core::cmp::Ordering::{Equal, Greater};
                !matches!(f64::from(*self).partial_cmp(&bound.float), Some(Greater | Equal))
            }
            fn above(&self, bound: &Bound) -> bool {
                use core::cmp::Ordering::{Equal, Less};
                !matches!(f64::from(*self).partial_cmp(&bound.float), Some(Less | Equal))
            }
        }
    )*};
}
ranged_float!(f32 f64);

macro_rules! forward {
    ($($wrapper:ident)*) => {$(
        impl<T: HasLength + ?Sized> HasLength for $wrapper<T> {
            fn length(&self) -> usize { (**self).length() }
        }
        impl<T: AsText + ?Sized> AsText for $wrapper<T> {
            fn as_text(&self) -> &str { (**self).as_text() }
        }
        impl<T: Ranged + ?Sized> Ranged for $wrapper<T> {
            fn below(&self, bound: &Bound) -> bool { (**self).below(bound) }
            fn above(&self, bound: &Bound) -> bool { (**self).above(bound) }
        }
    )*};
}
forward!(Box Rc Arc);

impl<T: HasLength + ?Sized> HasLength for &T {
    fn length(&self) -> usize {
        (**self).length()
    }
}

impl<T: AsText + ?Sized> AsText for &T {
    fn as_text(&self) -> &str {
        (**self).as_text()
    }
}

impl<T: Ranged + ?Sized> Ranged for &T {
    fn below(&self, bound: &Bound) -> bool {
        (**self).below(bound)
    }
    fn above(&self, bound: &Bound) -> bool {
        (**self).above(bound)
    }
}

#[cfg(test)]
mod tests {
    use super::is_well_formed_email;

    #[test]
    fn email_grammar() {
        for good in [
            "ada@example.com",
            "a.b+c@sub.example.co.uk",
            "x@localhost",
            "o'hara@example.ie",
            "user@[192.168.0.1]",
            "jos\u{e9}@example.fr",
        ] {
            assert!(is_well_formed_email(good), "{good}");
        }
        for bad in [
            "plainaddress",
            "@example.com",
            "ada@",
            "ada@@example.com",
            "a..b@example.com",
            ".ada@example.com",
            "ada@example..com",
            "ada lovelace@example.com",
            "ada@exa mple.com",
            "ada@example.com.",
            "a(b)@example.com",
            "ada@[1.2.3]",
            "ada\n@example.com",
        ] {
            assert!(!is_well_formed_email(bad), "{bad}");
        }
    }
}
