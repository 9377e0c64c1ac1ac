'use strict';
// `handbook serve` in a real browser: the page connects to the live-reload stream, reloads by
// itself after an edit, shows the build-error overlay while the handbook is broken and removes it
// when fixed. Runs the real binary (HANDBOOK_BIN, else target/debug/handbook) on a copy of
// tests/fixtures/good, on a free port. Every wait is a poll with a deadline.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn } = require('node:child_process');
const lib = require('./lib');

let browser;
let server;
let root;
let url;

function startServe() {
  const bin = process.env.HANDBOOK_BIN || path.join(lib.REPO, 'target', 'debug', 'handbook');
  assert.ok(fs.existsSync(bin), `the handbook binary is missing: ${bin}`);
  const child = spawn(bin, ['serve', '--quiet', '--port', '0', '--root', root], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr.on('data', (d) => { output += d; });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve printed no URL:\n${output}`)), 120_000);
    child.stdout.on('data', (d) => {
      output += d;
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve({ child, base: m[0] });
      }
    });
    child.on('exit', (code) => reject(new Error(`serve exited (${code}):\n${output}`)));
  });
}

async function status() {
  const res = await fetch(new URL('__handbook/status', url));
  return res.json();
}

before(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'handbook-serve-live-'));
  fs.cpSync(path.join(lib.REPO, 'tests', 'fixtures', 'good'), root, { recursive: true });
  const started = await startServe();
  server = started.child;
  url = started.base;
  browser = await lib.launch();
});

after(async () => {
  if (browser) await browser.close();
  if (server) server.kill('SIGINT');
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

test('an edit reloads the open page; a broken build shows the overlay until fixed', async () => {
  const source = path.join(root, 'content', '01-alliance', '02-evidence.md');
  const text = fs.readFileSync(source, 'utf8');
  const { context, page } = await lib.openPage(browser);
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
