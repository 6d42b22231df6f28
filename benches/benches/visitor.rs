//! The `Visitor` resource (24 fields, 5 required) validated by
//! nexudus-validate and by its peers: `validator`, `garde`, `jsonschema`,
//! and plain `serde_json` as the floor; and a valid body of one large
//! generated entity, `Coworker`, against `serde_json`'s typed parse.
//!
//! Run with `cargo bench --manifest-path benches/Cargo.toml --bench visitor`;
//! `-- --test` runs every case once (CI). `benches/README.md` explains what
//! each contender checks and holds the latest numbers.

mod common;

use std::hint::black_box;
use std::time::Duration;

use common::*;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use nexudus_validate::resources::Visitor;
use nexudus_validate::{NexudusResource, Operation, Validate};
use serde_json::Value;

fn quick() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sample_size(60)
}

// ---------------------------------------------------------------------------
// 1. Typed validation.
// ---------------------------------------------------------------------------

fn typed(c: &mut Criterion) {
    let (ours, ours_invalid, peer, peer_invalid) = typed_values();

    // Every contender sees the same failures, outside the timed loops.
    assert!(ours.validate().is_ok());
    assert!(validator::Validate::validate(&peer).is_ok());
    assert!(garde::Validate::validate(&peer).is_ok());
    assert_eq!(ours_invalid.validate().unwrap_err().len(), 3);
    let by_validator = validator::Validate::validate(&peer_invalid).unwrap_err();
    assert_eq!(by_validator.field_errors().len(), 3);
    let by_garde = garde::Validate::validate(&peer_invalid).unwrap_err();
    assert_eq!(by_garde.iter().count(), 3);

    // ... and every contender checks the email's shape.
    let bad_email = Visitor {
        email: Some("ada.example.com".into()),
        ..ours.clone()
    };
    assert_eq!(bad_email.validate().unwrap_err().len(), 1);
    let peer_bad_email = PeerVisitor {
        email: Some("ada.example.com".into()),
        ..serde_json::from_str(VALID_BODY).expect("valid body reads")
    };
    assert!(validator::Validate::validate(&peer_bad_email).is_err());
    assert!(garde::Validate::validate(&peer_bad_email).is_err());
    let mut schema_bad_email: Value = serde_json::from_str(VALID_BODY).unwrap();
    schema_bad_email["Email"] = "ada.example.com".into();
    assert!(!compile_schema().is_valid(&schema_bad_email));

    for (case, ours, peer) in [
        ("valid", &ours, &peer),
        ("invalid", &ours_invalid, &peer_invalid),
    ] {
        let mut group = c.benchmark_group(format!("typed/{case}"));
        group.bench_function("nexudus-validate", |b| {
            b.iter(|| black_box(ours).validate())
        });
        group.bench_function("validator", |b| {
            b.iter(|| validator::Validate::validate(black_box(peer)))
        });
        group.bench_function("garde", |b| {
            b.iter(|| garde::Validate::validate(black_box(peer)))
        });
        group.finish();
    }
}

// ---------------------------------------------------------------------------
// 2 and 3. Raw JSON bodies.
// ---------------------------------------------------------------------------

fn raw_json(c: &mut Criterion) {
    let schema = compile_schema();
    let invalid_body = invalid_body();

    // What each contender makes of the bodies, checked once.
    let parsed = nexudus_validate::from_slice::<Visitor>(VALID_BODY.as_bytes()).expect("valid");
    assert_eq!(parsed.full_name.as_deref(), Some("Ada Lovelace-Byron"));
    assert!(serde_then_validator(VALID_BODY.as_bytes()).is_ok());
    assert!(serde_then_garde(VALID_BODY.as_bytes()).is_ok());
    assert_eq!(
        value_then_jsonschema(&schema, VALID_BODY.as_bytes()).unwrap(),
        0
    );

    let errors = nexudus_validate::from_slice::<Visitor>(invalid_body.as_bytes()).unwrap_err();
    assert_eq!(
        errors.to_string(),
        "BusinessId: is a required field\n\
         FullName: is a required field\n\
         VisitorSource: The value 'Customer' is not valid for VisitorSource."
    );
    assert!(serde_json::from_slice::<Visitor>(invalid_body.as_bytes()).is_err());
    assert!(matches!(
        serde_then_validator(invalid_body.as_bytes()),
        Err(PeerError::Parse(_))
    ));
    assert!(matches!(
        serde_then_garde(invalid_body.as_bytes()),
        Err(PeerError::Parse(_))
    ));
    assert_eq!(
        value_then_jsonschema(&schema, invalid_body.as_bytes()).unwrap(),
        3
    );

    for (case, body) in [("valid", VALID_BODY), ("invalid", invalid_body.as_str())] {
        let bytes = body.as_bytes();
        let mut group = c.benchmark_group(format!("json/{case}"));
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function("nexudus-validate from_slice", |b| {
            b.iter(|| nexudus_validate::from_slice::<Visitor>(black_box(bytes)))
        });
        group.bench_function("serde_json typed parse (floor)", |b| {
            b.iter(|| serde_json::from_slice::<Visitor>(black_box(bytes)))
        });
        group.bench_function("serde_json Value + jsonschema", |b| {
            b.iter(|| value_then_jsonschema(&schema, black_box(bytes)))
        });
        group.bench_function("serde + validator", |b| {
            b.iter(|| serde_then_validator(black_box(bytes)))
        });
        group.bench_function("serde + garde", |b| {
            b.iter(|| serde_then_garde(black_box(bytes)))
        });
        group.finish();
    }
}

// ---------------------------------------------------------------------------
// 2b. A valid body of one large generated entity.
// ---------------------------------------------------------------------------

fn entity_json(c: &mut Criterion) {
    use nexudus_validate::resources::spaces::Coworker;

    let body = coworker_body();
    let bytes = body.as_bytes();
    // Every field set, and both read the same record.
    let ours = nexudus_validate::from_slice::<Coworker>(bytes).expect("valid");
    let floor = serde_json::from_slice::<Coworker>(bytes).unwrap();
    assert_eq!(ours, floor);
    let fields = serde_json::to_value(&ours).unwrap();
    assert!(fields.as_object().unwrap().len() > 150, "{}", fields);

    let mut group = c.benchmark_group("entity/valid");
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.bench_function("nexudus-validate from_slice", |b| {
        b.iter(|| nexudus_validate::from_slice::<Coworker>(black_box(bytes)))
    });
    group.bench_function("serde_json typed parse (floor)", |b| {
        b.iter(|| serde_json::from_slice::<Coworker>(black_box(bytes)))
    });
    group.finish();
}

// ---------------------------------------------------------------------------
// 4. An already parsed `serde_json::Value`.
// ---------------------------------------------------------------------------

fn parsed_value(c: &mut Criterion) {
    let schema = compile_schema();
    let valid: Value = serde_json::from_str(VALID_BODY).unwrap();
    let invalid: Value = serde_json::from_str(&invalid_body()).unwrap();

    assert!(Visitor::validate_value(&valid, Operation::Update).is_ok());
    assert!(schema.is_valid(&valid));
    assert_eq!(
        Visitor::validate_value(&invalid, Operation::Update)
            .unwrap_err()
            .len(),
        3
    );
    assert!(!schema.is_valid(&invalid));
    assert_eq!(schema.iter_errors(&invalid).count(), 3);

    for (case, value) in [("valid", &valid), ("invalid", &invalid)] {
        let mut group = c.benchmark_group(format!("value/{case}"));
        group.bench_function("nexudus-validate validate_value", |b| {
            b.iter(|| Visitor::validate_value(black_box(value), Operation::Update))
        });
        group.bench_function("jsonschema is_valid", |b| {
            b.iter(|| schema.is_valid(black_box(value)))
        });
        group.bench_function("jsonschema iter_errors (collect all)", |b| {
            b.iter(|| {
                let errors: Vec<_> = schema.iter_errors(black_box(value)).collect();
                errors.len()
            })
        });
        group.finish();
    }
}

criterion_group! {
    name = benches;
    config = quick();
    targets = typed, raw_json, entity_json, parsed_value
}
criterion_main!(benches);
