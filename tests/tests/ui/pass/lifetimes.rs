use std::borrow::Cow;

use nexudus_validate::{NexudusResource, Validate};
use serde::Deserialize;

#[derive(Deserialize, NexudusResource)]
#[serde(rename_all = "camelCase")]
struct Visitor<'a, 'b: 'a> {
    #[required]
    full_name: &'a str,
    #[required]
    #[serde(borrow)]
    email: Option<Cow<'b, str>>,
    notes: Option<&'a str>,
}

fn main() {
    let body = String::from(r#"{"fullName": " ", "email": null, "notes": "n"}"#);
    let visitor: Visitor = serde_json::from_str(&body).unwrap();
    let errors = visitor.validate().unwrap_err();
    let names: Vec<&str> = errors.iter().map(|f| f.property_name()).collect();
    assert_eq!(names, ["fullName", "email"]);
    assert_eq!(Visitor::FIELDS[0].rust_type(), "&'a str");
}
