//! The derive writes each `FIELDS` entry as a plain constructor, with the
//! key prefix and the flag bits worked out at expansion time: what it
//! writes must read back, through `FieldInfo`'s methods, as the same entry
//! `FieldInfo::new` and its builders make at run time.

use nexudus_validate::{FieldInfo, NexudusResource, Requirement};
use serde::Deserialize;

#[derive(Debug, Default, Deserialize, NexudusResource)]
struct Base {
    #[required]
    code: Option<String>,
}

/// A key longer than 255 bytes (its length spills into the prefix's first
/// byte).
const LONG: &str = "KKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKK";

#[derive(Debug, Default, Deserialize, NexudusResource)]
#[serde(rename_all = "PascalCase")]
#[allow(dead_code)] // only its table is looked at
struct Every {
    #[required(update)]
    id: Option<i64>,
    #[required(allow_empty)]
    #[serde(default)]
    name: Option<String>,
    #[sensitive]
    #[nexudus(rename = "Secret.Word")]
    password: Option<String>,
    #[nested]
    parent: Option<Box<Base>>,
    #[serde(rename = "")]
    empty: Option<i64>,
    #[serde(rename = "é")]
    accented: Option<i64>,
    #[serde(rename = "SevenCh")]
    seven: Option<i64>,
    #[serde(rename = "EightChr", alias = "Eight", alias = "8")]
    eight: Option<i64>,
    #[serde(
        rename = "KKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKK"
    )]
    long: Option<i64>,
    #[serde(flatten)]
    base: Base,
}

#[test]
fn every_entry_reads_as_what_the_builders_make() {
    let expected = [
        FieldInfo::new("id", "Id", "Option<i64>").required_on_update(),
        FieldInfo::new("name", "Name", "Option<String>")
            .required()
            .allowing_empty()
            .defaulted(),
        FieldInfo::new("password", "Password", "Option<String>")
            .reported_as("Secret.Word")
            .secret(),
        FieldInfo::new("parent", "Parent", "Option<Box<Base>>").nesting(),
        FieldInfo::new("empty", "", "Option<i64>"),
        FieldInfo::new("accented", "é", "Option<i64>"),
        FieldInfo::new("seven", "SevenCh", "Option<i64>"),
        FieldInfo::new("eight", "EightChr", "Option<i64>").with_aliases(&["Eight", "8"]),
        FieldInfo::new("long", LONG, "Option<i64>"),
        FieldInfo::flatten("base", Base::FIELDS, "Base"),
    ];
    assert_eq!(Every::FIELDS, expected);
}

#[test]
fn every_flag_reads_back() {
    let [id, name, password, parent, ..] = Every::FIELDS else {
        panic!("Every has ten fields");
    };
    assert_eq!(id.requirement(), Requirement::UpdateOnly);
    assert_eq!(name.requirement(), Requirement::Always);
    assert!(name.allow_empty() && name.has_default());
    assert!(!id.allow_empty() && !id.has_default() && !id.sensitive() && !id.nested());
    assert!(password.sensitive() && !password.nested());
    assert_eq!(password.property_name(), "Secret.Word");
    assert_eq!(password.wire_name(), "Password");
    assert!(parent.nested() && !parent.sensitive());
    assert_eq!(parent.requirement(), Requirement::Optional);
}

#[test]
fn every_wire_name_and_alias_finds_its_field() {
    for (key, ident) in [
        ("Id", "id"),
        ("", "empty"),
        ("é", "accented"),
        ("SevenCh", "seven"),
        ("EightChr", "eight"),
        ("Eight", "eight"),
        ("8", "eight"),
        ("code", "code"),
        (LONG, "long"),
    ] {
        assert_eq!(
            Every::field(key).map(FieldInfo::ident),
            Some(ident),
            "{key:?}"
        );
    }
    for key in ["EightCh", "EightChrs", "SevenC", "e", "Code", &LONG[1..]] {
        assert!(Every::field(key).is_none(), "{key:?}");
    }
}

#[test]
fn every_registered_field_answers_to_its_own_keys() {
    use nexudus_validate::resources::registry;
    for resource in registry::all() {
        for field in resource.fields().iter().filter(|f| f.flattened().is_none()) {
            assert!(
                field.matches_key(field.wire_name()),
                "{}.{}",
                resource.name(),
                field.wire_name()
            );
            for alias in field.aliases() {
                assert!(field.matches_key(alias), "{}.{alias}", resource.name());
            }
        }
    }
}
