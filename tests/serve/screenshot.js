// Takes screenshots of a running dashboard (for the README and reviews; not a test):
//   node tests/serve/screenshot.js http://127.0.0.1:PORT/ OUT.png [EVENT_LIST_INDEX]
// Writes OUT.png (the dashboard as loaded) and, with an index, OUT_event.png (that
// event of the list opened). Headless Debian chromium, as in serve_browser_test.js.
"use strict";
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { chromium } = require(path.join(__dirname, "..", "..", "node_modules", "playwright-core"));

(async () => {
  const [url, out, index] = process.argv.slice(2);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "annals-shot-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: "/usr/bin/chromium", headless: true, viewport: { width: 1400, height: 860 },
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
           "--disable-sync", "--no-first-run"],
  });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => document.body.dataset.ready === "1" && !document.body.dataset.loading, null, { timeout: 60000 });
    fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
    await page.screenshot({ path: out });
    if (index !== undefined) {
      await page.click(`#event-list li >> nth=${index}`);
      await page.waitForSelector("#event-panel:not([hidden]) .report");
      await page.screenshot({ path: out.replace(/\.png$/, "_event.png") });
    }
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
})().catch((err) => { console.error(err); process.exit(1); });
