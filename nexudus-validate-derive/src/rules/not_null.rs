//! `#[not_null]`: `may not be null`.

use proc_macro2::{Span, TokenStream};
use quote::quote_spanned;

/// Uses `__presence`, the field's presence.
pub fn emit(p: &TokenStream, span: Span) -> TokenStream {
    quote_spanned!(span=> #p::rules::not_null(__presence))
}
