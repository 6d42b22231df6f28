//! `#[serde(flatten)]`: a resource's shared base fields declared once. Its
//! fields are checked in place, under their own names, in declaration
//! order, typed and raw alike.

use nexudus_validate::{
    from_str, from_str_for, NexudusDateTime, NexudusResource, Operation, Validate,
};
use nexudus_validate_tests::summary;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

/// The fields every Nexudus entity has.
#[derive(Debug, Clone, Default, Serialize, Deserialize, NexudusResource)]
#[serde(rename_all = "PascalCase")]
struct Base {
    #[required(update)]
    id: Option<i64>,
    #[required]
    business_id: Option<i64>,
    created_on: Option<NexudusDateTime>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, NexudusResource)]
#[serde(rename_all = "PascalCase")]
#[nexudus(name = "Desk", path = "/api/spaces/desks")]
struct Desk {
    #[required]
    name: Option<String>,
    #[serde(flatten)]
    base: Base,
    #[range(min = 1)]
    seats: Option<i64>,
}

#[test]
fn flattened_fields_are_checked_in_place_under_their_own_names() {
    let desk = Desk {
        name: None,
        base: Base::default(),
        seats: Some(0),
    };
    let typed = desk.validate().unwrap_err();
    assert_eq!(
        typed.to_string(),
        "Name: is a required field\nId: is a required field\nBusinessId: is a required field\nSeats: must be greater than or equal to 1"
    );
    let raw = from_str::<Desk>(r#"{"Seats": 0}"#).unwrap_err();
    assert_eq!(summary(&raw), summary(&typed));
    assert_eq!(
        from_str_for::<Desk>(r#"{"Seats": 0}"#, Operation::Create)
            .unwrap_err()
            .to_string(),
        "Name: is a required field\nBusinessId: is a required field\nSeats: must be greater than or equal to 1"
    );
}

#[test]
fn a_wrong_type_in_a_flattened_field_is_named_after_it() {
    let body = r#"{"Name": "A1", "Id": 7, "BusinessId": "q", "CreatedOn": "soon", "Seats": "x"}"#;
    let errors = from_str::<Desk>(body).unwrap_err();
    assert_eq!(
        summary(&errors),
        vec![
            (
                "BusinessId".into(),
                "The value 'q' is not valid for BusinessId.".into(),
                json!("q")
            ),
            (
                "CreatedOn".into(),
                "The value 'soon' is not valid for CreatedOn.".into(),
                json!("soon")
            ),
            (
                "Seats".into(),
                "The value 'x' is not valid for Seats.".into(),
                json!("x")
            ),
        ]
    );
}

#[test]
fn a_valid_body_reads_into_the_flattened_struct() {
    let desk: Desk = from_str(r#"{"Id": 7, "BusinessId": 1, "Name": "A1", "Seats": 2}"#).unwrap();
    assert_eq!(desk.base.id, Some(7));
    assert_eq!(desk.base.business_id, Some(1));
    assert_eq!(
        Desk::validate_value(
            &json!({"Id": 7, "BusinessId": 1, "Name": "A1"}),
            Operation::Update
        ),
        Ok(())
    );
    let errors = Desk::validate_value(
        &json!({"Name": "A1", "BusinessId": null}),
        Operation::Update,
    )
    .unwrap_err();
    assert_eq!(
        summary(&errors),
        vec![
            ("Id".into(), "is a required field".into(), Value::Null),
            (
                "BusinessId".into(),
                "is a required field".into(),
                Value::Null
            ),
        ]
    );
}

#[test]
fn fields_lists_the_flattened_resource_once() {
    let names: Vec<&str> = Desk::FIELDS.iter().map(|f| f.ident()).collect();
    assert_eq!(names, ["name", "base", "seats"]);
    assert_eq!(Desk::FIELDS[1].flattened(), Some(Base::FIELDS));
    assert_eq!(
        Desk::field("BusinessId").map(|f| f.ident()),
        Some("business_id")
    );
    assert_eq!(
        Desk::field_named("seats").map(|f| f.property_name()),
        Some("Seats")
    );
}
