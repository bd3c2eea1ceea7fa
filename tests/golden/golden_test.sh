#!/usr/bin/env bash
# Golden end-to-end test: `annals code --format articles examples/*.txt` must print
# exactly tests/golden/examples.expected.jsonl, and so must examples/examples.jsonl (the
# same articles as JSON Lines). Input: examples/*.txt (the project's own articles).
# Expected output: tests/golden/examples.expected.jsonl, written by scripts/update_golden.
# When a change to annals changes the output on purpose, run scripts/update_golden BUILD,
# read the diff, and commit the new expected file with the change.
# Usage: golden_test.sh ANNALS (run from the project root).
set -euo pipefail
annals="$1"
expected=tests/golden/examples.expected.jsonl
export LC_ALL=C  # the glob's order
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

status=0
"$annals" code --format articles examples/*.txt > "$tmp/txt.jsonl" 2> "$tmp/txt.err" || {
  echo "FAIL: annals exited $? on examples/*.txt"; cat "$tmp/txt.err"; exit 1; }
"$annals" code --format articles examples/examples.jsonl > "$tmp/jsonl.jsonl" 2> "$tmp/jsonl.err" || {
  echo "FAIL: annals exited $? on examples/examples.jsonl"; cat "$tmp/jsonl.err"; exit 1; }

for got in txt jsonl; do
  if ! cmp -s "$expected" "$tmp/$got.jsonl"; then
    echo "FAIL: the output for the examples ($got form) differs from $expected:"
    diff -u "$expected" "$tmp/$got.jsonl" | head -c 6000 || true
    echo
    status=1
  fi
done
lines=$(wc -l < "$expected")
articles=$(ls examples/*.txt | wc -l)
if [[ "$lines" -ne "$articles" ]]; then
  echo "FAIL: $expected has $lines lines for $articles articles"
  status=1
fi
if ((status)); then
  echo "If the change is intended: scripts/update_golden BUILD, review the diff, commit it."
else
  echo "golden: $articles articles, output identical to $expected"
fi
exit $status
