//! The client and the mock server against each other on loopback, for a
//! sample of the resources of every Nexudus module, chosen from the
//! registry: per module, the first resource with an endpoint (catalogue
//! order) and the one with the most fields. Records are built from each
//! resource's field table (`FIELDS`, its enum values), never from a list
//! of field names written here.
//!
//! Every test binds only to 127.0.0.1 and runs under a time limit.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};

use axum::http::{header, StatusCode};
use nexudus_validate::axum::mock::{self, MemoryStore, DEFAULT_PAGE_SIZE};
use nexudus_validate::client::{Client, Error, Registered};
use nexudus_validate::ops::Operations;
use nexudus_validate::resources::registry::{self, ResourceInfo};
use nexudus_validate::{
    ErrorResponse, FieldInfo, NexudusDateTime, Operation, Requirement, SuccessResponse,
};
use serde_json::{json, Value};

mod support;
use support::{counted, http, run, serve};

fn fixed_time() -> NexudusDateTime {
    NexudusDateTime::from_ymd_hms(2025, 1, 15, 10, 30, 0).unwrap()
}

/// The sample: per module, of the resources with an endpoint and all five
/// operations, the first and the one with the most fields (once when they
/// are the same).
fn samples() -> Vec<&'static ResourceInfo> {
    let mut by_module: BTreeMap<&str, Vec<&'static ResourceInfo>> = BTreeMap::new();
    let full = |r: &&ResourceInfo| !r.path().is_empty() && r.operations() == Operations::ALL;
    for info in registry::all().filter(full) {
        by_module.entry(info.module()).or_default().push(info);
    }
    let mut chosen = Vec::new();
    for resources in by_module.values() {
        let first = resources[0];
        let largest = resources
            .iter()
            .copied()
            .max_by_key(|r| r.fields().len())
            .unwrap();
        chosen.push(first);
        if largest.name() != first.name() {
            chosen.push(largest);
        }
    }
    chosen
}

/// The field's type without `Option<..>`.
fn inner_type(field: &FieldInfo) -> &'static str {
    let ty = field.rust_type();
    ty.strip_prefix("Option<")
        .and_then(|t| t.strip_suffix('>'))
        .unwrap_or(ty)
}

/// A valid value of the field's type, different for each `n` (0..100),
/// or `None` for a field left out (inline child records, `Id`). Every
/// string is a well-formed email address of at most 15 characters, so
/// that it passes whatever rule a string field has.
fn sample(info: &ResourceInfo, field: &FieldInfo, n: i64) -> Option<Value> {
    assert!((0..100).contains(&n));
    if field.nested() || field.wire_name() == "Id" {
        return None;
    }
    let ty = inner_type(field);
    if let Some(values) = info.enum_values(field.wire_name()) {
        let value = values[n as usize % values.len()].0;
        return Some(if ty.starts_with("Vec<") {
            json!([value])
        } else {
            json!(value)
        });
    }
    Some(match ty {
        "i64" | "i32" => json!(1000 + n),
        "f64" => json!(n as f64 + 0.5),
        "bool" => json!(n % 2 == 0),
        "String" | "Secret<String>" => json!(format!("r{n}@example.com")),
        "NexudusDateTime" => json!(format!("2025-01-{:02}T10:30:00", 1 + n % 28)),
        "Vec<i64>" => json!([n, n + 1]),
        "serde_json::Number" => json!(n),
        "serde_json::Value" => json!(format!("any {n}")),
        other => panic!(
            "{}.{}: no sample for {other}",
            info.name(),
            field.wire_name()
        ),
    })
}

/// A record of `info` with every field it can have set (child records
/// left out).
fn record(info: &ResourceInfo, n: i64) -> Value {
    let object = info
        .wire_fields()
        .into_iter()
        .filter_map(|field| Some((field.wire_name().to_owned(), sample(info, field, n)?)))
        .collect();
    Value::Object(object)
}

/// `record` as the mock stores it (the model's JSON, with `Id`) and
/// serves it (without its sensitive fields).
fn served(info: &ResourceInfo, record: &Value, id: i64) -> Value {
    let mut body = record.clone();
    body["Id"] = json!(id);
    let bytes = serde_json::to_vec(&body).unwrap();
    let mut value = info.normalize(&bytes, Operation::Update).unwrap();
    let object = value.as_object_mut().unwrap();
    for field in info.fields().iter().filter(|f| f.sensitive()) {
        object.remove(field.wire_name());
    }
    // What the server fills, where the resource has it.
    let filled = [
        (
            "UniqueId",
            json!(format!("00000000-0000-4000-8000-{id:012x}")),
        ),
        ("CreatedOn", json!("2025-01-15T10:30:00Z")),
        ("UpdatedOn", json!("2025-01-15T10:30:00Z")),
        ("UpdatedBy", json!("admin@example.com")),
        ("IsNew", json!(false)),
    ];
    for (key, value) in filled {
        if info.wire_fields().iter().any(|f| f.wire_name() == key) {
            object.insert(key.to_owned(), value);
        }
    }
    value
}

/// The fields the mock fills, as a server does.
const FILLED: [&str; 5] = ["UniqueId", "CreatedOn", "UpdatedOn", "UpdatedBy", "IsNew"];

/// A change of one plain field of `stored` (a record as the mock serves
/// it; fields the model only reads are not in it): the first field that
/// is not `Id`, filled by the server, sensitive, an enum or child records.
fn change(info: &ResourceInfo, stored: &Value) -> Option<(&'static str, Value)> {
    info.wire_fields().into_iter().find_map(|field| {
        let plain = stored.get(field.wire_name()).is_some()
            && !field.sensitive()
            && !field.nested()
            && field.wire_name() != "Id"
            && !FILLED.contains(&field.wire_name())
            && info.enum_values(field.wire_name()).is_none();
        let value = match inner_type(field) {
            "String" | "Secret<String>" => json!("changed@example.com"),
            "bool" => json!("flip"),
            "i64" | "i32" => json!(424_242),
            _ => return None,
        };
        plain.then_some((field.wire_name(), value))
    })
}

fn client(base: &str) -> Client {
    Client::new(base)
        .with_http_client(http())
        .basic("admin@example.com", "secret")
}

/// A 200 body of the mock for `{name} was successfully {done}.`.
fn assert_success(answer: &SuccessResponse, name: &str, done: &str, id: i64) {
    assert_eq!(answer.message, format!("{name} was successfully {done}."));
    assert_eq!(answer.id(), Some(id), "{name}");
    assert_eq!(answer.updated_by.as_deref(), Some("admin@example.com"));
    assert_eq!(answer.updated_on, Some(fixed_time()));
    assert!(answer.was_successful && answer.status == 200, "{name}");
}

/// How many records each sampled resource gets: pages of 3 make 3 pages,
/// the last one short.
const RECORDS: i64 = 7;
const PAGE_SIZE: u32 = 3;

/// Creates [`RECORDS`] records of `info`, reads one back, lists them in
/// pages (every page, the last, one past the end, a walk), modifies one
/// and deletes one.
async fn exercise(resource: &Registered, requests: &AtomicUsize) {
    let info = resource.info();
    let name = info.name();

    // Create.
    let mut ids = Vec::new();
    let mut records = Vec::new();
    let mut sent = Vec::new();
    for n in 0..RECORDS {
        let body = record(info, n);
        sent.push(body.clone());
        let created = resource
            .create(&body)
            .await
            .unwrap_or_else(|e| panic!("{name}: create: {e}"));
        let id = created.id().unwrap();
        assert_success(&created, name, "created", id);
        ids.push(id);
        records.push(served(info, &body, id));
    }

    // Get.
    assert_eq!(resource.get(ids[2]).await.unwrap(), records[2], "{name}");

    // List: every page, then one past the end.
    let total = RECORDS as u64;
    for page in 1..=3_u32 {
        let before = requests.load(Ordering::SeqCst);
        let got = resource.list(page, PAGE_SIZE).await.unwrap();
        assert_eq!(requests.load(Ordering::SeqCst), before + 1);
        let from = (page - 1) as usize * PAGE_SIZE as usize;
        let to = (from + PAGE_SIZE as usize).min(records.len());
        assert_eq!(got.records, records[from..to], "{name} page {page}");
        assert_eq!(
            (
                got.current_page,
                got.page_size,
                got.total_items,
                got.total_pages
            ),
            (page, PAGE_SIZE, total, 3),
            "{name} page {page}"
        );
        assert_eq!(
            (got.first_item, got.last_item),
            (from as u64 + 1, to as u64),
            "{name} page {page}"
        );
        assert_eq!(got.has_next_page, page < 3, "{name} page {page}");
        assert_eq!(got.has_previous_page, page > 1, "{name} page {page}");
    }
    let past = resource.list(4, PAGE_SIZE).await.unwrap();
    assert!(past.records.is_empty(), "{name}");
    assert_eq!((past.total_items, past.total_pages), (total, 3), "{name}");
    assert!(!past.has_next_page && past.has_previous_page, "{name}");

    // A walk reads the three pages and stops at the last.
    let before = requests.load(Ordering::SeqCst);
    let all = resource.list_all(PAGE_SIZE).await.unwrap();
    assert_eq!(all, records, "{name}");
    assert_eq!(requests.load(Ordering::SeqCst), before + 3, "{name}");

    // Modify one plain field, or none when the resource has no such field.
    // A secret the update requires is never served, so the caller sends
    // it again (as it must to any server that keeps secrets write-only).
    let id = ids[1];
    let change = change(info, &records[1]);
    resource
        .modify(id, |record| {
            for field in info.required_fields(Operation::Update) {
                if field.sensitive() {
                    record[field.wire_name()] = sent[1][field.wire_name()].clone();
                }
            }
            if let Some((key, value)) = &change {
                let value = match value.as_str() {
                    Some("flip") => json!(!record[*key].as_bool().unwrap_or(false)),
                    _ => value.clone(),
                };
                record[*key] = value;
            }
        })
        .await
        .unwrap_or_else(|e| panic!("{name}: modify: {e}"));
    let modified = resource.get(id).await.unwrap();
    let mut expected = records[1].clone();
    if let Some((key, value)) = &change {
        let value = match value.as_str() {
            Some("flip") => json!(!expected[*key].as_bool().unwrap_or(false)),
            _ => value.clone(),
        };
        assert_ne!(expected[*key], value, "{name}.{key}");
        expected[*key] = value;
    }
    assert_eq!(modified, expected, "{name}");

    // Delete.
    let deleted = resource.delete(ids[0]).await.unwrap();
    assert_success(&deleted, name, "deleted", ids[0]);
    for error in [
        resource.get(ids[0]).await.unwrap_err(),
        resource.delete(ids[0]).await.unwrap_err(),
    ] {
        assert_eq!(error.http_status(), Some(404), "{name}: {error:?}");
    }
    let after = resource.list(1, PAGE_SIZE).await.unwrap();
    assert_eq!(after.total_items, total - 1, "{name}");
    assert_eq!(after.records[0], modified, "{name}");
}

#[test]
fn a_sample_of_every_module_is_created_read_listed_modified_and_deleted() {
    let samples = samples();
    let modules: std::collections::BTreeSet<&str> = samples.iter().map(|r| r.module()).collect();
    // Every module with an endpoint; `other` has none.
    assert_eq!(
        modules.into_iter().collect::<Vec<_>>(),
        [
            "apps",
            "billing",
            "collaboration",
            "community",
            "content",
            "crm",
            "security",
            "spaces",
            "support",
            "sys"
        ]
    );
    run(async {
        let store = MemoryStore::with_clock(fixed_time);
        let (app, requests) = counted(mock::app(store));
        let base = serve(app).await;
        let client = client(&base);
        for info in samples {
            exercise(&client.registered(info), &requests).await;
        }
    });
}

#[test]
fn every_resource_with_an_endpoint_is_served_and_none_without() {
    run(async {
        let base = serve(mock::app(MemoryStore::new())).await;
        let http = http();
        let mut served = 0;
        for info in registry::all() {
            let name = info.name();
            let client = client(&base).registered(info);
            if info.path().is_empty() {
                let error = client.list(1, 10).await.unwrap_err();
                assert!(
                    matches!(error, Error::NoEndpoint { resource } if resource == name),
                    "{name}: {error:?}"
                );
                continue;
            }
            served += 1;
            let page = client.list(1, 10).await.unwrap();
            assert!(page.records.is_empty(), "{name}");
            assert_eq!((page.total_items, page.total_pages), (0, 0), "{name}");

            // The default page size, and the resource's own check on a
            // create: an empty body fails with its required fields.
            let answer = http
                .get(format!("{base}{}", info.path()))
                .send()
                .await
                .unwrap();
            let page: Value = answer.json().await.unwrap();
            assert_eq!(page["CurrentPageSize"], DEFAULT_PAGE_SIZE, "{name}");
            let answer = http
                .post(format!("{base}{}", info.path()))
                .header(header::CONTENT_TYPE, "application/json")
                .body("{}")
                .send()
                .await
                .unwrap();
            match info.check(b"{}", Operation::Create) {
                // The API creates none: a 405 in the envelope.
                _ if !info.operations().create => {
                    assert_eq!(answer.status(), StatusCode::METHOD_NOT_ALLOWED, "{name}");
                    let body: ErrorResponse = answer.json().await.unwrap();
                    assert!(!body.was_successful);
                }
                Ok(()) => assert_eq!(answer.status(), StatusCode::OK, "{name}"),
                Err(expected) => {
                    assert_eq!(answer.status(), StatusCode::BAD_REQUEST, "{name}");
                    let body: ErrorResponse = answer.json().await.unwrap();
                    assert_eq!(body, expected.to_response(), "{name}");
                    let required: Vec<&str> = info
                        .required_fields(Operation::Create)
                        .map(FieldInfo::property_name)
                        .collect();
                    let failed: Vec<&str> = body.errors.iter().map(|f| f.property_name()).collect();
                    assert_eq!(failed, required, "{name}");
                }
            }
        }
        assert_eq!(
            served,
            registry::all().filter(|r| !r.path().is_empty()).count()
        );
        assert!(served >= 200, "{served}");
    });
}

#[test]
fn an_invalid_record_is_never_sent_and_the_server_says_the_same() {
    run(async {
        let (app, requests) = counted(mock::app(MemoryStore::new()));
        let base = serve(app).await;
        let client = client(&base);
        let http = http();
        for info in samples() {
            let name = info.name();
            let Some(required) = info
                .required_fields(Operation::Create)
                .find(|f| f.requirement() == Requirement::Always)
            else {
                continue;
            };
            // A valid record without one required field.
            let mut body = record(info, 1);
            body.as_object_mut().unwrap().remove(required.wire_name());
            let before = requests.load(Ordering::SeqCst);
            let error = client.registered(info).create(&body).await.unwrap_err();
            assert!(!error.was_sent(), "{name}");
            assert_eq!(requests.load(Ordering::SeqCst), before, "{name}");
            let errors = error.into_validation_errors().unwrap();
            assert_eq!(
                errors.to_string(),
                format!("{}: is a required field", required.property_name()),
                "{name}"
            );
            // Sent anyway, the mock answers the same failures.
            let answer = http
                .post(format!("{base}{}", info.path()))
                .json(&body)
                .send()
                .await
                .unwrap();
            assert_eq!(answer.status(), StatusCode::BAD_REQUEST, "{name}");
            let answer: ErrorResponse = answer.json().await.unwrap();
            assert_eq!(answer, errors.to_response(), "{name}");
        }
    });
}

/// Records as a real server returns them: enum values `0` and values the
/// pages do not list (the server binds any integer, and may add values
/// later) read through `get` and `list`, write back unchanged, and carry
/// the fields the server fills.
#[test]
fn records_with_unlisted_enum_values_read_through_get_and_list() {
    use nexudus_validate::resources::{Product, ProductAvailableAs, ProductSystemProductType};
    run(async {
        let store = MemoryStore::with_clock(fixed_time);
        let base = serve(mock::app(store.clone())).await;
        let client = client(&base);
        let mut ids = Vec::new();
        for (kind, available) in [(0, 77), (99, 0)] {
            let product = Product {
                business_id: Some(1),
                name: Some("Day pass".into()),
                description: Some("One day".into()),
                price: Some(10.5),
                currency_id: Some(2),
                system_product_type: Some(ProductSystemProductType::from(kind)),
                available_as: Some(ProductAvailableAs::from(available)),
                ..Product::default()
            };
            ids.push(client.create(&product).await.unwrap().id().unwrap());
        }
        let stored = store.get_value::<Product>(ids[0]).unwrap();
        assert_eq!(
            (&stored["SystemProductType"], &stored["AvailableAs"]),
            (&json!(0), &json!(77))
        );

        let first: Product = client.get(ids[0]).await.unwrap();
        assert_eq!(
            first.system_product_type,
            Some(ProductSystemProductType::None)
        );
        assert_eq!(first.available_as.map(i32::from), Some(77));
        assert!(matches!(
            first.available_as,
            Some(ProductAvailableAs::Unlisted(_))
        ));
        assert_eq!(first.available_as.and_then(ProductAvailableAs::name), None);
        assert_eq!(first.meta.created_on, Some(fixed_time()));
        assert_eq!(first.meta.updated_by.as_deref(), Some("admin@example.com"));
        assert_eq!(first.meta.is_new, Some(false));
        let unique = format!("00000000-0000-4000-8000-{:012x}", ids[0]);
        assert_eq!(first.meta.unique_id.as_deref(), Some(unique.as_str()));

        let page = client.list::<Product>(1, 25).await.unwrap();
        let read: Vec<(Option<i32>, Option<i32>)> = page
            .records
            .iter()
            .map(|p| {
                (
                    p.system_product_type.map(i32::from),
                    p.available_as.map(i32::from),
                )
            })
            .collect();
        assert_eq!(read, [(Some(0), Some(77)), (Some(99), Some(0))]);

        // Sent back, the read record keeps its integers and leaves out
        // what the server fills.
        let sent = serde_json::to_value(&first).unwrap();
        assert_eq!(
            (&sent["SystemProductType"], &sent["AvailableAs"]),
            (&json!(0), &json!(77))
        );
        for filled in FILLED {
            assert!(sent.get(filled).is_none(), "{filled}");
        }
        client.update(&first).await.unwrap();
        let again: Product = client.get(ids[0]).await.unwrap();
        assert_eq!(again, first);
    });
}
