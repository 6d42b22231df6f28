//! One kept-alive HTTP/1.1 connection to the server under test, through
//! hyper's client connection (the lightest client: no pool, no redirects).

use std::net::SocketAddr;
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::http::{header, Method, Request, StatusCode};
use hyper::client::conn::http1::SendRequest;
use hyper_util::rt::TokioIo;
use tokio::net::TcpStream;

/// No request of the load test may take longer.
pub const REQUEST_LIMIT: Duration = Duration::from_secs(30);
/// The largest answer read (a 2 MB invalid body answers about 5 MB).
const ANSWER_LIMIT: usize = 64 << 20;

/// A connection that reconnects after the server closed it.
pub struct Conn {
    addr: SocketAddr,
    sender: Option<SendRequest<Body>>,
}

impl Conn {
    pub fn new(addr: SocketAddr) -> Self {
        Self { addr, sender: None }
    }

    /// Sends one request and reads the whole answer; `Err` for anything
    /// that is not an answer (refused, closed, timed out).
    pub async fn send(
        &mut self,
        method: Method,
        path: &str,
        body: Option<Body>,
    ) -> Result<(StatusCode, Bytes), String> {
        let exchange = async {
            let sender = self.ready().await?;
            let mut request = Request::builder()
                .method(method)
                .uri(path)
                .header(header::HOST, "127.0.0.1")
                // The mock's default credentials, admin@example.com:secret.
                .header(
                    header::AUTHORIZATION,
                    "Basic YWRtaW5AZXhhbXBsZS5jb206c2VjcmV0",
                );
            if body.is_some() {
                request = request.header(header::CONTENT_TYPE, "application/json");
            }
            let request = request
                .body(body.unwrap_or_default())
                .map_err(|e| e.to_string())?;
            let answer = sender
                .send_request(request)
                .await
                .map_err(|e| e.to_string())?;
            let status = answer.status();
            let bytes = axum::body::to_bytes(Body::new(answer.into_body()), ANSWER_LIMIT)
                .await
                .map_err(|e| e.to_string())?;
            Ok((status, bytes))
        };
        let result = match tokio::time::timeout(REQUEST_LIMIT, exchange).await {
            Ok(result) => result,
            Err(_) => Err("no answer in time".to_owned()),
        };
        if result.is_err() {
            self.sender = None;
        }
        result
    }

    /// Opens the connection now (before a clock starts).
    pub async fn connect(&mut self) -> Result<(), String> {
        self.ready().await.map(drop)
    }

    async fn ready(&mut self) -> Result<&mut SendRequest<Body>, String> {
        if self.sender.as_ref().is_none_or(|s| s.is_closed()) {
            let stream = TcpStream::connect(self.addr)
                .await
                .map_err(|e| e.to_string())?;
            stream.set_nodelay(true).map_err(|e| e.to_string())?;
            let (sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
                .await
                .map_err(|e| e.to_string())?;
            tokio::spawn(connection);
            self.sender = Some(sender);
        }
        let sender = self.sender.as_mut().ok_or("no connection")?;
        sender.ready().await.map_err(|e| e.to_string())?;
        Ok(sender)
    }
}
