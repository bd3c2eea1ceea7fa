#!/usr/bin/env python3
"""End-to-end: `annals code` gives the same bytes for any --threads. Usage: cli_threads_test.py ANNALS [SHARED]

1. examples/examples.jsonl in every output format: stdout and stderr of --threads 1, 2
   and 3 are identical.
2. A larger file made here (the examples copied 150 times with new ids and dates,
   with broken lines, lines without text and blank lines among them, about 1,800 units,
   so many batches): --threads 1, 2 and 4 agree on stdout and stderr; every article gives
   exactly one record, in input order; the summary line counts every unit.
3. The same file on stdin (`-`, one article a batch) with 2 threads: the same stdout.
4. Several inputs with a missing and an empty file among them: the same stderr.
5. Progress: with stderr on a pseudo-terminal a progress line is drawn ("\\r...articles")
   and erased before the summary; not with --quiet, and never into a pipe.
6. With SHARED (the shared folder) and its bench/bbc2225.jsonl: --threads 1 and 2 agree.
"""
import json
import os
import pty
import re
import subprocess
import sys
import tempfile

FAILURES = []


def check(condition, what):
    if not condition:
        FAILURES.append(what)
        print(f"FAIL: {what}")


def run(annals, args, stdin=None):
    p = subprocess.run([annals, "code", *args], input=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       timeout=600)
    return p.returncode, p.stdout, p.stderr


def same_for_threads(annals, args, threads, what):
    """Runs with each thread count; checks that exit status, stdout and stderr agree."""
    first = None
    for t in threads:
        got = run(annals, ["--threads", str(t), *args])
        if first is None:
            first = got
            check(got[0] == 0, f"{what}: exit status 0 (got {got[0]}): {got[2][-500:]!r}")
            continue
        check(got[0] == first[0], f"{what}: exit status of --threads {t} is that of --threads {threads[0]}")
        check(got[1] == first[1], f"{what}: stdout of --threads {t} is that of --threads {threads[0]}")
        check(got[2] == first[2], f"{what}: stderr of --threads {t} is that of --threads {threads[0]}")
    return first


def make_large(examples, path):
    """Writes the larger input; returns the ids of its articles, in order, and the unit count."""
    articles = [json.loads(line) for line in open(examples, encoding="utf-8") if line.strip()]
    ids, units = [], 0
    with open(path, "w", encoding="utf-8") as f:
        for copy in range(150):
            for k, article in enumerate(articles):
                a = dict(article)
                a["id"] = f"copy{copy:03d}-{k:02d}"
                a["date"] = f"20{10 + copy % 14:02d}-{1 + copy % 12:02d}-{1 + k:02d}"
                f.write(json.dumps(a, ensure_ascii=False) + "\n")
                ids.append(a["id"])
                units += 1
                if (copy * len(articles) + k) % 97 == 5:
                    f.write('{"id":"broken","text":"no closing quote\n')
                    units += 1
                if (copy * len(articles) + k) % 211 == 7:
                    f.write('{"id":"no-text","title":"only a title"}\n\n')
                    units += 1
    return ids, units


def summary(stderr):
    m = re.search(rb"^annals: read (\d+), coded (\d+), skipped (\d+)", stderr, re.M)
    return tuple(int(x) for x in m.groups()) if m else None


def run_on_pty(annals, args):
    """Runs with stderr on a pseudo-terminal; returns (stdout, what the terminal got)."""
    master, slave = pty.openpty()
    out_file = tempfile.TemporaryFile()  # not a pipe: nobody reads it while the terminal is read
    p = subprocess.Popen([annals, "code", *args], stdout=out_file, stderr=slave)
    os.close(slave)
    seen = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the program closed the terminal
            break
        if not chunk:
            break
        seen += chunk
    p.wait(timeout=600)
    out_file.seek(0)
    out = out_file.read()
    os.close(master)
    return p.returncode, out, seen.replace(b"\r\n", b"\n")


def main():
    annals = sys.argv[1]
    shared = sys.argv[2] if len(sys.argv) > 2 else None
    examples = "examples/examples.jsonl"

    # 1. The examples, every format.
    for fmt in ("articles", "events", "csv", "geojson", "table"):
        same_for_threads(annals, ["--format", fmt, examples], [1, 2, 3], f"examples --format {fmt}")

    with tempfile.TemporaryDirectory(prefix="annals_threads_") as tmp:
        # 2. The larger file.
        large = os.path.join(tmp, "large.jsonl")
        ids, units = make_large(examples, large)
        rc, out, err = same_for_threads(annals, [large], [1, 2, 4], "large file")
        got_ids = [json.loads(line)["id"] for line in out.decode("utf-8").splitlines()]
        check(got_ids == ids, f"large file: one record per article, in input order ({len(got_ids)} records, "
                              f"{len(ids)} articles)")
        check(summary(err) == (units, len(ids), units - len(ids)),
              f"large file: the summary counts every unit (got {summary(err)}, want {(units, len(ids), units - len(ids))})")
        skips = re.findall(rb"^annals: skipped " + re.escape(large.encode()) + rb":(\d+):", err, re.M)
        lines = [int(s) for s in skips]
        check(lines == sorted(lines) and len(lines) == units - len(ids),
              "large file: skip reports in input order, one per skipped unit")

        # 3. On stdin, one article a batch.
        with open(large, "rb") as f:
            rc2, out2, err2 = run(annals, ["--threads", "2", "-"], stdin=f.read())
        check(rc2 == 0 and out2 == out, "large file on stdin with 2 threads: the same stdout")
        check(summary(err2) == summary(err), "large file on stdin: the same summary")

        # 4. Several inputs, a missing and an empty one among them.
        empty = os.path.join(tmp, "empty.jsonl")
        open(empty, "wb").close()
        missing = os.path.join(tmp, "missing.jsonl")
        rc, _, err = same_for_threads(annals, [examples, missing, empty, large, examples], [1, 2, 3],
                                      "several inputs")
        text = err.decode("utf-8", "replace")
        check(text.index(f"{missing}: no such file") < text.index(f"{empty}: no articles"),
              "several inputs: messages in input order")

        # 5. Progress on a terminal, not in a pipe, not with --quiet.
        big = os.path.join(tmp, "big.jsonl")
        with open(big, "w", encoding="utf-8") as f:
            for _ in range(3):
                f.write(open(large, encoding="utf-8").read())
        rc, out_pipe, err_pipe = run(annals, ["--threads", "2", big])
        check(b"\r" not in err_pipe and b"\x1b" not in err_pipe, "progress: nothing drawn into a pipe")
        rc, out_tty, seen = run_on_pty(annals, ["--threads", "2", big])
        check(rc == 0 and out_tty == out_pipe, "progress: the same stdout with stderr on a terminal")
        check(re.search(rb"\r\[[#-]{10}\] +\d+%  [\d,]+ articles  [\d.]+/[\d.]+ MB", seen) is not None,
              f"progress: a progress line with a bar on the terminal (got {seen[:200]!r})")
        # Each run of drawings ends with an erasure before any other text (a skip report,
        # the summary): once those runs are taken out, what is left is what a pipe gets.
        plain = re.sub(rb"(\r[^\r\n\x1b]*\x1b\[K)+\r\x1b\[K", b"", seen)
        check(plain == err_pipe, f"progress: the line is erased before every message and the summary "
                                 f"(left: {plain[-300:]!r})")
        rc, _, seen_quiet = run_on_pty(annals, ["--threads", "2", "--quiet", big])
        check(b"\r" not in seen_quiet and seen_quiet.startswith(b"annals: read "),
              f"progress: nothing but the summary with --quiet (got {seen_quiet[:200]!r})")

    # 6. A real corpus, when the shared folder has it.
    bbc = os.path.join(shared, "bench", "bbc2225.jsonl") if shared else None
    if bbc and os.path.exists(bbc):
        same_for_threads(annals, [bbc], [1, 2], "bbc2225")
    else:
        print("note: no shared bench corpus; part 6 skipped")

    if FAILURES:
        print(f"{len(FAILURES)} check(s) failed")
        return 1
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
