#!/usr/bin/env python3
"""Throughput of annals through the command, the Python module and Dask, on one JSON Lines file.

    PYTHONPATH=build/python python3 python/examples/throughput.py ../shared/bench/bbc2225.jsonl \\
        [--annals build/annals] [--repeat 3] [--workers 2]

For each way, the best of --repeat runs (wall clock; the machine may be shared):
  cli        `annals code FILE --threads N --quiet > /dev/null`
  jsonl      Pipeline.code_jsonl(lines, threads=N): JSON lines in, record lines out
  dicts      Pipeline.code_many(dicts, threads=N): dicts in, record dicts out (json.loads)
  dask       dask_code.run on a LocalCluster of --workers processes x 1 thread, the file cut
             into 1 MB partitions, records written as part files (cluster start-up apart,
             then with it)
MB/s counts the input file's bytes; "vs cli" divides by the command's rate at the same
number of threads (Dask: at --workers threads). "cpu s" is the processor time the way
used (user + system: the command's process, this process's threads, the Dask workers),
which a busy shared machine disturbs less than the wall clock.
"""
import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def cpu_seconds(who=resource.RUSAGE_SELF):
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def best(repeat, fn, who=resource.RUSAGE_SELF):
    """(wall seconds, cpu seconds) of the fastest of `repeat` runs."""
    runs = []
    for _ in range(repeat):
        cpu = cpu_seconds(who)
        start = time.monotonic()
        fn()
        runs.append((time.monotonic() - start, cpu_seconds(who) - cpu))
    return min(runs)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("file")
    parser.add_argument("--annals", default=os.path.join(HERE, "..", "..", "build", "annals"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    import annals

    size_mb = os.path.getsize(args.file) / 1e6
    with open(args.file, encoding="utf-8") as f:
        lines = f.readlines()
    dicts = [json.loads(line) for line in lines if line.strip()]
    pipeline = annals.Pipeline()
    rows = []

    def row(way, threads, timing, cli_timing):
        seconds, cpu = timing
        rows.append((way, threads, seconds, cpu, size_mb / seconds, cli_timing[0] / seconds if cli_timing else 1.0))

    cli = {}
    for threads in (1, args.workers):
        def run_cli():
            subprocess.run([args.annals, "code", args.file, "--threads", str(threads), "--quiet"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        cli[threads] = best(args.repeat, run_cli, resource.RUSAGE_CHILDREN)
        row("cli", threads, cli[threads], None)
    for threads in (1, args.workers):
        row("jsonl", threads, best(args.repeat, lambda: pipeline.code_jsonl(lines, threads=threads)), cli[threads])
    for threads in (1, args.workers):
        row("dicts", threads, best(args.repeat, lambda: pipeline.code_many(dicts, threads=threads)), cli[threads])

    # Dask: the file as 1 MB partitions over --workers single-threaded workers.
    sys.path.insert(0, HERE)
    import logging

    import dask_code
    from distributed import Client, LocalCluster

    tmp = tempfile.mkdtemp()
    try:
        os.mkdir(os.path.join(tmp, "in"))
        os.symlink(os.path.abspath(args.file), os.path.join(tmp, "in", "input.jsonl"))
        start = time.monotonic()
        with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None,
                          silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
            started = time.monotonic() - start
            runs = []
            for _ in range(args.repeat):
                cpu = sum(client.run(cpu_seconds).values())
                summary = dask_code.run(client, os.path.join(tmp, "in"), os.path.join(tmp, "out"), blocksize="1MB")
                runs.append((summary["seconds"], sum(client.run(cpu_seconds).values()) - cpu))
        timing = min(runs)
        row("dask", args.workers, timing, cli[args.workers])
        row("dask+start", args.workers, (timing[0] + started, timing[1]), cli[args.workers])
    finally:
        shutil.rmtree(tmp)

    print(f"{args.file}: {size_mb:.2f} MB, {len(dicts)} articles; best of {args.repeat}")
    print(f"{'way':<11} {'threads':>7} {'seconds':>8} {'cpu s':>7} {'MB/s':>7} {'vs cli':>7}")
    for way, threads, seconds, cpu, rate, ratio in rows:
        print(f"{way:<11} {threads:>7} {seconds:>8.3f} {cpu:>7.2f} {rate:>7.2f} {ratio:>7.2f}")


if __name__ == "__main__":
    main()
