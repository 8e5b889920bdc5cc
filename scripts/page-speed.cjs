// How fast a big page is in headless Chromium: the time to load it (to the
// load event, and to the first paint) and the time one filter takes (the
// script's work plus style and layout, forced before the clock stops), each
// the median of 5 runs. `first_filter_at_load_ms` is a filter typed the
// instant the page loads (before the script has read the cards' text in
// idle time); `filter_ms` one typed after that. Usage: node page-speed.cjs TOOLS PATH/index.html
// [QUERY]. Prints one JSON line.
"use strict";
const fs = require("fs");
const path = require("path");
const { pathToFileURL } = require("url");

const [tools, file, query = "talks"] = process.argv.slice(2);
const { chromium } = require(path.resolve(tools, "node_modules/playwright-core"));

const median = (xs) => {
  const s = xs.slice().sort((a, b) => a - b);
  return Math.round(s[Math.floor(s.length / 2)] * 10) / 10;
};

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox"],
  });
  const url = pathToFileURL(path.resolve(file)).href;
  const load = [];
  const paint = [];
  const filter = [];
  const clear = [];
  const firstFilter = [];
  for (let run = 0; run < 5; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(url, { waitUntil: "load" });
    const t = await page.evaluate(() => {
      const nav = performance.getEntriesByType("navigation")[0];
      const fcp = performance.getEntriesByName("first-contentful-paint")[0];
      return { load: nav.loadEventEnd - nav.startTime, paint: fcp ? fcp.startTime : -1 };
    });
    load.push(t.load);
    paint.push(t.paint);
    // The first filter as soon as the page has loaded (it may read every
    // card's text first), then filters once the page is idle, as when a
    // person types.
    firstFilter.push(
      await page.evaluate((q) => {
        const input = document.getElementById("filter-q");
        const t0 = performance.now();
        input.value = q;
        input.dispatchEvent(new Event("input", { bubbles: true }));
        void document.body.getBoundingClientRect().height;
        const t = performance.now() - t0;
        input.value = "";
        input.dispatchEvent(new Event("input", { bubbles: true }));
        return t;
      }, query)
    );
    await page.waitForTimeout(300);
    // One filter: type the query, then clear it, each timed to a settled
    // layout.
    const timed = (q) =>
      page.evaluate((q) => {
        const input = document.getElementById("filter-q");
        const t0 = performance.now();
        input.value = q;
        input.dispatchEvent(new Event("input", { bubbles: true }));
        void document.body.getBoundingClientRect().height;
        return performance.now() - t0;
      }, q);
    filter.push(await timed(query));
    const shown = await page.evaluate(() => document.getElementById("filter-status").textContent);
    clear.push(await timed(""));
    if (run === 0) {
      console.error("status after '" + query + "': " + shown);
    }
    await context.close();
  }
  await browser.close();
  console.log(
    JSON.stringify({
      page: file,
      bytes: fs.statSync(file).size,
      load_ms: median(load),
      first_paint_ms: median(paint),
      first_filter_at_load_ms: median(firstFilter),
      filter_ms: median(filter),
      clear_ms: median(clear),
    })
  );
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
