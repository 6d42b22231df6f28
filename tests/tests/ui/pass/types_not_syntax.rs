//! Rules follow types, not how they are written: aliases of `Option`,
//! literal suffixes, negative bounds, and generic code naming only the
//! public rule traits.

use nexudus_validate::rules::{AsText, HasLength, Ranged};
use nexudus_validate::{NexudusResource, Validate};

type MaybeName = Option<String>;
type Count = Option<i64>;

#[derive(NexudusResource)]
struct Desk {
    #[length(max = 3)]
    name: MaybeName,
    #[length(min = 1u8, max = 3usize)]
    code: Option<String>,
    #[range(min = -5i64, max = 10u8)]
    floor: Count,
    #[range(min = -0.5, max = 1e3)]
    ratio: Option<f32>,
}

#[derive(NexudusResource)]
struct Tagged<T: HasLength + AsText, N: Ranged> {
    #[length(max = 2)]
    #[email]
    tag: T,
    #[range(max = 9)]
    number: N,
}

fn main() {
    let desk = Desk {
        name: Some("abcd".into()),
        code: Some(String::new()),
        floor: Some(-6),
        ratio: Some(2000.0),
    };
    let errors = desk.validate().unwrap_err();
    let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        [
            "name: length must be between 0 and 3",
            "code: length must be between 1 and 3",
            "floor: must be greater than or equal to -5",
            "ratio: must be less than or equal to 1e3",
        ]
    );
    let ok = Desk { name: None, code: Some("ab".into()), floor: Some(10), ratio: Some(-0.5) };
    assert!(ok.validate().is_ok());

    let tagged = Tagged { tag: String::from("a@b.c"), number: 10u8 };
    let lines: Vec<String> = tagged.validate().unwrap_err().iter().map(ToString::to_string).collect();
    assert_eq!(lines, ["tag: length must be between 0 and 2", "number: must be less than or equal to 9"]);
}
