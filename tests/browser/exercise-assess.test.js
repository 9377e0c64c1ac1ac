'use strict';
// Assessment integrity in a real Chromium (fixture tests/fixtures/assessment, built here with
// the real binary): shuffled options are shown in the same order with and without JavaScript
// and on every load, per-option feedback follows its option, `shuffle = false` keeps the
// authored order, a saved answer recorded by option number (before option ids) is migrated,
// and numeric and typo-tolerant short answers are graded as documented.

const { describe, test } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const lib = require('./lib');

const FIXTURE = path.join(lib.REPO, 'tests', 'fixtures', 'assessment');
const QUIZ = 'quiz.html';
const STORAGE_KEY = 'handbook:assessment-fixture:progress';
const AUTHORED = ['red', 'green', 'blue', 'grey', 'white', 'black'];

const env = lib.suite({ fixture: FIXTURE });

function q(page, key) {
  return page.locator(`[data-exercise="assess"] [data-question="${key}"]`);
}

function labels(question) {
  return question.locator('.question-option label').allInnerTexts();
}

async function check(question) {
  await question.getByRole('button', { name: 'Check', exact: true }).click();
}

async function retry(question) {
  await question.getByRole('button', { name: 'Try again', exact: true }).click();
}

function feedback(question) {
  return question.locator('[data-feedback]');
}

async function answer(question, text) {
  const box = question.getByRole('textbox', { name: 'Your answer' });
  await box.fill(text);
  await check(question);
  const out = await feedback(question).innerText();
  await retry(question);
  return out;
}

describe('assessment', () => {
  test('shuffled options: the same order with and without JavaScript, on every load', async () => {
    let withJs;
    await lib.withPage(env.browser, {}, async ({ page }) => {
      await lib.visit(page, env.server.at(QUIZ));
      withJs = await labels(q(page, 'colours'));
      assert.notDeepEqual(withJs, AUTHORED, 'shown shuffled');
      assert.deepEqual([...withJs].sort(), [...AUTHORED].sort());
      await page.reload();
      assert.deepEqual(await labels(q(page, 'colours')), withJs, 'stable across loads');
      assert.deepEqual(await labels(q(page, 'kept')), ['Not at all', 'A little', 'Mostly', 'Fully'], 'shuffle = false');
    });
    const context = await env.browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(env.server.at(QUIZ));
      const colours = q(page, 'colours');
      assert.deepEqual(await labels(colours), withJs, 'the no-JavaScript page shows the same order');
      const details = colours.locator('details.question-answer');
      await details.locator('summary').click();
      const text = await details.innerText();
      assert.match(text, /Answer: green/);
      // The per-option feedback in the fallback is listed in the order shown, each with its option.
      const fb = await details.locator('[data-feedback-for] .feedback-option').allInnerTexts();
      assert.deepEqual(fb, withJs);
      for (const colour of AUTHORED) assert.match(text, new RegExp(`${colour}: About ${colour}\\.`));
    } finally {
      await context.close();
    }
  });

  test('per-option feedback follows its option, wherever it is shown', async () => {
    await lib.withPage(env.browser, {}, async ({ page }) => {
      await lib.visit(page, env.server.at(QUIZ));
      const colours = q(page, 'colours');
      for (const colour of ['red', 'blue', 'black']) {
        await colours.getByRole('radio', { name: colour, exact: true }).check();
        await check(colours);
        const text = await feedback(colours).innerText();
        assert.match(text, /Not quite\./);
        assert.match(text, new RegExp(`About ${colour}\\.`), `feedback for ${colour}`);
        assert.match(await colours.locator('.question-option.is-wrong').innerText(), new RegExp(`${colour}[\\s\\S]*not correct`));
        await retry(colours);
      }
      await colours.getByRole('radio', { name: 'green', exact: true }).check();
      await check(colours);
      assert.match(await feedback(colours).innerText(), /Correct\.[\s\S]*About green\./);
      // Saved by the option's id, not by where it was shown.
      const stored = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)), STORAGE_KEY);
      const rec = stored.exercises.assess.questions.colours;
      const greenId = await colours.locator('.question-option[data-n="2"]').getAttribute('data-option');
      assert.match(greenId, /^o[0-9a-f]{8}$/);
      assert.deepEqual(rec.response, [greenId]);
      assert.equal(rec.status, 'correct');
    });
  });

  test('a saved answer recorded by option number is migrated to the option id', async () => {
    await lib.withPage(env.browser, {}, async ({ page }) => {
      await lib.visit(page, env.server.at(QUIZ));
      const colours = q(page, 'colours');
      const fp = await colours.getAttribute('data-fp');
      const ids = await colours.locator('.question-option').evaluateAll((lis) =>
        Object.fromEntries(lis.map((li) => [li.dataset.n, li.dataset.option])));
      // What an earlier release saved: the authored numbers "3" (blue, wrong) for colours.
      await page.evaluate(({ key, fp }) => {
        localStorage.setItem(key, JSON.stringify({
          schema: 1, learner: '', reading: {},
          exercises: { assess: { title: 'Shuffled and numeric', page: 'quiz.html', updated: '2026-01-01T00:00:00Z',
            questions: { colours: { type: 'single', fp, status: 'incorrect', response: ['3'], attempts: 1, first: 'incorrect', prompt: 'Which colour?' } } } },
        }));
      }, { key: STORAGE_KEY, fp });
      await page.reload();
      const again = q(page, 'colours');
      assert.equal(await again.getByRole('radio', { name: 'blue', exact: true }).isChecked(), true, 'the old answer is shown');
      assert.match(await feedback(again).innerText(), /Not quite\.[\s\S]*About blue\./);
      const stored = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)), STORAGE_KEY);
      const rec = stored.exercises.assess.questions.colours;
      assert.deepEqual(rec.response, [ids['3']], 'rewritten with the option id');
      assert.equal(rec.status, 'incorrect');
      assert.equal(rec.attempts, 1, 'nothing else changed');
    });
  });

  test('numeric answers: forms of the number, the range, and the range named after giving up', async () => {
    await lib.withPage(env.browser, {}, async ({ page }) => {
      await lib.visit(page, env.server.at(QUIZ));
      const share = q(page, 'share');
      for (const ok of ['8', '8%', '8 %', 'about 8', '~8', '8.0', '9', '7 percent']) {
        assert.match(await answer(share, ok), /Correct\./, ok);
      }
      const far = await answer(share, '12');
      assert.match(far, /Not quite\. That number is not within the accepted range\./);
      assert.doesNotMatch(far, /7 %|9 %/, 'the range waits until the learner gives up');
      assert.match(await answer(share, '7,5'), /Not quite\. Write your answer as a number\./, 'no decimal comma in English');
      assert.match(await answer(share, 'lots'), /Write your answer as a number\./);
      await share.getByRole('button', { name: 'Show answer' }).click();
      assert.match(await feedback(share).innerText(), /Answer shown\.[\s\S]*8 % \(anything from 7 % to 9 % is accepted\)/);
    });
  });

  test('text answers: one typo in long words, no diacritics; typos = false is strict', async () => {
    await lib.withPage(env.browser, {}, async ({ page }) => {
      await lib.visit(page, env.server.at(QUIZ));
      const word = q(page, 'word');
      assert.match(await answer(word, 'allaince'), /Correct\./);
      assert.match(await answer(word, 'Alliamce.'), /Correct\./);
      assert.match(await answer(word, 'allaimce'), /Not quite\./, 'two typos');
      const name = q(page, 'name');
      assert.match(await answer(name, 'Fluckiger'), /Correct\./);
      assert.match(await answer(name, 'FLÜCKIGER'), /Correct\./);
      const strict = q(page, 'strict');
      assert.match(await answer(strict, 'Bordn'), /Not quite\./);
      assert.match(await answer(strict, 'bordin'), /Correct\./);
    });
  });
});
