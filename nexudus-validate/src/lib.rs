//! Nexudus REST API validation rules as a compile-time declaration.
//!
//! Derive [`NexudusResource`] on a struct, mark fields `#[required]`, and get
//! the checks, messages and error bodies the Nexudus servers produce, named
//! by the JSON keys serde reads (`rename`, `rename_all`, `alias`).
//!
//! ```
//! use nexudus_validate::{NexudusResource, Operation, Validate};
//! use serde::{Deserialize, Serialize};
//!
//! #[derive(Debug, Serialize, Deserialize, NexudusResource)]
//! #[serde(rename_all = "PascalCase")]
//! #[nexudus(name = "Workspace", path = "/api/collaboration/workspaces")]
//! pub struct Workspace {
//!     #[required(update)]
//!     pub id: Option<i64>,
//!     #[required]
//!     pub business_id: Option<i64>,
//!     #[required]
//!     pub name: Option<String>,
//!     pub description: Option<String>,
//! }
//!
//! let draft = Workspace { id: None, business_id: Some(1), name: Some("  ".into()), description: None };
//! let errors = draft.validate().unwrap_err();
//! assert_eq!(errors.to_string(), "Id: is a required field\nName: is a required field");
//! assert_eq!(
//!     serde_json::to_string(&errors.to_response()).unwrap(),
//!     r#"{"Message":"Id: is a required field","Value":null,"Errors":[{"AttemptedValue":null,"Message":"is a required field","PropertyName":"Id"},{"AttemptedValue":"  ","Message":"is a required field","PropertyName":"Name"}],"WasSuccessful":false}"#
//! );
//! // Creating needs the same fields minus `Id`.
//! assert_eq!(draft.validate_for(Operation::Create).unwrap_err().len(), 1);
//! assert_eq!(Workspace::PATH, "/api/collaboration/workspaces");
//! ```
//!
//! # Attributes
//!
//! The full reference is the derive's own documentation,
//! [`NexudusResource`](derive@NexudusResource). In short:
//!
//! | attribute | meaning |
//! |---|---|
//! | `#[nexudus(name = "..", path = "/api/..")]` | resource name (default: the struct's name) and endpoint |
//! | `#[nexudus(check = path::to_fn)]` | cross-field check on the struct |
//! | `#[required]`, `#[required(update)]`, `#[required(create)]`, `#[required(allow_empty)]` | missing, `null` or a blank string fails (`0`, `false`, `[]` pass) |
//! | `#[not_null]`, `#[not_empty]` | `may not be null`, `may not be null or empty` |
//! | `#[length(min, max)]`, `#[range(min, max)]` | length (UTF-16 code units, as .NET counts, or elements) and number bounds |
//! | `#[email]`, `#[pattern("regex")]`, `#[custom(f)]` | a well-formed address, a full-string match, a function of yours |
//! | `#[nested]`, `#[serde(flatten)]` | inner resources (`Parent.Child`, `List[2].Child`, `Map[key].Child`), shared base fields |
//! | `#[nexudus(each(rule, ..))]` | rules on every element (`List[2]`) |
//! | `#[sensitive]`, [`Secret<T>`](Secret) | never echo the value |
//! | `#[nexudus(rename = "..")]`, `#[nexudus(message = "..")]` | the `PropertyName` to report, a message of your own |
//!
//! Raw JSON goes through [`from_slice`] (and [`from_str`], [`from_value`],
//! [`NexudusResource::validate_value`]): the value, or every failure, each
//! field read from its own slice of the body and checked by the same
//! generated code as [`Validate::validate`], within [`Limits`], never a
//! panic.
//!
//! Each rule is a public trait in [`rules`], implemented for the standard
//! types and forwarded through `Option`, `Box`, `Rc`, `Arc`, `Cow`, `&T`
//! and [`Secret`], so type aliases, generic code and types of your own work
//! with them. A failure's [`code`](ValidationFailure::code) says which rule
//! it comes from ([`Code`]).
//!
//! Nexudus's enums are .NET integers, which the server binds whatever
//! their value: [`open_enum!`] declares one the same way (listed values as
//! variants, any other `i32` as `Unlisted`, both written back as read), as
//! every enum of `nexudus_validate::resources` is.
//!
//! Serde's `rename`, `rename(deserialize = ..)`, `rename_all` (every case
//! rule), `alias`, `skip`, `skip_deserializing`, `default`, `with`,
//! `deserialize_with`, `flatten` and `deny_unknown_fields` are read to
//! find the JSON key of each field and how it is read.
//!
//! # Features
//!
//! | feature | default | what |
//! |---|---|---|
//! | `resources` | on | typed models of the five documented resources and the registry (`nexudus_validate::resources`) |
//! | `sys`, `billing`, `spaces`, `content`, `crm`, `community`, `support`, `apps`, `security`, `collaboration`, `other` | off | the generated models of one Nexudus module (`resources::<module>`) |
//! | `all-resources` | off | every module: all 216 resources |
//! | `axum` | off | server side: the `NexudusJson<T>` extractor, the bodies as responses, an in-memory mock of the API (`nexudus_validate::axum`) |
//! | `client` | off | client side: a reqwest client that validates before it sends (`nexudus_validate::client`) |
//! | `rust_decimal` | off | `#[range]` on `rust_decimal::Decimal`, compared exactly |
//! | `cli` | off | the `nexudus-validate` program: `check <resource> <FILE\|-> [--create]`, `resources [<resource>]` (turns on `all-resources`) |
#![warn(missing_docs)]
#![forbid(unsafe_code)]

mod datetime;
mod error;
mod json;
#[cfg(any(feature = "axum", feature = "client"))]
mod lock;
mod open_enum;
pub mod ops;
mod page;
pub mod query;
mod resource;
pub mod rules;
mod secret;

#[doc(hidden)]
pub mod __private;

/// The README's code blocks, compiled and run as doctests so they cannot
/// rot (its integration snippets need the `axum` and `client` features).
#[cfg(all(doctest, feature = "axum", feature = "client", feature = "resources"))]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;
#[cfg(feature = "resources")]
pub mod resources;

#[cfg(feature = "axum")]
pub mod axum;
#[cfg(feature = "client")]
pub mod client;

pub use chrono;
pub use datetime::{NexudusDateTime, ParseDateTimeError};
pub use error::{
    Code, ErrorResponse, SuccessResponse, ValidationErrors, ValidationFailure, REQUIRED_MESSAGE,
};
pub use json::{
    from_slice, from_slice_for, from_slice_with, from_str, from_str_for, from_value,
    from_value_for, validate_with, Limits,
};
pub use nexudus_validate_derive::NexudusResource;
pub use open_enum::UnlistedValue;
pub use page::Page;
pub use resource::{FieldInfo, NexudusResource, Operation, Requirement, Validate};
pub use rules::{Presence, Required};
pub use secret::Secret;
