//! Every compiled-in resource, looked up by name, plural or path.
//!
//! The five hand-written seed resources are always here; each generated
//! module adds its resources when its feature is on (`all-resources`: all
//! 216). Each entry has the resource's field table, the values of its enum
//! fields and a raw-body check built on
//! [`from_slice_for`](crate::from_slice_for), so a program can serve or
//! check any resource by name without naming its type:
//!
//! ```
//! use nexudus_validate::resources::registry;
//! use nexudus_validate::Operation;
//!
//! let workspace = registry::find("WORKSPACES").unwrap();
//! assert_eq!(workspace.name(), "Workspace");
//! assert_eq!(workspace.path(), "/api/collaboration/workspaces");
//! let errors = workspace.check(br#"{"BusinessId": 1}"#, Operation::Create).unwrap_err();
//! assert_eq!(errors.to_string(), "AdministratorId: is a required field\nName: is a required field");
//!
//! assert_eq!(registry::closest("Workspce").map(|r| r.name()), Some("Workspace"));
//! ```
//!
//! The lookups ([`all`], [`find`], [`closest`]) are `#[inline]`, so the
//! per-resource check functions are compiled in the crate that uses the
//! registry: a build that only names a few resource types does not pay
//! for parsing code of all of them.

mod generated;

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

use super::{
    AccessToken, HostApprovalStatus, Language, UiModule, User, Visitor, VisitorSource, Workspace,
};
use crate::ops::{Filter, Operations};
use crate::{FieldInfo, NexudusResource, Operation, ValidationErrors, ValidationFailure};

/// The values of an enum field: `(value, name)` pairs, in order.
pub type EnumValues = &'static [(i64, &'static str)];

/// A raw-body check: `Ok(())` or every failure, as
/// [`from_slice_for`](crate::from_slice_for) reports them.
pub type CheckFn = fn(&[u8], Operation) -> Result<(), ValidationErrors>;

/// A raw-body check that also returns the JSON the typed model serializes
/// back (what a client would send).
pub type NormalizeFn = fn(&[u8], Operation) -> Result<Value, ValidationErrors>;

/// One resource of the registry.
#[derive(Debug, Clone, Copy)]
pub struct ResourceInfo {
    name: &'static str,
    plural: &'static str,
    module: &'static str,
    path: &'static str,
    fields: &'static [FieldInfo],
    enums: &'static [(&'static str, EnumValues)],
    operations: Operations,
    filters: Option<&'static [Filter]>,
    check: CheckFn,
    normalize: NormalizeFn,
}

fn check<T: NexudusResource + DeserializeOwned>(
    body: &[u8],
    operation: Operation,
) -> Result<(), ValidationErrors> {
    crate::from_slice_for::<T>(body, operation).map(drop)
}

fn normalize<T: NexudusResource + DeserializeOwned + Serialize>(
    body: &[u8],
    operation: Operation,
) -> Result<Value, ValidationErrors> {
    let value = crate::from_slice_for::<T>(body, operation)?;
    serde_json::to_value(&value)
        .map_err(|error| ValidationFailure::new("", error.to_string(), Value::Null).into())
}

impl ResourceInfo {
    /// The entry of resource `T`: its plural (the last segment of its
    /// endpoint, as Nexudus spells it), its Nexudus module and, per enum
    /// field (by wire name), the values it accepts.
    pub const fn new<T: NexudusResource + DeserializeOwned + Serialize>(
        plural: &'static str,
        module: &'static str,
        enums: &'static [(&'static str, EnumValues)],
    ) -> Self {
        Self {
            name: T::NAME,
            plural,
            module,
            path: T::PATH,
            fields: T::FIELDS,
            enums,
            operations: Operations::ALL,
            filters: None,
            check: check::<T>,
            normalize: normalize::<T>,
        }
    }

    /// The same entry with the operations the API has for the resource
    /// (all five unless said).
    pub const fn with_operations(mut self, operations: Operations) -> Self {
        self.operations = operations;
        self
    }

    /// The same entry with the filters its list documents ([`List::FILTERS`](crate::ops::List::FILTERS)).
    pub const fn with_filters(mut self, filters: Option<&'static [Filter]>) -> Self {
        self.filters = filters;
        self
    }

    /// The operations the API has for it.
    pub const fn operations(&self) -> Operations {
        self.operations
    }

    /// The filters its list documents, `None` when no list page printed
    /// them (see [`Query`](crate::query::Query)).
    pub const fn filters(&self) -> Option<&'static [Filter]> {
        self.filters
    }

    /// The resource's name (`"Booking"`).
    pub const fn name(&self) -> &'static str {
        self.name
    }

    /// Its plural (`"bookings"`).
    pub const fn plural(&self) -> &'static str {
        self.plural
    }

    /// Its Nexudus module (`"spaces"`; `"other"` when no source gives one).
    pub const fn module(&self) -> &'static str {
        self.module
    }

    /// Its endpoint (`"/api/spaces/bookings"`; empty when unknown).
    pub const fn path(&self) -> &'static str {
        self.path
    }

    /// Its fields, in declaration order ([`NexudusResource::FIELDS`]).
    pub const fn fields(&self) -> &'static [FieldInfo] {
        self.fields
    }

    /// Every field a JSON body of the resource holds, in order: its own,
    /// with those of the resources it flattens in their place (a generated
    /// resource's [`RecordMeta`](super::RecordMeta)).
    pub fn wire_fields(&self) -> Vec<&'static FieldInfo> {
        crate::resource::wire_fields(self.fields)
    }

    /// The fields required for `operation`, in order.
    pub fn required_fields(
        &self,
        operation: Operation,
    ) -> impl Iterator<Item = &'static FieldInfo> + 'static {
        self.fields
            .iter()
            .filter(move |f| f.requirement().applies_to(operation))
    }

    /// The values the enum field `wire_name` accepts; `None` when it is
    /// not an enum with a value table.
    pub fn enum_values(&self, wire_name: &str) -> Option<EnumValues> {
        self.enums
            .iter()
            .find(|(name, _)| *name == wire_name)
            .map(|(_, values)| *values)
    }

    /// Checks a raw JSON body: `Ok(())` or every failure.
    pub fn check(&self, body: &[u8], operation: Operation) -> Result<(), ValidationErrors> {
        (self.check)(body, operation)
    }

    /// The raw-body check as a function pointer.
    pub const fn check_fn(&self) -> CheckFn {
        self.check
    }

    /// Checks a raw JSON body and returns what its typed model serializes
    /// back: the fields it knows, read-only fields and unknown keys left
    /// out.
    pub fn normalize(&self, body: &[u8], operation: Operation) -> Result<Value, ValidationErrors> {
        (self.normalize)(body, operation)
    }

    /// The normalizing check as a function pointer (what the mock server
    /// stores a body with).
    pub const fn normalize_fn(&self) -> NormalizeFn {
        self.normalize
    }

    /// Whether `name` names this resource: its name, its plural or its
    /// path (with or without the leading `/`), ignoring case, `-`, `_` and
    /// spaces.
    pub fn matches(&self, name: &str) -> bool {
        let wanted = normalize_name(name);
        !wanted.is_empty()
            && (normalize_name(self.name) == wanted
                || normalize_name(self.plural) == wanted
                || (!self.path.is_empty()
                    && normalize_name(self.path.trim_start_matches('/'))
                        == normalize_name(name.trim().trim_start_matches('/'))))
    }
}

/// The hand-written resources, always compiled in.
const SEEDS: &[ResourceInfo] = &[
    ResourceInfo::new::<AccessToken>("accesstokens", "spaces", &[]),
    ResourceInfo::new::<Visitor>(
        "visitors",
        "spaces",
        &[
            ("VisitorSource", VisitorSource::VALUES),
            ("HostApprovalStatus", HostApprovalStatus::VALUES),
        ],
    ),
    ResourceInfo::new::<User>("users", "sys", &[("Language", Language::VALUES)]),
    ResourceInfo::new::<UiModule>("uimodules", "sys", &[]),
    ResourceInfo::new::<Workspace>("workspaces", "collaboration", &[]),
];

/// Every compiled-in resource: the seeds, then each enabled module's
/// generated resources in catalogue order.
#[inline]
pub fn all() -> impl Iterator<Item = &'static ResourceInfo> + Clone {
    SEEDS
        .iter()
        .chain(generated::MODULES.iter().flat_map(|m| m.iter()))
}

/// The resource `name` names (see [`ResourceInfo::matches`]); names win
/// over plurals and paths.
#[inline]
pub fn find(name: &str) -> Option<&'static ResourceInfo> {
    let wanted = normalize_name(name);
    all()
        .find(|r| normalize_name(r.name) == wanted)
        .or_else(|| all().find(|r| r.matches(name)))
}

/// The resource whose name or plural is closest to `name` (edit distance,
/// ignoring case), for a "did you mean" hint; `None` when nothing is
/// reasonably close.
#[inline]
pub fn closest(name: &str) -> Option<&'static ResourceInfo> {
    let wanted = normalize_name(name);
    if wanted.is_empty() {
        return None;
    }
    all()
        .map(|r| {
            let distance = [r.name, r.plural]
                .iter()
                .map(|candidate| strsim::levenshtein(&wanted, &normalize_name(candidate)))
                .min()
                .unwrap_or(usize::MAX);
            (distance, r)
        })
        .filter(|(distance, _)| *distance <= wanted.chars().count().div_ceil(3).max(2))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, r)| r)
}

/// Lower case, without `-`, `_` and spaces.
fn normalize_name(name: &str) -> String {
    name.chars()
        .filter(|c| !matches!(c, '-' | '_' | ' '))
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeds_are_found_by_name_plural_and_path() {
        for name in [
            "Visitor",
            "visitors",
            "/api/spaces/visitors",
            "api/spaces/VISITORS",
            "VISITOR",
        ] {
            assert_eq!(find(name).map(|r| r.name()), Some("Visitor"), "{name}");
        }
        assert!(find("").is_none());
        assert!(find("/api/spaces").is_none());
    }

    #[test]
    fn closest_suggests_only_near_names() {
        assert_eq!(closest("Visiter").map(|r| r.name()), Some("Visitor"));
        assert_eq!(closest("uimodul").map(|r| r.name()), Some("UiModule"));
        assert!(closest("zzzzzzzzzzzzzz").is_none());
        assert!(closest("").is_none());
    }
}
