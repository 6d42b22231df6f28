//! The request bodies of the load test, and the answers they must get.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use axum::body::Bytes;
use hyper::body::{Body as HttpBody, Frame, SizeHint};
use nexudus_validate::resources::Workspace;
use nexudus_validate::Operation;
use tokio::time::Sleep;

/// A valid workspace named `name`, for a create (no `Id`) or an update.
pub fn workspace(id: Option<i64>, name: &str) -> Bytes {
    let record = Workspace {
        id,
        business_id: Some(1),
        administrator_id: Some(2),
        name: Some(name.to_owned()),
        description: Some("Made by the load test".to_owned()),
        members: Some(vec![3, 4]),
        ..Workspace::default()
    };
    Bytes::from(serde_json::to_vec(&record).expect("a workspace serializes"))
}

/// Invalid bodies, each with the exact 400 body it must get.
pub fn invalid() -> Vec<(Bytes, Bytes)> {
    [
        &br#"{"BusinessId": 1, "Name": "   ", "VisibleByEveryone": "yes"}"#[..],
        br#"{"BusinessId": "abc", "AdministratorId": 99999999999999999999, "Members": [1, "x"]}"#,
        b"{not json",
    ]
    .into_iter()
    .map(|body| {
        let errors = nexudus_validate::from_slice_for::<Workspace>(body, Operation::Create)
            .expect_err("the body is invalid");
        let answer = serde_json::to_vec(&errors.to_response()).expect("serializes");
        (Bytes::from_static(body), Bytes::from(answer))
    })
    .collect()
}

/// An invalid body of about `len` bytes that is expensive to check: a
/// list of which every element has the wrong type.
pub fn expensive_invalid(len: usize) -> Bytes {
    let elements = len.saturating_sub(16) / 4;
    let mut body = String::with_capacity(len);
    body.push_str(r#"{"Members": ["#);
    for i in 0..elements {
        if i > 0 {
            body.push(',');
        }
        body.push_str(r#""x""#);
    }
    body.push_str("]}");
    Bytes::from(body)
}

/// A body sent in two parts with a pause between them (a slow client).
pub struct Slow {
    first: Option<Bytes>,
    pause: Pin<Box<Sleep>>,
    second: Option<Bytes>,
}

impl Slow {
    pub fn new(body: Bytes, pause: Duration) -> Self {
        let half = body.len() / 2;
        Self {
            first: Some(body.slice(..half)),
            pause: Box::pin(tokio::time::sleep(pause)),
            second: Some(body.slice(half..)),
        }
    }
}

impl HttpBody for Slow {
    type Data = Bytes;
    type Error = std::convert::Infallible;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Self::Error>>> {
        if let Some(first) = self.first.take() {
            return Poll::Ready(Some(Ok(Frame::data(first))));
        }
        if self.second.is_some() && self.pause.as_mut().poll(cx).is_pending() {
            return Poll::Pending;
        }
        Poll::Ready(self.second.take().map(|second| Ok(Frame::data(second))))
    }

    fn size_hint(&self) -> SizeHint {
        let len =
            self.first.as_ref().map_or(0, Bytes::len) + self.second.as_ref().map_or(0, Bytes::len);
        SizeHint::with_exact(len as u64)
    }
}
