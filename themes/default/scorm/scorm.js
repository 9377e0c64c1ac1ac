/*
 * handbook SCORM package: scorm.js, the LMS runtime of the launch page (scorm-launch.html).
 * Only in `handbook export scorm` packages, never in a normal build. Classic script, no inline
 * code; loaded after theme.js, progress-store.js, assignments.js and suspend.js, and the
 * package's settings (assets/scorm/config.js: window.HANDBOOK_SCORM, written by src/export/).
 *
 * The launch page holds the one LMS session and shows the site in a frame, so the learner's
 * page-to-page navigation never ends it:
 * - finds the API (`API` for SCORM 1.2, `API_1484_11` for 2004) in the parent chain and then
 *   the opener's, as the specs describe; without one it replaces itself with the home page and
 *   the site behaves exactly as a normal build;
 * - Initialize once; restores suspend_data into the browser's storage (the LMS's record wins
 *   for another learner; for the same learner item by item, the newer wins); status
 *   `incomplete` on a first attempt; then frames the start page;
 * - after every change of the stored progress (the frame's events and storage events): one
 *   interaction per new graded answer, the score, the status by the completion rule and
 *   mastery, suspend_data; then Commit;
 * - on leaving (pagehide/unload, also when the LMS removes the frame): session_time, exit
 *   (`suspend` unless complete), Commit, Finish/Terminate, exactly once;
 * - every call's error (GetLastError) is checked; the first problem is shown to the learner
 *   in words (role=alert) and each is written to the console.
 * window.handbook.scorm = { version, finished(), calls } for tests and other scripts.
 */
(function () {
  "use strict";

//= include js/shared/i18n.js

  var api = window.handbook || (window.handbook = {});
  var cfg = window.HANDBOOK_SCORM || {};
  var V12 = cfg.version === "1.2";
  var start = cfg.start || "index.html";
  var frame = document.querySelector("[data-scorm-frame]");
  var store = api.progress;
  var codec = api.scormSuspend;

  function warn(message) {
    if (window.console && console.warn) {
      console.warn("handbook SCORM: " + message);
    }
  }

  /* ------------------------------------------------------------ finding the API */

  /* An API object, not just anything of that name (an element with id="API" is window.API). */
  function hasApi(win, name) {
    try {
      var found = win && win[name];
      return !!found && typeof found[name === "API" ? "LMSInitialize" : "Initialize"] === "function";
    } catch (e) {
      return false;
    }
  }

  /* Walks up the parent chain of `win` (SCORM 1.2 RTE 3.3.6.1, SCORM 2004 RTE 3.1.2.1). */
  function climb(win, name) {
    var depth = 0;
    try {
      while (win && !hasApi(win, name) && win.parent && win.parent !== win && depth < 500) {
        depth += 1;
        win = win.parent;
      }
    } catch (e) {
      return null;
    }
    return hasApi(win, name) ? win[name] : null;
  }

  function findApi(name) {
    var found = climb(window, name);
    var candidates = [];
    try {
      candidates.push(window.opener);
      candidates.push(window.top && window.top.opener);
    } catch (e) {
      /* another origin's window: not ours to search */
    }
    for (var i = 0; !found && i < candidates.length; i++) {
      if (candidates[i]) {
        found = climb(candidates[i], name);
      }
    }
    return found;
  }

  var raw = findApi(V12 ? "API" : "API_1484_11");
  if (!raw || !store || !codec || !frame) {
    if (!raw) {
      // No LMS: the site as it is, from its home page.
      window.location.replace(start);
    } else {
      warn("the package is missing part of its runtime; progress is not reported");
      if (frame) {
        frame.src = start;
      }
    }
    return;
  }

  /* ------------------------------------------------------------ calls and errors */

  var noticeShown = false;
  var calls = { initialize: 0, finish: 0, commit: 0 };

  function lastError() {
    try {
      var code = V12 ? raw.LMSGetLastError() : raw.GetLastError();
      var n = parseInt(code, 10);
      if (!n) {
        return null;
      }
      var text = "";
      try {
        text = V12 ? raw.LMSGetErrorString(String(n)) : raw.GetErrorString(String(n));
      } catch (e) {
        text = "";
      }
      return { code: n, text: String(text || "") };
    } catch (e) {
      return null;
    }
  }

  /* Shows the first LMS problem to the learner, in words, where they are looking. */
  function notice(kind) {
    if (noticeShown) {
      return;
    }
    noticeShown = true;
    var box = document.querySelector("[data-scorm-notice]");
    if (!box) {
      return;
    }
    var p = document.createElement("p");
    p.textContent = t("scorm.problem_" + kind) + " " + t("scorm.kept");
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = t("scorm.dismiss");
    close.addEventListener("click", function () {
      box.hidden = true;
      frame.focus();
    });
    box.appendChild(p);
    box.appendChild(close);
    box.hidden = false;
  }

  /* Checks the error after a call; `quiet` codes are not shown to the learner (an optional
     element the LMS does not implement), and when reading, not logged either (2004 answers 403
     for suspend_data on a first attempt). */
  function check(kind, what, quiet) {
    var err = lastError();
    if (!err) {
      return true;
    }
    var expected = quiet && quiet.indexOf(err.code) >= 0;
    if (!expected || kind !== "get") {
      warn(what + " failed: error " + err.code + (err.text ? " (" + err.text + ")" : ""));
    }
    if (!expected) {
      notice(kind);
    }
    return false;
  }

  function ok(result) {
    return result === true || result === "true";
  }

  function getValue(element) {
    var value;
    try {
      value = V12 ? raw.LMSGetValue(element) : raw.GetValue(element);
    } catch (e) {
      value = "";
    }
    // An optional element the LMS lacks (1.2: 401; 2004: 401 undefined, 402 unimplemented,
    // 403 not initialized yet) reads as empty.
    check("get", "GetValue(" + element + ")", [401, 402, 403]);
    return value === null || value === undefined ? "" : String(value);
  }

  var sent = {};

  function setValue(element, value, quiet) {
    var result;
    try {
      result = V12 ? raw.LMSSetValue(element, value) : raw.SetValue(element, value);
    } catch (e) {
      result = "false";
    }
    var fine = check("set", "SetValue(" + element + ")", quiet);
    if (fine && ok(result)) {
      sent[element] = value;
    }
    return fine;
  }

  function commit() {
    calls.commit += 1;
    var result;
    try {
      result = V12 ? raw.LMSCommit("") : raw.Commit("");
    } catch (e) {
      result = "false";
    }
    if (check("commit", "Commit") && !ok(result)) {
      notice("commit");
    }
  }

  /* ------------------------------------------------------------ the package's questions */

  var questions = cfg.questions || {};

  function questionInfo(ex, q) {
    var info = questions[ex] && questions[ex][q];
    return info ? { type: info.t, options: info.o || null } : null;
  }

  function letter(n) {
    return n >= 1 && n <= 26 ? String.fromCharCode(96 + n) : String(n);
  }

  /* A response list as SCORM identifiers: 1.2 single characters (a, b, ...), 2004 the option
     ids. Unknown options keep their id. */
  function identifiers(list, info) {
    return list.map(function (v) {
      var n = info && info.o ? info.o.indexOf(v) + 1 : 0;
      if (V12) {
        return n > 0 ? letter(n) : String(v);
      }
      return String(v).replace(/[^\w\-().:=@;$!*'%/#+]/g, "_").slice(0, 250) || "x";
    });
  }

  function sequence(list) {
    return list.map(function (v) {
      var n = parseInt(v, 10);
      return V12 ? letter(n) : "item-" + n;
    });
  }

  function fillIn(text, max) {
    var s = String(text || "").replace(/\s+/g, " ").trim().replace(/\[[,.]\]/g, " ");
    s = s.replace(/^\{/, "(");
    return s.slice(0, max);
  }

  var TYPES = { single: "choice", multiple: "choice", scenario: "choice", truefalse: "true-false", short: "fill-in", ordering: "sequencing" };

  /* The interaction fields of one answer: [[suffix, value], ...]. */
  function interactionFields(ex, key, rec, prompt) {
    var info = questions[ex] && questions[ex][key];
    var type = TYPES[(info && info.t) || rec.type];
    if (!type) {
      return null;
    }
    var sep = V12 ? "," : "[,]";
    var response;
    var pattern = "";
    var list = Array.isArray(rec.response) ? rec.response : [];
    if (type === "choice") {
      response = identifiers(list, info).join(sep);
      pattern = info && info.a ? identifiers(info.a, info).join(sep) : "";
    } else if (type === "true-false") {
      var value = String(list[0]) === "true";
      response = V12 ? (value ? "t" : "f") : String(value);
      if (info && info.a) {
        pattern = V12 ? (info.a[0] === "true" ? "t" : "f") : String(info.a[0] === "true");
      }
    } else if (type === "sequencing") {
      response = sequence(list).join(sep);
      if (info && info.n) {
        var order = [];
        for (var i = 1; i <= info.n; i++) {
          order.push(String(i));
        }
        pattern = sequence(order).join(sep);
      }
    } else {
      response = fillIn(typeof rec.response === "string" ? rec.response : "", V12 ? 255 : 250);
    }
    var id = (ex + "." + key).replace(V12 ? /[^\u0021-\u007E]/g : /[^\w\-().:=@;$!*'%/#+]/g, "_");
    var now = new Date();
    var pad = function (n) {
      return (n < 10 ? "0" : "") + n;
    };
    var time = pad(now.getHours()) + ":" + pad(now.getMinutes()) + ":" + pad(now.getSeconds());
    var fields = [["id", V12 ? id.slice(0, 255) : "urn:handbook:" + id.slice(0, 230)], ["type", type]];
    if (V12) {
      fields.push(["student_response", response], ["result", rec.status === "correct" ? "correct" : "wrong"], ["time", time]);
    } else {
      var day = now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
      fields.push(["timestamp", day + "T" + time], ["learner_response", response], ["result", rec.status === "correct" ? "correct" : "incorrect"]);
      if (prompt) {
        fields.push(["description", fillIn(prompt, 250)]);
      }
    }
    if (pattern) {
      fields.push(["correct_responses.0.pattern", pattern]);
    }
    return fields;
  }

  var interactionsSent = 0;

  function recordInteraction(fields) {
    // The LMS's count, so a resumed attempt appends; this launch's own count when the LMS
    // cannot say (an optional element in 1.2).
    var n = parseInt(getValue("cmi.interactions._count"), 10);
    if (!(n >= interactionsSent)) {
      n = interactionsSent;
    }
    interactionsSent = n + 1;
    for (var i = 0; i < fields.length; i++) {
      // 1.2 LMSs may not implement interactions (401): the score and status still count.
      if (!setValue("cmi.interactions." + n + "." + fields[i][0], fields[i][1], [401, 402])) {
        return;
      }
    }
  }

  /* ------------------------------------------------------------ progress, score, status */

  var data = null; // progress-data.js
  var scope = null; // { exercises: [ manifest exercises ], assignments: [ manifest assignments ] }
  var seen = {}; // "<exercise>\n<question>" -> attempts and time of the last reported answer
  var launchStatus = "";
  var finished = false;

  function resolveScope() {
    var wanted = Array.isArray(cfg.exercises) ? cfg.exercises : null;
    var exercises = [];
    (data.chapters || []).forEach(function (ch) {
      (ch.exercises || []).forEach(function (ex) {
        if (!wanted || wanted.indexOf(ex.id) >= 0) {
          exercises.push(ex);
        }
      });
    });
    var ids = Array.isArray(cfg.assignments) ? cfg.assignments : null;
    var assignments = (data.assignments || []).filter(function (a) {
      return !ids || ids.indexOf(a.id) >= 0;
    });
    scope = { exercises: exercises, assignments: assignments };
  }

  function isGraded(q) {
    return q.graded !== false && q.type !== "reflection";
  }

  function evaluate(state) {
    var graded = 0;
    var correct = 0;
    var answered = 0;
    scope.exercises.forEach(function (ex) {
      var stored = state.exercises[ex.id] || { questions: {} };
      ex.questions.forEach(function (q) {
        if (!isGraded(q)) {
          return;
        }
        var st = store.questionState(stored.questions[q.key], q);
        graded += 1;
        correct += st === "correct" ? 1 : 0;
        answered += st === "correct" || st === "incorrect" || st === "revealed" ? 1 : 0;
      });
    });
    var complete;
    if (cfg.completion === "pages") {
      complete = (cfg.pages || []).every(function (p) {
        return !!(state.reading[p] && state.reading[p].read);
      });
    } else if (cfg.completion === "assignments") {
      complete = !!api.assignments && scope.assignments.every(function (a) {
        return api.assignments.status(a, state, data).complete;
      });
    } else {
      complete = answered === graded;
    }
    var score = graded ? Math.round((100 * correct) / graded) : null;
    var mastery = typeof cfg.mastery === "number" ? cfg.mastery : null;
    var passed = mastery === null ? null : (score === null || score >= mastery);
    return { graded: graded, correct: correct, answered: answered, complete: complete, score: score, passed: passed };
  }

  /* The status and score elements to set for `outcome`. */
  function statusValues(outcome) {
    var out = [];
    if (outcome.score !== null) {
      var base = V12 ? "cmi.core.score." : "cmi.score.";
      out.push([base + "min", "0"], [base + "max", "100"], [base + "raw", String(outcome.score)]);
      if (!V12) {
        out.push(["cmi.score.scaled", String(outcome.score / 100)]);
      }
    }
    // Never take back what the LMS already recorded as finished.
    var finishedBefore = V12 ? /^(passed|completed|failed)$/.test(launchStatus) : launchStatus === "completed";
    if (V12) {
      var status = outcome.complete ? (outcome.passed === null ? "completed" : outcome.passed ? "passed" : "failed") : "incomplete";
      if (status !== "incomplete" || !finishedBefore) {
        out.push(["cmi.core.lesson_status", status]);
      }
    } else {
      if (outcome.complete || !finishedBefore) {
        out.push(["cmi.completion_status", outcome.complete ? "completed" : "incomplete"]);
      }
      if (outcome.passed !== null) {
        out.push(["cmi.success_status", outcome.complete ? (outcome.passed ? "passed" : "failed") : "unknown"]);
      }
    }
    return out;
  }

  var lastDropped = "";

  function suspendText(state) {
    var encoded = codec.encode({ progress: state, practice: store.readPractice().state }, V12 ? codec.LIMIT_12 : codec.LIMIT_2004, questionInfo);
    var dropped = encoded.dropped.join(", ");
    if (dropped && dropped !== lastDropped) {
      warn("the progress is larger than the " + (V12 ? "4,096" : "64,000") + " characters SCORM " + (V12 ? "1.2" : "2004") +
        " keeps for it; left out of suspend_data: " + dropped + " (answers and results are kept; the rest stays in this browser)");
    }
    lastDropped = dropped;
    return encoded.text;
  }

  /* Reports new answers, score, status and suspend_data; commits when anything changed. */
  function sync(force) {
    if (finished || !scope) {
      return;
    }
    var state = store.load();
    var changed = !!force;
    scope.exercises.forEach(function (ex) {
      var stored = state.exercises[ex.id];
      ex.questions.forEach(function (q) {
        var rec = stored && stored.questions[q.key];
        if (!rec || !isGraded(q) || (rec.status !== "correct" && rec.status !== "incorrect")) {
          return;
        }
        var mark = (rec.attempts || 0) + "@" + (rec.updated || "");
        var key = ex.id + "\n" + q.key;
        if (seen[key] === mark) {
          return;
        }
        seen[key] = mark;
        var fields = interactionFields(ex.id, q.key, rec, q.prompt);
        if (fields) {
          recordInteraction(fields);
          changed = true;
        }
      });
    });
    var values = statusValues(evaluate(state));
    values.push(["cmi.suspend_data", suspendText(state)]);
    values.forEach(function (v) {
      if (sent[v[0]] !== v[1]) {
        setValue(v[0], v[1]);
        changed = true;
      }
    });
    if (changed) {
      commit();
    }
  }

  /* Marks every answer stored at launch as reported (restored answers are not new). */
  function seed(state) {
    Object.keys(state.exercises).forEach(function (ex) {
      var qs = state.exercises[ex].questions || {};
      Object.keys(qs).forEach(function (q) {
        seen[ex + "\n" + q] = (qs[q].attempts || 0) + "@" + (qs[q].updated || "");
      });
    });
  }

  /* ------------------------------------------------------------ restoring suspend_data */

  function newer(a, b) {
    return String((a && a.updated) || "") > String((b && b.updated) || "");
  }

  function mergeProgress(local, saved) {
    Object.keys(saved.exercises).forEach(function (ex) {
      var mine = local.exercises[ex] || (local.exercises[ex] = { questions: {} });
      mine.questions = mine.questions || {};
      var theirs = saved.exercises[ex].questions;
      Object.keys(theirs).forEach(function (q) {
        if (!mine.questions[q] || newer(theirs[q], mine.questions[q])) {
          mine.questions[q] = theirs[q];
        }
      });
      if (newer(saved.exercises[ex], mine)) {
        mine.updated = saved.exercises[ex].updated;
      }
    });
    Object.keys(saved.reading).forEach(function (path) {
      var mine = local.reading[path] || (local.reading[path] = { sections: {} });
      var theirs = saved.reading[path];
      if (!mine.read && theirs.read) {
        mine.read = theirs.read;
      }
      Object.keys(theirs.sections || {}).forEach(function (id) {
        if (!mine.sections[id]) {
          mine.sections[id] = theirs.sections[id];
        }
      });
    });
    if (!local.learner && saved.learner) {
      local.learner = saved.learner;
    }
    return local;
  }

  function mergePractice(local, saved) {
    Object.keys(saved.logs).forEach(function (set) {
      var mine = local.logs[set] || (local.logs[set] = []);
      var ids = {};
      mine.forEach(function (e) {
        ids[e.id] = true;
      });
      (saved.logs[set] || []).forEach(function (e) {
        if (store.validEntry(e) && !(e.id && ids[e.id])) {
          mine.push(e);
        }
      });
    });
    ["scenarios", "drafts"].forEach(function (k) {
      Object.keys(saved[k]).forEach(function (id) {
        var mine = local[k][id];
        if (!mine || String(saved[k][id].t || "") > String(mine.t || "")) {
          local[k][id] = saved[k][id];
        }
      });
    });
    return local;
  }

  /* The LMS's record is this learner's progress: for another learner than the one who last
     used this package in this browser it replaces what is stored here; for the same learner
     (or the first time) the two are merged, the newer answer winning. */
  function restore(entry, suspend, learner) {
    var markerKey = (api.storageKey ? api.storageKey("scorm-learner") : store.key + ":scorm-learner");
    var previous = null;
    try {
      previous = window.localStorage.getItem(markerKey);
    } catch (e) {
      previous = null;
    }
    var saved = suspend && entry !== "ab-initio" ? codec.decode(suspend, questionInfo) : null;
    if (suspend && !saved && entry !== "ab-initio") {
      warn("the suspend_data the LMS holds is not this package's; it was left alone");
    }
    var practiceBefore = store.readPractice();
    if (previous !== null && previous !== learner) {
      store.replace(saved ? saved.progress : { schema: 1, learner: "", reading: {}, exercises: {} });
      store.savePractice(saved ? saved.practice : { v: 1, logs: {}, drafts: {}, scenarios: {} }, practiceBefore);
    } else if (saved) {
      store.replace(mergeProgress(store.load(), saved.progress));
      store.savePractice(mergePractice(practiceBefore.state, saved.practice), practiceBefore);
    }
    try {
      window.localStorage.setItem(markerKey, learner);
    } catch (e) {
      /* storage blocked: the progress lasts for this launch (progress-store.js says so) */
    }
  }

  /* ------------------------------------------------------------ leaving */

  var startedAt = Date.now();

  function sessionTime() {
    var s = Math.max(0, Math.round((Date.now() - startedAt) / 1000));
    var h = Math.floor(s / 3600);
    var m = Math.floor((s % 3600) / 60);
    var sec = s % 60;
    if (!V12) {
      return "PT" + h + "H" + m + "M" + sec + "S";
    }
    var two = function (n) {
      return (n < 10 ? "0" : "") + n;
    };
    return (h < 10 ? "000" : h < 100 ? "00" : h < 1000 ? "0" : "") + Math.min(h, 9999) + ":" + two(m) + ":" + two(sec) + ".00";
  }

  function finish() {
    if (finished || !session) {
      return;
    }
    sync(false);
    var outcome = scope ? evaluate(store.load()) : { complete: false };
    setValue(V12 ? "cmi.core.session_time" : "cmi.session_time", sessionTime());
    if (!outcome.complete) {
      setValue(V12 ? "cmi.core.exit" : "cmi.exit", "suspend");
    } else if (!V12) {
      setValue("cmi.exit", "normal");
    }
    commit();
    finished = true;
    calls.finish += 1;
    var result;
    try {
      result = V12 ? raw.LMSFinish("") : raw.Terminate("");
    } catch (e) {
      result = "false";
    }
    if (check("finish", "Finish") && !ok(result)) {
      warn("Finish returned false");
    }
  }

  /* ------------------------------------------------------------ the frame */

  function watchFrame() {
    var win;
    try {
      win = frame.contentWindow;
      win.addEventListener("handbook:exercise-result", function () {
        sync(false);
      });
      win.addEventListener("handbook:progress", function () {
        sync(false);
      });
      if (frame.contentDocument && frame.contentDocument.title) {
        document.title = frame.contentDocument.title;
      }
    } catch (e) {
      /* a page of another origin (a link out): nothing to watch */
    }
  }

  /* ------------------------------------------------------------ start */

  calls.initialize += 1;
  var session = false;
  try {
    session = ok(V12 ? raw.LMSInitialize("") : raw.Initialize(""));
  } catch (e) {
    session = false;
  }
  if (!check("init", "Initialize") || !session) {
    session = false;
    notice("init");
    frame.src = start;
    return;
  }

  api.scorm = {
    version: V12 ? "1.2" : "2004",
    calls: calls,
    finished: function () {
      return finished;
    },
    sync: sync
  };

  var entry = getValue(V12 ? "cmi.core.entry" : "cmi.entry");
  var suspend = getValue("cmi.suspend_data");
  var learner = getValue(V12 ? "cmi.core.student_id" : "cmi.learner_id");
  launchStatus = getValue(V12 ? "cmi.core.lesson_status" : "cmi.completion_status");

  window.addEventListener("pagehide", finish);
  window.addEventListener("unload", finish);
  window.addEventListener("pageshow", function (event) {
    // Back from the browser's page cache after the session ended: start a new launch.
    if (event.persisted && finished) {
      window.location.reload();
    }
  });
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") {
      sync(true);
    }
  });

  store.manifest(function (manifest) {
    data = manifest || { chapters: [], assignments: [] };
    restore(entry, suspend, learner);
    resolveScope();
    if (launchStatus === "not attempted" || launchStatus === "unknown" || launchStatus === "") {
      setValue(V12 ? "cmi.core.lesson_status" : "cmi.completion_status", "incomplete");
    }
    seed(store.load());
    sync(true);
    window.addEventListener("storage", function (event) {
      if (event.key === null || event.key === store.key || event.key === store.practiceKey) {
        sync(false);
      }
    });
    window.addEventListener("handbook:progress", function () {
      sync(false);
    });
    frame.addEventListener("load", watchFrame);
    frame.src = start;
  });
})();
