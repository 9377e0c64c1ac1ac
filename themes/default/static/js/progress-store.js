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
 *     exercises: { "<exercise id>": { title, page, updated,
 *       questions: { "<question id>": { type, fp, status, response, attempts, first,
 *                                        revealed, modelShown, prompt, updated } } } } }
 *   status: "correct" | "incorrect" | "revealed" (answer shown) | "written" (reflection).
 *   fp: the question's correctness fingerprint at the time; a result whose fp no longer matches
 *   the built question counts as "changed" (not answered) but is kept.
 * A newer schema is never overwritten; unreadable data is copied to "...:progress-unreadable"
 * before starting afresh, so nothing a learner typed is lost.
 *
 * API: window.handbook.progress = {
 *   key, available, schema, root,
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

  function slug(text) {
    var s = String(text || "").toLowerCase();
    if (s.normalize) {
      s = s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
    }
    s = s.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
    return s || "handbook";
  }

  function storageKey(name) {
    if (typeof api.storageKey === "function") {
      return api.storageKey(name);
    }
    return "handbook:" + slug(document.documentElement.getAttribute("data-handbook")) + ":" + name;
  }

  var KEY = storageKey("progress");

  var storage = null;
  try {
    storage = window.localStorage;
    var probe = KEY + ":probe";
    storage.setItem(probe, "1");
    storage.removeItem(probe);
  } catch (e) {
    storage = null;
  }

  /* In-memory copy when storage is unavailable (the page still works, nothing persists). */
  var memory = null;
  var readOnly = false;

  function empty() {
    return { schema: SCHEMA, learner: "", exercises: {} };
  }

  function readRaw() {
    if (!storage) {
      return memory;
    }
    try {
      return storage.getItem(KEY);
    } catch (e) {
      return null;
    }
  }

  function writeRaw(text) {
    if (!storage) {
      memory = text;
      return true;
    }
    try {
      if (text === null) {
        storage.removeItem(KEY);
      } else {
        storage.setItem(KEY, text);
      }
      return true;
    } catch (e) {
      return false;
    }
  }

  function normalize(state) {
    if (!state || typeof state !== "object" || Array.isArray(state)) {
      return empty();
    }
    if (!state.exercises || typeof state.exercises !== "object" || Array.isArray(state.exercises)) {
      state.exercises = {};
    }
    Object.keys(state.exercises).forEach(function (id) {
      var ex = state.exercises[id];
      if (!ex || typeof ex !== "object") {
        delete state.exercises[id];
        return;
      }
      if (!ex.questions || typeof ex.questions !== "object") {
        ex.questions = {};
      }
    });
    if (typeof state.learner !== "string") {
      state.learner = "";
    }
    state.schema = state.schema || SCHEMA;
    return state;
  }

  function load() {
    var raw = readRaw();
    if (!raw) {
      return empty();
    }
    var parsed;
    try {
      parsed = JSON.parse(raw);
    } catch (e) {
      // Keep the unreadable text; never silently drop what the learner had.
      try {
        if (storage) {
          storage.setItem(storageKey("progress-unreadable"), raw);
        }
      } catch (e2) {
        /* full: leave it where it is */
        readOnly = true;
      }
      return empty();
    }
    if (parsed && typeof parsed.schema === "number" && parsed.schema > SCHEMA) {
      readOnly = true; // written by a newer handbook: read what we understand, never overwrite
    }
    return normalize(parsed);
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

  var lastError = "";

  function save(state) {
    if (readOnly) {
      lastError = "newer";
      return false;
    }
    state.schema = SCHEMA;
    var ok = writeRaw(JSON.stringify(state));
    lastError = ok ? "" : "full";
    return ok;
  }

  function update(fn) {
    var state = load();
    fn(state);
    var ok = save(state);
    changed({ saved: ok });
    return ok;
  }

  function replace(state) {
    var ok = save(normalize(state));
    changed({ saved: ok });
    return ok;
  }

  function clear() {
    var raw = readRaw();
    writeRaw(null);
    readOnly = false;
    changed({ cleared: true });
    return raw;
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

  /* ------------------------------------------------------------ wiring */

  api.progress = {
    key: KEY,
    schema: SCHEMA,
    root: root,
    available: !!storage,
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
    document.addEventListener("DOMContentLoaded", markSidebar);
  } else {
    markSidebar();
  }
})();
