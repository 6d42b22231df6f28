//! Nexudus dates: the space's local wall-clock time.

use std::fmt;
use std::str::FromStr;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use serde::{de, Deserialize, Deserializer, Serialize, Serializer};

/// A Nexudus date and time.
///
/// Nexudus stores dates as the space's **local wall-clock time**. They are
/// written with or without a trailing `Z` (which means nothing: it is not
/// UTC) and with or without fractional seconds. This type reads every form
/// and never shifts the hours; it writes the documentation's form,
/// `2025-01-15T10:30:00Z` (with fractional seconds only when there are some).
///
/// A 60th second (`10:30:60`) is **rejected**, as .NET's `DateTime` (the
/// Nexudus backend) rejects it: reading it as `10:30:59`, or as the next
/// minute, would make a value that does not write back as it was sent.
/// Every value that reads writes back the same. (A chrono leap second
/// wrapped with [`NexudusDateTime::new`] is written with second `60`, as
/// what it is, and so is refused when read back.)
///
/// ```
/// use nexudus_validate::NexudusDateTime;
///
/// let a: NexudusDateTime = "2025-01-15T10:30:00Z".parse().unwrap();
/// let b: NexudusDateTime = "2025-01-15T10:30:00.000".parse().unwrap();
/// assert_eq!(a, b);
/// assert_eq!(a.to_string(), "2025-01-15T10:30:00Z");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NexudusDateTime(NaiveDateTime);

/// Why a string is not a Nexudus date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseDateTimeError {
    input: String,
}

impl fmt::Display for ParseDateTimeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "'{}' is not a date in the form 2025-01-15T10:30:00Z",
            self.input
        )
    }
}

impl std::error::Error for ParseDateTimeError {}

impl NexudusDateTime {
    /// Wraps a wall-clock time.
    pub const fn new(local: NaiveDateTime) -> Self {
        Self(local)
    }

    /// A date and time from its parts; `None` when they name no real time.
    pub fn from_ymd_hms(
        year: i32,
        month: u32,
        day: u32,
        hour: u32,
        min: u32,
        sec: u32,
    ) -> Option<Self> {
        let date = NaiveDate::from_ymd_opt(year, month, day)?;
        let time = NaiveTime::from_hms_opt(hour, min, sec)?;
        Some(Self(NaiveDateTime::new(date, time)))
    }

    /// The wall-clock time.
    pub const fn as_naive(&self) -> &NaiveDateTime {
        &self.0
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS`, optionally followed by fractional
    /// seconds and/or `Z`, or a bare date `YYYY-MM-DD` (midnight). A 60th
    /// second is an error.
    pub fn parse(input: &str) -> Result<Self, ParseDateTimeError> {
        let body = input.strip_suffix('Z').unwrap_or(input);
        if let Some(parsed) = parse_common(body.as_bytes()) {
            return Ok(Self(parsed));
        }
        let err = || ParseDateTimeError {
            input: input.to_owned(),
        };
        if let Ok(date) = NaiveDate::parse_from_str(body, "%Y-%m-%d") {
            if body.len() == 10 {
                return Ok(Self(date.and_time(NaiveTime::MIN)));
            }
        }
        NaiveDateTime::parse_from_str(body, "%Y-%m-%dT%H:%M:%S%.f")
            .ok()
            // chrono reads second 60 as a leap second; Nexudus has none.
            .filter(|parsed| parsed.nanosecond() < 1_000_000_000)
            .map(Self)
            .ok_or_else(err)
    }
}

/// The documented shapes, `YYYY-MM-DD` and `YYYY-MM-DDTHH:MM:SS` with an
/// optional `.` and 1 to 9 digits, read by hand (chrono's format
/// interpreter costs ~30x more). `None` sends anything else, and every
/// value chrono would judge differently (leap seconds, odd years), to
/// chrono.
fn parse_common(b: &[u8]) -> Option<NaiveDateTime> {
    fn digits(b: &[u8]) -> Option<u32> {
        b.iter().try_fold(0u32, |n, &d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    }
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(
        i32::try_from(digits(&b[0..4])?).ok()?,
        digits(&b[5..7])?,
        digits(&b[8..10])?,
    )?;
    if b.len() == 10 {
        return Some(date.and_time(NaiveTime::MIN));
    }
    if b.len() < 19 || b[10] != b'T' || b[13] != b':' || b[16] != b':' {
        return None;
    }
    let nanos = match &b[19..] {
        [] => 0,
        [b'.', fraction @ ..] if (1..=9).contains(&fraction.len()) => {
            digits(fraction)? * 10u32.pow(9 - fraction.len() as u32)
        }
        _ => return None,
    };
    let time = NaiveTime::from_hms_nano_opt(
        digits(&b[11..13])?,
        digits(&b[14..16])?,
        digits(&b[17..19])?,
        nanos,
    )?;
    Some(NaiveDateTime::new(date, time))
}

impl From<NaiveDateTime> for NexudusDateTime {
    fn from(local: NaiveDateTime) -> Self {
        Self(local)
    }
}

impl From<NexudusDateTime> for NaiveDateTime {
    fn from(value: NexudusDateTime) -> Self {
        value.0
    }
}

impl FromStr for NexudusDateTime {
    type Err = ParseDateTimeError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

/// The documentation's form: `2025-01-15T10:30:00Z`, or
/// `2025-01-15T10:30:00.250Z` when there are fractional seconds. A chrono
/// leap second is written as second `60`.
impl fmt::Display for NexudusDateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use chrono::Datelike;
        let d = self.0;
        let leap = u32::from(d.nanosecond() >= 1_000_000_000);
        write!(
            f,
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
            d.year(),
            d.month(),
            d.day(),
            d.hour(),
            d.minute(),
            d.second() + leap
        )?;
        let nanos = d.nanosecond() % 1_000_000_000;
        if nanos != 0 {
            if nanos.is_multiple_of(1_000_000) {
                write!(f, ".{:03}", nanos / 1_000_000)?;
            } else if nanos.is_multiple_of(1_000) {
                write!(f, ".{:06}", nanos / 1_000)?;
            } else {
                write!(f, ".{nanos:09}")?;
            }
        }
        f.write_str("Z")
    }
}

impl Serialize for NexudusDateTime {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for NexudusDateTime {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl de::Visitor<'_> for Visitor {
            type Value = NexudusDateTime;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date string such as 2025-01-15T10:30:00Z")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                NexudusDateTime::parse(v).map_err(E::custom)
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}
