  /* ---- shared/question-state.js: included at build time
     (`//= include js/shared/question-state.js`) inside a script's function. ---- */

  /* questionState(record, q): what a stored answer `record` says of question q ({ type, fp,
     graded }): "unanswered", "changed" (answered when the question was different: its
     fingerprint no longer matches), "written" (a reflection), or the record's status
     ("correct", "incorrect", "revealed"). A record without a status (a draft) is
     "unanswered" (exercise/restore.js puts a draft back only when its fp is the question's). The one rule of progress-store.js and of exercise.js
     when that is missing. */
  function questionState(record, q) {
    if (!record) {
      return "unanswered";
    }
    if (q.type === "reflection" || q.graded === false) {
      return record.status === "written" ? "written" : "unanswered";
    }
    if (!record.status) {
      return "unanswered"; // nothing checked yet: at most a draft (exercise/typed.js)
    }
    if (record.fp && q.fp && record.fp !== q.fp) {
      return "changed";
    }
    return record.status || "unanswered";
  }
