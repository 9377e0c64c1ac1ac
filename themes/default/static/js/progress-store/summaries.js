  /* ------------------------------------------------------------ summaries */

//= include js/shared/question-state.js

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

