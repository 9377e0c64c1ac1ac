/*
 * handbook default theme: srs.js (classic script, loaded with defer on pages with an `srs` block)
 *
 * The practice form for an alliance scale of 10 cm visual-analog lines (by default the four SRS
 * dimensions in the handbook's own words) and its scenarios. Everything the page needs comes
 * from the component's HTML: each form is a [data-srs] element whose data-srs-config holds the
 * item set (labels, anchors, cutoffs, texts) as JSON.
 *
 * Practice form ([data-srs="practice"]):
 * - each line becomes a slider (role=slider, aria-valuenow 0-10 in steps of 0.1, aria-valuetext;
 *   no aria-valuenow and the text "not rated" while unset): click or tap, drag, or keys (arrows
 *   0.1, Page Up/Down 1, Home/End the ends, Delete/Backspace clears);
 * - the total (an <output> named "Total") and the interpretation (a status region) update live;
 *   nothing is interpreted until every item is rated;
 * - Save keeps an entry (date, optional session number and label) in the practice log, shown as
 *   a table and an inline SVG chart (totals, the cutoff, the lowest item of each entry), with
 *   delete (one, all; both undoable), CSV export;
 * - the form's state is saved as a draft on every change, so a reload loses nothing;
 * - "Print blank form" prints only the empty form (srs.css has the print rules).
 * Scenario ([data-srs="scenario"]): the learner enters measurements of the client's marks and
 * the total, and is told which are within the tolerance (0.2); a ruler can be shown; entries are
 * kept. The scenario's question is the exercise engine's (exercise.js), not this script's.
 *
 * Storage: one key per handbook, window.handbook.storageKey("srs") ("handbook:<id>:srs", from
 * theme.js), holding { v: 1, logs: { <item set>: [entry] }, drafts: { <page#form>: {...} },
 * scenarios: { <page#id>: {...} } }; entry = { id, date, session, label, values, labels, saved }.
 * Damaged parts (an entry that is null or has no list of values, a log that is not a list) are
 * left out one by one with a console warning, and the stored text is copied to "<key>:backup"
 * before it is next written. When the browser refuses to store, the page says so (here and
 * through progress-store.js's alert) and keeps the data for this page view.
 * Nothing is ever sent anywhere.
 *
 * The scoring and interpretation are pure functions (module.exports under Node, and
 * window.handbook.srs in the page) so they are unit-tested on their own.
 * No inline script or style is needed (a strict CSP works); no libraries; no external requests.
 */
(function () {
  "use strict";

  var VERSION = 1;
  var SVG_NS = "http://www.w3.org/2000/svg";
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

  /* ================================================================ pure logic */

  /** A number of points (9.2) as integer tenths (92); null when not a finite number. */
  function tenths(v) {
    if (v === null || v === undefined || v === "") {
      return null;
    }
    var n = Number(v);
    return isFinite(n) ? Math.round(n * 10) : null;
  }

  /** Tenths (92) as text with one decimal ("9.2"). */
  function fmt(t) {
    var neg = t < 0;
    var a = Math.abs(t);
    return (neg ? "-" : "") + Math.floor(a / 10) + "." + (a % 10);
  }

  /** The rules of a form's config in tenths: { cutoff, itemCutoff, max, n }. */
  function rulesOf(cfg) {
    var n = cfg.items ? cfg.items.length : 4;
    return {
      n: n,
      cutoff: tenths(cfg.cutoff === undefined ? 36 : cfg.cutoff),
      itemCutoff: tenths(cfg.itemCutoff === undefined ? 9 : cfg.itemCutoff),
      max: tenths(cfg.max === undefined ? n * 10 : cfg.max),
      itemMax: 100
    };
  }

  function isRated(v) {
    return typeof v === "number" && isFinite(v);
  }

  function clamp(t, lo, hi) {
    return Math.max(lo, Math.min(hi, t));
  }

  /**
   * Scores item values given in tenths (null = not rated).
   * Returns { rated, complete, total (tenths or null), lowest: [indexes], min }.
   */
  function score(values) {
    var rated = 0;
    var total = 0;
    var min = null;
    for (var i = 0; i < values.length; i++) {
      if (isRated(values[i])) {
        rated++;
        total += values[i];
        min = min === null ? values[i] : Math.min(min, values[i]);
      }
    }
    var complete = values.length > 0 && rated === values.length;
    var lowest = [];
    if (complete) {
      for (var j = 0; j < values.length; j++) {
        if (values[j] === min) {
          lowest.push(j);
        }
      }
    }
    return { rated: rated, complete: complete, total: complete ? total : null, lowest: lowest, min: min };
  }

  /**
   * The interpretation of item values (tenths) under `rules` (tenths, see rulesOf):
   * { state: "incomplete" | "below" | "at" | "above", total, lowest: [i], flagged: [i], top }.
   * below: total < cutoff; at: total == cutoff; above: total > cutoff. flagged: items below the
   * item cutoff (a teaching heuristic). top: every item at the end of its line.
   */
  function interpret(values, rules) {
    var s = score(values);
    if (!s.complete) {
      return { state: "incomplete", total: null, lowest: [], flagged: [], top: false, rated: s.rated };
    }
    var state = s.total < rules.cutoff ? "below" : s.total === rules.cutoff ? "at" : "above";
    var flagged = [];
    var top = true;
    for (var i = 0; i < values.length; i++) {
      if (values[i] < rules.itemCutoff) {
        flagged.push(i);
      }
      if (values[i] < rules.itemMax) {
        top = false;
      }
    }
    return { state: state, total: s.total, lowest: s.lowest, flagged: flagged, top: top, rated: s.rated };
  }

  function fill(text, vars) {
    return String(text || "").replace(/\{(\w+)\}/g, function (m, k) {
      return Object.prototype.hasOwnProperty.call(vars, k) ? vars[k] : m;
    });
  }

  function listLabels(labels) {
    if (labels.length <= 1) {
      return labels.join("");
    }
    return labels.slice(0, -1).join(", ") + " and " + labels[labels.length - 1];
  }

  /**
   * The interpretation as text blocks for display: [{ kind, text, label?, items? }]; none until
   * every item is rated. kinds: "verdict" (state), "ask" (suggested wording for the lowest
   * items, below the cutoff), "heuristic" (labelled item prompts), "top".
   */
  function explain(result, cfg) {
    var items = cfg.items || [];
    var m = cfg.messages || {};
    var vars = {
      total: result.total === null ? "" : fmt(result.total),
      cutoff: String(cfg.cutoff),
      item_cutoff: String(cfg.itemCutoff),
      max: String(cfg.max)
    };
    if (result.state === "incomplete") {
      return [];
    }
    var out = [{ kind: "verdict", state: result.state, text: fill(m[result.state], vars) }];
    if (result.state === "below") {
      var names = result.lowest.map(function (i) { return items[i].label; });
      out.push({
        kind: "ask",
        label: (result.lowest.length > 1 ? "The lowest lines: " : "The lowest line: ") + listLabels(names) + ".",
        items: result.lowest.map(function (i) {
          return { label: items[i].label, text: fill(items[i].ask, vars) };
        })
      });
    }
    if (result.flagged.length) {
      out.push({
        kind: "heuristic",
        label: m.heuristic || "Teaching heuristic",
        text: fill(m.heuristicNote, vars),
        items: result.flagged.map(function (i) {
          return { label: items[i].label, text: fill(items[i].prompt, vars) };
        })
      });
    }
    if (result.top) {
      out.push({ kind: "top", text: fill(m.top, vars) });
    }
    return out;
  }

  /** The value after pressing `key` on a slider at `value` (tenths or null); undefined when
   * the key does nothing; null clears. Unset counts as 0 for relative moves. */
  function stepKey(value, key, max) {
    var hi = max === undefined ? 100 : max;
    var v = isRated(value) ? value : 0;
    switch (key) {
      case "ArrowRight":
      case "ArrowUp":
      case "Right":
      case "Up":
        return clamp(isRated(value) ? v + 1 : 1, 0, hi);
      case "ArrowLeft":
      case "ArrowDown":
      case "Left":
      case "Down":
        return clamp(v - 1, 0, hi);
      case "PageUp":
        return clamp(isRated(value) ? v + 10 : 10, 0, hi);
      case "PageDown":
        return clamp(v - 10, 0, hi);
      case "Home":
        return 0;
      case "End":
        return hi;
      case "Delete":
      case "Backspace":
        return null;
      default:
        return undefined;
    }
  }

  /** The value (tenths, 0-100) of a pointer at clientX over a line from `left`, `width` px. */
  function fromPointer(x, left, width) {
    if (!(width > 0)) {
      return 0;
    }
    return clamp(Math.round(((x - left) / width) * 100), 0, 100);
  }

  /** A typed measurement ("9.2", "9,2", " 10 ") as tenths; null when empty; NaN when not a
   * number from 0 to `max` tenths with at most two decimals. */
  function parseMeasure(text, max) {
    var s = String(text === undefined || text === null ? "" : text).trim().replace(",", ".");
    if (s === "") {
      return null;
    }
    if (!/^\d{1,3}(\.\d{0,2})?$|^\.\d{1,2}$/.test(s)) {
      return NaN;
    }
    var t = Math.round(parseFloat(s) * 10);
    var hi = max === undefined ? 100 : max;
    return t >= 0 && t <= hi ? t : NaN;
  }

  /**
   * Checks a scenario: `entered` item measurements and `total` (tenths, null or NaN) against the
   * client's `ratings` (tenths) with `tol` tenths. Returns { items: [{ status: "ok" | "off" |
   * "empty" | "invalid", diff, actual }], total: { status: "ok" | "sum" | "off" | "empty" |
   * "invalid", actual, sum }, right } (right: every item and the total ok or "sum").
   * A total is "ok" within tol of the client's total, or "sum" when it is the exact sum of the
   * learner's own measurements while those are all within tol (the addition is right).
   */
  function checkScenario(entered, total, ratings, tol) {
    var items = [];
    var allOk = true;
    var sum = 0;
    var sumComplete = true;
    var actualTotal = 0;
    for (var i = 0; i < ratings.length; i++) {
      var actual = ratings[i];
      actualTotal += actual;
      var e = entered[i];
      var r = { actual: actual, diff: null, status: "ok" };
      if (e === null || e === undefined) {
        r.status = "empty";
        sumComplete = false;
      } else if (!isRated(e)) {
        r.status = "invalid";
        sumComplete = false;
      } else {
        sum += e;
        r.diff = e - actual;
        r.status = Math.abs(r.diff) <= tol ? "ok" : "off";
      }
      if (r.status !== "ok") {
        allOk = false;
      }
      items.push(r);
    }
    var t = { actual: actualTotal, sum: sumComplete ? sum : null, diff: null, status: "ok" };
    if (total === null || total === undefined) {
      t.status = "empty";
    } else if (!isRated(total)) {
      t.status = "invalid";
    } else {
      t.diff = total - actualTotal;
      if (Math.abs(t.diff) <= tol) {
        t.status = "ok";
      } else if (allOk && sumComplete && total === sum) {
        t.status = "sum";
      } else {
        t.status = "off";
      }
    }
    return { items: items, total: t, right: allOk && (t.status === "ok" || t.status === "sum") };
  }

  /** A date "2026-03-12" as "12 Mar 2026" (or the text itself when it is not such a date). */
  function formatDate(iso, short) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso || ""));
    if (!m) {
      return String(iso || "");
    }
    var d = Number(m[3]) + " " + MONTHS[Number(m[2]) - 1];
    return short ? d : d + " " + m[1];
  }

  /** Today's local date as "YYYY-MM-DD". */
  function today(now) {
    var d = now || new Date();
    var p = function (n) { return (n < 10 ? "0" : "") + n; };
    return d.getFullYear() + "-" + p(d.getMonth() + 1) + "-" + p(d.getDate());
  }

  /** Entries in chart and table order: by date, then by when they were saved. */
  function sortEntries(entries) {
    return entries.slice().sort(function (a, b) {
      if (a.date !== b.date) {
        return a.date < b.date ? -1 : 1;
      }
      return String(a.saved || "") < String(b.saved || "") ? -1 : String(a.saved || "") > String(b.saved || "") ? 1 : 0;
    });
  }

  function csvCell(v) {
    var s = v === null || v === undefined ? "" : String(v);
    // a spreadsheet would run a cell starting with these as a formula
    if (/^[=+\-@\t\r]/.test(s)) {
      s = "'" + s;
    }
    return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }

  /** The log as CSV (RFC 4180, CRLF line ends): a header, then one row per entry. */
  function toCsv(entries, labels) {
    var head = ["Date", "Session", "Label"].concat(labels, ["Total", "Lowest item", "Saved at"]);
    var rows = [head.map(csvCell).join(",")];
    sortEntries(entries).forEach(function (e) {
      var values = e.values || [];
      var s = score(values);
      var lowest = s.lowest.map(function (i) { return (e.labels && e.labels[i]) || labels[i] || "item " + (i + 1); });
      var row = [e.date, e.session === null || e.session === undefined ? "" : e.session, e.label || ""];
      for (var i = 0; i < labels.length; i++) {
        row.push(isRated(values[i]) ? fmt(values[i]) : "");
      }
      row.push(s.total === null ? "" : fmt(s.total), lowest.join("; "), e.saved || "");
      rows.push(row.map(csvCell).join(","));
    });
    return rows.join("\r\n") + "\r\n";
  }

  /**
   * The chart's geometry for `entries` (sorted): { width, height, plot: {x0,x1,y0,y1}, points:
   * [{ x, yTotal, yLow, entry, total, low, lowLabels }], cutoffY, ticks: [{ value, y }] }.
   * Totals use the left scale (0..max), the lowest item the right scale (0..10).
   */
  function chartModel(entries, rules, labels) {
    var width = 640;
    var height = 280;
    var plot = { x0: 48, x1: width - 48, y0: 24, y1: height - 52 };
    var sorted = sortEntries(entries);
    var n = sorted.length;
    var yOf = function (t, max) {
      return plot.y1 - (clamp(t, 0, max) / max) * (plot.y1 - plot.y0);
    };
    var points = sorted.map(function (e, i) {
      var s = score(e.values || []);
      var x = n === 1 ? (plot.x0 + plot.x1) / 2 : plot.x0 + 16 + (i * (plot.x1 - plot.x0 - 32)) / (n - 1);
      return {
        x: x,
        entry: e,
        total: s.total,
        low: s.min,
        lowLabels: s.lowest.map(function (j) { return (e.labels && e.labels[j]) || labels[j] || "item " + (j + 1); }),
        yTotal: s.total === null ? null : yOf(s.total, rules.max),
        yLow: s.min === null ? null : yOf(s.min, 100)
      };
    });
    var ticks = [];
    for (var k = 0; k <= 4; k++) {
      var value = Math.round((rules.max * k) / 4);
      ticks.push({ value: value, y: yOf(value, rules.max), right: Math.round((100 * k) / 4) });
    }
    return { width: width, height: height, plot: plot, points: points, cutoffY: yOf(rules.cutoff, rules.max), ticks: ticks };
  }

  /* ---------------------------------------------------------------- stored state */

  function emptyState() {
    return { v: VERSION, logs: {}, drafts: {}, scenarios: {} };
  }

  function isObject(v) {
    return !!v && typeof v === "object" && !Array.isArray(v);
  }

  /* A stored item larger than this (characters of JSON) is not something a learner made. */
  var MAX_ITEM = 200000;

  function tooBig(v) {
    try {
      return JSON.stringify(v).length > MAX_ITEM;
    } catch (e) {
      return true;
    }
  }

  /** Whether a stored practice-log entry can be shown and counted. */
  function validEntry(e) {
    return isObject(e) && typeof e.date === "string" && Array.isArray(e.values) && e.values.length <= 50 &&
      e.values.every(function (v) { return v === null || (typeof v === "number" && isFinite(v)); }) &&
      (e.id === undefined || typeof e.id === "string") &&
      (e.label === undefined || e.label === null || typeof e.label === "string") &&
      (e.labels === undefined || Array.isArray(e.labels)) &&
      (e.session === undefined || e.session === null || typeof e.session === "number") &&
      (e.saved === undefined || typeof e.saved === "string") && !tooBig(e);
  }

  /**
   * Parses stored text into { state, problem, dropped }: problem is null, "unreadable" (not
   * JSON or not an object: start afresh, after keeping a copy), "damaged" (some entries,
   * drafts or scenarios are not what this script writes: they are left out, one by one, and a
   * copy of the text is kept before it is next written) or "newer" (written by a newer version
   * of the handbook: read what is understood, never overwrite it). `dropped` names what was
   * left out.
   */
  function readStored(text) {
    if (text === null || text === undefined || text === "") {
      return { state: emptyState(), problem: null, dropped: [] };
    }
    var s;
    try {
      s = JSON.parse(text);
    } catch (e) {
      s = null;
    }
    if (!isObject(s) || typeof s.v !== "number") {
      return { state: emptyState(), problem: "unreadable", dropped: ["everything (not readable)"] };
    }
    var dropped = [];
    ["logs", "drafts", "scenarios"].forEach(function (k) {
      if (s[k] !== undefined && !isObject(s[k])) {
        dropped.push(k + " (not an object)");
      }
      if (!isObject(s[k])) {
        s[k] = {};
      }
    });
    Object.keys(s.logs).forEach(function (set) {
      if (!Array.isArray(s.logs[set])) {
        dropped.push("the log of " + set + " (not a list)");
        delete s.logs[set];
        return;
      }
      s.logs[set] = s.logs[set].filter(function (e, i) {
        var ok = validEntry(e);
        if (!ok) {
          dropped.push("entry " + (i + 1) + " of " + set);
        }
        return ok;
      });
    });
    ["drafts", "scenarios"].forEach(function (k) {
      Object.keys(s[k]).forEach(function (id) {
        if (!isObject(s[k][id]) || tooBig(s[k][id])) {
          dropped.push(k + " " + id);
          delete s[k][id];
        }
      });
    });
    var problem = s.v > VERSION ? "newer" : dropped.length ? "damaged" : null;
    return { state: s, problem: problem, dropped: dropped };
  }

  /** The state stored as `text`, in the current schema (empty when unusable). */
  function readState(text) {
    return readStored(text).state;
  }

  var core = {
    VERSION: VERSION,
    tenths: tenths,
    fmt: fmt,
    rulesOf: rulesOf,
    score: score,
    interpret: interpret,
    explain: explain,
    stepKey: stepKey,
    fromPointer: fromPointer,
    parseMeasure: parseMeasure,
    checkScenario: checkScenario,
    formatDate: formatDate,
    today: today,
    sortEntries: sortEntries,
    toCsv: toCsv,
    chartModel: chartModel,
    emptyState: emptyState,
    validEntry: validEntry,
    readStored: readStored,
    readState: readState
  };

  if (typeof module === "object" && module && module.exports) {
    module.exports = core;
  }
  if (typeof window === "undefined" || typeof document === "undefined") {
    return;
  }

  /* ================================================================ the page */

  var api = window.handbook || {};
  window.handbook = api;
  api.srs = core;

  /* ---------------------------------------------------------------- storage */

  var STORE_NAME = "srs";
  var memory = null; // used when local storage is unavailable
  var storageBroken = false;

  function storageKey() {
    if (api.storageKey) {
      return api.storageKey(STORE_NAME);
    }
    return "handbook:" + (slug(document.documentElement.getAttribute("data-handbook")) || "handbook") + ":" + STORE_NAME;
  }

  var warned = {};

  /* Reads the stored state; damaged parts are left out with a console warning (once each). */
  function readNow() {
    var text = null;
    try {
      text = window.localStorage.getItem(storageKey());
    } catch (e) {
      storageBroken = true;
    }
    var read = readStored(text);
    read.text = text;
    read.dropped.forEach(function (what) {
      if (!warned[what] && window.console && console.warn) {
        warned[what] = true;
        console.warn("handbook: ignored damaged practice data: " + what);
      }
    });
    return read;
  }

  function load() {
    if (memory) {
      return JSON.parse(JSON.stringify(memory));
    }
    return readNow().state;
  }

  /** Applies `change(state)` to the freshest stored state and writes it back. Data this
   * version cannot read (or damaged entries) is copied to "<key>:backup" first (and never
   * overwritten when that copy fails); data of a newer version is never overwritten. When the
   * browser refuses, the change lasts for this page view and the learner is told. */
  function update(change) {
    if (memory) {
      change(memory);
      tryFlush();
      return memory;
    }
    var key = storageKey();
    var read = readNow();
    var state = read.state;
    change(state);
    lastWriteOk = false;
    if (storageBroken || read.problem === "newer") {
      memory = state;
      warnStorage(read.problem !== "newer");
      return state;
    }
    try {
      if (read.problem === "unreadable" || read.problem === "damaged") {
        keepCopy(key, read.text);
      }
      window.localStorage.setItem(key, JSON.stringify(state));
      lastWriteOk = true;
    } catch (e) {
      storageBroken = true;
      memory = state;
      warnStorage(true);
    }
    return state;
  }

  /* Whether the last update() reached storage. */
  var lastWriteOk = true;

  /* After a failed write, each later change tries storage again (space may have been freed). */
  function tryFlush() {
    lastWriteOk = false;
    try {
      var read = readNow();
      if (read.problem === "newer") {
        return;
      }
      if (read.problem === "unreadable" || read.problem === "damaged") {
        keepCopy(storageKey(), read.text);
      }
      window.localStorage.setItem(storageKey(), JSON.stringify(memory));
      lastWriteOk = true;
      memory = null;
      storageBroken = false;
      hideStorageWarning();
    } catch (e) {
      warnStorage(true);
    }
  }

  /* "<key>:backup", or "<key>:backup:<time>" when an older copy is there; throws when full. */
  function keepCopy(key, text) {
    var existing = window.localStorage.getItem(key + ":backup");
    if (existing !== text) {
      window.localStorage.setItem(existing === null ? key + ":backup" : key + ":backup:" + new Date().toISOString(), text);
    }
  }

  function hideStorageWarning() {
    var forms = document.querySelectorAll("[data-srs] .srs-storage-warning");
    for (var i = 0; i < forms.length; i++) {
      forms[i].hidden = true;
    }
  }

  /* Practice data for progress files: this page view's copy when storage failed. */
  api.practiceStore = {
    load: load,
    inMemory: function () {
      return !!memory;
    }
  };

  /* Shows each form's storage warning; `refused` (the browser would not store, rather than
     data of a newer version) also raises the page's alert offering a progress file. */
  function warnStorage(refused) {
    var forms = document.querySelectorAll("[data-srs] .srs-storage-warning");
    for (var i = 0; i < forms.length; i++) {
      forms[i].hidden = false;
    }
    if (refused && api.progress && api.progress.reportTrouble) {
      api.progress.reportTrouble();
    }
  }

  /* ---------------------------------------------------------------- DOM helpers */

//= include js/shared/dom.js
//= include js/shared/slug.js

  function svg(tag, attrs, children) {
    var node = document.createElementNS(SVG_NS, tag);
    setAttrs(node, attrs);
    append(node, children);
    return node;
  }

  function clear(node) {
    while (node.firstChild) {
      node.removeChild(node.firstChild);
    }
  }

  var uid = 0;
  function ensureId(node, base) {
    if (!node.id) {
      uid++;
      node.id = base + "-js" + uid;
    }
    return node.id;
  }

  function reveal(root, selector) {
    var list = root.querySelectorAll(selector);
    for (var i = 0; i < list.length; i++) {
      list[i].hidden = false;
    }
  }

  function config(root) {
    try {
      return JSON.parse(root.getAttribute("data-srs-config") || "{}");
    } catch (e) {
      return null;
    }
  }

  /** Renders explain() blocks into `box`; rewrites only when the text changes, so a live
   * region is not re-announced while the learner nudges a value within the same result. */
  function renderExplanation(box, blocks, state) {
    var sig = JSON.stringify(blocks);
    if (box.getAttribute("data-srs-sig") === sig) {
      return;
    }
    box.setAttribute("data-srs-sig", sig);
    box.className = box.className.replace(/\bis-(below|at|above|incomplete)\b/g, "").trim() + " is-" + state;
    clear(box);
    blocks.forEach(function (b) {
      if (b.kind === "verdict") {
        // the first sentence states the result; it is shown in bold
        var m = /^(.+?[.!?:])(\s+[\s\S]*)?$/.exec(b.text);
        append(box, el("p", { class: "srs-verdict" }, m ? [el("strong", { text: m[1] }), m[2] || ""] : b.text));
      } else if (b.kind === "top") {
        append(box, el("p", { class: "srs-top", text: b.text }));
      } else if (b.kind === "ask") {
        var ask = el("div", { class: "srs-ask" }, [el("p", {}, [el("strong", { text: b.label })])]);
        b.items.forEach(function (it) {
          append(ask, el("p", { class: "srs-ask-wording" }, [
            el("span", { class: "srs-ask-label", text: "You might say, about " + it.label + ": " }),
            it.text
          ]));
        });
        append(box, ask);
      } else if (b.kind === "heuristic") {
        var list = el("ul");
        b.items.forEach(function (it) {
          append(list, el("li", {}, [el("strong", { text: it.label + ": " }), it.text]));
        });
        append(box, el("div", { class: "srs-heuristic" }, [
          el("p", {}, [el("strong", { class: "srs-heuristic-label", text: b.label }), " " + b.text]),
          list
        ]));
      }
    });
  }

  /* ================================================================ practice form */

  var practiceForms = [];

  function Practice(root, cfg) {
    this.root = root;
    this.cfg = cfg;
    this.rules = rulesOf(cfg);
    this.key = cfg.key || root.id;
    this.set = cfg.set || "default";
    this.labels = cfg.items.map(function (i) { return i.label; });
    this.values = cfg.items.map(function () { return null; });
    this.sliders = [];
    this.savedSig = null;
    this.undo = null;
    this.init();
  }

  Practice.prototype.init = function () {
    var self = this;
    var root = this.root;
    reveal(root, ".srs-result, .srs-save, .srs-log, .srs-help");
    root.classList.add("is-enhanced");
    this.total = root.querySelector(".srs-total");
    this.interpretation = root.querySelector(".srs-interpretation");
    this.pending = root.querySelector(".srs-pending");
    this.fields = {
      date: root.querySelector('[data-srs-field="date"]'),
      session: root.querySelector('[data-srs-field="session"]'),
      label: root.querySelector('[data-srs-field="label"]')
    };
    this.saveStatus = root.querySelector(".srs-save-status");
    this.logStatus = root.querySelector(".srs-log-status");
    var warning = el("p", { class: "srs-storage-warning", hidden: true, text: "This browser is not keeping data for this page (storage is off or full). Export your log before you leave." });
    var save = root.querySelector(".srs-save");
    if (save) {
      save.appendChild(warning);
    }
    var help = root.querySelector(".srs-help");
    var items = root.querySelectorAll(".srs-item");
    for (var i = 0; i < items.length; i++) {
      this.sliders.push(this.makeSlider(items[i], i, help));
    }
    // restore the draft
    var state = load();
    var draft = state.drafts[this.key];
    if (draft && Array.isArray(draft.values)) {
      for (var j = 0; j < this.values.length; j++) {
        var v = draft.values[j];
        this.values[j] = isRated(v) ? clamp(Math.round(v), 0, 100) : null;
      }
    }
    if (this.fields.date) {
      this.fields.date.value = (draft && typeof draft.date === "string" && draft.date) || today();
    }
    if (this.fields.session && draft && draft.session !== undefined && draft.session !== null) {
      this.fields.session.value = String(draft.session);
    }
    if (this.fields.label && draft && typeof draft.label === "string" && draft.label) {
      this.fields.label.value = draft.label;
    }
    this.savedSig = (draft && draft.savedSig) || null;
    this.savedId = (draft && draft.savedId) || null;
    this.sliders.forEach(function (s, k) { self.paint(k); });
    this.update();
    Object.keys(this.fields).forEach(function (k) {
      var f = self.fields[k];
      if (f) {
        f.addEventListener("input", function () { self.saveDraft(); });
        f.addEventListener("change", function () { self.saveDraft(); });
      }
    });
    root.addEventListener("click", function (event) {
      var button = event.target.closest ? event.target.closest("[data-srs-action]") : null;
      if (!button || !root.contains(button)) {
        return;
      }
      self.action(button.getAttribute("data-srs-action"), button);
    });
    this.renderLog();
  };

  Practice.prototype.makeSlider = function (item, index, help) {
    var self = this;
    var line = item.querySelector("[data-srs-line]");
    var label = item.querySelector(".srs-label");
    var desc = item.querySelector(".srs-desc");
    var anchors = item.querySelector(".srs-anchors");
    var valueText = item.querySelector(".srs-value");
    var mark = line.querySelector(".srs-mark");
    var described = [];
    if (desc) {
      described.push(ensureId(desc, "srs-desc"));
    }
    if (anchors) {
      described.push(ensureId(anchors, "srs-anchors"));
    }
    setAttrs(line, {
      role: "slider",
      tabindex: "0",
      "aria-labelledby": ensureId(label, "srs-label"),
      "aria-describedby": described.join(" ") || null,
      "aria-valuemin": "0",
      "aria-valuemax": "10",
      "aria-orientation": "horizontal"
    });
    if (valueText) {
      valueText.hidden = false;
      valueText.setAttribute("aria-hidden", "true");
    }
    var dragging = null;
    line.addEventListener("keydown", function (event) {
      if (event.altKey || event.ctrlKey || event.metaKey) {
        return;
      }
      var next = stepKey(self.values[index], event.key, 100);
      if (next === undefined) {
        return;
      }
      event.preventDefault();
      self.setValue(index, next, true);
    });
    line.addEventListener("pointerdown", function (event) {
      if (event.button !== undefined && event.button !== 0) {
        return;
      }
      event.preventDefault();
      dragging = event.pointerId;
      try {
        line.setPointerCapture(event.pointerId);
      } catch (e) {
        /* not capturable: the drag still works while over the line */
      }
      line.focus({ preventScroll: true });
      var r = line.getBoundingClientRect();
      self.setValue(index, fromPointer(event.clientX, r.left, r.width), false);
      line.classList.add("is-dragging");
    });
    line.addEventListener("pointermove", function (event) {
      if (dragging !== event.pointerId) {
        return;
      }
      var r = line.getBoundingClientRect();
      self.setValue(index, fromPointer(event.clientX, r.left, r.width), false);
    });
    var end = function (event) {
      if (dragging !== event.pointerId) {
        return;
      }
      dragging = null;
      line.classList.remove("is-dragging");
      self.saveDraft();
    };
    line.addEventListener("pointerup", end);
    line.addEventListener("pointercancel", end);
    line.addEventListener("lostpointercapture", end);
    if (help) {
      help.hidden = false;
    }
    return { line: line, mark: mark, valueText: valueText, item: item };
  };

  /** Sets item `index` to `value` (tenths or null); `persist` saves the draft now (a drag
   * saves when it ends). */
  Practice.prototype.setValue = function (index, value, persist) {
    if (this.values[index] === value) {
      return;
    }
    this.values[index] = value;
    this.paint(index);
    this.update();
    if (persist) {
      this.saveDraft();
    }
  };

  Practice.prototype.paint = function (index) {
    var s = this.sliders[index];
    var v = this.values[index];
    if (isRated(v)) {
      var pct = v + "%";
      s.mark.setAttribute("x1", pct);
      s.mark.setAttribute("x2", pct);
      s.mark.classList.add("is-set");
      s.line.setAttribute("aria-valuenow", fmt(v));
      s.line.setAttribute("aria-valuetext", fmt(v) + " of 10");
      s.line.classList.remove("is-unset");
      s.item.classList.remove("is-unset");
      if (s.valueText) {
        s.valueText.textContent = fmt(v);
      }
    } else {
      s.mark.classList.remove("is-set");
      s.line.removeAttribute("aria-valuenow");
      s.line.setAttribute("aria-valuetext", "not rated");
      s.line.classList.add("is-unset");
      s.item.classList.add("is-unset");
      if (s.valueText) {
        s.valueText.textContent = "Not rated";
      }
    }
  };

  Practice.prototype.update = function () {
    var result = interpret(this.values, this.rules);
    if (this.total) {
      this.total.textContent = result.total === null ? "not rated" : fmt(result.total);
      this.total.classList.toggle("is-unset", result.total === null);
    }
    if (this.interpretation) {
      renderExplanation(this.interpretation, explain(result, this.cfg), result.state);
    }
    if (this.pending) {
      var left = this.values.length - result.rated;
      this.pending.hidden = result.state !== "incomplete";
      this.pending.textContent = "Mark all " + this.values.length + " lines to see the total and what it suggests" +
        (result.rated ? " (" + left + " still not rated)." : ".");
    }
    this.result = result;
  };

  Practice.prototype.fieldValues = function () {
    var session = this.fields.session ? this.fields.session.value.trim() : "";
    return {
      date: this.fields.date ? this.fields.date.value : today(),
      session: session === "" ? null : session,
      label: this.fields.label ? this.fields.label.value : ""
    };
  };

  Practice.prototype.signature = function () {
    var f = this.fieldValues();
    return JSON.stringify([this.values, f.date, f.session, f.label.trim()]);
  };

  Practice.prototype.saveDraft = function () {
    var self = this;
    var f = this.fieldValues();
    update(function (state) {
      state.drafts[self.key] = {
        values: self.values.slice(),
        date: f.date,
        session: f.session,
        label: f.label,
        savedSig: self.savedSig,
        savedId: self.savedId,
        t: new Date().toISOString()
      };
    });
  };

  Practice.prototype.action = function (name, button) {
    switch (name) {
      case "clear":
        for (var i = 0; i < this.values.length; i++) {
          this.values[i] = null;
          this.paint(i);
        }
        this.update();
        this.saveDraft();
        this.sliders[0].line.focus();
        break;
      case "print":
        printBlank(this.root);
        break;
      case "save":
        this.save();
        break;
      case "export":
        this.exportCsv();
        break;
      case "delete-all":
        this.askDeleteAll();
        break;
      case "confirm-delete-all":
        this.deleteAll();
        break;
      case "cancel-delete-all":
        this.root.querySelector(".srs-confirm").hidden = true;
        this.root.querySelector('[data-srs-action="delete-all"]').focus();
        break;
      case "delete":
        this.deleteOne(button.getAttribute("data-srs-entry"));
        break;
      case "undo":
        this.restoreUndo();
        break;
      default:
        break;
    }
  };

  Practice.prototype.status = function (node, text, undo) {
    if (!node) {
      return;
    }
    clear(node);
    append(node, el("p", { text: text }));
    if (undo) {
      append(node.lastChild, [" ", el("button", { type: "button", class: "srs-button srs-undo", "data-srs-action": "undo", text: "Undo" })]);
    }
  };

  Practice.prototype.save = function () {
    var self = this;
    var result = interpret(this.values, this.rules);
    if (!result.complete && result.state === "incomplete") {
      var missing = [];
      for (var i = 0; i < this.values.length; i++) {
        if (!isRated(this.values[i])) {
          missing.push(this.labels[i]);
        }
      }
      this.status(this.saveStatus, "Not saved: mark every line first (" + listLabels(missing) + " not rated).");
      return;
    }
    var f = this.fieldValues();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(f.date)) {
      this.status(this.saveStatus, "Not saved: enter the date of the practice session.");
      if (this.fields.date) {
        this.fields.date.focus();
      }
      return;
    }
    var session = null;
    if (f.session !== null) {
      session = Number(f.session);
      if (!(session >= 1 && session <= 999 && Math.floor(session) === session)) {
        this.status(this.saveStatus, "Not saved: the session number is a whole number from 1 to 999 (or leave it empty).");
        if (this.fields.session) {
          this.fields.session.focus();
        }
        return;
      }
    }
    var sig = this.signature();
    var savedId = this.savedId;
    var stillThere = this.entries().some(function (e) { return e.id === savedId; });
    if (sig === this.savedSig && stillThere) {
      this.status(this.saveStatus, "Already saved. Change a line, the date or the label to save another entry.");
      return;
    }
    var entry = {
      id: "e" + Date.now().toString(36) + Math.floor(Math.random() * 1e6).toString(36),
      date: f.date,
      session: session,
      label: f.label.trim().slice(0, 80),
      values: this.values.slice(),
      labels: this.labels.slice(),
      saved: new Date().toISOString()
    };
    this.savedSig = sig;
    this.savedId = entry.id;
    update(function (state) {
      var log = state.logs[self.set] || (state.logs[self.set] = []);
      log.push(entry);
    });
    // Assignment checklists and learning paths on this page count practice entries.
    try {
      window.dispatchEvent(new CustomEvent("handbook:practice", { detail: { set: self.set } }));
    } catch (e) {
      /* very old browsers: the lists update on the next visit */
    }
    this.saveDraft();
    this.status(this.saveStatus, lastWriteOk
      ? "Saved: " + formatDate(entry.date) + ", total " + fmt(result.total) + ". It is in your practice log below."
      : "Kept for this page view only: " + formatDate(entry.date) + ", total " + fmt(result.total) + ". This browser did not store it; save a progress file to keep it.");
    renderLogs(this.set);
  };

  Practice.prototype.entries = function () {
    return load().logs[this.set] || [];
  };

  Practice.prototype.renderLog = function () {
    var root = this.root;
    var entries = sortEntries(this.entries());
    var empty = root.querySelector(".srs-log-empty");
    var chart = root.querySelector(".srs-chart");
    var wrap = root.querySelector(".srs-table-wrap");
    var buttons = root.querySelector(".srs-log-buttons");
    var has = entries.length > 0;
    if (empty) {
      empty.hidden = has;
    }
    if (chart) {
      chart.hidden = !has;
    }
    if (wrap) {
      wrap.hidden = !has;
    }
    if (buttons) {
      buttons.hidden = !has;
    }
    if (!has) {
      var confirm = root.querySelector(".srs-confirm");
      if (confirm) {
        confirm.hidden = true;
      }
    }
    if (chart) {
      var box = chart.querySelector(".srs-chart-box");
      clear(box);
      if (has) {
        box.appendChild(this.chart(entries, chart.querySelector("figcaption")));
      }
    }
    if (wrap) {
      clear(wrap);
      if (has) {
        wrap.appendChild(this.table(entries));
        setAttrs(wrap, { tabindex: "0", role: "region", "aria-label": "Saved entries (scrolls sideways on narrow screens)" });
      }
    }
  };

  Practice.prototype.table = function (entries) {
    var self = this;
    var headCells = [el("th", { scope: "col", text: "Date" }), el("th", { scope: "col", text: "Session" }), el("th", { scope: "col", text: "Label" })];
    this.labels.forEach(function (l) {
      headCells.push(el("th", { scope: "col", class: "srs-num", text: l }));
    });
    headCells.push(el("th", { scope: "col", class: "srs-num", text: "Total" }), el("th", { scope: "col", text: "Lowest item" }), el("th", { scope: "col" }, [el("span", { class: "visually-hidden", text: "Actions" })]));
    var body = el("tbody");
    entries.forEach(function (e, n) {
      var s = score(e.values || []);
      var lowest = s.lowest.map(function (j) { return (e.labels && e.labels[j]) || self.labels[j]; });
      var cells = [
        el("th", { scope: "row", text: formatDate(e.date) }),
        el("td", { text: e.session === null || e.session === undefined ? "" : String(e.session) }),
        el("td", { class: "srs-entry-label", text: e.label || "" })
      ];
      for (var i = 0; i < self.labels.length; i++) {
        var v = (e.values || [])[i];
        cells.push(el("td", { class: "srs-num" + (isRated(v) && v < self.rules.itemCutoff ? " is-flagged" : ""), text: isRated(v) ? fmt(v) : "" }));
      }
      var below = s.total !== null && s.total < self.rules.cutoff;
      cells.push(el("td", { class: "srs-num" + (below ? " is-below" : ""), text: s.total === null ? "" : fmt(s.total) }));
      var lowText = lowest.length > 1 && lowest.length === self.labels.length ? "All lines" : lowest.join(", ");
      cells.push(el("td", { text: lowText + (s.min === null ? "" : " (" + fmt(s.min) + ")") }));
      var what = "entry " + (n + 1) + ", " + formatDate(e.date) + (e.session ? ", session " + e.session : "");
      cells.push(el("td", {}, [el("button", { type: "button", class: "srs-button srs-small", "data-srs-action": "delete", "data-srs-entry": e.id }, [
        "Delete", el("span", { class: "visually-hidden", text: " " + what })
      ])]));
      append(body, el("tr", { "data-srs-entry": e.id }, cells));
    });
    return el("table", { class: "srs-log-table" }, [
      el("caption", { text: "Saved entries, oldest first (" + entries.length + ")" }),
      el("thead", {}, el("tr", {}, headCells)),
      body
    ]);
  };

  Practice.prototype.chart = function (entries, caption) {
    var m = chartModel(entries, this.rules, this.labels);
    var p = m.plot;
    var rules = this.rules;
    var nodes = [];
    var summary = entries.length + " entr" + (entries.length === 1 ? "y" : "ies") + "; totals " +
      m.points.map(function (pt) { return pt.total === null ? "?" : fmt(pt.total); }).join(", ") +
      "; cutoff " + fmt(rules.cutoff) + ".";
    nodes.push(svg("title", { text: "Practice log chart: " + summary }));
    // grid and scales
    m.ticks.forEach(function (t) {
      nodes.push(svg("line", { class: "srs-chart-grid", x1: p.x0, x2: p.x1, y1: t.y, y2: t.y }));
      nodes.push(svg("text", { class: "srs-chart-tick", x: p.x0 - 8, y: t.y + 4, "text-anchor": "end", text: String(t.value / 10) }));
      nodes.push(svg("text", { class: "srs-chart-tick srs-chart-tick-right", x: p.x1 + 8, y: t.y + 4, "text-anchor": "start", text: String(t.right / 10) }));
    });
    nodes.push(svg("text", { class: "srs-chart-axis", x: p.x0 - 8, y: p.y0 - 10, "text-anchor": "end", text: "Total" }));
    nodes.push(svg("text", { class: "srs-chart-axis", x: p.x1 + 8, y: p.y0 - 10, "text-anchor": "start", text: "Item" }));
    // the cutoff
    nodes.push(svg("line", { class: "srs-chart-cutoff", x1: p.x0, x2: p.x1, y1: m.cutoffY, y2: m.cutoffY }));
    nodes.push(svg("text", { class: "srs-chart-cutoff-label", x: p.x0 + 4, y: m.cutoffY - 5, text: "cutoff " + fmt(rules.cutoff).replace(/\.0$/, "") }));
    // the totals
    var path = m.points.filter(function (pt) { return pt.yTotal !== null; }).map(function (pt) {
      return pt.x.toFixed(1) + "," + pt.yTotal.toFixed(1);
    });
    if (path.length > 1) {
      nodes.push(svg("polyline", { class: "srs-chart-total-line", points: path.join(" ") }));
    }
    var every = Math.max(1, Math.ceil(m.points.length / 10));
    m.points.forEach(function (pt, i) {
      var e = pt.entry;
      var what = formatDate(e.date) + (e.session ? ", session " + e.session : "") + (e.label ? " (" + e.label + ")" : "");
      if (pt.yLow !== null) {
        nodes.push(svg("rect", { class: "srs-chart-low", x: (pt.x - 4.5).toFixed(1), y: (pt.yLow - 4.5).toFixed(1), width: 9, height: 9 }, [
          svg("title", { text: what + ": lowest item " + pt.lowLabels.join(", ") + " " + fmt(pt.low) })
        ]));
      }
      if (pt.yTotal !== null) {
        nodes.push(svg("circle", { class: "srs-chart-point" + (pt.total < rules.cutoff ? " is-below" : ""), cx: pt.x.toFixed(1), cy: pt.yTotal.toFixed(1), r: 5 }, [
          svg("title", { text: what + ": total " + fmt(pt.total) })
        ]));
      }
      if (i % every === 0 || i === m.points.length - 1) {
        nodes.push(svg("text", { class: "srs-chart-tick", x: pt.x.toFixed(1), y: p.y1 + 18, "text-anchor": "middle", text: formatDate(e.date, true) }));
      }
    });
    // legend
    var ly = m.height - 10;
    nodes.push(svg("circle", { class: "srs-chart-point", cx: p.x0 + 6, cy: ly - 4, r: 5 }));
    nodes.push(svg("text", { class: "srs-chart-legend", x: p.x0 + 16, y: ly, text: "Total (left scale)" }));
    nodes.push(svg("rect", { class: "srs-chart-low", x: p.x0 + 160, y: ly - 8.5, width: 9, height: 9 }));
    nodes.push(svg("text", { class: "srs-chart-legend", x: p.x0 + 175, y: ly, text: "Lowest item (right scale)" }));
    nodes.push(svg("line", { class: "srs-chart-cutoff", x1: p.x0 + 360, x2: p.x0 + 390, y1: ly - 4, y2: ly - 4 }));
    nodes.push(svg("text", { class: "srs-chart-legend", x: p.x0 + 398, y: ly, text: "Cutoff" }));
    var attrs = {
      class: "srs-chart-svg",
      viewBox: "0 0 " + m.width + " " + m.height,
      role: "img",
      "aria-label": "Chart of your practice log: " + summary + " The table below lists every entry."
    };
    if (caption) {
      attrs["aria-describedby"] = ensureId(caption, "srs-chart-caption");
    }
    return svg("svg", attrs, nodes);
  };

  Practice.prototype.deleteOne = function (id) {
    var self = this;
    var removed = null;
    var index = -1;
    var ordered = sortEntries(this.entries()).map(function (e) { return e.id; });
    var position = ordered.indexOf(id);
    update(function (state) {
      var log = state.logs[self.set] || [];
      index = log.findIndex(function (e) { return e.id === id; });
      if (index >= 0) {
        removed = log.splice(index, 1)[0];
      }
    });
    if (!removed) {
      return;
    }
    this.undo = { kind: "one", entries: [removed] };
    renderLogs(this.set);
    this.status(this.logStatus, "Deleted the entry of " + formatDate(removed.date) + ".", true);
    this.focusAfterDelete(position);
  };

  Practice.prototype.focusAfterDelete = function (position) {
    var buttons = this.root.querySelectorAll('.srs-log-table [data-srs-action="delete"]');
    if (buttons.length) {
      buttons[Math.min(position, buttons.length - 1)].focus();
    } else {
      var undo = this.logStatus && this.logStatus.querySelector(".srs-undo");
      if (undo) {
        undo.focus();
      }
    }
  };

  Practice.prototype.askDeleteAll = function () {
    var n = this.entries().length;
    var box = this.root.querySelector(".srs-confirm");
    box.querySelector(".srs-confirm-text").textContent = "Delete all " + n + " entr" + (n === 1 ? "y" : "ies") + " of your practice log? You can undo this until you leave the page.";
    box.hidden = false;
    box.querySelector('[data-srs-action="confirm-delete-all"]').focus();
  };

  Practice.prototype.deleteAll = function () {
    var self = this;
    var removed = [];
    update(function (state) {
      removed = state.logs[self.set] || [];
      delete state.logs[self.set];
    });
    this.root.querySelector(".srs-confirm").hidden = true;
    this.undo = { kind: "all", entries: removed };
    renderLogs(this.set);
    this.status(this.logStatus, "Deleted all " + removed.length + " entr" + (removed.length === 1 ? "y" : "ies") + ".", true);
    var undo = this.logStatus.querySelector(".srs-undo");
    if (undo) {
      undo.focus();
    }
  };

  Practice.prototype.restoreUndo = function () {
    var self = this;
    var undo = this.undo;
    if (!undo) {
      return;
    }
    this.undo = null;
    update(function (state) {
      var log = state.logs[self.set] || (state.logs[self.set] = []);
      var have = {};
      log.forEach(function (e) { have[e.id] = true; });
      undo.entries.forEach(function (e) {
        if (!have[e.id]) {
          log.push(e);
        }
      });
    });
    renderLogs(this.set);
    this.status(this.logStatus, "Restored " + undo.entries.length + " entr" + (undo.entries.length === 1 ? "y" : "ies") + ".");
    var first = this.root.querySelector('.srs-log-table [data-srs-action="delete"]');
    if (first) {
      first.focus();
    }
  };

  Practice.prototype.exportCsv = function () {
    var entries = this.entries();
    var text = "\ufeff" + toCsv(entries, this.labels);
    var blob = new Blob([text], { type: "text/csv;charset=utf-8" });
    var url = URL.createObjectURL(blob);
    var a = el("a", { href: url, download: "practice-log-" + this.set + "-" + today() + ".csv", hidden: true });
    document.body.appendChild(a);
    a.click();
    document.body.removeChild(a);
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    this.status(this.logStatus, "Exported " + entries.length + " entr" + (entries.length === 1 ? "y" : "ies") + " as a CSV file.");
  };

  function renderLogs(set) {
    practiceForms.forEach(function (f) {
      if (f.set === set) {
        f.renderLog();
      }
    });
  }

  /* ---------------------------------------------------------------- printing */

  var doc = document.documentElement;

  function endPrint() {
    doc.classList.remove("srs-printing", "srs-print-blank");
    var targets = document.querySelectorAll(".srs-print-target");
    for (var i = 0; i < targets.length; i++) {
      targets[i].classList.remove("srs-print-target");
    }
  }

  /** Prints only `form`, with no marks: the paper form. */
  function printBlank(form) {
    endPrint();
    doc.classList.add("srs-printing", "srs-print-blank");
    form.classList.add("srs-print-target");
    if (typeof window.print === "function") {
      window.print();
    }
  }

  window.addEventListener("afterprint", endPrint);

  /* ================================================================ scenario */

  function Scenario(root, cfg) {
    this.root = root;
    this.cfg = cfg;
    this.rules = rulesOf(cfg);
    this.key = cfg.key || root.id;
    this.ratings = (cfg.ratings || []).map(tenths);
    this.tol = tenths(cfg.tolerance === undefined ? 0.2 : cfg.tolerance);
    this.init();
  }

  Scenario.prototype.init = function () {
    var self = this;
    var root = this.root;
    root.classList.add("is-enhanced");
    reveal(root, ".srs-buttons");
    this.inputs = [];
    this.results = [];
    var inputs = root.querySelectorAll("[data-srs-measure]");
    for (var i = 0; i < inputs.length; i++) {
      var which = inputs[i].getAttribute("data-srs-measure");
      var result = root.querySelector('[data-srs-result="' + which + '"]');
      if (result) {
        inputs[i].setAttribute("aria-describedby", ensureId(result, "srs-result"));
      }
      if (which === "total") {
        this.totalInput = inputs[i];
        this.totalResult = result;
      } else {
        this.inputs[Number(which)] = inputs[i];
        this.results[Number(which)] = result;
      }
    }
    this.status = root.querySelector(".srs-check-status");
    // the client's interpretation, for the answers panel (same rules as the practice form)
    var box = root.querySelector(".srs-interpretation-static");
    if (box) {
      var r = interpret(this.ratings, this.rules);
      append(box, el("p", { class: "srs-subtitle", text: "What the form's rules suggest" }));
      var inner = el("div", { class: "srs-interpretation is-" + r.state });
      renderExplanation(inner, explain(r, this.cfg), r.state);
      box.appendChild(inner);
    }
    this.addRulers();
    var saved = load().scenarios[this.key];
    if (saved) {
      (Array.isArray(saved.measures) ? saved.measures : []).forEach(function (v, k) {
        if (self.inputs[k] && typeof v === "string") {
          self.inputs[k].value = v;
        }
      });
      if (this.totalInput && typeof saved.total === "string") {
        this.totalInput.value = saved.total;
      }
      if (saved.ruler) {
        this.toggleRuler(true);
      }
      if (saved.checked) {
        this.check(false);
      }
    }
    root.addEventListener("input", function (event) {
      var t = event.target;
      if (t && t.hasAttribute && t.hasAttribute("data-srs-measure")) {
        var which = t.getAttribute("data-srs-measure");
        var res = which === "total" ? self.totalResult : self.results[Number(which)];
        if (res) {
          clear(res);
          res.className = "srs-measure-result";
        }
        t.removeAttribute("aria-invalid");
        self.checked = false;
        self.save();
      }
    });
    root.addEventListener("click", function (event) {
      var button = event.target.closest ? event.target.closest("[data-srs-action]") : null;
      if (!button || !root.contains(button)) {
        return;
      }
      var action = button.getAttribute("data-srs-action");
      if (action === "check") {
        self.check(true);
      } else if (action === "ruler") {
        self.toggleRuler(button.getAttribute("aria-pressed") !== "true");
        self.save();
      } else if (action === "reset") {
        self.reset();
      }
    });
  };

  Scenario.prototype.save = function () {
    var self = this;
    update(function (state) {
      state.scenarios[self.key] = {
        measures: self.inputs.map(function (i) { return i ? i.value : ""; }),
        total: self.totalInput ? self.totalInput.value : "",
        checked: !!self.checked,
        ruler: self.root.classList.contains("srs-show-ruler"),
        t: new Date().toISOString()
      };
    });
  };

  Scenario.prototype.addRulers = function () {
    var lines = this.root.querySelectorAll(".srs-line");
    for (var i = 0; i < lines.length; i++) {
      var ticks = [];
      for (var t = 0; t <= 100; t++) {
        var x = t + "%";
        var h = t % 10 === 0 ? 14 : t % 5 === 0 ? 10 : 6;
        ticks.push(svg("line", { class: "srs-ruler-tick", x1: x, x2: x, y1: 0, y2: h }));
        if (t % 10 === 0) {
          ticks.push(svg("text", { class: "srs-ruler-label", x: x, y: 26, "text-anchor": "middle", text: String(t / 10) }));
        }
      }
      var ruler = svg("svg", { class: "srs-ruler", width: "100%", height: "30", overflow: "visible", "aria-hidden": "true" }, ticks);
      lines[i].parentNode.insertBefore(ruler, lines[i].nextSibling);
    }
  };

  Scenario.prototype.toggleRuler = function (on) {
    this.root.classList.toggle("srs-show-ruler", on);
    var b = this.root.querySelector('[data-srs-action="ruler"]');
    if (b) {
      b.setAttribute("aria-pressed", on ? "true" : "false");
    }
  };

  Scenario.prototype.reset = function () {
    this.inputs.concat([this.totalInput]).forEach(function (i) {
      if (i) {
        i.value = "";
        i.removeAttribute("aria-invalid");
      }
    });
    this.results.concat([this.totalResult]).forEach(function (r) {
      if (r) {
        clear(r);
        r.className = "srs-measure-result";
      }
    });
    clear(this.status);
    this.checked = false;
    this.save();
    if (this.inputs[0]) {
      this.inputs[0].focus();
    }
  };

  function resultText(node, status, text) {
    clear(node);
    node.className = "srs-measure-result is-" + status;
    var sign = status === "ok" || status === "sum" ? "✓" : status === "off" ? "✗" : "!";
    append(node, [el("span", { class: "srs-result-icon", "aria-hidden": "true", text: sign + " " }), text]);
  }

  Scenario.prototype.check = function (announce) {
    var self = this;
    var entered = this.inputs.map(function (i) { return parseMeasure(i ? i.value : "", 100); });
    var total = this.totalInput ? parseMeasure(this.totalInput.value, this.rules.max) : null;
    var r = checkScenario(entered, total, this.ratings, this.tol);
    var tol = fmt(this.tol);
    var good = 0;
    r.items.forEach(function (it, k) {
      var node = self.results[k];
      var input = self.inputs[k];
      if (it.status === "ok") {
        good++;
      }
      if (input) {
        if (it.status === "invalid") {
          input.setAttribute("aria-invalid", "true");
        } else {
          input.removeAttribute("aria-invalid");
        }
      }
      if (!node) {
        return;
      }
      if (it.status === "ok") {
        resultText(node, "ok", "Within " + tol + ": the mark is at " + fmt(it.actual) + ".");
      } else if (it.status === "off") {
        resultText(node, "off", "Off by " + fmt(Math.abs(it.diff)) + ": the mark is at " + fmt(it.actual) + ".");
      } else if (it.status === "empty") {
        resultText(node, "empty", "Not measured yet.");
      } else {
        resultText(node, "invalid", "Enter a number from 0 to 10, such as 9.2.");
      }
    });
    var t = r.total;
    if (this.totalInput) {
      if (t.status === "invalid") {
        this.totalInput.setAttribute("aria-invalid", "true");
      } else {
        this.totalInput.removeAttribute("aria-invalid");
      }
    }
    var totalText;
    if (t.status === "ok") {
      totalText = "Within " + tol + ": the total is " + fmt(t.actual) + ".";
    } else if (t.status === "sum") {
      totalText = "Right: it is the sum of your measurements. The client's exact total is " + fmt(t.actual) + ".";
    } else if (t.status === "off") {
      totalText = "Off by " + fmt(Math.abs(t.diff)) + ": the total is " + fmt(t.actual) + "." +
        (t.sum !== null && t.sum !== t.actual ? " Your measurements add up to " + fmt(t.sum) + "." : "");
    } else if (t.status === "empty") {
      totalText = "No total yet: add up the " + this.ratings.length + " scores.";
    } else {
      totalText = "Enter the total as a number, such as 33.1.";
    }
    if (this.totalResult) {
      resultText(this.totalResult, t.status, totalText);
    }
    var summary = good + " of " + r.items.length + " measurements within " + tol + ". Total: " +
      (t.status === "ok" || t.status === "sum" ? "right." : t.status === "off" ? "not right." : "not entered.") +
      (r.right ? " Well measured. Now decide what you would say next." : "");
    clear(this.status);
    append(this.status, el("p", { class: r.right ? "is-ok" : "is-off", text: summary }));
    this.status.className = "srs-check-status " + (r.right ? "is-ok" : "is-off");
    this.checked = true;
    if (announce) {
      this.save();
    }
    return r;
  };

  /* ================================================================ start */

  function start() {
    var roots = document.querySelectorAll("[data-srs]");
    for (var i = 0; i < roots.length; i++) {
      var root = roots[i];
      if (root.getAttribute("data-srs-ready") === "true") {
        continue;
      }
      var cfg = config(root);
      if (!cfg || !Array.isArray(cfg.items) || !cfg.items.length) {
        continue;
      }
      root.setAttribute("data-srs-ready", "true");
      if (root.getAttribute("data-srs") === "practice") {
        practiceForms.push(new Practice(root, cfg));
      } else if (root.getAttribute("data-srs") === "scenario") {
        new Scenario(root, cfg);
      }
    }
    if (storageBroken) {
      warnStorage();
    }
  }

  /* another tab saved or deleted entries: show them here too */
  window.addEventListener("storage", function (event) {
    if (event.key === storageKey()) {
      var sets = {};
      practiceForms.forEach(function (f) { sets[f.set] = true; });
      Object.keys(sets).forEach(renderLogs);
    }
  });

  api.srs.start = start;

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
