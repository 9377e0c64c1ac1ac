'use strict';
// Every built HTML file passes the W3C Nu Html Checker (vnu.jar from the vnu-jar package, run
// with the system's java; never its Java downloader), errors only.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const fs = require('node:fs');
const lib = require('./lib');

// Messages that are not errors in the page, each with the reason it is ignored. Every entry is a
// [regex on the message, why]. Keep this list empty unless a checker bug is documented.
const KNOWN_FALSE_POSITIVES = [
  // (none so far)
];

function jarPath() {
  let dir;
  try {
    dir = path.dirname(require.resolve('vnu-jar/package.json'));
  } catch (e) {
    assert.fail(`vnu-jar is not installed (${e.message}). Run \`npm ci\` in ${lib.REPO}.`);
  }
  const jar = path.join(dir, 'build', 'dist', 'vnu.jar');
  assert.ok(fs.existsSync(jar), `${jar} is missing; reinstall with \`npm ci\``);
  return jar;
}

test('every built HTML file passes the Nu Html Checker (--errors-only)', { timeout: 180_000 }, () => {
  const jar = jarPath();
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
  assert.ok(!java.error && java.status === 0,
    'java is not on PATH; vnu.jar needs a Java 11+ runtime: apt-get install -y --no-install-recommends default-jre-headless (./test.sh does this)');
  const files = lib.siteFiles('.html');
  assert.ok(files.length > 0, 'no HTML files in the built site');
  const run = spawnSync('java', ['-Xss1m', '-jar', jar, '--errors-only', '--format', 'json', '--skip-non-html', lib.SITE], {
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
  const ignored = [];
  const errors = [];
  for (const m of report.messages) {
    if (m.type !== 'error' && m.type !== 'non-document-error') continue;
    const fp = KNOWN_FALSE_POSITIVES.find(([re]) => re.test(m.message));
    const where = `${m.url ? path.relative(lib.SITE, lib.fileURLToPath(m.url)) : '?'}:${m.lastLine ?? m.firstLine ?? '?'}:${m.firstColumn ?? m.lastColumn ?? '?'}`;
    const line = `${where}: ${m.message}${m.extract ? `\n      ${m.extract.replace(/\n/g, ' ').trim()}` : ''}`;
    (fp ? ignored : errors).push(line);
  }
  if (ignored.length) console.log(`vnu: ignored ${ignored.length} known false positive(s)`);
  lib.assertNone(errors, `vnu found ${errors.length} error(s) in ${files.length} HTML files`);
});
