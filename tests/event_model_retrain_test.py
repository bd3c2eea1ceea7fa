#!/usr/bin/env python3
"""Retraining the event model from data/train/news gives the same bytes as the build's.

Usage: event_model_retrain_test.py TRAINER RESOURCE_DIR TRAIN.jsonl...
Runs the trainer into a fresh folder and compares event_model.bin and
event_calibration.tsv with the ones the build wrote into RESOURCE_DIR (the trainer reads
the rest of RESOURCE_DIR: gazetteer, lemmas). Also checks the model's report: articles and
candidates counted, and a threshold inside (0, 1)."""
import filecmp
import os
import re
import subprocess
import sys
import tempfile


def main():
    trainer, resources, inputs = sys.argv[1], sys.argv[2], sys.argv[3:]
    if not inputs:
        sys.exit("FAIL: no training articles given")
    with tempfile.TemporaryDirectory(prefix="annals_retrain_") as out:
        run = subprocess.run([trainer, "--data", resources, "--out", out, *inputs], capture_output=True, text=True)
        if run.returncode != 0:
            sys.exit(f"FAIL: the trainer exited {run.returncode}: {run.stderr}")
        for name in ("event_model.bin", "event_calibration.tsv"):
            ours, built = os.path.join(out, name), os.path.join(resources, name)
            if not filecmp.cmp(ours, built, shallow=False):
                sys.exit(f"FAIL: retraining gives another {name} ({os.path.getsize(ours)} bytes against "
                         f"{os.path.getsize(built)} in the build)")
        report = open(os.path.join(out, "event_model_report.txt"), encoding="utf-8").read()
        m = re.search(r"articles (\d+), gold events (\d+), candidates (\d+)", report)
        if not m or int(m.group(1)) < 100 or int(m.group(3)) < 1000:
            sys.exit(f"FAIL: the report counts too few articles or candidates: {report[:200]}")
        t = re.search(r"threshold (\d\.\d+)", report)
        if not t or not 0 < float(t.group(1)) < 1:
            sys.exit(f"FAIL: no threshold inside (0, 1) in the report: {report[:400]}")
        print(f"retrain: same model bytes from {m.group(1)} articles, {m.group(3)} candidates")


if __name__ == "__main__":
    main()
