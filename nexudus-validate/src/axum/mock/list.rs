//! The mock's list queries: paging, ordering, filters and batch reads, as
//! the Nexudus list pages document them (see [Lists](super#lists)).

use std::cmp::Ordering;

use serde_json::Value;

use crate::ops::Filter;
use crate::query::{Bound, FilterTable};
use crate::{FieldInfo, ValidationErrors, ValidationFailure};

use super::{parse_form, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE};

/// What a list request asks for.
#[derive(Debug)]
pub(super) struct ListQuery {
    pub page: u32,
    pub size: u32,
    /// The key ordered by (`Id` unless asked), and whether descending.
    pub order: (String, bool),
    /// The `dir` asked for (1 unless asked).
    pub dir: i32,
    pub conditions: Vec<Condition>,
    /// `?id=[..]`: the records with these Ids, as an array.
    pub ids: Option<Vec<i64>>,
}

/// One filter, on one key of the records: equal (numbers, booleans),
/// containing it ignoring case (text) or holding it (a list of Ids); at
/// least (`from_`) or at most (`to_`).
#[derive(Debug)]
pub(super) struct Condition {
    key: &'static str,
    bound: Bound,
    value: String,
}

/// The resource a list is of: its name, fields and documented filters.
pub(super) struct Resource {
    pub name: &'static str,
    pub fields: &'static [FieldInfo],
    pub filters: Option<&'static [Filter]>,
}

/// Reads a list request's query string; every parameter it cannot apply
/// is a failure named after it (the whole list, in order).
pub(super) fn parse(query: &str, resource: &Resource) -> Result<ListQuery, ValidationErrors> {
    let mut failures = Vec::new();
    let mut out = ListQuery {
        page: 1,
        size: DEFAULT_PAGE_SIZE,
        order: ("Id".to_owned(), false),
        dir: 1,
        conditions: Vec::new(),
        ids: None,
    };
    let table = FilterTable::new(resource.name, resource.fields, resource.filters);
    let invalid = |name: &str, raw: &str| {
        ValidationFailure::invalid_type(
            name.to_owned(),
            Value::String(super::super::quote_prefix(raw).into_owned()),
        )
    };
    let mut order_by = None;
    for (name, raw) in parse_form(query.as_bytes()) {
        let lower = name.to_ascii_lowercase();
        match lower.as_str() {
            "page" | "size" => match raw.trim().parse::<u32>() {
                Ok(n) if n >= 1 && lower == "page" => out.page = n,
                Ok(n) if n >= 1 => out.size = n.min(MAX_PAGE_SIZE),
                _ => failures.push(invalid(&lower, &raw)),
            },
            "orderby" => order_by = Some(raw),
            "dir" => match raw.trim() {
                "1" | "0" => out.dir = raw.trim().parse().unwrap_or(1),
                "-1" => out.dir = -1,
                _ => failures.push(invalid("dir", &raw)),
            },
            "id" => match parse_ids(&raw) {
                Some(ids) => out.ids = Some(ids),
                None => failures.push(invalid("id", &raw)),
            },
            _ => match condition(&name, &raw, resource.name, &table) {
                Ok(condition) => out.conditions.push(condition),
                Err(failure) => failures.push(failure),
            },
        }
    }
    if let Some(field) = order_by {
        match table.order_key(&field) {
            Ok(key) => out.order.0 = key.to_owned(),
            Err(_) => failures.push(ValidationFailure::new(
                "orderBy",
                format!(
                    "{} has no field '{}' to order by.",
                    resource.name,
                    field.trim()
                ),
                Value::String(field),
            )),
        }
    }
    out.order.1 = out.dir == -1;
    if failures.is_empty() {
        Ok(out)
    } else {
        Err(failures.into_iter().collect())
    }
}

/// `[1,2,3]` (or `1,2,3`).
fn parse_ids(raw: &str) -> Option<Vec<i64>> {
    let inner = raw.trim();
    let inner = inner
        .strip_prefix('[')
        .and_then(|s| s.strip_suffix(']'))
        .unwrap_or(inner);
    inner
        .split(',')
        .filter(|s| !s.trim().is_empty())
        .map(|s| s.trim().parse().ok())
        .collect()
}

/// The filter `name` as a test on a key of the records, or why the mock
/// cannot apply it: a name the resource does not have, or one on a
/// related record (`Booking_Coworker_FullName`), which the mock does not
/// join.
fn condition(
    name: &str,
    raw: &str,
    resource: &str,
    table: &FilterTable,
) -> Result<Condition, ValidationFailure> {
    let refuse = |message: String| {
        ValidationFailure::new(name.to_owned(), message, Value::String(raw.into()))
    };
    if table.kind(name).is_none() {
        return Err(refuse(format!("'{name}' is not a filter of {resource}.")));
    }
    match table.field_of(name) {
        (bound, Some(key)) => Ok(Condition {
            key,
            bound,
            value: raw.to_owned(),
        }),
        (_, None) => Err(refuse(format!(
            "The mock cannot apply '{name}': it filters on a related record."
        ))),
    }
}

/// Whether `record` passes every condition.
pub(super) fn matches(record: &Value, conditions: &[Condition]) -> bool {
    conditions.iter().all(|c| {
        let value = record.get(c.key).unwrap_or(&Value::Null);
        match c.bound {
            Bound::Matches => equals(value, &c.value),
            Bound::AtLeast => compare(value, &c.value).is_some_and(Ordering::is_ge),
            Bound::AtMost => compare(value, &c.value).is_some_and(Ordering::is_le),
        }
    })
}

/// Numbers and booleans by equality, text by case-insensitive
/// containment, a list of Ids by holding the number.
fn equals(value: &Value, wanted: &str) -> bool {
    let wanted = wanted.trim();
    match value {
        Value::Number(n) => wanted.parse::<f64>().ok() == n.as_f64(),
        Value::Bool(b) => wanted.eq_ignore_ascii_case(if *b { "true" } else { "false" }),
        Value::String(s) => s.to_lowercase().contains(&wanted.to_lowercase()),
        Value::Array(items) => items.iter().any(|item| equals(item, wanted)),
        Value::Null | Value::Object(_) => false,
    }
}

/// A record's value against a bound: numbers as numbers, dates (and any
/// text) to the minute, `YYYY-MM-DDTHH:mm`.
fn compare(value: &Value, bound: &str) -> Option<Ordering> {
    let bound = bound.trim();
    match value {
        Value::Number(n) => n.as_f64()?.partial_cmp(&bound.parse::<f64>().ok()?),
        Value::String(s) => {
            let minute = |t: &str| t.get(..16).unwrap_or(t).to_owned();
            Some(minute(s).cmp(&minute(bound)))
        }
        _ => None,
    }
}

/// Orders `records` by `key` (`descending` when asked), `Id` breaking
/// ties; missing values first.
pub(super) fn sort(records: &mut [&Value], key: &str, descending: bool) {
    records.sort_by(|a, b| {
        let by_key = order(a.get(key), b.get(key));
        let by_key = if descending { by_key.reverse() } else { by_key };
        by_key.then_with(|| order(a.get("Id"), b.get("Id")))
    });
}

fn order(a: Option<&Value>, b: Option<&Value>) -> Ordering {
    let rank = |v: Option<&Value>| match v {
        None | Some(Value::Null) => 0,
        Some(Value::Bool(_)) => 1,
        Some(Value::Number(_)) => 2,
        Some(Value::String(_)) => 3,
        Some(_) => 4,
    };
    match (a, b) {
        (Some(Value::Number(x)), Some(Value::Number(y))) => x
            .as_f64()
            .partial_cmp(&y.as_f64())
            .unwrap_or(Ordering::Equal),
        (Some(Value::String(x)), Some(Value::String(y))) => x.to_lowercase().cmp(&y.to_lowercase()),
        (Some(Value::Bool(x)), Some(Value::Bool(y))) => x.cmp(y),
        _ => rank(a).cmp(&rank(b)),
    }
}

// Tests only: fixed inputs.
#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn values_match_as_the_module_docs_say() {
        assert!(equals(&json!(12), "12"));
        assert!(equals(&json!(12.0), " 12 "));
        assert!(!equals(&json!(12), "x"));
        assert!(equals(&json!(true), "True"));
        assert!(equals(&json!("Ada Lovelace"), "love"));
        assert!(equals(&json!([1, 2, 3]), "2"));
        assert!(!equals(&Value::Null, "null"));
        let at = json!("2025-01-15T10:30:59Z");
        assert_eq!(compare(&at, "2025-01-15T10:30"), Some(Ordering::Equal));
        assert_eq!(compare(&at, "2025-01-15T10:31"), Some(Ordering::Less));
        assert_eq!(compare(&json!(5), "4.5"), Some(Ordering::Greater));
        assert_eq!(compare(&Value::Null, "1"), None);
    }

    #[test]
    fn ids_read_with_or_without_brackets() {
        assert_eq!(parse_ids("[1, 2,3]"), Some(vec![1, 2, 3]));
        assert_eq!(parse_ids("4"), Some(vec![4]));
        assert_eq!(parse_ids("[]"), Some(vec![]));
        assert_eq!(parse_ids("[1,x]"), None);
    }
}
