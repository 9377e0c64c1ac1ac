'use strict';
// SCORM packages in a learning management system: `handbook export scorm` (SCORM 1.2 and 2004)
// launched in headless Chromium inside a host page that provides scorm-again's API
// (Scorm12API / Scorm2004API) the way an LMS does. The learner answers questions; the test
// reads the CMI data back (interactions, score, status, suspend_data, exit, session time),
// checks that page-to-page navigation keeps one session (Initialize once, Finish/Terminate
// only on leaving), then relaunches with the saved data in a fresh browser (another computer)
// and checks that the answers come back. Also: the bundled handbook's packages, the launch
// page's accessibility and HTML, and the package without an LMS (file://).

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const lib = require('./lib');
const s = require('./scorm-lib');

let small;
const env = lib.suite({
  site: null,
  setup: async (e) => {
    s.workIn(e.tmp);
    small = s.smallHandbook();
  },
});

/** A fresh browser profile (storage included) with the host page serving `dir`. */
async function inLms(dir, fn) {
  const host = await s.startHost(dir);
  try {
    await lib.withPage(env.browser, {}, async (ctx) => fn({ ...ctx, host }));
  } finally {
    await host.close();
  }
}

async function answer(site, key, how) {
  const q = site.locator(`[data-question="${key}"]`);
  await how(q);
  await q.locator('button[data-action="check"]').click();
  await q.locator('[data-feedback] .question-verdict').waitFor();
}

async function interactions(page, n) {
  return lib.poll(async () => {
    const { cmi } = await s.readCmi(page);
    const list = Object.values(cmi.cmi.interactions || {});
    return list.length >= n ? list : null;
  }, 5000);
}

/** Navigates the site's frame by following the link `href` on its current page. */
async function follow(page, href) {
  const before = s.siteFrame(page).url();
  await s.siteFrame(page).locator(`main a[href="${href}"]`).first().click();
  await lib.poll(async () => s.siteFrame(page).url() !== before && s.siteFrame(page).url().endsWith(href.replace(/^(\.\.\/)+/, '')), 5000);
  await s.siteFrame(page).waitForLoadState('load');
}

/** Waits (up to 5 s) until the LMS's suspend_data, parsed, satisfies `ok`; whether it did. */
async function reported(page, ok) {
  return lib.poll(async () => {
    try {
      return Boolean(ok(JSON.parse((await s.readCmi(page)).cmi.cmi.suspend_data)));
    } catch {
      return false;
    }
  }, 5000);
}

/** Waits (up to 5 s) until the LMS has had more than `count` Commit calls; whether it did. */
async function committedAfter(page, count) {
  return lib.poll(async () => (await s.readCmi(page)).calls.commit > count, 5000);
}

/** Leaves the course as an LMS does when the learner closes it: the frame is emptied. */
async function leave(page) {
  await page.evaluate(() => {
    document.getElementById('sco').src = 'about:blank';
  });
  return lib.poll(async () => {
    const r = await s.readCmi(page);
    return r.calls.finish > 0 ? r : null;
  }, 5000);
}

for (const version of ['1.2', '2004']) {
  const v12 = version === '1.2';
  const core = (cmi) => (v12 ? cmi.cmi.core : cmi.cmi);

  test(`SCORM ${version}: answers are reported, one session across pages, and resume restores them`, { timeout: 120_000 }, async () => {
    const dir = s.extract(s.exportPackage(small, version), `small-${version.replace('.', '')}`);
    let saved;
    await inLms(dir, async ({ page, host }) => {
      await s.launchInLms(page, host, version);
      let r = await s.readCmi(page);
      assert.equal(r.calls.initialize, 1);
      assert.equal(v12 ? r.cmi.cmi.core.lesson_status : r.cmi.cmi.completion_status, 'incomplete', 'a first attempt is incomplete');
      await follow(page, 'quiz.html');
      const site = s.siteFrame(page);
      await answer(site, 'colour', (q) => q.getByLabel('Blue').check());
      await answer(site, 'flat', (q) => q.getByLabel('True').check());
      await answer(site, 'capital', (q) => q.locator('input[data-input]').fill('Paris'));
      const list = await interactions(page, 3);
      assert.ok(list, 'three interactions were recorded');
      const byId = Object.fromEntries(list.map((i) => [i.id, i]));
      const id = (q) => (v12 ? `basics.${q}` : `urn:handbook:basics.${q}`);
      const colour = byId[id('colour')];
      const flat = byId[id('flat')];
      const capital = byId[id('capital')];
      assert.ok(colour && flat && capital, `interaction ids: ${Object.keys(byId)}`);
      assert.equal(colour.type, 'choice');
      assert.equal(flat.type, 'true-false');
      assert.equal(capital.type, 'fill-in');
      assert.equal(colour.result, 'correct');
      assert.equal(flat.result, v12 ? 'wrong' : 'incorrect');
      assert.equal(capital.result, 'correct');
      if (v12) {
        assert.equal(colour.student_response, 'a');
        assert.equal(colour.correct_responses['0'].pattern, 'a');
        assert.equal(flat.student_response, 't');
        assert.equal(capital.student_response, 'Paris');
        assert.match(colour.time, /^\d\d:\d\d:\d\d$/);
      } else {
        assert.match(colour.learner_response, /^o[0-9a-f]+$/);
        assert.equal(colour.correct_responses['0'].pattern, colour.learner_response);
        assert.equal(flat.learner_response, 'true');
        assert.equal(flat.correct_responses['0'].pattern, 'false');
        assert.equal(capital.learner_response, 'Paris');
        assert.match(colour.timestamp, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
        assert.equal(colour.description, 'Which colour is the sky on a clear day?');
      }
      r = await s.readCmi(page);
      const c = core(r.cmi);
      assert.equal(c.score.raw, '50', '2 of 4 graded questions right');
      assert.equal(c.score.min, '0');
      assert.equal(c.score.max, '100');
      if (!v12) assert.equal(r.cmi.cmi.score.scaled, '0.5');
      assert.equal(v12 ? c.lesson_status : c.completion_status, 'incomplete', 'one graded question is unanswered');
      if (!v12) assert.equal(c.success_status, 'unknown');
      assert.ok(r.calls.commit >= 4, `a Commit after each answer (${r.calls.commit})`);
      assert.match(r.cmi.cmi.suspend_data, /"basics"/);
      // Page to page inside the package: still one session.
      await follow(page, 'more.html');
      await follow(page, 'quiz.html');
      r = await s.readCmi(page);
      assert.equal(r.calls.initialize, 1, 'Initialize once per launch');
      assert.equal(r.calls.finish, 0, 'no Finish/Terminate on an internal link');
      r = await leave(page);
      assert.equal(r.calls.finish, 1);
      // Once the frame holds its new, blank document, every unload handler of the course ran.
      await page.waitForFunction(() => {
        const frame = document.getElementById('sco');
        return frame.contentWindow.location.href === 'about:blank' && frame.contentDocument.readyState === 'complete';
      });
      r = await s.readCmi(page);
      assert.equal(r.calls.finish, 1, 'Finish/Terminate exactly once');
      assert.equal(v12 ? r.cmi.cmi.core.exit : r.cmi.cmi.exit, 'suspend', 'exit = suspend while incomplete');
      assert.deepEqual(r.calls.errors, [], 'no call failed');
      saved = r.cmi;
    });

    // Another computer: a fresh browser, the LMS's saved data, entry = resume.
    const cmi = v12
      ? { suspend_data: saved.cmi.suspend_data, core: { entry: 'resume', lesson_status: saved.cmi.core.lesson_status, student_id: 'learner-1' } }
      : { suspend_data: saved.cmi.suspend_data, entry: 'resume', completion_status: saved.cmi.completion_status, learner_id: 'learner-1' };
    await inLms(dir, async ({ page, host }) => {
      await s.launchInLms(page, host, version, cmi);
      await follow(page, 'quiz.html');
      const site = s.siteFrame(page);
      await site.locator('[data-question="colour"] .question-verdict').waitFor();
      assert.equal(await site.getByLabel('Blue').isChecked(), true, 'the choice came back');
      assert.equal(await site.locator('[data-question="capital"] input[data-input]').inputValue(), 'Paris');
      assert.match(await site.locator('[data-question="flat"] .question-verdict').innerText(), /Not quite/);
      let r = await s.readCmi(page);
      assert.equal(Object.keys(r.cmi.cmi.interactions || {}).length, 0, 'restored answers are not reported again');
      // Try again and a new choice, not checked: a draft, which is no interaction.
      await site.locator('[data-question="flat"] button[data-action="retry"]').click();
      await site.locator('[data-question="flat"]').getByLabel('False').check();
      await answer(site, 'steps', async () => {});
      const list = await interactions(page, 1);
      assert.equal(list.length, 1, `only the checked answer is reported, not the draft: ${list.map((i) => i.id)}`);
      const steps = list[0];
      assert.equal(steps.type, 'sequencing');
      const right = steps.result === 'correct';
      r = await s.readCmi(page);
      const c = core(r.cmi);
      const score = right ? 75 : 50;
      assert.equal(c.score.raw, String(score));
      const passed = score >= 60;
      if (v12) {
        assert.equal(c.lesson_status, passed ? 'passed' : 'failed', 'complete: passed or failed by mastery 60');
      } else {
        assert.equal(c.completion_status, 'completed');
        assert.equal(c.success_status, passed ? 'passed' : 'failed');
      }
      r = await leave(page);
      assert.equal(r.calls.initialize, 1);
      assert.equal(r.calls.finish, 1);
      assert.equal(v12 ? r.cmi.cmi.core.exit : r.cmi.cmi.exit, v12 ? '' : 'normal', 'no suspend once complete');
      assert.match(v12 ? r.cmi.cmi.core.session_time : r.cmi.cmi.session_time, v12 ? /^\d{2,4}:\d\d:\d\d(\.\d\d?)?$/ : /^PT/);
      assert.deepEqual(r.calls.errors, []);
    });
  });

  test(`SCORM ${version}: the bundled handbook's package reports answers; its launch page passes axe`, { timeout: 180_000 }, async () => {
    const dir = s.extract(s.exportPackage(lib.REPO, version), `bundled-${version.replace('.', '')}`);
    await inLms(dir, async ({ page, host }) => {
      const launch = await s.launchInLms(page, host, version);
      const violations = await lib.axe(page);
      lib.assertNoViolations(violations, `host + scorm-launch.html (${version})`);
      await s.siteFrame(page).goto(`${host.origin}/pkg/alliance/self-check.html`);
      const site = s.siteFrame(page);
      const q3 = site.locator('[data-exercise="alliance-basics"] [data-question="q3"]');
      await q3.getByLabel('False').check();
      await q3.locator('button[data-action="check"]').click();
      const list = await interactions(page, 1);
      assert.equal(list[0].type, 'true-false');
      assert.equal(list[0].id, v12 ? 'alliance-basics.q3' : 'urn:handbook:alliance-basics.q3');
      let r = await s.readCmi(page);
      assert.equal(r.calls.initialize, 1);
      assert.ok(Number(core(r.cmi).score.raw) >= 0);
      assert.ok(r.cmi.cmi.suspend_data.length > 0 && r.cmi.cmi.suspend_data.length <= (v12 ? 4096 : 64000));
      assert.equal(await launch.title(), await site.title(), 'the launch page takes the page title');
      r = await leave(page);
      assert.equal(r.calls.finish, 1);
      assert.deepEqual(r.calls.errors, []);
    });
  });
}

test('SCORM: an LMS that refuses to save is reported to the learner once, in words', { timeout: 60_000 }, async () => {
  const dir = s.extract(s.exportPackage(small, '2004'), 'fail');
  await inLms(dir, async ({ page, host }) => {
    const launch = await s.launchInLms(page, host, '2004', null, { failCommit: true });
    await follow(page, 'quiz.html');
    await answer(s.siteFrame(page), 'colour', (q) => q.getByLabel('Blue').check());
    await answer(s.siteFrame(page), 'flat', (q) => q.getByLabel('False').check());
    const notice = launch.locator('[data-scorm-notice]');
    await notice.waitFor({ state: 'visible' });
    assert.equal(await notice.getAttribute('role'), 'alert');
    const words = await notice.innerText();
    assert.match(words, /could not save your progress/);
    assert.match(words, /still kept in this browser/);
    assert.doesNotMatch(words, /\b391\b/, 'words, not codes');
    assert.equal(await notice.locator('p').count(), 1, 'shown once');
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await notice.waitFor({ state: 'hidden' });
    const commits = (await s.readCmi(page)).calls.commit;
    await answer(s.siteFrame(page), 'capital', (q) => q.locator('input[data-input]').fill('Paris'));
    assert.ok(await committedAfter(page, commits), 'the new answer was committed (and refused) too');
    assert.equal(await notice.isVisible(), false, 'not shown again');
  });
});

test('SCORM: completion = "pages" completes when every page has been read', { timeout: 60_000 }, async () => {
  const root = s.smallHandbook();
  fs.writeFileSync(path.join(root, 'handbook.toml'), 'id = "scorm-pages"\ntitle = "Pages course"\n\n[scorm]\ncompletion = "pages"\n\n[progress]\nread_after_seconds = 0\n');
  fs.writeFileSync(path.join(root, 'content/quiz.md'), '# Quiz\n\nNo questions here after all. Read [more](more.md).\n');
  const dir = s.extract(s.exportPackage(root, '1.2'), 'pages');
  await inLms(dir, async ({ page, host }) => {
    await s.launchInLms(page, host, '1.2');
    const status = async () => (await s.readCmi(page)).cmi.cmi.core.lesson_status;
    await follow(page, 'quiz.html');
    assert.ok(await reported(page, (data) => data.r && data.r['quiz.html'] && data.r['quiz.html'][0]), 'the quiz page was reported read');
    assert.equal(await status(), 'incomplete', 'one page is still unread');
    await follow(page, 'more.html');
    assert.ok(await lib.poll(async () => (await status()) === 'completed', 5000), `completed after reading every page (${await status()})`);
    const r = await leave(page);
    assert.equal(r.cmi.cmi.core.exit, '', 'no suspend once complete');
  });
});

test('SCORM: another learner in the same browser starts from their own record, not the last one\'s', { timeout: 60_000 }, async () => {
  const dir = s.extract(s.exportPackage(small, '1.2'), 'learners');
  await inLms(dir, async ({ page, host }) => {
    await s.launchInLms(page, host, '1.2', { core: { student_id: 'learner-a' } });
    await follow(page, 'quiz.html');
    await answer(s.siteFrame(page), 'colour', (q) => q.getByLabel('Blue').check());
    await leave(page);
    // Learner B, first attempt, same browser profile: nothing of A's shows or is reported.
    await s.launchInLms(page, host, '1.2', { core: { student_id: 'learner-b' } });
    await follow(page, 'quiz.html');
    const site = s.siteFrame(page);
    await site.locator('[data-question="colour"] button[data-action="check"]').waitFor();
    assert.equal(await site.getByLabel('Blue').isChecked(), false, "A's answer is not B's");
    assert.equal(await site.locator('[data-question="colour"] .question-verdict').count(), 0);
    let r = await s.readCmi(page);
    assert.equal(r.cmi.cmi.core.score.raw, '0', 'B has answered nothing');
    assert.doesNotMatch(r.cmi.cmi.suspend_data, /colour/);
    await leave(page);
    // Learner A again, resuming: A's own record comes back from the LMS.
    await s.launchInLms(page, host, '1.2', { core: { student_id: 'learner-a', entry: 'resume' }, suspend_data: '{"v":1,"e":{"basics":{"colour":["c",[1],1]}}}' });
    await follow(page, 'quiz.html');
    await s.siteFrame(page).locator('[data-question="colour"] .question-verdict').waitFor();
    assert.equal(await s.siteFrame(page).getByLabel('Blue').isChecked(), true);
    r = await s.readCmi(page);
    assert.equal(r.cmi.cmi.core.score.raw, '25');
  });
});

test('SCORM: completion = "assignments" completes when the package\'s assignment is done', { timeout: 60_000 }, async () => {
  const root = s.smallHandbook();
  fs.writeFileSync(path.join(root, 'handbook.toml'), 'id = "scorm-assign"\ntitle = "Assignment course"\n\n[scorm]\ncompletion = "assignments"\n\n[progress]\nread_after_seconds = 0\n');
  fs.writeFileSync(path.join(root, 'content/week.md'), '+++\ntitle = "Week 1"\n[assignment]\nread = ["more.md"]\nexercises = ["basics"]\n+++\n\nDo [the quiz](quiz.md) and read [more](more.md).\n');
  fs.writeFileSync(path.join(root, 'content/_index.md'), '# Assignment course\n\nStart with [the week](week.md).\n');
  const dir = s.extract(s.exportPackage(root, '2004'), 'assign');
  await inLms(dir, async ({ page, host }) => {
    await s.launchInLms(page, host, '2004');
    const status = async () => (await s.readCmi(page)).cmi.cmi.completion_status;
    await follow(page, 'week.html');
    await follow(page, 'quiz.html');
    const site = s.siteFrame(page);
    await answer(site, 'colour', (q) => q.getByLabel('Blue').check());
    await answer(site, 'flat', (q) => q.getByLabel('False').check());
    await answer(site, 'capital', (q) => q.locator('input[data-input]').fill('Paris'));
    await answer(site, 'steps', async () => {});
    await site.locator('[data-question="thoughts"] textarea').fill('A little.');
    await site.locator('[data-question="thoughts"] [data-saved]').waitFor({ state: 'visible' });
    assert.ok(await reported(page, (data) => JSON.stringify(data).includes('A little.')), 'the reflection reached the LMS');
    assert.equal(await status(), 'incomplete', 'the reading is still to do');
    await follow(page, 'more.html');
    assert.ok(await lib.poll(async () => (await status()) === 'completed', 5000), `completed once the assignment is done (${await status()})`);
  });
});

test('SCORM: a learning path (--path) counts only its own assignments and opens at the first', { timeout: 120_000 }, async () => {
  const dir = s.extract(s.exportPackage(lib.REPO, '2004', ['--path', 'four-week-onboarding']), 'path');
  const config = fs.readFileSync(path.join(dir, 'assets/scorm/config.js'), 'utf8');
  const settings = JSON.parse(config.slice(config.indexOf('{'), config.lastIndexOf('}') + 1));
  assert.ok(settings.assignments.length >= 4 && settings.assignments.every((a) => a.startsWith('assignments/')), settings.assignments.join());
  assert.ok(settings.exercises.length > 0);
  await inLms(dir, async ({ page, host }) => {
    await s.launchInLms(page, host, '2004');
    assert.equal(s.siteFrame(page).url(), `${host.origin}/pkg/${settings.start}`);
    const r = await leave(page);
    assert.equal(r.calls.finish, 1);
    assert.deepEqual(r.calls.errors, []);
  });
});

test('SCORM: without an LMS the package is the plain site (file://), and its answers still work', { timeout: 60_000 }, async () => {
  const dir = s.extract(s.exportPackage(small, '1.2'), 'nolms');
  await lib.withPage(env.browser, {}, async ({ page }) => {
    await page.goto(pathToFileURL(path.join(dir, 'scorm-launch.html')).href);
    await lib.poll(async () => page.url().endsWith('/index.html'), 5000);
    assert.ok(page.url().endsWith('/index.html'), `the launch page opens the home page without an LMS (${page.url()})`);
    await page.goto(pathToFileURL(path.join(dir, 'quiz.html')).href);
    const q = page.locator('[data-question="colour"]');
    await q.getByLabel('Blue').check();
    await q.locator('button[data-action="check"]').click();
    await q.locator('.question-verdict').waitFor();
    assert.match(await q.locator('.question-verdict').innerText(), /Correct/);
  });
});

test('SCORM: the bundled package passes the Nu Html Checker (launch page included)', { timeout: 180_000 }, () => {
  const dir = s.extract(s.exportPackage(lib.REPO, '1.2'), 'vnu');
  lib.assertNone(lib.vnuErrors(dir), 'vnu errors in the SCORM package');
});
