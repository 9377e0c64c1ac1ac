'use strict';
// The built site works when opened straight from disk (file://): stylesheets, scripts and
// images load, every link points at a file that exists (a folder would show a directory
// listing), and a reader can follow the navigation home -> chapter -> page -> home.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const lib = require('./lib');

const env = lib.suite({ discover: true });

/** Check the page open in `page` (a file:// URL): assets loaded, every local link resolves to a file. */
async function checkLoaded(page, rel) {
  const info = await page.evaluate(() => ({
    sheets: [...document.querySelectorAll('link[rel~=stylesheet]')].map((l) => ({ href: l.href, ok: Boolean(l.sheet) })),
    images: [...document.images].map((i) => ({ src: i.currentSrc || i.src, ok: i.complete && i.naturalWidth > 0, lazy: i.loading === 'lazy' })),
    links: [...document.querySelectorAll('a[href], area[href]')].map((a) => a.href),
    styled: getComputedStyle(document.body).fontFamily,
  }));
  assert.ok(info.sheets.length > 0, `${rel} over file://: no stylesheet linked`);
  const badSheets = info.sheets.filter((s) => !s.ok).map((s) => s.href);
  lib.assertNone(badSheets, `${rel} over file://: stylesheets did not load`);
  const badImages = info.images.filter((i) => !i.ok && !i.lazy).map((i) => i.src);
  lib.assertNone(badImages, `${rel} over file://: images did not load`);
  const broken = [];
  for (const href of new Set(info.links)) {
    const u = new URL(href);
    if (u.protocol !== 'file:') continue;
    u.hash = '';
    u.search = '';
    const p = lib.fileURLToPath(u);
    let stat = null;
    try {
      stat = fs.statSync(p);
    } catch {}
    if (!stat) broken.push(`${href}: no such file`);
    else if (!stat.isFile()) broken.push(`${href}: a folder (shows a directory listing from file://; link to its index.html)`);
    else if (!p.startsWith(lib.SITE + path.sep)) broken.push(`${href}: outside the site`);
  }
  lib.assertNone(broken, `${rel} over file://: ${broken.length} link(s) that do not open a page`);
}

/** Click the first link in a <nav> (or anywhere, with anywhere=true) whose target is `rel`. */
async function follow(page, fromRel, rel, { anywhere = false } = {}) {
  const target = lib.fileUrl(rel);
  const scope = anywhere ? 'a[href]' : 'nav a[href]';
  const index = await page.$$eval(scope, (as, t) => as.findIndex((a) => {
    const u = new URL(a.href);
    u.hash = '';
    const v = u.href.endsWith('/') ? u.href + 'index.html' : u.href;
    const r = a.getBoundingClientRect();
    return v === t && r.width > 0 && r.height > 0;
  }), target);
  assert.ok(index >= 0, `${fromRel} over file://: no visible ${anywhere ? '' : '<nav> '}link to ${rel}`);
  await Promise.all([
    page.waitForURL((u) => u.href.split('#')[0] === target, { waitUntil: 'load' }),
    page.locator(scope).nth(index).click(),
  ]);
  await checkLoaded(page, rel);
}

test('file://: the home page loads its assets and every link resolves to a file', async () => {
  await lib.withPage(env.browser, {}, async ({ page }) => {
    await lib.visit(page, lib.fileUrl('index.html'));
    await checkLoaded(page, 'index.html');
  });
});

test('file://: a content page loads its assets and every link resolves to a file', async () => {
  const rel = lib.pick(env.found, 'page');
  await lib.withPage(env.browser, {}, async ({ page }) => {
    await lib.visit(page, lib.fileUrl(rel));
    await checkLoaded(page, rel);
  });
});

test('file://: navigation works: home -> chapter -> page -> home', async () => {
  const chapter = lib.pick(env.found, 'chapter');
  const rel = lib.pick(env.found, 'page');
  await lib.withPage(env.browser, {}, async ({ page }) => {
    await lib.visit(page, lib.fileUrl('index.html'));
    await follow(page, 'index.html', chapter);
    await follow(page, chapter, rel);
    await follow(page, rel, 'index.html', { anywhere: true });
  });
});
