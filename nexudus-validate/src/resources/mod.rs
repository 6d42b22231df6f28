//! Typed models of the Nexudus resources (feature `resources`, on by
//! default, for the five hand-written ones; one feature per Nexudus module
//! for the rest of the API).
//!
//! # The hand-written seed models
//!
//! Five models carry every field of their official Nexudus reference page,
//! under the page's JSON key, in the page's order (required fields first,
//! `Id` first), with the page's `#[required]` rules. They are always
//! compiled with `resources`:
//!
//! | model | endpoint |
//! |---|---|
//! | [`AccessToken`] | `/api/spaces/accesstokens` |
//! | [`Visitor`] | `/api/spaces/visitors` |
//! | [`User`] | `/api/sys/users` |
//! | [`UiModule`] | `/api/sys/uimodules` |
//! | [`Workspace`] | `/api/collaboration/workspaces` |
//!
//! `PUT` to the endpoint updates a record, `POST` creates one. An update
//! replaces the **whole** record: a field left out is cleared on the server,
//! so a client that changes one field reads the record, edits it and sends
//! all of it back.
//!
//! Required fields are always serialized (as `null` when `None`); optional
//! fields that are `None` are left out of the body. Dates are
//! [`NexudusDateTime`](crate::NexudusDateTime)s and enums travel as integers.
//!
//! ```
//! use nexudus_validate::resources::Workspace;
//! use nexudus_validate::{Operation, Validate};
//!
//! let body = r#"{"BusinessId": 1, "AdministratorId": 2, "Name": " ", "Id": 87654321}"#;
//! let workspace: Workspace = serde_json::from_str(body).unwrap();
//! let errors = workspace.validate().unwrap_err();
//! assert_eq!(errors.to_string(), "Name: is a required field");
//!
//! let draft = Workspace {
//!     business_id: Some(1),
//!     administrator_id: Some(2),
//!     name: Some("Design team".into()),
//!     ..Workspace::default()
//! };
//! assert!(draft.validate_for(Operation::Create).is_ok());
//! assert_eq!(
//!     serde_json::to_string(&draft).unwrap(),
//!     r#"{"Id":null,"BusinessId":1,"AdministratorId":2,"Name":"Design team"}"#
//! );
//! ```

//! # The whole API
//!
//! The other 211 entities of the API catalogue (`spec/nexudus-api.json`,
//! 216 entities) are generated, one file each, by
//! `cargo run -p xtask -- codegen` (CI fails when the committed files are
//! stale). Each Nexudus module is a cargo feature and a module here; every
//! type is also re-exported at `resources::<Name>`:
//!
//! | feature | module | resources |
//! |---|---|---|
//! | `sys` | [`sys`] | 57 (with the seeds `User`, `UiModule`) |
//! | `billing` | [`billing`] | 50 |
//! | `spaces` | [`spaces`] | 32 (with the seeds `AccessToken`, `Visitor`) |
//! | `content` | [`content`] | 33 |
//! | `crm` | [`crm`] | 15 |
//! | `community` | [`community`] | 9 |
//! | `support` | [`support`] | 5 |
//! | `apps` | [`apps`] | 4 |
//! | `security` | [`security`] | 2 |
//! | `collaboration` | [`collaboration`] | 1 (the seed `Workspace`) |
//! | `other` | [`other`] | 8 that no public source places in a module |
//! | `all-resources` | every module | 216 |
//!
//! The default build compiles only the five seed models; the `cli` feature
//! turns on `all-resources`. [`registry`] lists every compiled-in resource
//! by name, plural and path.
//!
//! The eight entities of `other` have no known endpoint: they are generated
//! with an empty [`PATH`](crate::NexudusResource::PATH) (`""`), so they
//! validate bodies but a client cannot address them.
//!
//! **Name clash.** The catalogue's `Language` entity (module `sys`) has the
//! name of the seed [`Language`] enum (the language of a [`User`]). The
//! seed keeps `resources::Language`; the entity is
//! `resources::sys::Language` (and `Language` in the registry).
//!
//! ## Types
//!
//! | catalogue type | Rust type (inside `Option`) | on the wire |
//! |---|---|---|
//! | `long` | `i64` | number |
//! | `int` | `i32` | number |
//! | `bool` | `bool` | `true` / `false` |
//! | `string` | `String` | string |
//! | `DateTime` | [`NexudusDateTime`](crate::NexudusDateTime) | string, `2025-01-15T10:30:00Z` |
//! | `decimal` | `f64` | number |
//! | `enum` with a value table | an open enum ([`open_enum!`](crate::open_enum)), one per table, with a `VALUES` constant | number; any `i32`, an unlisted one as `Unlisted` |
//! | `enum` without a value table | `i32` | number; any integer |
//! | `list` | `Vec<i64>` | array of ids |
//! | a number the official pages show only as a sample (`123`) | `serde_json::Number` | any number, kept as sent |
//! | a field no page types (`LocalizationDetails`) | `serde_json::Value` | any JSON |
//! | `children` | `Vec<{Parent}{Child}Item>`, `#[nested]` | array of objects |
//!
//! **Why `f64` for `decimal`.** Nexudus sends money and quantities as JSON
//! numbers, never strings, and `f64` reads and writes exactly that with no
//! extra dependency, so the default build stays as light as it is. With
//! serde_json's `float_roundtrip` (which this crate enables) every number
//! is read to the nearest `f64` and printed back to the same digits, so an
//! amount such as `1234.56` round-trips as sent; only numbers with more
//! than 15 significant digits lose precision (the .NET `decimal` has 28).
//! `rust_decimal` would be exact, but its serde support writes a string by
//! default and needs an extra feature and crate to write a number. A user
//! who needs exact arithmetic converts at the edge (`Decimal::try_from(f64)`).
//!
//! Inline child records get a type of their own holding the fields a
//! client may write, all optional, typed from the child entity where the
//! catalogue has it (a field it does not type is a `serde_json::Value`).
//!
//! ## Fields and rules
//!
//! - Every field is an `Option`, named as the official pages print it
//!   (developers.nexudus.com, learn.nexudus.com and its mirror, the
//!   support.nexudus.com reference articles), misspellings such as
//!   `CancelMemeberAccountAfter` included: the catalogue's fields in its
//!   order after `Id`, then the fields only the official pages print, then
//!   the fields every record carries.
//! - Where the catalogue guessed a name (from a command-line option) and
//!   the official pages print a name that explains it word for word
//!   (`City` and `CityName`, `DoNotAutoProcessInvoices` and
//!   `DoNotProcessInvoicesAutomatically`), each the other's only best
//!   match, the printed name replaces the guess. A guess no page prints is
//!   kept, says so in its doc, and is never required.
//! - Every record a GET answers carries `UniqueId`, `CreatedOn`,
//!   `UpdatedOn`, `UpdatedBy`, `IsNew`, `SystemId`, `ToStringText`,
//!   `LocalizationDetails` and `CustomFields`: every generated model reads
//!   them, in its `meta` field ([`RecordMeta`], `#[serde(flatten)]`ed: the
//!   keys sit in the record's own JSON object). All but `SystemId` (data
//!   of the API user's own) are filled by the server: read, never sent
//!   back.
//! - `Id` is `#[required(update)]`.
//! - `max_length` becomes `#[length(max = N)]`.
//! - String fields whose name contains `password`, `secret`, `token`,
//!   `privatekey` or `apikey` are [`Secret<String>`](crate::Secret)s: never
//!   shown in `Debug` or failures, sent as the string itself.
//! - Read-only fields (the server's, list filters, those every reference
//!   article marks read-only) are read but never serialized back.
//! - Each field's doc comment says its type, when it is required and which
//!   pages or tables decided it, and where its name came from. Pages are
//!   named by a short label (`developers post-products`); the resource's
//!   doc lists the URL of each page read.
//!
//! ## Enums are open
//!
//! Nexudus's enums are .NET integers: the server binds any integer into
//! one, answers records with values its pages do not list (`0` in many
//! example responses), and may add values at any time. So every enum here
//! (generated, and the seeds' [`VisitorSource`], [`HostApprovalStatus`]
//! and [`Language`]) is an [`open_enum!`](crate::open_enum): listed values
//! read as their variant, any other `i32` as `Unlisted`, and both write
//! back the integer read. The pre-flight accepts an unlisted integer, as
//! the server does; a value that is not an `i32` (`"x"`, `1.5`) is still
//! `The value 'x' is not valid for F.` The listed values are the union of
//! those any source prints (`0 None` included where a page lists it).
//!
//! ## Which fields are required
//!
//! A check that rejects what the server accepts blocks a valid request;
//! one that misses a rule only defers the error to the server. So, for
//! each operation (create: the POST pages; update: the PUT pages):
//!
//! 1. a read-only field, a field whose name is still a guess, a field a
//!    catalogue note doubts (ResourceAccessRule `AppliedResourcesCount`)
//!    and a field any official page says "Defaults to ..." for are never
//!    required;
//! 2. where official pages of the operation were read (their Required
//!    Fields list, whole or in part), a field is required only when every
//!    one of them lists it there: where developers.nexudus.com and
//!    learn.nexudus.com disagree (Product `SystemProductType` on update),
//!    it is not; the reference tables add nothing;
//! 3. where none was read: an update needs what the create needs
//!    (Nexudus's updates need the fields its creates need); a create
//!    follows the reference tables (the catalogue's and the support
//!    articles', all of them), except on enum and bool fields, whose
//!    defaulted values the tables flag as required;
//! 4. required on both: `#[required]`; on update only:
//!    `#[required(update)]`; on create only: `#[required(create)]`.
//!
//! `spec/README.md` counts what was read and decided. An empty create body
//! therefore fails with exactly the fields the pages agree on, in field
//! order:
//!
//! ```
//! # #[cfg(feature = "spaces")] {
//! use nexudus_validate::resources::Coworker;
//! use nexudus_validate::Operation;
//!
//! let errors = nexudus_validate::from_slice_for::<Coworker>(b"{}", Operation::Create).unwrap_err();
//! let names: Vec<&str> = errors.iter().map(|f| f.property_name()).collect();
//! assert_eq!(names, ["FullName", "Email", "CountryId", "SimpleTimeZoneId"]);
//! # }
//! ```

mod access_token;
mod enums;
mod record_meta;
pub mod registry;
mod ui_module;
mod user;
mod visitor;
mod workspace;

pub use access_token::AccessToken;
pub use enums::{HostApprovalStatus, Language, VisitorSource};
pub use record_meta::RecordMeta;
pub use ui_module::UiModule;
pub use user::User;
pub use visitor::Visitor;
pub use workspace::Workspace;

// The seeds' pages document all five operations (their list filters were
// not read: any filter name is taken).
crate::operations!(AccessToken: list, get, create, update, delete);
crate::operations!(Visitor: list, get, create, update, delete);
crate::operations!(User: list, get, create, update, delete);
crate::operations!(UiModule: list, get, create, update, delete);
crate::operations!(Workspace: list, get, create, update, delete);

#[cfg(feature = "apps")]
pub mod apps;
#[cfg(feature = "billing")]
pub mod billing;
#[cfg(feature = "collaboration")]
pub mod collaboration;
#[cfg(feature = "community")]
pub mod community;
#[cfg(feature = "content")]
pub mod content;
#[cfg(feature = "crm")]
pub mod crm;
#[cfg(feature = "other")]
pub mod other;
#[cfg(feature = "security")]
pub mod security;
#[cfg(feature = "spaces")]
pub mod spaces;
#[cfg(feature = "support")]
pub mod support;
#[cfg(feature = "sys")]
pub mod sys;

// Every generated type at `resources::<Name>`; the seed items above win
// over a generated one of the same name (`Language`). (`collaboration`
// holds only the seed `Workspace`, already here.)
#[cfg(feature = "apps")]
pub use apps::*;
#[cfg(feature = "billing")]
pub use billing::*;
#[cfg(feature = "community")]
pub use community::*;
#[cfg(feature = "content")]
pub use content::*;
#[cfg(feature = "crm")]
pub use crm::*;
#[cfg(feature = "other")]
pub use other::*;
#[cfg(feature = "security")]
pub use security::*;
#[cfg(feature = "spaces")]
pub use spaces::*;
#[cfg(feature = "support")]
pub use support::*;
#[cfg(feature = "sys")]
pub use sys::*;
