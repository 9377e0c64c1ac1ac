  /* ---- shared/tally.js: included at build time (`//= include js/shared/tally.js`) inside a
     script's function. ---- */

  /* The totals of the exercises of a chapter or a handbook, as the progress page and the
     progress file count them. tally(): none yet. addExercise(tally, s): one exercise, whose
     summary s is progress-store.js's summarize(). addTally(into, other): another tally. */
  var TALLY_FIELDS = ["exercises", "complete", "questions", "graded", "answered", "correct"];

  function tally() {
    var out = {};
    TALLY_FIELDS.forEach(function (k) {
      out[k] = 0;
    });
    return out;
  }

  function addExercise(into, s) {
    addTally(into, { exercises: 1, complete: s.complete ? 1 : 0, questions: s.total, graded: s.graded, answered: s.answered, correct: s.correct });
  }

  function addTally(into, other) {
    TALLY_FIELDS.forEach(function (k) {
      into[k] += other[k];
    });
  }
