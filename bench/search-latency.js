'use strict';
// Search latency and download size in the real page (issue 7), driven by bench/search.sh.
//
//   node bench/search-latency.js --site DIR [--label NAME] [--queries "a;b c;d"] [--runs N]
//
// Serves DIR over http on 127.0.0.1 under a sub-path (counting the bytes of every search file
// sent) and drives Debian's /usr/bin/chromium with playwright-core (from node_modules, as the
// browser tests do). Latency ends when the results are rendered: search.js fires
// `handbook:search-results` on the dialog after it rendered them; the bench then waits for
// the next animation frame. For each query:
//   cold        a fresh page: the Search button is clicked and the whole query entered at once
//               (as if pasted); measured from the click, so it includes loading
//               search-index.js and everything the query needs (whose bytes are the "first
//               search" download) and search.js's 60 ms pause for loading while typing
//   warm        the same page afterwards, the query typed again after another one, timed from
//               the keydown of its last character: everything it needs is loaded, so this is
//               tokenising, scoring and rendering
//   typed       (bytes only) a fresh page, each query typed a key every 150 ms: what the
//               prefixes on the way load too
// It prints the per-query numbers, then median and p95 over all queries and runs.

const fs = require('node:fs');
const path = require('node:path');
const http = require('node:http');

const args = process.argv.slice(2);
function arg(name, def) {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : def;
}
const SITE = path.resolve(arg('--site', ''));
const LABEL = arg('--label', path.basename(SITE));
const RUNS = Number(arg('--runs', '3'));
const QUERIES = arg('--queries', 'validating;valdation;rupture repair;bond;supervis').split(';');
const SUB = '/bench/sub/path/';
const CHROMIUM = '/usr/bin/chromium';

if (!fs.existsSync(path.join(SITE, 'search-index.js'))) {
  console.error(`${SITE}/search-index.js is missing: build the site first (handbook build --out DIR)`);
  process.exit(2);
}

let playwright;
for (const dir of [path.join(__dirname, '..', 'node_modules'), '/work/main/node_modules']) {
  try { playwright = require(path.join(dir, 'playwright-core')); break; } catch { /* next */ }
}
if (!playwright) {
  console.error('playwright-core is not installed: run `npm ci --ignore-scripts` in the repository');
  process.exit(2);
}

const MIME = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.woff2': 'font/woff2' };
let searchBytes = 0;
let searchFiles = 0;
const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  if (!url.pathname.startsWith(SUB)) { res.writeHead(404); return res.end(); }
  const rel = decodeURIComponent(url.pathname.slice(SUB.length)) || 'index.html';
  const file = path.join(SITE, rel);
  if (!file.startsWith(SITE) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) { res.writeHead(404); return res.end(); }
  const body = fs.readFileSync(file);
  if (rel === 'search-index.js' || rel.startsWith('search/')) { searchBytes += body.length; searchFiles++; }
  res.writeHead(200, { 'Content-Type': MIME[path.extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-store' });
  res.end(body);
});

function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
}

function dirBytes(dir) {
  let n = 0;
  if (!fs.existsSync(dir)) return 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    n += e.isDirectory() ? dirBytes(p) : fs.statSync(p).size;
  }
  return n;
}

// Types `query` into the open search box: all but the last character set directly, the last
// one a real key press. Resolves to { ms, count, first } once the results are rendered.
async function typeQuery(page, query) {
  await page.evaluate((q) => {
    const input = document.getElementById('hb-search-input');
    input.value = q.slice(0, -1);
    window.__benchDone = new Promise((resolve) => {
      const dialog = input.closest('dialog');
      let t0 = null;
      input.addEventListener('keydown', () => { t0 = performance.now(); }, { once: true });
      const on = (e) => {
        if (e.detail.query !== q) return;
        dialog.removeEventListener('handbook:search-results', on);
        requestAnimationFrame(() => {
          const a = document.querySelector('#hb-search-results a');
          resolve({ ms: performance.now() - t0, count: e.detail.count, first: a ? a.getAttribute('href') : null });
        });
      };
      dialog.addEventListener('handbook:search-results', on);
    });
  }, query);
  await page.keyboard.press(query.slice(-1) === ' ' ? 'Space' : query.slice(-1));
  return page.evaluate(() => window.__benchDone);
}

// Clicks the Search button and enters `query` at once; { ms, count, first } from the click.
async function coldQuery(page, query) {
  return page.evaluate((q) => new Promise((resolve) => {
    const t0 = performance.now();
    document.querySelector('[data-search-open]').click();
    const input = document.getElementById('hb-search-input');
    const dialog = input.closest('dialog');
    const on = (e) => {
      if (e.detail.query !== q) return;
      dialog.removeEventListener('handbook:search-results', on);
      requestAnimationFrame(() => {
        const a = document.querySelector('#hb-search-results a');
        resolve({ ms: performance.now() - t0, count: e.detail.count, first: a ? a.getAttribute('href') : null });
      });
    };
    dialog.addEventListener('handbook:search-results', on);
    input.value = q;
    input.dispatchEvent(new Event('input'));
  }), query);
}

async function clearBox(page) {
  await page.evaluate(() => {
    const input = document.getElementById('hb-search-input');
    input.value = 'zz';
    input.dispatchEvent(new Event('input'));
  });
  await page.waitForTimeout(120);
}

(async () => {
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${server.address().port}${SUB}`;
  const browser = await playwright.chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    headless: true,
  });
  const cold = [], warm = [], bytes = [];
  const rows = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      for (const q of QUERIES) {
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.goto(base + 'index.html', { waitUntil: 'load' });
        searchBytes = 0;
        searchFiles = 0;
        const c = await coldQuery(page, q);
        const b = searchBytes, files = searchFiles;
        await clearBox(page);
        const w = await typeQuery(page, q);
        await context.close();
        cold.push(c.ms);
        warm.push(w.ms);
        bytes.push(b);
        if (run === 0) {
          const context2 = await browser.newContext();
          const page2 = await context2.newPage();
          await page2.goto(base + 'index.html', { waitUntil: 'load' });
          searchBytes = 0;
          await page2.click('[data-search-open]');
          await page2.waitForSelector('#hb-search-input');
          await page2.keyboard.type(q.slice(0, -1), { delay: 150 });
          const t = await typeQuery(page2, q);
          await page2.waitForTimeout(300);
          const typed = searchBytes;
          await context2.close();
          rows.push({ q, c, w, b, files, typed, typedCount: t.count });
        }
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  const total = fs.statSync(path.join(SITE, 'search-index.js')).size + dirBytes(path.join(SITE, 'search'));
  const entry = fs.statSync(path.join(SITE, 'search-index.js')).size;
  console.log(`search bench: ${LABEL} (${SITE})`);
  console.log(`  index: ${total} bytes in total, search-index.js ${entry} bytes`);
  for (const r of rows) {
    console.log(`  ${JSON.stringify(r.q).padEnd(24)} ${String(r.c.count).padStart(6)} results  first search ${String(r.b).padStart(8)} bytes (${r.files} files; typed ${r.typed})  cold ${r.c.ms.toFixed(1).padStart(6)} ms  warm ${r.w.ms.toFixed(1).padStart(6)} ms  -> ${r.c.first}`);
  }
  const f = (x) => x.toFixed(1);
  console.log(`  first search download: median ${quantile(bytes, 0.5)} bytes, max ${Math.max(...bytes)} bytes; typed a key at a time: max ${Math.max(...rows.map((r) => r.typed))} bytes`);
  console.log(`  latency over ${cold.length} searches: cold median ${f(quantile(cold, 0.5))} ms, p95 ${f(quantile(cold, 0.95))} ms; warm median ${f(quantile(warm, 0.5))} ms, p95 ${f(quantile(warm, 0.95))} ms`);
})().catch((e) => { console.error(e); process.exit(1); });
