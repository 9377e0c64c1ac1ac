  /* ------------------------------------------------------------ question types */

  /* The behaviour of each question type, by its data-type: each exercise/types/TYPE.js file
     registers its own with questionType(names, hooks), leaving out the hooks it does not
     change. The defaults (optionQuestion) are those of a question answered with the radio
     buttons or checkboxes of its markup, as the choice types and truefalse are.
       graded            false: not right or wrong (a reflection)
       optionFeedback    false: no per-option feedback to show after Check
       setup(q)          once, after the common set-up: its own elements and listeners
       response(q)       what the learner chose (saved as the record's `response`)
       isEmpty(q, r)     whether there is nothing to check yet
       askFirst(q)       says what to do when Check finds nothing to check
       grade(q, r)       { correct, detail }
       lock(q, locked)   after the controls were locked (checked) or unlocked (Try again)
       action(q, button) a click on a button of the question that the frame does not handle
       restore(q, rec, external)  when set, replaces the whole restoring of a saved record
       typing(q)         on each keystroke in one of its text fields (see typed.js)
       saveTyped(q)      saves what is typed (see typed.js); default: q.saveDraft(), the
                         response as the record's `draft` while the question is not checked
       restoreDraft(q, draft)     puts back a draft (the response before Check); default:
                         restoreResponse (it must ignore a draft of the wrong shape)
       restoreResponse(q, r)      puts a saved response back into the controls
     A choice of an option (radio or checkbox) is saved as a draft by the frame at once; a type
     whose own controls change the answer (ordering's moves) calls q.saveDraft() itself. */
  var questionTypes = {};

  function questionType(names, hooks) {
    names.forEach(function (name) {
      questionTypes[name] = hooks;
    });
  }

  var optionQuestion = {
    graded: true,
    optionFeedback: true,
    setup: function () {},
    response: function (q) {
      var values = [];
      for (var i = 0; i < q.inputs.length; i++) {
        if (q.inputs[i].checked) {
          values.push(q.inputs[i].value);
        }
      }
      return values;
    },
    isEmpty: function (q, response) {
      return response.length === 0;
    },
    askFirst: function (q) {
      q.notice(t("exercise.choose_first"));
    },
    grade: function (q, response) {
      var correct = q.correctValues();
      var chosenRight = response.filter(function (v) {
        return correct.indexOf(v) >= 0;
      }).length;
      var chosenWrong = response.length - chosenRight;
      var isCorrect = chosenWrong === 0 && chosenRight === correct.length;
      var detail = "";
      if (!isCorrect && q.mode === "multiple") {
        detail = chosenWrong > 0
          ? t("exercise.chose_some_and_wrong", { right: chosenRight, total: correct.length, count: chosenWrong })
          : t("exercise.chose_some", { right: chosenRight, total: correct.length });
      }
      return { correct: isCorrect, detail: detail };
    },
    lock: function () {},
    action: function () {},
    typing: function () {},
    saveTyped: function (q) {
      q.saveDraft();
    },
    restore: null,
    restoreDraft: function (q, draft) {
      q.kind.restoreResponse(q, draft);
    },
    restoreResponse: function (q, response) {
      if (!Array.isArray(response)) {
        return;
      }
      for (var i = 0; i < q.inputs.length; i++) {
        q.inputs[i].checked = response.indexOf(q.inputs[i].value) >= 0;
      }
    }
  };

  /* The hooks of `type`: its own over the defaults (an unknown type gets the defaults). */
  function behaviourOf(type) {
    var has = Object.prototype.hasOwnProperty;
    var own = has.call(questionTypes, type) ? questionTypes[type] : {};
    var hooks = {};
    Object.keys(optionQuestion).forEach(function (name) {
      hooks[name] = has.call(own, name) ? own[name] : optionQuestion[name];
    });
    return hooks;
  }

  /* ------------------------------------------------------------ a question */

  function Question(exercise, root) {
    var self = this;
    this.exercise = exercise;
    this.root = root;
    this.key = root.getAttribute("data-question");
    this.type = root.getAttribute("data-type");
    this.kind = behaviourOf(this.type);
    this.graded = this.kind.graded !== false;
    this.mode = root.getAttribute("data-mode") || "";
    this.fp = root.getAttribute("data-fp") || "";
    this.prompt = plain(root.querySelector(".question-prompt")).slice(0, 160);
    this.inputs = root.querySelectorAll("input[type=radio], input[type=checkbox]");
    this.text = root.querySelector("[data-input]");
    this.feedback = root.querySelector("[data-feedback]");
    this.panel = root.querySelector("[data-answer-panel]");
    this.buttons = {};
    var actions = root.querySelector("[data-actions]");
    show(actions, true);
    var bs = root.querySelectorAll("[data-action]");
    for (var i = 0; i < bs.length; i++) {
      this.buttons[bs[i].getAttribute("data-action")] = bs[i];
    }
    if (this.buttons.reveal && !exercise.showAnswer) {
      this.buttons.reveal.parentNode.removeChild(this.buttons.reveal);
      delete this.buttons.reveal;
    }
    // With scripting, the answer is shown on demand, not in the open.
    show(this.panel, false);
    this.state = "idle";

    root.addEventListener("click", function (event) {
      var target = event.target.closest("button");
      if (!target || !root.contains(target)) {
        return;
      }
      var action = target.getAttribute("data-action");
      if (action === "check") {
        self.check();
      } else if (action === "retry") {
        self.retry();
      } else if (action === "reveal") {
        self.reveal();
      } else {
        self.kind.action(self, target);
      }
    });
    root.addEventListener("change", function () {
      if (self.state === "idle") {
        self.clearNotice();
      }
    });
    this.typed = keepTyped(this);
    this.kind.setup(this);
  }

  /* What the learner chose: option values, the typed text, the item order... */
  Question.prototype.response = function () {
    return this.kind.response(this);
  };

  Question.prototype.correctValues = function () {
    return (this.root.getAttribute("data-answer") || "").split(/\s+/).filter(Boolean);
  };

  Question.prototype.optionLabel = function (value) {
    var li = this.root.querySelector('.question-option[data-option="' + value + '"] label');
    return plain(li);
  };

  /* Grades a response: { correct, detail } */
  Question.prototype.grade = function (response) {
    return this.kind.grade(this, response);
  };

  Question.prototype.check = function () {
    var response = this.response();
    if (this.kind.isEmpty(this, response)) {
      this.kind.askFirst(this);
      return;
    }
    this.typed.cancel();
    var result = this.grade(response);
    var status = result.correct ? "correct" : "incorrect";
    this.exercise.save(this, function (rec) {
      rec.attempts = (rec.attempts || 0) + 1;
      if (!rec.first) {
        rec.first = rec.revealed ? "revealed" : status;
      }
      rec.status = status;
      rec.response = response;
      delete rec.draft;
    });
    this.showResult(status, response, result.detail, true);
    fire(this.root, "handbook:exercise-result", {
      exercise: this.exercise.id,
      question: this.key,
      status: status,
      correct: result.correct
    });
  };

  Question.prototype.showResult = function (status, response, detail, focus) {
    this.state = status;
    this.lock(true);
    this.markOptions(response, false);
    clear(this.feedback);
    var verdict = el("p", "question-verdict " + (status === "correct" ? "is-correct" : "is-incorrect"));
    verdict.appendChild(el("strong", null, status === "correct" ? t("exercise.correct") : t("exercise.incorrect")));
    if (detail) {
      verdict.appendChild(document.createTextNode(" " + detail));
    }
    this.feedback.appendChild(verdict);
    this.appendOptionFeedback(response);
    if (status === "correct") {
      this.appendExplanation();
    }
    this.root.classList.remove("is-correct", "is-incorrect", "is-revealed");
    this.root.classList.add(status === "correct" ? "is-correct" : "is-incorrect");
    this.setButtons(status === "correct");
    if (focus && this.buttons.retry) {
      this.buttons.retry.focus();
    }
  };

  Question.prototype.appendOptionFeedback = function (response) {
    if (!this.panel || !this.kind.optionFeedback) {
      return;
    }
    var self = this;
    response.forEach(function (value) {
      var item = self.panel.querySelector('[data-feedback-for="' + value + '"] .feedback-text');
      if (!item) {
        return;
      }
      var p = el("p", "question-option-note");
      if (self.mode === "multiple") {
        p.appendChild(el("strong", null, self.optionLabel(value) + ": "));
      }
      var copy = item.cloneNode(true);
      while (copy.firstChild) {
        p.appendChild(copy.firstChild);
      }
      self.feedback.appendChild(p);
    });
  };

  Question.prototype.appendExplanation = function () {
    var explanation = this.panel && this.panel.querySelector("[data-explanation]");
    if (explanation) {
      var copy = explanation.cloneNode(true);
      copy.removeAttribute("data-explanation");
      this.feedback.appendChild(copy);
    }
  };

  /* Marks chosen options right or wrong (with text, not colour alone); with `reveal`, marks
     the correct ones. */
  Question.prototype.markOptions = function (response, reveal) {
    this.unmarkOptions();
    if (!this.inputs.length) {
      return;
    }
    var correct = this.correctValues();
    for (var i = 0; i < this.inputs.length; i++) {
      var input = this.inputs[i];
      var li = input.closest(".question-option");
      var isAnswer = correct.indexOf(input.value) >= 0;
      var chosen = response.indexOf(input.value) >= 0;
      var text = "";
      if (reveal && isAnswer) {
        text = t("exercise.mark_answer");
        li.classList.add("is-answer");
      } else if (!reveal && chosen) {
        text = isAnswer ? t("exercise.mark_right") : t("exercise.mark_wrong");
        li.classList.add(isAnswer ? "is-right" : "is-wrong");
      }
      if (text) {
        var mark = el("span", "option-mark", " " + text);
        li.appendChild(mark);
      }
    }
  };

  Question.prototype.unmarkOptions = function () {
    var marks = this.root.querySelectorAll(".option-mark");
    for (var i = 0; i < marks.length; i++) {
      marks[i].parentNode.removeChild(marks[i]);
    }
    var lis = this.root.querySelectorAll(".question-option");
    for (var j = 0; j < lis.length; j++) {
      lis[j].classList.remove("is-right", "is-wrong", "is-answer");
    }
  };

  Question.prototype.lock = function (locked) {
    for (var i = 0; i < this.inputs.length; i++) {
      this.inputs[i].disabled = locked;
    }
    this.root.classList.toggle("is-locked", locked);
    this.kind.lock(this, locked);
  };

  Question.prototype.setButtons = function (done) {
    var b = this.buttons;
    var checked = this.state !== "idle";
    show(b.check, !checked);
    show(b.retry, checked);
    show(b.reveal, !checked || (!done && this.state !== "revealed"));
  };

  Question.prototype.notice = function (text) {
    clear(this.feedback);
    this.feedback.appendChild(el("p", "question-notice", text));
  };

  Question.prototype.clearNotice = function () {
    if (this.feedback.querySelector(".question-notice")) {
      clear(this.feedback);
    }
  };

  Question.prototype.retry = function () {
    for (var i = 0; i < this.inputs.length; i++) {
      this.inputs[i].checked = false;
    }
    this.retryQuietly();
    var first = this.inputs[0] || this.text || this.root.querySelector("fieldset button");
    if (first) {
      first.focus();
      if (this.text && first === this.text && this.text.select) {
        this.text.select();
      }
    }
  };

  Question.prototype.reveal = function () {
    var response = this.response();
    this.exercise.save(this, function (rec) {
      rec.revealed = true;
      if (rec.status !== "correct") {
        rec.status = "revealed";
        rec.response = response;
      }
      delete rec.draft;
    });
    this.showReveal(true);
    fire(this.root, "handbook:exercise-result", {
      exercise: this.exercise.id,
      question: this.key,
      status: "revealed",
      correct: false
    });
  };

  Question.prototype.showReveal = function (focus) {
    this.state = "revealed";
    this.lock(true);
    this.markOptions([], true);
    clear(this.feedback);
    var verdict = el("p", "question-verdict is-revealed");
    verdict.appendChild(el("strong", null, t("exercise.answer_shown")));
    this.feedback.appendChild(verdict);
    var solution = this.panel && this.panel.querySelector("[data-solution]");
    if (solution) {
      var copy = solution.cloneNode(true);
      copy.removeAttribute("data-solution");
      this.feedback.appendChild(copy);
    }
    this.appendExplanation();
    this.root.classList.remove("is-correct", "is-incorrect");
    this.root.classList.add("is-revealed");
    this.setButtons(true);
    if (focus && this.buttons.retry) {
      this.buttons.retry.focus();
    }
  };

