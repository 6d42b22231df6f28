//! Raw-JSON tables for each seed resource, driven by its field metadata:
//! every required field missing, null or blank, every field sent a value of
//! the wrong type, and several problems in one body.

use nexudus_validate::resources::{AccessToken, UiModule, User, Visitor, Workspace};
use nexudus_validate::{from_slice_for, NexudusResource, Operation, Requirement};
use nexudus_validate_tests::summary;
use serde::de::DeserializeOwned;
use serde_json::{json, Value};

fn full(name: &str) -> Value {
    serde_json::from_str(match name {
        "access_token" => include_str!("../fixtures/access_token.full.json"),
        "visitor" => include_str!("../fixtures/visitor.full.json"),
        "user" => include_str!("../fixtures/user.full.json"),
        "ui_module" => include_str!("../fixtures/ui_module.full.json"),
        _ => include_str!("../fixtures/workspace.full.json"),
    })
    .unwrap()
}

fn errors_for<T: NexudusResource + DeserializeOwned>(body: &Value) -> Vec<(String, String, Value)> {
    let bytes = serde_json::to_vec(body).unwrap();
    match from_slice_for::<T>(&bytes, Operation::Update) {
        Ok(_) => vec![],
        Err(errors) => summary(&errors),
    }
}

const REQUIRED: &str = "is a required field";

fn table<T: NexudusResource + DeserializeOwned>(name: &str) {
    let valid = full(name);
    assert_eq!(
        errors_for::<T>(&valid),
        vec![],
        "{name}: the full record is valid"
    );
    let mut required = Vec::new();
    for field in T::FIELDS {
        let key = field.wire_name();
        let sent = &valid[key];
        let with = |value: Option<Value>| {
            let mut body = valid.clone();
            match value {
                Some(v) => body[key] = v,
                None => {
                    body.as_object_mut().unwrap().remove(key);
                }
            }
            errors_for::<T>(&body)
        };
        let one =
            |message: &str, attempted: Value| vec![(key.to_owned(), message.to_owned(), attempted)];
        if field.requirement() != Requirement::Optional {
            required.push(key);
            assert_eq!(
                with(None),
                one(REQUIRED, Value::Null),
                "{name}.{key} missing"
            );
            assert_eq!(
                with(Some(Value::Null)),
                one(REQUIRED, Value::Null),
                "{name}.{key} null"
            );
            let blank = json!("  ");
            let echoed = if field.sensitive() {
                Value::Null
            } else {
                blank.clone()
            };
            assert_eq!(
                with(Some(blank)),
                one(REQUIRED, echoed),
                "{name}.{key} blank"
            );
        } else {
            assert_eq!(with(None), vec![], "{name}.{key} is optional");
            assert_eq!(with(Some(Value::Null)), vec![], "{name}.{key} may be null");
        }
        // No field of any resource is an object, and only strings take "abc".
        let object = json!({"wrong": true});
        let message = format!("The value '{object}' is not valid for {key}.");
        let expected = if field.sensitive() {
            vec![(
                key.to_owned(),
                format!("The value is not valid for {key}."),
                Value::Null,
            )]
        } else {
            one(&message, object.clone())
        };
        assert_eq!(with(Some(object)), expected, "{name}.{key} object");
        if !sent.is_string() {
            let abc = json!("abc");
            assert_eq!(
                with(Some(abc.clone())),
                one(&format!("The value 'abc' is not valid for {key}."), abc),
                "{name}.{key} string for a {sent}"
            );
        }
    }
    // Every required field missing at once: all reported, in page order.
    let mut body = valid.clone();
    for key in &required {
        body.as_object_mut().unwrap().remove(*key);
    }
    let names: Vec<String> = errors_for::<T>(&body)
        .into_iter()
        .map(|(n, _, _)| n)
        .collect();
    assert_eq!(names, required, "{name}: all missing");
}

#[test]
fn access_token() {
    table::<AccessToken>("access_token");
}

#[test]
fn visitor() {
    table::<Visitor>("visitor");
}

#[test]
fn user() {
    table::<User>("user");
}

#[test]
fn ui_module() {
    table::<UiModule>("ui_module");
}

#[test]
fn workspace() {
    table::<Workspace>("workspace");
}

#[test]
fn visitor_three_problems_in_one_call() {
    let mut body = full("visitor");
    body.as_object_mut().unwrap().remove("FullName");
    body["Email"] = json!("not-an-address");
    body["VisitorSource"] = json!(1.5);
    body["Arrived"] = json!("yes");
    assert_eq!(
        errors_for::<Visitor>(&body),
        vec![
            ("FullName".into(), REQUIRED.into(), Value::Null),
            (
                "Email".into(),
                "not a well-formed email address".into(),
                json!("not-an-address")
            ),
            (
                "VisitorSource".into(),
                "The value '1.5' is not valid for VisitorSource.".into(),
                json!(1.5)
            ),
            (
                "Arrived".into(),
                "The value 'yes' is not valid for Arrived.".into(),
                json!("yes")
            ),
        ]
    );
}
