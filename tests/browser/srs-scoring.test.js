'use strict';
// Unit tests of the SRS practice form's scoring and interpretation: the very script the pages
// load (themes/default/static/js/srs.js), run under Node. It exports its pure functions with
// module.exports and skips the page part when there is no document. Needs no browser and no
// built site, so it also runs on its own: `node --test tests/browser/srs-scoring.test.js`.

const { describe, test } = require('node:test');
const assert = require('node:assert/strict');

const themeSource = require('./theme-source');
const srs = themeSource.load('js/srs.js', themeSource.DEFAULT_VARS, themeSource.englishWindow());

// The default item set as the component writes it into data-srs-config.
const CFG = {
  cutoff: 36,
  itemCutoff: 9,
  max: 40,
  items: ['Relationship', 'Goals and topics', 'Approach or method', 'Overall'].map((label) => ({
    label,
    ask: `ASK ${label}`,
    prompt: `PROMPT ${label}`,
  })),
  messages: {
    below: 'Below the cutoff of {cutoff}.',
    at: 'At the cutoff of {cutoff}.',
    above: 'Above the cutoff of {cutoff}.',
    top: 'Every line at the top.',
    heuristic: 'Teaching heuristic',
    heuristicNote: '(not an official rule): below {item_cutoff}.',
  },
};
const RULES = srs.rulesOf(CFG);
const t = (...values) => values.map((v) => (v === null ? null : srs.tenths(v)));
const interpret = (...values) => srs.interpret(t(...values), RULES);

describe('srs scoring', () => {
  test('values are tenths, formatted with one decimal', () => {
    assert.equal(srs.tenths(9.2), 92);
    assert.equal(srs.tenths('35.9'), 359);
    assert.equal(srs.tenths(0.1 + 0.2), 3); // no floating-point drift
    assert.equal(srs.tenths(''), null);
    assert.equal(srs.fmt(92), '9.2');
    assert.equal(srs.fmt(360), '36.0');
    assert.equal(srs.fmt(0), '0.0');
    assert.deepEqual(RULES, { n: 4, cutoff: 360, itemCutoff: 90, max: 400, itemMax: 100 });
  });

  test('the total is the sum to one decimal, only when every item is rated', () => {
    assert.equal(srs.score(t(9.2, 6.1, 8.8, 9.0)).total, 331);
    assert.equal(srs.score(t(8.9, 8.9, 8.9, 9.2)).total, 359);
    const partial = srs.score(t(9.2, null, 8.8, 9.0));
    assert.equal(partial.complete, false);
    assert.equal(partial.total, null);
    assert.equal(partial.rated, 3);
    assert.equal(srs.score(t(10, 10, 10, 10)).total, 400);
    assert.equal(srs.score(t(0, 0, 0, 0)).total, 0);
  });

  test('unset is not zero', () => {
    const r = interpret(0, 0, 0, null);
    assert.equal(r.state, 'incomplete');
    assert.equal(r.total, null);
    assert.deepEqual(srs.explain(r, CFG), [], 'nothing is interpreted until every item is rated');
  });

  test('the lowest items, ties included', () => {
    assert.deepEqual(srs.score(t(9.2, 6.1, 8.8, 9.0)).lowest, [1]);
    assert.deepEqual(srs.score(t(7, 9, 7, 9.5)).lowest, [0, 2]);
  });
});

describe('srs interpretation boundaries', () => {
  test('35.9 is below the cutoff, with wording for the lowest item', () => {
    const r = interpret(9.0, 9.0, 8.9, 9.0);
    assert.equal(r.total, 359);
    assert.equal(r.state, 'below');
    const blocks = srs.explain(r, CFG);
    assert.deepEqual(blocks.map((b) => b.kind), ['verdict', 'ask', 'heuristic']);
    assert.equal(blocks[0].text, 'Below the cutoff of 36.');
    assert.deepEqual(blocks[1].items.map((i) => i.text), ['ASK Approach or method']);
    assert.match(blocks[1].label, /Approach or method/);
  });

  test('36.0 exactly is at the cutoff (a check-in), not below', () => {
    const r = interpret(9.0, 9.0, 9.0, 9.0);
    assert.equal(r.total, 360);
    assert.equal(r.state, 'at');
    assert.deepEqual(r.flagged, []);
    assert.deepEqual(srs.explain(r, CFG).map((b) => b.kind), ['verdict']);
    assert.equal(srs.explain(r, CFG)[0].text, 'At the cutoff of 36.');
  });

  test('36.0 reached with an item of 8.9 is at the cutoff and flags the item', () => {
    const r = interpret(9.1, 9.0, 8.9, 9.0);
    assert.equal(r.total, 360);
    assert.equal(r.state, 'at');
    assert.deepEqual(r.flagged, [2]);
  });

  test('an item of 8.9 gets a labelled teaching-heuristic prompt even with a high total', () => {
    const r = interpret(10, 10, 8.9, 10);
    assert.equal(r.state, 'above');
    assert.deepEqual(r.flagged, [2]);
    const h = srs.explain(r, CFG).find((b) => b.kind === 'heuristic');
    assert.equal(h.label, 'Teaching heuristic');
    assert.equal(h.text, '(not an official rule): below 9.');
    assert.deepEqual(h.items, [{ label: 'Approach or method', text: 'PROMPT Approach or method' }]);
  });

  test('an item of 9.0 is not flagged', () => {
    const r = interpret(10, 10, 9.0, 10);
    assert.deepEqual(r.flagged, []);
    assert.deepEqual(srs.explain(r, CFG).map((b) => b.kind), ['verdict']);
  });

  test('36.1 is above the cutoff: thank and invite one thing', () => {
    const r = interpret(9.1, 9.0, 9.0, 9.0);
    assert.equal(r.state, 'above');
    assert.equal(srs.explain(r, CFG)[0].text, 'Above the cutoff of 36.');
  });

  test('all 10s: above, with the note on top scores', () => {
    const r = interpret(10, 10, 10, 10);
    assert.equal(r.total, 400);
    assert.equal(r.state, 'above');
    assert.equal(r.top, true);
    assert.deepEqual(srs.explain(r, CFG).map((b) => b.kind), ['verdict', 'top']);
  });

  test('all 0s: below, every item lowest and flagged', () => {
    const r = interpret(0, 0, 0, 0);
    assert.equal(r.total, 0);
    assert.equal(r.state, 'below');
    assert.deepEqual(r.lowest, [0, 1, 2, 3]);
    assert.deepEqual(r.flagged, [0, 1, 2, 3]);
    assert.equal(r.top, false);
    const ask = srs.explain(r, CFG).find((b) => b.kind === 'ask');
    assert.equal(ask.items.length, 4);
    assert.match(ask.label, /lowest lines: Relationship, Goals and topics, Approach or method and Overall/);
  });

  test('configured cutoffs are used', () => {
    assert.equal(srs.interpret(t(10, 10, 5), srs.rulesOf({ ...CFG, cutoff: 25, max: 30, items: CFG.items.slice(0, 3) })).state, 'at');
    const cfg = { ...CFG, cutoff: 25, itemCutoff: 7.5, max: 30, items: CFG.items.slice(0, 3) };
    const rules = srs.rulesOf(cfg);
    assert.equal(srs.interpret(t(10, 10, 9.9), rules).state, 'above');
    assert.equal(srs.interpret(t(10, 10, 10), rules).top, true);
    assert.equal(srs.interpret(t(10, 10, 10), rules).state, 'above');
    assert.equal(srs.interpret(t(10, 10, 9.9), rules).flagged.length, 0);
    assert.equal(srs.interpret(t(10, 10, 7.4), rules).flagged.length, 1);
    assert.equal(srs.interpret(t(10, 10, 7.5), rules).flagged.length, 0);
    assert.equal(srs.explain(srs.interpret(t(1, 1, 1), rules), cfg)[0].text, 'Below the cutoff of 25.');
  });
});

describe('srs controls', () => {
  test('keys: arrows 0.1, Page Up/Down 1, Home/End the ends, Delete clears', () => {
    assert.equal(srs.stepKey(92, 'ArrowRight'), 93);
    assert.equal(srs.stepKey(92, 'ArrowUp'), 93);
    assert.equal(srs.stepKey(92, 'ArrowLeft'), 91);
    assert.equal(srs.stepKey(92, 'ArrowDown'), 91);
    assert.equal(srs.stepKey(92, 'PageUp'), 100);
    assert.equal(srs.stepKey(85, 'PageUp'), 95);
    assert.equal(srs.stepKey(5, 'PageDown'), 0);
    assert.equal(srs.stepKey(100, 'ArrowRight'), 100);
    assert.equal(srs.stepKey(0, 'ArrowLeft'), 0);
    assert.equal(srs.stepKey(42, 'Home'), 0);
    assert.equal(srs.stepKey(42, 'End'), 100);
    assert.equal(srs.stepKey(42, 'Delete'), null);
    assert.equal(srs.stepKey(42, 'a'), undefined);
    // from "not rated" the relative keys start at 0
    assert.equal(srs.stepKey(null, 'ArrowRight'), 1);
    assert.equal(srs.stepKey(null, 'ArrowLeft'), 0);
    assert.equal(srs.stepKey(null, 'PageUp'), 10);
    assert.equal(srs.stepKey(null, 'End'), 100);
  });

  test('a pointer position becomes tenths of the line, clamped', () => {
    assert.equal(srs.fromPointer(100, 100, 377.95), 0);
    assert.equal(srs.fromPointer(100 + 377.95 * 0.92, 100, 377.95), 92);
    assert.equal(srs.fromPointer(100 + 377.95, 100, 377.95), 100);
    assert.equal(srs.fromPointer(50, 100, 377.95), 0);
    assert.equal(srs.fromPointer(900, 100, 377.95), 100);
  });

  test('measurements accept a comma or a point and at most two decimals', () => {
    assert.equal(srs.parseMeasure('9.2'), 92);
    assert.equal(srs.parseMeasure(' 9,2 '), 92);
    assert.equal(srs.parseMeasure('10'), 100);
    assert.equal(srs.parseMeasure('.5'), 5);
    assert.equal(srs.parseMeasure('9.25'), 93);
    assert.equal(srs.parseMeasure(''), null);
    assert.ok(Number.isNaN(srs.parseMeasure('10.1')));
    assert.ok(Number.isNaN(srs.parseMeasure('abc')));
    assert.ok(Number.isNaN(srs.parseMeasure('-1')));
    assert.equal(srs.parseMeasure('33.1', 400), 331);
  });
});

describe('srs scenario checking', () => {
  const ratings = [92, 61, 88, 90];

  test('within 0.2 is right, 0.3 off is not', () => {
    const r = srs.checkScenario([94, 59, 88, 87], 331, ratings, 2);
    assert.deepEqual(r.items.map((i) => i.status), ['ok', 'ok', 'ok', 'off']);
    assert.equal(r.items[3].diff, -3);
    assert.equal(r.total.status, 'ok');
    assert.equal(r.right, false);
  });

  test('all right, with a total within 0.2', () => {
    const r = srs.checkScenario([92, 61, 88, 90], 332, ratings, 2);
    assert.equal(r.right, true);
  });

  test('a total that is the sum of good measurements counts as right', () => {
    const r = srs.checkScenario([94, 63, 90, 92], 339, ratings, 2);
    assert.equal(r.total.status, 'sum');
    assert.equal(r.right, true);
    const wrongSum = srs.checkScenario([94, 63, 90, 92], 345, ratings, 2);
    assert.equal(wrongSum.total.status, 'off');
    assert.equal(wrongSum.total.sum, 339);
  });

  test('empty and invalid entries are reported as such', () => {
    const r = srs.checkScenario([null, NaN, 88, 90], null, ratings, 2);
    assert.deepEqual(r.items.map((i) => i.status), ['empty', 'invalid', 'ok', 'ok']);
    assert.equal(r.total.status, 'empty');
    assert.equal(r.right, false);
  });
});

describe('srs log', () => {
  const entries = [
    { id: 'b', date: '2026-03-14', session: 2, label: 'second', values: [90, 90, 90, 90], saved: '2026-03-14T10:00:00Z' },
    { id: 'a', date: '2026-03-12', session: null, label: '=cmd, "quoted"', values: [92, 61, 88, 90], saved: '2026-03-12T10:00:00Z' },
  ];
  const labels = CFG.items.map((i) => i.label);

  test('CSV: header, entries by date, quoting and no spreadsheet formulas', () => {
    const csv = srs.toCsv(entries, labels);
    const lines = csv.trimEnd().split('\r\n');
    assert.equal(lines[0], 'Date,Session,Label,Relationship,Goals and topics,Approach or method,Overall,Total,Lowest item,Saved at');
    assert.equal(lines[1], `2026-03-12,,"'=cmd, ""quoted""",9.2,6.1,8.8,9.0,33.1,Goals and topics,2026-03-12T10:00:00Z`);
    assert.equal(lines[2], '2026-03-14,2,second,9.0,9.0,9.0,9.0,36.0,Relationship; Goals and topics; Approach or method; Overall,2026-03-14T10:00:00Z');
  });

  test('CSV in a decimal-comma language: ";" between fields, "9,2" unquoted', () => {
    const window = themeSource.englishWindow();
    Object.assign(window.HANDBOOK_I18N, { lang: 'de', decimal: ',', thousands: '.' });
    const comma = themeSource.load('js/srs.js', themeSource.DEFAULT_VARS, window);
    const lines = comma.toCsv(entries, labels).trimEnd().split('\r\n');
    assert.equal(lines[0], 'Date;Session;Label;Relationship;Goals and topics;Approach or method;Overall;Total;Lowest item;Saved at');
    assert.equal(lines[1], `2026-03-12;;"'=cmd, ""quoted""";9,2;6,1;8,8;9,0;33,1;Goals and topics;2026-03-12T10:00:00Z`);
    assert.equal(lines[2], '2026-03-14;2;second;9,0;9,0;9,0;9,0;36,0;"Relationship; Goals and topics; Approach or method; Overall";2026-03-14T10:00:00Z');
  });

  test('chart geometry: totals on the left scale, the cutoff line, lowest items on the right', () => {
    const m = srs.chartModel(entries, RULES, labels);
    assert.equal(m.points.length, 2);
    assert.equal(m.points[0].entry.id, 'a');
    assert.ok(m.points[0].x < m.points[1].x);
    const { y0, y1 } = m.plot;
    const yOf = (v, max) => y1 - (v / max) * (y1 - y0);
    assert.ok(Math.abs(m.cutoffY - yOf(360, 400)) < 1e-9);
    assert.ok(Math.abs(m.points[1].yTotal - m.cutoffY) < 1e-9, 'a total of 36 sits on the cutoff line');
    assert.ok(Math.abs(m.points[0].yLow - yOf(61, 100)) < 1e-9);
    assert.deepEqual(m.points[0].lowLabels, ['Goals and topics']);
  });

  test('stored state: schema version, unreadable and newer data', () => {
    assert.deepEqual(srs.readStored(null), { state: srs.emptyState(), problem: null, dropped: [] });
    assert.equal(srs.readStored('not json').problem, 'unreadable');
    assert.equal(srs.readStored('[1]').problem, 'unreadable');
    const newer = srs.readStored(JSON.stringify({ v: srs.VERSION + 1, logs: { default: [] } }));
    assert.equal(newer.problem, 'newer');
    const ok = srs.readStored(JSON.stringify({ v: srs.VERSION, logs: { default: [entries[0]] } }));
    assert.equal(ok.problem, null);
    assert.deepEqual(ok.state.drafts, {});
    assert.equal(ok.state.logs.default.length, 1);
  });

  test('dates are shown as day, month and year', () => {
    assert.equal(srs.formatDate('2026-03-12'), '12 Mar 2026');
    assert.equal(srs.formatDate('2026-03-12', true), '12 Mar');
    assert.equal(srs.today(new Date(2026, 0, 5)), '2026-01-05');
  });
});
