'use strict';
// The theme's scripts against tests/vectors/text.json, the cases the Rust side is held to by
// tests/vectors.rs (which also runs this file): search.js's tokeniser and stemmer, and
// exercise.js's answer grading. Loads the scripts in node (no browser, no built site needed);
// a missing or empty section fails the test.

const { describe, test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

const REPO = path.resolve(__dirname, '..', '..');
const JS = path.join(REPO, 'themes', 'default', 'static', 'js');
const vectors = JSON.parse(fs.readFileSync(path.join(REPO, 'tests', 'vectors', 'text.json'), 'utf8'));
const source = fs.readFileSync(path.join(JS, 'exercise.js'), 'utf8');
const search = require(path.join(JS, 'search.js'));

function loadExercises() {
  const window = { addEventListener() {} };
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
      assert.equal(api.parseNumber(c.text, c.unit, c.comma), c.expect, JSON.stringify(c));
    }
  });

  test('grading', () => {
    for (const c of cases('grade')) {
      const number = c.number
        ? { value: c.number.value, tolerance: c.number.tolerance, unit: c.number.unit, decimalComma: c.number.comma }
        : null;
      assert.equal(api.gradeShort(c.given, c.accept, number, c.typos), c.expect, JSON.stringify(c));
    }
  });
});
