#!/usr/bin/env python3
"""End-to-end: `annals code -` is a streaming filter. Usage: cli_stream_test.py ANNALS

Spark's RDD.pipe, Hadoop streaming and shell pipelines keep the filter's stdin open and
read its stdout as they write: each record must come out as soon as its line went in.

1. With the pipe kept open, for --threads 1, 2 and the default: each example line written
   gives its record within a few seconds, before the next line is written; the records
   equal those of the same lines read from a file; a broken line gives its report on
   stderr and no record, and the next line still gives its record at once.
2. Closing stdin ends the run with exit 0 and the summary line.
3. The README's xargs -P recipe (one filter per part file, in parallel) gives the
   records of the whole file.
"""
import json
import os
import select
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FAILURES = []
PROMPT_SECONDS = 10.0  # generous on a loaded machine; a blocked filter never answers


def check(condition, what):
    if not condition:
        FAILURES.append(what)
        print(f"FAIL: {what}")


_pending = {}  # file descriptor -> bytes read past the last line


def read_line(stream, timeout):
    """One line from a pipe, or None when none comes within `timeout` seconds."""
    deadline = time.monotonic() + timeout
    fd = stream.fileno()
    data = _pending.pop(fd, b"")
    while b"\n" not in data:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            _pending[fd] = data
            return None
        chunk = os.read(fd, 1 << 16)
        if not chunk:
            _pending[fd] = data
            return None
        data += chunk
    line, _, rest = data.partition(b"\n")
    if rest:
        _pending[fd] = rest
    return line + b"\n"


def main():
    annals = os.path.abspath(sys.argv[1])
    with open(os.path.join(ROOT, "examples", "examples.jsonl"), "rb") as f:
        lines = [line for line in f if line.strip()]
    file_out = subprocess.run([annals, "code", "--threads", "1", "-q", os.path.join(ROOT, "examples", "examples.jsonl")],
                              capture_output=True, check=True).stdout.splitlines(keepends=True)
    check(len(file_out) == len(lines) == 12, "the examples give 12 records from the file")

    # 1 and 2: one line in, one record out, the pipe kept open.
    for threads in (["--threads", "1"], ["--threads", "2"], []):
        p = subprocess.Popen([annals, "code", *threads, "-"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE)
        slowest = 0.0
        got = []
        for k, line in enumerate(lines):
            if k == 5:  # a broken line: reported, no record, the stream goes on
                p.stdin.write(b'{"id": "broken", "text": \n')
                p.stdin.flush()
                report = read_line(p.stderr, PROMPT_SECONDS)
                check(report is not None and report.startswith(b"annals: skipped <stdin>:6: not valid JSON"),
                      f"{threads}: the broken line is reported at once ({report!r})")
            start = time.monotonic()
            p.stdin.write(line)
            p.stdin.flush()
            record = read_line(p.stdout, PROMPT_SECONDS)
            slowest = max(slowest, time.monotonic() - start)
            if record is None:
                check(False, f"{threads}: no record within {PROMPT_SECONDS} s of line {k + 1} with the pipe open")
                break
            got.append(record)
        check(got == file_out, f"{threads}: the streamed records equal those of the file")
        p.stdin.close()
        rest = _pending.pop(p.stdout.fileno(), b"") + p.stdout.read()
        _pending.pop(p.stderr.fileno(), None)
        err = p.stderr.read().decode()
        rc = p.wait(timeout=60)
        check(rc == 0 and rest == b"", f"{threads}: closing stdin ends the run (exit {rc}, {len(rest)} bytes more)")
        check("annals: read 13, coded 12, skipped 1 (invalid_json 1)" in err, f"{threads}: summary ({err.strip()})")
        print(f"threads {threads or 'default'}: slowest record {slowest * 1000:.1f} ms after its line")

    # 3. xargs -P: the file cut into parts, one filter each, outputs joined in part order.
    with tempfile.TemporaryDirectory() as tmp:
        os.mkdir(os.path.join(tmp, "parts"))
        os.mkdir(os.path.join(tmp, "out"))
        for k in range(4):
            with open(os.path.join(tmp, "parts", f"part-{k}.jsonl"), "wb") as f:
                f.writelines(lines[k * 3:(k + 1) * 3])
        script = ('cd "$1" && ls parts/*.jsonl | xargs -P 2 -I{} sh -c '
                  '\'"$0" code --quiet --threads 1 - < {} > out/$(basename {})\' "$2" && cat out/*.jsonl')
        done = subprocess.run(["sh", "-c", script, "sh", tmp, annals], capture_output=True, timeout=120)
        check(done.returncode == 0 and done.stdout.splitlines(keepends=True) == file_out,
              f"xargs -P recipe gives the file's records ({done.returncode}, {done.stderr.decode().strip()})")

    if FAILURES:
        print(f"{len(FAILURES)} failure(s)")
        return 1
    print("ok: records stream out line by line with the pipe open; xargs -P recipe")
    return 0


if __name__ == "__main__":
    sys.exit(main())
