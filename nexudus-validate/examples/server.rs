//! A small Nexudus-compatible server for every compiled-in resource, with
//! the records kept in memory: the five documented resources, and with
//! `all-resources` (or a module's feature) every generated one.
//!
//! Run: `cargo run -p nexudus-validate --features axum,all-resources --example server [ADDR]`
//! (ADDR defaults to `127.0.0.1:8080`), then for instance
//!
//! ```text
//! curl -s -X POST http://127.0.0.1:8080/api/collaboration/workspaces \
//!      -u admin@example.com:secret -H 'content-type: application/json' \
//!      -d '{"BusinessId": 1, "AdministratorId": 2, "Name": " "}'
//! ```
//!
//! answers HTTP 400 with the exact Nexudus body, and
//! `curl -s 'http://127.0.0.1:8080/api/spaces/bookings?page=1&size=25'`
//! a page of bookings in the Nexudus list shape. See
//! `nexudus_validate::axum::mock` for what each route answers, how
//! `UpdatedBy` is derived from the `Authorization` header (Basic user name,
//! the user a token was issued to, else `"api"`) and why `UpdatedOn` is
//! UTC.
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
    let listener = tokio::net::TcpListener::bind(&addr).await?;
    println!(
        "Nexudus mock listening on http://{}",
        listener.local_addr()?
    );
    println!("  POST /api/token (form-encoded)");
    let served: Vec<_> = registry::all().filter(|r| !r.path().is_empty()).collect();
    for resource in &served {
        let path = resource.path();
        println!("  GET (?page=&size=), POST, PUT {path}    GET, DELETE {path}/{{id}}");
    }
    println!("{} resources", served.len());
    serve(listener, mock::app(MemoryStore::new()), Limits::default()).await;
    Ok(())
}
