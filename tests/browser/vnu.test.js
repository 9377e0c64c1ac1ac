'use strict';
// Every built HTML file passes the W3C Nu Html Checker (vnu.jar from the vnu-jar package, run
// with the system's java; never its Java downloader), errors only.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const lib = require('./lib');

// Messages that are not errors in the page, each with the reason it is ignored. Every entry is a
// [regex on the message, why]. Keep this list empty unless a checker bug is documented.
const KNOWN_FALSE_POSITIVES = [
  // (none so far)
];

test('every built HTML file passes the Nu Html Checker (--errors-only)', { timeout: 180_000 }, () => {
  const files = lib.siteFiles('.html');
  assert.ok(files.length > 0, 'no HTML files in the built site');
  const errors = lib.vnuErrors(lib.SITE, KNOWN_FALSE_POSITIVES);
  lib.assertNone(errors, `vnu found ${errors.length} error(s) in ${files.length} HTML files`);
});
