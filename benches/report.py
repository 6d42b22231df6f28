#!/usr/bin/env python3
"""Prints the medians of the last `cargo bench --manifest-path benches/Cargo.toml`
run as Markdown tables: each contender's time relative to nexudus-validate
in the same case, then the scaling runs per field and per byte.

Usage: python3 benches/report.py [CRITERION_DIR]
(default: $CARGO_TARGET_DIR/criterion, else target/criterion)
"""

import json
import os
import sys
from pathlib import Path

OURS = "nexudus-validate"


def load(root):
    rows = []
    for bench in sorted(root.glob("**/new/benchmark.json")):
        meta = json.loads(bench.read_text())
        estimates = json.loads((bench.parent / "estimates.json").read_text())
        median = estimates["median"]
        rows.append(
            {
                "group": meta["group_id"],
                "function": meta["function_id"] or "",
                "value": meta.get("value_str") or "",
                "bytes": (meta.get("throughput") or {}).get("Bytes"),
                "median": median["point_estimate"],
                "low": median["confidence_interval"]["lower_bound"],
                "high": median["confidence_interval"]["upper_bound"],
            }
        )
    return rows


def fmt(ns):
    if ns >= 1_000_000:
        return f"{ns / 1_000_000:.2f} ms"
    if ns >= 1_000:
        return f"{ns / 1_000:.2f} µs"
    return f"{ns:.1f} ns"


def is_ours(row):
    return row["function"].startswith(OURS)


def peers_table(rows):
    groups = {}
    for row in rows:
        if not row["group"].startswith("scaling/"):
            groups.setdefault(row["group"], []).append(row)
    rank = {"typed": 0, "json": 1, "entity": 2, "value": 3}
    print("| case | contender | median | 95% CI of the median | × nexudus-validate |")
    print("|---|---|---:|---:|---:|")
    for group in sorted(
        groups, key=lambda g: (rank.get(g.split("/")[0], 9), "invalid" in g, g)
    ):
        members = groups[group]
        ours = next((m for m in members if is_ours(m)), None)
        members.sort(key=lambda m: (not is_ours(m), m["median"]))
        for m in members:
            ratio = f"{m['median'] / ours['median']:.2f}" if ours else ""
            print(
                f"| {group} | {m['function']} | {fmt(m['median'])} "
                f"| {fmt(m['low'])} – {fmt(m['high'])} | {ratio} |"
            )


def scaling_table(rows):
    cells = {}
    sizes = set()
    body = {}
    for row in rows:
        if not row["group"].startswith("scaling/") or not row["value"].isdigit():
            continue
        n = int(row["value"])
        sizes.add(n)
        kind = row["group"].split("/", 1)[1]
        who = "ours" if is_ours(row) else ("floor" if "floor" in row["function"] else "")
        cells[(kind, row["function"] if kind == "typed" else who, n)] = row["median"]
        if row["bytes"]:
            body[(kind, n)] = row["bytes"]
    if not sizes:
        return
    columns = [
        ("validate() valid", ("typed", "valid"), "field"),
        ("validate() invalid", ("typed", "invalid"), "field"),
        ("from_slice valid", ("json-valid", "ours"), "byte"),
        ("serde floor valid", ("json-valid", "floor"), "byte"),
        ("from_slice invalid", ("json-invalid", "ours"), "byte"),
        ("serde floor invalid", ("json-invalid", "floor"), "byte"),
    ]
    print()
    print(
        "| fields | valid body | "
        + " | ".join(title for title, _, _ in columns)
        + " | from_slice ÷ floor (valid, invalid) |"
    )
    print("|---:|---:|" + "---:|" * (len(columns) + 1))
    for n in sorted(sizes):
        out = [str(n), f"{body.get(('json-valid', n), 0)} B"]
        for _, (kind, who), per in columns:
            ns = cells.get((kind, who, n))
            if ns is None:
                out.append("")
                continue
            unit = n if per == "field" else body.get((kind, n), 1)
            out.append(f"{fmt(ns)} ({ns / unit:.2f} ns/{per})")
        ratios = []
        for kind in ("json-valid", "json-invalid"):
            ours = cells.get((kind, "ours", n))
            floor = cells.get((kind, "floor", n))
            ratios.append(f"{ours / floor:.2f}×" if ours and floor else "")
        out.append(", ".join(ratios))
        print("| " + " | ".join(out) + " |")


def main():
    if len(sys.argv) > 1:
        root = Path(sys.argv[1])
    else:
        root = Path(os.environ.get("CARGO_TARGET_DIR", "target")) / "criterion"
    rows = load(root)
    if not rows:
        sys.exit(f"no criterion results under {root}")
    peers_table(rows)
    scaling_table(rows)


if __name__ == "__main__":
    main()
