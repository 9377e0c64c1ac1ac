'use strict';
// Helpers for the SCORM browser tests (scorm.test.js, scorm-suspend.test.js): export a package
// with the real binary, read the zip (node has no unzip of its own: the central directory is
// read here and each entry inflated with zlib), a small handbook with one exercise, and an
// "LMS" host served on 127.0.0.1: /host.html frames /pkg/scorm-launch.html and the test puts
// scorm-again's API (Scorm12API / Scorm2004API) into the host window, as an LMS does.

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const http = require('node:http');
const zlib = require('node:zlib');
const { execFileSync } = require('node:child_process');
const lib = require('./lib');

/** The entries of a zip file: Map(name -> Buffer). Only "stored" and "deflated" entries. */
function readZip(file) {
  const buf = fs.readFileSync(file);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${file}: not a zip (no end of central directory)`);
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = new Map();
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error(`${file}: damaged central directory`);
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + compressed);
    let bytes;
    if (method === 0) bytes = Buffer.from(data);
    else if (method === 8) bytes = zlib.inflateRawSync(data);
    else throw new Error(`${file}: ${name} uses compression method ${method}`);
    if (bytes.length !== size) throw new Error(`${file}: ${name} has ${bytes.length} bytes, expected ${size}`);
    out.set(name, bytes);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

// Every folder made here lies in `work`: the test file's temporary folder (lib.suite's
// env.tmp, removed after the file's tests) once workIn() has named it.
let work = null;

/** Makes the helpers create their folders in `dir`. */
function workIn(dir) {
  work = dir;
}

function tempDir(label) {
  return fs.mkdtempSync(path.join(work || os.tmpdir(), `hb-scorm-${label}-`));
}

/** Writes the entries of `zip` into a new temporary folder; returns its path. */
function extract(zip, label) {
  const dir = tempDir(label);
  for (const [name, bytes] of readZip(zip)) {
    const target = path.join(dir, name);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, bytes);
  }
  return dir;
}

/** Runs `handbook export scorm` for `root`; returns the zip's path. */
function exportPackage(root, version, extra = []) {
  const out = path.join(tempDir('zip'), `p-${version}.zip`);
  execFileSync(lib.handbookBin(), ['export', 'scorm', '--root', root, '--out', out, '--version', version, '-q', ...extra], { stdio: ['ignore', 'ignore', 'pipe'] });
  return out;
}

/** A small handbook: a home page, a page with one exercise (choice, true/false, short answer,
 *  ordering, reflection) and a second page. */
function smallHandbook() {
  const root = tempDir('small');
  const write = (rel, text) => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  };
  write('handbook.toml', 'id = "scorm-small"\ntitle = "Small course"\n\n[scorm]\ncompletion = "exercises"\nmastery = 60\n');
  write('content/_index.md', '# Small course\n\nStart with [the quiz](quiz.md), then read [more](more.md).\n');
  write('content/more.md', '# More\n\nA second page. Back to [the quiz](quiz.md).\n');
  write('content/quiz.md', [
    '# Quiz',
    '',
    'Answer these. Then read [more](more.md).',
    '',
    '```exercise',
    'id = "basics"',
    'title = "Basics"',
    '',
    '[[question]]',
    'id = "colour"',
    'type = "single"',
    'prompt = "Which colour is the sky on a clear day?"',
    'options = ["Blue", "Green", "Red"]',
    'answer = 1',
    'shuffle = false',
    '',
    '[[question]]',
    'id = "flat"',
    'type = "truefalse"',
    'prompt = "The earth is flat."',
    'answer = false',
    '',
    '[[question]]',
    'id = "capital"',
    'type = "short"',
    'prompt = "What is the capital of France?"',
    'accept = ["Paris"]',
    '',
    '[[question]]',
    'id = "steps"',
    'type = "ordering"',
    'prompt = "Put these in order."',
    'items = ["One", "Two", "Three"]',
    '',
    '[[question]]',
    'id = "thoughts"',
    'type = "reflection"',
    'prompt = "What did you learn?"',
    '```',
    '',
  ].join('\n'));
  return root;
}

/** Serves /host.html (the "LMS" page), /scorm-again.js and the package under /pkg/. */
async function startHost(pkgDir) {
  const again = path.join(lib.REPO, 'node_modules', 'scorm-again', 'dist', 'scorm-again.js');
  if (!fs.existsSync(again)) throw new Error(`scorm-again is not installed (${again}); run npm ci --ignore-scripts`);
  const host = '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Test LMS</title></head>' +
    '<body><iframe id="sco" title="Course" style="width:1200px;height:760px"></iframe></body></html>';
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    let body = null;
    let type = 'text/html; charset=utf-8';
    if (url.pathname === '/host.html') body = host;
    else if (url.pathname === '/scorm-again.js') {
      body = fs.readFileSync(again);
      type = 'text/javascript';
    } else if (url.pathname.startsWith('/pkg/')) {
      const file = path.join(pkgDir, decodeURIComponent(url.pathname.slice(5)));
      if (file.startsWith(pkgDir + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile()) {
        body = fs.readFileSync(file);
        const ext = path.extname(file);
        type = { '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.html': 'text/html; charset=utf-8', '.xml': 'application/xml' }[ext] || 'application/octet-stream';
      }
    }
    if (body === null) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      return res.end('not found');
    }
    res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' });
    res.end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    close: () => new Promise((done) => {
      server.closeAllConnections();
      server.close(() => done());
    }),
  };
}

/**
 * Opens the host page in `page`, gives it the scorm-again API of `version` (with `cmi`, the
 * LMS's stored data, loaded first), counts the session calls, and launches the package.
 * Returns the launch page's frame once the site's frame has loaded.
 */
async function launchInLms(page, host, version, cmi = null, { failCommit = false } = {}) {
  await page.goto(`${host.origin}/host.html`);
  await page.addScriptTag({ url: `${host.origin}/scorm-again.js` });
  await page.evaluate(({ version, cmi, failCommit }) => {
    const v12 = version === '1.2';
    const api = v12 ? new window.Scorm12API({ autocommit: false, lmsCommitUrl: false, logLevel: 5 })
      : new window.Scorm2004API({ autocommit: false, lmsCommitUrl: false, logLevel: 5 });
    if (cmi) api.loadFromJSON(cmi, 'cmi');
    const calls = { initialize: 0, finish: 0, commit: 0, errors: [] };
    const wrap = (name, counter) => {
      const original = api[name].bind(api);
      api[name] = (...args) => {
        if (counter) calls[counter] += 1;
        const result = original(...args);
        const code = String(v12 ? api.LMSGetLastError() : api.GetLastError());
        if (code !== '0') calls.errors.push(`${name}(${args.join(', ')}) -> ${code}`);
        return result;
      };
    };
    wrap(v12 ? 'LMSInitialize' : 'Initialize', 'initialize');
    wrap(v12 ? 'LMSFinish' : 'Terminate', 'finish');
    wrap(v12 ? 'LMSCommit' : 'Commit', 'commit');
    wrap(v12 ? 'LMSSetValue' : 'SetValue');
    if (failCommit) {
      // An LMS whose server refuses to store: Commit answers "false" and error 101 (1.2:
      // general exception) or 391 (2004: general commit failure) until the next call.
      let failing = false;
      for (const name of Object.getOwnPropertyNames(Object.getPrototypeOf(api)).concat(Object.keys(api))) {
        if (typeof api[name] !== 'function' || /GetLastError|GetErrorString|GetDiagnostic/.test(name) || !/^(LMS|Initialize|Terminate|GetValue|SetValue|Commit)/.test(name)) continue;
        const original = api[name].bind(api);
        api[name] = (...args) => {
          failing = false;
          return original(...args);
        };
      }
      const commitName = v12 ? 'LMSCommit' : 'Commit';
      const errorName = v12 ? 'LMSGetLastError' : 'GetLastError';
      const realError = api[errorName].bind(api);
      api[commitName] = () => {
        calls.commit += 1;
        failing = true;
        return 'false';
      };
      api[errorName] = () => (failing ? (v12 ? '101' : '391') : realError());
    }
    window.lmsCalls = calls;
    window[v12 ? 'API' : 'API_1484_11'] = api;
    window.lmsApi = api;
    document.getElementById('sco').src = '/pkg/scorm-launch.html';
  }, { version, cmi, failCommit });
  const launchFrame = await lib.poll(async () => page.frames().find((f) => f.url().endsWith('/scorm-launch.html')), 10_000);
  await lib.poll(async () => page.frames().some((f) => f.parentFrame() === launchFrame && /\.html$/.test(f.url()) && !f.url().endsWith('scorm-launch.html')), 10_000);
  return launchFrame;
}

/** The site's frame inside the launch page. */
function siteFrame(page) {
  return page.frames().find((f) => f.parentFrame() && f.parentFrame().url().endsWith('/scorm-launch.html'));
}

/** The LMS's CMI data as JSON, and the counted calls. */
async function readCmi(page) {
  return page.evaluate(() => ({ cmi: JSON.parse(JSON.stringify(window.lmsApi.renderCMIToJSONObject())), calls: window.lmsCalls }));
}

module.exports = { workIn, readZip, extract, exportPackage, smallHandbook, startHost, launchInLms, siteFrame, readCmi };
