//! A JSON object read once into borrowed values, one slot per field.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeOwned, IgnoredAny, MapAccess, Visitor};
use serde::Deserializer as _;
use serde_json::value::RawValue;
use serde_json::{Map, Value};

use super::echo::Echo;
use super::key_index::KeyIndex;
use crate::resource::key_prefix;
use crate::FieldInfo;

/// One JSON value of a request, borrowed: a slice of the body's text, or a
/// part of a parsed [`Value`].
#[derive(Debug, Clone, Copy)]
pub enum Raw<'a> {
    /// A slice of the request body.
    Text(&'a RawValue),
    /// A part of a parsed value.
    Value(&'a Value),
}

/// The JSON type of a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Null,
    Boolean,
    Number,
    String,
    Array,
    Object,
}

impl Kind {
    /// The kind of the JSON text starting at its first byte.
    pub(crate) fn of_first_byte(byte: u8) -> Option<Kind> {
        Some(match byte {
            b'n' => Kind::Null,
            b't' | b'f' => Kind::Boolean,
            b'-' | b'0'..=b'9' => Kind::Number,
            b'"' => Kind::String,
            b'[' => Kind::Array,
            b'{' => Kind::Object,
            _ => return None,
        })
    }

    /// The kind of a parsed value.
    pub(crate) fn of_value(value: &Value) -> Kind {
        match value {
            Value::Null => Kind::Null,
            Value::Bool(_) => Kind::Boolean,
            Value::Number(_) => Kind::Number,
            Value::String(_) => Kind::String,
            Value::Array(_) => Kind::Array,
            Value::Object(_) => Kind::Object,
        }
    }

    /// "an array", "null", ...
    pub(crate) fn described(self) -> &'static str {
        match self {
            Kind::Null => "null",
            Kind::Boolean => "a boolean",
            Kind::Number => "a number",
            Kind::String => "a string",
            Kind::Array => "an array",
            Kind::Object => "an object",
        }
    }
}

impl<'a> Raw<'a> {
    /// The value read as a `T`.
    pub(crate) fn parse<T: DeserializeOwned>(self) -> Result<T, serde_json::Error> {
        match self {
            Raw::Text(raw) => serde_json::from_str(raw.get()),
            Raw::Value(value) => T::deserialize(value),
        }
    }

    pub(crate) fn kind(self) -> Kind {
        match self {
            // A raw value is valid JSON without leading whitespace.
            Raw::Text(raw) => raw
                .get()
                .bytes()
                .next()
                .and_then(Kind::of_first_byte)
                .unwrap_or(Kind::Null),
            Raw::Value(value) => Kind::of_value(value),
        }
    }

    pub(crate) fn is_null(self) -> bool {
        self.kind() == Kind::Null
    }

    /// Whether the value is or holds an object (where a resource's secrets
    /// would be).
    pub(crate) fn holds_object(self) -> bool {
        fn value_holds_object(value: &Value) -> bool {
            match value {
                Value::Object(_) => true,
                Value::Array(items) => items.iter().any(value_holds_object),
                _ => false,
            }
        }
        match self {
            // A `{` inside a string only makes this err on the safe side.
            Raw::Text(raw) => match self.kind() {
                Kind::Object => true,
                Kind::Array => raw.get().contains('{'),
                _ => false,
            },
            Raw::Value(value) => value_holds_object(value),
        }
    }

    /// The string, when the value is an empty or whitespace-only string.
    pub(crate) fn as_blank_str(self) -> Option<Cow<'a, str>> {
        let text: Cow<'a, str> = match self {
            Raw::Value(Value::String(s)) => Cow::Borrowed(s),
            Raw::Value(_) => return None,
            Raw::Text(raw) if raw.get().starts_with('"') => {
                Cow::Owned(serde_json::from_str::<String>(raw.get()).ok()?)
            }
            Raw::Text(_) => return None,
        };
        crate::rules::is_blank(&text).then_some(text)
    }

    /// What a failure quotes of the value, when it is at most `max` bytes
    /// of JSON: the text for the message (a string's own characters, else
    /// the JSON exactly as sent) and the `AttemptedValue`.
    pub(crate) fn echo(self, max: usize) -> Option<(String, Value)> {
        let text = match self {
            Raw::Text(raw) if raw.get().len() <= max => raw.get().to_owned(),
            Raw::Text(_) => return None,
            Raw::Value(value) => String::from_utf8(value.echo_json(max).0?).ok()?,
        };
        let value: Value = serde_json::from_str(&text).ok()?;
        match value {
            Value::String(s) => Some((s.clone(), Value::String(s))),
            other => Some((text, other)),
        }
    }
}

/// The fields of one JSON object, each a borrowed [`Raw`] value, found in
/// one pass. The last of duplicate keys wins.
pub struct RawObject<'a> {
    slots: Vec<Option<Raw<'a>>>,
    unknown: Vec<Cow<'a, str>>,
    unknown_left_out: usize,
}

impl<'a> RawObject<'a> {
    fn new(fields: &[FieldInfo]) -> Self {
        Self {
            slots: vec![None; block_len(fields)],
            unknown: Vec::new(),
            unknown_left_out: 0,
        }
    }

    /// The value sent for field `index`, if any.
    pub fn get(&self, index: usize) -> Option<Raw<'a>> {
        self.slots.get(index).copied().flatten()
    }

    /// The values sent, by slot (see [`block_len`]).
    pub(crate) fn slots(&self) -> &[Option<Raw<'a>>] {
        &self.slots
    }

    /// The fields of the resource `#[serde(flatten)]`ed as field `index` of
    /// `fields` (this object's fields).
    pub fn flattened(&self, fields: &[FieldInfo], index: usize) -> RawObject<'a> {
        let start = fields.len()
            + fields[..index.min(fields.len())]
                .iter()
                .filter_map(FieldInfo::flattened)
                .map(block_len)
                .sum::<usize>();
        let len = fields
            .get(index)
            .and_then(FieldInfo::flattened)
            .map_or(0, block_len);
        RawObject {
            slots: self
                .slots
                .get(start..start + len)
                .unwrap_or_default()
                .to_vec(),
            unknown: Vec::new(),
            unknown_left_out: 0,
        }
    }

    /// Keys no field answers to (collected only when unknown keys are
    /// denied), at most the failure limit of them.
    pub(crate) fn unknown_keys(&self) -> impl Iterator<Item = &str> {
        self.unknown.iter().map(|key| &**key)
    }

    /// How many more unknown keys there were.
    pub(crate) fn unknown_left_out(&self) -> usize {
        self.unknown_left_out
    }

    /// Records `raw` for field `index`, or `key` as unknown.
    fn put(&mut self, index: Option<usize>, key: Cow<'a, str>, raw: Raw<'a>, sink: &Sink) {
        match index {
            Some(index) => self.slots[index] = Some(raw),
            None if !sink.deny_unknown => {}
            None if self.unknown.len() < sink.max_unknown => self.unknown.push(key),
            None => self.unknown_left_out += 1,
        }
    }

    /// The object `raw`, or `None` when it is not an object.
    pub(crate) fn of_raw(
        raw: Raw<'a>,
        fields: &'static [FieldInfo],
        deny_unknown: bool,
        max_unknown: usize,
    ) -> Option<Self> {
        let sink = Sink {
            fields,
            deny_unknown,
            max_unknown,
            hint: 0,
        };
        match raw {
            Raw::Value(Value::Object(map)) => Some(Self::of_map(map, &sink)),
            Raw::Value(_) => None,
            Raw::Text(text) => {
                let mut de = serde_json::Deserializer::from_str(text.get());
                de.deserialize_map(sink).ok()
            }
        }
    }

    fn of_map(map: &'a Map<String, Value>, sink: &Sink) -> Self {
        let mut object = Self::new(sink.fields);
        // A map's keys are sorted, not in field order: worth an index
        // unless there are only a few.
        let index = if map.len() > 4 {
            KeyIndex::new(sink.fields)
        } else {
            None
        };
        for (key, value) in map {
            let prefix = key_prefix(key);
            let slot = index
                .as_ref()
                .and_then(|index| index.get(key, prefix))
                .or_else(|| slot_of(sink.fields, key, prefix, 0));
            object.put(slot, Cow::Borrowed(key), Raw::Value(value), sink);
        }
        object
    }

    /// Reads a request body: its object, or why it is not one.
    pub(crate) fn of_body(
        bytes: &'a [u8],
        fields: &'static [FieldInfo],
        deny_unknown: bool,
        max_unknown: usize,
    ) -> Result<Self, String> {
        let start = bytes.iter().position(|b| !b.is_ascii_whitespace());
        let Some(start) = start else {
            return Err("The request body is empty.".to_owned());
        };
        let not_json =
            |error: serde_json::Error| format!("The request body is not valid JSON: {error}.");
        if bytes[start] != b'{' {
            serde_json::from_slice::<IgnoredAny>(bytes).map_err(not_json)?;
            let kind = Kind::of_first_byte(bytes[start]).unwrap_or(Kind::Null);
            let (line, column) = position(bytes, start);
            return Err(format!(
                "The request body must be a JSON object, found {} at line {line} column {column}.",
                kind.described()
            ));
        }
        let sink = Sink {
            fields,
            deny_unknown,
            max_unknown,
            hint: 0,
        };
        // Checked as UTF-8 once, the body is read without checking each
        // string and slice again; otherwise serde_json says where it is not.
        match std::str::from_utf8(bytes) {
            Ok(text) => read_object(serde_json::Deserializer::from_str(text), sink),
            Err(_) => read_object(serde_json::Deserializer::from_slice(bytes), sink),
        }
        .map_err(not_json)
    }

    /// The value `value` as an object, or `None` when it is not one.
    pub(crate) fn of_value(
        value: &'a Value,
        fields: &'static [FieldInfo],
        deny_unknown: bool,
        max_unknown: usize,
    ) -> Option<Self> {
        Self::of_raw(Raw::Value(value), fields, deny_unknown, max_unknown)
    }
}

/// The whole input of `de`: one object and nothing after it.
fn read_object<'de, R: serde_json::de::Read<'de>>(
    mut de: serde_json::Deserializer<R>,
    sink: Sink,
) -> Result<RawObject<'de>, serde_json::Error> {
    let object = de.deserialize_map(sink)?;
    de.end()?;
    Ok(object)
}

/// Line and column (1-based, in bytes) of byte `offset`.
pub(crate) fn position(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    let column = 1 + before.iter().rev().take_while(|&&b| b != b'\n').count();
    (line, column)
}

/// How many slots an object of `fields` takes: one per field, then, in
/// order, the blocks of the resources flattened into it.
pub(crate) fn block_len(fields: &[FieldInfo]) -> usize {
    fields.len()
        + fields
            .iter()
            .filter_map(FieldInfo::flattened)
            .map(block_len)
            .sum::<usize>()
}

/// The field of each slot (see [`block_len`]).
pub(crate) fn slot_fields(fields: &'static [FieldInfo]) -> Vec<&'static FieldInfo> {
    let mut out: Vec<&FieldInfo> = fields.iter().collect();
    for inner in fields.iter().filter_map(FieldInfo::flattened) {
        out.extend(slot_fields(inner));
    }
    out
}

/// The slot of the field whose wire name or alias is `key`, trying the
/// field after the previous one first (clients send fields in order).
fn field_index(fields: &[FieldInfo], key: &str, hint: usize) -> Option<usize> {
    let prefix = key_prefix(key);
    if fields
        .get(hint)
        .is_some_and(|f| f.is_wire_name(key, prefix))
    {
        return Some(hint);
    }
    slot_of(fields, key, prefix, 0)
}

/// The index of the field of `fields` whose wire name is `key` (`prefix`
/// its `key_prefix`), else of the first with `key` among its aliases (the
/// derive keeps every key of a resource to one field). Wire names are
/// looked for first, comparing prefixes only: most keys are wire names.
#[inline]
pub(crate) fn key_position(fields: &[FieldInfo], key: &str, prefix: u64) -> Option<usize> {
    fields
        .iter()
        .position(|field| field.is_wire_name(key, prefix))
        .or_else(|| {
            fields
                .iter()
                .position(|field| field.aliases().contains(&key))
        })
}

/// The slot of `key` in the block of `fields` that starts at `base`.
fn slot_of(fields: &[FieldInfo], key: &str, prefix: u64, base: usize) -> Option<usize> {
    if let Some(index) = key_position(fields, key, prefix) {
        return Some(base + index);
    }
    let mut start = base + fields.len();
    for inner in fields.iter().filter_map(FieldInfo::flattened) {
        if let Some(slot) = slot_of(inner, key, prefix, start) {
            return Some(slot);
        }
        start += block_len(inner);
    }
    None
}

/// Reads an object's keys and borrows its values.
struct Sink {
    fields: &'static [FieldInfo],
    deny_unknown: bool,
    max_unknown: usize,
    hint: usize,
}

impl<'de> Visitor<'de> for Sink {
    type Value = RawObject<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<M: MapAccess<'de>>(mut self, mut map: M) -> Result<Self::Value, M::Error> {
        let mut object = RawObject::new(self.fields);
        while let Some(Key(key)) = map.next_key()? {
            match field_index(self.fields, &key, self.hint) {
                Some(index) => {
                    self.hint = index + 1;
                    let raw = Raw::Text(map.next_value::<&'de RawValue>()?);
                    object.put(Some(index), key, raw, &self);
                }
                None => {
                    map.next_value::<IgnoredAny>()?;
                    object.put(None, key, Raw::Value(&Value::Null), &self);
                }
            }
        }
        Ok(object)
    }
}

/// A key, borrowed from the body unless it has escapes.
pub(crate) struct Key<'de>(pub(crate) Cow<'de, str>);

impl<'de> de::Deserialize<'de> for Key<'de> {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(KeyVisitor)
    }
}

struct KeyVisitor;

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = Key<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_borrowed_str<E: de::Error>(self, key: &'de str) -> Result<Key<'de>, E> {
        Ok(Key(Cow::Borrowed(key)))
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Key<'de>, E> {
        Ok(Key(Cow::Owned(key.to_owned())))
    }
}
