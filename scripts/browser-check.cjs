// Drives headless Chromium through playwright-core (browser-check.sh sets
// it up), and reads each site's exports back with the tools people open
// them in: TimelineJS 3 (in the browser), the Markwhen parser, ical.js and
// Papa Parse. Usage: node browser-check.cjs TOOLS OUT name=PATH/index.html...
// (pages named "hostile..." are only checked for running nothing).
"use strict";
const fs = require("fs");
const path = require("path");
const { pathToFileURL } = require("url");

const [tools, out, ...specs] = process.argv.slice(2);
const { chromium } = require(path.resolve(tools, "node_modules/playwright-core"));
const axeSource = fs.readFileSync(
  path.resolve(tools, "node_modules/axe-core/axe.min.js"),
  "utf8"
);

const failures = [];
const fail = (what) => {
  failures.push(what);
  console.log("  FAIL " + what);
};

/** A context and page that record requests, dialogs and errors. */
async function open(browser, url, options) {
  const context = await browser.newContext(options);
  const seen = { requests: [], dialogs: [], errors: [] };
  context.on("request", (r) => seen.requests.push(r.url()));
  const page = await context.newPage();
  page.on("dialog", (d) => {
    seen.dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  page.on("pageerror", (e) => seen.errors.push("page error: " + e.message));
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") {
      seen.errors.push("console " + m.type() + ": " + m.text());
    }
  });
  await page.goto(url, { waitUntil: "load" });
  await page.waitForTimeout(150);
  return { context, page, seen };
}

/** Requests other than the page itself and data: URLs. */
function network(seen, url) {
  return seen.requests.filter((r) => r !== url && !r.startsWith("data:"));
}

async function axe(page) {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const result = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
      resultTypes: ["violations"],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.length,
      target: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
    }));
  });
}

/** The exports beside index.html, read back by their own parsers. */
async function checkExports(browser, name, file) {
  const dir = path.dirname(file);
  const read = (f) => fs.readFileSync(path.join(dir, f), "utf8");
  const json = JSON.parse(read("timeline.json"));
  const dated = json.events.filter((e) => e.start);
  const days = dated.filter((e) => ["day", "part-of-day", "time"].includes(e.precision));

  // Markwhen: every dated event, at its first day, no parse message.
  const { parse } = require(path.resolve(tools, "node_modules/@markwhen/parser"));
  const mw = parse(read("timeline.mw"));
  const leaves = [];
  const walk = (n) => (n && n.children ? n.children.forEach(walk) : n && n.dateRangeIso && leaves.push(n));
  walk(mw.events);
  if (mw.parseMessages && mw.parseMessages.length) fail(`${name} timeline.mw: ${JSON.stringify(mw.parseMessages)}`);
  if (leaves.length !== dated.length) fail(`${name} timeline.mw: ${leaves.length} events, want ${dated.length}`);
  leaves.forEach((l, i) => {
    const from = l.dateRangeIso.fromDateTimeIso.slice(0, 10);
    if (dated[i] && from !== dated[i].start) fail(`${name} timeline.mw: event ${i} starts ${from}, want ${dated[i].start}`);
    if (dated[i] && (l.properties || {}).id !== dated[i].id) fail(`${name} timeline.mw: event ${i} has id ${JSON.stringify(l.properties)}`);
  });
  if (mw.header.title !== json.title) fail(`${name} timeline.mw: title ${JSON.stringify(mw.header.title)}`);

  // iCalendar: one VEVENT per day-precision event, unique UIDs, right days.
  const ICAL = require(path.resolve(tools, "node_modules/ical.js/dist/ical.es5.cjs"));
  const cal = new ICAL.Component(ICAL.parse(read("timeline.ics")));
  const vevents = cal.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
  if (vevents.length !== days.length) fail(`${name} timeline.ics: ${vevents.length} events, want ${days.length}`);
  if (new Set(vevents.map((v) => v.uid)).size !== vevents.length) fail(`${name} timeline.ics: duplicate UIDs`);
  vevents.forEach((v, i) => {
    const start = v.startDate.toString().slice(0, 10);
    if (days[i] && (start !== days[i].start || v.summary !== days[i].title)) {
      fail(`${name} timeline.ics: event ${i} is ${start} ${JSON.stringify(v.summary)}`);
    }
  });

  // CSV: one row per event, ids in order.
  const Papa = require(path.resolve(tools, "node_modules/papaparse"));
  const csv = Papa.parse(read("timeline.csv"), { header: true, skipEmptyLines: true });
  if (csv.errors.length) fail(`${name} timeline.csv: ${JSON.stringify(csv.errors.slice(0, 3))}`);
  const ids = csv.data.map((r) => r.id).join(" ");
  if (ids !== json.events.map((e) => e.id).join(" ")) fail(`${name} timeline.csv: ids ${ids}`);

  // TimelineJS 3: the JSON opens, one slide per dated event. The harness
  // page is TimelineJS's, not ours: its web-font request is aborted.
  const tl = path.resolve(tools, "node_modules/@knight-lab/timelinejs/dist");
  const harness = path.join(out, `${name}-timelinejs.html`);
  fs.writeFileSync(
    harness,
    `<!DOCTYPE html><html><head><meta charset="utf-8"><link rel="stylesheet" href="${pathToFileURL(tl).href}/css/timeline.css"></head>` +
      `<body><div id="tl" style="width:1200px;height:650px"></div><script src="${pathToFileURL(tl).href}/js/timeline.js"></script>` +
      `<script>window.tl = new TL.Timeline("tl", ${read("timelinejs.json").replace(/</g, "\\u003c")}, {});</script></body></html>`
  );
  const context = await browser.newContext({ viewport: { width: 1200, height: 650 } });
  await context.route(/^https?:/, (r) => r.abort());
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && !/ERR_FAILED/.test(m.text()) && errors.push(m.text()));
  page.on("dialog", (d) => {
    errors.push("a script from the data ran: " + d.message());
    d.dismiss().catch(() => {});
  });
  await page.goto(pathToFileURL(harness).href);
  await page.waitForTimeout(1500);
  const slides = await page.evaluate(() => (window.tl && window.tl.config ? window.tl.config.events.length : -1));
  await page.screenshot({ path: path.join(out, `${name}-timelinejs.png`) });
  if (errors.length) fail(`${name} timelinejs.json: ${errors.join(" | ")}`);
  if (slides !== dated.length) fail(`${name} timelinejs.json: ${slides} slides, want ${dated.length}`);
  await context.close();
  console.log(
    `  ${name} exports: markwhen ${leaves.length} events, ics ${vevents.length}, csv ${csv.data.length} rows, timelinejs ${slides} slides`
  );
}

async function checkPage(browser, name, file) {
  const url = pathToFileURL(path.resolve(file)).href;
  console.log(`\n${name}: ${file}`);
  // A big page takes half a minute a variant: there the variants are the
  // four that hold every pair of width, script state and scheme (a
  // pairwise cover); small pages check all eight.
  let big = false;
  const cover = (width, js, scheme) => (width === 1280) === (js === (scheme === "light"));
  for (const width of [1280, 375]) {
    for (const js of [true, false]) {
      for (const scheme of ["light", "dark"]) {
        const label = `${name}-${width}-${js ? "js" : "nojs"}-${scheme}`;
        if (big && !cover(width, js, scheme)) {
          console.log(`  ${label}: skipped (big page; the pairwise cover checks it)`);
          continue;
        }
        const options = {
          viewport: { width, height: 900 },
          colorScheme: scheme,
          javaScriptEnabled: js,
          reducedMotion: "reduce",
        };
        // As people see it: the page's own CSP in force.
        const { context, page, seen } = await open(browser, url, options);
        // Big pages: the first screen only (a full page would be metres).
        big = (await page.evaluate(() => document.querySelectorAll("li.ev").length)) > 300;
        await page.screenshot({ path: path.join(out, label + ".png"), fullPage: !big });
        const extra = network(seen, url);
        if (extra.length) fail(`${label}: network requests ${extra.join(", ")}`);
        if (seen.dialogs.length) fail(`${label}: script ran, dialogs ${seen.dialogs.join(", ")}`);
        if (seen.errors.length) fail(`${label}: ${seen.errors.join(" | ")}`);
        if (js) {
          // The filter form appears only if the hashed script ran.
          const visible = await page.isVisible("#filters");
          if (!visible) fail(`${label}: the filter form is hidden (script blocked?)`);
          if (visible && !name.startsWith("hostile")) {
            // A word of the first event's title: some events have it.
            const word = await page.evaluate(() => {
              const title = document.querySelector("li.ev .t").textContent.toLowerCase();
              return title.split(/[^a-z]+/).sort((a, b) => b.length - a.length)[0];
            });
            const total = await page.locator("li.ev").count();
            await page.fill("#filter-q", word);
            const shown = await page.evaluate(() => document.querySelectorAll("li.ev:not([hidden])").length);
            const status = await page.textContent("#filter-status");
            if (!(shown > 0 && shown <= total) || !status.startsWith(String(shown))) {
              fail(`${label}: text filter shows ${shown} of ${total} (${status})`);
            }
            // The count and the first result are on the first screen.
            const inView = await page.evaluate(() => {
              const first = document.querySelector("li.ev:not([hidden]) .t");
              const status = document.getElementById("filter-status");
              status.scrollIntoView({ block: "start", behavior: "instant" });
              const r = first.getBoundingClientRect();
              return r.top >= 0 && r.top < window.innerHeight;
            });
            if (!inView) fail(`${label}: the first result is off-screen below the search box`);
            console.log(`  ${label}: filter "${word}" → ${status}`);
            await page.fill("#filter-q", "");
            // j, j, k: the focus moves event by event.
            await page.locator("body").click({ position: { x: 1, y: 1 } });
            for (const key of ["j", "j", "k", "j"]) await page.keyboard.press(key);
            const focusedEvent = await page.evaluate(() => {
              const li = document.activeElement && document.activeElement.closest("li.ev");
              return li ? [...document.querySelectorAll("li.ev")].indexOf(li) : -1;
            });
            if (focusedEvent !== 1) fail(`${label}: j j k j focused event ${focusedEvent}, want 1`);
          }
        } else if (await page.isVisible("#filters")) {
          fail(`${label}: the filter form shows without JavaScript`);
        }
        if (name.startsWith("hostile") && js) {
          // Nothing from the data became an element, a handler or a link.
          const found = await page.evaluate(() => ({
            scripts: document.scripts.length,
            foreign: document.querySelectorAll("img, iframe, object, embed, svg:not(.ranges), b").length,
            handlers: [...document.querySelectorAll("*")].filter((e) =>
              [...e.attributes].some((a) => a.name.startsWith("on"))
            ).length,
            links: [...document.querySelectorAll("a[href], blockquote[cite]")]
              .map((a) => a.getAttribute("href") || a.getAttribute("cite"))
              .filter((h) => !/^(#|https?:)/i.test(h)),
          }));
          if (found.scripts !== 1 || found.foreign || found.handlers || found.links.length) {
            fail(`${label}: data became markup ${JSON.stringify(found)}`);
          }
        }
        await context.close();

        // axe-core needs to inject itself: CSP bypassed for this pass only.
        if (name.startsWith("hostile")) continue;
        // On a big page axe takes half a minute a pass: there it checks two
        // variants of the cover that hold both widths and both schemes
        // (1280 js light, 375 js dark: colour contrast differs by scheme;
        // without script only the filter form hides); small pages check all 8.
        if (big && !(js && (width === 1280) === (scheme === "light"))) {
          console.log(`  ${label}: axe skipped (big page; two variants cover it)`);
          continue;
        }
        const a = await open(browser, url, { ...options, javaScriptEnabled: true, bypassCSP: true });
        if (!js) {
          // The page as it is without JavaScript: the form stays hidden.
          await a.page.evaluate(() => {
            const f = document.getElementById("filters");
            if (f) f.hidden = true;
          });
        }
        const violations = await axe(a.page);
        const bad = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
        for (const v of violations) {
          console.log(`  ${label}: axe ${v.impact} ${v.id} (${v.nodes}): ${v.help} — ${v.target.join("; ")}`);
        }
        if (bad.length) fail(`${label}: ${bad.length} serious/critical axe violations`);
        else console.log(`  ${label}: axe ok (${violations.length} minor)`);
        await a.context.close();
      }
    }
  }
  if (name.startsWith("hostile")) return;

  // At most 12 source controls before "more".
  {
    const { context, page } = await open(browser, url, { viewport: { width: 1280, height: 900 } });
    const controls = await page.evaluate(
      () => [...document.querySelectorAll('#filters input[name="source"]')].filter((b) => b.checkVisibility()).length
    );
    if (controls > 12) fail(`${name}: ${controls} source controls visible before "more"`);
    else console.log(`  ${name}: ${controls} source controls visible`);
    await context.close();
  }
  // Narrowest supported width: nothing wider than the viewport.
  {
    const { context, page } = await open(browser, url, { viewport: { width: 360, height: 800 } });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (overflow > 0) {
      const culprits = await page.evaluate(() =>
        [...document.querySelectorAll("body *")]
          .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5)
          .slice(0, 5)
          .map((e) => `${e.tagName.toLowerCase()}.${e.className}`)
      );
      fail(`${name}-360: ${overflow}px of horizontal overflow (${culprits.join(", ")})`);
    }
    await page.screenshot({ path: path.join(out, `${name}-360-light.png`), fullPage: false });
    // Keyboard: the skip link, then the first overview link, show focus.
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      const style = getComputedStyle(el);
      return { tag: el.tagName, outline: style.outlineStyle, width: style.outlineWidth };
    });
    await page.screenshot({ path: path.join(out, `${name}-360-focus.png`) });
    if (focused.outline === "none") fail(`${name}: focused ${focused.tag} has no visible outline`);
    else console.log(`  ${name}: keyboard focus on ${focused.tag}, outline ${focused.outline} ${focused.width}`);
    await context.close();
  }
  // Windows high contrast: a screenshot to look at (no assertion).
  {
    const { context, page } = await open(browser, url, { viewport: { width: 1280, height: 900 }, forcedColors: "active" });
    await page.screenshot({ path: path.join(out, `${name}-1280-forced-colors.png`) });
    await context.close();
  }
  // Paper.
  {
    const { context, page } = await open(browser, url, { viewport: { width: 1280, height: 900 } });
    await page.emulateMedia({ media: "print" });
    // A big page's whole print is hundreds of pages (a minute, 100 MB):
    // its first four show the print styles.
    const pages = big ? { pageRanges: "1-4" } : {};
    await page.pdf({ path: path.join(out, `${name}-print.pdf`), format: "A4", printBackground: true, ...pages });
    await context.close();
  }
}

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  try {
    for (const spec of specs) {
      const i = spec.indexOf("=");
      const started = Date.now();
      await checkPage(browser, spec.slice(0, i), spec.slice(i + 1));
      await checkExports(browser, spec.slice(0, i), spec.slice(i + 1));
      console.log(`  ${spec.slice(0, i)}: checked in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
  } finally {
    await browser.close();
  }
  const shots = fs.readdirSync(out).filter((f) => f.endsWith(".png")).length;
  console.log(`\n${shots} screenshots in ${out}`);
  if (failures.length) {
    console.log(`browser check: ${failures.length} failed`);
    process.exit(1);
  }
  console.log("browser check: all passed");
})().catch((e) => {
  console.error(e);
  process.exit(2);
});
