//! A bounded loopback load test of the example server's app: the mock
//! Nexudus API (`nexudus_validate::axum::mock::app`) served in-process by
//! `nexudus_validate::axum::serve` with its default limits, as
//! `examples/server.rs` serves it.
//!
//! ```text
//! cargo run --release -p nexudus-validate --features axum,client,resources --example load
//! cargo run --release -p nexudus-validate --features axum,client,resources --example load -- requests=50000 concurrency=32
//! ```
//!
//! 1. **Mixed**: `requests` requests (default 200,000) over `concurrency`
//!    kept-alive connections (default 64): 40 % valid creates, 20 %
//!    updates, 20 % reads, 15 % invalid bodies, 5 % slow creates (the body
//!    in two parts, 2 ms apart), while `slowloris` connections (default
//!    200) send their headers a byte every 500 ms. Every answer is checked
//!    (the 400 bodies byte for byte), then every record against the store:
//!    none may be lost or corrupted.
//! 2. **Large bodies**: `attackers` clients (default 16) send ~2 MB
//!    invalid bodies (a list of wrong-type elements, the most expensive
//!    shape to check) again and again while one client times `gets` plain
//!    GETs (default 1,000, 5 ms apart).
//!
//! It prints req/s, p50/p99 and errors, and whether the targets (on 2
//! cores: at least 20,000 mixed req/s, p99 under 20 ms, nothing lost or
//! corrupted, GET p99 under 50 ms during the large bodies) are met. The
//! server and the clients share the machine: each gets a 2-thread runtime.
//! Not run in CI.

mod attack;
mod bodies;
mod conn;
mod mixed;
mod stats;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use nexudus_validate::axum::mock::{self, MemoryStore};
use nexudus_validate::axum::serve::{serve, Limits};
use nexudus_validate::resources::Workspace;

use stats::{ms, Stats};

/// `name=value` arguments, with defaults.
struct Settings {
    requests: usize,
    concurrency: usize,
    slowloris: usize,
    attackers: usize,
    gets: usize,
}

impl Settings {
    fn from_args() -> Result<Self, String> {
        let mut settings = Self {
            requests: 200_000,
            concurrency: 64,
            slowloris: 200,
            attackers: 16,
            gets: 1_000,
        };
        for arg in std::env::args().skip(1) {
            let (name, value) = arg
                .split_once('=')
                .ok_or(format!("not name=value: {arg}"))?;
            let value: usize = value.parse().map_err(|_| format!("not a number: {arg}"))?;
            match name {
                "requests" => settings.requests = value,
                "concurrency" => settings.concurrency = value.max(1),
                "slowloris" => settings.slowloris = value,
                "attackers" => settings.attackers = value,
                "gets" => settings.gets = value.max(1),
                _ => return Err(format!("unknown setting: {name}")),
            }
        }
        Ok(settings)
    }
}

fn runtime(name: &str) -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name(name)
        .enable_all()
        .build()
        .expect("a runtime")
}

fn verdict(met: bool) -> &'static str {
    if met {
        "met"
    } else {
        "NOT met"
    }
}

fn report(title: &str, stats: &mut Stats) {
    let p50 = stats.quantile(0.50);
    let p99 = stats.quantile(0.99);
    println!(
        "{title}: p50 {}, p99 {}, max {}; errors {}, corrupted {}",
        ms(p50),
        ms(p99),
        ms(stats.max()),
        stats.errors,
        stats.corrupted
    );
    for (kind, n) in &stats.kinds {
        println!("  {kind:12} {n}");
    }
    for problem in &stats.problems {
        println!("  problem: {}", &problem[..problem.len().min(200)]);
    }
}

fn main() {
    let settings = match Settings::from_args() {
        Ok(settings) => settings,
        Err(error) => {
            eprintln!("{error}");
            std::process::exit(2);
        }
    };
    let cpus = std::thread::available_parallelism().map_or(1, usize::from);
    println!("load test on {cpus} CPUs (targets are for 2)");

    // The server, on its own runtime.
    let store = MemoryStore::new();
    let server = runtime("server");
    let listener = server
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .expect("a loopback port");
    let addr = listener.local_addr().expect("an address");
    server.spawn(serve(listener, mock::app(store.clone()), Limits::default()));

    let clients = runtime("clients");
    let (mut mixed, expected, elapsed, slow_closed) = clients.block_on(async {
        // Every connection opened before the clock starts.
        let clients = mixed::connect(addr, settings.concurrency)
            .await
            .expect("the clients connect");
        let stop = Arc::new(AtomicBool::new(false));
        let slow = attack::slow_headers(addr, settings.slowloris, stop.clone()).await;
        let (stats, expected, elapsed) = mixed::run(clients, settings.requests).await;
        // The server closes them once the header timeout (10 s) is over.
        let slow = tokio::time::timeout(Duration::from_secs(15), slow).await;
        stop.store(true, Ordering::Relaxed);
        let slow_closed = match slow {
            Ok(closed) => closed.unwrap_or(0),
            Err(_) => 0,
        };
        (stats, expected, elapsed, slow_closed)
    });

    // Nothing lost, nothing corrupted: every record as its writer last
    // wrote it, and no other.
    let mut lost = 0;
    let mut corrupted = 0;
    for (id, name) in &expected {
        match store.get::<Workspace>(*id) {
            None => lost += 1,
            Some(record) => {
                let whole = record.id == Some(*id)
                    && record.name.as_deref() == Some(name.as_str())
                    && record.business_id == Some(1)
                    && record.administrator_id == Some(2)
                    && record.members.as_deref() == Some(&[3, 4][..]);
                corrupted += usize::from(!whole);
            }
        }
    }
    let creates = mixed.kinds.get("create").copied().unwrap_or(0)
        + mixed.kinds.get("slow create").copied().unwrap_or(0);
    let stored = store.len::<Workspace>();

    let rate = settings.requests as f64 / elapsed.as_secs_f64();
    println!(
        "\nmixed: {} requests, concurrency {}, {:.2} s, {rate:.0} req/s",
        settings.requests,
        settings.concurrency,
        elapsed.as_secs_f64()
    );
    report("mixed", &mut mixed);
    println!(
        "  slow-header connections: {} opened, {slow_closed} closed by the server (header timeout 10 s)",
        settings.slowloris
    );
    println!(
        "  records: {creates} creates, {} expected, {stored} stored, {lost} lost, {corrupted} corrupted",
        expected.len()
    );

    // A plain GET under large invalid bodies.
    let body = bodies::expensive_invalid(2_000_000);
    let some_id = expected.keys().next().copied().unwrap_or(1);
    let attack_started = std::time::Instant::now();
    let mut attack = clients.block_on(attack::large_bodies(
        addr,
        settings.attackers,
        body.clone(),
        settings.gets,
        some_id,
    ));
    println!(
        "\nlarge bodies: {} clients sending {} byte invalid bodies for {:.2} s: {} answered 400, {} other",
        settings.attackers,
        body.len(),
        attack_started.elapsed().as_secs_f64(),
        attack.bodies_rejected,
        attack.bodies_failed
    );
    report("GET during large bodies", &mut attack.gets);

    let p99 = mixed.quantile(0.99);
    let get_p99 = attack.gets.quantile(0.99);
    let whole = mixed.errors == 0
        && mixed.corrupted == 0
        && lost == 0
        && corrupted == 0
        && stored == creates;
    println!("\ntargets (2 cores):");
    println!(
        "  >= 20,000 mixed req/s: {rate:.0}, {}",
        verdict(rate >= 20_000.0)
    );
    println!(
        "  mixed p99 < 20 ms: {}, {}",
        ms(p99),
        verdict(p99.as_millis() < 20)
    );
    println!(
        "  zero lost or corrupted records, zero errors: {}",
        verdict(whole)
    );
    println!(
        "  GET p99 < 50 ms under {} x 2 MB bodies: {}, {}",
        settings.attackers,
        ms(get_p99),
        verdict(get_p99.as_millis() < 50 && attack.gets.errors == 0)
    );
    drop(clients);
    drop(server);
}
