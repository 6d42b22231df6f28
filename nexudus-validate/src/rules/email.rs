//! `#[email]`: NHibernate Validator's well-formed address.

use super::{is_blank, AsText, Violation};
use crate::Code;

/// `#[email]`: `not a well-formed email address`. An empty string passes,
/// as in NHibernate Validator. A blank one passes too, where NHibernate
/// Validator rejects it: presence is `#[required]`'s job, and a blank
/// address is reported once, as missing.
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

/// NHibernate Validator's email grammar, read the way .NET reads its
/// regex: `^atom+(\.atom+)*@(atom+(\.atom+)*|\[ip\])$`, where `ip` is four
/// groups of one to three ASCII digits joined by dots, and
///
/// - an atom character is any character but the C0 controls U+0000 to
///   U+001F, whitespace (.NET's `\s`: U+0020, U+0085, U+00A0, U+1680,
///   U+2000 to U+200A, U+2028, U+2029, U+202F, U+205F, U+3000) and
///   `^ ( ) < > @ , ; : \ " . [ ]`. So `^` is not one, while DEL (U+007F)
///   and the C1 controls U+0080 to U+009F other than U+0085 are;
/// - `$` also matches before one final `\n`: `a@x.org\n` is well formed.
pub fn is_well_formed_email(value: &str) -> bool {
    // A valid address without the newline is settled by the first call.
    is_well_formed_to_the_end(value)
        || value
            .strip_suffix('\n')
            .is_some_and(is_well_formed_to_the_end)
}

/// The grammar over the whole of `value` (no final `\n` allowed).
fn is_well_formed_to_the_end(value: &str) -> bool {
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

/// Whether each ASCII byte may stand in an atom: not a C0 control, not a
/// space, not one of `^()<>@,;:\".[]`. DEL (0x7F) may.
const ASCII_ATOM: [bool; 128] = {
    let mut table = [false; 128];
    let mut b = b'!';
    while b <= 0x7f {
        table[b as usize] = !matches!(
            b,
            b'^' | b'('
                | b')'
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

/// An atom character: [`ASCII_ATOM`] for ASCII, otherwise anything but
/// whitespace. Rust's `char::is_whitespace` (Unicode's `White_Space`) and
/// .NET's `\s` (`char.IsWhiteSpace`) are the same set outside ASCII.
fn is_atom_char(c: char) -> bool {
    if c.is_ascii() {
        ASCII_ATOM[c as usize]
    } else {
        !c.is_whitespace()
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
    use super::{is_atom_char, is_well_formed_email, ASCII_ATOM};

    #[test]
    fn atom_characters_are_the_dotnet_class() {
        // [^\x00-\x1F^\(^\)^\<^\>^\@^\,^\;^\:^\\^\"^\.^\[^\]^\s] over ASCII.
        let excluded = "^()<>@,;:\\\".[] ";
        for b in 0u8..128 {
            let expected = b >= 0x20 && !excluded.contains(char::from(b));
            assert_eq!(ASCII_ATOM[usize::from(b)], expected, "{b:#x}");
        }
        // .NET's \s outside ASCII: \x85 and the categories Zs, Zl, Zp.
        let dotnet_space = [
            0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007,
            0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
        ];
        for c in ('\u{80}'..=char::MAX).filter(|c| !c.is_ascii()) {
            let expected = !dotnet_space.contains(&u32::from(c));
            assert_eq!(is_atom_char(c), expected, "{:#x}", u32::from(c));
        }
    }

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
