use nexudus_validate::{NexudusResource, Required, Validate};
use serde::Deserialize;

/// A generic payload: `T: Required` in the where clause turns on the blank
/// check for `T`; without it `None` is still missing.
#[derive(Deserialize, NexudusResource)]
#[serde(rename_all = "PascalCase")]
#[nexudus(name = "Envelope", path = "/api/test/envelopes")]
struct Envelope<T, U>
where
    T: Required,
{
    #[required]
    payload: Option<T>,
    #[required]
    extra: Option<U>,
    #[required]
    items: Vec<U>,
}

fn main() {
    let blank = Envelope::<String, u8> {
        payload: Some(" ".into()),
        extra: None,
        items: vec![],
    };
    let errors = blank.validate().unwrap_err();
    let names: Vec<&str> = errors.iter().map(|f| f.property_name()).collect();
    assert_eq!(names, ["Payload", "Extra"]);
    assert_eq!(errors.iter().next().unwrap().attempted_value(), " ");

    let ok = Envelope::<&str, bool> {
        payload: Some("x"),
        extra: Some(false),
        items: vec![],
    };
    assert!(ok.validate().is_ok());
    assert_eq!(<Envelope<String, i64> as NexudusResource>::NAME, "Envelope");
}
