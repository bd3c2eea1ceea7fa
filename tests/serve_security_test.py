#!/usr/bin/env python3
"""annals serve under hostile requests: SQL injection strings in every parameter,
paths that try to leave the web folder, 100 MB bodies, clients that stall or trickle.
Each is refused cleanly (a 4xx answer or a closed connection), the store is unchanged,
and the server keeps answering.

    tests/serve_security_test.py BUILD/annals
"""
import hashlib
import http.client
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ANNALS = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build", "annals"))
READ_TIMEOUT = 2  # seconds (--read-timeout); bodies get twice that in all
MAX_BODY = 1 << 20

failures = []
passed = 0


def check(condition, what):
    global passed
    if condition:
        passed += 1
    else:
        failures.append(what)
        print("FAIL:", what, flush=True)


class Server:
    def __init__(self, db, web):
        self.proc = subprocess.Popen(
            [ANNALS, "serve", "--db", db, "--port", "0", "--web", web, "--read-timeout", str(READ_TIMEOUT),
             "--max-body", str(MAX_BODY), "--query-timeout", "2000"],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        m = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if not m:
            raise SystemExit("annals serve did not start: " + line + self.proc.stderr.read())
        self.port = int(m.group(1))

    def request(self, method, path, body=None, headers=None, timeout=10):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            r = conn.getresponse()
            return r.status, dict(r.getheaders()), r.read()
        finally:
            conn.close()

    def get_json(self, path):
        status, headers, body = self.request("GET", path)
        return status, headers, json.loads(body)

    def rss_mb(self):
        """The server's anonymous resident memory (heap and stacks; the mapped
        gazetteer and store pages the coder and queries touch are left out)."""
        with open("/proc/%d/status" % self.proc.pid) as f:
            for line in f:
                if line.startswith("RssAnon:"):
                    return int(line.split()[1]) / 1024.0
        return 0.0

    def alive(self):
        if self.proc.poll() is not None:
            return False
        status, _, body = self.get_json("/api/health")
        return status == 200 and body["status"] == "ok"

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def raw(port, data, timeout=10, read=True):
    """Sends raw bytes; returns what came back before the server closed (or timeout)."""
    s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    try:
        s.sendall(data)
        out = b""
        while read:
            chunk = s.recv(65536)
            if not chunk:
                break
            out += chunk
            if b"\r\n\r\n" in out and b"Content-Length" in out:
                head, _, rest = out.partition(b"\r\n\r\n")
                n = int(re.search(rb"Content-Length: (\d+)", head).group(1))
                if len(rest) >= n:
                    break
        return out
    finally:
        s.close()


def status_of(response):
    m = re.match(rb"HTTP/1\.[01] (\d+)", response)
    return int(m.group(1)) if m else None


INJECTIONS = [
    "' OR '1'='1",
    "1; DROP TABLE events; --",
    "\" OR 1=1 --",
    "') UNION SELECT key, text FROM articles --",
    "%' AND 1=(SELECT count(*) FROM sqlite_master) --",
    "PROTEST' --",
    "x'); ATTACH DATABASE '/tmp/annals_pwned.db' AS p; --",
    "*",
    "NEAR(a b",
    "\\x00' OR ''='",
]
EVENT_PARAMS = ["type", "mode", "cameo", "acled_type", "acled_sub_type", "country", "admin1", "near", "bbox", "since",
                "until", "actor_kind", "text", "evidence", "min_mentions", "sort", "limit", "offset", "total"]
FREE_TEXT = {"mode", "acled_type", "acled_sub_type", "admin1"}  # any value is a literal to match


def test_injection(srv, db):
    before = hashlib.sha256(open(db, "rb").read()).hexdigest()
    _, _, all_events = srv.get_json("/api/events?limit=1000")
    total = all_events["total"]
    for name in EVENT_PARAMS:
        for value in INJECTIONS:
            q = urllib.parse.urlencode({name: value})
            for endpoint in ("/api/events", "/api/stats"):
                if endpoint == "/api/stats" and name in ("sort", "limit", "offset", "total"):
                    continue
                status, headers, body = srv.request("GET", endpoint + "?" + q)
                ok = status in (200, 400) and headers.get("Content-Type") == "application/json; charset=utf-8"
                check(ok, "%s %s=%r: status %s" % (endpoint, name, value, status))
                data = json.loads(body)
                if status == 400:
                    check(bool(data.get("error")), "%s %s=%r: 400 without a reason" % (endpoint, name, value))
                elif endpoint == "/api/events":
                    # Matched as a literal: a free-text field holds no such value; a full-text
                    # query matches at most every event.
                    if name in FREE_TEXT:
                        check(data["total"] == 0, "%s=%r matched %d events" % (name, value, data["total"]))
                    check(data["total"] <= total, "%s=%r: %d > %d" % (name, value, data["total"], total))
    for value in INJECTIONS:
        q = urllib.parse.urlencode({"country": value})
        status, _, _ = srv.request("GET", "/api/places?" + q)
        check(status == 400, "places country=%r: %s" % (value, status))
        status, _, _ = srv.request("GET", "/api/places?" + urllib.parse.urlencode({"limit": value}))
        check(status == 400, "places limit=%r: %s" % (value, status))
        status, _, _ = srv.request("GET", "/api/events/" + urllib.parse.quote(value, safe=""))
        check(status == 404, "events/%r: %s" % (value, status))
    after = hashlib.sha256(open(db, "rb").read()).hexdigest()
    check(before == after, "the database file changed")
    check(not os.path.exists("/tmp/annals_pwned.db"), "an ATTACH ran")
    _, _, again = srv.get_json("/api/events?limit=1000")
    check(again["total"] == total, "events after the injections: %d, before %d" % (again["total"], total))
    # The store refuses writes even if SQL could reach it: the connections are read-only
    # and only GET/HEAD (and POST /api/code) are routed.
    for method in ("PUT", "DELETE", "PATCH"):
        status, headers, _ = srv.request(method, "/api/events")
        check(status == 405, "%s /api/events: %s" % (method, status))
    status, _, _ = srv.request("POST", "/api/events", body=b"{}")
    check(status == 405, "POST /api/events: %s" % status)


def test_paths(srv, web, outside_secret):
    s = raw(srv.port, b"GET /app.js HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    check(status_of(s) == 200 and b"Content-Type: text/javascript; charset=utf-8" in s, "app.js served as JavaScript")
    s = raw(srv.port, b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    check(status_of(s) == 200 and b"Content-Type: text/html; charset=utf-8" in s, "/ served as HTML")
    check(b"Content-Security-Policy: default-src 'none'; script-src 'self'" in s, "the page has a CSP")
    check(b"X-Content-Type-Options: nosniff" in s, "nosniff")
    attempts = [
        "/../secret.txt", "/../../../../etc/passwd", "/%2e%2e/secret.txt", "/%2e%2e%2fsecret.txt", "/..%2fsecret.txt",
        "/vendor/../../secret.txt", "/vendor/%2e%2e/%2e%2e/secret.txt", "/..%5csecret.txt", "/%252e%252e/secret.txt",
        "//etc/passwd", "/link.txt", "/up/secret.txt", "/store.db", "/app.js%00.html", "/.%2e/secret.txt",
        "/vendor/..", "/./index.html",
    ]
    for path in attempts:
        s = raw(srv.port, ("GET %s HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n" % path).encode())
        code = status_of(s)
        check(code in (400, 404), "%s: status %s" % (path, code))
        check(outside_secret not in s and b"root:" not in s and b"SQLite format" not in s, "%s leaked a file" % path)


def test_bodies(srv):
    rss0 = srv.rss_mb()
    # 1. 100 MB announced by Content-Length: refused before it is read.
    s = socket.create_connection(("127.0.0.1", srv.port), timeout=10)
    s.sendall(b"POST /api/code HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 104857600\r\n\r\n")
    start = time.time()
    sent, answer, chunk = 0, b"", b"a" * 65536
    try:
        while sent < 100 << 20:
            s.sendall(chunk)
            sent += len(chunk)
    except OSError:
        pass
    try:
        s.settimeout(5)
        while True:
            part = s.recv(65536)
            if not part:
                break
            answer += part
    except OSError:
        pass
    s.close()
    check(status_of(answer) == 413 or sent < 100 << 20,
          "100 MB with Content-Length: status %s after %d MB sent" % (status_of(answer), sent >> 20))
    check(time.time() - start < 10, "100 MB with Content-Length took %.1f s" % (time.time() - start))
    # 2. 100 MB chunked: stopped as soon as it passes the limit.
    s = socket.create_connection(("127.0.0.1", srv.port), timeout=10)
    s.sendall(b"POST /api/code HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n")
    sent, refused = 0, False
    piece = b"%x\r\n%s\r\n" % (65536, b"b" * 65536)
    try:
        while sent < 100 << 20:
            s.sendall(piece)
            sent += 65536
    except OSError:
        refused = True
    answer = b""
    try:
        s.settimeout(5)
        while True:
            part = s.recv(65536)
            if not part:
                break
            answer += part
    except OSError:
        pass
    s.close()
    check(refused or status_of(answer) == 413, "100 MB chunked: %d MB accepted, status %s" % (sent >> 20, status_of(answer)))
    check(sent < 100 << 20, "100 MB chunked was read whole")
    # 3. 100 MB without a length: the same.
    s = socket.create_connection(("127.0.0.1", srv.port), timeout=10)
    s.sendall(b"POST /api/code HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    sent = 0
    try:
        while sent < 100 << 20:
            s.sendall(chunk)
            sent += len(chunk)
        s.shutdown(socket.SHUT_WR)
        s.settimeout(5)
        answer = s.recv(65536)
    except OSError:
        answer = b""
    s.close()
    check(status_of(answer) in (None, 400, 411, 413), "100 MB without length: %s" % status_of(answer))
    # 4. Just over the limit: 413 with a JSON reason as soon as the headers are in, and
    #    the connection closed (the body is never read).
    s = socket.create_connection(("127.0.0.1", srv.port), timeout=10)
    s.sendall(b"POST /api/code HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n\r\n" % (MAX_BODY + 1))
    answer = b""
    while True:
        part = s.recv(65536)
        if not part:
            break
        answer += part
    s.close()
    check(status_of(answer) == 413 and b"larger than the limit of 1048576 bytes" in answer
          and b"Content-Type: application/json; charset=utf-8" in answer, "1 MB + 1 byte: %r" % answer[:80])
    # A chunked body of 1 MB + 1 byte sent whole: 413 (or closed mid-way).
    s = socket.create_connection(("127.0.0.1", srv.port), timeout=10)
    s.sendall(b"POST /api/code HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n")
    try:
        s.sendall(b"%x\r\n%s\r\n0\r\n\r\n" % (MAX_BODY + 1, b"d" * (MAX_BODY + 1)))
        answer = s.recv(65536)
    except OSError:
        answer = b""
    s.close()
    check(status_of(answer) in (None, 413), "chunked 1 MB + 1 byte: %r" % answer[:40])
    # 5. 100 MB announced with Expect: 100-continue: 413 before any of it is sent.
    s = socket.create_connection(("127.0.0.1", srv.port), timeout=10)
    s.sendall(b"POST /api/code HTTP/1.1\r\nHost: x\r\nContent-Length: 104857600\r\nExpect: 100-continue\r\n\r\n")
    # The answer may come in several segments (headers, then body): read until the
    # server closes the connection.
    answer = b""
    try:
        while chunk := s.recv(65536):
            answer += chunk
    except OSError:
        pass
    s.close()
    check(status_of(answer) == 413 and b"larger than the limit" in answer, "Expect: 100-continue, 100 MB: %r" % answer[:40])
    # 6. A body that is fine is coded.
    status, _, body = srv.request("POST", "/api/code", body=json.dumps(
        {"id": "sec-1", "text": "Police arrested twelve protesters in Nairobi on Monday."}).encode())
    check(status == 200 and json.loads(body)["id"] == "sec-1", "a small article: %s" % status)
    rss1 = srv.rss_mb()
    check(rss1 - rss0 < 40, "memory grew from %.0f to %.0f MB" % (rss0, rss1))
    print("bodies: anonymous memory %.1f MB before, %.1f MB after" % (rss0, rss1), flush=True)
    check(srv.alive(), "alive after the bodies")


def test_slow_clients(srv):
    # 1. Many clients that send half a request and stall: each is closed after the
    #    read timeout, and meanwhile everybody else is answered at once.
    stalled = []
    for i in range(60):
        s = socket.create_connection(("127.0.0.1", srv.port), timeout=20)
        s.sendall(b"GET /api/events HTTP/1.1\r\nHost: x\r\nX-Slow: ")
        stalled.append(s)
    time.sleep(0.2)
    t = time.time()
    for _ in range(20):
        status, _, _ = srv.request("GET", "/api/health", timeout=5)
        check(status == 200, "health while 60 clients stall: %s" % status)
    check(time.time() - t < 5, "20 health checks took %.2f s while 60 clients stall" % (time.time() - t))
    start = time.time()
    closed = 0
    for s in stalled:
        try:
            data = s.recv(1024)
            closed += 1 if data == b"" or status_of(data) in (400, 408) else 0
        except OSError:
            closed += 1
        s.close()
    elapsed = time.time() - start + 0.2
    check(closed == 60, "stalled clients closed: %d of 60" % closed)
    check(elapsed < READ_TIMEOUT + 6, "stalled clients closed after %.1f s (read timeout %d s)" % (elapsed, READ_TIMEOUT))
    # 2. A body that stops halfway: closed after the read timeout.
    s = socket.create_connection(("127.0.0.1", srv.port), timeout=20)
    s.sendall(b"POST /api/code HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{\"text\": \"")
    start = time.time()
    data = s.recv(1024)
    s.close()
    check(time.time() - start < READ_TIMEOUT + 5, "a stalled body held on for %.1f s" % (time.time() - start))
    check(data == b"" or status_of(data) in (400, 408), "a stalled body: %r" % data[:40])
    # 3. A body that trickles a byte every half second (never silent for the read
    #    timeout): cut at the body time limit (twice the read timeout).
    s = socket.create_connection(("127.0.0.1", srv.port), timeout=20)
    s.sendall(b"POST /api/code HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n")
    start = time.time()
    answer = b""
    try:
        while time.time() - start < 4 * READ_TIMEOUT + 4:
            s.sendall(b"1\r\nx\r\n")
            time.sleep(0.5)
            s.setblocking(False)
            try:
                answer = s.recv(1024)
                if answer or answer == b"":
                    break
            except BlockingIOError:
                pass
            finally:
                s.setblocking(True)
    except OSError:
        pass
    elapsed = time.time() - start
    s.close()
    check(elapsed < 2 * READ_TIMEOUT + 5, "a trickling body held on for %.1f s" % elapsed)
    check(status_of(answer) in (None, 408), "a trickling body: %r" % answer[:40])
    check(srv.alive(), "alive after the slow clients")


def main():
    tmp = tempfile.mkdtemp(prefix="annals-security-")
    try:
        db = os.path.join(tmp, "store.db")
        subprocess.run([ANNALS, "ingest", "-q", "--db", db, "examples/examples.jsonl"], cwd=ROOT, check=True)
        # A web folder with a link out of it, a file type not served, and a secret beside it.
        build_web = os.path.join(os.path.dirname(ANNALS), "web")
        web = os.path.join(tmp, "web")
        shutil.copytree(build_web, web)
        secret = b"annals-security-test-secret"
        with open(os.path.join(tmp, "secret.txt"), "wb") as f:
            f.write(secret)
        os.symlink(os.path.join(tmp, "secret.txt"), os.path.join(web, "link.txt"))
        os.symlink(tmp, os.path.join(web, "up"))
        shutil.copy(db, os.path.join(web, "store.db"))
        srv = Server(db, web)
        try:
            for name, fn in [("injection", lambda: test_injection(srv, db)),
                             ("paths", lambda: test_paths(srv, web, secret)),
                             ("bodies", lambda: test_bodies(srv)),
                             ("slow clients", lambda: test_slow_clients(srv))]:
                t = time.time()
                fn()
                print("%s: done in %.1f s" % (name, time.time() - t), flush=True)
            check(srv.proc.poll() is None, "the server is still running")
        finally:
            srv.stop()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("%d passed, %d failed" % (passed, len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
