#!/usr/bin/env python3
"""Compile cost of the derive, as a user feels it.

Generates one crate per contender, each with N structs of 20 `Option`
fields (8 strings, 6 integers, 3 bools, 3 id lists; 5 required, 2 length,
1 range, 1 email rules), builds their dependencies once, then times the
build of each crate alone (debug and release, median of `--runs`, the
contenders taking turns so that a slower spell of a shared machine falls
on all of them), counts its expanded lines and measures its rlib.

With `--used`, each struct also gets a function that validates it (the
contender's typed `validate()`; an empty function for serde alone), so that
the checks are compiled to machine code and not only declared.

With `--instructions`, the build of each crate is also run once under
valgrind (cachegrind without cache simulation) and the instructions rustc
executed are counted: unlike times, counts do not move with the load of
the machine (the contenders are counted two at a time, one per core).

    python3 benches/compile/compile_cost.py [--structs 50 200] [--runs 3] [--used] [--instructions]

Writes the crates under target/compile-bench and prints a Markdown table.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "target" / "compile-bench"

CONTENDERS = ["serde", "nexudus", "garde", "validator"]

STRINGS = [f"s{i}" for i in range(8)]
INTS = [f"i{i}" for i in range(6)]
BOOLS = [f"b{i}" for i in range(3)]
LISTS = [f"l{i}" for i in range(3)]

# field -> rule, per contender
RULES = {
    "s0": "required", "s1": "required", "i0": "required", "i1": "required", "b0": "required",
    "s2": "length_max", "s3": "length_min_max", "i2": "range", "s4": "email",
}

SYNTAX = {
    "nexudus": {
        "required": "#[required]",
        "length_max": "#[length(max = 50)]",
        "length_min_max": "#[length(min = 1, max = 100)]",
        "range": "#[range(min = 0, max = 1000)]",
        "email": "#[email]",
        None: "",
    },
    "garde": {
        "required": "#[garde(required)]",
        "length_max": "#[garde(length(max = 50))]",
        "length_min_max": "#[garde(length(min = 1, max = 100))]",
        "range": "#[garde(range(min = 0, max = 1000))]",
        "email": "#[garde(email)]",
        None: "#[garde(skip)]",
    },
    "validator": {
        "required": "#[validate(required)]",
        "length_max": "#[validate(length(max = 50))]",
        "length_min_max": "#[validate(length(min = 1, max = 100))]",
        "range": "#[validate(range(min = 0, max = 1000))]",
        "email": "#[validate(email)]",
        None: "",
    },
    "serde": {key: "" for key in ["required", "length_max", "length_min_max", "range", "email", None]},
}

DERIVE = {
    "serde": "",
    "nexudus": ", nexudus_validate::NexudusResource",
    "garde": ", garde::Validate",
    "validator": ", validator::Validate",
}

DEPENDENCIES = {
    "serde": "",
    "nexudus": 'nexudus-validate = { path = "%s", default-features = false }\n' % (ROOT / "nexudus-validate"),
    "garde": 'garde = { version = "0.23", default-features = false, features = ["derive", "email"] }\n',
    "validator": 'validator = { version = "0.21", default-features = false, features = ["derive"] }\n',
}


def field_type(name):
    return {"s": "String", "i": "i64", "b": "bool", "l": "Vec<i64>"}[name[0]]


USE = {
    "serde": "let _ = value; true",
    "nexudus": "nexudus_validate::Validate::validate(value).is_ok()",
    "garde": "garde::Validate::validate(value).is_ok()",
    "validator": "validator::Validate::validate(value).is_ok()",
}


def struct_source(contender, index, used):
    lines = [
        f"#[derive(Debug, Clone, serde::Serialize, serde::Deserialize{DERIVE[contender]})]",
        '#[serde(rename_all = "PascalCase")]',
        f"pub struct Resource{index} {{",
    ]
    for name in STRINGS + INTS + BOOLS + LISTS:
        attribute = SYNTAX[contender][RULES.get(name)]
        if attribute:
            lines.append(f"    {attribute}")
        lines.append(f"    pub {name}: Option<{field_type(name)}>,")
    lines.append("}")
    if used:
        lines.append(f"pub fn check{index}(value: &Resource{index}) -> bool {{ {USE[contender]} }}")
    return "\n".join(lines)


def generate(structs, used):
    workspace = OUT / (f"n{structs}" + ("-used" if used else ""))
    shutil.rmtree(workspace, ignore_errors=True)
    members = []
    for contender in CONTENDERS:
        crate = workspace / contender
        (crate / "src").mkdir(parents=True)
        (crate / "Cargo.toml").write_text(
            f'[package]\nname = "cost-{contender}"\nversion = "0.0.0"\nedition = "2021"\npublish = false\n\n'
            f'[dependencies]\nserde = {{ version = "1", features = ["derive"] }}\n{DEPENDENCIES[contender]}'
        )
        body = "\n\n".join(struct_source(contender, i, used) for i in range(structs))
        (crate / "src" / "lib.rs").write_text("#![allow(dead_code)]\n\n" + body + "\n")
        members.append(contender)
    (workspace / "Cargo.toml").write_text(
        '[workspace]\nresolver = "2"\nmembers = [%s]\n\n[profile.release]\ndebug = false\n'
        % ", ".join(f'"{m}"' for m in members)
    )
    return workspace


def cargo(workspace, *args, env=None):
    # Not incremental: every timed build compiles the crate from scratch,
    # as a user's first build (or CI) does.
    return subprocess.run(
        ["cargo", *args],
        cwd=workspace,
        env={**os.environ, "CARGO_INCREMENTAL": "0", **(env or {})},
        check=True,
        capture_output=True,
        text=True,
    )


def timed_build(workspace, contender, release):
    lib = workspace / contender / "src" / "lib.rs"
    os.utime(lib)
    args = ["build", "-q", "-p", f"cost-{contender}"] + (["--release"] if release else [])
    start = time.monotonic()
    cargo(workspace, *args)
    return time.monotonic() - start


WRAPPER = """#!/bin/sh
# RUSTC_WRAPPER: the cost-* crate is compiled under cachegrind.
rustc="$1"; shift
case " $* " in
  *" --crate-name cost_"*)
    exec valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \\
        --log-file="$COUNT_LOG" "$rustc" "$@" ;;
  *) exec "$rustc" "$@" ;;
esac
"""


def count_instructions(workspace, contenders):
    """Instructions rustc executes to build each contender's crate (debug),
    two builds at a time, each in a target directory of its own."""
    wrapper = workspace / "count-rustc.sh"
    wrapper.write_text(WRAPPER)
    wrapper.chmod(0o755)
    counts = {}
    for pair in (contenders[i:i + 2] for i in range(0, len(contenders), 2)):
        running = []
        for contender in pair:
            target = workspace / f"target-count-{contender}"
            log = workspace / f"count-{contender}.log"
            env = {**os.environ, "CARGO_INCREMENTAL": "0", "CARGO_TARGET_DIR": str(target)}
            args = ["cargo", "build", "-q", "-p", f"cost-{contender}"]
            subprocess.run(args, cwd=workspace, env=env, check=True, capture_output=True)
            os.utime(workspace / contender / "src" / "lib.rs")
            env.update(RUSTC_WRAPPER=str(wrapper), COUNT_LOG=str(log))
            running.append((contender, log, subprocess.Popen(args, cwd=workspace, env=env)))
        for contender, log, process in running:
            if process.wait() != 0:
                raise SystemExit(f"counting {contender} failed")
            refs = [line for line in log.read_text().splitlines() if "I   refs:" in line]
            counts[contender] = int(refs[-1].split()[-1].replace(",", ""))
    return counts


def expanded_lines(workspace, contender):
    result = cargo(
        workspace,
        "rustc", "-q", "-p", f"cost-{contender}", "--", "-Zunpretty=expanded",
        env={"RUSTC_BOOTSTRAP": "1"},
    )
    return result.stdout.count("\n")


def rlib_size(workspace, contender, release):
    profile = "release" if release else "debug"
    rlibs = list((workspace / "target" / profile).glob(f"libcost_{contender}-*.rlib"))
    rlibs += list((workspace / "target" / profile / "deps").glob(f"libcost_{contender}-*.rlib"))
    return max((r.stat().st_size for r in rlibs), default=0)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--structs", type=int, nargs="+", default=[50, 200])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--release", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument("--used", action="store_true")
    parser.add_argument("--instructions", action="store_true")
    args = parser.parse_args()

    for structs in args.structs:
        workspace = generate(structs, args.used)
        profiles = [False, True] if args.release else [False]
        # Each crate's dependencies, built as that crate alone asks for them
        # (features differ from a whole-workspace build), so that no timed
        # build compiles a dependency.
        for release in profiles:
            for contender in CONTENDERS:
                cargo(workspace, "build", "-q", "-p", f"cost-{contender}", *(["--release"] if release else []))
        times = {(c, r): [] for c in CONTENDERS for r in profiles}
        for _ in range(args.runs):
            for release in profiles:
                for contender in CONTENDERS:
                    times[contender, release].append(timed_build(workspace, contender, release))
        counts = count_instructions(workspace, CONTENDERS) if args.instructions else {}
        rows = {}
        for contender in CONTENDERS:
            row = {("release" if r else "debug"): statistics.median(times[contender, r]) for r in profiles}
            row["lines"] = expanded_lines(workspace, contender)
            row["rlib"] = rlib_size(workspace, contender, False)
            row["instructions"] = counts.get(contender)
            rows[contender] = row
            print(f"  {contender}: {row}", file=sys.stderr)
        base = rows["serde"]
        used = ", each struct validated once" if args.used else ""
        print(f"\nN = {structs} structs{used}, median of {args.runs}\n")
        print("| contender | debug build | extra over serde | per struct | release build | release extra | expanded lines | lines per struct over serde | debug rlib | rustc instructions (debug) | extra over serde |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for contender, row in rows.items():
            extra = row["debug"] - base["debug"]
            release = row.get("release")
            release_extra = release - base["release"] if release is not None else None
            lines_extra = (row["lines"] - base["lines"]) / structs
            count = row["instructions"]
            print(
                f"| {contender} | {row['debug']:.2f} s | {extra:+.2f} s | {1000 * extra / structs:.1f} ms"
                f" | {'%.2f s' % release if release is not None else '-'}"
                f" | {'%+.2f s' % release_extra if release_extra is not None else '-'}"
                f" | {row['lines']:,} | {lines_extra:.0f} | {row['rlib'] / 1e6:.1f} MB"
                f" | {'%.2fG' % (count / 1e9) if count else '-'}"
                f" | {'%+.2fG' % ((count - base['instructions']) / 1e9) if count else '-'} |"
            )


if __name__ == "__main__":
    main()
