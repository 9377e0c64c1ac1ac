  /* ------------------------------------------------------------ restoring saved state */

  Question.prototype.restore = function (rec, external) {
    if (this.type === "reflection") {
      if (rec && typeof rec.response === "string" && (!external || document.activeElement !== this.text)) {
        this.text.value = rec.response;
      }
      if (rec && rec.modelShown && rec.response && String(rec.response).trim()) {
        this.showModel();
      }
      return;
    }
    var st = store().questionState(rec, { type: this.type, fp: this.fp, graded: true });
    if (st === "changed") {
      if (!external) {
        this.notice("This question has changed since you last answered it.");
      }
      return;
    }
    if (!rec || !rec.status) {
      if (external && this.state !== "idle") {
        this.retryQuietly();
      }
      if (rec && typeof rec.draft === "string" && this.type === "short" && document.activeElement !== this.text) {
        this.text.value = rec.draft;
      }
      return;
    }
    if (external && document.activeElement && this.root.contains(document.activeElement) && this.state === "idle") {
      return; // the learner is working on it in this tab
    }
    var response = rec.response;
    if (this.type === "short") {
      if (this.text && typeof response === "string") {
        this.text.value = response;
      }
    } else if (this.type === "ordering") {
      this.setOrder(response);
    } else if (Array.isArray(response)) {
      response = this.migrate(response);
      for (var i = 0; i < this.inputs.length; i++) {
        this.inputs[i].checked = response.indexOf(this.inputs[i].value) >= 0;
      }
    }
    if (rec.status === "revealed") {
      this.showReveal(false);
    } else if (rec.status === "correct" || rec.status === "incorrect") {
      var r = this.response();
      this.showResult(rec.status, r, this.grade(r).detail, false);
    }
  };

  /* Saved choice answers used to record the option's authored number ("2"); they now
     record its id (value, "o1a2b3c4d"), which does not depend on where it is shown. The
     numbers are mapped through each option's data-n (valid: the fingerprint matched) and
     the record is rewritten once. */
  Question.prototype.migrate = function (response) {
    if (this.type === "truefalse" || !this.inputs.length) {
      return response;
    }
    var self = this;
    var changed = false;
    var mapped = response.map(function (v) {
      if (!/^[0-9]+$/.test(String(v))) {
        return v;
      }
      var li = self.root.querySelector('.question-option[data-n="' + v + '"]');
      var input = li && li.querySelector("input");
      if (!input) {
        return v;
      }
      changed = true;
      return input.value;
    });
    if (changed && this.exercise.track && store().update) {
      var ex = this.exercise.id;
      var key = this.key;
      store().update(function (state) {
        var rec = state.exercises[ex] && state.exercises[ex].questions[key];
        if (rec && Array.isArray(rec.response)) {
          rec.response = mapped.slice();
        }
      });
    }
    return mapped;
  };

  Question.prototype.retryQuietly = function () {
    this.state = "idle";
    this.lock(false);
    this.unmarkOptions();
    clear(this.feedback);
    this.root.classList.remove("is-correct", "is-incorrect", "is-revealed");
    this.setButtons(false);
  };

