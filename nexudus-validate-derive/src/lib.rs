//! The `#[derive(NexudusResource)]` macro. Use it through the
//! `nexudus-validate` crate, which re-exports it and documents it.
//!
//! The macro is split the way garde's and serde's derives are: [`syntax`]
//! parses the attributes (names in [`symbol`]), [`check`] turns them into
//! the checked [`model`] (every problem recorded in a [`ctxt::Ctxt`],
//! spanned), [`rules`] holds each value rule in a file of its own, [`emit`]
//! generates code from the model, and [`fallback`] emits the errors plus
//! stub impls so that a mistake shows as one error rather than a cascade.

mod check;
mod ctxt;
mod emit;
mod fallback;
mod model;
mod rules;
mod suggest;
mod symbol;
mod syntax;

use proc_macro::TokenStream;
use syn::{parse_macro_input, parse_quote, DeriveInput};

#[doc = include_str!("reference.md")]
#[proc_macro_derive(
    NexudusResource,
    attributes(
        nexudus, required, not_null, not_empty, length, range, email, pattern, custom, nested,
        sensitive
    )
)]
pub fn derive_nexudus_resource(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    derive(&input).into()
}

fn derive(input: &DeriveInput) -> proc_macro2::TokenStream {
    let cx = ctxt::Ctxt::new();
    let model = syntax::parse(&cx, input).map(|syntax| check::check(&cx, syntax));
    let krate = model
        .as_ref()
        .map(|model| model.krate.clone())
        .unwrap_or_else(|| parse_quote!(::nexudus_validate));
    match (cx.check(), model) {
        (Ok(()), Some(model)) => emit::emit(&model),
        (Err(error), _) => fallback::emit(input, &krate, error),
        // `syntax::parse` records an error whenever it returns `None`.
        (Ok(()), None) => proc_macro2::TokenStream::new(),
    }
}
