//! The shapes users write: nested resources in a `Box`, an `Option<Box>`
//! and string-keyed maps; cross-field checks returning whatever is natural.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

use nexudus_validate::{from_str, NexudusResource, Validate, ValidationErrors, ValidationFailure};
use nexudus_validate_tests::summary;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

#[derive(Debug, Clone, Serialize, Deserialize, NexudusResource)]
#[serde(rename_all = "PascalCase")]
struct Room {
    #[required]
    name: Option<String>,
    #[range(min = 1)]
    seats: Option<i64>,
}

fn room(name: Option<&str>, seats: i64) -> Room {
    Room {
        name: name.map(Into::into),
        seats: Some(seats),
    }
}

#[derive(Debug, Serialize, Deserialize, NexudusResource)]
#[serde(rename_all = "PascalCase")]
struct Floor {
    #[nested]
    main: Box<Room>,
    #[nested]
    spare: Option<Box<Room>>,
    #[nested]
    by_code: BTreeMap<String, Room>,
    #[nested]
    by_tag: HashMap<String, Room>,
    /// A recursive resource.
    #[nested]
    above: Option<Box<Floor>>,
}

#[test]
fn boxes_options_of_boxes_and_maps_are_descended_into() {
    let floor = Floor {
        main: Box::new(room(None, 1)),
        spare: Some(Box::new(room(Some("S"), 0))),
        by_code: BTreeMap::from([
            ("b".into(), room(None, 2)),
            ("a".into(), room(Some("A"), 0)),
        ]),
        by_tag: HashMap::from([
            ("z".into(), room(None, 1)),
            ("y".into(), room(None, 1)),
            ("x".into(), room(Some("X"), 1)),
        ]),
        above: Some(Box::new(Floor {
            main: Box::new(room(Some("M"), -1)),
            spare: None,
            by_code: BTreeMap::new(),
            by_tag: HashMap::new(),
            above: None,
        })),
    };
    let expected = [
        "Main.Name: is a required field",
        "Spare.Seats: must be greater than or equal to 1",
        "ByCode[a].Seats: must be greater than or equal to 1",
        "ByCode[b].Name: is a required field",
        // A HashMap's entries come in key order, every time.
        "ByTag[y].Name: is a required field",
        "ByTag[z].Name: is a required field",
        "Above.Main.Seats: must be greater than or equal to 1",
    ];
    let typed = floor.validate().unwrap_err();
    let lines: Vec<String> = typed.iter().map(ToString::to_string).collect();
    assert_eq!(lines, expected);
    // Raw: the same failures (a map's entries in the order sent, here
    // sorted by serde_json's map).
    let body = serde_json::to_string(&floor).unwrap();
    let raw = from_str::<Floor>(&body).unwrap_err();
    assert_eq!(summary(&raw), summary(&typed));
}

#[test]
fn raw_type_errors_inside_maps_and_boxes_are_named() {
    let body = json!({
        "Main": {"Name": 5},
        "ByCode": {"k": {"Name": "n", "Seats": "many"}, "j": 3},
        "ByTag": {},
    });
    let errors = from_str::<Floor>(&body.to_string()).unwrap_err();
    assert_eq!(
        summary(&errors),
        vec![
            (
                "Main.Name".into(),
                "The value '5' is not valid for Main.Name.".into(),
                json!(5)
            ),
            (
                "ByCode[j]".into(),
                "The value '3' is not valid for ByCode[j].".into(),
                json!(3)
            ),
            (
                "ByCode[k].Seats".into(),
                "The value 'many' is not valid for ByCode[k].Seats.".into(),
                json!("many")
            ),
        ]
    );
}

fn string_check(room: &Shared) -> Result<(), String> {
    (room.a <= room.b)
        .then_some(())
        .ok_or_else(|| format!("{} > {}", room.a, room.b))
}
fn str_check(_: &Shared) -> Result<(), &'static str> {
    Err("always")
}
fn cow_check(_: &Shared) -> Result<(), Cow<'static, str>> {
    Err(Cow::Borrowed("a cow"))
}
fn failure_check(_: &Shared) -> Result<(), ValidationFailure> {
    Err(ValidationFailure::new("B", "must not be set", json!(2)))
}
fn errors_check(_: &Shared) -> Result<(), ValidationErrors> {
    Err(ValidationErrors::from(vec![
        ValidationFailure::new("A", "one", Value::Null),
        ValidationFailure::new("B", "two", Value::Null),
    ]))
}

#[derive(Debug, Serialize, Deserialize, NexudusResource)]
#[serde(rename_all = "PascalCase")]
#[nexudus(check = string_check, check = str_check, check = cow_check)]
#[nexudus(check = failure_check, check = errors_check)]
struct Shared {
    a: i64,
    b: i64,
}

#[test]
fn cross_field_checks_return_what_is_natural() {
    let errors = Shared { a: 2, b: 1 }.validate().unwrap_err();
    let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        [
            "2 > 1",
            "always",
            "a cow",
            "B: must not be set",
            "A: one",
            "B: two"
        ]
    );
    // Named under the resource's path when nested.
    #[derive(Debug, Serialize, Deserialize, NexudusResource)]
    struct Outer {
        #[nested]
        shared: Vec<Shared>,
    }
    let outer = Outer {
        shared: vec![Shared { a: 0, b: 0 }],
    };
    let names: Vec<String> = outer
        .validate()
        .unwrap_err()
        .iter()
        .map(|f| f.property_name().to_owned())
        .collect();
    assert_eq!(
        names,
        [
            "shared[0]",
            "shared[0]",
            "shared[0].B",
            "shared[0].A",
            "shared[0].B"
        ]
    );
}
