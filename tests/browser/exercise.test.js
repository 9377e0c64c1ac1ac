'use strict';
// Self-check exercises in a real Chromium: every question type answered wrongly and rightly
// (feedback text), progress kept across a reload, the sidebar mark, the "My progress" page
// (counts, retired exercises, CSV and JSON export, reset with confirmation and undo),
// keyboard-only completion (a choice question and an ordering question), the page without
// JavaScript, file://, and axe on the exercise page and the progress page.
//
// Builds its own fixture handbook (tests/fixtures/exercises) with the real binary
// (HANDBOOK_BIN, else target/debug/handbook) into a temporary folder; HANDBOOK_EXERCISE_FIXTURE
// points it at another fixture folder.

const { describe, test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const lib = require('./lib');

const FIXTURE = process.env.HANDBOOK_EXERCISE_FIXTURE || path.join(lib.REPO, 'tests', 'fixtures', 'exercises');
const QUIZ = 'basics/quiz.html';
const STORAGE_KEY = 'handbook:exercise-fixture:progress';

const env = lib.suite({ fixture: FIXTURE });

// ---------------------------------------------------------------------------------------------
// helpers

function q(page, key, exercise = 'basics-quiz') {
  return page.locator(`[data-exercise="${exercise}"] [data-question="${key}"]`);
}

function feedback(question) {
  return question.locator('[data-feedback]');
}

async function check(question) {
  await question.getByRole('button', { name: 'Check', exact: true }).click();
}

async function retry(question) {
  await question.getByRole('button', { name: 'Try again', exact: true }).click();
}

/** The items' correct positions in their current order. */
function order(question) {
  return question.locator('.ordering-item').evaluateAll((lis) => lis.map((li) => Number(li.dataset.item)));
}

/** Put an ordering question in order with its Move up buttons (mouse). */
async function sortByClicks(question) {
  for (let target = 0; ; target++) {
    const now = await order(question);
    if (target >= now.length) break;
    const from = now.indexOf(target + 1);
    const li = question.locator('.ordering-item').nth(from);
    for (let k = from; k > target; k--) {
      await li.locator('[data-move="up"]').click();
    }
  }
}

async function answerEverythingRightly(page) {
  const single = q(page, 'q1');
  await single.getByRole('radio', { name: 'Insight' }).check();
  await check(single);
  const multi = q(page, 'q2');
  await multi.getByRole('checkbox', { name: 'How often you meet' }).check();
  await multi.getByRole('checkbox', { name: 'How payment works' }).check();
  await check(multi);
  const tf = q(page, 'q3');
  await tf.getByRole('radio', { name: 'False' }).check();
  await check(tf);
  const short = q(page, 'q4');
  await short.getByRole('textbox', { name: 'Your answer' }).fill('congruence');
  await check(short);
  const ord = q(page, 'q5');
  await sortByClicks(ord);
  await check(ord);
  const scen = q(page, 'q6');
  await scen.getByRole('radio', { name: 'Thank them and ask what would help' }).check();
  await check(scen);
  const refl = q(page, 'q7');
  await refl.getByRole('textbox', { name: 'Your reflection' }).fill('I would thank them.');
  await refl.getByRole('button', { name: 'Show model answer' }).click();
}

async function storedProgress(page) {
  return page.evaluate((key) => JSON.parse(localStorage.getItem(key) || 'null'), STORAGE_KEY);
}

// ---------------------------------------------------------------------------------------------

describe('exercises', () => {
  test('every question type, wrongly and then rightly; progress survives a reload', async () => {
    await lib.withPage(env.browser, {}, async ({ page }) => {
      await lib.visit(page, env.server.at(QUIZ));
      const progressLine = page.locator('[data-exercise="basics-quiz"] [data-exercise-progress]');
      await assert.doesNotReject(progressLine.getByText('Answered 0 of 7 · 0 of 6 correct').waitFor());

      // single: per-option feedback, then the explanation once right
      const single = q(page, 'q1');
      await single.getByRole('radio', { name: 'Bond' }).check();
      await check(single);
      let text = await feedback(single).innerText();
      assert.match(text, /Not quite\./);
      assert.match(text, /The bond is one of the three\./);
      assert.doesNotMatch(text, /Bordin \(1979\)/, 'the explanation waits for a right answer');
      assert.equal(await single.getByRole('radio', { name: 'Bond' }).isDisabled(), true, 'locked after checking');
      assert.match(await single.locator('.question-option.is-wrong').innerText(), /not correct/, 'marked with text, not colour alone');
      await retry(single);
      assert.equal(await feedback(single).innerText(), '');
      await single.getByRole('radio', { name: 'Insight' }).check();
      await check(single);
      text = await feedback(single).innerText();
      assert.match(text, /Correct\./);
      assert.match(text, /Right: insight is not one of them\./);
      assert.match(text, /Bordin \(1979\) described goals, tasks and the bond\./);

      // multiple
      const multi = q(page, 'q2');
      await multi.getByRole('checkbox', { name: 'How often you meet' }).check();
      await multi.getByRole('checkbox', { name: /client.s diagnosis/ }).check();
      await check(multi);
      assert.match(await feedback(multi).innerText(), /Not quite\. You chose 1 of the 2 correct options and 1 option that is not correct\./);
      await retry(multi);
      await multi.getByRole('checkbox', { name: 'How often you meet' }).check();
      await multi.getByRole('checkbox', { name: 'How payment works' }).check();
      await check(multi);
      assert.match(await feedback(multi).innerText(), /Correct\.[\s\S]*A diagnosis is not something you do together\./);

      // true/false
      const tf = q(page, 'q3');
      await tf.getByRole('radio', { name: 'True' }).check();
      await check(tf);
      assert.match(await feedback(tf).innerText(), /Not quite\.[\s\S]*Not so: strength matters more\./);
      await retry(tf);
      await tf.getByRole('radio', { name: 'False' }).check();
      await check(tf);
      assert.match(await feedback(tf).innerText(), /Correct\.[\s\S]*Bordin argued that strength matters more\./);

      // short answer: empty, wrong, then right despite case, spaces and punctuation
      const short = q(page, 'q4');
      await check(short);
      assert.match(await feedback(short).innerText(), /Type an answer first\./);
      const box = short.getByRole('textbox', { name: 'Your answer' });
      await box.fill('insight');
      await box.press('Enter');
      assert.match(await feedback(short).innerText(), /Not quite\. That is not one of the accepted answers\./);
      await retry(short);
      await box.fill('  CONGRUENCE.  ');
      await check(short);
      assert.match(await feedback(short).innerText(), /Correct\.[\s\S]*Congruence, or genuineness\./);

      // ordering: shown shuffled, so checking at once is wrong
      const ord = q(page, 'q5');
      assert.notDeepEqual(await order(ord), [1, 2, 3]);
      await check(ord);
      assert.match(await feedback(ord).innerText(), /Not quite\. \d of 3 items are in the right place\./);
      await retry(ord);
      await sortByClicks(ord);
      assert.deepEqual(await order(ord), [1, 2, 3]);
      await check(ord);
      assert.match(await feedback(ord).innerText(), /Correct\.[\s\S]*Signal, link, offer\./);

      // scenario
      const scen = q(page, 'q6');
      assert.match(await scen.locator('.question-vignette').innerText(), /This isn.t helping/);
      await scen.getByRole('radio', { name: 'Defend the method' }).check();
      await check(scen);
      assert.match(await feedback(scen).innerText(), /Not quite\./);
      await retry(scen);
      await scen.getByRole('radio', { name: 'Thank them and ask what would help' }).check();
      await check(scen);
      assert.match(await feedback(scen).innerText(), /Correct\.[\s\S]*Thank, ask, adjust\./);

      // reflection: the model answer only after writing; saved as typed
      const refl = q(page, 'q7');
      await refl.getByRole('button', { name: 'Show model answer' }).click();
      assert.match(await feedback(refl).innerText(), /Write your reflection first/);
      await refl.getByRole('textbox', { name: 'Your reflection' }).pressSequentially('I would thank them.');
      await refl.getByRole('button', { name: 'Show model answer' }).click();
      assert.match(await feedback(refl).innerText(), /Thank the client, ask what would help, and agree a change\./);

      await assert.doesNotReject(progressLine.getByText('Answered 7 of 7 · 6 of 6 correct · complete').waitFor());
      const stored = await storedProgress(page);
      assert.equal(stored.schema, 1);
      assert.equal(stored.exercises['basics-quiz'].questions.q1.status, 'correct');
      assert.equal(stored.exercises['basics-quiz'].questions.q1.attempts, 2);
      assert.equal(stored.exercises['basics-quiz'].questions.q1.first, 'incorrect');
      assert.equal(stored.exercises['basics-quiz'].questions.q7.response, 'I would thank them.');

      // Reload: everything is as it was.
      await page.reload({ waitUntil: 'load' });
      await assert.doesNotReject(progressLine.getByText('Answered 7 of 7 · 6 of 6 correct · complete').waitFor());
      assert.equal(await q(page, 'q1').getByRole('radio', { name: 'Insight' }).isChecked(), true);
      assert.match(await feedback(q(page, 'q1')).innerText(), /Correct\./);
      assert.equal(await q(page, 'q4').getByRole('textbox', { name: 'Your answer' }).inputValue(), '  CONGRUENCE.  ');
      assert.deepEqual(await order(q(page, 'q5')), [1, 2, 3]);
      assert.equal(await q(page, 'q7').getByRole('textbox', { name: 'Your reflection' }).inputValue(), 'I would thank them.');

      // The sidebar marks the page as done.
      const link = page.locator('#hb-sidebar a[href$="quiz.html"]');
      await assert.doesNotReject(link.locator('.progress-mark').waitFor());
      assert.match(await link.innerText(), /Quiz/);
      assert.match(await link.textContent(), /\(exercises done\)/);
    });
  });

  test('Show answer reveals the answer; authors can turn it off', async () => {
    await lib.withPage(env.browser, {}, async ({ page }) => {
      await lib.visit(page, env.server.at(QUIZ));
      const single = q(page, 'q1');
      await single.getByRole('button', { name: 'Show answer' }).click();
      const text = await feedback(single).innerText();
      assert.match(text, /Answer shown\.[\s\S]*Answer: Insight/);
      assert.match(await single.locator('.is-answer').innerText(), /correct answer/);
      assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Try again');
      const stored = await storedProgress(page);
      assert.equal(stored.exercises['basics-quiz'].questions.q1.status, 'revealed');

      await lib.visit(page, env.server.at('more/extra.html'));
      const extra = page.locator('[data-exercise="more-extra-1"]');
      assert.equal(await extra.count(), 1, 'the derived id is page + position');
      assert.equal(await extra.getByRole('button', { name: 'Show answer' }).count(), 0);
      assert.equal(await extra.getByRole('button', { name: 'Check' }).count(), 2);
    });
  });

  test('keyboard only: a choice question and an ordering question', async () => {
    await lib.withPage(env.browser, {}, async ({ page }) => {
      await lib.visit(page, env.server.at(QUIZ));
      const onRadio = (k) => {
        const a = document.activeElement;
        return !!a && !!a.closest(`[data-question="${k}"]`) && a.matches('input[type=radio]');
      };
      assert.ok((await lib.tabUntil(page, onRadio, 'q1', 80)) > 0, `never reached q1: ${await lib.describeFocus(page)}`);
      // The radio group is one tab stop; arrows choose. Bond -> Goals -> Tasks -> Insight.
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      assert.equal(await q(page, 'q1').getByRole('radio', { name: 'Insight' }).isChecked(), true);
      const onCheck = (k) => {
        const a = document.activeElement;
        return !!a && !!a.closest(`[data-question="${k}"]`) && a.textContent === 'Check';
      };
      assert.ok((await lib.tabUntil(page, onCheck, 'q1', 10)) > 0, `no Check button: ${await lib.describeFocus(page)}`);
      await page.keyboard.press('Enter');
      assert.match(await feedback(q(page, 'q1')).innerText(), /Correct\./);
      assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Try again', 'focus goes to Try again');

      // Ordering with Move up buttons, keyboard only.
      const ord = q(page, 'q5');
      for (let target = 0; target < 3; target++) {
        const now = await order(ord);
        const from = now.indexOf(target + 1);
        if (from === target) continue;
        const label = `Move up: ${await ord.locator('.ordering-item').nth(from).locator('.ordering-text').innerText()}`;
        const onMove = (name) => {
          const a = document.activeElement;
          return !!a && a.matches('[data-move]') && a.textContent.replace('↑', '').trim() === name;
        };
        const presses = await lib.tabUntil(page, onMove, label, 80);
        assert.ok(presses > 0, `could not tab to "${label}": ${await lib.describeFocus(page)}`);
        for (let k = from; k > target; k--) await page.keyboard.press('Enter');
      }
      assert.deepEqual(await order(ord), [1, 2, 3]);
      assert.match(await ord.locator('[data-ordering-status]').textContent(), /moved to position 1 of 3/);
      assert.ok((await lib.tabUntil(page, onCheck, 'q5', 20)) > 0);
      await page.keyboard.press(' ');
      assert.match(await feedback(ord).innerText(), /Correct\./);
    });
  });

  test('the progress page: counts, retired exercises, CSV and JSON export, reset', async () => {
    await lib.withPage(env.browser, {}, async ({ page }) => {
      await lib.visit(page, env.server.at(QUIZ));
      await answerEverythingRightly(page);
      // A result for an exercise that no longer exists.
      await page.evaluate((key) => {
        const s = JSON.parse(localStorage.getItem(key));
        s.exercises['old-exercise'] = {
          title: 'An old exercise', page: 'old/page.html',
          questions: { q1: { type: 'single', fp: 'x', status: 'correct', prompt: 'Old question?' } },
        };
        localStorage.setItem(key, JSON.stringify(s));
      }, STORAGE_KEY);

      await lib.visit(page, env.server.at('progress.html'));
      const row = page.locator('[data-exercise-row="basics-quiz"]');
      assert.equal(await row.locator('[data-cell="status"]').innerText(), 'Complete');
      assert.equal(await row.locator('[data-cell="score"]').innerText(), '6 of 6 (100%); 1 of 1 reflection written');
      const other = page.locator('[data-exercise-row="more-extra-1"]');
      assert.equal(await other.locator('[data-cell="status"]').innerText(), 'Not started');
      assert.equal(await other.locator('[data-cell="score"]').innerText(), '0 of 2 (0%)');
      assert.match(await page.locator('[data-progress-summary]').innerText(),
        /You have answered 7 of 9 questions; 6 of 8 graded answers are correct \(75%\)\. 1 of 2 exercises complete\./);
      assert.match(await page.locator('[data-chapter="0"] [data-chapter-score]').innerText(), /Score: 6 of 6 correct \(100%\)/);
      const retired = page.locator('[data-retired]');
      assert.equal(await retired.isVisible(), true);
      assert.match(await retired.locator('[data-retired-row="old-exercise"]').innerText(), /An old exercise[\s\S]*Retired/);

      // CSV
      const [csvDownload] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Export as CSV' }).click(),
      ]);
      assert.match(csvDownload.suggestedFilename(), /^exercise-fixture-progress-\d{4}-\d\d-\d\d\.csv$/);
      const csv = fs.readFileSync(await csvDownload.path(), 'utf8').replace(/^\ufeff/, '');
      const lines = csv.trim().split('\r\n');
      assert.equal(lines[0], 'chapter,page,url,exercise_id,exercise,number,question_id,type,prompt,status,correct,attempts,first_attempt,answered_at');
      assert.equal(lines.length, 1 + 9 + 1, `header, 9 questions, 1 retired:\n${csv}`);
      assert.match(lines[1], /^"Basics","Quiz","basics\/quiz.html","basics-quiz","Check your understanding","1","q1","single","Which of these is not one of Bordin.s three elements\?","correct","yes","1","correct","\d{4}-/);
      assert.ok(lines.some((l) => /"basics-quiz",.*"q7","reflection",.*"written",""/.test(l)), csv);
      assert.ok(lines.some((l) => /^"More","Extra","more\/extra.html","more-extra-1",.*"q2","scenario",.*"not answered",""/.test(l)), csv);
      assert.ok(lines.some((l) => /^"\(retired\)",.*"old-exercise",.*"retired","yes"/.test(l)), csv);

      // JSON: a progress file to hand in says whose it is, so it needs the name first.
      await page.getByRole('button', { name: 'Save progress file (JSON)' }).click();
      await assert.doesNotReject(page.locator('[data-progress-status]').getByText('Type your name first').waitFor());
      const nameBox = page.getByRole('textbox', { name: /Your name/ });
      assert.equal(await nameBox.getAttribute('aria-invalid'), 'true');
      await nameBox.fill('Alex Learner');
      const [jsonDownload] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Save progress file (JSON)' }).click(),
      ]);
      assert.match(jsonDownload.suggestedFilename(), /^exercise-fixture-progress-alex-learner-\d{4}-\d\d-\d\d\.json$/);
      const exported = JSON.parse(fs.readFileSync(await jsonDownload.path(), 'utf8'));
      assert.equal(exported.learner, 'Alex Learner');
      assert.equal(exported.format, 'handbook-progress');
      assert.equal(exported.schema, 3);
      assert.deepEqual(exported.assignments, []);
      assert.equal(typeof exported.totals.correct, 'number');
      assert.equal(exported.handbook, 'exercise-fixture', 'the handbook id (derived from the title here)');
      assert.equal(exported.title, 'Exercise fixture');
      assert.equal(exported.questions.length, 10);
      assert.equal(exported.progress.exercises['basics-quiz'].questions.q7.response, 'I would thank them.');

      // Reset: cancel keeps everything; confirm clears; undo brings it back.
      await page.getByRole('button', { name: 'Reset progress' }).click();
      const dialog = page.getByRole('dialog', { name: 'Reset your progress?' });
      assert.equal(await dialog.isVisible(), true);
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      assert.equal(await row.locator('[data-cell="status"]').innerText(), 'Complete');
      await page.getByRole('button', { name: 'Reset progress' }).click();
      await dialog.getByRole('button', { name: 'Reset progress' }).click();
      assert.equal(await row.locator('[data-cell="status"]').innerText(), 'Not started');
      assert.equal(await storedProgress(page), null);
      await page.getByRole('button', { name: 'Undo reset' }).click();
      assert.equal(await row.locator('[data-cell="status"]').innerText(), 'Complete');
      // Reset again, then import the exported file.
      await page.getByRole('button', { name: 'Reset progress' }).click();
      await dialog.getByRole('button', { name: 'Reset progress' }).click();
      assert.equal(await row.locator('[data-cell="status"]').innerText(), 'Not started');
      await page.getByLabel('Import a progress file').setInputFiles(await jsonDownload.path());
      await assert.doesNotReject(page.locator('[data-progress-status]').getByText(/^8 answers(, [^;]*)? imported\.$/).waitFor());
      assert.equal(await row.locator('[data-cell="status"]').innerText(), 'Complete');

      // The print report: name, date and scores.
      await page.getByRole('textbox', { name: 'Your name, for the printed report' }).fill('Alex Learner');
      await page.emulateMedia({ media: 'print' });
      await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
      const header = page.locator('[data-print-header]');
      assert.equal(await header.isVisible(), true);
      assert.match(await header.innerText(), /Self-check report: Exercise fixture[\s\S]*Alex Learner[\s\S]*\d{4}[\s\S]*6 of 8 correct/);
      assert.equal(await page.locator('[data-progress-tools]').isVisible(), false, 'no buttons on paper');
      await page.emulateMedia({ media: 'screen' });
      assert.equal((await storedProgress(page)).learner, 'Alex Learner');
    });
  });

  test('axe: the exercise page and the progress page have no violations', async () => {
    for (const colorScheme of ['light', 'dark']) {
      await lib.withPage(env.browser, { colorScheme }, async ({ page }) => {
        await lib.visit(page, env.server.at(QUIZ));
        // With feedback, marks, a revealed answer and a model answer on screen.
        const single = q(page, 'q1');
        await single.getByRole('radio', { name: 'Bond' }).check();
        await check(single);
        await q(page, 'q2').getByRole('button', { name: 'Show answer' }).click();
        const short = q(page, 'q4');
        await short.getByRole('textbox', { name: 'Your answer' }).fill('congruence');
        await check(short);
        const refl = q(page, 'q7');
        await refl.getByRole('textbox', { name: 'Your reflection' }).fill('Some thoughts.');
        await refl.getByRole('button', { name: 'Show model answer' }).click();
        lib.assertNoViolations(await lib.axe(page), `${QUIZ} after answering (${colorScheme})`);
        if (colorScheme === 'light') {
          await lib.visit(page, env.server.at('progress.html'));
          lib.assertNoViolations(await lib.axe(page), `progress.html (${colorScheme})`);
        }
      });
    }
  });

  test('without JavaScript the questions are readable and the answers are in <details>', async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(env.server.at(QUIZ));
      const single = q(page, 'q1');
      assert.equal(await single.getByRole('group', { name: /Which of these is not one of Bordin/ }).count(), 1);
      assert.equal(await single.getByRole('radio').count(), 4);
      assert.equal(await single.getByRole('button', { name: 'Check' }).isVisible(), false);
      const details = single.locator('details.question-answer');
      assert.equal(await details.isVisible(), true);
      await details.locator('summary').click();
      assert.match(await details.innerText(), /Answer: Insight[\s\S]*Bordin \(1979\)/);
    } finally {
      await context.close();
    }
  });

  test('from file:// the progress page reads the manifest script', async () => {
    await lib.withPage(env.browser, {}, async ({ page }) => {
      await lib.visit(page, pathToFileURL(path.join(env.site, QUIZ)).href);
      const tf = q(page, 'q3');
      await tf.getByRole('radio', { name: 'False' }).check();
      await check(tf);
      assert.match(await feedback(tf).innerText(), /Correct\./);
      // Typed but not yet checked: kept too.
      const box = q(page, 'q4').getByRole('textbox', { name: 'Your answer' });
      await box.fill('congru');
      await box.blur();
      await page.reload({ waitUntil: 'load' });
      assert.equal(await q(page, 'q4').getByRole('textbox', { name: 'Your answer' }).inputValue(), 'congru');
      await lib.visit(page, pathToFileURL(path.join(env.site, 'progress.html')).href);
      const row = page.locator('[data-exercise-row="basics-quiz"]');
      assert.equal(await row.locator('[data-cell="status"]').innerText(), 'In progress: 1 of 7 answered');
    });
  });
});
