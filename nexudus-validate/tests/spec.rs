//! The generated resources against the catalogue they come from
//! (`spec/nexudus-api.json`, read here at test time): every entity is in
//! the registry, its field table matches the spec, an empty body fails
//! with exactly its required fields, a full sample record round-trips, and
//! every enum accepts the union of its listed values and nothing else.
//!
//! The requirement policy is written out again here, from the rules in the
//! `resources` module docs, so that a generator bug shows up as a
//! disagreement instead of being copied into the test.
//!
//! The five seed entities (`authoritative_elsewhere`) keep their
//! hand-written models (their pages win): their golden tests live in
//! `tests/`; here only their registry entry is checked against the spec.

use std::collections::BTreeMap;

use nexudus_validate::resources::registry::{self, ResourceInfo};
use nexudus_validate::{Operation, Requirement};
use serde_json::{json, Map, Value};

fn spec() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../spec/nexudus-api.json");
    let text = std::fs::read_to_string(path).expect("spec/nexudus-api.json is readable");
    serde_json::from_str(&text).expect("spec/nexudus-api.json is JSON")
}

fn entities(spec: &Value) -> &[Value] {
    spec["entities"].as_array().expect("entities")
}

fn generated(spec: &Value) -> impl Iterator<Item = &Value> {
    entities(spec)
        .iter()
        .filter(|e| e["authoritative_elsewhere"] != true)
}

fn fields(entity: &Value) -> &[Value] {
    entity["fields"].as_array().expect("fields")
}

fn name(v: &Value) -> &str {
    v["name"].as_str().expect("name")
}

fn entry(entity: &Value) -> &'static ResourceInfo {
    registry::find(name(entity))
        .filter(|r| r.name() == name(entity))
        .unwrap_or_else(|| panic!("{} is not in the registry", name(entity)))
}

/// What a set of official pages says: `None` without pages, `Some(None)`
/// when they disagree, `Some(Some(flag))` when they agree.
fn official(pages: &Value) -> Option<Option<bool>> {
    let flags: Vec<bool> = pages
        .as_object()?
        .values()
        .filter_map(Value::as_bool)
        .collect();
    let first = *flags.first()?;
    Some(flags.iter().all(|f| *f == first).then_some(first))
}

/// Whether a catalogue note of the entity calls the field (by its option
/// name) both required and read-only: a doubtful flag.
fn doubted(entity: &Value, field: &Value) -> bool {
    let option = field["cli_option"].as_str().unwrap_or_default();
    let option = option.trim_start_matches('-');
    entity["notes"]
        .as_array()
        .into_iter()
        .flatten()
        .any(|note| {
            let note = note.as_str().unwrap_or_default();
            !option.is_empty()
                && note
                    .split(|c: char| c.is_whitespace() || c == ';' || c == ',')
                    .any(|w| w == option)
                && note.contains("required")
                && note.contains("read-only")
        })
}

/// The requirement policy of the `resources` module docs.
fn policy(entity: &Value, field: &Value) -> Requirement {
    if field["read_only"] == true || doubted(entity, field) {
        return Requirement::Optional;
    }
    let post = official(&field["devdocs_required_on_create"]);
    let put = official(&field["devdocs_required_on_update"]);
    if post == Some(None) || put == Some(None) {
        return Requirement::Optional;
    }
    if let (Some(Some(a)), Some(Some(b))) = (post, put) {
        if a != b {
            return Requirement::Optional;
        }
    }
    let table = field["required_on_create"] == true;
    let create = field["create"] == true && post.flatten().unwrap_or(table);
    let update = put.flatten().unwrap_or(create);
    match (create, update) {
        (true, true) => Requirement::Always,
        (false, true) => Requirement::UpdateOnly,
        _ => Requirement::Optional,
    }
}

fn is_secret(field: &Value) -> bool {
    let lower = name(field).to_ascii_lowercase();
    field["type"] == "string"
        && ["password", "secret", "token", "privatekey", "apikey"]
            .iter()
            .any(|w| lower.contains(w))
}

/// The union of the values every source lists for an enum field, by value.
fn enum_union(entity: &Value, field: &Value) -> BTreeMap<i64, String> {
    let mut values = BTreeMap::new();
    let enum_name = field["enum"].as_str().unwrap_or_default();
    let lists = std::iter::once(&entity["enums"][enum_name]).chain(
        field["enum_disagreement"]
            .as_object()
            .into_iter()
            .flat_map(|m| m.values()),
    );
    for list in lists {
        for pair in list.as_array().into_iter().flatten() {
            let value = pair[0].as_i64().expect("enum value");
            let label = pair[1].as_str().expect("enum name").to_owned();
            values.entry(value).or_insert(label);
        }
    }
    values
}

/// A value of the field's catalogue type that the model accepts.
fn sample(entity: &Value, field: &Value, spec: &Value) -> Value {
    match field["type"].as_str().expect("type") {
        "long" => json!(9_000_000_001_i64),
        "int" => json!(7),
        "bool" => json!(true),
        "string" => {
            let max = field["max_length"].as_u64().unwrap_or(64) as usize;
            json!("Sample text".chars().take(max).collect::<String>())
        }
        "DateTime" => json!("2025-01-15T10:30:00Z"),
        "decimal" => json!(1234.56),
        "enum" => match enum_union(entity, field).keys().last() {
            Some(value) => json!(value),
            None => json!(12345),
        },
        "list" => json!([1, 2, 3]),
        "children" => {
            let child = child_entity(entity, field, spec);
            let record: Map<String, Value> = field["child"]["writable"]
                .as_array()
                .expect("writable")
                .iter()
                .map(|w| {
                    let w = w.as_str().expect("child field");
                    let typed = child.and_then(|c| fields(c).iter().find(|f| name(f) == w));
                    let value = match typed {
                        // An enum of a child entity of another module is a plain integer.
                        Some(f) if f["type"] == "enum" => {
                            let c = child.expect("typed by a child entity");
                            match enum_union(c, f).keys().next() {
                                Some(v) => json!(v),
                                None => json!(1),
                            }
                        }
                        Some(f) => sample(child.expect("child"), f, spec),
                        None => json!({"any": ["JSON", 1]}),
                    };
                    (w.to_owned(), value)
                })
                .collect();
            json!([record])
        }
        other => panic!("{}.{}: unknown type {other}", name(entity), name(field)),
    }
}

/// The entity an inline collection's records are typed from:
/// `<Field singular>` or `<Parent><Field singular>`.
fn child_entity<'a>(parent: &Value, field: &Value, spec: &'a Value) -> Option<&'a Value> {
    let one = name(field).strip_suffix('s').unwrap_or(name(field));
    [one.to_owned(), format!("{}{one}", name(parent))]
        .iter()
        .find_map(|n| entities(spec).iter().find(|e| name(e) == n))
}

fn failure_names(r: &ResourceInfo, body: &[u8], operation: Operation) -> Vec<String> {
    match r.check(body, operation) {
        Ok(()) => Vec::new(),
        Err(errors) => errors
            .iter()
            .map(|f| f.property_name().to_owned())
            .collect(),
    }
}

#[test]
fn the_registry_holds_every_entity_of_the_spec() {
    let spec = spec();
    assert_eq!(entities(&spec).len(), 216);
    assert_eq!(registry::all().count(), 216);
    for entity in entities(&spec) {
        let r = entry(entity);
        assert_eq!(r.plural(), entity["plural"], "{}", r.name());
        assert_eq!(
            r.module(),
            entity["module"].as_str().unwrap_or("other"),
            "{}",
            r.name()
        );
        assert_eq!(
            r.path(),
            entity["path"].as_str().unwrap_or(""),
            "{}",
            r.name()
        );
        for key in [r.name(), r.plural()] {
            assert_eq!(registry::find(key).map(ResourceInfo::name), Some(r.name()));
        }
        if !r.path().is_empty() {
            assert_eq!(
                registry::find(&r.path().to_uppercase()).map(ResourceInfo::name),
                Some(r.name())
            );
        }
    }
}

#[test]
fn every_field_table_agrees_with_the_spec() {
    let spec = spec();
    let mut checked = 0;
    for entity in generated(&spec) {
        let r = entry(entity);
        let expected: Vec<(&str, Requirement, bool)> =
            std::iter::once(("Id", Requirement::UpdateOnly, false))
                .chain(
                    fields(entity)
                        .iter()
                        .map(|f| (name(f), policy(entity, f), is_secret(f))),
                )
                .collect();
        let actual: Vec<(&str, Requirement, bool)> = r
            .fields()
            .iter()
            .map(|f| (f.wire_name(), f.requirement(), f.sensitive()))
            .collect();
        assert_eq!(actual, expected, "{}", r.name());
        for f in r.fields() {
            assert_eq!(f.property_name(), f.wire_name(), "{}", r.name());
        }
        checked += 1;
    }
    assert_eq!(checked, 211);
}

#[test]
fn an_empty_body_fails_with_exactly_the_required_fields_in_order() {
    let spec = spec();
    for entity in generated(&spec) {
        let r = entry(entity);
        let on_create: Vec<String> = fields(entity)
            .iter()
            .filter(|f| policy(entity, f) == Requirement::Always)
            .map(|f| name(f).to_owned())
            .collect();
        assert_eq!(
            failure_names(r, b"{}", Operation::Create),
            on_create,
            "{}",
            r.name()
        );
        let on_update: Vec<String> = std::iter::once("Id".to_owned())
            .chain(
                fields(entity)
                    .iter()
                    .filter(|f| policy(entity, f) != Requirement::Optional)
                    .map(|f| name(f).to_owned()),
            )
            .collect();
        assert_eq!(
            failure_names(r, b"{}", Operation::Update),
            on_update,
            "{}",
            r.name()
        );
    }
}

#[test]
fn a_full_sample_record_round_trips() {
    let spec = spec();
    for entity in generated(&spec) {
        let r = entry(entity);
        let mut record = Map::new();
        record.insert("Id".into(), json!(42));
        for field in fields(entity) {
            record.insert(name(field).into(), sample(entity, field, &spec));
        }
        let body = serde_json::to_vec(&record).unwrap();
        assert_eq!(r.check(&body, Operation::Update), Ok(()), "{}", r.name());
        let normalized = r
            .normalize(&body, Operation::Update)
            .unwrap_or_else(|e| panic!("{}: {e}", r.name()));
        // Read-only fields are read but never sent back.
        let mut expected = record.clone();
        for field in fields(entity).iter().filter(|f| f["read_only"] == true) {
            expected.remove(name(field));
        }
        assert_eq!(normalized, Value::Object(expected), "{}", r.name());
        // What the model writes, it reads back unchanged.
        let again = r
            .normalize(&serde_json::to_vec(&normalized).unwrap(), Operation::Update)
            .unwrap();
        assert_eq!(again, normalized, "{}", r.name());
    }
}

#[test]
fn every_enum_accepts_the_union_of_its_values_and_rejects_any_other_integer() {
    let spec = spec();
    let mut tables = 0;
    for entity in generated(&spec) {
        let r = entry(entity);
        for field in fields(entity).iter().filter(|f| f["type"] == "enum") {
            let wire = name(field);
            let union = enum_union(entity, field);
            let fails = |value: i64| {
                let body = serde_json::to_vec(&json!({ wire: value })).unwrap();
                failure_names(r, &body, Operation::Create)
                    .iter()
                    .any(|n| n == wire)
            };
            if union.is_empty() {
                // No value table: a plain integer.
                assert_eq!(r.enum_values(wire), None, "{}.{wire}", r.name());
                assert!(!fails(987_654), "{}.{wire}", r.name());
                continue;
            }
            tables += 1;
            let listed: Vec<(i64, String)> = union.clone().into_iter().collect();
            let values: Vec<(i64, String)> = r
                .enum_values(wire)
                .unwrap_or_else(|| panic!("{}.{wire} has no values", r.name()))
                .iter()
                .map(|(v, n)| (*v, (*n).to_owned()))
                .collect();
            assert_eq!(values, listed, "{}.{wire}", r.name());
            for value in union.keys() {
                assert!(!fails(*value), "{}.{wire} rejects {value}", r.name());
            }
            let max = *union.keys().last().unwrap();
            let min = *union.keys().next().unwrap();
            for outside in [max + 1, min - 1, i64::from(i32::MAX) + 1] {
                assert!(fails(outside), "{}.{wire} accepts {outside}", r.name());
                let body = serde_json::to_vec(&json!({ wire: outside })).unwrap();
                let errors = r.check(&body, Operation::Create).unwrap_err();
                let failure = errors.iter().find(|f| f.property_name() == wire).unwrap();
                assert_eq!(
                    failure.message(),
                    format!("The value '{outside}' is not valid for {wire}."),
                    "{}.{wire}",
                    r.name()
                );
            }
        }
    }
    // 116 value tables in the catalogue, less the five seeds' tables.
    assert!(tables >= 100, "{tables}");
}

#[test]
fn types_are_at_resources_and_under_their_module() {
    use nexudus_validate::resources::{self, billing, spaces, sys};
    use nexudus_validate::NexudusResource;

    fn same<T>(_: Option<T>, _: Option<T>) {}
    same::<resources::Booking>(None, None::<spaces::Booking>);
    same::<resources::Tariff>(None, None::<billing::Tariff>);
    // The seeds are re-exported under their module too.
    same::<resources::Visitor>(None, None::<spaces::Visitor>);
    same::<resources::User>(None, None::<sys::User>);

    // `Language`: the seed enum keeps `resources::Language`, the generated
    // entity of the same name is `resources::sys::Language`.
    let _: resources::Language = resources::Language::EnglishUK;
    assert_eq!(<sys::Language as NexudusResource>::NAME, "Language");
    assert_eq!(
        <sys::Language as NexudusResource>::PATH,
        "/api/sys/languages"
    );
    assert_eq!(
        registry::find("language").map(ResourceInfo::path),
        Some("/api/sys/languages")
    );

    // An entity without a known endpoint has an empty path.
    assert_eq!(
        <resources::other::ProposedAction as NexudusResource>::PATH,
        ""
    );
}

/// The seeds keep their pages' models, which win over the catalogue; they
/// carry every field the catalogue says a client may write, under the same
/// wire name, except one: Visitor `IsCustomer`, a name the catalogue
/// guessed from a command-line option and the official page does not list.
#[test]
fn the_seeds_carry_the_writable_fields_of_the_spec() {
    let spec = spec();
    let seeds: Vec<&Value> = entities(&spec)
        .iter()
        .filter(|e| e["authoritative_elsewhere"] == true)
        .collect();
    assert_eq!(seeds.len(), 5);
    let mut missing = Vec::new();
    for entity in seeds {
        let r = entry(entity);
        for field in fields(entity).iter().filter(|f| f["read_only"] != true) {
            if !r.fields().iter().any(|f| f.wire_name() == name(field)) {
                missing.push(format!(
                    "{}.{} ({})",
                    r.name(),
                    name(field),
                    field["casing"]
                ));
            }
        }
    }
    assert_eq!(missing, ["Visitor.IsCustomer (\"guessed\")"]);
}
