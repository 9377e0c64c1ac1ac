/*
 * handbook default theme: progress.js, the "My progress" page (progress.html).
 *
 * Reads the manifest (window.HANDBOOK_PROGRESS_DATA, from progress-data.js) and the learner's
 * stored results (window.handbook.progress, from progress-store.js) and fills in the status
 * and score of every exercise, per chapter; lists stored exercises that no longer exist as
 * "retired"; offers print / save as PDF (with the learner's name and the date), export as CSV
 * and JSON, and reset (with confirmation, and an undo). Nothing leaves the browser except the
 * files the learner saves. Classic script, no inline code.
 */
(function () {
  "use strict";

  var page = document.querySelector("[data-progress-page]");
  var api = window.handbook || {};
  var store = api.progress;
  // assignments.js (loaded before this script) builds the rows, the progress file and downloads.
  var shared = api.assignments;
  if (!page || !store || !shared) {
    return;
  }
  var data = window.HANDBOOK_PROGRESS_DATA || { chapters: [], handbook: document.title, build: "" };

  var $ = function (sel, scope) {
    return (scope || page).querySelector(sel);
  };
  var tools = $("[data-progress-tools]");
  var status = $("[data-progress-status]");
  var nameInput = $("[data-learner-name]");
  var dialog = $("[data-reset-dialog]");
  var lastBackup = null;

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

  function percent(n, d) {
    return d ? Math.round((100 * n) / d) + "%" : "";
  }

  function plural(n, one, many) {
    return n + " " + (n === 1 ? one : many);
  }

  /* ------------------------------------------------------------ summaries */

  function exerciseStatus(s) {
    if (s.complete) {
      return "Complete";
    }
    if (!s.started) {
      return s.changed ? "Not started (questions changed)" : "Not started";
    }
    if (s.answered === s.total) {
      return "Answered, " + plural(s.graded - s.correct, "question", "questions") + " to review";
    }
    return "In progress: " + s.answered + " of " + s.total + " answered";
  }

  function scoreText(s) {
    if (!s.graded) {
      return s.written + " of " + plural(s.reflections, "reflection", "reflections") + " written";
    }
    var t = s.correct + " of " + s.graded + " (" + percent(s.correct, s.graded) + ")";
    if (s.reflections) {
      t += "; " + s.written + " of " + plural(s.reflections, "reflection", "reflections") + " written";
    }
    return t;
  }

  function known() {
    var ids = {};
    data.chapters.forEach(function (ch) {
      ch.exercises.forEach(function (ex) {
        ids[ex.id] = ex;
      });
    });
    return ids;
  }

  /* A retired exercise as the manifest would describe it, from what was stored. */
  function retiredExercise(id, stored) {
    var questions = Object.keys(stored.questions || {}).map(function (key) {
      var r = stored.questions[key];
      return { key: key, type: r.type || "", fp: r.fp || "", graded: r.type !== "reflection", prompt: r.prompt || "" };
    });
    return { id: id, title: stored.title || id, page: stored.page || "", page_title: "", questions: questions };
  }

  function retiredSummary(ex, stored) {
    // The stored results stand as they were (there is nothing left to compare them with).
    var s = { total: 0, graded: 0, reflections: 0, answered: 0, correct: 0, written: 0, changed: 0 };
    ex.questions.forEach(function (q) {
      var r = stored.questions[q.key] || {};
      s.total += 1;
      if (q.graded) {
        s.graded += 1;
      } else {
        s.reflections += 1;
      }
      if (r.status === "correct") {
        s.correct += 1;
      }
      if (r.status === "written") {
        s.written += 1;
      }
      if (r.status) {
        s.answered += 1;
      }
    });
    s.started = s.answered > 0;
    s.complete = s.total > 0 && s.correct === s.graded && s.written === s.reflections;
    return s;
  }

  /* ------------------------------------------------------------ rendering */

  function render() {
    var state = store.load();
    var ids = known();
    var total = { exercises: 0, complete: 0, questions: 0, answered: 0, graded: 0, correct: 0 };

    var sections = page.querySelectorAll("[data-chapter]");
    data.chapters.forEach(function (ch, index) {
      var section = sections[index];
      var c = { exercises: 0, complete: 0, graded: 0, correct: 0, answered: 0, questions: 0 };
      ch.exercises.forEach(function (ex) {
        var s = store.summarize(ex, state.exercises[ex.id]);
        c.exercises += 1;
        c.complete += s.complete ? 1 : 0;
        c.graded += s.graded;
        c.correct += s.correct;
        c.answered += s.answered;
        c.questions += s.total;
        var row = section && section.querySelector('[data-exercise-row="' + cssEscape(ex.id) + '"]');
        if (row) {
          row.querySelector('[data-cell="status"]').textContent = exerciseStatus(s);
          row.querySelector('[data-cell="score"]').textContent = scoreText(s);
          row.classList.toggle("is-complete", s.complete);
          row.classList.toggle("is-started", s.started && !s.complete);
        }
      });
      total.exercises += c.exercises;
      total.complete += c.complete;
      total.questions += c.questions;
      total.answered += c.answered;
      total.graded += c.graded;
      total.correct += c.correct;
      var line = section && section.querySelector("[data-chapter-score]");
      if (line) {
        line.hidden = false;
        line.textContent =
          "Score: " + c.correct + " of " + c.graded + " correct" + (c.graded ? " (" + percent(c.correct, c.graded) + ")" : "") +
          " \u00b7 " + c.complete + " of " + plural(c.exercises, "exercise", "exercises") + " complete";
      }
    });

    // Retired: stored exercises the handbook no longer has.
    var retiredBody = $("[data-retired-rows]");
    var retiredSection = $("[data-retired]");
    while (retiredBody.firstChild) {
      retiredBody.removeChild(retiredBody.firstChild);
    }
    var retired = Object.keys(state.exercises).filter(function (id) {
      return !ids[id];
    }).sort();
    retired.forEach(function (id) {
      var stored = state.exercises[id];
      var ex = retiredExercise(id, stored);
      var s = retiredSummary(ex, stored);
      var tr = el("tr");
      tr.setAttribute("data-retired-row", id);
      var th = el("th", null, ex.title);
      th.setAttribute("scope", "row");
      if (stored.page) {
        th.appendChild(el("span", "progress-page-title", stored.page));
      }
      tr.appendChild(th);
      tr.appendChild(el("td", null, String(s.total)));
      tr.appendChild(el("td", null, "Retired"));
      tr.appendChild(el("td", null, scoreText(s)));
      retiredBody.appendChild(tr);
    });
    retiredSection.hidden = retired.length === 0;

    var summary = $("[data-progress-summary]");
    if (summary) {
      while (summary.firstChild) {
        summary.removeChild(summary.firstChild);
      }
      var p = el("p", "progress-overall");
      p.textContent =
        "You have answered " + total.answered + " of " + plural(total.questions, "question", "questions") +
        "; " + total.correct + " of " + total.graded + " graded answers are correct" +
        (total.graded ? " (" + percent(total.correct, total.graded) + ")" : "") +
        ". " + total.complete + " of " + plural(total.exercises, "exercise", "exercises") + " complete.";
      summary.appendChild(p);
      if (!store.available) {
        summary.appendChild(el("p", "progress-warning", "This browser does not allow saving, so no progress is kept between visits."));
      } else if (store.isReadOnly()) {
        summary.appendChild(el("p", "progress-warning", "Your progress was saved by a newer version of this handbook; it is shown but not changed here."));
      }
    }
    lastTotals = total;
    if (nameInput && document.activeElement !== nameInput) {
      nameInput.value = state.learner || "";
    }
  }

  var lastTotals = null;

  function cssEscape(s) {
    return window.CSS && CSS.escape ? CSS.escape(s) : String(s).replace(/["\\]/g, "\\$&");
  }

  /* ------------------------------------------------------------ rows for export */

  /* One row per question: the handbook's (assignments.js, shared with the hand-in file), then
     the retired exercises kept in storage. */
  function rows() {
    var state = store.load();
    var ids = known();
    var words = shared.statusWords;
    var out = shared.rows(data, state);
    Object.keys(state.exercises).filter(function (id) {
      return !ids[id];
    }).sort().forEach(function (id) {
      var stored = state.exercises[id];
      Object.keys(stored.questions || {}).forEach(function (key, i) {
        var r = stored.questions[key];
        out.push({
          chapter: "(retired)",
          page: "",
          url: stored.page || "",
          exercise_id: id,
          exercise: stored.title || id,
          number: i + 1,
          question_id: key,
          type: r.type || "",
          prompt: r.prompt || "",
          status: "retired",
          correct: r.type === "reflection" ? "" : r.status === "correct" ? "yes" : r.status ? "no" : "",
          attempts: r.attempts || 0,
          first_attempt: r.first ? words[r.first] || r.first : "",
          answered_at: r.updated || ""
        });
      });
    });
    return out;
  }

  var COLUMNS = ["chapter", "page", "url", "exercise_id", "exercise", "number", "question_id", "type", "prompt", "status", "correct", "attempts", "first_attempt", "answered_at"];

  function csvField(value) {
    var s = value === null || value === undefined ? "" : String(value);
    // A cell starting with = + - @ is a formula in spreadsheets: keep it text.
    if (/^[=+\-@\t\r]/.test(s)) {
      s = "'" + s;
    }
    return '"' + s.replace(/"/g, '""') + '"';
  }

  function csv() {
    var lines = [COLUMNS.join(",")];
    rows().forEach(function (r) {
      lines.push(COLUMNS.map(function (c) {
        return csvField(r[c]);
      }).join(","));
    });
    return "\ufeff" + lines.join("\r\n") + "\r\n";
  }

  /* The progress file (docs/progress-file.md): the hand-in format of assignments.js. */
  function json(learner) {
    return JSON.stringify(shared.handIn(data, { questions: rows(), learner: learner }), null, 2) + "\n";
  }

  function download(text, type, name) {
    shared.download(text, name, type);
    say("Saved " + name + ".");
  }

  function say(text, withUndo) {
    while (status.firstChild) {
      status.removeChild(status.firstChild);
    }
    status.appendChild(document.createTextNode(text));
    if (withUndo) {
      var undo = el("button", "question-button progress-undo", "Undo reset");
      undo.type = "button";
      undo.setAttribute("data-progress-action", "undo");
      status.appendChild(document.createTextNode(" "));
      status.appendChild(undo);
    }
  }

  /* ------------------------------------------------------------ print */

  function preparePrint() {
    var header = $("[data-print-header]");
    if (!header) {
      return;
    }
    header.hidden = false;
    var name = nameInput ? nameInput.value.trim() : "";
    $("[data-print-name]").textContent = name || "\u00a0";
    var lang = document.documentElement.lang || undefined;
    var date;
    try {
      date = new Date().toLocaleDateString(lang, { year: "numeric", month: "long", day: "numeric" });
    } catch (e) {
      date = shared.today();
    }
    $("[data-print-date]").textContent = date;
    var t = lastTotals || { answered: 0, questions: 0, correct: 0, graded: 0, complete: 0, exercises: 0 };
    $("[data-print-overall]").textContent =
      t.correct + " of " + t.graded + " correct" + (t.graded ? " (" + percent(t.correct, t.graded) + ")" : "") +
      "; " + t.complete + " of " + plural(t.exercises, "exercise", "exercises") + " complete";
  }

  /* ------------------------------------------------------------ import */

  function newer(a, b) {
    return String((a && a.updated) || "") >= String((b && b.updated) || "");
  }

  /* Merges an exported file into the stored progress: per question, the newer record wins;
     reflection text is never dropped. */
  function importText(text) {
    var parsed;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      say("That file is not a progress file (it is not valid JSON).");
      return;
    }
    var incoming = parsed && parsed.format === "handbook-progress" ? parsed.progress : parsed;
    if (!incoming || typeof incoming !== "object" || !incoming.exercises || typeof incoming.exercises !== "object") {
      say("That file is not a progress file exported from this page.");
      return;
    }
    if (parsed.format === "handbook-progress" && parsed.handbook && data.handbook && parsed.handbook !== data.handbook) {
      say("That file is from another handbook (\u201c" + parsed.handbook + "\u201d); nothing was imported.");
      return;
    }
    var count = 0;
    var ok = store.update(function (state) {
      Object.keys(incoming.exercises).forEach(function (id) {
        var src = incoming.exercises[id];
        if (!src || typeof src !== "object" || !src.questions || typeof src.questions !== "object") {
          return;
        }
        var dst = state.exercises[id] || (state.exercises[id] = { title: src.title, page: src.page, questions: {} });
        dst.title = dst.title || src.title;
        dst.page = dst.page || src.page;
        Object.keys(src.questions).forEach(function (key) {
          var a = src.questions[key];
          var b = dst.questions[key];
          if (!a || typeof a !== "object") {
            return;
          }
          if (!b || newer(a, b)) {
            if (b && b.type === "reflection" && b.response && a.response !== b.response) {
              a.response = a.response ? a.response + "\n\n" + b.response : b.response;
            }
            dst.questions[key] = a;
            count += 1;
          }
        });
      });
      if (incoming.reading && typeof incoming.reading === "object") {
        Object.keys(incoming.reading).forEach(function (path) {
          var src = incoming.reading[path];
          if (!src || typeof src !== "object") {
            return;
          }
          var dst = state.reading[path] || (state.reading[path] = { sections: {} });
          if (src.read && (!dst.read || src.read < dst.read)) {
            dst.read = src.read;
          }
          Object.keys(src.sections || {}).forEach(function (id) {
            if (!dst.sections[id]) {
              dst.sections[id] = src.sections[id];
            }
          });
        });
      }
      if (!state.learner && typeof incoming.learner === "string") {
        state.learner = incoming.learner;
      }
    });
    render();
    say(ok ? "Imported " + plural(count, "answer", "answers") + "." : "Could not save the imported progress in this browser.");
  }

  /* ------------------------------------------------------------ actions */

  function saveName() {
    var value = nameInput.value;
    nameInput.removeAttribute("aria-invalid");
    store.update(function (state) {
      state.learner = value;
    });
  }

  function reset() {
    lastBackup = store.load();
    try {
      window.localStorage.setItem(store.key + "-backup", JSON.stringify(lastBackup));
    } catch (e) {
      /* the in-page copy still allows undo */
    }
    store.clear();
    render();
    say("Your progress has been reset.", true);
    var undo = status.querySelector("[data-progress-action=undo]");
    if (undo) {
      undo.focus();
    }
  }

  function undoReset() {
    var backup = lastBackup;
    if (!backup) {
      try {
        backup = JSON.parse(window.localStorage.getItem(store.key + "-backup") || "null");
      } catch (e) {
        backup = null;
      }
    }
    if (backup) {
      store.replace(backup);
      render();
      say("Your progress is back.");
    }
  }

  function openDialog() {
    if (dialog && typeof dialog.showModal === "function") {
      dialog.showModal();
      var cancel = dialog.querySelector('[data-dialog="cancel"]');
      if (cancel) {
        cancel.focus();
      }
    } else if (window.confirm("Reset your progress? This deletes every saved answer and reflection for this handbook in this browser.")) {
      reset();
    }
  }

  page.addEventListener("click", function (event) {
    var button = event.target.closest("button");
    if (!button) {
      return;
    }
    var action = button.getAttribute("data-progress-action");
    var choice = button.getAttribute("data-dialog");
    if (action === "print") {
      preparePrint();
      window.print();
    } else if (action === "csv") {
      download(csv(), "text/csv;charset=utf-8", shared.fileName(data, "", "csv"));
    } else if (action === "json") {
      // A progress file is handed in: it must say whose it is.
      var learner = nameInput ? nameInput.value.trim() : "";
      if (!learner && nameInput) {
        nameInput.setAttribute("aria-invalid", "true");
        nameInput.focus();
        say("Type your name first, so your supervisor knows whose progress file it is.");
        return;
      }
      download(json(learner), "application/json", shared.fileName(data, learner, "json"));
    } else if (action === "reset") {
      openDialog();
    } else if (action === "undo") {
      undoReset();
    } else if (choice) {
      dialog.close(choice);
      var resetButton = page.querySelector('[data-progress-action="reset"]');
      if (choice === "confirm") {
        reset();
      } else if (resetButton) {
        resetButton.focus();
      }
    }
  });

  if (nameInput) {
    nameInput.addEventListener("input", saveName);
  }
  var importInput = $("[data-progress-import]");
  if (importInput) {
    importInput.addEventListener("change", function () {
      var file = importInput.files && importInput.files[0];
      if (!file) {
        return;
      }
      var reader = new FileReader();
      reader.onload = function () {
        importText(String(reader.result || ""));
        importInput.value = "";
      };
      reader.onerror = function () {
        say("Could not read that file.");
      };
      reader.readAsText(file);
    });
  }
  window.addEventListener("beforeprint", preparePrint);
  window.addEventListener("handbook:progress", function () {
    render();
  });

  var nojs = page.querySelectorAll("[data-nojs]");
  for (var i = 0; i < nojs.length; i++) {
    nojs[i].hidden = true;
  }
  tools.hidden = false;
  render();

  api.progressPage = { csv: csv, json: json, rows: rows, render: render };
})();
