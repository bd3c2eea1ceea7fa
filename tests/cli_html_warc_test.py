#!/usr/bin/env python3
"""End-to-end: web pages and WARC crawls through `annals code`. Usage: cli_html_warc_test.py ANNALS

Fixtures are written here from the project's examples (examples/*.txt), each article
wrapped in a news page with menus, a cookie banner, sharing links, scripts, related
stories and a footer. The expected records come from the command itself, coding the
example as JSON Lines (its title, date and paragraphs): a page must give exactly that
record, events and spans included.

1. examples as .html files: one record each, equal to the expected (ids: file names).
2. the pages in a JSON Lines `html` field: the same records.
3. the pages as HTML responses of a WARC file, plain, gzip per record and gzip as one
   member, among request, metadata, image, redirect and warcinfo records: the same
   records with the URL as id.
4. a damaged crawl: a truncated gzip member, a record whose Content-Length lies (too
   long, swallowing its neighbour), a 50 MB HTML page, a corrupt member: each costs its own
   record only, is reported as "file:offset: reason", and the run goes on (exit 0; 1 with
   --strict).
"""
import gzip
import html
import json
import os
import random
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FAILURES = []


def check(condition, what):
    if not condition:
        FAILURES.append(what)
        print(f"FAIL: {what}")


def examples():
    """(id, title, date, paragraphs) of examples/*.txt ("date YYYY-MM-DD headline" first)."""
    out = []
    folder = os.path.join(ROOT, "examples")
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".txt"):
            continue
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            first, *rest = f.read().split("\n")
        _, date, title = first.split(" ", 2)
        out.append((name[:-4], title, date, [line for line in rest if line.strip()]))
    return out


def page(title, date, paragraphs):
    e = html.escape
    body = "\n".join(f"    <p>{e(p)}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{e(title)} | The Example Post</title>
  <meta property="og:title" content="{e(title)}">
  <meta property="article:published_time" content="{date}T05:10:00+00:00">
  <script>window.dataLayer = [{{"page": "<p>story</p>"}}]; if (1 < 2) {{ var x = "<div>"; }}</script>
  <style>.story p {{ margin: 0 }}</style>
</head>
<body>
  <div id="cookie-consent"><p>We use cookies to give you the best experience on our website and to show
  relevant advertising. Continue if you agree.</p><button>OK</button></div>
  <header><a href="/">The Example Post</a>
    <nav><ul><li><a href="/news">News</a></li><li><a href="/world">World</a></li><li><a href="/opinion">Opinion</a></li></ul></nav>
  </header>
  <main>
  <article>
    <h1>{e(title)}</h1>
    <div class="social-share"><a href="#">Share</a> <a href="#">Tweet</a></div>
    <div class="story">
{body}
    </div>
    <ul class="related-links"><li><a href="/a">Another report from the same region that readers also viewed</a></li></ul>
  </article>
  <aside><h2>Most read</h2><p>A story from elsewhere on the site, written as prose so that only its place drops it.</p></aside>
  </main>
  <footer><p>The Example Post. All rights reserved. Terms and privacy policy apply.</p></footer>
  <script>track("article");</script>
</body>
</html>
"""


def run(annals, *args):
    p = subprocess.run([annals, "code", "--threads", "2", *args], capture_output=True, text=True, timeout=300)
    return p.returncode, p.stdout.splitlines(), p.stderr


def warc_record(kind, uri, block, content_type="application/http; msgtype=response", length=None):
    head = (f"WARC/1.1\r\nWARC-Type: {kind}\r\n" + (f"WARC-Target-URI: {uri}\r\n" if uri else "") +
            "WARC-Date: 2024-02-03T04:05:06Z\r\n"
            f"WARC-Record-ID: <urn:uuid:{random.Random(len(block)).getrandbits(128):032x}>\r\n"
            f"Content-Type: {content_type}\r\nContent-Length: {len(block) if length is None else length}\r\n\r\n")
    return head.encode() + block + b"\r\n\r\n"


def http(body, content_type="text/html; charset=utf-8", status="200 OK"):
    return f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body


def url(article_id):
    return f"https://www.example-post.org/news/{article_id}"


def crawl_records(articles):
    """WARC records of the pages, with the other records a crawl holds; the indexes of the pages."""
    records = [warc_record("warcinfo", None, b"software: annals tests\r\nformat: WARC File Format 1.1\r\n",
                           "application/warc-fields")]
    pages = []
    for k, (article_id, title, date, paragraphs) in enumerate(articles):
        records.append(warc_record("request", url(article_id), f"GET /news/{article_id} HTTP/1.1\r\n\r\n".encode(),
                                   "application/http; msgtype=request"))
        pages.append(len(records))
        records.append(warc_record("response", url(article_id), http(page(title, date, paragraphs).encode())))
        if k % 4 == 1:
            records.append(warc_record("response", url(article_id) + ".jpg", http(b"\xff\xd8\xff\xe0", "image/jpeg")))
            records.append(warc_record("response", url(article_id) + "/amp", http(b"", "text/html", "301 Moved")))
            records.append(warc_record("metadata", url(article_id), b"fetchTimeMs: 88\r\n", "application/warc-fields"))
    return records, pages


def main():
    annals = sys.argv[1]
    articles = examples()
    check(len(articles) == 12, f"12 examples (found {len(articles)})")
    with tempfile.TemporaryDirectory() as tmp:
        # The expected records: the command on the examples as JSON Lines.
        expected_path = os.path.join(tmp, "expected.jsonl")
        with open(expected_path, "w", encoding="utf-8") as f:
            for article_id, title, date, paragraphs in articles:
                f.write(json.dumps({"id": article_id, "title": title, "date": date,
                                    "text": "\n\n".join(paragraphs)}) + "\n")
        rc, expected, _ = run(annals, expected_path)
        expected = [json.loads(line) for line in expected]
        check(rc == 0 and len(expected) == 12, "the examples as JSON Lines are coded")
        check(sum(len(r["events"]) for r in expected) > 0, "the examples give events")

        def with_id(record, new_id):
            """The record of a WARC response: the URL is its id and its url field."""
            record = json.loads(json.dumps(record))
            record["id"] = new_id
            record["url"] = new_id
            for event in record["events"]:
                event["id"] = new_id + event["id"][len(event["id"].rsplit("-e", 1)[0]):]
            return record

        # 1. HTML files.
        pages_dir = os.path.join(tmp, "pages")
        os.mkdir(pages_dir)
        paths = []
        for article_id, title, date, paragraphs in articles:
            paths.append(os.path.join(pages_dir, article_id + ".html"))
            with open(paths[-1], "w", encoding="utf-8") as f:
                f.write(page(title, date, paragraphs))
        rc, out, err = run(annals, *paths)
        check(rc == 0, f"HTML files: exit 0 ({rc}; {err.strip()})")
        check([json.loads(line) for line in out] == expected, "HTML files: the records of the articles they hold")
        check(err.strip().endswith("annals: read 12, coded 12, skipped 0, events %d" %
                                   sum(len(r["events"]) for r in expected)), f"HTML files: summary ({err.strip()})")

        # 2. The JSON Lines html field.
        jsonl = os.path.join(tmp, "pages.jsonl")
        with open(jsonl, "w", encoding="utf-8") as f:
            for (article_id, title, date, paragraphs) in articles:
                f.write(json.dumps({"id": article_id, "html": page(title, date, paragraphs)}) + "\n")
        rc, out, err = run(annals, jsonl)
        check(rc == 0 and [json.loads(line) for line in out] == expected, "JSON Lines html field: the same records")

        # 3. WARC files.
        records, pages = crawl_records(articles)
        expected_warc = [with_id(r, url(a[0])) for r, a in zip(expected, articles)]
        crawl = {
            "crawl.warc": b"".join(records),
            "crawl.warc.gz": b"".join(gzip.compress(r, mtime=0) for r in records),
            "whole.warc.gz": gzip.compress(b"".join(records), mtime=0),
        }
        for name, data in crawl.items():
            path = os.path.join(tmp, name)
            with open(path, "wb") as f:
                f.write(data)
            rc, out, err = run(annals, path)
            got = [json.loads(line) for line in out]
            check(rc == 0, f"{name}: exit 0 ({rc})")
            check(got == expected_warc, f"{name}: the records of the pages, URLs as ids")
            check(err.strip().endswith("annals: read 12, coded 12, skipped 0, events %d" %
                                       sum(len(r["events"]) for r in expected)), f"{name}: summary ({err.strip()})")

        # 3b. Names that say nothing of the format: --input-format html and warc decide.
        unnamed_page = os.path.join(tmp, articles[0][0] + ".download")
        with open(unnamed_page, "w", encoding="utf-8") as f:
            f.write(page(*articles[0][1:]))
        rc, out, err = run(annals, "--input-format", "html", unnamed_page)
        got = [json.loads(line) for line in out]
        check(rc == 0 and len(got) == 1, f"--input-format html: one record ({rc}; {err.strip()})")
        check(got and got[0]["events"] == expected[0]["events"] and got[0]["title"] == expected[0]["title"],
              "--input-format html: the page's events and title")
        unnamed_crawl = os.path.join(tmp, "crawl.bin")
        with open(unnamed_crawl, "wb") as f:
            f.write(crawl["crawl.warc.gz"])
        rc, out, err = run(annals, "--input-format", "warc", unnamed_crawl)
        check(rc == 0 and [json.loads(line) for line in out] == expected_warc,
              f"--input-format warc: the records of the pages ({rc}; {err.strip()[-200:]})")
        rc, out, err = run(annals, "--input-format", "pdf", unnamed_crawl)
        check(rc != 0 and "input-format" in err, f"--input-format pdf: refused ({rc}; {err.strip()[-200:]})")

        # 4. A damaged crawl, gzip per record.
        members = [gzip.compress(r, mtime=0) for r in records]
        offsets = []
        at = 0
        for m in members:
            offsets.append(at)
            at += len(m)
        lost = {}  # page index -> the reason reported
        truncated = pages[2]
        members[truncated] = members[truncated][:len(members[truncated]) // 2]
        lost[2] = "gzip member is"
        lying = pages[5]
        block = http(page(*articles[5][1:]).encode())
        members[lying] = gzip.compress(warc_record("response", url(articles[5][0]), block, length=len(block) + 900),
                                       mtime=0)
        lost[5] = f"WARC record's Content-Length ({len(block) + 900}) does not end at a record boundary; skipped"
        corrupt = pages[9]
        damaged = bytearray(members[corrupt])
        for k in range(30, len(damaged) - 30, 11):
            damaged[k] ^= 0x3C
        members[corrupt] = bytes(damaged)
        lost[9] = "gzip member is corrupt"
        # A 50 MB page between pages 7 and 8.
        big_paragraph = "<p>" + html.escape(articles[7][3][0]) + "</p>\n"
        big = "<html><body>" + big_paragraph * (50 * 2**20 // len(big_paragraph) + 1) + "</body></html>"
        members.insert(pages[7] + 1, gzip.compress(warc_record("response", url("huge"), http(big.encode())),
                                                   compresslevel=1, mtime=0))
        data = b""
        member_at = []
        for m in members:
            member_at.append(len(data))
            data += m
        path = os.path.join(tmp, "damaged.warc.gz")
        with open(path, "wb") as f:
            f.write(data)
        rc, out, err = run(annals, path)
        kept = [i for i in range(12) if i not in lost]
        got = [json.loads(line) for line in out]
        check(rc == 0, f"damaged crawl: exit 0 ({rc})")
        check(got == [expected_warc[i] for i in kept], "damaged crawl: every undamaged page is coded, in order")
        skipped = [line for line in err.splitlines() if line.startswith("annals: skipped ")]
        check(len(skipped) == 4, f"damaged crawl: 4 reports ({skipped})")

        def where(page_index):  # member offsets after the insertion of the big page
            i = pages[page_index] + (1 if pages[page_index] > pages[7] else 0)
            return f"annals: skipped {path}:{member_at[i]}: "

        if len(skipped) == 4:
            check(skipped[0].startswith(where(2) + lost[2]), f"truncated member reported ({skipped[0]})")
            check(skipped[1] == where(5) + lost[5], f"lying Content-Length reported ({skipped[1]})")
            check(skipped[2].startswith(f"annals: skipped {path}:{member_at[pages[7] + 1]}: {url('huge')}: HTML page "
                                        "holds "), f"50 MB page reported ({skipped[2]})")
            check(skipped[3].startswith(where(9) + lost[9]), f"corrupt member reported ({skipped[3]})")
        check("annals: read 13, coded 9, skipped 4 (invalid_field 1, io 2, too_large 1)" in err,
              f"damaged crawl: summary ({err.splitlines()[-1] if err else ''})")
        rc, _, _ = run(annals, "--strict", path)
        check(rc == 1, f"damaged crawl with --strict: exit 1 ({rc})")

    if FAILURES:
        print(f"{len(FAILURES)} failure(s)")
        return 1
    print("ok: HTML files, JSON Lines html, WARC (plain, gzip per record, one member), a damaged crawl")
    return 0


if __name__ == "__main__":
    sys.exit(main())
