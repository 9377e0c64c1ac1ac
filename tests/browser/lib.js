'use strict';
// Shared helpers for the browser test bench (node:test + playwright-core + axe-core).
//
// The suite is started by `cargo test` through tests/browser.rs, which builds the bundled
// handbook with the real binary and passes the output folder as HANDBOOK_SITE. To run it by
// hand: `handbook build --out /tmp/site && HANDBOOK_SITE=/tmp/site node --test tests/browser/`.
//
// Nothing here downloads anything: Chromium is Debian's /usr/bin/chromium, axe-core and vnu.jar
// come from node_modules, and every request that would leave 127.0.0.1 is aborted and reported.
// Environment: HANDBOOK_SITE (required) is the built site; HANDBOOK_BIN is the handbook binary
// that built it, for tests that need to run it.
//
// A test file starts with `const env = lib.suite({...})`: the before/after hooks every file
// shares (a browser, a server for the site or a fixture built for the file, a temporary folder),
// whose state `env` holds once the first test runs.

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const http = require('node:http');
const { spawn, spawnSync } = require('node:child_process');
const { before, after } = require('node:test');
const assert = require('node:assert/strict');
const { pathToFileURL, fileURLToPath } = require('node:url');

const REPO = path.resolve(__dirname, '..', '..');
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
// The site is served under a sub-path to prove that every URL is relative: a link or asset
// written as `/assets/..` would escape the sub-path, get a 404 and fail the test.
const SUB_PATH = '/some/sub/path/';
const SCREENSHOT_DIR = path.join(__dirname, 'screenshots');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const WIDTHS = [320, 1280];

function fail(message) {
  const bar = '='.repeat(78);
  throw new Error(`\n${bar}\n${message}\n${bar}`);
}

const SITE = (() => {
  const site = process.env.HANDBOOK_SITE;
  if (!site) {
    fail('HANDBOOK_SITE is not set. The browser tests are started by `cargo test` (tests/browser.rs),\n' +
      'or by hand: `handbook build --out DIR && HANDBOOK_SITE=DIR node --test tests/browser/`.');
  }
  const abs = path.resolve(site);
  if (!fs.existsSync(path.join(abs, 'index.html'))) {
    fail(`HANDBOOK_SITE=${abs} has no index.html; is it the output of \`handbook build\`?`);
  }
  return abs;
})();

// ---------------------------------------------------------------------------------------------
// Files of the built site

/** Every file under the site, as site-relative paths with forward slashes, sorted. */
function siteFiles(ext) {
  const out = [];
  (function walk(dir) {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (!ext || entry.name.endsWith(ext)) out.push(path.relative(SITE, full).split(path.sep).join('/'));
    }
  })(SITE);
  return out.sort();
}

function fileUrl(rel) {
  return pathToFileURL(path.join(SITE, rel)).href;
}

// ---------------------------------------------------------------------------------------------
// A tiny static file server on 127.0.0.1 (random port), serving SITE under a sub-path

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
  '.zip': 'application/zip',
};

/**
 * Start a static server for the site. `base` is the URL path the site lives under ('/' for the
 * host root). Resolves to { url, origin, port, misses, close() }; `url` ends with '/'.
 */
function startServer({ base = SUB_PATH, root = SITE } = {}) {
  if (!base.startsWith('/') || !base.endsWith('/')) throw new Error(`base must start and end with '/': ${base}`);
  const misses = [];
  const server = http.createServer((req, res) => {
    const send = (status, body, headers = {}) => {
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed', { Allow: 'GET, HEAD' });
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
    } catch {
      return send(400, 'bad request');
    }
    const miss = (why) => {
      misses.push(`${req.url} (${why})`);
      send(404, `not found: ${req.url}\n`);
    };
    if (!pathname.startsWith(base)) return miss(`outside the sub-path ${base}`);
    const file = path.resolve(root, '.' + path.posix.normalize('/' + pathname.slice(base.length)));
    if (file !== root && !file.startsWith(root + path.sep)) return miss('outside the site');
    let target = file;
    let stat;
    try {
      stat = fs.statSync(target);
      if (stat.isDirectory()) {
        if (!pathname.endsWith('/')) {
          const u = new URL(req.url, 'http://127.0.0.1');
          res.writeHead(301, { Location: u.pathname + '/' + u.search, 'Cache-Control': 'no-store' });
          return res.end();
        }
        target = path.join(target, 'index.html');
        stat = fs.statSync(target);
      }
    } catch {
      return miss('no such file');
    }
    if (!stat.isFile()) return miss('not a file');
    const type = MIME[path.extname(target).toLowerCase()] || 'application/octet-stream';
    res.writeHead(200, {
      'Content-Type': type,
      'Content-Length': stat.size,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    if (req.method === 'HEAD') return res.end();
    fs.createReadStream(target).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      const origin = `http://127.0.0.1:${port}`;
      resolve({
        port,
        origin,
        base,
        url: origin + base,
        misses,
        /** Absolute URL of a site-relative path. */
        at: (rel) => origin + base + rel,
        close: () => new Promise((done) => {
          server.closeAllConnections();
          server.close(() => done());
        }),
      });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Chromium

async function launch() {
  if (!fs.existsSync(CHROMIUM)) {
    fail(`${CHROMIUM} is missing. Install Debian's Chromium: apt-get install -y --no-install-recommends chromium\n` +
      '(./test.sh does this). The tests never download a browser of their own.');
  }
  let chromium;
  try {
    ({ chromium } = require('playwright-core'));
  } catch (e) {
    fail(`playwright-core is not installed (${e.message}). Run \`npm ci\` in ${REPO}.`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true, timeout: 60_000 });
}

function isAllowedUrl(raw) {
  let url;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  switch (url.protocol) {
    case 'file:':
    case 'data:':
    case 'about:':
      return true;
    case 'blob:':
      return isAllowedUrl(raw.slice('blob:'.length)) || raw.startsWith('blob:null/');
    case 'http:':
    case 'https:':
    case 'ws:':
    case 'wss:':
      return ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
    default:
      return false;
  }
}

/**
 * A new browser context with a page and a guard that records
 *  - every request that would leave the machine (it is aborted, so nothing does),
 *  - console errors and uncaught page errors,
 *  - failed requests and HTTP responses >= 400.
 * Options: width, height, colorScheme ('light' | 'dark'), reducedMotion.
 */
async function openPage(browser, { width = 1280, height = 800, colorScheme = 'light', reducedMotion = 'reduce' } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme, reducedMotion });
  const problems = { external: [], console: [], failed: [], http: [] };
  await context.route((url) => !isAllowedUrl(url.href), (route) => {
    route.abort('blockedbyclient').catch(() => {});
  });
  context.on('request', (req) => {
    if (!isAllowedUrl(req.url())) problems.external.push(`${req.method()} ${req.url()} (from ${pageOf(req)})`);
  });
  context.on('requestfailed', (req) => {
    if (!isAllowedUrl(req.url())) return; // already reported as external
    const f = req.failure();
    // A request cancelled because the page navigated away (a lazy script still loading when the
    // test follows a link) is not a failure of the site.
    if (f && f.errorText === 'net::ERR_ABORTED') return;
    problems.failed.push(`${req.url()}: ${f ? f.errorText : 'failed'} (from ${pageOf(req)})`);
  });
  context.on('response', (res) => {
    if (res.status() >= 400) problems.http.push(`${res.status()} ${res.url()} (from ${pageOf(res.request())})`);
  });
  context.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const loc = msg.location();
    const where = loc && loc.url ? ` at ${loc.url}:${loc.lineNumber}` : '';
    problems.console.push(`${msg.text()}${where} (on ${safeUrl(msg.page())})`);
  });
  context.on('weberror', (err) => {
    problems.console.push(`uncaught: ${err.error().stack || err.error().message} (on ${safeUrl(err.page())})`);
  });
  context.on('page', (p) => {
    p.on('websocket', (ws) => {
      if (!isAllowedUrl(ws.url())) problems.external.push(`WebSocket ${ws.url()}`);
    });
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.setDefaultNavigationTimeout(30_000);
  const guard = {
    problems,
    /** The recorded problems as text lines; empty when clean. */
    report() {
      const lines = [];
      for (const x of problems.external) lines.push(`request leaving localhost: ${x}`);
      for (const x of problems.console) lines.push(`console error: ${x}`);
      for (const x of problems.failed) lines.push(`failed request: ${x}`);
      for (const x of problems.http) lines.push(`HTTP error: ${x}`);
      return lines;
    },
    reset() {
      for (const k of Object.keys(problems)) problems[k].length = 0;
    },
    assertClean(label = 'page') {
      const lines = guard.report();
      assert.equal(lines.length, 0, `${label}: ${lines.length} problem(s):\n  ${lines.join('\n  ')}`);
    },
  };
  return { context, page, guard };
}

function safeUrl(page) {
  try {
    return page ? page.url() : '?';
  } catch {
    return '?';
  }
}

function pageOf(req) {
  try {
    const f = req.frame();
    return f ? f.url() : '?';
  } catch {
    return '?';
  }
}

/**
 * Run `fn({ page, context, guard })` in a fresh context, then assert the guard is clean (no
 * request left localhost, no console errors, no failed requests). Always closes the context.
 */
async function withPage(browser, options, fn) {
  const { context, page, guard } = await openPage(browser, options);
  try {
    try {
      await fn({ page, context, guard });
    } catch (e) {
      const extra = guard.report();
      if (extra.length && e && typeof e.message === 'string') {
        e.message += `\n(also seen on the page:\n  ${extra.join('\n  ')})`;
      }
      throw e;
    }
    guard.assertClean(safeUrl(page));
  } finally {
    await context.close().catch(() => {});
  }
}

/** Go to a URL and wait for the load event and web fonts. */
async function visit(page, url) {
  const res = await page.goto(url, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts && document.fonts.ready.then(() => undefined));
  return res;
}

// ---------------------------------------------------------------------------------------------
// axe-core

let axeSource;
/**
 * Run axe-core (WCAG 2.0/2.1/2.2 A and AA rules) on the page; returns the violations as plain
 * objects { id, impact, help, helpUrl, nodes: [{ target, summary, html }] }.
 */
async function axe(page, { context = null } = {}) {
  if (!axeSource) {
    try {
      axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    } catch (e) {
      fail(`axe-core is not installed (${e.message}). Run \`npm ci\` in ${REPO}.`);
    }
  }
  // Evaluated through the DevTools protocol rather than a <script> tag, so a strict
  // Content-Security-Policy in the theme cannot block it.
  const loaded = await page.evaluate(`${axeSource}\n;typeof window.axe === 'object'`);
  assert.ok(loaded, 'axe-core did not load into the page');
  return page.evaluate(async ({ tags, ctx }) => {
    const result = await window.axe.run(ctx || document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({
        target: n.target.map(String),
        summary: n.failureSummary,
        html: n.html.length > 240 ? n.html.slice(0, 240) + '…' : n.html,
      })),
    }));
  }, { tags: AXE_TAGS, ctx: context });
}

function formatViolations(violations) {
  const lines = [];
  for (const v of violations) {
    lines.push(`[${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})`);
    for (const n of v.nodes.slice(0, 8)) {
      lines.push(`    at ${n.target.join(' ')}`);
      lines.push(`       ${n.html.replace(/\s+/g, ' ')}`);
      if (n.summary) lines.push(...n.summary.split('\n').map((s) => `       | ${s}`));
    }
    if (v.nodes.length > 8) lines.push(`    … and ${v.nodes.length - 8} more node(s)`);
  }
  return lines.join('\n');
}

/** Fail with `message` and the items, one a line, when `items` is not empty (no diff noise). */
function assertNone(items, message) {
  if (items.length) assert.fail(`${message}:\n  ${items.join('\n  ')}`);
}

function assertNoViolations(violations, label) {
  assert.equal(violations.length, 0,
    `${label}: ${violations.length} axe violation(s) (${AXE_TAGS.join(', ')}):\n${formatViolations(violations)}`);
}

// ---------------------------------------------------------------------------------------------
// Screenshots

const MAX_SHOT_HEIGHT = 6000;

/**
 * Full-page screenshot to tests/browser/screenshots/<name>-<width>.png. Pages taller than
 * MAX_SHOT_HEIGHT (print.html holds the whole handbook) are cut to their top part: Chromium's
 * full-page capture of a page tens of thousands of pixels tall does not finish.
 */
async function screenshot(page, name) {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const viewport = page.viewportSize();
  const file = path.join(SCREENSHOT_DIR, `${name}-${viewport.width}.png`);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  if (height <= MAX_SHOT_HEIGHT) {
    await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
  } else {
    await page.setViewportSize({ width: viewport.width, height: MAX_SHOT_HEIGHT });
    try {
      await page.screenshot({ path: file, animations: 'disabled' });
    } finally {
      await page.setViewportSize(viewport);
    }
  }
  return file;
}

// ---------------------------------------------------------------------------------------------
// Finding the pages to test: from the home page's navigation, as a reader would

/** Site-relative path of an absolute URL under `baseUrl` ('' when outside); 'dir/' becomes 'dir/index.html'. */
function relOf(href, baseUrl) {
  let u;
  try {
    u = new URL(href);
  } catch {
    return '';
  }
  u.hash = '';
  u.search = '';
  const s = u.href;
  if (!s.startsWith(baseUrl)) return '';
  let rel = decodeURIComponent(s.slice(baseUrl.length));
  if (rel === '' || rel.endsWith('/')) rel += 'index.html';
  return rel;
}

async function navLinks(page, baseUrl) {
  const hrefs = await page.$$eval('nav a[href]', (as) => as.map((a) => a.href));
  return hrefs.map((h) => relOf(h, baseUrl)).filter(Boolean);
}

/**
 * Find one page of each template: { home, chapter, page, print, notFound } (site-relative
 * paths), plus `notes`: what could not be found through navigation and was taken from the
 * file system instead (the landmark tests fail on those).
 */
async function discover(browser, server) {
  const notes = [];
  const found = { home: 'index.html', print: 'print.html', notFound: '404.html', chapter: null, page: null, notes };
  const { context, page } = await openPage(browser);
  try {
    await page.goto(server.at('index.html'), { waitUntil: 'domcontentloaded' });
    const homeLinks = await navLinks(page, server.url);
    found.chapter = homeLinks.find((r) => /^[^/]+\/index\.html$/.test(r) && !r.startsWith('assets/')) || null;
    if (found.chapter) {
      await page.goto(server.at(found.chapter), { waitUntil: 'domcontentloaded' });
      const dir = found.chapter.slice(0, -'index.html'.length);
      const links = await navLinks(page, server.url);
      found.page =
        links.find((r) => r.startsWith(dir) && /^[^/]+\/[^/]+\.html$/.test(r) && !r.endsWith('/index.html')) ||
        links.find((r) => /^[^/]+\/[^/]+\.html$/.test(r) && !r.endsWith('/index.html')) || null;
    }
  } finally {
    await context.close();
  }
  const html = siteFiles('.html');
  if (!found.chapter) {
    notes.push('the home page has no <nav> link to a chapter (DIR/index.html)');
    found.chapter = html.find((r) => /^[^/]+\/index\.html$/.test(r) && !r.startsWith('assets/')) || null;
  }
  if (!found.page) {
    notes.push(`the chapter page ${found.chapter} has no <nav> link to a content page (DIR/NAME.html)`);
    found.page = html.find((r) => /^[^/]+\/[^/]+\.html$/.test(r) && !r.endsWith('/index.html') && !r.startsWith('assets/')) || null;
  }
  return found;
}

/** The five templates, in the order the tests use them. */
const TEMPLATES = [
  ['home', 'home'],
  ['chapter', 'chapter'],
  ['content page', 'page'],
  ['print.html', 'print'],
  ['404.html', 'notFound'],
];

/** Resolve a template key to a path, failing the test if the site lacks it. */
function pick(found, key) {
  const rel = found[key];
  assert.ok(rel, `the built site has no ${key} page to test`);
  assert.ok(fs.existsSync(path.join(SITE, rel)), `${rel} is missing from the built site (${SITE})`);
  return rel;
}

/** Relative luminance (0 black .. 1 white) of the page background (body, else html, else white). */
function backgroundLuminance(page) {
  return page.evaluate(() => {
    const parse = (c) => (c.match(/[\d.]+/g) || []).map(Number);
    let rgba = parse(getComputedStyle(document.body).backgroundColor);
    if (rgba.length === 4 && rgba[3] === 0) rgba = parse(getComputedStyle(document.documentElement).backgroundColor);
    if (rgba.length === 4 && rgba[3] === 0) rgba = [255, 255, 255];
    const lin = (v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * lin(rgba[0]) + 0.7152 * lin(rgba[1]) + 0.0722 * lin(rgba[2]);
  });
}

/** The text of each label of the practice log's chart (`.srs-chart-svg`) that stands more than
 * 2 px outside the chart on either side: none, on a page whose chart fits its labels. */
function chartLabelsOutside(page) {
  return page.evaluate(() => {
    const svg = document.querySelector('.srs-chart-svg');
    const box = svg.getBoundingClientRect();
    return [...svg.querySelectorAll('text')].filter((t) => {
      const r = t.getBoundingClientRect();
      return r.left < box.left - 2 || r.right > box.right + 2;
    }).map((t) => t.textContent);
  });
}

/** The theme toggle button (DESIGN.md leaves its name open: it mentions theme, dark, light or colour scheme). */
function themeToggle(page) {
  return page.getByRole('button', { name: /theme|dark|light|colou?r (scheme|mode)|appearance/i }).first();
}

/** Call async `fn` every 100 ms until it returns truthy or `timeout` ms pass; returns the last value. */
async function poll(fn, timeout = 3000) {
  const end = Date.now() + timeout;
  let v = await fn();
  while (!v && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 100));
    v = await fn();
  }
  return v;
}

/** Press Tab until `predicate` (run in the page, gets document.activeElement) holds; returns the number of presses or -1. */
async function tabUntil(page, predicate, arg, max = 60) {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(predicate, arg)) return i;
  }
  return -1;
}

/** Describe the focused element, for messages. */
function describeFocus(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return '<body>';
    const name = (el.getAttribute('aria-label') || el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 60);
    return `<${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : ''}> "${name}"`;
  });
}

// ---------------------------------------------------------------------------------------------
// The real binary, and the setup every test file shares

/** The handbook binary: HANDBOOK_BIN, else target/debug/handbook; fails when it is missing. */
function handbookBin() {
  const bin = process.env.HANDBOOK_BIN || path.join(REPO, 'target', 'debug', 'handbook');
  assert.ok(fs.existsSync(bin), `the handbook binary is missing: ${bin} (set HANDBOOK_BIN or run cargo build)`);
  return bin;
}

/** Writes `files` ({ 'relative/path': text }) below `root`, creating folders. */
function writeFiles(root, files) {
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
}

/**
 * `handbook build --root ROOT --out OUT ARGS...`; fails with its output unless it exits 0.
 * `env` adds environment variables. Returns what it printed on stderr.
 */
function buildSite(root, out, { args = [], env = {} } = {}) {
  const run = spawnSync(handbookBin(), ['build', ...args, '--root', root, '--out', out], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  assert.ok(!run.error, `could not run the handbook binary: ${run.error}`);
  assert.equal(run.status, 0, `handbook build --root ${root} failed:\n${run.stdout}${run.stderr}`);
  return run.stderr;
}

/**
 * `handbook serve --port 0 --root ROOT ARGS...`, resolved once it printed its URL:
 * { child, url (ends with '/'), output() (all it printed so far), close() }.
 */
function startServe(root, args = []) {
  const child = spawn(handbookBin(), ['serve', '--port', '0', ...args, '--root', root], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const close = () => new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    child.once('exit', () => done());
    child.kill('SIGINT');
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`handbook serve printed no URL within 120 s:\n${output}`)), 120_000);
    const onData = (d) => {
      output += d;
      const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[0], output: () => output, close });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`handbook serve exited (${code}):\n${output}`));
    });
  });
}

/**
 * Registers the before/after hooks of a test file and returns their state, filled in before
 * the first test: `browser`; `tmp`, a temporary folder (removed after); `site`, the folder
 * served, and `server`, its static server (see startServer). The site is the bundled handbook
 * (HANDBOOK_SITE), or `fixture` built into tmp/site (a handbook folder, or a function that
 * writes a handbook below the tmp folder it is given and returns its folder), or none with
 * `site: null`. `discover: true` fills `found` (the template pages, see discover). `setup(env)`
 * runs last, for what else the file needs; `env.serve(root)` starts another static server and
 * `env.handbookServe(root, args)` a `handbook serve` (see startServe), both stopped after the
 * file's tests.
 */
function suite({ fixture = null, site = SITE, discover: wantFound = false, setup = null } = {}) {
  const servers = [];
  const env = { tmp: null, site: null, server: null, browser: null, found: null };
  env.serve = async (root) => {
    const server = await startServer({ root });
    servers.push(server);
    return server;
  };
  env.handbookServe = async (root, args) => {
    const serve = await startServe(root, args);
    servers.push(serve);
    return serve;
  };
  before(async () => {
    env.tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'handbook-browser-'));
    env.site = site;
    if (fixture) {
      const root = typeof fixture === 'function' ? await fixture(env.tmp) : fixture;
      env.site = path.join(env.tmp, 'site');
      buildSite(root, env.site, { args: ['--quiet'] });
    }
    if (env.site) env.server = await env.serve(env.site);
    env.browser = await launch();
    if (wantFound) env.found = await discover(env.browser, env.server);
    if (setup) await setup(env);
  });
  after(async () => {
    await env.browser?.close();
    for (const server of servers) await server.close();
    if (env.tmp) fs.rmSync(env.tmp, { recursive: true, force: true });
  });
  return env;
}

/**
 * Writes a small handbook under `tmp/handbook`: `handbook.toml` with `id` and `title`, a home
 * page (`home`, else a heading and a line) and `files` (path -> text, as `writeFiles`). Returns
 * its root, for `suite({ fixture })`.
 */
function handbookWith(tmp, { id, title, home = `# ${title}\n\nA page.\n`, files = {} }) {
  const root = path.join(tmp, 'handbook');
  writeFiles(root, {
    'handbook.toml': `id = "${id}"\ntitle = "${title}"\n`,
    'content/_index.md': home,
    ...files,
  });
  return root;
}

/**
 * The W3C Nu Html Checker's errors (errors only) for every HTML file under `dir`, as
 * `file:line:column: message` lines with the file relative to `dir`. vnu.jar comes from the
 * vnu-jar package and runs on the system's java (never its Java downloader); a missing jar or
 * java fails the test with what to install. `ignore` lists `[regex on the message, why]` of
 * documented checker false positives; those are logged, not returned.
 */
function vnuErrors(dir, ignore = []) {
  const assert = require('node:assert/strict');
  const { spawnSync } = require('node:child_process');
  let pkg;
  try {
    pkg = path.dirname(require.resolve('vnu-jar/package.json'));
  } catch (e) {
    assert.fail(`vnu-jar is not installed (${e.message}). Run \`npm ci\` in ${REPO}.`);
  }
  const jar = path.join(pkg, 'build', 'dist', 'vnu.jar');
  assert.ok(fs.existsSync(jar), `${jar} is missing; reinstall with \`npm ci\``);
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
  assert.ok(!java.error && java.status === 0,
    'java is not on PATH; vnu.jar needs a Java 11+ runtime: apt-get install -y --no-install-recommends default-jre-headless (./test.sh does this)');
  const run = spawnSync('java', ['-Xss1m', '-jar', jar, '--errors-only', '--format', 'json', '--skip-non-html', dir], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  assert.ok(!run.error, `could not run vnu.jar: ${run.error}`);
  let report;
  try {
    report = JSON.parse(run.stderr || run.stdout);
  } catch {
    assert.fail(`vnu.jar printed no JSON (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  }
  const errors = [];
  let ignored = 0;
  for (const m of report.messages) {
    if (m.type !== 'error' && m.type !== 'non-document-error') continue;
    if (ignore.some(([re]) => re.test(m.message))) {
      ignored += 1;
      continue;
    }
    const where = `${m.url ? path.relative(dir, fileURLToPath(m.url)) : '?'}:${m.lastLine ?? m.firstLine ?? '?'}:${m.firstColumn ?? m.lastColumn ?? '?'}`;
    errors.push(`${where}: ${m.message}${m.extract ? `\n      ${m.extract.replace(/\n/g, ' ').trim()}` : ''}`);
  }
  if (ignored) console.log(`vnu: ignored ${ignored} known false positive(s)`);
  return errors;
}

module.exports = {
  REPO,
  SITE,
  SUB_PATH,
  CHROMIUM,
  CHROMIUM_ARGS,
  AXE_TAGS,
  WIDTHS,
  SCREENSHOT_DIR,
  TEMPLATES,
  siteFiles,
  fileUrl,
  fileURLToPath,
  startServer,
  launch,
  isAllowedUrl,
  openPage,
  withPage,
  visit,
  axe,
  formatViolations,
  assertNoViolations,
  assertNone,
  screenshot,
  relOf,
  discover,
  pick,
  tabUntil,
  backgroundLuminance,
  chartLabelsOutside,
  themeToggle,
  poll,
  describeFocus,
  handbookBin,
  writeFiles,
  buildSite,
  startServe,
  suite,
  vnuErrors,
  handbookWith,
};
