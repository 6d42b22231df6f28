//! `#[custom(path::to_fn)]`: a function of the user's, on the value inside
//! an `Option`.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{Expr, LitStr};

use super::ArgReader;
use crate::ctxt::Ctxt;

pub struct Custom {
    function: syn::Path,
}

impl Custom {
    pub fn check(cx: &Ctxt, args: &mut ArgReader) -> Option<Self> {
        match args.positional()? {
            Expr::Path(path) if path.qself.is_none() => Some(Custom {
                function: path.path.clone(),
            }),
            other => {
                cx.error_spanned_by(other, "expected #[custom(path::to_fn)]");
                None
            }
        }
    }

    /// On the value inside an `Option` (`__i`), echoing it.
    pub fn emit(&self, p: &TokenStream, message: Option<&LitStr>) -> TokenStream {
        let function = &self.function;
        let call = quote_spanned!(function.span()=> #p::rules::custom(#function(__i)));
        let echo = quote!(((&&&#p::Kind::of(__i)).__echo())(__i));
        let check = super::emit_check(&call, &echo, message);
        quote! {
            if let #p::Some(__i) = ((&&#p::Kind::of(__v)).__inner())(__v) {
                #check
            }
        }
    }
}
