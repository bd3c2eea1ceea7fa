#!/usr/bin/env python3
"""Scores the store's cross-article deduplication on a corpus with known events.

Usage: dedup_eval.py ANNALS [--corpus tests/dedup/corpus.jsonl] [--expected tests/dedup/expected.tsv]
                     [--min-precision P] [--min-recall R] [--keep DIR] [ingest options...]

Ingests the corpus into a fresh store twice, in file order and in reverse order (the
events must come out the same), then finds each article's report of each expected
event (its coded event of the first listed type it has, the most confident one) and
scores the clustering of those reports pairwise:
  precision = pairs put in one event that are one real event / pairs put in one event
  recall    = pairs that are one real event put in one event / pairs that are one event
An expected report that the coder did not produce counts against recall. Exits 1 when
precision or recall is below the given minimum, or the two orders disagree."""
import argparse
import itertools
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile


def ingest(annals, articles, db, extra):
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        for a in articles:
            f.write(json.dumps(a) + "\n")
        path = f.name
    try:
        r = subprocess.run([annals, "ingest", "-q", "--db", db, *extra, path], capture_output=True, text=True)
        if r.returncode != 0:
            sys.exit(f"FAIL: annals ingest exited {r.returncode}: {r.stderr}")
    finally:
        os.unlink(path)
    con = sqlite3.connect(db)
    rows = con.execute(
        "SELECT a.id, m.event_id, m.type, m.confidence, e.key FROM mentions m "
        "JOIN articles a ON a.article_pk = m.article_pk JOIN events e ON e.event_pk = m.event_pk "
        "ORDER BY m.mention_pk").fetchall()
    con.close()
    return rows


def main():
    p = argparse.ArgumentParser()
    p.add_argument("annals")
    p.add_argument("--corpus", default="tests/dedup/corpus.jsonl")
    p.add_argument("--expected", default="tests/dedup/expected.tsv")
    p.add_argument("--min-precision", type=float, default=0.0)
    p.add_argument("--min-recall", type=float, default=0.0)
    p.add_argument("--keep", help="keep the databases in this folder")
    args, extra = p.parse_known_args()

    articles = [json.loads(l) for l in open(args.corpus, encoding="utf-8")]
    expected = []
    for line in open(args.expected, encoding="utf-8"):
        if line.startswith("#") or line.startswith("event\t") or not line.strip():
            continue
        label, types, arts = line.rstrip("\n").split("\t")
        expected.append((label, types.split(","), arts.split(",")))

    folder = args.keep or tempfile.mkdtemp(prefix="annals_dedup_")
    os.makedirs(folder, exist_ok=True)
    runs = []
    for name, order in (("forward", articles), ("reverse", list(reversed(articles)))):
        db = os.path.join(folder, f"dedup_{name}.db")
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(db + suffix):
                os.unlink(db + suffix)
        runs.append(ingest(args.annals, order, db, extra))
    fails = []
    forward = {event_id: key for _, event_id, _, _, key in runs[0]}
    reverse = {event_id: key for _, event_id, _, _, key in runs[1]}
    if forward != reverse:
        diff = sorted(k for k in forward if forward.get(k) != reverse.get(k))
        fails.append(f"the two ingest orders give different events for {len(diff)} mentions, e.g. {diff[:3]}")

    # Each article's report of each expected event.
    by_article = {}
    for art, event_id, type_, conf, key in runs[0]:
        by_article.setdefault(art, []).append((event_id, type_, conf, key))
    reports = []  # (label, article, key or None)
    for label, types, arts in expected:
        for art in arts:
            found = None
            for t in types:
                cands = [m for m in by_article.get(art, []) if m[1] == t]
                if cands:
                    found = max(cands, key=lambda m: m[2])
                    break
            reports.append((label, art, found[3] if found else None, found[0] if found else None))
    missing = [(l, a) for l, a, k, _ in reports if k is None]

    tp = fp = fn = 0
    for (l1, a1, k1, _), (l2, a2, k2, _) in itertools.combinations(reports, 2):
        same_pred = k1 is not None and k1 == k2
        same_gold = l1 == l2
        tp += same_pred and same_gold
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    events = len(expected)
    exact = 0
    for label, types, arts in expected:
        keys = {k for l, a, k, _ in reports if l == label}
        others = {k for l, a, k, _ in reports if l != label}
        exact += len(keys) == 1 and None not in keys and not (keys & others)
    print(f"dedup: {len(articles)} articles, {events} real events, {len(reports)} expected reports "
          f"({len(missing)} not coded{': ' + ', '.join(f'{a} ({l})' for l, a in missing) if missing else ''})")
    print(f"dedup: pairs same/same {tp}, merged wrongly {fp}, missed {fn}: precision {precision:.3f}, "
          f"recall {recall:.3f}; events recovered exactly {exact}/{events}; orders agree: {forward == reverse}")
    for label, types, arts in expected:
        got = [(a, k) for l, a, k, _ in reports if l == label]
        print(f"  {label:4} {types[0]:10} " + "  ".join(f"{a}->{k or '(none)'}" for a, k in got))
    if precision < args.min_precision:
        fails.append(f"precision {precision:.3f} < {args.min_precision}")
    if recall < args.min_recall:
        fails.append(f"recall {recall:.3f} < {args.min_recall}")
    for f in fails:
        print("FAIL:", f)
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
