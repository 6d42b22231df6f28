//! Which operations require a field, and the sentence that says why: the
//! policy of the `resources` module docs, applied to one field's facts.
//!
//! A pre-flight that refuses what the server accepts blocks a user; one
//! that misses a rule only defers the error to the server. So, per
//! operation (create: the POST pages; update: the PUT pages):
//!
//! 1. a read-only field, a field a catalogue note doubts, a field whose
//!    name is still a guess and a field any page says "Defaults to ..."
//!    for are never required;
//! 2. where official pages of the operation were read (their Required
//!    Fields list, whole or in part), the field is required only when
//!    every one of them lists it there; the reference tables add nothing;
//! 3. where none was read: for an update, what the create decided
//!    (Nexudus's updates need the fields its creates need); for a create,
//!    the reference tables' flag (the catalogue's and the reference
//!    articles', all of them), except on enum and bool fields, whose
//!    defaulted values the tables flag as required.

/// When `#[required]` applies, as the derive spells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Requirement {
    /// No attribute.
    Optional,
    /// `#[required]`.
    Always,
    /// `#[required(update)]`.
    UpdateOnly,
    /// `#[required(create)]`.
    CreateOnly,
}

/// A field's requirement and the sentence saying which sources decided it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    pub requirement: Requirement,
    pub why: String,
    /// What decided it (for the counts in `spec/README.md`).
    pub by: DecidedBy,
}

/// What decided a requirement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecidedBy {
    /// Rule 1: read-only, guessed, doubted (never required).
    Rule,
    /// A "Defaults to ..." note.
    Default,
    /// The official pages, all agreeing.
    Pages,
    /// The official pages of an operation, disagreeing (not required).
    Disagreement,
    /// The reference tables (no official page of either operation).
    Tables,
}

/// What one official page says of the field: `Some(true)` it lists it
/// under Required Fields, `Some(false)` it does not (it lists it as
/// optional, or its whole required list leaves it out), `None` the part
/// of the list read does not say.
pub type Reading<'a> = (&'a str, Option<bool>);

/// Everything the policy looks at for one field.
#[derive(Debug, Default)]
pub struct Facts<'a> {
    /// The catalogue's reference-table flag (`None`: the field is not in
    /// the catalogue's table).
    pub table: Option<bool>,
    /// The reference articles' flags (URL, required).
    pub articles: Vec<(&'a str, bool)>,
    /// An enum or a bool: a type whose default the tables flag.
    pub defaulted_type: bool,
    /// The catalogue says a create body may carry it.
    pub on_create: bool,
    /// The catalogue says an update body may carry it.
    pub on_update: bool,
    pub read_only: bool,
    /// The name is a guess no source prints.
    pub guessed: bool,
    /// A catalogue note that calls the flag into doubt.
    pub doubted: Option<&'a str>,
    /// "Defaults to ..." notes (URL, text).
    pub defaults: Vec<(&'a str, &'a str)>,
    /// Every POST page read whose required list was seen.
    pub post: Vec<Reading<'a>>,
    /// Every PUT page read whose required list was seen.
    pub put: Vec<Reading<'a>>,
}

/// A page's short name in field docs (the resource's docs list the full
/// URLs): `developers post-products`, `learn put-products`,
/// `support 360009770917-Coworker`, `developers reference/coworker`.
pub fn page_label(url: &str) -> String {
    let url = url.trim();
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .unwrap_or(url);
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let site = match host {
        "developers.nexudus.com" => "developers",
        "learn.nexudus.com" => "learn",
        "nexudus.mintlify.app" => "mintlify",
        "support.nexudus.com" => "support",
        other => other,
    };
    let path = path.trim_end_matches('/');
    let last = path.rsplit('/').next().unwrap_or(path);
    let last = last.strip_suffix(".md").unwrap_or(last);
    if path.starts_with("reference/") {
        format!("{site} reference/{last}")
    } else {
        format!("{site} {last}")
    }
}

/// The labels of `urls`, each once, joined.
pub fn labels(urls: &[&str]) -> String {
    let mut out: Vec<String> = Vec::new();
    for url in urls {
        let label = page_label(url);
        if !out.contains(&label) {
            out.push(label);
        }
    }
    out.join(", ")
}

/// One operation's answer: required or not, and why.
type Verdict = (bool, String);

/// Whether the pages of one operation disagree about the field.
fn disagree(readings: &[Reading]) -> bool {
    readings.iter().any(|(_, f)| *f == Some(true))
        && readings.iter().any(|(_, f)| *f == Some(false))
}

/// What the pages of one operation decide, `None` when none was read.
fn from_pages(readings: &[Reading]) -> Option<Verdict> {
    if readings.is_empty() {
        return None;
    }
    let with = |flag: Option<bool>| -> Vec<&str> {
        readings
            .iter()
            .filter(|(_, f)| *f == flag)
            .map(|(url, _)| *url)
            .collect()
    };
    let (listed, unlisted) = (with(Some(true)), with(Some(false)));
    Some(match (listed.is_empty(), unlisted.is_empty()) {
        (false, true) => (true, format!("required by {}", labels(&listed))),
        (false, false) => (
            false,
            format!(
                "required by {} but not by {}",
                labels(&listed),
                labels(&unlisted)
            ),
        ),
        (true, false) => (false, format!("not required by {}", labels(&unlisted))),
        (true, true) => (
            false,
            format!("not listed in the part read of {}", labels(&with(None))),
        ),
    })
}

/// What the reference tables decide for a create (no POST page read).
fn from_tables(facts: &Facts) -> Verdict {
    let mut said: Vec<String> = Vec::new();
    if let Some(flag) = facts.table {
        said.push(format!("reference table {}", yes_no(flag)));
    }
    for (url, flag) in &facts.articles {
        said.push(format!("{} {}", page_label(url), yes_no(*flag)));
    }
    let all_required = facts.table != Some(false)
        && facts.articles.iter().all(|(_, flag)| *flag)
        && !said.is_empty();
    let said = if said.is_empty() {
        "no source flags it".to_owned()
    } else {
        said.join(", ")
    };
    if all_required && facts.defaulted_type {
        return (
            false,
            format!("no official page; {said}, but tables flag the defaults of enums and bools"),
        );
    }
    (all_required, format!("no official page; {said}"))
}

fn yes_no(required: bool) -> &'static str {
    if required {
        "required"
    } else {
        "optional"
    }
}

/// The policy (see the module docs).
pub fn decide(facts: &Facts) -> Decision {
    let optional = |why: String| Decision {
        requirement: Requirement::Optional,
        why,
        by: DecidedBy::Rule,
    };
    if facts.read_only {
        return optional("Optional: read-only.".into());
    }
    if let Some(note) = facts.doubted {
        return optional(format!(
            "Optional: the flag is doubtful (catalogue note: \"{note}\")."
        ));
    }
    if facts.guessed {
        return optional("Optional: its name is a guess, which no check may demand.".into());
    }
    if let Some((url, text)) = facts.defaults.first() {
        return Decision {
            by: DecidedBy::Default,
            ..optional(format!("Optional: {} says \"{text}\"", page_label(url)))
        };
    }
    let (create, create_why) = from_pages(&facts.post).unwrap_or_else(|| from_tables(facts));
    let (create, create_why) = if create && !facts.on_create {
        (false, "not accepted on create".to_owned())
    } else {
        (create, create_why)
    };
    let (update, update_why) = match from_pages(&facts.put) {
        Some(verdict) => verdict,
        None if !facts.on_update => (false, "not accepted on update".to_owned()),
        None => (create, "as on create".to_owned()),
    };
    let (requirement, head) = match (create, update) {
        (true, true) => (Requirement::Always, "Required"),
        (false, true) => (Requirement::UpdateOnly, "Required on update only"),
        (true, false) => (Requirement::CreateOnly, "Required on create only"),
        (false, false) => (Requirement::Optional, "Optional"),
    };
    let by = if disagree(&facts.post) || disagree(&facts.put) {
        DecidedBy::Disagreement
    } else if facts.post.is_empty() && facts.put.is_empty() {
        DecidedBy::Tables
    } else {
        DecidedBy::Pages
    };
    Decision {
        requirement,
        why: format!("{head}: create: {create_why}; update: {update_why}."),
        by,
    }
}

// Tests only: fixed inputs.
#[cfg(test)]
mod tests {
    use super::*;

    fn facts() -> Facts<'static> {
        Facts {
            on_create: true,
            on_update: true,
            ..Facts::default()
        }
    }

    fn req(facts: &Facts) -> Requirement {
        decide(facts).requirement
    }

    #[test]
    fn without_pages_the_tables_decide_but_not_for_enums_and_bools() {
        let mut f = facts();
        f.table = Some(true);
        assert_eq!(req(&f), Requirement::Always);
        f.articles = vec![("support", false)];
        assert_eq!(req(&f), Requirement::Optional, "the tables disagree");
        f.articles = vec![("support", true)];
        assert_eq!(req(&f), Requirement::Always);
        f.defaulted_type = true;
        assert_eq!(req(&f), Requirement::Optional);
        let mut f = facts();
        f.table = Some(false);
        assert_eq!(req(&f), Requirement::Optional);
    }

    #[test]
    fn pages_win_over_the_tables() {
        let mut f = facts();
        f.table = Some(true);
        f.post = vec![("post", Some(false))];
        assert_eq!(req(&f), Requirement::Optional);
        let mut f = facts();
        f.table = Some(false);
        f.post = vec![("post", Some(true))];
        assert_eq!(req(&f), Requirement::Always, "update as on create");
        f.put = vec![("put", Some(false))];
        assert_eq!(req(&f), Requirement::CreateOnly);
        f.post = vec![("post", Some(false))];
        f.put = vec![("put", Some(true))];
        assert_eq!(req(&f), Requirement::UpdateOnly);
    }

    #[test]
    fn every_page_must_list_it() {
        let mut f = facts();
        f.post = vec![("developers", Some(true)), ("learn", Some(false))];
        assert_eq!(req(&f), Requirement::Optional);
        f.post = vec![("developers", Some(true)), ("learn", None)];
        assert_eq!(req(&f), Requirement::Always, "a partly read list is silent");
        f.post = vec![("developers", None)];
        assert_eq!(req(&f), Requirement::Optional, "no page lists it");
        assert!(decide(&f).why.contains("not listed in the part read"));
    }

    #[test]
    fn defaults_guesses_doubts_and_read_only_fields_are_never_required() {
        let base = || {
            let mut f = facts();
            f.table = Some(true);
            f.post = vec![("post", Some(true))];
            f
        };
        assert_eq!(req(&base()), Requirement::Always);
        let mut f = base();
        f.defaults = vec![("post", "Defaults to 0.")];
        assert_eq!(req(&f), Requirement::Optional);
        assert!(decide(&f).why.contains("Defaults to 0."));
        let mut f = base();
        f.guessed = true;
        assert_eq!(req(&f), Requirement::Optional);
        let mut f = base();
        f.doubted = Some("marked required but read-only");
        assert_eq!(req(&f), Requirement::Optional);
        let mut f = base();
        f.read_only = true;
        assert_eq!(req(&f), Requirement::Optional);
    }

    #[test]
    fn a_field_not_accepted_on_create_or_update_is_not_required_there() {
        let mut f = facts();
        f.table = Some(true);
        f.on_update = false;
        assert_eq!(req(&f), Requirement::CreateOnly);
        let mut f = facts();
        f.table = Some(true);
        f.on_create = false;
        assert_eq!(req(&f), Requirement::Optional);
        f.put = vec![("put", Some(true))];
        assert_eq!(req(&f), Requirement::UpdateOnly);
    }
}
