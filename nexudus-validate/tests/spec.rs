//! The generated resources against the facts they come from
//! (`spec/nexudus-api.json`, read here at test time): the official pages
//! (`entity.official`: what each page of developers.nexudus.com,
//! learn.nexudus.com and support.nexudus.com prints, page by page) and the
//! catalogue's reference tables.
//!
//! What a user needs of them, checked from the facts and not from the
//! generator's code:
//!
//! - a body holding what the official pages document as required passes;
//! - leaving out a field every page agrees is required names it;
//! - nothing fails that no source requires;
//! - every name the pages print in a request body is a field, with the
//!   base fields every record carries;
//! - every enum reads `0`, its listed values and unlisted integers, and
//!   writes them back unchanged.
//!
//! The five seed entities (`authoritative_elsewhere`) keep their
//! hand-written models: their golden tests live in `tests/`; here only
//! their registry entry is checked against the spec.

use std::collections::{BTreeMap, BTreeSet};

use nexudus_validate::resources::registry::{self, ResourceInfo};
use nexudus_validate::{FieldInfo, Operation};
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

fn list(v: &Value) -> &[Value] {
    v.as_array().map_or(&[], Vec::as_slice)
}

fn name(v: &Value) -> &str {
    v["name"].as_str().expect("name")
}

fn entry(entity: &Value) -> &'static ResourceInfo {
    registry::find(name(entity))
        .filter(|r| r.name() == name(entity))
        .unwrap_or_else(|| panic!("{} is not in the registry", name(entity)))
}

fn field(r: &ResourceInfo, wire: &str) -> Option<&'static FieldInfo> {
    r.wire_fields().into_iter().find(|f| f.wire_name() == wire)
}

/// The catalogue's entry for a field, by name.
fn catalogue<'e>(entity: &'e Value, wire: &str) -> Option<&'e Value> {
    list(&entity["fields"]).iter().find(|f| name(f) == wire)
}

fn pages<'e>(entity: &'e Value, kind: &'static str) -> impl Iterator<Item = &'e Value> {
    list(&entity["official"]["pages"])
        .iter()
        .filter(move |p| p["kind"] == kind)
}

fn names(items: &Value) -> impl Iterator<Item = &str> {
    list(items).iter().map(name)
}

/// What a POST or PUT page says of `wire`: listed under Required Fields,
/// listed as optional (or left out of a whole required list), or nothing.
fn page_flag(page: &Value, wire: &str) -> Option<bool> {
    if names(&page["required"]).any(|n| n == wire) {
        Some(true)
    } else if names(&page["optional"]).any(|n| n == wire) || page["required_complete"] == true {
        Some(false)
    } else {
        None
    }
}

/// Every reading of the operation's pages for `wire`: the official pages
/// whose required list was seen, and the catalogue's earlier readings of
/// official pages (`devdocs_required_on_*`).
fn readings(entity: &Value, kind: &'static str, wire: &str) -> Vec<Option<bool>> {
    let key = match kind {
        "post" => "devdocs_required_on_create",
        _ => "devdocs_required_on_update",
    };
    let mut by_url: BTreeMap<String, Option<bool>> = BTreeMap::new();
    for page in pages(entity, kind) {
        if page["required_complete"] == true || !list(&page["required"]).is_empty() {
            by_url.insert(
                page["url"].as_str().unwrap().to_owned(),
                page_flag(page, wire),
            );
        }
    }
    for f in list(&entity["fields"]) {
        for (url, flag) in f[key].as_object().into_iter().flatten() {
            let this = (name(f) == wire).then(|| flag.as_bool()).flatten();
            let slot = by_url.entry(url.clone()).or_insert(None);
            *slot = match (*slot, this) {
                (Some(a), Some(b)) => Some(a && b),
                (a, b) => a.or(b),
            };
        }
    }
    by_url.into_values().collect()
}

/// Whether any official page prints "Defaults to ..." for `wire`.
fn defaulted(entity: &Value, wire: &str) -> bool {
    list(&entity["official"]["pages"]).iter().any(|p| {
        list(&p["required"])
            .iter()
            .chain(list(&p["optional"]))
            .any(|f| name(f) == wire && f["default"].is_string())
    })
}

/// Whether the pages of the operation agree that `wire` is required: at
/// least one lists it under Required Fields and none says otherwise, and
/// no page says it defaults.
fn agreed(entity: &Value, kind: &'static str, wire: &str) -> bool {
    let flags = readings(entity, kind, wire);
    flags.contains(&Some(true)) && !flags.contains(&Some(false)) && !defaulted(entity, wire)
}

/// Read-only: so in the catalogue, or in every reference article.
fn read_only(entity: &Value, wire: &str) -> bool {
    let flags: Vec<bool> = pages(entity, "reference")
        .flat_map(|p| list(&p["attributes"]))
        .filter(|a| name(a) == wire)
        .map(|a| {
            a["flags"]
                .as_str()
                .unwrap_or_default()
                .to_ascii_lowercase()
                .contains("read-only")
        })
        .collect();
    catalogue(entity, wire).is_some_and(|c| c["read_only"] == true)
        || (!flags.is_empty() && flags.iter().all(|f| *f))
}

/// The operation was documented by at least one page whose required list
/// was seen.
fn documented(entity: &Value, kind: &'static str) -> bool {
    !readings(entity, kind, "Id").is_empty()
}

/// Every name some source calls required for the operation: any POST (or
/// PUT) page's Required Fields, the reference table, any reference
/// article. A check may demand no other.
fn ever_required(entity: &Value, operation: Operation) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let kinds: &[&str] = if operation.is_update() {
        &["post", "put"]
    } else {
        &["post"]
    };
    for kind in kinds {
        for page in pages(entity, kind) {
            out.extend(names(&page["required"]).map(str::to_owned));
        }
    }
    for f in list(&entity["fields"]) {
        let earlier = ["devdocs_required_on_create", "devdocs_required_on_update"]
            .iter()
            .any(|k| {
                f[*k]
                    .as_object()
                    .is_some_and(|m| m.values().any(|v| v == true))
            });
        if f["required_on_create"] == true || earlier {
            out.insert(name(f).to_owned());
        }
    }
    for page in pages(entity, "reference") {
        for a in list(&page["attributes"]) {
            if a["flags"]
                .as_str()
                .is_some_and(|f| f.to_ascii_lowercase().contains("required"))
            {
                out.insert(name(a).to_owned());
            }
        }
    }
    if operation.is_update() {
        out.insert("Id".into());
    }
    out
}

/// The field's type inside its `Option`.
fn inner_type(f: &FieldInfo) -> &'static str {
    let ty = f.rust_type();
    ty.strip_prefix("Option<")
        .and_then(|t| t.strip_suffix('>'))
        .unwrap_or(ty)
}

/// A value of the field's type that every rule of a generated model
/// accepts; `None` for inline child records.
fn sample(r: &ResourceInfo, f: &FieldInfo) -> Option<Value> {
    if f.nested() {
        return None;
    }
    if let Some(values) = r.enum_values(f.wire_name()) {
        return Some(json!(values.last().map_or(1, |v| v.0)));
    }
    Some(match inner_type(f) {
        "i64" | "i32" => json!(7),
        "f64" => json!(1234.56),
        "serde_json::Number" => json!(12),
        "bool" => json!(true),
        "String" | "Secret<String>" => json!("x"),
        "NexudusDateTime" => json!("2025-01-15T10:30:00Z"),
        "Vec<i64>" => json!([1, 2]),
        "serde_json::Value" => json!({"any": ["JSON", 1]}),
        // An enum without a value table.
        _ => json!(3),
    })
}

/// A body of `names` (those the model has), each with a sample value.
fn body_of<'a>(r: &ResourceInfo, names: impl IntoIterator<Item = &'a str>) -> Map<String, Value> {
    names
        .into_iter()
        .filter_map(|n| {
            let f = field(r, n)?;
            Some((n.to_owned(), sample(r, f)?))
        })
        .collect()
}

fn failure_names(r: &ResourceInfo, body: &Map<String, Value>, op: Operation) -> Vec<String> {
    let bytes = serde_json::to_vec(body).unwrap();
    match r.check(&bytes, op) {
        Ok(()) => Vec::new(),
        Err(errors) => errors
            .iter()
            .map(|f| f.property_name().to_owned())
            .collect(),
    }
}

/// The documented minimal body of an operation: what every page of it
/// (and, for an update, of the create) lists under Required Fields, or,
/// without pages, what the reference tables require.
fn minimal(entity: &Value, r: &ResourceInfo, op: Operation) -> Map<String, Value> {
    let mut wanted = ever_required(entity, op);
    wanted.insert("Id".into());
    let mut body = body_of(r, wanted.iter().map(String::as_str));
    if !op.is_update() {
        body.remove("Id");
    }
    body
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
fn the_documented_minimal_bodies_pass() {
    let spec = spec();
    for entity in generated(&spec) {
        let r = entry(entity);
        for op in [Operation::Create, Operation::Update] {
            let body = minimal(entity, r, op);
            assert_eq!(
                failure_names(r, &body, op),
                Vec::<String>::new(),
                "{} {op:?}: {body:?}",
                r.name()
            );
        }
    }
}

#[test]
fn leaving_out_a_field_every_page_requires_names_it() {
    let spec = spec();
    let mut checked = 0;
    for entity in generated(&spec) {
        let r = entry(entity);
        for (op, kind) in [(Operation::Create, "post"), (Operation::Update, "put")] {
            // Without PUT pages, an update needs what the create needs.
            let kind = if documented(entity, kind) {
                kind
            } else {
                "post"
            };
            for f in r.wire_fields() {
                let wire = f.wire_name();
                // What the catalogue says a body of the operation may carry
                // (an update's own pages win over it).
                let accepted = catalogue(entity, wire).is_none_or(|c| match (op, kind) {
                    (Operation::Create, _) => c["create"] == true,
                    (_, "put") => true,
                    _ => c["create"] == true && c["update"] == true,
                });
                if wire == "Id"
                    || !accepted
                    || read_only(entity, wire)
                    || !agreed(entity, kind, wire)
                {
                    continue;
                }
                let mut body = minimal(entity, r, op);
                body.remove(wire);
                let failures = failure_names(r, &body, op);
                assert!(
                    failures.iter().any(|n| n == wire),
                    "{}.{wire} {op:?}: {failures:?}",
                    r.name()
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 500, "{checked}");
}

#[test]
fn nothing_fails_that_no_source_requires() {
    let spec = spec();
    for entity in generated(&spec) {
        let r = entry(entity);
        for op in [Operation::Create, Operation::Update] {
            let allowed = ever_required(entity, op);
            for failure in failure_names(r, &Map::new(), op) {
                assert!(
                    allowed.contains(&failure),
                    "{}.{failure} is required on {op:?}, which no source says",
                    r.name()
                );
            }
        }
    }
}

/// The sources disagreeing or defaulting, the cases: none of these
/// is demanded.
#[test]
fn fields_the_sources_disagree_on_are_not_required() {
    let required = |resource: &str, op: Operation| -> Vec<String> {
        let r = registry::find(resource).unwrap();
        failure_names(r, &Map::new(), op)
    };
    assert_eq!(
        required("Coworker", Operation::Create),
        ["FullName", "Email", "CountryId", "SimpleTimeZoneId"]
    );
    let tariff = required("Tariff", Operation::Create);
    assert_eq!(tariff.len(), 8, "{tariff:?}");
    for (resource, fields) in [
        (
            "Product",
            &["SystemProductType", "AvailableAs", "DisplayOrder"][..],
        ),
        ("HelpDeskMessage", &["Priority", "AiProcessingResult"]),
        ("CrmOpportunity", &["Status"]),
        ("Booking", &["Repeats", "WhichBookingsToUpdate"]),
        ("CalendarEvent", &["Repeats", "WhichEventsToUpdate"]),
        ("Resource", &["SystemResourceType", "CancellationFeeType"]),
    ] {
        for op in [Operation::Create, Operation::Update] {
            let demanded = required(resource, op);
            for f in fields {
                assert!(
                    !demanded.iter().any(|d| d == f),
                    "{resource}.{f} {op:?}: {demanded:?}"
                );
            }
        }
    }
}

#[test]
fn every_name_a_client_may_send_is_a_field_with_the_base_fields() {
    let spec = spec();
    let base: Vec<&str> = list(&spec["base_fields"]).iter().map(name).collect();
    assert_eq!(
        base,
        [
            "UniqueId",
            "CreatedOn",
            "UpdatedOn",
            "UpdatedBy",
            "IsNew",
            "SystemId",
            "ToStringText",
            "LocalizationDetails",
            "CustomFields"
        ]
    );
    for entity in generated(&spec) {
        let r = entry(entity);
        // What a client may send: the request bodies' names, and the
        // reference attributes not marked read-only. (The read-only keys
        // of a GET answer are left to serde to skip.)
        for page in list(&entity["official"]["pages"]) {
            let writable = list(&page["attributes"])
                .iter()
                .filter(|a| {
                    !a["flags"]
                        .as_str()
                        .unwrap_or_default()
                        .to_ascii_lowercase()
                        .contains("read-only")
                })
                .map(name);
            let printed = names(&page["required"])
                .chain(names(&page["optional"]))
                .chain(writable);
            for wire in printed {
                assert!(
                    field(r, wire).is_some(),
                    "{}.{wire}, printed on {}",
                    r.name(),
                    page["url"]
                );
            }
        }
        for wire in &base {
            assert!(field(r, wire).is_some(), "{}.{wire}", r.name());
        }
        // A catalogue name the model lacks was a guess the pages replaced.
        for f in list(&entity["fields"]) {
            if field(r, name(f)).is_none() {
                assert_eq!(f["casing"], "guessed", "{}.{}", r.name(), name(f));
            }
        }
    }
    // The names the issue found guessed, as the pages print them.
    let has = |resource: &str, wire: &str| field(registry::find(resource).unwrap(), wire).is_some();
    for (resource, printed, guessed) in [
        ("Coworker", "CityName", "City"),
        ("Coworker", "BillingCityName", "BillingCity"),
        (
            "Coworker",
            "DoNotProcessInvoicesAutomatically",
            "DoNotAutoProcessInvoices",
        ),
        ("Booking", "TariffAtTheTimeOfBooking", "TariffAtBooking"),
        ("Booking", "TeamsAtTheTimeOfBooking", "TeamsAtBooking"),
    ] {
        assert!(has(resource, printed), "{resource}.{printed}");
        assert!(!has(resource, guessed), "{resource}.{guessed}");
    }
    for (resource, documented) in [
        ("BlogPost", "CommentsCount"),
        ("CoworkerProduct", "CreditAmount"),
        ("HelpDeskMessage", "AiProcessingResult"),
    ] {
        assert!(has(resource, documented), "{resource}.{documented}");
    }
}

#[test]
fn secrets_are_the_string_fields_named_like_secrets() {
    let spec = spec();
    for entity in generated(&spec) {
        let r = entry(entity);
        for f in r.wire_fields() {
            let lower = f.wire_name().to_ascii_lowercase();
            let named = ["password", "secret", "token", "privatekey", "apikey"]
                .iter()
                .any(|w| lower.contains(w));
            let string = matches!(inner_type(f), "String" | "Secret<String>");
            assert_eq!(
                f.sensitive(),
                named && string,
                "{}.{}",
                r.name(),
                f.wire_name()
            );
        }
    }
}

#[test]
fn a_full_sample_record_round_trips_without_what_the_server_fills() {
    let spec = spec();
    let filled: Vec<&str> = list(&spec["base_fields"])
        .iter()
        .filter(|b| b["read_only"] == true)
        .map(name)
        .collect();
    for entity in generated(&spec) {
        let r = entry(entity);
        let mut record = body_of(r, r.wire_fields().iter().map(|f| f.wire_name()));
        record.insert("Id".into(), json!(42));
        let body = serde_json::to_vec(&record).unwrap();
        assert_eq!(r.check(&body, Operation::Update), Ok(()), "{}", r.name());
        let normalized = r
            .normalize(&body, Operation::Update)
            .unwrap_or_else(|e| panic!("{}: {e}", r.name()));
        let object = normalized.as_object().unwrap();
        for (key, value) in object {
            assert_eq!(Some(value), record.get(key), "{}.{key}", r.name());
        }
        for key in &filled {
            assert!(!object.contains_key(*key), "{}.{key} is sent", r.name());
        }
        assert_eq!(object.get("SystemId"), Some(&json!("x")), "{}", r.name());
        let again = r
            .normalize(&serde_json::to_vec(&normalized).unwrap(), Operation::Update)
            .unwrap();
        assert_eq!(again, normalized, "{}", r.name());
    }
}

/// The values the sources list for an enum field: the catalogue's table
/// (shared by every field of the same enum), the values its sources
/// disagree on, and the tables the official pages attach to any of those
/// fields.
fn listed_values(entity: &Value, wire: &str) -> BTreeSet<i64> {
    let enum_name = catalogue(entity, wire).and_then(|f| f["enum"].as_str());
    let holders: Vec<&str> = match enum_name {
        Some(e) => list(&entity["fields"])
            .iter()
            .filter(|f| f["enum"] == e)
            .map(name)
            .collect(),
        None => vec![wire],
    };
    let mut tables: Vec<&Value> = Vec::new();
    if let Some(e) = enum_name {
        tables.push(&entity["enums"][e]);
    }
    for f in list(&entity["fields"])
        .iter()
        .filter(|f| holders.contains(&name(f)))
    {
        tables.extend(
            f["enum_disagreement"]
                .as_object()
                .into_iter()
                .flat_map(|m| m.values()),
        );
    }
    for table in list(&entity["official"]["enums"]) {
        if table["field"]
            .as_str()
            .is_some_and(|f| holders.contains(&f))
        {
            tables.push(&table["values"]);
        }
    }
    tables
        .into_iter()
        .flat_map(list)
        .map(|pair| pair[0].as_i64().expect("enum value"))
        .collect()
}

#[test]
fn every_enum_reads_zero_listed_and_unlisted_integers_and_writes_them_back() {
    let spec = spec();
    let mut enums = 0;
    for entity in generated(&spec) {
        let r = entry(entity);
        for f in r.wire_fields() {
            let wire = f.wire_name();
            let Some(values) = r.enum_values(wire) else {
                continue;
            };
            enums += 1;
            let listed: BTreeSet<i64> = values.iter().map(|(v, _)| *v).collect();
            assert_eq!(listed, listed_values(entity, wire), "{}.{wire}", r.name());
            let integers = listed.iter().copied().chain([
                0,
                -1,
                987_654,
                i64::from(i32::MAX),
                i64::from(i32::MIN),
            ]);
            for value in integers {
                let mut record = minimal(entity, r, Operation::Create);
                record.insert(wire.into(), json!(value));
                let bytes = serde_json::to_vec(&record).unwrap();
                let failures = failure_names(r, &record, Operation::Create);
                assert!(
                    !failures.iter().any(|n| n == wire),
                    "{}.{wire} = {value}",
                    r.name()
                );
                let back = r.normalize(&bytes, Operation::Create);
                let back = back.unwrap_or_else(|e| panic!("{}.{wire} = {value}: {e}", r.name()));
                // A read-only field is read (above) but not written back.
                if let Some(written) = back.get(wire) {
                    assert_eq!(written, &json!(value), "{}.{wire}", r.name());
                }
            }
            for (bad, shown) in [
                (json!(i64::from(i32::MAX) + 1), "2147483648"),
                (json!("x"), "x"),
                (json!(1.5), "1.5"),
            ] {
                let record: Map<String, Value> = [(wire.to_owned(), bad)].into_iter().collect();
                let bytes = serde_json::to_vec(&record).unwrap();
                let errors = r.check(&bytes, Operation::Create).unwrap_err();
                let failure = errors.iter().find(|e| e.property_name() == wire).unwrap();
                assert_eq!(
                    failure.message(),
                    format!("The value '{shown}' is not valid for {wire}."),
                    "{}.{wire}",
                    r.name()
                );
            }
        }
    }
    assert!(enums >= 120, "{enums}");
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
        for f in list(&entity["fields"])
            .iter()
            .filter(|f| f["read_only"] != true)
        {
            if field(r, name(f)).is_none() {
                missing.push(format!("{}.{} ({})", r.name(), name(f), f["casing"]));
            }
        }
    }
    assert_eq!(missing, ["Visitor.IsCustomer (\"guessed\")"]);
}
