//! The catalogue's shape (`spec/nexudus-api.json`), as far as the generator
//! reads it. Unknown keys are ignored; a missing required key is an error.

use std::collections::BTreeMap;

use serde::Deserialize;

/// The whole file.
#[derive(Debug, Deserialize)]
pub struct Spec {
    pub entities: Vec<Entity>,
}

/// One entity of the API.
#[derive(Debug, Deserialize)]
pub struct Entity {
    pub name: String,
    pub plural: String,
    pub module: Option<String>,
    pub path: Option<String>,
    pub path_source: Option<String>,
    pub operations: Vec<String>,
    #[serde(default)]
    pub authoritative_elsewhere: bool,
    /// `null` for an entity no source has a field table for (Ticket).
    pub source: Option<Source>,
    #[serde(default)]
    pub notes: Vec<String>,
    #[serde(default)]
    pub devdocs_fields_not_in_skills: Vec<String>,
    pub fields: Vec<Field>,
    /// Enum name -> `[value, name]` pairs, or `null` when no source gives
    /// a value table.
    pub enums: BTreeMap<String, Option<Vec<(i64, String)>>>,
}

/// Where an entity's field table came from.
#[derive(Debug, Deserialize)]
pub struct Source {
    pub repo: String,
    pub path: String,
    pub commit: Option<String>,
}

/// One field of an entity.
#[derive(Debug, Deserialize)]
pub struct Field {
    pub name: String,
    #[serde(rename = "type")]
    pub ty: String,
    pub required_on_create: bool,
    pub create: bool,
    pub update: bool,
    #[serde(rename = "enum")]
    pub enum_name: Option<String>,
    pub casing: String,
    pub casing_source: String,
    pub casing_scope: Option<String>,
    pub guess_confidence: Option<String>,
    pub cli_option: Option<String>,
    #[serde(default)]
    pub pii: bool,
    pub pii_category: Option<String>,
    /// Official POST page -> its required flag.
    pub devdocs_required_on_create: Option<BTreeMap<String, bool>>,
    /// Official PUT page -> its required flag.
    pub devdocs_required_on_update: Option<BTreeMap<String, bool>>,
    #[serde(default)]
    pub read_only: bool,
    pub max_length: Option<u32>,
    pub child: Option<Child>,
    /// Source -> the values it lists, where they differ from the table.
    pub enum_disagreement: Option<BTreeMap<String, Vec<(i64, String)>>>,
    pub enum_values_source: Option<String>,
}

/// An inline child collection's writable fields.
#[derive(Debug, Deserialize)]
pub struct Child {
    pub writable: Vec<String>,
}

impl Spec {
    /// Parses the catalogue.
    pub fn parse(text: &str) -> Result<Spec, String> {
        serde_json::from_str(text).map_err(|e| format!("spec/nexudus-api.json: {e}"))
    }
}
