'use strict';
// The five "Beyond the basics" chapters of the bundled handbook and their assignment pages:
// the handbook has at least 75 pages, 100 questions and 45,000 words of text (issue 21);
// every page has zero axe-core violations (light scheme; self-check pages in both schemes), and
// every self-check page renders at least eight questions using all seven question types, with
// scenario questions first. Served over http under a sub-path, through lib.withPage's guard (no
// request leaves localhost, no console error).

const fs = require('node:fs');
const path = require('node:path');
const { describe, test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const lib = require('./lib');

const CHAPTERS = ['culture', 'ethics', 'settings', 'feedback', 'deliberate-practice'];
const TYPES = ['single', 'multiple', 'truefalse', 'short', 'ordering', 'scenario', 'reflection'];

const html = lib.siteFiles('.html');
const pagesOf = (dir) => html.filter((f) => f.startsWith(`${dir}/`));
const assignments = html.filter((f) => /^assignments\/beyond-/.test(f));

let server;
let browser;

before(async () => {
  server = await lib.startServer();
  browser = await lib.launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('the bundled site has the five chapters (4-6 pages each) and five assignment pages', () => {
  for (const dir of CHAPTERS) {
    const n = pagesOf(dir).length;
    assert.ok(n >= 4 && n <= 6, `${dir}/: ${n} pages, expected 4 to 6 (build the bundled handbook into HANDBOOK_SITE)`);
  }
  assert.equal(assignments.length, 5, `assignment pages: ${assignments.join(', ')}`);
});

test('the bundled handbook has at least 75 pages, 100 questions and 45,000 words', () => {
  const pages = html.filter((f) => !['404.html', 'print.html', 'progress.html', 'summary.html'].includes(f));
  assert.ok(pages.length >= 75, `${pages.length} pages`);
  const js = fs.readFileSync(path.join(lib.SITE, 'progress-data.js'), 'utf8');
  const data = JSON.parse(js.slice(js.indexOf('=') + 1).trim().replace(/;$/, ''));
  let questions = 0;
  for (const chapter of data.chapters) for (const ex of chapter.exercises) questions += ex.questions.length;
  assert.ok(questions >= 100, `${questions} questions`);
  const print = fs.readFileSync(path.join(lib.SITE, 'print.html'), 'utf8');
  const main = (print.match(/<main[\s\S]*<\/main>/) || [print])[0];
  const text = main.replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/&[a-z#0-9]+;/gi, ' ');
  const words = text.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length;
  assert.ok(words >= 45000, `${words} words in print.html`);
});

for (const dir of CHAPTERS) {
  describe(`chapter ${dir}`, () => {
    for (const rel of pagesOf(dir)) {
      const selfCheck = /self-check\.html$/.test(rel);
      for (const scheme of selfCheck ? ['light', 'dark'] : ['light']) {
        test(`${rel} (${scheme}): zero axe violations`, async () => {
          await lib.withPage(browser, { colorScheme: scheme }, async ({ page }) => {
            await lib.visit(page, server.at(rel));
            lib.assertNoViolations(await lib.axe(page), `${rel} (${scheme})`);
          });
        });
      }
      if (selfCheck) {
        test(`${rel}: at least 8 questions, every type, scenarios first`, async () => {
          await lib.withPage(browser, {}, async ({ page }) => {
            await lib.visit(page, server.at(rel));
            const types = await page.$$eval('[data-question][data-type]', (els) => els.map((e) => e.dataset.type));
            assert.ok(types.length >= 8, `${rel}: ${types.length} questions`);
            for (const t of TYPES) assert.ok(types.includes(t), `${rel}: no ${t} question (${types.join(', ')})`);
            const firstOther = types.findIndex((t) => t !== 'scenario');
            assert.ok(firstOther > 0 && !types.slice(firstOther).includes('scenario'), `${rel}: scenarios are not first (${types.join(', ')})`);
          });
        });
      }
    }
  });
}

describe('Beyond the basics assignments', () => {
  for (const rel of assignments) {
    test(`${rel}: zero axe violations`, async () => {
      await lib.withPage(browser, {}, async ({ page }) => {
        await lib.visit(page, server.at(rel));
        lib.assertNoViolations(await lib.axe(page), rel);
      });
    });
  }
});
