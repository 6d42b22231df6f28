//! The catalogue's shape (`spec/nexudus-api.json`), as far as the generator
//! reads it. Unknown keys are ignored; a missing required key is an error.

use std::collections::BTreeMap;

use serde::Deserialize;

/// The whole file.
#[derive(Debug, Deserialize)]
pub struct Spec {
    /// The fields every record carries in a GET answer, added to every
    /// generated model.
    pub base_fields: Vec<BaseField>,
    pub entities: Vec<Entity>,
}

/// A field every record carries.
#[derive(Debug, Deserialize)]
pub struct BaseField {
    pub name: String,
    #[serde(rename = "type")]
    pub ty: String,
    pub read_only: bool,
    /// The official pages that print it.
    pub sources: Vec<String>,
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
    /// What the official pages print, page by page; `None` for an entity
    /// whose pages were not found.
    pub official: Option<Official>,
}

/// The official pages read for an entity, each with its URL.
#[derive(Debug, Deserialize)]
pub struct Official {
    pub pages: Vec<Page>,
    #[serde(default)]
    pub enums: Vec<OfficialEnum>,
    /// Pages of the entity seen but not read (a delete page, a batch page).
    #[serde(default)]
    pub other_pages_seen: Vec<String>,
}

/// Which operation a page documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PageKind {
    /// `post-<plural>`: create.
    Post,
    /// `put-<plural>`: update.
    Put,
    /// `get-<plural>-by-id`: one record.
    Get,
    /// `get-<plural>`: the list, its filters.
    List,
    /// A reference article or table (support.nexudus.com, `/reference/`).
    Reference,
    /// The keys of an example on a page (a curl body, a batch answer):
    /// names only.
    Example,
}

/// One official page as read: only the lists it has are non-empty.
#[derive(Debug, Deserialize)]
pub struct Page {
    pub kind: PageKind,
    pub url: String,
    /// Under "Required Fields" (POST, PUT).
    #[serde(default)]
    pub required: Vec<PageField>,
    /// Whether the whole required list was read.
    #[serde(default)]
    pub required_complete: bool,
    /// Under "Optional Fields" (POST, PUT).
    #[serde(default)]
    pub optional: Vec<PageField>,
    /// The record's keys (GET by id, an example), with the sample value
    /// shown.
    #[serde(default)]
    pub fields: Vec<SampleField>,
    /// The list's filters (list page).
    #[serde(default)]
    pub filters: Vec<Filter>,
    /// The list's `from_` / `to_` filters (list page).
    #[serde(default)]
    pub range_filters: Vec<Filter>,
    /// The reference article's attributes.
    #[serde(default)]
    pub attributes: Vec<Attribute>,
}

/// A field of a POST or PUT page.
#[derive(Debug, Deserialize)]
pub struct PageField {
    pub name: String,
    #[serde(rename = "type")]
    pub ty: Option<String>,
    /// The page's "Defaults to ..." text, verbatim.
    pub default: Option<String>,
}

/// A key of a GET page's record.
#[derive(Debug, Deserialize)]
pub struct SampleField {
    pub name: String,
    pub sample: Option<String>,
}

/// A list filter: its query parameter and the type its page prints.
#[derive(Debug, Deserialize)]
pub struct Filter {
    pub name: String,
    #[serde(rename = "type")]
    pub ty: Option<String>,
}

/// An attribute of a reference article: `Name: type flags`.
#[derive(Debug, Deserialize)]
pub struct Attribute {
    pub name: String,
    #[serde(rename = "type")]
    pub ty: Option<String>,
    pub flags: Option<String>,
}

/// An enum table printed on an official page.
#[derive(Debug, Deserialize)]
pub struct OfficialEnum {
    /// The .NET enum's name (`eGender`), where printed.
    pub title: Option<String>,
    /// The field it belongs to, where the page says.
    pub field: Option<String>,
    pub values: Vec<(i64, String)>,
    pub url: String,
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
