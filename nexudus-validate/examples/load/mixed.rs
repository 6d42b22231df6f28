//! The mixed phase: a fixed number of valid creates, updates and reads,
//! invalid bodies and slow bodies, at a fixed concurrency, each answer
//! checked byte for byte or field by field.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::{Body, Bytes};
use axum::http::{Method, StatusCode};
use nexudus_validate::resources::Workspace;
use nexudus_validate::{NexudusResource, SuccessResponse};

use crate::bodies::{self, Slow};
use crate::conn::Conn;
use crate::stats::Stats;

/// What one client expects the server to hold: `Id` → the name it last
/// wrote.
pub type Expected = BTreeMap<i64, String>;

/// `concurrency` clients, each with its connection open.
pub async fn connect(addr: SocketAddr, concurrency: usize) -> Result<Vec<Client>, String> {
    let mut clients = Vec::with_capacity(concurrency);
    for id in 0..concurrency {
        let mut conn = Conn::new(addr);
        conn.connect().await?;
        clients.push(Client {
            id,
            conn,
            expected: Expected::new(),
            ids: Vec::new(),
            stats: Stats::default(),
        });
    }
    Ok(clients)
}

/// Has `clients` send `requests` requests in all; the stats, every record
/// the clients expect to be stored, and the time it took.
pub async fn run(clients: Vec<Client>, requests: usize) -> (Stats, Expected, Duration) {
    let next = Arc::new(AtomicUsize::new(0));
    let invalid = Arc::new(bodies::invalid());
    let started = Instant::now();
    let clients: Vec<_> = clients
        .into_iter()
        .map(|client| {
            let (next, invalid) = (next.clone(), invalid.clone());
            tokio::spawn(async move { client.run(&next, requests, &invalid).await })
        })
        .collect();
    let mut stats = Stats::default();
    let mut expected = Expected::new();
    for client in clients {
        let (client_stats, client_expected) = client.await.expect("a client task ends");
        stats.merge(client_stats);
        expected.extend(client_expected);
    }
    (stats, expected, started.elapsed())
}

/// One connection's client, with what it wrote.
pub struct Client {
    id: usize,
    conn: Conn,
    expected: Expected,
    /// The keys of `expected`, in the order they were created.
    ids: Vec<i64>,
    stats: Stats,
}

impl Client {
    async fn run(
        mut self,
        next: &AtomicUsize,
        requests: usize,
        invalid: &[(Bytes, Bytes)],
    ) -> (Stats, Expected) {
        loop {
            let n = next.fetch_add(1, Ordering::Relaxed);
            if n >= requests {
                return (self.stats, self.expected);
            }
            let started = Instant::now();
            let kind = self.one(n, invalid).await;
            self.stats.latencies.push(started.elapsed());
            *self.stats.kinds.entry(kind).or_default() += 1;
        }
    }

    /// The `n`th request: 40 % creates, 20 % updates, 20 % reads, 15 %
    /// invalid bodies, 5 % slow creates (the body in two parts, 2 ms
    /// apart). Its kind.
    async fn one(&mut self, n: usize, invalid: &[(Bytes, Bytes)]) -> &'static str {
        let known = self.pick(n);
        match (n % 20, known) {
            (8..=11, Some((id, _))) => {
                let name = format!("c{}-n{n}-updated", self.id);
                let body = Body::from(bodies::workspace(Some(id), &name));
                self.write(Method::PUT, body, Some(id), name).await;
                "update"
            }
            (12..=15, Some((id, name))) => {
                self.read(id, name).await;
                "read"
            }
            (16..=18, _) => {
                let (body, answer) = &invalid[n % invalid.len()];
                self.invalid(body.clone(), answer).await;
                "invalid"
            }
            (19, _) => {
                let name = format!("c{}-n{n}-slow", self.id);
                let body = Body::new(Slow::new(
                    bodies::workspace(None, &name),
                    Duration::from_millis(2),
                ));
                self.write(Method::POST, body, None, name).await;
                "slow create"
            }
            _ => {
                let name = format!("c{}-n{n}", self.id);
                let body = Body::from(bodies::workspace(None, &name));
                self.write(Method::POST, body, None, name).await;
                "create"
            }
        }
    }

    /// One of this client's records, chosen by `n`.
    fn pick(&self, n: usize) -> Option<(i64, String)> {
        let id = *self.ids.get(n % self.ids.len().max(1))?;
        Some((id, self.expected.get(&id)?.clone()))
    }

    /// A create (`id` `None`) or an update that must succeed.
    async fn write(&mut self, method: Method, body: Body, id: Option<i64>, name: String) {
        let (status, bytes) = match self.conn.send(method, Workspace::PATH, Some(body)).await {
            Ok(answer) => answer,
            Err(error) => return self.stats.problem(false, format!("write: {error}")),
        };
        if status != StatusCode::OK {
            return self.stats.problem(false, format!("write: HTTP {status}"));
        }
        let Ok(answer) = serde_json::from_slice::<SuccessResponse>(&bytes) else {
            return self
                .stats
                .problem(true, "write: not a success body".to_owned());
        };
        let verb = if id.is_some() { "updated" } else { "created" };
        let message = format!("{} was successfully {verb}.", Workspace::NAME);
        match answer.id() {
            Some(got)
                if answer.was_successful
                    && answer.message == message
                    && id.is_none_or(|id| id == got) =>
            {
                if self.expected.insert(got, name).is_none() {
                    self.ids.push(got);
                }
            }
            _ => self
                .stats
                .problem(true, format!("write: {}", String::from_utf8_lossy(&bytes))),
        }
    }

    /// A read that must give back what this client last wrote.
    async fn read(&mut self, id: i64, name: String) {
        let path = format!("{}/{id}", Workspace::PATH);
        let (status, bytes) = match self.conn.send(Method::GET, &path, None).await {
            Ok(answer) => answer,
            Err(error) => return self.stats.problem(false, format!("read: {error}")),
        };
        if status != StatusCode::OK {
            return self
                .stats
                .problem(false, format!("read {id}: HTTP {status}"));
        }
        match serde_json::from_slice::<Workspace>(&bytes) {
            Ok(read) if read.id == Some(id) && read.name.as_deref() == Some(name.as_str()) => {}
            _ => self.stats.problem(
                true,
                format!("read {id}: {}", String::from_utf8_lossy(&bytes)),
            ),
        }
    }

    /// An invalid create that must get exactly `expected`.
    async fn invalid(&mut self, body: Bytes, expected: &Bytes) {
        let (status, bytes) = match self
            .conn
            .send(Method::POST, Workspace::PATH, Some(Body::from(body)))
            .await
        {
            Ok(answer) => answer,
            Err(error) => return self.stats.problem(false, format!("invalid: {error}")),
        };
        if status != StatusCode::BAD_REQUEST {
            return self.stats.problem(false, format!("invalid: HTTP {status}"));
        }
        if bytes != *expected {
            self.stats.problem(
                true,
                format!("invalid: {}", String::from_utf8_lossy(&bytes)),
            );
        }
    }
}
