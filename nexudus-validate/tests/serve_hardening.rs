//! `nexudus_validate::axum::serve` (the example server's loop) under slow
//! and greedy clients, on loopback: slow headers and bodies are cut off,
//! connections are limited, and a large invalid body being checked does
//! not stop the server answering others.

use std::time::{Duration, Instant};

use axum::http::StatusCode;
use nexudus_validate::axum::mock::{self, MemoryStore};
use nexudus_validate::axum::serve::{serve, Limits};
use nexudus_validate::axum::NexudusJson;
use nexudus_validate::resources::Workspace;
use nexudus_validate::{ErrorResponse, NexudusResource};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

mod support;
use support::{http, run};

/// The short limits of these tests.
const SHORT: Duration = Duration::from_millis(200);

/// Serves the mock on loopback within `limits`; the address.
async fn start(limits: Limits) -> std::net::SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(serve(listener, mock::app(MemoryStore::new()), limits));
    addr
}

/// Waits (at most `within`) for the server to close `socket`; everything
/// it sent before.
async fn closed_within(socket: &mut TcpStream, within: Duration) -> Option<Vec<u8>> {
    let mut got = Vec::new();
    let mut buf = [0u8; 4096];
    let read_all = async {
        loop {
            match socket.read(&mut buf).await {
                Ok(0) | Err(_) => return,
                Ok(n) => got.extend_from_slice(&buf[..n]),
            }
        }
    };
    tokio::time::timeout(within, read_all).await.ok()?;
    Some(got)
}

#[test]
fn headers_that_do_not_arrive_in_time_close_the_connection() {
    run(async {
        let addr = start(Limits::default().header_read_timeout(SHORT)).await;
        let mut tasks = Vec::new();
        for n in 0..50 {
            tasks.push(tokio::spawn(async move {
                let socket = TcpStream::connect(addr).await.unwrap();
                let started = Instant::now();
                let (mut read, mut write) = socket.into_split();
                // Half send nothing; half send a byte of headers every 50 ms.
                let drip = async {
                    let head = b"GET /api/token HTTP/1.1\r\nHost: x\r\nX-Slow: yes";
                    for byte in head.iter().filter(|_| n % 2 == 1) {
                        if write.write_all(&[*byte]).await.is_err() {
                            break;
                        }
                        tokio::time::sleep(Duration::from_millis(50)).await;
                    }
                    std::future::pending::<()>().await;
                };
                let closed = async {
                    let mut buf = [0u8; 1024];
                    while matches!(read.read(&mut buf).await, Ok(n) if n > 0) {}
                };
                tokio::select! {
                    () = closed => {}
                    () = drip => {}
                    () = tokio::time::sleep(Duration::from_secs(3)) => {}
                }
                started.elapsed()
            }));
        }
        for task in tasks {
            let elapsed = task.await.unwrap();
            assert!(elapsed < Duration::from_secs(2), "held for {elapsed:?}");
        }
    });
}

/// `POST` of a workspace announcing `length` body bytes, sending `sent`.
fn post_head(length: usize) -> String {
    format!(
        "POST {} HTTP/1.1\r\nHost: x\r\nAuthorization: Basic YWRtaW5AZXhhbXBsZS5jb206c2VjcmV0\r\nContent-Type: application/json\r\nContent-Length: {length}\r\n\r\n",
        Workspace::PATH
    )
}

/// The status and envelope of a raw HTTP/1.1 answer.
fn parse_answer(raw: &[u8]) -> (u16, ErrorResponse) {
    let text = String::from_utf8_lossy(raw);
    let status = text[9..12].parse().unwrap();
    let body = &text[text.find("\r\n\r\n").unwrap() + 4..];
    (status, serde_json::from_str(body).unwrap())
}

#[test]
fn a_body_that_does_not_arrive_in_time_is_a_408_in_the_envelope() {
    run(async {
        let limits = Limits::default()
            .body_timeout(SHORT)
            .request_timeout(Duration::from_millis(600));
        let addr = start(limits).await;

        // Some of the body, then nothing.
        let mut socket = TcpStream::connect(addr).await.unwrap();
        socket.write_all(post_head(100).as_bytes()).await.unwrap();
        socket.write_all(b"{\"Name\":").await.unwrap();
        let started = Instant::now();
        let raw = closed_within(&mut socket, Duration::from_secs(3))
            .await
            .expect("answered and closed");
        assert!(started.elapsed() < Duration::from_secs(2));
        let (status, body) = parse_answer(&raw);
        assert_eq!(status, 408);
        assert!(!body.was_successful);

        // A byte every 50 ms never pauses long, but the whole request is
        // bounded too.
        let mut socket = TcpStream::connect(addr).await.unwrap();
        socket.write_all(post_head(1000).as_bytes()).await.unwrap();
        let started = Instant::now();
        let drip = async {
            for _ in 0..100 {
                if socket.write_all(b" ").await.is_err() {
                    break;
                }
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        };
        tokio::time::timeout(Duration::from_secs(3), drip)
            .await
            .unwrap();
        let raw = closed_within(&mut socket, Duration::from_secs(1))
            .await
            .expect("answered and closed");
        assert!(started.elapsed() < Duration::from_secs(5));
        let (status, body) = parse_answer(&raw);
        assert_eq!(status, 408);
        assert_eq!(body.message, "Request Timeout.");
    });
}

#[test]
fn connections_over_the_limit_wait_for_a_free_one() {
    run(async {
        let limits = Limits::default()
            .max_connections(4)
            .header_read_timeout(Duration::from_secs(20));
        let addr = start(limits).await;
        let url = format!("http://{addr}{}/1", Workspace::PATH);
        // Answered while there is room.
        let answer = http().get(&url).send().await.unwrap();
        assert_eq!(answer.status(), StatusCode::NOT_FOUND);

        let mut idle = Vec::new();
        for _ in 0..4 {
            idle.push(TcpStream::connect(addr).await.unwrap());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
        let short = reqwest::Client::builder().timeout(SHORT).build().unwrap();
        let error = short.get(&url).send().await.unwrap_err();
        assert!(error.is_timeout(), "{error:?}");

        drop(idle);
        let answer = http().get(&url).send().await.unwrap();
        assert_eq!(answer.status(), StatusCode::NOT_FOUND);
    });
}

/// A resource whose check takes its time: it stands for a large body that
/// is expensive to check, whatever the engine's speed.
#[derive(serde::Deserialize, NexudusResource)]
#[serde(rename_all = "PascalCase")]
#[nexudus(name = "Slow", path = "/api/test/slow")]
struct Slow {
    #[custom(slowly)]
    pad: Option<String>,
}

fn slowly(_: &String) -> Result<(), &'static str> {
    std::thread::sleep(Duration::from_millis(400));
    Err("took its time")
}

#[test]
fn others_are_answered_while_a_large_invalid_body_is_checked() {
    // The server on a runtime of its own with a single thread: if the
    // check ran on it, nothing else would be answered meanwhile.
    let (addr_tx, addr_rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap()
            .block_on(async {
                let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
                addr_tx.send(listener.local_addr().unwrap()).unwrap();
                let app = mock::app(MemoryStore::new()).route(
                    Slow::PATH,
                    axum::routing::post(|NexudusJson(_): NexudusJson<Slow>| async {
                        StatusCode::OK
                    }),
                );
                serve(listener, app, Limits::default()).await;
            });
    });
    let addr = addr_rx.recv().unwrap();
    run(async move {
        // Large (checked off the runtime's thread) and slow to check.
        let body = format!(r#"{{"Pad": "{}"}}"#, "x".repeat(20_000));
        let url = format!("http://{addr}{}", Slow::PATH);
        let started = Instant::now();
        let post = tokio::spawn(async move {
            let answer = http()
                .post(&url)
                .header("content-type", "application/json")
                .body(body)
                .send()
                .await
                .unwrap();
            assert_eq!(answer.status(), StatusCode::BAD_REQUEST);
            answer.bytes().await.unwrap();
            started.elapsed()
        });
        // Once the body is in and being checked...
        tokio::time::sleep(Duration::from_millis(100)).await;
        let get_sent = started.elapsed();
        let answer = http()
            .get(format!("http://{addr}{}/1", Workspace::PATH))
            .send()
            .await
            .unwrap();
        assert_eq!(answer.status(), StatusCode::NOT_FOUND);
        let get_done = started.elapsed();
        let post_done = post.await.unwrap();
        // ...the GET is answered before the check ends.
        assert!(
            get_done < post_done,
            "GET sent at {get_sent:?}, answered at {get_done:?}; POST answered at {post_done:?}"
        );
    });
}
