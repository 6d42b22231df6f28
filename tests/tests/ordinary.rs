//! A crate written the ordinary way: `Debug` and friends derived, a
//! flattened base struct, a `Decimal` price with `#[range]`, `each(email)`,
//! a `serde_repr` enum, a secret, and a cross-field check returning
//! `Result<(), String>`. It compiles and reports what it should, typed and
//! raw.

use nexudus_validate::{
    from_str, FieldInfo, NexudusDateTime, NexudusResource, Operation, Secret, Validate,
};
use nexudus_validate_tests::summary;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use serde_repr::{Deserialize_repr, Serialize_repr};

/// The fields every Nexudus entity has, declared once.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, NexudusResource)]
#[serde(rename_all = "PascalCase")]
pub struct Base {
    #[required(update)]
    pub id: Option<i64>,
    #[required]
    pub business_id: Option<i64>,
    pub created_on: Option<NexudusDateTime>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize_repr, Deserialize_repr)]
#[repr(u8)]
pub enum Repeats {
    Daily = 1,
    Weekly = 2,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, NexudusResource)]
#[serde(rename_all = "PascalCase")]
#[nexudus(name = "Booking", path = "/api/spaces/bookings", check = in_order)]
pub struct Booking {
    #[serde(flatten)]
    pub base: Base,
    #[required]
    pub from_time: Option<NexudusDateTime>,
    #[required]
    pub to_time: Option<NexudusDateTime>,
    #[serde(with = "rust_decimal::serde::float_option", default)]
    #[range(min = 0, max = 999.99)]
    pub price: Option<Decimal>,
    #[nexudus(each(email))]
    pub attendees: Vec<String>,
    pub repeats: Option<Repeats>,
    pub door_code: Option<Secret<String>>,
}

/// A booking ends after it starts.
fn in_order(booking: &Booking) -> Result<(), String> {
    match (booking.from_time, booking.to_time) {
        (Some(from), Some(to)) if to <= from => {
            let to = Booking::field_named("to_time").map_or("", FieldInfo::property_name);
            Err(format!("{to} must be after FromTime"))
        }
        _ => Ok(()),
    }
}

fn at(hour: u32) -> Option<NexudusDateTime> {
    NexudusDateTime::from_ymd_hms(2025, 1, 15, hour, 0, 0)
}

fn booking() -> Booking {
    Booking {
        base: Base {
            id: Some(7),
            business_id: Some(1),
            created_on: None,
        },
        from_time: at(10),
        to_time: at(11),
        price: Some(Decimal::new(1250, 2)),
        attendees: vec!["ada@example.com".into()],
        repeats: Some(Repeats::Weekly),
        door_code: Some("4242".into()),
    }
}

#[test]
fn a_valid_booking_passes_both_ways() {
    let booking = booking();
    assert!(booking.validate().is_ok());
    let body = serde_json::to_string(&booking).unwrap();
    assert_eq!(
        body,
        r#"{"Id":7,"BusinessId":1,"CreatedOn":null,"FromTime":"2025-01-15T10:00:00Z","ToTime":"2025-01-15T11:00:00Z","Price":12.5,"Attendees":["ada@example.com"],"Repeats":2,"DoorCode":"4242"}"#
    );
    assert_eq!(from_str::<Booking>(&body).unwrap(), booking);
    assert!(format!("{booking:?}").contains("door_code: Some(<redacted>)"));
}

#[test]
fn every_rule_reports_typed() {
    let booking = Booking {
        base: Base::default(),
        to_time: at(9),
        price: Some(Decimal::new(100_000, 2)),
        attendees: vec!["ada@example.com".into(), "grace".into()],
        ..booking()
    };
    assert_eq!(
        booking.validate().unwrap_err().to_string(),
        "Id: is a required field\n\
         BusinessId: is a required field\n\
         Price: must be less than or equal to 999.99\n\
         Attendees[1]: not a well-formed email address\n\
         ToTime must be after FromTime"
    );
    assert_eq!(
        booking.validate_for(Operation::Create).unwrap_err().len(),
        4,
        "creating needs no Id"
    );
}

#[test]
fn raw_bodies_name_every_failure() {
    let body = json!({
        "BusinessId": "one", "FromTime": "2025-01-15T10:00:00Z", "ToTime": null,
        "Price": -0.01, "Attendees": ["x@y.org", "nobody"], "Repeats": 3, "DoorCode": 4242
    });
    let errors = from_str::<Booking>(&body.to_string()).unwrap_err();
    assert_eq!(
        summary(&errors),
        vec![
            ("Id".into(), "is a required field".into(), Value::Null),
            (
                "BusinessId".into(),
                "The value 'one' is not valid for BusinessId.".into(),
                json!("one")
            ),
            ("ToTime".into(), "is a required field".into(), Value::Null),
            (
                "Price".into(),
                "must be greater than or equal to 0".into(),
                json!(-0.01)
            ),
            (
                "Attendees[1]".into(),
                "not a well-formed email address".into(),
                json!("nobody")
            ),
            (
                "Repeats".into(),
                "The value '3' is not valid for Repeats.".into(),
                json!(3)
            ),
            (
                "DoorCode".into(),
                "The value is not valid for DoorCode.".into(),
                Value::Null
            ),
        ]
    );
}
