#!/usr/bin/env python3
"""Hostile input, small: scripts/hostile_corpus --scale small, then scripts/hostile_run.

Usage: hostile_input_test.py ANNALS [MAX_RSS_MB]

Every case of the corpus (invalid and overlong UTF-8, NUL bytes, a 3 MB line, 3,000 tiny
articles, nested HTML, gzip bombs, JSON nested 10,000 deep, 500-digit numbers, impossible
dates, random bytes, hostile fields, damaged WARC, unreadable inputs) must exit
normally (1 under --strict exactly when something was skipped), give the exact summary
that the corpus's manifest states, one record per coded article, a skip report per
skipped unit, and stay under MAX_RSS_MB of memory (default 1024).
"""
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    annals = sys.argv[1]
    max_rss = sys.argv[2] if len(sys.argv) > 2 else "1024"
    with tempfile.TemporaryDirectory(prefix="annals_hostile_") as tmp:
        subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "hostile_corpus"), tmp, "--scale", "small"],
                       check=True)
        run = subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "hostile_run"), tmp, "--annals", annals,
                              "--max-rss-mb", max_rss, "--timeout", "300"])
    return run.returncode


if __name__ == "__main__":
    sys.exit(main())
