'use strict';
// Windowed sidebar lists (issue 19): a handbook with 65 top-level chapters, one of which holds
// 300 pages, is built with the real binary (HANDBOOK_BIN, else target/debug/handbook). A page of
// the long chapter carries only a window of each long list; from file:// and over http the
// theme fills both lists in whole from nav.js: every sibling is listed in order, the current
// page is still marked, Tab walks the filled list in order, focus on a "… N more" link is not
// lost, and axe finds nothing, before (scripts held back) and after the fill.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const lib = require('./lib');

const PAGES = 300;
const TOP = 65;
const CURRENT = 150;

const pad = (i) => String(i).padStart(3, '0');

/** The handbook: 65 top-level chapters, the last one with 300 pages. */
const env = lib.suite({
  fixture: (tmp) => {
    const root = path.join(tmp, 'src');
    const write = (rel, text) => lib.writeFiles(root, { [rel]: text });
    write('handbook.toml', 'title = "Long chapters"\n');
    write('content/_index.md', '# Long chapters\n\nWelcome.\n');
    for (let c = 1; c < TOP; c++) write(`content/${pad(c)}-ch${c}/_index.md`, `# Chapter ${c}\n\nText.\n`);
    write(`content/${pad(TOP)}-big/_index.md`, '# Big chapter\n\nEvery page.\n');
    for (let i = 1; i <= PAGES; i++) write(`content/${pad(TOP)}-big/p${pad(i)}.md`, `# Page ${pad(i)}\n\nText of page ${i}.\n`);
    return root;
  },
});

const fileUrl = (rel) => pathToFileURL(path.join(env.site, rel)).href;

/** The sidebar as the page shows it: each nav list's key, state and entries. */
function sidebarState() {
  const lists = [...document.querySelectorAll('#hb-sidebar ul.nav-list')].map((ul) => ({
    key: ul.getAttribute('data-nav-list'),
    filled: ul.hasAttribute('data-nav-filled'),
    gaps: ul.querySelectorAll(':scope > li.nav-gap').length,
    hrefs: [...ul.querySelectorAll(':scope > li > a')].map((a) => a.getAttribute('href')),
  }));
  const current = [...document.querySelectorAll('#hb-sidebar [aria-current="page"]')].map((a) => a.getAttribute('href'));
  return { lists, current };
}

/** Keeps nav.js's lists from the page (they read as empty): the sidebar stays as it is without scripts. */
function holdBackLists() {
  const empty = { 'index.html': [] };
  Object.defineProperty(window, 'HANDBOOK_NAV_LISTS', { get: () => empty, set: () => {} });
}

function expectFilled(state) {
  const big = state.lists.find((l) => l.key === 'big/index.html');
  const top = state.lists.find((l) => l.key === 'index.html');
  assert.ok(big && top, `both windowed lists are flagged: ${JSON.stringify(state.lists.map((l) => l.key))}`);
  assert.ok(big.filled && top.filled, 'both lists are filled in');
  assert.equal(big.gaps + top.gaps, 0, 'no "… more" marker is left');
  const expected = Array.from({ length: PAGES }, (_, i) => `../big/p${pad(i + 1)}.html`);
  assert.deepEqual(big.hrefs, expected, 'the long chapter lists every page, in order');
  assert.equal(top.hrefs.length, TOP, 'the top level lists every chapter');
  assert.equal(top.hrefs[0], '../ch1/index.html');
  assert.equal(top.hrefs[TOP - 1], '../big/index.html');
  assert.deepEqual(state.current, [`../big/p${pad(CURRENT)}.html`], 'the current page is the one marked');
}

test('from file:// the windowed lists are filled in whole, the current page still marked', async () => {
  await lib.withPage(env.browser, {}, async ({ page }) => {
    await lib.visit(page, fileUrl(`big/p${pad(CURRENT)}.html`));
    expectFilled(await page.evaluate(sidebarState));
    // window.HANDBOOK_NAV (the top-level entries) is still there, derived from the list.
    const top = await page.evaluate(() => window.HANDBOOK_NAV);
    assert.equal(top.length, TOP);
    assert.deepEqual(top[0], { title: 'Chapter 1', url: 'ch1/index.html' });
  });
});

test('over http (under a sub-path) the lists are filled in the same way', async () => {
  await lib.withPage(env.browser, {}, async ({ page }) => {
    await lib.visit(page, env.server.at(`big/p${pad(CURRENT)}.html`));
    expectFilled(await page.evaluate(sidebarState));
  });
});

test('without the lists (no scripts) the page shows the window and "… N more" links to the landing page', async () => {
  await lib.withPage(env.browser, {}, async ({ page }) => {
    await page.addInitScript(holdBackLists);
    await lib.visit(page, env.server.at(`big/p${pad(CURRENT)}.html`));
    const state = await page.evaluate(sidebarState);
    const big = state.lists.find((l) => l.key === 'big/index.html');
    assert.equal(big.filled, false);
    assert.equal(big.gaps, 2);
    assert.equal(big.hrefs.filter((h) => h === '../big/index.html').length, 2, 'each gap links to the landing page');
    
    assert.equal(big.hrefs.length, 3 + 11 + 3 + 2);
    assert.deepEqual(state.current, [`../big/p${pad(CURRENT)}.html`]);
    const name = await page.locator('ul[data-nav-list="big/index.html"] > li.nav-gap > a').first().evaluate((a) => a.textContent.replace(/\s+/g, ' ').trim());
    assert.match(name, /^… \d+ more pages, all listed on “Big chapter”$/);
    lib.assertNoViolations(await lib.axe(page), 'windowed sidebar');
    // The landing page lists every page of the chapter.
    await lib.visit(page, env.server.at('big/index.html'));
    const listed = await page.locator('.chapter-pages-list > li > a').count();
    assert.equal(listed, PAGES);
    lib.assertNoViolations(await lib.axe(page), 'the landing page listing every page');
  });
});

test('Tab walks the filled list in order through the current page', async () => {
  await lib.withPage(env.browser, {}, async ({ page }) => {
    await lib.visit(page, fileUrl(`big/p${pad(CURRENT)}.html`));
    await page.locator(`#hb-sidebar a[href="../big/p${pad(CURRENT - 2)}.html"]`).focus();
    const order = [];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      order.push(await page.evaluate(() => document.activeElement.getAttribute('href')));
    }
    assert.deepEqual(order, [CURRENT - 1, CURRENT, CURRENT + 1, CURRENT + 2].map((i) => `../big/p${pad(i)}.html`));
    await page.keyboard.press('Shift+Tab');
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('href')), `../big/p${pad(CURRENT + 1)}.html`);
    // Far from the window too: the entry after a filled-in run is the next page.
    await page.locator('#hb-sidebar a[href="../big/p060.html"]').focus();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('href')), '../big/p061.html');
    await page.keyboard.press('Enter');
    await page.waitForURL(/p061\.html$/);
    const state = await page.evaluate(sidebarState);
    assert.deepEqual(state.current, ['../big/p061.html']);
  });
});

test('focus on a "… N more" link when the list is filled moves to the first page filled in there', async () => {
  await lib.withPage(env.browser, {}, async ({ page }) => {
    let release;
    const gate = new Promise((resolve) => {
      release = resolve;
    });
    await page.route('**/nav.js*', async (route) => {
      await gate;
      await route.continue();
    });
    await page.goto(env.server.at(`big/p${pad(CURRENT)}.html`), { waitUntil: 'commit' });
    const gap = page.locator('ul[data-nav-list="big/index.html"] > li.nav-gap > a').first();
    await gap.focus();
    release();
    await page.waitForFunction(() => document.querySelector('ul[data-nav-list="big/index.html"][data-nav-filled]'));
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('href')), '../big/p004.html');
    await page.waitForLoadState('load');
  });
});

// axe runs over http: its colour-contrast rule reads the stylesheets, which file:// forbids.
test('axe: no violations on the filled sidebar, wide and narrow (drawer open)', async () => {
  for (const width of lib.WIDTHS) {
    await lib.withPage(env.browser, { width }, async ({ page }) => {
      await lib.visit(page, env.server.at(`big/p${pad(CURRENT)}.html`));
      if (width < 960) await page.locator('#hb-sidebar-toggle').click();
      expectFilled(await page.evaluate(sidebarState));
      lib.assertNoViolations(await lib.axe(page), `filled sidebar at ${width}px`);
    });
  }
});
