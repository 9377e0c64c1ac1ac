  /* ------------------------------------------------------------ the practice log (srs.js's key) */

//= include js/shared/practice-entry.js

  /* The practice log as srs.js stores it ({ v, logs, drafts, scenarios }), checked entry by
     entry like the progress; `damaged` when something was left out. */
  function readPractice() {
    var raw = getRaw(SRS_KEY);
    var out = { v: 1, logs: {}, drafts: {}, scenarios: {} };
    var result = { state: out, raw: raw, damaged: false };
    if (!raw) {
      return result;
    }
    var s;
    try {
      s = JSON.parse(raw);
    } catch (e) {
      s = null;
    }
    if (!isObject(s)) {
      warn("the stored practice log is not readable");
      result.damaged = true;
      return result;
    }
    out.v = typeof s.v === "number" ? s.v : 1;
    Object.keys(isObject(s.logs) ? s.logs : {}).forEach(function (set) {
      if (!Array.isArray(s.logs[set])) {
        warn("ignored the practice log of " + set + " (not a list)");
        result.damaged = true;
        return;
      }
      out.logs[set] = s.logs[set].filter(function (e) {
        var ok = validPracticeEntry(e);
        if (!ok) {
          warn("ignored a damaged practice-log entry of " + set);
          result.damaged = true;
        }
        return ok;
      });
    });
    ["drafts", "scenarios"].forEach(function (k) {
      Object.keys(isObject(s[k]) ? s[k] : {}).forEach(function (id) {
        if (isObject(s[k][id]) && !tooBig(s[k][id])) {
          out[k][id] = s[k][id];
        } else {
          result.damaged = true;
        }
      });
    });
    if ((s.logs !== undefined && !isObject(s.logs)) || (s.drafts !== undefined && !isObject(s.drafts)) || (s.scenarios !== undefined && !isObject(s.scenarios))) {
      result.damaged = true;
    }
    return result;
  }

  /* Writes the practice log (import); a damaged stored one is copied first. */
  function savePractice(state, before) {
    if (before && before.damaged && before.raw && !keepCopy(SRS_KEY, before.raw)) {
      return false;
    }
    var ok = putRaw(SRS_KEY, JSON.stringify(state));
    if (!ok) {
      reportTrouble();
    }
    return ok;
  }

