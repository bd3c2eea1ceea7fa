#!/usr/bin/env python3
"""Seed test: runs the shared scorer's `seed` command on the seed article and asserts the
facts that issues 2, 3 and 4 require (all thirteen). Skips (exit 77) when the seed is absent.
Usage: seed_test.py ANNALS SHARED_DIR"""
import json
import os
import subprocess
import sys

SKIP = 77
REQUIRED = [
    "valid against the schema",
    "article date 2021-12-31",
    "clash in Calais, police vs migrants",
    "clash dated Thursday 2021-12-30",
    "15 officers hospitalised or injured",
    "clash attributed to France Bleu",
    "police use tear gas / rubber bullets on migrants",
    "30 shelters seized",
    "protest march in Briancon",
    "prefecture condemns (DISAPPROVE, French government)",
    "Calais resolved in France",
    "Briancon resolved in France",
    "no place resolved outside Europe",
]


def main():
    annals, shared = sys.argv[1], sys.argv[2]
    seed = os.path.join(shared, "seeds", "000_e2e83b8711e61f95.txt")
    tool = os.path.join(shared, "tools", "annals_eval.py")
    if not os.path.exists(seed) or not os.path.exists(tool):
        print(f"skipped: {seed} or {tool} is absent")
        return SKIP
    # The facts are checked one by one so that a failure names the ones that broke.
    p = subprocess.run([sys.executable, tool, "seed", "--annals", annals], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, timeout=300)
    out = p.stdout.decode("utf-8", "replace")
    print(out, end="")
    # The output is a JSON summary followed by one line "seed facts: k/n".
    body, _, last = out.rstrip("\n").rpartition("\n")
    try:
        facts = json.loads(body)["facts"]
    except (ValueError, KeyError):
        print(p.stderr.decode("utf-8", "replace"))
        print(f"FAIL: no JSON summary from annals_eval.py seed (exit {p.returncode})")
        return 1
    missing = [f for f in REQUIRED if facts.get(f) is not True]
    for fact in REQUIRED:
        print(f"{'ok  ' if fact not in missing else 'FAIL'} {fact}")
    if missing:
        print(f"FAIL: {len(missing)} of the {len(REQUIRED)} required seed facts do not hold")
        return 1
    print(f"seed: the {len(REQUIRED)} required facts hold ({last})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
