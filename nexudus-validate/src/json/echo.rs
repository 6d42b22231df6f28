//! What a failure echoes of the value it is about, within a size cap.

use std::io;

use serde::Serialize;
use serde_json::Value;

/// A value a failure may echo as its `AttemptedValue`.
pub trait Echo {
    /// The value as JSON text, or `None` when it is longer than `max`
    /// bytes or cannot be written as JSON.
    fn echo_json(&self, max: usize) -> Option<Vec<u8>>;
}

impl<T: Serialize + ?Sized> Echo for T {
    fn echo_json(&self, max: usize) -> Option<Vec<u8>> {
        let mut out = Bounded {
            buf: Vec::new(),
            max,
        };
        serde_json::to_writer(&mut out, self).ok()?;
        Some(out.buf)
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

    /// The `AttemptedValue`: `null` when it cannot be echoed.
    pub(crate) fn attempted(self, max: usize) -> Value {
        let Some(json) = self.value.and_then(|value| value.echo_json(max)) else {
            return Value::Null;
        };
        if self.opaque && json.contains(&b'{') {
            return Value::Null;
        }
        serde_json::from_slice(&json).unwrap_or(Value::Null)
    }
}

/// The length of `value` written as JSON.
pub(crate) fn json_len<T: Serialize + ?Sized>(value: &T) -> usize {
    let mut counter = Counter(0);
    // Writing to a counter cannot fail, and our values always serialize.
    let _ = serde_json::to_writer(&mut counter, value);
    counter.0
}

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
