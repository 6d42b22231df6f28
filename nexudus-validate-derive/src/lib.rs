//! The `#[derive(NexudusResource)]` macro. Use it through the
//! `nexudus-validate` crate, which re-exports it and documents it.
//!
//! The macro is split the way `serde_derive` and `thiserror-impl` are:
//! [`attr`] parses attributes, [`ast`] models the input, [`check`] reports
//! semantic errors (all of them, spanned), [`expand`] generates code, and
//! [`fallback`] emits the errors plus a stub impl so that a mistake shows as
//! one error rather than a cascade.

mod ast;
mod attr;
mod case;
mod check;
mod ctxt;
mod expand;
mod fallback;
mod rules;
mod suggest;

use proc_macro::TokenStream;
use syn::{parse_macro_input, DeriveInput};

/// Derives `nexudus_validate::NexudusResource` and `nexudus_validate::Validate`.
#[proc_macro_derive(
    NexudusResource,
    attributes(
        nexudus, required, not_null, not_empty, length, range, email, pattern, custom, nested,
        sensitive
    )
)]
pub fn derive_nexudus_resource(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand::derive(&input).into()
}
