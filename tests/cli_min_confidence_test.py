#!/usr/bin/env python3
"""annals code --min-confidence: the default keeps every event; 'model' applies the event
model's threshold (read from its calibration file); a number keeps events at or above it;
anything else is refused with a message naming the value.

Usage: cli_min_confidence_test.py ANNALS RESOURCE_DIR (from the project root)."""
import json
import subprocess
import sys


def events(annals, *flags):
    r = subprocess.run([annals, "code", "-q", *flags, "--format", "events", "examples/examples.jsonl"],
                       capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"FAIL: annals exited {r.returncode} with {flags}: {r.stderr}")
    return [json.loads(l) for l in r.stdout.splitlines() if l.strip()]


def main():
    annals, resources = sys.argv[1], sys.argv[2]
    threshold = None
    for line in open(f"{resources}/event_calibration.tsv", encoding="utf-8"):
        if line.startswith("threshold\t"):
            threshold = float(line.split("\t")[2])
    fails = []
    every = events(annals)
    zero = events(annals, "--min-confidence", "0")
    model = events(annals, "--min-confidence", "model")
    half = events(annals, "--min-confidence", "0.5")
    if [e["id"] for e in every] != [e["id"] for e in zero]:
        fails.append("the default is not --min-confidence 0")
    if not 0 < threshold < 1:
        fails.append(f"the model's threshold {threshold} is not inside (0, 1)")
    # Confidences are written rounded to 3 decimals: an event within half a unit of a cut
    # may fall on either side of it.
    def kept_between(cut):
        return (sum(e["confidence"] >= cut + 0.0005 for e in every), sum(e["confidence"] >= cut - 0.0005 for e in every))
    low, high = kept_between(threshold)
    if not low <= len(model) <= high or not model:
        fails.append(f"'model' kept {len(model)} events, {low} to {high} are at or above {threshold}")
    low, high = kept_between(0.5)
    if any(e["confidence"] < 0.4995 for e in half) or not low <= len(half) <= high:
        fails.append("0.5 kept an event below it or left one out above it")
    if not len(every) > len(model) > 0:
        fails.append(f"the threshold left out nothing, or everything ({len(every)} -> {len(model)})")
    for bad in ("1.5", "x", "-0.1"):
        r = subprocess.run([annals, "code", "--min-confidence", bad, "examples/examples.jsonl"],
                           capture_output=True, text=True)
        if r.returncode == 0 or f"'{bad}'" not in r.stderr:
            fails.append(f"--min-confidence {bad} was not refused by name: {r.returncode} {r.stderr[:200]}")
    for f in fails:
        print("FAIL:", f)
    if fails:
        sys.exit(1)
    print(f"min-confidence: {len(every)} events, {len(model)} at the model's threshold {threshold:.3f}, "
          f"{len(half)} at 0.5")


if __name__ == "__main__":
    main()
