#!/usr/bin/env python3
"""End-to-end: `annals code --format table` on the examples. Usage: cli_table_test.py ANNALS

The table has a header, a rule, then one row per event (one "(no events)" row for an
article without events) in input order; every line is valid UTF-8 and at most 191
columns; counts and dates agree with the articles output of the same run."""
import json
import subprocess
import sys
import glob


def main():
    annals = sys.argv[1]
    inputs = sorted(glob.glob("examples/*.txt"))
    table = subprocess.run([annals, "code", "--format", "table", *inputs], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=300)
    arts = subprocess.run([annals, "code", "--format", "articles", *inputs], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, timeout=300)
    fails = []
    if table.returncode or arts.returncode:
        fails.append(f"exit statuses {table.returncode} and {arts.returncode}")
    try:
        lines = table.stdout.decode("utf-8").split("\n")
    except UnicodeDecodeError as e:
        print(f"FAIL: the table is not UTF-8: {e}")
        return 1
    if lines and lines[-1] == "":
        lines.pop()
    records = [json.loads(l) for l in arts.stdout.decode("utf-8").splitlines()]
    if not lines or not lines[0].startswith("ARTICLE ") or not lines[0].endswith("EVIDENCE"):
        fails.append(f"header line: {lines[:1]}")
    if len(lines) < 2 or set(lines[1]) != {"\u2500"} or len(lines[1]) != 191:
        fails.append("rule line of 191 box-drawing characters")
    rows = lines[2:]
    want = []
    for r in records:
        if not r["events"]:
            want.append((r["id"], r["date"] or "-", "(no events)"))
        for e in r["events"]:
            want.append((r["id"], e["date"] or r["date"] or "-", None))
    if len(rows) != len(want):
        fails.append(f"{len(rows)} rows for {len(want)} events and event-less articles")
    for row, (aid, date, last) in zip(rows, want):
        cut = aid if len(aid) <= 16 else aid[:15] + "\u2026"
        if not row.startswith(cut.ljust(16) + "  " + date.ljust(10) + "  "):
            fails.append(f"row does not start with its article and date: {row[:40]!r}")
        if last and not row.endswith(last):
            fails.append(f"row of an article without events: {row!r}")
        if len(row) > 191 or row != row.rstrip():
            fails.append(f"row too long or with trailing spaces: {row!r}")
    for f in fails:
        print("FAIL:", f)
    if not fails:
        print(f"table: {len(rows)} rows for {len(records)} articles")
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
