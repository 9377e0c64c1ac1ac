  /* ------------------------------------------------------------ restoring saved state */

  Question.prototype.restore = function (rec, external) {
    if (this.kind.restore) {
      this.kind.restore(this, rec, external);
      return;
    }
    var st = store().questionState(rec, { type: this.type, fp: this.fp, graded: true });
    if (st === "changed") {
      if (!external) {
        this.notice(t("exercise.changed"));
      }
      return;
    }
    if (!rec || !rec.status) {
      if (external && this.state !== "idle") {
        this.retryQuietly();
      }
      var busy = external && document.activeElement && this.root.contains(document.activeElement);
      // A draft made for an older version of the question (another fingerprint) does not fit
      // it: not put back (the next save drops that record, as Exercise.save does).
      var stale = rec && rec.fp && this.fp && rec.fp !== this.fp;
      if (rec && rec.draft !== undefined && rec.draft !== null && !busy && !stale) {
        this.kind.restoreDraft(this, rec.draft);
      }
      return;
    }
    if (external && document.activeElement && this.root.contains(document.activeElement) && this.state === "idle") {
      return; // the learner is working on it in this tab
    }
    this.kind.restoreResponse(this, rec.response);
    if (rec.status === "revealed") {
      this.showReveal(false);
    } else if (rec.status === "correct" || rec.status === "incorrect") {
      var r = this.response();
      this.showResult(rec.status, r, this.grade(r).detail, false);
    }
  };

  /* Back to unanswered, the controls as they are (Try again also clears the options and
     moves the focus). */
  Question.prototype.retryQuietly = function () {
    this.state = "idle";
    this.lock(false);
    this.unmarkOptions();
    clear(this.feedback);
    this.root.classList.remove("is-correct", "is-incorrect", "is-revealed");
    this.setButtons(false);
  };

