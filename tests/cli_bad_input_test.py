#!/usr/bin/env python3
"""End-to-end: `annals code` on bad input. Usage: cli_bad_input_test.py ANNALS

Feeds the built program a JSON Lines file with a broken line, a line without text, a
line that is not UTF-8 and a blank line between good ones; an empty file; and a 20 MB
single article. Asserts that each problem is reported on stderr as `file:line: reason`,
that nothing crashes, that every good article gives exactly one output record, that the
summary line's counts are exact, and the exit status with and without --strict.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

FAILURES = []


def check(condition, what):
    if not condition:
        FAILURES.append(what)
        print(f"FAIL: {what}")


def run(annals, *args):
    p = subprocess.run([annals, "code", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=300)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8", "replace")


def records(stdout):
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def summary(stderr):
    """The closing summary line, as (read, coded, skipped, reasons, events)."""
    lines = [l for l in stderr.splitlines() if l.startswith("annals: read ")]
    if len(lines) != 1:
        return None
    m = re.fullmatch(r"annals: read (\d+), coded (\d+), skipped (\d+)(?: \((.*)\))?, events (\d+)", lines[0])
    if not m:
        return None
    return int(m[1]), int(m[2]), int(m[3]), m[4] or "", int(m[5])


def main():
    annals = sys.argv[1]
    with tempfile.TemporaryDirectory(prefix="annals_bad_input_") as tmp:
        bad = os.path.join(tmp, "bad.jsonl")
        with open(bad, "wb") as f:
            f.write(b'{"id":"good-1","text":"Riot police fired tear gas at hundreds of protesters in Lyon on Friday."}\n')
            f.write(b'{"id":"broken","text":"the closing quote and brace are missing\n')
            f.write(b'{"id":"no-text","title":"A headline without a body"}\n')
            f.write(b'{"id":"latin1","text":"Caf\xe9 owners marched to the town hall."}\n')  # byte 26
            f.write(b"\n")
            f.write(b'{"id":"good-2","date":"2022-05-01","text":"Dock workers went on strike in Antwerp."}')  # no newline
        empty = os.path.join(tmp, "empty.jsonl")
        open(empty, "wb").close()
        big = os.path.join(tmp, "big.jsonl")
        sentence = "The regional council met in the town hall to discuss the budget for next year. "
        text = sentence * (20 * 1024 * 1024 // len(sentence) + 1)
        with open(big, "w", encoding="utf-8") as f:
            f.write(json.dumps({"id": "big", "date": "2023-01-02", "text": text}) + "\n")
        check(os.path.getsize(big) > 20 * 1024 * 1024, "the big article is over 20 MB")

        # Run 1: everything together, without --strict.
        rc, out, err = run(annals, "--format", "articles", bad, empty, big)
        print(err, end="")
        check(rc == 0, f"exit status 0 without --strict (got {rc})")
        recs = records(out)
        check([r.get("id") for r in recs] == ["good-1", "good-2", "big"],
              f"one record per good article, in order (got {[r.get('id') for r in recs]})")
        check(f"annals: skipped {bad}:2: not valid JSON (" in err, "the broken line is reported as file:2")
        check(f'annals: skipped {bad}:3: no "text" field' in err, "the line without text is reported as file:3")
        check(f"annals: skipped {bad}:4: not valid UTF-8 at byte 26 of the line" in err,
              "the invalid UTF-8 line is reported as file:4 with its byte offset")
        check(f"annals: warning: {empty}: no articles (the input is empty)" in err, "the empty file is reported")
        check(":5:" not in err, "the blank line is not reported")
        check(not any(f"{big}:" in line for line in err.splitlines()), "the 20 MB article is coded, not skipped")
        events = sum(len(r.get("events", [])) for r in recs)
        got = summary(err)
        check(got == (6, 3, 3, "invalid_json 1, invalid_utf8 1, missing_text 1", events),
              f"summary line read 6, coded 3, skipped 3 by reason, events {events} (got {got})")
        check(len(recs) == 3 and recs[2].get("date") == "2023-01-02", "the big article keeps its date")

        # Run 2: the same with --strict exits 1 but still codes every good article.
        rc, out, err = run(annals, "--format", "articles", "--strict", bad, empty, big)
        check(rc == 1, f"exit status 1 with --strict (got {rc})")
        check([r.get("id") for r in records(out)] == ["good-1", "good-2", "big"], "--strict still codes every good article")

        # Run 3: with a 10 MB limit the big article is skipped as too large, the next file read.
        good = os.path.join(tmp, "good.jsonl")
        with open(good, "w", encoding="utf-8") as f:
            f.write('{"id":"after-big","text":"Farmers blocked a motorway near Utrecht with tractors."}\n')
        rc, out, err = run(annals, "--format", "events", "--max-article-bytes", "10000000", big, good)
        print(err, end="")
        check(rc == 0, f"exit status 0 when the big article is too large (got {rc})")
        check(f"annals: skipped {big}:1: line is longer than the limit of 10000000 bytes" in err,
              "the too large article is reported as file:1 with the limit")
        ev = records(out)
        check(all(e.get("article_id") == "after-big" for e in ev), "events come only from the good article")
        check(summary(err) == (2, 1, 1, "too_large 1", len(ev)), f"summary with too_large (got {summary(err)})")
        rc, _, _ = run(annals, "--strict", "--max-article-bytes", "10000000", big, good)
        check(rc == 1, f"exit status 1 with --strict when the big article is skipped (got {rc})")

        # Run 4: a missing file is reported and counted; the other input is still coded.
        missing = os.path.join(tmp, "missing.jsonl")
        rc, out, err = run(annals, missing, good)
        check(rc == 0, f"exit status 0 with a missing file (got {rc})")
        check(f"annals: {missing}: no such file" in err, "the missing file is reported")
        recs = records(out)
        check([r.get("id") for r in recs] == ["after-big"], "the good file after the missing one is coded")
        events = sum(len(r.get("events", [])) for r in recs)
        check(summary(err) == (1, 1, 1, "io 1", events), f"summary with io (got {summary(err)})")

    if FAILURES:
        print(f"{len(FAILURES)} check(s) failed")
        return 1
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
