'use strict';
// How long a page of a long chapter takes to load in the browser, with the sidebar's windowed
// lists filled in from nav.js (issue 19), driven by bench/chapter.sh --browser.
//
//   node bench/nav-fill.js --page FILE [--runs N]
//
// Opens FILE (a page of a built site) from file:// in Debian's /usr/bin/chromium with
// playwright-core (from node_modules, as the browser tests do), RUNS times in a fresh context
// each, and prints the median of: DOMContentLoaded (nav.js parsed, handbook.js has filled the
// lists in: deferred scripts run before it), the load event, and how many entries the sidebar
// lists by then. Then the same with nav.js's lists held back (the window alone), for comparison.

const path = require('node:path');
const { pathToFileURL } = require('node:url');

const args = process.argv.slice(2);
function arg(name, def) {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : def;
}
const PAGE = path.resolve(arg('--page', ''));
const RUNS = Number(arg('--runs', '3'));

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function measure(browser, holdBack) {
  const rows = [];
  for (let r = 0; r < RUNS; r++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    if (holdBack) {
      await page.addInitScript(() => {
        const empty = { 'index.html': [] };
        Object.defineProperty(window, 'HANDBOOK_NAV_LISTS', { get: () => empty, set: () => {} });
      });
    }
    await page.goto(pathToFileURL(PAGE).href, { waitUntil: 'load', timeout: 120_000 });
    rows.push(await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      return {
        dcl: nav.domContentLoadedEventEnd,
        load: nav.loadEventEnd,
        entries: document.querySelectorAll('#hb-sidebar .nav-item').length,
      };
    }));
    await context.close();
  }
  return {
    dcl: median(rows.map((r) => r.dcl)),
    load: median(rows.map((r) => r.load)),
    entries: median(rows.map((r) => r.entries)),
  };
}

(async () => {
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless', '--disable-gpu'],
  });
  try {
    for (const [label, holdBack] of [['filled', false], ['window only', true]]) {
      const m = await measure(browser, holdBack);
      console.log(`${label.padEnd(12)} DOMContentLoaded ${m.dcl.toFixed(0).padStart(6)} ms  load ${m.load.toFixed(0).padStart(6)} ms  sidebar entries ${m.entries}`);
    }
  } finally {
    await browser.close();
  }
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
