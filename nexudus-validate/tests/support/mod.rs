//! What the loopback tests share: a time-limited runtime, a server on an
//! ephemeral port, an HTTP client that gives up, a request counter.
// Each test file uses some of these.
#![allow(dead_code)]

use std::future::Future;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use axum::extract::Request;
use axum::middleware::{self, Next};
use axum::Router;

/// Upper bound for any one test.
pub const TEST_LIMIT: Duration = Duration::from_secs(30);

/// Runs `test` on a fresh current-thread runtime, failing it when it takes
/// longer than [`TEST_LIMIT`]. The runtime (and every server spawned on
/// it) is dropped at the end.
pub fn run<F: Future<Output = ()>>(test: F) {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(async {
            tokio::time::timeout(TEST_LIMIT, test)
                .await
                .expect("the test finished in time");
        });
}

/// Serves `app` with `axum::serve` on an ephemeral loopback port; the base
/// URL.
pub async fn serve(app: Router) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        axum::serve(listener, app).await.unwrap();
    });
    format!("http://{addr}")
}

/// A reqwest client that gives up after a few seconds, with the mock's
/// default Basic credentials.
pub fn http() -> reqwest::Client {
    let mut headers = reqwest::header::HeaderMap::new();
    // The mock's default credentials, admin@example.com:secret.
    headers.insert(
        reqwest::header::AUTHORIZATION,
        reqwest::header::HeaderValue::from_static("Basic YWRtaW5AZXhhbXBsZS5jb206c2VjcmV0"),
    );
    reqwest::Client::builder()
        .timeout(Duration::from_secs(5))
        .default_headers(headers)
        .build()
        .unwrap()
}

/// A client with no credentials.
pub fn anonymous_http() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(5))
        .build()
        .unwrap()
}

/// `app`, and how many requests reach it.
pub fn counted(app: Router) -> (Router, Arc<AtomicUsize>) {
    let count = Arc::new(AtomicUsize::new(0));
    let seen = count.clone();
    let app = app.layer(middleware::from_fn(move |request: Request, next: Next| {
        seen.fetch_add(1, Ordering::SeqCst);
        next.run(request)
    }));
    (app, count)
}
