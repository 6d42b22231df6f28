//! Serving a router on the open network: every connection bounded in
//! time, and their number bounded.
//!
//! [`serve`] is `axum::serve` with the limits a public server needs, set
//! with hyper's and tower-http's own settings:
//!
//! | limit | default | past it |
//! |---|---|---|
//! | [`Limits::header_read_timeout`]: a request's headers must arrive within (also the wait for the next request on a kept-alive connection) | 10 s | the connection is closed (hyper's `header_read_timeout`) |
//! | [`Limits::body_timeout`]: the longest pause while a body arrives | 10 s | 408 in the Nexudus envelope (tower-http's `RequestBodyTimeoutLayer`) |
//! | [`Limits::request_timeout`]: a whole request, body and handler | 30 s | 408 in the Nexudus envelope (tower-http's `TimeoutLayer`) |
//! | [`Limits::max_connections`]: connections open at once | 1024 | new connections wait in the listen backlog |
//!
//! It speaks HTTP/1.1 (as the Nexudus API does), sets `TCP_NODELAY`, and
//! answers bodiless errors of layers and of axum's defaults in the Nexudus
//! envelope ([`fallback::envelope_bare_errors`]).
//! The body size stays axum's `DefaultBodyLimit` (2 MB unless changed).
//!
//! ```no_run
//! use nexudus_validate::axum::mock::{self, MemoryStore};
//! use nexudus_validate::axum::serve::{serve, Limits};
//! use std::time::Duration;
//!
//! #[tokio::main]
//! async fn main() -> std::io::Result<()> {
//!     let listener = tokio::net::TcpListener::bind("127.0.0.1:8080").await?;
//!     let limits = Limits::default().header_read_timeout(Duration::from_secs(5));
//!     serve(listener, mock::app(MemoryStore::new()), limits).await;
//!     Ok(())
//! }
//! ```

use std::sync::Arc;
use std::time::Duration;

use ::axum::http::StatusCode;
use ::axum::Router;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tower_http::timeout::{RequestBodyTimeoutLayer, TimeoutLayer};

use super::fallback;

/// The limits of [`serve`]; see the [module docs](self) for what each
/// bounds and its default.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    header_read_timeout: Duration,
    body_timeout: Duration,
    request_timeout: Duration,
    max_connections: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            header_read_timeout: Duration::from_secs(10),
            body_timeout: Duration::from_secs(10),
            request_timeout: Duration::from_secs(30),
            max_connections: 1024,
        }
    }
}

impl Limits {
    /// How long a request's headers may take to arrive, and how long a
    /// kept-alive connection may wait for its next request.
    pub fn header_read_timeout(mut self, timeout: Duration) -> Self {
        self.header_read_timeout = timeout;
        self
    }

    /// The longest pause while a request body arrives.
    pub fn body_timeout(mut self, timeout: Duration) -> Self {
        self.body_timeout = timeout;
        self
    }

    /// How long a whole request (its body and the handler) may take.
    pub fn request_timeout(mut self, timeout: Duration) -> Self {
        self.request_timeout = timeout;
        self
    }

    /// How many connections may be open at once (at least 1).
    pub fn max_connections(mut self, connections: usize) -> Self {
        self.max_connections = connections.max(1);
        self
    }
}

/// Serves `app` on `listener` within `limits`, until the future is
/// dropped (with the runtime, or by aborting its task). Failing accepts
/// (out of file descriptors, ...) are retried after a short pause, never
/// returned.
pub async fn serve(listener: TcpListener, app: Router, limits: Limits) {
    let app = app
        .layer(RequestBodyTimeoutLayer::new(limits.body_timeout))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            limits.request_timeout,
        ))
        .layer(::axum::middleware::map_response(
            fallback::envelope_bare_errors,
        ));
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(limits.header_read_timeout);
    let connections = Arc::new(Semaphore::new(limits.max_connections));
    loop {
        // Never closed: a permit always comes.
        let Ok(permit) = connections.clone().acquire_owned().await else {
            return;
        };
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            Err(_) => {
                // A pause, so that a lasting failure does not spin.
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        // Answers go out without waiting for more to send.
        let _ = stream.set_nodelay(true);
        let connection =
            http.serve_connection(TokioIo::new(stream), TowerToHyperService::new(app.clone()));
        tokio::spawn(async move {
            // A connection error concerns that client only.
            let _ = connection.await;
            drop(permit);
        });
    }
}
