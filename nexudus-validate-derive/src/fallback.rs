//! What to emit when the input has errors: the errors, plus impls whose
//! bodies never run, so the user sees the real mistake and not a cascade of
//! "trait not implemented" errors where the type is used (thiserror's
//! `fallback.rs`).

use proc_macro2::TokenStream;
use quote::quote;
use syn::DeriveInput;

pub fn emit(input: &DeriveInput, krate: &syn::Path, error: syn::Error) -> TokenStream {
    let ident = &input.ident;
    let name = ident.to_string();
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let error = error.to_compile_error();
    let p = quote!(#krate::__private);
    quote! {
        #error
        const _: () = {
            #[automatically_derived]
            impl #impl_generics #p::NexudusResource for #ident #ty_generics #where_clause {
                const NAME: &'static str = #name;
                const PATH: &'static str = "";
                const FIELDS: &'static [#p::FieldInfo] = &[];
                fn __validate(&self, _: &mut #p::Cx<'_>) {
                    #p::unreachable!()
                }
                fn __read(_: &mut #p::Cx<'_>, _: &#p::RawObject<'_>) {
                    #p::unreachable!()
                }
            }
            #[automatically_derived]
            impl #impl_generics #p::rules::Nested for #ident #ty_generics #where_clause {
                fn validate_nested(&self, _: &mut #p::Cx<'_>) {
                    #p::unreachable!()
                }
                fn check_raw(_: &mut #p::Cx<'_>, _: #p::Raw<'_>) {
                    #p::unreachable!()
                }
            }
        };
    }
}
