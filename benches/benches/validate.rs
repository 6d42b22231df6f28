//! Smoke benchmark of typed validation; the full comparison with peers is
//! tracked separately.

use criterion::{criterion_group, criterion_main, Criterion};
use nexudus_validate::{NexudusResource, Validate};
use serde::Deserialize;
use std::hint::black_box;

#[derive(Deserialize, NexudusResource)]
#[serde(rename_all = "PascalCase")]
#[nexudus(name = "Workspace", path = "/api/collaboration/workspaces")]
struct Workspace {
    #[required(update)]
    id: Option<i64>,
    #[required]
    business_id: Option<i64>,
    #[required]
    administrator_id: Option<i64>,
    #[required]
    name: Option<String>,
    #[allow(dead_code)]
    description: Option<String>,
}

fn typed(c: &mut Criterion) {
    let valid = Workspace {
        id: Some(87654321),
        business_id: Some(1),
        administrator_id: Some(2),
        name: Some("Design".into()),
        description: None,
    };
    c.bench_function("workspace/validate/valid", |b| {
        b.iter(|| black_box(&valid).validate())
    });
}

criterion_group!(benches, typed);
criterion_main!(benches);
