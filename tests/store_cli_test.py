#!/usr/bin/env python3
"""End-to-end: `annals ingest`, `query`, `export` and `stats` over the examples.

Usage: store_cli_test.py ANNALS

- ingest stores every article and every coded event (mention) of `annals code`;
- a second ingest of the same file adds no row (counts and largest row ids unchanged);
- an article whose text changed replaces its old events, others stay;
- query filters agree with the same filters applied in Python to the full export;
- export: CSV has the documented columns and one row per event, GeoJSON is an RFC 7946
  FeatureCollection of the located events, JSONL one object per event with its reports;
- stats agree with the tables; errors exit 2 with a message; integrity_check is ok."""
import csv
import io
import json
import math
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile

TABLES = ["articles", "mentions", "actors", "places", "events", "event_kinds", "events_rtree", "articles_fts",
          "evidence_fts"]
CSV_COLUMNS = ("event_id,date,date_precision,type,mode,cameo,acled_event_type,acled_sub_event_type,status,"
               "location_name,location_mention,country,admin1,admin2,lat,lon,location_precision,geonameid,"
               "source_codes,source_texts,target_codes,target_texts,killed,injured,hospitalized,arrested,"
               "displaced,participants,confidence,mentions,sources,first_report,last_report,article_ids,"
               "mention_ids,evidence").split(",")

fails = []


def check(cond, what):
    if not cond:
        fails.append(what)
    return cond


def run(annals, *args, input=None):
    return subprocess.run([annals, *args], capture_output=True, text=True, input=input, timeout=600)


def counts(db):
    con = sqlite3.connect(db)
    out = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    out["max_mention"] = con.execute("SELECT max(mention_pk) FROM mentions").fetchone()[0]
    out["max_event"] = con.execute("SELECT max(event_pk) FROM events").fetchone()[0]
    con.close()
    return out


def km(lat1, lon1, lat2, lon2):
    r = math.radians
    h = math.sin(r(lat2 - lat1) / 2) ** 2 + math.cos(r(lat1)) * math.cos(r(lat2)) * math.sin(r(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1, math.sqrt(h)))


def validate_geojson(doc, events):
    """RFC 7946: a FeatureCollection; Features with a Point geometry [lon, lat] in range,
    a properties object, a string or number id; no crs member."""
    check(doc.get("type") == "FeatureCollection", "GeoJSON: type FeatureCollection")
    check("crs" not in doc, "GeoJSON: no crs member (RFC 7946 section 4)")
    feats = doc.get("features")
    if not check(isinstance(feats, list), "GeoJSON: features is an array"):
        return
    located = {e["event_id"] for e in events if e["location"] and e["location"]["lat"] is not None}
    check({f.get("id") for f in feats} == located, f"GeoJSON: one feature per located event ({len(feats)} vs {len(located)})")
    for f in feats:
        g = f.get("geometry") or {}
        c = g.get("coordinates")
        ok = (f.get("type") == "Feature" and isinstance(f.get("properties"), dict) and isinstance(f.get("id"), (str, int))
              and g.get("type") == "Point" and isinstance(c, list) and len(c) == 2
              and all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in c)
              and -180 <= c[0] <= 180 and -90 <= c[1] <= 90)
        if not check(ok, f"GeoJSON: bad feature {json.dumps(f)[:200]}"):
            return


def main():
    annals = sys.argv[1]
    tmp = tempfile.mkdtemp(prefix="annals_store_cli_")
    db = os.path.join(tmp, "t.db")
    src = "examples/examples.jsonl"
    articles = [json.loads(l) for l in open(src, encoding="utf-8")]

    # Step 1: ingest, and agree with `annals code`.
    r = run(annals, "ingest", "--db", db, src)
    check(r.returncode == 0, f"ingest exit {r.returncode}: {r.stderr}")
    coded = [json.loads(l) for l in run(annals, "code", "-q", "--format", "events", src).stdout.splitlines()]
    c1 = counts(db)
    check(c1["articles"] == len(articles), f"articles {c1['articles']} != {len(articles)}")
    check(c1["mentions"] == len(coded), f"mentions {c1['mentions']} != coded events {len(coded)}")
    check(0 < c1["events"] <= c1["mentions"], f"events {c1['events']}")
    con = sqlite3.connect(db)
    stored_ids = sorted(x[0] for x in con.execute("SELECT event_id FROM mentions"))
    check(stored_ids == sorted(e["id"] for e in coded), "stored mention ids are the coded event ids")
    check(con.execute("PRAGMA user_version").fetchone()[0] == 3, "schema version 3")
    check(con.execute("PRAGMA journal_mode").fetchone()[0] == "wal", "WAL journal")
    con.close()

    # Step 2: the same file again adds nothing.
    r = run(annals, "ingest", "--db", db, src)
    check(r.returncode == 0 and "new 0, replaced 0, unchanged 12" in r.stderr, f"second ingest: {r.stderr}")
    check(counts(db) == c1, f"second ingest changed rows: {counts(db)} vs {c1}")

    # Step 3: one article's text changes: its events are replaced, the rest stay.
    changed = [dict(a) for a in articles]
    changed[0]["text"] = ("Police arrested 40 protesters in Mombasa on Monday after a march by dock workers "
                          "turned violent, a police spokesman said.")
    path = os.path.join(tmp, "changed.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for a in changed:
            f.write(json.dumps(a) + "\n")
    r = run(annals, "ingest", "--db", db, path)
    check(r.returncode == 0 and "new 0, replaced 1, unchanged 11" in r.stderr, f"changed ingest: {r.stderr}")
    one = [json.loads(l) for l in run(annals, "code", "-q", "--format", "events", "-", input=json.dumps(changed[0]) + "\n").stdout.splitlines()]
    con = sqlite3.connect(db)
    aid = changed[0]["id"]
    got = sorted(x[0] for x in con.execute(
        "SELECT m.event_id FROM mentions m JOIN articles a ON a.article_pk = m.article_pk WHERE a.id = ?", (aid,)))
    check(got == sorted(e["id"] for e in one), f"replaced article's mentions {got} vs {[e['id'] for e in one]}")
    others = con.execute("SELECT count(*) FROM mentions m JOIN articles a ON a.article_pk = m.article_pk "
                         "WHERE a.id != ?", (aid,)).fetchone()[0]
    check(others == len([e for e in coded if e["article_id"] != aid]), "the other articles' mentions stay")
    check(con.execute("PRAGMA integrity_check").fetchone()[0] == "ok", "integrity_check")
    check(con.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'Mombasa'").fetchone()[0] == 1,
          "full-text index follows the new text")
    orphans = con.execute("SELECT count(*) FROM events e WHERE NOT EXISTS "
                          "(SELECT 1 FROM mentions m WHERE m.event_pk = e.event_pk)").fetchone()[0]
    check(orphans == 0, f"{orphans} events without mentions")
    con.close()
    # Back to the original: the store is as after step 1 (row ids aside).
    run(annals, "ingest", "--db", db, src)
    c4 = counts(db)
    check({k: v for k, v in c4.items() if not k.startswith("max")} == {k: v for k, v in c1.items() if not k.startswith("max")},
          f"restored article: {c4} vs {c1}")

    # Step 3b: one id twice in one input, with different texts: the first is kept and the
    # second reported, so that ingesting the same file again changes nothing (no flip
    # between the two texts).
    twice = os.path.join(tmp, "twice.jsonl")
    with open(twice, "w", encoding="utf-8") as f:
        f.write(json.dumps({"id": "dup-1", "date": "2024-03-04",
                            "text": "Taxi drivers blocked the ring road in Lyon on Monday over fuel prices."}) + "\n")
        f.write(json.dumps({"id": "dup-1", "date": "2024-03-04",
                            "text": "Soldiers shelled a village near Goma on Sunday, killing four people."}) + "\n")
    tdb = os.path.join(tmp, "twice.db")
    r = run(annals, "ingest", "--db", tdb, twice)
    check(r.returncode == 0 and "new 1, replaced 0, unchanged 0, skipped 1 (duplicate_id 1)" in r.stderr,
          f"ingest of a repeated id: {r.stderr}")
    check(f"{twice}:2: id 'dup-1' was read before in this run; the first is kept" in r.stderr,
          f"the repeated id is reported with its line: {r.stderr}")
    first = counts(tdb)
    con = sqlite3.connect(tdb)
    check("Lyon" in con.execute("SELECT text FROM articles WHERE id = 'dup-1'").fetchone()[0], "the first text is kept")
    con.close()
    r = run(annals, "ingest", "--db", tdb, twice)
    check("new 0, replaced 0, unchanged 1, skipped 1 (duplicate_id 1)" in r.stderr, f"re-ingest: {r.stderr}")
    check(counts(tdb) == first, f"re-ingest of a repeated id changed rows: {counts(tdb)} vs {first}")
    check(run(annals, "ingest", "--strict", "--db", tdb, twice).returncode != 0, "--strict: a repeated id fails")

    # Step 4: export everything, then check the filters against it.
    r = run(annals, "export", "--db", db, "--format", "jsonl")
    check(r.returncode == 0, f"export jsonl: {r.stderr}")
    events = [json.loads(l) for l in r.stdout.splitlines()]
    check(len(events) == c4["events"], f"export jsonl: {len(events)} events, store has {c4['events']}")
    check(all(len(e["reports"]) == e["mentions"] >= 1 for e in events), "each event lists its reports")
    check(sum(e["mentions"] for e in events) == c4["mentions"], "every mention in exactly one event")

    def keys(*args):
        r = run(annals, "query", "--db", db, "--format", "jsonl", *args)
        check(r.returncode == 0, f"query {args}: {r.stderr}")
        return sorted(json.loads(l)["event_id"] for l in r.stdout.splitlines())

    def want(pred):
        return sorted(e["event_id"] for e in events if pred(e))

    loc = lambda e: e["location"] or {}
    check(keys() == want(lambda e: True), "query without filters")
    check(keys("--type", "protest") == want(lambda e: e["type"] == "PROTEST"), "--type")
    check(keys("--type", "PROTEST,ASSAULT") == want(lambda e: e["type"] in ("PROTEST", "ASSAULT")), "--type list")
    check(keys("--country", "KE") == want(lambda e: loc(e).get("country") == "KE"), "--country")
    check(keys("--since", "2023-01-01", "--until", "2023-12-31") ==
          want(lambda e: e["date"] and "2023-01-01" <= e["date"] <= "2023-12-31"), "--since/--until")
    check(keys("--cameo", "14") == want(lambda e: e["cameo"].startswith("14")), "--cameo")
    check(keys("--acled-type", "Riots") == want(lambda e: (e["acled"] or {}).get("event_type") == "Riots"), "--acled-type")
    check(keys("--near", "-1.2833,36.8167,50") ==
          want(lambda e: loc(e).get("lat") is not None and km(-1.2833, 36.8167, loc(e)["lat"], loc(e)["lon"]) <= 50),
          "--near")
    check(keys("--bbox", "30,-20,60,40") ==
          want(lambda e: loc(e).get("lat") is not None and 30 <= loc(e)["lat"] <= 60 and -20 <= loc(e)["lon"] <= 40),
          "--bbox")
    check(keys("--min-mentions", "2") == want(lambda e: e["mentions"] >= 2), "--min-mentions")
    full = {a["id"]: (a.get("title") or "") + " " + a["text"] for a in articles}
    word = re.compile(r"\bteachers\b", re.I)
    check(keys("--text", "teachers") ==
          want(lambda e: any(word.search(full[r["article_id"]]) or word.search(r["sentences"]) for r in e["reports"])),
          "--text")
    police = keys("--actor-kind", "police")
    check(police and set(police) <= set(want(lambda e: True)), "--actor-kind")
    check(set(want(lambda e: any(a["kind"] == "police" for a in e["source"] + e["target"]))) <= set(police),
          "--actor-kind covers the events whose seed has police")
    count = run(annals, "query", "--db", db, "--type", "PROTEST", "--count")
    check(count.stdout.strip() == str(len(want(lambda e: e["type"] == "PROTEST"))), f"--count: {count.stdout}")
    plan = run(annals, "query", "--db", db, "--type", "PROTEST", "--since", "2020-01-01", "--explain")
    check("USING INDEX events_by_type (type=? AND day>?)" in plan.stdout, f"--explain: {plan.stdout}")
    limited = keys("--limit", "3")
    check(len(limited) == min(3, len(events)), "--limit")
    table = run(annals, "query", "--db", db, "--format", "table", "--limit", "5")
    lines = table.stdout.splitlines()
    check(lines and lines[0].startswith("EVENT ") and lines[0].endswith("EVIDENCE") and len(lines) == 2 + 5,
          f"table: {lines[:2]}")

    # Step 5: CSV and GeoJSON exports.
    r = run(annals, "export", "--db", db, "--format", "csv")
    rows = list(csv.reader(io.StringIO(r.stdout, newline="")))
    check(rows and rows[0] == CSV_COLUMNS, f"CSV header {rows[:1]}")
    check(len(rows) - 1 == len(events), f"CSV rows {len(rows) - 1} vs {len(events)}")
    check(all(len(row) == len(CSV_COLUMNS) for row in rows), "CSV rows have every column")
    by_key = {e["event_id"]: e for e in events}
    for row in rows[1:]:
        e = by_key.get(row[0])
        if not check(e is not None, f"CSV event {row[0]} not in the JSONL export"):
            break
        check(row[3] == e["type"] and int(row[29]) == e["mentions"] and
              row[33].split(";") == [x["article_id"] for x in e["reports"]], f"CSV row of {row[0]}")
    out = os.path.join(tmp, "events.geojson")
    r = run(annals, "export", "--db", db, "--format", "geojson", "-o", out)
    check(r.returncode == 0 and r.stdout == "", f"export -o: {r.stderr}")
    validate_geojson(json.load(open(out, encoding="utf-8")), events)
    r = run(annals, "export", "--db", db, "--format", "geojson", "--type", "PROTEST")
    validate_geojson(json.loads(r.stdout), [e for e in events if e["type"] == "PROTEST"])

    # Step 6: stats.
    r = run(annals, "stats", "--db", db, "--format", "json")
    s = json.loads(r.stdout)
    check(s["articles"] == c4["articles"] and s["mentions"] == c4["mentions"] and s["events"] == c4["events"]
          and s["pending_dedup"] == 0, f"stats totals {s}")
    check(sum(s["by_type"].values()) == s["events"] and sum(s["by_country"].values()) == s["events"]
          and sum(s["by_day"].values()) == s["events"], "stats groups add up")
    types = {}
    for e in events:
        types[e["type"]] = types.get(e["type"], 0) + 1
    check(s["by_type"] == types, f"stats by type {s['by_type']} vs {types}")
    text = run(annals, "stats", "--db", db)
    check(text.returncode == 0 and "events by type:" in text.stdout, "stats text")

    # Step 7: errors are messages and exit 2.
    for args, words in ((["query", "--db", os.path.join(tmp, "none.db")], "no database"),
                        (["query", "--db", db, "--near", "1,2"], "--near"),
                        (["query", "--db", db, "--type", "RIOT"], "RIOT"),
                        (["query", "--db", db, "--text", "\"open"], "FTS5"),
                        (["query", "--db", db, "--since", "2023-02-30"], "2023-02-30")):
        r = run(annals, *args)
        check(r.returncode == 2 and words in r.stderr, f"{args}: exit {r.returncode}, {r.stderr.strip()}")

    shutil.rmtree(tmp, ignore_errors=True)
    for f in fails:
        print("FAIL:", f)
    if not fails:
        print(f"store cli: {c4['articles']} articles, {c4['mentions']} mentions, {c4['events']} events; all checks pass")
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
