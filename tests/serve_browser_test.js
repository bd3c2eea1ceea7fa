// The dashboard in a real browser: playwright-core (npm) driving Debian's chromium,
// headless, against `annals serve` on a free port with a store that `annals ingest`
// builds from examples/ and tests/serve/markup_article.jsonl (an article holding
// markup).
//
//   node tests/serve_browser_test.js BUILD/annals SCREENSHOT_DIR
//
// Checks: the map draws one point per located event the API returns; brushing the
// timeline filters the map and the list to the brushed dates; clicking a point opens
// the event panel with each report's evidence sentences highlighted in its article;
// markup in an article shows as text and never runs. Screenshots go to SCREENSHOT_DIR.
"use strict";

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const { spawn, execFileSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const http = require("node:http");

const root = path.resolve(__dirname, "..");
const annals = path.resolve(process.argv[2] || path.join(root, "build", "annals"));
const shots = path.resolve(process.argv[3] || path.join(root, "build", "screenshots"));
const { chromium } = require(path.join(root, "node_modules", "playwright-core"));

let tmp, server, base, context, page;
const pageErrors = [];

function getJson(url) {
  return new Promise((resolve, reject) => {
    http.get(url, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c) => (body += c));
      res.on("end", () => {
        try {
          resolve({ status: res.statusCode, body: JSON.parse(body) });
        } catch (err) {
          reject(new Error(`${url}: ${err.message}: ${body.slice(0, 200)}`));
        }
      });
    }).on("error", reject);
  });
}

async function api(pathAndQuery) {
  const r = await getJson(base + pathAndQuery);
  assert.equal(r.status, 200, `${pathAndQuery}: ${JSON.stringify(r.body)}`);
  return r.body;
}

const located = (events) => events.filter((e) => e.location && e.location.lat !== null && e.location.lon !== null);

async function settled() {
  await page.waitForFunction(() => document.body.dataset.ready === "1" && !document.body.dataset.loading);
}

async function circleIds() {
  return page.$$eval("#map circle.event", (cs) => cs.map((c) => c.dataset.id).sort());
}

before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "annals-browser-"));
  const db = path.join(tmp, "store.db");
  // Every candidate event (--min-confidence 0), so that the map, the timeline and the
  // list have enough points to brush and filter; the event model is tested elsewhere.
  execFileSync(annals, ["ingest", "-q", "--min-confidence", "0", "--db", db, "examples/examples.jsonl",
                        "tests/serve/markup_article.jsonl"],
               { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  server = spawn(annals, ["serve", "--db", db, "--port", "0"], { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
  base = await new Promise((resolve, reject) => {
    let out = "";
    server.stdout.on("data", (chunk) => {
      out += chunk;
      const m = out.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m) resolve(`http://127.0.0.1:${m[1]}`);
    });
    server.on("exit", (code) => reject(new Error(`annals serve exited with ${code}`)));
    setTimeout(() => reject(new Error("annals serve did not start")), 15000).unref();
  });
  context = await chromium.launchPersistentContext(path.join(tmp, "profile"), {
    executablePath: "/usr/bin/chromium",
    headless: true,
    viewport: { width: 1400, height: 860 },
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
           "--disable-sync", "--no-first-run"],
  });
  page = await context.newPage();
  page.on("pageerror", (err) => pageErrors.push(err.message));
  // Everything the page loads comes from the server under test.
  await page.route("**/*", (route) => (route.request().url().startsWith(base) ? route.continue() : route.abort()));
  fs.mkdirSync(shots, { recursive: true });
  await page.goto(base + "/");
  await settled();
});

after(async () => {
  if (context) await context.close();
  if (server) server.kill("SIGTERM");
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

test("the map shows one point per located event", async () => {
  const all = await api("/api/events?sort=mentions&limit=1000");
  assert.ok(all.total >= 80, `the examples give ${all.total} events`);
  assert.equal(all.events.length, all.total);
  const expected = located(all.events).map((e) => e.event_id).sort();
  assert.ok(expected.length > 0);
  assert.deepEqual(await circleIds(), expected);
  // Countries are drawn from world-atlas.
  assert.ok((await page.$$("#map path.land")).length > 200);
  // Sized by reports, coloured by type: a PROTEST point has PROTEST's colour.
  const protest = all.events.find((e) => e.type === "PROTEST" && e.location);
  const fills = await page.$$eval(`#map circle.event`, (cs) => cs.map((c) => [c.dataset.id, c.getAttribute("fill")]));
  const legend = await page.$eval(`#legend i[data-type="PROTEST"]`, (i) => getComputedStyle(i).backgroundColor);
  const fill = new Map(fills).get(protest.event_id);
  const rgb = (hex) => `rgb(${parseInt(hex.slice(1, 3), 16)}, ${parseInt(hex.slice(3, 5), 16)}, ${parseInt(hex.slice(5, 7), 16)})`;
  assert.equal(rgb(fill), legend);
  assert.equal(await page.textContent("#summary"), `${all.total} events match`);
  await page.screenshot({ path: path.join(shots, "dashboard.png") });
});

test("brushing the timeline filters the map and the list", async () => {
  const all = await api("/api/events?limit=1000");
  // Brush around the day with the most events.
  const bar = await page.$$eval("#timeline rect.bar", (rects) => {
    const best = rects.map((r) => ({ x: +r.getAttribute("x"), w: +r.getAttribute("width"), n: r.__data__.n, day: r.__data__.day.toISOString().slice(0, 10) }))
      .sort((a, b) => b.n - a.n)[0];
    return best;
  });
  const box = await page.$eval("#timeline", (s) => { const r = s.getBoundingClientRect(); return { x: r.x, y: r.y, w: r.width, h: r.height }; });
  const y = box.y + box.h / 2;
  await page.mouse.move(box.x + bar.x - 3, y);
  await page.mouse.down();
  await page.mouse.move(box.x + bar.x + bar.w / 2, y, { steps: 4 });
  await page.mouse.move(box.x + bar.x + bar.w + 3, y, { steps: 4 });
  await page.mouse.up();
  await page.waitForFunction(() => document.querySelector("#f-since").value !== "");
  await settled();
  const since = await page.inputValue("#f-since"), until = await page.inputValue("#f-until");
  assert.ok(since <= bar.day && bar.day <= until, `${since}..${until} holds ${bar.day}`);
  const brushed = await api(`/api/events?since=${since}&until=${until}&limit=1000`);
  assert.ok(brushed.total >= bar.n && brushed.total < all.total, `${brushed.total} of ${all.total}`);
  assert.deepEqual(await circleIds(), located(brushed.events).map((e) => e.event_id).sort());
  assert.equal(await page.$$eval("#event-list li", (li) => li.length), brushed.total);
  for (const d of await page.$$eval("#event-list li .date", (s) => s.map((x) => x.textContent)))
    assert.ok(d >= since && d <= until, `${d} in ${since}..${until}`);
  assert.ok((await page.$$("#timeline rect.bar.out")).length > 0);
  await page.screenshot({ path: path.join(shots, "dashboard_brushed.png") });
  // Clearing the brush (a click outside the selection) brings every event back.
  await page.mouse.click(bar.x < box.w / 2 ? box.x + box.w - 30 : box.x + 50, y);
  await page.waitForFunction(() => document.querySelector("#f-since").value === "");
  await settled();
  assert.equal((await circleIds()).length, located(all.events).length);
});

test("clicking a point shows the event's evidence in its articles", async () => {
  // A point no other point covers, clicked with the mouse.
  const target = await page.$$eval("#map circle.event", (cs) => {
    for (const c of cs) {
      const r = c.getBoundingClientRect();
      const x = r.x + r.width / 2, y = r.y + r.height / 2;
      if (document.elementFromPoint(x, y) === c) return { id: c.dataset.id, x, y };
    }
    return null;
  });
  assert.ok(target);
  await page.mouse.click(target.x, target.y);
  await page.waitForFunction((id) => document.querySelector("#event-panel").dataset.id === id && !document.querySelector("#event-panel").hidden, target.id);
  const detail = await api(`/api/events/${encodeURIComponent(target.id)}`);
  const reports = await page.$$eval("#event-panel .report", (rs) => rs.map((r) => ({
    article: r.dataset.article,
    marked: [...r.querySelectorAll(".title .ev, .text .ev")].map((s) => s.textContent).join(""),
    text: r.querySelector(".text").textContent,
  })));
  assert.equal(reports.length, detail.reports.length);
  detail.reports.forEach((r, i) => {
    assert.equal(reports[i].article, r.article_id);
    assert.equal(reports[i].text, r.text);
    for (const sentence of r.sentences.split("\n")) assert.ok(reports[i].marked.includes(sentence), `highlighted: ${sentence}`);
  });
  const panel = await page.textContent("#panel-body");
  assert.ok(panel.includes(detail.event.type));
  for (const a of detail.event.source) assert.ok(panel.includes(a.text));
  await page.screenshot({ path: path.join(shots, "dashboard_event.png") });
  await page.click("#panel-close");
});

test("markup in an article shows as text and never runs", async () => {
  await page.selectOption("#f-country", "FR");
  await settled();
  const item = page.locator('#event-list li[data-id^="markup-lyon-"]').first();
  await item.click();
  await page.waitForFunction(() => (document.querySelector("#event-panel").dataset.id || "").startsWith("markup-lyon-"));
  const text = await page.textContent("#event-panel .report .text");
  assert.ok(text.includes("<script>window.__annalsXss = 1</script>"));
  assert.ok(text.includes('<img src=x onerror="window.__annalsXss = 2">'));
  assert.ok((await page.textContent("#event-panel .report .title")).includes("<script>"));
  assert.equal(await page.$$eval("#event-panel script, #event-panel img", (n) => n.length), 0);
  assert.equal(await page.evaluate(() => window.__annalsXss), undefined);
  assert.deepEqual(pageErrors, []);
  await page.screenshot({ path: path.join(shots, "dashboard_markup.png") });
});
