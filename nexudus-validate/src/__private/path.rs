use std::borrow::Cow;

/// Where a value sits inside the value being validated, kept on the stack so
/// that a valid value costs no allocation.
#[derive(Debug, Clone, Copy)]
pub enum Path<'a> {
    /// The top-level resource.
    Root,
    /// A field of the value at the parent path.
    Field(&'a Path<'a>, &'static str),
    /// An element of a list at the parent path.
    Index(&'a Path<'a>, usize),
}

impl Path<'_> {
    /// The `PropertyName` of field `name` under this path:
    /// `Name`, `Parent.Name`, `List[2].Name`.
    pub fn property_name(&self, name: &'static str) -> Cow<'static, str> {
        match self {
            Path::Root => Cow::Borrowed(name),
            _ => self.join(name),
        }
    }

    /// `name` (any string) under this path.
    pub fn join(&self, name: &str) -> Cow<'static, str> {
        let mut out = String::new();
        self.write(&mut out);
        if !name.is_empty() {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(name);
        }
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
                out.push('[');
                out.push_str(&index.to_string());
                out.push(']');
            }
        }
    }
}
