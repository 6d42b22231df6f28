//! The serialized shapes of failures, error sets and both envelopes, and
//! reading them back as a client would.

use nexudus_validate::{
    Code, ErrorResponse, NexudusDateTime, NexudusResource, SuccessResponse, ValidationErrors,
    ValidationFailure,
};
use serde_json::{json, Value};

#[derive(NexudusResource)]
#[nexudus(name = "Workspace", path = "/api/collaboration/workspaces")]
struct Workspace {
    #[required]
    #[allow(dead_code)]
    name: Option<String>,
}

fn two_failures() -> ValidationErrors {
    ValidationErrors::from(vec![
        ValidationFailure::required("Name", Value::Null),
        ValidationFailure::invalid_type("BusinessId", json!("abc")),
    ])
}

#[test]
fn failure_keys_are_in_the_documented_order() {
    let failure = ValidationFailure::required("Name", json!(" "));
    assert_eq!(
        serde_json::to_string(&failure).unwrap(),
        r#"{"AttemptedValue":" ","Message":"is a required field","PropertyName":"Name"}"#
    );
}

#[test]
fn invalid_type_message_quotes_strings_raw_and_other_values_as_json() {
    let s = ValidationFailure::invalid_type("BusinessId", json!("abc"));
    assert_eq!(s.message(), "The value 'abc' is not valid for BusinessId.");
    assert_eq!(s.code(), Code::InvalidType);
    let list = ValidationFailure::invalid_type("Members", json!([1, "x"]));
    assert_eq!(
        list.message(),
        r#"The value '[1,"x"]' is not valid for Members."#
    );
    assert_eq!(list.attempted_value(), &json!([1, "x"]));
}

#[test]
fn envelope_message_names_the_first_failure_and_display_lists_all() {
    let errors = two_failures();
    let response = errors.to_response();
    assert_eq!(response.message, "Name: is a required field");
    assert_eq!(
        errors.to_string(),
        "Name: is a required field\nBusinessId: The value 'abc' is not valid for BusinessId."
    );
    assert_eq!(
        serde_json::to_string(&response).unwrap(),
        concat!(
            r#"{"Message":"Name: is a required field","Value":null,"Errors":["#,
            r#"{"AttemptedValue":null,"Message":"is a required field","PropertyName":"Name"},"#,
            r#"{"AttemptedValue":"abc","Message":"The value 'abc' is not valid for BusinessId.","PropertyName":"BusinessId"}"#,
            r#"],"WasSuccessful":false}"#
        )
    );
}

#[test]
fn a_400_body_reads_back_into_equal_errors_with_codes() {
    let errors = two_failures();
    let text = serde_json::to_string(&errors.to_response()).unwrap();
    let read: ErrorResponse = serde_json::from_str(&text).unwrap();
    assert_eq!(read.errors, errors);
    let codes: Vec<Code> = read.errors.iter().map(|f| f.code()).collect();
    assert_eq!(codes, [Code::Required, Code::InvalidType]);
    assert!(!read.was_successful);
}

#[test]
fn messages_read_back_into_their_codes() {
    let read = |message: &str| -> ValidationFailure {
        serde_json::from_value(json!({
            "AttemptedValue": 5, "Message": message, "PropertyName": "Seats"
        }))
        .unwrap()
    };
    for (message, expected) in [
        ("is a required field", Code::Required),
        ("The value 'x' is not valid for Seats.", Code::InvalidType),
        ("The value is not valid for Seats.", Code::InvalidType),
        ("may not be null", Code::NotNull),
        ("may not be null or empty", Code::NotEmpty),
        ("length must be between 0 and 3", Code::Length),
        ("must be less than or equal to 3", Code::Range),
        ("must be greater than or equal to 1", Code::Range),
        ("not a well-formed email address", Code::Email),
        ("must match \"[a-z]+\"", Code::Pattern),
        ("seats are sold out", Code::Custom),
    ] {
        assert_eq!(read(message).code(), expected, "{message}");
    }
    assert_eq!(read("x").attempted_value(), &json!(5));
}

#[test]
fn success_body_has_the_eleven_documented_keys_in_order() {
    let on = NexudusDateTime::from_ymd_hms(2025, 1, 15, 10, 30, 0).unwrap();
    let body = SuccessResponse::updated::<Workspace>(87654321, "admin@example.com", on);
    assert_eq!(
        serde_json::to_string(&body).unwrap(),
        concat!(
            r#"{"Status":200,"Message":"Workspace was successfully updated.","Value":{"Id":87654321},"#,
            r#""OpenInDialog":false,"OpenInWindow":false,"RedirectURL":null,"JavaScript":null,"#,
            r#""UpdatedOn":"2025-01-15T10:30:00Z","UpdatedBy":"admin@example.com","Errors":null,"WasSuccessful":true}"#
        )
    );
    assert_eq!(body.id(), Some(87654321));
    let created = SuccessResponse::created::<Workspace>(1, "a@b.c", on);
    assert_eq!(created.message, "Workspace was successfully created.");
    // A chrono wall-clock time works as well.
    let naive = *on.as_naive();
    assert_eq!(
        SuccessResponse::updated::<Workspace>(87654321, "admin@example.com", naive),
        body
    );
}

#[test]
fn success_body_reads_back_and_tolerates_the_short_schema() {
    let on = NexudusDateTime::from_ymd_hms(2025, 1, 15, 10, 30, 0).unwrap();
    let body = SuccessResponse::updated::<Workspace>(7, "admin@example.com", on);
    let read: SuccessResponse =
        serde_json::from_str(&serde_json::to_string(&body).unwrap()).unwrap();
    assert_eq!(read, body);
    // The documentation's schema block only lists five keys.
    let short: SuccessResponse = serde_json::from_value(json!({
        "Status": 200, "Message": "ok", "Value": {"Id": 3}, "WasSuccessful": true, "Errors": null
    }))
    .unwrap();
    assert_eq!(short.id(), Some(3));
    assert!(short.was_successful && short.updated_on.is_none());
}

#[test]
fn empty_error_set_has_an_empty_message() {
    let errors = ValidationErrors::new();
    assert!(errors.is_empty());
    assert_eq!(errors.to_string(), "");
    assert_eq!(errors.to_response().message, "");
    assert_eq!(errors.into_result(), Ok(()));
}

#[test]
fn error_set_is_a_std_error() {
    let boxed: Box<dyn std::error::Error> = Box::new(two_failures());
    assert!(boxed.to_string().starts_with("Name: is a required field"));
}
