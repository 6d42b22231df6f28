//! The counts of `spec/README.md`: what the official pages gave and what
//! the generator decided, written between two markers of that file so
//! that they never drift from the spec (`codegen --check` compares them).

use std::collections::BTreeSet;
use std::fmt::Write as _;

use crate::model::{Model, NameFrom};
use crate::requirement::{DecidedBy, Requirement};
use crate::spec::{PageKind, Spec};

pub const BEGIN: &str = "<!-- counts: written by `cargo run -p xtask -- codegen` -->";
pub const END: &str = "<!-- end of counts -->";

/// `readme` with its counts section replaced; an error when the markers
/// are missing.
pub fn splice(readme: &str, spec: &Spec, model: &Model) -> Result<String, String> {
    let (Some(start), Some(end)) = (readme.find(BEGIN), readme.find(END)) else {
        return Err(format!(
            "spec/README.md has no `{BEGIN}` ... `{END}` section"
        ));
    };
    if end < start {
        return Err("spec/README.md: the counts markers are out of order".into());
    }
    Ok(format!(
        "{}{BEGIN}\n{}{}",
        &readme[..start],
        counts(spec, model),
        &readme[end..]
    ))
}

fn counts(spec: &Spec, model: &Model) -> String {
    let generated: Vec<_> = spec
        .entities
        .iter()
        .filter(|e| !e.authoritative_elsewhere)
        .collect();
    let with_pages = |kind: Option<PageKind>| {
        generated
            .iter()
            .filter(|e| {
                e.official
                    .as_ref()
                    .is_some_and(|o| o.pages.iter().any(|p| kind.is_none_or(|k| p.kind == k)))
            })
            .count()
    };
    let pages = |kind: PageKind| {
        let urls: BTreeSet<&str> = generated
            .iter()
            .flat_map(|e| e.official.iter().flat_map(|o| &o.pages))
            .filter(|p| p.kind == kind)
            .map(|p| p.url.as_str())
            .collect();
        urls.len()
    };
    let fields: Vec<_> = model
        .modules
        .iter()
        .flat_map(|m| &m.resources)
        .flat_map(|r| r.fields.iter().map(move |f| (r, f)))
        .filter(|(_, f)| f.name_from != NameFrom::Fixed)
        .collect();
    let named =
        |want: fn(&NameFrom) -> bool| fields.iter().filter(|(_, f)| want(&f.name_from)).count();
    let required = |r: Requirement| fields.iter().filter(|(_, f)| f.requirement == r).count();
    let decided = |by: DecidedBy, required: bool| {
        fields
            .iter()
            .filter(|(_, f)| {
                f.decided_by == by && (f.requirement != Requirement::Optional) == required
            })
            .count()
    };
    let enums: Vec<_> = model
        .modules
        .iter()
        .flat_map(|m| &m.resources)
        .flat_map(|r| &r.enums)
        .collect();
    let mut out = String::from("| what | count |\n|---|---:|\n");
    let mut row = |what: &str, count: String| {
        let _ = writeln!(out, "| {what} | {count} |");
    };
    row(
        "generated entities (the five seeds are hand-written)",
        generated.len().to_string(),
    );
    row("... with official pages read", with_pages(None).to_string());
    for (what, kind) in [
        ("create (POST)", PageKind::Post),
        ("update (PUT)", PageKind::Put),
        ("one record (GET by id)", PageKind::Get),
        ("list (GET)", PageKind::List),
        ("reference articles and tables", PageKind::Reference),
    ] {
        row(
            &format!("... with {what} pages: entities / pages"),
            format!("{} / {}", with_pages(Some(kind)), pages(kind)),
        );
    }
    row(
        "generated fields (`Id` and child records aside)",
        fields.len().to_string(),
    );
    row(
        "... names an official page prints: the catalogue's / only the pages'",
        format!(
            "{} / {}",
            named(|n| matches!(n, NameFrom::Printed)),
            named(|n| matches!(n, NameFrom::Added))
        ),
    );
    row(
        "... guessed names replaced by the printed name (listed below)",
        named(|n| matches!(n, NameFrom::Renamed(_))).to_string(),
    );
    row(
        "... names still guessed (no source prints them; never required)",
        named(|n| matches!(n, NameFrom::Guessed)).to_string(),
    );
    row(
        "... names from other sources only (legacy docs, skills reference)",
        named(|n| matches!(n, NameFrom::Confirmed)).to_string(),
    );
    row(
        "fields every record carries (`RecordMeta`, flattened into every model)",
        model.meta.len().to_string(),
    );
    row(
        "required on create and update / update only / create only",
        format!(
            "{} / {} / {}",
            required(Requirement::Always),
            required(Requirement::UpdateOnly),
            required(Requirement::CreateOnly)
        ),
    );
    row(
        "... decided by the official pages / by the reference tables",
        format!(
            "{} / {}",
            decided(DecidedBy::Pages, true),
            decided(DecidedBy::Tables, true)
        ),
    );
    row(
        "optional where the official pages of an operation disagree",
        decided(DecidedBy::Disagreement, false).to_string(),
    );
    row(
        "optional because a page says \"Defaults to ...\"",
        decided(DecidedBy::Default, false).to_string(),
    );
    row(
        "optional where only the tables flag it (an enum or a bool, or tables disagreeing)",
        decided(DecidedBy::Tables, false).to_string(),
    );
    row(
        "open enums / listing `0`",
        format!(
            "{} / {}",
            enums.len(),
            enums
                .iter()
                .filter(|e| e.variants.iter().any(|v| v.value == 0))
                .count()
        ),
    );
    let _ = writeln!(
        out,
        "\nGuessed names replaced by the name the pages print:\n"
    );
    let _ = writeln!(out, "| entity | guess | printed |\n|---|---|---|");
    for (r, f) in &fields {
        if let NameFrom::Renamed(guess) = &f.name_from {
            let _ = writeln!(out, "| {} | `{guess}` | `{}` |", r.name, f.wire);
        }
    }
    out
}
