//! The catalogue turned into what gets written: per module, its resources
//! with typed fields, requirements, enums and child records, each with the
//! sentences that document where it came from.
//!
//! Every decision about the catalogue's facts is made here (the policy is
//! documented in `nexudus-validate/src/resources/mod.rs`); `emit` only
//! prints.

use std::collections::{BTreeMap, BTreeSet};

use crate::naming::{
    field_ident, guess_explained_by, singular, snake_case, type_ident, variant_ident,
};
use crate::official::Evidence;
use crate::requirement::{decide, labels, page_label, DecidedBy, Facts, Reading, Requirement};
use crate::spec::{BaseField, Entity, Field, PageKind, Spec};

/// The Nexudus modules, in the order of the features and the docs, with
/// the generated module's one-line description. `other` holds the
/// entities no source places in a module.
pub const MODULES: &[(&str, &str)] = &[
    ("sys", "the platform: businesses (locations), users, floor plans, sensors, templates, languages and settings"),
    ("billing", "contracts, products, plans (tariffs), time passes, invoices and payments"),
    ("spaces", "members (coworkers), bookings, resources, teams, check-ins and visitors"),
    ("content", "blog posts, events, courses, forms, newsletters, surveys and files"),
    ("crm", "opportunities, boards, tasks, reminders and email accounts"),
    ("community", "community groups, threads and messages, video rooms"),
    ("support", "help-desk messages and departments, chat rooms"),
    ("apps", "applications and marketplace applications"),
    ("security", "roles and the roles given to users"),
    ("collaboration", "workspaces (the hand-written `Workspace`)"),
    (
        "other",
        "entities no public source places in a module; their endpoint is unknown, so their `PATH` is empty",
    ),
];

/// The hand-written seed resources (their official pages win over the
/// catalogue) and the enums each one exports.
pub const SEEDS: &[(&str, &[&str])] = &[
    ("AccessToken", &[]),
    ("Visitor", &["VisitorSource", "HostApprovalStatus"]),
    ("User", &["Language"]),
    ("UiModule", &[]),
    ("Workspace", &[]),
];

/// Secret-looking field names (lower case): such string fields are
/// `Secret<String>`s.
const SECRET_WORDS: &[&str] = &["password", "secret", "token", "privatekey", "apikey"];

/// Names the generated files use unqualified; no generated type may take
/// one of them.
const RESERVED: &[&str] = &[
    "Option",
    "Some",
    "None",
    "Vec",
    "String",
    "Default",
    "Clone",
    "Copy",
    "Debug",
    "PartialEq",
    "Eq",
    "Hash",
    "Serialize",
    "Deserialize",
    "UnlistedValue",
    "NexudusResource",
    "NexudusDateTime",
    "ResourceInfo",
    "Secret",
];

/// Whether a string field's name says it holds a secret.
/// Whether a string field's name says it holds a secret.
pub fn is_secret(name: &str, ty: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    ty == "string" && SECRET_WORDS.iter().any(|w| lower.contains(w))
}

/// The whole generated tree.
pub struct Model {
    pub modules: Vec<Module>,
    /// `RecordMeta`: the fields every record carries, flattened into every
    /// generated resource.
    pub meta: Vec<FieldPlan>,
    /// Generated type names that equal a seed's export (see `check_names`).
    pub shadowed: BTreeSet<String>,
}

/// One Nexudus module: a feature and a directory.
pub struct Module {
    pub name: &'static str,
    pub about: &'static str,
    /// Seed resources of this module (name and exported enums).
    pub seeds: Vec<(String, Vec<String>)>,
    /// The seeds' endpoints, by name.
    pub seed_paths: BTreeMap<String, String>,
    pub resources: Vec<Resource>,
}

/// One generated resource: a file.
pub struct Resource {
    pub name: String,
    pub file: String,
    pub plural: String,
    pub path: String,
    pub docs: Vec<String>,
    pub fields: Vec<FieldPlan>,
    pub enums: Vec<EnumPlan>,
    pub children: Vec<ChildPlan>,
    /// Types of other files of the module this file uses.
    pub imports: BTreeSet<String>,
    /// The operations the API has for it, of `OPERATIONS`, in order.
    pub operations: Vec<&'static str>,
    /// The filters its list pages document (name, `FilterKind` variant);
    /// `None` when no list page printed one.
    pub filters: Option<Vec<(String, &'static str)>>,
}

/// Every operation, in the order of `nexudus_validate::ops::Operations`.
pub const OPERATIONS: [&str; 5] = ["list", "get", "create", "update", "delete"];

/// One struct field.
pub struct FieldPlan {
    pub wire: String,
    pub ident: String,
    pub rename: bool,
    /// The type inside `Option<..>`.
    pub ty: String,
    pub requirement: Requirement,
    pub max_length: Option<u32>,
    pub nested: bool,
    /// `#[serde(flatten)]`: the type is not wrapped in an `Option`.
    pub flatten: bool,
    pub sensitive: bool,
    pub read_only: bool,
    pub docs: Vec<String>,
    /// The generated enum type this field holds, if any.
    pub enum_type: Option<String>,
    /// Where its name came from, and what decided its requirement (for
    /// the counts in `spec/README.md`).
    pub name_from: NameFrom,
    pub decided_by: DecidedBy,
}

impl FieldPlan {
    /// An optional field without rules named `wire` (its identifier worked
    /// out), of Rust type `ty` (inside its `Option`).
    fn plain(wire: &str, ty: String, docs: Vec<String>) -> FieldPlan {
        let (ident, rename) = field_ident(wire);
        FieldPlan {
            wire: wire.to_owned(),
            ident,
            rename,
            ty,
            requirement: Requirement::Optional,
            max_length: None,
            nested: false,
            flatten: false,
            sensitive: false,
            read_only: false,
            docs,
            enum_type: None,
            name_from: NameFrom::Fixed,
            decided_by: DecidedBy::Rule,
        }
    }
}

/// Where a generated field's name came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameFrom {
    /// `Id`, an inline child record's field.
    Fixed,
    /// The catalogue's name, printed by an official page.
    Printed,
    /// A name only the official pages print.
    Added,
    /// The printed name that replaces the catalogue's guess.
    Renamed(String),
    /// The catalogue's name, from another source.
    Confirmed,
    /// The catalogue's guess, which no source prints.
    Guessed,
}

/// One open enum (`open_enum!`).
pub struct EnumPlan {
    pub name: String,
    pub docs: Vec<String>,
    pub variants: Vec<Variant>,
}

/// One value of an enum.
pub struct Variant {
    pub value: i64,
    pub ident: String,
    /// The name the sources give the value.
    pub label: String,
    pub doc: String,
}

/// One inline child record type.
pub struct ChildPlan {
    pub name: String,
    pub entity_name: String,
    pub docs: Vec<String>,
    pub fields: Vec<FieldPlan>,
}

/// How a name, a flag or a table came to be, in words.
fn describe_source(source: &str) -> String {
    let source = source.trim();
    if let Some(page) = source.strip_prefix("devdocs:") {
        let (url, more) = match page.split_once(" (") {
            Some((url, more)) => (url, format!(" ({more}")),
            None => (page, String::new()),
        };
        format!("the official page {}{more}", page_label(url))
    } else if let Some(path) = source.strip_prefix("legacy-gitbook:") {
        format!("the legacy API docs `{path}`")
    } else if let Some(what) = source.strip_prefix("skills ") {
        format!("the Nexudus skills reference ({what})")
    } else if source.starts_with("http") {
        format!("the official page {}", page_label(source))
    } else {
        format!("`{source}`")
    }
}

/// The pages' labels, at most three, then how many more.
fn first_of(urls: &[&str]) -> String {
    let mut seen: Vec<String> = Vec::new();
    for url in urls {
        let label = page_label(url);
        if !seen.contains(&label) {
            seen.push(label);
        }
    }
    if seen.len() > 3 {
        let more = seen.len() - 3;
        seen.truncate(3);
        format!("{} (+{more} more)", seen.join(", "))
    } else {
        seen.join(", ")
    }
}

/// Where a field's name came from.
fn name_provenance(candidate: &Candidate, printed_on: &[&str]) -> String {
    if let Some(guess) = &candidate.renamed_from {
        return format!(
            "Name printed on {}; it replaces the catalogue's guess `{guess}`.",
            first_of(printed_on)
        );
    }
    if !printed_on.is_empty() {
        return format!("Name printed on {}.", first_of(printed_on));
    }
    let Some(field) = candidate.field else {
        return String::new();
    };
    if field.casing == "guessed" {
        let option = field
            .cli_option
            .as_deref()
            .map_or_else(String::new, |o| format!(" `{o}`"));
        let confidence = field.guess_confidence.as_deref().unwrap_or("unknown");
        return format!(
            "Name guessed from the option{option} ({confidence} confidence): no source prints it."
        );
    }
    let scope = match field.casing_scope.as_deref() {
        Some("other_entity") => " (the same name on another entity)",
        Some("same_entity_inferred_mapping") => " (an inferred mapping)",
        _ => "",
    };
    format!(
        "Name from {}{scope}.",
        describe_source(&field.casing_source)
    )
}

/// The Rust type (inside `Option`) of a scalar catalogue type; `None` for
/// `enum` and `children`.
fn scalar_type(ty: &str) -> Option<&'static str> {
    Some(match ty {
        "long" => "i64",
        "int" => "i32",
        "bool" => "bool",
        "string" => "String",
        "DateTime" => "NexudusDateTime",
        "decimal" => "f64",
        "number" => "serde_json::Number",
        "list" => "Vec<i64>",
        "json" => "serde_json::Value",
        _ => return None,
    })
}

/// The catalogue type of a field only the official pages print, from the
/// type words they give it (most specific first, see
/// [`Evidence::type_words`]). A type no page gives is any JSON value; a
/// number only shown as a sample (`123`) is any JSON number: a guess must
/// never refuse what the server accepts.
fn official_type(words: &[&str]) -> &'static str {
    for word in words {
        let word = word.trim().trim_end_matches('?').to_ascii_lowercase();
        return match word.as_str() {
            "int" => "int",
            "id" | "long" | "integer" => "long",
            "bool" | "boolean" | "true" | "false" => "bool",
            "decimal" | "float" | "double" | "number" => "decimal",
            "datetime" | "timestamp" => "DateTime",
            "string" | "guid" | "\"<string>\"" => "string",
            "integer[]" | "array_int" | "[123]" => "list",
            "123" | "0" => "number",
            _ => continue,
        };
    }
    "json"
}

/// One field to plan: from the catalogue (perhaps renamed to what the
/// official pages print), printed only by the official pages, or a base
/// field every record carries.
struct Candidate<'a> {
    wire: String,
    /// The catalogue type word (`long`, `enum`, `children`, `json`, ...).
    ty: String,
    /// The enum's name, for `enum` fields.
    enum_name: Option<String>,
    field: Option<&'a Field>,
    /// The catalogue's guessed name this printed one replaces.
    renamed_from: Option<String>,
}

/// The union of the values every source lists for enum `enum_name`, by
/// value: the catalogue's table, the values its sources disagree on, and
/// the tables the official pages attach to any field holding it. The doc
/// of each value says which source lists it when not every one does.
fn enum_union(
    entity: &Entity,
    evidence: &Evidence,
    enum_name: &str,
    holders: &[&str],
) -> Option<Vec<Variant>> {
    let mut values: BTreeMap<i64, (String, Vec<String>)> = BTreeMap::new();
    let mut sources = BTreeSet::new();
    let mut add = |value: i64, name: &str, source: String| {
        sources.insert(source.clone());
        let entry = values
            .entry(value)
            .or_insert_with(|| (name.trim().to_owned(), Vec::new()));
        // A page that prints a value without its name names nothing.
        if entry.0.is_empty() {
            entry.0 = name.trim().to_owned();
        }
        if !entry.1.contains(&source) {
            entry.1.push(source);
        }
    };
    for (value, name) in entity.enums.get(enum_name).into_iter().flatten().flatten() {
        add(*value, name, "table".into());
    }
    for field in entity
        .fields
        .iter()
        .filter(|f| f.enum_name.as_deref() == Some(enum_name))
    {
        for (source, list) in field.enum_disagreement.iter().flatten() {
            for (value, name) in list {
                add(*value, name, source.clone());
            }
        }
    }
    for holder in holders {
        for (value, (name, urls)) in evidence.enum_values(holder) {
            for url in urls {
                add(value, &name, url.to_owned());
            }
        }
    }
    if values.is_empty() {
        return None;
    }
    // `Unlisted` is the open enum's own variant.
    let mut used = BTreeSet::from(["Unlisted".to_owned()]);
    Some(
        values
            .into_iter()
            .map(|(value, (name, listed_by))| {
                let name = if name.is_empty() {
                    format!("Value{}", value.unsigned_abs())
                } else {
                    name
                };
                let mut ident = variant_ident(&name);
                if !used.insert(ident.clone()) {
                    ident = format!("{ident}{}", value.unsigned_abs());
                    used.insert(ident.clone());
                }
                let doc = if listed_by.len() == sources.len() {
                    format!("`{value}`: {name}.")
                } else if listed_by.iter().any(|s| s == "table") {
                    format!("`{value}`: {name} (only in the reference table).")
                } else {
                    let by: Vec<String> = listed_by.iter().map(|s| describe_source(s)).collect();
                    format!("`{value}`: {name} (only on {}).", by.join(", "))
                };
                Variant {
                    value,
                    ident,
                    label: name,
                    doc,
                }
            })
            .collect(),
    )
}

struct Context<'a> {
    entities: BTreeMap<&'a str, &'a Entity>,
    base_fields: &'a [BaseField],
}

impl Model {
    /// Plans every file from the catalogue; an error names what is wrong.
    pub fn build(spec: &Spec) -> Result<Model, String> {
        let context = Context {
            entities: spec.entities.iter().map(|e| (e.name.as_str(), e)).collect(),
            base_fields: &spec.base_fields,
        };
        if context.entities.len() != spec.entities.len() {
            return Err("two entities share a name".into());
        }
        let mut modules: Vec<Module> = MODULES
            .iter()
            .map(|&(name, about)| Module {
                name,
                about,
                seeds: Vec::new(),
                seed_paths: BTreeMap::new(),
                resources: Vec::new(),
            })
            .collect();
        let mut seeds_seen = BTreeSet::new();
        for entity in &spec.entities {
            let module_name = entity.module.as_deref().unwrap_or("other");
            let module = modules
                .iter_mut()
                .find(|m| m.name == module_name)
                .ok_or_else(|| format!("{}: unknown module `{module_name}`", entity.name))?;
            if entity.authoritative_elsewhere {
                let Some((name, enums)) = SEEDS.iter().find(|(n, _)| *n == entity.name) else {
                    return Err(format!(
                        "{} is authoritative elsewhere but has no hand-written model",
                        entity.name
                    ));
                };
                seeds_seen.insert(*name);
                module
                    .seed_paths
                    .insert((*name).to_owned(), entity.path.clone().unwrap_or_default());
                module.seeds.push((
                    (*name).to_owned(),
                    enums.iter().map(|e| (*e).to_owned()).collect(),
                ));
            } else {
                module
                    .resources
                    .push(context.resource(entity, module_name)?);
            }
        }
        if seeds_seen.len() != SEEDS.len() {
            return Err("a hand-written seed model is missing from the catalogue".into());
        }
        let mut model = Model {
            meta: spec.base_fields.iter().map(meta_field).collect(),
            modules,
            shadowed: BTreeSet::new(),
        };
        model.check_names()?;
        Ok(model)
    }

    /// Every exported type name is unique across modules (they are all
    /// re-exported at `resources::`), none shadows a name the generated
    /// files use, and resource names and plurals are unique
    /// case-insensitively (the registry looks them up that way).
    ///
    /// A generated name may equal a seed's export (the catalogue's
    /// `Language` entity and the seed `Language` enum of `User`): the seed
    /// keeps `resources::<Name>`, the generated type is reachable as
    /// `resources::<module>::<Name>`, and that module does not re-export
    /// the seed's type. Such names are recorded in `shadowed`.
    fn check_names(&mut self) -> Result<(), String> {
        let seed_exports: BTreeSet<String> = self
            .modules
            .iter()
            .flat_map(|m| &m.seeds)
            .flat_map(|(seed, enums)| std::iter::once(seed).chain(enums))
            .cloned()
            .collect();
        let mut types = BTreeMap::new();
        let mut lookups = BTreeMap::new();
        let mut shadowed = BTreeSet::new();
        for module in &self.modules {
            let mut add = |name: &str| {
                if RESERVED.contains(&name) {
                    return Err(format!("`{name}` is a reserved name"));
                }
                if seed_exports.contains(name) {
                    shadowed.insert(name.to_owned());
                    return Ok(());
                }
                match types.insert(name.to_owned(), module.name) {
                    Some(other) => Err(format!(
                        "`{name}` is exported by modules `{other}` and `{}`",
                        module.name
                    )),
                    None => Ok(()),
                }
            };
            for r in &module.resources {
                add(&r.name)?;
                for e in &r.enums {
                    add(&e.name)?;
                }
                for c in &r.children {
                    add(&c.name)?;
                }
                for key in [r.name.to_ascii_lowercase(), r.plural.to_ascii_lowercase()] {
                    if let Some(other) = lookups.insert(key.clone(), r.name.clone()) {
                        if other != r.name {
                            return Err(format!("`{key}` names both {other} and {}", r.name));
                        }
                    }
                }
            }
        }
        self.shadowed = shadowed;
        Ok(())
    }
}

impl<'s> Context<'s> {
    fn resource(&self, entity: &'s Entity, module: &str) -> Result<Resource, String> {
        if !entity
            .name
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_uppercase())
            || type_ident(&entity.name) != entity.name
        {
            return Err(format!("`{}` is not a type name", entity.name));
        }
        let evidence = Evidence::of(entity);
        let candidates = self.candidates(entity, &evidence);
        let mut fields = vec![id_field()];
        let mut enums: Vec<EnumPlan> = Vec::new();
        let mut children = Vec::new();
        let mut imports = BTreeSet::new();
        for candidate in &candidates {
            let mut plan = self.field(entity, &evidence, &candidates, candidate)?;
            if let Some(enum_type) = &plan.enum_type {
                if !enums.iter().any(|e| &e.name == enum_type) {
                    enums.push(self.enum_plan(entity, &evidence, &candidates, candidate)?);
                }
            }
            if candidate.ty == "children" {
                let Some(field) = candidate.field else {
                    return Err(format!(
                        "{}.{}: children without a field",
                        entity.name, candidate.wire
                    ));
                };
                let child = self.child(entity, field, module, &mut imports)?;
                plan.ty = format!("Vec<{}>", child.name);
                plan.docs[0] =
                    format!("`{}` (inline records, [`{}`]).", candidate.wire, child.name);
                children.push(child);
            }
            fields.push(plan);
        }
        fields.push(meta_plan());
        let mut idents = BTreeSet::new();
        for f in &mut fields {
            while !idents.insert(f.ident.clone()) {
                f.ident.push('_');
                f.rename = true;
            }
        }
        let path = entity.path.clone().unwrap_or_default();
        let filters = evidence.filters();
        let filters = (!filters.is_empty()).then(|| {
            filters
                .into_iter()
                .map(|(name, ty)| (name.to_owned(), filter_kind(name, ty)))
                .collect()
        });
        let operations = operations(entity, &evidence);
        Ok(Resource {
            docs: resource_docs(
                entity,
                module,
                &path,
                &candidates,
                &self.base_names(),
                &operations,
            ),
            operations,
            filters,
            name: entity.name.clone(),
            file: snake_case(&entity.name),
            plural: entity.plural.clone(),
            path,
            fields,
            enums,
            children,
            imports,
        })
    }

    /// The base fields' names, and `Id`.
    fn base_names(&self) -> BTreeSet<&'s str> {
        self.base_fields
            .iter()
            .map(|b| b.name.as_str())
            .chain(["Id"])
            .collect()
    }

    /// The fields to generate, in order: the catalogue's (a guessed name
    /// the official pages print differently renamed to what they print),
    /// then the names only the official pages print that a client may
    /// send. (The base fields every record carries come after them, in
    /// `RecordMeta`: see `meta_field`.)
    fn candidates(&self, entity: &'s Entity, evidence: &Evidence<'s>) -> Vec<Candidate<'s>> {
        let base_names = self.base_names();
        let catalogue: BTreeSet<&str> = entity.fields.iter().map(|f| f.name.as_str()).collect();
        let printed: Vec<&str> = evidence
            .printed_names()
            .into_iter()
            .filter(|n| !catalogue.contains(n) && !base_names.contains(n))
            .collect();
        let renames = renames(entity, evidence, &printed);
        let mut out: Vec<Candidate> = entity
            .fields
            .iter()
            .map(|field| {
                let (wire, renamed_from) = match renames.get(field.name.as_str()) {
                    Some(printed) => ((*printed).to_owned(), Some(field.name.clone())),
                    None => (field.name.clone(), None),
                };
                let attached = !evidence.enum_values(&wire).is_empty();
                let (ty, enum_name) = match (&field.enum_name, attached) {
                    (Some(name), _) => ("enum".to_owned(), Some(name.clone())),
                    (None, true) if matches!(field.ty.as_str(), "int" | "long" | "enum") => {
                        ("enum".to_owned(), Some(format!("{}{wire}", entity.name)))
                    }
                    _ => (field.ty.clone(), None),
                };
                Candidate {
                    wire,
                    ty,
                    enum_name,
                    field: Some(field),
                    renamed_from,
                }
            })
            .collect();
        let taken: BTreeSet<&str> = renames.values().copied().collect();
        // A name only the pages print is modelled when a client may send
        // it; the read-only keys of a GET answer are left to serde to skip
        // (listed in the resource's docs).
        let writable = printed
            .into_iter()
            .filter(|n| !taken.contains(n) && evidence.writable(n));
        for name in writable {
            let (ty, enum_name) = if evidence.enum_values(name).is_empty() {
                (official_type(&evidence.type_words(name)).to_owned(), None)
            } else {
                ("enum".to_owned(), Some(format!("{}{name}", entity.name)))
            };
            out.push(Candidate {
                wire: name.to_owned(),
                ty,
                enum_name,
                field: None,
                renamed_from: None,
            });
        }
        out
    }

    fn field(
        &self,
        entity: &Entity,
        evidence: &Evidence,
        all: &[Candidate],
        candidate: &Candidate,
    ) -> Result<FieldPlan, String> {
        let wire = candidate.wire.as_str();
        let (ident, rename) = field_ident(wire);
        let printed_on = evidence.printed_on(wire);
        let articles = evidence.reference(wire);
        let read_only = candidate.field.is_some_and(|f| f.read_only)
            || (!articles.is_empty() && articles.iter().all(|a| a.read_only));
        let field = candidate.field;
        let decision = decide(&Facts {
            table: field.map(|f| f.required_on_create),
            articles: articles.iter().map(|a| (a.url, a.required)).collect(),
            defaulted_type: matches!(candidate.ty.as_str(), "enum" | "bool"),
            on_create: field.is_none_or(|f| f.create),
            on_update: field.is_none_or(|f| f.update),
            read_only,
            guessed: printed_on.is_empty() && field.is_some_and(|f| f.casing == "guessed"),
            doubted: field.and_then(|f| doubting_note(f, &entity.notes)),
            defaults: evidence.defaults(wire),
            post: readings(entity, evidence, PageKind::Post, wire, field),
            put: readings(entity, evidence, PageKind::Put, wire, field),
        });
        let mut enum_type = None;
        let (ty, words) = match candidate.ty.as_str() {
            "enum" => {
                let Some(enum_name) = &candidate.enum_name else {
                    return Err(format!("{}.{wire}: an enum without a name", entity.name));
                };
                if enum_union(entity, evidence, enum_name, &holders(all, enum_name)).is_some() {
                    let ty = type_ident(enum_name);
                    enum_type = Some(ty.clone());
                    (ty.clone(), format!("`enum` [`{ty}`]"))
                } else {
                    (
                        "i32".to_owned(),
                        format!("`enum` `{enum_name}`, an integer (no source lists its values)"),
                    )
                }
            }
            "children" => (String::new(), String::new()),
            other => match scalar_type(other) {
                Some(ty) => (ty.to_owned(), format!("`{other}`")),
                None => return Err(format!("{}.{wire}: unknown type `{other}`", entity.name)),
            },
        };
        let sensitive = is_secret(wire, &candidate.ty);
        let mut docs = vec![format!("`{wire}` ({words})."), decision.why];
        let max_length = candidate.field.and_then(|f| f.max_length);
        if let Some(max) = max_length {
            docs.push(format!("At most {max} characters."));
        }
        let (create, update) = candidate
            .field
            .map_or((true, true), |f| (f.create, f.update));
        match (create, update, read_only) {
            (_, _, true) => docs.push("Read from the server, never sent back.".into()),
            (true, false, _) => docs.push("Accepted on create only.".into()),
            (false, true, _) => docs.push("Accepted on update only.".into()),
            (false, false, false) => docs.push("Accepted on neither create nor update.".into()),
            (true, true, false) => {}
        }
        if sensitive {
            docs.push("Sensitive: never shown in failures or `Debug`.".into());
        }
        if let Some(category) = candidate.field.and_then(|f| f.pii_category.as_ref()) {
            docs.push(format!(
                "Personal data ({}).",
                category.to_ascii_lowercase()
            ));
        } else if candidate.field.is_some_and(|f| f.pii) {
            docs.push("Personal data.".into());
        }
        docs.push(name_provenance(candidate, &printed_on));
        let name_from = match (&candidate.renamed_from, candidate.field) {
            (Some(guess), _) => NameFrom::Renamed(guess.clone()),
            (_, None) => NameFrom::Added,
            _ if !printed_on.is_empty() => NameFrom::Printed,
            (_, Some(f)) if f.casing == "guessed" => NameFrom::Guessed,
            _ => NameFrom::Confirmed,
        };
        Ok(FieldPlan {
            wire: wire.to_owned(),
            ident,
            rename,
            ty,
            name_from,
            decided_by: decision.by,
            requirement: decision.requirement,
            max_length: max_length.filter(|_| candidate.ty == "string"),
            nested: candidate.ty == "children",
            flatten: false,
            sensitive,
            read_only,
            docs,
            enum_type,
        })
    }

    fn enum_plan(
        &self,
        entity: &Entity,
        evidence: &Evidence,
        all: &[Candidate],
        candidate: &Candidate,
    ) -> Result<EnumPlan, String> {
        let enum_name = candidate.enum_name.as_deref().unwrap_or_default();
        let holders = holders(all, enum_name);
        let variants = enum_union(entity, evidence, enum_name, &holders)
            .ok_or_else(|| format!("{}: enum {enum_name} has no values", entity.name))?;
        if let Some(v) = variants.iter().find(|v| i32::try_from(v.value).is_err()) {
            return Err(format!(
                "{}: enum {enum_name} value {} does not fit the i32 representation",
                entity.name, v.value
            ));
        }
        let users: Vec<String> = holders
            .iter()
            .map(|f| format!("`{}.{f}`", entity.name))
            .collect();
        let mut from = Vec::new();
        if entity.enums.get(enum_name).is_some_and(Option::is_some) {
            from.push("the reference table".to_owned());
        }
        for field in entity
            .fields
            .iter()
            .filter(|f| f.enum_name.as_deref() == Some(enum_name))
        {
            if let Some(source) = &field.enum_values_source {
                from = vec![describe_source(source)];
            }
            for source in field.enum_disagreement.iter().flatten().map(|(s, _)| s) {
                from.push(describe_source(source));
            }
        }
        let mut urls: Vec<&str> = holders
            .iter()
            .flat_map(|h| evidence.enum_values(h).into_values().flat_map(|(_, u)| u))
            .collect();
        urls.sort_unstable();
        urls.dedup();
        if !urls.is_empty() {
            from.push(format!("the official pages ({})", labels(&urls)));
        }
        let union = if from.len() > 1 {
            " (the union of their values)"
        } else {
            ""
        };
        let title = holders
            .iter()
            .find_map(|h| evidence.enum_title(h))
            .map_or_else(|| format!("`{enum_name}`"), |t| format!("`{t}`"));
        Ok(EnumPlan {
            name: type_ident(enum_name),
            docs: vec![
                format!("The values of {} ({title}).", users.join(", ")),
                String::new(),
                format!(
                    "Travels as an integer; an integer it does not list reads as `Unlisted` and \
                     writes back unchanged. Values from {}{union}.",
                    from.join(" and ")
                ),
            ],
            variants,
        })
    }

    fn child(
        &self,
        parent: &Entity,
        field: &Field,
        module: &str,
        imports: &mut BTreeSet<String>,
    ) -> Result<ChildPlan, String> {
        let Some(child) = &field.child else {
            return Err(format!(
                "{}.{}: children without a child",
                parent.name, field.name
            ));
        };
        let one = singular(&field.name);
        let name = if one.starts_with(&parent.name) {
            format!("{one}Item")
        } else {
            format!("{}{one}Item", parent.name)
        };
        let entity = [one.to_owned(), format!("{}{one}", parent.name)]
            .into_iter()
            .find_map(|n| self.entities.get(n.as_str()).copied());
        let mut fields = Vec::new();
        for wire in &child.writable {
            let known =
                entity.and_then(|e| e.fields.iter().find(|f| &f.name == wire).map(|f| (e, f)));
            let (ty, words) = match known {
                Some((e, f)) if f.ty == "enum" => {
                    let enum_name = f.enum_name.as_deref().unwrap_or_default();
                    let same_module = e.module.as_deref().unwrap_or("other") == module;
                    if same_module
                        && !e.authoritative_elsewhere
                        && enum_union(e, &Evidence::of(e), enum_name, &[f.name.as_str()]).is_some()
                    {
                        let ty = type_ident(enum_name);
                        if e.name != parent.name {
                            imports.insert(ty.clone());
                        }
                        (ty.clone(), format!("`enum` [`{ty}`], as on `{}`", e.name))
                    } else {
                        (
                            "i32".to_owned(),
                            format!("`enum` `{enum_name}` of `{}`, an integer", e.name),
                        )
                    }
                }
                Some((e, f)) => match scalar_type(&f.ty) {
                    Some(ty) => (ty.to_owned(), format!("`{}`, as on `{}`", f.ty, e.name)),
                    None => ("serde_json::Value".to_owned(), "any JSON value".to_owned()),
                },
                None => (
                    "serde_json::Value".to_owned(),
                    match entity {
                        Some(e) => format!(
                            "type unknown: `{}` has no such field; any JSON value",
                            e.name
                        ),
                        None => "type unknown: no child entity in the catalogue; any JSON value"
                            .to_owned(),
                    },
                ),
            };
            fields.push(FieldPlan::plain(
                wire,
                ty,
                vec![format!("`{wire}` ({words}). Optional.")],
            ));
        }
        let typed_from = match entity {
            Some(e) => format!(
                "Field types come from the `{}` entity where it has the field.",
                e.name
            ),
            None => "The catalogue has no entity for these records.".to_owned(),
        };
        Ok(ChildPlan {
            entity_name: entity.map_or_else(|| one.to_owned(), |e| e.name.clone()),
            docs: vec![
                format!(
                    "One record of [`{}::{}`]: the fields a client may write, all optional.",
                    parent.name,
                    field_ident(&field.name).0
                ),
                String::new(),
                typed_from,
            ],
            name,
            fields,
        })
    }
}

/// The fields of a resource that hold enum `enum_name`.
fn holders<'c>(all: &'c [Candidate], enum_name: &str) -> Vec<&'c str> {
    all.iter()
        .filter(|c| c.enum_name.as_deref() == Some(enum_name))
        .map(|c| c.wire.as_str())
        .collect()
}

/// What every POST (or PUT) page read for the entity says of `wire`: the
/// pages whose required list was seen (whole or in part), and the
/// catalogue's earlier readings of official pages.
fn readings<'a>(
    entity: &'a Entity,
    evidence: &Evidence<'a>,
    kind: PageKind,
    wire: &str,
    field: Option<&'a Field>,
) -> Vec<Reading<'a>> {
    let mut out: Vec<Reading> = evidence
        .pages(kind)
        .filter(|p| p.required_complete || !p.required.is_empty())
        .map(|p| (p.url.as_str(), Evidence::flag(p, wire)))
        .collect();
    let earlier = |f: &'a Field| match kind {
        PageKind::Post => f.devdocs_required_on_create.as_ref(),
        _ => f.devdocs_required_on_update.as_ref(),
    };
    let urls: BTreeSet<&str> = entity
        .fields
        .iter()
        .filter_map(earlier)
        .flat_map(|m| m.keys().map(String::as_str))
        .collect();
    for url in urls {
        let flag = field.and_then(earlier).and_then(|m| m.get(url)).copied();
        match out.iter_mut().find(|(u, _)| *u == url) {
            // Two readings of one page: the field is required only if both say so.
            Some((_, seen)) => {
                *seen = match (*seen, flag) {
                    (Some(a), Some(b)) => Some(a && b),
                    (a, b) => a.or(b),
                }
            }
            None => out.push((url, flag)),
        }
    }
    out
}

/// The guessed catalogue names the official pages print differently:
/// guess -> printed name, when each is the other's best, unambiguous match
/// (see [`guess_explained_by`]).
fn renames<'a>(
    entity: &'a Entity,
    evidence: &Evidence,
    printed: &[&'a str],
) -> BTreeMap<&'a str, &'a str> {
    let guesses: Vec<&str> = entity
        .fields
        .iter()
        .filter(|f| f.casing == "guessed" && evidence.printed_on(&f.name).is_empty())
        .map(|f| f.name.as_str())
        .collect();
    let best = |of: &str, among: &[&'a str], score: &dyn Fn(&str, &str) -> Option<usize>| {
        let scored: Vec<(usize, &'a str)> = among
            .iter()
            .filter_map(|c| Some((score(of, c)?, *c)))
            .collect();
        let low = scored.iter().map(|(s, _)| *s).min()?;
        let at_low: Vec<&str> = scored
            .iter()
            .filter(|(s, _)| *s == low)
            .map(|(_, c)| *c)
            .collect();
        match at_low.as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    };
    let mut out = BTreeMap::new();
    for guess in &guesses {
        let Some(printed_name) = best(guess, printed, &|g, p| guess_explained_by(g, p)) else {
            continue;
        };
        if best(printed_name, &guesses, &|p, g| guess_explained_by(g, p)) == Some(guess) {
            out.insert(*guess, printed_name);
        }
    }
    out
}

/// The entity note, if any, that doubts the field's required flag: it
/// names the field's option and calls it both required and read-only
/// (ResourceAccessRule `applied-resources-count`).
fn doubting_note<'a>(field: &Field, notes: &'a [String]) -> Option<&'a str> {
    let option = field.cli_option.as_deref()?.trim_start_matches('-');
    notes.iter().map(String::as_str).find(|note| {
        note.split(|c: char| c.is_whitespace() || c == ';' || c == ',')
            .any(|word| word == option)
            && note.contains("required")
            && note.contains("read-only")
    })
}

fn id_field() -> FieldPlan {
    FieldPlan {
        requirement: Requirement::UpdateOnly,
        ..FieldPlan::plain(
            "Id",
            "i64".into(),
            vec![
                "`Id` (`long`): the record's Id; required to update it, absent when creating."
                    .into(),
            ],
        )
    }
}

/// The operations of an entity: the catalogue's, and those an official
/// REST page documents (`post-<plural>` for create, ...).
fn operations(entity: &Entity, evidence: &Evidence) -> Vec<&'static str> {
    let plural = &entity.plural;
    OPERATIONS
        .into_iter()
        .filter(|op| {
            let page = match *op {
                "list" => format!("get-{plural}"),
                "get" => format!("get-{plural}-by-id"),
                "create" => format!("post-{plural}"),
                "update" => format!("put-{plural}"),
                _ => format!("delete-{plural}"),
            };
            entity.operations.iter().any(|o| o == op) || evidence.has_page(&page)
        })
        .collect()
}

/// The `FilterKind` of a filter as its page types it: a `from_` / `to_`
/// bound printed as a string is a date.
fn filter_kind(name: &str, ty: Option<&str>) -> &'static str {
    let range = name.starts_with("from_") || name.starts_with("to_");
    match ty.map(str::to_ascii_lowercase).as_deref() {
        Some("integer") => "Integer",
        Some("number") => "Number",
        Some("boolean") => "Boolean",
        Some("string") if range => "DateTime",
        Some("string") => "Text",
        _ => "Any",
    }
}

/// The field that flattens [`RecordMeta`](meta_field) into a resource.
fn meta_plan() -> FieldPlan {
    FieldPlan {
        ident: "meta".into(),
        flatten: true,
        ..FieldPlan::plain(
            "",
            "RecordMeta".into(),
            vec![
                "What every record carries (`UniqueId`, `CreatedOn`, `UpdatedOn`, ...): see \
                 [`RecordMeta`]. Flattened: its keys sit in the record's own JSON object."
                    .into(),
            ],
        )
    }
}

/// One field of `RecordMeta`, the fields every record carries.
fn meta_field(base: &BaseField) -> FieldPlan {
    let urls: Vec<&str> = base.sources.iter().map(String::as_str).collect();
    let (ty, words) = match scalar_type(&base.ty) {
        Some(ty) => (ty.to_owned(), format!("`{}`", base.ty)),
        None => ("serde_json::Value".to_owned(), "any JSON value".to_owned()),
    };
    let who = if base.read_only {
        "Filled by the server: read, never sent back."
    } else {
        "The API user's own data: sent back as read."
    };
    FieldPlan {
        read_only: base.read_only,
        ..FieldPlan::plain(
            &base.name,
            ty,
            vec![format!(
                "`{}` ({words}). Optional. {who} Printed on {}.",
                base.name,
                first_of(&urls)
            )],
        )
    }
}

fn resource_docs(
    entity: &Entity,
    module: &str,
    path: &str,
    candidates: &[Candidate],
    base_names: &BTreeSet<&str>,
    operations: &[&str],
) -> Vec<String> {
    let mut docs = Vec::new();
    let article = if entity.name.starts_with(['A', 'E', 'I', 'O', 'U']) {
        "An"
    } else {
        "A"
    };
    docs.push(format!(
        "{article} `{}` record of the Nexudus API.",
        entity.name
    ));
    docs.push(String::new());
    if path.is_empty() {
        docs.push(
            "No public source gives this entity's endpoint or module, so `PATH` is empty \
             (`\"\"`): the model validates bodies, but a client cannot address it."
                .into(),
        );
    } else {
        let from = entity.path_source.as_deref().map_or_else(String::new, |s| {
            // URLs in backticks, so rustdoc does not take them for bare links.
            let words: Vec<String> = s
                .split_whitespace()
                .map(|w| {
                    if w.starts_with("http") {
                        format!("`{w}`")
                    } else {
                        w.to_owned()
                    }
                })
                .collect();
            format!(" (path from {})", words.join(" "))
        });
        docs.push(format!("Endpoint `{path}`{from}; module `{module}`."));
    }
    docs.push(format!(
        "Operations: {} (`nexudus_validate::ops`).",
        operations.join(", ")
    ));
    docs.push(String::new());
    match &entity.source {
        Some(source) => {
            let commit = source.commit.as_deref().map_or_else(String::new, |c| {
                format!(" at `{}`", c.chars().take(8).collect::<String>())
            });
            docs.push(format!(
                "Generated from `spec/nexudus-api.json`; fields from `{}` `{}`{commit}.",
                source.repo, source.path
            ));
        }
        None => docs.push(
            "Generated from `spec/nexudus-api.json`, which lists no fields for it: only `Id`."
                .into(),
        ),
    }
    let mut read: Vec<&str> = entity
        .official
        .iter()
        .flat_map(|o| &o.pages)
        .map(|p| p.url.as_str())
        .collect();
    read.dedup();
    if !read.is_empty() {
        docs.push(String::new());
        docs.push("Official pages read (field docs name them by their label):".into());
        docs.push(String::new());
        let mut listed = Vec::new();
        for url in read {
            if !listed.contains(&url) {
                listed.push(url);
                docs.push(format!("- {}: `{url}`", page_label(url)));
            }
        }
    }
    let evidence = Evidence::of(entity);
    let read_only: Vec<String> = evidence
        .printed_names()
        .into_iter()
        .filter(|n| *n != "Id" && !candidates.iter().any(|c| c.wire == *n))
        .filter(|n| !base_names.contains(n))
        .map(|n| format!("`{n}`"))
        .collect();
    if !read_only.is_empty() {
        docs.push(String::new());
        docs.push(format!(
            "The official pages also print these keys of a record, which no page read lists in a \
             request body: the model leaves them out (serde skips them when reading): {}.",
            read_only.join(", ")
        ));
    }
    let unmodelled: Vec<String> = entity
        .devdocs_fields_not_in_skills
        .iter()
        .filter(|f| !candidates.iter().any(|c| &c.wire == *f))
        .filter(|f| !read_only.contains(&format!("`{f}`")))
        .map(|f| format!("`{f}`"))
        .collect();
    if !unmodelled.is_empty() {
        docs.push(String::new());
        docs.push(format!(
            "The official pages also list {}, which the catalogue's field tables do not type: \
             they are not modelled (serde ignores them when reading).",
            unmodelled.join(", ")
        ));
    }
    let secrets: Vec<String> = candidates
        .iter()
        .filter(|c| is_secret(&c.wire, &c.ty))
        .map(|c| format!("`{}`", c.wire))
        .collect();
    if !secrets.is_empty() {
        docs.push(String::new());
        docs.push(format!(
            "Its `Debug` never prints the sensitive fields ({}), only whether they are set.",
            secrets.join(", ")
        ));
    }
    for note in &entity.notes {
        docs.push(String::new());
        docs.push(format!("Catalogue note: {note}."));
    }
    docs
}

// Tests only: fixed inputs.
#[cfg(test)]
mod tests {
    use super::*;

    fn field(name: &str, option: &str) -> Field {
        serde_json::from_value(serde_json::json!({"name": name, "type": "long",
            "required_on_create": true, "create": true, "update": true, "enum": null,
            "casing": "confirmed", "casing_source": "skills key fields", "cli_option": option}))
        .unwrap()
    }

    #[test]
    fn a_note_that_calls_a_required_field_read_only_doubts_its_flag() {
        let f = field("AppliedResourcesCount", "--applied-resources-count");
        let note =
            "applied-resources-count is marked required on create but described as read-only";
        assert_eq!(doubting_note(&f, &[note.to_owned()]), Some(note));
        let other = "linked-resource-ids described as read-only".to_owned();
        assert_eq!(doubting_note(&f, &[other]), None);
    }

    #[test]
    fn secrets_are_string_fields_named_like_secrets() {
        assert!(is_secret("ApiKey", "string"));
        assert!(is_secret("ZoomRefreshToken", "string"));
        assert!(!is_secret("LastLanguageTokenUpdate", "DateTime"));
        assert!(!is_secret("Name", "string"));
    }

    #[test]
    fn a_field_only_the_pages_print_gets_a_type_that_never_refuses_a_guess() {
        assert_eq!(official_type(&["DateTime?", "string"]), "DateTime");
        assert_eq!(official_type(&["integer", "123"]), "long");
        assert_eq!(official_type(&["int?"]), "int");
        assert_eq!(official_type(&["number"]), "decimal");
        assert_eq!(official_type(&["123"]), "number");
        assert_eq!(official_type(&["[123]"]), "list");
        assert_eq!(official_type(&["\"<string>\""]), "string");
        assert_eq!(official_type(&["{}"]), "json");
        assert_eq!(official_type(&[]), "json");
    }
}
