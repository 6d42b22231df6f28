//! The `nexudus-validate` program (feature `cli`), run as a child process
//! on the sample payloads in `examples/payloads/`.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

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
    let out = run_with_stdin(&["check", "workspace", "--create"], body);
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
    let out = run_with_stdin(&["check", "visitor"], b"{not json");
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
fn an_unknown_resource_is_a_usage_error_that_lists_the_known_ones() {
    let file = payload("workspace.valid.json");
    let out = run(&["check", "Booking", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert_eq!(
        text(&out.stderr),
        "error: unknown resource 'Booking'; known resources: AccessToken, Visitor, User, UiModule, Workspace\n"
    );
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
fn resources_lists_paths_and_required_fields() {
    let out = run(&["resources"]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 5, "{stdout}");
    assert_eq!(
        lines[4],
        "Workspace    /api/collaboration/workspaces  required: Id (update only), BusinessId, AdministratorId, Name"
    );
    for (line, (name, path)) in lines.iter().zip([
        (AccessToken::NAME, AccessToken::PATH),
        (Visitor::NAME, Visitor::PATH),
        (User::NAME, User::PATH),
        (UiModule::NAME, UiModule::PATH),
        (Workspace::NAME, Workspace::PATH),
    ]) {
        let mut words = line.split_whitespace();
        assert_eq!(words.next(), Some(name));
        assert_eq!(words.next(), Some(path));
    }
}
