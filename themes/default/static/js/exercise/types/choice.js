  /* ------------------------------------------------------------ type: single, multiple, scenario */

  /* Radio buttons (checkboxes when several options are correct): the default behaviour, plus
     the migration of answers saved by older versions. */
  (function () {
    /* Saved choice answers used to record the option's authored number ("2"); they now
       record its id (value, "o1a2b3c4d"), which does not depend on where it is shown. The
       numbers are mapped through each option's data-n (valid: the fingerprint matched) and
       the record is rewritten once. */
    function migrate(q, response) {
      if (!q.inputs.length) {
        return response;
      }
      var changed = false;
      var mapped = response.map(function (v) {
        if (!/^[0-9]+$/.test(String(v))) {
          return v;
        }
        var li = q.root.querySelector('.question-option[data-n="' + v + '"]');
        var input = li && li.querySelector("input");
        if (!input) {
          return v;
        }
        changed = true;
        return input.value;
      });
      if (changed && q.exercise.track && store().update) {
        var ex = q.exercise.id;
        var key = q.key;
        store().update(function (state) {
          var rec = state.exercises[ex] && state.exercises[ex].questions[key];
          if (rec && Array.isArray(rec.response)) {
            rec.response = mapped.slice();
          }
        });
      }
      return mapped;
    }

    questionType(["single", "multiple", "scenario"], {
      restoreResponse: function (q, response) {
        if (Array.isArray(response)) {
          optionQuestion.restoreResponse(q, migrate(q, response));
        }
      }
    });
  })();
