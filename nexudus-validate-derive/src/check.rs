//! Semantic checks on the model. Every problem is recorded, spanned on the
//! tokens that cause it.

use std::collections::HashMap;

use quote::ToTokens;

use crate::ast::Container;
use crate::ctxt::Ctxt;

pub fn check(cx: &Ctxt, container: &Container) {
    check_container(cx, container);
    for field in &container.fields {
        check_field(cx, field);
    }
    check_wire_names(cx, container);
}

fn check_container(cx: &Ctxt, container: &Container) {
    let attrs = &container.attrs;
    if let Some(path) = &attrs.path {
        let value = path.value();
        if !value.starts_with("/api/") || value.len() == "/api/".len() {
            cx.error_spanned_by(
                path,
                format!("the path `{value}` must start with `/api/` and name an endpoint, e.g. \"/api/spaces/visitors\""),
            );
        } else if let Some(bad) = value
            .chars()
            .find(|c| c.is_whitespace() || matches!(c, '?' | '#'))
        {
            cx.error_spanned_by(
                path,
                format!("the path `{value}` contains {bad:?}; give the bare endpoint path"),
            );
        }
    }
    if let Some(name) = &attrs.name {
        let value = name.value();
        if value.is_empty() || value.contains(char::is_whitespace) {
            cx.error_spanned_by(
                name,
                "the resource name must be one word, e.g. \"Workspace\"",
            );
        }
    }
    for (span, key) in &attrs.unsupported {
        cx.push(syn::Error::new(
            *span,
            format!("NexudusResource does not support #[serde({key})]: a Nexudus resource is read as a JSON object of its fields"),
        ));
    }
}

fn check_field(cx: &Ctxt, field: &crate::ast::Field) {
    let attrs = &field.attrs;
    if let Some(flatten) = attrs.flatten {
        cx.push(syn::Error::new(
            flatten,
            "NexudusResource does not support #[serde(flatten)] yet: a flattened field has no single PropertyName; declare its fields on this struct",
        ));
    }
    if attrs.skip.is_some() {
        let rule_tokens = attrs
            .required
            .as_ref()
            .map(|r| (r.tokens.clone(), "#[required]".to_owned()))
            .into_iter()
            .chain(attrs.nested.clone().map(|t| (t, "#[nested]".to_owned())))
            .chain(attrs.rules.iter().map(|r| {
                (
                    proc_macro2::Ident::new(r.kind.name(), r.span).into_token_stream(),
                    format!("#[{}]", r.kind.name()),
                )
            }));
        for (tokens, rule) in rule_tokens {
            cx.error_spanned_by(
                tokens,
                format!(
                    "`{}` is skipped by serde, so it is never read from JSON and cannot be {rule}",
                    field.member
                ),
            );
        }
    }
    for rule in &attrs.rules {
        crate::rules::check(cx, rule);
    }
}

/// Two fields answering to the same JSON key would make failures ambiguous.
fn check_wire_names(cx: &Ctxt, container: &Container) {
    let mut seen: HashMap<&str, &syn::Ident> = HashMap::new();
    for field in container.fields.iter().filter(|f| f.is_deserialized()) {
        let keys = std::iter::once(field.wire_name.as_str())
            .chain(field.attrs.aliases.iter().map(String::as_str));
        for key in keys {
            if let Some(other) = seen.insert(key, field.member) {
                if other != field.member {
                    cx.error_spanned_by(
                        field.member,
                        format!(
                            "the JSON key `{key}` is used by both `{other}` and `{}`",
                            field.member
                        ),
                    );
                }
            }
        }
    }
}
