"""Shared fixtures: the module from the build tree and the command-line program.

ctest sets PYTHONPATH (the build's python/ folder, where the module is built) and
ANNALS_CLI (the `annals` program of the same build).
"""
import json
import os
import subprocess

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


@pytest.fixture(scope="session")
def annals_module():
    import annals

    return annals


@pytest.fixture(scope="session")
def pipeline(annals_module):
    return annals_module.Pipeline()


@pytest.fixture(scope="session")
def cli():
    """Runs `annals code --format articles` on files; returns (stdout lines, stderr)."""
    program = os.environ.get("ANNALS_CLI", os.path.join(ROOT, "build", "annals"))

    def run(*paths, threads=1):
        done = subprocess.run([program, "code", "--format", "articles", "--threads", str(threads), *paths],
                              capture_output=True, text=True, check=True)
        return done.stdout.splitlines(), done.stderr

    return run


@pytest.fixture(scope="session")
def examples():
    """The project's example articles (examples/examples.jsonl), as dicts."""
    with open(os.path.join(ROOT, "examples", "examples.jsonl"), encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def write_jsonl(path, items):
    with open(path, "w", encoding="utf-8") as f:
        for item in items:
            f.write(json.dumps(item, ensure_ascii=False) + "\n")
    return str(path)
