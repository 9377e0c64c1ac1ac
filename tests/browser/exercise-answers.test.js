'use strict';
// The answer grading of exercise.js against tests/vectors/answers.json, the cases
// src/components/exercise/answers.rs is held to by tests/assessment.rs: both implementations
// must agree. Loads the theme script in a bare VM context (no browser needed); a missing or
// empty vector file fails the test.

const { describe, test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

const REPO = path.resolve(__dirname, '..', '..');
const vectors = JSON.parse(fs.readFileSync(path.join(REPO, 'tests', 'vectors', 'answers.json'), 'utf8'));
const source = fs.readFileSync(path.join(REPO, 'themes', 'default', 'static', 'js', 'exercise.js'), 'utf8');

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
  assert.ok(Array.isArray(list) && list.length > 0, `no "${name}" cases in answers.json`);
  return list;
}

describe('answer grading agrees with the Rust engine (tests/vectors/answers.json)', () => {
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
