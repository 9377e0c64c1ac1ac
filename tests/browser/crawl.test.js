'use strict';
// Every built HTML page, served over http under a sub-path: no request leaves localhost, no
// console error, no failed request, and every link, stylesheet, script and image points at a
// file of the site (and, for links with a #fragment, at an id that exists there).

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const lib = require('./lib');

const MAX_PAGES = 400;

const env = lib.suite();

const idCache = new Map();
function idsOf(rel) {
  if (!idCache.has(rel)) {
    const html = fs.readFileSync(path.join(lib.SITE, rel), 'utf8');
    const ids = new Set();
    for (const m of html.matchAll(/\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)) {
      const raw = m[1] ?? m[2] ?? m[3];
      ids.add(raw.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
    }
    idCache.set(rel, ids);
  }
  return idCache.get(rel);
}

test('every page: nothing leaves localhost, no console errors, every local link and asset resolves', async () => {
  const pages = lib.siteFiles('.html');
  assert.ok(pages.length >= 5, `only ${pages.length} HTML files in the built site`);
  const problems = [];
  const { context, page, guard } = await lib.openPage(env.browser);
  try {
    for (const rel of pages.slice(0, MAX_PAGES)) {
      guard.reset();
      const here = env.server.at(rel);
      const res = await lib.visit(page, here);
      if (!res || res.status() !== 200) problems.push(`${rel}: HTTP ${res && res.status()}`);
      const refs = await page.evaluate(() => [
        ...[...document.querySelectorAll('a[href], area[href]')].map((a) => ({ kind: 'link', url: a.href, raw: a.getAttribute('href') })),
        ...[...document.querySelectorAll('link[href]')].map((l) => ({ kind: `<link rel=${l.rel}>`, url: l.href, raw: l.getAttribute('href') })),
        ...[...document.querySelectorAll('script[src]')].map((s) => ({ kind: 'script', url: s.src, raw: s.getAttribute('src') })),
        ...[...document.querySelectorAll('img[src], source[src], video[src], audio[src]')].map((i) => ({ kind: i.tagName.toLowerCase(), url: i.src, raw: i.getAttribute('src') })),
      ]);
      for (const ref of refs) {
        const u = new URL(ref.url);
        if (u.origin !== env.server.origin) continue; // a link to another site is fine; a request to it is not (guard)
        if (!ref.url.startsWith(env.server.url)) {
          problems.push(`${rel}: ${ref.kind} "${ref.raw}" escapes the sub-path (resolves to ${u.pathname}); write it relative`);
          continue;
        }
        const target = lib.relOf(ref.url, env.server.url);
        const file = path.join(lib.SITE, target);
        if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
          problems.push(`${rel}: ${ref.kind} "${ref.raw}" -> ${target}: no such file`);
          continue;
        }
        if (ref.kind === 'link' && u.pathname.endsWith('/')) {
          problems.push(`${rel}: link "${ref.raw}" points at a folder; from file:// that shows a directory listing (link to index.html)`);
        }
        if (ref.kind === 'link' && u.hash.length > 1 && target.endsWith('.html')) {
          const id = decodeURIComponent(u.hash.slice(1));
          if (!idsOf(target).has(id)) problems.push(`${rel}: link "${ref.raw}": no id "${id}" in ${target}`);
        }
      }
      for (const line of guard.report()) problems.push(`${rel}: ${line}`);
    }
  } finally {
    await context.close();
  }
  lib.assertNone(problems, `${problems.length} problem(s) over ${Math.min(pages.length, MAX_PAGES)} pages`);
});
