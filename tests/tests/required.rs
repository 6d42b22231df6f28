//! `#[required]` semantics: what counts as missing, blank or present, the
//! failure order, update-only and create-only rules and the serialized
//! bodies.

use std::borrow::Cow;
use std::rc::Rc;
use std::sync::Arc;

use nexudus_validate::{Code, NexudusResource, Operation, Validate};
use nexudus_validate_tests::summary;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

#[derive(Debug, Serialize, Deserialize, NexudusResource)]
#[serde(rename_all = "PascalCase")]
#[nexudus(name = "Workspace", path = "/api/collaboration/workspaces")]
struct Workspace {
    #[required(update)]
    id: Option<i64>,
    #[required]
    business_id: Option<i64>,
    #[required]
    name: Option<String>,
    description: Option<String>,
}

fn workspace() -> Workspace {
    Workspace {
        id: Some(87654321),
        business_id: Some(1),
        name: Some("Design team".into()),
        description: None,
    }
}

#[test]
fn valid_value_passes_for_both_operations() {
    assert_eq!(workspace().validate(), Ok(()));
    assert_eq!(workspace().validate_for(Operation::Create), Ok(()));
}

#[test]
fn none_is_missing_with_null_attempted_value() {
    let value = Workspace {
        name: None,
        ..workspace()
    };
    let errors = value.validate().unwrap_err();
    assert_eq!(
        summary(&errors),
        vec![("Name".into(), "is a required field".into(), Value::Null)]
    );
    assert_eq!(errors.iter().next().unwrap().code(), Code::Required);
}

#[test]
fn blank_strings_fail_with_the_string_as_attempted_value() {
    for blank in ["", " ", "\t\n ", "\u{3000}"] {
        let value = Workspace {
            name: Some(blank.into()),
            ..workspace()
        };
        let errors = value.validate().unwrap_err();
        assert_eq!(
            summary(&errors),
            vec![("Name".into(), "is a required field".into(), json!(blank))],
            "blank {blank:?}"
        );
    }
}

#[test]
fn zero_false_and_empty_list_are_present() {
    #[derive(NexudusResource)]
    struct Flags {
        #[required]
        count: Option<i64>,
        #[required]
        active: Option<bool>,
        #[required]
        members: Option<Vec<i64>>,
        #[required]
        ratio: f64,
    }
    let value = Flags {
        count: Some(0),
        active: Some(false),
        members: Some(vec![]),
        ratio: 0.0,
    };
    assert_eq!(value.validate(), Ok(()));
}

#[test]
fn failures_come_in_declaration_order() {
    let value = Workspace {
        id: None,
        business_id: None,
        name: Some(String::new()),
        description: None,
    };
    let errors = value.validate().unwrap_err();
    let names: Vec<_> = errors.iter().map(|f| f.property_name()).collect();
    assert_eq!(names, ["Id", "BusinessId", "Name"]);
    assert_eq!(
        errors.to_string(),
        "Id: is a required field\nBusinessId: is a required field\nName: is a required field"
    );
}

#[test]
fn update_only_rule_is_skipped_on_create() {
    let value = Workspace {
        id: None,
        ..workspace()
    };
    assert_eq!(value.validate_for(Operation::Create), Ok(()));
    let errors = value.validate_for(Operation::Update).unwrap_err();
    assert_eq!(
        summary(&errors),
        vec![("Id".into(), "is a required field".into(), Value::Null)]
    );
    // `validate()` is the update check.
    assert_eq!(value.validate(), Err(errors));
}

#[test]
fn create_only_rule_is_skipped_on_update_in_typed_and_raw_checks() {
    #[derive(Debug, Deserialize, NexudusResource)]
    #[serde(rename_all = "PascalCase")]
    #[nexudus(name = "Sensor")]
    struct Sensor {
        #[required(update)]
        id: Option<i64>,
        #[required(create)]
        reference: Option<String>,
    }
    let value = Sensor {
        id: Some(1),
        reference: None,
    };
    assert_eq!(value.validate(), Ok(()));
    let errors = value.validate_for(Operation::Create).unwrap_err();
    assert_eq!(
        summary(&errors),
        vec![(
            "Reference".into(),
            "is a required field".into(),
            Value::Null
        )]
    );
    assert_eq!(
        Sensor::FIELDS[1].requirement(),
        nexudus_validate::Requirement::CreateOnly
    );
    let raw =
        nexudus_validate::from_slice_for::<Sensor>(br#"{"Reference": " "}"#, Operation::Create);
    assert_eq!(
        raw.unwrap_err().to_string(),
        "Reference: is a required field"
    );
    let raw = nexudus_validate::from_slice_for::<Sensor>(br#"{"Id": 1}"#, Operation::Update);
    assert!(raw.is_ok());
}

#[test]
fn allow_empty_accepts_blank_but_not_missing() {
    #[derive(NexudusResource)]
    #[nexudus(name = "Note")]
    struct Note {
        #[required(allow_empty)]
        text: Option<String>,
        #[required(update, allow_empty)]
        code: Option<String>,
    }
    let blank = Note {
        text: Some("  ".into()),
        code: Some(String::new()),
    };
    assert_eq!(blank.validate(), Ok(()));
    let missing = Note {
        text: None,
        code: None,
    };
    let errors = missing.validate().unwrap_err();
    let names: Vec<_> = errors.iter().map(|f| f.property_name()).collect();
    assert_eq!(names, ["text", "code"]);
    assert_eq!(
        missing.validate_for(Operation::Create).unwrap_err().len(),
        1
    );
}

#[test]
fn every_string_shape_is_checked_for_blank() {
    #[derive(NexudusResource)]
    struct Strings<'a> {
        #[required]
        owned: String,
        #[required]
        borrowed: &'a str,
        #[required]
        cow: Cow<'a, str>,
        #[required]
        boxed: Box<str>,
        #[required]
        rc: Rc<str>,
        #[required]
        arc: Option<Arc<String>>,
        #[required]
        nested: Option<Option<String>>,
        #[required]
        json: Value,
    }
    let blank = Strings {
        owned: " ".into(),
        borrowed: "",
        cow: Cow::Borrowed("\t"),
        boxed: "".into(),
        rc: " ".into(),
        arc: Some(Arc::new(String::new())),
        nested: Some(None),
        json: json!("  "),
    };
    let errors = blank.validate().unwrap_err();
    assert_eq!(
        summary(&errors)
            .into_iter()
            .map(|(n, _, v)| (n, v))
            .collect::<Vec<_>>(),
        vec![
            ("owned".into(), json!(" ")),
            ("borrowed".into(), json!("")),
            ("cow".into(), json!("\t")),
            ("boxed".into(), json!("")),
            ("rc".into(), json!(" ")),
            ("arc".into(), json!("")),
            ("nested".into(), Value::Null),
            ("json".into(), json!("  ")),
        ]
    );
    let present = Strings {
        owned: "a".into(),
        borrowed: "b",
        cow: Cow::Owned("c".into()),
        boxed: "d".into(),
        rc: "e".into(),
        arc: Some(Arc::new("f".into())),
        nested: Some(Some("g".into())),
        json: json!(0),
    };
    assert_eq!(present.validate(), Ok(()));
}

#[test]
fn json_null_value_field_is_missing() {
    #[derive(NexudusResource)]
    struct Raw {
        #[required]
        payload: Value,
    }
    let errors = Raw {
        payload: Value::Null,
    }
    .validate()
    .unwrap_err();
    assert_eq!(
        errors.iter().next().unwrap().attempted_value(),
        &Value::Null
    );
}

#[test]
fn option_of_a_type_without_blank_semantics_is_missing_when_none() {
    #[derive(Debug, Clone, Copy, PartialEq)]
    enum Source {
        Administrator,
    }
    #[derive(NexudusResource)]
    struct Visit {
        #[required]
        source: Option<Source>,
        #[required]
        plain: Source,
    }
    let missing = Visit {
        source: None,
        plain: Source::Administrator,
    };
    assert_eq!(missing.validate().unwrap_err().len(), 1);
    let present = Visit {
        source: Some(Source::Administrator),
        plain: Source::Administrator,
    };
    assert_eq!(present.validate(), Ok(()));
}

#[test]
fn unrequired_fields_are_never_reported() {
    let value = Workspace {
        description: Some(String::new()),
        ..workspace()
    };
    assert_eq!(value.validate(), Ok(()));
}

#[test]
fn error_response_is_the_nexudus_400_body() {
    let value = Workspace {
        name: None,
        ..workspace()
    };
    let errors = value.validate().unwrap_err();
    assert_eq!(
        serde_json::to_string(&errors.to_response()).unwrap(),
        r#"{"Message":"Name: is a required field","Value":null,"Errors":[{"AttemptedValue":null,"Message":"is a required field","PropertyName":"Name"}],"WasSuccessful":false}"#
    );
    assert_eq!(
        serde_json::to_string(&errors).unwrap(),
        r#"[{"AttemptedValue":null,"Message":"is a required field","PropertyName":"Name"}]"#
    );
}

#[test]
fn the_issue_example_with_camel_case() {
    #[derive(Debug, Serialize, Deserialize, NexudusResource)]
    #[serde(rename_all = "camelCase")]
    struct Booking {
        #[required]
        business_id: Option<i64>,
        #[required]
        resource_name: Option<String>,
    }
    let errors = Booking {
        business_id: None,
        resource_name: Some("Room 1".into()),
    }
    .validate()
    .unwrap_err();
    assert_eq!(
        serde_json::to_string(&errors.to_response()).unwrap(),
        r#"{"Message":"businessId: is a required field","Value":null,"Errors":[{"AttemptedValue":null,"Message":"is a required field","PropertyName":"businessId"}],"WasSuccessful":false}"#
    );
}

#[test]
fn name_and_path_constants() {
    assert_eq!(Workspace::NAME, "Workspace");
    assert_eq!(Workspace::PATH, "/api/collaboration/workspaces");

    #[derive(NexudusResource)]
    struct Unnamed {
        #[required]
        a: Option<i64>,
    }
    assert_eq!(Unnamed::NAME, "Unnamed");
    assert_eq!(Unnamed::PATH, "");
}
