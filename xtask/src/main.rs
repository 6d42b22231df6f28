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
//! the registry's lists (`resources/registry/generated.rs`), and the
//! counts section of `spec/README.md`. Files in a
//! module directory that the spec no longer produces are removed (or, with
//! `--check`, reported).

mod emit;
mod model;
mod naming;
mod official;
mod report;
mod requirement;
mod spec;

use std::collections::BTreeMap;
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
        files.insert(
            format!("{dir}/mod.rs"),
            emit::module(module, &model.shadowed),
        );
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
    files.insert(
        format!("{RESOURCES}/record_meta.rs"),
        emit::record_meta(&model),
    );
    let mut files = rustfmt(root, files)?;
    let readme = std::fs::read_to_string(root.join(SPEC_README))
        .map_err(|e| format!("cannot read {SPEC_README}: {e}"))?;
    files.insert(
        SPEC_README.to_owned(),
        report::splice(&readme, &spec, &model)?,
    );
    Ok(files)
}

/// The spec's README, whose counts section the generator writes.
const SPEC_README: &str = "spec/README.md";

const RESOURCES: &str = "nexudus-validate/src/resources";

/// Writes (or, with `check`, compares) every generated file; returns the
/// stale ones.
fn codegen(root: &Path, check: bool) -> Result<Vec<String>, String> {
    sync(root, &generate(root)?, check)
}

/// Makes the tree under `root` hold exactly `files` in the generated
/// directories (with `check`, only lists the files that differ).
fn sync(root: &Path, files: &BTreeMap<String, String>, check: bool) -> Result<Vec<String>, String> {
    let mut stale = Vec::new();
    for (path, contents) in files {
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

/// The sources formatted by rustfmt, in one run: they are written under a
/// scratch directory in their own layout (so `mod` declarations resolve)
/// and read back. The project's rustfmt configuration, if it gets one,
/// applies as it does for `cargo fmt`.
fn rustfmt(
    root: &Path,
    files: BTreeMap<String, String>,
) -> Result<BTreeMap<String, String>, String> {
    let scratch = std::env::temp_dir().join(format!(
        "nexudus-validate-codegen-{}-{}",
        std::process::id(),
        SCRATCH.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
    ));
    let result = rustfmt_in(root, &scratch, files);
    let _ = std::fs::remove_dir_all(&scratch);
    result
}

static SCRATCH: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

fn rustfmt_in(
    root: &Path,
    scratch: &Path,
    mut files: BTreeMap<String, String>,
) -> Result<BTreeMap<String, String>, String> {
    let io = |path: &Path, e: std::io::Error| format!("{}: {e}", path.display());
    for (path, source) in &files {
        let full = scratch.join(path);
        if let Some(dir) = full.parent() {
            std::fs::create_dir_all(dir).map_err(|e| io(dir, e))?;
        }
        std::fs::write(&full, source).map_err(|e| io(&full, e))?;
    }
    let rustfmt = std::env::var_os("RUSTFMT").unwrap_or_else(|| "rustfmt".into());
    let mut command = Command::new(rustfmt);
    command.args(["--edition", "2021"]);
    if ["rustfmt.toml", ".rustfmt.toml"]
        .iter()
        .any(|name| root.join(name).is_file())
    {
        command.arg("--config-path").arg(root);
    }
    let output = command
        .args(files.keys().map(|path| scratch.join(path)))
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run rustfmt: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "rustfmt failed: {}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    for (path, source) in &mut files {
        let full = scratch.join(path);
        *source = std::fs::read_to_string(&full).map_err(|e| io(&full, e))?;
    }
    Ok(files)
}

// Tests only: an `unwrap` here is an assertion on fixed inputs; no user
// input reaches it.
#[cfg(test)]
mod tests {
    use super::*;

    /// A scratch workspace holding only the spec.
    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("xtask-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("spec")).unwrap();
        let spec = "spec/nexudus-api.json";
        std::fs::copy(workspace_root().join(spec), dir.join(spec)).unwrap();
        // The README with its counts left out: codegen writes them.
        let readme = std::fs::read_to_string(workspace_root().join(SPEC_README)).unwrap();
        let (head, rest) = readme.split_once(report::BEGIN).unwrap();
        let (_, tail) = rest.split_once(report::END).unwrap();
        std::fs::write(
            dir.join(SPEC_README),
            format!("{head}{}\n{}{tail}", report::BEGIN, report::END),
        )
        .unwrap();
        dir
    }

    #[test]
    fn check_reports_missing_changed_and_extra_files_and_codegen_fixes_them() {
        let root = scratch("stale");
        let files = generate(&root).unwrap();
        let all = sync(&root, &files, true).unwrap();
        assert_eq!(
            all.len(),
            216 - 5 + 11 + 1 + 1 + 1,
            "one per generated resource, module, registry, RecordMeta and the spec's README"
        );

        assert_eq!(sync(&root, &files, false).unwrap(), Vec::<String>::new());
        assert_eq!(sync(&root, &files, true).unwrap(), Vec::<String>::new());

        let booking = root.join(RESOURCES).join("spaces/booking.rs");
        let extra = root.join(RESOURCES).join("spaces/old_entity.rs");
        std::fs::write(&booking, "// edited by hand\n").unwrap();
        std::fs::write(&extra, "").unwrap();
        assert_eq!(
            sync(&root, &files, true).unwrap(),
            [
                format!("{RESOURCES}/spaces/booking.rs"),
                format!("{RESOURCES}/spaces/old_entity.rs")
            ]
        );
        sync(&root, &files, false).unwrap();
        assert!(!extra.exists());
        assert_eq!(sync(&root, &files, true).unwrap(), Vec::<String>::new());
        std::fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn the_committed_files_are_fresh() {
        assert_eq!(
            codegen(&workspace_root(), true).unwrap(),
            Vec::<String>::new()
        );
    }

    #[test]
    fn a_bad_spec_is_an_error_not_a_panic() {
        let root = scratch("bad");
        std::fs::write(
            root.join("spec/nexudus-api.json"),
            r#"{"entities": [{"name": 1}]}"#,
        )
        .unwrap();
        assert!(codegen(&root, true)
            .unwrap_err()
            .starts_with("spec/nexudus-api.json: "));
        std::fs::remove_dir_all(&root).unwrap();
    }
}
