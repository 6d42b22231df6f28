//! The defects of the two-engine design, each as it was reported: typed
//! and raw checks are one engine now, so no failure is dropped, unnamed,
//! misquoted or leaked.

use chrono::{DateTime, Utc};
use nexudus_validate::{from_slice, from_str, NexudusResource, Validate};
use nexudus_validate_tests::summary;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{json, Value};

#[derive(Debug, Serialize, Deserialize, NexudusResource)]
#[serde(rename_all = "PascalCase")]
struct Stamped {
    #[serde(with = "chrono::serde::ts_seconds")]
    at: DateTime<Utc>,
    #[required]
    business_id: Option<i64>,
}

#[test]
fn a_with_field_is_named_and_never_dropped() {
    // Alone: named after the field, not a whole-body failure.
    let errors = from_str::<Stamped>(r#"{"At": "x", "BusinessId": 1}"#).unwrap_err();
    assert_eq!(
        summary(&errors),
        [(
            "At".into(),
            "The value 'x' is not valid for At.".into(),
            json!("x")
        )]
    );
    // With another failure: both, in declaration order.
    let errors = from_str::<Stamped>(r#"{"At":"x","BusinessId":"q"}"#).unwrap_err();
    assert_eq!(
        errors.to_string(),
        "At: The value 'x' is not valid for At.\nBusinessId: The value 'q' is not valid for BusinessId."
    );
    let ok: Stamped = from_str(r#"{"At": 1736937000, "BusinessId": 1}"#).unwrap();
    assert_eq!(ok.at.timestamp(), 1_736_937_000);
}

fn positive<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<i64>, D::Error> {
    let value = i64::deserialize(deserializer)?;
    if value > 0 {
        Ok(Some(value))
    } else {
        Err(serde::de::Error::custom("not positive"))
    }
}

#[derive(Debug, Deserialize, NexudusResource)]
#[serde(rename_all = "PascalCase")]
struct Counted {
    #[serde(deserialize_with = "positive", default)]
    #[range(max = 10)]
    seats: Option<i64>,
    #[required]
    name: Option<String>,
}

#[test]
fn a_deserialize_with_field_runs_its_rules_and_keeps_its_failures() {
    let errors = from_str::<Counted>(r#"{"Seats": -1, "Name": " "}"#).unwrap_err();
    assert_eq!(
        errors.to_string(),
        "Seats: The value '-1' is not valid for Seats.\nName: is a required field"
    );
    // Read through the function, then checked by the field's rules.
    let errors = from_str::<Counted>(r#"{"Seats": 12, "Name": 5}"#).unwrap_err();
    assert_eq!(
        errors.to_string(),
        "Seats: must be less than or equal to 10\nName: The value '5' is not valid for Name."
    );
    // `default`: an absent key is the default.
    assert!(from_str::<Counted>(r#"{"Name": "n"}"#).is_ok());
}

#[derive(Debug, Deserialize, NexudusResource)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
struct Strict {
    #[required]
    business_id: Option<i64>,
}

#[test]
fn an_unknown_key_under_deny_unknown_fields_is_named_and_never_dropped() {
    let errors =
        from_str::<Strict>(r#"{"BusinessId": "q", "Extra": {"Password": "hunter2"}}"#).unwrap_err();
    assert_eq!(
        summary(&errors),
        [
            (
                "BusinessId".into(),
                "The value 'q' is not valid for BusinessId.".into(),
                json!("q")
            ),
            (
                "Extra".into(),
                "Could not find member 'Extra' on object of type 'Strict'.".into(),
                Value::Null
            ),
        ]
    );
    // The unknown value is never echoed: a misspelt key may hold a secret.
    assert!(!serde_json::to_string(&errors.to_response())
        .unwrap()
        .contains("hunter2"));
}

#[derive(Debug, Deserialize, NexudusResource)]
#[serde(rename_all = "PascalCase")]
struct Plain {
    #[required]
    business_id: Option<i64>,
}

#[test]
fn a_deep_value_under_an_unknown_key_does_not_hide_field_failures() {
    let deep = "[".repeat(200) + &"]".repeat(200);
    let body = format!(r#"{{"Deep": {deep}, "BusinessId": "q"}}"#);
    let errors = from_str::<Plain>(&body).unwrap_err();
    assert_eq!(
        errors.to_string(),
        "BusinessId: The value 'q' is not valid for BusinessId."
    );
}

#[derive(Debug, Serialize, Deserialize, NexudusResource)]
#[serde(rename_all = "PascalCase")]
struct Inner {
    a: Option<i64>,
    #[required]
    b: Option<String>,
}

#[derive(Debug, Serialize, Deserialize, NexudusResource)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
struct Card {
    #[required]
    holder: Option<String>,
    #[required]
    #[length(min = 6)]
    pin: Option<String>,
}

#[derive(Debug, Deserialize, NexudusResource)]
#[serde(rename_all = "PascalCase")]
struct Holder {
    #[sensitive]
    #[nested]
    inner: Option<Inner>,
    #[nested]
    card: Option<Card>,
    #[required]
    name: Option<String>,
}

/// Every text a caller or a log could see of `errors`.
fn everything_shown(errors: &nexudus_validate::ValidationErrors) -> String {
    format!(
        "{errors}\n{errors:?}\n{}",
        serde_json::to_string(&errors.to_response()).unwrap()
    )
}

#[test]
fn nothing_under_a_sensitive_field_is_echoed() {
    let body = r#"{"Inner": {"A": "TOPSECRET-4242", "B": "  "}, "Name": 1}"#;
    let errors = from_str::<Holder>(body).unwrap_err();
    assert_eq!(
        summary(&errors),
        [
            (
                "Inner.A".into(),
                "The value is not valid for Inner.A.".into(),
                Value::Null
            ),
            ("Inner.B".into(), "is a required field".into(), Value::Null),
            (
                "Name".into(),
                "The value '1' is not valid for Name.".into(),
                json!(1)
            ),
        ]
    );
    let shown = everything_shown(&errors);
    assert!(!shown.contains("TOPSECRET"), "{shown}");
    // The same typed: a blank string under the sensitive field is not echoed.
    let typed = Holder {
        inner: Some(Inner {
            a: None,
            b: Some("  ".into()),
        }),
        card: None,
        name: Some("n".into()),
    };
    assert_eq!(
        summary(&typed.validate().unwrap_err()),
        [("Inner.B".into(), "is a required field".into(), Value::Null)]
    );
}

#[test]
fn a_nested_resource_that_denies_unknown_keys_is_not_echoed_whole() {
    let body = r#"{"Card": {"Extra": 1, "Holder": "h", "Pin": "424242"}, "Name": "n"}"#;
    let errors = from_str::<Holder>(body).unwrap_err();
    assert_eq!(
        errors.to_string(),
        "Card.Extra: Could not find member 'Extra' on object of type 'Card'."
    );
    assert!(!everything_shown(&errors).contains("424242"));
    // An object sent where a list of resources... or a resource is expected
    // is not echoed either: it may hold a resource's secrets.
    let body = r#"{"Card": [{"Pin": "424242"}], "Name": "n"}"#;
    let errors = from_str::<Holder>(body).unwrap_err();
    assert_eq!(errors.to_string(), "Card: The value is not valid for Card.");
    assert!(!everything_shown(&errors).contains("424242"));
}

#[derive(Debug, Deserialize, NexudusResource)]
#[serde(rename_all = "PascalCase")]
#[allow(dead_code)] // only read from JSON
struct Numbers {
    #[required(update)]
    id: Option<i64>,
    arrived: Option<bool>,
}

#[test]
fn messages_quote_what_was_sent_byte_for_byte() {
    for (body, message) in [
        (
            r#"{"Id": 99999999999999999999}"#,
            "Id: The value '99999999999999999999' is not valid for Id.",
        ),
        (r#"{"Id": 1e2}"#, "Id: The value '1e2' is not valid for Id."),
        (
            r#"{"Id": 1.50}"#,
            "Id: The value '1.50' is not valid for Id.",
        ),
        (
            r#"{"Id": 1, "Arrived": -0}"#,
            "Arrived: The value '-0' is not valid for Arrived.",
        ),
        (
            r#"{"Id": "caf\u00e9"}"#,
            "Id: The value 'café' is not valid for Id.",
        ),
    ] {
        assert_eq!(from_str::<Numbers>(body).unwrap_err().to_string(), message);
    }
}

#[test]
fn a_value_longer_than_the_echo_limit_is_not_echoed() {
    let long = "x".repeat(5000);
    let body = format!(r#"{{"Id": "{long}"}}"#);
    let errors = from_slice::<Numbers>(body.as_bytes()).unwrap_err();
    assert_eq!(
        summary(&errors),
        [(
            "Id".into(),
            "The value is not valid for Id.".into(),
            Value::Null
        )]
    );
}
