//! Any bytes, as any of the five seed resources, for both operations:
//! `from_slice` must return, never panic, and its failures must name real
//! wire names (or `""` for the whole body).
#![no_main]

use libfuzzer_sys::fuzz_target;
use nexudus_validate::resources::{AccessToken, UiModule, User, Visitor, Workspace};
use nexudus_validate::{from_slice_for, NexudusResource, Operation};
use serde::de::DeserializeOwned;

fn check<T: NexudusResource + DeserializeOwned>(data: &[u8]) {
    for operation in [Operation::Create, Operation::Update] {
        if let Err(errors) = from_slice_for::<T>(data, operation) {
            assert!(!errors.is_empty());
            for failure in &errors {
                let name = failure.property_name();
                assert!(
                    name.is_empty() || T::FIELDS.iter().any(|f| f.property_name() == name),
                    "unknown PropertyName {name:?}"
                );
            }
        }
    }
}

fuzz_target!(|data: &[u8]| {
    check::<AccessToken>(data);
    check::<Visitor>(data);
    check::<User>(data);
    check::<UiModule>(data);
    check::<Workspace>(data);
});
