  /* ------------------------------------------------------------ checking stored data */

  var STATUSES = { correct: 1, incorrect: 1, revealed: 1, written: 1 };

  function validRecord(r) {
    if (!isObject(r) || tooBig(r)) {
      return false;
    }
    if (r.status !== undefined && !(typeof r.status === "string" && STATUSES[r.status])) {
      return false;
    }
    var text = ["type", "fp", "prompt", "updated", "first"];
    for (var i = 0; i < text.length; i++) {
      if (r[text[i]] !== undefined && r[text[i]] !== null && typeof r[text[i]] !== "string") {
        return false;
      }
    }
    return r.attempts === undefined || typeof r.attempts === "number";
  }

  /* Checks stored progress item by item: what does not fit is left out (with a console
     warning) and counted in `problems`. Returns the usable state. */
  function normalize(state, problems) {
    var bad = function (what) {
      problems.push(what);
      warn("ignored damaged stored progress: " + what);
    };
    if (!isObject(state)) {
      bad(t("progress.problem_not_object"));
      return empty();
    }
    if (state.exercises !== undefined && !isObject(state.exercises)) {
      bad(t("progress.problem_exercises"));
    }
    var exercises = {};
    if (isObject(state.exercises)) {
      Object.keys(state.exercises).forEach(function (id) {
        var ex = state.exercises[id];
        if (!isObject(ex) || (ex.questions !== undefined && !isObject(ex.questions))) {
          bad(t("progress.problem_exercise", { id: id }));
          return;
        }
        var questions = {};
        Object.keys(ex.questions || {}).forEach(function (key) {
          if (validRecord(ex.questions[key])) {
            questions[key] = ex.questions[key];
          } else {
            bad(t("progress.problem_answer", { id: id + "/" + key }));
          }
        });
        ex.questions = questions;
        ["title", "page", "updated"].forEach(function (k) {
          if (ex[k] !== undefined && typeof ex[k] !== "string") {
            delete ex[k];
          }
        });
        exercises[id] = ex;
      });
    }
    state.exercises = exercises;
    if (state.reading !== undefined && !isObject(state.reading)) {
      bad(t("progress.problem_reading"));
    }
    var reading = {};
    if (isObject(state.reading)) {
      Object.keys(state.reading).forEach(function (path) {
        var r = state.reading[path];
        if (!isObject(r) || (r.sections !== undefined && !isObject(r.sections)) || (r.read !== undefined && typeof r.read !== "string") || tooBig(r)) {
          bad(t("progress.problem_mark", { id: path }));
          return;
        }
        var sections = {};
        Object.keys(r.sections || {}).forEach(function (id) {
          if (typeof r.sections[id] === "string") {
            sections[id] = r.sections[id];
          } else {
            bad(t("progress.problem_mark", { id: path + "#" + id }));
          }
        });
        r.sections = sections;
        reading[path] = r;
      });
    }
    state.reading = reading;
    if (state.learner !== undefined && (typeof state.learner !== "string" || state.learner.length > 500)) {
      bad(t("progress.problem_learner"));
      state.learner = "";
    }
    state.learner = state.learner || "";
    ["saved", "exported", "activeSince"].forEach(function (k) {
      if (state[k] !== undefined && typeof state[k] !== "string") {
        delete state[k];
      }
    });
    state.schema = typeof state.schema === "number" ? state.schema : SCHEMA;
    return state;
  }

  /* { state, raw, damaged } for the stored text. */
  function read() {
    var raw = getRaw(KEY);
    if (!raw) {
      return { state: empty(), raw: raw, damaged: false };
    }
    var parsed;
    try {
      parsed = JSON.parse(raw);
    } catch (e) {
      warn("the stored progress is not valid JSON; starting afresh (a copy is kept)");
      return { state: empty(), raw: raw, damaged: true };
    }
    if (isObject(parsed) && typeof parsed.schema === "number" && parsed.schema > SCHEMA) {
      readOnly = true; // written by a newer handbook: read what we understand, never overwrite
    }
    var problems = [];
    var state = normalize(parsed, problems);
    return { state: state, raw: raw, damaged: problems.length > 0 };
  }

  function load() {
    return read().state;
  }

  function changed(detail) {
    var event;
    try {
      event = new CustomEvent("handbook:progress", { detail: detail || {} });
    } catch (e) {
      event = document.createEvent("CustomEvent");
      event.initCustomEvent("handbook:progress", false, false, detail || {});
    }
    window.dispatchEvent(event);
  }

  /* Writes `state` over what `before` read; damaged stored text is copied first. */
  function save(state, before) {
    if (readOnly) {
      lastError = "newer";
      return false;
    }
    if (before && before.damaged && before.raw && !keepCopy(KEY, before.raw)) {
      // Without a copy the damaged text is not overwritten: the change lasts for this view.
      memory[KEY] = JSON.stringify(state);
      lastError = "full";
      reportTrouble();
      return false;
    }
    var now = new Date().toISOString();
    state.schema = SCHEMA;
    state.saved = now;
    if (!state.activeSince) {
      state.activeSince = now;
    }
    var ok = putRaw(KEY, JSON.stringify(state));
    lastError = ok ? "" : "full";
    if (!ok) {
      reportTrouble();
    }
    return ok;
  }

  function update(fn) {
    var before = read();
    var state = before.state;
    fn(state);
    var ok = save(state, before);
    changed({ saved: ok });
    return ok;
  }

  function replace(state) {
    var ok = save(normalize(state, []), read());
    changed({ saved: ok });
    return ok;
  }

  /* Records that a progress file was saved now (the reminder on the progress page waits for a
     week of activity after it). */
  function markExported() {
    var before = read();
    var state = before.state;
    state.exported = new Date().toISOString();
    state.activeSince = "";
    if (before.damaged && before.raw && !keepCopy(KEY, before.raw)) {
      memory[KEY] = JSON.stringify(state);
    } else if (!readOnly) {
      state.schema = SCHEMA;
      putRaw(KEY, JSON.stringify(state));
    }
    changed({ exported: true });
  }

  function clear() {
    var raw = getRaw(KEY);
    putRaw(KEY, null);
    delete memory[KEY];
    readOnly = false;
    changed({ cleared: true });
    return raw;
  }

