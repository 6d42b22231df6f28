//! `#[email]`: a well-formed address.

use proc_macro2::{Span, TokenStream};
use quote::quote_spanned;

pub fn emit(p: &TokenStream, span: Span) -> TokenStream {
    quote_spanned!(span=> #p::rules::email(__v))
}
