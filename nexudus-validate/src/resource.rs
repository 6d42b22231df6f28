//! The traits the derive implements and the field metadata it records.

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
}

impl Requirement {
    /// Whether the field must be present for `operation`.
    pub const fn applies_to(self, operation: Operation) -> bool {
        match self {
            Requirement::Optional => false,
            Requirement::Always => true,
            Requirement::UpdateOnly => operation.is_update(),
        }
    }
}

/// What the derive knows about one field of a resource.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldInfo {
    ident: &'static str,
    property_name: &'static str,
    wire_name: &'static str,
    aliases: &'static [&'static str],
    requirement: Requirement,
    allow_empty: bool,
    has_default: bool,
    sensitive: bool,
    nested: bool,
    rust_type: &'static str,
    flattened: Option<&'static [FieldInfo]>,
    /// [`key_prefix`] of the wire name, to tell most keys apart with one
    /// comparison.
    prefix: u64,
}

/// A key's first eight bytes and its length, packed: equal keys have equal
/// prefixes. No key's prefix is `u64::MAX` (that would be eight `0xFF`
/// bytes, which UTF-8 never has).
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
    /// Field `ident` of type `rust_type`, read from the JSON key
    /// `wire_name`: optional, not sensitive.
    pub const fn new(
        ident: &'static str,
        wire_name: &'static str,
        rust_type: &'static str,
    ) -> Self {
        Self {
            ident,
            property_name: wire_name,
            wire_name,
            aliases: &[],
            requirement: Requirement::Optional,
            allow_empty: false,
            has_default: false,
            sensitive: false,
            nested: false,
            rust_type,
            flattened: None,
            prefix: key_prefix(wire_name),
        }
    }

    /// Field `ident` of type `rust_type`, a `#[serde(flatten)]`ed resource
    /// whose fields `fields` sit in this one's JSON object.
    pub const fn flatten(
        ident: &'static str,
        fields: &'static [FieldInfo],
        rust_type: &'static str,
    ) -> Self {
        let mut info = Self::new(ident, "", rust_type);
        info.flattened = Some(fields);
        info.prefix = u64::MAX;
        info
    }

    /// Reported as `property_name` (`#[nexudus(rename = "..")]`).
    pub const fn reported_as(mut self, property_name: &'static str) -> Self {
        self.property_name = property_name;
        self
    }

    /// Also read from these keys (`#[serde(alias = "..")]`).
    pub const fn with_aliases(mut self, aliases: &'static [&'static str]) -> Self {
        self.aliases = aliases;
        self
    }

    /// `#[required]`.
    pub const fn required(mut self) -> Self {
        self.requirement = Requirement::Always;
        self
    }

    /// `#[required(update)]`.
    pub const fn required_on_update(mut self) -> Self {
        self.requirement = Requirement::UpdateOnly;
        self
    }

    /// `#[required(allow_empty)]`.
    pub const fn allowing_empty(mut self) -> Self {
        self.allow_empty = true;
        self
    }

    /// `#[serde(default)]`.
    pub const fn defaulted(mut self) -> Self {
        self.has_default = true;
        self
    }

    /// `#[sensitive]`.
    pub const fn secret(mut self) -> Self {
        self.sensitive = true;
        self
    }

    /// `#[nested]`.
    pub const fn nesting(mut self) -> Self {
        self.nested = true;
        self
    }

    /// The Rust field name.
    pub const fn ident(&self) -> &'static str {
        self.ident
    }

    /// The `PropertyName` failures of this field carry (the wire name unless
    /// `#[nexudus(rename = "..")]` overrides it).
    pub const fn property_name(&self) -> &'static str {
        self.property_name
    }

    /// The JSON key a client sends (serde's deserialize name).
    pub const fn wire_name(&self) -> &'static str {
        self.wire_name
    }

    /// Other JSON keys accepted for this field (`#[serde(alias = "..")]`).
    pub const fn aliases(&self) -> &'static [&'static str] {
        self.aliases
    }

    /// When `#[required]` applies.
    pub const fn requirement(&self) -> Requirement {
        self.requirement
    }

    /// `#[required(allow_empty)]`: blank strings are accepted.
    pub const fn allow_empty(&self) -> bool {
        self.allow_empty
    }

    /// The field may be left out of a JSON body (`#[serde(default)]`).
    pub const fn has_default(&self) -> bool {
        self.has_default
    }

    /// `#[sensitive]`: the value never appears in failures or `Debug`.
    pub const fn sensitive(&self) -> bool {
        self.sensitive
    }

    /// `#[nested]`: the value holds resources that are checked too.
    pub const fn nested(&self) -> bool {
        self.nested
    }

    /// The field's Rust type, as written.
    pub const fn rust_type(&self) -> &'static str {
        self.rust_type
    }

    /// For a `#[serde(flatten)]`ed resource: its fields, which sit in this
    /// resource's JSON object under their own names. Such an entry has no
    /// wire name of its own.
    pub const fn flattened(&self) -> Option<&'static [FieldInfo]> {
        self.flattened
    }

    /// Whether `key` names this field on the wire.
    #[inline]
    pub fn matches_key(&self, key: &str) -> bool {
        self.matches_prefixed_key(key, key_prefix(key))
    }

    /// [`matches_key`](Self::matches_key) for a key whose [`key_prefix`] is
    /// known.
    #[inline]
    pub(crate) fn matches_prefixed_key(&self, key: &str, prefix: u64) -> bool {
        (self.prefix == prefix && self.wire_name == key)
            || (!self.aliases.is_empty() && self.aliases.contains(&key))
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

/// The field of `fields` (or of a flattened resource among them) whose wire
/// name or alias is `key`.
fn find_key(fields: &'static [FieldInfo], key: &str) -> Option<&'static FieldInfo> {
    fields.iter().find_map(|field| match field.flattened {
        Some(inner) => find_key(inner, key),
        None => field.matches_key(key).then_some(field),
    })
}
