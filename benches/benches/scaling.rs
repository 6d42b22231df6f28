//! How the cost of nexudus-validate grows with the number of fields: the
//! synthetic resources of 8, 32 and 128 fields that `build.rs` generates
//! (3 of every 8 fields required), with `serde_json`'s typed parse as the
//! floor for raw JSON.
//!
//! Run with `cargo bench --manifest-path benches/Cargo.toml --bench scaling`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use nexudus_validate::Validate;

include!(concat!(env!("OUT_DIR"), "/scaled.rs"));

/// Benches one synthetic resource module: typed `validate()` and raw
/// `from_slice`, valid and with three failures.
macro_rules! bench_size {
    ($c:expr, $module:ident) => {{
        use $module::{break_three, Resource, FIELDS, INVALID_BODY, VALID_BODY};

        let valid: Resource = serde_json::from_str(VALID_BODY).expect("valid body reads");
        let mut invalid = valid.clone();
        break_three(&mut invalid);
        assert!(valid.validate().is_ok());
        assert_eq!(invalid.validate().unwrap_err().len(), 3);
        assert!(nexudus_validate::from_slice::<Resource>(VALID_BODY.as_bytes()).is_ok());
        let errors = nexudus_validate::from_slice::<Resource>(INVALID_BODY.as_bytes())
            .expect_err("three failures");
        let last = format!("F{}", FIELDS - 1);
        let names: Vec<&str> = errors.iter().map(|f| f.property_name()).collect();
        assert_eq!(names, ["F0", "F1", last.as_str()]);

        let mut group = $c.benchmark_group("scaling/typed");
        group.throughput(Throughput::Elements(FIELDS as u64));
        group.bench_with_input(BenchmarkId::new("valid", FIELDS), &valid, |b, v| {
            b.iter(|| black_box(v).validate())
        });
        group.bench_with_input(BenchmarkId::new("invalid", FIELDS), &invalid, |b, v| {
            b.iter(|| black_box(v).validate())
        });
        group.finish();

        for (case, body) in [("valid", VALID_BODY), ("invalid", INVALID_BODY)] {
            let bytes = body.as_bytes();
            let mut group = $c.benchmark_group(format!("scaling/json-{case}"));
            group.throughput(Throughput::Bytes(bytes.len() as u64));
            group.bench_with_input(
                BenchmarkId::new("nexudus-validate from_slice", FIELDS),
                bytes,
                |b, bytes| b.iter(|| nexudus_validate::from_slice::<Resource>(black_box(bytes))),
            );
            group.bench_with_input(
                BenchmarkId::new("serde_json typed parse (floor)", FIELDS),
                bytes,
                |b, bytes| b.iter(|| serde_json::from_slice::<Resource>(black_box(bytes))),
            );
            group.finish();
        }
    }};
}

fn scaling(c: &mut Criterion) {
    bench_size!(c, fields_8);
    bench_size!(c, fields_32);
    bench_size!(c, fields_128);
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(2))
        .sample_size(50);
    targets = scaling
}
criterion_main!(benches);
