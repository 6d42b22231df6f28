//! `#[not_empty]`: `may not be null or empty`.

use proc_macro2::{Span, TokenStream};
use quote::quote_spanned;

pub fn emit(p: &TokenStream, span: Span, message: &TokenStream) -> TokenStream {
    quote_spanned! {span=>
        __cx.check(#p::rules::not_empty({
            use #p::{ViaIsEmpty as _, ViaNeverEmpty as _, ViaOptionEmpty as _};
            (&&&#p::Probe(__v)).__is_empty()
        }), __e, #message);
    }
}
