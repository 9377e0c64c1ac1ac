'use strict';
// Unit tests of the SCORM suspend-data encoding (themes/default/scorm/suspend.js), run in node
// (no browser): exact round trips, and the limits: 4,096 characters for SCORM 1.2 (dropping
// the least important parts first, answers last) and 64,000 for SCORM 2004.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

const SOURCE = fs.readFileSync(path.join(__dirname, '..', '..', 'themes', 'default', 'scorm', 'suspend.js'), 'utf8');

/** The codec, run in its own context as in a browser; results are copied into this realm
 *  (JSON) so that assert's deep equality compares values, not the other realm's prototypes. */
function codec() {
  const window = {};
  vm.runInNewContext(SOURCE, { window });
  const inner = window.handbook.scormSuspend;
  const copy = (v) => (v === null || v === undefined ? v : JSON.parse(JSON.stringify(v)));
  return {
    LIMIT_12: inner.LIMIT_12,
    LIMIT_2004: inner.LIMIT_2004,
    encode: (data, limit, questions) => copy(inner.encode(data, limit, questions)),
    decode: (text, questions) => copy(inner.decode(text, questions)),
  };
}

const S = codec();
const OPTIONS = { ex1: { q1: { type: 'single', options: ['oa', 'ob', 'oc'] }, q2: { type: 'ordering' }, q3: { type: 'short' }, q4: { type: 'reflection' }, q5: { type: 'truefalse' } } };
const questions = (ex, q) => (OPTIONS[ex] && OPTIONS[ex][q]) || null;
const T = '2026-11-25T09:10:00.000Z';

function sample() {
  return {
    progress: {
      schema: 1,
      learner: 'Sam Rivera',
      reading: { 'a/b.html': { read: T, sections: { tasks: T } }, 'c.html': { sections: { x: T } } },
      exercises: {
        ex1: {
          updated: T,
          questions: {
            q1: { type: 'single', status: 'correct', response: ['ob'], attempts: 2, first: 'incorrect', updated: T, fp: 'abcd1234' },
            q2: { type: 'ordering', status: 'incorrect', response: ['2', '1', '3'], attempts: 1, first: 'incorrect', updated: T, fp: 'ffff0000' },
            q3: { type: 'short', status: 'correct', response: 'Paris', attempts: 1, first: 'correct', updated: T, fp: '01234567' },
            q4: { type: 'reflection', status: 'written', response: 'I learnt a lot.', first: 'written', updated: T, modelShown: true },
            q5: { type: 'truefalse', status: 'revealed', revealed: true, first: 'revealed', updated: T, fp: '99999999' },
          },
        },
      },
    },
    practice: {
      v: 1,
      logs: { default: [{ set: 'default', id: 'e1', date: '2026-11-24', values: [92, 61, null, 90], saved: T }] },
      scenarios: { 'srs/s.html#a': { measures: ['9.1'], t: T } },
      drafts: { 'srs/p.html#f': { values: [50, null], date: '2026-11-26' } },
    },
  };
}

test('suspend data: a full state survives the round trip', () => {
  const data = sample();
  const { text, dropped } = S.encode(data, S.LIMIT_12, questions);
  assert.deepEqual(dropped, []);
  assert.ok(text.length < 600, `compact: ${text.length} characters: ${text}`);
  assert.ok(!text.includes('"ob"'), 'a choice is stored as its authored number, not its id');
  const back = S.decode(text, questions);
  const q = back.progress.exercises.ex1.questions;
  assert.deepEqual(q.q1, { status: 'correct', type: 'single', response: ['ob'], attempts: 2, updated: T, fp: 'abcd1234', first: 'incorrect' });
  assert.deepEqual(q.q2.response, ['2', '1', '3']);
  assert.equal(q.q3.response, 'Paris');
  assert.equal(q.q4.response, 'I learnt a lot.');
  assert.equal(q.q4.modelShown, true);
  assert.equal(q.q5.status, 'revealed');
  assert.equal(q.q5.revealed, true);
  assert.equal(back.progress.learner, 'Sam Rivera');
  assert.equal(back.progress.exercises.ex1.updated, T);
  assert.deepEqual(back.progress.reading['a/b.html'], { read: T, sections: { tasks: T } });
  assert.deepEqual(back.progress.reading['c.html'], { sections: { x: T } });
  assert.deepEqual(back.practice.logs, data.practice.logs);
  assert.deepEqual(back.practice.scenarios, data.practice.scenarios);
  assert.deepEqual(back.practice.drafts, data.practice.drafts);
});

test('suspend data: without the option ids, choices keep their ids', () => {
  const { text } = S.encode(sample(), S.LIMIT_12, () => null);
  const back = S.decode(text, () => null);
  assert.deepEqual(back.progress.exercises.ex1.questions.q1.response, ['ob']);
});

test('suspend data: what is not ours decodes to null', () => {
  for (const bad of ['', 'not json', '[]', '{"v":2}', 'null', '{"a":1}']) {
    assert.equal(S.decode(bad, questions), null, bad);
  }
});

/** A state with `n` answered questions, a long reflection each tenth, reading marks and practice. */
function big(n, { pages = 60, entries = 40 } = {}) {
  const exercises = {};
  const opts = {};
  for (let i = 0; i < n; i++) {
    const ex = `exercise-${Math.floor(i / 5)}`;
    const q = `q${i % 5}`;
    exercises[ex] = exercises[ex] || { questions: {} };
    opts[ex] = opts[ex] || {};
    const updated = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
    if (i % 10 === 9) {
      opts[ex][q] = { type: 'reflection' };
      exercises[ex].questions[q] = { status: 'written', response: 'x'.repeat(300), updated, first: 'written' };
    } else {
      opts[ex][q] = { type: 'single', options: ['o1', 'o2', 'o3', 'o4'] };
      exercises[ex].questions[q] = { status: i % 3 ? 'correct' : 'incorrect', response: ['o2'], attempts: 1, updated, fp: 'abcdef12', first: 'correct' };
    }
  }
  const reading = {};
  for (let p = 0; p < pages; p++) reading[`chapter-${p}/page-${p}.html`] = { read: T, sections: { one: T, two: T, three: T } };
  const log = [];
  for (let e = 0; e < entries; e++) log.push({ set: 'default', id: `e${e}`, date: '2026-11-24', values: [92, 61, 88, 90], saved: T });
  return {
    data: { progress: { schema: 1, learner: 'A learner', reading, exercises }, practice: { v: 1, logs: { default: log }, scenarios: { s: { t: T } }, drafts: { d: { values: [1] } } } },
    questions: (ex, q) => (opts[ex] && opts[ex][q]) || null,
  };
}

function answers(decoded) {
  let n = 0;
  for (const ex of Object.values(decoded.progress.exercises)) n += Object.keys(ex.questions).length;
  return n;
}

test('suspend data: SCORM 1.2 (4,096 characters) drops the least important parts first and keeps every answer', () => {
  const { data, questions: qs } = big(60);
  const full = S.encode(data, S.LIMIT_2004, qs);
  assert.ok(full.text.length > S.LIMIT_12, `the test state must not fit 1.2 whole (${full.text.length})`);
  assert.deepEqual(full.dropped, []);
  const small = S.encode(data, S.LIMIT_12, qs);
  assert.ok(small.text.length <= S.LIMIT_12, `${small.text.length} characters`);
  assert.deepEqual(small.dropped.slice(0, 3), ['practice-form drafts', 'practice-scenario answers', 'section reading marks']);
  assert.ok(!small.dropped.some((d) => /oldest answer/.test(d)), `no answer may be dropped: ${small.dropped}`);
  const back = S.decode(small.text, qs);
  assert.equal(answers(back), 60, 'every answer and its result is kept');
  assert.equal(back.progress.exercises['exercise-0'].questions.q1.status, 'correct');
  assert.deepEqual(back.progress.exercises['exercise-0'].questions.q1.response, ['o2']);
});

test('suspend data: exactly at the limit nothing is dropped; one character over, something is', () => {
  const { data, questions: qs } = big(20, { pages: 5, entries: 3 });
  const full = S.encode(data, S.LIMIT_2004, qs).text;
  assert.deepEqual(S.encode(data, full.length, qs).dropped, []);
  assert.equal(S.encode(data, full.length, qs).text, full);
  const over = S.encode(data, full.length - 1, qs);
  assert.deepEqual(over.dropped, ['practice-form drafts']);
  assert.ok(over.text.length <= full.length - 1);
});

test('suspend data: when answers alone do not fit, the oldest go and the newest stay', () => {
  const { data, questions: qs } = big(400, { pages: 0, entries: 0 });
  const r = S.encode(data, S.LIMIT_12, qs);
  assert.ok(r.text.length <= S.LIMIT_12, `${r.text.length}`);
  assert.match(r.dropped[r.dropped.length - 1], /^\d+ oldest answers$/);
  const back = S.decode(r.text, qs);
  assert.ok(answers(back) > 100, `${answers(back)} answers kept`);
  assert.ok(back.progress.exercises['exercise-79'], 'the newest answers are kept');
  assert.ok(!back.progress.exercises['exercise-0'], 'the oldest answers went first');
});

test('suspend data: SCORM 2004 (64,000 characters) keeps a large state whole', () => {
  const { data, questions: qs } = big(300, { pages: 90, entries: 100 });
  const r = S.encode(data, S.LIMIT_2004, qs);
  assert.deepEqual(r.dropped, []);
  assert.ok(r.text.length > S.LIMIT_12 && r.text.length <= S.LIMIT_2004, `${r.text.length}`);
  const back = S.decode(r.text, qs);
  assert.equal(answers(back), 300);
  assert.equal(Object.keys(back.progress.reading).length, 90);
  assert.equal(back.practice.logs.default.length, 100);
});
