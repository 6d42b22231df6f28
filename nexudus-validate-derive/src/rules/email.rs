//! `#[email]`: a well-formed address.

use proc_macro2::{Span, TokenStream};
use quote::quote_spanned;

pub fn emit(p: &TokenStream, span: Span, message: &TokenStream) -> TokenStream {
    quote_spanned! {span=>
        __cx.check(#p::rules::email(__v), __e, #message);
    }
}
