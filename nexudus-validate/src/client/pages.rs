//! Walking every page of a list, within a limit of pages.

use std::fmt;
use std::marker::PhantomData;

use serde::de::DeserializeOwned;

use super::{Client, Error, Target};
use crate::Page;

/// How many pages a walk over a list reads unless told otherwise
/// ([`Pages::max_pages`]).
pub const DEFAULT_MAX_PAGES: u32 = 100;

/// A walk over the pages of a list ([`Client::pages`]), its records read
/// as `T`: each
/// [`Pages::next`] reads the next page, from the first.
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
    size: u32,
    /// How many pages have been read: pages are read from 1, one after
    /// the other, so this is also the last page read.
    read: u32,
    max_pages: u32,
    done: bool,
    records: PhantomData<fn() -> T>,
}

impl<T> fmt::Debug for Pages<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Pages")
            .field("client", &self.client)
            .field("resource", &self.target.name)
            .field("size", &self.size)
            .field("read", &self.read)
            .field("max_pages", &self.max_pages)
            .field("done", &self.done)
            .finish()
    }
}

impl<T: DeserializeOwned> Pages<T> {
    pub(super) fn new(client: Client, target: Target, size: u32) -> Self {
        Self {
            client,
            target,
            size,
            read: 0,
            max_pages: DEFAULT_MAX_PAGES,
            done: false,
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
        if self.read >= self.max_pages {
            self.done = true;
            return Some(Err(Error::TooManyPages {
                limit: self.max_pages,
            }));
        }
        // Below `max_pages`, so this cannot overflow.
        self.read += 1;
        let answer = self
            .client
            .list_page::<T>(self.target, self.read, self.size)
            .await;
        if !matches!(&answer, Ok(got) if got.has_next_page) {
            self.done = true;
        }
        Some(answer)
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
