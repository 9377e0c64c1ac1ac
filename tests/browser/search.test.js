'use strict';
// Search (issue 7): the header button and `/` open the search dialog; results appear as you
// type, stemmed ("validating" finds the validation chapter) and typo tolerant ("valdation");
// keyboard-only use; axe on the open dialog; the same over file://. The bundled handbook's
// index is one small file; the sharded layout of large sites (search/t-*.js, search/d-*.js,
// search/terms.js) is tested on a second build of it with HANDBOOK_SEARCH_SINGLE_MAX=0, which
// shards any index.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const lib = require('./lib');

let sharded; // { dir, server }: the bundled handbook built with a sharded index

const env = lib.suite({
  setup: async ({ tmp, serve }) => {
    const dir = path.join(tmp, 'sharded');
    lib.buildSite(lib.REPO, dir, { args: ['--quiet'], env: { HANDBOOK_SEARCH_SINGLE_MAX: '0' } });
    sharded = { dir, server: await serve(dir) };
  },
});

const PAGE = 'validation/tips.html';

function searchButton(page) {
  return page.getByRole('button', { name: 'Search', exact: true });
}

function dialog(page) {
  return page.getByRole('dialog');
}

function searchBox(page) {
  return dialog(page).getByRole('searchbox', { name: /search/i });
}

function results(page) {
  return dialog(page).getByRole('list', { name: /search results/i }).getByRole('link');
}

async function type(page, text, delay = 10) {
  const box = searchBox(page);
  await box.fill('');
  await box.pressSequentially(text, { delay });
  // Settled on the whole query: results, or "no results" for this very text (an earlier,
  // shorter prefix may have had none while typing).
  const none = `No results for “${text.trim()}”.`;
  await lib.poll(async () => (await results(page).count()) > 0 ||
    (await dialog(page).getByRole('status').textContent()) === none, 5000);
}

/** href (relative to the site root) of the first result. */
async function firstResult(page, base) {
  const href = await results(page).first().evaluate((a) => a.href);
  return href.startsWith(base) ? href.slice(base.length) : href;
}

test('the index is a classic script under 1 MB for the first search', () => {
  const file = path.join(lib.SITE, 'search-index.js');
  assert.ok(fs.existsSync(file), 'search-index.js is missing from the built site');
  const text = fs.readFileSync(file, 'utf8');
  assert.match(text, /^window\.HANDBOOK_SEARCH = \{"v":2,/);
  assert.ok(text.length < 1_000_000, `search-index.js is ${text.length} bytes`);
  assert.ok(!fs.existsSync(path.join(lib.SITE, 'search')), 'a small index has no search/ shards');
});

test('the button opens the dialog; "validating" finds the validation chapter first and leads to its heading', async () => {
  await lib.withPage(env.browser, {}, async ({ page }) => {
    await lib.visit(page, env.server.at(PAGE));
    const button = searchButton(page);
    await button.click();
    await assert.doesNotReject(dialog(page).waitFor({ state: 'visible' }));
    assert.ok(await searchBox(page).evaluate((e) => e === document.activeElement), 'focus is not in the search box');
    await type(page, 'validating');
    const status = await dialog(page).getByRole('status').textContent();
    assert.match(status, /\d+ results?|more than/i);
    // The index is loaded with this build's id, so a cached index of another build is never used.
    const version = await button.getAttribute('data-version');
    assert.match(version || '', /^[0-9a-f]{16}$/);
    const loaded = await page.evaluate(() => [...document.scripts].map((s) => s.src).filter((u) => /search-index\.js/.test(u)));
    assert.deepEqual(loaded.map((u) => new URL(u).search), [`?v=${version}`]);
    const first = await firstResult(page, env.server.url);
    assert.match(first, /^validation\/index\.html/, `first result is ${first}`);
    const marks = await results(page).first().locator('mark').allTextContents();
    assert.ok(marks.some((m) => /^validat/i.test(m)), `no highlighted word in the first result: ${marks}`);
    await results(page).first().click();
    await page.waitForLoadState('load');
    const url = new URL(page.url());
    assert.equal(url.href.slice(env.server.url.length).split('#')[0], first.split('#')[0]);
    if (url.hash) {
      const ok = await page.evaluate((id) => Boolean(document.getElementById(id)), decodeURIComponent(url.hash.slice(1)));
      assert.ok(ok, `no element with the id ${url.hash}`);
    }
  });
});

test('"/" opens search, Escape closes it and returns focus to the button; "/" in a text field types', async () => {
  await lib.withPage(env.browser, {}, async ({ page }) => {
    await lib.visit(page, env.server.at(PAGE));
    await page.keyboard.press('/');
    await dialog(page).waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    await dialog(page).waitFor({ state: 'hidden' });
    assert.ok(await searchButton(page).evaluate((b) => b === document.activeElement), 'focus did not return to the button');
    // A text field keeps its "/".
    await page.evaluate(() => {
      const i = document.createElement('input');
      i.type = 'text';
      i.id = 'probe';
      i.setAttribute('aria-label', 'probe');
      document.querySelector('main').appendChild(i);
      i.focus();
    });
    await page.keyboard.press('/');
    assert.equal(await page.inputValue('#probe'), '/');
    assert.equal(await dialog(page).count(), 0, '"/" in a text field opened search');
  });
});

test('one typo is tolerated: "valdation"', async () => {
  await lib.withPage(env.browser, {}, async ({ page }) => {
    await lib.visit(page, env.server.at(PAGE));
    await searchButton(page).click();
    await type(page, 'valdation ');
    assert.ok((await results(page).count()) > 0, 'no results for "valdation"');
    assert.match(await firstResult(page, env.server.url), /^validation\//);
  });
});

test('keyboard only: Tab to the button, type, arrow keys, Enter opens, focus stays in the dialog', async () => {
  await lib.withPage(env.browser, {}, async ({ page }) => {
    await lib.visit(page, env.server.at(PAGE));
    const presses = await lib.tabUntil(page, () => document.activeElement && document.activeElement.hasAttribute('data-search-open'));
    assert.ok(presses > 0, 'Tab never reached the search button');
    await page.keyboard.press('Enter');
    await dialog(page).waitFor({ state: 'visible' });
    await page.keyboard.type('bond', { delay: 10 });
    await lib.poll(async () => (await results(page).count()) > 1, 5000);
    assert.ok((await results(page).count()) > 1, 'expected several results for "bond"');
    // Focus is trapped: Tab many times never leaves the dialog.
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      const inside = await page.evaluate(() => Boolean(document.activeElement && document.activeElement.closest('dialog')));
      assert.ok(inside, `Tab ${i + 1} left the dialog: ${await lib.describeFocus(page)}`);
    }
    await searchBox(page).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const second = await results(page).nth(1).evaluate((a) => a.href);
    assert.equal(await page.evaluate(() => document.activeElement.href), second);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    assert.ok(await searchBox(page).evaluate((e) => e === document.activeElement), 'ArrowUp from the first result did not return to the box');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await Promise.all([page.waitForURL(second), page.keyboard.press('Enter')]);
  });
});

test('axe: the open dialog with results has no violations (light and dark)', async () => {
  for (const colorScheme of ['light', 'dark']) {
    await lib.withPage(env.browser, { colorScheme }, async ({ page }) => {
      await lib.visit(page, env.server.at(PAGE));
      await searchButton(page).click();
      await type(page, 'validating');
      const violations = await lib.axe(page);
      lib.assertNoViolations(violations, `search dialog (${colorScheme})`);
    });
  }
});

test('search works over file://', async () => {
  await lib.withPage(env.browser, {}, async ({ page }) => {
    await lib.visit(page, lib.fileUrl(PAGE));
    await searchButton(page).click();
    await type(page, 'validating');
    const base = lib.fileUrl('');
    const first = await firstResult(page, base.endsWith('/') ? base : base + '/');
    assert.match(first, /^validation\//);
    await results(page).first().click();
    await page.waitForLoadState('load');
    assert.ok(page.url().startsWith('file://'));
  });
});

// ---------------------------------------------------------------------------------------------
// The sharded index (as large sites get it)

/** Opens `url`, searches `query` and checks the first result's page and heading id, then follows
 * it and checks the browser lands on that page with that heading there. Returns the files of
 * the index the page loaded. */
async function searchAndFollow(page, url, base, query, wantPage, wantId, delay) {
  const loaded = [];
  page.on('request', (r) => { if (/search-index\.js|\/search\//.test(r.url())) loaded.push(r.url().slice(base.length).replace(/\?v=[0-9a-f]+$/, '')); });
  await lib.visit(page, url);
  await searchButton(page).click();
  await type(page, query, delay);
  const first = await firstResult(page, base);
  const [file, id = ''] = first.split('#');
  assert.equal(file, wantPage, `first result for "${query}" is ${first}`);
  if (wantId !== undefined) assert.equal(id, wantId, `first result for "${query}" is ${first}`);
  await results(page).first().click();
  await page.waitForLoadState('load');
  const landed = new URL(page.url());
  assert.equal(landed.href.slice(base.length).split('#')[0], wantPage);
  if (id) {
    assert.equal(decodeURIComponent(landed.hash.slice(1)), id);
    assert.ok(await page.evaluate((i) => Boolean(document.getElementById(i)), id), `no element with the id ${id}`);
  }
  return loaded;
}

test('sharded index: the entry is small and only the shards a query needs are loaded', async () => {
  const entry = fs.readFileSync(path.join(sharded.dir, 'search-index.js'), 'utf8');
  assert.match(entry, /"docs":null,"terms":null/);
  const shards = fs.readdirSync(path.join(sharded.dir, 'search'));
  assert.ok(shards.some((f) => /^d-\d+\.js$/.test(f)) && shards.some((f) => /^t-[0-9a-f]+\.js$/.test(f)) && shards.includes('terms.js'),
    `unexpected shard files: ${shards.slice(0, 10)}`);
  await lib.withPage(env.browser, {}, async ({ page }) => {
    // Typed slowly, so that every prefix on the way is searched: each matches something, so
    // none needs the typo dictionary.
    const loaded = await searchAndFollow(page, sharded.server.at(PAGE), sharded.server.url, 'validating', 'validation/index.html', undefined, 120);
    assert.ok(loaded.includes('search-index.js'), `loaded: ${loaded}`);
    assert.ok(loaded.length < shards.length / 4, `the first search loaded ${loaded.length} of ${shards.length + 1} files`);
    assert.ok(!loaded.includes('search/terms.js'), 'the typo dictionary was loaded for a word that matches');
  });
});

test('sharded index: a heading hit leads to its heading, over http and file://', async () => {
  for (const over of ['http', 'file']) {
    await lib.withPage(env.browser, {}, async ({ page }) => {
      const base = over === 'http' ? sharded.server.url : pathToFileURL(sharded.dir).href + '/';
      await searchAndFollow(page, base + PAGE, base, 'supervision shared language',
        'supervisors/supervision.html', 'use-the-shared-language');
    });
  }
});

test('sharded index: stems and one typo, over file://', async () => {
  const base = pathToFileURL(sharded.dir).href + '/';
  for (const query of ['validating', 'valdation ']) {
    await lib.withPage(env.browser, {}, async ({ page }) => {
      const loaded = await searchAndFollow(page, base + PAGE, base, query, 'validation/index.html');
      if (query.startsWith('valdation')) assert.ok(loaded.includes('search/terms.js'), `loaded: ${loaded}`);
    });
  }
});

test('sharded index: "Show more results" adds the next results and moves focus to the first of them', async () => {
  await lib.withPage(env.browser, {}, async ({ page }) => {
    await lib.visit(page, sharded.server.at(PAGE));
    await searchButton(page).click();
    await type(page, 'bond');
    const status = await dialog(page).getByRole('status').textContent();
    const m = /^(\d+) results; the first 20 are shown/.exec(status);
    assert.ok(m, `status: ${status}`);
    const total = Number(m[1]);
    assert.equal(await results(page).count(), 20);
    const more = dialog(page).getByRole('button', { name: 'Show more results' });
    await more.click();
    await lib.poll(async () => (await results(page).count()) > 20, 5000);
    assert.equal(await results(page).count(), Math.min(40, total));
    const focused = await page.evaluate(() => document.activeElement.href);
    assert.equal(focused, await results(page).nth(20).evaluate((a) => a.href));
  });
});
