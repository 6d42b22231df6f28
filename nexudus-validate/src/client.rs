//! Client side (feature `client`): a Nexudus REST client that validates a
//! record before it sends it.
//!
//! [`Client::update`] and [`Client::create`] run the resource's rules first
//! and return [`Error::Invalid`] **without sending anything** when they
//! fail. A record the server turns down (HTTP 400, or a 200 whose body says
//! `"WasSuccessful": false`) comes back as [`Error::Rejected`] holding the
//! same [`ValidationErrors`] type, read from the Nexudus body; either way
//! [`Error::validation_errors`] gives the failures.
//!
//! ```no_run
//! use nexudus_validate::client::{Client, Error};
//! # use nexudus_validate::NexudusResource;
//! # use serde::{Deserialize, Serialize};
//! # #[derive(Default, Serialize, Deserialize, NexudusResource)]
//! # #[serde(rename_all = "PascalCase")]
//! # #[nexudus(name = "Workspace", path = "/api/collaboration/workspaces")]
//! # struct Workspace {
//! #     #[required(update)] id: Option<i64>,
//! #     #[required] name: Option<String>,
//! # }
//! // `Workspace` is `nexudus_validate::resources::Workspace` or any other
//! // `#[derive(NexudusResource)]` type.
//!
//! # async fn run() -> Result<(), Error> {
//! let client = Client::token("https://spaces.nexudus.com", "admin@example.com", "secret").await?;
//!
//! // Change one field: read the record, edit it, send all of it back.
//! client.modify::<Workspace, _>(87654321, |w| w.name = Some("Design team".into())).await?;
//!
//! // A record that fails the rules is never sent.
//! let draft = Workspace { name: Some("  ".into()), ..Workspace::default() };
//! let errors = client.create(&draft).await.unwrap_err();
//! assert!(!errors.was_sent());
//! println!("{}", errors.validation_errors().unwrap());
//! # Ok(()) }
//! ```
//!
//! # Throttling
//!
//! Nexudus answers a client that sends too much with 409 or 429 and a
//! `Retry-After` header (seconds). The client waits that long, capped at
//! [`Client::max_retry_wait`] (10 seconds unless changed), and tries again,
//! at most [`Client::max_retries`] times (3 unless changed); then it gives
//! up with [`Error::Throttled`]. A 429 without a usable `Retry-After` waits
//! one second (capped); a 409 without one is a real conflict and is not
//! retried.
//!
//! # TLS
//!
//! HTTPS uses rustls with the *ring* provider and the Mozilla root
//! certificates (reqwest's `rustls-tls` feature), which builds with only a C
//! compiler. To use other roots or settings, build a `reqwest::Client`
//! yourself and pass it to [`Client::with_http_client`].

use std::fmt;
use std::time::Duration;

use reqwest::header::{HeaderMap, RETRY_AFTER};
use reqwest::{Method, RequestBuilder, StatusCode};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::{NexudusResource, Operation, SuccessResponse, ValidationErrors, ValidationFailure};

/// How many times a throttled request is retried unless told otherwise.
pub const DEFAULT_MAX_RETRIES: u32 = 3;
/// The longest wait between two tries unless told otherwise.
pub const DEFAULT_MAX_RETRY_WAIT: Duration = Duration::from_secs(10);
/// How long to wait after a 429 that names no usable `Retry-After`.
const DEFAULT_RETRY_WAIT: Duration = Duration::from_secs(1);

/// A Nexudus REST API client: a base URL, credentials and a
/// `reqwest::Client`. Cheap to clone (the connection pool is shared).
#[derive(Clone)]
pub struct Client {
    http: reqwest::Client,
    base_url: String,
    auth: Auth,
    max_retries: u32,
    max_retry_wait: Duration,
}

#[derive(Clone)]
enum Auth {
    None,
    Bearer(String),
    Basic { user: String, password: String },
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let auth = match &self.auth {
            Auth::None => "none",
            Auth::Bearer(_) => "bearer <redacted>",
            Auth::Basic { .. } => "basic <redacted>",
        };
        f.debug_struct("Client")
            .field("base_url", &self.base_url)
            .field("auth", &auth)
            .field("max_retries", &self.max_retries)
            .field("max_retry_wait", &self.max_retry_wait)
            .finish_non_exhaustive()
    }
}

impl Client {
    /// A client of the API at `base_url` (`https://spaces.nexudus.com`;
    /// resource paths such as `/api/spaces/visitors` are appended to it),
    /// without credentials.
    ///
    /// # Panics
    ///
    /// When the TLS backend cannot be initialised (as `reqwest::Client::new`).
    pub fn new(base_url: impl Into<String>) -> Self {
        let http = reqwest::Client::builder()
            .user_agent(concat!("nexudus-validate/", env!("CARGO_PKG_VERSION")))
            .build()
            .expect("the HTTP client can be built");
        let mut base_url = base_url.into();
        while base_url.ends_with('/') {
            base_url.pop();
        }
        Self {
            http,
            base_url,
            auth: Auth::None,
            max_retries: DEFAULT_MAX_RETRIES,
            max_retry_wait: DEFAULT_MAX_RETRY_WAIT,
        }
    }

    /// Uses `http` to send requests (for timeouts, proxies, TLS roots, ...).
    pub fn with_http_client(mut self, http: reqwest::Client) -> Self {
        self.http = http;
        self
    }

    /// Sends `Authorization: Bearer <token>`.
    pub fn bearer(mut self, token: impl Into<String>) -> Self {
        self.auth = Auth::Bearer(token.into());
        self
    }

    /// Sends `Authorization: Basic ..` with a user name (the email) and a
    /// password.
    pub fn basic(mut self, user: impl Into<String>, password: impl Into<String>) -> Self {
        self.auth = Auth::Basic {
            user: user.into(),
            password: password.into(),
        };
        self
    }

    /// How many times a throttled request (409/429 with `Retry-After`) is
    /// tried again before [`Error::Throttled`]; `0` never retries.
    pub fn max_retries(mut self, retries: u32) -> Self {
        self.max_retries = retries;
        self
    }

    /// The longest wait before a retry, whatever `Retry-After` asks for.
    pub fn max_retry_wait(mut self, wait: Duration) -> Self {
        self.max_retry_wait = wait;
        self
    }

    /// The base URL, without a trailing `/`.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// Logs in: `POST {base_url}/api/token` with the form
    /// `grant_type=password&username=..&password=..`, and returns a client
    /// that sends the `access_token` of the answer as a bearer token.
    pub async fn token(
        base_url: impl Into<String>,
        username: &str,
        password: &str,
    ) -> Result<Self, Error> {
        Self::new(base_url).login(username, password).await
    }

    /// [`Client::token`] for a client already set up (HTTP client, retries):
    /// returns it with the new bearer token.
    pub async fn login(self, username: &str, password: &str) -> Result<Self, Error> {
        #[derive(Deserialize)]
        struct TokenAnswer {
            access_token: String,
        }
        let url = format!("{}/api/token", self.base_url);
        let form = [
            ("grant_type", "password"),
            ("username", username),
            ("password", password),
        ];
        let (status, body) = self.execute(|| self.http.post(&url).form(&form)).await?;
        if !status.is_success() {
            return Err(Error::status(status, &body));
        }
        let answer: TokenAnswer = decode(status, &body)?;
        Ok(self.bearer(answer.access_token))
    }

    /// Updates a record: validates it for [`Operation::Update`] (nothing is
    /// sent if that fails), then `PUT`s it as JSON to `T::PATH`.
    ///
    /// An update replaces the **whole** record on the server: fields left
    /// out are cleared. To change some fields of a stored record, use
    /// [`Client::modify`].
    pub async fn update<T>(&self, record: &T) -> Result<SuccessResponse, Error>
    where
        T: NexudusResource + Serialize,
    {
        let body = prepare(record, Operation::Update)?;
        self.send_record(Method::PUT, T::PATH, &body).await
    }

    /// Creates a record: validates it for [`Operation::Create`] (nothing is
    /// sent if that fails), then `POST`s it as JSON to `T::PATH`. The new
    /// record's `Id` is [`SuccessResponse::id`].
    pub async fn create<T>(&self, record: &T) -> Result<SuccessResponse, Error>
    where
        T: NexudusResource + Serialize,
    {
        let body = prepare(record, Operation::Create)?;
        self.send_record(Method::POST, T::PATH, &body).await
    }

    /// Reads a record: `GET T::PATH/{id}`, decoded into a `T` (not
    /// validated). A missing record is [`Error::Status`] with status 404.
    pub async fn get<T>(&self, id: i64) -> Result<T, Error>
    where
        T: NexudusResource + DeserializeOwned,
    {
        let value = self.get_value(T::PATH, id).await?;
        serde_json::from_value(value.body).map_err(|source| Error::Decode {
            status: value.status.as_u16(),
            body: value.text,
            source,
        })
    }

    /// Changes a record safely: reads it, applies `change`, validates the
    /// result for [`Operation::Update`] and sends the whole record back.
    ///
    /// Keys of the stored record that `T` does not model are sent back as
    /// they were read, so a model that lacks some of the server's fields
    /// does not clear them. A field of `T` that `change` sets to `None` (and
    /// that `T` then leaves out of its JSON) is left out, which clears it.
    pub async fn modify<T, F>(&self, id: i64, change: F) -> Result<SuccessResponse, Error>
    where
        T: NexudusResource + Serialize + DeserializeOwned,
        F: FnOnce(&mut T),
    {
        let read = self.get_value(T::PATH, id).await?;
        let mut record: T =
            serde_json::from_value(read.body.clone()).map_err(|source| Error::Decode {
                status: read.status.as_u16(),
                body: read.text,
                source,
            })?;
        change(&mut record);
        let changed = prepare(&record, Operation::Update)?;
        let body = merge_known_fields::<T>(read.body, changed);
        self.send_record(Method::PUT, T::PATH, &body).await
    }

    async fn get_value(&self, path: &str, id: i64) -> Result<Read, Error> {
        let url = format!("{}{}/{}", self.base_url, path, id);
        let (status, bytes) = self.execute(|| self.http.get(&url)).await?;
        if !status.is_success() {
            return Err(Error::status(status, &bytes));
        }
        let body = decode(status, &bytes)?;
        Ok(Read {
            status,
            body,
            text: String::from_utf8_lossy(&bytes).into_owned(),
        })
    }

    async fn send_record(
        &self,
        method: Method,
        path: &str,
        body: &Value,
    ) -> Result<SuccessResponse, Error> {
        let url = format!("{}{}", self.base_url, path);
        let (status, bytes) = self
            .execute(|| self.http.request(method.clone(), &url).json(body))
            .await?;
        read_envelope(status, &bytes)
    }

    /// Sends the request `build` makes, with credentials, retrying while it
    /// is throttled; the final status and body.
    async fn execute(
        &self,
        build: impl Fn() -> RequestBuilder,
    ) -> Result<(StatusCode, Vec<u8>), Error> {
        let mut attempt = 0;
        loop {
            let request = match &self.auth {
                Auth::None => build(),
                Auth::Bearer(token) => build().bearer_auth(token),
                Auth::Basic { user, password } => build().basic_auth(user, Some(password)),
            };
            let response = request.send().await.map_err(Error::Transport)?;
            let status = response.status();
            let wait = throttle_wait(status, response.headers());
            let retry_after = retry_after(response.headers());
            let body = response.bytes().await.map_err(Error::Transport)?.to_vec();
            match wait {
                Some(wait) if attempt < self.max_retries => {
                    attempt += 1;
                    tokio::time::sleep(wait.min(self.max_retry_wait)).await;
                }
                Some(_) => {
                    return Err(Error::Throttled {
                        status: status.as_u16(),
                        retry_after,
                        attempts: attempt + 1,
                        body: String::from_utf8_lossy(&body).into_owned(),
                    })
                }
                None => return Ok((status, body)),
            }
        }
    }
}

/// A record read with `GET`.
struct Read {
    status: StatusCode,
    body: Value,
    text: String,
}

/// Validates `record` for `operation` and turns it into the JSON to send.
fn prepare<T: NexudusResource + Serialize>(
    record: &T,
    operation: Operation,
) -> Result<Value, Error> {
    record.validate_for(operation).map_err(Error::Invalid)?;
    serde_json::to_value(record).map_err(Error::Serialize)
}

/// `read` with every key that `T` models replaced by what `changed` says
/// (or removed, when `changed` leaves it out); other keys are kept.
fn merge_known_fields<T: NexudusResource>(read: Value, changed: Value) -> Value {
    let (mut read, changed) = match (read, changed) {
        (Value::Object(read), Value::Object(changed)) => (read, changed),
        (_, changed) => return changed,
    };
    for field in T::FIELDS {
        read.remove(field.wire_name());
        for alias in field.aliases() {
            read.remove(*alias);
        }
    }
    let mut merged = Map::with_capacity(read.len() + changed.len());
    merged.extend(read);
    merged.extend(changed);
    Value::Object(merged)
}

/// How long to wait before retrying, when the answer says to.
fn throttle_wait(status: StatusCode, headers: &HeaderMap) -> Option<Duration> {
    let retry_after = retry_after(headers);
    match status {
        StatusCode::TOO_MANY_REQUESTS => Some(retry_after.unwrap_or(DEFAULT_RETRY_WAIT)),
        StatusCode::CONFLICT => retry_after,
        _ => None,
    }
}

/// `Retry-After` in whole seconds (the HTTP-date form is not read).
fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let text = headers.get(RETRY_AFTER)?.to_str().ok()?;
    text.trim().parse::<u64>().ok().map(Duration::from_secs)
}

fn decode<T: DeserializeOwned>(status: StatusCode, bytes: &[u8]) -> Result<T, Error> {
    serde_json::from_slice(bytes).map_err(|source| Error::Decode {
        status: status.as_u16(),
        body: String::from_utf8_lossy(bytes).into_owned(),
        source,
    })
}

/// The answer to a create or update: the 200 body, the failures of a 400
/// (or of a 200 that was not successful), or the status.
fn read_envelope(status: StatusCode, bytes: &[u8]) -> Result<SuccessResponse, Error> {
    if status.is_success() {
        let value: Value = decode(status, bytes)?;
        if value.get("WasSuccessful") == Some(&Value::Bool(false)) {
            if let Some(errors) = envelope_errors(&value) {
                return Err(Error::Rejected {
                    status: status.as_u16(),
                    errors,
                });
            }
        }
        return serde_json::from_value(value).map_err(|source| Error::Decode {
            status: status.as_u16(),
            body: String::from_utf8_lossy(bytes).into_owned(),
            source,
        });
    }
    if status == StatusCode::BAD_REQUEST {
        if let Some(errors) = serde_json::from_slice::<Value>(bytes)
            .ok()
            .as_ref()
            .and_then(envelope_errors)
        {
            return Err(Error::Rejected {
                status: status.as_u16(),
                errors,
            });
        }
    }
    Err(Error::status(status, bytes))
}

/// The failures of a Nexudus envelope: its `Errors`, or, when there are
/// none, its `Message` as one failure with `PropertyName` `""`. `None` when
/// the body is not an envelope or names no failure.
fn envelope_errors(value: &Value) -> Option<ValidationErrors> {
    let object = value.as_object()?;
    if !object.contains_key("Errors") && !object.contains_key("WasSuccessful") {
        return None;
    }
    let errors = match object.get("Errors") {
        Some(errors @ Value::Array(_)) => ValidationErrors::deserialize(errors).ok()?,
        _ => ValidationErrors::new(),
    };
    if !errors.is_empty() {
        return Some(errors);
    }
    match object.get("Message").and_then(Value::as_str) {
        Some(message) if !message.is_empty() => {
            Some(ValidationFailure::new("", message.to_owned(), Value::Null).into())
        }
        _ => None,
    }
}

/// What went wrong with a request.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// The record failed its rules before it was sent; **no request was
    /// made**.
    Invalid(ValidationErrors),
    /// The server turned the record down: HTTP 400 with the Nexudus body,
    /// or a 200 whose body says `"WasSuccessful": false`.
    Rejected {
        /// The HTTP status (400, or 200).
        status: u16,
        /// The failures the server listed, in its order.
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
        /// The last answer's body.
        body: String,
    },
    /// Any other unsuccessful status (401, 403, 404, 500, ...).
    Status {
        /// The HTTP status.
        status: u16,
        /// The answer's body, as text.
        body: String,
    },
    /// The answer could not be read as what was expected.
    Decode {
        /// The HTTP status.
        status: u16,
        /// The answer's body, as text.
        body: String,
        /// What did not parse.
        source: serde_json::Error,
    },
    /// The record could not be serialized to JSON.
    Serialize(serde_json::Error),
    /// The request could not be sent or its answer not received.
    Transport(reqwest::Error),
}

impl Error {
    fn status(status: StatusCode, body: &[u8]) -> Self {
        Self::Status {
            status: status.as_u16(),
            body: String::from_utf8_lossy(body).into_owned(),
        }
    }

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
            | Self::Decode { status, .. } => Some(*status),
            Self::Transport(error) => error.status().map(|s| s.as_u16()),
            Self::Invalid(_) | Self::Serialize(_) => None,
        }
    }

    /// `false` when the error was found before any request was sent.
    pub fn was_sent(&self) -> bool {
        !matches!(self, Self::Invalid(_) | Self::Serialize(_))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Invalid(errors) => write!(f, "invalid record, not sent:\n{errors}"),
            Self::Rejected { status, errors } => {
                write!(
                    f,
                    "the server rejected the record (HTTP {status}):\n{errors}"
                )
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
            Self::Decode { status, source, .. } => {
                write!(f, "unexpected answer (HTTP {status}): {source}")
            }
            Self::Serialize(source) => write!(f, "the record does not serialize: {source}"),
            Self::Transport(source) => write!(f, "request failed: {source}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Decode { source, .. } | Self::Serialize(source) => Some(source),
            Self::Transport(source) => Some(source),
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

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    #[test]
    fn waits() {
        let mut headers = HeaderMap::new();
        assert_eq!(throttle_wait(StatusCode::OK, &headers), None);
        assert_eq!(throttle_wait(StatusCode::CONFLICT, &headers), None);
        assert_eq!(
            throttle_wait(StatusCode::TOO_MANY_REQUESTS, &headers),
            Some(DEFAULT_RETRY_WAIT)
        );
        headers.insert(RETRY_AFTER, HeaderValue::from_static(" 7 "));
        assert_eq!(
            throttle_wait(StatusCode::CONFLICT, &headers),
            Some(Duration::from_secs(7))
        );
        headers.insert(
            RETRY_AFTER,
            HeaderValue::from_static("Wed, 21 Oct 2015 07:28:00 GMT"),
        );
        assert_eq!(throttle_wait(StatusCode::CONFLICT, &headers), None);
    }

    #[test]
    fn envelopes() {
        let body = br#"{"Message":"Name: is a required field","Value":null,"Errors":[{"AttemptedValue":" ","Message":"is a required field","PropertyName":"Name"}],"WasSuccessful":false}"#;
        let error = read_envelope(StatusCode::BAD_REQUEST, body).unwrap_err();
        let errors = error.validation_errors().unwrap();
        assert_eq!(errors.to_string(), "Name: is a required field");
        assert_eq!(errors.first().unwrap().attempted_value(), " ");
        assert!(error.was_sent());

        // A 200 that says it failed.
        let error = read_envelope(StatusCode::OK, body).unwrap_err();
        assert!(matches!(error, Error::Rejected { status: 200, .. }));

        // A message without failures.
        let body = br#"{"Message":"You do not have permission.","Value":null,"Errors":null,"WasSuccessful":false}"#;
        let error = read_envelope(StatusCode::BAD_REQUEST, body).unwrap_err();
        assert_eq!(
            error.validation_errors().unwrap().to_string(),
            "You do not have permission."
        );

        // Not an envelope.
        let error = read_envelope(StatusCode::BAD_REQUEST, b"Bad Request").unwrap_err();
        assert!(matches!(error, Error::Status { status: 400, .. }));
        let error = read_envelope(StatusCode::BAD_REQUEST, br#"{"error":"x"}"#).unwrap_err();
        assert!(matches!(error, Error::Status { status: 400, .. }));
        let error = read_envelope(StatusCode::OK, b"<html>").unwrap_err();
        assert!(matches!(error, Error::Decode { status: 200, .. }));
    }

    #[test]
    fn base_url_and_debug() {
        let client = Client::new("http://127.0.0.1:1//").basic("me", "secret");
        assert_eq!(client.base_url(), "http://127.0.0.1:1");
        let debug = format!("{client:?}");
        assert!(!debug.contains("secret"), "{debug}");
        let debug = format!("{:?}", client.bearer("tok3n"));
        assert!(!debug.contains("tok3n"), "{debug}");
    }
}
