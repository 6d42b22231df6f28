//! A list query as the Nexudus list pages document it: paging, ordering,
//! filters and date ranges, checked against the resource before it is
//! sent.
//!
//! ```
//! # #[cfg(feature = "spaces")] {
//! use nexudus_validate::query::{Direction, Query};
//! use nexudus_validate::resources::Booking;
//! use nexudus_validate::NexudusDateTime;
//!
//! let since = NexudusDateTime::from_ymd_hms(2025, 1, 1, 0, 0, 0).unwrap();
//! let query = Query::new()
//!     .filter("Booking_Coworker", 87654321)
//!     .filter("from_Booking_FromTime", since)
//!     .order_by("FromTime", Direction::Descending)
//!     .size(50);
//! assert_eq!(
//!     query.to_pairs::<Booking>().unwrap(),
//!     [
//!         ("page", "1"),
//!         ("size", "50"),
//!         ("orderBy", "FromTime"),
//!         ("dir", "-1"),
//!         ("Booking_Coworker", "87654321"),
//!         ("from_Booking_FromTime", "2025-01-01T00:00"),
//!     ]
//!     .map(|(k, v)| (k.to_owned(), v.to_owned()))
//! );
//! // A misspelt filter is an error before anything is sent.
//! let typo = Query::new().filter("Booking_Cowroker", 1).to_pairs::<Booking>().unwrap_err();
//! assert_eq!(
//!     typo.to_string(),
//!     "Booking has no filter `Booking_Cowroker`; did you mean `Booking_Coworker`?"
//! );
//! # }
//! ```
//!
//! # Which filters a resource has
//!
//! The names its list page documents ([`List::FILTERS`]), and the names
//! Nexudus derives from its fields: `{Resource}_{Field}` (an Id field also
//! without its `Id`: `Booking_Coworker` for `CoworkerId`), with `from_` and
//! `to_` for a range (a resource whose list page printed no filter,
//! `FILTERS` `None`, has those). A name that is neither is
//! [`QueryError::UnknownFilter`], with the closest one; a name Nexudus
//! documents on a related record (`Booking_Coworker_FullName`) that this
//! crate does not know can still be sent, on purpose, with
//! [`Query::unchecked_filter`].
//!
//! # Sort direction
//!
//! developers.nexudus.com documents `dir` as `1` ascending and `-1`
//! descending; learn.nexudus.com as `0` ascending and `1` descending. The
//! query sends developers.nexudus.com's values; the mock of this crate
//! reads `1` (and `0`) as ascending and `-1` as descending.

use std::fmt;

use crate::ops::{FilterKind, List};
use crate::{FieldInfo, NexudusDateTime};

/// The page size Nexudus uses when none is asked for.
pub const DEFAULT_PAGE_SIZE: u32 = 25;

/// Which way a list is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Direction {
    /// Smallest first: `dir=1`.
    #[default]
    Ascending,
    /// Largest (newest) first: `dir=-1`.
    Descending,
}

impl Direction {
    /// The value of `dir` (developers.nexudus.com's).
    pub const fn dir(self) -> i32 {
        match self {
            Direction::Ascending => 1,
            Direction::Descending => -1,
        }
    }
}

/// A filter's value.
#[derive(Debug, Clone, PartialEq)]
pub enum FilterValue {
    /// A whole number (an Id, a count, an enum's integer).
    Integer(i64),
    /// Any number.
    Number(f64),
    /// `true` or `false`.
    Boolean(bool),
    /// Text.
    Text(String),
    /// A date and time, sent as `YYYY-MM-DDTHH:mm`.
    DateTime(NexudusDateTime),
}

impl FilterValue {
    /// Whether a filter of `kind` takes it.
    fn fits(&self, kind: FilterKind) -> bool {
        matches!(
            (kind, self),
            (FilterKind::Integer, FilterValue::Integer(_))
                | (
                    FilterKind::Number,
                    FilterValue::Integer(_) | FilterValue::Number(_)
                )
                | (FilterKind::Boolean, FilterValue::Boolean(_))
                | (FilterKind::DateTime, FilterValue::DateTime(_))
                | (FilterKind::Text | FilterKind::Any, _)
        )
    }

    /// What it is, in words (for an error).
    fn kind_name(&self) -> &'static str {
        match self {
            FilterValue::Integer(_) => "an integer",
            FilterValue::Number(_) => "a number",
            FilterValue::Boolean(_) => "a boolean",
            FilterValue::Text(_) => "text",
            FilterValue::DateTime(_) => "a date",
        }
    }
}

impl fmt::Display for FilterValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FilterValue::Integer(n) => write!(f, "{n}"),
            FilterValue::Number(n) => write!(f, "{n}"),
            FilterValue::Boolean(b) => write!(f, "{b}"),
            FilterValue::Text(text) => f.write_str(text),
            FilterValue::DateTime(at) => {
                let at = at.as_naive();
                write!(f, "{}", at.format("%Y-%m-%dT%H:%M"))
            }
        }
    }
}

macro_rules! filter_value_from {
    ($($ty:ty => $variant:ident),+ $(,)?) => {$(
        impl From<$ty> for FilterValue {
            fn from(value: $ty) -> Self {
                FilterValue::$variant(value.into())
            }
        }
    )+};
}

filter_value_from! {
    i64 => Integer,
    i32 => Integer,
    u32 => Integer,
    f64 => Number,
    bool => Boolean,
    String => Text,
    &str => Text,
    NexudusDateTime => DateTime,
}

/// What a query asks of a list: a page, its size, an order and filters.
#[derive(Debug, Clone, PartialEq)]
pub struct Query {
    page: u32,
    size: u32,
    order: Option<(String, Direction)>,
    filters: Vec<(String, FilterValue, bool)>,
}

impl Default for Query {
    fn default() -> Self {
        Self::new()
    }
}

impl Query {
    /// The first page of [`DEFAULT_PAGE_SIZE`] records, in the server's
    /// order, unfiltered.
    pub fn new() -> Self {
        Self {
            page: 1,
            size: DEFAULT_PAGE_SIZE,
            order: None,
            filters: Vec::new(),
        }
    }

    /// Page `page`, counted from 1.
    pub fn page(mut self, page: u32) -> Self {
        self.page = page;
        self
    }

    /// `size` records a page.
    pub fn size(mut self, size: u32) -> Self {
        self.size = size;
        self
    }

    /// Ordered by the field `field` (its JSON name: `FromTime`,
    /// `CreatedOn`).
    pub fn order_by(mut self, field: &str, direction: Direction) -> Self {
        self.order = Some((field.to_owned(), direction));
        self
    }

    /// Only the records whose `name` matches `value`: a filter of the
    /// resource (see [the module docs](self)).
    pub fn filter(mut self, name: &str, value: impl Into<FilterValue>) -> Self {
        self.filters.push((name.to_owned(), value.into(), true));
        self
    }

    /// A filter sent as it is, unchecked: for a name the list page
    /// documents on a related record that this crate does not know.
    pub fn unchecked_filter(mut self, name: &str, value: impl Into<FilterValue>) -> Self {
        self.filters.push((name.to_owned(), value.into(), false));
        self
    }

    /// The page asked for.
    pub fn page_number(&self) -> u32 {
        self.page
    }

    /// The page size asked for.
    pub fn page_size(&self) -> u32 {
        self.size
    }

    /// The query string's pairs for a list of `T`, in order (`page`,
    /// `size`, `orderBy`, `dir`, then the filters), or why it does not fit
    /// `T`: a filter `T` does not have, a value its filter does not take,
    /// an order field `T` does not have, a page or size of 0.
    pub fn to_pairs<T: List>(&self) -> Result<Vec<(String, String)>, QueryError> {
        self.pairs_for(T::NAME, T::FIELDS, T::FILTERS)
    }

    /// [`Query::to_pairs`] for a resource given by its name, field table
    /// and documented filters (a resource of the registry).
    pub fn pairs_for(
        &self,
        resource: &'static str,
        fields: &'static [FieldInfo],
        filters: Option<&'static [crate::ops::Filter]>,
    ) -> Result<Vec<(String, String)>, QueryError> {
        if self.page == 0 || self.size == 0 {
            return Err(QueryError::Paging {
                page: self.page,
                size: self.size,
            });
        }
        let mut pairs = vec![
            ("page".to_owned(), self.page.to_string()),
            ("size".to_owned(), self.size.to_string()),
        ];
        let table = FilterTable::new(resource, fields, filters);
        if let Some((field, direction)) = &self.order {
            let key = table
                .order_key(field)
                .map_err(|closest| QueryError::UnknownField {
                    resource,
                    field: field.clone(),
                    closest,
                })?;
            pairs.push(("orderBy".to_owned(), key.to_owned()));
            pairs.push(("dir".to_owned(), direction.dir().to_string()));
        }
        for (name, value, checked) in &self.filters {
            if *checked {
                table.check(name, value)?;
            }
            pairs.push((name.clone(), value.to_string()));
        }
        Ok(pairs)
    }
}

/// The filters of one resource: documented, and derived from its fields.
pub struct FilterTable {
    resource: &'static str,
    documented: Option<&'static [crate::ops::Filter]>,
    /// Its fields, flattened resources' in their place.
    fields: Vec<&'static FieldInfo>,
}

/// Which records a filter keeps, by its prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    /// No prefix: the value matches.
    Matches,
    /// `from_`: at least the value.
    AtLeast,
    /// `to_`: at most the value.
    AtMost,
}

impl FilterTable {
    /// The filters of the resource named `resource` with these fields and
    /// documented filters (`None`: only those derived from the fields).
    pub fn new(
        resource: &'static str,
        fields: &'static [FieldInfo],
        documented: Option<&'static [crate::ops::Filter]>,
    ) -> Self {
        Self {
            resource,
            documented,
            fields: crate::resource::wire_fields(fields),
        }
    }

    /// A filter name read as its bound (`from_`, `to_`, matched ignoring
    /// case) and, when it is `{Resource}_{Field}` (or `{Resource}_{Field}`
    /// without an Id field's `Id`), the key of that field; `None` for a
    /// name on a related record (`Booking_Coworker_FullName`) or no field.
    pub fn field_of(&self, name: &str) -> (Bound, Option<&'static str>) {
        let prefixed = |prefix: &str| {
            name.get(..prefix.len())
                .filter(|p| p.eq_ignore_ascii_case(prefix))
                .map(|_| &name[prefix.len()..])
        };
        let (bound, rest) = match (prefixed("from_"), prefixed("to_")) {
            (Some(rest), _) => (Bound::AtLeast, rest),
            (_, Some(rest)) => (Bound::AtMost, rest),
            _ => (Bound::Matches, name),
        };
        let field = rest
            .strip_prefix(self.resource)
            .and_then(|r| r.strip_prefix('_'))
            .and_then(|field| {
                self.fields.iter().map(|f| f.wire_name()).find(|key| {
                    *key == field || key.strip_suffix("Id").is_some_and(|short| short == field)
                })
            });
        (bound, field)
    }

    /// What a filter named `name` takes: `Some(kind)` for a documented or
    /// derived filter, `None` for a name it does not have.
    pub fn kind(&self, name: &str) -> Option<FilterKind> {
        let documented = self.documented.into_iter().flatten();
        if let Some(filter) = documented.into_iter().find(|f| f.name() == name) {
            return Some(filter.kind());
        }
        self.field_of(name).1.map(|_| FilterKind::Any)
    }

    /// `Ok` when the resource has the filter `name` and it takes `value`.
    pub fn check(&self, name: &str, value: &FilterValue) -> Result<(), QueryError> {
        let Some(kind) = self.kind(name) else {
            return Err(QueryError::UnknownFilter {
                resource: self.resource,
                filter: name.to_owned(),
                closest: self.closest(name),
            });
        };
        if value.fits(kind) {
            Ok(())
        } else {
            Err(QueryError::Value {
                resource: self.resource,
                filter: name.to_owned(),
                expected: kind,
                got: value.kind_name(),
            })
        }
    }

    /// The filter nearest to `name`, documented or derived (these spelt
    /// out only here, for the hint).
    fn closest(&self, name: &str) -> Option<String> {
        let mut derived = Vec::new();
        for key in self.fields.iter().map(|f| f.wire_name()) {
            let short = key.strip_suffix("Id").filter(|s| !s.is_empty());
            for field in std::iter::once(key).chain(short) {
                let base = format!("{}_{field}", self.resource);
                derived.push(format!("from_{base}"));
                derived.push(format!("to_{base}"));
                derived.push(base);
            }
        }
        let documented = self.documented.into_iter().flatten().map(|f| f.name());
        closest(name, documented.chain(derived.iter().map(String::as_str)))
    }

    /// The key of the field `name` orders by (its JSON name, matched
    /// ignoring case), or the nearest one for a hint.
    pub fn order_key(&self, name: &str) -> Result<&'static str, Option<String>> {
        let keys = self.fields.iter().map(|f| f.wire_name());
        keys.clone()
            .find(|key| key.eq_ignore_ascii_case(name.trim()))
            .ok_or_else(|| closest(name, keys))
    }
}

/// The candidate nearest to `name` (case-insensitive edit distance), if
/// any is near enough to be a likely typo.
fn closest<'a>(name: &str, candidates: impl Iterator<Item = &'a str>) -> Option<String> {
    let lower = name.to_ascii_lowercase();
    candidates
        .map(|c| (strsim::levenshtein(&lower, &c.to_ascii_lowercase()), c))
        .filter(|(d, _)| *d <= 2.max(name.len() / 4))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c.to_owned())
}

/// Why a query does not fit its resource. Nothing was sent.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum QueryError {
    /// The resource has no such filter.
    UnknownFilter {
        /// The resource's name.
        resource: &'static str,
        /// The filter asked for.
        filter: String,
        /// Its nearest filter, when one is near.
        closest: Option<String>,
    },
    /// The filter takes other values.
    Value {
        /// The resource's name.
        resource: &'static str,
        /// The filter.
        filter: String,
        /// What it takes.
        expected: FilterKind,
        /// What it was given, in words.
        got: &'static str,
    },
    /// The order field is not a field of the resource.
    UnknownField {
        /// The resource's name.
        resource: &'static str,
        /// The field asked for.
        field: String,
        /// Its nearest field, when one is near.
        closest: Option<String>,
    },
    /// A page or a size of 0 (both count from 1).
    Paging {
        /// The page asked for.
        page: u32,
        /// The size asked for.
        size: u32,
    },
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let hint = |closest: &Option<String>| {
            closest
                .as_ref()
                .map_or_else(String::new, |c| format!("; did you mean `{c}`?"))
        };
        match self {
            QueryError::UnknownFilter {
                resource,
                filter,
                closest,
            } => write!(f, "{resource} has no filter `{filter}`{}", hint(closest)),
            QueryError::Value {
                resource,
                filter,
                expected,
                got,
            } => write!(
                f,
                "{resource}'s filter `{filter}` takes {}, not {got}",
                match expected {
                    FilterKind::Integer => "an integer",
                    FilterKind::Number => "a number",
                    FilterKind::Boolean => "a boolean",
                    FilterKind::DateTime => "a date",
                    FilterKind::Text | FilterKind::Any => "text",
                }
            ),
            QueryError::UnknownField {
                resource,
                field,
                closest,
            } => write!(
                f,
                "{resource} has no field `{field}` to order by{}",
                hint(closest)
            ),
            QueryError::Paging { page, size } => {
                write!(f, "pages and sizes count from 1 (page {page}, size {size})")
            }
        }
    }
}

impl std::error::Error for QueryError {}
