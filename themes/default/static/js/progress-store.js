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
    return { schema: SCHEMA, learner: "", reading: {}, exercises: {} };
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
    if (!state.reading || typeof state.reading !== "object" || Array.isArray(state.reading)) {
      state.reading = {};
    }
    Object.keys(state.reading).forEach(function (path) {
      var r = state.reading[path];
      if (!r || typeof r !== "object") {
        delete state.reading[path];
        return;
      }
      if (!r.sections || typeof r.sections !== "object") {
        r.sections = {};
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
    document.addEventListener("DOMContentLoaded", function () {
      markSidebar();
      trackReading();
    });
  } else {
    markSidebar();
    trackReading();
  }
})();
