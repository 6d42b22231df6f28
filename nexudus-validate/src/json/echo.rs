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

/// What a value that is not `Serialize` echoes: nothing.
pub struct NoEcho;

impl Echo for NoEcho {
    fn echo_json(&self, _: usize) -> Option<Vec<u8>> {
        None
    }
}

/// `value` as an `AttemptedValue`: `null` when it cannot be echoed.
pub(crate) fn attempted(value: &dyn Echo, max: usize) -> Value {
    value
        .echo_json(max)
        .and_then(|json| serde_json::from_slice(&json).ok())
        .unwrap_or(Value::Null)
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
