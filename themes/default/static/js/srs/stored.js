  /* ---------------------------------------------------------------- stored state */

  function emptyState() {
    return { v: VERSION, logs: {}, drafts: {}, scenarios: {} };
  }

//= include js/shared/stored.js
//= include js/shared/practice-entry.js

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
        var ok = validPracticeEntry(e);
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
    validEntry: validPracticeEntry,
    readStored: readStored,
    readState: readState
  };

  if (typeof module === "object" && module && module.exports) {
    module.exports = core;
  }
  if (typeof window === "undefined" || typeof document === "undefined") {
    return;
  }

