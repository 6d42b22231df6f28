//! Property: for any JSON object built from a resource's keys with random
//! values, `from_slice` either returns a value that round-trips through
//! serde, or failures that each name a real wire name (or `""`), none twice.
//! It never panics, and it agrees with `validate_value`.

use std::collections::HashSet;
use std::fmt::Debug;

use nexudus_validate::{from_slice_for, NexudusDateTime, NexudusResource, Operation};
use proptest::prelude::*;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        (-3i64..6).prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        prop_oneof![
            Just(String::new()),
            Just("  ".to_owned()),
            Just("2025-01-15T10:30:00Z".to_owned()),
            Just("2025-01-15T10:30:00.000".to_owned()),
            Just("tomorrow".to_owned()),
            Just("12".to_owned()),
            "\\PC{0,12}",
        ]
        .prop_map(Value::String),
    ]
}

fn json_value() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            proptest::collection::vec((0i64..5).prop_map(Value::from), 0..4).prop_map(Value::Array),
            proptest::collection::btree_map("[A-Za-z]{1,6}", inner, 0..3)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// An object over `T`'s wire names and aliases (each present or not), plus
/// a few unknown keys.
fn body<T: NexudusResource>() -> impl Strategy<Value = Value> {
    let keys: Vec<&'static str> = T::FIELDS
        .iter()
        .flat_map(|f| std::iter::once(f.wire_name()).chain(f.aliases().iter().copied()))
        .collect();
    let known =
        proptest::collection::vec(proptest::option::weighted(0.8, json_value()), keys.len());
    let unknown = proptest::collection::btree_map("[A-Za-z]{1,8}", json_value(), 0..3);
    (known, unknown).prop_map(move |(values, unknown)| {
        let mut object: Map<String, Value> = unknown.into_iter().collect();
        for (key, value) in keys.iter().zip(values) {
            if let Some(value) = value {
                object.insert((*key).to_owned(), value);
            }
        }
        Value::Object(object)
    })
}

fn holds_for<T>(body: &Value, operation: Operation) -> Result<(), TestCaseError>
where
    T: NexudusResource + DeserializeOwned + Serialize + PartialEq + Debug,
{
    let bytes = serde_json::to_vec(body).unwrap();
    match from_slice_for::<T>(&bytes, operation) {
        Ok(value) => {
            let again: T = serde_json::from_slice(&serde_json::to_vec(&value).unwrap()).unwrap();
            prop_assert_eq!(&again, &value);
            prop_assert_eq!(T::validate_value(body, operation), Ok(()));
        }
        Err(errors) => {
            prop_assert!(!errors.is_empty());
            let names: HashSet<&str> = T::FIELDS.iter().map(|f| f.property_name()).collect();
            let mut seen = HashSet::new();
            for failure in &errors {
                prop_assert!(
                    failure.property_name().is_empty() || names.contains(failure.property_name()),
                    "unknown PropertyName {:?}",
                    failure.property_name()
                );
                prop_assert!(
                    seen.insert((failure.property_name(), failure.message())),
                    "reported twice: {}",
                    failure
                );
            }
            prop_assert_eq!(T::validate_value(body, operation), Err(errors));
        }
    }
    Ok(())
}

#[derive(Debug, PartialEq, Serialize, Deserialize, NexudusResource)]
#[serde(rename_all = "PascalCase")]
struct Visit {
    #[required(update)]
    id: Option<i64>,
    #[required]
    business_id: Option<i64>,
    #[required]
    #[serde(alias = "Name")]
    full_name: Option<String>,
    #[required]
    expected_arrival: Option<NexudusDateTime>,
    arrived: Option<bool>,
    members: Option<Vec<i64>>,
    #[required(allow_empty)]
    notes: Option<String>,
    #[serde(default)]
    seats: u8,
    any: Option<Value>,
}

proptest! {
    #[test]
    fn visit_update(body in body::<Visit>()) {
        holds_for::<Visit>(&body, Operation::Update)?;
    }

    #[test]
    fn visit_create(body in body::<Visit>()) {
        holds_for::<Visit>(&body, Operation::Create)?;
    }
}

mod seed_resources {
    use super::*;
    use nexudus_validate::resources::{AccessToken, UiModule, User, Visitor, Workspace};

    proptest! {
        #[test]
        fn access_token(body in body::<AccessToken>()) {
            holds_for::<AccessToken>(&body, Operation::Update)?;
        }

        #[test]
        fn visitor(body in body::<Visitor>()) {
            holds_for::<Visitor>(&body, Operation::Update)?;
        }

        #[test]
        fn user(body in body::<User>()) {
            holds_for::<User>(&body, Operation::Create)?;
        }

        #[test]
        fn ui_module(body in body::<UiModule>()) {
            holds_for::<UiModule>(&body, Operation::Update)?;
        }

        #[test]
        fn workspace(body in body::<Workspace>()) {
            holds_for::<Workspace>(&body, Operation::Update)?;
        }
    }
}
