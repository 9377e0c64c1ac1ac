'use strict';
// Assignments in a real Chromium: the checklist starts empty, then fills in as the learner reads
// (scrolls through a page that has been open long enough), answers an exercise and saves a
// practice entry; the completion bar and the learning path (home page and sidebar) follow and
// survive a reload. Hand-in: the name is required, the saved progress file follows
// docs/progress-file.md and `handbook progress summarize` (the real binary) turns it into the
// supervisor's table; the printed completion record carries the name. "Copy link to this
// section" works from the keyboard. axe on the assignment page and the home page.
//
// Builds tests/fixtures/assignments (read_after_seconds = 1) with the real binary (HANDBOOK_BIN,
// else target/debug/handbook) into a temporary folder.

const { describe, test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { pathToFileURL } = require('node:url');
const lib = require('./lib');

const FIXTURE = path.join(lib.REPO, 'tests', 'fixtures', 'assignments');
const WEEK1 = 'assignments/week-1.html';
const BOND = 'basics/bond.html';
const QUIZ = 'basics/quiz.html';
const PROGRESS_KEY = 'handbook:assignment-fixture:progress';
const SRS_KEY = 'handbook:assignment-fixture:srs';

const env = lib.suite({ fixture: FIXTURE });

function stored(page) {
  return page.evaluate((key) => JSON.parse(localStorage.getItem(key) || 'null'), PROGRESS_KEY);
}

function items(page) {
  return page.locator('.assignment-item').evaluateAll((lis) =>
    lis.map((li) => {
      // What the status says in words (the ✓ and … icons are aria-hidden).
      const status = li.querySelector('[data-item-status]').cloneNode(true);
      status.querySelectorAll('[aria-hidden="true"]').forEach((n) => n.remove());
      return { state: li.dataset.state || '', status: status.textContent.trim() };
    }));
}

/**
 * Scroll through the page from top to bottom the way a reader would, a screen at a time. The
 * page must run on Playwright's clock (page.clock.install): after each step the scroll event is
 * delivered and the clock moved past the animation frame in which the page looks at the screen,
 * so every screen is seen, however busy the machine.
 */
async function scrollThrough(page) {
  const step = async (top) => {
    await page.evaluate((y) => {
      window.scrollTo(0, y);
      window.dispatchEvent(new Event('scroll'));
    }, top);
    await page.clock.runFor(50);
  };
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0; y <= height; y += 400) await step(y);
  await step(height);
}

describe('assignments', () => {
  test('the checklist follows reading, exercises and practice, and survives a reload', async () => {
    await lib.withPage(env.browser, {}, async ({ page }) => {
      await lib.visit(page, env.server.at(WEEK1));
      const count = page.locator('[data-assignment-count]');
      await assert.doesNotReject(count.getByText('0 of 4 items done').waitFor());
      assert.deepEqual(await items(page), [
        { state: 'todo', status: 'Not read yet' },
        { state: 'todo', status: 'Not read yet' },
        { state: 'todo', status: 'Not started' },
        { state: 'todo', status: '0 of 1 entry saved' },
      ]);
      assert.equal(await page.locator('#hb-assignment-bar').evaluate((b) => b.value), 0);
      const due = await page.locator('.assignment-meta').innerText();
      assert.match(due, /Learning path[\s\S]*Two-week start[\s\S]*Due[\s\S]*Before the second supervision/);
      // The sidebar's learning path shows progress too.
      const sidebarStep = page.locator(`#hb-sidebar [data-path-step="${WEEK1}"]`);
      assert.match(await sidebarStep.innerText(), /Week 1: The bond\s*0\/4/);

      // Opening a page is not reading it: nothing is recorded before scrolling to the end, even
      // once the reading time (read_after_seconds = 1) has passed on the page's clock.
      await page.clock.install();
      await lib.visit(page, env.server.at(BOND));
      await page.clock.runFor(1300);
      assert.equal(((await stored(page)) || { reading: {} }).reading[BOND], undefined, 'not read without scrolling');
      await scrollThrough(page);
      await lib.poll(async () => ((await stored(page)) || { reading: {} }).reading[BOND]?.read, 10000);
      const reading = (await stored(page)).reading[BOND];
      assert.match(reading.read, /^\d{4}-\d\d-\d\dT/);
      assert.ok(reading.sections.repair && reading.sections['after-a-rupture'], JSON.stringify(reading));

      // The exercise: one right, one wrong.
      await lib.visit(page, env.server.at(QUIZ));
      const q1 = page.locator('[data-exercise="bond-check"] [data-question="q1"]');
      await q1.getByRole('radio', { name: 'The bond' }).check();
      await q1.getByRole('button', { name: 'Check', exact: true }).click();
      const q2 = page.locator('[data-exercise="bond-check"] [data-question="q2"]');
      await q2.getByRole('radio', { name: 'True' }).check();
      await q2.getByRole('button', { name: 'Check', exact: true }).click();

      // Back on the assignment: three of four done; the practice entry is still missing.
      await lib.visit(page, env.server.at(WEEK1));
      await assert.doesNotReject(count.getByText('3 of 4 items done · 1 of 2 questions correct (50%)').waitFor());
      assert.deepEqual((await items(page)).map((i) => i.state), ['done', 'done', 'done', 'todo']);
      assert.equal((await items(page))[2].status, 'Done: 1 of 2 correct');

      // A practice-form entry saved (srs.js's log; the form itself is tested in srs.test.js).
      await page.evaluate((key) => {
        localStorage.setItem(key, JSON.stringify({ v: 1, logs: { srs: [{ id: 'e1', date: '2026-11-20', values: [80, 80, 80, 80] }] }, drafts: {}, scenarios: {} }));
      }, SRS_KEY);
      await page.reload();
      await assert.doesNotReject(count.getByText('Complete: all 4 items done · 1 of 2 questions correct (50%)').waitFor());
      assert.equal(await page.locator('#hb-assignment-bar').evaluate((b) => b.value), 4);
      assert.equal(await page.locator('.assignment.is-complete').count(), 1);
      assert.match(await sidebarStep.innerText(), /Week 1: The bond\s*✓/);
      assert.match(await sidebarStep.locator('.visually-hidden').innerText(), /complete/);

      // The home page's learning path.
      await lib.visit(page, env.server.at('index.html'));
      const paths = page.locator('.learning-paths');
      await assert.doesNotReject(paths.getByText('1 of 2 assignments complete').waitFor());
      const week2 = paths.locator('[data-path-step="assignments/week-2.html"]');
      assert.match(await week2.innerText(), /1 of 2 done/);
      assert.equal(await week2.getByRole('progressbar').getAttribute('aria-label'), 'Week 2: Check yourself: 1 of 2 done');

      // "My progress" lists the assignments with the same status.
      await lib.visit(page, env.server.at('progress.html'));
      const rows = page.getByRole('table', { name: 'Your assignments' }).getByRole('row');
      await assert.doesNotReject(rows.filter({ hasText: 'Week 1: The bond' }).getByText('Complete').waitFor());
      assert.match(await rows.filter({ hasText: 'Week 2' }).innerText(), /End of week two[\s\S]*1 of 2 done/);
      lib.assertNoViolations(await lib.axe(page), 'progress page with assignments');

      // Axe on the filled-in assignment page and home page, in both colour schemes.
      for (const scheme of ['light', 'dark']) {
        await page.emulateMedia({ colorScheme: scheme });
        lib.assertNoViolations(await lib.axe(page), `home (${scheme})`);
        await lib.visit(page, env.server.at(WEEK1));
        await count.getByText('Complete').waitFor();
        lib.assertNoViolations(await lib.axe(page), `assignment (${scheme})`);
        await lib.visit(page, env.server.at('index.html'));
      }
    });
  });

  test('a section counts as read on its own; jumping past it does not', async () => {
    await lib.withPage(env.browser, { height: 500 }, async ({ page }) => {
      await page.clock.install();
      await lib.visit(page, env.server.at(`${BOND}#summary`));
      await page.clock.runFor(1500);
      const reading = ((await stored(page)) || { reading: {} }).reading[BOND] || { sections: {} };
      assert.equal(reading.read, undefined, 'landing on the last section is not reading the page');
      assert.equal(reading.sections.repair, undefined, 'sections above were never on screen');
      assert.ok(reading.sections.summary, 'the section on screen counts');
    });
  });

  test('hand-in: a named progress file that `handbook progress summarize` reads; a printed record', async () => {
    await lib.withPage(env.browser, {}, async ({ page }) => {
      await lib.visit(page, env.server.at(WEEK1));
      await page.evaluate((key) => {
        localStorage.setItem(key, JSON.stringify({
          schema: 1, learner: '', reading: { 'basics/bond.html': { read: '2026-11-20T10:00:00.000Z', sections: {} } },
          exercises: {},
        }));
      }, PROGRESS_KEY);
      await page.reload();
      const panel = page.getByRole('region', { name: 'Hand in your progress' });
      await assert.doesNotReject(page.locator('[data-assignment-count]').getByText('2 of 4 items done').waitFor());
      // No name: nothing is saved, the field says why.
      await panel.getByRole('button', { name: 'Save progress file' }).click();
      await assert.doesNotReject(panel.getByText('Type your name first').waitFor());
      const name = panel.getByRole('textbox', { name: 'Your name' });
      assert.equal(await name.getAttribute('aria-invalid'), 'true');
      assert.equal(await name.evaluate((n) => n === document.activeElement), true, 'focus moves to the name');

      await name.fill('Sam Rivera');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        panel.getByRole('button', { name: 'Save progress file' }).click(),
      ]);
      assert.match(download.suggestedFilename(), /^assignment-fixture-progress-sam-rivera-\d{4}-\d\d-\d\d\.json$/);
      const file = path.join(env.tmp, 'sam.json');
      fs.copyFileSync(await download.path(), file);
      const data = JSON.parse(fs.readFileSync(file, 'utf8'));
      assert.equal(data.format, 'handbook-progress');
      assert.equal(data.schema, 3);
      assert.equal(data.handbook, 'assignment-fixture', 'the handbook id (derived from the title here)');
      assert.equal(data.title, 'Assignment fixture');
      assert.match(data.build, /^[0-9a-f]{16}$/);
      assert.equal(data.learner, 'Sam Rivera');
      assert.match(data.exported, /^\d{4}-\d\d-\d\dT/);
      assert.equal(data.assignments.length, 2);
      const [w1, w2] = data.assignments;
      assert.deepEqual(
        { id: w1.id, path: w1.path, items: w1.items, done: w1.done, complete: w1.complete },
        { id: WEEK1, path: 'Two-week start', items: 4, done: 2, complete: false });
      assert.deepEqual(w1.parts.map((p) => [p.kind, p.done]), [['read', true], ['read', true], ['exercise', false], ['practice', false]]);
      assert.equal(w2.items, 2);
      assert.equal(data.reading['basics/bond.html'].read, '2026-11-20T10:00:00.000Z');
      assert.equal((await stored(page)).learner, 'Sam Rivera', 'the name is remembered');

      // The supervisor's side: the real binary summarizes it with a second trainee's file.
      const other = { ...data, learner: 'Alex Kim', assignments: data.assignments.map((a) => ({ ...a, done: a.items, complete: true })) };
      fs.writeFileSync(path.join(env.tmp, 'alex.json'), JSON.stringify(other));
      const out = path.join(env.tmp, 'summary');
      const run = spawnSync(lib.handbookBin(), ['progress', 'summarize', file, path.join(env.tmp, 'alex.json'), '--out', out], { encoding: 'utf8' });
      assert.equal(run.status, 0, `summarize failed:\n${run.stderr}`);
      const csv = fs.readFileSync(path.join(out, 'summary.csv'), 'utf8');
      assert.match(csv, /Sam Rivera/);
      assert.match(csv, /Alex Kim/);
      assert.match(csv, /Week 1: The bond/);
      const html = fs.readFileSync(path.join(out, 'summary.html'), 'utf8');
      assert.match(html, /Sam Rivera/);
      // The supervisor's page is accessible too (opened straight from disk).
      const summaryPage = await page.context().newPage();
      await summaryPage.goto(pathToFileURL(path.join(out, 'summary.html')).href);
      const table = summaryPage.getByRole('table', { name: /Assignments and self-check results/ });
      assert.match(await table.innerText(), /Alex Kim[\s\S]*Sam Rivera/);
      lib.assertNoViolations(await lib.axe(summaryPage), 'summary.html');
      await summaryPage.close();

      // The printed completion record: the name, the date, the checklist; no buttons.
      await page.evaluate(() => { window.print = () => { window.__printed = true; }; });
      await panel.getByRole('button', { name: 'Print completion record' }).click();
      await lib.poll(() => page.evaluate(() => window.__printed === true));
      await page.emulateMedia({ media: 'print' });
      const record = page.locator('[data-record-header]');
      assert.equal(await record.isVisible(), true);
      assert.match(await record.innerText(), /Completion record[\s\S]*Trainee[\s\S]*Sam Rivera[\s\S]*Date[\s\S]*\d{4}[\s\S]*Assignment fixture/);
      assert.equal(await panel.isVisible(), false, 'no hand-in controls on paper');
      assert.equal(await page.locator('.assignment-items').isVisible(), true);
      await page.emulateMedia({ media: 'screen' });
    });
  });

  test('copy link to a section, from the keyboard', async () => {
    await lib.withPage(env.browser, {}, async ({ page, context }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.origin });
      await lib.visit(page, env.server.at(BOND));
      const button = page.getByRole('button', { name: 'Copy link to section “Repair”' });
      assert.equal(await button.count(), 1);
      await button.focus();
      // Visible when focused (after its short fade-in; a loaded machine may be slow to start it).
      const shown = await lib.poll(async () => (await button.evaluate((b) => getComputedStyle(b).opacity)) === '1', 5000);
      assert.ok(shown, 'visible when focused');
      await page.keyboard.press('Enter');
      await assert.doesNotReject(page.getByRole('status').filter({ hasText: 'Link to “Repair” copied.' }).waitFor());
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      assert.equal(copied, env.server.at(BOND) + '#repair');
      // Every heading in the content has one.
      const headings = await page.locator('.content :is(h2, h3)[id]').count();
      assert.equal(await page.locator('.content .copy-link').count(), headings);
    });
  });
});
