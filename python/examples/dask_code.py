#!/usr/bin/env python3
"""Code a folder of JSON Lines partitions with annals on a Dask cluster.

    PYTHONPATH=build/python python3 python/examples/dask_code.py INPUT_DIR OUTPUT_DIR \\
        [--workers 2] [--threads-per-worker 1] [--blocksize 16MB] [--scheduler tcp://host:8786]

INPUT_DIR/*.jsonl (in name order) are read as a dask.bag, one partition per file, or per
--blocksize bytes of a file. Each worker loads one annals.Pipeline when it starts (a
WorkerPlugin: once per worker, not per partition or record) and codes the partitions it is
given; OUTPUT_DIR/part-NNNNN.jsonl holds the records of partition NNNNN, byte for byte the
lines `annals code --format articles` writes for those input lines, so the parts in order
are the command's output. Lines the reader refuses are left out, as the command leaves
them out (the command also reports them on stderr).

Without --scheduler a distributed.LocalCluster of --workers processes is started and
closed. A summary (partitions, lines, records, seconds, the Pipelines each worker
loaded) is printed as JSON on stdout.
"""
import argparse
import glob
import json
import logging
import os
import sys
import time

import dask
import dask.bag as db
from distributed import Client, LocalCluster, WorkerPlugin, get_worker


class AnnalsPlugin(WorkerPlugin):
    """Loads one annals.Pipeline in each worker, when the worker starts."""

    name = "annals"

    def __init__(self, data_dir=None, threads=1):
        self.data_dir = data_dir
        self.threads = threads
        self.pipeline = None

    def setup(self, worker):
        import annals  # imported in the worker process

        self.pipeline = annals.Pipeline(self.data_dir)


def code_partition(lines, path):
    """Codes one partition's lines with the worker's Pipeline; writes them to `path`."""
    plugin = get_worker().plugins[AnnalsPlugin.name]
    records = plugin.pipeline.code_jsonl(lines, threads=plugin.threads, errors="skip")
    with open(path, "w", encoding="utf-8") as out:
        for record in records:
            out.write(record)
            out.write("\n")
    return len(lines), len(records)


def pipelines_loaded():
    """How many Pipelines this worker process has loaded."""
    import annals

    return annals._pipelines_loaded()


def run(client, input_dir, output_dir, blocksize=None, data_dir=None, threads=1):
    """Codes INPUT_DIR/*.jsonl into OUTPUT_DIR/part-*.jsonl on `client`'s cluster."""
    paths = sorted(glob.glob(os.path.join(input_dir, "*.jsonl")))
    if not paths:
        raise SystemExit(f"dask_code: no .jsonl files in {input_dir}")
    os.makedirs(output_dir, exist_ok=True)
    for old in glob.glob(os.path.join(output_dir, "part-*.jsonl")):
        os.remove(old)
    client.register_worker_plugin(AnnalsPlugin(data_dir, threads))
    start = time.monotonic()
    # Bytes that are not UTF-8 reach the reader, which reports the line (and skips it).
    bag = db.read_text(paths, blocksize=blocksize, errors="surrogateescape")
    parts = bag.to_delayed()
    tasks = [dask.delayed(code_partition)(part, os.path.join(output_dir, f"part-{i:05d}.jsonl"))
             for i, part in enumerate(parts)]
    counts = dask.compute(*tasks)
    return {
        "inputs": len(paths),
        "partitions": len(parts),
        "lines": sum(c[0] for c in counts),
        "records": sum(c[1] for c in counts),
        "seconds": round(time.monotonic() - start, 3),
        "workers": len(client.scheduler_info()["workers"]),
        "pipelines_loaded": sorted(client.run(pipelines_loaded).values()),
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input_dir")
    parser.add_argument("output_dir")
    parser.add_argument("--workers", type=int, default=2, help="worker processes of the local cluster")
    parser.add_argument("--threads-per-worker", type=int, default=1,
                        help="threads per worker, and annals coding threads per partition")
    parser.add_argument("--blocksize", default=None, help="split files into partitions of this size (e.g. 16MB)")
    parser.add_argument("--data", default=None, help="folder of compiled resources (default: the build's)")
    parser.add_argument("--scheduler", default=None, help="address of a running scheduler (default: a local cluster)")
    args = parser.parse_args(argv)

    if args.scheduler:
        with Client(args.scheduler) as client:
            summary = run(client, args.input_dir, args.output_dir, args.blocksize, args.data,
                          args.threads_per_worker)
    else:
        with LocalCluster(n_workers=args.workers, threads_per_worker=args.threads_per_worker, processes=True,
                          dashboard_address=None, silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
            summary = run(client, args.input_dir, args.output_dir, args.blocksize, args.data,
                          args.threads_per_worker)
    json.dump(summary, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
