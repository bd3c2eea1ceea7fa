"""python/examples/dask_code.py with 2 workers on dev data equals the command's output."""
import json
import os
import subprocess
import sys

import pytest

from conftest import ROOT

SHARED = os.environ.get("ANNALS_SHARED_DIR", os.path.join(ROOT, "..", "shared"))
# Two dev files, 657 articles: enough for several partitions per worker, quick to code.
DEV_FILES = ["acled_africa_2016.jsonl", "plover_gsr.jsonl"]


def test_dask_example_equals_the_command(cli, tmp_path):
    dev = os.path.join(SHARED, "dev")
    if not all(os.path.exists(os.path.join(dev, name)) for name in DEV_FILES):
        pytest.skip(f"no dev data in {dev}")
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in DEV_FILES:
        os.symlink(os.path.join(dev, name), inputs / name)
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, os.path.join(ROOT, "python", "examples", "dask_code.py"), str(inputs),
                           str(out), "--workers", "2", "--blocksize", "64KB"],
                          capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert summary["workers"] == 2
    assert summary["pipelines_loaded"] == [1, 1]  # one Pipeline per worker, whatever the partitions
    assert summary["partitions"] >= 4
    assert summary["lines"] == summary["records"] == 657

    parts = sorted(out.glob("part-*.jsonl"))
    assert len(parts) == summary["partitions"]
    dask_output = "".join(p.read_text(encoding="utf-8") for p in parts)
    lines, _ = cli(*(str(inputs / name) for name in DEV_FILES))
    assert dask_output == "".join(line + "\n" for line in lines)
