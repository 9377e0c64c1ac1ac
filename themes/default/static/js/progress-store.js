/*
 * handbook default theme: progress-store.js
 *
 * The learner's self-check progress, kept in this browser only (localStorage), never sent
 * anywhere. Loaded (deferred, classic script) on every page; marks the sidebar links of pages
 * whose exercises are all answered correctly.
 *
 * Storage: ONE key per handbook, window.handbook.storageKey("progress") (theme.js), i.e.
 * "handbook:<handbook id>:progress", holding JSON:
 *   { schema: 1, learner: "",
 *     reading: { "<page path>": { read: "<ISO date>" (page read), sections: { "<heading id>": "<ISO date>" } } },
 *     exercises: { "<exercise id>": { title, page, updated,
 *       questions: { "<question id>": { type, fp, status, response, attempts, first,
 *                                        revealed, modelShown, prompt, updated } } } } }
 *   status: "correct" | "incorrect" | "revealed" (answer shown) | "written" (reflection).
 *   fp: the question's correctness fingerprint at the time; a result whose fp no longer matches
 *   the built question counts as "changed" (not answered) but is kept.
 * Reading: on a content page (<article data-page-path>), a section counts as read once its whole
 * span (heading to the next heading of the same or higher level) has been on screen, and the page
 * once everything from the top of its content to its end has been; either only after the page
 * has been visible for <html data-read-after> seconds (default 30). A nudge, not proof.
 * The state also records when it was last saved (`saved`), when a progress file was last saved
 * (`exported`) and when the activity since then began (`activeSince`, for the progress page's
 * weekly reminder).
 * Checking: stored data is checked item by item (an answer, an exercise, a page's reading marks);
 * what does not fit (wrong JSON, wrong types, `exercises` as a list, items over 200,000
 * characters) is left out with a console warning, and the stored text is copied to
 * "<key>:backup" before it is first overwritten (never overwritten when that copy fails). A newer
 * schema is never overwritten.
 * Failures: every write is checked; when the browser refuses (quota, blocked), the change is kept
 * for this page view and reportTrouble() shows an alert where the learner is working (role=alert)
 * offering to save a progress file now (assignments.js builds it; loaded on demand).
 * The practice log (srs.js's key, "handbook:<id>:srs") is read and written here too for progress
 * files and import: readPractice() checks it entry by entry the same way.
 *
 * API: window.handbook.progress = {
 *   key, practiceKey, available, schema, root,
 *   read()            -> { state, raw, damaged },  normalize(state, problems) -> checked state,
 *   readPractice()    -> { state, raw, damaged },  savePractice(state, before) -> ok,
 *   validEntry(entry), markExported(), reportTrouble(), saveFileNow(statusNode),
 *   load()            -> a fresh copy of the stored state,
 *   update(fn)        -> read, fn(state) changes it, write; fires "handbook:progress" on window,
 *   replace(state)    -> write a whole state (import, undo),
 *   clear()           -> remove it (returns the previous raw text),
 *   pagePath(url)     -> the site-relative path of a URL ("alliance/bordin.html"),
 *   questionState(record, question) -> "unanswered" | "changed" | record.status,
 *   summarize(exercise, stored)     -> { total, graded, reflections, answered, correct,
 *                                        written, changed, started, complete },
 *   manifest(callback) -> loads progress-data.js once, calls callback(data or null)
 * }
 */
(function () {
  "use strict";

  var SCHEMA = 1;
  var api = window.handbook || (window.handbook = {});
  if (api.progress) {
    return;
  }

  /* ------------------------------------------------------------ where things are */

  var script = document.currentScript;
  var scriptUrl = script && script.src ? script.src : "";
  var version = scriptUrl.indexOf("?") >= 0 ? scriptUrl.slice(scriptUrl.indexOf("?")) : "";
  var root = scriptUrl
    ? scriptUrl.replace(/[?#].*$/, "").replace(/assets\/js\/[^/]*$/, "")
    : new URL("./", window.location.href).href;

//= include js/shared/slug.js

  function storageKey(name) {
    if (typeof api.storageKey === "function") {
      return api.storageKey(name);
    }
    return "handbook:" + (slug(document.documentElement.getAttribute("data-handbook")) || "handbook") + ":" + name;
  }

  var KEY = storageKey("progress");
  var SRS_KEY = storageKey("srs");
  /* A stored item larger than this (characters of JSON) is not something a learner typed. */
  var MAX_ITEM = 200000;

  var storage = null;
  try {
    storage = window.localStorage;
    var probe = KEY + ":probe";
    storage.setItem(probe, "1");
    storage.removeItem(probe);
  } catch (e) {
    storage = null;
  }

  /* The page view's copy of each key whose last write failed (or of every key when storage is
     unavailable): what the learner did here stays visible and goes into a progress file. */
  var memory = {};
  var readOnly = false;
  var lastError = "";

  function warn(message) {
    if (window.console && console.warn) {
      console.warn("handbook: " + message);
    }
  }

  function empty() {
    return { schema: SCHEMA, learner: "", reading: {}, exercises: {} };
  }

  function isObject(v) {
    return !!v && typeof v === "object" && !Array.isArray(v);
  }

  function tooBig(v) {
    try {
      return JSON.stringify(v).length > MAX_ITEM;
    } catch (e) {
      return true;
    }
  }

  function getRaw(key) {
    if (Object.prototype.hasOwnProperty.call(memory, key)) {
      return memory[key];
    }
    if (!storage) {
      return null;
    }
    try {
      return storage.getItem(key);
    } catch (e) {
      return null;
    }
  }

  /* Writes (or removes, text null) one key; false when the browser refuses. The text is then
     kept in memory for this page view, and the learner is told (reportTrouble). */
  function putRaw(key, text) {
    var ok = false;
    if (storage) {
      try {
        if (text === null) {
          storage.removeItem(key);
        } else {
          storage.setItem(key, text);
        }
        ok = true;
      } catch (e) {
        warn("the browser refused to store " + key + " (" + (e && e.name) + ")");
      }
    }
    if (ok) {
      delete memory[key];
    } else {
      memory[key] = text;
    }
    return ok;
  }

  /* Keeps a copy of damaged stored text before it is first overwritten: "<key>:backup", or
     "<key>:backup:<time>" when an older copy is already there. */
  function keepCopy(key, raw) {
    if (!storage) {
      return false;
    }
    try {
      var existing = storage.getItem(key + ":backup");
      if (existing === raw) {
        return true;
      }
      storage.setItem(existing === null ? key + ":backup" : key + ":backup:" + new Date().toISOString(), raw);
      warn("kept a copy of the damaged data of " + key + " in " + key + ":backup");
      return true;
    } catch (e) {
      return false;
    }
  }

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
      bad("the stored progress is not an object");
      return empty();
    }
    if (state.exercises !== undefined && !isObject(state.exercises)) {
      bad("`exercises` is not an object");
    }
    var exercises = {};
    if (isObject(state.exercises)) {
      Object.keys(state.exercises).forEach(function (id) {
        var ex = state.exercises[id];
        if (!isObject(ex) || (ex.questions !== undefined && !isObject(ex.questions))) {
          bad("exercise " + id);
          return;
        }
        var questions = {};
        Object.keys(ex.questions || {}).forEach(function (key) {
          if (validRecord(ex.questions[key])) {
            questions[key] = ex.questions[key];
          } else {
            bad("answer " + id + "/" + key);
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
      bad("`reading` is not an object");
    }
    var reading = {};
    if (isObject(state.reading)) {
      Object.keys(state.reading).forEach(function (path) {
        var r = state.reading[path];
        if (!isObject(r) || (r.sections !== undefined && !isObject(r.sections)) || (r.read !== undefined && typeof r.read !== "string") || tooBig(r)) {
          bad("reading mark " + path);
          return;
        }
        var sections = {};
        Object.keys(r.sections || {}).forEach(function (id) {
          if (typeof r.sections[id] === "string") {
            sections[id] = r.sections[id];
          } else {
            bad("reading mark " + path + "#" + id);
          }
        });
        r.sections = sections;
        reading[path] = r;
      });
    }
    state.reading = reading;
    if (state.learner !== undefined && (typeof state.learner !== "string" || state.learner.length > 500)) {
      bad("`learner` is not a short text");
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

  /* ------------------------------------------------------------ the practice log (srs.js's key) */

  function validEntry(e) {
    return isObject(e) && typeof e.date === "string" && Array.isArray(e.values) && e.values.length <= 50 &&
      e.values.every(function (v) { return v === null || (typeof v === "number" && isFinite(v)); }) &&
      (e.id === undefined || typeof e.id === "string") && (e.label === undefined || e.label === null || typeof e.label === "string") &&
      (e.labels === undefined || Array.isArray(e.labels)) && !tooBig(e);
  }

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
        var ok = validEntry(e);
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

  /* ------------------------------------------------------------ when storage fails */

  var alertBox = null;

  /* Says, where the learner is looking, that progress cannot be saved in this browser, and
     offers to save a progress file now (role=alert: screen readers announce it). Once per
     page view; later failures only bring it back if it was dismissed. */
  function reportTrouble() {
    if (alertBox && alertBox.parentNode) {
      return;
    }
    if (!document.body) {
      return;
    }
    alertBox = document.createElement("div");
    alertBox.className = "storage-alert";
    alertBox.setAttribute("role", "alert");
    alertBox.setAttribute("data-storage-alert", "");
    var p = document.createElement("p");
    p.textContent = "Your progress cannot be saved in this browser (its storage is full or blocked). " +
      "What you do now lasts only while this page is open. Save a progress file to keep it; you can import it later.";
    alertBox.appendChild(p);
    var save = document.createElement("button");
    save.type = "button";
    save.className = "question-button";
    save.textContent = "Save progress file now";
    save.addEventListener("click", function () {
      saveFileNow(p);
    });
    var close = document.createElement("button");
    close.type = "button";
    close.className = "question-button";
    close.textContent = "Dismiss";
    close.addEventListener("click", function () {
      var box = alertBox;
      alertBox = null;
      if (box.parentNode) {
        box.parentNode.removeChild(box);
      }
    });
    alertBox.appendChild(save);
    alertBox.appendChild(document.createTextNode(" "));
    alertBox.appendChild(close);
    var active = document.activeElement;
    var near = active && active.closest ? active.closest("[data-exercise], [data-srs], [data-progress-tools], [data-handin]") : null;
    if (near) {
      near.appendChild(alertBox);
      if (alertBox.scrollIntoView) {
        alertBox.scrollIntoView({ block: "nearest" });
      }
    } else {
      alertBox.classList.add("storage-alert-fixed");
      document.body.appendChild(alertBox);
    }
  }

  /* Loads assignments.js (which builds progress files) when the page does not have it. */
  function withFileBuilder(callback) {
    if (api.assignments) {
      callback(api.assignments);
      return;
    }
    var el = document.createElement("script");
    el.src = root + "assets/js/assignments.js" + version;
    el.onload = el.onerror = function () {
      callback(api.assignments || null);
    };
    document.head.appendChild(el);
  }

  function saveFileNow(statusNode) {
    manifest(function (data) {
      withFileBuilder(function (builder) {
        if (!builder) {
          statusNode.textContent = "The progress file could not be made on this page; open \u201cMy progress\u201d and save it there.";
          return;
        }
        data = data || { id: api.handbookId || "", handbook: document.documentElement.getAttribute("data-handbook-title") || "", build: "", chapters: [], assignments: [] };
        var file = builder.handIn(data, {});
        var name = builder.fileName(data, file.learner, "json");
        builder.download(JSON.stringify(file, null, 2) + "\n", name, "application/json");
        markExported();
        statusNode.textContent = "Saved " + name + ". Keep it: import it on the \u201cMy progress\u201d page of this handbook to restore your progress.";
      });
    });
  }

  /* ------------------------------------------------------------ paths */

  function canonical(href) {
    var u;
    try {
      u = new URL(href, window.location.href);
    } catch (e) {
      return "";
    }
    u.hash = "";
    u.search = "";
    var s = u.href;
    if (s.charAt(s.length - 1) === "/") {
      s += "index.html";
    }
    return s;
  }

  function pagePath(url) {
    var c = canonical(url || window.location.href);
    var r = canonical(root).replace(/index\.html$/, "");
    if (c.indexOf(r) !== 0) {
      return c;
    }
    try {
      return decodeURIComponent(c.slice(r.length));
    } catch (e) {
      return c.slice(r.length);
    }
  }

  /* ------------------------------------------------------------ summaries */

  function questionState(record, q) {
    if (!record) {
      return "unanswered";
    }
    if (q.type === "reflection" || q.graded === false) {
      return record.status === "written" ? "written" : "unanswered";
    }
    if (record.fp && q.fp && record.fp !== q.fp) {
      return "changed";
    }
    return record.status || "unanswered";
  }

  /* exercise: { questions: [ { key, type, fp, graded } ] }; stored: the stored exercise. */
  function summarize(exercise, stored) {
    var s = { total: 0, graded: 0, reflections: 0, answered: 0, correct: 0, written: 0, changed: 0, started: false, complete: false };
    var records = (stored && stored.questions) || {};
    (exercise.questions || []).forEach(function (q) {
      var st = questionState(records[q.key], q);
      s.total += 1;
      if (q.graded === false || q.type === "reflection") {
        s.reflections += 1;
      } else {
        s.graded += 1;
      }
      if (st === "correct") {
        s.correct += 1;
      }
      if (st === "written") {
        s.written += 1;
      }
      if (st === "changed") {
        s.changed += 1;
      }
      if (st === "correct" || st === "incorrect" || st === "revealed" || st === "written") {
        s.answered += 1;
      }
    });
    s.started = s.answered > 0;
    s.complete = s.total > 0 && s.correct === s.graded && s.written === s.reflections;
    return s;
  }

  /* ------------------------------------------------------------ the manifest (lazy) */

  var manifestWaiters = null;

  function manifest(callback) {
    if (window.HANDBOOK_PROGRESS_DATA) {
      callback(window.HANDBOOK_PROGRESS_DATA);
      return;
    }
    if (manifestWaiters) {
      manifestWaiters.push(callback);
      return;
    }
    manifestWaiters = [callback];
    var done = function () {
      var waiters = manifestWaiters;
      manifestWaiters = null;
      var data = window.HANDBOOK_PROGRESS_DATA || null;
      waiters.forEach(function (w) {
        w(data);
      });
    };
    var el = document.createElement("script");
    el.src = root + "progress-data.js" + version;
    el.async = true;
    el.onload = done;
    el.onerror = done;
    document.head.appendChild(el);
  }

  /* ------------------------------------------------------------ sidebar marks */

  var sidebarObserver = null;

  function markSidebar() {
    var state = load();
    if (!Object.keys(state.exercises).length) {
      applyMarks({});
      return;
    }
    manifest(function (data) {
      if (!data || !data.chapters) {
        return;
      }
      var pages = {};
      data.chapters.forEach(function (ch) {
        ch.exercises.forEach(function (ex) {
          var done = summarize(ex, state.exercises[ex.id]).complete;
          var url = canonical(root + ex.page);
          pages[url] = pages[url] === undefined ? done : pages[url] && done;
        });
      });
      applyMarks(pages);
    });
  }

  function applyMarks(pages) {
    var links = document.querySelectorAll("#hb-sidebar a[href], [data-progress-marks] a[href]");
    if (sidebarObserver) {
      sidebarObserver.disconnect();
    }
    for (var i = 0; i < links.length; i++) {
      var a = links[i];
      var done = pages[canonical(a.getAttribute("href"))] === true;
      var mark = a.querySelector(".progress-mark");
      if (done && !mark) {
        mark = document.createElement("span");
        mark.className = "progress-mark";
        var icon = document.createElement("span");
        icon.setAttribute("aria-hidden", "true");
        icon.textContent = "\u2713";
        var text = document.createElement("span");
        text.className = "visually-hidden";
        text.textContent = " (exercises done)";
        mark.appendChild(icon);
        mark.appendChild(text);
        a.appendChild(mark);
        a.classList.add("is-done");
      } else if (!done && mark) {
        a.removeChild(mark);
        a.classList.remove("is-done");
      }
    }
    observeSidebar();
  }

  function observeSidebar() {
    var sidebar = document.getElementById("hb-sidebar");
    if (!sidebar || !window.MutationObserver) {
      return;
    }
    if (!sidebarObserver) {
      sidebarObserver = new MutationObserver(function () {
        markSidebar();
      });
    }
    sidebarObserver.observe(sidebar, { childList: true, subtree: true });
  }

  /* ------------------------------------------------------------ reading */

  /* Records the page and its sections as read (see the header). */
  function trackReading() {
    var article = document.querySelector("article[data-page-path]");
    if (!article) {
      return;
    }
    var path = article.getAttribute("data-page-path");
    var seconds = parseFloat(document.documentElement.getAttribute("data-read-after"));
    if (!(seconds >= 0)) {
      seconds = 30;
    }
    var content = article.querySelector(".content") || article;
    var headings = content.querySelectorAll("h2[id], h3[id], h4[id], h5[id], h6[id]");
    var sections = [];
    for (var i = 0; i < headings.length; i++) {
      var level = +headings[i].tagName.charAt(1);
      var end = null;
      for (var j = i + 1; j < headings.length; j++) {
        if (+headings[j].tagName.charAt(1) <= level) {
          end = headings[j];
          break;
        }
      }
      sections.push({ id: headings[i].id, start: headings[i], end: end });
    }
    var stored = load().reading[path] || { sections: {} };
    var pageDone = !!stored.read;
    var done = {};
    sections.forEach(function (s) {
      if (stored.sections[s.id]) {
        done[s.id] = true;
      }
    });
    /* The stretches of the page that have been on screen: scrolling extends the current one,
       a jump (a link to a heading, the scroll bar dragged far) starts a new one. */
    var seenSpans = [];
    var visible = 0;
    var pending = {};
    var pagePending = false;

    function y(node, bottom) {
      var rect = node.getBoundingClientRect();
      return (bottom ? rect.bottom : rect.top) + window.pageYOffset;
    }
    function addView(top, bottom) {
      var merged = { top: top, bottom: bottom };
      seenSpans = seenSpans.filter(function (s) {
        if (s.bottom + 2 >= merged.top && s.top - 2 <= merged.bottom) {
          merged.top = Math.min(merged.top, s.top);
          merged.bottom = Math.max(merged.bottom, s.bottom);
          return false;
        }
        return true;
      });
      seenSpans.push(merged);
    }
    function seen(top, bottom) {
      return seenSpans.some(function (s) {
        return top >= s.top - 2 && bottom <= s.bottom + 2;
      });
    }
    function look() {
      var top = window.pageYOffset;
      addView(top, top + window.innerHeight);
      var contentBottom = y(content, true);
      if (!pageDone && seen(y(content, false), contentBottom)) {
        pagePending = true;
      }
      sections.forEach(function (s) {
        if (!done[s.id] && !pending[s.id] && seen(y(s.start, false), s.end ? y(s.end, false) : contentBottom)) {
          pending[s.id] = true;
        }
      });
      record();
    }
    function record() {
      var ids = Object.keys(pending);
      if (visible < seconds || (!ids.length && !pagePending) || readOnly) {
        return;
      }
      var now = new Date().toISOString();
      update(function (state) {
        var r = state.reading[path] || (state.reading[path] = { sections: {} });
        if (pagePending && !r.read) {
          r.read = now;
        }
        ids.forEach(function (id) {
          if (!r.sections[id]) {
            r.sections[id] = now;
          }
        });
      });
      ids.forEach(function (id) {
        done[id] = true;
      });
      pageDone = pageDone || pagePending;
      pending = {};
      pagePending = false;
    }
    function finished() {
      return pageDone && sections.every(function (s) {
        return done[s.id];
      });
    }
    if (finished()) {
      return;
    }
    var scheduled = false;
    function onScroll() {
      if (!scheduled) {
        scheduled = true;
        (window.requestAnimationFrame || setTimeout)(function () {
          scheduled = false;
          look();
        });
      }
    }
    window.addEventListener("scroll", onScroll, { passive: true });
    window.addEventListener("resize", onScroll);
    var timer = setInterval(function () {
      if (!document.hidden) {
        visible += 1;
      }
      look();
      if (finished()) {
        clearInterval(timer);
        window.removeEventListener("scroll", onScroll);
        window.removeEventListener("resize", onScroll);
      }
    }, 1000);
    look();
  }

  /* ------------------------------------------------------------ wiring */

  api.progress = {
    key: KEY,
    practiceKey: SRS_KEY,
    schema: SCHEMA,
    root: root,
    available: !!storage,
    normalize: function (state, problems) {
      return normalize(state, problems || []);
    },
    read: read,
    readPractice: readPractice,
    savePractice: savePractice,
    validEntry: validEntry,
    markExported: markExported,
    reportTrouble: reportTrouble,
    saveFileNow: saveFileNow,
    isReadOnly: function () {
      return readOnly;
    },
    lastError: function () {
      return lastError;
    },
    load: load,
    update: update,
    replace: replace,
    clear: clear,
    pagePath: pagePath,
    questionState: questionState,
    summarize: summarize,
    manifest: manifest,
    refreshMarks: markSidebar
  };

  window.addEventListener("handbook:progress", markSidebar);
  window.addEventListener("storage", function (event) {
    if (event.key === KEY || event.key === null) {
      changed({ external: true });
    }
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () {
      markSidebar();
      trackReading();
    });
  } else {
    markSidebar();
    trackReading();
  }
})();
