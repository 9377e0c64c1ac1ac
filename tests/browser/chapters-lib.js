'use strict';
// Shared by chapters.test.js and chapters-axe.test.js: the pages of the five "Beyond the
// basics" chapters of the bundled handbook, and a test that runs axe-core on each page of a
// chapter in one browser page (a fresh context per page costs more than the axe run itself on a
// loaded machine, and each test file has 180 s).

const assert = require('node:assert/strict');
const { test } = require('node:test');
const lib = require('./lib');

const CHAPTERS = ['culture', 'ethics', 'settings', 'feedback', 'deliberate-practice'];
const TYPES = ['single', 'multiple', 'truefalse', 'short', 'ordering', 'scenario', 'reflection'];

const html = lib.siteFiles('.html');
const pagesOf = (dir) => html.filter((f) => f.startsWith(`${dir}/`));
const assignments = html.filter((f) => /^assignments\/beyond-/.test(f));

/** The file's server and browser (lib.suite on the bundled handbook). */
function setup() {
  return lib.suite();
}

/** Check a self-check page's questions: at least 8, all seven types, scenarios first. */
async function assertQuestions(page, rel) {
  const types = await page.$$eval('[data-question][data-type]', (els) => els.map((e) => e.dataset.type));
  assert.ok(types.length >= 8, `${rel}: ${types.length} questions`);
  for (const t of TYPES) assert.ok(types.includes(t), `${rel}: no ${t} question (${types.join(', ')})`);
  const firstOther = types.findIndex((t) => t !== 'scenario');
  assert.ok(firstOther > 0 && !types.slice(firstOther).includes('scenario'), `${rel}: scenarios are not first (${types.join(', ')})`);
}

/** Zero axe violations on each of `pages` (one browser page, visited in turn), `colorScheme` light or dark. */
function axeTest(env, label, pages, colorScheme = 'light') {
  test(label, async () => {
    assert.ok(pages.length, `${label}: no pages (build the bundled handbook into HANDBOOK_SITE)`);
    await lib.withPage(env.browser, { colorScheme }, async ({ page }) => {
      for (const rel of pages) {
        await lib.visit(page, env.server.at(rel));
        lib.assertNoViolations(await lib.axe(page), `${rel} (${colorScheme})`);
        if (/self-check\.html$/.test(rel)) await assertQuestions(page, rel);
      }
    });
  });
}

module.exports = { CHAPTERS, TYPES, html, pagesOf, assignments, setup, axeTest };
