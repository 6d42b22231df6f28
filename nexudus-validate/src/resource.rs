//! The traits the derive implements and the field metadata it records.

use std::fmt;

use serde_json::Value;

use crate::__private::{Cx, RawObject};
use crate::ValidationErrors;

/// Which request a value is validated for.
///
/// Nexudus create endpoints (POST) need the same fields as update endpoints
/// (PUT) minus `Id`; fields marked `#[required(update)]` are only checked for
/// [`Operation::Update`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Operation {
    /// A POST that creates a record.
    Create,
    /// A PUT that replaces a whole record (the default).
    #[default]
    Update,
}

impl Operation {
    /// `true` for [`Operation::Update`].
    pub const fn is_update(self) -> bool {
        matches!(self, Operation::Update)
    }
}

/// Something that can check itself against the Nexudus rules.
///
/// Every [`NexudusResource`] is one (a blanket impl runs its generated
/// checks with the default [`Limits`](crate::Limits)); other types may
/// implement it too.
pub trait Validate {
    /// Validates for an update (the full PUT record).
    fn validate(&self) -> Result<(), ValidationErrors> {
        self.validate_for(Operation::Update)
    }

    /// Validates for the given operation; every failure, in declaration order.
    fn validate_for(&self, operation: Operation) -> Result<(), ValidationErrors>;
}

impl<T: NexudusResource + ?Sized> Validate for T {
    fn validate_for(&self, operation: Operation) -> Result<(), ValidationErrors> {
        crate::validate_with(self, operation, &crate::Limits::DEFAULT)
    }
}

/// When a field's `#[required]` rule applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Requirement {
    /// No `#[required]`.
    Optional,
    /// `#[required]`: for every operation.
    Always,
    /// `#[required(update)]`: for updates only (the `Id`).
    UpdateOnly,
    /// `#[required(create)]`: for creates only (a field the API sets once).
    CreateOnly,
}

impl Requirement {
    /// Whether the field must be present for `operation`.
    pub const fn applies_to(self, operation: Operation) -> bool {
        match self {
            Requirement::Optional => false,
            Requirement::Always => true,
            Requirement::UpdateOnly => operation.is_update(),
            Requirement::CreateOnly => !operation.is_update(),
        }
    }
}

/// What the derive knows about one field of a resource.
///
/// Read it through its methods. The derive writes each entry of a
/// resource's `FIELDS` as this tuple struct directly (its fields are
/// hidden, and not API): a plain constructor costs the compiler a third of
/// what a chain of `const fn` calls does, on every field of every resource
/// a user compiles. [`FieldInfo::new`] and the builder methods make the
/// same values by hand.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct FieldInfo(
    /// The Rust field name.
    #[doc(hidden)]
    pub &'static str,
    /// The wire name (`""` for a flattened resource).
    #[doc(hidden)]
    pub &'static str,
    /// The `PropertyName` of failures.
    #[doc(hidden)]
    pub &'static str,
    /// The Rust type, as written.
    #[doc(hidden)]
    pub &'static str,
    /// `key_prefix` of the wire name, to tell most keys apart with one
    /// comparison (`u64::MAX` for a flattened resource).
    #[doc(hidden)]
    pub u64,
    /// The `FieldInfo::REQUIRED`, ... bits.
    #[doc(hidden)]
    pub u8,
    /// Aliases, or a flattened resource's fields.
    #[doc(hidden)]
    pub FieldExtra,
);

/// What few fields have: other keys, or the fields of a flattened resource.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldExtra {
    /// Nothing.
    None,
    /// `#[serde(alias = "..")]`.
    Aliases(&'static [&'static str]),
    /// `#[serde(flatten)]`: the flattened resource's fields.
    Flatten(&'static [FieldInfo]),
}

/// A key's first seven bytes and its length, packed: equal keys have equal
/// prefixes. No key's prefix is `u64::MAX` (that would be seven `0xFF`
/// bytes, which UTF-8 never has). The derive computes the same for each
/// wire name (`tests/tests/field_table.rs` checks that they agree).
pub(crate) const fn key_prefix(key: &str) -> u64 {
    let bytes = key.as_bytes();
    let mut prefix = bytes.len() as u64;
    let mut i = 0;
    while i < bytes.len() && i < 7 {
        prefix |= (bytes[i] as u64) << (8 * (i + 1));
        i += 1;
    }
    prefix
}

impl FieldInfo {
    // The flag bits, in the order the derive writes them (`emit.rs`,
    // `flags`).
    /// Flag: `#[required]`.
    #[doc(hidden)]
    pub const REQUIRED: u8 = 1;
    /// Flag: `#[required(update)]`.
    #[doc(hidden)]
    pub const REQUIRED_ON_UPDATE: u8 = 2;
    /// Flag: `#[required(allow_empty)]`.
    #[doc(hidden)]
    pub const ALLOW_EMPTY: u8 = 4;
    /// Flag: `#[serde(default)]`.
    #[doc(hidden)]
    pub const DEFAULTED: u8 = 8;
    /// Flag: `#[sensitive]`.
    #[doc(hidden)]
    pub const SENSITIVE: u8 = 16;
    /// Flag: `#[nested]`.
    #[doc(hidden)]
    pub const NESTED: u8 = 32;
    /// Flag: `#[required(create)]`.
    #[doc(hidden)]
    pub const REQUIRED_ON_CREATE: u8 = 64;

    /// Field `ident` of type `rust_type`, read from the JSON key
    /// `wire_name`: optional, not sensitive.
    pub const fn new(
        ident: &'static str,
        wire_name: &'static str,
        rust_type: &'static str,
    ) -> Self {
        let prefix = key_prefix(wire_name);
        Self(
            ident,
            wire_name,
            wire_name,
            rust_type,
            prefix,
            0,
            FieldExtra::None,
        )
    }

    /// Field `ident` of type `rust_type`, a `#[serde(flatten)]`ed resource
    /// whose fields `fields` sit in this one's JSON object.
    pub const fn flatten(
        ident: &'static str,
        fields: &'static [FieldInfo],
        rust_type: &'static str,
    ) -> Self {
        Self(
            ident,
            "",
            "",
            rust_type,
            u64::MAX,
            0,
            FieldExtra::Flatten(fields),
        )
    }

    /// Reported as `property_name` (`#[nexudus(rename = "..")]`).
    pub const fn reported_as(mut self, property_name: &'static str) -> Self {
        self.2 = property_name;
        self
    }

    /// Also read from these keys (`#[serde(alias = "..")]`).
    pub const fn with_aliases(mut self, aliases: &'static [&'static str]) -> Self {
        self.6 = FieldExtra::Aliases(aliases);
        self
    }

    const fn flagged(mut self, flag: u8) -> Self {
        self.5 |= flag;
        self
    }

    const fn has(&self, flag: u8) -> bool {
        self.5 & flag != 0
    }

    /// `#[required]`.
    pub const fn required(self) -> Self {
        self.flagged(Self::REQUIRED)
    }

    /// `#[required(update)]`.
    pub const fn required_on_update(self) -> Self {
        self.flagged(Self::REQUIRED_ON_UPDATE)
    }

    /// `#[required(create)]`.
    pub const fn required_on_create(self) -> Self {
        self.flagged(Self::REQUIRED_ON_CREATE)
    }

    /// `#[required(allow_empty)]`.
    pub const fn allowing_empty(self) -> Self {
        self.flagged(Self::ALLOW_EMPTY)
    }

    /// `#[serde(default)]`.
    pub const fn defaulted(self) -> Self {
        self.flagged(Self::DEFAULTED)
    }

    /// `#[sensitive]`.
    pub const fn secret(self) -> Self {
        self.flagged(Self::SENSITIVE)
    }

    /// `#[nested]`.
    pub const fn nesting(self) -> Self {
        self.flagged(Self::NESTED)
    }

    /// The Rust field name.
    pub const fn ident(&self) -> &'static str {
        self.0
    }

    /// The `PropertyName` failures of this field carry (the wire name unless
    /// `#[nexudus(rename = "..")]` overrides it).
    pub const fn property_name(&self) -> &'static str {
        self.2
    }

    /// The JSON key a client sends (serde's deserialize name).
    pub const fn wire_name(&self) -> &'static str {
        self.1
    }

    /// Other JSON keys accepted for this field (`#[serde(alias = "..")]`).
    pub const fn aliases(&self) -> &'static [&'static str] {
        match self.6 {
            FieldExtra::Aliases(aliases) => aliases,
            _ => &[],
        }
    }

    /// When `#[required]` applies.
    pub const fn requirement(&self) -> Requirement {
        if self.has(Self::REQUIRED) {
            Requirement::Always
        } else if self.has(Self::REQUIRED_ON_UPDATE) {
            Requirement::UpdateOnly
        } else if self.has(Self::REQUIRED_ON_CREATE) {
            Requirement::CreateOnly
        } else {
            Requirement::Optional
        }
    }

    /// `#[required(allow_empty)]`: blank strings are accepted.
    pub const fn allow_empty(&self) -> bool {
        self.has(Self::ALLOW_EMPTY)
    }

    /// The field may be left out of a JSON body (`#[serde(default)]`).
    pub const fn has_default(&self) -> bool {
        self.has(Self::DEFAULTED)
    }

    /// `#[sensitive]`: the value never appears in failures or `Debug`.
    pub const fn sensitive(&self) -> bool {
        self.has(Self::SENSITIVE)
    }

    /// `#[nested]`: the value holds resources that are checked too.
    pub const fn nested(&self) -> bool {
        self.has(Self::NESTED)
    }

    /// The field's Rust type, as written.
    pub const fn rust_type(&self) -> &'static str {
        self.3
    }

    /// For a `#[serde(flatten)]`ed resource: its fields, which sit in this
    /// resource's JSON object under their own names. Such an entry has no
    /// wire name of its own.
    pub const fn flattened(&self) -> Option<&'static [FieldInfo]> {
        match self.6 {
            FieldExtra::Flatten(fields) => Some(fields),
            _ => None,
        }
    }

    /// Whether `key` names this field on the wire.
    #[inline]
    pub fn matches_key(&self, key: &str) -> bool {
        self.is_wire_name(key, key_prefix(key)) || self.aliases().contains(&key)
    }

    /// The [`key_prefix`] of the field's wire name.
    #[inline]
    pub(crate) const fn key_prefix(&self) -> u64 {
        self.4
    }

    /// Whether `key` (whose [`key_prefix`] is `prefix`) is the field's wire
    /// name; aliases aside.
    #[inline]
    pub(crate) fn is_wire_name(&self, key: &str, prefix: u64) -> bool {
        self.key_prefix() == prefix && self.1 == key
    }
}

impl fmt::Debug for FieldInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FieldInfo")
            .field("ident", &self.ident())
            .field("property_name", &self.property_name())
            .field("wire_name", &self.wire_name())
            .field("aliases", &self.aliases())
            .field("requirement", &self.requirement())
            .field("allow_empty", &self.allow_empty())
            .field("has_default", &self.has_default())
            .field("sensitive", &self.sensitive())
            .field("nested", &self.nested())
            .field("rust_type", &self.rust_type())
            .field("flattened", &self.flattened())
            .finish()
    }
}

/// A Nexudus resource: a record with a name, an endpoint and field rules.
///
/// Implemented by `#[derive(NexudusResource)]`; see the crate docs.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a Nexudus resource",
    label = "does not derive NexudusResource",
    note = "a #[serde(flatten)]ed field's type must derive NexudusResource too"
)]
pub trait NexudusResource: Validate {
    /// The resource's name as Nexudus writes it (`"Workspace"`).
    const NAME: &'static str;
    /// The endpoint path (`"/api/collaboration/workspaces"`).
    const PATH: &'static str;
    /// Every deserialized field, in declaration order.
    const FIELDS: &'static [FieldInfo];
    #[doc(hidden)]
    const __DENY_UNKNOWN_FIELDS: bool = false;

    /// The field whose wire name or alias is `key` (also among the fields
    /// of a `#[serde(flatten)]`ed resource).
    fn field(key: &str) -> Option<&'static FieldInfo> {
        find_key(Self::FIELDS, key)
    }

    /// The field whose Rust name is `ident`, to name it in a cross-field
    /// check without writing its wire name again:
    /// `Self::field_named("to_time").map(FieldInfo::property_name)`.
    fn field_named(ident: &str) -> Option<&'static FieldInfo> {
        Self::FIELDS.iter().find(|f| f.ident() == ident)
    }

    /// Checks a JSON value a client sent, without building `Self`: `Ok(())`
    /// or every failure in declaration order, as
    /// [`from_slice`](crate::from_slice) reports them.
    ///
    /// Each field is read as its own type and checked with the same rules
    /// as [`validate`](Validate::validate). Cross-field checks
    /// (`#[nexudus(check = ..)]`) need the whole value: use
    /// [`from_value`](crate::from_value) to run them too.
    fn validate_value(value: &Value, operation: Operation) -> Result<(), ValidationErrors>
    where
        Self: Sized,
    {
        crate::json::validate_value::<Self>(value, operation)
    }

    #[doc(hidden)]
    fn __validate(&self, cx: &mut Cx<'_>);

    #[doc(hidden)]
    fn __read(cx: &mut Cx<'_>, object: &RawObject<'_>)
    where
        Self: Sized;
}

/// Every field a JSON object of a resource with these `fields` holds, in
/// order: flattened resources' fields in their place.
pub(crate) fn wire_fields(fields: &'static [FieldInfo]) -> Vec<&'static FieldInfo> {
    fn push(fields: &'static [FieldInfo], out: &mut Vec<&'static FieldInfo>) {
        for field in fields {
            match field.flattened() {
                Some(inner) => push(inner, out),
                None => out.push(field),
            }
        }
    }
    let mut out = Vec::with_capacity(fields.len());
    push(fields, &mut out);
    out
}

/// The field of `fields` (or of a flattened resource among them) whose wire
/// name or alias is `key`.
fn find_key(fields: &'static [FieldInfo], key: &str) -> Option<&'static FieldInfo> {
    fields.iter().find_map(|field| match field.flattened() {
        Some(inner) => find_key(inner, key),
        None => field.matches_key(key).then_some(field),
    })
}
