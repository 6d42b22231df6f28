//! Any bytes, as a resource that uses every rule, for both operations.
//!
//! `Booking` flattens a base resource, denies unknown fields, reads a field
//! through `#[serde(with = ..)]`, holds `Secret<String>`s (alone and in a
//! list), a `#[sensitive]` nested resource, a nested list and a nested map,
//! and uses `#[required]`, `#[not_null]`, `#[not_empty]`, `#[length]`,
//! `#[range]` (integer and float), `#[email]`, `#[nexudus(each(email))]`,
//! `#[pattern]` and `#[custom]`. For every input it asserts:
//!
//! - nothing panics;
//! - every `PropertyName` is a real path of the resource (a top-level or
//!   flattened wire name, `Guest.X`, `Guests[n].X`, `Rooms[key].X`,
//!   `Attendees[n]`, an unknown key that was sent, or `""` only for a
//!   whole-body failure or the last, "N more failures were left out.");
//! - the marker `SECRET`, when it was sent only inside sensitive values,
//!   shows nowhere: not in the 400 body, not in `Display` or `Debug` of the
//!   failures; and when it was sent only inside `Secret`s, not in `Debug`
//!   of a value that read;
//! - typed and raw agree: a value `from_slice` returns validates; when
//!   serde reads the input as a `Booking`, `from_slice` reports what
//!   `validate_for` does, the raw engine (`validate_value`) reports the
//!   same, and so does `from_slice` once an unknown key forces the raw
//!   route (plus that key's failure, last); an echoed number is compared
//!   by value, as the raw route echoes it as sent.
#![no_main]

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use libfuzzer_sys::fuzz_target;
use nexudus_validate::{
    from_slice_for, Code, NexudusDateTime, NexudusResource, Operation, Secret, Validate,
    ValidationErrors, ValidationFailure,
};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Sensitive values in the seeds and the dictionary carry this.
const MARK: &str = "SECRET";

/// The fields every record has, flattened into `Booking`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, NexudusResource)]
#[serde(rename_all = "PascalCase")]
struct Base {
    #[required(update)]
    id: Option<i64>,
    #[required]
    #[range(min = 1)]
    business_id: Option<i64>,
    created_on: Option<NexudusDateTime>,
}

#[derive(Debug, Clone, Serialize, Deserialize, NexudusResource)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
struct Guest {
    #[required]
    #[email]
    email: Option<String>,
    #[length(min = 4, max = 9)]
    pin: Option<Secret<String>>,
    #[pattern("[0-9]{3}-[0-9]{4}")]
    phone: Option<String>,
}

fn even(seats: &i64) -> Result<(), &'static str> {
    if seats % 2 == 0 {
        Ok(())
    } else {
        Err("seats come in pairs")
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, NexudusResource)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
#[nexudus(name = "Booking", path = "/api/spaces/bookings")]
struct Booking {
    #[serde(flatten)]
    base: Base,
    #[required]
    #[length(min = 2, max = 8)]
    #[pattern("[a-z ]*")]
    name: Option<String>,
    #[not_null]
    notes: Option<String>,
    #[not_empty]
    tags: Option<Vec<String>>,
    #[range(min = -10, max = 10)]
    floor: Option<i64>,
    #[range(min = 0.5, max = 2.5)]
    ratio: Option<f64>,
    #[email]
    contact: Option<String>,
    #[nexudus(each(email))]
    #[length(max = 4)]
    attendees: Vec<String>,
    #[custom(even)]
    seats: Option<i64>,
    #[serde(with = "chrono::serde::ts_seconds_option", default)]
    #[required]
    at: Option<DateTime<Utc>>,
    #[required]
    #[length(max = 12)]
    password: Option<Secret<String>>,
    tokens: Option<Vec<Secret<String>>>,
    #[sensitive]
    #[pattern("[A-Z]{2}[0-9]{4}")]
    door_code: Option<String>,
    #[sensitive]
    #[nested]
    guest: Option<Guest>,
    #[nested]
    #[length(max = 3)]
    #[serde(default)]
    guests: Vec<Guest>,
    #[nested]
    #[serde(default)]
    rooms: BTreeMap<String, Guest>,
}

/// Every top-level `PropertyName` (the flattened base's included).
const ROOT: &[&str] = &[
    "Id",
    "BusinessId",
    "CreatedOn",
    "Name",
    "Notes",
    "Tags",
    "Floor",
    "Ratio",
    "Contact",
    "Attendees",
    "Seats",
    "At",
    "Password",
    "Tokens",
    "DoorCode",
    "Guest",
    "Guests",
    "Rooms",
];

const GUEST: &[&str] = &["Email", "Pin", "Phone"];

// ---------------------------------------------------------------------------
// Where the marker was sent.

/// How a place of the input must be treated.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Class {
    /// Never echoed by a failure (inside a `#[sensitive]` field or a
    /// `Secret`).
    hidden_in_errors: bool,
    /// Never shown by `Debug` of a value that read (inside a `Secret`).
    hidden_in_debug: bool,
}

const PLAIN: Class = Class {
    hidden_in_errors: false,
    hidden_in_debug: false,
};
const SECRET: Class = Class {
    hidden_in_errors: true,
    hidden_in_debug: true,
};
const SENSITIVE: Class = Class {
    hidden_in_errors: true,
    hidden_in_debug: false,
};

/// What the input says about the marker.
#[derive(Default)]
struct Found {
    /// The marker was sent where a failure may echo it.
    in_errors: bool,
    /// The marker was sent where `Debug` may show it.
    in_debug: bool,
}

impl Found {
    fn note(&mut self, text: &str, class: Class) {
        if text.contains(MARK) {
            self.in_errors |= !class.hidden_in_errors;
            self.in_debug |= !class.hidden_in_debug;
        }
    }
}

/// A place in the input, as the resource reads it.
#[derive(Clone, Copy)]
enum Place {
    /// The body.
    Root,
    /// A value that is (or should be) a `Guest`, with the class of its
    /// whole.
    Guest(Class),
    /// `Guests`: a list of `Guest`s.
    Guests,
    /// `Rooms`: a map of `Guest`s.
    Rooms,
    /// Anything else: everything inside has this class.
    Other(Class),
}

impl Place {
    fn class(self) -> Class {
        match self {
            Place::Guest(class) | Place::Other(class) => class,
            Place::Root | Place::Guests | Place::Rooms => PLAIN,
        }
    }

    /// The place of the value under `key` of an object here.
    fn under_key(self, key: &str) -> Place {
        match self {
            Place::Root => match key {
                "Password" | "Tokens" => Place::Other(SECRET),
                "DoorCode" => Place::Other(SENSITIVE),
                "Guest" => Place::Guest(SENSITIVE),
                "Guests" => Place::Guests,
                "Rooms" => Place::Rooms,
                _ => Place::Other(PLAIN),
            },
            Place::Guest(class) => match key {
                "Pin" => Place::Other(SECRET),
                _ => Place::Other(class),
            },
            Place::Rooms => Place::Guest(PLAIN),
            Place::Guests => Place::Other(PLAIN),
            Place::Other(class) => Place::Other(class),
        }
    }

    /// The place of an element of an array here.
    fn element(self) -> Place {
        match self {
            Place::Guests => Place::Guest(PLAIN),
            Place::Guest(class) | Place::Other(class) => Place::Other(class),
            Place::Root | Place::Rooms => Place::Other(PLAIN),
        }
    }
}

/// Reads the input as JSON's grammar has it, once (duplicate keys
/// included), noting where the marker is, into its shape: the value with
/// every number `0`, and what a key sent twice had both times.
///
/// Not serde_json: the raw reader reads a field's value as a slice of the
/// body, and serde_json slices what it would not read into a `Value` (a
/// number out of range, a lone surrogate `\ud800`, nesting deeper than 128,
/// bytes that are not UTF-8 inside a value it skips).
struct Walk<'a> {
    bytes: &'a [u8],
    at: usize,
    found: Found,
}

impl Walk<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> Option<()> {
        self.space();
        (self.peek()? == byte).then(|| self.at += 1)
    }

    fn literal(&mut self, word: &[u8], value: Value) -> Option<Value> {
        let end = self.at + word.len();
        (self.bytes.get(self.at..end)? == word).then(|| {
            self.at = end;
            value
        })
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.at += 1;
        }
        self.at - start
    }

    fn number(&mut self) -> Option<Value> {
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        match self.peek()? {
            b'0' => self.at += 1,
            b'1'..=b'9' => {
                self.digits();
            }
            _ => return None,
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            (self.digits() > 0).then_some(())?;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            (self.digits() > 0).then_some(())?;
        }
        Some(Value::from(0))
    }

    fn hex(&mut self) -> Option<u32> {
        let hex = std::str::from_utf8(self.bytes.get(self.at..self.at + 4)?).ok()?;
        let unit = u32::from_str_radix(hex, 16).ok()?;
        hex.bytes()
            .all(|b| b.is_ascii_hexdigit())
            .then(|| self.at += 4)?;
        Some(unit)
    }

    /// A string (after its opening quote), a lone surrogate read as U+FFFD.
    fn string(&mut self) -> Option<String> {
        let mut out = Vec::new();
        loop {
            let byte = self.peek()?;
            self.at += 1;
            match byte {
                b'"' => return String::from_utf8(out).ok(),
                0..=0x1f => return None,
                b'\\' => {
                    let escape = self.peek()?;
                    self.at += 1;
                    let c = match escape {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let unit = self.hex()?;
                            let pair = (0xD800..0xDC00).contains(&unit)
                                && self.bytes.get(self.at..self.at + 2) == Some(b"\\u");
                            let low = if pair {
                                let back = self.at;
                                self.at += 2;
                                match self.hex()? {
                                    low @ 0xDC00..0xE000 => Some(low),
                                    _ => {
                                        self.at = back;
                                        None
                                    }
                                }
                            } else {
                                None
                            };
                            match low {
                                Some(low) => char::from_u32(
                                    0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00),
                                )?,
                                None => char::from_u32(unit).unwrap_or('\u{fffd}'),
                            }
                        }
                        _ => return None,
                    };
                    let mut buffer = [0; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buffer).as_bytes());
                }
                other => out.push(other),
            }
        }
    }

    fn value(&mut self, place: Place) -> Option<Value> {
        self.space();
        match self.peek()? {
            b'n' => self.literal(b"null", Value::Null),
            b't' => self.literal(b"true", Value::Bool(true)),
            b'f' => self.literal(b"false", Value::Bool(false)),
            b'"' => {
                self.at += 1;
                let text = self.string()?;
                self.found.note(&text, place.class());
                Some(Value::String(text))
            }
            b'[' => {
                self.at += 1;
                let mut items = Vec::new();
                if self.eat(b']').is_some() {
                    return Some(Value::Array(items));
                }
                loop {
                    items.push(self.value(place.element())?);
                    if self.eat(b']').is_some() {
                        return Some(Value::Array(items));
                    }
                    self.eat(b',')?;
                }
            }
            b'{' => {
                self.at += 1;
                let mut map = serde_json::Map::new();
                if self.eat(b'}').is_some() {
                    return Some(Value::Object(map));
                }
                loop {
                    self.eat(b'"')?;
                    let key = self.string()?;
                    self.found.note(&key, place.class());
                    self.eat(b':')?;
                    let value = self.value(place.under_key(&key))?;
                    match map.get_mut(&key) {
                        // A map's every key is checked; a resource's (and
                        // the body's) last one.
                        Some(before) if matches!(place, Place::Rooms) => merge(before, value),
                        _ => {
                            map.insert(key, value);
                        }
                    }
                    if self.eat(b'}').is_some() {
                        return Some(Value::Object(map));
                    }
                    self.eat(b',')?;
                }
            }
            _ => self.number(),
        }
    }
}

/// `value` sent again for a key of a map that had `into`: the shape keeps
/// what both hold, as a map checks the value of every key sent. Of an
/// object and anything else, the object stays (failures are named inside
/// it); of an array and a scalar, the array.
fn merge(into: &mut Value, value: Value) {
    match (into, value) {
        (Value::Object(into), Value::Object(map)) => {
            for (key, value) in map {
                match into.get_mut(&key) {
                    Some(before) => merge(before, value),
                    None => {
                        into.insert(key, value);
                    }
                }
            }
        }
        (Value::Array(into), Value::Array(items)) => {
            for (i, item) in items.into_iter().enumerate() {
                match into.get_mut(i) {
                    Some(before) => merge(before, item),
                    None => into.push(item),
                }
            }
        }
        (Value::Object(_), _)
        | (Value::Array(_), Value::Bool(_) | Value::Number(_) | Value::String(_) | Value::Null) => {
        }
        (into, value) => *into = value,
    }
}

/// Where the marker is in `text` and its shape, or `None` when it is not
/// JSON.
fn walk(text: &str) -> Option<(Found, Value)> {
    let mut walk = Walk {
        bytes: text.as_bytes(),
        at: 0,
        found: Found::default(),
    };
    let shape = walk.value(Place::Root)?;
    walk.space();
    (walk.at == walk.bytes.len()).then_some((walk.found, shape))
}

// ---------------------------------------------------------------------------
// Real paths.

/// `[n]` at the start of `rest`, `n` below `len` (any `n` when the
/// array is not known): `n` and what follows.
fn index(rest: &str, len: Option<usize>) -> Option<(usize, &str)> {
    let rest = rest.strip_prefix('[')?;
    let end = rest.find(']')?;
    let digits = &rest[..end];
    let canonical = !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (digits == "0" || !digits.starts_with('0'));
    if !canonical {
        return None;
    }
    let n: usize = digits.parse().ok()?;
    if len.is_some_and(|len| n >= len) {
        return None;
    }
    Some((n, &rest[end + 1..]))
}

/// How a failure names `key`, an unknown key of the object at a path
/// that is `root` or not: `.Key` (`Key` at the root), or Json.NET's
/// `['key']` when the key is empty or holds a character a path uses.
fn member(key: &str, root: bool) -> String {
    let plain = !key.is_empty()
        && !key.contains([
            '.', ' ', '\'', '/', '"', '[', ']', '(', ')', '\t', '\n', '\r', '\u{c}', '\u{8}', '\\',
            '\u{85}', '\u{2028}', '\u{2029}',
        ]);
    match (plain, root) {
        (true, true) => key.to_owned(),
        (true, false) => format!(".{key}"),
        (false, _) => format!("['{}']", key.replace('\\', "\\\\").replace('\'', "\\'")),
    }
}

/// Whether `rest` names a key sent in `sent` (`None`: not known, any key
/// goes) that none of the fields `known` answers to; inside a sensitive
/// value, whatever the key, `.<redacted>`.
fn unknown_key(
    rest: &str,
    root: bool,
    known: &[&str],
    sent: Option<&Value>,
    sensitive: bool,
) -> bool {
    if sensitive {
        return rest == ".<redacted>";
    }
    sent.is_none_or(|sent| {
        sent.as_object().is_some_and(|object| {
            object
                .keys()
                .any(|key| !known.contains(&key.as_str()) && member(key, root) == rest)
        })
    })
}

/// A failure's name below a `Guest` sent as `sent`: nothing, a field, or
/// an unknown key that was sent.
fn guest_path(rest: &str, code: Code, sent: Option<&Value>, sensitive: bool) -> bool {
    if code == Code::UnknownField {
        return unknown_key(rest, false, GUEST, sent, sensitive);
    }
    rest.is_empty()
        || rest
            .strip_prefix('.')
            .is_some_and(|field| GUEST.contains(&field))
}

/// Whether `failure` names a real place of a `Booking` sent as `body`
/// (`None`: not known, any key or index goes).
fn real_path(failure: &ValidationFailure, body: Option<&Value>) -> bool {
    let name = failure.property_name();
    let code = failure.code();
    let object = body.and_then(Value::as_object);
    let get = |key: &str| object.and_then(|o| o.get(key));
    let len = |key: &str| body.map(|_| get(key).and_then(Value::as_array).map_or(0, Vec::len));
    let sent = |key: &str| body.map(|_| get(key).unwrap_or(&Value::Null));
    if code == Code::UnknownField {
        if unknown_key(name, true, ROOT, body, false) {
            return true;
        }
    } else if ROOT.contains(&name) {
        return true;
    }
    if let Some(rest) = name
        .strip_prefix("Guest")
        .filter(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
    {
        return guest_path(rest, code, sent("Guest"), true);
    }
    if let Some(rest) = name.strip_prefix("Guests") {
        if let Some((n, rest)) = index(rest, len("Guests")) {
            let element = sent("Guests").map(|list| list.get(n).unwrap_or(&Value::Null));
            return guest_path(rest, code, element, false);
        }
    }
    if let Some(rest) = name.strip_prefix("Attendees") {
        if let Some((_, rest)) = index(rest, len("Attendees")) {
            return rest.is_empty();
        }
    }
    if let Some(rest) = name.strip_prefix("Rooms[") {
        return match get("Rooms").and_then(Value::as_object) {
            Some(rooms) => rooms.iter().any(|(key, room)| {
                rest.strip_prefix(key.as_str())
                    .and_then(|rest| rest.strip_prefix(']'))
                    .is_some_and(|rest| guest_path(rest, code, Some(room), false))
            }),
            None => body.is_none(),
        };
    }
    false
}

/// Every `PropertyName` is a real path; `""` only for a whole-body failure
/// (alone) or for the last one, saying how many were left out.
fn names_are_real(errors: &ValidationErrors, body: Option<&Value>) {
    assert!(!errors.is_empty(), "an error with no failure");
    let last = errors.len() - 1;
    for (i, failure) in errors.iter().enumerate() {
        match failure.code() {
            Code::InvalidBody => {
                assert_eq!(failure.property_name(), "", "{failure:?}");
                assert_eq!(
                    errors.len(),
                    1,
                    "a whole-body failure and others: {errors:?}"
                );
            }
            Code::LeftOut => {
                assert_eq!(failure.property_name(), "", "{failure:?}");
                assert_eq!(i, last, "left-out failure not last: {errors:?}");
            }
            _ => assert!(
                real_path(failure, body),
                "not a real path: {:?} ({failure:?})",
                failure.property_name()
            ),
        }
    }
}

// ---------------------------------------------------------------------------
// Nothing sensitive shown.

fn shown(errors: &ValidationErrors) -> String {
    format!(
        "{errors}\n{errors:?}\n{}",
        serde_json::to_string(&errors.to_response()).expect("a 400 body serializes")
    )
}

fn errors_are_clean(errors: &ValidationErrors, found: &Found) {
    if !found.in_errors {
        let shown = shown(errors);
        assert!(
            !shown.contains(MARK),
            "a sensitive value leaked into the failures:\n{shown}"
        );
    }
}

fn value_is_clean(value: &Booking, found: &Found) {
    if !found.in_debug {
        let debug = format!("{value:?}");
        assert!(!debug.contains(MARK), "a secret leaked into Debug: {debug}");
    }
}

// ---------------------------------------------------------------------------
// Typed and raw agree.

/// A number as its value: the raw route echoes a number as it was sent
/// (`185`), a typed value as its type writes it (`185.0` for an `f64`).
fn by_value(value: &Value) -> Value {
    match value {
        Value::Number(n) => n.as_f64().map_or(Value::Null, Value::from),
        Value::Array(items) => items.iter().map(by_value).collect(),
        Value::Object(map) => map
            .iter()
            .map(|(key, value)| (key.clone(), by_value(value)))
            .collect(),
        other => other.clone(),
    }
}

/// Each failure as `(PropertyName, Message, code, AttemptedValue by
/// value)`.
fn failures(result: Result<(), ValidationErrors>) -> Vec<(String, String, Code, Value)> {
    result.err().map_or_else(Vec::new, |errors| {
        errors
            .iter()
            .map(|f| {
                let name = f.property_name().to_owned();
                let attempted = by_value(f.attempted_value());
                (name, f.message().to_owned(), f.code(), attempted)
            })
            .collect()
    })
}

/// A key no field answers to; it sorts after every field, so a re-written
/// body sends it last.
const UNKNOWN: &str = "~Unknown";

/// `walked`: where the marker is and the input's shape, or `None` when it
/// is not JSON.
fn check(data: &[u8], operation: Operation, walked: Option<(&Found, &Value)>) {
    let result = from_slice_for::<Booking>(data, operation);
    match (&result, walked) {
        (Ok(value), _) => {
            assert!(
                value.validate_for(operation).is_ok(),
                "from_slice returned a value that does not validate: {value:?}"
            );
            let found = walked
                .expect("from_slice read a Booking from what is not JSON")
                .0;
            value_is_clean(value, found);
        }
        (Err(errors), Some((found, shape))) => {
            names_are_real(errors, Some(shape));
            errors_are_clean(errors, found);
        }
        // Not JSON: one whole-body failure, quoting nothing.
        (Err(errors), None) => {
            assert_eq!(errors.len(), 1, "{errors:?}");
            assert_eq!(errors.as_slice()[0].code(), Code::InvalidBody, "{errors:?}");
            names_are_real(errors, None);
            assert!(!shown(errors).contains(MARK), "{}", shown(errors));
        }
    }
    let Ok(value) = serde_json::from_slice::<Booking>(data) else {
        return;
    };
    let found = walked
        .expect("serde read a Booking from what is not JSON")
        .0;
    let body: Value =
        serde_json::from_slice(data).expect("what reads as a Booking reads as a Value");
    value_is_clean(&value, found);
    let expected = failures(value.validate_for(operation));
    assert_eq!(
        failures(result.map(|_| ())),
        expected,
        "from_slice and validate_for disagree"
    );
    assert_eq!(
        failures(Booking::validate_value(&body, operation)),
        expected,
        "validate_value and validate_for disagree"
    );
    // An unknown key sends the body down the raw route: the same failures,
    // and the unknown key's, last.
    if expected.len() < 50 {
        let mut object = body.as_object().expect("a Booking is an object").clone();
        object.insert(UNKNOWN.to_owned(), Value::Null);
        let bytes = serde_json::to_vec(&object).expect("JSON writes");
        let mut raw = failures(from_slice_for::<Booking>(&bytes, operation).map(|_| ()));
        let unknown = raw.pop().expect("the unknown key is reported");
        assert_eq!((&*unknown.0, unknown.2), (UNKNOWN, Code::UnknownField));
        assert_eq!(raw, expected, "the raw route and validate_for disagree");
    }
}

fuzz_target!(|data: &[u8]| {
    // serde_json skips a value without checking that it is UTF-8 (the raw
    // reader skips those of unknown keys): the input is walked with any
    // such byte replaced.
    let text = String::from_utf8_lossy(data);
    let walked = walk(&text);
    for operation in [Operation::Create, Operation::Update] {
        check(
            data,
            operation,
            walked.as_ref().map(|(found, shape)| (found, shape)),
        );
    }
});
