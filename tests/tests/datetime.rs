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
fn a_60th_second_is_rejected_not_rewritten() {
    // .NET's DateTime (the Nexudus backend) has no leap seconds; read as
    // 10:30:59 it would come back as a different value.
    for text in [
        "2025-01-15T10:30:60Z",
        "2025-01-15T10:30:60",
        "2025-01-15T10:30:60.5Z",
        "2025-01-15T23:59:60Z",
        "2016-12-31T23:59:60Z",
    ] {
        let err = text.parse::<NexudusDateTime>().unwrap_err();
        assert!(err.to_string().contains(text), "{text}: {err}");
        assert!(
            serde_json::from_str::<NexudusDateTime>(&format!("\"{text}\"")).is_err(),
            "{text}"
        );
    }
}

#[test]
fn every_value_that_reads_writes_back_the_same() {
    for text in [
        "2025-01-15T10:30:59Z",
        "2025-01-15T10:30:59.999999999Z",
        "2024-02-29T00:00:00Z",
        "0001-01-01T00:00:00Z",
        "9999-12-31T23:59:59.500Z",
    ] {
        let parsed: NexudusDateTime = text.parse().unwrap();
        assert_eq!(parsed.to_string(), text);
        assert_eq!(
            parsed.to_string().parse::<NexudusDateTime>().unwrap(),
            parsed
        );
    }
}

#[test]
fn a_chrono_leap_second_is_written_as_second_60() {
    // chrono can hold one; it is written as what it is (and so is refused
    // when read back, like Nexudus would), never as another time.
    use nexudus_validate::chrono::NaiveDate;
    let leap = NaiveDate::from_ymd_opt(2016, 12, 31)
        .unwrap()
        .and_hms_milli_opt(23, 59, 59, 1_500)
        .unwrap();
    let written = NexudusDateTime::new(leap).to_string();
    assert_eq!(written, "2016-12-31T23:59:60.500Z");
    assert!(written.parse::<NexudusDateTime>().is_err());
}

#[test]
fn the_fast_path_agrees_with_chrono_on_every_shape() {
    use nexudus_validate::chrono::NaiveDateTime;
    // chrono, less the 60th second (which chrono reads as a leap second
    // and Nexudus refuses).
    let reference = |s: &str| {
        let body = s.strip_suffix('Z').unwrap_or(s);
        NaiveDateTime::parse_from_str(body, "%Y-%m-%dT%H:%M:%S%.f")
            .ok()
            .filter(|d| nexudus_validate::chrono::Timelike::nanosecond(d) < 1_000_000_000)
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
