//! Where a value sits inside the value being validated.

use std::borrow::Cow;
use std::fmt::Write;

/// A path kept on the stack, so that a valid value costs no allocation.
#[derive(Debug, Clone, Copy)]
pub enum Path<'a> {
    /// The top-level resource.
    Root,
    /// A field of the value at the parent path.
    Field(&'a Path<'a>, &'static str),
    /// An element of a list at the parent path.
    Index(&'a Path<'a>, usize),
    /// A value of a map at the parent path, under a key.
    Key(&'a Path<'a>, &'a str),
}

impl Path<'_> {
    /// The `PropertyName` of this path: `Name`, `Parent.Name`,
    /// `List[2].Name`, `Map[key].Name`.
    pub fn name(&self) -> Cow<'static, str> {
        match self {
            Path::Root => Cow::Borrowed(""),
            Path::Field(Path::Root, name) => Cow::Borrowed(name),
            _ => {
                let mut out = String::new();
                self.write(&mut out);
                Cow::Owned(out)
            }
        }
    }

    /// `name` (a failure's own `PropertyName`) under this path.
    pub fn join(&self, name: &str) -> Cow<'static, str> {
        let mut out = String::new();
        self.write(&mut out);
        if !name.is_empty() {
            if !out.is_empty() && !name.starts_with('[') {
                out.push('.');
            }
            out.push_str(name);
        }
        Cow::Owned(out)
    }

    /// The `PropertyName` of `key`, sent in the object at this path and
    /// answered by no field: `Parent.Key`, or `Parent['key']` (Json.NET's
    /// notation, `'` and `\` escaped) when the key is empty or holds a
    /// character that a path or a JSON string gives a meaning to, so that it
    /// never reads as the object itself, an index or a map key.
    pub fn member(&self, key: &str) -> Cow<'static, str> {
        const SPECIAL: &[char] = &[
            '.', ' ', '\'', '/', '"', '[', ']', '(', ')', '\t', '\n', '\r', '\u{c}', '\u{8}', '\\',
            '\u{85}', '\u{2028}', '\u{2029}',
        ];
        if !key.is_empty() && !key.contains(SPECIAL) {
            return self.join(key);
        }
        let mut out = String::new();
        self.write(&mut out);
        out.push_str("['");
        for c in key.chars() {
            if matches!(c, '\'' | '\\') {
                out.push('\\');
            }
            out.push(c);
        }
        out.push_str("']");
        Cow::Owned(out)
    }

    fn write(&self, out: &mut String) {
        match self {
            Path::Root => {}
            Path::Field(parent, name) => {
                parent.write(out);
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(name);
            }
            Path::Index(parent, index) => {
                parent.write(out);
                let _ = write!(out, "[{index}]");
            }
            Path::Key(parent, key) => {
                parent.write(out);
                out.push('[');
                out.push_str(key);
                out.push(']');
            }
        }
    }
}
