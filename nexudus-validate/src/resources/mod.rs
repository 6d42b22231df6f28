//! Typed models of the documented Nexudus resources (feature `resources`,
//! on by default).
//!
//! Each model carries every field of its Nexudus reference page, under the
//! page's JSON key, in the page's order (required fields first, `Id` first),
//! with the page's `#[required]` rules:
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

mod access_token;
mod enums;
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
