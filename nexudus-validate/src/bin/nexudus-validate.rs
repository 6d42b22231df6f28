//! `nexudus-validate`: checks a JSON body against the Nexudus rules of a
//! documented resource, and prints the 400 body Nexudus would answer with.
//!
//! ```text
//! nexudus-validate check <RESOURCE> [FILE|-] [--create]
//! nexudus-validate resources
//! ```
//!
//! Exit codes: 0 valid, 1 invalid (the Nexudus 400 body is printed on
//! stdout), 2 usage error, unreadable file or unknown resource (a message
//! on stderr).

use std::io::{self, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use nexudus_validate::resources::{AccessToken, UiModule, User, Visitor, Workspace};
use nexudus_validate::{FieldInfo, NexudusResource, Operation, Requirement, ValidationErrors};
use serde::de::DeserializeOwned;

/// Checks JSON bodies against the Nexudus REST API's validation rules.
#[derive(Debug, Parser)]
#[command(name = "nexudus-validate", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Checks a JSON body; prints the Nexudus 400 body and exits 1 when it
    /// is invalid, prints OK and exits 0 when it is valid.
    Check {
        /// The resource (AccessToken, Visitor, User, UiModule, Workspace;
        /// any case, or its path's last segment such as `workspaces`).
        resource: String,
        /// The JSON file to check; `-` (the default) reads standard input.
        #[arg(default_value = "-")]
        file: PathBuf,
        /// Checks for a create (POST): `Id` is not required.
        #[arg(long)]
        create: bool,
    },
    /// Lists the resources with their endpoint and required fields.
    Resources,
}

/// One resource the program knows.
struct Resource {
    name: &'static str,
    path: &'static str,
    fields: &'static [FieldInfo],
    check: fn(&[u8], Operation) -> Result<(), ValidationErrors>,
}

fn check<T: NexudusResource + DeserializeOwned>(
    bytes: &[u8],
    operation: Operation,
) -> Result<(), ValidationErrors> {
    nexudus_validate::from_slice_for::<T>(bytes, operation).map(drop)
}

fn resource<T: NexudusResource + DeserializeOwned>() -> Resource {
    Resource {
        name: T::NAME,
        path: T::PATH,
        fields: T::FIELDS,
        check: check::<T>,
    }
}

fn resources() -> [Resource; 5] {
    [
        resource::<AccessToken>(),
        resource::<Visitor>(),
        resource::<User>(),
        resource::<UiModule>(),
        resource::<Workspace>(),
    ]
}

/// Lower case, without `-`, `_` and spaces.
fn normalize(name: &str) -> String {
    name.chars()
        .filter(|c| !matches!(c, '-' | '_' | ' '))
        .flat_map(char::to_lowercase)
        .collect()
}

fn find(name: &str) -> Option<Resource> {
    let wanted = normalize(name);
    resources().into_iter().find(|r| {
        normalize(r.name) == wanted
            || r.path.rsplit('/').next().map(normalize) == Some(wanted.clone())
    })
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check {
            resource,
            file,
            create,
        } => run_check(&resource, &file, create),
        Command::Resources => run_resources(),
    }
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(2)
}

fn run_check(name: &str, file: &PathBuf, create: bool) -> ExitCode {
    let Some(resource) = find(name) else {
        let known: Vec<_> = resources().iter().map(|r| r.name).collect();
        return usage_error(&format!(
            "unknown resource '{name}'; known resources: {}",
            known.join(", ")
        ));
    };
    let bytes = if file.as_os_str() == "-" {
        let mut bytes = Vec::new();
        match io::stdin().read_to_end(&mut bytes) {
            Ok(_) => bytes,
            Err(error) => return usage_error(&format!("cannot read standard input: {error}")),
        }
    } else {
        match std::fs::read(file) {
            Ok(bytes) => bytes,
            Err(error) => return usage_error(&format!("cannot read {}: {error}", file.display())),
        }
    };
    let operation = if create {
        Operation::Create
    } else {
        Operation::Update
    };
    let verb = if create { "create" } else { "update" };
    let mut stdout = io::stdout().lock();
    let written = match (resource.check)(&bytes, operation) {
        Ok(()) => writeln!(stdout, "OK: {} is valid for {verb}", resource.name).map(|()| 0),
        Err(errors) => {
            let body = serde_json::to_string_pretty(&errors.to_response())
                .expect("the 400 body serializes");
            writeln!(stdout, "{body}").map(|()| 1)
        }
    };
    match written.and_then(|code| stdout.flush().map(|()| code)) {
        Ok(code) => ExitCode::from(code),
        // stdout closed (a pipe to `head`): nothing more to say.
        Err(_) => ExitCode::from(2),
    }
}

fn run_resources() -> ExitCode {
    let all = resources();
    let name_width = all.iter().map(|r| r.name.len()).max().unwrap_or(0);
    let path_width = all.iter().map(|r| r.path.len()).max().unwrap_or(0);
    let mut out = String::new();
    for r in &all {
        let required: Vec<String> = r
            .fields
            .iter()
            .filter_map(|f| match f.requirement() {
                Requirement::Optional => None,
                Requirement::Always => Some(f.property_name().to_owned()),
                Requirement::UpdateOnly => Some(format!("{} (update only)", f.property_name())),
            })
            .collect();
        out.push_str(&format!(
            "{:name_width$}  {:path_width$}  required: {}\n",
            r.name,
            r.path,
            required.join(", ")
        ));
    }
    match io::stdout().lock().write_all(out.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(_) => ExitCode::from(2),
    }
}
