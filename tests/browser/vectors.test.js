'use strict';
// The theme's scripts against tests/vectors/text.json, the cases the Rust side is held to by
// tests/vectors.rs (which also runs this file): search.js's tokeniser and stemmer, and
// exercise.js's answer grading. Loads the scripts in node as the build writes them
// (theme-source.js expands their includes; no browser, no built site needed);
// a missing or empty section fails the test.

const { describe, test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

const REPO = path.resolve(__dirname, '..', '..');
const vectors = JSON.parse(fs.readFileSync(path.join(REPO, 'tests', 'vectors', 'text.json'), 'utf8'));
const themeSource = require('./theme-source');
const source = themeSource.source('js/exercise.js');
const search = themeSource.load('js/search.js');
const searchVectors = JSON.parse(fs.readFileSync(path.join(REPO, 'tests', 'vectors', 'search.json'), 'utf8'));
const STEMMERS = path.join(REPO, 'themes', 'default', 'static', 'js', 'search', 'stemmers');

const window = { addEventListener() {} };

// The interface strings a build gives the scripts (i18n.js) for `lang`, as far as the number
// words go: the shipped catalogue's exercise.approx_words and exercise.percent_words, followed
// by English's (the rule of Catalog::merge, WORD_LISTS, in src/i18n/mod.rs).
const I18N_DIR = path.join(REPO, 'themes', 'default', 'i18n');
function catalogueWords(lang) {
  const text = fs.readFileSync(path.join(I18N_DIR, lang + '.toml'), 'utf8');
  const section = text.split(/^\[exercise\]$/m)[1];
  assert.ok(section, `${lang}.toml has an [exercise] section`);
  const words = {};
  for (const key of ['approx_words', 'percent_words']) {
    const m = section.split(/^\[/m)[0].match(new RegExp('^' + key + ' = (".*")$', 'm'));
    assert.ok(m, `${lang}.toml has exercise.${key}`);
    words['exercise.' + key] = JSON.parse(m[1]);
  }
  return words;
}
function i18nFor(lang) {
  const en = catalogueWords('en');
  const own = catalogueWords(lang);
  const strings = {};
  for (const key of Object.keys(en)) {
    strings[key] = own[key] === en[key] ? en[key] : own[key] + ', ' + en[key];
  }
  return { lang, strings };
}

function loadExercises() {
  const document = { readyState: 'loading', addEventListener() {} };
  window.window = window;
  vm.runInNewContext(source, { window, document, CustomEvent: function () {} }, { filename: 'exercise.js' });
  assert.ok(window.handbook && window.handbook.exercises, 'exercise.js defines window.handbook.exercises');
  return window.handbook.exercises;
}

const api = loadExercises();

function cases(name) {
  const list = vectors[name];
  assert.ok(Array.isArray(list) && list.length > 0, `no "${name}" cases in text.json`);
  return list;
}

describe('search.js agrees with src/search.rs and rust-stemmers (tests/vectors/text.json)', () => {
  test('tokenize', () => {
    for (const [input, want] of cases('tokenize')) {
      assert.deepEqual(search.tokenize(input), want, `tokenize(${JSON.stringify(input)})`);
    }
  });

  test('stem', () => {
    const wrong = cases('stem')
      .filter(([word, want]) => search.stem(word) !== want)
      .map(([word, want]) => `stem(${JSON.stringify(word)}): ${JSON.stringify(search.stem(word))}, want ${JSON.stringify(want)}`);
    assert.deepEqual(wrong, [], wrong.join('\n'));
  });
});

// search.js as built for a language whose stemmer is `name` (js/search/stemmers/NAME.js).
const built = {};
function searchFor(name) {
  if (!built[name]) built[name] = themeSource.load('js/search.js', { stemmer: name });
  return built[name];
}

function list(name) {
  const l = searchVectors[name];
  assert.ok(Array.isArray(l) && l.length > 0, `no "${name}" cases in search.json`);
  return l;
}

describe('search.js agrees with the index per language (tests/vectors/search.json)', () => {
  test('every stemmer in the theme has cases, and each stems them as rust-stemmers does', () => {
    const names = Object.keys(searchVectors.stems || {});
    const shipped = fs.readdirSync(STEMMERS).filter((f) => f.endsWith('.js') && f !== 'none.js' && f !== 'snowball-base.js');
    for (const file of shipped) {
      assert.ok(names.includes(file.slice(0, -3)), `no "${file.slice(0, -3)}" stems in search.json for stemmers/${file}`);
    }
    const wrong = [];
    for (const name of names) {
      assert.ok(fs.existsSync(path.join(STEMMERS, name + '.js')), `no stemmer part ${name}.js`);
      const s = searchFor(name);
      for (const [word, want] of searchVectors.stems[name]) {
        const got = s.stem(word);
        if (got !== want) wrong.push(`${name} stem(${JSON.stringify(word)}): ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
      }
    }
    assert.deepEqual(wrong, [], wrong.join('\n'));
  });

  test('a language without a stemmer keeps its words', () => {
    assert.equal(searchFor('none').stem('चिकित्सकों'), 'चिकित्सकों');
    assert.equal(searchFor('none').stem('running'), 'running');
  });

  test('fold', () => {
    for (const [word, want] of list('fold')) {
      assert.equal(search.fold(word), want, `fold(${JSON.stringify(word)})`);
    }
  });

  test('tokenize (CJK bigrams, any script)', () => {
    for (const [input, want] of list('tokenize')) {
      assert.deepEqual(search.tokenize(input), want, `tokenize(${JSON.stringify(input)})`);
    }
  });

  test('index terms of a text, per language', () => {
    for (const c of list('terms')) {
      const s = searchFor(c.stemmer);
      const got = s.tokenize(c.text).flatMap((w) => s.termsOf(w));
      assert.deepEqual(got, c.terms, `${c.language}: ${c.text}`);
    }
  });
});

describe('answer grading agrees with the Rust engine (tests/vectors/text.json)', () => {
  test('normalize', () => {
    for (const [input, want] of cases('normalize')) {
      assert.equal(api.normalize(input), want, `normalize(${JSON.stringify(input)})`);
    }
  });

  test('text matches (typos, diacritics)', () => {
    for (const c of cases('matches')) {
      assert.equal(api.textMatches(c.given, c.accepted, c.typos), c.expect, JSON.stringify(c));
    }
  });

  test('numbers', () => {
    for (const c of cases('numbers')) {
      window.HANDBOOK_I18N = i18nFor(c.language || 'en');
      assert.equal(api.parseNumber(c.text, c.unit, c.comma), c.expect, JSON.stringify(c));
    }
  });

  test('grading', () => {
    for (const c of cases('grade')) {
      window.HANDBOOK_I18N = i18nFor(c.language || 'en');
      const number = c.number
        ? { value: c.number.value, tolerance: c.number.tolerance, unit: c.number.unit, decimalComma: c.number.comma }
        : null;
      assert.equal(api.gradeShort(c.given, c.accept, number, c.typos), c.expect, JSON.stringify(c));
    }
  });
});
