'use strict';
// One rule for a stored practice-log entry (js/shared/practice-entry.js), whoever reads the log:
// the practice form (srs.js) and progress files, import and SCORM (progress-store.js). They used
// to differ: srs.js dropped an entry whose session was text or whose saved time was not text,
// which progress-store.js kept, so an entry counted by an assignment and carried in a progress
// file vanished from the practice log and was removed from storage at the form's next write.
//
// Builds its own small handbook (written below) with the real binary (HANDBOOK_BIN, else
// target/debug/handbook).

const { describe, test } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const lib = require('./lib');

const SRS_KEY = 'handbook:practice-entries:srs';
const LABELS = ['Connection', 'Focus', 'Way of working', 'Whole session'];

// An entry as a hand-written or older progress file may carry it: the session as text, the
// saved time as a number.
const TEXT_SESSION = { id: 'e1', date: '2026-11-20', session: '3', label: 'imported', values: [92, 61, 88, 90], labels: LABELS, saved: 1763632800000 };
const FORM_ENTRY = { id: 'e2', date: '2026-11-27', session: 4, label: 'typed', values: [95, 90, 91, 93], labels: LABELS, saved: '2026-11-27T10:00:00.000Z' };

// Entries both readers must agree on, kept or not.
const CASES = [
  [FORM_ENTRY, true],
  [TEXT_SESSION, true],
  [{ date: '2026-01-01', values: [null, 50] }, true],
  [{ date: '2026-01-01', values: [1], session: { n: 3 }, saved: null }, true],
  [{ date: '2026-01-01', values: [1], id: 7 }, false],
  [{ date: '2026-01-01', values: [1], label: 3 }, false],
  [{ date: '2026-01-01', values: [1], labels: 'x' }, false],
  [{ date: '2026-01-01', values: ['1'] }, false],
  [{ date: 5, values: [1] }, false],
  [{ values: [1] }, false],
  [null, false],
];

const env = lib.suite({
  fixture: (tmp) => {
    const root = path.join(tmp, 'handbook');
    lib.writeFiles(root, {
      'handbook.toml': 'id = "practice-entries"\ntitle = "Practice entries"\n',
      'content/_index.md': '# Home\n\nA page.\n',
      'content/practice.md': '# Practice\n\n```srs\nmode = "practice"\n```\n',
    });
    return root;
  },
});

describe('practice-log entries: one rule', () => {
  test('srs.js keeps an entry whose session is text (it used to drop it)', () => {
    const core = require('./theme-source').load('js/srs.js');
    const read = core.readStored(JSON.stringify({ v: 1, logs: { default: [TEXT_SESSION, FORM_ENTRY] } }));
    assert.equal(read.problem, null, read.dropped.join('; '));
    assert.deepEqual(read.state.logs.default, [TEXT_SESSION, FORM_ENTRY]);
    for (const [entry, kept] of CASES) assert.equal(core.validEntry(entry), kept, JSON.stringify(entry));
    const csv = core.toCsv([TEXT_SESSION, { ...FORM_ENTRY, session: { n: 4 } }], LABELS).split('\r\n');
    assert.match(csv[1], /^2026-11-20,3,imported,.*,$/, 'the session as text is shown as it is; a saved time that is not text is left empty');
    assert.match(csv[2], /^2026-11-27,,typed,.*,2026-11-27T10:00:00.000Z$/, 'a session of another kind is shown empty');
  });

  test('the practice form, progress-store.js and the stored log agree', async () => {
    await lib.withPage(env.browser, {}, async ({ page, guard }) => {
      await lib.visit(page, env.server.at('index.html'));
      await page.evaluate(([key, log]) => localStorage.setItem(key, JSON.stringify({ v: 1, logs: { default: log }, drafts: {}, scenarios: {} })), [SRS_KEY, [TEXT_SESSION, FORM_ENTRY]]);
      await lib.visit(page, env.server.at('practice.html'));
      const agree = await page.evaluate((cases) => cases.map(([e]) => [window.handbook.srs.validEntry(e), window.handbook.progress.validEntry(e)]), CASES);
      agree.forEach(([srs, store], i) => {
        assert.equal(srs, store, `srs.js and progress-store.js differ on ${JSON.stringify(CASES[i][0])}`);
        assert.equal(srs, CASES[i][1], JSON.stringify(CASES[i][0]));
      });
      const practice = await page.evaluate(() => window.handbook.progress.readPractice());
      assert.equal(practice.damaged, false);
      assert.equal(practice.state.logs.default.length, 2);
      const rows = page.locator('.srs-log-table tbody tr');
      await rows.nth(1).waitFor();
      assert.equal(await rows.count(), 2, 'the practice log shows both entries');
      assert.equal(await rows.nth(0).locator('td').first().innerText(), '3');
      // The form writes its draft on typing: the stored log keeps both entries, no backup made.
      await page.getByLabel(/^Label/).fill('next');
      const stored = await page.evaluate((key) => ({ state: JSON.parse(localStorage.getItem(key)), backup: localStorage.getItem(key + ':backup') }), SRS_KEY);
      assert.equal(stored.state.drafts[Object.keys(stored.state.drafts)[0]].label, 'next', 'the form has written');
      assert.deepEqual(stored.state.logs.default, [TEXT_SESSION, FORM_ENTRY]);
      assert.equal(stored.backup, null, 'nothing was found damaged');
      guard.assertClean('the practice page');
    });
  });
});
