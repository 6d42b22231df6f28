//! Runs one benchmark case of the `visitor` bench a given number of times,
//! for counting instructions with valgrind (`benches/instructions.sh`):
//! a count does not move with the load of a shared machine, a time does.
//!
//! `cargo run --release --manifest-path benches/Cargo.toml --example instructions -- CASE N`

#[path = "../benches/common/mod.rs"]
mod common;

use std::hint::black_box;

use common::*;
use nexudus_validate::resources::spaces::Coworker;
use nexudus_validate::resources::Visitor;
use nexudus_validate::{NexudusResource, Operation, Validate};
use serde_json::Value;

/// Every case, by the name `instructions.sh` passes.
const CASES: &[&str] = &[
    "typed/valid/nexudus-validate",
    "typed/valid/validator",
    "typed/valid/garde",
    "json/valid/nexudus-validate",
    "json/valid/serde-floor",
    "json/valid/jsonschema",
    "json/invalid/nexudus-validate",
    "json/invalid/serde-floor",
    "json/invalid/jsonschema",
    "entity/valid/nexudus-validate",
    "entity/valid/serde-floor",
    "value/valid/nexudus-validate",
    "value/valid/jsonschema-is_valid",
    "value/valid/jsonschema-iter_errors",
    "value/invalid/nexudus-validate",
    "value/invalid/jsonschema-iter_errors",
];

fn main() {
    let mut args = std::env::args().skip(1);
    let case = args.next().unwrap_or_default();
    let n: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(0);
    if case == "list" {
        CASES.iter().for_each(|case| println!("{case}"));
        return;
    }
    assert!(CASES.contains(&case.as_str()), "unknown case {case:?}");

    // Everything is set up whatever `n` is, so that n = 0 measures the set-up.
    let (ours, _, peer, _) = typed_values();
    let schema = compile_schema();
    let valid_value: Value = serde_json::from_str(VALID_BODY).unwrap();
    let invalid_body = invalid_body();
    let invalid_value: Value = serde_json::from_str(&invalid_body).unwrap();
    let (valid, invalid) = (VALID_BODY.as_bytes(), invalid_body.as_bytes());
    let entity_body = coworker_body();
    let entity = entity_body.as_bytes();

    for _ in 0..n {
        match case.as_str() {
            "typed/valid/nexudus-validate" => drop(black_box(black_box(&ours).validate())),
            "typed/valid/validator" => {
                drop(black_box(validator::Validate::validate(black_box(&peer))))
            }
            "typed/valid/garde" => drop(black_box(garde::Validate::validate(black_box(&peer)))),
            "json/valid/nexudus-validate" => drop(black_box(
                nexudus_validate::from_slice::<Visitor>(black_box(valid)),
            )),
            "json/valid/serde-floor" => drop(black_box(serde_json::from_slice::<Visitor>(
                black_box(valid),
            ))),
            "json/valid/jsonschema" => {
                drop(black_box(value_then_jsonschema(&schema, black_box(valid))))
            }
            "json/invalid/nexudus-validate" => drop(black_box(nexudus_validate::from_slice::<
                Visitor,
            >(black_box(invalid)))),
            "json/invalid/serde-floor" => drop(black_box(serde_json::from_slice::<Visitor>(
                black_box(invalid),
            ))),
            "json/invalid/jsonschema" => drop(black_box(value_then_jsonschema(
                &schema,
                black_box(invalid),
            ))),
            "entity/valid/nexudus-validate" => drop(black_box(nexudus_validate::from_slice::<
                Coworker,
            >(black_box(entity)))),
            "entity/valid/serde-floor" => drop(black_box(serde_json::from_slice::<Coworker>(
                black_box(entity),
            ))),
            "value/valid/nexudus-validate" => drop(black_box(Visitor::validate_value(
                black_box(&valid_value),
                Operation::Update,
            ))),
            "value/valid/jsonschema-is_valid" => {
                black_box(schema.is_valid(black_box(&valid_value)));
            }
            "value/valid/jsonschema-iter_errors" => {
                black_box(schema.iter_errors(black_box(&valid_value)).count());
            }
            "value/invalid/nexudus-validate" => drop(black_box(Visitor::validate_value(
                black_box(&invalid_value),
                Operation::Update,
            ))),
            "value/invalid/jsonschema-iter_errors" => {
                let errors: Vec<_> = schema.iter_errors(black_box(&invalid_value)).collect();
                black_box(errors.len());
            }
            _ => unreachable!(),
        }
    }
}
