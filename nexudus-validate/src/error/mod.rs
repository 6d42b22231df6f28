//! What a failed validation produces: failures, their codes, the ordered
//! set of them, and the Nexudus response bodies.

mod code;
mod errors;
mod failure;
mod response;

pub use code::Code;
pub use errors::ValidationErrors;
pub use failure::{ValidationFailure, REQUIRED_MESSAGE};
pub use response::{ErrorResponse, SuccessResponse};
