//! What the `visitor` bench and the `instructions` example share: the
//! peers' model of `Visitor`, its JSON Schema, the request bodies and the
//! contenders on raw JSON.
// Each includer uses a different subset.
#![allow(dead_code)]

use std::hint::black_box;

use nexudus_validate::resources::{HostApprovalStatus, Visitor, VisitorSource};
use nexudus_validate::NexudusDateTime;
use serde::Deserialize;
use serde_json::Value;

// ---------------------------------------------------------------------------
// The peers' model: the same fields, types and wire names as `Visitor`, with
// the same five fields required, written with each peer's own rules.
// ---------------------------------------------------------------------------

/// `Visitor` as a user of `validator` or `garde` would write it: the five
/// required fields and the email rule of `Email`. For the required name,
/// "not blank" becomes each peer's closest built-in rule: present and at
/// least one byte long (a whitespace-only string passes).
#[derive(Debug, Default, Deserialize, validator::Validate, garde::Validate)]
#[allow(dead_code)] // fields are read only by the derives, as in a real model
#[serde(rename_all = "PascalCase")]
pub struct PeerVisitor {
    #[validate(required)]
    #[garde(required)]
    pub id: Option<i64>,
    #[validate(required)]
    #[garde(required)]
    pub business_id: Option<i64>,
    #[validate(required, length(min = 1))]
    #[garde(required, length(min = 1))]
    pub full_name: Option<String>,
    #[validate(required, email)]
    #[garde(required, email)]
    pub email: Option<String>,
    #[validate(required)]
    #[garde(required)]
    pub expected_arrival: Option<NexudusDateTime>,
    #[garde(skip)]
    pub coworker_id: Option<i64>,
    #[garde(skip)]
    pub visitor_source: Option<VisitorSource>,
    #[garde(skip)]
    pub host_approval_status: Option<HostApprovalStatus>,
    #[garde(skip)]
    pub checked_in_at: Option<String>,
    #[garde(skip)]
    pub notes: Option<String>,
    #[garde(skip)]
    pub customer_notes: Option<String>,
    #[garde(skip)]
    pub visit_reason: Option<String>,
    #[garde(skip)]
    pub company_name: Option<String>,
    #[garde(skip)]
    pub phone_number: Option<String>,
    #[garde(skip)]
    pub arrived: Option<bool>,
    #[garde(skip)]
    pub arrival_date: Option<NexudusDateTime>,
    #[garde(skip)]
    pub departure_date: Option<NexudusDateTime>,
    #[garde(skip)]
    pub notified: Option<bool>,
    #[garde(skip)]
    pub internal: Option<bool>,
    #[garde(skip)]
    pub is_tour: Option<bool>,
    #[garde(skip)]
    pub has_agreed_terms: Option<bool>,
    #[garde(skip)]
    pub tour_confirmed: Option<bool>,
    #[garde(skip)]
    pub access_control_scheduled_job_id: Option<String>,
    #[garde(skip)]
    pub check_in_now: Option<bool>,
}

/// A date as `NexudusDateTime` reads it: a bare date, or a date and time
/// with optional fractional seconds, either optionally followed by `Z`.
const DATE_PATTERN: &str = r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?)?Z?$";

/// The JSON Schema (draft 2020-12, jsonschema's default) of `Visitor`: the
/// five required keys, not `null`; required strings hold a non-whitespace
/// character (the exact "not blank"); `Email` has `"format": "email"`
/// (checked: formats are switched on); every other key has its type or
/// `null`; enums are their integers; dates have the date shape.
pub fn visitor_schema() -> Value {
    let text = |required: bool| {
        if required {
            serde_json::json!({"type": "string", "pattern": r"\S"})
        } else {
            serde_json::json!({"type": ["string", "null"]})
        }
    };
    let date = |required: bool| {
        if required {
            serde_json::json!({"type": "string", "pattern": DATE_PATTERN})
        } else {
            serde_json::json!({"type": ["string", "null"], "pattern": DATE_PATTERN})
        }
    };
    let int = |required: bool| {
        if required {
            serde_json::json!({"type": "integer"})
        } else {
            serde_json::json!({"type": ["integer", "null"]})
        }
    };
    let flag = serde_json::json!({"type": ["boolean", "null"]});
    serde_json::json!({
        "type": "object",
        "required": ["Id", "BusinessId", "FullName", "Email", "ExpectedArrival"],
        "properties": {
            "Id": int(true),
            "BusinessId": int(true),
            "FullName": text(true),
            "Email": {"type": "string", "pattern": r"\S", "format": "email"},
            "ExpectedArrival": date(true),
            "CoworkerId": int(false),
            "VisitorSource": {"enum": [1, 2, 3, null]},
            "HostApprovalStatus": {"enum": [1, 2, 3, 4, 5, null]},
            "CheckedInAt": text(false),
            "Notes": text(false),
            "CustomerNotes": text(false),
            "VisitReason": text(false),
            "CompanyName": text(false),
            "PhoneNumber": text(false),
            "Arrived": flag,
            "ArrivalDate": date(false),
            "DepartureDate": date(false),
            "Notified": flag,
            "Internal": flag,
            "IsTour": flag,
            "HasAgreedTerms": flag,
            "TourConfirmed": flag,
            "AccessControlScheduledJobId": text(false),
            "CheckInNow": flag,
        }
    })
}

// ---------------------------------------------------------------------------
// Inputs.
// ---------------------------------------------------------------------------

/// A full update of a visitor: 24 of 24 fields, about 1 KB.
pub const VALID_BODY: &str = r#"{
  "Id": 87654321,
  "BusinessId": 1234567,
  "FullName": "Ada Lovelace-Byron",
  "Email": "ada.lovelace@analytical-engines.example.com",
  "ExpectedArrival": "2025-01-15T10:30:00Z",
  "CoworkerId": 7654321,
  "VisitorSource": 3,
  "HostApprovalStatus": 5,
  "CheckedInAt": "Main reception, ground floor",
  "Notes": "Bringing a laptop and two guests; needs a visitor badge and Wi-Fi access for the whole day.",
  "CustomerNotes": "Please book the small meeting room next to the kitchen from 11:00 to 12:30, with a screen.",
  "VisitReason": "Quarterly planning session with the design team",
  "CompanyName": "Analytical Engines Ltd",
  "PhoneNumber": "+44 20 7946 0018",
  "Arrived": true,
  "ArrivalDate": "2025-01-15T10:27:41.250Z",
  "DepartureDate": "2025-01-15T17:05:00",
  "Notified": true,
  "Internal": false,
  "IsTour": false,
  "HasAgreedTerms": true,
  "TourConfirmed": false,
  "AccessControlScheduledJobId": "job-2025-01-15-0007-ab12cd34",
  "CheckInNow": false
}"#;

/// The same body with three failures: `BusinessId` missing, `FullName`
/// blank, `VisitorSource` of the wrong type (its name, not its integer).
pub fn invalid_body() -> String {
    let edit = |body: String, from: &str, to: &str| {
        assert!(body.contains(from), "the valid body has {from:?}");
        body.replacen(from, to, 1)
    };
    let body = edit(VALID_BODY.to_owned(), "  \"BusinessId\": 1234567,\n", "");
    let body = edit(body, "\"Ada Lovelace-Byron\"", "\"   \"");
    edit(
        body,
        "\"VisitorSource\": 3",
        "\"VisitorSource\": \"Customer\"",
    )
}

/// The typed values: the valid body read by serde, and a copy with three
/// failures (`BusinessId` and `ExpectedArrival` missing, `FullName`
/// empty: empty rather than whitespace so that every peer sees it).
pub fn typed_values() -> (Visitor, Visitor, PeerVisitor, PeerVisitor) {
    let ours: Visitor = serde_json::from_str(VALID_BODY).expect("valid body reads");
    let peer: PeerVisitor = serde_json::from_str(VALID_BODY).expect("valid body reads");
    let ours_invalid = Visitor {
        business_id: None,
        full_name: Some(String::new()),
        expected_arrival: None,
        ..ours.clone()
    };
    let peer_invalid: PeerVisitor = PeerVisitor {
        business_id: None,
        full_name: Some(String::new()),
        expected_arrival: None,
        ..serde_json::from_str(VALID_BODY).expect("valid body reads")
    };
    (ours, ours_invalid, peer, peer_invalid)
}

// ---------------------------------------------------------------------------
// The contenders on raw JSON. Each returns what its user gets back.
// ---------------------------------------------------------------------------

/// serde + a validating peer: the typed parse stops at the first type error;
/// the peer's rules run only on a value that parsed.
#[allow(dead_code)] // the payloads are what a caller would read
#[derive(Debug)]
pub enum PeerError<E> {
    Parse(serde_json::Error),
    Rules(E),
}

pub fn serde_then_validator(
    bytes: &[u8],
) -> Result<PeerVisitor, PeerError<validator::ValidationErrors>> {
    let value: PeerVisitor = serde_json::from_slice(bytes).map_err(PeerError::Parse)?;
    validator::Validate::validate(&value).map_err(PeerError::Rules)?;
    Ok(value)
}

pub fn serde_then_garde(bytes: &[u8]) -> Result<PeerVisitor, PeerError<garde::Report>> {
    let value: PeerVisitor = serde_json::from_slice(bytes).map_err(PeerError::Parse)?;
    garde::Validate::validate(&value).map_err(PeerError::Rules)?;
    Ok(value)
}

/// `serde_json::Value` + a compiled schema, every error collected (as
/// nexudus-validate reports every failure). Returns how many there were.
pub fn value_then_jsonschema(
    schema: &jsonschema::Validator,
    bytes: &[u8],
) -> Result<usize, serde_json::Error> {
    let value: Value = serde_json::from_slice(bytes)?;
    let errors: Vec<_> = schema.iter_errors(&value).collect();
    Ok(black_box(&errors).len())
}

/// The compiled schema, with `format` checked (off by default in 2020-12).
pub fn compile_schema() -> jsonschema::Validator {
    jsonschema::options()
        .should_validate_formats(true)
        .build(&visitor_schema())
        .expect("the schema compiles")
}

// ---------------------------------------------------------------------------
// One large generated entity: `Coworker` (module `spaces`), every field set.
// ---------------------------------------------------------------------------

/// A valid update body of `Coworker` with every field it has set (inline
/// child records left out), built from its field table and the enum
/// values the registry lists, not written by hand.
pub fn coworker_body() -> String {
    use nexudus_validate::resources::registry;
    use nexudus_validate::resources::spaces::Coworker;
    use nexudus_validate::NexudusResource;

    let info = registry::find(Coworker::NAME).expect("Coworker is registered");
    let mut object = serde_json::Map::new();
    for (i, field) in info.wire_fields().into_iter().enumerate() {
        if field.nested() {
            continue;
        }
        let ty = field.rust_type();
        let ty = ty
            .strip_prefix("Option<")
            .and_then(|t| t.strip_suffix('>'))
            .unwrap_or(ty);
        let value = match info.enum_values(field.wire_name()) {
            Some(values) if ty.starts_with("Vec<") => serde_json::json!([values[0].0]),
            Some(values) => serde_json::json!(values[i % values.len()].0),
            None => match ty {
                "i64" | "i32" => serde_json::json!(1_000_000 + i),
                "f64" => serde_json::json!(i as f64 + 0.25),
                "bool" => serde_json::json!(i % 2 == 0),
                "String" | "Secret<String>" => {
                    serde_json::json!(format!("c{i}@example.com"))
                }
                "NexudusDateTime" => serde_json::json!("2025-01-15T10:30:00"),
                "Vec<i64>" => serde_json::json!([i, i + 1, i + 2]),
                "serde_json::Number" => serde_json::json!(i),
                "serde_json::Value" => serde_json::json!({ "any": i }),
                other => panic!("Coworker.{}: no sample for {other}", field.wire_name()),
            },
        };
        object.insert(field.wire_name().to_owned(), value);
    }
    serde_json::to_string(&Value::Object(object)).unwrap()
}
