//! The rare second chance: a body whose every field reads on its own but
//! that the typed parse refused (a key sent twice, a field only the typed
//! parse can read) is put together again from the fields' slices and read
//! as a whole.

use serde::de::DeserializeOwned;

use super::object::{slot_fields, Raw, RawObject};
use super::{body_failure, validate_with, Limits};
use crate::__private::{Collector, Cx};
use crate::{NexudusResource, Operation, ValidationErrors};

/// `object`'s fields written out once each (the last of duplicate keys)
/// and read as `T`. A failure is named after the field whose slice it is
/// in.
pub(super) fn read_again<T>(
    object: &RawObject<'_>,
    operation: Operation,
    limits: &Limits,
) -> Result<T, ValidationErrors>
where
    T: NexudusResource + DeserializeOwned,
{
    let mut text = String::from("{");
    let mut spans = Vec::new();
    let fields = slot_fields(T::FIELDS);
    for (index, raw) in object.slots().iter().enumerate() {
        let (Some(Raw::Text(raw)), Some(field)) = (raw, fields.get(index)) else {
            continue;
        };
        if !spans.is_empty() {
            text.push(',');
        }
        // A wire name is a string: writing it as JSON cannot fail.
        text.push_str(&serde_json::to_string(field.wire_name()).unwrap_or_default());
        text.push(':');
        let start = text.len();
        text.push_str(raw.get());
        spans.push((index, start, text.len()));
    }
    text.push('}');
    let error = match serde_json::from_slice::<T>(text.as_bytes()) {
        Ok(value) => return validate_with(&value, operation, limits).map(|()| value),
        Err(error) => error,
    };
    let (line, column) = (error.line(), error.column());
    let offset = offset_of(text.as_bytes(), line, column);
    let field = spans
        .iter()
        .find(|(_, start, end)| (*start..=*end).contains(&offset));
    let mut out = Collector::new(*limits);
    match field.and_then(|&(index, ..)| Some((fields[index], object.get(index)?))) {
        Some((field, raw)) => {
            Cx::root(&mut out, std::slice::from_ref(field), operation).invalid_field(0, raw);
        }
        None if T::FIELDS.iter().any(|f| f.sensitive()) => {
            out.push(body_failure(
                "The request body could not be read.".to_owned(),
            ));
        }
        None => out.push(body_failure(format!(
            "The request body could not be read: {error}."
        ))),
    }
    Err(out.finish().err().unwrap_or_default())
}

/// The byte offset serde_json's `line` and `column` (1-based) point at.
fn offset_of(bytes: &[u8], line: usize, column: usize) -> usize {
    let line_start = if line <= 1 {
        0
    } else {
        bytes
            .iter()
            .enumerate()
            .filter(|(_, &b)| b == b'\n')
            .nth(line - 2)
            .map_or(bytes.len(), |(i, _)| i + 1)
    };
    line_start + column.saturating_sub(1)
}
