//! Rust names for the catalogue's names.

/// Words Rust reserves (strict, reserved and 2024-edition keywords).
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "Self", "static", "struct", "super", "trait", "true", "try", "type",
    "typeof", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Whether `word` cannot be used as a plain identifier.
pub fn is_keyword(word: &str) -> bool {
    KEYWORDS.contains(&word)
}

/// `BillToTaxIDNumber` -> `bill_to_tax_id_number`, `APIAccess` ->
/// `api_access`, `Address2` -> `address2`, `PositionX` -> `position_x`.
///
/// A word starts at an upper-case letter that follows a lower-case letter
/// or a digit, or that ends a run of capitals (the `A` of `APIAccess`).
pub fn snake_case(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            let prev = chars[i - 1];
            let next_is_lower = chars.get(i + 1).is_some_and(|n| n.is_ascii_lowercase());
            if prev.is_ascii_lowercase()
                || prev.is_ascii_digit()
                || (prev.is_ascii_uppercase() && next_is_lower)
            {
                out.push('_');
            }
        }
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('_') {
            out.push('_');
        }
    }
    out
}

/// serde's `rename_all = "PascalCase"` applied to a snake_case field name:
/// the first letter and every letter after `_` upper-cased, `_` dropped.
pub fn serde_pascal_case(field: &str) -> String {
    let mut out = String::with_capacity(field.len());
    let mut capitalize = true;
    for c in field.chars() {
        if c == '_' {
            capitalize = true;
        } else if capitalize {
            out.push(c.to_ascii_uppercase());
            capitalize = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// A field identifier for the wire name `name`, and whether serde needs an
/// explicit `rename` to read it under `rename_all = "PascalCase"`.
pub fn field_ident(name: &str) -> (String, bool) {
    let mut ident = snake_case(name);
    if ident.starts_with(|c: char| c.is_ascii_digit()) {
        ident.insert(0, '_');
    }
    let mut rename = serde_pascal_case(&ident) != name;
    if is_keyword(&ident) {
        ident.push('_');
        rename = true;
    }
    (ident, rename)
}

/// A plural collection name made singular the simple way the catalogue's
/// child collections need (`TimeSlots` -> `TimeSlot`).
pub fn singular(name: &str) -> &str {
    name.strip_suffix('s').unwrap_or(name)
}

/// A valid, non-keyword type or variant identifier for `name`.
pub fn type_ident(name: &str) -> String {
    let mut out: String = name
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    if out.is_empty() || out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, 'V');
    }
    if is_keyword(&out) {
        out.push('_');
    }
    out
}

/// An enum variant for a value's name: `authorize_net` -> `AuthorizeNet`,
/// `stripeACH` -> `StripeACH`, `NEXUSCard` unchanged (Rust's camel-case
/// style, which the sources do not all follow).
pub fn variant_ident(name: &str) -> String {
    let camel: String = name
        .split('_')
        .map(|part| {
            let mut chars = part.chars();
            match chars.next() {
                Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
                None => String::new(),
            }
        })
        .collect();
    type_ident(&camel)
}

/// Words wrapped to lines of at most `width` characters (a longer word
/// gets a line of its own).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.len() + 1 + word.len() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snake_case_splits_words_acronyms_and_digits() {
        for (name, snake) in [
            ("BusinessId", "business_id"),
            ("BillToTaxIDNumber", "bill_to_tax_id_number"),
            ("APIAccess", "api_access"),
            ("Address2", "address2"),
            ("Custom1Name", "custom1_name"),
            ("PositionX", "position_x"),
            ("IsVAT", "is_vat"),
            ("URL", "url"),
            ("Id", "id"),
        ] {
            assert_eq!(snake_case(name), snake, "{name}");
        }
    }

    #[test]
    fn a_rename_is_needed_exactly_when_pascal_case_does_not_give_the_name_back() {
        assert_eq!(field_ident("BusinessId"), ("business_id".into(), false));
        assert_eq!(field_ident("Custom1Name"), ("custom1_name".into(), false));
        assert_eq!(field_ident("APIAccess"), ("api_access".into(), true));
        assert!(field_ident("BillToTaxIDNumber").1);
        assert_eq!(field_ident("Type"), ("type_".into(), true));
        assert_eq!(field_ident("Self"), ("self_".into(), true));
    }

    #[test]
    fn serde_pascal_case_matches_serde() {
        assert_eq!(serde_pascal_case("business_id"), "BusinessId");
        assert_eq!(serde_pascal_case("api_access"), "ApiAccess");
        assert_eq!(serde_pascal_case("position_x"), "PositionX");
    }

    #[test]
    fn type_idents_are_valid() {
        assert_eq!(type_ident("Daily"), "Daily");
        assert_eq!(type_ident("3D"), "V3D");
        assert_eq!(type_ident("Self"), "Self_");
        assert_eq!(type_ident(""), "V");
    }

    #[test]
    fn variants_are_upper_camel_case() {
        assert_eq!(variant_ident("authorize_net"), "AuthorizeNet");
        assert_eq!(variant_ident("stripeACH"), "StripeACH");
        assert_eq!(variant_ident("NEXUSCard"), "NEXUSCard");
        assert_eq!(variant_ident("first_data_e4"), "FirstDataE4");
    }

    #[test]
    fn wrap_keeps_long_words_whole() {
        assert_eq!(wrap("a bb ccc", 4), ["a bb", "ccc"]);
        assert_eq!(
            wrap("averyveryverylongword x", 4),
            ["averyveryverylongword", "x"]
        );
        assert!(wrap("  ", 4).is_empty());
    }
}

/// The words of a PascalCase name: `DoNotAutoProcessInvoices` ->
/// `do`, `not`, `auto`, `process`, `invoices`.
fn words(name: &str) -> Vec<String> {
    snake_case(name)
        .split('_')
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// How well the printed name `printed` explains the guessed name `guess`:
/// every word of the guess matches a distinct word of the printed name
/// (equal, or one of two or more letters a prefix of the other: `Auto`
/// and `Automatically`), in any order. `Some(n)`: `n` words of the printed name are left over;
/// `None`: no match.
///
/// `City` -> `CityName` (1), `DoNotAutoProcessInvoices` ->
/// `DoNotProcessInvoicesAutomatically` (0), `TariffAtBooking` ->
/// `TariffAtTheTimeOfBooking` (3).
pub fn guess_explained_by(guess: &str, printed: &str) -> Option<usize> {
    let mut left = words(printed);
    let guess = words(guess);
    if guess.is_empty() {
        return None;
    }
    for word in &guess {
        let at = left.iter().position(|w| w == word).or_else(|| {
            left.iter().position(|w| {
                let (short, long) = if w.len() < word.len() {
                    (w, word)
                } else {
                    (word, w)
                };
                short.len() >= 2 && long.starts_with(short.as_str())
            })
        })?;
        left.remove(at);
    }
    Some(left.len())
}

#[cfg(test)]
mod guess_tests {
    use super::guess_explained_by;

    #[test]
    fn printed_names_explain_guesses_word_by_word() {
        assert_eq!(guess_explained_by("City", "CityName"), Some(1));
        assert_eq!(
            guess_explained_by("BillingCity", "BillingCityName"),
            Some(1)
        );
        assert_eq!(guess_explained_by("City", "BillingCityName"), Some(2));
        assert_eq!(
            guess_explained_by(
                "DoNotAutoProcessInvoices",
                "DoNotProcessInvoicesAutomatically"
            ),
            Some(0)
        );
        assert_eq!(
            guess_explained_by("TariffAtBooking", "TariffAtTheTimeOfBooking"),
            Some(3)
        );
        assert_eq!(guess_explained_by("SyncSquare", "SyncToSquare"), Some(1));
        assert_eq!(
            guess_explained_by("EnableGocardless", "EnableGoCardlessPayments"),
            Some(2)
        );
        assert_eq!(guess_explained_by("A", "AtHome"), None);
        assert_eq!(guess_explained_by("Name", "FullName"), Some(1));
        assert_eq!(guess_explained_by("CityName", "City"), None);
        assert_eq!(guess_explained_by("Tags", "Teams"), None);
    }
}
