//! Raw JSON in: `from_slice` and friends return a valid value or every
//! failure in one call, in declaration order, and never panic.

use nexudus_validate::{
    from_slice, from_slice_for, from_str, from_value, Code, NexudusDateTime, NexudusResource,
    Operation,
};
use nexudus_validate_tests::summary;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use serde_repr::{Deserialize_repr, Serialize_repr};

#[derive(Debug, Clone, Copy, PartialEq, Serialize_repr, Deserialize_repr)]
#[repr(u8)]
enum Source {
    Administrator = 1,
    NexIo = 2,
    Customer = 3,
}

#[derive(Debug, PartialEq, Serialize, Deserialize, NexudusResource)]
#[serde(rename_all = "PascalCase")]
#[nexudus(name = "Visit", path = "/api/test/visits")]
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
    #[serde(rename = "VisitorSource")]
    source: Option<Source>,
    arrived: Option<bool>,
    members: Option<Vec<i64>>,
    #[required(allow_empty)]
    notes: Option<String>,
    notified: bool,
    #[serde(default)]
    seats: i64,
}

const VALID: &str = r#"{
    "Id": 87654321, "BusinessId": 1, "FullName": "Ada Lovelace",
    "ExpectedArrival": "2025-01-15T10:30:00Z", "VisitorSource": 2, "Arrived": false,
    "Members": [], "Notes": "", "Notified": false
}"#;

fn body_with(changes: Value) -> Vec<u8> {
    let mut body: Value = serde_json::from_str(VALID).unwrap();
    for (key, value) in changes.as_object().unwrap() {
        if value == &json!("<absent>") {
            body.as_object_mut().unwrap().remove(key);
        } else {
            body[key] = value.clone();
        }
    }
    serde_json::to_vec(&body).unwrap()
}

fn one(name: &str, message: &str, attempted: Value) -> Vec<(String, String, Value)> {
    vec![(name.to_owned(), message.to_owned(), attempted)]
}

const REQUIRED: &str = "is a required field";

#[test]
fn a_valid_body_reads_into_the_value() {
    let visit: Visit = from_slice(VALID.as_bytes()).unwrap();
    assert_eq!(visit.full_name.as_deref(), Some("Ada Lovelace"));
    assert_eq!(visit.source, Some(Source::NexIo));
    assert_eq!(
        visit.expected_arrival,
        NexudusDateTime::from_ymd_hms(2025, 1, 15, 10, 30, 0)
    );
    assert_eq!(visit.seats, 0, "serde default filled in");
}

#[test]
fn each_required_field_missing_null_or_blank() {
    for field in ["Id", "BusinessId", "FullName", "ExpectedArrival"] {
        for (sent, attempted) in [
            (json!("<absent>"), Value::Null),
            (Value::Null, Value::Null),
            (json!(""), json!("")),
            (json!("  \t"), json!("  \t")),
        ] {
            let errors =
                from_slice::<Visit>(&body_with(json!({ field: sent.clone() }))).unwrap_err();
            assert_eq!(
                summary(&errors),
                one(field, REQUIRED, attempted.clone()),
                "{field} = {sent}"
            );
            assert_eq!(errors.first().unwrap().code(), Code::Required);
        }
    }
}

#[test]
fn allow_empty_accepts_blank_but_not_null() {
    assert!(from_slice::<Visit>(&body_with(json!({"Notes": "   "}))).is_ok());
    let errors = from_slice::<Visit>(&body_with(json!({"Notes": null}))).unwrap_err();
    assert_eq!(summary(&errors), one("Notes", REQUIRED, Value::Null));
}

#[test]
fn update_only_rules_depend_on_the_operation() {
    let body = body_with(json!({"Id": "<absent>"}));
    assert!(from_slice_for::<Visit>(&body, Operation::Create).is_ok());
    let errors = from_slice_for::<Visit>(&body, Operation::Update).unwrap_err();
    assert_eq!(summary(&errors), one("Id", REQUIRED, Value::Null));
}

#[test]
fn wrong_types_name_the_value_sent() {
    let cases = [
        (
            "BusinessId",
            json!("abc"),
            "The value 'abc' is not valid for BusinessId.",
        ),
        (
            "BusinessId",
            json!(1.5),
            "The value '1.5' is not valid for BusinessId.",
        ),
        (
            "BusinessId",
            json!(true),
            "The value 'true' is not valid for BusinessId.",
        ),
        (
            "FullName",
            json!(42),
            "The value '42' is not valid for FullName.",
        ),
        (
            "FullName",
            json!(["a"]),
            r#"The value '["a"]' is not valid for FullName."#,
        ),
        (
            "ExpectedArrival",
            json!("tomorrow"),
            "The value 'tomorrow' is not valid for ExpectedArrival.",
        ),
        (
            "VisitorSource",
            json!(7),
            "The value '7' is not valid for VisitorSource.",
        ),
        (
            "VisitorSource",
            json!("2"),
            "The value '2' is not valid for VisitorSource.",
        ),
        (
            "Arrived",
            json!("yes"),
            "The value 'yes' is not valid for Arrived.",
        ),
        (
            "Members",
            json!([1, "x"]),
            r#"The value '[1,"x"]' is not valid for Members."#,
        ),
        (
            "Members",
            json!({"a": 1}),
            r#"The value '{"a":1}' is not valid for Members."#,
        ),
        (
            "Notified",
            json!(0),
            "The value '0' is not valid for Notified.",
        ),
    ];
    for (field, sent, message) in cases {
        let errors = from_slice::<Visit>(&body_with(json!({ field: sent.clone() }))).unwrap_err();
        assert_eq!(summary(&errors), one(field, message, sent), "{field}");
        assert_eq!(errors.first().unwrap().code(), Code::InvalidType);
    }
}

#[test]
fn a_field_that_is_both_blank_and_mistyped_reports_once() {
    // A blank string sent for a required integer is blank, not also mistyped.
    let errors = from_slice::<Visit>(&body_with(json!({"BusinessId": " "}))).unwrap_err();
    assert_eq!(summary(&errors), one("BusinessId", REQUIRED, json!(" ")));
}

#[test]
fn three_problems_give_exactly_three_failures_in_declaration_order() {
    let body = body_with(json!({
        "ExpectedArrival": "soon", "FullName": "  ", "BusinessId": "<absent>"
    }));
    let errors = from_slice::<Visit>(&body).unwrap_err();
    assert_eq!(
        summary(&errors),
        vec![
            ("BusinessId".into(), REQUIRED.into(), Value::Null),
            ("FullName".into(), REQUIRED.into(), json!("  ")),
            (
                "ExpectedArrival".into(),
                "The value 'soon' is not valid for ExpectedArrival.".into(),
                json!("soon")
            ),
        ]
    );
    assert_eq!(
        errors.to_response().message,
        "BusinessId: is a required field"
    );
}

#[test]
fn non_option_fields_are_implicitly_required_unless_defaulted() {
    let errors = from_slice::<Visit>(&body_with(json!({"Notified": "<absent>"}))).unwrap_err();
    assert_eq!(summary(&errors), one("Notified", REQUIRED, Value::Null));
    let errors = from_slice::<Visit>(&body_with(json!({"Notified": null}))).unwrap_err();
    assert_eq!(summary(&errors), one("Notified", REQUIRED, Value::Null));
    // `#[serde(default)]` may be left out, but `null` is still not a number.
    assert!(from_slice::<Visit>(&body_with(json!({"Seats": "<absent>"}))).is_ok());
    let errors = from_slice::<Visit>(&body_with(json!({"Seats": null}))).unwrap_err();
    assert_eq!(summary(&errors), one("Seats", REQUIRED, Value::Null));
}

#[test]
fn aliases_and_renames_are_the_wire_names() {
    let body = body_with(json!({"FullName": "<absent>", "Name": "Grace"}));
    let visit: Visit = from_slice(&body).unwrap();
    assert_eq!(visit.full_name.as_deref(), Some("Grace"));
    // A failure sent under an alias is still reported under the wire name.
    let body = body_with(json!({"FullName": "<absent>", "Name": ""}));
    let errors = from_slice::<Visit>(&body).unwrap_err();
    assert_eq!(summary(&errors), one("FullName", REQUIRED, json!("")));
    // The Rust name is not a wire name.
    let body = body_with(json!({"VisitorSource": "<absent>", "Source": 99}));
    assert!(from_slice::<Visit>(&body).is_ok());
}

#[test]
fn unknown_keys_are_ignored() {
    let body = body_with(json!({"Unknown": {"deep": [1, 2, 3]}, "fullname": 5}));
    assert!(from_slice::<Visit>(&body).is_ok());
}

#[test]
fn duplicate_keys_last_one_wins() {
    let body = VALID.replacen(
        r#""FullName": "Ada Lovelace""#,
        r#""FullName": "", "FullName": "Ada""#,
        1,
    );
    let visit: Visit = from_str(&body).unwrap();
    assert_eq!(visit.full_name.as_deref(), Some("Ada"));
    let body = VALID.replacen(
        r#""FullName": "Ada Lovelace""#,
        r#""FullName": "Ada", "FullName": " ""#,
        1,
    );
    let errors = from_str::<Visit>(&body).unwrap_err();
    assert_eq!(summary(&errors), one("FullName", REQUIRED, json!(" ")));
}

fn body_error(bytes: &[u8]) -> String {
    let errors = from_slice::<Visit>(bytes).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors}");
    let failure = errors.first().unwrap();
    assert_eq!(failure.property_name(), "");
    assert_eq!(failure.attempted_value(), &Value::Null);
    assert_eq!(failure.code(), Code::InvalidBody);
    failure.message().to_owned()
}

#[test]
fn bad_bodies_get_one_whole_body_failure_with_a_position() {
    assert_eq!(body_error(b""), "The request body is empty.");
    assert_eq!(body_error(b" \n\t "), "The request body is empty.");
    assert_eq!(
        body_error(b"{\"Id\": 1,"),
        "The request body is not valid JSON: EOF while parsing a value at line 1 column 9."
    );
    assert_eq!(
        body_error(b"Id=1&Name=x"),
        "The request body is not valid JSON: expected value at line 1 column 1."
    );
    assert_eq!(
        body_error(b"{\"FullName\": \"Ada\xff\"}"),
        "The request body is not valid JSON: invalid unicode code point at line 1 column 18."
    );
    assert_eq!(
        body_error(b"\xfe\xff{}"),
        "The request body is not valid JSON: expected value at line 1 column 1."
    );
    assert_eq!(
        body_error(b"{} {}"),
        "The request body is not valid JSON: trailing characters at line 1 column 4."
    );
}

#[test]
fn a_body_that_is_not_an_object_says_what_it_is_and_where() {
    assert_eq!(
        body_error(b"[1, 2]"),
        "The request body must be a JSON object, found an array at line 1 column 1."
    );
    assert_eq!(
        body_error(b"\n  42"),
        "The request body must be a JSON object, found a number at line 2 column 3."
    );
    assert_eq!(
        body_error(b"\"x\""),
        "The request body must be a JSON object, found a string at line 1 column 1."
    );
    assert_eq!(
        body_error(b"null"),
        "The request body must be a JSON object, found null at line 1 column 1."
    );
    assert_eq!(
        body_error(b"true"),
        "The request body must be a JSON object, found a boolean at line 1 column 1."
    );
}

#[test]
fn deep_nesting_does_not_overflow_the_stack_or_hide_field_failures() {
    let depth = 10_000;
    let nested = "[".repeat(depth) + &"]".repeat(depth);
    assert_eq!(
        body_error(nested.as_bytes()),
        "The request body must be a JSON object, found an array at line 1 column 1."
    );
    let unclosed = "[".repeat(depth);
    assert!(body_error(unclosed.as_bytes())
        .starts_with("The request body is not valid JSON: EOF while parsing"));
    // The same depth under an unknown key is ignored like any unknown key:
    // the body's own failures are reported.
    let body = body_with(json!({"Deep": "<deep>", "BusinessId": "q"}));
    let body = String::from_utf8(body)
        .unwrap()
        .replace(r#""<deep>""#, &nested);
    let errors = from_str::<Visit>(&body).unwrap_err();
    assert_eq!(
        summary(&errors),
        one(
            "BusinessId",
            "The value 'q' is not valid for BusinessId.",
            json!("q")
        )
    );
    // Under a known field it is that field's wrong type, not a whole-body failure.
    let body = body_with(json!({"Members": "<deep>"}));
    let body = String::from_utf8(body)
        .unwrap()
        .replace(r#""<deep>""#, &nested);
    let errors = from_str::<Visit>(&body).unwrap_err();
    assert_eq!(errors.len(), 1);
    let failure = errors.first().unwrap();
    assert_eq!(failure.property_name(), "Members");
    assert_eq!(failure.message(), "The value is not valid for Members.");
}

#[test]
fn a_fifty_megabyte_string_is_handled() {
    let big = "x".repeat(50 * 1024 * 1024);
    let body = body_with(json!({"FullName": big.clone()}));
    let visit: Visit = from_slice(&body).unwrap();
    assert_eq!(visit.full_name.map(|s| s.len()), Some(big.len()));
    // Sent for an integer it is a wrong type, reported once, not a crash.
    let body = body_with(json!({"BusinessId": big}));
    let errors = from_slice::<Visit>(&body).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors.first().unwrap().code(), Code::InvalidType);
}

#[test]
fn from_value_and_validate_value_agree_with_from_slice() {
    let body = body_with(json!({"FullName": null, "Arrived": "no", "Id": "<absent>"}));
    let expected = from_slice::<Visit>(&body).unwrap_err();
    assert_eq!(expected.len(), 3);
    let value: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(
        Visit::validate_value(&value, Operation::Update),
        Err(expected.clone())
    );
    assert_eq!(from_value::<Visit>(value).unwrap_err(), expected);

    let valid: Value = serde_json::from_str(VALID).unwrap();
    assert_eq!(Visit::validate_value(&valid, Operation::Update), Ok(()));
    assert!(from_value::<Visit>(valid).is_ok());
    let errors = Visit::validate_value(&json!([]), Operation::Update).unwrap_err();
    assert_eq!(
        errors.first().unwrap().message(),
        "The request body must be a JSON object, found an array."
    );
}

#[test]
fn borrowed_resources_are_checked_field_by_field() {
    #[derive(Deserialize, NexudusResource)]
    #[serde(rename_all = "PascalCase")]
    struct Borrowed<'a> {
        #[required]
        name: Option<&'a str>,
        #[required]
        count: Option<i64>,
    }
    let errors = Borrowed::validate_value(&json!({"Name": " ", "Count": "x"}), Operation::Update)
        .unwrap_err();
    assert_eq!(
        summary(&errors),
        vec![
            ("Name".into(), REQUIRED.into(), json!(" ")),
            (
                "Count".into(),
                "The value 'x' is not valid for Count.".into(),
                json!("x")
            ),
        ]
    );
    assert_eq!(
        Borrowed::validate_value(&json!({"Name": "a", "Count": 1}), Operation::Update),
        Ok(())
    );
}

#[test]
fn every_failure_is_named_after_its_field_or_key() {
    #[derive(Debug, Deserialize, NexudusResource)]
    #[serde(rename_all = "PascalCase", deny_unknown_fields)]
    struct Strict {
        #[required]
        name: Option<String>,
    }
    let errors = from_str::<Strict>(r#"{"Name": "a", "Extra": 1}"#).unwrap_err();
    assert_eq!(
        summary(&errors),
        one(
            "Extra",
            "Could not find member 'Extra' on object of type 'Strict'.",
            Value::Null
        )
    );
    assert_eq!(errors.first().unwrap().code(), Code::UnknownField);

    // A generic field cannot be read on its own; the typed parse reads it,
    // and a failure there is named after the field it is in.
    #[derive(Debug, Deserialize, NexudusResource)]
    struct Generic<T> {
        #[required]
        value: Option<T>,
        #[required]
        other: Option<i64>,
    }
    let errors = from_str::<Generic<i64>>(r#"{"value": "x", "other": 1}"#).unwrap_err();
    assert_eq!(
        summary(&errors),
        one("value", "The value 'x' is not valid for value.", json!("x"))
    );
    assert!(from_str::<Generic<i64>>(r#"{"value": 3, "other": 1}"#).is_ok());
    let errors = from_str::<Generic<i64>>(r#"{"value": null, "other": 1}"#).unwrap_err();
    assert_eq!(summary(&errors), one("value", REQUIRED, Value::Null));
    let errors = from_str::<Generic<i64>>(r#"{"value": " ", "other": "y"}"#).unwrap_err();
    assert_eq!(
        summary(&errors),
        vec![
            ("value".into(), REQUIRED.into(), json!(" ")),
            (
                "other".into(),
                "The value 'y' is not valid for other.".into(),
                json!("y")
            ),
        ]
    );
}

#[test]
fn custom_deserializers_read_their_field_and_failures_are_named() {
    fn from_text<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map(Some).map_err(serde::de::Error::custom)
    }
    #[derive(Debug, Deserialize, NexudusResource)]
    struct Custom {
        #[serde(deserialize_with = "from_text")]
        #[required]
        count: Option<i64>,
    }
    let value: Custom = from_str(r#"{"count": "12"}"#).unwrap();
    assert_eq!(value.count, Some(12));
    let errors = from_str::<Custom>(r#"{"count": "twelve"}"#).unwrap_err();
    assert_eq!(
        summary(&errors),
        one(
            "count",
            "The value 'twelve' is not valid for count.",
            json!("twelve")
        )
    );
    // Absent, it is missing (serde does not call the function for it).
    let errors = from_str::<Custom>("{}").unwrap_err();
    assert_eq!(summary(&errors), one("count", REQUIRED, Value::Null));
}
