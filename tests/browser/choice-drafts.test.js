'use strict';
// Nothing a learner chooses is lost either: the option chosen in a single-answer question, the
// boxes ticked in a multiple-answer one, a true/false choice and an ordering question's
// arrangement, made before Check, are kept as the question's draft (exercise/typed.js) and come
// back after a reload and after the page is closed and opened again. A draft is no answer: no
// attempt, no status, "Not started" on the progress page and in the progress file's rows; Check
// then works as before and replaces the draft with the checked response, whose time a later
// draft (after Try again) does not change.
//
// Builds its own small handbook (written below) with the real binary (HANDBOOK_BIN, else
// target/debug/handbook).

const { describe, test } = require('node:test');
const assert = require('node:assert/strict');
const lib = require('./lib');

const PROGRESS_KEY = 'handbook:choice-drafts:progress';

const env = lib.suite({
  fixture: (tmp) => lib.handbookWith(tmp, {
    id: 'choice-drafts',
    title: 'Choice drafts',
    files: {
      'content/quiz.md': [
        '# Quiz',
        '',
        '```exercise',
        'id = "chosen"',
        'title = "Chosen answers"',
        '',
        '[[question]]',
        'id = "single"',
        'type = "single"',
        'prompt = "Which is a goal of therapy agreed together?"',
        'options = ["Sleeping better", "A diagnosis", "The fee"]',
        'answer = 1',
        '',
        '[[question]]',
        'id = "multiple"',
        'type = "multiple"',
        'prompt = "Which of these are practical tasks?"',
        'options = ["How often you meet", "The client\'s diagnosis", "How payment works"]',
        'answer = [1, 3]',
        '',
        '[[question]]',
        'id = "truefalse"',
        'type = "truefalse"',
        'prompt = "Strength of the alliance matters more than its kind."',
        'answer = true',
        '',
        '[[question]]',
        'id = "ordering"',
        'type = "ordering"',
        'prompt = "Put these steps in order."',
        'items = ["Signal", "Link to the goal", "Offer a choice"]',
        '```',
        '',
      ].join('\n'),
      'content/week.md': '+++\ntitle = "Week"\n\n[assignment]\nexercises = ["chosen"]\n+++\n\nCheck yourself.\n',
    },
  }),
});

function q(page, key) {
  return page.locator(`[data-exercise="chosen"] [data-question="${key}"]`);
}

/** The ordering question's items as their correct positions, in the order shown. */
function order(page) {
  return q(page, 'ordering').locator('.ordering-item').evaluateAll((lis) => lis.map((li) => Number(li.dataset.item)));
}

/** The values of the ticked options of question `key`. */
function ticked(page, key) {
  return q(page, key).locator('input:checked').evaluateAll((xs) => xs.map((x) => x.value));
}

async function records(page) {
  const state = await page.evaluate((k) => JSON.parse(localStorage.getItem(k) || 'null'), PROGRESS_KEY);
  return (state && state.exercises && state.exercises.chosen && state.exercises.chosen.questions) || {};
}

async function open(context, rel) {
  const page = await context.newPage();
  await lib.visit(page, env.server.at(rel));
  return page;
}

async function withContext(fn) {
  const { context, guard } = await lib.openPage(env.browser);
  try {
    await fn(context);
    guard.assertClean('the choice drafts pages');
  } finally {
    await context.close();
  }
}

/** Chooses a wrong option of the single, ticks the two right ones of the multiple, "False", and moves
    the ordering question's first item down (keyboard, as a screen-reader user would). Returns
    what was chosen. */
async function choose(page) {
  await q(page, 'single').getByLabel('A diagnosis').check();
  await q(page, 'multiple').getByLabel('How often you meet').check();
  await q(page, 'multiple').getByLabel('How payment works').check();
  await q(page, 'truefalse').getByLabel('False').check();
  const before = await order(page);
  await q(page, 'ordering').locator('.ordering-item').nth(0).locator('[data-move="down"]').focus();
  await page.keyboard.press('Enter');
  const after = await order(page);
  assert.deepEqual(after, [before[1], before[0], before[2]], 'the move happened');
  return {
    single: await ticked(page, 'single'),
    multiple: await ticked(page, 'multiple'),
    truefalse: await ticked(page, 'truefalse'),
    ordering: after,
  };
}

async function assertChosen(page, chosen, when) {
  assert.deepEqual(await ticked(page, 'single'), chosen.single, `${when}: the single choice is back`);
  assert.deepEqual(await ticked(page, 'multiple'), chosen.multiple, `${when}: both ticks are back`);
  assert.deepEqual(await ticked(page, 'truefalse'), chosen.truefalse, `${when}: the true/false choice is back`);
  assert.deepEqual(await order(page), chosen.ordering, `${when}: the arrangement is back`);
  for (const key of ['single', 'multiple', 'truefalse', 'ordering']) {
    assert.equal(await q(page, key).getByRole('button', { name: 'Check' }).isVisible(), true, `${when}: ${key} is not checked`);
    assert.equal(await q(page, key).locator('[data-feedback]').innerText(), '', `${when}: ${key} shows no verdict`);
  }
}

describe('choice drafts', () => {
  test('choices and an arrangement come back after a reload and a closed page, and count for nothing', async () => {
    await withContext(async (context) => {
      const page = await open(context, 'quiz.html');
      const chosen = await choose(page);
      assert.equal(chosen.single.length, 1);
      assert.equal(chosen.multiple.length, 2);

      const recs = await records(page);
      assert.deepEqual(recs.single.draft, chosen.single);
      assert.deepEqual(recs.multiple.draft, chosen.multiple);
      assert.deepEqual(recs.truefalse.draft, ['false']);
      assert.deepEqual(recs.ordering.draft, chosen.ordering.map(String));
      for (const key of Object.keys(recs)) {
        assert.equal(recs[key].status, undefined, `${key}: a draft has no status`);
        assert.equal(recs[key].attempts, undefined, `${key}: a draft is no attempt`);
        assert.equal(recs[key].response, undefined, `${key}: a draft is no response`);
      }
      assert.match(await page.locator('[data-exercise-progress]').innerText(), /^Answered 0 of 4 /);

      await page.reload({ waitUntil: 'load' });
      await assertChosen(page, chosen, 'after a reload');
      await page.close();
      const again = await open(context, 'quiz.html');
      await assertChosen(again, chosen, 'after closing and opening the page');
      assert.match(await again.locator('[data-exercise-progress]').innerText(), /^Answered 0 of 4 /);

      // The progress page and the progress file: not started, nothing answered.
      const progress = await open(context, 'progress.html');
      const row = progress.locator('[data-exercise-row="chosen"]');
      assert.equal(await row.locator('[data-cell="status"]').innerText(), 'Not started');
      assert.equal(await row.locator('[data-cell="score"]').innerText(), '0 of 4 (0%)');
      await progress.getByRole('textbox', { name: /Your name/ }).fill('A. Trainee');
      const [download] = await Promise.all([
        progress.waitForEvent('download'),
        progress.getByRole('button', { name: 'Save progress file (JSON)' }).click(),
      ]);
      const file = JSON.parse(require('node:fs').readFileSync(await download.path(), 'utf8'));
      assert.equal(file.totals.answered, 0);
      const week = file.assignments.find((a) => a.title === 'Week');
      assert.ok(week, `the assignment is in the file: ${JSON.stringify(file.assignments)}`);
      assert.equal(week.done, 0, 'the assignment\'s exercise is not done');
      assert.equal(week.correct, 0);
      assert.equal(week.parts[0].done, false);
      const rows = file.questions.filter((r) => r.exercise_id === 'chosen');
      assert.equal(rows.length, 4);
      for (const r of rows) {
        assert.equal(r.status, 'not answered', `${r.question_id} is not answered in the file`);
        assert.equal(r.attempts, 0);
        assert.equal(r.answered_at, '');
      }
      await progress.close();

      // Check works as before and replaces the draft with the checked response.
      await q(again, 'single').getByRole('button', { name: 'Check' }).click();
      assert.match(await q(again, 'single').locator('[data-feedback]').innerText(), /Not quite/);
      await q(again, 'multiple').getByRole('button', { name: 'Check' }).click();
      assert.match(await q(again, 'multiple').locator('[data-feedback]').innerText(), /Correct/);
      await q(again, 'ordering').getByRole('button', { name: 'Check' }).click();
      const checked = await records(again);
      assert.equal(checked.single.status, 'incorrect');
      assert.equal(checked.single.attempts, 1);
      assert.deepEqual(checked.single.response, chosen.single);
      assert.equal(checked.single.draft, undefined, 'Check replaced the draft');
      assert.equal(checked.multiple.status, 'correct');
      assert.deepEqual(checked.multiple.response, chosen.multiple);
      assert.deepEqual(checked.ordering.response, chosen.ordering.map(String));
      assert.equal(checked.ordering.draft, undefined);
      assert.deepEqual(checked.truefalse.draft, ['false'], 'the unchecked question keeps its draft');
      assert.match(await again.locator('[data-exercise-progress]').innerText(), /^Answered 3 of 4 /);

      // Try again and a new choice: a draft beside the checked answer, which keeps its time
      // and still wins on reload; the attempt count is unchanged.
      await q(again, 'single').getByRole('button', { name: 'Try again' }).click();
      await q(again, 'single').getByLabel('The fee').check();
      const retried = await records(again);
      assert.equal(retried.single.updated, checked.single.updated, 'a draft leaves the checked answer\'s time');
      assert.equal(retried.single.attempts, 1);
      assert.equal(retried.single.status, 'incorrect');
      await again.reload({ waitUntil: 'load' });
      assert.match(await q(again, 'single').locator('[data-feedback]').innerText(), /Not quite/);
      assert.deepEqual(await ticked(again, 'single'), chosen.single, 'the checked answer is shown');
      await q(again, 'single').getByRole('button', { name: 'Try again' }).click();
      await q(again, 'single').getByLabel('Sleeping better').check();
      await q(again, 'single').getByRole('button', { name: 'Check' }).click();
      const twice = (await records(again)).single;
      assert.equal(twice.attempts, 2);
      assert.equal(twice.draft, undefined);
    });
  });

  test('unticking every box clears the draft; Show answer replaces it', async () => {
    await withContext(async (context) => {
      const page = await open(context, 'quiz.html');
      const boxes = q(page, 'multiple').locator('input');
      await boxes.nth(1).check();
      assert.equal((await records(page)).multiple.draft.length, 1);
      await boxes.nth(1).uncheck();
      assert.equal((await records(page)).multiple.draft, undefined, 'nothing chosen, no draft');
      await page.reload({ waitUntil: 'load' });
      assert.deepEqual(await ticked(page, 'multiple'), []);

      await q(page, 'single').locator('input').nth(2).check();
      await q(page, 'single').getByRole('button', { name: 'Show answer' }).click();
      const rec = (await records(page)).single;
      assert.equal(rec.status, 'revealed');
      assert.equal(rec.draft, undefined);
    });
  });

  test('import: a draft in a progress file is no answer and never replaces a checked one', async () => {
    await withContext(async (context) => {
      const page = await open(context, 'quiz.html');
      await q(page, 'single').getByLabel('Sleeping better').check();
      await q(page, 'single').getByRole('button', { name: 'Check' }).click();
      const checked = (await records(page)).single;
      const meta = (key) => q(page, key).evaluate((el) => ({
        fp: el.dataset.fp,
        ids: Object.fromEntries([...el.querySelectorAll('input')].map((i) => [i.labels[0].innerText.trim(), i.value])),
      }));
      const single = await meta('single');
      const multiple = await meta('multiple');
      const later = '2999-01-01T00:00:00.000Z';
      const file = { schema: 1, learner: '', reading: {}, exercises: { chosen: { title: 'Chosen answers', page: 'quiz.html', questions: {
        single: { type: 'single', fp: single.fp, prompt: 'x', updated: later, draft: [single.ids['The fee']] },
        multiple: { type: 'multiple', fp: multiple.fp, prompt: 'x', updated: later, draft: [multiple.ids['How payment works']] },
      } } } };
      const progress = await open(context, 'progress.html');
      await progress.getByLabel('Import a progress file').setInputFiles({
        name: 'drafts.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)),
      });
      await assert.doesNotReject(progress.locator('[data-progress-status]').getByText(/^Nothing new to import/).waitFor());
      const row = progress.locator('[data-exercise-row="chosen"]');
      assert.match(await row.locator('[data-cell="status"]').innerText(), /In progress: 1 of 4 answered/);
      await progress.close();

      const after = await records(page);
      assert.deepEqual(after.single, checked, 'the checked answer stays as it was');
      assert.deepEqual(after.multiple.draft, [multiple.ids['How payment works']]);
      await page.reload({ waitUntil: 'load' });
      assert.match(await q(page, 'single').locator('[data-feedback]').innerText(), /Correct/);
      assert.deepEqual(await ticked(page, 'multiple'), [multiple.ids['How payment works']]);
    });
  });

  test('a draft made for an older version of a question is not put back; a checked answer stays', async () => {
    await withContext(async (context) => {
      const page = await open(context, 'quiz.html');
      await q(page, 'single').getByLabel('A diagnosis').check();
      await q(page, 'multiple').getByLabel('How payment works').check();
      await q(page, 'truefalse').getByLabel('True').check();
      await q(page, 'truefalse').getByRole('button', { name: 'Check' }).click();
      const saved = await records(page);
      const draft = saved.single.draft;
      assert.equal(draft.length, 1);
      assert.equal(saved.truefalse.status, 'correct');
      /** Sets the stored fingerprints ({ key: fp }) and reloads the page. */
      const withFp = async (fps) => {
        await page.evaluate(([k, fps]) => {
          const state = JSON.parse(localStorage.getItem(k));
          for (const [key, fp] of Object.entries(fps)) {
            state.exercises.chosen.questions[key].fp = fp;
          }
          localStorage.setItem(k, JSON.stringify(state));
        }, [PROGRESS_KEY, fps]);
        await page.reload({ waitUntil: 'load' });
      };

      await withFp({ single: 'an-older-version', truefalse: 'an-older-version' });
      // The multiple's draft (its fingerprint unchanged) is back: restoring has run.
      assert.deepEqual(await ticked(page, 'multiple'), saved.multiple.draft);
      assert.deepEqual(await ticked(page, 'single'), [], 'the outdated draft is not put back');
      const kept = await records(page);
      assert.equal(kept.truefalse.status, 'correct', 'the outdated checked answer is not deleted');
      assert.deepEqual(kept.truefalse.response, saved.truefalse.response);

      await withFp({ single: saved.single.fp });
      assert.deepEqual(await ticked(page, 'single'), draft, 'a draft for this version is put back');
    });
  });
});
