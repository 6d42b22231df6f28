//! No value of a `#[sensitive]` field of any seed resource appears in any
//! output: error bodies, `Display`, `Debug` of the errors or of the value.

use std::fmt::Debug;

use nexudus_validate::resources::{AccessToken, UiModule, User, Visitor, Workspace};
use nexudus_validate::{from_slice, NexudusResource};
use serde::de::DeserializeOwned;
use serde_json::{json, Value};

const SECRET: &str = "s3cr3t-value-that-must-not-leak";

fn fixture(name: &str) -> Value {
    let text = match name {
        "access_token" => include_str!("../fixtures/access_token.full.json"),
        "visitor" => include_str!("../fixtures/visitor.full.json"),
        "user" => include_str!("../fixtures/user.full.json"),
        "ui_module" => include_str!("../fixtures/ui_module.full.json"),
        _ => include_str!("../fixtures/workspace.full.json"),
    };
    serde_json::from_str(text).unwrap()
}

fn assert_clean(label: &str, text: &str) {
    assert!(!text.contains(SECRET), "{label} leaked the secret: {text}");
}

/// Sends each sensitive field of `T` the secret in every shape that fails
/// (wrong type inside a list or object, a string breaking other rules), and
/// checks every rendering of the failures and of the value.
fn check<T>(name: &str) -> usize
where
    T: NexudusResource + DeserializeOwned + Debug,
{
    let sensitive: Vec<&str> = T::FIELDS
        .iter()
        .filter(|f| f.sensitive())
        .map(|f| f.wire_name())
        .collect();
    let shapes = [
        json!([SECRET]),
        json!({ "k": SECRET }),
        json!(SECRET),
        json!(format!("  {SECRET}")),
    ];
    for shape in &shapes {
        let mut body = fixture(name);
        for key in &sensitive {
            body[*key] = shape.clone();
        }
        // Break a non-sensitive field too, so there is always a failure.
        body.as_object_mut().unwrap().remove("Id");
        let bytes = serde_json::to_vec(&body).unwrap();
        let errors = from_slice::<T>(&bytes).unwrap_err();
        assert_clean(
            "error body",
            &serde_json::to_string(&errors.to_response()).unwrap(),
        );
        assert_clean("Display", &errors.to_string());
        assert_clean("Debug of errors", &format!("{errors:?}"));
        for failure in &errors {
            if sensitive.contains(&failure.property_name()) {
                assert!(failure.attempted_value().is_null(), "{failure}");
            }
        }
        // When the shape parses, the value itself must not show it either.
        body["Id"] = json!(1);
        if let Ok(value) = serde_json::from_value::<T>(body) {
            assert_clean("Debug", &format!("{value:?}"));
            assert_clean("pretty Debug", &format!("{value:#?}"));
            if let Err(errors) = value.validate() {
                assert_clean("typed error body", &serde_json::to_string(&errors).unwrap());
            }
        }
    }
    sensitive.len()
}

#[test]
fn no_resource_leaks_a_sensitive_value() {
    let counts = [
        check::<AccessToken>("access_token"),
        check::<Visitor>("visitor"),
        check::<User>("user"),
        check::<UiModule>("ui_module"),
        check::<Workspace>("workspace"),
    ];
    // User's five secrets and UiModule's shared secret are marked.
    assert_eq!(counts, [0, 0, 5, 1, 0]);
}

#[test]
fn a_blank_password_salt_is_reported_without_its_value() {
    let mut body = fixture("user");
    body["PasswordSalt"] = json!("   ");
    let errors = from_slice::<User>(&serde_json::to_vec(&body).unwrap()).unwrap_err();
    assert_eq!(
        serde_json::to_string(&errors.to_response()).unwrap(),
        r#"{"Message":"PasswordSalt: is a required field","Value":null,"Errors":[{"AttemptedValue":null,"Message":"is a required field","PropertyName":"PasswordSalt"}],"WasSuccessful":false}"#
    );
}
