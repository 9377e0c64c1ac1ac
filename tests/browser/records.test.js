'use strict';
// Records that survive (issue 14), in a real Chromium. Small fixture handbooks are built with the
// real binary (HANDBOOK_BIN, else target/debug/handbook) into one temporary folder and served at
// one origin, the way handbooks share an intranet host:
//   a1: id "records-a", title "Records fixture"
//   a2: id "records-a", title "Records fixture, renamed"   (same id: shares a1's progress)
//   b:  id "records-b", title "Records fixture"            (same title: does not)
//   m:  id "records-m", title "Old title"                  (migration from the title-based key)
// Tests: progress follows the id, not the title; a progress file carries everything and restores
// it exactly in a fresh browser, merges into one with progress, and is refused (changing nothing)
// when it is another handbook's, damaged or newer; storage that refuses every write is said so
// where the learner is working, with no page error; damaged stored data breaks no page and is
// backed up before it is overwritten; data under the old title-based key moves to the id once.

const { describe, test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const lib = require('./lib');

const QUIZ = `
# Quiz

\`\`\`exercise
id = "quiz"
title = "Quiz"

[[question]]
id = "q1"
type = "single"
prompt = "Which of these is part of Bordin's alliance?"
options = ["The bond", "The diagnosis"]
answer = 1
explanation = "The bond is one of the three parts."

[[question]]
id = "r1"
type = "reflection"
prompt = "What helps the bond?"
model_answer = "Asking what helps."
\`\`\`
`;

const PRACTICE = '# Practice form\n\n```srs\nmode = "practice"\n```\n';

function makeSite(tmp, name, id, title) {
  const root = path.join(tmp, 'src-' + name);
  const idLine = id ? `id = "${id}"\n` : '';
  lib.writeFiles(root, {
    'handbook.toml': `${idLine}title = "${title}"\n`,
    'content/_index.md': `# ${title}\n\nA fixture for the records tests.\n`,
    'content/quiz.md': QUIZ,
    'content/practice.md': PRACTICE,
  });
  lib.buildSite(root, path.join(tmp, 'sites', name));
}

const env = lib.suite({
  site: null,
  setup: async (env) => {
    makeSite(env.tmp, 'a1', 'records-a', 'Records fixture');
    makeSite(env.tmp, 'a2', 'records-a', 'Records fixture, renamed');
    makeSite(env.tmp, 'b', 'records-b', 'Records fixture');
    makeSite(env.tmp, 'm', 'records-m', 'Old title');
    env.server = await env.serve(path.join(env.tmp, 'sites'));
  },
});

const KEY_A = 'handbook:records-a:progress';
const SRS_A = 'handbook:records-a:srs';

function getItem(page, key) {
  return page.evaluate((k) => localStorage.getItem(k), key);
}

function getJson(page, key) {
  return page.evaluate((k) => JSON.parse(localStorage.getItem(k) || 'null'), key);
}

function setItems(page, items) {
  return page.evaluate((all) => {
    for (const [k, v] of Object.entries(all)) localStorage.setItem(k, typeof v === 'string' ? v : JSON.stringify(v));
  }, items);
}

function progressLine(page) {
  return page.locator('[data-exercise="quiz"] [data-exercise-progress]');
}

async function answerQ1(page) {
  const q1 = page.locator('[data-exercise="quiz"] [data-question="q1"]');
  await q1.getByRole('radio', { name: 'The bond' }).check();
  await q1.getByRole('button', { name: 'Check', exact: true }).click();
}

/** A learner's full record, as stored by the theme's scripts. */
const RICH_PROGRESS = {
  schema: 1,
  learner: 'Sam Rivera',
  reading: {
    'quiz.html': { read: '2026-11-20T09:00:00.000Z', sections: {} },
    'index.html': { sections: { intro: '2026-11-21T09:00:00.000Z' } },
  },
  exercises: {
    quiz: {
      title: 'Quiz', page: 'quiz.html', updated: '2026-11-22T10:00:00.000Z',
      questions: {
        q1: { type: 'single', fp: 'x', status: 'incorrect', response: [1], attempts: 2, first: 'incorrect', prompt: 'Which?', updated: '2026-11-22T10:00:00.000Z' },
        r1: { type: 'reflection', status: 'written', response: 'Asking what helps, and listening.', prompt: 'What helps the bond?', updated: '2026-11-22T10:05:00.000Z' },
      },
    },
    'retired-one': { title: 'Retired', page: 'old.html', questions: { a: { type: 'truefalse', status: 'correct', response: true, updated: '2026-10-01T00:00:00.000Z' } } },
  },
};

const RICH_SRS = {
  v: 1,
  logs: {
    default: [
      { id: 'e1', date: '2026-11-20', session: 3, label: 'first', values: [92, 61, 88, 90], labels: ['Connection', 'Focus', 'Way of working', 'Whole session'], saved: '2026-11-20T10:00:00.000Z' },
      { id: 'e2', date: '2026-11-27', session: null, label: '', values: [95, 90, 91, 93], labels: ['Connection', 'Focus', 'Way of working', 'Whole session'], saved: '2026-11-27T10:00:00.000Z' },
    ],
  },
  drafts: { 'practice.html#srs-1': { values: [50, null, null, null], date: '2026-11-28', label: 'draft' } },
  scenarios: { 'practice.html#low-goals': { measures: ['9.1', '4.0'], total: '13.1', checked: true, ruler: false, t: '2026-11-25T08:00:00.000Z' } },
};

async function exportFile(page, name = 'Sam Rivera') {
  await lib.visit(page, env.server.at('a1/progress.html'));
  await page.getByLabel('Your name, for the printed report and the progress file').fill(name);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save progress file (JSON)' }).click(),
  ]);
  const file = path.join(env.tmp, `export-${Date.now()}.json`);
  await download.saveAs(file);
  return file;
}

async function importFile(page, file, site = 'a1') {
  await lib.visit(page, env.server.at(`${site}/progress.html`));
  const status = page.locator('[data-progress-status]');
  await page.getByLabel('Import a progress file').setInputFiles(file);
  await lib.poll(async () => (await status.textContent()).trim(), 4000);
  return (await status.textContent()).trim();
}

function writeJson(name, value) {
  const file = path.join(env.tmp, name);
  fs.writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
}

describe('records: the handbook id', () => {
  test('the same id shares progress across titles; the same title with another id does not', async () => {
    await lib.withPage(env.browser, {}, async ({ page }) => {
      await lib.visit(page, env.server.at('a1/quiz.html'));
      assert.equal(await page.evaluate(() => document.documentElement.dataset.handbook), 'records-a');
      await answerQ1(page);
      await assert.doesNotReject(progressLine(page).getByText(/Answered 1 of 2/).waitFor());
      assert.equal((await getJson(page, KEY_A)).exercises.quiz.questions.q1.status, 'correct');

      // Renamed handbook, same id: the answer is there.
      await lib.visit(page, env.server.at('a2/quiz.html'));
      assert.equal(await page.title(), 'Quiz · Records fixture, renamed');
      await assert.doesNotReject(progressLine(page).getByText(/Answered 1 of 2/).waitFor());
      assert.equal(await page.locator('[data-question="q1"]').getByRole('radio', { name: 'The bond' }).isChecked(), true);

      // Same title, another id: nothing shared, and nothing stored under the title.
      await lib.visit(page, env.server.at('b/quiz.html'));
      await assert.doesNotReject(progressLine(page).getByText(/Answered 0 of 2/).waitFor());
      assert.equal(await getItem(page, 'handbook:records-b:progress'), null);
      const keys = await page.evaluate(() => Object.keys(localStorage));
      assert.ok(!keys.some((k) => k.startsWith('handbook:records-fixture:')), keys.join(', '));
    });
  });

  test('data under the old title-based key moves to the id once, nothing lost', async () => {
    await lib.withPage(env.browser, {}, async ({ page }) => {
      await lib.visit(page, env.server.at('m/index.html'));
      const progress = JSON.stringify(RICH_PROGRESS);
      const srs = JSON.stringify(RICH_SRS);
      await page.evaluate(() => localStorage.clear());
      await setItems(page, { 'handbook:old-title:progress': progress, 'handbook:old-title:srs': srs, 'handbook:old-title:sidebar': 'collapsed' });
      await lib.visit(page, env.server.at('m/quiz.html'));
      assert.equal(await getItem(page, 'handbook:records-m:progress'), progress);
      assert.equal(await getItem(page, 'handbook:records-m:srs'), srs);
      assert.equal(await getItem(page, 'handbook:records-m:sidebar'), 'collapsed');
      for (const k of ['progress', 'srs', 'sidebar']) assert.equal(await getItem(page, `handbook:old-title:${k}`), null, k);
      await assert.doesNotReject(progressLine(page).getByText(/Answered 1 of 2/).waitFor());
      assert.equal(await page.locator('[data-question="r1"] textarea').inputValue(), 'Asking what helps, and listening.');
      // Once: a later load changes nothing.
      const migrated = await getItem(page, 'handbook:records-m:migrated');
      assert.match(migrated, /"keys":3/);
      await page.reload();
      assert.equal(await getItem(page, 'handbook:records-m:migrated'), migrated);

      // A prefix that a current handbook uses (its id marker) is never taken.
      await page.evaluate(() => localStorage.clear());
      await setItems(page, { 'handbook:old-title:id': 'old-title', 'handbook:old-title:progress': progress });
      await lib.visit(page, env.server.at('m/quiz.html'));
      assert.equal(await getItem(page, 'handbook:old-title:progress'), progress);
      assert.equal(await getItem(page, 'handbook:records-m:progress'), null);

      // A key already taken under the id keeps its value; the older one is kept beside it.
      await page.evaluate(() => localStorage.clear());
      await setItems(page, { 'handbook:records-m:srs': '{"v":1,"logs":{}}', 'handbook:old-title:srs': srs });
      await lib.visit(page, env.server.at('m/quiz.html'));
      assert.equal(await getItem(page, 'handbook:records-m:srs'), '{"v":1,"logs":{}}');
      assert.equal(await getItem(page, 'handbook:records-m:srs:from-title'), srs);
    });
  });
});

describe('records: the progress file', () => {
  test('export, fresh browser, import: the same state, field by field; then merging', async () => {
    let file;
    let before;
    await lib.withPage(env.browser, {}, async ({ page }) => {
      await lib.visit(page, env.server.at('a1/index.html'));
      await setItems(page, { [KEY_A]: RICH_PROGRESS, [SRS_A]: RICH_SRS });
      file = await exportFile(page);
      before = { progress: await getJson(page, KEY_A), srs: await getJson(page, SRS_A) };
      assert.match((await page.locator('[data-progress-saved]').textContent()), /Last progress file saved: /);
    });
    const saved = JSON.parse(fs.readFileSync(file, 'utf8'));
    assert.equal(saved.schema, 3);
    assert.equal(saved.handbook, 'records-a');
    assert.equal(saved.title, 'Records fixture');
    assert.equal(saved.learner, 'Sam Rivera');
    assert.equal(saved.practice.entries.length, 2);
    assert.deepEqual(saved.practice.entries.map((e) => [e.set, e.total]), [['default', 33.1], ['default', 36.9]]);

    // The supervisor's summary counts the practice entries from the file's entries.
    const out = path.join(env.tmp, 'summary');
    execFileSync(lib.handbookBin(), ['progress', 'summarize', file, '--out', out], { stdio: 'pipe' });
    const lines = fs.readFileSync(path.join(out, 'summary.csv'), 'utf8').split('\r\n');
    const column = lines[0].split('","').indexOf('Practice entries');
    assert.ok(column > 0, lines[0]);
    assert.equal(lines[1].split('","')[column], '2', lines[1]);

    await lib.withPage(env.browser, {}, async ({ page }) => {
      const said = await importFile(page, file);
      assert.equal(said, '3 answers, 2 pages of reading marks, 2 practice entries, 1 practice-scenario answer imported.');
      const after = { progress: await getJson(page, KEY_A), srs: await getJson(page, SRS_A) };
      for (const field of ['learner', 'reading', 'exercises']) {
        assert.deepEqual(after.progress[field], before.progress[field], `progress.${field}`);
      }
      for (const field of ['logs', 'scenarios', 'drafts']) {
        assert.deepEqual(after.srs[field], before.srs[field], `practice ${field}`);
      }
      // The pages show it: the reflection text and the practice log.
      await lib.visit(page, env.server.at('a1/quiz.html'));
      assert.equal(await page.locator('[data-question="r1"] textarea').inputValue(), 'Asking what helps, and listening.');
      await lib.visit(page, env.server.at('a1/practice.html'));
      assert.equal(await page.locator('.srs-log-table tbody tr').count(), 2);

      // Importing again adds nothing.
      assert.equal(await importFile(page, file), 'Nothing new to import: this browser already has everything in that file.');

      // A newer local answer and reflection are kept; the older reflection text is kept with it.
      await page.evaluate((key) => {
        const s = JSON.parse(localStorage.getItem(key));
        s.exercises.quiz.questions.r1 = { type: 'reflection', status: 'written', response: 'Rewritten later.', updated: '2026-12-01T00:00:00.000Z' };
        delete s.exercises.quiz.questions.q1;
        localStorage.setItem(key, JSON.stringify(s));
      }, KEY_A);
      assert.equal(await importFile(page, file), '1 answer imported; 1 kept because it was newer here; 1 older reflection text was kept with the newer (in progress files).');
      const r1 = (await getJson(page, KEY_A)).exercises.quiz.questions.r1;
      assert.equal(r1.response, 'Rewritten later.');
      assert.deepEqual(r1.earlier, [{ response: 'Asking what helps, and listening.', updated: '2026-11-22T10:05:00.000Z' }]);
    });
  });

  test('another handbook, a damaged file, a newer schema: refused, nothing changes; schema 2 imports', async () => {
    await lib.withPage(env.browser, {}, async ({ page }) => {
      await lib.visit(page, env.server.at('a1/index.html'));
      await setItems(page, { [KEY_A]: RICH_PROGRESS, [SRS_A]: RICH_SRS });
      const file = JSON.parse(fs.readFileSync(await exportFile(page), 'utf8'));
      // Compare the stored learning content only (the progress page records when it last saved).
      const content = async () => {
        const p = await getJson(page, KEY_A);
        return JSON.stringify([p.exercises, p.reading, p.learner, await getJson(page, SRS_A)]);
      };
      await lib.visit(page, env.server.at('a1/progress.html'));
      const start = await content();
      const cases = [
        [{ ...file, handbook: 'records-b', title: 'Records fixture' }, /from another handbook \(“Records fixture”, id “records-b”\); nothing was imported/],
        [{ ...file, schema: 4 }, /saved by a newer version of this handbook \(file format 4\).*nothing was imported/],
        [{ ...file, progress: { ...file.progress, exercises: [] } }, /damaged .*nothing was imported/],
        [{ ...file, practice: { ...file.practice, entries: [null] } }, /damaged \(practice entry 1 is not readable\); nothing was imported/],
        ['{"format": "handbook-progress", "sche', /not valid JSON\); nothing was imported/],
      ];
      for (const [value, expected] of cases) {
        const said = await importFile(page, writeJson(`bad-${Date.now()}.json`, value));
        assert.match(said, expected);
        assert.equal(await content(), start, `nothing changed after: ${said}`);
      }

      // Schema 2 (title-based, practice only counted) still imports into an empty browser.
      await page.evaluate(() => localStorage.clear());
      const old = { format: 'handbook-progress', schema: 2, handbook: 'Records fixture', build: 'x', exported: '2026-11-01T00:00:00Z', learner: 'Sam', totals: {}, assignments: [], practice: { entries: 2 }, progress: RICH_PROGRESS };
      assert.equal(await importFile(page, writeJson('old.json', old)), '3 answers, 2 pages of reading marks imported.');
      assert.deepEqual((await getJson(page, KEY_A)).exercises.quiz, RICH_PROGRESS.exercises.quiz);
    });
  });
});

describe('records: storage failures and damage', () => {
  test('storage that refuses every write: a visible, announced message where the learner works; no page error', async () => {
    await lib.withPage(env.browser, {}, async ({ page, context }) => {
      await context.addInitScript(() => {
        Storage.prototype.setItem = function () {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        };
      });
      await lib.visit(page, env.server.at('a1/quiz.html'));
      await answerQ1(page);
      const alert = page.locator('[data-exercise="quiz"] [data-storage-alert]');
      await assert.doesNotReject(alert.waitFor());
      assert.equal(await alert.getAttribute('role'), 'alert');
      assert.match(await alert.textContent(), /progress cannot be saved in this browser/);
      assert.equal(await alert.isVisible(), true);
      // The answer still counts on this page, and the offered file carries it.
      await assert.doesNotReject(progressLine(page).getByText(/Answered 1 of 2/).waitFor());
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        alert.getByRole('button', { name: 'Save progress file now' }).click(),
      ]);
      const file = path.join(env.tmp, 'blocked.json');
      await download.saveAs(file);
      const saved = JSON.parse(fs.readFileSync(file, 'utf8'));
      assert.equal(saved.progress.exercises.quiz.questions.q1.status, 'correct');
      await assert.doesNotReject(alert.getByText(/Saved records-fixture-progress-/).waitFor());
      lib.assertNoViolations(await lib.axe(page), 'quiz.html with the storage alert');

      // The practice form: Save says so too.
      await lib.visit(page, env.server.at('a1/practice.html'));
      for (const slider of await page.getByRole('slider').all()) {
        await slider.focus();
        await page.keyboard.press('End');
      }
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await assert.doesNotReject(page.locator('[data-storage-alert]').waitFor());
      assert.equal(await page.locator('.srs-storage-warning').first().isVisible(), true);
      assert.match(await page.locator('.srs-save-status').textContent(), /^Kept for this page view only: .*This browser did not store it; save a progress file to keep it\.$/);
      assert.equal(await page.locator('.srs-log-table tbody tr').count(), 1, 'the entry is shown for this page view');
    });
  });

  test('damaged stored data breaks no page, is ignored item by item and backed up before it is overwritten', async () => {
    const progress = JSON.stringify({
      schema: 1,
      learner: 42,
      reading: 'everything',
      exercises: [{ id: 'quiz', questions: { r1: { response: 'Typed before the damage.' } } }],
    });
    const srs = JSON.stringify({
      v: 1,
      logs: {
        default: [null, 'an entry', { id: 'bad', date: '2026-11-01', values: 'all tens' }, RICH_SRS.logs.default[0]],
        other: 'not a list',
      },
      drafts: [],
      scenarios: { 'practice.html#x': null, 'practice.html#y': { measures: 'not a list', total: 3 } },
    });
    await lib.withPage(env.browser, {}, async ({ page, guard }) => {
      const warnings = [];
      page.on('console', (m) => {
        if (m.type() === 'warning') warnings.push(m.text());
      });
      await lib.visit(page, env.server.at('a1/index.html'));
      await setItems(page, { [KEY_A]: progress, [SRS_A]: srs });
      for (const rel of ['index.html', 'quiz.html', 'practice.html', 'progress.html']) {
        await lib.visit(page, env.server.at(`a1/${rel}`));
        assert.ok((await page.locator('main').innerText()).trim().length > 20, `${rel} is not blank`);
        guard.assertClean(rel);
      }
      assert.ok(warnings.some((w) => /ignored damaged/.test(w)), warnings.join('\n'));

      // The valid practice entry is shown, and Save still works.
      await lib.visit(page, env.server.at('a1/practice.html'));
      assert.equal(await page.locator('.srs-log-table tbody tr').count(), 1);
      for (const slider of await page.getByRole('slider').all()) {
        await slider.focus();
        await page.keyboard.press('End');
      }
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await lib.poll(async () => (await page.locator('.srs-log-table tbody tr').count()) === 2, 4000);
      assert.equal(await getItem(page, SRS_A + ':backup'), srs, 'the damaged practice data was kept');
      assert.equal((await getJson(page, SRS_A)).logs.default.length, 2);

      // An answer: the damaged progress is copied before it is overwritten.
      await lib.visit(page, env.server.at('a1/quiz.html'));
      await answerQ1(page);
      await assert.doesNotReject(progressLine(page).getByText(/Answered 1 of 2/).waitFor());
      assert.equal(await getItem(page, KEY_A + ':backup'), progress);

      // Not JSON at all: the same.
      await setItems(page, { [KEY_A]: '{"schema": 1, "exer' });
      await page.reload();
      await answerQ1(page);
      await assert.doesNotReject(progressLine(page).getByText(/Answered 1 of 2/).waitFor());
      const copies = await page.evaluate((k) => Object.keys(localStorage).filter((x) => x.startsWith(k + ':backup')).map((x) => localStorage.getItem(x)), KEY_A);
      assert.ok(copies.includes('{"schema": 1, "exer') && copies.includes(progress), copies.join('\n'));

      // A huge value (300,000 characters where a reflection belongs) and a wrong type: those two
      // answers are ignored, the valid one is shown.
      const huge = JSON.stringify({
        schema: 1,
        learner: 'Sam',
        reading: {},
        exercises: {
          quiz: {
            questions: {
              q1: { type: 'single', status: 'correct', response: [1], attempts: 1, updated: '2026-11-22T10:00:00.000Z' },
              r1: { type: 'reflection', status: 'written', response: 'x'.repeat(300000), updated: '2026-11-22T10:05:00.000Z' },
            },
          },
          other: { questions: { a: { status: 7 } } },
        },
      });
      await page.evaluate(() => localStorage.clear());
      await setItems(page, { [KEY_A]: huge });
      await page.reload();
      await assert.doesNotReject(progressLine(page).getByText(/Answered 1 of 2/).waitFor());
      assert.equal(await page.locator('[data-question="r1"] textarea').inputValue(), '');
      assert.ok(warnings.some((w) => /ignored damaged stored progress: answer quiz\/r1/.test(w)), warnings.join('\n'));
      assert.ok(warnings.some((w) => /ignored damaged stored progress: answer other\/a/.test(w)), warnings.join('\n'));
      await lib.visit(page, env.server.at('a1/progress.html'));
      assert.match(await page.locator('[data-progress-summary]').innerText(), /You have answered 1 of 2 questions/);
      // Whatever rewrites the progress first (exercise.js updates older stored answers), the
      // damaged text is kept.
      const now = await getItem(page, KEY_A);
      assert.ok(now === huge || (await getItem(page, KEY_A + ':backup')) === huge, 'the damaged text is kept');
    });
  });
});

describe('records: the progress page', () => {
  test('it shows when progress was last saved, and after a week of activity offers a progress file once per session', async () => {
    const eightDaysAgo = new Date(Date.now() - 8 * 24 * 3600 * 1000).toISOString();
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000).toISOString();
    await lib.withPage(env.browser, {}, async ({ page }) => {
      await lib.visit(page, env.server.at('a1/index.html'));
      await setItems(page, { [KEY_A]: { ...RICH_PROGRESS, saved: twoDaysAgo, activeSince: twoDaysAgo } });
      await lib.visit(page, env.server.at('a1/progress.html'));
      const line = page.locator('[data-progress-saved]');
      assert.match(await line.textContent(), /^Progress last saved in this browser: .+\. No progress file saved yet\.$/);
      const reminder = page.locator('[data-progress-reminder]');
      assert.equal(await reminder.isVisible(), false, 'two days of activity: no reminder');

      await setItems(page, { [KEY_A]: { ...RICH_PROGRESS, saved: twoDaysAgo, activeSince: eightDaysAgo } });
      await page.reload();
      assert.equal(await reminder.isVisible(), true, 'a week of activity without a progress file: the reminder');
      // It is at the top of the page's content, before the tools.
      assert.equal(await page.evaluate(() => {
        const content = document.querySelector('.progress-page .content');
        return content.firstElementChild.hasAttribute('data-progress-reminder');
      }), true);
      lib.assertNoViolations(await lib.axe(page), 'progress.html with the reminder');
      // Once per session.
      await page.reload();
      assert.equal(await reminder.isVisible(), false, 'not again in this session');
      await page.evaluate(() => sessionStorage.clear());
      await page.reload();
      assert.equal(await reminder.isVisible(), true);
      // Saving the file from it: the name is asked for first, then the reminder goes.
      await page.getByLabel('Your name, for the printed report and the progress file').fill('');
      await reminder.getByRole('button', { name: 'Save progress file' }).click();
      await assert.doesNotReject(page.locator('[data-progress-status]').getByText('Type your name first').waitFor());
      await page.getByLabel('Your name, for the printed report and the progress file').fill('Sam Rivera');
      await Promise.all([
        page.waitForEvent('download'),
        reminder.getByRole('button', { name: 'Save progress file' }).click(),
      ]);
      assert.equal(await reminder.isVisible(), false);
      assert.match(await line.textContent(), /Last progress file saved: /);
      const stored = await getJson(page, KEY_A);
      assert.equal(stored.activeSince, '', 'the week starts again with the next activity');
      await page.evaluate(() => sessionStorage.clear());
      await page.reload();
      assert.equal(await reminder.isVisible(), false, 'after saving a file: no reminder');
    });
  });
});

describe('records: srs.js reads damaged practice data', () => {
  const core = require('../../themes/default/static/js/srs.js');
  test('damaged entries are left out one by one; the rest is kept', () => {
    const good = RICH_SRS.logs.default[0];
    const read = core.readStored(JSON.stringify({
      v: 1,
      logs: { default: [null, 'x', { date: '2026-01-01', values: 'all' }, { date: 5, values: [1] }, good], other: 'no' },
      drafts: [],
      scenarios: { a: null, b: { measures: ['1.0'] } },
    }));
    assert.equal(read.problem, 'damaged');
    assert.deepEqual(read.state.logs, { default: [good] });
    assert.deepEqual(read.state.drafts, {});
    assert.deepEqual(read.state.scenarios, { b: { measures: ['1.0'] } });
    assert.equal(read.dropped.length, 7, read.dropped.join('; '));
    assert.equal(core.readStored(JSON.stringify(RICH_SRS)).problem, null);
    assert.equal(core.readStored('{"v": 1, "logs": {"default": [{"date": "2026-01-01", "values": [1e400]}]}}').problem, 'damaged');
    assert.equal(core.readStored('not json').problem, 'unreadable');
    assert.equal(core.readStored(JSON.stringify({ v: 2, logs: {} })).problem, 'newer');
  });
});
