//! The checking context: where the value being checked sits, which field
//! is being checked, and where failures go.

use std::borrow::Cow;

use serde_json::Value;

use super::probe::PresenceOf;
use super::Path;
use crate::json::echo::{failure_json_len, Echoed};
use crate::json::object::{Raw, RawObject};
use crate::json::read::{Got, Read, Unread};
use crate::rules::{self, Presence, Violation};
use crate::secret::REDACTED;
use crate::{
    Code, FieldInfo, Limits, NexudusResource, Operation, ValidationErrors, ValidationFailure,
    REQUIRED_MESSAGE,
};

/// Where failures go: the reported ones, in order, within [`Limits`].
pub struct Collector {
    failures: Vec<ValidationFailure>,
    limits: Limits,
    bytes: usize,
    left_out: usize,
}

impl Collector {
    /// An empty collector (allocates nothing until a failure comes).
    pub const fn new(limits: Limits) -> Self {
        Self {
            failures: Vec::new(),
            limits,
            bytes: 0,
            left_out: 0,
        }
    }

    /// How many failures were found, reported or left out.
    pub fn count(&self) -> usize {
        self.failures.len() + self.left_out
    }

    /// Whether every further failure will be left out.
    fn is_full(&self) -> bool {
        self.left_out > 0 || self.failures.len() >= self.limits.max_failures
    }

    /// Reports `failure`, or counts it as left out once a limit is reached.
    /// Once one failure is left out, every later one is too, so the
    /// reported ones are always the first ones.
    pub fn push(&mut self, failure: ValidationFailure) {
        if !self.is_full() {
            let bytes = self.bytes + failure_json_len(&failure) + 1;
            if bytes <= self.limits.max_errors_bytes {
                self.bytes = bytes;
                self.failures.push(failure);
                return;
            }
        }
        self.left_out += 1;
    }

    /// `Ok(())`, or every reported failure and, last, how many were left
    /// out.
    pub fn finish(mut self) -> Result<(), ValidationErrors> {
        if self.left_out > 0 {
            self.failures.push(ValidationFailure::with_code(
                Code::LeftOut,
                "",
                left_out_message(self.left_out),
                Value::Null,
            ));
        }
        ValidationErrors::from(self.failures).into_result()
    }

    /// The limits in force.
    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    fn snapshot(&self) -> Snapshot {
        Snapshot {
            len: self.failures.len(),
            bytes: self.bytes,
            left_out: self.left_out,
        }
    }

    fn rollback(&mut self, to: Snapshot) {
        self.failures.truncate(to.len);
        self.bytes = to.bytes;
        self.left_out = to.left_out;
    }
}

/// How far a [`Collector`] had got, to go back to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Snapshot {
    len: usize,
    bytes: usize,
    left_out: usize,
}

fn left_out_message(count: usize) -> String {
    if count == 1 {
        "1 more failure was left out.".to_owned()
    } else {
        format!("{count} more failures were left out.")
    }
}

/// What the raw reader needs of a resource type, without being generic
/// over it (so that nothing is compiled again per resource).
#[derive(Clone, Copy)]
pub struct Shape {
    /// `NAME`.
    pub name: &'static str,
    /// `FIELDS`.
    pub fields: &'static [FieldInfo],
    /// `#[serde(deny_unknown_fields)]`.
    pub deny_unknown_fields: bool,
    /// `__read`.
    pub read: fn(&mut Cx<'_>, &RawObject<'_>),
}

impl Shape {
    /// The shape of `R`.
    pub fn of<R: NexudusResource>() -> Self {
        Shape {
            name: R::NAME,
            fields: R::FIELDS,
            deny_unknown_fields: R::__DENY_UNKNOWN_FIELDS,
            read: R::__read,
        }
    }
}

/// What the context points at inside its resource.
#[derive(Clone, Copy)]
enum Here {
    /// A field of the resource (an index into its `FIELDS`).
    Field(usize),
    /// The value at the context's path itself (an element of a list).
    Value,
}

/// The context one resource (or one element) is checked in.
pub struct Cx<'a> {
    out: &'a mut Collector,
    path: &'a Path<'a>,
    here: Here,
    fields: &'static [FieldInfo],
    operation: Operation,
    /// Inside a `#[sensitive]` value: nothing is echoed.
    sensitive: bool,
    depth: usize,
    /// The JSON object the fields were read from, if they were: a
    /// failure echoes what was sent.
    sent: Option<&'a RawObject<'a>>,
}

impl<'a> Cx<'a> {
    /// The context of a top-level resource with fields `fields`.
    pub fn root(
        out: &'a mut Collector,
        fields: &'static [FieldInfo],
        operation: Operation,
    ) -> Self {
        Self {
            out,
            path: &Path::Root,
            here: Here::Field(0),
            fields,
            operation,
            sensitive: false,
            depth: 0,
            sent: None,
        }
    }

    /// The context of a top-level resource read from `object`.
    pub(crate) fn root_of(
        out: &'a mut Collector,
        fields: &'static [FieldInfo],
        operation: Operation,
        object: &'a RawObject<'a>,
    ) -> Self {
        Self {
            sent: Some(object),
            ..Self::root(out, fields, operation)
        }
    }

    /// The operation being validated for.
    pub fn operation(&self) -> Operation {
        self.operation
    }

    /// Moves to field `index` with what was read of it; `Some` with the
    /// value when its rules should run.
    #[inline]
    pub fn field<'v, T>(&mut self, index: usize, got: Got<'v, T>) -> Option<&'v T> {
        self.here = Here::Field(index);
        match got {
            Got::Value(value) => Some(value),
            got => self.field_read(got),
        }
    }

    /// Whether the resource is read from JSON (not a typed value).
    #[inline]
    pub(crate) fn reads_json(&self) -> bool {
        self.sent.is_some()
    }

    /// Moves to field `index`; the JSON object to read it from, when the
    /// resource is read from JSON (`None` for a typed value).
    #[inline]
    pub(crate) fn sent_field(&mut self, index: usize) -> Option<&'a RawObject<'a>> {
        self.here = Here::Field(index);
        self.sent
    }

    /// Whether the current field has `#[serde(default)]`.
    pub(crate) fn field_has_default(&self) -> bool {
        self.field_info().is_some_and(FieldInfo::has_default)
    }

    /// [`field`](Self::field) on what the raw reader gave (kept out of
    /// line, so that a typed value's check tests one tag per field).
    #[inline(never)]
    fn field_read<'v, T>(&mut self, got: Got<'v, T>) -> Option<&'v T> {
        match got {
            Got::Value(value) | Got::Read(Read::Value(value)) => Some(value),
            Got::Unread(unread) | Got::Read(Read::Unread(unread)) => {
                self.unread(unread);
                None
            }
            Got::Flat(_) => None,
        }
    }

    /// Field `index`, a `#[serde(flatten)]`ed resource `R`: its fields are
    /// checked in place, under their own names.
    pub fn flatten<R: NexudusResource>(&mut self, index: usize, got: Got<'_, R>) {
        self.here = Here::Field(index);
        let sensitive = self.is_sensitive();
        let sent = match got {
            Got::Flat(object) => Some(object),
            _ => None,
        };
        let mut cx = Cx {
            out: &mut *self.out,
            path: self.path,
            here: Here::Field(0),
            fields: R::FIELDS,
            operation: self.operation,
            sensitive,
            depth: self.depth,
            sent,
        };
        match got {
            Got::Value(value) => value.__validate(&mut cx),
            Got::Flat(object) => R::__read(&mut cx, object),
            Got::Unread(_) | Got::Read(_) => {}
        }
    }

    /// Moves to field `index`, a `#[required]` one, with what was read of
    /// it: its requirement is checked on what `presence` tells of the
    /// value; `Some` with the value when its other rules should run.
    #[inline]
    pub fn required_field<'v, T>(
        &mut self,
        index: usize,
        got: Got<'v, T>,
        presence: PresenceOf<T>,
    ) -> Option<&'v T> {
        self.required_field_with(index, got, presence, None)
    }

    /// [`required_field`](Self::required_field) with a message of the
    /// attribute's.
    #[inline]
    pub fn required_field_with<'v, T>(
        &mut self,
        index: usize,
        got: Got<'v, T>,
        presence: PresenceOf<T>,
        message: Option<&'static str>,
    ) -> Option<&'v T> {
        let value = self.field(index, got)?;
        let presence = presence(value);
        if presence != Presence::Present {
            self.required_slow(presence, message);
        }
        Some(value)
    }

    #[cold]
    #[inline(never)]
    fn required_slow(&mut self, presence: Presence<'_>, message: Option<&'static str>) {
        let Some(field) = self.field_info() else {
            return;
        };
        if !field.requirement().applies_to(self.operation) {
            return;
        }
        if let Err(violation) = rules::required(presence, field.allow_empty()) {
            let attempted = match presence {
                Presence::Blank(text) => self.echo_str(text),
                _ => Value::Null,
            };
            self.push(violation.code(), own_or(message, violation), attempted);
        }
    }

    /// The outcome of a rule on the current value; `echo` is the value,
    /// for the failure's `AttemptedValue`.
    #[inline]
    pub fn check(&mut self, result: Result<(), Violation>, echo: Echoed<'_>) {
        if let Err(violation) = result {
            self.violated(violation, echo, None);
        }
    }

    /// [`check`](Self::check) with a message of the attribute's.
    #[inline]
    pub fn check_with(
        &mut self,
        result: Result<(), Violation>,
        echo: Echoed<'_>,
        message: &'static str,
    ) {
        if let Err(violation) = result {
            self.violated(violation, echo, Some(message));
        }
    }

    #[cold]
    #[inline(never)]
    fn violated(&mut self, violation: Violation, echo: Echoed<'_>, message: Option<&'static str>) {
        if self.out.is_full() {
            self.out.left_out += 1;
            return;
        }
        let attempted = if self.is_sensitive() {
            Value::Null
        } else {
            let sent = match self.here {
                Here::Field(index) => self.sent.and_then(|object| object.get(index)),
                Here::Value => None,
            };
            echo.attempted(self.out.limits.max_echo_bytes, sent)
        };
        self.push(violation.code(), own_or(message, violation), attempted);
    }

    /// The failures of a cross-field check, named under this context's
    /// path.
    pub fn container(&mut self, errors: ValidationErrors) {
        for failure in errors {
            let failure = failure.under(self.path);
            self.out.push(if self.sensitive {
                failure.redacted()
            } else {
                failure
            });
        }
    }

    /// Checks a resource with fields `fields` at the current value's path:
    /// `check` is its `__validate`.
    pub fn resource(&mut self, fields: &'static [FieldInfo], check: &mut dyn FnMut(&mut Cx<'_>)) {
        self.enter(fields, None, |cx| check(cx));
    }

    /// Checks raw JSON sent for a resource of shape `shape` at the current
    /// value's path.
    pub fn resource_raw(&mut self, raw: Raw<'_>, shape: &Shape) {
        let limit = self.out.limits.max_failures;
        match RawObject::of_raw(raw, shape.fields, shape.deny_unknown_fields, limit) {
            Some(object) => self.enter(shape.fields, Some(&object), |cx| {
                (shape.read)(cx, &object);
                cx.unknown_keys(&object, shape.name);
            }),
            None => self.invalid(raw, true),
        }
    }

    /// Runs `check` on the element at `index` of the current value.
    pub fn index(&mut self, index: usize, check: impl FnOnce(&mut Cx<'_>)) {
        let base = self.here_path();
        self.element(&Path::Index(&base.path(self.path), index), check);
    }

    /// Runs `check` on the value under `key` of the current map value.
    pub fn key(&mut self, key: &str, check: impl FnOnce(&mut Cx<'_>)) {
        let key = if self.is_sensitive() { REDACTED } else { key };
        let base = self.here_path();
        self.element(&Path::Key(&base.path(self.path), key), check);
    }

    /// Whether every further failure will be left out, so that work that
    /// can only find more may stop.
    pub fn is_full(&self) -> bool {
        self.out.is_full()
    }

    /// Where the failures have got to.
    pub fn snapshot(&self) -> Snapshot {
        self.out.snapshot()
    }

    /// Forgets the failures found since `to`.
    pub fn rollback(&mut self, to: Snapshot) {
        self.out.rollback(to);
    }

    fn element(&mut self, path: &Path<'_>, check: impl FnOnce(&mut Cx<'_>)) {
        let sensitive = self.is_sensitive();
        let mut cx = Cx {
            out: &mut *self.out,
            path,
            here: Here::Value,
            fields: self.fields,
            operation: self.operation,
            sensitive,
            depth: self.depth,
            sent: None,
        };
        check(&mut cx);
    }

    fn enter<'o>(
        &mut self,
        fields: &'static [FieldInfo],
        sent: Option<&'o RawObject<'o>>,
        check: impl FnOnce(&mut Cx<'_>),
    ) {
        if self.depth >= self.out.limits.max_depth {
            let max = self.out.limits.max_depth;
            let message = format!("is nested more than {max} levels deep");
            self.push(Code::TooDeep, Cow::Owned(message), Value::Null);
            return;
        }
        let base = self.here_path();
        let sensitive = self.is_sensitive();
        let mut cx = Cx {
            out: &mut *self.out,
            path: &base.path(self.path),
            here: Here::Field(0),
            fields,
            operation: self.operation,
            sensitive,
            depth: self.depth + 1,
            sent,
        };
        check(&mut cx);
    }

    /// Keys the resource does not know, sent under
    /// `#[serde(deny_unknown_fields)]`. Their values are never echoed: a
    /// misspelt `"Pasword"` must not be; nor are the keys themselves inside
    /// a `#[sensitive]` value.
    pub(crate) fn unknown_keys(&mut self, object: &RawObject<'_>, resource: &str) {
        for key in object.unknown_keys() {
            let key = if self.sensitive { REDACTED } else { key };
            let name = self.path.member(key);
            let message = format!("Could not find member '{key}' on object of type '{resource}'.");
            self.out.push(ValidationFailure::with_code(
                Code::UnknownField,
                name,
                message,
                Value::Null,
            ));
        }
        self.out.left_out += object.unknown_left_out();
    }

    /// `#[required]` on what was sent for a field that cannot be read on
    /// its own: absent, `null` or a blank string.
    fn unchecked(&mut self, raw: Option<Raw<'_>>) {
        let blank = raw.and_then(Raw::as_blank_str);
        let presence = match (&blank, raw) {
            (Some(text), _) => Presence::Blank(text),
            (None, Some(raw)) if !raw.is_null() => return,
            (None, _) => Presence::Missing,
        };
        self.required_slow(presence, None);
    }

    /// Reports what could not be read of the current field.
    #[cold]
    #[inline(never)]
    pub(crate) fn unread(&mut self, unread: &Unread<'_>) {
        if unread.unchecked {
            return self.unchecked(unread.raw);
        }
        let Some(raw) = unread.raw.filter(|raw| !raw.is_null()) else {
            // Absent or `null` for a type that cannot be empty.
            self.push(Code::Required, Cow::Borrowed(REQUIRED_MESSAGE), Value::Null);
            return;
        };
        if let Some(blank) = raw.as_blank_str() {
            // A blank string for a required field is blank, not also mistyped.
            let required = self.field_info().is_some_and(|field| {
                field.requirement().applies_to(self.operation) && !field.allow_empty()
            });
            if required {
                let attempted = self.echo_str(&blank);
                self.push(Code::Required, Cow::Borrowed(REQUIRED_MESSAGE), attempted);
                return;
            }
        }
        if let Some(descend) = unread.descend {
            let before = self.out.count();
            descend(self, raw);
            if self.out.count() > before {
                return;
            }
        }
        self.report_invalid(raw, unread.opaque, unread.secret);
    }

    /// `The value '..' is not valid for X.` for `raw` sent for field
    /// `index`.
    pub(crate) fn invalid_field(&mut self, index: usize, raw: Raw<'_>) {
        self.here = Here::Field(index);
        self.invalid(raw, false);
    }

    /// `The value '..' is not valid for X.` for `raw` at the current
    /// value. For an `opaque` type (one that holds resources, which may
    /// have secrets) a value holding an object is not echoed.
    pub(crate) fn invalid(&mut self, raw: Raw<'_>, opaque: bool) {
        self.report_invalid(raw, opaque, false);
    }

    /// [`invalid`](Self::invalid); a `secret` value is never echoed.
    fn report_invalid(&mut self, raw: Raw<'_>, opaque: bool, secret: bool) {
        if self.out.is_full() {
            self.out.left_out += 1;
            return;
        }
        let name = self.here_name();
        let echo = if secret || self.is_sensitive() || (opaque && raw.holds_object()) {
            None
        } else {
            raw.echo(self.out.limits.max_echo_bytes)
        };
        let failure = match echo {
            Some((text, value)) => {
                let message = format!("The value '{text}' is not valid for {name}.");
                ValidationFailure::with_code(Code::InvalidType, name, message, value)
            }
            None => ValidationFailure::invalid_type_redacted(name),
        };
        self.out.push(failure);
    }

    fn push(&mut self, code: Code, message: Cow<'static, str>, attempted: Value) {
        if self.out.is_full() {
            self.out.left_out += 1;
            return;
        }
        let failure = ValidationFailure::with_code(code, self.here_name(), message, attempted);
        self.out.push(failure);
    }

    fn echo_str(&self, text: &str) -> Value {
        if self.is_sensitive() || text.len() > self.out.limits.max_echo_bytes {
            Value::Null
        } else {
            Value::String(text.to_owned())
        }
    }

    fn field_info(&self) -> Option<&'static FieldInfo> {
        match self.here {
            Here::Field(index) => self.fields.get(index),
            Here::Value => None,
        }
    }

    fn here_is_sensitive(&self) -> bool {
        self.field_info().is_some_and(FieldInfo::sensitive)
    }

    fn is_sensitive(&self) -> bool {
        self.sensitive || self.here_is_sensitive()
    }

    fn here_path(&self) -> HerePath {
        match self.field_info() {
            Some(field) => HerePath::Field(field.property_name()),
            None => HerePath::Value,
        }
    }

    fn here_name(&self) -> Cow<'static, str> {
        self.here_path().path(self.path).name()
    }
}

/// The path of the current value, relative to the context's path.
#[derive(Clone, Copy)]
enum HerePath {
    Field(&'static str),
    Value,
}

impl HerePath {
    fn path<'p>(self, base: &'p Path<'p>) -> Path<'p> {
        match self {
            HerePath::Field(name) => Path::Field(base, name),
            HerePath::Value => *base,
        }
    }
}

/// A rule's own message, or the one the attribute gives.
fn own_or(message: Option<&'static str>, violation: Violation) -> Cow<'static, str> {
    match message {
        Some(message) => Cow::Borrowed(message),
        None => violation.into_message(),
    }
}
