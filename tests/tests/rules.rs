//! Rules beyond `#[required]`, nested resources, sensitive fields, custom
//! and container checks. Every rule is checked through `validate()` and
//! through `from_slice` on the same data, and must report the same.

use std::borrow::Cow;

use nexudus_validate::{
    from_slice, from_slice_for, Code, NexudusResource, Operation, Secret, Validate,
    ValidationFailure,
};
use nexudus_validate_tests::{both_ways, summary};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

fn one(name: &str, message: &str, attempted: Value) -> Vec<(String, String, Value)> {
    vec![(name.into(), message.into(), attempted)]
}

#[derive(Debug, Default, Clone, PartialEq, Serialize, Deserialize, NexudusResource)]
#[serde(rename_all = "PascalCase")]
struct Profile {
    #[not_null]
    nickname: Option<String>,
    #[not_empty]
    tags: Option<Vec<String>>,
    #[not_empty]
    bio: Option<String>,
    #[length(min = 2, max = 5)]
    code: Option<String>,
    #[length(max = 3)]
    members: Option<Vec<i64>>,
    #[length(min = 1)]
    title: Option<String>,
    #[range(min = 1, max = 10)]
    seats: Option<i64>,
    #[range(min = -1.5)]
    ratio: Option<f64>,
    #[email]
    email: Option<String>,
    #[pattern("[A-Z]{3}-[0-9]+")]
    reference: Option<String>,
}

fn profile() -> Profile {
    Profile {
        nickname: Some(String::new()),
        tags: Some(vec!["a".into()]),
        bio: Some("hi".into()),
        code: Some("ab".into()),
        members: Some(vec![1, 2, 3]),
        title: Some("t".into()),
        seats: Some(10),
        ratio: Some(-1.5),
        email: Some("ada@example.com".into()),
        reference: Some("ABC-12".into()),
    }
}

#[test]
fn valid_values_pass_both_ways() {
    assert_eq!(both_ways(&profile()), vec![]);
    // Rules on an Option run only when it is Some.
    let empty = Profile {
        nickname: Some("n".into()),
        tags: Some(vec!["t".into()]),
        bio: Some("b".into()),
        ..Profile::default()
    };
    assert_eq!(both_ways(&empty), vec![]);
}

#[test]
fn not_null_allows_blank_but_not_none() {
    let p = Profile {
        nickname: None,
        ..profile()
    };
    assert_eq!(
        both_ways(&p),
        one("Nickname", "may not be null", Value::Null)
    );
    assert_eq!(
        p.validate().unwrap_err().first().unwrap().code(),
        Code::NotNull
    );
}

#[test]
fn not_empty_rejects_none_empty_strings_and_empty_lists() {
    for (tags, bio, expected) in [
        (
            None,
            Some("b"),
            one("Tags", "may not be null or empty", Value::Null),
        ),
        (
            Some(vec![]),
            Some("b"),
            one("Tags", "may not be null or empty", json!([])),
        ),
        (
            Some(vec!["x".to_owned()]),
            Some(""),
            one("Bio", "may not be null or empty", json!("")),
        ),
        // Not trimmed, as NotNullNotEmpty: blank is #[required]'s to reject.
        (Some(vec!["x".to_owned()]), Some("  "), vec![]),
        (
            Some(vec!["x".to_owned()]),
            None,
            one("Bio", "may not be null or empty", Value::Null),
        ),
    ] {
        let p = Profile {
            tags,
            bio: bio.map(Into::into),
            ..profile()
        };
        assert_eq!(both_ways(&p), expected);
    }
}

#[test]
fn length_counts_utf16_units_and_elements() {
    let p = Profile {
        code: Some("a".into()),
        ..profile()
    };
    assert_eq!(
        both_ways(&p),
        one("Code", "length must be between 2 and 5", json!("a"))
    );
    // UTF-16 code units, not bytes: five two-byte characters fit.
    let p = Profile {
        code: Some("ééééé".into()),
        ..profile()
    };
    assert_eq!(both_ways(&p), vec![]);
    let p = Profile {
        members: Some(vec![1, 2, 3, 4]),
        ..profile()
    };
    assert_eq!(
        both_ways(&p),
        one(
            "Members",
            "size must be between 0 and 3",
            json!([1, 2, 3, 4])
        )
    );
    let p = Profile {
        title: Some(String::new()),
        ..profile()
    };
    assert_eq!(
        both_ways(&p),
        one(
            "Title",
            "length must be between 1 and 2147483647",
            json!("")
        )
    );
}

#[test]
fn range_names_the_bound_it_crossed() {
    let p = Profile {
        seats: Some(0),
        ..profile()
    };
    assert_eq!(
        both_ways(&p),
        one("Seats", "must be greater than or equal to 1", json!(0))
    );
    let p = Profile {
        seats: Some(11),
        ..profile()
    };
    assert_eq!(
        both_ways(&p),
        one("Seats", "must be less than or equal to 10", json!(11))
    );
    let p = Profile {
        ratio: Some(-1.75),
        ..profile()
    };
    assert_eq!(
        both_ways(&p),
        one(
            "Ratio",
            "must be greater than or equal to -1.5",
            json!(-1.75)
        )
    );
    let p = Profile {
        ratio: Some(f64::NAN),
        ..profile()
    };
    let errors = p.validate().unwrap_err();
    assert_eq!(errors.first().unwrap().code(), Code::Range);
}

#[test]
fn email_uses_the_nhibernate_grammar() {
    for bad in ["ada", "ada@", "a b@example.com", "ada@example..com"] {
        let p = Profile {
            email: Some(bad.into()),
            ..profile()
        };
        assert_eq!(
            both_ways(&p),
            one("Email", "not a well-formed email address", json!(bad)),
            "{bad}"
        );
    }
    // Empty or blank is not malformed: presence is #[required]'s job.
    for blank in ["", "   "] {
        let p = Profile {
            email: Some(blank.into()),
            ..profile()
        };
        assert_eq!(both_ways(&p), vec![]);
    }
}

#[test]
fn pattern_must_match_the_whole_string() {
    for bad in ["abc-12", "ABC-12x", "xABC-12", ""] {
        let p = Profile {
            reference: Some(bad.into()),
            ..profile()
        };
        assert_eq!(
            both_ways(&p),
            one("Reference", r#"must match "[A-Z]{3}-[0-9]+""#, json!(bad)),
            "{bad}"
        );
    }
}

#[test]
fn several_rules_fail_in_declaration_order() {
    let p = Profile {
        nickname: None,
        code: Some("toolong".into()),
        seats: Some(99),
        email: Some("nope".into()),
        ..profile()
    };
    let names: Vec<String> = both_ways(&p).into_iter().map(|(n, _, _)| n).collect();
    assert_eq!(names, ["Nickname", "Code", "Seats", "Email"]);
}

#[test]
fn raw_type_errors_and_rules_come_together() {
    let body = json!({
        "Nickname": "n", "Tags": ["t"], "Bio": "b", "Code": "x", "Seats": "many", "Email": 5
    });
    let errors = from_slice::<Profile>(&serde_json::to_vec(&body).unwrap()).unwrap_err();
    assert_eq!(
        summary(&errors),
        vec![
            (
                "Code".into(),
                "length must be between 2 and 5".into(),
                json!("x")
            ),
            (
                "Seats".into(),
                "The value 'many' is not valid for Seats.".into(),
                json!("many")
            ),
            (
                "Email".into(),
                "The value '5' is not valid for Email.".into(),
                json!(5)
            ),
        ]
    );
}

#[derive(Debug, Default, Serialize, Deserialize, NexudusResource)]
#[serde(rename_all = "PascalCase")]
struct Messages {
    #[length(max = 2, message = "too long")]
    a: Option<String>,
    #[nexudus(message = "pick 1 to 3")]
    #[range(min = 1, max = 3)]
    b: Option<i64>,
    #[required(message = "say something")]
    c: Option<String>,
    #[nexudus(email(message = "bad address"))]
    d: Option<String>,
}

#[test]
fn messages_can_be_overridden_per_rule_or_per_field() {
    let value = Messages {
        a: Some("abc".into()),
        b: Some(7),
        c: None,
        d: Some("x".into()),
    };
    let messages: Vec<String> = both_ways(&value).into_iter().map(|(_, m, _)| m).collect();
    assert_eq!(
        messages,
        ["too long", "pick 1 to 3", "say something", "bad address"]
    );
}

fn no_weekends(day: &str) -> Result<(), &'static str> {
    if day == "Saturday" || day == "Sunday" {
        Err("must be a weekday")
    } else {
        Ok(())
    }
}

fn even(n: &i64) -> Result<(), String> {
    if n % 2 == 0 {
        Ok(())
    } else {
        Err(format!("{n} is odd"))
    }
}

fn added_not_removed(w: &Team) -> Result<(), ValidationFailure> {
    let both = w
        .added_members
        .iter()
        .find(|id| w.removed_members.contains(id));
    match both {
        Some(id) => Err(ValidationFailure::new(
            "AddedMembers",
            format!("member {id} is both added and removed"),
            json!(id),
        )),
        None => Ok(()),
    }
}

#[derive(Debug, Default, Serialize, Deserialize, NexudusResource)]
#[serde(rename_all = "PascalCase")]
#[nexudus(check = added_not_removed)]
struct Team {
    #[custom(no_weekends)]
    meeting_day: Option<String>,
    #[custom(even)]
    size: i64,
    added_members: Vec<i64>,
    removed_members: Vec<i64>,
}

#[test]
fn custom_rules_report_their_own_message() {
    let team = Team {
        meeting_day: Some("Sunday".into()),
        size: 3,
        ..Team::default()
    };
    assert_eq!(
        both_ways(&team),
        vec![
            (
                "MeetingDay".into(),
                "must be a weekday".into(),
                json!("Sunday")
            ),
            ("Size".into(), "3 is odd".into(), json!(3)),
        ]
    );
    assert_eq!(
        team.validate().unwrap_err().first().unwrap().code(),
        Code::Custom
    );
}

#[test]
fn container_checks_run_after_field_checks() {
    let team = Team {
        size: 2,
        added_members: vec![1, 2],
        removed_members: vec![2],
        ..Team::default()
    };
    assert_eq!(
        both_ways(&team),
        one(
            "AddedMembers",
            "member 2 is both added and removed",
            json!(2)
        )
    );
}

// The issue's example: a booking with a nested list of visitors.
#[derive(Debug, Clone, Serialize, Deserialize, NexudusResource)]
#[serde(rename_all = "PascalCase")]
struct BookingVisitor {
    #[required]
    visitor_name: Option<String>,
    #[required]
    #[email]
    visitor_email: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, NexudusResource)]
#[serde(rename_all = "PascalCase")]
#[nexudus(name = "Booking", path = "/api/spaces/bookings")]
struct Booking {
    #[required(update)]
    id: Option<i64>,
    #[required]
    #[nested]
    #[length(min = 1)]
    booking_visitors: Option<Vec<BookingVisitor>>,
    #[nested]
    host: Option<BookingVisitor>,
}

fn visitor(name: &str, email: &str) -> BookingVisitor {
    BookingVisitor {
        visitor_name: Some(name.into()),
        visitor_email: Some(email.into()),
    }
}

#[test]
fn nested_list_failures_are_named_by_path() {
    let booking = Booking {
        id: Some(1),
        booking_visitors: Some(vec![
            visitor("Ada", "ada@example.com"),
            visitor("Grace", "grace.example.com"),
        ]),
        host: Some(visitor(" ", "host@example.com")),
    };
    let expected = vec![
        (
            "BookingVisitors[1].VisitorEmail".into(),
            "not a well-formed email address".into(),
            json!("grace.example.com"),
        ),
        (
            "Host.VisitorName".into(),
            "is a required field".into(),
            json!(" "),
        ),
    ];
    assert_eq!(both_ways(&booking), expected);
    let errors = booking.validate().unwrap_err();
    assert_eq!(
        errors.to_string(),
        "BookingVisitors[1].VisitorEmail: not a well-formed email address\nHost.VisitorName: is a required field"
    );
}

#[test]
fn nested_raw_type_errors_point_inside_the_list() {
    let body = json!({
        "Id": 1,
        "BookingVisitors": [
            {"VisitorName": "Ada", "VisitorEmail": "ada@example.com"},
            {"VisitorName": 7, "VisitorEmail": null},
            "not an object"
        ],
        "Host": []
    });
    let errors = from_slice::<Booking>(&serde_json::to_vec(&body).unwrap()).unwrap_err();
    assert_eq!(
        summary(&errors),
        vec![
            (
                "BookingVisitors[1].VisitorName".into(),
                "The value '7' is not valid for BookingVisitors[1].VisitorName.".into(),
                json!(7)
            ),
            (
                "BookingVisitors[1].VisitorEmail".into(),
                "is a required field".into(),
                Value::Null
            ),
            (
                "BookingVisitors[2]".into(),
                "The value 'not an object' is not valid for BookingVisitors[2].".into(),
                json!("not an object")
            ),
            (
                "Host".into(),
                "The value '[]' is not valid for Host.".into(),
                json!([])
            ),
        ]
    );
}

#[test]
fn nested_rules_and_the_list_rules_combine() {
    let booking = Booking {
        id: None,
        booking_visitors: Some(vec![]),
        host: None,
    };
    assert_eq!(
        both_ways(&booking),
        vec![
            ("Id".into(), "is a required field".into(), Value::Null),
            (
                "BookingVisitors".into(),
                "size must be between 1 and 2147483647".into(),
                json!([])
            ),
        ]
    );
    let body = json!({"BookingVisitors": [{"VisitorName": "A", "VisitorEmail": "a@b.c"}]});
    let bytes = serde_json::to_vec(&body).unwrap();
    assert!(from_slice_for::<Booking>(&bytes, Operation::Create).is_ok());
}

const SECRET: &str = "hunter2-very-secret";

/// Secrets by type (`Secret<T>`) and by attribute (`#[sensitive]`, for
/// validation output only).
#[derive(Debug, Clone, Serialize, Deserialize, NexudusResource)]
#[serde(rename_all = "PascalCase")]
struct Login {
    #[required]
    user_name: Option<String>,
    #[required]
    #[length(min = 30)]
    password: Option<Secret<String>>,
    #[pattern("[0-9]{6}")]
    one_time_code: Secret<String>,
    #[custom(no_weekend_secret)]
    hint: Option<Secret<String>>,
}

fn no_weekend_secret(day: &Secret<String>) -> Result<(), &'static str> {
    no_weekends(day.expose())
}

fn leaky_login() -> Login {
    Login {
        user_name: Some("ada".into()),
        password: Some(SECRET.into()),
        one_time_code: SECRET.into(),
        hint: Some("Sunday".into()),
    }
}

fn assert_no_secret(text: &str) {
    assert!(!text.contains(SECRET), "secret leaked: {text}");
    assert!(!text.contains("Sunday"), "secret leaked: {text}");
}

#[test]
fn sensitive_values_never_reach_any_output() {
    let login = leaky_login();
    let errors = login.validate().unwrap_err();
    assert_eq!(errors.len(), 3);
    assert!(errors.iter().all(|f| f.attempted_value().is_null()));
    for text in [
        serde_json::to_string(&errors.to_response()).unwrap(),
        errors.to_string(),
        format!("{errors:?}"),
        format!("{login:?}"),
        format!("{login:#?}"),
    ] {
        assert_no_secret(&text);
    }
    // Raw JSON: blank, wrong-type and rule failures are redacted too.
    let body = json!({
        "UserName": "ada", "Password": SECRET, "OneTimeCode": ["x", SECRET], "Hint": {"h": "Sunday"}
    });
    let errors = from_slice::<Login>(&serde_json::to_vec(&body).unwrap()).unwrap_err();
    assert_eq!(errors.len(), 3);
    assert_eq!(
        errors.iter().nth(1).unwrap().message(),
        "The value is not valid for OneTimeCode."
    );
    for text in [
        serde_json::to_string(&errors.to_response()).unwrap(),
        errors.to_string(),
        format!("{errors:?}"),
    ] {
        assert_no_secret(&text);
    }
    let body = json!({"UserName": "ada", "Password": "  ", "OneTimeCode": "123456"});
    let errors = from_slice::<Login>(&serde_json::to_vec(&body).unwrap()).unwrap_err();
    // Blank is both missing and too short; neither failure echoes it.
    assert_eq!(
        summary(&errors),
        vec![
            ("Password".into(), "is a required field".into(), Value::Null),
            (
                "Password".into(),
                "length must be between 30 and 2147483647".into(),
                Value::Null
            ),
        ]
    );
}

#[test]
fn sensitive_debug_shows_the_other_fields() {
    let login = Login {
        hint: None,
        ..leaky_login()
    };
    assert_eq!(
        format!("{login:?}"),
        r#"Login { user_name: Some("ada"), password: Some(<redacted>), one_time_code: <redacted>, hint: None }"#
    );
    assert!(nexudus_validate::resources::User::FIELDS
        .iter()
        .any(|f| f.sensitive()));
}

#[test]
fn rules_on_borrowed_values() {
    #[derive(NexudusResource)]
    struct Borrowed<'a> {
        #[length(max = 3)]
        name: &'a str,
        #[email]
        email: Option<Cow<'a, str>>,
    }
    let value = Borrowed {
        name: "abcd",
        email: Some(Cow::Borrowed("x")),
    };
    let errors = value.validate().unwrap_err();
    let names: Vec<&str> = errors.iter().map(|f| f.property_name()).collect();
    assert_eq!(names, ["name", "email"]);
}

/// User functions may share names with the generated code's locals.
mod hygiene {
    use nexudus_validate::{NexudusResource, Validate, ValidationFailure};

    fn value(v: &i64) -> Result<(), &'static str> {
        if *v > 0 {
            Ok(())
        } else {
            Err("must be positive")
        }
    }

    fn path(_: &String) -> Result<(), &'static str> {
        Err("never valid")
    }

    fn out(_: &Named) -> Result<(), ValidationFailure> {
        Err(ValidationFailure::new(
            "",
            "checked",
            serde_json::Value::Null,
        ))
    }

    #[derive(NexudusResource)]
    #[nexudus(check = out)]
    struct Named {
        #[custom(value)]
        operation: i64,
        #[custom(path)]
        object: String,
    }

    #[test]
    fn custom_functions_named_like_locals() {
        let named = Named {
            operation: 0,
            object: String::new(),
        };
        let messages: Vec<String> = named
            .validate()
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            messages,
            [
                "operation: must be positive",
                "object: never valid",
                "checked"
            ]
        );
    }
}

/// A `Secret` is never echoed, whatever the type alias or wrapper it hides
/// behind: typed rule failures write it as `null`, and a value sent for it
/// that does not read is not quoted.
#[test]
fn a_secret_behind_an_alias_is_never_echoed() {
    type Pin = Secret<String>;
    #[derive(Debug, Serialize, Deserialize, NexudusResource)]
    #[serde(rename_all = "PascalCase")]
    struct Door {
        #[length(max = 3)]
        pin: Option<Box<Pin>>,
        #[length(max = 1)]
        codes: Vec<Pin>,
    }
    let door = Door {
        pin: Some(Box::new(SECRET.into())),
        codes: vec![SECRET.into(), SECRET.into()],
    };
    let typed = door.validate().unwrap_err();
    assert_eq!(
        summary(&typed),
        vec![
            (
                "Pin".into(),
                "length must be between 0 and 3".into(),
                Value::Null
            ),
            (
                "Codes".into(),
                "size must be between 0 and 1".into(),
                json!([null, null])
            ),
        ]
    );
    let body = json!({"Pin": [SECRET], "Codes": [SECRET, 7]});
    let errors = from_slice::<Door>(&serde_json::to_vec(&body).unwrap()).unwrap_err();
    assert_eq!(
        errors.to_string(),
        "Pin: The value is not valid for Pin.\nCodes: The value is not valid for Codes."
    );
    for text in [
        serde_json::to_string(&errors.to_response()).unwrap(),
        serde_json::to_string(&typed.to_response()).unwrap(),
        format!("{errors:?}{typed:?}"),
        format!("{door:?}"),
    ] {
        assert_no_secret(&text);
    }
}
