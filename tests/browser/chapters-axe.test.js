'use strict';
// The rest of chapters.test.js's axe checks (split so that each file stays well inside the
// suite's 180 s per file): the last two "Beyond the basics" chapters, one new self-check page
// in the dark scheme, and the five assignment pages of the path: zero axe-core violations, and
// the self-checks render at least eight questions of all seven types, scenarios first.

const ch = require('./chapters-lib');

const env = ch.setup();

for (const dir of ch.CHAPTERS.slice(3)) {
  ch.axeTest(env, `${dir}: zero axe violations on every page; the self-check has every question type`, ch.pagesOf(dir));
}
ch.axeTest(env, 'a new self-check page in the dark scheme: zero axe violations', ch.pagesOf('feedback').filter((f) => /self-check\.html$/.test(f)), 'dark');
ch.axeTest(env, 'Beyond the basics assignment pages: zero axe violations', ch.assignments);
