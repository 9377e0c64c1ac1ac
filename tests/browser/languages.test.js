'use strict';
// Every shipped interface language, end to end: for each catalogue in themes/default/i18n/
// (other than en.toml), `handbook new --language LANG` makes the starter in that language, the
// real binary builds it, and Chromium finds no English interface string on
//   - the self-check page, before and after pressing Check (unanswered, wrong, right, the
//     answer shown, an ordering moved, a reflection written),
//   - the practice form, with every line marked for a total below the cutoff, and saved,
//   - the search dialog: open, a query with results and one with none,
//   - the progress page (after the answers above), the home page, the assignment (its
//     checklist ticked by the work above), the 404 page and the printable handbook.
//
// "English interface string": any text of en.toml (each plural form; the fixed text between
// its placeholders, four letters or more) that the language's shipped catalogue does not also
// contain and that is not in the starter's own Markdown (content may quote English, e.g. a
// reference). A key the catalogue lacks falls back to English in the build, so its English
// text is looked for too. It is searched, case-sensitively and as whole words, in the visible
// text (innerText, which includes visually hidden text), the title, live regions and status
// messages, and the aria-label, aria-valuetext, title, placeholder and alt attributes; a
// build warning (an untranslated key) fails the language as well. A last test proves the
// search can fail: it puts English strings into a page and expects each to be found. Along
// the way: the total uses the language's decimal separator, the practice log's chart keeps
// its (longer) labels inside it, and axe finds no violation on the exercise and the form.

const { describe, test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const { spawnSync } = require('node:child_process');
const lib = require('./lib');

const I18N_DIR = path.join(lib.REPO, 'themes', 'default', 'i18n');
const LANGS = fs.readdirSync(I18N_DIR)
  .filter((f) => f.endsWith('.toml'))
  .map((f) => f.slice(0, -'.toml'.length))
  .filter((l) => l !== 'en')
  .sort();

// A word each starter's content has (so the search finds it) and one nothing has.
const FOUND = { de: 'Handbuch', es: 'manual', fr: 'manuel', nb: 'håndboken', nl: 'handboek', ar: 'الصفحة' };
const NOT_FOUND = 'zqxjvw';

const sites = {};
const ENGLISH = catalogue('en');

const env = lib.suite({
  site: null,
  setup: async (env) => {
    for (const lang of LANGS) {
      sites[lang] = await starterSite(env, lang);
      sites[lang].needles = needles(ENGLISH, catalogue(lang), sites[lang].sources);
    }
  },
});

/**
 * A shipped catalogue, themes/default/i18n/LANG.toml, as { 'section.key': text or plural
 * table }. The catalogues keep to a small part of TOML (tables of `key = "text"` and
 * `key = { one = "…", other = "…" }`, basic or literal strings, comments), which this reads.
 */
function catalogue(lang) {
  const text = fs.readFileSync(path.join(I18N_DIR, `${lang}.toml`), 'utf8');
  const out = {};
  let section = '';
  const string = /^\s*("(?:[^"\\]|\\.)*"|'[^']*')/;
  const read = (rest, where) => {
    const m = string.exec(rest);
    assert.ok(m, `${lang}.toml: a string was expected at ${where}: ${rest}`);
    const raw = m[1];
    const value = raw.startsWith("'") ? raw.slice(1, -1) : JSON.parse(raw.replace(/\\U([0-9a-fA-F]{8})/g,
      (_, h) => JSON.stringify(String.fromCodePoint(parseInt(h, 16))).slice(1, -1)));
    return [value, rest.slice(m[0].length)];
  };
  text.split('\n').forEach((line, i) => {
    const where = `line ${i + 1}`;
    const t = line.trim();
    if (!t || t.startsWith('#')) return;
    const table = /^\[([A-Za-z0-9_]+)\]/.exec(t);
    if (table) { section = table[1]; return; }
    const kv = /^([A-Za-z0-9_]+)\s*=\s*(.*)$/.exec(t);
    assert.ok(kv, `${lang}.toml: cannot read ${where}: ${t}`);
    let rest = kv[2];
    let value;
    if (rest.startsWith('{')) {
      value = {};
      rest = rest.slice(1);
      for (;;) {
        rest = rest.replace(/^[\s,]+/, '');
        if (rest.startsWith('}')) break;
        const cat = /^([a-z]+)\s*=/.exec(rest);
        assert.ok(cat, `${lang}.toml: a plural category was expected at ${where}`);
        [value[cat[1]], rest] = read(rest.slice(cat[0].length), where);
      }
    } else {
      [value] = read(rest, where);
    }
    out[`${section}.${kv[1]}`] = value;
  });
  return out;
}

/** `handbook new --language LANG`, built and served: { root, dir, warnings, server, sources }. */
async function starterSite(env, lang) {
  const root = path.join(env.tmp, `starter-${lang}`);
  const run = spawnSync(lib.handbookBin(), ['new', '--quiet', '--language', lang, root], { encoding: 'utf8' });
  assert.equal(run.status, 0, `handbook new --language ${lang} failed:\n${run.stdout}${run.stderr}`);
  const dir = path.join(env.tmp, `site-${lang}`);
  const warnings = lib.buildSite(root, dir, { args: ['--quiet'] });
  const script = fs.readFileSync(path.join(dir, 'i18n.js'), 'utf8');
  const sandbox = { window: {} };
  vm.runInNewContext(script, sandbox);
  assert.equal(sandbox.window.HANDBOOK_I18N && sandbox.window.HANDBOOK_I18N.lang, lang, `${lang}: i18n.js is for another language`);
  const sources = [];
  (function walk(d) {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (/\.(md|toml)$/.test(e.name)) sources.push(fs.readFileSync(full, 'utf8'));
    }
  })(root);
  return { root, dir, warnings, server: await env.serve(dir), sources: sources.join('\n') };
}

/** The forms of a catalogue value (a text, or a plural table's texts). */
function forms(value) {
  return typeof value === 'string' ? [value] : Object.values(value || {});
}

const letters = (s) => (s.match(/\p{L}/gu) || []).length;

/** Whether `hay` holds `piece` as whole words (case-sensitive). */
function holds(hay, piece) {
  const escaped = piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').test(hay);
}

/**
 * The English pieces that must not appear in a page of the language whose shipped catalogue is
 * `own`: [{ key, piece }]. A piece is the text of an English value between its placeholders,
 * trimmed of spaces and punctuation, of four letters or more. A piece the language's own
 * catalogue also has (an identical word such as "Navigation") or its starter's Markdown holds
 * is left out; a key missing from the catalogue leaves its English pieces in.
 */
function needles(english, own, sources) {
  const ownText = Object.values(own).flatMap(forms).join('\n');
  const keys = new Map();
  for (const [key, value] of Object.entries(english)) {
    if (key.startsWith('meta.')) continue;
    for (const text of forms(value)) {
      for (const raw of text.replace(/\{\{|\}\}/g, ' ').split(/\{[A-Za-z_][A-Za-z0-9_]*\}/)) {
        const piece = raw.replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, '');
        if (letters(piece) < 4 || holds(ownText, piece) || holds(sources, piece)) continue;
        if (!keys.has(piece)) keys.set(piece, []);
        if (!keys.get(piece).includes(key)) keys.get(piece).push(key);
      }
    }
  }
  return [...keys].map(([piece, of]) => ({ key: of.join(', '), piece }));
}

/** What a reader can see or hear on the page now: visible text, names, values, live regions. */
function readable(page) {
  return page.evaluate(() => {
    const parts = [`[title] ${document.title}`, document.body.innerText];
    const attrs = ['aria-label', 'aria-valuetext', 'aria-roledescription', 'aria-description', 'title', 'placeholder', 'alt'];
    for (const el of document.querySelectorAll(attrs.map((a) => `[${a}]`).join(','))) {
      for (const a of attrs) {
        const v = el.getAttribute(a);
        if (v) parts.push(`[${a}] ${v}`);
      }
    }
    for (const el of document.querySelectorAll('[aria-live], [role="status"], [role="alert"], [role="log"], output')) {
      parts.push(`[live] ${el.textContent}`);
    }
    return parts.join('\n');
  });
}

/** Records every needle found on the page under `stage`. */
async function scan(page, lang, stage, found) {
  const text = await readable(page);
  for (const { key, piece } of sites[lang].needles) {
    if (!holds(text, piece)) continue;
    const line = text.split('\n').find((l) => holds(l, piece)) || '';
    found.push(`${stage}: "${piece}" (${key}) in: ${line.trim().slice(0, 160)}`);
  }
}

/** Presses every visible button matching `selector` inside `scope`, one after another. */
async function pressAll(scope, selector) {
  const buttons = scope.locator(selector);
  for (let i = 0; i < await buttons.count(); i++) {
    const b = buttons.nth(i);
    if (await b.isVisible()) await b.click();
  }
}

/** The exercise: Check unanswered, a wrong answer, Show answer, then right answers. */
async function exercise(page, lang, found) {
  const url = sites[lang].server.at(await pagePath(lang, '<section class="exercise"'));
  await lib.visit(page, url);
  await page.locator('.question [data-action="check"]').first().waitFor({ state: 'visible' });
  await scan(page, lang, 'exercise before Check', found);

  await pressAll(page, '.question [data-action="check"]');
  await scan(page, lang, 'exercise, Check with nothing answered', found);

  const questions = page.locator('.question');
  for (let i = 0; i < await questions.count(); i++) {
    const q = questions.nth(i);
    const type = await q.getAttribute('data-type');
    const answer = await q.getAttribute('data-answer');
    if (type === 'single' || type === 'truefalse') {
      await q.locator(`input:not([value="${answer}"])`).first().check();
      await q.locator('[data-action="check"]').click();
    } else if (type === 'ordering') {
      await pressAll(q, '[data-action="retry"]');
      const move = q.locator('[data-move]:not([aria-disabled="true"])');
      if (await move.count()) await move.first().click();
      await q.locator('[data-action="check"]').click();
    } else if (type === 'reflection') {
      await q.locator('textarea').fill('— 2026 —');
    }
  }
  assert.ok(await lib.poll(async () => (await page.locator('.question [data-feedback]:not(:empty)').count()) > 0),
    `${lang}: no feedback after Check`);
  await scan(page, lang, 'exercise after wrong answers', found);

  await pressAll(page, '.question [data-action="reveal"]');
  await scan(page, lang, 'exercise with the answers shown', found);

  await pressAll(page, '.question [data-action="retry"]');
  for (let i = 0; i < await questions.count(); i++) {
    const q = questions.nth(i);
    const type = await q.getAttribute('data-type');
    const answer = await q.getAttribute('data-answer');
    if ((type === 'single' || type === 'truefalse') && await q.locator('[data-action="check"]').isVisible()) {
      await q.locator(`input[value="${answer}"]`).check();
      await q.locator('[data-action="check"]').click();
    }
  }
  await scan(page, lang, 'exercise after right answers', found);
  lib.assertNoViolations(await lib.axe(page), `${lang}: the exercise page after Check`);
}

/** The practice form: every line marked (8.9 each: 35.6, below the cutoff), then saved. */
async function practiceForm(page, lang, found) {
  await lib.visit(page, sites[lang].server.at(await pagePath(lang, 'data-srs="practice"')));
  const sliders = page.locator('.srs-practice [role="slider"]');
  await sliders.first().waitFor({ state: 'visible' });
  await scan(page, lang, 'practice form, empty', found);
  for (let i = 0; i < await sliders.count(); i++) {
    await sliders.nth(i).focus();
    for (const key of ['End', 'PageDown', 'ArrowDown']) await page.keyboard.press(key);
  }
  assert.ok(await lib.poll(async () => (await page.locator('.srs-practice .srs-interpretation').textContent()).trim() !== ''),
    `${lang}: no interpretation with every line marked`);
  const total = (await page.locator('.srs-practice .srs-total').textContent()).trim();
  // 8.9 on each line: 35.6, written with the language's decimal separator.
  assert.equal(total, `35${catalogue(lang)['meta.decimal_separator']}6`, `${lang}: the total`);
  await scan(page, lang, 'practice form, total below the cutoff', found);
  await page.locator('.srs-practice [data-srs-action="save"]').click();
  assert.ok(await lib.poll(async () => (await page.locator('.srs-practice .srs-save-status').textContent()).trim() !== ''),
    `${lang}: no status after Save`);
  await scan(page, lang, 'practice form, saved', found);

  // A second entry draws the log's chart: its labels, in this language, stay inside it.
  await page.locator('.srs-practice [data-srs-field="date"]').fill('2026-11-01');
  await page.locator('.srs-practice [data-srs-action="save"]').click();
  assert.ok(await lib.poll(async () => (await page.locator('.srs-chart-svg circle').count()) >= 2),
    `${lang}: no chart after two entries`);
  const outside = await lib.chartLabelsOutside(page);
  assert.deepEqual(outside, [], `${lang}: chart labels outside the chart`);
  await scan(page, lang, 'practice form, chart of two entries', found);
  lib.assertNoViolations(await lib.axe(page), `${lang}: the practice form with its log`);
}

/** The search dialog: open, a query with results, one without. */
async function search(page, lang, found) {
  await lib.visit(page, sites[lang].server.at('index.html'));
  const open = page.locator('[data-search-open]');
  await open.waitFor({ state: 'visible' });
  await open.click();
  const dialog = page.getByRole('dialog');
  const box = dialog.locator('input');
  await box.waitFor({ state: 'visible' });
  await scan(page, lang, 'search dialog, open', found);

  await box.fill(FOUND[lang] || 'handbook');
  assert.ok(await lib.poll(async () => (await dialog.locator('li a').count()) > 0, 10_000),
    `${lang}: no results for "${FOUND[lang]}"`);
  await scan(page, lang, `search for "${FOUND[lang]}" (results)`, found);

  await box.fill(NOT_FOUND);
  const status = dialog.getByRole('status');
  assert.ok(await lib.poll(async () => (await dialog.locator('li a').count()) === 0 &&
    (await status.textContent()).includes(NOT_FOUND), 10_000), `${lang}: no "no results" status`);
  await scan(page, lang, `search for "${NOT_FOUND}" (no results)`, found);
  await page.keyboard.press('Escape');
}

/** The site-relative path of the one page whose HTML contains `marker`. */
async function pagePath(lang, marker) {
  const dir = sites[lang].dir;
  const hits = [];
  (function walk(d) {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith('.html') && e.name !== 'print.html' && fs.readFileSync(full, 'utf8').includes(marker)) {
        hits.push(path.relative(dir, full).split(path.sep).join('/'));
      }
    }
  })(dir);
  assert.equal(hits.length, 1, `${lang}: pages with ${marker}: ${hits}`);
  return hits[0];
}

describe('every shipped language: no English interface string', () => {
  test('there are languages to test, each with a starter', () => {
    assert.ok(LANGS.length >= 5, `shipped catalogues: ${LANGS}`);
  });

  for (const lang of LANGS) {
    test(`${lang}: exercise, practice form, search, progress, home, assignment, 404, print`, async () => {
      // Most English texts must be searchable (not also in the language's catalogue or content).
      const keys = Object.keys(ENGLISH).filter((k) => !k.startsWith('meta.')).length;
      assert.ok(sites[lang].needles.length >= keys * 0.6,
        `${lang}: only ${sites[lang].needles.length} English pieces to look for, for ${keys} keys`);
      const found = [];
      if (sites[lang].warnings.trim()) found.push(`the build warns: ${sites[lang].warnings.trim()}`);
      await lib.withPage(env.browser, {}, async ({ page }) => {
        await exercise(page, lang, found);
        await practiceForm(page, lang, found);
        await search(page, lang, found);
        await lib.visit(page, sites[lang].server.at('progress.html'));
        await page.waitForLoadState('load');
        await scan(page, lang, 'progress page', found);
        await lib.visit(page, sites[lang].server.at('index.html'));
        await scan(page, lang, 'home page', found);
        await lib.visit(page, sites[lang].server.at(await pagePath(lang, 'data-assignment="')));
        await scan(page, lang, 'assignment page', found);
        await lib.visit(page, sites[lang].server.at('404.html'));
        await scan(page, lang, '404 page', found);
        await lib.visit(page, sites[lang].server.at('print.html'));
        await scan(page, lang, 'printable handbook', found);
      });
      lib.assertNone(found, `${lang}: English interface strings`);
    });
  }

  test('the search for English strings finds them (it can fail)', async () => {
    const lang = LANGS[0];
    const planted = sites[lang].needles.filter((n, i) => i % 7 === 0).slice(0, 6);
    assert.ok(planted.length >= 3);
    await lib.withPage(env.browser, {}, async ({ page }) => {
      await lib.visit(page, sites[lang].server.at('index.html'));
      await page.evaluate((pieces) => {
        const [a, b, c, ...rest] = pieces;
        const main = document.querySelector('main') || document.body;
        const p = document.createElement('p');
        p.textContent = `${a} 12`;
        main.appendChild(p);
        const button = document.createElement('button');
        button.setAttribute('aria-label', b);
        button.textContent = '×';
        main.appendChild(button);
        const live = document.createElement('p');
        live.className = 'visually-hidden';
        live.setAttribute('role', 'status');
        live.textContent = c;
        main.appendChild(live);
        for (const r of rest) {
          const i = document.createElement('input');
          i.setAttribute('placeholder', r);
          main.appendChild(i);
        }
      }, planted.map((n) => n.piece));
      const found = [];
      await scan(page, lang, 'planted', found);
      for (const { piece } of planted) {
        assert.ok(found.some((f) => f.includes(`"${piece}"`)), `"${piece}" was planted but not found:\n${found.join('\n')}`);
      }
    });
  });
});
