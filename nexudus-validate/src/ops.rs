//! The operations the Nexudus API has for a resource, as traits, and the
//! filters its list documents.
//!
//! Not every resource can be listed, read, created, updated and deleted:
//! a `Coworker` is never deleted through the API, a `CoworkerInvoice` is
//! never created, a `Role` is only read. Each operation is a marker trait;
//! the client's calls ([`Client::create`](crate::client::Client::create),
//! ...) ask for it, so a call the API does not have does not compile:
//!
//! ```text
//! client.delete::<Coworker>(id).await
//! error[E0277]: the Nexudus API has no DELETE for `Coworker` records: they cannot be deleted
//! ```
//!
//! Every generated resource implements the operations the official pages
//! and the catalogue give it (`spec/nexudus-api.json`); the seed resources
//! those of their pages. A resource of your own says which it has, with
//! [`operations!`](crate::operations) (or an `impl ops::Create for Note {}`
//! of each):
//!
//! ```
//! use nexudus_validate::NexudusResource;
//! # use serde::{Deserialize, Serialize};
//!
//! #[derive(Serialize, Deserialize, NexudusResource)]
//! #[nexudus(name = "Note", path = "/api/spaces/notes")]
//! struct Note {
//!     #[required]
//!     text: Option<String>,
//! }
//!
//! nexudus_validate::operations!(Note: list, get, create);
//! ```

use crate::NexudusResource;

/// A resource whose records the API lists: `GET {PATH}?page=..&size=..`,
/// with [`FILTERS`](List::FILTERS).
#[diagnostic::on_unimplemented(
    message = "the Nexudus API has no list of `{Self}` records",
    label = "`{Self}` cannot be listed",
    note = "if `{Self}` is a resource of your own, `nexudus_validate::operations!({Self}: list)` says the API has it"
)]
pub trait List: NexudusResource {
    /// The filters its list documents, `None` when no list page printed
    /// them. A query's filters are checked against them and the names
    /// Nexudus derives from the fields (see [`Query`](crate::query::Query))
    /// before it is sent.
    const FILTERS: Option<&'static [Filter]> = None;
}

/// A resource whose records the API reads one by one: `GET {PATH}/{id}`
/// (and several at a time, `GET {PATH}?id=[..]`).
#[diagnostic::on_unimplemented(
    message = "the Nexudus API cannot read a `{Self}` record by its Id",
    label = "`{Self}` cannot be read by Id",
    note = "if `{Self}` is a resource of your own, `nexudus_validate::operations!({Self}: get)` says the API has it"
)]
pub trait Get: NexudusResource {}

/// A resource the API creates: `POST {PATH}`.
#[diagnostic::on_unimplemented(
    message = "the Nexudus API has no POST for `{Self}` records: they cannot be created",
    label = "`{Self}` cannot be created",
    note = "if `{Self}` is a resource of your own, `nexudus_validate::operations!({Self}: create)` says the API has it"
)]
pub trait Create: NexudusResource {}

/// A resource the API updates: `PUT {PATH}`.
#[diagnostic::on_unimplemented(
    message = "the Nexudus API has no PUT for `{Self}` records: they cannot be updated",
    label = "`{Self}` cannot be updated",
    note = "if `{Self}` is a resource of your own, `nexudus_validate::operations!({Self}: update)` says the API has it"
)]
pub trait Update: NexudusResource {}

/// A resource the API deletes: `DELETE {PATH}/{id}`.
#[diagnostic::on_unimplemented(
    message = "the Nexudus API has no DELETE for `{Self}` records: they cannot be deleted",
    label = "`{Self}` cannot be deleted",
    note = "if `{Self}` is a resource of your own, `nexudus_validate::operations!({Self}: delete)` says the API has it"
)]
pub trait Delete: NexudusResource {}

/// The operations a resource has, as values (the registry's, the mock's).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Operations {
    /// [`List`].
    pub list: bool,
    /// [`Get`].
    pub get: bool,
    /// [`Create`].
    pub create: bool,
    /// [`Update`].
    pub update: bool,
    /// [`Delete`].
    pub delete: bool,
}

impl Operations {
    /// All five.
    pub const ALL: Self = Self {
        list: true,
        get: true,
        create: true,
        update: true,
        delete: true,
    };

    /// Reading only: list and get.
    pub const READ: Self = Self {
        list: true,
        get: true,
        create: false,
        update: false,
        delete: false,
    };

    /// The names of the operations it has, in the order above.
    pub fn names(self) -> impl Iterator<Item = &'static str> {
        [
            (self.list, "list"),
            (self.get, "get"),
            (self.create, "create"),
            (self.update, "update"),
            (self.delete, "delete"),
        ]
        .into_iter()
        .filter_map(|(has, name)| has.then_some(name))
    }
}

/// A filter of a list, as its page documents it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Filter {
    name: &'static str,
    kind: FilterKind,
}

impl Filter {
    /// A filter named `name` (`Booking_Coworker`, `from_Booking_FromTime`)
    /// taking values of `kind`.
    pub const fn new(name: &'static str, kind: FilterKind) -> Self {
        Self { name, kind }
    }

    /// Its query parameter.
    pub const fn name(&self) -> &'static str {
        self.name
    }

    /// What values it takes.
    pub const fn kind(&self) -> FilterKind {
        self.kind
    }
}

/// The values a filter takes, as its page types it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FilterKind {
    /// A whole number (an Id, a count, an enum's integer).
    Integer,
    /// Any number.
    Number,
    /// `true` or `false`.
    Boolean,
    /// Text: the server matches it within the field.
    Text,
    /// A date and time, `YYYY-MM-DDTHH:mm` (the `from_` / `to_` bounds).
    DateTime,
    /// A value its page does not type.
    Any,
}

/// Implements the [`ops`](crate::ops) traits of the operations a resource
/// has: `operations!(Note: list, get, create, update, delete)`, any of the
/// five, in any order.
#[macro_export]
macro_rules! operations {
    ($resource:ty: $($operation:ident),+ $(,)?) => {
        $( $crate::operations!(@one $resource, $operation); )+
    };
    (@one $resource:ty, list) => { impl $crate::ops::List for $resource {} };
    (@one $resource:ty, get) => { impl $crate::ops::Get for $resource {} };
    (@one $resource:ty, create) => { impl $crate::ops::Create for $resource {} };
    (@one $resource:ty, update) => { impl $crate::ops::Update for $resource {} };
    (@one $resource:ty, delete) => { impl $crate::ops::Delete for $resource {} };
}
