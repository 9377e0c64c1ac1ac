'use strict';
// The five "Beyond the basics" chapters of the bundled handbook (issue 21): the handbook has at
// least 75 pages, 100 questions and 45,000 words of text; each new chapter has 4 to 6 pages and
// there are five assignment pages; the pages of the first three chapters have zero axe-core
// violations and their self-checks render at least eight questions of all seven types,
// scenarios first (chapters-axe.test.js does the rest). Served over http under a sub-path,
// through lib.withPage's guard (no request leaves localhost, no console error).

const fs = require('node:fs');
const path = require('node:path');
const { test } = require('node:test');
const assert = require('node:assert/strict');
const lib = require('./lib');
const ch = require('./chapters-lib');

const env = ch.setup();

test('the bundled site has the five chapters (4-6 pages each) and five assignment pages', () => {
  for (const dir of ch.CHAPTERS) {
    const n = ch.pagesOf(dir).length;
    assert.ok(n >= 4 && n <= 6, `${dir}/: ${n} pages, expected 4 to 6 (build the bundled handbook into HANDBOOK_SITE)`);
  }
  assert.equal(ch.assignments.length, 5, `assignment pages: ${ch.assignments.join(', ')}`);
});

test('the bundled handbook has at least 75 pages, 100 questions and 45,000 words', () => {
  const pages = ch.html.filter((f) => !['404.html', 'print.html', 'progress.html', 'summary.html'].includes(f));
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

for (const dir of ch.CHAPTERS.slice(0, 3)) {
  ch.axeTest(env, `${dir}: zero axe violations on every page; the self-check has every question type`, ch.pagesOf(dir));
}
