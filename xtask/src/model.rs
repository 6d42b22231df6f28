//! The catalogue turned into what gets written: per module, its resources
//! with typed fields, requirements, enums and child records, each with the
//! sentences that document where it came from.
//!
//! Every decision about the catalogue's facts is made here (the policy is
//! documented in `nexudus-validate/src/resources/mod.rs`); `emit` only
//! prints.

use std::collections::{BTreeMap, BTreeSet};

use crate::naming::{field_ident, singular, snake_case, type_ident, variant_ident};
use crate::spec::{Entity, Field, Spec};

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
    "Serialize_repr",
    "Deserialize_repr",
    "NexudusResource",
    "NexudusDateTime",
    "ResourceInfo",
    "Secret",
];

/// When `#[required]` applies, as the derive spells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Requirement {
    /// No attribute.
    Optional,
    /// `#[required]`.
    Always,
    /// `#[required(update)]`.
    UpdateOnly,
}

/// A field's requirement and the sentence saying which sources decided it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    pub requirement: Requirement,
    pub why: String,
}

/// What the official pages of one kind (POST or PUT) say about a field.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Pages {
    /// No such page was read.
    None,
    /// Every page gives this flag.
    Agree(bool, Vec<String>),
    /// The pages give both flags.
    Disagree(Vec<String>),
}

fn pages(flags: Option<&BTreeMap<String, bool>>) -> Pages {
    let Some(flags) = flags.filter(|f| !f.is_empty()) else {
        return Pages::None;
    };
    let names: Vec<String> = flags.keys().map(|url| page_name(url)).collect();
    let first = *flags.values().next().unwrap_or(&false);
    if flags.values().all(|&flag| flag == first) {
        Pages::Agree(first, names)
    } else {
        Pages::Disagree(
            flags
                .iter()
                .map(|(url, flag)| format!("{} ({})", page_name(url), yes_no(*flag)))
                .collect(),
        )
    }
}

fn yes_no(required: bool) -> &'static str {
    if required {
        "required"
    } else {
        "optional"
    }
}

/// `https://developers.nexudus.com/rest-api/spaces/post-bookings` ->
/// `developers.nexudus.com/rest-api/spaces/post-bookings`.
fn page_name(url: &str) -> String {
    let url = url.trim();
    let url = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .unwrap_or(url);
    format!("`{url}`")
}

fn page_list(kind: &str, names: &[String]) -> String {
    let s = if names.len() == 1 { "" } else { "s" };
    format!("the official {kind} page{s} {}", names.join(", "))
}

/// The requirement policy (see the `resources` module docs):
///
/// 1. a read-only (list filter) field is never required, nor one whose
///    flag an entity note doubts (see `doubting_note`);
/// 2. official pages win over the reference table; where official pages
///    disagree with each other (two pages of one kind, or the POST page
///    with the PUT page) the field is not required;
/// 3. on create, the POST pages' flag, else the table's; on update, the
///    PUT pages' flag, else the create flag (Nexudus's update needs the
///    fields its create needs: every PUT page read for a create-only
///    required field requires it too);
/// 4. required on both: `#[required]`; on update only:
///    `#[required(update)]`; on create only: not checked, because the
///    derive has no create-only requirement and an update must not be
///    blocked (the server still checks the create).
pub fn requirement(field: &Field, notes: &[String]) -> Decision {
    let optional = |why: String| Decision {
        requirement: Requirement::Optional,
        why,
    };
    if field.read_only {
        return optional("Optional: read-only (a list filter).".into());
    }
    if let Some(note) = doubting_note(field, notes) {
        return optional(format!(
            "Optional: the flag is doubtful (catalogue note: \"{note}\"); reference table: {}.",
            yes_no(field.required_on_create)
        ));
    }
    let post = pages(field.devdocs_required_on_create.as_ref());
    let put = pages(field.devdocs_required_on_update.as_ref());
    let table = field.required_on_create;
    for (kind, p) in [("POST", &post), ("PUT", &put)] {
        if let Pages::Disagree(list) = p {
            return optional(format!(
                "Optional: the official {kind} pages disagree ({}); reference table: {}.",
                list.join(", "),
                yes_no(table)
            ));
        }
    }
    if let (Pages::Agree(create, post_names), Pages::Agree(update, put_names)) = (&post, &put) {
        if create != update {
            return optional(format!(
                "Optional: {} says {}, {} says {}; reference table: {}.",
                page_list("POST", post_names),
                yes_no(*create),
                page_list("PUT", put_names),
                yes_no(*update),
                yes_no(table)
            ));
        }
    }
    let (create, create_from) = match &post {
        Pages::Agree(flag, names) => (*flag, page_list("POST", names)),
        _ => (table, "the reference table".to_owned()),
    };
    let create = create && field.create;
    let (update, update_from) = match &put {
        Pages::Agree(flag, names) => (*flag, page_list("PUT", names)),
        _ => (create, create_from.clone()),
    };
    let table_note = |flag: bool, from: &str| {
        if from == "the reference table" || flag == table {
            String::new()
        } else {
            format!(" (the reference table says {})", yes_no(table))
        }
    };
    match (create, update) {
        (true, true) => {
            let from = if create_from == update_from {
                create_from
            } else {
                format!("{create_from} and {update_from}")
            };
            Decision {
                requirement: Requirement::Always,
                why: format!("Required on create and update ({from})."),
            }
        }
        (false, true) => Decision {
            requirement: Requirement::UpdateOnly,
            why: format!(
                "Required on update only ({update_from}{}).",
                table_note(true, &update_from)
            ),
        },
        (true, false) => optional(format!(
            "Optional here: {create_from} requires it on create, {update_from} says optional on \
             update, and a create-only requirement cannot be declared (the server still checks \
             the create)."
        )),
        (false, false) => {
            let from = if matches!(put, Pages::Agree(..)) {
                update_from
            } else {
                create_from
            };
            let mut why = format!("Optional ({from}{}).", table_note(false, &from));
            if field.required_on_create && !field.create {
                why = "Optional: not accepted on create.".into();
            }
            optional(why)
        }
    }
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

/// Whether a string field's name says it holds a secret.
pub fn is_secret(field: &Field) -> bool {
    let lower = field.name.to_ascii_lowercase();
    field.ty == "string" && SECRET_WORDS.iter().any(|w| lower.contains(w))
}

/// The whole generated tree.
pub struct Model {
    pub modules: Vec<Module>,
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
}

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
    pub sensitive: bool,
    pub read_only: bool,
    pub docs: Vec<String>,
    /// The generated enum type this field holds, if any.
    pub enum_type: Option<String>,
}

/// One serde_repr enum.
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
        format!("the official page {}{more}", page_name(url))
    } else if let Some(path) = source.strip_prefix("legacy-gitbook:") {
        format!("the legacy API docs `{path}`")
    } else if let Some(what) = source.strip_prefix("skills ") {
        format!("the Nexudus skills reference ({what})")
    } else {
        format!("`{source}`")
    }
}

fn name_provenance(field: &Field) -> String {
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

/// The union of the values every source lists for an enum, by value; the
/// doc of each value says which source lists it when not every one does.
fn enum_union(entity: &Entity, enum_name: &str) -> Option<Vec<Variant>> {
    let table = entity.enums.get(enum_name).cloned().flatten();
    let mut values: BTreeMap<i64, (String, Vec<String>)> = BTreeMap::new();
    let mut sources = 0;
    if let Some(table) = &table {
        sources += 1;
        for (value, name) in table {
            values
                .entry(*value)
                .or_insert_with(|| (name.clone(), Vec::new()))
                .1
                .push("table".into());
        }
    }
    for field in entity
        .fields
        .iter()
        .filter(|f| f.enum_name.as_deref() == Some(enum_name))
    {
        for (source, list) in field.enum_disagreement.iter().flatten() {
            sources += 1;
            for (value, name) in list {
                values
                    .entry(*value)
                    .or_insert_with(|| (name.clone(), Vec::new()))
                    .1
                    .push(source.clone());
            }
        }
    }
    if values.is_empty() {
        return None;
    }
    let mut used = BTreeSet::new();
    Some(
        values
            .into_iter()
            .map(|(value, (name, listed_by))| {
                let mut ident = variant_ident(&name);
                if !used.insert(ident.clone()) {
                    ident = format!("{ident}{}", value.unsigned_abs());
                    used.insert(ident.clone());
                }
                let doc = if listed_by.len() == sources {
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

/// The Rust type (inside `Option`) and the type's words for a scalar
/// catalogue type; `None` for `enum` and `children`.
fn scalar_type(ty: &str) -> Option<&'static str> {
    Some(match ty {
        "long" => "i64",
        "int" => "i32",
        "bool" => "bool",
        "string" => "String",
        "DateTime" => "NexudusDateTime",
        "decimal" => "f64",
        "list" => "Vec<i64>",
        _ => return None,
    })
}

struct Context<'a> {
    entities: BTreeMap<&'a str, &'a Entity>,
}

impl Model {
    /// Plans every file from the catalogue; an error names what is wrong.
    pub fn build(spec: &Spec) -> Result<Model, String> {
        let context = Context {
            entities: spec.entities.iter().map(|e| (e.name.as_str(), e)).collect(),
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

impl Context<'_> {
    fn resource(&self, entity: &Entity, module: &str) -> Result<Resource, String> {
        if !entity
            .name
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_uppercase())
            || type_ident(&entity.name) != entity.name
        {
            return Err(format!("`{}` is not a type name", entity.name));
        }
        let mut fields = vec![id_field()];
        let mut enums = Vec::new();
        let mut children = Vec::new();
        let mut imports = BTreeSet::new();
        let mut seen_enums = BTreeSet::new();
        for field in &entity.fields {
            let mut plan = self.field(entity, field)?;
            if let Some(enum_name) = &plan.enum_type {
                if seen_enums.insert(enum_name.clone()) {
                    enums.push(self.enum_plan(entity, enum_name)?);
                }
            }
            if field.ty == "children" {
                let child = self.child(entity, field, module, &mut imports)?;
                plan.ty = format!("Vec<{}>", child.name);
                plan.docs[0] = format!("`{}` (inline records, [`{}`]).", field.name, child.name);
                children.push(child);
            }
            fields.push(plan);
        }
        let mut idents = BTreeSet::new();
        for f in &mut fields {
            while !idents.insert(f.ident.clone()) {
                f.ident.push('_');
                f.rename = true;
            }
        }
        let path = entity.path.clone().unwrap_or_default();
        Ok(Resource {
            name: entity.name.clone(),
            file: snake_case(&entity.name),
            plural: entity.plural.clone(),
            docs: resource_docs(entity, module, &path),
            path,
            fields,
            enums,
            children,
            imports,
        })
    }

    fn field(&self, entity: &Entity, field: &Field) -> Result<FieldPlan, String> {
        let (ident, rename) = field_ident(&field.name);
        let decision = requirement(field, &entity.notes);
        let mut enum_type = None;
        let (ty, words) = match field.ty.as_str() {
            "enum" => {
                let Some(enum_name) = &field.enum_name else {
                    return Err(format!(
                        "{}.{}: an enum without a name",
                        entity.name, field.name
                    ));
                };
                if enum_union(entity, enum_name).is_some() {
                    enum_type = Some(type_ident(enum_name));
                    (
                        type_ident(enum_name),
                        format!("`enum` [`{}`]", type_ident(enum_name)),
                    )
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
                None => {
                    return Err(format!(
                        "{}.{}: unknown type `{other}`",
                        entity.name, field.name
                    ))
                }
            },
        };
        let sensitive = is_secret(field);
        let mut docs = vec![format!("`{}` ({words}).", field.name), decision.why];
        if let Some(max) = field.max_length {
            docs.push(format!("At most {max} characters."));
        }
        match (field.create, field.update, field.read_only) {
            (_, _, true) => docs.push("Read from the server, never sent back.".into()),
            (true, false, _) => docs.push("Accepted on create only.".into()),
            (false, true, _) => docs.push("Accepted on update only.".into()),
            (false, false, false) => docs.push("Accepted on neither create nor update.".into()),
            (true, true, false) => {}
        }
        if sensitive {
            docs.push("Sensitive: never shown in failures or `Debug`.".into());
        }
        if let Some(category) = &field.pii_category {
            docs.push(format!(
                "Personal data ({}).",
                category.to_ascii_lowercase()
            ));
        } else if field.pii {
            docs.push("Personal data.".into());
        }
        docs.push(name_provenance(field));
        Ok(FieldPlan {
            wire: field.name.clone(),
            ident,
            rename,
            ty,
            requirement: decision.requirement,
            max_length: field.max_length.filter(|_| field.ty == "string"),
            nested: field.ty == "children",
            sensitive,
            read_only: field.read_only,
            docs,
            enum_type,
        })
    }

    fn enum_plan(&self, entity: &Entity, enum_name: &str) -> Result<EnumPlan, String> {
        let variants = enum_union(entity, enum_name)
            .ok_or_else(|| format!("{}: enum {enum_name} has no values", entity.name))?;
        if let Some(v) = variants.iter().find(|v| i32::try_from(v.value).is_err()) {
            return Err(format!(
                "{}: enum {enum_name} value {} does not fit the i32 representation",
                entity.name, v.value
            ));
        }
        let users: Vec<String> = entity
            .fields
            .iter()
            .filter(|f| f.enum_name.as_deref() == Some(enum_name))
            .map(|f| format!("`{}.{}`", entity.name, f.name))
            .collect();
        let mut from = vec!["the reference table".to_owned()];
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
        let union = if from.len() > 1 {
            " (the union of their values)"
        } else {
            ""
        };
        Ok(EnumPlan {
            name: type_ident(enum_name),
            docs: vec![
                format!("The values of {} (`{enum_name}`).", users.join(", ")),
                String::new(),
                format!(
                    "Travels as an integer; other integers are rejected. Values from {}{union}.",
                    from.join(" and ")
                ),
            ],
            variants,
        })
    }

    /// The record type of an inline child collection: the writable fields,
    /// all optional, typed from the child entity when the catalogue has it
    /// (`<Field singular>` or `<Parent><Field singular>`), else any JSON
    /// value. Enum-typed child fields use the child entity's enum when it
    /// is generated in the same module, else a plain integer.
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
            let (ident, rename) = field_ident(wire);
            let known =
                entity.and_then(|e| e.fields.iter().find(|f| &f.name == wire).map(|f| (e, f)));
            let (ty, words) = match known {
                Some((e, f)) if f.ty == "enum" => {
                    let enum_name = f.enum_name.as_deref().unwrap_or_default();
                    let same_module = e.module.as_deref().unwrap_or("other") == module;
                    if same_module
                        && !e.authoritative_elsewhere
                        && enum_union(e, enum_name).is_some()
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
            fields.push(FieldPlan {
                wire: wire.clone(),
                ident,
                rename,
                ty,
                requirement: Requirement::Optional,
                max_length: None,
                nested: false,
                sensitive: false,
                read_only: false,
                docs: vec![format!("`{wire}` ({words}). Optional.")],
                enum_type: None,
            });
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

fn id_field() -> FieldPlan {
    FieldPlan {
        wire: "Id".into(),
        ident: "id".into(),
        rename: false,
        ty: "i64".into(),
        requirement: Requirement::UpdateOnly,
        max_length: None,
        nested: false,
        sensitive: false,
        read_only: false,
        docs: vec![
            "`Id` (`long`): the record's Id; required to update it, absent when creating.".into(),
        ],
        enum_type: None,
    }
}

fn resource_docs(entity: &Entity, module: &str, path: &str) -> Vec<String> {
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
    docs.push(format!("Operations: {}.", entity.operations.join(", ")));
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
    if !entity.devdocs_fields_not_in_skills.is_empty() {
        docs.push(String::new());
        docs.push(format!(
            "The official pages also list {}, which the catalogue's field tables do not type: \
             they are not modelled (serde ignores them when reading).",
            entity
                .devdocs_fields_not_in_skills
                .iter()
                .map(|f| format!("`{f}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    let secrets: Vec<String> = entity
        .fields
        .iter()
        .filter(|f| is_secret(f))
        .map(|f| format!("`{}`", f.name))
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A long, optional, create-and-update field with `json`'s keys on top.
    fn field(json: &str) -> Field {
        let mut value = serde_json::json!({"name": "X", "type": "long", "required_on_create": false,
            "create": true, "update": true, "enum": null, "casing": "confirmed",
            "casing_source": "skills key fields"});
        let overrides: serde_json::Value = serde_json::from_str(&format!("{{{json}}}")).unwrap();
        for (key, v) in overrides.as_object().unwrap() {
            value[key] = v.clone();
        }
        serde_json::from_value(value).unwrap()
    }

    fn req(json: &str) -> Requirement {
        requirement(&field(json), &[]).requirement
    }

    #[test]
    fn the_table_decides_when_no_page_was_read() {
        assert_eq!(req(r#""required_on_create": true"#), Requirement::Always);
        assert_eq!(req(r#""required_on_create": false"#), Requirement::Optional);
    }

    #[test]
    fn an_official_page_wins_over_the_table() {
        let post_no = r#""required_on_create": true, "devdocs_required_on_create": {"p": false}"#;
        assert_eq!(req(post_no), Requirement::Optional);
        let put_yes = r#""required_on_create": false, "devdocs_required_on_update": {"p": true}"#;
        assert_eq!(req(put_yes), Requirement::UpdateOnly);
        let put_yes_table_yes = r#""required_on_create": true, "update": false, "devdocs_required_on_update": {"p": true}"#;
        assert_eq!(req(put_yes_table_yes), Requirement::Always);
    }

    #[test]
    fn disagreeing_official_pages_make_a_field_optional() {
        let two_puts =
            r#""required_on_create": true, "devdocs_required_on_update": {"a": true, "b": false}"#;
        assert_eq!(req(two_puts), Requirement::Optional);
        let post_vs_put = r#""required_on_create": true, "devdocs_required_on_create": {"a": false},
            "devdocs_required_on_update": {"b": true}"#;
        assert_eq!(req(post_vs_put), Requirement::Optional);
    }

    #[test]
    fn create_only_requirements_are_not_declared() {
        let put_no = r#""required_on_create": true, "devdocs_required_on_update": {"p": false}"#;
        assert_eq!(req(put_no), Requirement::Optional);
    }

    #[test]
    fn a_note_that_calls_a_required_field_read_only_makes_it_optional() {
        let f = field(r#""required_on_create": true, "cli_option": "--applied-resources-count""#);
        let note =
            "applied-resources-count is marked required on create but described as read-only";
        assert_eq!(
            requirement(&f, &[note.to_owned()]).requirement,
            Requirement::Optional
        );
        let other = "linked-resource-ids described as read-only".to_owned();
        assert_eq!(requirement(&f, &[other]).requirement, Requirement::Always);
    }

    #[test]
    fn read_only_fields_are_never_required() {
        assert_eq!(
            req(
                r#""required_on_create": true, "read_only": true, "create": false, "update": false"#
            ),
            Requirement::Optional
        );
    }

    #[test]
    fn secrets_are_string_fields_named_like_secrets() {
        assert!(is_secret(&field(
            r#""required_on_create": false, "name": "ApiKey", "type": "string""#
        )));
        assert!(is_secret(&field(
            r#""required_on_create": false, "name": "ZoomRefreshToken", "type": "string""#
        )));
        assert!(!is_secret(&field(
            r#""required_on_create": false, "name": "LastLanguageTokenUpdate", "type": "DateTime""#
        )));
        assert!(!is_secret(&field(
            r#""required_on_create": false, "name": "Name", "type": "string""#
        )));
    }
}
