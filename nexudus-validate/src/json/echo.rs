//! What a failure echoes of the value it is about, within a size cap.

use std::io;

use serde::Serialize;
use serde_json::Value;

use super::object::Raw;
use crate::ValidationFailure;

/// A value a failure may echo as its `AttemptedValue`.
pub trait Echo {
    /// The value as JSON text, or `None` when it is longer than `max`
    /// bytes or cannot be written as JSON; and whether it holds a
    /// [`Secret`](crate::Secret) (written as `null`).
    fn echo_json(&self, max: usize) -> (Option<Vec<u8>>, bool);
}

impl<T: Serialize + ?Sized> Echo for T {
    fn echo_json(&self, max: usize) -> (Option<Vec<u8>>, bool) {
        let mut out = Bounded {
            buf: Vec::new(),
            max,
        };
        let (written, secret) = crate::secret::echoing(|| serde_json::to_writer(&mut out, self));
        (written.ok().map(|()| out.buf), secret)
    }
}

/// What a failure may echo of the value it is about.
#[derive(Clone, Copy)]
pub struct Echoed<'a> {
    value: Option<&'a dyn Echo>,
    /// The value holds resources, which may have secrets: it is echoed only
    /// when it holds no object.
    opaque: bool,
}

impl<'a> Echoed<'a> {
    /// Nothing: the value is not `Serialize`.
    pub const NOTHING: Echoed<'static> = Echoed {
        value: None,
        opaque: false,
    };

    /// `value`, echoed as it serializes.
    pub fn plain(value: &'a dyn Echo) -> Self {
        Self {
            value: Some(value),
            opaque: false,
        }
    }

    /// `value`, which holds resources: echoed only without objects in it.
    pub fn opaque(value: &'a dyn Echo) -> Self {
        Self {
            value: Some(value),
            opaque: true,
        }
    }

    /// The `AttemptedValue`: `null` when it cannot be echoed. When the
    /// value was read from JSON, `sent` is what was sent for it, echoed
    /// instead, exactly, unless the value holds a secret.
    pub(crate) fn attempted(self, max: usize, sent: Option<Raw<'_>>) -> Value {
        let Some(value) = self.value else {
            return Value::Null;
        };
        let (json, secret) = value.echo_json(max);
        let shown = |holds_object: bool| !(self.opaque && holds_object);
        match (sent, json) {
            (Some(raw), _) if !secret => match raw.echo(max) {
                Some((_, value)) if shown(raw.holds_object()) => value,
                _ => Value::Null,
            },
            (_, Some(json)) if shown(json.contains(&b'{')) => {
                serde_json::from_slice(&json).unwrap_or(Value::Null)
            }
            _ => Value::Null,
        }
    }
}

/// The length of `failure` written as JSON.
pub(crate) fn failure_json_len(failure: &ValidationFailure) -> usize {
    const KEYS: usize = r#"{"AttemptedValue":,"Message":,"PropertyName":}"#.len();
    KEYS + value_json_len(failure.attempted_value())
        + str_json_len(failure.message())
        + str_json_len(failure.property_name())
}

fn value_json_len(value: &Value) -> usize {
    match value {
        Value::Null => 4,
        Value::String(text) => str_json_len(text),
        other => {
            let mut counter = Counter(0);
            // Writing to a counter cannot fail, and a `Value` always serializes.
            let _ = serde_json::to_writer(&mut counter, other);
            counter.0
        }
    }
}

/// The length of `text` as a JSON string, quotes and escapes included.
fn str_json_len(text: &str) -> usize {
    2 + text.len()
        + text
            .bytes()
            .map(|b| usize::from(ESCAPE_EXTRA[usize::from(b)]))
            .sum::<usize>()
}

/// How many bytes serde_json's escape of each byte adds: `\"`, `\\` and
/// the short control escapes one, other control characters five
/// (`\u00XX`).
const ESCAPE_EXTRA: [u8; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = 5;
        b += 1;
    }
    table[b'"' as usize] = 1;
    table[b'\\' as usize] = 1;
    table[b'\n' as usize] = 1;
    table[b'\r' as usize] = 1;
    table[b'\t' as usize] = 1;
    table[0x08] = 1;
    table[0x0c] = 1;
    table
};

/// A writer that refuses to grow past `max` bytes.
struct Bounded {
    buf: Vec<u8>,
    max: usize,
}

impl io::Write for Bounded {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        if self.buf.len() + data.len() > self.max {
            return Err(io::ErrorKind::WriteZero.into());
        }
        self.buf.extend_from_slice(data);
        Ok(data.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

struct Counter(usize);

impl io::Write for Counter {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        self.0 += data.len();
        Ok(data.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failure_s_length_is_its_json_length() {
        for (attempted, message, name) in [
            (Value::Null, "is a required field", "Name"),
            (Value::String("  \t\u{1}\"é".into()), "m\\\n", "A.B[2]"),
            (serde_json::json!([1, {"a": "\u{7f}"}, 2.5]), "", ""),
        ] {
            let failure = ValidationFailure::new(name, message, attempted);
            let written = serde_json::to_vec(&failure).unwrap().len();
            assert_eq!(failure_json_len(&failure), written, "{failure:?}");
        }
    }
}
