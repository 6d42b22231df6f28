//! A small Nexudus-compatible server for every compiled-in resource, with
//! the records kept in memory: the five documented resources, and with
//! `all-resources` (or a module's feature) every generated one.
//!
//! Run: `cargo run -p nexudus-validate --features axum,all-resources --example server [ADDR]`
//! (ADDR defaults to `127.0.0.1:8080`). It takes the Basic credentials
//! `NEXUDUS_USER` and `NEXUDUS_PASSWORD` (default `admin@example.com` and
//! `secret`, printed at start), and the bearer tokens it issues at
//! `POST /api/token` for them; any other request is a 401. Then for
//! instance
//!
//! ```text
//! curl -s -X POST http://127.0.0.1:8080/api/collaboration/workspaces \
//!      -u admin@example.com:secret -H 'content-type: application/json' \
//!      -d '{"BusinessId": 1, "AdministratorId": 2, "Name": " "}'
//! ```
//!
//! answers HTTP 400 with the exact Nexudus body, and
//! `curl -s -u admin@example.com:secret 'http://127.0.0.1:8080/api/spaces/bookings?Booking_Coworker=1&orderBy=FromTime&dir=-1'`
//! one member's bookings, newest first, in the Nexudus list shape. See
//! `nexudus_validate::axum::mock` for what each route answers, which
//! filters a list takes, how `UpdatedBy` is the caller and why
//! `UpdatedOn` is UTC.
//!
//! It runs on tokio's multi-thread runtime through
//! `nexudus_validate::axum::serve` with its default limits: headers within
//! 10 s (also between requests on a kept-alive connection), no pause over
//! 10 s in a body, 30 s for a whole request, 1024 connections at once,
//! bodies up to 2 MB; large bodies are checked on the blocking pool, so
//! an expensive invalid body does not hold up other requests.

use nexudus_validate::axum::mock::{self, MemoryStore};
use nexudus_validate::axum::serve::{serve, Limits};
use nexudus_validate::resources::registry;

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let addr = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:8080".to_owned());
    let var =
        |name: &str, default: &str| std::env::var(name).unwrap_or_else(|_| default.to_owned());
    let user = var("NEXUDUS_USER", mock::DEFAULT_USER);
    let password = var("NEXUDUS_PASSWORD", mock::DEFAULT_PASSWORD);
    let listener = tokio::net::TcpListener::bind(&addr).await?;
    println!(
        "Nexudus mock listening on http://{}",
        listener.local_addr()?
    );
    // A password of your own is never printed; the default one is.
    let shown = if password == mock::DEFAULT_PASSWORD {
        password.as_str()
    } else {
        "(from NEXUDUS_PASSWORD)"
    };
    println!("  credentials (NEXUDUS_USER, NEXUDUS_PASSWORD): {user} / {shown}");
    println!("  POST /api/token (form-encoded: grant_type=password or refresh_token)");
    let served: Vec<_> = registry::all().filter(|r| !r.path().is_empty()).collect();
    for resource in &served {
        let path = resource.path();
        let operations: Vec<&str> = resource.operations().names().collect();
        println!("  {path}  ({})", operations.join(", "));
    }
    println!("{} resources", served.len());
    let store = MemoryStore::new();
    store.set_credentials(user, password);
    serve(listener, mock::app(store), Limits::default()).await;
    Ok(())
}
