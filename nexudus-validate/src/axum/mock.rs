//! An in-memory stand-in for the Nexudus REST API, to run a client against
//! in tests or on a laptop.
//!
//! For each resource `T` it serves, the router answers:
//!
//! | request | answer |
//! |---|---|
//! | `POST T::PATH`, a valid record | 200, [`SuccessResponse::created`], the record stored under a new `Id` |
//! | `PUT T::PATH`, a valid record with a known `Id` | 200, [`SuccessResponse::updated`], the **whole** record replaced |
//! | `PUT T::PATH`, a valid record with an unknown `Id` | 404, the Nexudus envelope |
//! | `POST`/`PUT` with an invalid body | 400 (413 when too large), the Nexudus envelope (see [`NexudusJson`]) |
//! | `GET T::PATH/{id}` | 200 with the stored record as JSON, **less its `#[sensitive]` fields**, or 404 in the envelope |
//! | an unknown path | 404, the Nexudus envelope |
//! | a known path, another method | 405 with `Allow`, the Nexudus envelope |
//! | request headers over [`MAX_HEADER_BYTES`] | 431, the Nexudus envelope |
//! | `POST` when no fresh `Id` is left | 500, the Nexudus envelope; nothing is stored |
//!
//! and `POST /api/token` (form-encoded `grant_type=password&username=..&password=..`)
//! issues a bearer token: `{"access_token":"..","token_type":"bearer","expires_in":86400}`.
//!
//! # Secrets are write-only
//!
//! The values of `#[sensitive]` fields (a `User`'s passwords, a `UiModule`'s
//! `SharedSecret`) are stored but never served: `GET` leaves them out. A
//! `PUT` that leaves one out (or sends `null`), as a client that read the
//! record must, keeps the stored value; one that sends a value replaces it.
//! (Only top-level fields are known to be sensitive: the field table of a
//! resource does not describe its nested resources.)
//!
//! The mock checks **no credentials**. It reads the `Authorization` header
//! only to fill `UpdatedBy`:
//!
//! - `Basic` → the user name;
//! - `Bearer` with a token this mock issued → the user name it was issued to;
//! - any other bearer token, or no header → `"api"`.
//!
//! `UpdatedOn` is the time of the request from the system clock, as **UTC**
//! wall-clock time (Nexudus would write the space's local time, which the
//! mock does not know); [`MemoryStore::with_clock`] replaces the clock.
//!
//! Records are kept as the JSON the resource type serializes to, keyed by
//! `"Id"`; new `Id`s count up from 1 across all resources, always above
//! every `Id` stored so far. They never wrap or collide: once `i64::MAX`
//! has been used, creating fails ([`StoreError::IdsExhausted`]) instead of
//! overwriting a record.
//!
//! ```
//! use nexudus_validate::axum::mock::{MemoryStore, MockNexudus};
//! use nexudus_validate::NexudusResource;
//! use serde::{Deserialize, Serialize};
//!
//! #[derive(Serialize, Deserialize, NexudusResource)]
//! #[serde(rename_all = "PascalCase")]
//! #[nexudus(name = "Workspace", path = "/api/collaboration/workspaces")]
//! struct Workspace {
//!     #[required(update)]
//!     id: Option<i64>,
//!     #[required]
//!     name: Option<String>,
//! }
//!
//! let store = MemoryStore::new();
//! let id = store.insert(&Workspace { id: None, name: Some("Design team".into()) });
//! let app: axum::Router = MockNexudus::new(store.clone()).resource::<Workspace>().into_router();
//! // axum::serve(listener, app).await ...
//! assert_eq!(store.get::<Workspace>(id).unwrap().name.as_deref(), Some("Design team"));
//! // With the `resources` feature, `mock::app(store)` serves the five
//! // documented resources.
//! ```

use std::collections::btree_map::Entry;
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{SystemTime, UNIX_EPOCH};

use ::axum::body::Bytes;
use ::axum::extract::rejection::BytesRejection;
use ::axum::extract::rejection::PathRejection;
use ::axum::extract::{Path, State};
use ::axum::http::{header, HeaderMap, StatusCode};
use ::axum::response::{IntoResponse, Response};
use ::axum::routing::{get, post, put};
use ::axum::Router;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

pub use super::fallback::MAX_HEADER_BYTES;
use super::{fallback, json_response, NexudusJson};
use crate::{NexudusDateTime, NexudusResource, SuccessResponse, ValidationErrors};

/// The records of a [`MockNexudus`], shared (cheap to clone) between the
/// router and the code that seeds or inspects it.
#[derive(Clone)]
pub struct MemoryStore {
    inner: Arc<Inner>,
}

struct Inner {
    records: Mutex<Records>,
    /// Bearer tokens issued by `/api/token`, and whom to.
    tokens: Mutex<HashMap<String, String>>,
    next_token: AtomicU64,
    clock: Box<dyn Fn() -> NexudusDateTime + Send + Sync>,
}

/// The records and the `Id` counter, under one lock so that taking an `Id`
/// and storing under it are one step.
struct Records {
    /// Records by resource path, then by `Id`.
    tables: HashMap<&'static str, BTreeMap<i64, Value>>,
    /// The next fresh `Id`, above every `Id` stored so far; `None` once
    /// `i64::MAX` is taken.
    next_id: Option<i64>,
}

impl Records {
    /// Takes a fresh `Id`.
    fn fresh_id(&mut self) -> Result<i64, StoreError> {
        let id = self.next_id.ok_or(StoreError::IdsExhausted)?;
        self.next_id = id.checked_add(1);
        Ok(id)
    }

    /// Notes that `id` is used: fresh `Id`s stay above it.
    fn saw_id(&mut self, id: i64) {
        if let Some(next) = self.next_id {
            if id >= next {
                self.next_id = id.checked_add(1);
            }
        }
    }
}

/// Why [`MemoryStore::try_insert`] (or a create through the mock) stored
/// nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum StoreError {
    /// The record does not serialize to a JSON object.
    NotAnObject,
    /// No fresh `Id` is left: `i64::MAX` has been used.
    IdsExhausted,
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::NotAnObject => "the record does not serialize to a JSON object",
            Self::IdsExhausted => "no fresh Id is left (the largest Id has been used)",
        })
    }
}

impl std::error::Error for StoreError {}

impl Default for MemoryStore {
    fn default() -> Self {
        Self::new()
    }
}

impl fmt::Debug for MemoryStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let records = lock(&self.inner.records);
        let counts: BTreeMap<_, _> = records.tables.iter().map(|(k, v)| (*k, v.len())).collect();
        f.debug_struct("MemoryStore")
            .field("records", &counts)
            .finish_non_exhaustive()
    }
}

impl MemoryStore {
    /// An empty store whose clock is the system clock, read as UTC.
    pub fn new() -> Self {
        Self::with_clock(utc_now)
    }

    /// An empty store that stamps `UpdatedOn` with `clock()` (a fixed time
    /// makes 200 bodies comparable byte for byte).
    pub fn with_clock(clock: impl Fn() -> NexudusDateTime + Send + Sync + 'static) -> Self {
        Self {
            inner: Arc::new(Inner {
                records: Mutex::new(Records {
                    tables: HashMap::new(),
                    next_id: Some(1),
                }),
                tokens: Mutex::new(HashMap::new()),
                next_token: AtomicU64::new(1),
                clock: Box::new(clock),
            }),
        }
    }

    /// Stores `record` as it is (no validation): under its `Id` when it has
    /// one (replacing what was stored there), else under a fresh `Id`,
    /// which is written into the stored JSON. Returns the `Id`.
    ///
    /// # Panics
    ///
    /// When [`MemoryStore::try_insert`] fails: `record` does not serialize
    /// to a JSON object, or it has no `Id` and no fresh one is left.
    pub fn insert<T: NexudusResource + Serialize>(&self, record: &T) -> i64 {
        match self.try_insert(record) {
            Ok(id) => id,
            Err(error) => panic!("cannot insert a {}: {error}", T::NAME),
        }
    }

    /// [`MemoryStore::insert`], or why it stored nothing.
    pub fn try_insert<T: NexudusResource + Serialize>(
        &self,
        record: &T,
    ) -> Result<i64, StoreError> {
        let value = match serde_json::to_value(record) {
            Ok(value @ Value::Object(_)) => value,
            _ => return Err(StoreError::NotAnObject),
        };
        match id_of(&value) {
            Some(id) => {
                let mut records = lock(&self.inner.records);
                records.saw_id(id);
                records.tables.entry(T::PATH).or_default().insert(id, value);
                Ok(id)
            }
            None => self.create_value::<T>(value),
        }
    }

    /// The stored record of `T` with this `Id`, read back into a `T`.
    pub fn get<T: NexudusResource + DeserializeOwned>(&self, id: i64) -> Option<T> {
        self.get_value::<T>(id)
            .and_then(|value| serde_json::from_value(value).ok())
    }

    /// The stored JSON of the record of `T` with this `Id`.
    pub fn get_value<T: NexudusResource + ?Sized>(&self, id: i64) -> Option<Value> {
        lock(&self.inner.records)
            .tables
            .get(T::PATH)
            .and_then(|table| table.get(&id))
            .cloned()
    }

    /// How many records of `T` are stored.
    pub fn len<T: NexudusResource + ?Sized>(&self) -> usize {
        lock(&self.inner.records)
            .tables
            .get(T::PATH)
            .map_or(0, BTreeMap::len)
    }

    /// Whether no record of `T` is stored.
    pub fn is_empty<T: NexudusResource + ?Sized>(&self) -> bool {
        self.len::<T>() == 0
    }

    fn now(&self) -> NexudusDateTime {
        (self.inner.clock)()
    }

    /// Stores `value` under a fresh `Id` (written into it); never over
    /// another record.
    fn create_value<T: NexudusResource + ?Sized>(
        &self,
        mut value: Value,
    ) -> Result<i64, StoreError> {
        let mut records = lock(&self.inner.records);
        let id = records.fresh_id()?;
        if let Value::Object(object) = &mut value {
            object.insert("Id".to_owned(), Value::from(id));
        }
        // Fresh Ids are above every stored one, so the slot is free; were
        // it not, nothing is overwritten.
        match records.tables.entry(T::PATH).or_default().entry(id) {
            Entry::Vacant(slot) => {
                slot.insert(value);
                Ok(id)
            }
            Entry::Occupied(_) => Err(StoreError::IdsExhausted),
        }
    }

    /// Replaces a stored record, keeping the stored values of the
    /// sensitive fields that `value` leaves out or sends as `null`;
    /// `false` when there is no record with this `Id`.
    fn replace_value<T: NexudusResource + ?Sized>(&self, id: i64, mut value: Value) -> bool {
        let mut records = lock(&self.inner.records);
        let Some(slot) = records
            .tables
            .get_mut(T::PATH)
            .and_then(|table| table.get_mut(&id))
        else {
            return false;
        };
        if let (Value::Object(new), Value::Object(old)) = (&mut value, &*slot) {
            for field in T::FIELDS.iter().filter(|f| f.sensitive()) {
                let key = field.wire_name();
                if new.get(key).is_none_or(Value::is_null) {
                    if let Some(kept) = old.get(key) {
                        new.insert(key.to_owned(), kept.clone());
                    }
                }
            }
        }
        *slot = value;
        true
    }

    fn issue_token(&self, username: &str) -> String {
        let n = self.inner.next_token.fetch_add(1, Ordering::Relaxed);
        let token = format!("mock-token-{n}");
        lock(&self.inner.tokens).insert(token.clone(), username.to_owned());
        token
    }

    /// `UpdatedBy` for a request: see the module docs.
    fn updated_by(&self, headers: &HeaderMap) -> String {
        const ANONYMOUS: &str = "api";
        let Some(value) = headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
        else {
            return ANONYMOUS.to_owned();
        };
        let (scheme, credentials) = value.trim().split_once(' ').unwrap_or((value, ""));
        let credentials = credentials.trim();
        if scheme.eq_ignore_ascii_case("basic") {
            if let Some(user) = decode_base64(credentials)
                .and_then(|bytes| String::from_utf8(bytes).ok())
                .map(|pair| pair.split(':').next().unwrap_or_default().to_owned())
                .filter(|user| !user.is_empty())
            {
                return user;
            }
        } else if scheme.eq_ignore_ascii_case("bearer") {
            if let Some(user) = lock(&self.inner.tokens).get(credentials) {
                return user.clone();
            }
        }
        ANONYMOUS.to_owned()
    }
}

/// Builds the router of a mock Nexudus API over a [`MemoryStore`], one
/// resource type at a time.
#[derive(Debug)]
pub struct MockNexudus {
    store: MemoryStore,
    router: Router<MemoryStore>,
}

impl MockNexudus {
    /// A mock with only the token endpoint, `POST /api/token`.
    pub fn new(store: MemoryStore) -> Self {
        let router = Router::new().route("/api/token", post(token));
        Self { store, router }
    }

    /// Serves `T`: `POST` and `PUT` at `T::PATH`, `GET` at `T::PATH/{id}`.
    ///
    /// # Panics
    ///
    /// When a resource with the same path is already served.
    pub fn resource<T>(mut self) -> Self
    where
        T: NexudusResource + Serialize + DeserializeOwned + Send + 'static,
    {
        self.router = self
            .router
            .route(T::PATH, put(update::<T>).post(create::<T>))
            .route(&format!("{}/{{id}}", T::PATH), get(read::<T>));
        self
    }

    /// The store the mock reads and writes.
    pub fn store(&self) -> &MemoryStore {
        &self.store
    }

    /// The finished router, ready for `axum::serve` (or
    /// [`serve`](super::serve::serve)) or to be nested or layered like any
    /// other: unknown paths answer 404, other methods 405, headers over
    /// [`MAX_HEADER_BYTES`] 431, all in the Nexudus envelope.
    pub fn into_router(self) -> Router {
        self.router
            .method_not_allowed_fallback(fallback::method_not_allowed)
            .fallback(fallback::not_found)
            .layer(::axum::middleware::from_fn(fallback::limit_header_bytes))
            .with_state(self.store)
    }
}

/// A mock of the five documented resources (`AccessToken`, `Visitor`,
/// `User`, `UiModule`, `Workspace`) plus `POST /api/token`.
#[cfg(feature = "resources")]
pub fn app(store: MemoryStore) -> Router {
    use crate::resources::{AccessToken, UiModule, User, Visitor, Workspace};
    MockNexudus::new(store)
        .resource::<AccessToken>()
        .resource::<Visitor>()
        .resource::<User>()
        .resource::<UiModule>()
        .resource::<Workspace>()
        .into_router()
}

/// The envelope of a 404: `{"Message":"Workspace 7 was not found.","Value":null,"Errors":[],"WasSuccessful":false}`.
fn not_found<T: NexudusResource + ?Sized>(id: impl fmt::Display) -> Response {
    fallback::envelope(
        StatusCode::NOT_FOUND,
        format!("{} {id} was not found.", T::NAME),
    )
}

async fn create<T>(
    State(store): State<MemoryStore>,
    headers: HeaderMap,
    NexudusJson(record): NexudusJson<T>,
) -> Response
where
    T: NexudusResource + Serialize,
{
    let value = match to_object(&record) {
        Ok(value) => value,
        Err(response) => return response,
    };
    match store.create_value::<T>(value) {
        Ok(id) => SuccessResponse::created::<T>(id, store.updated_by(&headers), store.now())
            .into_response(),
        Err(error) => fallback::envelope(
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("The {} could not be created: {error}.", T::NAME),
        ),
    }
}

async fn update<T>(
    State(store): State<MemoryStore>,
    headers: HeaderMap,
    NexudusJson(record): NexudusJson<T>,
) -> Response
where
    T: NexudusResource + Serialize,
{
    let value = match to_object(&record) {
        Ok(value) => value,
        Err(response) => return response,
    };
    let Some(id) = id_of(&value) else {
        // The resource type does not require `Id` on update; Nexudus does.
        let failure = crate::ValidationFailure::required("Id", Value::Null);
        return IntoResponse::into_response(ValidationErrors::from(failure));
    };
    if store.replace_value::<T>(id, value) {
        SuccessResponse::updated::<T>(id, store.updated_by(&headers), store.now()).into_response()
    } else {
        not_found::<T>(id)
    }
}

async fn read<T>(
    State(store): State<MemoryStore>,
    id: Result<Path<String>, PathRejection>,
) -> Response
where
    T: NexudusResource,
{
    let raw = match id {
        Ok(Path(raw)) => raw,
        Err(_) => return not_found::<T>("?"),
    };
    match raw
        .parse::<i64>()
        .ok()
        .and_then(|id| store.get_value::<T>(id))
    {
        Some(value) => json_response(StatusCode::OK, &without_secrets::<T>(value)),
        None => not_found::<T>(super::quote_prefix(&raw)),
    }
}

/// A stored record as `GET` serves it: without its sensitive fields.
fn without_secrets<T: NexudusResource + ?Sized>(mut value: Value) -> Value {
    if let Value::Object(object) = &mut value {
        for field in T::FIELDS.iter().filter(|f| f.sensitive()) {
            object.remove(field.wire_name());
            for alias in field.aliases() {
                object.remove(*alias);
            }
        }
    }
    value
}

/// `POST /api/token`: `grant_type=password` with a user name and a
/// password (any) gets a new bearer token.
async fn token(State(store): State<MemoryStore>, body: Result<Bytes, BytesRejection>) -> Response {
    let body = match body {
        Ok(body) => body,
        Err(rejection) => {
            return super::NexudusRejection::from_bytes_rejection(rejection).into_response()
        }
    };
    let mut grant_type = None;
    let mut username = None;
    let mut password = None;
    for (key, value) in parse_form(&body) {
        match key.as_str() {
            "grant_type" => grant_type = Some(value),
            "username" => username = Some(value),
            "password" => password = Some(value),
            _ => {}
        }
    }
    let invalid = |description: &str| {
        let body =
            serde_json::json!({ "error": "invalid_grant", "error_description": description });
        json_response(StatusCode::BAD_REQUEST, &body)
    };
    if grant_type.as_deref() != Some("password") {
        return invalid("grant_type must be password.");
    }
    let Some(username) = username.filter(|u| !u.is_empty()) else {
        return invalid("The user name is missing.");
    };
    if password.is_none_or(|p| p.is_empty()) {
        return invalid("The password is missing.");
    }
    let access_token = store.issue_token(&username);
    let body = serde_json::json!({
        "access_token": access_token,
        "token_type": "bearer",
        "expires_in": 86_400,
    });
    json_response(StatusCode::OK, &body)
}

/// The record as a JSON object, or a 500 if the type serializes to
/// something else.
#[allow(clippy::result_large_err)]
fn to_object<T: NexudusResource + Serialize>(record: &T) -> Result<Value, Response> {
    match serde_json::to_value(record) {
        Ok(value @ Value::Object(_)) => Ok(value),
        _ => Err((
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("{} did not serialize to a JSON object", T::NAME),
        )
            .into_response()),
    }
}

fn id_of(value: &Value) -> Option<i64> {
    value.get("Id").and_then(Value::as_i64)
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic while holding the lock leaves plain data behind; keep going.
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Now, from the system clock, as UTC wall-clock time.
fn utc_now() -> NexudusDateTime {
    let since_epoch = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    let secs = i64::try_from(since_epoch.as_secs()).unwrap_or(i64::MAX);
    // Whole milliseconds, as .NET writes them.
    let nanos = since_epoch.subsec_millis() * 1_000_000;
    let utc = chrono::DateTime::from_timestamp(secs, nanos).unwrap_or_default();
    NexudusDateTime::new(utc.naive_utc())
}

/// `application/x-www-form-urlencoded` pairs: `+` is a space, `%XX` a byte.
fn parse_form(body: &[u8]) -> Vec<(String, String)> {
    body.split(|&b| b == b'&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let mut parts = pair.splitn(2, |&b| b == b'=');
            let key = parts.next().unwrap_or_default();
            let value = parts.next().unwrap_or_default();
            (percent_decode(key), percent_decode(value))
        })
        .collect()
}

fn percent_decode(input: &[u8]) -> String {
    let mut out = Vec::with_capacity(input.len());
    let mut i = 0;
    while i < input.len() {
        match input[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < input.len() => match (hex(input[i + 1]), hex(input[i + 2])) {
                (Some(hi), Some(lo)) => {
                    out.push(hi << 4 | lo);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(byte: u8) -> Option<u8> {
    match byte {
        b'0'..=b'9' => Some(byte - b'0'),
        b'a'..=b'f' => Some(byte - b'a' + 10),
        b'A'..=b'F' => Some(byte - b'A' + 10),
        _ => None,
    }
}

/// Standard base64 (padding optional); `None` on any other character.
fn decode_base64(input: &str) -> Option<Vec<u8>> {
    fn sextet(c: u8) -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    }
    let digits = input.trim_end_matches('=').as_bytes();
    if digits.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(digits.len() * 3 / 4);
    for chunk in digits.chunks(4) {
        let mut bits = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            bits |= sextet(c)? << (18 - 6 * i);
        }
        let bytes = bits.to_be_bytes();
        out.extend_from_slice(&bytes[1..chunk.len()]);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64() {
        assert_eq!(decode_base64("YWRtaW46c2VjcmV0").unwrap(), b"admin:secret");
        assert_eq!(decode_base64("YQ==").unwrap(), b"a");
        assert_eq!(decode_base64("YWI=").unwrap(), b"ab");
        assert_eq!(decode_base64("").unwrap(), b"");
        assert!(decode_base64("Y").is_none());
        assert!(decode_base64("a*b=").is_none());
    }

    #[test]
    fn forms() {
        assert_eq!(
            parse_form(b"grant_type=password&username=a%40b.com&password=p+w%2B%3D%&x"),
            [
                ("grant_type".to_owned(), "password".to_owned()),
                ("username".to_owned(), "a@b.com".to_owned()),
                ("password".to_owned(), "p w+=%".to_owned()),
                ("x".to_owned(), String::new()),
            ]
        );
        assert_eq!(percent_decode(b"%4"), "%4");
        assert_eq!(percent_decode(b"%zz"), "%zz");
    }

    #[test]
    fn updated_by() {
        let store = MemoryStore::new();
        let mut headers = HeaderMap::new();
        assert_eq!(store.updated_by(&headers), "api");
        headers.insert(
            header::AUTHORIZATION,
            "Basic YWRtaW5AZXhhbXBsZS5jb206c2VjcmV0".parse().unwrap(),
        );
        assert_eq!(store.updated_by(&headers), "admin@example.com");
        headers.insert(header::AUTHORIZATION, "Bearer unknown".parse().unwrap());
        assert_eq!(store.updated_by(&headers), "api");
        let token = store.issue_token("someone@example.com");
        headers.insert(
            header::AUTHORIZATION,
            format!("Bearer {token}").parse().unwrap(),
        );
        assert_eq!(store.updated_by(&headers), "someone@example.com");
    }

    #[test]
    fn clock_is_utc_now() {
        let before = chrono::DateTime::from_timestamp(
            SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .unwrap()
                .as_secs() as i64,
            0,
        )
        .unwrap()
        .naive_utc();
        let now = *utc_now().as_naive();
        assert!(now >= before && now - before < chrono::TimeDelta::seconds(5));
    }
}
