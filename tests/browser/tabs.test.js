'use strict';
// MkDocs-style content (issue 17): content tabs (`=== "Tab"`) and admonitions (`!!!`, `???`)
// in tests/fixtures/mkdocs-site, built with the real binary (HANDBOOK_BIN, else
// target/debug/handbook, by lib.suite). Tabs follow the WAI-ARIA tabs pattern: arrow keys, Home/End, one tab
// in the tab order; without JavaScript every panel is a titled section; collapsible callouts
// are <details>. Zero axe violations in both schemes, no CSP or console errors, vnu-valid.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const lib = require('./lib');

const FIXTURE = path.join(lib.REPO, 'tests', 'fixtures', 'mkdocs-site');
const TABS = 'practice/tabs.html';
const BOND = 'basics/bond.html';
const CALLOUTS = 'getting-started.html';

const env = lib.suite({ fixture: FIXTURE });

/** The first tab set's state: tabs (name, selected, tabindex), which panels are shown, focus. */
function firstSet(page) {
  return page.evaluate(() => {
    const set = document.querySelector('[data-tabs]');
    const tabs = [...set.querySelectorAll('[role=tablist] > [role=tab]')];
    const panels = [...set.querySelectorAll(':scope > [role=tabpanel]')];
    return {
      names: tabs.map((t) => t.textContent),
      selected: tabs.map((t) => t.getAttribute('aria-selected')),
      tabindex: tabs.map((t) => t.tabIndex),
      shown: panels.map((p) => !p.hidden && p.getBoundingClientRect().height > 0),
      labelled: panels.map((p) => document.getElementById(p.getAttribute('aria-labelledby'))?.textContent),
      controls: tabs.map((t) => document.getElementById(t.getAttribute('aria-controls'))?.getAttribute('role')),
      focused: tabs.indexOf(document.activeElement),
    };
  });
}

test('tabs: a tab list operated by arrow keys, Home and End, with one tab in the tab order', async () => {
  await lib.withPage(env.browser, {}, async ({ page }) => {
    await lib.visit(page, env.server.at(TABS));
    let s = await firstSet(page);
    assert.deepEqual(s.names, ['At the end', 'With a form', 'Next session']);
    assert.deepEqual(s.selected, ['true', 'false', 'false']);
    assert.deepEqual(s.tabindex, [0, -1, -1]);
    assert.deepEqual(s.shown, [true, false, false]);
    assert.deepEqual(s.labelled, s.names, 'each panel is named by its tab');
    assert.deepEqual(s.controls, ['tabpanel', 'tabpanel', 'tabpanel']);
    // The visible titles become the tabs (not read twice).
    assert.equal(await page.locator('[data-tabs] .tabbed-title:visible').count(), 0);

    const presses = await lib.tabUntil(page, () => document.activeElement?.getAttribute('role') === 'tab');
    assert.ok(presses > 0, 'Tab reaches the tab list');
    assert.equal((await firstSet(page)).focused, 0);
    const steps = [
      ['ArrowRight', 1], ['ArrowRight', 2], ['ArrowRight', 0], ['ArrowLeft', 2],
      ['Home', 0], ['End', 2],
    ];
    for (const [key, want] of steps) {
      await page.keyboard.press(key);
      s = await firstSet(page);
      assert.equal(s.focused, want, `${key} focuses tab ${want}`);
      assert.deepEqual(s.selected, [0, 1, 2].map((i) => String(i === want)), `${key} selects tab ${want}`);
      assert.deepEqual(s.tabindex, [0, 1, 2].map((i) => (i === want ? 0 : -1)), 'roving tabindex');
      assert.deepEqual(s.shown, [0, 1, 2].map((i) => i === want), `${key} shows panel ${want}`);
    }
    // Tab leaves the tab list for the shown panel, not the next tab.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'tabset-1-3');
    // A click selects too.
    await page.getByRole('tab', { name: 'With a form' }).click();
    s = await firstSet(page);
    assert.deepEqual(s.shown, [false, true, false]);
    assert.match(await page.locator('#tabset-1-2').innerText(), /Read it together/);
    // `===!` started a second set with its own selection.
    assert.equal(await page.locator('[data-tabs]').count(), 2);
    assert.equal(await page.getByRole('tab', { name: 'Second set' }).getAttribute('aria-selected'), 'true');
  });
});

test('tabs: without JavaScript every panel is a titled section, in order', async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(env.server.at(TABS));
    assert.equal(await page.locator('[role=tab]').count(), 0);
    const sections = await page.locator('[data-tabs] > .tabbed-panel').evaluateAll((ps) =>
      ps.map((p) => ({ title: p.querySelector('.tabbed-title').innerText, visible: p.getBoundingClientRect().height > 0 })));
    assert.deepEqual(sections.map((s) => s.title), ['At the end', 'With a form', 'Next session', 'Second set', 'Its other tab']);
    assert.ok(sections.every((s) => s.visible), JSON.stringify(sections));
    assert.match(await page.locator('main').innerText(), /Hand it over\.[\s\S]*Open the next session/);
  } finally {
    await context.close();
  }
});

test('tabs: printing shows every panel with its title', async () => {
  await lib.withPage(env.browser, {}, async ({ page }) => {
    await lib.visit(page, env.server.at(TABS));
    await page.emulateMedia({ media: 'print' });
    const shown = await page.locator('[data-tabs] .tabbed-panel').evaluateAll((ps) =>
      ps.map((p) => p.getBoundingClientRect().height > 0 && p.querySelector('.tabbed-title').getBoundingClientRect().height > 0));
    assert.deepEqual(shown, [true, true, true, true, true]);
    assert.equal(await page.locator('[role=tablist]').first().isVisible(), false);
  });
});

test('collapsible callouts are <details> opened by keyboard; print.html opens them', async () => {
  await lib.withPage(env.browser, {}, async ({ page }) => {
    await lib.visit(page, env.server.at(BOND));
    const details = page.locator('details.callout');
    assert.equal(await details.count(), 2);
    assert.equal(await details.nth(0).getAttribute('open'), null);
    assert.equal(await details.nth(1).getAttribute('open'), '');
    assert.equal(await page.getByText('They return for sessions.').isVisible(), false);
    await page.locator('details.callout summary').first().focus();
    await page.keyboard.press('Enter');
    assert.equal(await page.getByText('They return for sessions.').isVisible(), true);
    await lib.visit(page, env.server.at('print.html'));
    assert.equal(await page.locator('details.callout:not([open])').count(), 0);
    assert.equal(await page.getByText('They return for sessions.').isVisible(), true);
    // No tab list in print.html: tabs.js is not loaded there.
    assert.equal(await page.locator('[role=tablist]').count(), 0);
  });
});

for (const colorScheme of ['light', 'dark']) {
  test(`axe: callouts, collapsible callouts and tabs have no violations (${colorScheme})`, async () => {
    for (const rel of [TABS, BOND, CALLOUTS, 'practice/repair.html', 'print.html']) {
      await lib.withPage(env.browser, { colorScheme }, async ({ page }) => {
        await lib.visit(page, env.server.at(rel));
        lib.assertNoViolations(await lib.axe(page), `${rel} (${colorScheme})`);
        if (rel === TABS) {
          await page.getByRole('tab', { name: 'Next session' }).click();
          lib.assertNoViolations(await lib.axe(page), `${rel} after switching tabs (${colorScheme})`);
        }
      });
    }
  });
}

test('the MkDocs fixture site passes the Nu Html Checker', { timeout: 180_000 }, () => {
  const errors = lib.vnuErrors(env.site);
  lib.assertNone(errors, `vnu found ${errors.length} error(s)`);
});

test('tabs in an admonition with a long label (a file path) wrap at 320 px: no sideways scroll', async () => {
  // A site of its own (the shape of a real MkDocs page: an example admonition holding tabs
  // named by file paths), so the shared fixture stays as it is.
  const root = path.join(env.tmp, 'long-tabs');
  lib.writeFiles(root, {
    'mkdocs.yml': 'site_name: Tabs\n',
    'docs/index.md': '# Tabs\n\n!!! example "Example"\n\n    === "a.md"\n\n        One.\n\n'
      + '    === "src/my_package/my_module.py"\n\n        Two.\n\n'
      + '    === "src/my_package/a_much_longer_module_name_without_any_break_points_at_all.py"\n\n        Three.\n',
  });
  const out = path.join(env.tmp, 'long-tabs-site');
  lib.buildSite(root, out, { args: ['--quiet'] });
  const server = await env.serve(out);
  const overflow = (page) => page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
    wide: [...document.querySelectorAll('main *')]
      .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
      .slice(0, 4).map((el) => `<${el.tagName.toLowerCase()} class="${el.className}">`),
  }));
  await lib.withPage(env.browser, { width: 320, height: 640 }, async ({ page }) => {
    await lib.visit(page, server.at('index.html'));
    await page.locator('[data-tabs].is-enhanced [role=tab]').first().waitFor();
    assert.equal(await page.getByRole('tab').count(), 3);
    let m = await overflow(page);
    assert.ok(m.scrollWidth <= m.clientWidth, `scrolls sideways: ${JSON.stringify(m)}`);
    // Every tab stays inside the viewport and can be chosen.
    await page.getByRole('tab', { name: /a_much_longer_module_name/ }).click();
    assert.equal(await page.getByText('Three.').isVisible(), true);
    m = await overflow(page);
    assert.ok(m.scrollWidth <= m.clientWidth, `scrolls sideways after choosing a tab: ${JSON.stringify(m)}`);
  });
  const context = await env.browser.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 640 } });
  try {
    const page = await context.newPage();
    await page.goto(server.at('index.html'));
    const m = await overflow(page);
    assert.ok(m.scrollWidth <= m.clientWidth, `without JavaScript, scrolls sideways: ${JSON.stringify(m)}`);
  } finally {
    await context.close();
  }
});
