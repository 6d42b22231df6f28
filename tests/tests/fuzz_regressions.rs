//! Defects the `every_rule` fuzz target (`fuzz/`) found, each with its
//! minimised input. Each test failed before its fix.

use nexudus_validate::{from_str, Code, NexudusResource, Operation, ValidationErrors};
use serde::Deserialize;
use serde_json::json;

#[derive(Debug, Deserialize, NexudusResource)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
struct Guest {
    #[required]
    #[email]
    email: Option<String>,
}

#[derive(Debug, Deserialize, NexudusResource)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
struct Booking {
    #[required]
    name: Option<String>,
    #[sensitive]
    #[nested]
    guest: Option<Guest>,
    #[nested]
    #[serde(default)]
    guests: Vec<Guest>,
}

/// Every text of `errors` a caller or a log could see.
fn shown(errors: &ValidationErrors) -> String {
    format!(
        "{errors}\n{errors:?}\n{}",
        serde_json::to_string(&errors.to_response()).unwrap()
    )
}

/// Defect 1. Fuzz input: `{"Guest":{"SECRET":1}}`. Nothing of a
/// `#[sensitive]` value, or of anything inside it, is echoed, and a map's
/// keys under one are not (`<redacted>`); but an unknown key inside a
/// sensitive resource showed in the failure's `PropertyName` and message:
/// `Guest.SECRET: Could not find member 'SECRET' on object of type 'Guest'.`
#[test]
fn an_unknown_key_inside_a_sensitive_resource_is_not_echoed() {
    let body = r#"{"Name":"n","Guest":{"Email":"a@x.org","SECRET":1}}"#;
    let errors = from_str::<Booking>(body).unwrap_err();
    assert!(!shown(&errors).contains("SECRET"), "{}", shown(&errors));
    // Still reported, once, under the sensitive field.
    assert_eq!(errors.len(), 1, "{errors}");
    let failure = errors.first().unwrap();
    assert_eq!(failure.code(), Code::UnknownField);
    assert!(failure.property_name().starts_with("Guest"), "{failure}");
    // The raw engine on a parsed value, alike.
    let value = serde_json::from_str(body).unwrap();
    let errors = Booking::validate_value(&value, Operation::Update).unwrap_err();
    assert!(!shown(&errors).contains("SECRET"), "{}", shown(&errors));
}

/// Defect 2. Fuzz inputs: `{"Guest":{"":""}}`, then a guest with a key
/// `"[in"`. An unknown key was joined to the path of the object it is in
/// without a dot when it was `""` or started with `[`: `""` was named as
/// that object (`""` in the body, the name of a whole-body failure;
/// `Guests[0]` inside the first guest), and `[in` was `Guests[0][in`, which
/// reads as an index or a map key. A key that is empty or holds a
/// character a path uses is written as Json.NET writes it: `['key']`.
#[test]
fn an_unknown_key_is_named_apart_from_the_object_it_is_in() {
    let named = |body: serde_json::Value| {
        let errors = from_str::<Booking>(&body.to_string()).unwrap_err();
        let failure = errors.first().unwrap();
        assert_eq!(failure.code(), Code::UnknownField, "{errors}");
        failure.property_name().to_owned()
    };
    assert_eq!(named(json!({"Name": "n", "": 1})), "['']");
    assert_eq!(named(json!({"Name": "n", "Extra": 1})), "Extra");
    let guest = |key: &str| json!({"Name": "n", "Guests": [{"Email": "a@x.org", key: 1}]});
    assert_eq!(named(guest("")), "Guests[0]['']");
    assert_eq!(named(guest("[in")), "Guests[0]['[in']");
    assert_eq!(named(guest("a.b")), "Guests[0]['a.b']");
    assert_eq!(named(guest("it's")), r"Guests[0]['it\'s']");
    assert_eq!(named(guest("Extra")), "Guests[0].Extra");
}
