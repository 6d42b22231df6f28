//! `#[email]`: NHibernate Validator's well-formed address.

use super::{is_blank, AsText, Violation};
use crate::Code;

/// `#[email]`: `not a well-formed email address`. An empty or blank string
/// passes (NHibernate Validator passes empty ones): presence is
/// `#[required]`'s job, and a blank address is reported once, as missing.
#[inline]
pub fn email<T: AsText + ?Sized>(value: &T) -> Result<(), Violation> {
    match value.as_text() {
        Some(text) if !is_blank(text) && !is_well_formed_email(text) => Err(Violation::new(
            Code::Email,
            "not a well-formed email address",
        )),
        _ => Ok(()),
    }
}

/// NHibernate Validator's email grammar: `atom+(.atom+)*@(domain|[ip])`,
/// where an atom character is anything but a control character,
/// whitespace or one of `()<>@,;:\".[]`.
pub fn is_well_formed_email(value: &str) -> bool {
    if value.is_ascii() {
        return is_well_formed_ascii_email(value.as_bytes());
    }
    match value.split_once('@') {
        Some((local, domain)) => dotted_atoms(local) && (dotted_atoms(domain) || ip_domain(domain)),
        None => false,
    }
}

/// The same grammar over ASCII bytes.
fn is_well_formed_ascii_email(bytes: &[u8]) -> bool {
    let Some(at) = bytes.iter().position(|&b| b == b'@') else {
        return false;
    };
    let (local, domain) = (&bytes[..at], &bytes[at + 1..]);
    ascii_dotted_atoms(local)
        && (ascii_dotted_atoms(domain)
            // `from_utf8` cannot fail on ASCII.
            || std::str::from_utf8(domain).is_ok_and(ip_domain))
}

/// `atom+(.atom+)*` over ASCII bytes, without a branch per byte: every
/// byte is an atom character or a dot, and no dot starts, ends or doubles.
fn ascii_dotted_atoms(bytes: &[u8]) -> bool {
    let mut ok = true;
    let mut previous = b'.';
    for &b in bytes {
        ok &= ATOM_OR_DOT[usize::from(b)] & !(b == b'.' && previous == b'.');
        previous = b;
    }
    ok && previous != b'.'
}

/// [`ASCII_ATOM`] plus the dot, over every byte value (non-ASCII bytes are
/// `false`: such input takes the `char` path).
const ATOM_OR_DOT: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = ASCII_ATOM[b] || b == b'.' as usize;
        b += 1;
    }
    table
};

/// `atom+(.atom+)*`, for input with non-ASCII characters.
fn dotted_atoms(s: &str) -> bool {
    let mut atom_len = 0usize;
    for c in s.chars() {
        if c == '.' {
            if atom_len == 0 {
                return false;
            }
            atom_len = 0;
        } else if is_atom_char(c) {
            atom_len += 1;
        } else {
            return false;
        }
    }
    atom_len > 0
}

/// Whether each ASCII byte may stand in an atom: not a control character,
/// not a space, not one of `()<>@,;:\".[]`.
const ASCII_ATOM: [bool; 128] = {
    let mut table = [false; 128];
    let mut b = b'!';
    while b < 0x7f {
        table[b as usize] = !matches!(
            b,
            b'(' | b')'
                | b'<'
                | b'>'
                | b'@'
                | b','
                | b';'
                | b':'
                | b'\\'
                | b'"'
                | b'.'
                | b'['
                | b']'
        );
        b += 1;
    }
    table
};

fn is_atom_char(c: char) -> bool {
    match u8::try_from(c) {
        Ok(b) if b.is_ascii() => ASCII_ATOM[usize::from(b)],
        _ => !c.is_control() && !c.is_whitespace(),
    }
}

/// `[d.d.d.d]` with one to three digits each.
fn ip_domain(s: &str) -> bool {
    let Some(inner) = s.strip_prefix('[').and_then(|s| s.strip_suffix(']')) else {
        return false;
    };
    let mut parts = 0;
    for part in inner.split('.') {
        parts += 1;
        if !(1..=3).contains(&part.len()) || !part.bytes().all(|b| b.is_ascii_digit()) {
            return false;
        }
    }
    parts == 4
}

#[cfg(test)]
mod tests {
    use super::is_well_formed_email;

    #[test]
    fn email_grammar() {
        for good in [
            "ada@example.com",
            "a.b+c@sub.example.co.uk",
            "x@localhost",
            "o'hara@example.ie",
            "user@[192.168.0.1]",
            "jos\u{e9}@example.fr",
        ] {
            assert!(is_well_formed_email(good), "{good}");
        }
        for bad in [
            "plainaddress",
            "@example.com",
            "ada@",
            "ada@@example.com",
            "a..b@example.com",
            ".ada@example.com",
            "ada@example..com",
            "ada lovelace@example.com",
            "ada@exa mple.com",
            "ada@example.com.",
            "a(b)@example.com",
            "ada@[1.2.3]",
            "ada\n@example.com",
        ] {
            assert!(!is_well_formed_email(bad), "{bad}");
        }
    }
}
