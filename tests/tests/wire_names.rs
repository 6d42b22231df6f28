//! `PropertyName` is the JSON key serde reads. These tests compare the
//! derive's idea of each key with what serde itself writes and reads.
// Some fields exist only for the metadata the derive records.
#![allow(dead_code)]

use nexudus_validate::{NexudusResource, Requirement, Validate};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The keys serde writes for `value`, in order.
fn serde_keys<T: Serialize>(value: &T) -> Vec<String> {
    match serde_json::to_value(value).unwrap() {
        Value::Object(map) => map.keys().cloned().collect(),
        other => panic!("not an object: {other}"),
    }
}

fn wire_names<T: NexudusResource>() -> Vec<&'static str> {
    T::FIELDS.iter().map(|f| f.wire_name()).collect()
}

macro_rules! case_rule_test {
    ($test:ident, $rule:literal, $expected:expr) => {
        #[test]
        fn $test() {
            #[derive(Debug, Default, PartialEq, Serialize, Deserialize, NexudusResource)]
            #[serde(rename_all = $rule)]
            struct Resource {
                #[required]
                business_id: Option<i64>,
                #[required]
                name: Option<String>,
                #[required]
                r#type: Option<String>,
                #[required]
                open_in_dialog_2: Option<bool>,
            }
            let expected: [&str; 4] = $expected;
            assert_eq!(wire_names::<Resource>(), expected);
            // serde writes the same keys (BTreeMap order, so compare sorted).
            let mut ours: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
            ours.sort();
            assert_eq!(serde_keys(&Resource::default()), ours);
            // ... and reads them back.
            let body = serde_json::json!({
                expected[0]: 1, expected[1]: "n", expected[2]: "t", expected[3]: true
            });
            let parsed: Resource = serde_json::from_value(body).unwrap();
            assert_eq!(parsed.name.as_deref(), Some("n"));
            // Failures are named by the same keys.
            let errors = Resource::default().validate().unwrap_err();
            let names: Vec<&str> = errors.iter().map(|f| f.property_name()).collect();
            assert_eq!(names, expected);
        }
    };
}

case_rule_test!(
    lowercase,
    "lowercase",
    ["business_id", "name", "type", "open_in_dialog_2"]
);
case_rule_test!(
    uppercase,
    "UPPERCASE",
    ["BUSINESS_ID", "NAME", "TYPE", "OPEN_IN_DIALOG_2"]
);
case_rule_test!(
    pascal_case,
    "PascalCase",
    ["BusinessId", "Name", "Type", "OpenInDialog2"]
);
case_rule_test!(
    camel_case,
    "camelCase",
    ["businessId", "name", "type", "openInDialog2"]
);
case_rule_test!(
    snake_case,
    "snake_case",
    ["business_id", "name", "type", "open_in_dialog_2"]
);
case_rule_test!(
    screaming_snake_case,
    "SCREAMING_SNAKE_CASE",
    ["BUSINESS_ID", "NAME", "TYPE", "OPEN_IN_DIALOG_2"]
);
case_rule_test!(
    kebab_case,
    "kebab-case",
    ["business-id", "name", "type", "open-in-dialog-2"]
);
case_rule_test!(
    screaming_kebab_case,
    "SCREAMING-KEBAB-CASE",
    ["BUSINESS-ID", "NAME", "TYPE", "OPEN-IN-DIALOG-2"]
);

#[test]
fn no_rename_all_keeps_the_rust_name_without_r_hash() {
    #[derive(Debug, Default, Serialize, Deserialize, NexudusResource)]
    struct Plain {
        #[required]
        business_id: Option<i64>,
        #[required]
        r#type: Option<String>,
    }
    assert_eq!(wire_names::<Plain>(), ["business_id", "type"]);
    let mut keys = serde_keys(&Plain::default());
    keys.sort();
    assert_eq!(keys, ["business_id", "type"]);
}

#[test]
fn rename_all_with_a_deserialize_side_uses_that_side() {
    #[derive(Debug, Default, Serialize, Deserialize, NexudusResource)]
    #[serde(rename_all(serialize = "snake_case", deserialize = "PascalCase"))]
    struct Split {
        #[required]
        business_id: Option<i64>,
    }
    assert_eq!(wire_names::<Split>(), ["BusinessId"]);
    let parsed: Split = serde_json::from_str(r#"{"BusinessId": 5}"#).unwrap();
    assert_eq!(parsed.business_id, Some(5));
}

#[test]
fn field_rename_wins_over_rename_all() {
    #[derive(Debug, Default, Serialize, Deserialize, NexudusResource)]
    #[serde(rename_all = "PascalCase")]
    struct Renamed {
        #[serde(rename = "RedirectURL")]
        #[required]
        redirect_url: Option<String>,
        #[serde(rename(serialize = "out", deserialize = "APIAccess"))]
        #[required]
        api_access: Option<bool>,
        #[serde(rename(serialize = "OnlyOut"))]
        #[required]
        on_plaform_invoices: Option<bool>,
    }
    assert_eq!(
        wire_names::<Renamed>(),
        ["RedirectURL", "APIAccess", "OnPlaformInvoices"]
    );
    let parsed: Renamed = serde_json::from_str(
        r#"{"RedirectURL": "x", "APIAccess": true, "OnPlaformInvoices": false}"#,
    )
    .unwrap();
    assert_eq!(parsed.api_access, Some(true));
    assert_eq!(parsed.on_plaform_invoices, Some(false));
    let errors = Renamed::default().validate().unwrap_err();
    let names: Vec<&str> = errors.iter().map(|f| f.property_name()).collect();
    assert_eq!(names, ["RedirectURL", "APIAccess", "OnPlaformInvoices"]);
}

#[test]
fn aliases_are_recorded_and_answer_to_field_lookup() {
    #[derive(Debug, Deserialize, NexudusResource)]
    #[serde(rename_all = "PascalCase")]
    struct Aliased {
        #[serde(alias = "Title", alias = "Label")]
        #[required]
        name: Option<String>,
    }
    let field = &Aliased::FIELDS[0];
    assert_eq!(field.aliases(), ["Title", "Label"]);
    assert_eq!(Aliased::field("Label").map(|f| f.ident()), Some("name"));
    assert_eq!(Aliased::field("Name").map(|f| f.ident()), Some("name"));
    assert!(Aliased::field("name").is_none());
    let parsed: Aliased = serde_json::from_str(r#"{"Title": "x"}"#).unwrap();
    assert_eq!(parsed.name.as_deref(), Some("x"));
}

#[test]
fn nexudus_rename_overrides_the_property_name_only() {
    #[derive(Debug, Default, Deserialize, NexudusResource)]
    #[serde(rename_all = "camelCase")]
    struct Overridden {
        #[nexudus(rename = "Business")]
        #[required]
        business_id: Option<i64>,
    }
    let field = &Overridden::FIELDS[0];
    assert_eq!(field.wire_name(), "businessId");
    assert_eq!(field.property_name(), "Business");
    let errors = Overridden::default().validate().unwrap_err();
    assert_eq!(errors.iter().next().unwrap().property_name(), "Business");
}

#[test]
fn skipped_fields_are_not_on_the_wire() {
    #[derive(Debug, Default, Serialize, Deserialize, NexudusResource)]
    #[serde(rename_all = "PascalCase")]
    struct Skipping {
        #[required]
        name: Option<String>,
        #[serde(skip)]
        cache: Option<String>,
        #[serde(skip_deserializing)]
        computed: Option<String>,
        #[serde(skip_serializing)]
        write_only: Option<String>,
    }
    assert_eq!(wire_names::<Skipping>(), ["Name", "WriteOnly"]);
}

#[test]
fn field_metadata_records_rules_and_types() {
    #[derive(Debug, Deserialize, NexudusResource)]
    #[serde(rename_all = "PascalCase")]
    struct Meta {
        #[required(update)]
        id: Option<i64>,
        #[required(allow_empty)]
        #[serde(default)]
        notes: Option<String>,
        members: Option<Vec<i64>>,
    }
    let [id, notes, members] = Meta::FIELDS else {
        panic!("three fields expected")
    };
    assert_eq!(id.requirement(), Requirement::UpdateOnly);
    assert_eq!(notes.requirement(), Requirement::Always);
    assert!(notes.allow_empty() && notes.has_default());
    assert_eq!(members.requirement(), Requirement::Optional);
    assert!(!members.has_default());
    assert_eq!(members.rust_type(), "Option<Vec<i64>>");
    assert_eq!(id.ident(), "id");
}

#[test]
fn container_default_makes_every_field_defaulted() {
    #[derive(Debug, Default, Deserialize, NexudusResource)]
    #[serde(default)]
    struct Defaults {
        a: Option<i64>,
        b: i64,
    }
    assert!(Defaults::FIELDS.iter().all(|f| f.has_default()));
}
