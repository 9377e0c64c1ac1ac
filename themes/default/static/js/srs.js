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
 *   0.1, Page Up/Down 1, Home/End the ends, Delete/Backspace clears); in a right-to-left page
 *   the line runs from 0 at its right end (srs.css mirrors the drawing, the pointer is measured
 *   from the right, Left and Right swap);
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

//= include js/shared/i18n.js
//= include js/shared/csv.js
//= include js/shared/today.js
//= include js/shared/download.js
//= include js/srs/logic.js
//= include js/srs/stored.js
//= include js/srs/storage.js
//= include js/srs/dom.js
//= include js/srs/practice.js
//= include js/srs/print.js
//= include js/srs/scenario.js
//= include js/srs/start.js
})();
