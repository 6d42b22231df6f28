//! Property: typed and raw validation are one engine. For any value of a
//! resource that uses every rule (`with`, `deny_unknown_fields`, nested
//! and sensitive resources), the JSON it serializes to gets exactly the
//! failures `validate()` reports; with one field corrupted to a wrong type,
//! the others' failures are unchanged and that field gets one failure; an
//! unknown key adds one failure at the end. Every `PropertyName` is a real
//! path, and no byte of a sensitive value ever shows.

use chrono::{DateTime, Utc};
use nexudus_validate::{
    from_slice_for, Code, NexudusResource, Operation, Secret, Validate, ValidationErrors,
};
use proptest::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

/// Sensitive values all contain this; nothing else does.
const SECRET: &str = "SECRET";

#[derive(Debug, Clone, Serialize, Deserialize, NexudusResource)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
struct Guest {
    #[required]
    #[email]
    email: Option<String>,
    #[length(max = 9)]
    pin: Option<Secret<String>>,
}

fn even(seats: &i64) -> Result<(), &'static str> {
    if seats % 2 == 0 {
        Ok(())
    } else {
        Err("seats come in pairs")
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, NexudusResource)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
struct Booking {
    #[required(update)]
    id: Option<i64>,
    #[required]
    #[length(min = 2, max = 8)]
    #[pattern("[a-z ]*")]
    name: Option<String>,
    #[not_null]
    notes: Option<String>,
    #[not_empty]
    tags: Option<Vec<String>>,
    #[range(min = -10, max = 10)]
    floor: Option<i64>,
    #[range(min = 0.5, max = 2.5)]
    ratio: Option<f64>,
    #[email]
    contact: Option<String>,
    #[custom(even)]
    seats: Option<i64>,
    #[serde(with = "chrono::serde::ts_seconds_option", default)]
    #[required]
    at: Option<DateTime<Utc>>,
    #[required]
    #[length(max = 12)]
    password: Option<Secret<String>>,
    #[sensitive]
    #[nested]
    guest: Option<Guest>,
    #[nested]
    #[length(max = 3)]
    guests: Vec<Guest>,
}

const FIELDS: [&str; 12] = [
    "Id", "Name", "Notes", "Tags", "Floor", "Ratio", "Contact", "Seats", "At", "Password", "Guest",
    "Guests",
];

/// A value sent for `field` that does not read as its type.
fn wrong_value(field: &str) -> Value {
    match field {
        "Name" | "Contact" => json!(7),
        "Notes" => json!([1]),
        "Seats" => json!(1.5),
        "Password" => json!([format!("{SECRET}-corrupt")]),
        "Guest" => json!(format!("{SECRET}-corrupt")),
        _ => json!("x"),
    }
}

fn text(pattern: &'static str) -> impl Strategy<Value = Option<String>> {
    proptest::option::of(pattern)
}

fn secret_text(pattern: &'static str) -> impl Strategy<Value = Option<Secret<String>>> {
    text(pattern).prop_map(|text| text.map(Secret::new))
}

fn email() -> impl Strategy<Value = Option<String>> {
    proptest::option::of(prop_oneof!["[a-z]{1,4}@[a-z]{1,4}\\.org", "[a-z@. ]{0,6}"])
}

fn guest(secret: bool) -> impl Strategy<Value = Guest> {
    let email = if secret {
        proptest::option::of("SECRET[a-z]{0,3}@x\\.org|SECRET[ @]{0,3}").boxed()
    } else {
        email().boxed()
    };
    (email, secret_text("SECRET[0-9]{0,6}")).prop_map(|(email, pin)| Guest { email, pin })
}

fn booking() -> impl Strategy<Value = Booking> {
    (
        (
            proptest::option::of(0i64..100),
            text("[a-z ]{0,10}|[A-Z0-9]{0,4}"),
            text("[a-z ]{0,4}"),
            proptest::option::of(proptest::collection::vec("[a-z]{0,3}", 0..3)),
            proptest::option::of(-20i64..20),
            proptest::option::of(0.0f64..3.0),
        ),
        (
            email(),
            proptest::option::of(0i64..6),
            proptest::option::of(0i64..2_000_000_000),
            secret_text("SECRET[a-z ]{0,10}"),
            proptest::option::of(guest(true)),
            proptest::collection::vec(guest(false), 0..5),
        ),
    )
        .prop_map(
            |(
                (id, name, notes, tags, floor, ratio),
                (contact, seats, at, password, guest, guests),
            )| Booking {
                id,
                name,
                notes,
                tags,
                floor,
                ratio,
                contact,
                seats,
                at: at.and_then(|seconds| DateTime::from_timestamp(seconds, 0)),
                password,
                guest,
                guests,
            },
        )
}

/// The top-level field a `PropertyName` belongs to.
fn top(name: &str) -> &str {
    name.split(['.', '[']).next().unwrap_or("")
}

fn without(errors: &ValidationErrors, field: &str) -> Vec<String> {
    errors
        .iter()
        .filter(|f| top(f.property_name()) != field)
        .map(|f| format!("{f} = {}", f.attempted_value()))
        .collect()
}

fn failures(result: Result<(), ValidationErrors>) -> ValidationErrors {
    result.err().unwrap_or_default()
}

/// Every text of `errors` a caller or a log could see.
fn shown(errors: &ValidationErrors) -> String {
    format!(
        "{errors}\n{errors:?}\n{}",
        serde_json::to_string(&errors.to_response()).unwrap()
    )
}

fn names_are_real(errors: &ValidationErrors) -> Result<(), TestCaseError> {
    for failure in errors {
        let name = failure.property_name();
        let field = top(name);
        prop_assert!(
            FIELDS.contains(&field) || field == "Extra",
            "not a field: {name:?}"
        );
        let rest = &name[field.len()..];
        let inner_ok = rest.is_empty()
            || ["Email", "Pin", "Extra"]
                .iter()
                .any(|inner| rest == format!(".{inner}") || rest.ends_with(&format!("].{inner}")));
        prop_assert!(inner_ok, "not a path: {name:?}");
    }
    Ok(())
}

fn raw(body: &Value, operation: Operation) -> ValidationErrors {
    let bytes = serde_json::to_vec(body).unwrap();
    failures(from_slice_for::<Booking>(&bytes, operation).map(|_| ()))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn typed_and_raw_agree(booking in booking(), update in any::<bool>()) {
        let operation = if update { Operation::Update } else { Operation::Create };
        let typed = failures(booking.validate_for(operation));
        let body = serde_json::to_value(&booking).unwrap();
        let raw = raw(&body, operation);
        prop_assert_eq!(without(&raw, ""), without(&typed, ""));
        prop_assert_eq!(
            failures(Booking::validate_value(&body, operation)).to_string(),
            typed.to_string()
        );
        names_are_real(&raw)?;
        prop_assert!(!shown(&typed).contains(SECRET), "{}", shown(&typed));
    }

    #[test]
    fn a_corrupted_field_changes_only_its_own_failures(
        booking in booking(),
        field in proptest::sample::select(FIELDS.to_vec()),
    ) {
        let typed = failures(booking.validate());
        let mut body = serde_json::to_value(&booking).unwrap();
        body[field] = wrong_value(field);
        let raw = raw(&body, Operation::Update);
        prop_assert_eq!(without(&raw, field), without(&typed, field));
        let own: Vec<_> = raw.iter().filter(|f| top(f.property_name()) == field).collect();
        prop_assert_eq!(own.len(), 1, "{}", raw);
        prop_assert_eq!(own[0].code(), Code::InvalidType);
        // Failures stay in declaration order.
        let order: Vec<usize> = raw
            .iter()
            .map(|f| FIELDS.iter().position(|name| *name == top(f.property_name())).unwrap())
            .collect();
        prop_assert!(order.windows(2).all(|w| w[0] <= w[1]), "{}", raw);
        names_are_real(&raw)?;
        prop_assert!(!shown(&raw).contains(SECRET), "{}", shown(&raw));
    }

    #[test]
    fn an_unknown_key_adds_one_failure_at_the_end(booking in booking()) {
        let typed = failures(booking.validate());
        let mut body = serde_json::to_value(&booking).unwrap();
        body["Extra"] = json!(format!("{SECRET}-typo"));
        let raw = raw(&body, Operation::Update);
        prop_assert_eq!(without(&raw, "Extra"), without(&typed, "Extra"));
        let last = raw.iter().last().unwrap();
        prop_assert_eq!(last.property_name(), "Extra");
        prop_assert_eq!(last.code(), Code::UnknownField);
        prop_assert!(!shown(&raw).contains(SECRET), "{}", shown(&raw));
    }
}
