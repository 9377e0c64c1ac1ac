/*
 * handbook default theme: exercise.js
 *
 * Makes every [data-exercise] element on the page interactive, whatever component emitted it
 * (the `exercise` block, or another component that embeds a question through the Rust
 * question engine, src/components/exercise.rs). Classic script, no inline code, no requests.
 *
 * Markup it relies on (see exercise/html.rs):
 * Each question type's behaviour is in exercise/types/TYPE.js (included below in name order),
 * registered by its data-type into the table of exercise/question.js.
 *
 *   [data-exercise="ID"]  data-show-answer="true|false"  data-track="false" (optional: do not
 *                         save results)  [data-exercise-progress] (optional "answered N of M")
 *     [data-question="KEY"] data-type data-fp, and per type:
 *         choice:   data-mode="single|multiple" data-answer="ID" | "ID ID" | "true";
 *                   li.question-option[data-option=ID][data-n=authored number] >
 *                   input[type=radio|checkbox] value = the option's id (from its text), in
 *                   display order (shuffled unless the author said `shuffle = false`)
 *         short:    data-accept='["a","b"]', optional data-number data-tolerance data-unit
 *                   data-decimal="," and data-typos="false"; input[data-input]
 *         ordering: ol[data-ordering] > li[data-item=correct position] with [data-move] buttons
 *         reflection: textarea[data-input], [data-saved]
 *       [data-actions] with button[data-action=check|retry|reveal|model]
 *       [data-feedback] (live region), details[data-answer-panel] ([data-solution],
 *       [data-feedback-for=value] .feedback-text, [data-explanation])
 *
 * API: window.handbook.exercises = { init(rootElement), normalize(text),
 *   textMatches(given, accepted, typos), parseNumber(text, unit, decimalComma),
 *   gradeShort(given, accept, number, typos), version }.
 * Each check fires a bubbling "handbook:exercise-result" event on the question element with
 * detail { exercise, question, status, correct }.
 * Progress goes through window.handbook.progress (progress-store.js); without it, results last
 * for this page view only.
 */
(function () {
  "use strict";

  var api = window.handbook || (window.handbook = {});
  if (api.exercises) {
    return;
  }

//= include js/shared/i18n.js
//= include js/exercise/helpers.js
//= include js/exercise/exercise.js
//= include js/exercise/question.js
//= include js/exercise/typed.js
//= include js/exercise/types/*.js
//= include js/exercise/restore.js
//= include js/exercise/start.js
})();
