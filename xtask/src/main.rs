//! Project tasks.
//!
//! ```text
//! cargo run -p xtask -- codegen           # write the generated models
//! cargo run -p xtask -- codegen --check   # exit 1 if a committed file is stale
//! ```
//!
//! `codegen` reads `spec/nexudus-api.json` and writes, formatted with
//! rustfmt, one file per generated resource under
//! `nexudus-validate/src/resources/<module>/`, a `mod.rs` per module and
//! the registry's lists (`resources/registry/generated.rs`). Files in a
//! module directory that the spec no longer produces are removed (or, with
//! `--check`, reported).

mod emit;
mod model;
mod naming;
mod spec;

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};

const USAGE: &str = "usage: cargo run -p xtask -- codegen [--check]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let check = match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["codegen"] => false,
        ["codegen", "--check"] => true,
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match codegen(&workspace_root(), check) {
        Ok(stale) if stale.is_empty() => {
            if check {
                println!("generated files are up to date");
            }
            ExitCode::SUCCESS
        }
        Ok(stale) => {
            eprintln!("stale generated files (run `cargo run -p xtask -- codegen`):");
            for path in stale {
                eprintln!("  {path}");
            }
            ExitCode::FAILURE
        }
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::from(2)
        }
    }
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

/// Relative path -> formatted contents of every generated file.
fn generate(root: &Path) -> Result<BTreeMap<String, String>, String> {
    let spec_path = root.join("spec/nexudus-api.json");
    let text = std::fs::read_to_string(&spec_path)
        .map_err(|e| format!("cannot read spec/nexudus-api.json: {e}"))?;
    let spec = spec::Spec::parse(&text)?;
    let model = model::Model::build(&spec)?;
    let mut files = BTreeMap::new();
    for module in &model.modules {
        let dir = format!("{RESOURCES}/{}", module.name);
        files.insert(format!("{dir}/mod.rs"), emit::module(module));
        for resource in &module.resources {
            files.insert(
                format!("{dir}/{}.rs", resource.file),
                emit::resource(module, resource),
            );
        }
    }
    files.insert(
        format!("{RESOURCES}/registry/generated.rs"),
        emit::registry(&model),
    );
    let mut formatted = BTreeMap::new();
    for (path, source) in files {
        let source = rustfmt(root, &source).map_err(|e| format!("{path}: {e}"))?;
        formatted.insert(path, source);
    }
    Ok(formatted)
}

const RESOURCES: &str = "nexudus-validate/src/resources";

/// Writes (or, with `check`, compares) every generated file; returns the
/// stale ones.
fn codegen(root: &Path, check: bool) -> Result<Vec<String>, String> {
    let files = generate(root)?;
    let mut stale = Vec::new();
    for (path, contents) in &files {
        let full = root.join(path);
        if std::fs::read_to_string(&full).ok().as_deref() == Some(contents.as_str()) {
            continue;
        }
        stale.push(path.clone());
        if !check {
            if let Some(dir) = full.parent() {
                std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
            }
            std::fs::write(&full, contents).map_err(|e| format!("{path}: {e}"))?;
        }
    }
    // Files the spec no longer produces, in the generated directories.
    for (name, _) in model::MODULES {
        let dir = format!("{RESOURCES}/{name}");
        let Ok(entries) = std::fs::read_dir(root.join(&dir)) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = format!("{dir}/{}", entry.file_name().to_string_lossy());
            if !files.contains_key(&path) {
                stale.push(path.clone());
                if !check {
                    std::fs::remove_file(entry.path()).map_err(|e| format!("{path}: {e}"))?;
                }
            }
        }
    }
    stale.sort();
    if check {
        Ok(stale)
    } else {
        if !stale.is_empty() {
            println!("wrote {} file(s)", stale.len());
        }
        Ok(Vec::new())
    }
}

/// `source` formatted by rustfmt, run from the workspace root so it reads
/// the same configuration as `cargo fmt`.
fn rustfmt(root: &Path, source: &str) -> Result<String, String> {
    let rustfmt = std::env::var_os("RUSTFMT").unwrap_or_else(|| "rustfmt".into());
    let mut child = Command::new(rustfmt)
        .args(["--edition", "2021", "--emit", "stdout"])
        .current_dir(root)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run rustfmt: {e}"))?;
    let mut stdin = child.stdin.take().ok_or("rustfmt has no stdin")?;
    let input = source.to_owned();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let output = child
        .wait_with_output()
        .map_err(|e| format!("rustfmt: {e}"))?;
    writer
        .join()
        .map_err(|_| "rustfmt: the writer thread failed".to_owned())?
        .map_err(|e| format!("rustfmt: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "rustfmt failed: {}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    String::from_utf8(output.stdout).map_err(|e| format!("rustfmt: {e}"))
}
