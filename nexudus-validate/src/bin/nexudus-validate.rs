//! `nexudus-validate`: checks a JSON body against the Nexudus rules of any
//! resource of the API, and prints the 400 body Nexudus would answer with.
//!
//! ```text
//! nexudus-validate check <RESOURCE> <FILE|-> [--create] [--max-bytes N]
//! nexudus-validate resources [RESOURCE]
//! ```
//!
//! Exit codes: 0 valid, 1 invalid (the Nexudus 400 body is printed on
//! stdout), 2 usage error, unreadable or oversized input, or unknown
//! resource (a message on stderr).

use std::fmt::Write as _;
use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use nexudus_validate::resources::registry::{self, ResourceInfo};
use nexudus_validate::{Operation, Requirement};

/// The default input size cap: 16 MiB.
const DEFAULT_MAX_BYTES: u64 = 16 << 20;

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
        /// The resource: its name, plural or path, in any case (`booking`,
        /// `bookings`, `/api/spaces/bookings`); `resources` lists them.
        resource: String,
        /// The JSON file to check; `-` reads standard input.
        file: PathBuf,
        /// Checks for a create (POST): `Id` is not required.
        #[arg(long)]
        create: bool,
        /// Refuses an input larger than this many bytes (exit 2).
        #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_BYTES)]
        max_bytes: u64,
    },
    /// Lists every resource with its module, endpoint and required fields;
    /// with a RESOURCE, lists its fields (name, type, required, enum values).
    Resources {
        /// The resource to describe.
        resource: Option<String>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check {
            resource,
            file,
            create,
            max_bytes,
        } => run_check(&resource, &file, create, max_bytes),
        Command::Resources { resource: None } => print(&list_resources()),
        Command::Resources {
            resource: Some(name),
        } => match lookup(&name) {
            Ok(resource) => print(&describe(resource)),
            Err(code) => code,
        },
    }
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(2)
}

/// The resource `name` names, or exit 2 with the closest name as a hint.
fn lookup(name: &str) -> Result<&'static ResourceInfo, ExitCode> {
    registry::find(name).ok_or_else(|| {
        let hint = match registry::closest(name) {
            Some(r) => format!("did you mean '{}'?", r.name()),
            None => "`nexudus-validate resources` lists them".to_owned(),
        };
        usage_error(&format!("unknown resource '{name}'; {hint}"))
    })
}

/// Reads at most `max` bytes; a larger input is an error, not a partial
/// read (the limit holds for endless inputs such as `/dev/zero`).
fn read_capped(reader: impl Read, max: u64) -> io::Result<Result<Vec<u8>, ()>> {
    let mut bytes = Vec::new();
    reader.take(max.saturating_add(1)).read_to_end(&mut bytes)?;
    Ok(if bytes.len() as u64 > max {
        Err(())
    } else {
        Ok(bytes)
    })
}

fn read_input(file: &Path, max: u64) -> Result<Vec<u8>, ExitCode> {
    let (name, read) = if file.as_os_str() == "-" {
        let stdin = io::stdin();
        if stdin.is_terminal() {
            eprintln!("reading the JSON body from standard input (end it with Ctrl-D)");
        }
        ("standard input".to_owned(), read_capped(stdin.lock(), max))
    } else {
        let name = file.display().to_string();
        match std::fs::File::open(file) {
            Ok(f) => (name, read_capped(f, max)),
            Err(error) => return Err(usage_error(&format!("cannot read {name}: {error}"))),
        }
    };
    match read {
        Ok(Ok(bytes)) => Ok(bytes),
        Ok(Err(())) => Err(usage_error(&format!(
            "{name} is larger than {max} bytes (raise the limit with --max-bytes)"
        ))),
        Err(error) => Err(usage_error(&format!("cannot read {name}: {error}"))),
    }
}

fn run_check(name: &str, file: &Path, create: bool, max_bytes: u64) -> ExitCode {
    let resource = match lookup(name) {
        Ok(resource) => resource,
        Err(code) => return code,
    };
    let bytes = match read_input(file, max_bytes) {
        Ok(bytes) => bytes,
        Err(code) => return code,
    };
    let (operation, verb) = if create {
        (Operation::Create, "create")
    } else {
        (Operation::Update, "update")
    };
    let has = resource.operations();
    if !(if create { has.create } else { has.update }) {
        let can: Vec<&str> = has.names().collect();
        return usage_error(&format!(
            "the Nexudus API cannot {verb} {} records (it can: {})",
            resource.name(),
            can.join(", ")
        ));
    }
    let mut stdout = io::stdout().lock();
    let written = match resource.check(&bytes, operation) {
        Ok(()) => writeln!(stdout, "OK: {} is valid for {verb}", resource.name()).map(|()| 0),
        Err(errors) => match serde_json::to_string_pretty(&errors.to_response()) {
            Ok(body) => writeln!(stdout, "{body}").map(|()| 1),
            Err(error) => {
                drop(stdout);
                return usage_error(&format!("cannot print the 400 body: {error}"));
            }
        },
    };
    match written.and_then(|code| stdout.flush().map(|()| code)) {
        Ok(code) => ExitCode::from(code),
        // stdout closed (a pipe to `head`): nothing more to say.
        Err(_) => ExitCode::from(2),
    }
}

/// Writes `text` to stdout; exit 0, or 2 when stdout is closed.
fn print(text: &str) -> ExitCode {
    match io::stdout().lock().write_all(text.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(_) => ExitCode::from(2),
    }
}

const MODULE_ORDER: &[&str] = &[
    "sys",
    "billing",
    "spaces",
    "content",
    "crm",
    "community",
    "support",
    "apps",
    "security",
    "collaboration",
    "other",
];

fn module_rank(module: &str) -> usize {
    MODULE_ORDER
        .iter()
        .position(|m| *m == module)
        .unwrap_or(MODULE_ORDER.len())
}

fn path_or_dash(path: &str) -> &str {
    if path.is_empty() {
        "-"
    } else {
        path
    }
}

/// One line per resource, by module then name: name, module, endpoint
/// (`-` when unknown) and required fields.
fn list_resources() -> String {
    let mut all: Vec<&ResourceInfo> = registry::all().collect();
    all.sort_by_key(|r| (module_rank(r.module()), r.name()));
    let width = |f: fn(&ResourceInfo) -> usize| all.iter().map(|r| f(r)).max().unwrap_or(0);
    let name_width = width(|r| r.name().len());
    let module_width = width(|r| r.module().len());
    let path_width = width(|r| path_or_dash(r.path()).len());
    let mut out = String::new();
    for r in all {
        let required: Vec<String> = r
            .fields()
            .iter()
            .filter_map(|f| match f.requirement() {
                Requirement::Optional => None,
                Requirement::Always => Some(f.property_name().to_owned()),
                Requirement::UpdateOnly => Some(format!("{} (update only)", f.property_name())),
                Requirement::CreateOnly => Some(format!("{} (create only)", f.property_name())),
            })
            .collect();
        let _ = writeln!(
            out,
            "{:name_width$}  {:module_width$}  {:path_width$}  required: {}",
            r.name(),
            r.module(),
            path_or_dash(r.path()),
            required.join(", ")
        );
    }
    out
}

/// `Option<Vec<i64>>` -> `Vec<i64>`.
fn inner_type(rust_type: &str) -> &str {
    rust_type
        .strip_prefix("Option<")
        .and_then(|t| t.strip_suffix('>'))
        .unwrap_or(rust_type)
}

/// A resource's header line, then one line per field: wire name, type,
/// when it is required and, for an enum, its values.
fn describe(r: &ResourceInfo) -> String {
    let operations: Vec<&str> = r.operations().names().collect();
    let mut out = format!(
        "{}  module {}  path {}  operations {}\n",
        r.name(),
        r.module(),
        path_or_dash(r.path()),
        operations.join(",")
    );
    let fields = r.wire_fields();
    let name_width = fields
        .iter()
        .map(|f| f.wire_name().len())
        .chain([5])
        .max()
        .unwrap_or(5);
    let type_width = fields
        .iter()
        .map(|f| inner_type(f.rust_type()).len())
        .chain([4])
        .max()
        .unwrap_or(4);
    let _ = writeln!(
        out,
        "{:name_width$}  {:type_width$}  {:11}  VALUES",
        "FIELD", "TYPE", "REQUIRED"
    );
    for f in &fields {
        let required = match f.requirement() {
            Requirement::Optional => "no",
            Requirement::Always => "yes",
            Requirement::UpdateOnly => "update only",
            Requirement::CreateOnly => "create only",
        };
        let values = r
            .enum_values(f.wire_name())
            .map_or_else(String::new, |values| {
                values
                    .iter()
                    .map(|(value, name)| format!("{value} {name}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            });
        let line = format!(
            "{:name_width$}  {:type_width$}  {required:11}  {values}",
            f.wire_name(),
            inner_type(f.rust_type()),
        );
        let _ = writeln!(out, "{}", line.trim_end());
    }
    out
}
