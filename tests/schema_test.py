#!/usr/bin/env python3
"""Schema test: codes examples/examples.jsonl and validates every output line with the
shared scorer (`annals_eval.py schema`). Skips (exit 77) when the shared folder is absent.
Usage: schema_test.py ANNALS SHARED_DIR (run from the project root)."""
import json
import os
import subprocess
import sys
import tempfile

SKIP = 77


def main():
    annals, shared = sys.argv[1], sys.argv[2]
    tool = os.path.join(shared, "tools", "annals_eval.py")
    if not os.path.exists(tool):
        print(f"skipped: {tool} is absent")
        return SKIP
    inputs = "examples/examples.jsonl"
    with open(inputs, encoding="utf-8") as f:
        ids = [json.loads(line)["id"] for line in f if line.strip()]
    p = subprocess.run([annals, "code", "--format", "articles", inputs], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, timeout=300)
    if p.returncode != 0:
        print(p.stderr.decode("utf-8", "replace"))
        print(f"FAIL: annals exited {p.returncode}")
        return 1
    lines = p.stdout.decode("utf-8").splitlines()
    got = [json.loads(line).get("id") for line in lines]
    if got != ids:
        print(f"FAIL: expected one record per input line {ids}, got {got}")
        return 1
    with tempfile.NamedTemporaryFile("wb", suffix=".jsonl", delete=False) as out:
        out.write(p.stdout)
    try:
        v = subprocess.run([sys.executable, tool, "schema", out.name], stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, timeout=300)
    finally:
        os.unlink(out.name)
    text = v.stdout.decode("utf-8", "replace")
    print(text, end="")
    last = text.strip().splitlines()[-1] if text.strip() else ""
    if v.returncode != 0 or last != "schema errors: 0":
        print(f"FAIL: annals_eval.py schema exited {v.returncode}: {last}")
        return 1
    print(f"schema: {len(lines)} records, 0 errors")
    return 0


if __name__ == "__main__":
    sys.exit(main())
