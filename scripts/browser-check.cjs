// Drives headless Chromium through playwright-core (browser-check.sh sets
// it up). Usage: node browser-check.cjs TOOLS OUT hostile=PATH name=PATH...
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

async function checkPage(browser, name, file) {
  const url = pathToFileURL(path.resolve(file)).href;
  console.log(`\n${name}: ${file}`);
  for (const width of [1280, 375]) {
    for (const js of [true, false]) {
      for (const scheme of ["light", "dark"]) {
        const label = `${name}-${width}-${js ? "js" : "nojs"}-${scheme}`;
        const options = {
          viewport: { width, height: 900 },
          colorScheme: scheme,
          javaScriptEnabled: js,
          reducedMotion: "reduce",
        };
        // As people see it: the page's own CSP in force.
        const { context, page, seen } = await open(browser, url, options);
        await page.screenshot({ path: path.join(out, label + ".png"), fullPage: true });
        const extra = network(seen, url);
        if (extra.length) fail(`${label}: network requests ${extra.join(", ")}`);
        if (seen.dialogs.length) fail(`${label}: script ran, dialogs ${seen.dialogs.join(", ")}`);
        if (seen.errors.length) fail(`${label}: ${seen.errors.join(" | ")}`);
        if (js) {
          // The filter form appears only if the hashed script ran.
          const visible = await page.isVisible("#filters");
          if (!visible) fail(`${label}: the filter form is hidden (script blocked?)`);
          if (visible && name !== "hostile") {
            const total = await page.locator("li.event").count();
            await page.fill("#filter-q", "kremlin");
            const shown = await page.locator("li.event:visible").count();
            const status = await page.textContent("#filter-status");
            if (!(shown > 0 && shown < total)) {
              fail(`${label}: text filter shows ${shown} of ${total}`);
            }
            console.log(`  ${label}: filter "kremlin" → ${status}`);
            await page.fill("#filter-q", "");
          }
        } else if (await page.isVisible("#filters")) {
          fail(`${label}: the filter form shows without JavaScript`);
        }
        await context.close();

        // axe-core needs to inject itself: CSP bypassed for this pass only.
        if (name === "hostile") continue;
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
  if (name === "hostile") return;

  // Narrowest supported width: nothing wider than the viewport.
  {
    const { context, page } = await open(browser, url, { viewport: { width: 360, height: 800 } });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (overflow > 0) fail(`${name}-360: ${overflow}px of horizontal overflow`);
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
  // Paper.
  {
    const { context, page } = await open(browser, url, { viewport: { width: 1280, height: 900 } });
    await page.emulateMedia({ media: "print" });
    await page.pdf({ path: path.join(out, `${name}-print.pdf`), format: "A4", printBackground: true });
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
      await checkPage(browser, spec.slice(0, i), spec.slice(i + 1));
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
