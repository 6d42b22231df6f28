//! `NexudusDateTime`: every documented form reads, none shifts the hours,
//! and it writes the documentation's form.

use nexudus_validate::NexudusDateTime;

fn at(h: u32, m: u32, s: u32) -> NexudusDateTime {
    NexudusDateTime::from_ymd_hms(2025, 1, 15, h, m, s).unwrap()
}

#[test]
fn reads_with_or_without_z_and_fractions() {
    for text in [
        "2025-01-15T10:30:00Z",
        "2025-01-15T10:30:00",
        "2025-01-15T10:30:00.000Z",
        "2025-01-15T10:30:00.000",
    ] {
        let parsed: NexudusDateTime = text.parse().unwrap();
        assert_eq!(parsed, at(10, 30, 0), "{text}");
    }
}

#[test]
fn writes_the_documented_form_and_keeps_fractions() {
    assert_eq!(at(10, 30, 0).to_string(), "2025-01-15T10:30:00Z");
    let precise: NexudusDateTime = "2025-01-15T10:30:00.250".parse().unwrap();
    assert_eq!(precise.to_string(), "2025-01-15T10:30:00.250Z");
    let micro: NexudusDateTime = "2025-01-15T10:30:00.000001Z".parse().unwrap();
    assert_eq!(micro.to_string(), "2025-01-15T10:30:00.000001Z");
}

#[test]
fn bare_date_is_midnight() {
    let parsed: NexudusDateTime = "2025-01-15".parse().unwrap();
    assert_eq!(parsed, at(0, 0, 0));
}

#[test]
fn serde_round_trip_never_shifts_hours() {
    let json = serde_json::to_string(&at(23, 59, 59)).unwrap();
    assert_eq!(json, r#""2025-01-15T23:59:59Z""#);
    let back: NexudusDateTime = serde_json::from_str(&json).unwrap();
    assert_eq!(back, at(23, 59, 59));
}

#[test]
fn rejects_what_is_not_a_date() {
    for bad in [
        "tomorrow",
        "",
        "2025-13-01T00:00:00Z",
        "2025-02-30T10:00:00",
        "2025-01-15T10:30:00+02:00",
        "2025-01-15T25:00:00Z",
        "2025-01-15 10:30:00",
    ] {
        let err = bad.parse::<NexudusDateTime>().unwrap_err();
        assert!(err.to_string().contains(bad), "{bad}: {err}");
    }
    assert!(serde_json::from_str::<NexudusDateTime>("12").is_err());
}

#[test]
fn the_fast_path_agrees_with_chrono_on_every_shape() {
    use nexudus_validate::chrono::NaiveDateTime;
    let reference = |s: &str| {
        let body = s.strip_suffix('Z').unwrap_or(s);
        NaiveDateTime::parse_from_str(body, "%Y-%m-%dT%H:%M:%S%.f").ok()
    };
    let mut checked = 0;
    for date in [
        "2025-01-15",
        "2024-02-29",
        "2023-02-29",
        "0999-12-31",
        "2025-13-01",
        "2025-00-10",
    ] {
        for time in [
            "T10:30:00",
            "T23:59:59",
            "T24:00:00",
            "T10:60:00",
            "T10:30:60",
            "T1:30:00",
            "",
        ] {
            for fraction in [
                "",
                ".5",
                ".123",
                ".123456",
                ".123456789",
                ".1234567891",
                ".",
                ".x",
            ] {
                for zone in ["", "Z"] {
                    let text = format!("{date}{time}{fraction}{zone}");
                    let ours = text.parse::<NexudusDateTime>().ok().map(|d| *d.as_naive());
                    let expected = if time.is_empty() && fraction.is_empty() {
                        nexudus_validate::chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d")
                            .ok()
                            .map(|d| d.and_hms_opt(0, 0, 0).unwrap())
                    } else {
                        reference(&text)
                    };
                    assert_eq!(ours, expected, "{text}");
                    checked += 1;
                }
            }
        }
    }
    assert_eq!(checked, 6 * 7 * 8 * 2);
}
