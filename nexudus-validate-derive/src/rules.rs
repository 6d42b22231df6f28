//! The value rules: each rule's arguments, compile-time checks and
//! generated call live here, one match arm per rule.

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned, ToTokens};
use syn::parse::ParseStream;
use syn::{Expr, ExprLit, ExprUnary, Lit, LitInt, LitStr, Token, UnOp};

use crate::ctxt::Ctxt;
use crate::suggest::unknown_key_message;

/// Every rule name, as an attribute (`#[length(..)]`) or inside
/// `#[nexudus(..)]`.
pub const RULE_NAMES: &[&str] = &[
    "required",
    "not_null",
    "not_empty",
    "length",
    "range",
    "email",
    "pattern",
    "custom",
    "nested",
    "sensitive",
];

/// One rule on a field.
pub struct Rule {
    pub kind: RuleKind,
    /// The rule's name token, to span errors and trait-bound failures.
    pub span: Span,
    /// `message = ".."` given to this rule.
    pub message: Option<LitStr>,
}

pub enum RuleKind {
    NotNull,
    NotEmpty,
    Length {
        min: Option<LitInt>,
        max: Option<LitInt>,
    },
    Range {
        min: Option<Bound>,
        max: Option<Bound>,
    },
    Email,
    Pattern(LitStr),
    Custom(syn::Path),
}

/// A numeric `#[range]` bound as written.
pub struct Bound {
    pub tokens: TokenStream,
    pub text: String,
    pub int: Option<i128>,
    pub float: f64,
}

impl RuleKind {
    pub fn name(&self) -> &'static str {
        match self {
            RuleKind::NotNull => "not_null",
            RuleKind::NotEmpty => "not_empty",
            RuleKind::Length { .. } => "length",
            RuleKind::Range { .. } => "range",
            RuleKind::Email => "email",
            RuleKind::Pattern(_) => "pattern",
            RuleKind::Custom(_) => "custom",
        }
    }

    /// Whether the rule looks at the value inside an `Option` (and is
    /// skipped for `None`), rather than at the field as a whole.
    pub fn on_inner_value(&self) -> bool {
        !matches!(self, RuleKind::NotNull | RuleKind::NotEmpty)
    }
}

/// Parses the arguments of rule `name` (`None` when written bare).
pub fn parse(name: &str, span: Span, args: Option<ParseStream>) -> syn::Result<Rule> {
    let mut message = None;
    let kind = match name {
        "not_null" | "not_empty" | "email" => {
            if let Some(input) = args {
                parse_keys(input, name, &["message"], |key, input| {
                    let _ = key;
                    message = Some(parse_value(input)?);
                    Ok(())
                })?;
            }
            match name {
                "not_null" => RuleKind::NotNull,
                "not_empty" => RuleKind::NotEmpty,
                _ => RuleKind::Email,
            }
        }
        "length" => {
            let (mut min, mut max) = (None, None);
            let input = args.ok_or_else(|| needs(span, "#[length(min = .., max = ..)]"))?;
            parse_keys(input, name, &["min", "max", "message"], |key, input| {
                match key {
                    "min" => min = Some(parse_value(input)?),
                    "max" => max = Some(parse_value(input)?),
                    _ => message = Some(parse_value(input)?),
                }
                Ok(())
            })?;
            RuleKind::Length { min, max }
        }
        "range" => {
            let (mut min, mut max) = (None, None);
            let input = args.ok_or_else(|| needs(span, "#[range(min = .., max = ..)]"))?;
            parse_keys(input, name, &["min", "max", "message"], |key, input| {
                match key {
                    "min" => min = Some(parse_bound(input)?),
                    "max" => max = Some(parse_bound(input)?),
                    _ => message = Some(parse_value(input)?),
                }
                Ok(())
            })?;
            RuleKind::Range { min, max }
        }
        "pattern" => {
            let input = args.ok_or_else(|| needs(span, "#[pattern(\"regex\")]"))?;
            let regex: LitStr = input.parse()?;
            if input.parse::<Option<Token![,]>>()?.is_some() && !input.is_empty() {
                parse_keys(input, name, &["message"], |_, input| {
                    message = Some(parse_value(input)?);
                    Ok(())
                })?;
            }
            RuleKind::Pattern(regex)
        }
        "custom" => {
            let input = args.ok_or_else(|| needs(span, "#[custom(path::to_fn)]"))?;
            let function: syn::Path = input.parse()?;
            if input.parse::<Option<Token![,]>>()?.is_some() && !input.is_empty() {
                parse_keys(input, name, &["message"], |_, input| {
                    message = Some(parse_value(input)?);
                    Ok(())
                })?;
            }
            RuleKind::Custom(function)
        }
        _ => unreachable!("rule names are matched by the caller"),
    };
    Ok(Rule {
        kind,
        span,
        message,
    })
}

fn needs(span: Span, form: &str) -> syn::Error {
    syn::Error::new(span, format!("expected {form}"))
}

/// `key = value, ...` where every key is one of `keys`.
fn parse_keys(
    input: ParseStream,
    rule: &str,
    keys: &[&str],
    mut each: impl FnMut(&str, ParseStream) -> syn::Result<()>,
) -> syn::Result<()> {
    let mut seen: Vec<String> = Vec::new();
    while !input.is_empty() {
        let key: syn::Ident = input.parse()?;
        let name = key.to_string();
        if !keys.contains(&name.as_str()) {
            return Err(syn::Error::new(
                key.span(),
                unknown_key_message(&format!("#[{rule}] option"), &name, keys),
            ));
        }
        if seen.contains(&name) {
            return Err(syn::Error::new(
                key.span(),
                format!("duplicate #[{rule}] option `{name}`"),
            ));
        }
        seen.push(name.clone());
        input.parse::<Token![=]>()?;
        each(&name, input)?;
        if input.is_empty() {
            break;
        }
        input.parse::<Token![,]>()?;
    }
    Ok(())
}

fn parse_value<T: syn::parse::Parse>(input: ParseStream) -> syn::Result<T> {
    input.parse()
}

fn parse_bound(input: ParseStream) -> syn::Result<Bound> {
    let expr: Expr = input.parse()?;
    let (negative, lit) = match &expr {
        Expr::Lit(ExprLit { lit, .. }) => (false, lit),
        Expr::Unary(ExprUnary {
            op: UnOp::Neg(_),
            expr,
            ..
        }) => match &**expr {
            Expr::Lit(ExprLit { lit, .. }) => (true, lit),
            _ => return Err(syn::Error::new_spanned(expr, "expected a number")),
        },
        _ => return Err(syn::Error::new_spanned(expr, "expected a number")),
    };
    let sign = if negative { "-" } else { "" };
    let (int, float, digits) = match lit {
        Lit::Int(i) => {
            let value: i128 = i.base10_parse()?;
            let value = if negative { -value } else { value };
            (Some(value), value as f64, i.base10_digits().to_owned())
        }
        Lit::Float(f) => {
            let value: f64 = f.base10_parse()?;
            let value = if negative { -value } else { value };
            (None, value, f.base10_digits().to_owned())
        }
        _ => return Err(syn::Error::new_spanned(&expr, "expected a number")),
    };
    Ok(Bound {
        tokens: expr.to_token_stream(),
        text: format!("{sign}{digits}"),
        int,
        float,
    })
}

/// Compile-time checks of a rule's arguments.
pub fn check(cx: &Ctxt, rule: &Rule) {
    match &rule.kind {
        RuleKind::Length { min, max } => {
            if min.is_none() && max.is_none() {
                cx.push(syn::Error::new(
                    rule.span,
                    "#[length] needs `min`, `max` or both",
                ));
            }
            let parse = |lit: &Option<LitInt>| {
                lit.as_ref()
                    .and_then(|lit| match lit.base10_parse::<usize>() {
                        Ok(n) => Some(n),
                        Err(_) => {
                            cx.error_spanned_by(lit, "a length must be a non-negative integer");
                            None
                        }
                    })
            };
            if let (Some(lo), Some(hi)) = (parse(min), parse(max)) {
                if lo > hi {
                    cx.error_spanned_by(
                        min,
                        format!("#[length] min ({lo}) is greater than max ({hi})"),
                    );
                }
            }
        }
        RuleKind::Range { min, max } => {
            if min.is_none() && max.is_none() {
                cx.push(syn::Error::new(
                    rule.span,
                    "#[range] needs `min`, `max` or both",
                ));
            }
            if let (Some(lo), Some(hi)) = (min, max) {
                if lo.float > hi.float {
                    cx.error_spanned_by(
                        &lo.tokens,
                        format!(
                            "#[range] min ({}) is greater than max ({})",
                            lo.text, hi.text
                        ),
                    );
                }
            }
        }
        RuleKind::Pattern(regex) => {
            if let Err(error) = regex_syntax::Parser::new().parse(&regex.value()) {
                cx.error_spanned_by(regex, format!("invalid regex in #[pattern]: {error}"));
            }
        }
        RuleKind::NotNull | RuleKind::NotEmpty | RuleKind::Email | RuleKind::Custom(_) => {}
    }
}

/// The generated check of `rule` for the field value `value` (a reference:
/// the whole field for `on_inner_value() == false`, else the value inside
/// its `Option`s).
pub fn expand(p: &TokenStream, rule: &Rule, name: &str, message: &TokenStream) -> TokenStream {
    let span = rule.span;
    let attempted = quote! {
        || {
            use #p::{ViaOpaque as _, ViaSerialize as _};
            (&&#p::Probe(__nx_value)).__attempted()
        }
    };
    match &rule.kind {
        RuleKind::NotNull => quote! {
            #p::rules::not_null(__nx_out, __nx_path, #name, {
                use #p::{ViaAny as _, ViaOption as _, ViaRequired as _};
                (&&&#p::Probe(__nx_value)).__presence()
            }, #message);
        },
        RuleKind::NotEmpty => quote! {
            #p::rules::not_empty(__nx_out, __nx_path, #name, {
                use #p::{ViaIsEmpty as _, ViaNeverEmpty as _, ViaOptionEmpty as _};
                (&&&#p::Probe(__nx_value)).__is_empty()
            }, #attempted, #message);
        },
        RuleKind::Length { min, max } => {
            let min = option(p, min.as_ref().map(|m| quote!(#m)));
            let max = option(p, max.as_ref().map(|m| quote!(#m)));
            let length = quote_spanned!(span=> #p::HasLength::length(__nx_value));
            quote! {
                #p::rules::length(__nx_out, __nx_path, #name, #length, #min, #max, #attempted, #message);
            }
        }
        RuleKind::Range { min, max } => {
            let bound = |b: &Option<Bound>| {
                option(
                    p,
                    b.as_ref().map(|b| {
                        let (text, float) = (&b.text, b.float);
                        let int = option(p, b.int.map(|i| quote!(#i)));
                        quote!(#p::Bound { text: #text, int: #int, float: #float })
                    }),
                )
            };
            let (min, max) = (bound(min), bound(max));
            let value = quote_spanned!(span=> #p::rules::as_ranged(__nx_value));
            quote! {
                #p::rules::range(__nx_out, __nx_path, #name, #value, #min, #max, #attempted, #message);
            }
        }
        RuleKind::Email => {
            let text = quote_spanned!(span=> #p::AsText::as_text(__nx_value));
            quote!(#p::rules::email(__nx_out, __nx_path, #name, #text, #message);)
        }
        RuleKind::Pattern(regex) => {
            let anchored = format!("^(?:{})$", regex.value());
            let text = quote_spanned!(span=> #p::AsText::as_text(__nx_value));
            quote! {{
                static REGEX: #p::LazyLock<#p::Regex> = #p::LazyLock::new(|| {
                    #p::Regex::new(#anchored).expect("the derive checked this regex")
                });
                #p::rules::pattern(__nx_out, __nx_path, #name, &REGEX, #regex, #text, #message);
            }}
        }
        RuleKind::Custom(function) => quote! {
            #p::rules::custom(__nx_out, __nx_path, #name, #function(__nx_value), #attempted, #message);
        },
    }
}

fn option(p: &TokenStream, value: Option<TokenStream>) -> TokenStream {
    match value {
        Some(v) => quote!(#p::Some(#v)),
        None => quote!(#p::None),
    }
}
