'use strict';
// The theme's interface-language helper (js/shared/i18n.js: t, formatNumber, plural choice by
// Intl.PluralRules) against tests/vectors/i18n.json, the cases the Rust side (src/i18n) is held
// to by tests/i18n.rs (which also runs this file). No browser, no built site needed.

const { describe, test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

const REPO = path.resolve(__dirname, '..', '..');
const vectors = JSON.parse(fs.readFileSync(path.join(REPO, 'tests', 'vectors', 'i18n.json'), 'utf8'));
const themeSource = require('./theme-source');

/** shared/i18n.js run in a function of its own with `window` (its HANDBOOK_I18N) given. */
function helper(data) {
  const window = { HANDBOOK_I18N: data };
  const body = themeSource.source('js/shared/i18n.js') +
    '\nreturn { t: t, formatNumber: formatNumber, pluralCategory: pluralCategory };';
  return new Function('window', body)(window);
}

function cases(name) {
  const list = vectors[name];
  assert.ok(Array.isArray(list) && list.length > 0, `no "${name}" cases in i18n.json`);
  return list;
}

describe('shared/i18n.js agrees with src/i18n (tests/vectors/i18n.json)', () => {
  test('plural categories', () => {
    const wrong = cases('plural').filter(([lang, n, want]) => helper({ lang }).pluralCategory(n) !== want)
      .map(([lang, n, want]) => `${lang} ${n}: ${helper({ lang }).pluralCategory(n)}, want ${want}`);
    assert.deepEqual(wrong, [], wrong.join('\n'));
  });

  test('number formats', () => {
    const wrong = cases('number').filter(([x, d, decimal, thousands, want]) =>
      helper({ decimal, thousands }).formatNumber(x, d) !== want)
      .map(([x, d, decimal, thousands, want]) =>
        `${x} (${d}, ${JSON.stringify(decimal)}): ${JSON.stringify(helper({ decimal, thousands }).formatNumber(x, d))}, want ${JSON.stringify(want)}`);
    assert.deepEqual(wrong, [], wrong.join('\n'));
  });
});

describe('t()', () => {
  const strings = {
    'search.results': { one: '{count} result', other: '{count} results' },
    'search.no_results': 'No results for “{query}”',
    'page.braces': '{{literal}} {name}',
  };
  const en = helper({ lang: 'en', decimal: '.', thousands: ',', strings });

  test('placeholders, plurals and literal braces', () => {
    assert.equal(en.t('search.results', { count: 1 }), '1 result');
    assert.equal(en.t('search.results', { count: 12345 }), '12,345 results');
    assert.equal(en.t('search.no_results', { query: 'alliance' }), 'No results for “alliance”');
    assert.equal(en.t('page.braces', { name: 'x' }), '{literal} x');
  });

  test('a missing key, form or parameter never throws', () => {
    assert.equal(en.t('no.such_key'), 'no.such_key');
    assert.equal(en.t('search.no_results'), 'No results for “{query}”');
    assert.equal(en.t('search.results'), '{count} results');
    assert.equal(helper(undefined).t('search.results', { count: 2 }), 'search.results');
    assert.equal(helper(undefined).formatNumber(2.5, 1), '2.5');
  });

  test('a category the catalogue lacks falls back to `other`', () => {
    const es = helper({ lang: 'es', decimal: ',', thousands: '.', strings: {
      'search.results': { one: '{count} resultado', other: '{count} resultados' },
    } });
    // CLDR says `many` for an exact million in Spanish; the catalogue has no such form.
    assert.equal(es.t('search.results', { count: 1000000 }), '1.000.000 resultados');
    assert.equal(es.t('search.results', { count: 1 }), '1 resultado');
    assert.equal(es.t('search.results', { count: 2.5 }), '2,5 resultados');
  });
});
