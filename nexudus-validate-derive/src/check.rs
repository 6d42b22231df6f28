//! Syntax to checked model. Every problem is recorded, spanned on the
//! tokens that cause it; the model is only used when there are none.

use std::collections::HashMap;

use proc_macro2::TokenStream;
use quote::ToTokens;
use syn::ext::IdentExt;
use syn::spanned::Spanned;
use syn::{parse_quote, LitStr, Type};

use crate::ctxt::Ctxt;
use crate::model::{Container, Default, Field, Read, Required, Wire};
use crate::rules::{self, ArgReader, Rule};
use crate::symbol::*;
use crate::syntax::{self, Input, RuleAttr, SerdeDefault};

pub fn check<'a>(cx: &Ctxt, input: Input<'a>) -> Container<'a> {
    let attrs = &input.container;
    check_container(cx, attrs);
    let fields: Vec<Field<'a>> = input
        .fields
        .iter()
        .map(|field| check_field(cx, &input, field))
        .collect();
    check_wire_names(cx, &fields);
    let krate = attrs
        .krate
        .clone()
        .unwrap_or_else(|| parse_quote!(::nexudus_validate));
    Container {
        ident: input.ident,
        generics: input.generics,
        name: attrs
            .name
            .as_ref()
            .map_or_else(|| input.ident.unraw().to_string(), LitStr::value),
        path: attrs.path.as_ref().map(LitStr::value).unwrap_or_default(),
        krate,
        checks: attrs.checks.clone(),
        deny_unknown_fields: attrs.deny_unknown_fields,
        fields,
    }
}

fn check_container(cx: &Ctxt, attrs: &syntax::Container) {
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
        cx.error_at(
            *span,
            format!("NexudusResource does not support #[serde({key})]: a Nexudus resource is read as a JSON object of its fields"),
        );
    }
}

fn check_field<'a>(cx: &Ctxt, input: &Input<'a>, field: &syntax::Field<'a>) -> Field<'a> {
    if let Some(rule) = field.rules.first().filter(|_| field.flatten.is_some()) {
        cx.error_at(
            rule.span,
            format!(
                "`{}` is #[serde(flatten)]ed: its fields are checked by their own rules, so it cannot be #[{}]; put rules on the fields of its type",
                field.member, rule.name
            ),
        );
    }
    let mut seen: Vec<&str> = Vec::new();
    let mut required = None;
    let mut nested = None;
    let mut sensitive = None;
    let mut value_rules = Vec::new();
    for attr in &field.rules {
        if seen.contains(&attr.name) {
            cx.error_spanned_by(
                &attr.tokens,
                format!("duplicate #[{}] attribute", attr.name),
            );
            continue;
        }
        seen.push(attr.name);
        if field.skip.is_some() {
            cx.error_at(
                attr.span,
                format!(
                    "`{}` is skipped by serde, so it is never read from JSON and cannot be #[{}]",
                    field.member, attr.name
                ),
            );
            continue;
        }
        match attr.name {
            REQUIRED => required = check_required(cx, attr),
            NESTED => nested = no_arguments(cx, attr).then_some(attr.span),
            SENSITIVE => sensitive = no_arguments(cx, attr).then_some(attr.span),
            _ => {
                if let Some(rule) = rules::check(cx, attr) {
                    check_holds(cx, field.ty, &rule);
                    value_rules.push(rule);
                }
            }
        }
    }
    let wire = field.skip.is_none().then(|| {
        let key = field.serde_rename.clone().unwrap_or_else(|| {
            let name = field.member.unraw().to_string();
            match input.container.rename_all {
                Some(rule) => rule.apply_to_field(&name),
                None => name,
            }
        });
        let property = field
            .rename
            .as_ref()
            .map_or_else(|| key.clone(), LitStr::value);
        Wire {
            key,
            aliases: field.aliases.clone(),
            property,
        }
    });
    let read = match &field.deserialize_with {
        _ if borrows(field.ty, input.generics) => Read::Skip,
        Some(function) => Read::With(function.clone()),
        None => Read::Owned,
    };
    let default = match &field.default {
        Some(SerdeDefault::Trait) => Some(Default::Trait),
        Some(SerdeDefault::Path(path)) => Some(Default::Path(path.clone())),
        None if input.container.default => Some(Default::Container),
        None => None,
    };
    let each = field.each.first().map(|first| {
        let rules = field
            .each
            .iter()
            .filter_map(|attr| match attr.name {
                REQUIRED | NESTED | SENSITIVE => {
                    cx.error_at(
                        attr.span,
                        format!("#[{}] applies to the field, not to each element", attr.name),
                    );
                    None
                }
                _ => rules::check(cx, attr),
            })
            .collect();
        (first.span, rules)
    });
    // A `Secret` anywhere in the type is sensitive without saying so.
    let sensitive =
        sensitive.or_else(|| names_secret(field.ty.to_token_stream()).then(|| field.ty.span()));
    Field {
        member: field.member,
        ty: field.ty,
        wire,
        required,
        rules: value_rules,
        each,
        nested,
        sensitive,
        flatten: field.flatten,
        message: field.message.clone(),
        read,
        default,
    }
}

/// `#[required]`, `#[required(update)]`, `#[required(allow_empty)]`,
/// `#[required(message = "..")]`, in any combination.
fn check_required(cx: &Ctxt, attr: &RuleAttr) -> Option<Required> {
    let mut required = Required {
        update_only: false,
        create_only: false,
        allow_empty: false,
        message: None,
    };
    let mut ok = true;
    for item in attr.args.iter().flat_map(|args| &args.items) {
        match item {
            syntax::Arg::Positional(syn::Expr::Path(path)) if path.path.get_ident().is_some() => {
                let key = path
                    .path
                    .get_ident()
                    .map(ToString::to_string)
                    .unwrap_or_default();
                let flag = match key.as_str() {
                    UPDATE => &mut required.update_only,
                    CREATE => &mut required.create_only,
                    ALLOW_EMPTY => &mut required.allow_empty,
                    _ => {
                        let message = crate::suggest::unknown_key_message(
                            "#[required] option",
                            &key,
                            REQUIRED_KEYS,
                        );
                        cx.error_spanned_by(path, message);
                        ok = false;
                        continue;
                    }
                };
                if std::mem::replace(flag, true) {
                    cx.error_spanned_by(path, format!("duplicate #[required] option `{key}`"));
                    ok = false;
                }
            }
            syntax::Arg::Named(key, value) if key == MESSAGE => match rules::string(value) {
                Some(lit) if required.message.is_none() => required.message = Some(lit.clone()),
                Some(_) => {
                    cx.error_spanned_by(key, "duplicate #[required] option `message`");
                    ok = false;
                }
                None => {
                    cx.error_spanned_by(value, "expected a string literal");
                    ok = false;
                }
            },
            syntax::Arg::Named(key, _) => {
                let message = crate::suggest::unknown_key_message(
                    "#[required] option",
                    &key.to_string(),
                    REQUIRED_KEYS,
                );
                cx.error_spanned_by(key, message);
                ok = false;
            }
            syntax::Arg::Positional(other) => {
                cx.error_spanned_by(
                    other,
                    "expected #[required], #[required(update)], #[required(create)] or \
                     #[required(allow_empty)]",
                );
                ok = false;
            }
        }
    }
    if required.update_only && required.create_only {
        cx.error_spanned_by(
            &attr.tokens,
            "#[required(update, create)] is #[required]: a field required on every operation",
        );
        ok = false;
    }
    ok.then_some(required)
}

/// `#[nested]` and `#[sensitive]` take no arguments.
fn no_arguments(cx: &Ctxt, attr: &RuleAttr) -> bool {
    match &attr.args {
        Some(args) if !args.items.is_empty() => {
            cx.error_spanned_by(&attr.tokens, format!("#[{}] takes no arguments", attr.name));
            false
        }
        _ => ArgReader::new(cx, attr, &[], None).is_some(),
    }
}

/// A `#[range]` bound the field's type cannot hold (`max = 300` on a `u8`,
/// `min = 0.5` on an integer) is an error. Known for the integer types,
/// also inside `Option`, `Box`, `Rc`, `Arc` and references.
fn check_holds(cx: &Ctxt, ty: &Type, rule: &rules::Checked) {
    let Rule::Range(range) = &rule.rule else {
        return;
    };
    let Some((name, min, max)) = integer_type(ty) else {
        return;
    };
    for bound in range.bounds() {
        let holds = match bound.value {
            rules::Number::Int(value) => min <= value && value <= max,
            rules::Number::Float(_) => false,
        };
        if !holds {
            cx.error_spanned_by(
                bound.tokens(),
                format!(
                    "#[range] bound {} cannot be held by the field's type `{name}` ({min} to {max})",
                    bound.text
                ),
            );
        }
    }
}

/// The integer type a field holds, with its limits.
fn integer_type(ty: &Type) -> Option<(String, i128, i128)> {
    let ty = match ty {
        Type::Reference(reference) => return integer_type(&reference.elem),
        Type::Group(group) => return integer_type(&group.elem),
        Type::Paren(paren) => return integer_type(&paren.elem),
        Type::Path(path) if path.qself.is_none() => path,
        _ => return None,
    };
    let last = ty.path.segments.last()?;
    if let syn::PathArguments::AngleBracketed(args) = &last.arguments {
        let wrapper = matches!(
            last.ident.to_string().as_str(),
            "Option" | "Box" | "Rc" | "Arc"
        );
        return match (wrapper, args.args.first()) {
            (true, Some(syn::GenericArgument::Type(inner))) if args.args.len() == 1 => {
                integer_type(inner)
            }
            _ => None,
        };
    }
    let name = last.ident.to_string();
    let (min, max): (i128, i128) = match name.as_str() {
        "i8" => (i8::MIN.into(), i8::MAX.into()),
        "i16" => (i16::MIN.into(), i16::MAX.into()),
        "i32" => (i32::MIN.into(), i32::MAX.into()),
        "i64" => (i64::MIN.into(), i64::MAX.into()),
        "i128" => (i128::MIN, i128::MAX),
        "u8" => (0, u8::MAX.into()),
        "u16" => (0, u16::MAX.into()),
        "u32" => (0, u32::MAX.into()),
        "u64" => (0, u64::MAX.into()),
        "u128" | "usize" => (0, i128::MAX),
        "isize" => (i64::MIN.into(), i64::MAX.into()),
        _ => return None,
    };
    (ty.path.segments.len() == 1).then_some((name, min, max))
}

/// Whether the type mentions a lifetime, a reference or one of the
/// struct's type parameters: it cannot be read on its own from a slice of
/// the body.
fn borrows(ty: &Type, generics: &syn::Generics) -> bool {
    let params: Vec<String> = generics
        .type_params()
        .map(|p| p.ident.to_string())
        .collect();
    mentions(ty.to_token_stream(), &params)
}

fn mentions(tokens: TokenStream, params: &[String]) -> bool {
    tokens.into_iter().any(|token| match token {
        proc_macro2::TokenTree::Punct(p) => p.as_char() == '\'' || p.as_char() == '&',
        proc_macro2::TokenTree::Ident(ident) => params.iter().any(|p| ident == p),
        proc_macro2::TokenTree::Group(group) => mentions(group.stream(), params),
        proc_macro2::TokenTree::Literal(_) => false,
    })
}

/// Whether a type mentions `Secret` (the runtime's `Secret<T>`).
fn names_secret(tokens: TokenStream) -> bool {
    tokens.into_iter().any(|token| match token {
        proc_macro2::TokenTree::Ident(ident) => ident == "Secret",
        proc_macro2::TokenTree::Group(group) => names_secret(group.stream()),
        _ => false,
    })
}

/// Two fields answering to the same JSON key would make failures ambiguous.
fn check_wire_names(cx: &Ctxt, fields: &[Field]) {
    let mut seen: HashMap<&str, &syn::Ident> = HashMap::new();
    for field in fields.iter().filter(|field| field.flatten.is_none()) {
        let Some(wire) = &field.wire else {
            continue;
        };
        for key in std::iter::once(&wire.key).chain(&wire.aliases) {
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
