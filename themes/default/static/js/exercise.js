/*
 * handbook default theme: exercise.js
 *
 * Makes every [data-exercise] element on the page interactive, whatever component emitted it
 * (the `exercise` block, or another component that embeds a question through the Rust
 * question engine, src/components/exercise.rs). Classic script, no inline code, no requests.
 *
 * Markup it relies on (see exercise/html.rs):
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

  /* ------------------------------------------------------------ helpers */

  /* Answer grading. Mirrors src/components/exercise/answers.rs; both run the cases in
     tests/vectors/text.json. */
  function normalize(text) {
    var s = String(text || "").toLowerCase();
    if (s.normalize) {
      s = s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").normalize("NFC");
    }
    s = s.replace(/[\u2018\u2019\u201B\u2032]/g, "'").replace(/[\u201C\u201D\u201F\u2033]/g, '"');
    s = s.replace(/\s+/g, " ").trim();
    s = s.replace(/[\s.,;:!?\u2026]+$/, "");
    return s.trim();
  }

  var TYPO_MIN_LETTERS = 6;

  function chars(s) {
    return Array.from ? Array.from(s) : s.split("");
  }

  /* At most one letter added, left out, changed, or two neighbours swapped. */
  function oneEditApart(x, y) {
    var a = chars(x);
    var b = chars(y);
    var n = a.length;
    var m = b.length;
    if (Math.abs(n - m) > 1) {
      return false;
    }
    var p = 0;
    while (p < n && p < m && a[p] === b[p]) {
      p += 1;
    }
    if (p === n && p === m) {
      return true;
    }
    var s = 0;
    while (s < n - p && s < m - p && a[n - 1 - s] === b[m - 1 - s]) {
      s += 1;
    }
    var ra = n - p - s;
    var rb = m - p - s;
    if ((ra === 0 && rb === 1) || (ra === 1 && rb === 0) || (ra === 1 && rb === 1)) {
      return true;
    }
    return ra === 2 && rb === 2 && a[p] === b[p + 1] && a[p + 1] === b[p];
  }

  function textMatches(given, accepted, typos) {
    var g = normalize(given);
    var a = normalize(accepted);
    if (g === a) {
      return true;
    }
    if (!typos || !g) {
      return false;
    }
    var gw = g.split(" ");
    var aw = a.split(" ");
    if (gw.length !== aw.length) {
      return false;
    }
    for (var i = 0; i < gw.length; i++) {
      if (gw[i] !== aw[i] && !(chars(aw[i]).length >= TYPO_MIN_LETTERS && oneEditApart(gw[i], aw[i]))) {
        return false;
      }
    }
    return true;
  }

  var APPROX = ["approximately", "approx.", "approx", "roughly", "around", "about", "circa", "ca.", "c.", "~", "\u2248"];

  function grouped(s, group, decimal) {
    var int = s.split(decimal)[0];
    if (int.indexOf(group) < 0 || s.split(decimal).length > 2) {
      return false;
    }
    var parts = int.split(group);
    if (!/^\d{1,3}$/.test(parts[0])) {
      return false;
    }
    for (var i = 1; i < parts.length; i++) {
      if (!/^\d{3}$/.test(parts[i])) {
        return false;
      }
    }
    return true;
  }

  function plainNumber(s, decimalComma) {
    var negative = false;
    var digits = s;
    if (s.charAt(0) === "-" || s.charAt(0) === "\u2212") {
      negative = true;
      digits = s.slice(1);
    } else if (s.charAt(0) === "+") {
      digits = s.slice(1);
    }
    if (!s) {
      return null;
    }
    var group = decimalComma ? "." : ",";
    var decimal = decimalComma ? "," : ".";
    var plain;
    if (grouped(digits, group, decimal)) {
      plain = digits.split(group).join("").split(decimal).join(".");
    } else {
      var seps = digits.replace(/[0-9]/g, "").length;
      for (var i = 0; i < digits.length; i++) {
        var c = digits.charAt(i);
        if (!/[0-9]/.test(c) && c !== decimal && !(decimalComma && c === ".")) {
          return null;
        }
      }
      if (seps > 1) {
        return null;
      }
      plain = digits.split(decimal).join(".");
    }
    if (!/^[0-9]+(\.[0-9]+)?$/.test(plain)) {
      return null;
    }
    var v = parseFloat(plain);
    return negative ? -v : v;
  }

  /* The number in a typed answer, or null. */
  function parseNumber(text, unit, decimalComma) {
    var s = normalize(text);
    for (var i = 0; i < APPROX.length; i++) {
      if (s.indexOf(APPROX[i]) === 0) {
        s = s.slice(APPROX[i].length).replace(/^\s+/, "");
        break;
      }
    }
    var units = [];
    var u = unit ? normalize(unit) : "";
    if (u) {
      if (u === "%") {
        units.push("per cent", "percent");
      }
      units.push(u);
    }
    for (var j = 0; j < units.length; j++) {
      var k = s.length - units[j].length;
      if (k >= 0 && s.slice(k) === units[j]) {
        s = s.slice(0, k).replace(/\s+$/, "");
        break;
      }
    }
    return plainNumber(s, decimalComma);
  }

  /* "correct" | "out_of_range" | "not_a_number" | "not_accepted".
     number: { value, tolerance, unit, decimalComma } or null. */
  function gradeShort(given, accept, number, typos) {
    for (var i = 0; i < accept.length; i++) {
      if (textMatches(given, accept[i], typos)) {
        return "correct";
      }
    }
    if (!number) {
      return "not_accepted";
    }
    var x = parseNumber(given, number.unit, number.decimalComma);
    if (x === null) {
      return accept.length ? "not_accepted" : "not_a_number";
    }
    return Math.abs(x - number.value) <= number.tolerance + 1e-9 ? "correct" : "out_of_range";
  }

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) {
      e.className = className;
    }
    if (text !== undefined && text !== null) {
      e.textContent = text;
    }
    return e;
  }

  function clear(node) {
    while (node && node.firstChild) {
      node.removeChild(node.firstChild);
    }
  }

  function show(node, visible) {
    if (node) {
      node.hidden = !visible;
    }
  }

  function plain(node) {
    return node ? node.textContent.replace(/\s+/g, " ").trim() : "";
  }

  function now() {
    return new Date().toISOString();
  }

  function fire(target, name, detail) {
    var event;
    try {
      event = new CustomEvent(name, { bubbles: true, detail: detail });
    } catch (e) {
      event = document.createEvent("CustomEvent");
      event.initCustomEvent(name, true, false, detail);
    }
    target.dispatchEvent(event);
  }

  /* A store for when progress-store.js is missing: this page view only. */
  function memoryStore() {
    var state = { schema: 1, learner: "", exercises: {} };
    return {
      available: false,
      memory: true,
      load: function () {
        return JSON.parse(JSON.stringify(state));
      },
      update: function (fn) {
        var copy = JSON.parse(JSON.stringify(state));
        fn(copy);
        state = copy;
        return true;
      },
      pagePath: function () {
        return window.location.pathname;
      },
      questionState: function (record, q) {
        if (!record) {
          return "unanswered";
        }
        if (q.type === "reflection") {
          return record.status === "written" ? "written" : "unanswered";
        }
        if (record.fp && q.fp && record.fp !== q.fp) {
          return "changed";
        }
        return record.status || "unanswered";
      }
    };
  }

  var fallback = null;
  function store() {
    if (api.progress) {
      return api.progress;
    }
    fallback = fallback || memoryStore();
    return fallback;
  }

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

  Exercise.prototype.save = function (q, change) {
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
      if (prev && q.type !== "reflection" && prev.fp && prev.fp !== q.fp) {
        prev = null; // a result for an older version of the question
      }
      var rec = prev ? prev : {};
      rec.type = q.type;
      rec.fp = q.fp;
      rec.prompt = q.prompt;
      rec.updated = now();
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
      var st = s.questionState(records[q.key], { type: q.type, fp: q.fp, graded: q.type !== "reflection" });
      if (q.type !== "reflection") {
        graded += 1;
      }
      if (st === "correct") {
        correct += 1;
      }
      if (st === "correct" || st === "incorrect" || st === "revealed" || st === "written") {
        answered += 1;
      }
    }
    var text = "Answered " + answered + " of " + total;
    if (graded > 0) {
      text += " \u00b7 " + correct + " of " + graded + " correct";
    }
    if (total > 0 && answered === total && correct === graded) {
      text += " \u00b7 complete";
    }
    if (this.track && s.available === false) {
      text += " (this browser does not allow saving progress)";
    }
    this.progressLine.textContent = text;
    this.root.classList.toggle("is-complete", total > 0 && answered === total && correct === graded);
  };

  /* ------------------------------------------------------------ a question */

  function Question(exercise, root) {
    var self = this;
    this.exercise = exercise;
    this.root = root;
    this.key = root.getAttribute("data-question");
    this.type = root.getAttribute("data-type");
    this.mode = root.getAttribute("data-mode") || "";
    this.fp = root.getAttribute("data-fp") || "";
    this.prompt = plain(root.querySelector(".question-prompt")).slice(0, 160);
    this.inputs = root.querySelectorAll("input[type=radio], input[type=checkbox]");
    this.text = root.querySelector("[data-input]");
    this.list = root.querySelector("[data-ordering]");
    this.orderStatus = root.querySelector("[data-ordering-status]");
    this.feedback = root.querySelector("[data-feedback]");
    this.panel = root.querySelector("[data-answer-panel]");
    this.saved = root.querySelector("[data-saved]");
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
      } else if (action === "model") {
        self.model();
      } else if (target.hasAttribute("data-move")) {
        self.move(target);
      }
    });
    if (this.text && this.type === "short") {
      // What the learner types is kept even before Check (nothing typed is lost).
      var draftTimer = null;
      var saveDraft = function () {
        clearTimeout(draftTimer);
        draftTimer = null;
        if (self.state !== "idle") {
          return;
        }
        var value = self.text.value;
        self.exercise.save(self, function (rec) {
          rec.draft = value;
        });
      };
      this.text.addEventListener("input", function () {
        clearTimeout(draftTimer);
        draftTimer = setTimeout(saveDraft, 500);
      });
      this.text.addEventListener("blur", function () {
        if (draftTimer) {
          saveDraft();
        }
      });
      window.addEventListener("pagehide", function () {
        if (draftTimer) {
          saveDraft();
        }
      });
      this.text.addEventListener("keydown", function (event) {
        if (event.key === "Enter" && !event.isComposing) {
          event.preventDefault();
          if (self.state === "idle") {
            self.check();
          }
        }
      });
    }
    if (this.text && this.type === "reflection") {
      this.setupReflection();
    }
    root.addEventListener("change", function () {
      if (self.state === "idle") {
        self.clearNotice();
      }
    });
    this.syncMoves();
  }

  /* What the learner chose: option values, the typed text, or the item order. */
  Question.prototype.response = function () {
    if (this.type === "short" || this.type === "reflection") {
      return this.text ? this.text.value : "";
    }
    if (this.type === "ordering") {
      return this.items().map(function (li) {
        return li.getAttribute("data-item");
      });
    }
    var values = [];
    for (var i = 0; i < this.inputs.length; i++) {
      if (this.inputs[i].checked) {
        values.push(this.inputs[i].value);
      }
    }
    return values;
  };

  Question.prototype.items = function () {
    return this.list ? Array.prototype.slice.call(this.list.children) : [];
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
    if (this.type === "short") {
      var accept = [];
      try {
        accept = JSON.parse(this.root.getAttribute("data-accept") || "[]");
      } catch (e) {
        accept = [];
      }
      var number = null;
      var r = this.root;
      if (r.hasAttribute("data-number")) {
        number = {
          value: parseFloat(r.getAttribute("data-number")),
          tolerance: parseFloat(r.getAttribute("data-tolerance") || "0"),
          unit: r.getAttribute("data-unit") || "",
          decimalComma: r.getAttribute("data-decimal") === ","
        };
      }
      var outcome = gradeShort(response, accept, number, r.getAttribute("data-typos") !== "false");
      var details = {
        correct: "",
        out_of_range: "That number is not within the accepted range.",
        not_a_number: "Write your answer as a number.",
        not_accepted: "That is not one of the accepted answers."
      };
      return { correct: outcome === "correct", detail: details[outcome] };
    }
    if (this.type === "ordering") {
      var inPlace = 0;
      response.forEach(function (v, i) {
        if (String(i + 1) === String(v)) {
          inPlace += 1;
        }
      });
      var all = inPlace === response.length;
      return {
        correct: all,
        detail: all ? "" : inPlace + " of " + response.length + " items are in the right place."
      };
    }
    var correct = this.correctValues();
    var chosenRight = response.filter(function (v) {
      return correct.indexOf(v) >= 0;
    }).length;
    var chosenWrong = response.length - chosenRight;
    var isCorrect = chosenWrong === 0 && chosenRight === correct.length;
    var detail = "";
    if (!isCorrect && this.mode === "multiple") {
      detail = "You chose " + chosenRight + " of the " + correct.length + " correct options";
      if (chosenWrong > 0) {
        detail += " and " + chosenWrong + (chosenWrong === 1 ? " option that is" : " options that are") + " not correct";
      }
      detail += ".";
    }
    return { correct: isCorrect, detail: detail };
  };

  Question.prototype.isEmpty = function (response) {
    if (this.type === "short" || this.type === "reflection") {
      return !String(response).trim();
    }
    if (this.type === "ordering") {
      return false;
    }
    return response.length === 0;
  };

  Question.prototype.check = function () {
    var response = this.response();
    if (this.isEmpty(response)) {
      this.notice(this.type === "short" ? "Type an answer first." : "Choose an answer first.");
      if (this.type === "short" && this.text) {
        this.text.focus();
      }
      return;
    }
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
    verdict.appendChild(el("strong", null, status === "correct" ? "Correct." : "Not quite."));
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
    if (!this.panel || this.type === "short" || this.type === "ordering" || this.type === "reflection") {
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
        text = "correct answer";
        li.classList.add("is-answer");
      } else if (!reveal && chosen) {
        text = isAnswer ? "correct" : "not correct";
        li.classList.add(isAnswer ? "is-right" : "is-wrong");
      }
      if (text) {
        var mark = el("span", "option-mark", " (" + text + ")");
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
    if (this.text && this.type === "short") {
      this.text.readOnly = locked;
    }
    this.root.classList.toggle("is-locked", locked);
    this.syncMoves();
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
    this.state = "idle";
    this.lock(false);
    this.unmarkOptions();
    clear(this.feedback);
    this.root.classList.remove("is-correct", "is-incorrect", "is-revealed");
    for (var i = 0; i < this.inputs.length; i++) {
      this.inputs[i].checked = false;
    }
    this.setButtons(false);
    var first = this.inputs[0] || this.text || this.root.querySelector("[data-move]");
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
    verdict.appendChild(el("strong", null, "Answer shown."));
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

  /* ------------------------------------------------------------ ordering */

  Question.prototype.move = function (button) {
    if (button.getAttribute("aria-disabled") === "true" || this.state !== "idle") {
      return;
    }
    var li = button.closest(".ordering-item");
    var up = button.getAttribute("data-move") === "up";
    var sibling = up ? li.previousElementSibling : li.nextElementSibling;
    if (!sibling) {
      return;
    }
    if (up) {
      this.list.insertBefore(li, sibling);
    } else {
      this.list.insertBefore(sibling, li);
    }
    this.syncMoves();
    button.focus();
    var items = this.items();
    var pos = items.indexOf(li) + 1;
    if (this.orderStatus) {
      this.orderStatus.textContent = "\u201c" + plain(li.querySelector(".ordering-text")) + "\u201d moved to position " + pos + " of " + items.length + ".";
    }
    this.clearNotice();
  };

  Question.prototype.syncMoves = function () {
    if (!this.list) {
      return;
    }
    var items = this.items();
    var locked = this.state !== "idle";
    for (var i = 0; i < items.length; i++) {
      var up = items[i].querySelector('[data-move="up"]');
      var down = items[i].querySelector('[data-move="down"]');
      if (up) {
        up.setAttribute("aria-disabled", locked || i === 0 ? "true" : "false");
      }
      if (down) {
        down.setAttribute("aria-disabled", locked || i === items.length - 1 ? "true" : "false");
      }
    }
  };

  Question.prototype.setOrder = function (order) {
    if (!this.list || !Array.isArray(order)) {
      return;
    }
    var byValue = {};
    var items = this.items();
    items.forEach(function (li) {
      byValue[li.getAttribute("data-item")] = li;
    });
    if (order.length !== items.length) {
      return;
    }
    for (var i = 0; i < order.length; i++) {
      if (!byValue[order[i]]) {
        return;
      }
    }
    var list = this.list;
    order.forEach(function (v) {
      list.appendChild(byValue[v]);
    });
    this.syncMoves();
  };

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

  /* ------------------------------------------------------------ start */

  function init(scope) {
    var root = scope || document;
    var list = [];
    if (root.matches && root.matches("[data-exercise]")) {
      list.push(root);
    }
    var found = root.querySelectorAll ? root.querySelectorAll("[data-exercise]") : [];
    for (var i = 0; i < found.length; i++) {
      list.push(found[i]);
    }
    var made = [];
    list.forEach(function (node) {
      if (node.getAttribute("data-exercise-ready") === "true") {
        return;
      }
      node.setAttribute("data-exercise-ready", "true");
      made.push(new Exercise(node));
    });
    return made;
  }

  api.exercises = {
    init: init,
    normalize: normalize,
    textMatches: textMatches,
    parseNumber: parseNumber,
    gradeShort: gradeShort,
    version: 2
  };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () {
      init(document);
    });
  } else {
    init(document);
  }
})();
