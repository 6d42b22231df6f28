//! Keeping credentials out of everything the client prints, and server
//! bodies short in its errors.

use std::borrow::Cow;
use std::fmt;

use base64::Engine as _;
use serde_json::Value;

use crate::secret::REDACTED;

/// At most this many bytes of a server body are quoted in an error.
pub const BODY_EXCERPT_BYTES: usize = 4096;

/// Credentials that may be echoed back by a server: the user name and
/// password of Basic authentication, a bearer token, a login password, the
/// values of a record's `#[sensitive]` fields. Each is redacted in every
/// form it travels in (as sent, base64 in the `Authorization` header,
/// JSON-escaped, form-encoded).
#[derive(Default, Clone)]
pub(super) struct Secrets {
    /// Longest first, so that a header value goes before its parts.
    forms: Vec<String>,
}

impl Secrets {
    /// A secret that travelled as it is (a password, a token).
    pub(super) fn add(&mut self, secret: &str) {
        if secret.is_empty() {
            return;
        }
        self.add_form(secret.to_owned());
        if let Ok(json) = serde_json::to_string(secret) {
            let escaped = &json[1..json.len() - 1];
            if escaped != secret {
                self.add_form(escaped.to_owned());
            }
        }
        let encoded: String = form_urlencoded(secret);
        if encoded != secret {
            self.add_form(encoded);
        }
    }

    /// Basic credentials: the password, and `user:password` as the header
    /// carries it.
    pub(super) fn add_basic(&mut self, user: &str, password: &str) {
        self.add(password);
        let pair = base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"));
        self.add(&pair);
    }

    fn add_form(&mut self, form: String) {
        if !self.forms.contains(&form) {
            self.forms.push(form);
            self.forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
        }
    }

    /// `text` with every secret replaced by `<redacted>`.
    pub(super) fn redact<'a>(&self, text: &'a str) -> Cow<'a, str> {
        let mut text = Cow::Borrowed(text);
        for form in &self.forms {
            if text.contains(form.as_str()) {
                text = Cow::Owned(text.replace(form.as_str(), REDACTED));
            }
        }
        text
    }

    /// Every string in `value` (keys too) redacted.
    pub(super) fn redact_value(&self, value: &mut Value) {
        if self.forms.is_empty() {
            return;
        }
        match value {
            Value::String(text) => {
                if let Cow::Owned(clean) = self.redact(text) {
                    *text = clean;
                }
            }
            Value::Array(items) => items.iter_mut().for_each(|v| self.redact_value(v)),
            Value::Object(object) => {
                let entries = std::mem::take(object);
                for (key, mut item) in entries {
                    self.redact_value(&mut item);
                    object.insert(self.redact(&key).into_owned(), item);
                }
            }
            _ => {}
        }
    }

    /// A body as it may be quoted in an error: text (lossy UTF-8),
    /// redacted, and cut to [`BODY_EXCERPT_BYTES`] with a note of the
    /// whole length.
    pub(super) fn excerpt(&self, body: &[u8]) -> String {
        // Enough to redact a secret that straddles the cut.
        let longest = self.forms.first().map_or(0, String::len);
        let window = &body[..body.len().min(BODY_EXCERPT_BYTES + longest)];
        let text = String::from_utf8_lossy(window);
        let text = self.redact(&text);
        let mut out = truncate(&text, BODY_EXCERPT_BYTES).to_owned();
        if out.len() < text.len() || window.len() < body.len() {
            out.push_str(&format!("… ({} bytes in all)", body.len()));
        }
        out
    }
}

/// `text` with what looks like personal data or a credential replaced by
/// `<redacted>`: an e-mail address, and a run of 20 or more letters,
/// digits and `-_.+/=` (a token, a key).
pub(super) fn personal(text: &str) -> String {
    let token_char = |c: char| c.is_ascii_alphanumeric() || "-_.+/=".contains(c);
    let mut out = String::with_capacity(text.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        let email = word.contains('@') && word.rsplit('@').next().is_some_and(|d| d.contains('.'));
        if email || word.chars().filter(|c| token_char(*c)).count() >= 20 {
            out.push_str(REDACTED);
        } else {
            out.push_str(word);
        }
        word.clear();
    };
    for c in text.chars() {
        if token_char(c) || c == '@' {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// `text` cut to at most `max` bytes, on a character boundary.
pub(super) fn truncate(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// `application/x-www-form-urlencoded`, as reqwest writes a form value.
fn form_urlencoded(text: &str) -> String {
    use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
    const FORM: &AsciiSet = &NON_ALPHANUMERIC
        .remove(b'*')
        .remove(b'-')
        .remove(b'.')
        .remove(b'_')
        .remove(b' ');
    utf8_percent_encode(text, FORM)
        .to_string()
        .replace(' ', "+")
}

/// A base URL split from the credentials written into it
/// (`http://user:password@host`): the URL without them, and the user name
/// and password, percent-decoded.
pub(super) fn split_userinfo(url: &str) -> (String, Option<(String, String)>) {
    let Some((start, at)) = userinfo_span(url) else {
        return (url.to_owned(), None);
    };
    let userinfo = &url[start..at];
    let (user, password) = userinfo.split_once(':').unwrap_or((userinfo, ""));
    let decode = |s: &str| {
        percent_encoding::percent_decode_str(s)
            .decode_utf8_lossy()
            .into_owned()
    };
    let stripped = format!("{}{}", &url[..start], &url[at + 1..]);
    (stripped, Some((decode(user), decode(password))))
}

/// Where the user information of `url` is: from after `://` to the last
/// `@` of the authority (exclusive).
fn userinfo_span(url: &str) -> Option<(usize, usize)> {
    let start = url.find("://")? + 3;
    let authority_len = url[start..]
        .find(['/', '?', '#'])
        .unwrap_or(url.len() - start);
    let at = url[start..start + authority_len].rfind('@')?;
    Some((start, start + at))
}

/// A URL for display: any user information replaced by `<redacted>`.
pub(super) fn display_url(url: &str) -> Cow<'_, str> {
    match userinfo_span(url) {
        Some((start, at)) => Cow::Owned(format!("{}{REDACTED}{}", &url[..start], &url[at..])),
        None => Cow::Borrowed(url),
    }
}

/// A `fmt::Write` that passes on at most `left` bytes, then drops the rest
/// and notes that it did.
pub(super) struct Capped<'a, 'b> {
    out: &'a mut fmt::Formatter<'b>,
    left: usize,
    cut: bool,
}

impl<'a, 'b> Capped<'a, 'b> {
    pub(super) fn new(out: &'a mut fmt::Formatter<'b>, max: usize) -> Self {
        Self {
            out,
            left: max,
            cut: false,
        }
    }

    /// Writes `…` when something was dropped.
    pub(super) fn finish(self) -> fmt::Result {
        if self.cut {
            self.out.write_str("…")?;
        }
        Ok(())
    }
}

impl fmt::Write for Capped<'_, '_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let kept = truncate(s, self.left);
        self.out.write_str(kept)?;
        self.left -= kept.len();
        if kept.len() < s.len() {
            // Stop the pieces that follow too (no partial characters).
            self.left = 0;
            self.cut = true;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn userinfo() {
        assert_eq!(
            split_userinfo("http://admin:S%40CRET@host:8080/x@y"),
            (
                "http://host:8080/x@y".to_owned(),
                Some(("admin".to_owned(), "S@CRET".to_owned()))
            )
        );
        assert_eq!(
            split_userinfo("http://host/a@b"),
            ("http://host/a@b".to_owned(), None)
        );
        assert_eq!(split_userinfo("no url"), ("no url".to_owned(), None));
        assert_eq!(
            display_url("https://a:b@c@host/p"),
            "https://<redacted>@host/p"
        );
        assert_eq!(display_url("https://host/p"), "https://host/p");
    }

    #[test]
    fn redacts_every_form() {
        let mut secrets = Secrets::default();
        secrets.add_basic("admin", "p\"w d");
        let text = r#"{"auth":"Basic YWRtaW46cCJ3IGQ=","pw":"p\"w d","form":"p%22w+d"}"#;
        assert_eq!(
            secrets.redact(text),
            r#"{"auth":"Basic <redacted>","pw":"<redacted>","form":"<redacted>"}"#
        );
        let mut value = serde_json::json!({"p\"w d": ["p\"w d"]});
        secrets.redact_value(&mut value);
        assert_eq!(value, serde_json::json!({"<redacted>": ["<redacted>"]}));
    }

    #[test]
    fn excerpts_are_short() {
        let secrets = Secrets::default();
        let body = "é".repeat(BODY_EXCERPT_BYTES);
        let excerpt = secrets.excerpt(body.as_bytes());
        assert!(excerpt.len() < BODY_EXCERPT_BYTES + 40, "{}", excerpt.len());
        assert!(excerpt.ends_with(&format!("… ({} bytes in all)", body.len())));
        assert_eq!(secrets.excerpt(b"short"), "short");
    }
}
