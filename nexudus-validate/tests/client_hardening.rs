//! The client against hostile servers of the tests' own, on loopback:
//! every call ends in time and within a memory bound, only a real success
//! is `Ok`, redirects are not followed into success, and no credential is
//! ever printed.

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use axum::body::{Body, Bytes};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::IntoResponse;
use axum::routing::{any, post};
use axum::Router;
use hyper::body::{Frame, SizeHint};
use nexudus_validate::axum::mock::{self, MemoryStore};
use nexudus_validate::client::{
    Client, Error, DECODE_EXCERPT_BYTES, DEFAULT_MAX_PAGES, DEFAULT_MAX_RESPONSE_BYTES,
    DEFAULT_TIMEOUT,
};
use nexudus_validate::resources::{User, Workspace};
use nexudus_validate::{NexudusDateTime, NexudusResource, SuccessResponse};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

mod support;
use support::{counted, run, serve};

/// The client's time limit in these tests.
const SHORT: Duration = Duration::from_millis(200);
/// A call limited to [`SHORT`] must have ended well within this.
const BOUND: Duration = Duration::from_secs(3);

/// A raw TCP server: `behave` runs on each connection.
async fn raw<F, Fut>(behave: F) -> String
where
    F: Fn(TcpStream) -> Fut + Send + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            tokio::spawn(behave(socket));
        }
    });
    format!("http://{addr}")
}

/// Reads until the peer closes (or fails).
async fn drain(socket: &mut TcpStream) {
    let mut buf = [0u8; 4096];
    while matches!(socket.read(&mut buf).await, Ok(n) if n > 0) {}
}

/// Never answers.
async fn silent(mut socket: TcpStream) {
    drain(&mut socket).await;
}

/// Sends the status line and headers of a 200, then nothing.
async fn stalls_after_headers(mut socket: TcpStream) {
    let mut buf = [0u8; 4096];
    let _ = socket.read(&mut buf).await;
    let head = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 64\r\n\r\n";
    let _ = socket.write_all(head.as_bytes()).await;
    drain(&mut socket).await;
}

/// Sends a 200 whose body comes one byte every 50 ms (for at most 10 s).
async fn drips(mut socket: TcpStream) {
    let mut buf = [0u8; 4096];
    let _ = socket.read(&mut buf).await;
    let head = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n";
    if socket.write_all(head.as_bytes()).await.is_err() {
        return;
    }
    for _ in 0..200 {
        if socket.write_all(b" ").await.is_err() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

fn workspace(name: &str) -> Workspace {
    Workspace {
        id: Some(1),
        business_id: Some(1),
        administrator_id: Some(2),
        name: Some(name.to_owned()),
        ..Workspace::default()
    }
}

fn fixed_time() -> NexudusDateTime {
    NexudusDateTime::from_ymd_hms(2025, 1, 15, 10, 30, 0).unwrap()
}

/// Runs every kind of call against `base` with a [`SHORT`] time limit, all
/// at once; each must end within [`BOUND`] as a timeout.
async fn every_call_times_out(base: &str) {
    let client = Client::new(base).timeout(SHORT).max_retries(0);
    let started = Instant::now();
    let mut calls = Vec::new();
    for call in [
        "create", "update", "get", "modify", "login", "list", "pages", "delete",
    ] {
        let client = client.clone();
        calls.push(tokio::spawn(async move {
            let result = match call {
                "create" => client.create(&workspace("A")).await.map(drop),
                "update" => client.update(&workspace("A")).await.map(drop),
                "get" => client.get::<Workspace>(1).await.map(drop),
                "modify" => client.modify::<Workspace, _>(1, |_| ()).await.map(drop),
                "list" => client.list::<Workspace>(1, 10).await.map(drop),
                "pages" => client.list_all::<Workspace>(10).await.map(drop),
                "delete" => client.delete::<Workspace>(1).await.map(drop),
                _ => client.login("admin@example.com", "pw").await.map(drop),
            };
            (call, started.elapsed(), result)
        }));
    }
    for call in calls {
        let (call, elapsed, result) = call.await.unwrap();
        let error = result.expect_err(call);
        assert!(error.is_timeout(), "{call}: {error:?}");
        assert!(elapsed < BOUND, "{call} took {elapsed:?}");
        assert!(error.to_string().contains("200ms"), "{call}: {error}");
    }
}

#[test]
fn a_server_that_never_answers_times_out() {
    run(async {
        let base = raw(silent).await;
        every_call_times_out(&base).await;
    });
}

#[test]
fn a_server_that_stalls_after_the_headers_times_out() {
    run(async {
        let base = raw(stalls_after_headers).await;
        every_call_times_out(&base).await;
    });
}

#[test]
fn a_server_that_drips_its_body_times_out() {
    run(async {
        let base = raw(drips).await;
        every_call_times_out(&base).await;
    });
}

#[test]
fn the_defaults_are_documented_and_bounded() {
    assert_eq!(DEFAULT_TIMEOUT, Duration::from_secs(30));
    assert_eq!(DEFAULT_MAX_RESPONSE_BYTES, 16 << 20);
    // `Client::token` starts from `Client::new`, so it has them too.
    let debug = format!("{:?}", Client::new("http://127.0.0.1:1"));
    assert!(debug.contains("timeout: 30s"), "{debug}");
    assert!(debug.contains("max_response_bytes: 16777216"), "{debug}");
    let debug = format!(
        "{:?}",
        Client::new("http://127.0.0.1:1")
            .timeout(SHORT)
            .max_response_bytes(10)
    );
    assert!(debug.contains("timeout: 200ms"), "{debug}");
    assert!(debug.contains("max_response_bytes: 10"), "{debug}");
}

/// Answers every request with `status` and `len` bytes of `fill`, with a
/// `Content-Length` or (when `chunked`) in chunks, made as they are sent.
fn big_answer(status: StatusCode, len: usize, fill: u8, chunked: bool) -> Router {
    Router::new().fallback(any(move || async move {
        let body = Body::new(Repeat {
            chunk: Bytes::from(vec![fill; 64 << 10]),
            left: len,
            chunked,
        });
        (status, [(header::CONTENT_TYPE, "application/json")], body)
    }))
}

/// `left` bytes of copies of `chunk`, never all in memory.
struct Repeat {
    chunk: Bytes,
    left: usize,
    chunked: bool,
}

impl hyper::body::Body for Repeat {
    type Data = Bytes;
    type Error = std::convert::Infallible;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        _: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Self::Error>>> {
        if self.left == 0 {
            return Poll::Ready(None);
        }
        let n = self.left.min(self.chunk.len());
        self.left -= n;
        Poll::Ready(Some(Ok(Frame::data(self.chunk.slice(..n)))))
    }

    fn size_hint(&self) -> SizeHint {
        if self.chunked {
            SizeHint::default()
        } else {
            SizeHint::with_exact(self.left as u64)
        }
    }
}

#[test]
fn a_larger_answer_than_the_limit_is_an_error() {
    run(async {
        for chunked in [false, true] {
            // 1 GiB would take 2 GiB if it were buffered: the test would
            // not finish in time.
            let base = serve(big_answer(StatusCode::OK, 1 << 30, b' ', chunked)).await;
            let client = Client::new(&base).max_response_bytes(1 << 20);
            let started = Instant::now();
            let error = client.update(&workspace("A")).await.unwrap_err();
            assert!(
                matches!(
                    error,
                    Error::TooLarge {
                        status: 200,
                        limit: 1_048_576
                    }
                ),
                "{error:?}"
            );
            assert!(started.elapsed() < BOUND, "{:?}", started.elapsed());
            assert_eq!(
                error.to_string(),
                "the answer (HTTP 200) is larger than the limit of 1048576 bytes"
            );
            let error = client.get::<Workspace>(1).await.unwrap_err();
            assert!(matches!(error, Error::TooLarge { .. }), "{error:?}");
            let error = client.list::<Workspace>(1, 1000).await.unwrap_err();
            assert!(matches!(error, Error::TooLarge { .. }), "{error:?}");
            let error = client.list_all::<Workspace>(1000).await.unwrap_err();
            assert!(matches!(error, Error::TooLarge { .. }), "{error:?}");
            let error = client.delete::<Workspace>(1).await.unwrap_err();
            assert!(matches!(error, Error::TooLarge { .. }), "{error:?}");
        }
    });
}

#[test]
fn errors_quote_only_the_start_of_a_server_body() {
    run(async {
        // Within the default limit, but far too long to print.
        for (status, chunked) in [
            (StatusCode::INTERNAL_SERVER_ERROR, false),
            (StatusCode::OK, true),
            (StatusCode::TOO_MANY_REQUESTS, false),
        ] {
            let base = serve(big_answer(status, 4 << 20, b'x', chunked)).await;
            let client = Client::new(&base)
                .max_retries(1)
                .max_retry_wait(Duration::from_millis(1));
            let error = client.update(&workspace("A")).await.unwrap_err();
            let display = error.to_string();
            let debug = format!("{error:?}");
            assert!(display.len() < 8192, "{status}: {}", display.len());
            assert!(debug.len() < 8192, "{status}: {}", debug.len());
            match &error {
                Error::Status { body, .. } | Error::Throttled { body, .. } => {
                    assert!(body.len() <= 4200, "{}", body.len());
                    assert!(body.starts_with("xxxx"), "{body}");
                    assert!(body.ends_with("(4194304 bytes in all)"), "{body}");
                }
                // An answer that does not read is quoted shorter still.
                Error::Decode { body, path, .. } => {
                    assert!(body.len() <= DECODE_EXCERPT_BYTES, "{}", body.len());
                    assert_eq!(path, ".");
                }
                other => panic!("{status}: {other:?}"),
            }
        }

        // A 400 with a very long failure list.
        let failures: Vec<_> = (0..20_000)
            .map(|i| {
                serde_json::json!({"AttemptedValue": "x".repeat(100), "Message": "is a required field", "PropertyName": format!("F{i}")})
            })
            .collect();
        let body = serde_json::json!({"Message": "F0: is a required field", "Value": null, "Errors": failures, "WasSuccessful": false}).to_string();
        let base = serve(Router::new().fallback(any(move || {
            let body = body.clone();
            async move { (StatusCode::BAD_REQUEST, body) }
        })))
        .await;
        let error = Client::new(&base)
            .update(&workspace("A"))
            .await
            .unwrap_err();
        assert_eq!(error.validation_errors().unwrap().len(), 20_000);
        assert!(
            error.to_string().len() < 10_000,
            "{}",
            error.to_string().len()
        );
        assert!(format!("{error:?}").len() < 10_000);
    });
}

/// Answers every write with status 200 and `body`.
fn answers_200(body: &'static str) -> Router {
    Router::new().fallback(any(move || async move {
        ([(header::CONTENT_TYPE, "application/json")], body)
    }))
}

#[test]
fn a_200_that_does_not_say_it_succeeded_is_never_ok() {
    run(async {
        for body in [
            r#"{"WasSuccessful":false}"#,
            r#"{"Message":"","Value":null,"Errors":[],"WasSuccessful":false}"#,
            r#"{"Message":"","Errors":null,"WasSuccessful":false}"#,
            r#"{"Message":"Not allowed.","WasSuccessful":false}"#,
            r#"{}"#,
            r#"{"Status":200,"Message":"Workspace was successfully updated.","Value":{"Id":1}}"#,
            r#"{"WasSuccessful":"true"}"#,
        ] {
            let base = serve(answers_200(body)).await;
            let client = Client::new(&base);
            for error in [
                client.update(&workspace("A")).await.unwrap_err(),
                client.create(&workspace("A")).await.unwrap_err(),
                client.delete::<Workspace>(1).await.unwrap_err(),
            ] {
                match &error {
                    Error::Rejected { status, errors } => {
                        assert_eq!(*status, 200, "{body}");
                        assert!(!errors.is_empty(), "{body}");
                    }
                    other => panic!("{body}: {other:?}"),
                }
            }
        }
        // A message is kept as the failure.
        let base = serve(answers_200(
            r#"{"Message":"Not allowed.","WasSuccessful":false}"#,
        ))
        .await;
        let error = Client::new(&base)
            .update(&workspace("A"))
            .await
            .unwrap_err();
        assert_eq!(
            error.validation_errors().unwrap().to_string(),
            "Not allowed."
        );
        // The real success still is one.
        let success = SuccessResponse::updated::<Workspace>(1, "api", fixed_time());
        let body: &'static str = serde_json::to_string(&success).unwrap().leak();
        let base = serve(answers_200(body)).await;
        let answer = Client::new(&base).update(&workspace("A")).await.unwrap();
        assert_eq!(answer, success);
    });
}

/// `Workspace::PATH` (and a record under it) answers `status` with
/// `Location: /elsewhere`;
/// `/elsewhere` answers a Nexudus success to any method, counted.
fn redirecting(status: StatusCode) -> (Router, Arc<AtomicUsize>) {
    let reached = Arc::new(AtomicUsize::new(0));
    let seen = reached.clone();
    let success = SuccessResponse::created::<Workspace>(9, "api", fixed_time());
    let app = Router::new()
        .route(
            Workspace::PATH,
            any(move || async move { (status, [(header::LOCATION, "/elsewhere")]) }),
        )
        .route(
            &format!("{}/{{id}}", Workspace::PATH),
            any(move || async move { (status, [(header::LOCATION, "/elsewhere")]) }),
        )
        .route(
            "/elsewhere",
            any(move || {
                seen.fetch_add(1, Ordering::SeqCst);
                let success = success.clone();
                async move { success.into_response() }
            }),
        );
    (app, reached)
}

#[test]
fn a_redirected_write_is_an_error_and_is_not_followed() {
    run(async {
        for status in [
            StatusCode::MOVED_PERMANENTLY,
            StatusCode::FOUND,
            StatusCode::SEE_OTHER,
            StatusCode::TEMPORARY_REDIRECT,
            StatusCode::PERMANENT_REDIRECT,
        ] {
            let (app, reached) = redirecting(status);
            let base = serve(app).await;
            let client = Client::new(&base);
            let error = client.create(&workspace("A")).await.unwrap_err();
            match &error {
                Error::Redirected {
                    status: got,
                    location,
                } => {
                    assert_eq!(*got, status.as_u16());
                    assert_eq!(location.as_deref(), Some("/elsewhere"));
                }
                other => panic!("{status}: {other:?}"),
            }
            assert_eq!(error.http_status(), Some(status.as_u16()));
            let error = client.update(&workspace("A")).await.unwrap_err();
            assert!(matches!(error, Error::Redirected { .. }), "{error:?}");
            let error = client.delete::<Workspace>(1).await.unwrap_err();
            assert!(matches!(error, Error::Redirected { .. }), "{error:?}");
            let error = client.list::<Workspace>(1, 5).await.unwrap_err();
            assert!(matches!(error, Error::Redirected { .. }), "{error:?}");
            assert_eq!(reached.load(Ordering::SeqCst), 0, "{status}");

            // Even with an HTTP client of the caller's that follows
            // redirects, a write that was redirected is no success.
            let following = reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::limited(5))
                .build()
                .unwrap();
            let error = Client::new(&base)
                .with_http_client(following)
                .create(&workspace("A"))
                .await
                .unwrap_err();
            assert!(matches!(error, Error::Redirected { .. }), "{error:?}");
        }
    });
}

const PASSWORD: &str = "S3cret-pa55";
const TOKEN: &str = "tok-7f3a9c1e";

/// Answers 500 (or `status`) with everything it was sent: the
/// `Authorization` header and the body.
fn echo(status: StatusCode) -> Router {
    Router::new().fallback(any(move |headers: HeaderMap, body: Bytes| async move {
        let auth = headers
            .get(header::AUTHORIZATION)
            .map(|v| v.to_str().unwrap_or("").to_owned())
            .unwrap_or_default();
        let body = String::from_utf8_lossy(&body).into_owned();
        (status, format!("Authorization: {auth}\n{body}"))
    }))
}

fn assert_clean(error: &Error, what: &str) {
    for text in [error.to_string(), format!("{error:?}")] {
        for secret in [PASSWORD, TOKEN, "UzNjcmV0LXBhNTU", "YWRtaW46UzNjcmV0"] {
            assert!(!text.contains(secret), "{what}: {secret} in {text}");
        }
    }
}

#[test]
fn a_client_built_from_a_url_with_credentials_never_prints_them() {
    run(async {
        let client = Client::new(format!("http://admin:{PASSWORD}@127.0.0.1:1/"));
        let debug = format!("{client:?}");
        assert!(!debug.contains(PASSWORD), "{debug}");
        assert!(!client.base_url().contains(PASSWORD));

        // The credentials are still used, as Basic authentication.
        let store = MemoryStore::with_clock(fixed_time);
        store.set_credentials("admin", PASSWORD);
        let base = serve(mock::app(store)).await;
        let with_credentials = base.replacen("http://", &format!("http://admin:{PASSWORD}@"), 1);
        let client = Client::new(&with_credentials);
        assert!(!format!("{client:?}").contains(PASSWORD));
        let mut draft = workspace("A");
        draft.id = None;
        let created = client.create(&draft).await.unwrap();
        assert_eq!(created.updated_by.as_deref(), Some("admin"));
        // And never printed by an error either.
        let error = client.get::<Workspace>(123).await.unwrap_err();
        assert_clean(&error, "404 with URL credentials");
    });
}

#[test]
fn credentials_a_server_echoes_are_redacted() {
    run(async {
        for status in [StatusCode::INTERNAL_SERVER_ERROR, StatusCode::OK] {
            let base = serve(echo(status)).await;
            for (what, client) in [
                ("bearer", Client::new(&base).bearer(TOKEN)),
                ("basic", Client::new(&base).basic("admin", PASSWORD)),
                (
                    "url",
                    Client::new(base.replacen("http://", &format!("http://admin:{PASSWORD}@"), 1)),
                ),
            ] {
                let error = client.update(&workspace("A")).await.unwrap_err();
                assert!(error.http_status() == Some(status.as_u16()), "{error:?}");
                assert_clean(&error, what);
                let error = client.get::<Workspace>(1).await.unwrap_err();
                assert_clean(&error, what);
                let error = client.list::<Workspace>(1, 5).await.unwrap_err();
                assert_clean(&error, what);
                let error = client.delete::<Workspace>(1).await.unwrap_err();
                assert_clean(&error, what);
            }
            // A login that fails quotes neither the password it sent...
            let error = Client::new(&base)
                .login("admin", PASSWORD)
                .await
                .unwrap_err();
            assert_clean(&error, "login");
        }

        // ...nor the token of an answer it could not read.
        let token_answer = format!(r#"{{"access_token": 5, "refresh": "{TOKEN}"}}"#);
        let app = Router::new().route(
            "/api/token",
            post(move || {
                let body = token_answer.clone();
                async move { body }
            }),
        );
        let base = serve(app).await;
        let error = Client::new(&base).login("a", "b").await.unwrap_err();
        assert_clean(&error, "token answer");

        // A 400 that echoes credentials and a sensitive field.
        let user: User = serde_json::from_str(
            r#"{"Id": 5, "FullName": "Grace", "Email": "grace@example.com", "Language": 3,
                "PasswordSalt": "c2FsdA", "LastHelpVisited": 0, "InvalidLoginAttempts": 0}"#,
        )
        .unwrap();
        let user = User {
            password: Some(PASSWORD.into()),
            ..user
        };
        let body = serde_json::json!({
            "Message": format!("Password: too weak for token {TOKEN}"),
            "Value": null,
            "Errors": [
                {"AttemptedValue": PASSWORD, "Message": "is too weak", "PropertyName": "Password"},
                {"AttemptedValue": "x", "Message": format!("Bearer {TOKEN} may not do this"), "PropertyName": ""},
            ],
            "WasSuccessful": false
        })
        .to_string();
        let app = Router::new().fallback(any(move || {
            let body = body.clone();
            async move { (StatusCode::BAD_REQUEST, body) }
        }));
        let base = serve(app).await;
        let error = Client::new(&base)
            .bearer(TOKEN)
            .update(&user)
            .await
            .unwrap_err();
        let errors = error.validation_errors().expect("a rejection");
        assert_eq!(errors.len(), 2);
        assert_eq!(
            errors.first().unwrap().attempted_value(),
            &serde_json::Value::Null
        );
        assert_clean(&error, "400 envelope");
        let _ = User::NAME;
    });
}

/// A resource without an endpoint (`PATH` empty), as the generated
/// entities that no source places are.
#[derive(
    Debug, Default, serde::Serialize, serde::Deserialize, nexudus_validate::NexudusResource,
)]
#[serde(rename_all = "PascalCase")]
#[nexudus(name = "Nowhere")]
struct Nowhere {
    #[required(update)]
    id: Option<i64>,
    name: Option<String>,
}

nexudus_validate::operations!(Nowhere: list, get, create, update, delete);

#[test]
fn a_resource_without_an_endpoint_is_never_sent_to_the_base_url() {
    run(async {
        let reached = Arc::new(AtomicUsize::new(0));
        let seen = reached.clone();
        let app = Router::new().fallback(any(move || {
            seen.fetch_add(1, Ordering::SeqCst);
            async { ([(header::CONTENT_TYPE, "application/json")], "{}") }
        }));
        let base = serve(app).await;
        let client = Client::new(&base);
        let record = Nowhere {
            id: Some(1),
            name: Some("x".into()),
        };
        let errors = [
            client.create(&record).await.map(drop).unwrap_err(),
            client.update(&record).await.map(drop).unwrap_err(),
            client.get::<Nowhere>(1).await.map(drop).unwrap_err(),
            client
                .modify::<Nowhere, _>(1, |_| ())
                .await
                .map(drop)
                .unwrap_err(),
            client.list::<Nowhere>(1, 5).await.map(drop).unwrap_err(),
            client.list_all::<Nowhere>(5).await.map(drop).unwrap_err(),
            client.delete::<Nowhere>(1).await.map(drop).unwrap_err(),
        ];
        for error in errors {
            assert!(
                matches!(
                    error,
                    Error::NoEndpoint {
                        resource: "Nowhere"
                    }
                ),
                "{error:?}"
            );
            assert!(!error.was_sent());
            assert_eq!(
                error.to_string(),
                "Nowhere has no known endpoint; nothing was sent"
            );
        }
        assert_eq!(reached.load(Ordering::SeqCst), 0);
    });
}

/// Answers every list request with a page that says a next page follows,
/// whatever page was asked for; counts the requests.
fn always_a_next_page() -> (Router, Arc<AtomicUsize>) {
    let page = || async {
        let page = serde_json::json!({
            "Records": [{"Id": 1, "Name": "Again"}], "CurrentPage": 1,
            "CurrentPageSize": 1, "TotalItems": 1_000_000_000, "TotalPages": 1_000_000_000,
            "HasNextPage": true, "HasPreviousPage": false
        });
        (
            [(header::CONTENT_TYPE, "application/json")],
            page.to_string(),
        )
    };
    counted(Router::new().route(Workspace::PATH, any(page)))
}

#[test]
fn a_walk_over_the_pages_is_bounded_against_a_lying_server() {
    run(async {
        let (app, requests) = always_a_next_page();
        let base = serve(app).await;
        let client = Client::new(&base);

        let mut pages = client.pages::<Workspace>(1).max_pages(5);
        for _ in 0..5 {
            let page = pages.next().await.unwrap().unwrap();
            assert!(page.has_next_page);
        }
        let error = pages.next().await.unwrap().unwrap_err();
        assert!(
            matches!(error, Error::TooManyPages { limit: 5 }),
            "{error:?}"
        );
        assert_eq!(
            error.to_string(),
            "the server still had a next page after 5 pages, the limit; stopped"
        );
        assert!(pages.next().await.is_none());
        assert!(pages.next().await.is_none());
        assert_eq!(requests.load(Ordering::SeqCst), 5);

        // The default limit, all at once.
        let started = Instant::now();
        let error = client.list_all::<Workspace>(1).await.unwrap_err();
        assert!(
            matches!(error, Error::TooManyPages { limit } if limit == DEFAULT_MAX_PAGES),
            "{error:?}"
        );
        assert_eq!(
            requests.load(Ordering::SeqCst),
            5 + DEFAULT_MAX_PAGES as usize
        );
        assert!(started.elapsed() < BOUND, "{:?}", started.elapsed());

        // A limit of 0 reads one page.
        let mut pages = client.pages::<Workspace>(1).max_pages(0);
        assert!(pages.next().await.unwrap().is_ok());
        assert!(matches!(
            pages.next().await,
            Some(Err(Error::TooManyPages { limit: 1 }))
        ));
    });
}

#[test]
fn a_walk_ends_at_the_first_error_and_a_list_must_be_a_list() {
    run(async {
        // A list answer that is no list, and a failing one.
        for (status, body) in [
            (StatusCode::OK, r#"{"Message":"ok","WasSuccessful":true}"#),
            (
                StatusCode::OK,
                r#"{"Records":[{"Id":"one"}],"HasNextPage":true}"#,
            ),
            (StatusCode::OK, "[]"),
            (StatusCode::INTERNAL_SERVER_ERROR, "{}"),
        ] {
            let requests = Arc::new(AtomicUsize::new(0));
            let seen = requests.clone();
            let app = Router::new().fallback(any(move || {
                seen.fetch_add(1, Ordering::SeqCst);
                async move { (status, [(header::CONTENT_TYPE, "application/json")], body) }
            }));
            let base = serve(app).await;
            let client = Client::new(&base);
            let error = client.list::<Workspace>(1, 5).await.unwrap_err();
            if status.is_success() {
                assert!(
                    matches!(error, Error::Decode { status: 200, .. }),
                    "{body}: {error:?}"
                );
            } else {
                assert!(
                    matches!(error, Error::Status { status: 500, .. }),
                    "{error:?}"
                );
            }
            let mut pages = client.pages::<Workspace>(5);
            assert!(pages.next().await.unwrap().is_err());
            assert!(pages.next().await.is_none());
            assert_eq!(requests.load(Ordering::SeqCst), 2, "{body}");
        }

        // Only `Records` must be there: a page without the rest ends a walk.
        let app = Router::new().fallback(any(|| async {
            (
                [(header::CONTENT_TYPE, "application/json")],
                r#"{"Records":[{"Id":3}]}"#,
            )
        }));
        let base = serve(app).await;
        let all = Client::new(&base).list_all::<Workspace>(5).await.unwrap();
        assert_eq!(all.len(), 1);
        assert_eq!(all[0].id, Some(3));
    });
}

#[test]
fn secrets_a_server_serves_in_a_record_it_reads_are_not_quoted() {
    run(async {
        // Records the client cannot read (an `Id` that is not a number), or
        // a failing status, whose bodies hold a user's secrets.
        let record = r#"{"Id":"not a number","FullName":"Grace","Password":"pw-HUNTER2","PasswordSalt":"salt-c2FsdA","TwoFactorSecret":"2fa-JBSWY3DP"}"#;
        let list = format!(r#"{{"Records":[{record}],"HasNextPage":false}}"#);
        let secrets = ["pw-HUNTER2", "salt-c2FsdA", "2fa-JBSWY3DP"];
        for (status, body, reads) in [
            (StatusCode::OK, record.to_owned(), &["get"][..]),
            (StatusCode::OK, list.clone(), &["list", "walk"][..]),
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                list,
                &["get", "list", "walk"][..],
            ),
        ] {
            let app = Router::new().fallback(any(move || {
                let body = body.clone();
                async move { (status, [(header::CONTENT_TYPE, "application/json")], body) }
            }));
            let base = serve(app).await;
            let client = Client::new(&base);
            let mut errors = Vec::new();
            for read in reads {
                errors.push(match *read {
                    "get" => client.get::<User>(1).await.map(drop).unwrap_err(),
                    "list" => client.list::<User>(1, 5).await.map(drop).unwrap_err(),
                    _ => client.list_all::<User>(5).await.map(drop).unwrap_err(),
                });
            }
            for error in errors {
                assert!(error.http_status().is_some(), "{error:?}");
                for text in [error.to_string(), format!("{error:?}")] {
                    for secret in secrets {
                        assert!(!text.contains(secret), "{status}: {secret} in {text}");
                    }
                }
            }
        }
    });
}
