'use strict';
// Screenshots at 320 and 1280 px (tests/browser/screenshots/<name>-<width>.png, for people to look
// at), and no horizontal scrolling at 320 px on any template, the progress page, an assignment
// page and the practice form.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const lib = require('./lib');

const env = lib.suite({ discover: true });

const SHOTS = { home: 'home', page: 'page', print: 'print' };

/** Whether `rel` scrolls sideways at 320 px; the widest elements point at the culprit. */
async function assertNoSideways(page, rel) {
  const m = await page.evaluate(() => {
    const se = document.scrollingElement;
    const wide = [...document.body.querySelectorAll('*')]
      .map((el) => ({ el, r: el.getBoundingClientRect().right }))
      .filter((x) => x.r > 320.5)
      .sort((a, b) => b.r - a.r)
      .slice(0, 5)
      .map((x) => `<${x.el.tagName.toLowerCase()}${x.el.className && typeof x.el.className === 'string' ? '.' + x.el.className.trim().split(/\s+/).join('.') : ''}> right edge ${Math.round(x.r)} px`);
    return { scrollWidth: se.scrollWidth, wide };
  });
  assert.ok(m.scrollWidth <= 320,
    `${rel} at 320 px scrolls horizontally: scrollWidth ${m.scrollWidth}\n  widest: ${m.wide.join('\n          ')}`);
}

// Pages with forms and tables beyond the five templates (present in the bundled handbook).
const html = lib.siteFiles('.html');
const EXTRA = [
  'progress.html',
  html.find((r) => /(^|\/)assignments\/[^/]+\.html$/.test(r) && !r.endsWith('index.html')),
  html.find((r) => /practice-form\.html$/.test(r)),
].filter(Boolean);

for (const rel of EXTRA) {
  test(`320 px, ${rel}: no horizontal scroll`, async () => {
    await lib.withPage(env.browser, { width: 320, height: 640 }, async ({ page }) => {
      await lib.visit(page, env.server.at(rel));
      await assertNoSideways(page, rel);
    });
  });
}

for (const width of lib.WIDTHS) {
  for (const [label, key] of lib.TEMPLATES) {
    const shot = SHOTS[key];
    const what = [shot && 'screenshot', width === 320 && 'no horizontal scroll'].filter(Boolean).join(', ');
    if (!what) continue;
    test(`${width} px, ${label}: ${what}`, async () => {
      const rel = lib.pick(env.found, key);
      await lib.withPage(env.browser, { width, height: width === 320 ? 640 : 900 }, async ({ page }) => {
        await lib.visit(page, env.server.at(rel));
        if (shot) await lib.screenshot(page, shot);
        if (width === 320) await assertNoSideways(page, rel);
      });
    });
  }
}
