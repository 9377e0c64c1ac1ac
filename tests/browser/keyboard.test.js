'use strict';
// The keyboard path: skip link first, then the sidebar toggle and the theme toggle reachable by
// Tab and operable by Enter and Space, focus always visible.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const lib = require('./lib');

const env = lib.suite({ discover: true });

/** In the page: is the focused element visibly marked (outline or box-shadow) and on screen? */
function focusState() {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return { none: true };
  const cs = getComputedStyle(el);
  const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0;
  const shadow = cs.boxShadow && cs.boxShadow !== 'none';
  const r = el.getBoundingClientRect();
  const onScreen = r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0 &&
    r.left < window.innerWidth && r.top < window.innerHeight;
  return {
    none: false,
    visible: Boolean(outline || shadow),
    onScreen,
    style: `outline: ${cs.outlineStyle} ${cs.outlineWidth}; box-shadow: ${cs.boxShadow}`,
    rect: `${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}x${Math.round(r.height)}`,
  };
}

/** focusState, re-read for up to 1 s until the focus is shown (a ring or position may animate in). */
async function settledFocusState(page) {
  let s;
  await lib.poll(async () => {
    s = await page.evaluate(focusState);
    return s.visible && s.onScreen;
  }, 1000);
  return s;
}

for (const key of ['home', 'page']) {
  test(`${key}: the first Tab focuses the skip link, and Enter moves focus to <main>`, async () => {
    const rel = lib.pick(env.found, key);
    await lib.withPage(env.browser, {}, async ({ page }) => {
      await lib.visit(page, env.server.at(rel));
      await page.keyboard.press('Tab');
      const first = await page.evaluate(() => {
        const el = document.activeElement;
        const href = el && el.getAttribute('href');
        const target = href && href.startsWith('#') ? document.getElementById(decodeURIComponent(href.slice(1))) : null;
        const main = document.querySelector('main, [role=main]');
        return {
          tag: el ? el.tagName.toLowerCase() : null,
          href,
          text: el ? el.textContent.trim() : '',
          targetIsMain: Boolean(target && main && (target === main || main.contains(target) || target.contains(main))),
        };
      });
      assert.equal(first.tag, 'a', `${rel}: the first Tab focused ${await lib.describeFocus(page)}, not a skip link`);
      assert.ok(first.href && first.href.startsWith('#'), `${rel}: the first focusable link "${first.text}" is not an in-page skip link (href=${first.href})`);
      assert.ok(first.targetIsMain, `${rel}: the skip link's target ${first.href} is not <main> (or inside it)`);
      const shown = await settledFocusState(page);
      assert.ok(shown.onScreen, `${rel}: the focused skip link is not on screen (box ${shown.rect}); it must become visible on focus`);
      assert.ok(shown.visible, `${rel}: the focused skip link has no visible focus indicator (${shown.style})`);
      await page.keyboard.press('Enter');
      const inMain = await lib.poll(() => page.evaluate(() => {
        const main = document.querySelector('main, [role=main]');
        return Boolean(main && (document.activeElement === main || main.contains(document.activeElement)));
      }));
      assert.ok(inMain, `${rel}: after Enter on the skip link, focus is on ${await lib.describeFocus(page)}, not in <main> ` +
        '(give the target tabindex="-1" so it can take focus)');
    });
  });
}

test('sidebar toggle (320 px): reachable by Tab, aria-expanded flips with Enter and Space, the nav shows and hides', async () => {
  const rel = lib.pick(env.found, 'page');
  await lib.withPage(env.browser, { width: 320, height: 640 }, async ({ page }) => {
    await lib.visit(page, env.server.at(rel));
    // The toggle: a <button> with aria-expanded whose aria-controls names the sidebar <nav>, an
    // element inside it, or an element that contains it.
    const toggles = await page.evaluate(() => [...document.querySelectorAll('button[aria-expanded]')].map((b, i) => {
      b.dataset.testToggle = String(i);
      const ctl = b.getAttribute('aria-controls');
      const target = ctl ? document.getElementById(ctl) : null;
      const navs = [...document.querySelectorAll('nav, [role=navigation]')];
      const controlsNav = Boolean(target && navs.some((n) => n === target || n.contains(target) || target.contains(n)));
      return { i, controlsNav, ctl, name: (b.getAttribute('aria-label') || b.textContent).trim() };
    }));
    const t = toggles.find((x) => x.controlsNav);
    assert.ok(t, `${rel}: no <button aria-expanded aria-controls="ID"> controlling the sidebar <nav> ` +
      `(buttons with aria-expanded: ${JSON.stringify(toggles)})`);
    const sel = `[data-test-toggle="${t.i}"]`;
    const presses = await lib.tabUntil(page, (s) => document.activeElement === document.querySelector(s), sel);
    assert.ok(presses > 0, `${rel}: the sidebar toggle "${t.name}" was not reached within 60 Tab presses`);
    const focus = await settledFocusState(page);
    assert.ok(focus.visible, `${rel}: the focused sidebar toggle has no visible focus indicator (${focus.style})`);

    const navLinkVisible = () => page.evaluate((id) => {
      const target = document.getElementById(id);
      const nav = target.matches('nav, [role=navigation]') ? target
        : target.querySelector('nav, [role=navigation]') || target.closest('nav, [role=navigation]');
      const a = nav && nav.querySelector('a[href]');
      if (!a) return false;
      const r = a.getBoundingClientRect();
      const cs = getComputedStyle(a);
      return r.width > 0 && r.height > 0 && cs.visibility !== 'hidden' && r.right > 0 && r.left < window.innerWidth;
    }, t.ctl);
    const expanded = () => page.getAttribute(sel, 'aria-expanded');
    const flip = async (keyName) => {
      const before = await expanded();
      await page.keyboard.press(keyName);
      const after = await lib.poll(async () => {
        const v = await expanded();
        return v !== before && v;
      }) || before;
      assert.notEqual(after, before, `${rel}: ${keyName} on the sidebar toggle left aria-expanded="${before}"`);
      assert.ok(after === 'true' || after === 'false', `aria-expanded must be "true" or "false", got "${after}"`);
      // Let an open/close transition finish: wait (up to 3 s) for the links to match the state.
      await lib.poll(async () => (await navLinkVisible()) === (after === 'true'));
      const shown = await navLinkVisible();
      assert.equal(shown, after === 'true',
        `${rel}: at 320 px with aria-expanded="${after}" the sidebar's links are ${shown ? 'visible' : 'hidden'}`);
      const still = await page.evaluate((s) => document.activeElement === document.querySelector(s), sel);
      assert.ok(still, `${rel}: focus left the sidebar toggle after ${keyName} (now on ${await lib.describeFocus(page)})`);
    };
    await flip('Enter');
    await flip(' ');
  });
});

/** In the page: everything a theme switch can change, minus colours (compared separately). */
function themeSignature(sel) {
  const h = document.documentElement;
  const b = document.body;
  const btn = document.querySelector(sel);
  return JSON.stringify({
    html: [h.className, h.getAttribute('style'), { ...h.dataset }, getComputedStyle(h).colorScheme],
    body: [b.className, { ...b.dataset }],
    btn: btn && [btn.getAttribute('aria-pressed'), btn.getAttribute('aria-checked'), btn.getAttribute('aria-label'), btn.textContent.trim()],
  });
}

/** Press a key on the focused toggle and wait (up to 3 s) for the theme signature to change. */
async function pressAndWait(page, keyName, sel, before) {
  await page.keyboard.press(keyName);
  let now = before;
  await lib.poll(async () => {
    now = await page.evaluate(themeSignature, sel);
    return now !== before;
  });
  return now;
}

async function backgroundColor(page) {
  // Read until two readings agree (up to 2 s), in case the theme animates the change.
  let last = null;
  await lib.poll(async () => {
    const bg = await page.evaluate(() => {
      const b = getComputedStyle(document.body).backgroundColor;
      return b === 'rgba(0, 0, 0, 0)' ? getComputedStyle(document.documentElement).backgroundColor : b;
    });
    const same = bg === last;
    last = bg;
    return same;
  }, 2000);
  return last;
}

test('theme toggle: reachable by Tab, operable by Enter and Space, remembered across reload', async () => {
  const rel = lib.pick(env.found, 'page');
  await lib.withPage(env.browser, { colorScheme: 'light' }, async ({ page }) => {
    await lib.visit(page, env.server.at(rel));
    const button = lib.themeToggle(page);
    assert.ok(await button.count(), `${rel}: no button named like "theme", "dark", "light" or "colour scheme"`);
    await button.evaluate((b) => { b.dataset.testTheme = '1'; });
    const sel = '[data-test-theme="1"]';
    const presses = await lib.tabUntil(page, (s) => document.activeElement === document.querySelector(s), sel);
    assert.ok(presses > 0, `${rel}: the theme toggle was not reached within 60 Tab presses`);
    const focus = await settledFocusState(page);
    assert.ok(focus.visible, `${rel}: the focused theme toggle has no visible focus indicator (${focus.style})`);

    const states = [await page.evaluate(themeSignature, sel)];
    const colours = new Set([await backgroundColor(page)]);
    for (const keyName of ['Enter', ' ', 'Enter']) {
      const before = states[states.length - 1];
      const now = await pressAndWait(page, keyName, sel, before);
      assert.notEqual(now, before, `${rel}: pressing ${keyName === ' ' ? 'Space' : keyName} on the theme toggle changed nothing`);
      states.push(now);
      colours.add(await backgroundColor(page));
    }
    assert.ok(colours.size >= 2, `${rel}: cycling the theme toggle never changed the page background (${[...colours]})`);
    // Leave it on a choice other than the default, so the reload proves something.
    for (let i = 0; i < 3 && states[states.length - 1] === states[0]; i++) {
      states.push(await pressAndWait(page, 'Enter', sel, states[states.length - 1]));
    }
    const chosen = states[states.length - 1];
    assert.notEqual(chosen, states[0], `${rel}: the theme toggle never left its initial state`);
    const stored = await page.evaluate(() => Object.keys(localStorage).length);
    assert.ok(stored > 0, `${rel}: the theme choice was not written to localStorage`);
    await page.reload({ waitUntil: 'load' });
    await lib.themeToggle(page).evaluate((b) => { b.dataset.testTheme = '1'; });
    const afterReload = await page.evaluate(themeSignature, sel);
    assert.equal(afterReload, chosen, `${rel}: the theme choice was not restored after a reload`);
  });
});

test('focus is visible and on screen for every Tab stop of a content page', async () => {
  const rel = lib.pick(env.found, 'page');
  await lib.withPage(env.browser, {}, async ({ page }) => {
    await lib.visit(page, env.server.at(rel));
    const bad = [];
    const seen = new Set();
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return null;
        if (!el.dataset.testStop) el.dataset.testStop = String(document.querySelectorAll('[data-test-stop]').length);
        return el.dataset.testStop;
      });
      if (id === null || seen.has(id)) break; // wrapped around
      seen.add(id);
      const s = await settledFocusState(page);
      if (!s.visible || !s.onScreen) {
        bad.push(`${await lib.describeFocus(page)}: ${!s.visible ? `no focus indicator (${s.style})` : ''}${!s.onScreen ? ` off screen (${s.rect})` : ''}`);
      }
    }
    assert.ok(seen.size > 0, `${rel}: Tab never focused anything`);
    lib.assertNone(bad, `${rel}: ${bad.length} of ${seen.size} Tab stops without a visible focus`);
  });
});
