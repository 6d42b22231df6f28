//! `Debug` for a struct with `#[sensitive]` fields, with those fields
//! redacted. (Also deriving `Debug` is a conflicting-impl error that points
//! at the `#[sensitive]` attribute.)

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};

use crate::model::Container;

pub fn emit(p: &TokenStream, container: &Container) -> TokenStream {
    let Some(span) = container.fields.iter().find_map(|f| f.sensitive) else {
        return TokenStream::new();
    };
    let ident = container.ident;
    let name = ident.to_string();
    let (impl_generics, ty_generics, where_clause) = container.generics.split_for_impl();
    let fields = container.fields.iter().map(|field| {
        let member = field.member;
        let label = member.to_string();
        if field.sensitive.is_some() {
            quote! {
                .field(#label, &#p::Redacted {
                    missing: {
                        use #p::{ViaAny as _, ViaOption as _, ViaRequired as _};
                        (&&&#p::Probe(&self.#member)).__presence() == #p::rules::Presence::Missing
                    },
                    optional: {
                        use #p::{ViaInner as _, ViaOptionInner as _};
                        (&&#p::Probe(&self.#member)).__is_option()
                    },
                })
            }
        } else {
            quote!(.field(#label, {
                use #p::{ViaDebug as _, ViaNoDebug as _};
                (&&#p::Probe(&self.#member)).__debug()
            }))
        }
    });
    quote_spanned! {span=>
        #[automatically_derived]
        impl #impl_generics #p::fmt::Debug for #ident #ty_generics #where_clause {
            fn fmt(&self, f: &mut #p::fmt::Formatter<'_>) -> #p::fmt::Result {
                f.debug_struct(#name)
                    #(#fields)*
                    .finish()
            }
        }
    }
}
