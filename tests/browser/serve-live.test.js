'use strict';
// `handbook serve` in a real browser: the page connects to the live-reload stream, reloads by
// itself after an edit, shows the build-error overlay while the handbook is broken and removes it
// when fixed. Runs the real binary (HANDBOOK_BIN, else target/debug/handbook) on a copy of
// tests/fixtures/good, on a free port. Every wait is a poll with a deadline.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const lib = require('./lib');

let root;
let url;

async function status() {
  const res = await fetch(new URL('__handbook/status', url));
  return res.json();
}

const env = lib.suite({
  site: null,
  setup: async (env) => {
    root = path.join(env.tmp, 'hb');
    fs.cpSync(path.join(lib.REPO, 'tests', 'fixtures', 'good'), root, { recursive: true });
    url = (await env.handbookServe(root, ['--quiet'])).url;
  },
});

test('an edit reloads the open page; a broken build shows the overlay until fixed', async () => {
  const source = path.join(root, 'content', '01-alliance', '02-evidence.md');
  const text = fs.readFileSync(source, 'utf8');
  const { context, page } = await lib.openPage(env.browser);
  try {
    await page.goto(new URL('alliance/evidence.html', url).href, { waitUntil: 'load' });
    assert.ok(await lib.poll(async () => (await status()).clients >= 1, 30_000), 'the page never connected');

    fs.writeFileSync(source, `${text}\nWritten while the page was open.\n`);
    await page.getByText('Written while the page was open.').waitFor({ timeout: 60_000 });

    fs.writeFileSync(source, `+++\ntitle = "never closed\n+++\n${text}`);
    const overlay = page.locator('#handbook-serve-overlay');
    await overlay.waitFor({ state: 'attached', timeout: 60_000 });
    const shown = await overlay.evaluate((host) => (host.shadowRoot || host).textContent);
    assert.match(shown, /content\/01-alliance\/02-evidence\.md:2/);

    fs.writeFileSync(source, `${text}\nFixed again.\n`);
    await page.getByText('Fixed again.').waitFor({ timeout: 60_000 });
    await overlay.waitFor({ state: 'detached', timeout: 60_000 });
  } finally {
    await context.close().catch(() => {});
  }
});
