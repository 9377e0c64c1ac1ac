  /* ------------------------------------------------------------ reflection */

  Question.prototype.setupReflection = function () {
    var self = this;
    var timer = null;
    var pending = false;
    var flush = function () {
      if (!pending) {
        return;
      }
      pending = false;
      clearTimeout(timer);
      var text = self.text.value;
      var ok = self.exercise.save(self, function (rec) {
        rec.response = text;
        rec.status = text.trim() ? "written" : "";
        if (!text.trim()) {
          delete rec.status;
        }
      });
      if (self.saved) {
        self.saved.hidden = false;
        self.saved.textContent = ok
          ? (self.exercise.track && store().available !== false ? "Saved in this browser." : "Not saved: this browser does not allow it. Copy your text somewhere safe.")
          : "Could not save (the browser's storage is full or blocked). Copy your text somewhere safe.";
      }
    };
    this.flushReflection = flush;
    this.text.addEventListener("input", function () {
      pending = true;
      clearTimeout(timer);
      timer = setTimeout(flush, 400);
      if (self.saved) {
        self.saved.hidden = false;
        self.saved.textContent = "Saving\u2026";
      }
      if (self.feedback.querySelector(".question-notice")) {
        clear(self.feedback);
      }
    });
    this.text.addEventListener("blur", flush);
    window.addEventListener("pagehide", flush);
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "hidden") {
        flush();
      }
    });
  };

  Question.prototype.model = function () {
    if (!this.text || !this.text.value.trim()) {
      this.notice("Write your reflection first; the model answer appears once you have written something.");
      if (this.text) {
        this.text.focus();
      }
      return;
    }
    if (this.flushReflection) {
      this.flushReflection();
    }
    this.exercise.save(this, function (rec) {
      rec.modelShown = true;
    });
    this.showModel();
  };

  Question.prototype.showModel = function () {
    clear(this.feedback);
    var solution = this.panel && this.panel.querySelector("[data-solution]");
    if (solution) {
      var heading = el("p", "question-verdict is-revealed");
      heading.appendChild(el("strong", null, "Model answer"));
      this.feedback.appendChild(heading);
      var copy = solution.cloneNode(true);
      copy.removeAttribute("data-solution");
      this.feedback.appendChild(copy);
    }
    this.appendExplanation();
    show(this.buttons.model, false);
  };

