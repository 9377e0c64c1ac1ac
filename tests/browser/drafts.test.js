'use strict';
// Nothing typed into a form is lost: what is typed into a question (a short answer, a number
// answer, a reflection), the practice form and the name on "My progress" comes back after the
// page is hidden, reloaded or closed, although the field was never left (no blur) and the
// pause after which a question saves (exercise/typed.js) never ended: the page's clock is
// paused (page.clock), so only visibilitychange / pagehide can have saved it.
//
// Builds its own small handbook (written below) with the real binary (HANDBOOK_BIN, else
// target/debug/handbook).

const { describe, test } = require('node:test');
const assert = require('node:assert/strict');
const lib = require('./lib');

const PROGRESS_KEY = 'handbook:drafts-fixture:progress';
const SRS_KEY = 'handbook:drafts-fixture:srs';

const env = lib.suite({
  fixture: (tmp) => lib.handbookWith(tmp, {
    id: 'drafts-fixture',
    title: 'Drafts fixture',
    home: '# Drafts\n\nA page.\n',
    files: {
      'content/quiz.md': [
        '# Quiz',
        '',
        '```exercise',
        'id = "typed"',
        'title = "Typed answers"',
        '',
        '[[question]]',
        'type = "short"',
        'prompt = "Which word did Rogers use for being genuine?"',
        'accept = ["congruence"]',
        '',
        '[[question]]',
        'type = "short"',
        'prompt = "How many sessions, roughly?"',
        'accept_number = 12',
        'tolerance = 1',
        '',
        '[[question]]',
        'type = "reflection"',
        'prompt = "How do you respond to criticism?"',
        'model_answer = "Thank, ask, adjust."',
        '```',
        '',
      ].join('\n'),
      'content/practice.md': '# Practice\n\n```srs\nmode = "practice"\n```\n',
    },
  }),
});

function question(page, n) {
  return page.locator('[data-exercise="typed"] [data-question]').nth(n).locator('[data-input]');
}

/** Opens `rel` in `context` with the page's timers paused once it has loaded. */
async function openPaused(context, rel) {
  const page = await context.newPage();
  await page.clock.install();
  await page.goto(env.server.at(rel), { waitUntil: 'load' });
  await page.clock.pauseAt(Date.now() + 60_000);
  return page;
}

function stored(page, key) {
  return page.evaluate((k) => JSON.parse(localStorage.getItem(k) || 'null'), key);
}

/** The saved records of exercise "typed", in question order. */
async function records(page) {
  const state = await stored(page, PROGRESS_KEY);
  const ex = state && state.exercises && state.exercises.typed;
  if (!ex) return [];
  const keys = await page.locator('[data-exercise="typed"] [data-question]').evaluateAll((qs) => qs.map((q) => q.dataset.question));
  return keys.map((k) => ex.questions[k] || null);
}

/** Hides the page as switching to another app or tab does. */
function hide(page) {
  return page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
}

async function withContext(fn) {
  const { context, guard } = await lib.openPage(env.browser);
  try {
    await fn(context);
    guard.assertClean('the drafts pages');
  } finally {
    await context.close();
  }
}

describe('typed drafts', () => {
  test('hidden page: every typed question saves at once, without blur or the pause', async () => {
    await withContext(async (context) => {
      const page = await openPaused(context, 'quiz.html');
      await question(page, 0).pressSequentially('congru');
      await question(page, 1).pressSequentially('about 11');
      await question(page, 2).pressSequentially('I would thank them.');
      assert.equal(await page.evaluate(() => document.activeElement.tagName), 'TEXTAREA', 'the reflection still has focus');
      // The short answers were left (blur); the reflection was not, and the clock is paused.
      const before = await records(page);
      assert.equal(before[0] && before[0].draft, 'congru');
      assert.equal(before[1] && before[1].draft, 'about 11');
      assert.equal(before[2], null, 'nothing saved the reflection yet');
      await question(page, 0).focus();
      await page.keyboard.type('ence');
      assert.equal((await records(page))[0].draft, 'congru', 'the short answer waits for its pause');
      await hide(page);
      const after = await records(page);
      assert.equal(after[0].draft, 'congruence');
      assert.equal(after[1].draft, 'about 11');
      assert.equal(after[2] && after[2].response, 'I would thank them.');
      assert.equal(after[2].status, 'written');
      const again = await openPaused(context, 'quiz.html');
      assert.equal(await question(again, 0).inputValue(), 'congruence');
      assert.equal(await question(again, 1).inputValue(), 'about 11');
      assert.equal(await question(again, 2).inputValue(), 'I would thank them.');
    });
  });

  test('reload and close: what was typed last comes back', async () => {
    await withContext(async (context) => {
      const page = await openPaused(context, 'quiz.html');
      await question(page, 0).pressSequentially('congruent');
      await page.reload({ waitUntil: 'load' });
      assert.equal(await question(page, 0).inputValue(), 'congruent', 'a reload keeps the short answer');
      await page.clock.pauseAt(Date.now() + 120_000);
      await question(page, 1).pressSequentially('13');
      await question(page, 2).pressSequentially('Ask what would help.');
      assert.equal((await records(page))[2], null, 'nothing saved the reflection yet');
      await page.close();
      const again = await openPaused(context, 'quiz.html');
      assert.equal(await question(again, 1).inputValue(), '13');
      assert.equal(await question(again, 2).inputValue(), 'Ask what would help.');
    });
  });

  test('the practice form and the name on "My progress" are kept as they are typed', async () => {
    await withContext(async (context) => {
      const page = await openPaused(context, 'practice.html');
      await page.getByLabel('Session number').pressSequentially('7');
      await page.getByLabel(/^Label/).pressSequentially('Tuesday client');
      const drafts = (await stored(page, SRS_KEY)).drafts;
      const draft = Object.values(drafts)[0];
      assert.equal(draft.label, 'Tuesday client');
      assert.equal(draft.session, '7');
      await page.close();
      const again = await openPaused(context, 'practice.html');
      assert.equal(await again.getByLabel('Session number').inputValue(), '7');
      assert.equal(await again.getByLabel(/^Label/).inputValue(), 'Tuesday client');

      const progress = await openPaused(context, 'progress.html');
      await progress.getByLabel('Your name').pressSequentially('A. Trainee');
      await progress.close();
      const back = await openPaused(context, 'progress.html');
      assert.equal(await back.getByLabel('Your name').inputValue(), 'A. Trainee');
    });
  });
});
