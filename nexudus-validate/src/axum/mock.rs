//! An in-memory stand-in for the Nexudus REST API, to run a client against
//! in tests or on a laptop.
//!
//! `mock::app` serves every resource compiled in (the five documented ones with
//! the `resources` feature, all 216 with `all-resources`; see
//! [`registry`](crate::resources::registry)); [`MockNexudus`] builds a
//! router of your choice, for your own resource types too. For each
//! resource `T` it serves, the router answers:
//!
//! | request | answer |
//! |---|---|
//! | no credentials, or not the mock's (see [Sign-in](#sign-in)) | 401, the Nexudus envelope (`Authorization has been denied for this request.`) |
//! | `POST T::PATH`, a valid record | 200, [`SuccessResponse::created`], the record stored under a new `Id` |
//! | `PUT T::PATH`, a valid record with a known `Id` | 200, [`SuccessResponse::updated`], the **whole** record replaced |
//! | `PUT T::PATH`, a valid record with an unknown `Id` | 404, the Nexudus envelope |
//! | `POST`/`PUT` with an invalid body | 400 (413 when too large), the Nexudus envelope (see [`NexudusJson`](super::NexudusJson)) |
//! | `GET T::PATH/{id}` | 200 with the stored record as JSON, **less its `#[sensitive]` fields**, or 404 in the envelope |
//! | `GET T::PATH?page=2&size=25&orderBy=..&dir=..&{filters}` | 200 with one [`Page`] of the matching records (see [Lists](#lists)) |
//! | `GET T::PATH?id=[1,2,3]` | 200 with those of the records that exist, in that order, as an array |
//! | `DELETE T::PATH/{id}` | 200, [`SuccessResponse::deleted`], the record removed; or 404 in the envelope |
//! | an operation the resource does not have (a registry resource's [`Operations`]: no `DELETE` of a Coworker) | 405 with `Allow`, the Nexudus envelope |
//! | an unknown path | 404, the Nexudus envelope |
//! | a known path, another method | 405 with `Allow`, the Nexudus envelope |
//! | request headers over [`MAX_HEADER_BYTES`] | 431, the Nexudus envelope |
//! | `POST` when no fresh `Id` is left | 500, the Nexudus envelope; nothing is stored |
//!
//! A body is checked with the resource's own rules (its raw-body check,
//! as [`from_slice_for`](crate::from_slice_for) reports them: `POST` for a
//! create, `PUT` for an update) and stored as the JSON its model
//! serializes back: keys the model does not know are dropped. As a Nexudus
//! server does, the mock then fills the record's `UniqueId` and
//! `CreatedOn` (once), `UpdatedOn`, `UpdatedBy` and `IsNew`, where the
//! resource has such fields (every generated one does): a `GET` answers
//! them. [`MemoryStore::insert`] stores a record exactly as given.
//!
//! # Lists
//!
//! `GET T::PATH` answers one page of the records of `T` that its filters
//! match, in the Nexudus list shape ([`Page`]: `Records`, `CurrentPage`,
//! `CurrentPageSize`, `CurrentOrderField`, `CurrentSortDirection`,
//! `FirstItem`, `LastItem`, `TotalItems`, `TotalPages`, `HasNextPage`,
//! `HasPreviousPage`):
//!
//! - `page` counts from 1 (default 1); `size` defaults to
//!   [`DEFAULT_PAGE_SIZE`] (25, as Nexudus) and a larger one than
//!   [`MAX_PAGE_SIZE`] is served as that (`CurrentPageSize` says so); a
//!   page past the end is empty, with the totals;
//! - `orderBy` names a field (default `Id`), `dir` is `1` (or `0`)
//!   ascending, `-1` descending; both are echoed in `CurrentOrderField`
//!   and `CurrentSortDirection`; ties are in `Id` order;
//! - a filter is a name the resource's list page documents or Nexudus
//!   derives from its fields ([`Query`](crate::query::Query) lists them):
//!   numbers, Ids and booleans match by equality, text by case-insensitive
//!   containment, a list of Ids when it holds the number; `from_` and `to_`
//!   bound a number, or a date to the minute (`YYYY-MM-DDTHH:mm`).
//!
//! A parameter the resource does not have (a misspelt filter), a filter on
//! a related record (`Booking_Coworker_FullName`: the mock does not join
//! records), an `orderBy` that is not a field, a `dir`, `page`, `size` or
//! `id` that does not read: each is a failure in a 400 envelope named after
//! the parameter (`The value 'x' is not valid for page.`), so a test
//! against the mock catches a typo the real server would silently ignore.
//!
//! # Sign-in
//!
//! Every resource route asks for credentials: the Basic user name and
//! password the store was given ([`DEFAULT_USER`] and [`DEFAULT_PASSWORD`]
//! unless [`MemoryStore::set_credentials`]), or a bearer token the mock
//! issued that has not expired. `POST /api/token`, form-encoded, issues
//! them: `grant_type=password&username=..&password=..` with those
//! credentials, or `grant_type=refresh_token&refresh_token=..` with a
//! refresh token it issued (each is used once), answers
//! `{"access_token":"..","token_type":"bearer","expires_in":86400,"refresh_token":".."}`
//! ([`MemoryStore::set_token_lifetime`] changes the lifetime, counted on
//! the store's clock); anything else is a 400 `invalid_grant`.
//!
//! # Secrets are write-only
//!
//! The values of `#[sensitive]` fields (a `User`'s passwords, a `UiModule`'s
//! `SharedSecret`) are stored but never served: `GET` (and a list) leaves
//! them out. A `PUT` that leaves one out (or sends `null`), as a client
//! that read the record must, keeps the stored value; one that sends a
//! value replaces it.
//! (Only top-level fields are known to be sensitive: the field table of a
//! resource does not describe its nested resources.)
//!
//! `UpdatedBy` is the caller (the Basic user name, or the user a token
//! was issued to). `UpdatedOn` is the time of the request from the system
//! clock, as **UTC** wall-clock time (Nexudus would write the space's local
//! time, which the mock does not know); [`MemoryStore::with_clock`]
//! replaces the clock.
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
//! // With the `resources` feature, `mock::app(store)` serves every
//! // compiled-in resource.
//! ```

use std::collections::btree_map::Entry;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{SystemTime, UNIX_EPOCH};

use ::axum::body::Bytes;
use ::axum::extract::rejection::BytesRejection;
use ::axum::extract::rejection::PathRejection;
use ::axum::extract::{Path, Request, State};
use ::axum::http::{header, HeaderMap, StatusCode, Uri};
use ::axum::middleware::Next;
use ::axum::response::{IntoResponse, Response};
use ::axum::routing::{post, MethodRouter};
use ::axum::Extension;
use ::axum::Router;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

mod list;

pub use super::fallback::MAX_HEADER_BYTES;
use super::{check_body, fallback, json_response, read_json_body, BodyCheck};
use crate::lock::lock;
use crate::ops::{Filter, Operations};
use crate::{
    FieldInfo, NexudusDateTime, NexudusResource, Operation, Page, SuccessResponse,
    ValidationErrors, ValidationFailure,
};

/// The page size of a list request that names none: 25, as Nexudus.
pub const DEFAULT_PAGE_SIZE: u32 = 25;

/// The largest page the mock serves: a larger `size` is served as this
/// (and `CurrentPageSize` says so).
pub const MAX_PAGE_SIZE: u32 = 1000;

/// The records of a [`MockNexudus`], shared (cheap to clone) between the
/// router and the code that seeds or inspects it.
#[derive(Clone)]
pub struct MemoryStore {
    inner: Arc<Inner>,
}

struct Inner {
    records: Mutex<Records>,
    /// The sign-in: the Basic credentials and the tokens issued.
    auth: Mutex<Auth>,
    next_token: AtomicU64,
    clock: Box<dyn Fn() -> NexudusDateTime + Send + Sync>,
}

/// The user name the mock takes unless told otherwise
/// ([`MemoryStore::set_credentials`]).
pub const DEFAULT_USER: &str = "admin@example.com";
/// The password the mock takes unless told otherwise.
pub const DEFAULT_PASSWORD: &str = "secret";
/// How long an access token lives unless told otherwise
/// ([`MemoryStore::set_token_lifetime`]): a day, in seconds.
pub const DEFAULT_TOKEN_LIFETIME: i64 = 86_400;

/// Who may call the mock.
struct Auth {
    user: String,
    password: String,
    /// Seconds an access token lives.
    lifetime: i64,
    /// Access tokens: whom to, and until when (store clock).
    access: HashMap<String, (String, NexudusDateTime)>,
    /// Refresh tokens: whom to.
    refresh: HashMap<String, String>,
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
                auth: Mutex::new(Auth {
                    user: DEFAULT_USER.to_owned(),
                    password: DEFAULT_PASSWORD.to_owned(),
                    lifetime: DEFAULT_TOKEN_LIFETIME,
                    access: HashMap::new(),
                    refresh: HashMap::new(),
                }),
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
            None => self.create_value(T::PATH, value, None),
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

    /// Removes the record of `T` with this `Id`; whether there was one.
    pub fn remove<T: NexudusResource + ?Sized>(&self, id: i64) -> bool {
        self.remove_at(T::PATH, id)
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

    /// Stores `value` under a fresh `Id` (written into it, with what
    /// `stamp` fills) in the table of `path`; never over another record.
    fn create_value(
        &self,
        path: &'static str,
        mut value: Value,
        stamp: Option<&Stamp>,
    ) -> Result<i64, StoreError> {
        let mut records = lock(&self.inner.records);
        let id = records.fresh_id()?;
        if let Value::Object(object) = &mut value {
            object.insert("Id".to_owned(), Value::from(id));
        }
        if let Some(stamp) = stamp {
            stamp.apply(id, &mut value, None);
        }
        // Fresh Ids are above every stored one, so the slot is free; were
        // it not, nothing is overwritten.
        match records.tables.entry(path).or_default().entry(id) {
            Entry::Vacant(slot) => {
                slot.insert(value);
                Ok(id)
            }
            Entry::Occupied(_) => Err(StoreError::IdsExhausted),
        }
    }

    /// Replaces a stored record, keeping the stored values of the
    /// sensitive `fields` that `value` leaves out or sends as `null`, with
    /// what `stamp` fills; `false` when there is no record with this `Id`.
    fn replace_value(
        &self,
        path: &str,
        fields: &[FieldInfo],
        id: i64,
        mut value: Value,
        stamp: &Stamp,
    ) -> bool {
        let mut records = lock(&self.inner.records);
        let Some(slot) = records
            .tables
            .get_mut(path)
            .and_then(|table| table.get_mut(&id))
        else {
            return false;
        };
        if let (Value::Object(new), Value::Object(old)) = (&mut value, &*slot) {
            for field in fields.iter().filter(|f| f.sensitive()) {
                let key = field.wire_name();
                if new.get(key).is_none_or(Value::is_null) {
                    if let Some(kept) = old.get(key) {
                        new.insert(key.to_owned(), kept.clone());
                    }
                }
            }
        }
        stamp.apply(id, &mut value, Some(slot));
        *slot = value;
        true
    }

    /// The record with this `Id` in the table of `path`, as `GET` serves
    /// it (without the sensitive `fields`).
    fn served_value(&self, path: &str, fields: &[FieldInfo], id: i64) -> Option<Value> {
        let records = lock(&self.inner.records);
        let value = records.tables.get(path)?.get(&id)?;
        Some(without_secrets(fields, value))
    }

    /// The page of the records of `path` that `query` asks for: those
    /// its filters match, in its order, as a list serves them (without the
    /// sensitive `fields`).
    fn page(&self, path: &str, fields: &[FieldInfo], query: &list::ListQuery) -> Page<Value> {
        let records = lock(&self.inner.records);
        let mut matching: Vec<&Value> = records
            .tables
            .get(path)
            .into_iter()
            .flat_map(BTreeMap::values)
            .filter(|record| list::matches(record, &query.conditions))
            .collect();
        list::sort(&mut matching, &query.order.0, query.order.1);
        let skip = u64::from(query.page.saturating_sub(1)).saturating_mul(u64::from(query.size));
        // Past the end (or past what a usize counts): an empty page.
        let skip = usize::try_from(skip).unwrap_or(usize::MAX);
        let served = matching
            .iter()
            .skip(skip)
            .take(query.size as usize)
            .map(|value| without_secrets(fields, value))
            .collect();
        let mut page = Page::new(served, query.page, query.size, matching.len() as u64);
        page.current_order_field = Some(query.order.0.clone());
        page.current_sort_direction = Some(query.dir);
        page
    }

    /// The records of `path` with these `Id`s, in that order (those that
    /// exist), as `GET` serves them.
    fn batch(&self, path: &str, fields: &[FieldInfo], ids: &[i64]) -> Vec<Value> {
        let records = lock(&self.inner.records);
        let Some(table) = records.tables.get(path) else {
            return Vec::new();
        };
        ids.iter()
            .filter_map(|id| table.get(id))
            .map(|value| without_secrets(fields, value))
            .collect()
    }

    /// Removes the record with this `Id` from the table of `path`.
    fn remove_at(&self, path: &str, id: i64) -> bool {
        let mut records = lock(&self.inner.records);
        records
            .tables
            .get_mut(path)
            .is_some_and(|table| table.remove(&id).is_some())
    }

    /// The only user name and password the mock takes, as Basic
    /// credentials and at `POST /api/token` ([`DEFAULT_USER`] and
    /// [`DEFAULT_PASSWORD`] unless changed). Tokens issued before stay
    /// valid.
    pub fn set_credentials(&self, user: impl Into<String>, password: impl Into<String>) {
        let mut auth = lock(&self.inner.auth);
        auth.user = user.into();
        auth.password = password.into();
    }

    /// How long the access tokens issued from now on live, in seconds of
    /// the store's clock ([`DEFAULT_TOKEN_LIFETIME`] unless changed; at
    /// least 1).
    pub fn set_token_lifetime(&self, seconds: i64) {
        lock(&self.inner.auth).lifetime = seconds.max(1);
    }

    /// A new access token and refresh token for `user`, and how many
    /// seconds the access token lives.
    fn issue_tokens(&self, user: &str) -> (String, String, i64) {
        let n = self.inner.next_token.fetch_add(1, Ordering::Relaxed);
        let (access, refresh) = (format!("mock-token-{n}"), format!("mock-refresh-{n}"));
        let now = self.now();
        let mut auth = lock(&self.inner.auth);
        let lifetime = auth.lifetime;
        let until = NexudusDateTime::new(
            now.as_naive()
                .checked_add_signed(chrono::TimeDelta::seconds(lifetime))
                .unwrap_or(*now.as_naive()),
        );
        auth.access.insert(access.clone(), (user.to_owned(), until));
        auth.refresh.insert(refresh.clone(), user.to_owned());
        (access, refresh, lifetime)
    }

    /// Who a request is from: the user of its Basic credentials when they
    /// are the mock's, or of a bearer token it issued that has not
    /// expired; `None` otherwise.
    fn caller(&self, headers: &HeaderMap) -> Option<String> {
        let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
        let (scheme, credentials) = value.trim().split_once(' ')?;
        let credentials = credentials.trim();
        let auth = lock(&self.inner.auth);
        if scheme.eq_ignore_ascii_case("basic") {
            let pair = String::from_utf8(decode_base64(credentials)?).ok()?;
            let (user, password) = pair.split_once(':')?;
            (user == auth.user && password == auth.password).then(|| user.to_owned())
        } else if scheme.eq_ignore_ascii_case("bearer") {
            let (user, until) = auth.access.get(credentials)?;
            (self.now() < *until).then(|| user.clone())
        } else {
            None
        }
    }
}

/// The fields a Nexudus server fills in the records it stores, as the
/// mock fills them on each `POST` and `PUT`, where the resource has them:
/// `UniqueId` (made from the `Id`) and `CreatedOn` once, `UpdatedOn`,
/// `UpdatedBy` and `IsNew` (`false`) on every write.
struct Stamp<'a> {
    fields: &'static [FieldInfo],
    updated_by: &'a str,
    now: NexudusDateTime,
}

impl Stamp<'_> {
    fn apply(&self, id: i64, value: &mut Value, old: Option<&Value>) {
        let Value::Object(object) = value else {
            return;
        };
        let now = Value::String(self.now.to_string());
        let kept = |key: &str| {
            old.and_then(|o| o.get(key))
                .filter(|v| !v.is_null())
                .cloned()
        };
        let filled = [
            (
                "UniqueId",
                kept("UniqueId").unwrap_or_else(|| unique_id(id)),
            ),
            (
                "CreatedOn",
                kept("CreatedOn").unwrap_or_else(|| now.clone()),
            ),
            ("UpdatedOn", now),
            ("UpdatedBy", Value::from(self.updated_by)),
            ("IsNew", Value::Bool(false)),
        ];
        let fields = crate::resource::wire_fields(self.fields);
        for (key, value) in filled {
            if fields.iter().any(|f| f.wire_name() == key) {
                object.insert(key.to_owned(), value);
            }
        }
    }
}

/// A GUID made from an `Id`, unique as the `Id` is:
/// `00000000-0000-4000-8000-00000000002a` for 42.
fn unique_id(id: i64) -> Value {
    let bits = id as u64;
    Value::String(format!(
        "00000000-{:04x}-4000-8000-{:012x}",
        bits >> 48,
        bits & 0xffff_ffff_ffff
    ))
}

/// What the mock needs to serve one resource: its name, endpoint, field
/// table, operations and documented filters, and the check that turns a
/// body into the JSON to store.
#[derive(Clone, Copy)]
struct Served {
    name: &'static str,
    path: &'static str,
    fields: &'static [FieldInfo],
    operations: Operations,
    filters: Option<&'static [Filter]>,
    normalize: BodyCheck<Value>,
}

impl Served {
    fn of<T: NexudusResource + DeserializeOwned + Serialize>() -> Self {
        Self {
            name: T::NAME,
            path: T::PATH,
            fields: T::FIELDS,
            operations: Operations::ALL,
            filters: None,
            normalize: normalize::<T>,
        }
    }
}

/// The body checked as a `T` for `operation`, and the JSON that `T`
/// serializes back (the record to store).
fn normalize<T: NexudusResource + DeserializeOwned + Serialize>(
    body: &[u8],
    operation: Operation,
) -> Result<Value, ValidationErrors> {
    let record = crate::from_slice_for::<T>(body, operation)?;
    serde_json::to_value(&record)
        .map_err(|error| ValidationFailure::new("", error.to_string(), Value::Null).into())
}

/// Builds the router of a mock Nexudus API over a [`MemoryStore`], one
/// resource at a time.
#[derive(Debug)]
pub struct MockNexudus {
    store: MemoryStore,
    router: Router<MemoryStore>,
    /// The endpoints served so far.
    paths: HashSet<&'static str>,
}

impl MockNexudus {
    /// A mock with only the token endpoint, `POST /api/token`.
    pub fn new(store: MemoryStore) -> Self {
        let router = Router::new();
        Self {
            store,
            router,
            paths: HashSet::new(),
        }
    }

    /// Serves `T`: `POST`, `PUT` and `GET` (the list) at `T::PATH`, `GET`
    /// and `DELETE` at `T::PATH/{id}` (see the [module docs](self)): all
    /// five operations, its list filtered by the names derived from its
    /// fields.
    ///
    /// # Panics
    ///
    /// When `T` has no endpoint (`T::PATH` is empty or does not start with
    /// `/`), or a resource with the same path is already served.
    pub fn resource<T>(self) -> Self
    where
        T: NexudusResource + Serialize + DeserializeOwned + Send + 'static,
    {
        self.serve(Served::of::<T>())
    }

    /// Serves the registry's resource `info` like [`MockNexudus::resource`]
    /// serves a type, with only its operations and its documented filters:
    /// its bodies are checked by the registry's raw-body check
    /// ([`ResourceInfo::normalize`](crate::resources::registry::ResourceInfo::normalize)).
    ///
    /// # Panics
    ///
    /// As [`MockNexudus::resource`].
    #[cfg(feature = "resources")]
    pub fn registered(self, info: &'static crate::resources::registry::ResourceInfo) -> Self {
        self.serve(Served {
            name: info.name(),
            path: info.path(),
            fields: info.fields(),
            operations: info.operations(),
            filters: info.filters(),
            normalize: info.normalize_fn(),
        })
    }

    /// Serves every compiled-in resource of the
    /// [`registry`](crate::resources::registry) that has an endpoint and
    /// whose path is not served yet (so a type of your own served before
    /// takes the place of the registry's).
    #[cfg(feature = "resources")]
    pub fn all_resources(mut self) -> Self {
        for info in crate::resources::registry::all() {
            if is_endpoint(info.path()) && !self.paths.contains(info.path()) {
                self = self.registered(info);
            }
        }
        self
    }

    fn serve(mut self, served: Served) -> Self {
        let path = served.path;
        assert!(
            is_endpoint(path),
            "{} has no endpoint to serve (its path is {path:?})",
            served.name
        );
        assert!(
            self.paths.insert(path),
            "a resource is already served at {path}"
        );
        let write =
            move |State(store): State<MemoryStore>, request: Request| write(served, store, request);
        let list = move |State(store): State<MemoryStore>, uri: Uri| list(served, store, uri);
        let read = move |State(store): State<MemoryStore>,
                         id: Result<Path<String>, PathRejection>| {
            read(served, store, id)
        };
        let delete = move |State(store): State<MemoryStore>,
                           caller: Option<Extension<Caller>>,
                           id: Result<Path<String>, PathRejection>| {
            delete(served, store, caller, id)
        };
        // Only the operations the resource has: any other method is a 405.
        let has = served.operations;
        let mut at_path = MethodRouter::new();
        if has.list || has.get {
            at_path = at_path.get(list);
        }
        if has.create {
            at_path = at_path.post(write);
        }
        if has.update {
            at_path = at_path.put(write);
        }
        let mut at_id = MethodRouter::new();
        if has.get {
            at_id = at_id.get(read);
        }
        if has.delete {
            at_id = at_id.delete(delete);
        }
        self.router = self
            .router
            .route(path, at_path)
            .route(&format!("{path}/{{id}}"), at_id);
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
        let signed_in = ::axum::middleware::from_fn_with_state(self.store.clone(), require_caller);
        self.router
            .route_layer(signed_in)
            .route("/api/token", post(token))
            .method_not_allowed_fallback(fallback::method_not_allowed)
            .fallback(fallback::not_found)
            .layer(::axum::middleware::from_fn(fallback::limit_header_bytes))
            .with_state(self.store)
    }
}

/// Whether a resource path can be routed: `/api/...`, no parameter.
fn is_endpoint(path: &str) -> bool {
    path.starts_with('/') && !path.contains(['{', '}', '*'])
}

/// A mock of every compiled-in resource (the five documented ones,
/// `AccessToken`, `Visitor`, `User`, `UiModule` and `Workspace`, and every
/// generated module whose feature is on) plus `POST /api/token`: see
/// [`MockNexudus::all_resources`].
#[cfg(feature = "resources")]
pub fn app(store: MemoryStore) -> Router {
    MockNexudus::new(store).all_resources().into_router()
}

/// The envelope of a 404: `{"Message":"Workspace 7 was not found.","Value":null,"Errors":[],"WasSuccessful":false}`.
fn not_found(name: &str, id: impl fmt::Display) -> Response {
    fallback::envelope(StatusCode::NOT_FOUND, format!("{name} {id} was not found."))
}

/// `POST` (create) and `PUT` (update) of a record of `served`.
async fn write(served: Served, store: MemoryStore, request: Request) -> Response {
    let updated_by = caller_of(&request);
    let checked = match read_json_body(request, &()).await {
        Ok((bytes, operation)) => check_body(bytes, operation, served.normalize)
            .await
            .map(|value| (value, operation)),
        Err(rejection) => Err(rejection),
    };
    let (value, operation) = match checked {
        Ok((value @ Value::Object(_), operation)) => (value, operation),
        Ok(_) => {
            return fallback::envelope(
                StatusCode::INTERNAL_SERVER_ERROR,
                format!("{} did not serialize to a JSON object.", served.name),
            )
        }
        Err(rejection) => return rejection.into_response(),
    };
    let stamp = Stamp {
        fields: served.fields,
        updated_by: &updated_by,
        now: store.now(),
    };
    match operation {
        Operation::Create => match store.create_value(served.path, value, Some(&stamp)) {
            Ok(id) => SuccessResponse::done(served.name, "created", id, updated_by, store.now())
                .into_response(),
            Err(error) => fallback::envelope(
                StatusCode::INTERNAL_SERVER_ERROR,
                format!("The {} could not be created: {error}.", served.name),
            ),
        },
        Operation::Update => {
            let Some(id) = id_of(&value) else {
                // The resource type does not require `Id` on update; Nexudus does.
                let failure = ValidationFailure::required("Id", Value::Null);
                return IntoResponse::into_response(ValidationErrors::from(failure));
            };
            if store.replace_value(served.path, served.fields, id, value, &stamp) {
                SuccessResponse::done(served.name, "updated", id, updated_by, store.now())
                    .into_response()
            } else {
                not_found(served.name, id)
            }
        }
    }
}

/// The user a request is from (see [`require_caller`]).
fn caller_of(request: &Request) -> String {
    request
        .extensions()
        .get::<Caller>()
        .map(|Caller(user)| user.clone())
        .unwrap_or_default()
}

/// The `Id` of a `GET` or `DELETE`, or the 404 for one that is not an `Id`.
#[allow(clippy::result_large_err)]
fn path_id(served: Served, id: Result<Path<String>, PathRejection>) -> Result<i64, Response> {
    let raw = match id {
        Ok(Path(raw)) => raw,
        Err(_) => return Err(not_found(served.name, "?")),
    };
    raw.parse::<i64>()
        .map_err(|_| not_found(served.name, super::quote_prefix(&raw)))
}

async fn read(
    served: Served,
    store: MemoryStore,
    id: Result<Path<String>, PathRejection>,
) -> Response {
    let id = match path_id(served, id) {
        Ok(id) => id,
        Err(response) => return response,
    };
    match store.served_value(served.path, served.fields, id) {
        Some(value) => json_response(StatusCode::OK, &value),
        None => not_found(served.name, id),
    }
}

async fn delete(
    served: Served,
    store: MemoryStore,
    caller: Option<Extension<Caller>>,
    id: Result<Path<String>, PathRejection>,
) -> Response {
    let id = match path_id(served, id) {
        Ok(id) => id,
        Err(response) => return response,
    };
    if store.remove_at(served.path, id) {
        let updated_by = caller
            .map(|Extension(Caller(user))| user)
            .unwrap_or_default();
        SuccessResponse::done(served.name, "deleted", id, updated_by, store.now()).into_response()
    } else {
        not_found(served.name, id)
    }
}

/// `GET T::PATH?..`: one page of the records a query asks for, or those
/// of `?id=[..]` (see [Lists](self#lists)).
async fn list(served: Served, store: MemoryStore, uri: Uri) -> Response {
    let resource = list::Resource {
        name: served.name,
        fields: served.fields,
        filters: served.filters,
    };
    let query = match list::parse(uri.query().unwrap_or_default(), &resource) {
        Ok(query) => query,
        Err(errors) => return errors.into_response(),
    };
    match &query.ids {
        Some(ids) if served.operations.get => json_response(
            StatusCode::OK,
            &store.batch(served.path, served.fields, ids),
        ),
        _ if !served.operations.list => {
            fallback::method_not_allowed(::axum::http::Method::GET, uri).await
        }
        _ => json_response(
            StatusCode::OK,
            &store.page(served.path, served.fields, &query),
        ),
    }
}

/// A stored record as `GET` serves it: without its sensitive fields.
fn without_secrets(fields: &[FieldInfo], value: &Value) -> Value {
    let Value::Object(object) = value else {
        return value.clone();
    };
    let secret = |key: &str| {
        fields
            .iter()
            .filter(|f| f.sensitive())
            .any(|f| f.matches_key(key))
    };
    Value::Object(
        object
            .iter()
            .filter(|(key, _)| !secret(key))
            .map(|(key, value)| (key.clone(), value.clone()))
            .collect(),
    )
}

/// `POST /api/token`, form-encoded: `grant_type=password` with the
/// mock's user name and password, or `grant_type=refresh_token` with a
/// refresh token it issued (used once), gets a new access token and
/// refresh token; anything else is a 400 `invalid_grant`.
async fn token(State(store): State<MemoryStore>, body: Result<Bytes, BytesRejection>) -> Response {
    let body = match body {
        Ok(body) => body,
        Err(rejection) => {
            return super::NexudusRejection::from_bytes_rejection(rejection).into_response()
        }
    };
    let form: HashMap<String, String> = parse_form(&body).into_iter().collect();
    let field = |key: &str| form.get(key).map(String::as_str).unwrap_or_default();
    let invalid = |description: &str| {
        let body =
            serde_json::json!({ "error": "invalid_grant", "error_description": description });
        json_response(StatusCode::BAD_REQUEST, &body)
    };
    let user = match field("grant_type") {
        "password" => {
            let auth = lock(&store.inner.auth);
            if field("username") != auth.user || field("password") != auth.password {
                return invalid("The user name or password is incorrect.");
            }
            auth.user.clone()
        }
        "refresh_token" => match lock(&store.inner.auth)
            .refresh
            .remove(field("refresh_token"))
        {
            Some(user) => user,
            None => return invalid("The refresh token is not valid."),
        },
        _ => return invalid("grant_type must be password or refresh_token."),
    };
    let (access_token, refresh_token, expires_in) = store.issue_tokens(&user);
    let body = serde_json::json!({
        "access_token": access_token,
        "token_type": "bearer",
        "expires_in": expires_in,
        "refresh_token": refresh_token,
    });
    json_response(StatusCode::OK, &body)
}

/// Who a request is from, put in the request by [`require_caller`].
#[derive(Debug, Clone)]
struct Caller(String);

/// Lets through a request with the mock's Basic credentials or a bearer
/// token it issued that has not expired; answers any other with 401 in
/// the Nexudus envelope.
async fn require_caller(
    State(store): State<MemoryStore>,
    mut request: Request,
    next: Next,
) -> Response {
    match store.caller(request.headers()) {
        Some(user) => {
            request.extensions_mut().insert(Caller(user));
            next.run(request).await
        }
        None => {
            let mut response = fallback::envelope(
                StatusCode::UNAUTHORIZED,
                "Authorization has been denied for this request.".to_owned(),
            );
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                header::HeaderValue::from_static("Bearer"),
            );
            response
        }
    }
}

fn id_of(value: &Value) -> Option<i64> {
    value.get("Id").and_then(Value::as_i64)
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

/// `application/x-www-form-urlencoded` pairs: `+` is a space, `%XX` a byte,
/// a `%` not followed by two hex digits itself, bytes that are not UTF-8
/// replaced.
fn parse_form(body: &[u8]) -> Vec<(String, String)> {
    // Pairs of strings take any input: the decoder is lossy, not failing.
    serde_urlencoded::from_bytes(body).unwrap_or_default()
}

/// Standard base64, padding optional; `None` on any other character.
fn decode_base64(input: &str) -> Option<Vec<u8>> {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD_NO_PAD
        .decode(input.trim_end_matches('='))
        .ok()
}

// Tests only: an `unwrap` here asserts on fixed inputs; no user input
// reaches it.
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
        let lone = |value: &str| [("a".to_owned(), value.to_owned())];
        assert_eq!(parse_form(b"a=%4"), lone("%4"));
        assert_eq!(parse_form(b"a=%zz"), lone("%zz"));
        assert_eq!(parse_form(b"a=%FF"), lone("\u{fffd}"));
    }

    #[test]
    fn callers() {
        use std::sync::atomic::AtomicI64;
        static SECOND: AtomicI64 = AtomicI64::new(0);
        let store = MemoryStore::with_clock(|| {
            let s = SECOND.load(Ordering::SeqCst);
            NexudusDateTime::from_ymd_hms(2025, 1, 15, 10, 0, 0)
                .map(|t| NexudusDateTime::new(*t.as_naive() + chrono::TimeDelta::seconds(s)))
                .unwrap()
        });
        let with = |value: &str| {
            let mut headers = HeaderMap::new();
            headers.insert(header::AUTHORIZATION, value.parse().unwrap());
            store.caller(&headers)
        };
        assert_eq!(store.caller(&HeaderMap::new()), None);
        // admin@example.com:secret, then admin@example.com:wrong
        assert_eq!(
            with("Basic YWRtaW5AZXhhbXBsZS5jb206c2VjcmV0").as_deref(),
            Some("admin@example.com")
        );
        assert_eq!(with("Basic YWRtaW5AZXhhbXBsZS5jb206d3Jvbmc="), None);
        assert_eq!(with("Bearer unknown"), None);
        store.set_token_lifetime(60);
        let (token, _, lifetime) = store.issue_tokens("someone@example.com");
        assert_eq!(lifetime, 60);
        let bearer = format!("Bearer {token}");
        assert_eq!(with(&bearer).as_deref(), Some("someone@example.com"));
        SECOND.store(59, Ordering::SeqCst);
        assert!(with(&bearer).is_some());
        SECOND.store(60, Ordering::SeqCst);
        assert_eq!(with(&bearer), None, "expired");
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
