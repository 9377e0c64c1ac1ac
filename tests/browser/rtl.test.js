'use strict';
// Right-to-left languages (issue 18): an Arabic handbook (tests/fixtures/rtl-ar: the alliance in
// Arabic, with tabs, callouts, an exercise, the practice form and a scenario) built with the
// real binary. Checks the mirrored layout by element positions (never by pixel baselines, which
// would break on fonts): the sidebar on the right of the content, the drawer from the right, the
// pager's "next" on the left, no sideways overflow on a phone; the practice form measured from
// its right end (pointer, keys, marks, ruler); zero axe violations in both schemes; vnu-valid.
// Screenshots at 375 and 1280 px go to a temporary folder for a human to look at. A Hebrew
// handbook is built too, as a smoke check. Controls are found by their data attributes, not
// their English names, so the test holds once the interface is translated (the words of the
// form's note and of the line's ends are checked in src/components/srs).

const { describe, test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const lib = require('./lib');

const FIXTURE = path.join(lib.REPO, 'tests', 'fixtures', 'rtl-ar');
const HOME = 'index.html';
const ELEMENTS = 'alliance/elements.html';
const EVIDENCE = 'alliance/evidence.html';
const CHECK = 'alliance/self-check.html';
const FORM = 'practice/form.html';
const ASSIGNMENT = 'assignments/week-1.html';
const PAGES = [HOME, ELEMENTS, EVIDENCE, CHECK, FORM, ASSIGNMENT, 'progress.html', 'print.html', '404.html'];

const env = lib.suite({ fixture: FIXTURE });

/** The bounding boxes of `selectors` ({ name: selector }) on the page; null when missing. */
function boxes(page, selectors) {
  return page.evaluate((sel) => {
    const out = {};
    for (const [name, s] of Object.entries(sel)) {
      const el = document.querySelector(s);
      const r = el && el.getBoundingClientRect();
      out[name] = r && r.width > 0 ? { left: r.left, right: r.right, top: r.top, width: r.width } : null;
    }
    out.viewport = document.documentElement.clientWidth;
    out.scrollWidth = document.documentElement.scrollWidth;
    return out;
  }, selectors);
}

/** The first practice line's value (aria-valuenow, a number) and its mark's x on screen. */
function lineState(page) {
  return page.evaluate(() => {
    const line = document.querySelector('.srs-practice [role=slider]');
    const mark = line.querySelector('.srs-mark').getBoundingClientRect();
    const now = line.getAttribute('aria-valuenow');
    return { value: now === null ? null : Number(now), markX: mark.left + mark.width / 2 };
  });
}

test('every page is marked right to left, in Arabic', async () => {
  await lib.withPage(env.browser, {}, async ({ page }) => {
    for (const rel of PAGES) {
      await lib.visit(page, env.server.at(rel));
      const html = await page.evaluate(() => ({
        dir: document.documentElement.getAttribute('dir'),
        lang: document.documentElement.lang,
        direction: getComputedStyle(document.body).direction,
      }));
      assert.deepEqual(html, { dir: 'rtl', lang: 'ar', direction: 'rtl' }, rel);
    }
  });
});

test('1280 px: the sidebar on the right, the content to its left, the contents beside it on the left', async () => {
  await lib.withPage(env.browser, { width: 1280 }, async ({ page }) => {
    await lib.visit(page, env.server.at(ELEMENTS));
    const b = await boxes(page, { sidebar: '#hb-sidebar', main: 'main', content: '.content', toc: '.toc' });
    assert.ok(b.sidebar && b.main, 'sidebar and main are shown');
    assert.ok(b.sidebar.left >= b.main.right - 1, `sidebar (${b.sidebar.left}) right of main (${b.main.right})`);
    assert.ok(Math.abs(b.sidebar.right - b.viewport) <= 1, 'the sidebar touches the right edge');
    assert.ok(b.toc, 'the on-page contents are shown');
    assert.ok(b.toc.right <= b.content.left + 1, `contents (${b.toc.right}) left of the text (${b.content.left})`);
    // The current page's link and the callouts mark their start: the right side.
    const borders = await page.evaluate(() => {
      const css = (s) => getComputedStyle(document.querySelector(s));
      const callout = css('.callout-note');
      return { calloutRight: callout.borderRightWidth, calloutLeft: callout.borderLeftWidth };
    });
    assert.ok(parseFloat(borders.calloutRight) > parseFloat(borders.calloutLeft), `callout accent on the right: ${JSON.stringify(borders)}`);
    // No letter spacing to pull Arabic letters apart.
    const spacing = await page.evaluate(() => ['main h1', '.toc-title', '.callout-title']
      .map((sel) => getComputedStyle(document.querySelector(sel)).letterSpacing));
    assert.deepEqual(spacing, ['normal', 'normal', 'normal']);
    // The breadcrumbs' separator points left, to the deeper crumb.
    const sep = await page.evaluate(() => getComputedStyle(document.querySelector('.breadcrumbs li + li'), '::before').content);
    assert.match(sep, /^"\u2039"/, `separator ${sep}`);
  });
});

test('code stays left to right; a table column keeps the side its author wrote', async () => {
  await lib.withPage(env.browser, { width: 1280 }, async ({ page }) => {
    await lib.visit(page, env.server.at(EVIDENCE));
    const r = await page.evaluate(() => {
      const pre = document.querySelector('pre');
      const range = document.createRange();
      range.selectNodeContents(pre.querySelector('code'));
      const text = range.getClientRects()[0];
      const box = pre.getBoundingClientRect();
      const cell = (sel) => getComputedStyle(document.querySelector(sel)).textAlign;
      return {
        pre: getComputedStyle(pre).direction,
        inline: getComputedStyle(document.querySelector(':not(pre) > code')).direction,
        fromLeft: text.left - box.left,
        fromRight: box.right - text.right,
        right: cell('td.align-right'),
        plain: cell('td:not([class])'),
      };
    });
    assert.equal(r.pre, 'ltr');
    assert.equal(r.inline, 'ltr');
    assert.ok(r.fromLeft < r.fromRight, `the code's lines start at the left: ${JSON.stringify(r)}`);
    assert.equal(r.right, 'right', '`--:` is the right side');
    assert.equal(r.plain, 'start', 'other cells start at the right');
  });
});

test('the pager puts "next" on the left and "previous" on the right', async () => {
  for (const width of [375, 1280]) {
    await lib.withPage(env.browser, { width }, async ({ page }) => {
      await lib.visit(page, env.server.at(EVIDENCE));
      const b = await boxes(page, { prev: '.pager-prev', next: '.pager-next' });
      assert.ok(b.prev && b.next, 'both pager links');
      if (width >= 1280) assert.ok(b.next.right <= b.prev.left + 1, `${width}: next (${b.next.right}) left of previous (${b.prev.left})`);
      const align = await page.evaluate(() => [getComputedStyle(document.querySelector('.pager-next')).textAlign,
        getComputedStyle(document.querySelector('.pager-prev')).textAlign]);
      const nextText = await page.locator('.pager-next .pager-title').boundingBox();
      // "next" reads from the left edge of its box (its end), "previous" from the right
      assert.ok(nextText.x - b.next.left < b.next.right - (nextText.x + nextText.width), `${width}: next text at its left (${align})`);
    });
  }
});

test('375 px: the drawer opens from the right, and no page scrolls sideways', async () => {
  await lib.withPage(env.browser, { width: 375, height: 800 }, async ({ page }) => {
    for (const rel of PAGES) {
      await lib.visit(page, env.server.at(rel));
      const b = await boxes(page, {});
      assert.ok(b.scrollWidth <= b.viewport, `${rel}: scrollWidth ${b.scrollWidth} > ${b.viewport}`);
    }
    await lib.visit(page, env.server.at(ELEMENTS));
    const toggle = page.locator('#hb-sidebar-toggle');
    await toggle.click();
    await page.locator('#hb-sidebar').waitFor({ state: 'visible' });
    await lib.poll(async () => (await page.evaluate(() => getComputedStyle(document.getElementById('hb-sidebar')).opacity)) === '1');
    const b = await boxes(page, { sidebar: '#hb-sidebar' });
    assert.ok(Math.abs(b.sidebar.right - b.viewport) <= 1, `the drawer (${b.sidebar.left}-${b.sidebar.right}) is at the right edge (${b.viewport})`);
    assert.ok(b.sidebar.left > 0, 'the drawer leaves a strip of the page on the left');
    await page.keyboard.press('Escape');
    await page.locator('#hb-sidebar').waitFor({ state: 'hidden' });
  });
});

test('with motion allowed, the drawer slides in from the right', async () => {
  await lib.withPage(env.browser, { width: 375, reducedMotion: 'no-preference' }, async ({ page }) => {
    await lib.visit(page, env.server.at(ELEMENTS));
    await page.locator('#hb-sidebar-toggle').click();
    const name = await page.evaluate(() => getComputedStyle(document.getElementById('hb-sidebar')).animationName);
    assert.equal(name, 'hb-slide-in-rtl');
  });
});

test('the search dialog: the field at the right, its buttons to its left, results from the right', async () => {
  await lib.withPage(env.browser, { width: 1280 }, async ({ page }) => {
    await lib.visit(page, env.server.at(ELEMENTS));
    await page.locator('[data-search-open]').click();
    const field = page.getByRole('dialog').getByRole('searchbox');
    await field.fill('التحالف');
    const result = page.getByRole('dialog').locator('a[href]').first();
    await result.waitFor();
    const r = await page.evaluate(() => {
      const dialog = document.querySelector('dialog[open], [role=dialog]');
      const input = dialog.querySelector('input');
      const box = (el) => el.getBoundingClientRect();
      const close = [...dialog.querySelectorAll('button')].find((b) => box(b).width > 0 && !input.contains(b));
      const link = dialog.querySelector('a[href]');
      return {
        direction: getComputedStyle(input).direction,
        input: { left: box(input).left, right: box(input).right },
        close: { right: box(close).right },
        dialog: { left: box(dialog).left, right: box(dialog).right },
        link: { right: box(link).right },
      };
    });
    assert.equal(r.direction, 'rtl');
    assert.ok(r.close.right <= r.input.left + 1, `a button left of the field: ${JSON.stringify(r)}`);
    assert.ok(r.dialog.right - r.link.right < r.link.right - r.dialog.left, 'results start at the right');
    await page.keyboard.press('Escape');
  });
});

test('tabs: Left moves to the next tab (on the left), Right back; the collapsed chevron points left', async () => {
  await lib.withPage(env.browser, {}, async ({ page }) => {
    await lib.visit(page, env.server.at(ELEMENTS));
    const tabs = page.locator('[data-tabs] [role=tab]');
    assert.equal(await tabs.count(), 3);
    const xs = [];
    for (let i = 0; i < 3; i++) xs.push((await tabs.nth(i).boundingBox()).x);
    assert.ok(xs[0] > xs[1] && xs[1] > xs[2], `the first tab is on the right: ${xs}`);
    await tabs.nth(0).focus();
    const focused = () => page.evaluate(() => [...document.querySelectorAll('[data-tabs] [role=tab]')].indexOf(document.activeElement));
    await page.keyboard.press('ArrowLeft');
    assert.equal(await focused(), 1, 'ArrowLeft: the next tab');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await focused(), 2);
    await page.keyboard.press('ArrowRight');
    assert.equal(await focused(), 1, 'ArrowRight: the previous tab');
    assert.equal(await tabs.nth(1).getAttribute('aria-selected'), 'true');
    // The disclosure mark of a closed collapsible callout: rotated 135° (points left), 45° open.
    const angle = () => page.evaluate(() => {
      const t = getComputedStyle(document.querySelector('details.callout-collapsible > summary'), '::after').transform;
      const [a, b] = t.slice(t.indexOf('(') + 1).split(',').map(Number);
      return Math.round((Math.atan2(b, a) * 180) / Math.PI);
    });
    assert.equal(await angle(), 135, 'closed: points left');
    await page.locator('details.callout-collapsible > summary').click();
    // (a transition, when motion is not reduced, ends at 45°)
    assert.ok(await lib.poll(async () => (await angle()) === 45), 'open: points down');
    // The mark is pushed to the line end (the left) by its auto margin on the right.
    const margins = await page.evaluate(() => {
      const after = getComputedStyle(document.querySelector('details.callout-collapsible > summary'), '::after');
      return { left: parseFloat(after.marginLeft), right: parseFloat(after.marginRight) };
    });
    assert.ok(margins.right > 100 && margins.left === 0, `the mark is at the left end of the title: ${JSON.stringify(margins)}`);
  });
});

/** Focuses the first line of the practice form on `page` and presses PageUp `pageUps` times
 * (one point each); returns the line. */
async function focusFirstLine(page, pageUps) {
  const line = page.locator('.srs-practice [role=slider]').first();
  await line.focus();
  for (let i = 0; i < pageUps; i++) await page.keyboard.press('PageUp');
  return line;
}

describe('the practice form measures from the right end', () => {
  test('a click near the right end is near 0, near the left end near 10; the mark is under the pointer', async () => {
    await lib.withPage(env.browser, { width: 1280 }, async ({ page }) => {
      await lib.visit(page, env.server.at(FORM));
      const note = page.locator('.srs-practice .srs-rtl-note');
      assert.ok(await note.isVisible(), 'the form says the lines run from the right');
      // in Arabic: the fixture's i18n/ar.toml gives srs.rtl_note
      assert.match(await note.textContent(), /^[\u0600-\u06FF]/);
      const line = page.locator('.srs-practice [role=slider]').first();
      await line.scrollIntoViewIfNeeded();
      const r = await line.boundingBox();
      const y = r.y + r.height / 2;
      await page.mouse.click(r.x + r.width * 0.95, y);
      let s = await lineState(page);
      assert.ok(Math.abs(s.value - 0.5) <= 0.1, `near the right end: ${s.value}`);
      assert.ok(Math.abs(s.markX - (r.x + r.width * 0.95)) <= 3, `the mark (${s.markX}) is where the click was`);
      await page.mouse.click(r.x + r.width * 0.05, y);
      s = await lineState(page);
      assert.ok(Math.abs(s.value - 9.5) <= 0.1, `near the left end: ${s.value}`);
      assert.ok(Math.abs(s.markX - (r.x + r.width * 0.05)) <= 3, `the mark (${s.markX}) is where the click was`);
      // A drag to the right lowers the value.
      await page.mouse.move(r.x + r.width * 0.3, y);
      await page.mouse.down();
      await page.mouse.move(r.x + r.width * 0.7, y, { steps: 4 });
      await page.mouse.up();
      s = await lineState(page);
      assert.ok(Math.abs(s.value - 3) <= 0.1, `dragged to 70% from the left: ${s.value}`);
      // The anchors: the 0 end's on the right, the 10 end's on the left.
      const a = await boxes(page, { zero: '.srs-practice .srs-anchor-left', ten: '.srs-practice .srs-anchor-right' });
      assert.ok(a.zero.left > a.ten.right, 'the 0 anchor is right of the 10 anchor');
    });
  });

  test('keys: Left raises, Right lowers (the way the mark moves); Home, End, Up, Down keep their meaning', async () => {
    await lib.withPage(env.browser, { width: 1280 }, async ({ page }) => {
      await lib.visit(page, env.server.at(FORM));
      const line = await focusFirstLine(page, 5);
      let s = await lineState(page);
      assert.equal(s.value, 5);
      const before = s.markX;
      await page.keyboard.press('ArrowLeft');
      s = await lineState(page);
      assert.equal(s.value, 5.1, 'ArrowLeft raises');
      assert.ok(s.markX < before, 'and the mark moves left');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      s = await lineState(page);
      assert.equal(s.value, 4.9, 'ArrowRight lowers');
      await page.keyboard.press('ArrowUp');
      assert.equal((await lineState(page)).value, 5, 'ArrowUp raises');
      await page.keyboard.press('ArrowDown');
      assert.equal((await lineState(page)).value, 4.9, 'ArrowDown lowers');
      await page.keyboard.press('End');
      s = await lineState(page);
      const r = await line.boundingBox();
      assert.equal(s.value, 10);
      assert.ok(Math.abs(s.markX - r.x) <= 3, 'End: the mark at the left end');
      await page.keyboard.press('Home');
      s = await lineState(page);
      assert.equal(s.value, 0);
      assert.ok(Math.abs(s.markX - (r.x + r.width)) <= 3, 'Home: the mark at the right end');
    });
  });

  test('the practice log\'s chart keeps its labels inside it', async () => {
    await lib.withPage(env.browser, { width: 1280 }, async ({ page }) => {
      await lib.visit(page, env.server.at(FORM));
      const form = page.locator('.srs-practice');
      for (const date of ['2026-11-01', '2026-11-08']) {
        const lines = form.locator('[role=slider]');
        for (let i = 0; i < 4; i++) {
          await lines.nth(i).focus();
          await page.keyboard.press(date.endsWith('1') ? 'PageUp' : 'End');
        }
        await form.locator('[data-srs-field=date]').fill(date);
        await form.locator('[data-srs-action=save]').click();
      }
      await form.locator('.srs-chart-svg').waitFor();
      await lib.poll(() => form.locator('.srs-chart-svg circle').count().then((n) => n >= 2));
      const outside = await lib.chartLabelsOutside(page);
      assert.deepEqual(outside, [], 'chart labels outside the chart');
    });
  });

  test('printed: 10 cm lines from the right margin, a mark still measured from the right, the note kept', async () => {
    await lib.withPage(env.browser, { width: 1280 }, async ({ page }) => {
      await lib.visit(page, env.server.at(FORM));
      const line = await focusFirstLine(page, 2);
      await page.emulateMedia({ media: 'print' });
      const p = await page.evaluate(() => {
        const form = document.querySelector('.srs-practice');
        const l = form.querySelector('.srs-line').getBoundingClientRect();
        const m = form.querySelector('.srs-mark').getBoundingClientRect();
        const cm = 96 / 2.54;
        return {
          widthCm: l.width / cm,
          rightGap: form.querySelector('.srs-item').getBoundingClientRect().right - l.right,
          markFromRight: (l.right - (m.left + m.width / 2)) / l.width,
          note: getComputedStyle(form.querySelector('.srs-rtl-note')).display,
        };
      });
      assert.ok(Math.abs(p.widthCm - 10) < 0.01, `10 cm: ${p.widthCm}`);
      assert.ok(Math.abs(p.rightGap) <= 1, `the line starts at the right: ${p.rightGap}`);
      assert.ok(Math.abs(p.markFromRight - 0.2) < 0.01, `2.0 is 2 cm from the right end: ${p.markFromRight}`);
      assert.notEqual(p.note, 'none', 'the note prints');
    });
  });

  test('a scenario: the client\'s marks and the ruler count from the right', async () => {
    await lib.withPage(env.browser, { width: 1280 }, async ({ page }) => {
      await lib.visit(page, env.server.at(FORM));
      const scenario = page.locator('.srs-scenario');
      // The first mark is 9.2: near the left end.
      const first = await page.evaluate(() => {
        const line = document.querySelector('.srs-scenario .srs-line');
        const r = line.getBoundingClientRect();
        const m = line.querySelector('.srs-mark-client').getBoundingClientRect();
        return { from_right: (r.right - (m.left + m.width / 2)) / r.width };
      });
      assert.ok(Math.abs(first.from_right - 0.92) < 0.01, `9.2 is 92% from the right: ${first.from_right}`);
      await scenario.locator('[data-srs-action=ruler]').click();
      const labels = await page.evaluate(() => {
        const ruler = document.querySelector('.srs-scenario .srs-ruler');
        const at = (text) => [...ruler.querySelectorAll('text')].find((t) => t.textContent === text).getBoundingClientRect().left;
        return { zero: at('0'), ten: at('10') };
      });
      assert.ok(labels.zero > labels.ten, `the ruler's 0 is on the right: ${JSON.stringify(labels)}`);
    });
  });
});

test('an exercise works right to left: check, feedback', async () => {
  await lib.withPage(env.browser, { width: 375 }, async ({ page }) => {
    await lib.visit(page, env.server.at(CHECK));
    const q = page.locator('fieldset').first();
    await q.getByRole('radio', { name: 'البصيرة' }).check();
    await page.locator('[data-action=check]').first().click();
    await page.locator('.question-option-note', { hasText: 'صحيح: البصيرة ليست منها.' }).waitFor();
    const b = await boxes(page, { radio: 'fieldset input[type=radio]', label: 'fieldset label' });
    assert.ok(b.radio.left > b.label.left, 'the radio button is at the right of its label text');
  });
});

test('zero axe violations in light and dark', async () => {
  for (const colorScheme of ['light', 'dark']) {
    await lib.withPage(env.browser, { colorScheme }, async ({ page }) => {
      for (const rel of PAGES) {
        await lib.visit(page, env.server.at(rel));
        lib.assertNoViolations(await lib.axe(page), `${rel} (${colorScheme})`);
      }
    });
  }
});

test('the Nu Html Checker finds no errors', { timeout: 180_000 }, () => {
  const errors = lib.vnuErrors(env.site);
  lib.assertNone(errors, `vnu found ${errors.length} error(s)`);
});

test('screenshots at 375 and 1280 px show the mirrored layout', async () => {
  const dir = fs.mkdtempSync(path.join(env.tmp, 'shots-'));
  for (const width of [375, 1280]) {
    await lib.withPage(env.browser, { width, height: 900 }, async ({ page }) => {
      for (const rel of [ELEMENTS, FORM]) {
        await lib.visit(page, env.server.at(rel));
        const file = path.join(dir, `${rel.replace(/[/.]/g, '-')}-${width}.png`);
        await page.screenshot({ path: file, animations: 'disabled' });
        assert.ok(fs.statSync(file).size > 1000, `${file} written`);
        // The shot's layout by positions: title, breadcrumbs and text start at the right.
        const b = await boxes(page, { h1: 'main h1', crumbs: '.breadcrumbs li', header: '.site-title' });
        const text = await page.evaluate(() => {
          const r = document.createRange();
          r.selectNodeContents(document.querySelector('main h1'));
          return r.getBoundingClientRect();
        });
        assert.ok(b.h1.right - text.right <= 1, `${rel} ${width}: the title's text is at its right`);
        assert.ok(b.crumbs.right > b.viewport / 2, `${rel} ${width}: the breadcrumbs start at the right`);
        assert.ok(b.header.right > b.viewport / 2, `${rel} ${width}: the site title is at the right`);
      }
    });
  }
  console.log(`rtl screenshots: ${dir}`);
});

test('a Hebrew handbook builds right to left too', async () => {
  const root = path.join(env.tmp, 'he');
  lib.writeFiles(root, {
    'handbook.toml': 'title = "ברית טיפולית"\nid = "rtl-hebrew-smoke"\nlanguage = "he"\n',
    'content/_index.md': '# ברית טיפולית\n\nמדריך קצר על הברית הטיפולית.\n',
    'content/01-bond.md': '# הקשר\n\nהקשר הוא האמון בין המטפל למטופל.\n\n## הקשבה\n\nהקשבה קשובה.\n\n## חום\n\nחום וגמישות.\n\n```srs\nmode = "practice"\n```\n',
  });
  const out = path.join(env.tmp, 'he-site');
  lib.buildSite(root, out, { args: ['--quiet'] });
  const server = await env.serve(out);
  await lib.withPage(env.browser, { width: 1280 }, async ({ page }) => {
    await lib.visit(page, server.at('bond.html'));
    assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
    const b = await boxes(page, { sidebar: '#hb-sidebar', main: 'main' });
    assert.ok(b.sidebar.left >= b.main.right - 1, 'the sidebar is on the right');
    const line = page.locator('.srs-practice [role=slider]').first();
    await line.scrollIntoViewIfNeeded();
    const r = await line.boundingBox();
    await page.mouse.click(r.x + r.width * 0.9, r.y + r.height / 2);
    assert.ok(Math.abs((await lineState(page)).value - 1) <= 0.1, 'a click near the right end is near 0');
    lib.assertNoViolations(await lib.axe(page), 'he: bond.html');
  });
});

describe('the line geometry (srs.js, no browser)', () => {
  const srs = require('./theme-source').load('js/srs.js');
  test('right to left, a pointer is measured from the right end', () => {
    assert.equal(srs.fromPointer(100 + 377.95, 100, 377.95, true), 0);
    assert.equal(srs.fromPointer(100, 100, 377.95, true), 100);
    assert.equal(srs.fromPointer(100 + 377.95 * 0.08, 100, 377.95, true), 92);
    assert.equal(srs.fromPointer(900, 100, 377.95, true), 0);
    assert.equal(srs.fromPointer(50, 100, 377.95, true), 100);
    assert.equal(srs.fromPointer(100 + 377.95 * 0.92, 100, 377.95, false), 92, 'left to right unchanged');
  });
  test('right to left, Left raises and Right lowers; the other keys keep their meaning', () => {
    assert.equal(srs.stepKey(50, 'ArrowLeft', 100, true), 51);
    assert.equal(srs.stepKey(50, 'ArrowRight', 100, true), 49);
    assert.equal(srs.stepKey(50, 'Left', 100, true), 51);
    assert.equal(srs.stepKey(50, 'Right', 100, true), 49);
    assert.equal(srs.stepKey(50, 'ArrowUp', 100, true), 51);
    assert.equal(srs.stepKey(50, 'ArrowDown', 100, true), 49);
    assert.equal(srs.stepKey(50, 'Home', 100, true), 0);
    assert.equal(srs.stepKey(50, 'End', 100, true), 100);
    assert.equal(srs.stepKey(null, 'ArrowLeft', 100, true), 1);
    assert.equal(srs.stepKey(50, 'ArrowLeft', 100, false), 49, 'left to right unchanged');
  });
});

describe('the theme\'s stylesheets mirror (no browser)', () => {
  // Physical sides in a declaration: margin/padding/border-left/right, left/right offsets, float,
  // clear and text-align left/right, and four-value margin/padding with different sides. A
  // declaration that must stay physical says so in a comment on the line above:
  // "physical on purpose".
  const PHYSICAL = [
    /^\s*(margin|padding|border)-(left|right)(-[a-z]+)?\s*:/,
    /^\s*(left|right)\s*:/,
    /^\s*(float|clear|text-align)\s*:\s*(left|right)\b/,
    /^\s*border-(top|bottom)-(left|right)-radius\s*:/,
  ];
  function problems(file, text) {
    const out = [];
    const lines = text.split('\n');
    lines.forEach((line, i) => {
      const decl = line.replace(/\/\*.*?\*\//g, '');
      let bad = PHYSICAL.some((re) => re.test(decl));
      const four = /^\s*(margin|padding)\s*:\s*([^;]+);/.exec(decl);
      if (four) {
        const v = four[2].trim().split(/\s+/);
        if (v.length === 4 && v[1] !== v[3]) bad = true;
      }
      if (bad && !/physical on purpose/.test(lines[i - 1] || '')) out.push(`${file}:${i + 1}: ${line.trim()}`);
    });
    return out;
  }
  test('every left/right in themes/default/static/css and the summary page is logical', () => {
    const dir = path.join(lib.REPO, 'themes', 'default', 'static', 'css');
    const found = [];
    for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.css'))) {
      found.push(...problems(`css/${f}`, fs.readFileSync(path.join(dir, f), 'utf8')));
    }
    const summary = fs.readFileSync(path.join(lib.REPO, 'themes', 'default', 'templates', 'summary.html'), 'utf8');
    // the summary's inline style puts several declarations on a line: one a line for the check
    const style = summary.slice(summary.indexOf('<style>'), summary.indexOf('</style>')).replace(/[{;]\s*/g, (m) => `${m.trim()}\n`);
    found.push(...problems('templates/summary.html', style));
    lib.assertNone(found, 'physical sides in the theme CSS (use logical properties, or say "physical on purpose" above)');
  });
  test('the check finds what it is for', () => {
    assert.equal(problems('x', 'a {\n  margin-left: 1px;\n  padding: 0 1px 0 2px;\n  right: 0;\n  text-align: left;\n}').length, 4);
    assert.equal(problems('x', 'a {\n  margin-inline-start: 1px;\n  padding: 0 1px;\n  /* physical on purpose */\n  left: 0;\n}').length, 0);
  });
});
