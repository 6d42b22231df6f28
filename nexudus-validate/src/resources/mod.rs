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
//! | `sys` | [`sys`] | 56 (with the seeds `User`, `UiModule`) |
//! | `billing` | [`billing`] | 50 |
//! | `spaces` | [`spaces`] | 32 (with the seeds `AccessToken`, `Visitor`) |
//! | `content` | [`content`] | 32 |
//! | `crm` | [`crm`] | 15 |
//! | `community` | [`community`] | 9 |
//! | `support` | [`support`] | 5 |
//! | `apps` | [`apps`] | 4 |
//! | `security` | [`security`] | 2 |
//! | `collaboration` | [`collaboration`] | 1 (the seed `Workspace`) |
//! | `other` | [`other`] | 10 that no public source places in a module |
//! | `all-resources` | every module | 216 |
//!
//! The default build compiles only the five seed models; the `cli` feature
//! turns on `all-resources`. [`registry`] lists every compiled-in resource
//! by name, plural and path.
//!
//! The ten entities of `other` have no known endpoint: they are generated
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
//! - Every field is an `Option`, under the catalogue's JSON name exactly as
//!   spelt (misspellings such as `CancelMemeberAccountAfter` included), in
//!   the catalogue's order after `Id`.
//! - `Id` is `#[required(update)]`.
//! - `max_length` becomes `#[length(max = N)]`.
//! - String fields whose name contains `password`, `secret`, `token`,
//!   `privatekey` or `apikey` are [`Secret<String>`](crate::Secret)s: never
//!   shown in `Debug` or failures, sent as the string itself.
//! - Read-only fields (list filters) are read but never serialized back.
//! - Each field's doc comment says its catalogue type, when it is required
//!   and which source said so, and where its name came from; a name the
//!   catalogue converted from a command-line option says it is guessed.
//!
//! ## Which fields are required
//!
//! A check that rejects what the server accepts blocks a valid request;
//! one that misses a rule only defers the error to the server. So, per
//! field:
//!
//! 1. a read-only field is never required, nor one whose flag a catalogue
//!    note doubts (ResourceAccessRule `AppliedResourcesCount`, "marked
//!    required on create but described as read-only");
//! 2. the official pages (developers.nexudus.com, learn.nexudus.com) win
//!    over the entity reference tables; where official pages disagree
//!    with each other (two pages, or the POST page with the PUT page), the
//!    field is not required;
//! 3. required on create: the POST pages' flag, else the reference table's;
//!    required on update: the PUT pages' flag, else the create flag
//!    (Nexudus's updates need the fields its creates need; every PUT page
//!    read for a create-only required field, such as Booking `Repeats`,
//!    requires it too);
//! 4. required on both: `#[required]`; on update only:
//!    `#[required(update)]`; on create only: not declared (the derive has
//!    no create-only rule and must not block an update; the server still
//!    checks the create).
//!
//! Enums accept the union of the values any source lists (official pages
//! add `0 None` to several tables). An empty create body therefore fails
//! with exactly the fields these rules make required, in field order:
//!
//! ```
//! # #[cfg(feature = "spaces")] {
//! use nexudus_validate::resources::Booking;
//! use nexudus_validate::Operation;
//!
//! let errors = nexudus_validate::from_slice_for::<Booking>(b"{}", Operation::Create).unwrap_err();
//! let names: Vec<&str> = errors.iter().map(|f| f.property_name()).collect();
//! assert_eq!(names, ["ResourceId", "FromTime", "ToTime", "Repeats", "WhichBookingsToUpdate"]);
//! # }
//! ```

mod access_token;
mod enums;
pub mod registry;
mod ui_module;
mod user;
mod visitor;
mod workspace;

pub use access_token::AccessToken;
pub use enums::{HostApprovalStatus, Language, VisitorSource};
pub use ui_module::UiModule;
pub use user::User;
pub use visitor::Visitor;
pub use workspace::Workspace;

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
