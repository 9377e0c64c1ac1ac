  /* ------------------------------------------------------------ an exercise */

  function Exercise(root) {
    this.root = root;
    this.id = root.getAttribute("data-exercise");
    this.track = root.getAttribute("data-track") !== "false";
    this.showAnswer = root.getAttribute("data-show-answer") !== "false";
    this.progressLine = root.querySelector("[data-exercise-progress]");
    var titleEl = root.querySelector(".exercise-title");
    this.title = plain(titleEl) || document.title.split(" \u00b7 ")[0];
    this.local = { schema: 1, exercises: {} };
    this.questions = [];
    var nodes = root.querySelectorAll("[data-question]");
    for (var i = 0; i < nodes.length; i++) {
      if (nodes[i].closest("[data-exercise]") === root) {
        this.questions.push(new Question(this, nodes[i]));
      }
    }
    var js = root.querySelectorAll("[data-js-only]");
    for (var j = 0; j < js.length; j++) {
      js[j].hidden = false;
    }
    root.classList.add("is-interactive");
    this.restore();
    this.updateProgress();
    var self = this;
    window.addEventListener("handbook:progress", function (event) {
      if (event.detail && event.detail.external) {
        self.restore(true);
      }
      self.updateProgress();
    });
  }

  Exercise.prototype.stored = function () {
    if (!this.track) {
      return this.local.exercises[this.id] || null;
    }
    var state = store().load();
    return state.exercises[this.id] || null;
  };

  /* Saves question q's record through change(rec). With `draft` (an answer not checked yet,
     exercise/typed.js), a record that holds a checked answer keeps its time: the checked
     answer is the record, and its time says when it was given (SCORM and merges go by it). */
  Exercise.prototype.save = function (q, change, draft) {
    var self = this;
    var apply = function (state) {
      var ex = state.exercises[self.id];
      if (!ex) {
        ex = state.exercises[self.id] = { questions: {} };
      }
      ex.title = self.title;
      ex.page = store().pagePath(window.location.href);
      ex.updated = now();
      var prev = ex.questions[q.key];
      if (prev && q.graded && prev.fp && prev.fp !== q.fp) {
        prev = null; // a result for an older version of the question
      }
      var rec = prev ? prev : {};
      rec.type = q.type;
      rec.fp = q.fp;
      rec.prompt = q.prompt;
      if (!draft || !rec.status) {
        rec.updated = now();
      }
      change(rec);
      ex.questions[q.key] = rec;
    };
    if (!this.track) {
      apply(this.local);
      this.updateProgress();
      return true;
    }
    var ok = store().update(apply);
    if (store().memory) {
      this.updateProgress();
    }
    return ok;
  };

  Exercise.prototype.restore = function (external) {
    var stored = this.stored();
    var records = (stored && stored.questions) || {};
    for (var i = 0; i < this.questions.length; i++) {
      this.questions[i].restore(records[this.questions[i].key] || null, external);
    }
  };

  Exercise.prototype.updateProgress = function () {
    if (!this.progressLine) {
      return;
    }
    var stored = this.stored();
    var records = (stored && stored.questions) || {};
    var total = this.questions.length;
    var answered = 0;
    var correct = 0;
    var graded = 0;
    var s = store();
    for (var i = 0; i < total; i++) {
      var q = this.questions[i];
      var st = s.questionState(records[q.key], { type: q.type, fp: q.fp, graded: q.graded });
      if (q.graded) {
        graded += 1;
      }
      if (st === "correct") {
        correct += 1;
      }
      if (st === "correct" || st === "incorrect" || st === "revealed" || st === "written") {
        answered += 1;
      }
    }
    var text = t("exercise.progress_answered", { answered: answered, total: total });
    if (graded > 0) {
      text += " \u00b7 " + t("exercise.progress_correct", { correct: correct, graded: graded });
    }
    if (total > 0 && answered === total && correct === graded) {
      text += " \u00b7 " + t("exercise.progress_complete");
    }
    if (this.track && s.available === false) {
      text += " " + t("exercise.progress_not_saved");
    }
    this.progressLine.textContent = text;
    this.root.classList.toggle("is-complete", total > 0 && answered === total && correct === graded);
  };

