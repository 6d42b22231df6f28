//! What a client call can fail with.

use std::fmt::{self, Write as _};
use std::time::Duration;

use super::redact::{Capped, BODY_EXCERPT_BYTES};
use crate::query::QueryError;
use crate::ValidationErrors;

/// At most this many bytes of a failure list are written by the `Display`
/// and `Debug` of an [`Error`] (the list itself is kept whole).
const ERRORS_SHOWN_BYTES: usize = 2 * BODY_EXCERPT_BYTES;

/// What went wrong with a request.
///
/// Nothing secret is ever in an error: credentials the server echoed back
/// are replaced by `<redacted>` wherever a server's words are kept (bodies,
/// failures, locations), and the `AttemptedValue` of a `#[sensitive]`
/// field is `null`. Server bodies are quoted at most
/// [`BODY_EXCERPT_BYTES`] long, and `Display` / `Debug` print at most a few
/// KiB of a failure list.
#[non_exhaustive]
pub enum Error {
    /// The record failed its rules before it was sent; **no request was
    /// made**.
    Invalid(ValidationErrors),
    /// The server did not accept the record: HTTP 400 with the Nexudus
    /// body, or a 2xx whose body does not say `"WasSuccessful": true`.
    Rejected {
        /// The HTTP status (400, or 200).
        status: u16,
        /// The failures the server listed, in its order; when it listed
        /// none, its `Message` (or a note that it did not report success)
        /// as one failure with `PropertyName` `""`.
        errors: ValidationErrors,
    },
    /// The server was still throttling (409/429) after every retry.
    Throttled {
        /// The last HTTP status, 409 or 429.
        status: u16,
        /// The last `Retry-After`, when it was a number of seconds.
        retry_after: Option<Duration>,
        /// How many requests were sent.
        attempts: u32,
        /// The start of the last answer's body (see [`Error::Status`]).
        body: String,
    },
    /// Any other unsuccessful status (401, 403, 404, 500, ...).
    Status {
        /// The HTTP status.
        status: u16,
        /// The start of the answer's body, as text: at most
        /// [`BODY_EXCERPT_BYTES`], credentials redacted.
        body: String,
    },
    /// The server answered with a redirect (3xx). The client follows none:
    /// a write sent again elsewhere (or turned into a `GET`, as browsers
    /// do) must not pass for a success.
    Redirected {
        /// The HTTP status (301, 302, 303, 307, 308, ...).
        status: u16,
        /// The `Location` the server named, credentials redacted, when
        /// there was one.
        location: Option<String>,
    },
    /// No complete answer came within [`Client::timeout`](super::Client::timeout).
    Timeout {
        /// The time limit of the request.
        after: Duration,
    },
    /// The answer's body is larger than
    /// [`Client::max_response_bytes`](super::Client::max_response_bytes);
    /// it was not read further.
    TooLarge {
        /// The HTTP status.
        status: u16,
        /// The limit, in bytes.
        limit: usize,
    },
    /// The answer could not be read as what was expected: a record (or a
    /// list) whose value at `path` does not read.
    Decode {
        /// The HTTP status.
        status: u16,
        /// The resource whose records were read (`""` for the token
        /// endpoint).
        resource: &'static str,
        /// The JSON path of the value that did not read: `Records[3].FromTime`
        /// is the fourth record of a page, `FromTime` a record's field,
        /// `.` the whole answer.
        path: String,
        /// The value there, at most
        /// [`DECODE_EXCERPT_BYTES`](super::DECODE_EXCERPT_BYTES) bytes, with
        /// credentials, `#[sensitive]` values, e-mail addresses and
        /// token-like strings redacted.
        body: String,
        /// What did not parse, as serde_json says it, redacted the same way.
        reason: String,
    },
    /// The resource has no known endpoint (its `PATH` is empty, as for the
    /// generated entities no source places); **no request was made**.
    NoEndpoint {
        /// The resource's name.
        resource: &'static str,
    },
    /// A walk over the pages of a list ([`Pages`](super::Pages)) read its
    /// limit of pages and the server still said a next page follows.
    TooManyPages {
        /// The most pages the walk reads
        /// ([`Pages::max_pages`](super::Pages::max_pages)).
        limit: u32,
    },
    /// The list query does not fit the resource (a filter its list does
    /// not have, a value its filter does not take, ...); **no request was
    /// made**.
    Query(QueryError),
    /// The API has no such operation for the resource (a registry
    /// resource's [`Operations`](crate::ops::Operations)); **no request
    /// was made**. For a typed call, the same mistake does not compile.
    Unsupported {
        /// The resource's name.
        resource: &'static str,
        /// The operation: `list`, `get`, `create`, `update` or `delete`.
        operation: &'static str,
    },
    /// The record could not be serialized to JSON.
    Serialize(serde_json::Error),
    /// The request could not be sent or its answer not received.
    Transport(reqwest::Error),
}

impl Error {
    /// The failures of [`Error::Invalid`] and [`Error::Rejected`].
    pub fn validation_errors(&self) -> Option<&ValidationErrors> {
        match self {
            Self::Invalid(errors) | Self::Rejected { errors, .. } => Some(errors),
            _ => None,
        }
    }

    /// The failures of [`Error::Invalid`] and [`Error::Rejected`],
    /// consuming the error.
    pub fn into_validation_errors(self) -> Option<ValidationErrors> {
        match self {
            Self::Invalid(errors) | Self::Rejected { errors, .. } => Some(errors),
            _ => None,
        }
    }

    /// The HTTP status of the last answer, when there was one.
    pub fn http_status(&self) -> Option<u16> {
        match self {
            Self::Rejected { status, .. }
            | Self::Throttled { status, .. }
            | Self::Status { status, .. }
            | Self::Redirected { status, .. }
            | Self::TooLarge { status, .. }
            | Self::Decode { status, .. } => Some(*status),
            Self::Transport(error) => error.status().map(|s| s.as_u16()),
            Self::Invalid(_)
            | Self::Serialize(_)
            | Self::Timeout { .. }
            | Self::NoEndpoint { .. }
            | Self::Query(_)
            | Self::Unsupported { .. }
            | Self::TooManyPages { .. } => None,
        }
    }

    /// `false` when the error was found before any request was sent.
    pub fn was_sent(&self) -> bool {
        !matches!(
            self,
            Self::Invalid(_)
                | Self::Serialize(_)
                | Self::NoEndpoint { .. }
                | Self::Query(_)
                | Self::Unsupported { .. }
        )
    }

    /// Whether the request ran out of time ([`Error::Timeout`]).
    pub fn is_timeout(&self) -> bool {
        matches!(self, Self::Timeout { .. })
    }
}

/// `errors`, at most [`ERRORS_SHOWN_BYTES`] of them.
fn write_errors(f: &mut fmt::Formatter<'_>, errors: &ValidationErrors, debug: bool) -> fmt::Result {
    let mut out = Capped::new(f, ERRORS_SHOWN_BYTES);
    if debug {
        write!(out, "{errors:?}")?;
    } else {
        write!(out, "{errors}")?;
    }
    out.finish()
}

/// A failure list in `Debug`, cut short.
struct ShortDebug<'a>(&'a ValidationErrors);

impl fmt::Debug for ShortDebug<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_errors(f, self.0, true)
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Invalid(errors) => f.debug_tuple("Invalid").field(&ShortDebug(errors)).finish(),
            Self::Rejected { status, errors } => f
                .debug_struct("Rejected")
                .field("status", status)
                .field("errors", &ShortDebug(errors))
                .finish(),
            Self::Throttled {
                status,
                retry_after,
                attempts,
                body,
            } => f
                .debug_struct("Throttled")
                .field("status", status)
                .field("retry_after", retry_after)
                .field("attempts", attempts)
                .field("body", body)
                .finish(),
            Self::Status { status, body } => f
                .debug_struct("Status")
                .field("status", status)
                .field("body", body)
                .finish(),
            Self::Redirected { status, location } => f
                .debug_struct("Redirected")
                .field("status", status)
                .field("location", location)
                .finish(),
            Self::Timeout { after } => f.debug_struct("Timeout").field("after", after).finish(),
            Self::TooLarge { status, limit } => f
                .debug_struct("TooLarge")
                .field("status", status)
                .field("limit", limit)
                .finish(),
            Self::Decode {
                status,
                resource,
                path,
                body,
                reason,
            } => f
                .debug_struct("Decode")
                .field("status", status)
                .field("resource", resource)
                .field("path", path)
                .field("body", body)
                .field("reason", reason)
                .finish(),
            Self::NoEndpoint { resource } => f
                .debug_struct("NoEndpoint")
                .field("resource", resource)
                .finish(),
            Self::TooManyPages { limit } => f
                .debug_struct("TooManyPages")
                .field("limit", limit)
                .finish(),
            Self::Query(error) => f.debug_tuple("Query").field(error).finish(),
            Self::Unsupported {
                resource,
                operation,
            } => f
                .debug_struct("Unsupported")
                .field("resource", resource)
                .field("operation", operation)
                .finish(),
            Self::Serialize(source) => f.debug_tuple("Serialize").field(source).finish(),
            Self::Transport(source) => f.debug_tuple("Transport").field(source).finish(),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Invalid(errors) => {
                f.write_str("invalid record, not sent:\n")?;
                write_errors(f, errors, false)
            }
            Self::Rejected { status, errors } => {
                writeln!(f, "the server rejected the record (HTTP {status}):")?;
                write_errors(f, errors, false)
            }
            Self::Throttled {
                status, attempts, ..
            } => write!(
                f,
                "still throttled (HTTP {status}) after {attempts} attempts"
            ),
            Self::Status { status, body } => {
                write!(f, "HTTP {status}")?;
                let body = body.trim();
                if !body.is_empty() {
                    write!(f, ": {body}")?;
                }
                Ok(())
            }
            Self::Redirected { status, location } => {
                write!(f, "HTTP {status}: redirected")?;
                if let Some(location) = location {
                    write!(f, " to {location}")?;
                }
                f.write_str(", not followed")
            }
            Self::Timeout { after } => write!(f, "no complete answer within {after:?}"),
            Self::TooLarge { status, limit } => write!(
                f,
                "the answer (HTTP {status}) is larger than the limit of {limit} bytes"
            ),
            Self::Decode {
                status,
                resource,
                path,
                body,
                reason,
            } => {
                write!(f, "unexpected answer (HTTP {status})")?;
                if !resource.is_empty() {
                    write!(f, " for {resource}")?;
                }
                if path != "." {
                    write!(f, " at {path}")?;
                }
                write!(f, ": {reason}")?;
                if !body.is_empty() && path != "." {
                    write!(f, " (the value: {body})")?;
                }
                Ok(())
            }
            Self::NoEndpoint { resource } => {
                write!(f, "{resource} has no known endpoint; nothing was sent")
            }
            Self::TooManyPages { limit } => write!(
                f,
                "the server still had a next page after {limit} pages, the limit; stopped"
            ),
            Self::Query(error) => write!(f, "{error}; nothing was sent"),
            Self::Unsupported {
                resource,
                operation,
            } => write!(
                f,
                "the Nexudus API cannot {operation} {resource} records; nothing was sent"
            ),
            Self::Serialize(source) => write!(f, "the record does not serialize: {source}"),
            Self::Transport(source) => write!(f, "request failed: {source}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Serialize(source) => Some(source),
            Self::Transport(source) => Some(source),
            Self::Query(source) => Some(source),
            _ => None,
        }
    }
}

/// A record that failed before it was sent.
impl From<ValidationErrors> for Error {
    fn from(errors: ValidationErrors) -> Self {
        Self::Invalid(errors)
    }
}
