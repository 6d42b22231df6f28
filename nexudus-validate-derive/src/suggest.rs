//! "did you mean" for misspelt attribute keys.

/// The closest of `candidates` to `unknown`, if one is close enough.
pub fn closest<'a>(unknown: &str, candidates: &[&'a str]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|c| (strsim::jaro_winkler(unknown, c), *c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// `unknown {what} `{key}`; did you mean `{x}`?` or `...; expected one of ...`.
pub fn unknown_key_message(what: &str, key: &str, candidates: &[&str]) -> String {
    match closest(key, candidates) {
        Some(best) => format!("unknown {what} `{key}`; did you mean `{best}`?"),
        None => {
            let list = candidates
                .iter()
                .map(|c| format!("`{c}`"))
                .collect::<Vec<_>>()
                .join(", ");
            format!("unknown {what} `{key}`; expected one of {list}")
        }
    }
}
