//! NHibernate Validator's own test vectors for the rules the Nexudus
//! backend answers with (`Length`, `Size`, `Range`, `NotNullNotEmpty`,
//! `Email`), and the cases its attributes' source implies, from
//! `tests/fixtures/nhibernate_validator.json` (which says where each comes
//! from). Every case is sent as the only key of a body and checked through
//! `from_slice`, `validate_value` and, when the value reads as the field's
//! type, the typed `validate()`: all three must agree, with the verdict
//! upstream asserts (or its opposite where the fixture says we differ on
//! purpose), and a failing rule must answer with the catalogue's message.

use std::collections::{BTreeMap, HashSet};

use nexudus_validate::{from_slice, Code, NexudusResource, Operation, Validate, ValidationErrors};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

const FIXTURE: &str = include_str!("../fixtures/nhibernate_validator.json");

/// One field per upstream attribute (and value type) the vectors use.
#[derive(Debug, Serialize, Deserialize, NexudusResource)]
#[serde(rename_all = "PascalCase")]
struct Vectors {
    #[length(min = 0)]
    length_any: Option<String>,
    #[length(max = 5)]
    length_max5: Option<String>,
    #[length(min = 3, max = 6)]
    length3_to6: Option<String>,
    #[length(min = 0)]
    size_any: Option<Vec<i64>>,
    #[length(min = 1, max = 3)]
    size1_to3: Option<Vec<i64>>,
    #[length(min = 0)]
    set_size_any: Option<HashSet<i64>>,
    #[length(min = 1, max = 3)]
    set_size1_to3: Option<HashSet<i64>>,
    #[range(min = -9223372036854775808, max = 9223372036854775807)]
    range_any: Option<i64>,
    #[range(min = 100, max = 1000)]
    range100_to1000: Option<i64>,
    #[range(min = 100, max = 1000)]
    range100_to1000_real: Option<f64>,
    #[range(min = -9223372036854775808, max = 10000)]
    range_to10000: Option<i64>,
    #[range(min = -9223372036854775808, max = 10000)]
    range_to10000_real: Option<f64>,
    #[range(min = -9223372036854775808, max = 10000)]
    range_to10000_single: Option<f32>,
    #[range(min = -10000, max = 9223372036854775807)]
    range_from_minus10000: Option<i64>,
    #[range(min = -10000, max = 9223372036854775807)]
    range_from_minus10000_real: Option<f64>,
    #[range(min = -10000, max = 9223372036854775807)]
    range_from_minus10000_single: Option<f32>,
    #[range(min = -9223372036854775808, max = 9007199254740992)]
    range_to2_pow53: Option<i64>,
    #[not_empty]
    not_empty_text: Option<String>,
    #[not_empty]
    not_empty_list: Option<Vec<i64>>,
    #[email]
    email: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Fixture {
    #[allow(dead_code)]
    about: Vec<String>,
    repository: String,
    commit: String,
    #[allow(dead_code)]
    catalogue_file: String,
    catalogue: BTreeMap<String, String>,
    groups: Vec<Group>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Group {
    file: String,
    attribute: String,
    field: String,
    messages: Vec<(String, BTreeMap<String, Value>)>,
    #[serde(default)]
    upstream_message: Option<(String, BTreeMap<String, Value>)>,
    cases: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    net: String,
    /// `Some(Value::Null)` for `"json": null`, `None` when absent.
    #[serde(default, deserialize_with = "present")]
    json: Option<Value>,
    valid: bool,
    #[serde(default)]
    wrong_type: bool,
    #[serde(default)]
    differs: Option<String>,
    #[serde(default)]
    no_counterpart: Option<String>,
}

fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Value>, D::Error> {
    Value::deserialize(d).map(Some)
}

fn fixture() -> Fixture {
    serde_json::from_str(FIXTURE).expect("the fixture reads")
}

/// A catalogue entry with its `{Placeholders}` filled in.
fn fill(template: &str, args: &BTreeMap<String, Value>) -> String {
    args.iter()
        .fold(template.to_owned(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), &value.to_string())
        })
}

/// `(code, message)` of the failures reported under `field`.
fn failures_of(errors: Option<ValidationErrors>, field: &str) -> Vec<(Code, String)> {
    errors
        .iter()
        .flat_map(|errors| errors.iter())
        .filter(|f| f.property_name() == field)
        .map(|f| (f.code(), f.message().to_owned()))
        .collect()
}

/// Checks one case through every path; `Err` says how it went wrong.
fn check(group: &Group, case: &Case, allowed: &[String]) -> Result<(), String> {
    let value = case.json.clone().ok_or("no json")?;
    let body = json!({ group.field.clone(): value });
    let bytes = serde_json::to_vec(&body).map_err(|e| e.to_string())?;
    let raw = failures_of(from_slice::<Vectors>(&bytes).err(), &group.field);
    let as_value = failures_of(
        Vectors::validate_value(&body, Operation::Update).err(),
        &group.field,
    );
    if raw != as_value {
        return Err(format!(
            "from_slice {raw:?} and validate_value {as_value:?} disagree"
        ));
    }
    let ours_valid = match serde_json::from_value::<Vectors>(body.clone()) {
        Ok(_) if case.wrong_type => {
            return Err("reads as the field's type, but is marked wrong_type".into())
        }
        Ok(typed) => {
            let typed = failures_of(typed.validate().err(), &group.field);
            if typed != raw {
                return Err(format!("typed {typed:?} and raw {raw:?} disagree"));
            }
            match raw.as_slice() {
                [] => true,
                [(_, message)] if allowed.contains(message) => false,
                _ => return Err(format!("{raw:?} is not one of {allowed:?}")),
            }
        }
        Err(_) if !case.wrong_type && case.differs.is_none() => {
            return Err(format!("does not read as the field's type: {raw:?}"))
        }
        Err(_) => match raw.as_slice() {
            [(Code::InvalidType, _)] => false,
            _ => return Err(format!("expected one type error, got {raw:?}")),
        },
    };
    let expected = case.valid != case.differs.is_some();
    if ours_valid == expected {
        Ok(())
    } else {
        Err(format!("valid here: {ours_valid}, expected {expected}"))
    }
}

#[test]
fn the_fixture_says_where_it_comes_from() {
    let fixture = fixture();
    assert_eq!(fixture.repository, "darioquintana/NHibernate-Validator");
    assert_eq!(fixture.commit.len(), 40);
    for group in &fixture.groups {
        assert!(
            group.file.starts_with("src/NHibernate.Validator"),
            "{}",
            group.file
        );
        assert!(
            Vectors::FIELDS
                .iter()
                .any(|f| f.property_name() == group.field),
            "{}: no field {}",
            group.attribute,
            group.field
        );
    }
    // Every upstream email assertion is here (20 + 17), and all of them
    // are run but the one about the integer 5, which cannot be typed.
    let email_tests: usize = fixture
        .groups
        .iter()
        .filter(|g| g.file.contains("Email") && g.file.contains("Tests"))
        .map(|g| g.cases.len())
        .sum();
    assert_eq!(email_tests, 37);
}

#[test]
fn nhibernate_vectors() {
    let fixture = fixture();
    let (mut run, mut failed) = (0, Vec::new());
    for group in &fixture.groups {
        let allowed: Vec<String> = group
            .messages
            .iter()
            .map(|(key, args)| fill(&fixture.catalogue[key], args))
            .collect();
        if let Some((key, _)) = &group.upstream_message {
            assert!(fixture.catalogue.contains_key(key), "{key}");
        }
        for case in &group.cases {
            if let Some(reason) = &case.no_counterpart {
                assert!(case.json.is_none() && !reason.is_empty(), "{}", case.net);
                continue;
            }
            run += 1;
            if let Err(why) = check(group, case, &allowed) {
                failed.push(format!(
                    "{} {} with {}: {why}",
                    group.field, group.attribute, case.net
                ));
            }
        }
    }
    assert!(
        failed.is_empty(),
        "{} failed:\n{}",
        failed.len(),
        failed.join("\n")
    );
    assert!(run > 100, "only {run} cases ran");
}

#[test]
fn the_catalogue_is_the_one_the_rules_answer_with() {
    let catalogue = fixture().catalogue;
    let fill = |key: &str, args: &[(&str, i64)]| {
        let args = args
            .iter()
            .map(|(k, v)| ((*k).to_owned(), json!(v)))
            .collect();
        fill(&catalogue[key], &args)
    };
    let body = json!({
        "LengthMax5": "123456",
        "Size1To3": [],
        "Range100To1000": 99,
        "RangeTo10000": 10001,
        "NotEmptyText": "",
        "NotEmptyList": [1],
        "Email": "a b@x.org",
    });
    let typed: Vectors = serde_json::from_value(body).unwrap();
    let errors = typed.validate().unwrap_err();
    let got: Vec<(&str, Code, &str)> = errors
        .iter()
        .map(|f| (f.property_name(), f.code(), f.message()))
        .collect();
    let expected = [
        (
            "LengthMax5",
            Code::Length,
            fill("validator.length", &[("Min", 0), ("Max", 5)]),
        ),
        (
            "Size1To3",
            Code::Size,
            fill("validator.size", &[("Min", 1), ("Max", 3)]),
        ),
        (
            "Range100To1000",
            Code::Range,
            fill("validator.min", &[("Value", 100)]),
        ),
        (
            "RangeTo10000",
            Code::Range,
            fill("validator.max", &[("Value", 10000)]),
        ),
        (
            "NotEmptyText",
            Code::NotEmpty,
            fill("validator.notNullNotEmpty", &[]),
        ),
        ("Email", Code::Email, fill("validator.email", &[])),
    ];
    let expected: Vec<(&str, Code, &str)> = expected
        .iter()
        .map(|(name, code, message)| (*name, *code, message.as_str()))
        .collect();
    assert_eq!(got, expected);
}
