//! `#[not_empty]`: `may not be null or empty`.

use proc_macro2::{Span, TokenStream};
use quote::quote_spanned;

pub fn emit(p: &TokenStream, span: Span) -> TokenStream {
    quote_spanned!(span=> #p::rules::not_empty(__empty))
}
