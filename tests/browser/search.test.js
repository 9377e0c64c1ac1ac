'use strict';
// Search (issue 7): the header button and `/` open the search dialog; results appear as you
// type, stemmed ("validating" finds the validation chapter) and typo tolerant ("valdation");
// keyboard-only use; axe on the open dialog; the same over file://.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const lib = require('./lib');

let server;
let browser;

before(async () => {
  server = await lib.startServer();
  browser = await lib.launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
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

async function type(page, text) {
  const box = searchBox(page);
  await box.fill('');
  await box.pressSequentially(text, { delay: 10 });
  await lib.poll(async () => (await results(page).count()) > 0 ||
    /no results/i.test(await dialog(page).getByRole('status').textContent()), 5000);
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
  assert.match(text, /^window\.HANDBOOK_SEARCH = \{/);
  assert.ok(text.length < 1_000_000, `search-index.js is ${text.length} bytes`);
});

test('the button opens the dialog; "validating" finds the validation chapter first and leads to its heading', async () => {
  await lib.withPage(browser, {}, async ({ page }) => {
    await lib.visit(page, server.at(PAGE));
    const button = searchButton(page);
    await button.click();
    await assert.doesNotReject(dialog(page).waitFor({ state: 'visible' }));
    assert.ok(await searchBox(page).evaluate((e) => e === document.activeElement), 'focus is not in the search box');
    await type(page, 'validating');
    const status = await dialog(page).getByRole('status').textContent();
    assert.match(status, /\d+ results?|more than/i);
    const first = await firstResult(page, server.url);
    assert.match(first, /^validation\/index\.html/, `first result is ${first}`);
    const marks = await results(page).first().locator('mark').allTextContents();
    assert.ok(marks.some((m) => /^validat/i.test(m)), `no highlighted word in the first result: ${marks}`);
    await results(page).first().click();
    await page.waitForLoadState('load');
    const url = new URL(page.url());
    assert.equal(url.href.slice(server.url.length).split('#')[0], first.split('#')[0]);
    if (url.hash) {
      const ok = await page.evaluate((id) => Boolean(document.getElementById(id)), decodeURIComponent(url.hash.slice(1)));
      assert.ok(ok, `no element with the id ${url.hash}`);
    }
  });
});

test('"/" opens search, Escape closes it and returns focus to the button; "/" in a text field types', async () => {
  await lib.withPage(browser, {}, async ({ page }) => {
    await lib.visit(page, server.at(PAGE));
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
  await lib.withPage(browser, {}, async ({ page }) => {
    await lib.visit(page, server.at(PAGE));
    await searchButton(page).click();
    await type(page, 'valdation ');
    assert.ok((await results(page).count()) > 0, 'no results for "valdation"');
    assert.match(await firstResult(page, server.url), /^validation\//);
  });
});

test('keyboard only: Tab to the button, type, arrow keys, Enter opens, focus stays in the dialog', async () => {
  await lib.withPage(browser, {}, async ({ page }) => {
    await lib.visit(page, server.at(PAGE));
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
    await lib.withPage(browser, { colorScheme }, async ({ page }) => {
      await lib.visit(page, server.at(PAGE));
      await searchButton(page).click();
      await type(page, 'validating');
      const violations = await lib.axe(page);
      lib.assertNoViolations(violations, `search dialog (${colorScheme})`);
    });
  }
});

test('search works over file://', async () => {
  await lib.withPage(browser, {}, async ({ page }) => {
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
