//! `#[not_null]`: `may not be null`.

use proc_macro2::{Span, TokenStream};
use quote::quote_spanned;

/// Needs `__presence`, the field's presence.
pub fn emit(p: &TokenStream, span: Span, message: &TokenStream) -> TokenStream {
    quote_spanned! {span=>
        __cx.check(#p::rules::not_null(__presence), __e, #message);
    }
}
