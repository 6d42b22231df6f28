//! Rules that count and match the way the .NET server does (NHibernate
//! Validator's attributes): each case here is one where an earlier version
//! answered otherwise. Every case is checked typed and as raw JSON.

use nexudus_validate::rules::{HasLength, Length};
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
