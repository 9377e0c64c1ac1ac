'use strict';
// The SRS practice form and its scenarios in real Chromium: sliders by keyboard and pointer,
// the live total and interpretation, the practice log (save, reload, chart, delete, undo, CSV),
// the paper form in print emulation (10 cm lines, one page on A4 and US Letter, nothing else of
// the site), scenarios answered right and wrong, the page without JavaScript, and axe.
//
// Builds its own fixture handbook (tests/fixtures/srs-good) with the real binary (HANDBOOK_BIN,
// set by tests/browser.rs; by hand it falls back to target/debug/handbook), so the tests do not
// depend on the bundled content.

const { describe, test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const lib = require('./lib');

const TEN_CM = 377.95; // CSS px at 96 dpi
const ITEMS = ['Relationship', 'Goals', 'Approach', 'Overall'];

const env = lib.suite({ fixture: path.join(lib.REPO, 'tests', 'fixtures', 'srs-good') });

// The default labels (Connection, Focus, Way of working, Whole session) and the older ones
// both satisfy the accessible-name contract (DESIGN.md).
const NAMES = { Relationship: 'Relationship|Connection', Goals: 'Goals|Focus', Approach: 'Approach|Way of working', Overall: 'Overall|Whole session' };
const slider = (page, name) => page.getByRole('slider', { name: new RegExp(NAMES[name] || name) });
const ITEM_LABELS = ['Relationship|Connection', 'Goals and topics|Focus', 'Approach or method|Way of working', 'Overall|Whole session'];
const measurement = (scope, label) => scope.getByLabel(new RegExp(`^Your measurement for (${label})$`));
const total = (page) => page.getByRole('status', { name: /Total/ });
const interpretation = (page) => page.locator('.srs-practice .srs-interpretation');

async function press(page, key, times = 1) {
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
}

/** Click the line of `name` at `fraction` of its length. */
async function clickAt(page, name, fraction) {
  await slider(page, name).scrollIntoViewIfNeeded();
  const box = await slider(page, name).boundingBox();
  await page.mouse.click(box.x + box.width * fraction, box.y + box.height / 2);
}

/** Switches to print (or screen) media and waits until the styles are applied. */
async function media(page, kind) {
  await page.emulateMedia({ media: kind });
  await lib.poll(() => page.evaluate((k) => matchMedia(k).matches, kind));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

async function noViolations(page, label) {
  lib.assertNoViolations(await lib.axe(page), label);
}

describe('srs practice form', () => {
  test('four sliders set by keyboard: aria-valuenow, total, interpretation', async () => {
    await lib.withPage(env.browser, {}, async ({ page }) => {
      await lib.visit(page, env.server.at('practice.html'));
      assert.equal(await page.getByRole('slider').count(), 4);
      for (const name of ITEMS) {
        const s = slider(page, name);
        assert.equal(await s.count(), 1, `one slider named ${name}`);
        assert.equal(await s.getAttribute('aria-valuenow'), null, `${name} starts unset, not 0`);
        assert.equal(await s.getAttribute('aria-valuetext'), 'not rated');
        assert.equal(await s.getAttribute('aria-valuemin'), '0');
        assert.equal(await s.getAttribute('aria-valuemax'), '10');
      }
      assert.equal((await total(page).textContent()).trim(), 'not rated');
      assert.equal((await interpretation(page).textContent()).trim(), '', 'nothing is interpreted yet');
      assert.match(await page.locator('.srs-practice .srs-pending').textContent(), /Mark all 4 lines/);

      await slider(page, 'Relationship').focus();
      await press(page, 'End');
      assert.equal(await slider(page, 'Relationship').getAttribute('aria-valuenow'), '10.0');
      await press(page, 'ArrowLeft', 8);
      await slider(page, 'Goals').focus();
      await press(page, 'Home');
      await press(page, 'PageUp', 6);
      await press(page, 'ArrowRight');
      await slider(page, 'Approach').focus();
      await press(page, 'End');
      await press(page, 'PageDown');
      await press(page, 'ArrowDown', 2);
      // three rated: still nothing interpreted
      assert.equal((await total(page).textContent()).trim(), 'not rated');
      assert.equal((await interpretation(page).textContent()).trim(), '');
      assert.match(await page.locator('.srs-practice .srs-pending').textContent(), /1 still not rated/);
      await slider(page, 'Overall').focus();
      await press(page, 'End');
      await press(page, 'PageDown');

      const expected = { Relationship: '9.2', Goals: '6.1', Approach: '8.8', Overall: '9.0' };
      for (const [name, value] of Object.entries(expected)) {
        assert.equal(await slider(page, name).getAttribute('aria-valuenow'), value, name);
        assert.match(await slider(page, name).getAttribute('aria-valuetext'), new RegExp(`^${value.replace('.', '\\.')}`));
      }
      assert.equal((await total(page).textContent()).trim(), '33.1');
      const text = await interpretation(page).textContent();
      assert.match(text, /Below the cutoff of 36/);
      assert.match(text, /lowest line: (Goals and topics|Focus)/);
      assert.match(text, /Teaching heuristic/);
      assert.match(text, /Approach or method|Way of working/, 'the 8.8 item gets its prompt');
      assert.equal(await page.locator('.srs-practice .srs-interpretation[role="status"]').count(), 1);

      // Delete clears an item: "not rated" again, and the total disappears
      await press(page, 'Delete');
      assert.equal(await slider(page, 'Overall').getAttribute('aria-valuenow'), null);
      assert.equal((await total(page).textContent()).trim(), 'not rated');
      await press(page, 'End');
      await press(page, 'PageDown');
      assert.equal((await total(page).textContent()).trim(), '33.1');
      await noViolations(page, 'practice form with values (light)');
    });
  });

  test('pointer: click, tap and drag; 36.0 is at the cutoff, all 10s are above', async () => {
    await lib.withPage(env.browser, {}, async ({ page }) => {
      await lib.visit(page, env.server.at('practice.html'));
      for (const name of ITEMS) await clickAt(page, name, 0.9);
      for (const name of ITEMS) assert.equal(await slider(page, name).getAttribute('aria-valuenow'), '9.0');
      assert.equal((await total(page).textContent()).trim(), '36.0');
      assert.match(await interpretation(page).textContent(), /At the cutoff of 36/);
      assert.doesNotMatch(await interpretation(page).textContent(), /Teaching heuristic/);

      // drag the Goals mark from 2.0 to 8.9
      await slider(page, 'Goals').scrollIntoViewIfNeeded();
      const box = await slider(page, 'Goals').boundingBox();
      const y = box.y + box.height / 2;
      await page.mouse.move(box.x + box.width * 0.2, y);
      await page.mouse.down();
      assert.equal(await slider(page, 'Goals').getAttribute('aria-valuenow'), '2.0');
      await page.mouse.move(box.x + box.width * 0.5, y, { steps: 4 });
      await page.mouse.move(box.x + box.width * 0.89, y, { steps: 4 });
      await page.mouse.up();
      assert.equal(await slider(page, 'Goals').getAttribute('aria-valuenow'), '8.9');
      assert.equal((await total(page).textContent()).trim(), '35.9');
      assert.match(await interpretation(page).textContent(), /Below the cutoff/);
      assert.match(await interpretation(page).textContent(), /Teaching heuristic/);
      assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-labelledby') !== null), true, 'the line took focus');

      for (const name of ITEMS) await clickAt(page, name, 1);
      assert.equal((await total(page).textContent()).trim(), '40.0');
      const text = await interpretation(page).textContent();
      assert.match(text, /Above the cutoff/);
      assert.match(text, /one thing that could be better|one small thing/);
      // a click just left of the line's start is 0, not unset
      for (const name of ITEMS) await clickAt(page, name, 0);
      assert.equal((await total(page).textContent()).trim(), '0.0');
    });
  });

  test('save, reload: log, chart, draft; delete one, delete all, undo; CSV', async () => {
    await lib.withPage(env.browser, {}, async ({ page }) => {
      await lib.visit(page, env.server.at('practice.html'));
      const form = page.locator('.srs-practice');
      // saving an incomplete form is refused
      await clickAt(page, 'Relationship', 0.92);
      await form.getByRole('button', { name: 'Save', exact: true }).click();
      assert.match(await form.locator('.srs-save-status').textContent(), /Not saved/);
      await clickAt(page, 'Goals', 0.61);
      await clickAt(page, 'Approach', 0.88);
      await clickAt(page, 'Overall', 0.9);
      await form.getByLabel('Date').fill('2026-03-12');
      await form.getByLabel('Session number (optional)').fill('3');
      await form.getByLabel('Label (optional)').fill('one low item');
      assert.match(await form.locator('.srs-save-warning').textContent(), /Do not enter client names/);
      await form.getByRole('button', { name: 'Save', exact: true }).click();
      assert.match(await form.locator('.srs-save-status').textContent(), /Saved: 12 Mar 2026, total 33\.1/);
      await form.getByRole('button', { name: 'Save', exact: true }).click();
      assert.match(await form.locator('.srs-save-status').textContent(), /Already saved/);

      await page.reload({ waitUntil: 'load' });
      assert.equal(await slider(page, 'Goals').getAttribute('aria-valuenow'), '6.1', 'the draft survives a reload');
      assert.equal(await form.getByLabel('Label (optional)').inputValue(), 'one low item');
      const rows = form.locator('.srs-log-table tbody tr');
      assert.equal(await rows.count(), 1);
      const cells = await rows.first().locator('th, td').allTextContents();
      assert.deepEqual(cells.slice(0, 8), ['12 Mar 2026', '3', 'one low item', '9.2', '6.1', '8.8', '9.0', '33.1']);
      assert.match(cells[8], /^(Goals and topics|Focus) \(6\.1\)$/);
      const chart = form.locator('.srs-chart svg[role="img"]');
      assert.equal(await chart.count(), 1);
      assert.equal(await chart.locator('circle.srs-chart-point').count(), 2, 'one point and the legend');
      assert.equal(await chart.locator('line.srs-chart-cutoff').count(), 2, 'the cutoff line and its legend');
      assert.equal(await chart.locator('rect.srs-chart-low').count(), 2, 'the lowest item and its legend');
      const cut = await chart.locator('line.srs-chart-cutoff').first().evaluate((l) => [l.getAttribute('y1'), l.getAttribute('y2')]);
      assert.equal(cut[0], cut[1], 'the cutoff is a horizontal line');
      // The cutoff is written one way: the caption's, the label's and the summary's "36".
      const title = await chart.locator('title').first().textContent();
      const caption = await form.locator('.srs-chart figcaption').textContent();
      const label = await chart.locator('text.srs-chart-cutoff-label').textContent();
      assert.match(title, /cutoff 36\.$/, title);
      assert.match(caption, /cutoff of 36 as/, caption);
      assert.equal(label, 'cutoff 36');

      // a second entry
      await clickAt(page, 'Goals', 0.95);
      await form.getByLabel('Date').fill('2026-03-19');
      await form.getByLabel('Session number (optional)').fill('4');
      await form.getByLabel('Label (optional)').fill('');
      await form.getByRole('button', { name: 'Save', exact: true }).click();
      assert.equal(await rows.count(), 2);
      assert.equal(await chart.locator('polyline.srs-chart-total-line').count(), 1);
      assert.equal(await chart.locator('circle.srs-chart-point').count(), 3);

      // CSV export
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        form.getByRole('button', { name: 'Export CSV' }).click(),
      ]);
      assert.match(download.suggestedFilename(), /\.csv$/);
      const csv = fs.readFileSync(await download.path(), 'utf8').replace(/^\ufeff/, '');
      const lines = csv.trimEnd().split('\r\n');
      assert.equal(lines.length, 3);
      assert.match(lines[0], /^Date,Session,Label,(Relationship,Goals and topics,Approach or method,Overall|Connection,Focus,Way of working,Whole session),Total,Lowest item/);
      assert.match(lines[1], /^2026-03-12,3,one low item,9\.2,6\.1,8\.8,9\.0,33\.1,(Goals and topics|Focus),/);
      assert.match(lines[2], /^2026-03-19,4,,9\.2,9\.5,8\.8,9\.0,36\.5,(Approach or method|Way of working),/);

      // delete one, undo
      await form.getByRole('button', { name: /Delete entry 1/ }).click();
      assert.equal(await rows.count(), 1);
      assert.match(await rows.first().textContent(), /19 Mar 2026/);
      await form.getByRole('button', { name: 'Undo' }).click();
      assert.equal(await rows.count(), 2);
      // delete all needs a confirmation, then can be undone
      await form.getByRole('button', { name: 'Delete all entries' }).click();
      await form.getByRole('button', { name: 'Keep them' }).click();
      assert.equal(await rows.count(), 2);
      await form.getByRole('button', { name: 'Delete all entries' }).click();
      await form.getByRole('button', { name: 'Yes, delete all' }).click();
      assert.equal(await rows.count(), 0);
      assert.equal(await form.locator('.srs-log-empty').isVisible(), true);
      assert.equal(await form.locator('.srs-chart').isVisible(), false);
      await page.reload({ waitUntil: 'load' });
      assert.equal(await rows.count(), 0, 'deleting is stored');
      await form.getByRole('button', { name: 'Save', exact: true }).click();
      assert.equal(await rows.count(), 1);

      // one namespaced key, with a schema version; nothing else stored by the form
      const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('handbook:srs-fixture:srs')));
      assert.deepEqual(stored, ['handbook:srs-fixture:srs']);
      const state = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)), stored[0]);
      assert.equal(state.v, 1);
      assert.equal(state.logs.default.length, 1);
      await noViolations(page, 'practice form with a log (light)');
    });
  });

  test('dark scheme and a narrow screen: no axe violations, no sideways scrolling', async () => {
    await lib.withPage(env.browser, { colorScheme: 'dark', width: 320, height: 700 }, async ({ page }) => {
      await lib.visit(page, env.server.at('practice.html'));
      for (const name of ITEMS) await clickAt(page, name, 0.85);
      const form = page.locator('.srs-practice');
      await form.getByRole('button', { name: 'Save', exact: true }).click();
      assert.equal(await form.locator('.srs-log-table tbody tr').count(), 1);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px at 320px`);
      const width = (await slider(page, 'Overall').boundingBox()).width;
      assert.ok(width > 200 && width < TEN_CM, `the line fits the narrow column (${width}px)`);
      await noViolations(page, 'practice form, dark, 320px');
    });
  });

  test('print: only the form, lines of 10 cm, one page on A4 and US Letter; blank form button', async () => {
    await lib.withPage(env.browser, {}, async ({ page }) => {
      await lib.visit(page, env.server.at('practice.html'));
      await clickAt(page, 'Relationship', 0.5);
      await media(page, 'print');
      const widths = await page.$$eval('.srs-practice .srs-line', (ls) => ls.map((l) => l.getBoundingClientRect().width));
      assert.equal(widths.length, 4);
      for (const w of widths) assert.ok(Math.abs(w - TEN_CM) <= 1, `a printed line is ${w}px, not 10 cm (${TEN_CM}px)`);
      const shown = await page.evaluate(() => {
        const visible = (el) => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
        const form = document.querySelector('.srs-practice');
        // every visible piece of text on the page is inside the form
        const outside = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) {
          const node = walker.currentNode;
          if (!node.textContent.trim() || form.contains(node)) continue;
          if (visible(node.parentElement)) outside.push(node.textContent.trim().slice(0, 40));
        }
        const q = (sel) => visible(form.querySelector(sel));
        return {
          outside,
          title: q('.srs-title'),
          anchors: [...form.querySelectorAll('.srs-anchors')].every(visible),
          labels: [...form.querySelectorAll('.srs-label')].every(visible),
          date: q('.srs-date-line'),
          notice: q('.srs-notice'),
          log: q('.srs-log'),
          save: q('.srs-save'),
          total: q('.srs-result'),
          mark: visible(form.querySelector('.srs-mark')),
        };
      });
      assert.deepEqual(shown.outside, [], 'nothing of the site outside the form prints');
      assert.ok(shown.title && shown.anchors && shown.labels && shown.date && shown.notice, JSON.stringify(shown));
      assert.ok(!shown.log && !shown.save && !shown.total, JSON.stringify(shown));
      assert.ok(shown.mark, 'printing the page keeps the marks placed so far');
      for (const format of ['A4', 'Letter']) {
        const pdf = await page.pdf({ format, printBackground: false });
        const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
        assert.equal(pages, 1, `the paper form fills ${pages} pages on ${format}`);
      }

      // "Print blank form": that form only, without marks
      await media(page, 'screen');
      await page.evaluate(() => {
        window.__printed = 0;
        window.print = () => { window.__printed++; };
      });
      await page.getByRole('button', { name: 'Print blank form' }).click();
      assert.equal(await page.evaluate(() => window.__printed), 1);
      await media(page, 'print');
      // (Chromium may report an SVG element's style from before the media switch for a moment)
      const markIs = (v) => lib.poll(() => page.evaluate((want) =>
        getComputedStyle(document.querySelector('.srs-practice .srs-mark')).visibility === want, v));
      assert.ok(await markIs('hidden'), 'the blank form has no marks');
      await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
      assert.ok(await markIs('visible'), 'after printing the marks come back');
    });
  });

  test('an agency item set from handbook.toml: three lines, its own cutoff', async () => {
    await lib.withPage(env.browser, {}, async ({ page }) => {
      await lib.visit(page, env.server.at('custom.html'));
      assert.equal(await page.getByRole('slider').count(), 3);
      assert.match(await page.locator('.srs-title').textContent(), /Three-line check-in/);
      for (const name of ['Connection', 'Focus', 'Usefulness']) await clickAt(page, name, 0.8);
      assert.equal((await total(page).textContent()).trim(), '24.0');
      assert.match(await page.locator('.srs-total-row').textContent(), /of 30/);
      const text = await interpretation(page).textContent();
      assert.match(text, /Under 25: explore it with the client/);
      assert.match(text, /Ask what got in the way of feeling connected/);
      assert.doesNotMatch(text, /Teaching heuristic/, '8.0 is not below the item cutoff of 7.5');
      assert.match(await page.locator('.srs-notice').textContent(), /is not the SRS/);
    });
  });

  test('without JavaScript: items, anchors and the notice are readable', async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(env.server.at('practice.html'));
      assert.equal(await page.getByRole('slider').count(), 0);
      const text = await page.locator('.srs-practice').innerText();
      for (const s of ['Relationship|Connection', 'Goals and topics|Focus', 'Approach or method|Way of working', 'Overall|Whole session',
        'Little connection with the clinician', 'A very useful session for me|What the client needed', 'is not the SRS',
        'do not enter client names', 'turn on JavaScript']) {
        assert.ok(s.split('|').some((x) => text.includes(x)), `without scripts the form shows "${s}"`);
      }
      assert.equal(await page.locator('.srs-save').isVisible(), false, 'no Save without storage');
      const scenario = await page.goto(env.server.at('scenarios.html')).then(() => page.locator('#fixture-low-goals').innerText());
      assert.match(scenario, /Show the client's scores/);
    } finally {
      await context.close();
    }
  });
});

describe('srs scenario', () => {
  test('measured right, answered right; then wrong and wrong', async () => {
    await lib.withPage(env.browser, {}, async ({ page }) => {
      await lib.visit(page, env.server.at('scenarios.html'));
      const sc = page.locator('#fixture-low-goals');
      // the client's marks are drawn on the lines, where the ratings put them
      const marks = await sc.locator('.srs-line').evaluateAll((lines) => lines.map((l) => {
        const box = l.getBoundingClientRect();
        const mark = l.querySelector('.srs-mark-client').getBoundingClientRect();
        return Math.round(((mark.left + mark.width / 2 - box.left) / box.width) * 1000) / 10;
      }));
      assert.deepEqual(marks, [92, 61, 88, 90]);
      await page.evaluate(() => {
        window.__results = [];
        document.addEventListener('handbook:exercise-result', (e) => window.__results.push(e.detail));
      });
      const measure = ['9.1', '6.2', '8,8', '9'];
      for (let i = 0; i < 4; i++) await measurement(sc, ITEM_LABELS[i]).fill(measure[i]);
      await sc.getByLabel('Your total').fill('33.1');
      await sc.getByRole('button', { name: 'Show a ruler' }).click();
      assert.equal(await sc.getByRole('button', { name: 'Show a ruler' }).getAttribute('aria-pressed'), 'true');
      await sc.getByRole('button', { name: 'Compare my measurements' }).click();
      const status = sc.locator('.srs-check-status');
      assert.match(await status.textContent(), /4 of 4 measurements within 0\.2\. Total: right/);
      assert.match(await sc.locator('[data-srs-result="1"]').textContent(), /Within 0\.2: the mark is at 6\.1/);

      const question = sc.locator('fieldset');
      assert.match(await question.locator('legend').textContent(), /What would you say next/);
      await question.getByRole('radio', { name: /ask about the goals line/ }).check();
      await sc.getByRole('button', { name: 'Check', exact: true }).click();
      const right = await lib.poll(() => page.evaluate(() => window.__results.at(-1)));
      assert.equal(right && right.correct, true, `the right answer is marked right: ${JSON.stringify(right)}`);
      await noViolations(page, 'scenario, measured and answered');

      // reload: the measurements and the check are kept
      await page.reload({ waitUntil: 'load' });
      assert.equal(await measurement(sc, ITEM_LABELS[2]).inputValue(), '8,8');
      assert.match(await status.textContent(), /4 of 4/);

      // wrong measurements and a wrong answer
      await sc.getByRole('button', { name: 'Start again' }).click();
      assert.equal(await measurement(sc, ITEM_LABELS[0]).inputValue(), '');
      await measurement(sc, ITEM_LABELS[0]).fill('8.5');
      await measurement(sc, ITEM_LABELS[1]).fill('6.4');
      await measurement(sc, ITEM_LABELS[2]).fill('eleven');
      await sc.getByLabel('Your total').fill('30');
      await sc.getByRole('button', { name: 'Compare my measurements' }).click();
      assert.match(await status.textContent(), /0 of 4 measurements within 0\.2\. Total: not right/);
      assert.match(await sc.locator('[data-srs-result="0"]').textContent(), /Off by 0\.7: the mark is at 9\.2/);
      assert.match(await sc.locator('[data-srs-result="1"]').textContent(), /Off by 0\.3/);
      assert.equal(await measurement(sc, ITEM_LABELS[2]).getAttribute('aria-invalid'), 'true');
      assert.match(await sc.locator('[data-srs-result="3"]').textContent(), /Not measured yet/);
      assert.match(await sc.locator('[data-srs-result="total"]').textContent(), /Off by 3\.1: the total is 33\.1/);
      await page.evaluate(() => { window.__results = []; document.addEventListener('handbook:exercise-result', (e) => window.__results.push(e.detail)); });
      const tryAgain = sc.getByRole('button', { name: 'Try again' });
      if (await tryAgain.isVisible()) await tryAgain.click();
      await question.getByRole('radio', { name: /Defend the method/ }).check();
      await sc.getByRole('button', { name: 'Check', exact: true }).click();
      const wrong = await lib.poll(() => page.evaluate(() => window.__results.at(-1)));
      assert.equal(wrong && wrong.correct, false, `the wrong answer is marked wrong: ${JSON.stringify(wrong)}`);

      // the answers panel interprets the client's ratings with the same rules
      await sc.locator('summary', { hasText: "Show the client's scores" }).click();
      assert.match(await sc.locator('.srs-answers').textContent(), /Below the cutoff of 36/);
      await noViolations(page, 'scenario, wrong answers');
    });
  });

  test('printed scenario lines are 10 cm too', async () => {
    await lib.withPage(env.browser, {}, async ({ page }) => {
      await lib.visit(page, env.server.at('scenarios.html'));
      await media(page, 'print');
      const widths = await page.$$eval('.srs-line', (ls) => ls.map((l) => l.getBoundingClientRect().width));
      assert.equal(widths.length, 8);
      for (const w of widths) assert.ok(Math.abs(w - TEN_CM) <= 1, `a printed scenario line is ${w}px`);
    });
  });
});
