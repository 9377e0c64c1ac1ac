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

//= include js/shared/i18n.js
//= include js/progress-store/where.js
//= include js/progress-store/checking.js
//= include js/progress-store/practice-log.js
//= include js/progress-store/storage-fails.js
//= include js/progress-store/paths.js
//= include js/progress-store/summaries.js
//= include js/progress-store/manifest.js
//= include js/progress-store/sidebar.js
//= include js/progress-store/reading.js
//= include js/progress-store/wiring.js
})();
