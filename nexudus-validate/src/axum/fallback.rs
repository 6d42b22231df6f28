//! Answers in the Nexudus envelope for the requests no handler takes: an
//! unknown path, a method the path does not serve, headers that are too
//! large, and the bodiless error answers of layers (a timeout's 408, ...).
//!
//! ```
//! use axum::{middleware, routing::put, Router};
//! use nexudus_validate::axum::fallback;
//!
//! # async fn save() {}
//! let app: Router = Router::new()
//!     .route("/api/collaboration/workspaces", put(save))
//!     .method_not_allowed_fallback(fallback::method_not_allowed)
//!     .fallback(fallback::not_found)
//!     .layer(middleware::from_fn(fallback::limit_header_bytes));
//! ```
//!
//! Each answer is an [`ErrorResponse`] (`Message`, `Value`, `Errors`,
//! `WasSuccessful: false`) whose `Message` says what went wrong; what the
//! client sent (a path, a method) is quoted at most
//! [`QUOTED_BYTES`](super::QUOTED_BYTES) long.

use ::axum::extract::Request;
use ::axum::http::{header, Method, StatusCode, Uri};
use ::axum::middleware::Next;
use ::axum::response::Response;
use serde_json::Value;

use super::{json_response, quote_prefix};
use crate::{ErrorResponse, ValidationErrors};

/// The most header bytes a request may carry (names, values and 4 bytes
/// of framing per header) before [`limit_header_bytes`] answers 431:
/// 16 KiB, as common servers (IIS, nginx's large buffers) allow.
///
/// hyper refuses larger heads by itself (about 400 KB, or more than 100
/// headers) with a bodiless 431 before any handler runs; between this
/// limit and hyper's the answer is the envelope.
pub const MAX_HEADER_BYTES: usize = 16 * 1024;

/// `status` with the Nexudus envelope: `message`, no failures,
/// `WasSuccessful: false`.
pub fn envelope(status: StatusCode, message: impl Into<String>) -> Response {
    let body = ErrorResponse {
        message: message.into(),
        value: Value::Null,
        errors: ValidationErrors::new(),
        was_successful: false,
    };
    json_response(status, &body)
}

/// 404 for a path no route serves (a handler for `Router::fallback`).
pub async fn not_found(uri: Uri) -> Response {
    envelope(
        StatusCode::NOT_FOUND,
        format!("No resource is served at '{}'.", quote_prefix(uri.path())),
    )
}

/// 405 for a method the path does not serve (a handler for
/// `Router::method_not_allowed_fallback`; axum adds the `Allow` header).
pub async fn method_not_allowed(method: Method, uri: Uri) -> Response {
    envelope(
        StatusCode::METHOD_NOT_ALLOWED,
        format!(
            "The method {} is not allowed on '{}'.",
            quote_prefix(method.as_str()),
            quote_prefix(uri.path())
        ),
    )
}

/// Middleware (`axum::middleware::from_fn`): 431 for a request whose
/// headers are larger than [`MAX_HEADER_BYTES`].
pub async fn limit_header_bytes(request: Request, next: Next) -> Response {
    let bytes: usize = request
        .headers()
        .iter()
        .map(|(name, value)| name.as_str().len() + value.len() + 4)
        .sum();
    if bytes > MAX_HEADER_BYTES {
        return envelope(
            StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
            format!(
                "The request's headers ({bytes} bytes) are larger than the {MAX_HEADER_BYTES} bytes the server accepts."
            ),
        );
    }
    next.run(request).await
}

/// Middleware (`axum::middleware::map_response`): an error answer
/// (4xx, 5xx) without a `Content-Type`, as layers and axum's defaults make
/// them, gets the envelope, with the status's reason as `Message`.
pub async fn envelope_bare_errors(response: Response) -> Response {
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error())
        || response.headers().contains_key(header::CONTENT_TYPE)
    {
        return response;
    }
    let reason = status.canonical_reason().unwrap_or("Error");
    let mut answer = envelope(status, format!("{reason}."));
    // Keep what the layer said besides the body (`Allow`, `Retry-After`).
    for (name, value) in response.headers() {
        if name != header::CONTENT_LENGTH {
            answer.headers_mut().entry(name).or_insert(value.clone());
        }
    }
    answer
}
