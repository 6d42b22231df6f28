//! The `nexudus-validate` program (feature `cli`), run as a child process
//! on the sample payloads in `examples/payloads/`.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use nexudus_validate::resources::registry;
use nexudus_validate::resources::{AccessToken, UiModule, User, Visitor, Workspace};
use nexudus_validate::{NexudusResource, Operation, ValidationErrors};
use serde::de::DeserializeOwned;

const BIN: &str = env!("CARGO_BIN_EXE_nexudus-validate");

fn payload(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("examples/payloads")
        .join(name)
}

fn run(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("the program runs")
}

fn run_with_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the program runs");
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn text(bytes: &[u8]) -> &str {
    std::str::from_utf8(bytes).unwrap()
}

/// What the library says about a payload file, as the CLI should print it.
fn expected_body<T: NexudusResource + DeserializeOwned>(file: &str, op: Operation) -> String {
    let bytes = std::fs::read(payload(file)).unwrap();
    let errors: ValidationErrors = match nexudus_validate::from_slice_for::<T>(&bytes, op) {
        Ok(_) => panic!("{file} is valid"),
        Err(errors) => errors,
    };
    format!(
        "{}\n",
        serde_json::to_string_pretty(&errors.to_response()).unwrap()
    )
}

fn check_pair<T: NexudusResource + DeserializeOwned>(resource: &str, stem: &str) {
    let valid = format!("{stem}.valid.json");
    let out = run(&["check", resource, payload(&valid).to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{valid}: {out:?}");
    assert_eq!(
        text(&out.stdout),
        format!("OK: {} is valid for update\n", T::NAME)
    );
    assert!(out.stderr.is_empty());

    let invalid = format!("{stem}.invalid.json");
    let out = run(&["check", resource, payload(&invalid).to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{invalid}: {out:?}");
    assert_eq!(
        text(&out.stdout),
        expected_body::<T>(&invalid, Operation::Update)
    );
    assert!(out.stderr.is_empty());
}

#[test]
fn every_sample_payload_checks_as_its_name_says() {
    check_pair::<AccessToken>("AccessToken", "access_token");
    check_pair::<Visitor>("visitor", "visitor");
    check_pair::<User>("USER", "user");
    check_pair::<UiModule>("uimodule", "ui_module");
    check_pair::<Workspace>("Workspace", "workspace");
}

#[test]
fn the_invalid_workspace_prints_the_nexudus_400_body() {
    let out = run(&[
        "check",
        "workspace",
        payload("workspace.invalid.json").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stdout),
        r#"{
  "Message": "AdministratorId: is a required field",
  "Value": null,
  "Errors": [
    {
      "AttemptedValue": null,
      "Message": "is a required field",
      "PropertyName": "AdministratorId"
    },
    {
      "AttemptedValue": "   ",
      "Message": "is a required field",
      "PropertyName": "Name"
    },
    {
      "AttemptedValue": "yes",
      "Message": "The value 'yes' is not valid for VisibleByEveryone.",
      "PropertyName": "VisibleByEveryone"
    }
  ],
  "WasSuccessful": false
}
"#
    );
}

#[test]
fn create_does_not_need_the_id() {
    let body = br#"{"BusinessId": 1, "AdministratorId": 2, "Name": "Design team"}"#;
    let out = run_with_stdin(&["check", "workspace", "-", "--create"], body);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(text(&out.stdout), "OK: Workspace is valid for create\n");

    let out = run_with_stdin(&["check", "workspace", "-"], body);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stdout).starts_with("{\n  \"Message\": \"Id: is a required field\""));
}

#[test]
fn resource_names_are_case_insensitive_and_paths_work_too() {
    let file = payload("ui_module.valid.json");
    for name in [
        "UiModule",
        "uimodule",
        "ui-module",
        "UI_MODULE",
        "uimodules",
    ] {
        let out = run(&["check", name, file.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(0), "{name}: {out:?}");
    }
}

#[test]
fn a_body_that_is_not_json_is_invalid_not_a_usage_error() {
    let out = run_with_stdin(&["check", "visitor", "-"], b"{not json");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stdout),
        format!(
            "{}\n",
            serde_json::to_string_pretty(
                &nexudus_validate::from_slice::<Visitor>(b"{not json")
                    .unwrap_err()
                    .to_response()
            )
            .unwrap()
        )
    );
}

#[test]
fn an_unknown_resource_is_a_usage_error_that_suggests_the_closest_name() {
    let file = payload("workspace.valid.json");
    let out = run(&["check", "Bookng", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert_eq!(
        text(&out.stderr),
        "error: unknown resource 'Bookng'; did you mean 'Booking'?\n"
    );

    let out = run(&["resources", "workspacs"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "error: unknown resource 'workspacs'; did you mean 'Workspace'?\n"
    );

    let out = run(&["check", "zzzzzzzzzzzz", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "error: unknown resource 'zzzzzzzzzzzz'; `nexudus-validate resources` lists them\n"
    );
}

#[test]
fn an_operation_the_api_does_not_have_is_a_usage_error() {
    let file = payload("workspace.valid.json");
    // Nexudus creates no invoice and updates no role through the API.
    for (args, message) in [
        (
            vec!["check", "CoworkerInvoice", file.to_str().unwrap(), "--create"],
            "error: the Nexudus API cannot create CoworkerInvoice records (it can: list, get, update)\n",
        ),
        (
            vec!["check", "roles", file.to_str().unwrap()],
            "error: the Nexudus API cannot update Role records (it can: list, get)\n",
        ),
    ] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty());
        assert_eq!(text(&out.stderr), message);
    }
    let out = run(&["resources", "role"]);
    assert!(text(&out.stdout)
        .starts_with("Role  module security  path /api/security/roles  operations list,get\n"));
}

#[test]
fn an_unreadable_file_is_a_usage_error() {
    let missing = payload("no-such-file.json");
    let out = run(&["check", "workspace", missing.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let stderr = text(&out.stderr);
    assert!(
        stderr.starts_with(&format!("error: cannot read {}: ", missing.display())),
        "{stderr}"
    );
}

#[test]
fn bad_arguments_are_usage_errors() {
    for args in [
        &[][..],
        &["check"][..],
        // No FILE: a usage error, never a silent read of the terminal.
        &["check", "workspace"][..],
        &["check", "workspace", "--create"][..],
        &["check", "workspace", "a.json", "b.json"][..],
        &["check", "workspace", "--update"][..],
        &["validate", "workspace"][..],
    ] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {out:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert!(!out.stderr.is_empty(), "{args:?}");
    }
    let out = run(&["--help"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).contains("check"));
}

#[test]
fn resources_lists_every_resource_with_module_path_and_required_fields() {
    let out = run(&["resources"]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 216, "{stdout}");
    assert_eq!(lines.len(), registry::all().count());
    let workspace = lines
        .iter()
        .find(|l| l.starts_with("Workspace "))
        .expect("Workspace is listed");
    let words: Vec<&str> = workspace.split_whitespace().collect();
    assert_eq!(
        words,
        [
            "Workspace",
            "collaboration",
            "/api/collaboration/workspaces",
            "required:",
            "Id",
            "(update",
            "only),",
            "BusinessId,",
            "AdministratorId,",
            "Name"
        ]
    );
    for r in registry::all() {
        let line = lines
            .iter()
            .find(|l| l.split_whitespace().next() == Some(r.name()))
            .unwrap_or_else(|| panic!("{} is not listed", r.name()));
        let mut words = line.split_whitespace();
        assert_eq!(words.next(), Some(r.name()));
        assert_eq!(words.next(), Some(r.module()));
        let path = if r.path().is_empty() { "-" } else { r.path() };
        assert_eq!(words.next(), Some(path), "{line}");
    }
}

#[test]
fn resources_describes_one_resource_with_types_requirements_and_enum_values() {
    let out = run(&["resources", "bookings"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(
        lines[0],
        "Booking  module spaces  path /api/spaces/bookings  operations list,get,create,update,delete"
    );
    assert!(lines[1].starts_with("FIELD"), "{stdout}");
    let words = |line: &str| {
        line.split_whitespace()
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    let row = |name: &str| {
        lines
            .iter()
            .find(|l| l.split_whitespace().next() == Some(name))
            .map(|l| words(l))
            .unwrap_or_else(|| panic!("{name} missing from {stdout}"))
    };
    assert_eq!(row("Id"), ["Id", "i64", "update", "only"]);
    assert_eq!(row("ResourceId"), ["ResourceId", "i64", "yes"]);
    assert_eq!(row("Notes"), ["Notes", "String", "no"]);
    assert_eq!(
        row("Repeats")[..6],
        ["Repeats", "BookingRepeats", "no", "1", "Daily,", "2"]
    );
    let booking = registry::find("booking").unwrap();
    assert_eq!(lines.len(), 2 + booking.wire_fields().len());
    // The fields every record carries are listed as the record's own.
    assert_eq!(row("UniqueId"), ["UniqueId", "String", "no"]);

    // A seed resource's enum values come from the registry too.
    let out = run(&["resources", "user"]);
    assert!(text(&out.stdout).contains("1 EnglishUS, 2 Spanish, 3 EnglishUK"));
}

#[test]
fn every_resource_of_the_registry_can_be_checked() {
    for r in registry::all() {
        let expected = match r.check(b"{}", Operation::Create) {
            // The API has no create for it: a usage error.
            _ if !r.operations().create => 2,
            Ok(()) => 0,
            Err(_) => 1,
        };
        let out = run_with_stdin(&["check", r.name(), "-", "--create"], b"{}");
        assert_eq!(out.status.code(), Some(expected), "{}: {out:?}", r.name());
    }
}

#[test]
fn input_is_read_with_a_size_cap() {
    let out = run_with_stdin(
        &["check", "workspace", "-", "--max-bytes", "10"],
        &[b' '; 11],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert_eq!(
        text(&out.stderr),
        "error: standard input is larger than 10 bytes (raise the limit with --max-bytes)\n"
    );
    // Exactly at the cap is read.
    let out = run_with_stdin(
        &["check", "workspace", "-", "--max-bytes", "10"],
        b"{}        ",
    );
    assert_eq!(out.status.code(), Some(1));

    let big =
        std::env::temp_dir().join(format!("nexudus-validate-cli-{}.json", std::process::id()));
    std::fs::write(&big, vec![b' '; 100]).unwrap();
    let out = run(&[
        "check",
        "workspace",
        big.to_str().unwrap(),
        "--max-bytes",
        "99",
    ]);
    std::fs::remove_file(&big).unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).ends_with("is larger than 99 bytes (raise the limit with --max-bytes)\n")
    );
}

/// An endless input stops at the default cap (16 MiB) with a clear error,
/// not an out-of-memory abort.
#[cfg(unix)]
#[test]
fn dev_zero_is_refused_at_the_cap() {
    let out = run(&["check", "workspace", "/dev/zero"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert_eq!(
        text(&out.stderr),
        "error: /dev/zero is larger than 16777216 bytes (raise the limit with --max-bytes)\n"
    );
}
