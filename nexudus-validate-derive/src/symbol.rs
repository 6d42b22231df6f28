//! Every attribute and key name the derive reads, once.

/// `#[nexudus(..)]`.
pub const NEXUDUS: &str = "nexudus";
/// `#[serde(..)]`.
pub const SERDE: &str = "serde";

// Rules: attributes of their own, or keys inside `#[nexudus(..)]`.
pub const REQUIRED: &str = "required";
pub const NOT_NULL: &str = "not_null";
pub const NOT_EMPTY: &str = "not_empty";
pub const LENGTH: &str = "length";
pub const RANGE: &str = "range";
pub const EMAIL: &str = "email";
pub const PATTERN: &str = "pattern";
pub const CUSTOM: &str = "custom";
pub const NESTED: &str = "nested";
pub const SENSITIVE: &str = "sensitive";

/// Every rule name.
pub const RULES: &[&str] = &[
    REQUIRED, NOT_NULL, NOT_EMPTY, LENGTH, RANGE, EMAIL, PATTERN, CUSTOM, NESTED, SENSITIVE,
];

// Keys of `#[nexudus(..)]` on the struct.
pub const NAME: &str = "name";
pub const PATH: &str = "path";
pub const CRATE: &str = "crate";
pub const CHECK: &str = "check";
pub const CONTAINER_KEYS: &[&str] = &[NAME, PATH, CRATE, CHECK];

// Keys of `#[nexudus(..)]` on a field, besides the rules.
pub const RENAME: &str = "rename";
pub const MESSAGE: &str = "message";
/// `each(rule, ..)`: rules on every element of a list.
pub const EACH: &str = "each";
pub const FIELD_KEYS: &[&str] = &[RENAME, MESSAGE, EACH];

// Options of rules.
pub const UPDATE: &str = "update";
pub const CREATE: &str = "create";
pub const ALLOW_EMPTY: &str = "allow_empty";
pub const REQUIRED_KEYS: &[&str] = &[UPDATE, CREATE, ALLOW_EMPTY, MESSAGE];
pub const MIN: &str = "min";
pub const MAX: &str = "max";

// serde's attributes that decide the wire shape.
pub const RENAME_ALL: &str = "rename_all";
pub const DESERIALIZE: &str = "deserialize";
pub const ALIAS: &str = "alias";
pub const SKIP: &str = "skip";
pub const SKIP_DESERIALIZING: &str = "skip_deserializing";
pub const DEFAULT: &str = "default";
pub const FLATTEN: &str = "flatten";
pub const WITH: &str = "with";
pub const DESERIALIZE_WITH: &str = "deserialize_with";
pub const DENY_UNKNOWN_FIELDS: &str = "deny_unknown_fields";
/// serde container attributes that make the value something other than a
/// JSON object of its fields.
pub const UNSUPPORTED_SERDE: &[&str] = &["transparent", "from", "try_from", "untagged"];
