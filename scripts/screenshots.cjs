// First-screen screenshots of built pages at 1280 and 375 px, light and
// dark, through playwright-core and Debian's chromium (browser-check.sh
// installs both). Usage: node screenshots.cjs TOOLS OUTDIR name=PATH/index.html...
// Writes OUTDIR/<name>-<width>-<scheme>.png (the first screen) and
// OUTDIR/<name>-<width>-<scheme>-full.png (the whole page, cut at 6000 px),
// OUTDIR/<name>-<width>-<scheme>-chronology.png (a screen from the list by date),
// and prints what is on each first screen: the title, the summary line and
// how many key events are fully visible.
"use strict";
const path = require("path");
const { pathToFileURL } = require("url");

const [tools, out, ...specs] = process.argv.slice(2);
const { chromium } = require(path.resolve(tools, "node_modules/playwright-core"));

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox"],
  });
  for (const spec of specs) {
    const [name, file] = spec.split("=");
    for (const [width, height] of [[1280, 800], [375, 740]]) {
      for (const scheme of ["light", "dark"]) {
        const context = await browser.newContext({
          viewport: { width, height },
          colorScheme: scheme,
          deviceScaleFactor: 1,
        });
        const page = await context.newPage();
        await page.goto(pathToFileURL(path.resolve(file)).href, { waitUntil: "load" });
        const base = path.join(out, `${name}-${width}-${scheme}`);
        await page.screenshot({ path: base + ".png" });
        const tall = await page.evaluate(() => document.documentElement.scrollHeight);
        await page.screenshot({
          path: base + "-full.png",
          fullPage: tall <= 6000,
          clip: tall > 6000 ? { x: 0, y: 0, width, height: 6000 } : undefined,
        });
        await page.evaluate(() => {
          const main = document.getElementById("timeline");
          window.scrollTo({ top: main ? main.getBoundingClientRect().top + window.scrollY : 0, behavior: "instant" });
        });
        await page.screenshot({ path: base + "-chronology.png" });
        await page.evaluate(() => window.scrollTo({ top: 0, behavior: "instant" }));
        const seen = await page.evaluate((h) => {
          const inView = (el) => el && el.getBoundingClientRect().bottom <= h && el.getBoundingClientRect().top >= 0;
          const key = Array.from(document.querySelectorAll(".key-list li"));
          const firstCard = document.querySelector("li.ev");
          return {
            title: inView(document.querySelector("h1")),
            lede: inView(document.querySelector(".lede")),
            keyInView: key.filter(inView).length,
            keyTotal: key.length,
            firstCardTop: firstCard ? Math.round(firstCard.getBoundingClientRect().top + window.scrollY) : null,
            pageHeight: document.documentElement.scrollHeight,
            overflowX: document.documentElement.scrollWidth > window.innerWidth,
          };
        }, height);
        console.log(`${name} ${width} ${scheme}: ${JSON.stringify(seen)}`);
        await context.close();
      }
    }
  }
  await browser.close();
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
