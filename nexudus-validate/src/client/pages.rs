//! Walking every page of a list, within a limit of pages.

use std::fmt;
use std::marker::PhantomData;

use serde::de::DeserializeOwned;

use super::{Client, Error, Target};
use crate::query::Query;
use crate::Page;

/// How many pages a walk over a list reads unless told otherwise
/// ([`Pages::max_pages`]).
pub const DEFAULT_MAX_PAGES: u32 = 100;

/// A walk over the pages of a list ([`Client::pages`]), its records read
/// as `T`: each
/// [`Pages::next`] reads the next page, from the query's page (the first
/// unless [`Query::page`](crate::query::Query::page) says otherwise).
///
/// The walk ends after the page whose `HasNextPage` is `false`, after an
/// error (which [`Pages::next`] returns once), or with
/// [`Error::TooManyPages`] when [`Pages::max_pages`] pages have been read
/// and the server still says one follows. Every request has the client's
/// time and size limits, so a whole walk takes at most `max_pages` times
/// [`Client::timeout`] (throttling retries aside) and reads at most
/// `max_pages` times [`Client::max_response_bytes`].
pub struct Pages<T> {
    client: Client,
    target: Target,
    /// The query of the first page; the next pages follow it.
    query: Query,
    /// How many pages have been read, one after the other.
    read: u32,
    max_pages: u32,
    done: bool,
    /// An error the first page answers instead of a request.
    failure: Option<Error>,
    records: PhantomData<fn() -> T>,
}

impl<T> fmt::Debug for Pages<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Pages")
            .field("client", &self.client)
            .field("resource", &self.target.name)
            .field("query", &self.query)
            .field("read", &self.read)
            .field("max_pages", &self.max_pages)
            .field("done", &self.done)
            .finish()
    }
}

impl<T: DeserializeOwned> Pages<T> {
    pub(super) fn new(client: Client, target: Target, query: Query) -> Self {
        Self {
            client,
            target,
            query,
            read: 0,
            max_pages: DEFAULT_MAX_PAGES,
            done: false,
            failure: None,
            records: PhantomData,
        }
    }

    /// The most pages the walk reads ([`DEFAULT_MAX_PAGES`] unless
    /// changed; at least 1).
    pub fn max_pages(mut self, limit: u32) -> Self {
        self.max_pages = limit.max(1);
        self
    }

    /// The next page: `None` once the walk has ended (see [`Pages`]).
    pub async fn next(&mut self) -> Option<Result<Page<T>, Error>> {
        if self.done {
            return None;
        }
        if let Some(error) = self.failure.take() {
            self.done = true;
            return Some(Err(error));
        }
        if self.read >= self.max_pages {
            self.done = true;
            return Some(Err(Error::TooManyPages {
                limit: self.max_pages,
            }));
        }
        // Below `max_pages`, so this cannot overflow.
        self.read += 1;
        let page = self.query.page_number().saturating_add(self.read - 1);
        let answer = self
            .client
            .list_page::<T>(self.target, &self.query.clone().page(page))
            .await;
        if !matches!(&answer, Ok(got) if got.has_next_page) {
            self.done = true;
        }
        Some(answer)
    }

    /// Pages that answer `error` and nothing more, sending nothing.
    #[cfg(feature = "resources")]
    pub(super) fn failing(mut self, error: Error) -> Self {
        self.failure = Some(error);
        self
    }

    /// The records of every page that is left, in order; the first error
    /// ends the walk.
    pub async fn records(mut self) -> Result<Vec<T>, Error> {
        let mut records = Vec::new();
        while let Some(page) = self.next().await {
            records.extend(page?.records);
        }
        Ok(records)
    }
}
