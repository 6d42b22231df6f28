//! Hostile clients: connections that send their headers a byte at a time,
//! and clients that send large, expensive invalid bodies while a plain GET
//! is timed.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::{Body, Bytes};
use axum::http::{Method, StatusCode};
use nexudus_validate::resources::Workspace;
use nexudus_validate::NexudusResource;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::conn::Conn;
use crate::stats::Stats;

/// Opens `count` connections, then has each send a header byte every
/// 500 ms until the server closes it or `stop` is set. The task gives how
/// many the server closed.
pub async fn slow_headers(
    addr: SocketAddr,
    count: usize,
    stop: Arc<AtomicBool>,
) -> tokio::task::JoinHandle<usize> {
    let mut sockets = Vec::with_capacity(count);
    for _ in 0..count {
        if let Ok(socket) = TcpStream::connect(addr).await {
            sockets.push(socket);
        }
    }
    tokio::spawn(async move {
        let closed = Arc::new(AtomicUsize::new(0));
        let mut tasks = Vec::new();
        for mut socket in sockets {
            let (stop, closed) = (stop.clone(), closed.clone());
            tasks.push(tokio::spawn(async move {
                let mut buf = [0u8; 256];
                let head = b"GET /api/token HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ";
                for byte in head.iter().chain(std::iter::repeat(&b'x')) {
                    if stop.load(Ordering::Relaxed) {
                        return;
                    }
                    if socket.write_all(&[*byte]).await.is_err() {
                        break;
                    }
                    // Closed by the server (read gives 0 or fails)?
                    let read = socket.read(&mut buf);
                    if let Ok(Ok(0) | Err(_)) =
                        tokio::time::timeout(Duration::from_millis(500), read).await
                    {
                        break;
                    }
                }
                closed.fetch_add(1, Ordering::Relaxed);
            }));
        }
        for task in tasks {
            let _ = task.await;
        }
        closed.load(Ordering::Relaxed)
    })
}

/// What the large-body phase measured.
pub struct Attack {
    /// The plain GETs, timed.
    pub gets: Stats,
    /// Large invalid bodies answered 400, and other outcomes.
    pub bodies_rejected: usize,
    pub bodies_failed: usize,
}

/// `attackers` clients send `body` (invalid, expensive) again and again
/// while one client sends `gets` plain GETs of record `id`, 5 ms apart;
/// then the attackers stop.
pub async fn large_bodies(
    addr: SocketAddr,
    attackers: usize,
    body: Bytes,
    gets: usize,
    id: i64,
) -> Attack {
    let stop = Arc::new(AtomicBool::new(false));
    let rejected = Arc::new(AtomicUsize::new(0));
    let failed = Arc::new(AtomicUsize::new(0));
    let mut tasks = Vec::new();
    for _ in 0..attackers {
        let (stop, rejected, failed, body) =
            (stop.clone(), rejected.clone(), failed.clone(), body.clone());
        tasks.push(tokio::spawn(async move {
            let mut conn = Conn::new(addr);
            while !stop.load(Ordering::Relaxed) {
                match conn
                    .send(
                        Method::POST,
                        Workspace::PATH,
                        Some(Body::from(body.clone())),
                    )
                    .await
                {
                    Ok((StatusCode::BAD_REQUEST, _)) => rejected.fetch_add(1, Ordering::Relaxed),
                    _ => failed.fetch_add(1, Ordering::Relaxed),
                };
            }
        }));
    }
    // Let the bodies arrive and their checks start.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let mut stats = Stats::default();
    let mut conn = Conn::new(addr);
    let path = format!("{}/{id}", Workspace::PATH);
    for _ in 0..gets {
        let started = Instant::now();
        match conn.send(Method::GET, &path, None).await {
            Ok((StatusCode::OK, _)) => stats.latencies.push(started.elapsed()),
            Ok((status, _)) => stats.problem(false, format!("GET: HTTP {status}")),
            Err(error) => stats.problem(false, format!("GET: {error}")),
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    *stats.kinds.entry("read").or_default() += gets;
    stop.store(true, Ordering::Relaxed);
    for task in tasks {
        let _ = task.await;
    }
    Attack {
        gets: stats,
        bodies_rejected: rejected.load(Ordering::Relaxed),
        bodies_failed: failed.load(Ordering::Relaxed),
    }
}
