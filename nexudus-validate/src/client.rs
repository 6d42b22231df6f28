//! Client side (feature `client`): a Nexudus REST client that validates a
//! record before it sends it.
//!
//! [`Client::update`] and [`Client::create`] run the resource's rules first
//! and return [`Error::Invalid`] **without sending anything** when they
//! fail. A record the server turns down (HTTP 400, or a 200 whose body says
//! `"WasSuccessful": false`) comes back as [`Error::Rejected`] holding the
//! same [`ValidationErrors`](crate::ValidationErrors) type, read from the Nexudus body; either way
//! [`Error::validation_errors`] gives the failures.
//!
//! ```no_run
//! use nexudus_validate::client::{Client, Error};
//! # use nexudus_validate::NexudusResource;
//! # use serde::{Deserialize, Serialize};
//! # #[derive(Default, Serialize, Deserialize, NexudusResource)]
//! # #[serde(rename_all = "PascalCase")]
//! # #[nexudus(name = "Workspace", path = "/api/collaboration/workspaces")]
//! # struct Workspace {
//! #     #[required(update)] id: Option<i64>,
//! #     #[required] name: Option<String>,
//! # }
//! # nexudus_validate::operations!(Workspace: list, get, create, update, delete);
//! // `Workspace` is `nexudus_validate::resources::Workspace` or any other
//! // `#[derive(NexudusResource)]` type.
//!
//! # async fn run() -> Result<(), Error> {
//! let client = Client::token("https://spaces.nexudus.com", "admin@example.com", "secret").await?;
//!
//! // Change one field: read the record, edit it, send all of it back.
//! client.modify::<Workspace, _>(87654321, |w| w.name = Some("Design team".into())).await?;
//!
//! // A record that fails the rules is never sent.
//! let draft = Workspace { name: Some("  ".into()), ..Workspace::default() };
//! let errors = client.create(&draft).await.unwrap_err();
//! assert!(!errors.was_sent());
//! println!("{}", errors.validation_errors().unwrap());
//! # Ok(()) }
//! ```
//!
//! # Lists, pages and deletes
//!
//! [`Client::list`] reads one page of a list endpoint
//! (`GET T::PATH?page=2&size=25`, pages from 1) as a [`Page<T>`], the
//! Nexudus list shape. [`Client::pages`] walks the pages from the first
//! and stops after the one whose `HasNextPage` is `false`; it reads at
//! most [`Pages::max_pages`] pages ([`DEFAULT_MAX_PAGES`] unless changed)
//! and then fails with [`Error::TooManyPages`], so a server that always
//! says another page follows cannot keep it going. [`Client::list_all`]
//! collects a walk's records. [`Client::delete`] removes a record
//! (`DELETE T::PATH/{id}`) and succeeds as a write does (see below).
//!
//! With the `resources` feature, `Client::registered` makes the same
//! calls for a resource of the registry found at run time, with records as
//! JSON values (`Registered`).
//!
//! A resource without an endpoint (`T::PATH` empty) is
//! [`Error::NoEndpoint`]: nothing is sent.
//!
//! # Throttling
//!
//! Nexudus answers a client that sends too much with 409 or 429 and a
//! `Retry-After` header (seconds). The client waits that long, capped at
//! [`Client::max_retry_wait`] (10 seconds unless changed), and tries again,
//! at most [`Client::max_retries`] times (3 unless changed); then it gives
//! up with [`Error::Throttled`]. A 429 without a usable `Retry-After` waits
//! one second (capped); a 409 without one is a real conflict and is not
//! retried.
//!
//! # Limits
//!
//! Every request has a time limit, [`Client::timeout`] ([`DEFAULT_TIMEOUT`],
//! 30 seconds, unless changed), from connecting until the last byte of the
//! answer, whatever the server does (never answers, stops after the
//! headers, sends a byte now and then): past it the call fails with
//! [`Error::Timeout`]. It applies to each try of a throttled request and to
//! the token call of [`Client::token`] / [`Client::login`].
//!
//! Answers are read a piece at a time up to [`Client::max_response_bytes`]
//! ([`DEFAULT_MAX_RESPONSE_BYTES`], 16 MiB, unless changed); a larger one
//! is [`Error::TooLarge`] and is not read further. Errors quote at most
//! [`BODY_EXCERPT_BYTES`] of a body.
//!
//! # What counts as success
//!
//! A create, update or delete succeeds only on a 2xx answer whose body says
//! `"WasSuccessful": true`. Any other 2xx answer (`"WasSuccessful": false`,
//! no `Errors`, an empty `Message`, `{}`) is [`Error::Rejected`].
//!
//! The client follows **no redirect**: a 3xx answer is
//! [`Error::Redirected`] (an HTTP client that follows redirects would turn
//! a `POST` into a `GET` of another page and take its answer for the
//! create's). A write that an HTTP client of your own
//! ([`Client::with_http_client`]) redirected anyway is
//! [`Error::Redirected`] too.
//!
//! # Credentials
//!
//! A user name and password written into the base URL
//! (`https://user:password@host`) are taken out of it and sent as Basic
//! authentication. No credential is ever printed: `Debug` of a [`Client`]
//! shows none, and every error that quotes the server (a body, a failure
//! list, a `Location`) has the credentials it sent (the password, the
//! token, the `Authorization` header value, also JSON- or form-encoded)
//! replaced by `<redacted>`, and the `AttemptedValue` of the record's
//! `#[sensitive]` fields set to `null`.
//!
//! # TLS
//!
//! HTTPS uses rustls with the *ring* provider and the Mozilla root
//! certificates (reqwest's `rustls-tls` feature), which builds with only a C
//! compiler. To use other roots or settings, build a `reqwest::Client`
//! yourself and pass it to [`Client::with_http_client`].

use std::fmt;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use reqwest::header::{HeaderMap, LOCATION, RETRY_AFTER};
use reqwest::{Method, RequestBuilder, StatusCode};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::lock::lock;
use crate::ops::{self, Filter};
use crate::query::Query;
use crate::{FieldInfo, NexudusResource, Operation, SuccessResponse};

mod answer;
mod error;
mod pages;
mod redact;
#[cfg(feature = "resources")]
mod registered;

pub use crate::Page;
pub use answer::DECODE_EXCERPT_BYTES;
use answer::{Answer, Quoting};
pub use error::Error;
pub use pages::{Pages, DEFAULT_MAX_PAGES};
use redact::Secrets;
pub use redact::BODY_EXCERPT_BYTES;
#[cfg(feature = "resources")]
pub use registered::Registered;

/// How many times a throttled request is retried unless told otherwise.
pub const DEFAULT_MAX_RETRIES: u32 = 3;
/// The longest wait between two tries unless told otherwise.
pub const DEFAULT_MAX_RETRY_WAIT: Duration = Duration::from_secs(10);
/// How long one request may take unless told otherwise: 30 seconds.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
/// The largest answer read unless told otherwise: 16 MiB.
pub const DEFAULT_MAX_RESPONSE_BYTES: usize = 16 << 20;
/// How long to wait after a 429 that names no usable `Retry-After`.
const DEFAULT_RETRY_WAIT: Duration = Duration::from_secs(1);

/// The resource a call is about: its name, endpoint, field table and
/// documented filters, from a type or from the registry.
#[derive(Clone, Copy)]
struct Target {
    name: &'static str,
    path: &'static str,
    fields: &'static [FieldInfo],
    filters: Option<&'static [Filter]>,
}

impl Target {
    fn of<T: NexudusResource + ?Sized>() -> Self {
        Self {
            name: T::NAME,
            path: T::PATH,
            fields: T::FIELDS,
            filters: None,
        }
    }

    fn listed<T: ops::List>() -> Self {
        Self {
            filters: T::FILTERS,
            ..Self::of::<T>()
        }
    }
}

/// A Nexudus REST API client: a base URL, credentials and a
/// `reqwest::Client`. Cheap to clone (the connection pool is shared).
#[derive(Clone)]
pub struct Client {
    http: reqwest::Client,
    base_url: String,
    auth: Auth,
    max_retries: u32,
    max_retry_wait: Duration,
    timeout: Duration,
    max_response_bytes: usize,
}

#[derive(Clone)]
enum Auth {
    None,
    Bearer(String),
    Basic {
        user: String,
        password: String,
    },
    /// Signed in with [`Client::login`]: tokens renewed before they expire.
    Session(Arc<Session>),
}

/// The tokens of a login, shared by the clones of a client.
struct Session {
    tokens: Mutex<Tokens>,
    /// Held while the tokens are renewed, so that clones renew once.
    renewing: tokio::sync::Mutex<()>,
}

#[derive(Clone)]
struct Tokens {
    access: String,
    refresh: Option<String>,
    /// When to renew the access token (before it expires); `None` when
    /// the server did not say how long it lives.
    renew_at: Option<Instant>,
}

impl Tokens {
    /// The tokens of a token endpoint's answer, read at `now`.
    fn from_answer(answer: TokenAnswer, now: Instant) -> Self {
        // Renew a tenth of the lifetime early (at most a minute).
        let renew_at = answer.expires_in.map(|seconds| {
            let lifetime = Duration::from_secs(seconds);
            now + lifetime - (lifetime / 10).min(Duration::from_secs(60))
        });
        Self {
            access: answer.access_token,
            refresh: answer.refresh_token.filter(|t| !t.is_empty()),
            renew_at,
        }
    }
}

/// What a token endpoint answers (OAuth2's password and refresh grants).
#[derive(Deserialize)]
struct TokenAnswer {
    access_token: String,
    #[serde(default)]
    refresh_token: Option<String>,
    #[serde(default)]
    expires_in: Option<u64>,
}

impl Auth {
    /// The credentials as they may come back from a server.
    fn secrets(&self) -> Secrets {
        let mut secrets = Secrets::default();
        match self {
            Auth::None => {}
            Auth::Bearer(token) => secrets.add(token),
            Auth::Basic { user, password } => secrets.add_basic(user, password),
            Auth::Session(session) => {
                let tokens = lock(&session.tokens);
                secrets.add(&tokens.access);
                if let Some(refresh) = &tokens.refresh {
                    secrets.add(refresh);
                }
            }
        }
        secrets
    }
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let auth = match &self.auth {
            Auth::None => "none",
            Auth::Bearer(_) => "bearer <redacted>",
            Auth::Basic { .. } => "basic <redacted>",
            Auth::Session(_) => "session <redacted>",
        };
        f.debug_struct("Client")
            .field("base_url", &redact::display_url(&self.base_url))
            .field("auth", &auth)
            .field("timeout", &self.timeout)
            .field("max_response_bytes", &self.max_response_bytes)
            .field("max_retries", &self.max_retries)
            .field("max_retry_wait", &self.max_retry_wait)
            .finish_non_exhaustive()
    }
}

impl Client {
    /// A client of the API at `base_url` (`https://spaces.nexudus.com`;
    /// resource paths such as `/api/spaces/visitors` are appended to it).
    /// Credentials written into the URL (`https://user:password@host`) are
    /// taken out of it and sent as Basic authentication; otherwise it has
    /// none until [`Client::bearer`] or [`Client::basic`].
    ///
    /// It follows no redirect and has the default limits
    /// ([`DEFAULT_TIMEOUT`], [`DEFAULT_MAX_RESPONSE_BYTES`]).
    ///
    /// # Panics
    ///
    /// When the TLS backend cannot be initialised (as `reqwest::Client::new`).
    pub fn new(base_url: impl Into<String>) -> Self {
        let http = reqwest::Client::builder()
            .user_agent(concat!("nexudus-validate/", env!("CARGO_PKG_VERSION")))
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("the HTTP client can be built");
        let (mut base_url, userinfo) = redact::split_userinfo(&base_url.into());
        while base_url.ends_with('/') {
            base_url.pop();
        }
        let auth = match userinfo {
            Some((user, password)) => Auth::Basic { user, password },
            None => Auth::None,
        };
        Self {
            http,
            base_url,
            auth,
            max_retries: DEFAULT_MAX_RETRIES,
            max_retry_wait: DEFAULT_MAX_RETRY_WAIT,
            timeout: DEFAULT_TIMEOUT,
            max_response_bytes: DEFAULT_MAX_RESPONSE_BYTES,
        }
    }

    /// Uses `http` to send requests (for proxies, TLS roots, ...). The
    /// client's own [`timeout`](Client::timeout) still applies to every
    /// request, and a write that `http` redirected is still an error.
    pub fn with_http_client(mut self, http: reqwest::Client) -> Self {
        self.http = http;
        self
    }

    /// Sends `Authorization: Bearer <token>`.
    pub fn bearer(mut self, token: impl Into<String>) -> Self {
        self.auth = Auth::Bearer(token.into());
        self
    }

    /// Sends `Authorization: Basic ..` with a user name (the email) and a
    /// password.
    pub fn basic(mut self, user: impl Into<String>, password: impl Into<String>) -> Self {
        self.auth = Auth::Basic {
            user: user.into(),
            password: password.into(),
        };
        self
    }

    /// How long one request may take, from connecting until the last byte
    /// of the answer ([`DEFAULT_TIMEOUT`] unless changed); past it the call
    /// fails with [`Error::Timeout`]. Each try of a throttled request gets
    /// the whole time.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// The largest answer body read, in bytes
    /// ([`DEFAULT_MAX_RESPONSE_BYTES`] unless changed); a larger answer is
    /// [`Error::TooLarge`], and is not read further.
    pub fn max_response_bytes(mut self, limit: usize) -> Self {
        self.max_response_bytes = limit;
        self
    }

    /// How many times a throttled request (409/429 with `Retry-After`) is
    /// tried again before [`Error::Throttled`]; `0` never retries.
    pub fn max_retries(mut self, retries: u32) -> Self {
        self.max_retries = retries;
        self
    }

    /// The longest wait before a retry, whatever `Retry-After` asks for.
    pub fn max_retry_wait(mut self, wait: Duration) -> Self {
        self.max_retry_wait = wait;
        self
    }

    /// The base URL, without a trailing `/` (nor credentials).
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// Logs in: `POST {base_url}/api/token` with the form
    /// `grant_type=password&username=..&password=..`, and returns a client
    /// that sends the `access_token` of the answer as a bearer token.
    ///
    /// The login has the default limits; to change them, use
    /// `Client::new(url).timeout(..).login(..)`.
    pub async fn token(
        base_url: impl Into<String>,
        username: &str,
        password: &str,
    ) -> Result<Self, Error> {
        Self::new(base_url).login(username, password).await
    }

    /// [`Client::token`] for a client already set up (limits, HTTP client,
    /// retries): returns it signed in. When the answer says how long the
    /// access token lives (`expires_in`) and gives a `refresh_token`, the
    /// client renews the token shortly before it expires
    /// (`grant_type=refresh_token`), and once more when the server answers
    /// 401 anyway; it never tries twice in a row. The clones of the client
    /// share the session.
    pub async fn login(mut self, username: &str, password: &str) -> Result<Self, Error> {
        let form = [
            ("grant_type", "password"),
            ("username", username),
            ("password", password),
        ];
        let tokens = self.fetch_tokens(&form, password).await?;
        self.auth = Auth::Session(Arc::new(Session {
            tokens: Mutex::new(tokens),
            renewing: tokio::sync::Mutex::new(()),
        }));
        Ok(self)
    }

    /// `POST {base_url}/api/token` with `form`, without credentials; the
    /// tokens of the answer. `secret` (and what the answer holds) is never
    /// quoted.
    async fn fetch_tokens(&self, form: &[(&str, &str)], secret: &str) -> Result<Tokens, Error> {
        let url = format!("{}/api/token", self.base_url);
        let anonymous = Client {
            auth: Auth::None,
            ..self.clone()
        };
        let quoting = || {
            let mut secrets = self.auth.secrets();
            secrets.add(secret);
            Quoting {
                secrets,
                sensitive: &[],
                resource: "",
            }
        };
        let answer = anonymous
            .execute(|| anonymous.http.post(&url).form(form), false, &quoting)
            .await?;
        if !answer.status.is_success() {
            return Err(quoting().status(&answer));
        }
        // The answer holds a token: an error quotes none of it.
        match serde_json::from_slice::<TokenAnswer>(&answer.body) {
            Ok(token) if !token.access_token.is_empty() => {
                Ok(Tokens::from_answer(token, Instant::now()))
            }
            _ => Err(Error::Decode {
                status: answer.status.as_u16(),
                resource: "",
                path: ".".to_owned(),
                body: "<the token endpoint's answer is not shown>".to_owned(),
                reason: "no access_token in the answer".to_owned(),
            }),
        }
    }

    /// Renews the session's access token with its refresh token, unless a
    /// clone did since `seen` was the token; the token to send.
    async fn renew(&self, session: &Session, seen: &str) -> Result<String, Error> {
        let _one_at_a_time = session.renewing.lock().await;
        let current = lock(&session.tokens).clone();
        if current.access != seen {
            return Ok(current.access);
        }
        let Some(refresh) = current.refresh else {
            return Ok(current.access);
        };
        let form = [
            ("grant_type", "refresh_token"),
            ("refresh_token", refresh.as_str()),
        ];
        let mut tokens = self.fetch_tokens(&form, &refresh).await?;
        // A server that renews without a new refresh token keeps the old one.
        tokens.refresh = tokens.refresh.or(Some(refresh));
        let access = tokens.access.clone();
        *lock(&session.tokens) = tokens;
        Ok(access)
    }

    /// The session's access token, renewed first when it is due.
    async fn session_token(&self, session: &Session) -> Result<String, Error> {
        let tokens = lock(&session.tokens).clone();
        match tokens.renew_at {
            Some(at) if Instant::now() >= at => self.renew(session, &tokens.access).await,
            _ => Ok(tokens.access),
        }
    }

    /// Updates a record: validates it for [`Operation::Update`] (nothing is
    /// sent if that fails), then `PUT`s it as JSON to `T::PATH`.
    ///
    /// An update replaces the **whole** record on the server: fields left
    /// out are cleared. To change some fields of a stored record, use
    /// [`Client::modify`].
    pub async fn update<T>(&self, record: &T) -> Result<SuccessResponse, Error>
    where
        T: ops::Update + Serialize,
    {
        let body = prepare(record, Operation::Update)?;
        self.send_record(Target::of::<T>(), Method::PUT, &body)
            .await
    }

    /// Creates a record: validates it for [`Operation::Create`] (nothing is
    /// sent if that fails), then `POST`s it as JSON to `T::PATH`, without
    /// `Id` (the documented create bodies have none). The new record's
    /// `Id` is [`SuccessResponse::id`].
    pub async fn create<T>(&self, record: &T) -> Result<SuccessResponse, Error>
    where
        T: ops::Create + Serialize,
    {
        let body = prepare(record, Operation::Create)?;
        self.send_record(Target::of::<T>(), Method::POST, &body)
            .await
    }

    /// Reads a record: `GET T::PATH/{id}`, decoded into a `T` (not
    /// validated). A missing record is [`Error::Status`] with status 404.
    pub async fn get<T>(&self, id: i64) -> Result<T, Error>
    where
        T: ops::Get + DeserializeOwned,
    {
        let target = Target::of::<T>();
        let url = self.url(target, format_args!("/{id}"))?;
        let answer = self.read(target, &url).await?;
        self.quoting(target, None).parse(&answer)
    }

    /// Reads one page of the records of `T`: `GET T::PATH?page={page}&size={size}`,
    /// answered in the Nexudus list shape ([`Page`]). Pages count from 1;
    /// the server may serve fewer records a page than asked for
    /// ([`Page::page_size`] says how many). The records are decoded into
    /// `T` (not validated); an answer that is not the list shape is
    /// [`Error::Decode`], an unsuccessful status [`Error::Status`].
    ///
    /// To read every page, use [`Client::pages`] or [`Client::list_all`];
    /// to filter and order, [`Client::search`].
    pub async fn list<T>(&self, page: u32, size: u32) -> Result<Page<T>, Error>
    where
        T: ops::List + DeserializeOwned,
    {
        self.search(&Query::new().page(page).size(size)).await
    }

    /// Reads the page of the records of `T` that `query` asks for: its
    /// page and size, order and filters
    /// (`GET T::PATH?page=..&size=..&orderBy=..&dir=..&Booking_Coworker=..`).
    /// A query that does not fit `T` (a filter its list does not have, a
    /// value the filter does not take, an order field `T` does not have)
    /// is [`Error::Query`], and nothing is sent.
    ///
    /// ```no_run
    /// # use nexudus_validate::client::{Client, Error};
    /// # use nexudus_validate::resources::Booking;
    /// use nexudus_validate::query::{Direction, Query};
    /// # async fn run(client: Client) -> Result<(), Error> {
    /// // One member's bookings, newest first.
    /// let query = Query::new()
    ///     .filter("Booking_Coworker", 87654321)
    ///     .order_by("FromTime", Direction::Descending);
    /// let bookings = client.search::<Booking>(&query).await?;
    /// # Ok(()) }
    /// ```
    pub async fn search<T>(&self, query: &Query) -> Result<Page<T>, Error>
    where
        T: ops::List + DeserializeOwned,
    {
        self.list_page(Target::listed::<T>(), query).await
    }

    /// Reads several records by their Ids in one request:
    /// `GET T::PATH?id=[1,2,3]`. The server's batch answer is a summary of
    /// each record (its pages list the fields it leaves out): to update a
    /// record, read it whole with [`Client::get`].
    pub async fn get_many<T>(&self, ids: &[i64]) -> Result<Vec<T>, Error>
    where
        T: ops::Get + DeserializeOwned,
    {
        self.get_batch(Target::of::<T>(), ids).await
    }

    /// Walks the pages of the list of `T`, `size` records a page, from the
    /// first: each [`Pages::next`] reads one page, until the server says
    /// no page follows (`HasNextPage` is `false`), a request fails, or
    /// [`Pages::max_pages`] pages ([`DEFAULT_MAX_PAGES`] unless changed)
    /// have been read while the server still says one follows
    /// ([`Error::TooManyPages`]): a server that always says there is a
    /// next page cannot keep it going.
    ///
    /// ```no_run
    /// # use nexudus_validate::client::{Client, Error};
    /// # use nexudus_validate::resources::Workspace;
    /// # async fn run(client: Client) -> Result<(), Error> {
    /// let mut pages = client.pages::<Workspace>(100).max_pages(50);
    /// while let Some(page) = pages.next().await {
    ///     for workspace in page? {
    ///         println!("{:?}", workspace.name);
    ///     }
    /// }
    /// # Ok(()) }
    /// ```
    pub fn pages<T>(&self, size: u32) -> Pages<T>
    where
        T: ops::List + DeserializeOwned,
    {
        self.search_pages(Query::new().size(size))
    }

    /// [`Client::pages`] of a query: its filters and order, each page of
    /// its size, from its page on.
    pub fn search_pages<T>(&self, query: Query) -> Pages<T>
    where
        T: ops::List + DeserializeOwned,
    {
        Pages::new(self.clone(), Target::listed::<T>(), query)
    }

    /// Every record of `T`, read `size` a page: [`Client::pages`] with its
    /// default limit of [`DEFAULT_MAX_PAGES`] pages, collected. At most
    /// that many answers, each at most [`Client::max_response_bytes`],
    /// are read; past the limit the call fails with
    /// [`Error::TooManyPages`] (`client.pages::<T>(size).max_pages(n).records()`
    /// changes it).
    pub async fn list_all<T>(&self, size: u32) -> Result<Vec<T>, Error>
    where
        T: ops::List + DeserializeOwned,
    {
        self.pages::<T>(size).records().await
    }

    /// Every record `query` matches, in its order: [`Client::search_pages`]
    /// collected, within its limit of pages.
    pub async fn search_all<T>(&self, query: Query) -> Result<Vec<T>, Error>
    where
        T: ops::List + DeserializeOwned,
    {
        self.search_pages::<T>(query).records().await
    }

    /// Deletes a record: `DELETE T::PATH/{id}`. Only a 2xx answer whose
    /// body says `"WasSuccessful": true` is `Ok`, as for
    /// [`Client::update`]; a missing record is [`Error::Status`] with
    /// status 404.
    pub async fn delete<T>(&self, id: i64) -> Result<SuccessResponse, Error>
    where
        T: ops::Delete + ?Sized,
    {
        self.delete_at(Target::of::<T>(), id).await
    }

    /// Changes a record safely: reads it, applies `change`, validates the
    /// result for [`Operation::Update`] and sends the whole record back.
    ///
    /// Keys of the stored record that `T` does not model are sent back as
    /// they were read, so a model that lacks some of the server's fields
    /// does not clear them. A field of `T` that `change` sets to `None` (and
    /// that `T` then leaves out of its JSON) is left out, which clears it.
    pub async fn modify<T, F>(&self, id: i64, change: F) -> Result<SuccessResponse, Error>
    where
        T: ops::Get + ops::Update + Serialize + DeserializeOwned,
        F: FnOnce(&mut T),
    {
        let target = Target::of::<T>();
        let (answer, read) = self.get_value(target, id).await?;
        let mut record: T = self.quoting(target, None).parse(&answer)?;
        change(&mut record);
        let changed = prepare(&record, Operation::Update)?;
        let body = merge_known_fields(target.fields, read, changed);
        self.send_record(target, Method::PUT, &body).await
    }

    /// What an error about a call for `target` must not quote: the
    /// credentials, and the values of the `#[sensitive]` fields of
    /// `record` (the JSON sent).
    fn quoting(&self, target: Target, record: Option<&Value>) -> Quoting<'static> {
        let mut secrets = self.auth.secrets();
        for field in target.fields.iter().filter(|f| f.sensitive()) {
            if let Some(Value::String(secret)) = record.and_then(|r| r.get(field.wire_name())) {
                secrets.add(secret);
            }
        }
        Quoting {
            secrets,
            sensitive: target.fields,
            resource: target.name,
        }
    }

    /// `{base_url}{path}{rest}`; [`Error::NoEndpoint`] when `target` has no
    /// path (a request to the base URL itself is never right).
    fn url(&self, target: Target, rest: fmt::Arguments<'_>) -> Result<String, Error> {
        if target.path.is_empty() {
            return Err(Error::NoEndpoint {
                resource: target.name,
            });
        }
        Ok(format!("{}{}{}", self.base_url, target.path, rest))
    }

    /// `GET url`, a successful answer read whole.
    async fn read(&self, target: Target, url: &str) -> Result<Answer, Error> {
        let quoting = || self.quoting(target, None);
        let answer = self.execute(|| self.http.get(url), false, &quoting).await?;
        if !answer.status.is_success() {
            return Err(quoting().status(&answer));
        }
        Ok(answer)
    }

    /// `GET {path}/{id}`, as JSON.
    async fn get_value(&self, target: Target, id: i64) -> Result<(Answer, Value), Error> {
        let url = self.url(target, format_args!("/{id}"))?;
        let answer = self.read(target, &url).await?;
        let value = self.quoting(target, None).parse(&answer)?;
        Ok((answer, value))
    }

    /// `GET {path}?{query}`, the records read as `R`.
    async fn list_page<R: DeserializeOwned>(
        &self,
        target: Target,
        query: &Query,
    ) -> Result<Page<R>, Error> {
        let pairs = query
            .pairs_for(target.name, target.fields, target.filters)
            .map_err(Error::Query)?;
        let url = self.url_with(target, &pairs)?;
        let answer = self.read(target, &url).await?;
        self.quoting(target, None).parse(&answer)
    }

    /// `GET {path}?id=[..]`, the records read as `R`.
    async fn get_batch<R: DeserializeOwned>(
        &self,
        target: Target,
        ids: &[i64],
    ) -> Result<Vec<R>, Error> {
        let list: Vec<String> = ids.iter().map(ToString::to_string).collect();
        let ids = format!("[{}]", list.join(","));
        let url = self.url_with(target, &[("id".to_owned(), ids)])?;
        let answer = self.read(target, &url).await?;
        self.quoting(target, None).parse(&answer)
    }

    /// `{base_url}{path}?{pairs}`, the pairs percent-encoded.
    fn url_with(&self, target: Target, pairs: &[(String, String)]) -> Result<String, Error> {
        let url = self.url(target, format_args!(""))?;
        let mut url = reqwest::Url::parse(&url).map_err(|_| Error::NoEndpoint {
            resource: target.name,
        })?;
        url.query_pairs_mut().extend_pairs(pairs);
        Ok(url.into())
    }

    /// `DELETE {path}/{id}`.
    async fn delete_at(&self, target: Target, id: i64) -> Result<SuccessResponse, Error> {
        let url = self.url(target, format_args!("/{id}"))?;
        let quoting = || self.quoting(target, None);
        let answer = self
            .execute(|| self.http.delete(&url), true, &quoting)
            .await?;
        quoting().envelope(&answer)
    }

    /// `body` as JSON to `{path}` (`POST` creates, `PUT` updates).
    async fn send_record(
        &self,
        target: Target,
        method: Method,
        body: &Value,
    ) -> Result<SuccessResponse, Error> {
        let url = self.url(target, format_args!(""))?;
        let quoting = || self.quoting(target, Some(body));
        let answer = self
            .execute(
                || self.http.request(method.clone(), &url).json(body),
                true,
                &quoting,
            )
            .await?;
        quoting().envelope(&answer)
    }

    /// Sends the request `build` makes, with credentials and the time
    /// limit, retrying while it is throttled; the final answer, read whole
    /// within the size limit. A redirect is an error; for a `write`, also
    /// one that the HTTP client followed.
    async fn execute<'q>(
        &self,
        build: impl Fn() -> RequestBuilder,
        write: bool,
        quoting: &impl Fn() -> Quoting<'q>,
    ) -> Result<Answer, Error> {
        let mut attempt = 0;
        let mut renewed = false;
        loop {
            let (request, sent_token) = match &self.auth {
                Auth::None => (build(), None),
                Auth::Bearer(token) => (build().bearer_auth(token), None),
                Auth::Basic { user, password } => (build().basic_auth(user, Some(password)), None),
                Auth::Session(session) => {
                    // Boxed: renewing sends a request of its own.
                    let token = Box::pin(self.session_token(session)).await?;
                    (build().bearer_auth(&token), Some(token))
                }
            };
            let request = request
                .timeout(self.timeout)
                .build()
                .map_err(Error::Transport)?;
            let sent_to = request.url().clone();
            let response = self
                .http
                .execute(request)
                .await
                .map_err(|e| self.transport(e))?;
            let status = response.status();
            if status.is_redirection() || (write && response.url() != &sent_to) {
                let location = match response.headers().get(LOCATION) {
                    Some(value) => Some(String::from_utf8_lossy(value.as_bytes()).into_owned()),
                    None if !status.is_redirection() => Some(response.url().to_string()),
                    None => None,
                };
                let secrets = quoting().secrets;
                return Err(Error::Redirected {
                    status: status.as_u16(),
                    location: location.map(|l| {
                        let l = secrets.redact(&redact::display_url(&l)).into_owned();
                        redact::truncate(&l, BODY_EXCERPT_BYTES).to_owned()
                    }),
                });
            }
            // A session's token refused: renew it once and try again.
            if let (StatusCode::UNAUTHORIZED, Auth::Session(session), Some(token), false) =
                (status, &self.auth, &sent_token, renewed)
            {
                renewed = true;
                drop(response);
                Box::pin(self.renew(session, token)).await?;
                continue;
            }
            let wait = throttle_wait(status, response.headers());
            let retry_after = retry_after(response.headers());
            let body = self.read_body(response).await?;
            let answer = Answer { status, body };
            match wait {
                Some(wait) if attempt < self.max_retries => {
                    attempt += 1;
                    tokio::time::sleep(wait.min(self.max_retry_wait)).await;
                }
                Some(_) => {
                    return Err(Error::Throttled {
                        status: status.as_u16(),
                        retry_after,
                        attempts: attempt + 1,
                        body: quoting().secrets.excerpt(&answer.body),
                    })
                }
                None => return Ok(answer),
            }
        }
    }

    /// The body of `response`, a piece at a time, failing as soon as it
    /// would pass [`Client::max_response_bytes`].
    async fn read_body(&self, mut response: reqwest::Response) -> Result<Vec<u8>, Error> {
        let limit = self.max_response_bytes;
        let too_large = || Error::TooLarge {
            status: response.status().as_u16(),
            limit,
        };
        let announced = response.content_length().unwrap_or(0);
        if announced > limit as u64 {
            return Err(too_large());
        }
        let status = response.status().as_u16();
        let mut body = Vec::with_capacity(usize::try_from(announced).unwrap_or(0).min(limit));
        while let Some(chunk) = response.chunk().await.map_err(|e| self.transport(e))? {
            if chunk.len() > limit - body.len() {
                return Err(Error::TooLarge { status, limit });
            }
            body.extend_from_slice(&chunk);
        }
        Ok(body)
    }

    fn transport(&self, error: reqwest::Error) -> Error {
        if error.is_timeout() {
            Error::Timeout {
                after: self.timeout,
            }
        } else {
            Error::Transport(error)
        }
    }
}

/// Validates `record` for `operation` and turns it into the JSON to send
/// (a create's without `Id`).
fn prepare<T: NexudusResource + Serialize>(
    record: &T,
    operation: Operation,
) -> Result<Value, Error> {
    record.validate_for(operation).map_err(Error::Invalid)?;
    let body = serde_json::to_value(record).map_err(Error::Serialize)?;
    Ok(without_id(body, operation))
}

/// A create's body loses its `Id` key (`null` or not: the server assigns
/// it).
fn without_id(mut body: Value, operation: Operation) -> Value {
    if !operation.is_update() {
        if let Value::Object(object) = &mut body {
            object.remove("Id");
        }
    }
    body
}

/// `read` with every key of `fields` replaced by what `changed` says (or
/// removed, when `changed` leaves it out); other keys are kept.
fn merge_known_fields(fields: &[FieldInfo], read: Value, changed: Value) -> Value {
    let (mut read, changed) = match (read, changed) {
        (Value::Object(read), Value::Object(changed)) => (read, changed),
        (_, changed) => return changed,
    };
    for field in fields {
        read.remove(field.wire_name());
        for alias in field.aliases() {
            read.remove(*alias);
        }
    }
    let mut merged = Map::with_capacity(read.len() + changed.len());
    merged.extend(read);
    merged.extend(changed);
    Value::Object(merged)
}

/// How long to wait before retrying, when the answer says to.
fn throttle_wait(status: StatusCode, headers: &HeaderMap) -> Option<Duration> {
    let retry_after = retry_after(headers);
    match status {
        StatusCode::TOO_MANY_REQUESTS => Some(retry_after.unwrap_or(DEFAULT_RETRY_WAIT)),
        StatusCode::CONFLICT => retry_after,
        _ => None,
    }
}

/// `Retry-After` in whole seconds (the HTTP-date form is not read).
fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let text = headers.get(RETRY_AFTER)?.to_str().ok()?;
    text.trim().parse::<u64>().ok().map(Duration::from_secs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    #[test]
    fn waits() {
        let mut headers = HeaderMap::new();
        assert_eq!(throttle_wait(StatusCode::OK, &headers), None);
        assert_eq!(throttle_wait(StatusCode::CONFLICT, &headers), None);
        assert_eq!(
            throttle_wait(StatusCode::TOO_MANY_REQUESTS, &headers),
            Some(DEFAULT_RETRY_WAIT)
        );
        headers.insert(RETRY_AFTER, HeaderValue::from_static(" 7 "));
        assert_eq!(
            throttle_wait(StatusCode::CONFLICT, &headers),
            Some(Duration::from_secs(7))
        );
        headers.insert(
            RETRY_AFTER,
            HeaderValue::from_static("Wed, 21 Oct 2015 07:28:00 GMT"),
        );
        assert_eq!(throttle_wait(StatusCode::CONFLICT, &headers), None);
    }

    #[test]
    fn base_url_and_debug() {
        let client = Client::new("http://127.0.0.1:1//").basic("me", "secret");
        assert_eq!(client.base_url(), "http://127.0.0.1:1");
        let debug = format!("{client:?}");
        assert!(!debug.contains("secret"), "{debug}");
        let debug = format!("{:?}", client.bearer("tok3n"));
        assert!(!debug.contains("tok3n"), "{debug}");

        let client = Client::new("http://me:secret@127.0.0.1:1/");
        assert_eq!(client.base_url(), "http://127.0.0.1:1");
        assert!(
            matches!(&client.auth, Auth::Basic { user, password } if user == "me" && password == "secret")
        );
        let debug = format!("{client:?}");
        assert!(!debug.contains("secret"), "{debug}");
    }
}
