//! Server side (feature `axum`): read request bodies the way Nexudus does
//! and answer with its bodies.
//!
//! - [`NexudusJson<T>`] is an extractor, like `axum::Json<T>`: it reads the
//!   body, validates it for the request's [`Operation`] (`POST` creates,
//!   anything else updates) and rejects an invalid body with **HTTP 400**
//!   and the exact Nexudus 400 body, every failure in field order.
//! - [`ValidationErrors`], [`ErrorResponse`] and [`SuccessResponse`] are
//!   responses (`400`, `400` and `200`, `content-type: application/json`).
//! - [`mock`] is an in-memory stand-in for the Nexudus API, to test a client
//!   against.
//! - [`fallback`] answers unknown paths (404), wrong methods (405) and
//!   oversized headers (431) in the Nexudus envelope.
//! - [`serve`] runs a router with the limits a server on the open network
//!   needs: header and body timeouts, a connection limit.
//!
//! ```
//! use axum::{routing::put, Router};
//! use nexudus_validate::axum::NexudusJson;
//! use nexudus_validate::{NexudusDateTime, NexudusResource, SuccessResponse};
//! use serde::Deserialize;
//!
//! #[derive(Deserialize, NexudusResource)]
//! #[serde(rename_all = "PascalCase")]
//! #[nexudus(name = "Workspace", path = "/api/collaboration/workspaces")]
//! struct Workspace {
//!     #[required(update)]
//!     id: Option<i64>,
//!     #[required]
//!     name: Option<String>,
//! }
//!
//! async fn update(NexudusJson(workspace): NexudusJson<Workspace>) -> SuccessResponse {
//!     // `workspace` passed every Nexudus rule; an invalid body never gets here.
//!     let id = workspace.id.unwrap_or_default();
//!     let now = NexudusDateTime::from_ymd_hms(2025, 1, 15, 10, 30, 0).unwrap();
//!     SuccessResponse::updated::<Workspace>(id, "admin@example.com", now)
//! }
//!
//! let app: Router = Router::new().route(Workspace::PATH, put(update).post(update));
//! ```
//!
//! # Rejections
//!
//! Every rejection is a [`NexudusRejection`] whose body is the Nexudus 400
//! envelope (`Message`, `Value`, `Errors`, `WasSuccessful`):
//!
//! | request | status | `Errors` |
//! |---|---|---|
//! | body fails the resource's rules (or is not JSON, not an object) | 400 | every failure, as [`from_slice_for`](crate::from_slice_for) reports them |
//! | no `Content-Type`, or one that is not `application/json` (nor `application/*+json`) | 400 | one failure, `PropertyName` `""` |
//! | body larger than axum's body limit (`DefaultBodyLimit`, 2 MB unless changed) | **413** | one failure, `PropertyName` `""` |
//! | body that did not arrive in time (`tower_http::timeout::RequestBodyTimeoutLayer`, as [`serve`] sets) | **408** | one failure, `PropertyName` `""` |
//! | body that could not be read (connection dropped, ...) | 400 | one failure, `PropertyName` `""` |
//!
//! A too-large body answers 413 (`Payload Too Large`) rather than 400 so
//! that clients and proxies can tell it from a validation failure; the body
//! keeps the Nexudus shape all the same. What the client sent in a header
//! (a `Content-Type`) is quoted at most [`QUOTED_BYTES`] long.
//!
//! # Large bodies
//!
//! A body of [`BLOCKING_CHECK_BYTES`] or more is checked on tokio's
//! blocking pool, so that the runtime's workers keep answering other
//! requests while it is (an invalid 2 MB body can take a few hundred
//! milliseconds). At most one such check per CPU but one runs at a time
//! (at least one); the others wait for their turn without holding a
//! worker.

use std::borrow::Cow;
use std::fmt;
use std::ops::{Deref, DerefMut};
use std::sync::OnceLock;

use ::axum::body::{Body, Bytes};
use ::axum::extract::rejection::BytesRejection;
use ::axum::extract::{FromRequest, Request};
use ::axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use ::axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

use crate::{
    Code, ErrorResponse, NexudusResource, Operation, SuccessResponse, ValidationErrors,
    ValidationFailure,
};

pub mod fallback;
pub mod mock;
pub mod serve;

/// What a client sent is quoted at most this many bytes long in an answer
/// (a `Content-Type`, a path).
pub const QUOTED_BYTES: usize = 64;

/// Bodies at least this large are validated on tokio's blocking pool (see
/// [Large bodies](self#large-bodies)).
pub const BLOCKING_CHECK_BYTES: usize = 16 * 1024;

/// A request body that passed the Nexudus rules of `T`, or a response body
/// serialized as JSON: the Nexudus counterpart of `axum::Json<T>`.
///
/// As an extractor it must be the last argument of a handler (it reads the
/// body). The body is validated for [`Operation::Create`] on `POST` and for
/// [`Operation::Update`] on every other method (see [`operation_for`]).
/// On failure the handler is not called and the client gets a
/// [`NexudusRejection`]: HTTP 400 with the Nexudus body.
///
/// As a response it answers 200 with `T` as JSON.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct NexudusJson<T>(pub T);

impl<T> NexudusJson<T> {
    /// The wrapped value.
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> Deref for NexudusJson<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> DerefMut for NexudusJson<T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.0
    }
}

impl<T> From<T> for NexudusJson<T> {
    fn from(value: T) -> Self {
        Self(value)
    }
}

/// Which [`Operation`] a request method stands for: `POST` creates a
/// record, every other method (`PUT` in Nexudus) replaces one.
pub fn operation_for(method: &Method) -> Operation {
    if method == Method::POST {
        Operation::Create
    } else {
        Operation::Update
    }
}

impl<T, S> FromRequest<S> for NexudusJson<T>
where
    T: NexudusResource + DeserializeOwned + Send + 'static,
    S: Send + Sync,
{
    type Rejection = NexudusRejection;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let (bytes, operation) = read_json_body(req, state).await?;
        check_body(bytes, operation, crate::from_slice_for::<T>)
            .await
            .map(NexudusJson)
    }
}

/// A raw-body check: the checked result, or every failure.
pub(crate) type BodyCheck<R> = fn(&[u8], Operation) -> Result<R, ValidationErrors>;

/// The body of a request that says it is JSON, and the [`Operation`] its
/// method stands for.
pub(crate) async fn read_json_body<S: Send + Sync>(
    req: Request,
    state: &S,
) -> Result<(Bytes, Operation), NexudusRejection> {
    let operation = operation_for(req.method());
    check_content_type(req.headers())?;
    let bytes = Bytes::from_request(req, state)
        .await
        .map_err(NexudusRejection::from_bytes_rejection)?;
    Ok((bytes, operation))
}

/// `check` on `bytes`: inline for a small body, on the blocking pool for a
/// large one (see [Large bodies](self#large-bodies)).
pub(crate) async fn check_body<R: Send + 'static>(
    bytes: Bytes,
    operation: Operation,
    check: BodyCheck<R>,
) -> Result<R, NexudusRejection> {
    if bytes.len() < BLOCKING_CHECK_BYTES {
        return check(&bytes, operation).map_err(NexudusRejection::from);
    }
    let Ok(runtime) = tokio::runtime::Handle::try_current() else {
        return check(&bytes, operation).map_err(NexudusRejection::from);
    };
    // The semaphore is never closed: a permit always comes. The check
    // holds it, also when the request is dropped while it runs.
    let turn = large_body_turns().acquire().await;
    let checking = move || {
        let _turn = turn;
        check(&bytes, operation)
    };
    match runtime.spawn_blocking(checking).await {
        Ok(checked) => checked.map_err(NexudusRejection::from),
        Err(join) if join.is_panic() => std::panic::resume_unwind(join.into_panic()),
        Err(_) => Err(NexudusRejection::request(
            StatusCode::SERVICE_UNAVAILABLE,
            "The server is shutting down; the body was not checked.".to_owned(),
        )),
    }
}

/// Turns for checking large bodies: one per CPU but one, at least one.
fn large_body_turns() -> &'static tokio::sync::Semaphore {
    static TURNS: OnceLock<tokio::sync::Semaphore> = OnceLock::new();
    TURNS.get_or_init(|| {
        let cpus = std::thread::available_parallelism().map_or(1, usize::from);
        tokio::sync::Semaphore::new(cpus.saturating_sub(1).max(1))
    })
}

/// Answers 200 with the value as JSON.
impl<T: Serialize> IntoResponse for NexudusJson<T> {
    fn into_response(self) -> Response {
        json_response(StatusCode::OK, &self.0)
    }
}

/// Why [`NexudusJson`] turned a request down: an HTTP status (400, or 413
/// for a body over the limit) and the failures, answered as the Nexudus
/// 400 envelope.
#[derive(Debug, Clone, PartialEq)]
pub struct NexudusRejection {
    status: StatusCode,
    errors: ValidationErrors,
}

impl NexudusRejection {
    /// A rejection with a status of your choice.
    pub fn new(status: StatusCode, errors: ValidationErrors) -> Self {
        Self { status, errors }
    }

    /// The HTTP status the rejection answers with.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The failures.
    pub fn errors(&self) -> &ValidationErrors {
        &self.errors
    }

    /// The failures, consuming the rejection.
    pub fn into_errors(self) -> ValidationErrors {
        self.errors
    }

    /// A whole-request failure (`PropertyName` `""`).
    fn request(status: StatusCode, message: String) -> Self {
        let failure = ValidationFailure::with_code(Code::InvalidBody, "", message, Value::Null);
        Self::new(status, failure.into())
    }

    pub(crate) fn from_bytes_rejection(rejection: BytesRejection) -> Self {
        let status = rejection.status();
        if status == StatusCode::PAYLOAD_TOO_LARGE {
            Self::request(
                status,
                "The request body is larger than the server accepts.".to_owned(),
            )
        } else if timed_out(&rejection) {
            Self::request(
                StatusCode::REQUEST_TIMEOUT,
                "The request body did not arrive in time.".to_owned(),
            )
        } else {
            Self::request(
                StatusCode::BAD_REQUEST,
                format!(
                    "The request body could not be read: {}.",
                    rejection.body_text()
                ),
            )
        }
    }
}

/// Whether reading the body stopped because it did not arrive in time.
fn timed_out(rejection: &BytesRejection) -> bool {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(rejection);
    while let Some(error) = source {
        if error.is::<tower_http::timeout::TimeoutError>() {
            return true;
        }
        source = error.source();
    }
    false
}

/// A validation failure: HTTP 400.
impl From<ValidationErrors> for NexudusRejection {
    fn from(errors: ValidationErrors) -> Self {
        Self::new(StatusCode::BAD_REQUEST, errors)
    }
}

impl fmt::Display for NexudusRejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.errors, f)
    }
}

impl std::error::Error for NexudusRejection {}

/// The Nexudus 400 envelope, with the rejection's status.
impl IntoResponse for NexudusRejection {
    fn into_response(self) -> Response {
        json_response(self.status, &ErrorResponse::from(self.errors))
    }
}

/// HTTP 400 with the Nexudus body (`errors.to_response()`).
impl IntoResponse for ValidationErrors {
    fn into_response(self) -> Response {
        json_response(StatusCode::BAD_REQUEST, &ErrorResponse::from(self))
    }
}

/// HTTP 400 with the body. Pair it with another status to answer, say, a 404
/// in the same envelope: `(StatusCode::NOT_FOUND, body).into_response()`.
impl IntoResponse for ErrorResponse {
    fn into_response(self) -> Response {
        json_response(StatusCode::BAD_REQUEST, &self)
    }
}

/// HTTP 200 with the body.
impl IntoResponse for SuccessResponse {
    fn into_response(self) -> Response {
        json_response(StatusCode::OK, &self)
    }
}

/// `status` with `value` as the JSON body; 500 in the (unexpected) case
/// that `value` does not serialize.
fn json_response<T: Serialize + ?Sized>(status: StatusCode, value: &T) -> Response {
    match serde_json::to_vec(value) {
        Ok(bytes) => {
            let mut response = Response::new(Body::from(bytes));
            *response.status_mut() = status;
            response.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            );
            response
        }
        Err(error) => {
            let mut response = Response::new(Body::from(error.to_string()));
            *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
            response
        }
    }
}

/// Accepts `application/json` and `application/*+json`, with any parameters
/// (`; charset=utf-8`).
fn check_content_type(headers: &HeaderMap) -> Result<(), NexudusRejection> {
    let Some(value) = headers.get(header::CONTENT_TYPE) else {
        return Err(NexudusRejection::request(
            StatusCode::BAD_REQUEST,
            "The request has no Content-Type header; send the body as application/json.".to_owned(),
        ));
    };
    let text = value.to_str().unwrap_or("");
    if is_json_media_type(text) {
        return Ok(());
    }
    Err(NexudusRejection::request(
        StatusCode::BAD_REQUEST,
        format!(
            "The request's Content-Type '{}' is not supported; send the body as application/json.",
            quote_prefix(text)
        ),
    ))
}

/// `text` as an answer may quote it: at most [`QUOTED_BYTES`], cut on a
/// character boundary and marked with `…`.
pub(crate) fn quote_prefix(text: &str) -> Cow<'_, str> {
    if text.len() <= QUOTED_BYTES {
        return Cow::Borrowed(text);
    }
    let mut end = QUOTED_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    Cow::Owned(format!("{}…", &text[..end]))
}

fn is_json_media_type(content_type: &str) -> bool {
    let essence = content_type.split(';').next().unwrap_or("").trim();
    let Some((kind, subtype)) = essence.split_once('/') else {
        return false;
    };
    kind.eq_ignore_ascii_case("application")
        && (subtype.eq_ignore_ascii_case("json")
            || (subtype.len() > 5
                && subtype.is_char_boundary(subtype.len() - 5)
                && subtype[subtype.len() - 5..].eq_ignore_ascii_case("+json")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_media_types() {
        for yes in [
            "application/json",
            "Application/JSON",
            "application/json; charset=utf-8",
            "application/problem+json",
            " application/json ;charset=UTF-8",
        ] {
            assert!(is_json_media_type(yes), "{yes}");
        }
        for no in [
            "",
            "text/plain",
            "application/x-www-form-urlencoded",
            "application/jsonx",
            "text/json",
            "application/+json",
            "application",
        ] {
            assert!(!is_json_media_type(no), "{no}");
        }
    }

    #[test]
    fn quoted_prefixes() {
        assert_eq!(quote_prefix("text/plain"), "text/plain");
        let long = "é".repeat(100);
        let quoted = quote_prefix(&long);
        assert!(quoted.len() <= QUOTED_BYTES + "…".len());
        assert!(quoted.ends_with('…'));
    }

    #[test]
    fn operations() {
        assert_eq!(operation_for(&Method::POST), Operation::Create);
        assert_eq!(operation_for(&Method::PUT), Operation::Update);
        assert_eq!(operation_for(&Method::PATCH), Operation::Update);
    }
}
