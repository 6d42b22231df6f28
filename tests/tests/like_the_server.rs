//! Rules that count and match the way the .NET server does (NHibernate
//! Validator's attributes): each test but the last is a case where an
//! earlier version answered otherwise; the last pins where we differ on
//! purpose. Every case is checked typed and as raw JSON.

use nexudus_validate::rules::{is_well_formed_email, HasLength, IsEmpty, Length};
use nexudus_validate::{Code, NexudusResource, Validate};
use nexudus_validate_tests::both_ways;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

#[derive(Debug, Default, Serialize, Deserialize, NexudusResource)]
#[serde(rename_all = "PascalCase")]
struct Member {
    #[length(max = 5)]
    nickname: Option<String>,
    #[length(min = 1, max = 2)]
    teams: Option<Vec<i64>>,
    #[email]
    email: Option<String>,
    #[not_empty]
    bio: Option<String>,
}

fn member() -> Member {
    Member {
        bio: Some("b".into()),
        ..Member::default()
    }
}

fn one(name: &str, message: &str, attempted: Value) -> Vec<(String, String, Value)> {
    vec![(name.into(), message.into(), attempted)]
}

#[test]
fn string_length_is_counted_in_utf16_code_units() {
    // .NET's string.Length: a character outside the BMP is two units.
    let three_faces = "\u{1F600}\u{1F600}\u{1F600}";
    assert_eq!(three_faces.length(), Some(Length::Text(6)));
    assert_eq!("\u{e9}\u{20ac}a".length(), Some(Length::Text(3)));
    assert_eq!("".length(), Some(Length::Text(0)));
    let value = Member {
        nickname: Some(three_faces.into()),
        ..member()
    };
    assert_eq!(
        both_ways(&value),
        one(
            "Nickname",
            "length must be between 0 and 5",
            json!(three_faces)
        )
    );
    assert_eq!(
        value.validate().unwrap_err().first().unwrap().code(),
        Code::Length
    );
    // Two faces and a letter are five units; five two- or three-byte
    // characters of the BMP are five units.
    for fits in [
        "a\u{1F600}\u{1F600}",
        "\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}",
        "\u{20ac}\u{20ac}\u{20ac}\u{20ac}\u{20ac}",
    ] {
        let value = Member {
            nickname: Some(fits.into()),
            ..member()
        };
        assert_eq!(both_ways(&value), vec![], "{fits}");
    }
}

#[test]
fn length_on_a_list_answers_with_size() {
    for (teams, attempted) in [(vec![], json!([])), (vec![1, 2, 3], json!([1, 2, 3]))] {
        let value = Member {
            teams: Some(teams),
            ..member()
        };
        assert_eq!(
            both_ways(&value),
            one("Teams", "size must be between 1 and 2", attempted)
        );
        assert_eq!(
            value.validate().unwrap_err().first().unwrap().code(),
            Code::Size
        );
    }
}

fn email_verdict(address: &str) -> Vec<(String, String, Value)> {
    let value = Member {
        email: Some(address.into()),
        ..member()
    };
    both_ways(&value)
}

fn malformed(address: &str) -> Vec<(String, String, Value)> {
    one("Email", "not a well-formed email address", json!(address))
}

#[test]
fn email_caret_is_not_an_atom_character() {
    for address in ["a^b@x.org", "a@x^y.org", "^@x.org", "a@^"] {
        assert!(!is_well_formed_email(address), "{address}");
        assert_eq!(email_verdict(address), malformed(address), "{address}");
    }
}

#[test]
fn email_del_and_c1_controls_are_atom_characters() {
    for c in ('\u{7f}'..='\u{9f}').filter(|&c| c != '\u{85}') {
        for address in [
            format!("a{c}b@x.org"),
            format!("a@x{c}.org"),
            format!("{c}@{c}"),
        ] {
            assert!(is_well_formed_email(&address), "{address:?}");
            assert_eq!(email_verdict(&address), vec![], "{address:?}");
        }
    }
    // U+0085 is whitespace to .NET's \s, and the C0 controls are excluded.
    for address in ["a\u{85}b@x.org", "a\u{1f}b@x.org", "a\u{0}b@x.org"] {
        assert!(!is_well_formed_email(address), "{address:?}");
        assert_eq!(email_verdict(address), malformed(address), "{address:?}");
    }
}

#[test]
fn email_end_of_string_is_dotnet_dollar() {
    // .NET's `$` also matches before one final "\n".
    for address in ["a@x.org\n", "a@[1.2.3.4]\n", "\u{e9}@x.org\n"] {
        assert!(is_well_formed_email(address), "{address:?}");
        assert_eq!(email_verdict(address), vec![], "{address:?}");
    }
    for address in [
        "a@x.org\n\n",
        "a@x.org\r\n",
        "a@x.org\n ",
        "\na@x.org",
        "a\n@x.org",
    ] {
        assert!(!is_well_formed_email(address), "{address:?}");
        assert_eq!(email_verdict(address), malformed(address), "{address:?}");
    }
}

#[test]
fn not_empty_does_not_trim() {
    // NotNullNotEmpty: a string fails only when empty.
    assert!(!"    ".is_empty_value());
    assert!("".is_empty_value());
    for text in ["    ", "\t", "\u{a0}"] {
        let value = Member {
            bio: Some(text.into()),
            ..member()
        };
        assert_eq!(both_ways(&value), vec![], "{text:?}");
    }
    for (bio, attempted) in [(Some(""), json!("")), (None, Value::Null)] {
        let value = Member {
            bio: bio.map(Into::into),
            ..member()
        };
        assert_eq!(
            both_ways(&value),
            one("Bio", "may not be null or empty", attempted)
        );
    }
}

#[derive(Debug, Default, Serialize, Deserialize, NexudusResource)]
#[serde(rename_all = "PascalCase")]
struct OnPurpose {
    #[pattern("[0-9]")]
    digit: Option<String>,
    #[range(max = 9007199254740992)]
    big: Option<i64>,
    #[range(min = 1, max = 3)]
    seats: Option<i64>,
    #[email]
    email: Option<String>,
}

/// Where the rules differ from the server on purpose (the README's rules
/// table says so): these pin the behaviour it describes.
#[test]
fn differences_on_purpose() {
    // Whole string, where NHibernate's Pattern would find the digit.
    let value = OnPurpose {
        digit: Some("a1".into()),
        ..OnPurpose::default()
    };
    assert_eq!(
        both_ways(&value),
        one("Digit", r#"must match "[0-9]""#, json!("a1"))
    );
    // Exact integers, where 2^53 + 1 as a double is 2^53.
    let value = OnPurpose {
        big: Some(9_007_199_254_740_993),
        ..OnPurpose::default()
    };
    assert_eq!(
        both_ways(&value),
        one(
            "Big",
            "must be less than or equal to 9007199254740992",
            json!(9_007_199_254_740_993_i64)
        )
    );
    // The bound crossed, not "must be between 1 and 3".
    for (seats, message) in [
        (0, "must be greater than or equal to 1"),
        (4, "must be less than or equal to 3"),
    ] {
        let value = OnPurpose {
            seats: Some(seats),
            ..OnPurpose::default()
        };
        assert_eq!(both_ways(&value), one("Seats", message, json!(seats)));
    }
    // A blank address is #[required]'s to report.
    let value = OnPurpose {
        email: Some("   ".into()),
        ..OnPurpose::default()
    };
    assert_eq!(both_ways(&value), vec![]);
}
