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
  // assignments.js (loaded before this script) builds the rows and the progress file.
  var shared = api.assignments;
  if (!page || !store || !shared) {
    return;
  }
  var data = window.HANDBOOK_PROGRESS_DATA || { chapters: [], id: api.handbookId || "", handbook: document.title, build: "" };

  var $ = function (sel, scope) {
    return (scope || page).querySelector(sel);
  };
  var tools = $("[data-progress-tools]");
  var status = $("[data-progress-status]");
  var nameInput = $("[data-learner-name]");
  var dialog = $("[data-reset-dialog]");
  var lastBackup = null;

//= include js/shared/i18n.js
//= include js/shared/csv.js
//= include js/shared/dom.js
//= include js/shared/percent.js
//= include js/shared/today.js
//= include js/shared/long-date.js
//= include js/shared/download.js
//= include js/shared/tally.js

  /* "3 of 5 correct (60%)": the score of `s` ({ correct, graded }). */
  function correctOf(s) {
    return s.graded
      ? t("progress.correct_of_percent", { correct: s.correct, graded: s.graded, percent: percent(s.correct, s.graded) })
      : t("progress.correct_of", { correct: s.correct, graded: s.graded });
  }

  /* "2 of 4 exercises complete". */
  function exercisesComplete(s) {
    return t("progress.exercises_complete", { complete: s.complete, count: s.exercises });
  }

  /* ------------------------------------------------------------ summaries */

  function exerciseStatus(s) {
    if (s.complete) {
      return t("progress.status_complete");
    }
    if (!s.started) {
      return t(s.changed ? "progress.status_changed" : "progress.status_not_started");
    }
    if (s.answered === s.total) {
      return t("progress.status_to_review", { count: s.graded - s.correct });
    }
    return t("progress.status_in_progress", { answered: s.answered, total: s.total });
  }

  function scoreText(s) {
    var written = t("progress.score_written", { written: s.written, count: s.reflections });
    if (!s.graded) {
      return written;
    }
    var text = t("progress.score_graded", { correct: s.correct, graded: s.graded, percent: percent(s.correct, s.graded) });
    if (s.reflections) {
      text += "; " + written;
    }
    return text;
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
    var total = tally();

    var sections = page.querySelectorAll("[data-chapter]");
    data.chapters.forEach(function (ch, index) {
      var section = sections[index];
      var c = tally();
      ch.exercises.forEach(function (ex) {
        var s = store.summarize(ex, state.exercises[ex.id]);
        addExercise(c, s);
        var row = section && section.querySelector('[data-exercise-row="' + cssEscape(ex.id) + '"]');
        if (row) {
          row.querySelector('[data-cell="status"]').textContent = exerciseStatus(s);
          row.querySelector('[data-cell="score"]').textContent = scoreText(s);
          row.classList.toggle("is-complete", s.complete);
          row.classList.toggle("is-started", s.started && !s.complete);
        }
      });
      addTally(total, c);
      var line = section && section.querySelector("[data-chapter-score]");
      if (line) {
        line.hidden = false;
        line.textContent = t("progress.chapter_score", { score: correctOf(c), complete: exercisesComplete(c) });
      }
    });

    // Retired: stored exercises the handbook no longer has.
    var retiredBody = $("[data-retired-rows]");
    var retiredSection = $("[data-retired]");
    clear(retiredBody);
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
      tr.appendChild(el("td", null, t("progress.status_retired")));
      tr.appendChild(el("td", null, scoreText(s)));
      retiredBody.appendChild(tr);
    });
    retiredSection.hidden = retired.length === 0;

    var summary = $("[data-progress-summary]");
    if (summary) {
      clear(summary);
      var p = el("p", "progress-overall");
      p.textContent = t("progress.overall_line", {
        answered: t("progress.overall_answered", { answered: total.answered, count: total.questions }),
        correct: total.graded
          ? t("progress.overall_correct_percent", { correct: total.correct, graded: total.graded, percent: percent(total.correct, total.graded) })
          : t("progress.overall_correct", { correct: total.correct, graded: total.graded }),
        complete: exercisesComplete(total)
      });
      summary.appendChild(p);
      if (!store.available) {
        summary.appendChild(el("p", "progress-warning", t("progress.no_saving")));
      } else if (store.isReadOnly()) {
        summary.appendChild(el("p", "progress-warning", t("progress.newer_version")));
      }
    }
    lastTotals = total;
    renderRecordTimes(state);
    if (nameInput && document.activeElement !== nameInput) {
      nameInput.value = state.learner || "";
    }
  }

  var lastTotals = null;

  /* ------------------------------------------------------------ last saved, reminder */

  var WEEK = 7 * 24 * 3600 * 1000;

  function when(iso) {
    var d = new Date(iso);
    if (!iso || isNaN(d.getTime())) {
      return "";
    }
    return longDate(d, true);
  }

  /* "Progress last saved in this browser: ..." and, after a week of activity with no progress
     file saved, a reminder at the top of the page (once per browser session). */
  function renderRecordTimes(state) {
    var line = $("[data-progress-saved]");
    if (line) {
      var saved = when(state.saved);
      var exported = when(state.exported);
      line.textContent = (saved ? t("progress.saved_at", { when: saved }) : t("progress.saved_never")) + " " +
        (exported ? t("progress.exported_at", { when: exported }) : t("progress.exported_never"));
      line.hidden = false;
    }
    var box = $("[data-progress-reminder]");
    if (!box || !state.activeSince || box.getAttribute("data-shown") === "done") {
      return;
    }
    var since = new Date(state.activeSince).getTime();
    var flag = store.key + ":reminded";
    var reminded = false;
    try {
      reminded = window.sessionStorage.getItem(flag) === "1";
    } catch (e) {
      reminded = false;
    }
    if (box.hidden && !reminded && since && Date.now() - since >= WEEK) {
      box.hidden = false;
      box.setAttribute("data-shown", "done");
      try {
        window.sessionStorage.setItem(flag, "1");
      } catch (e) {
        /* shown again next time: harmless */
      }
    }
  }

  function hideReminder() {
    var box = $("[data-progress-reminder]");
    if (box) {
      box.hidden = true;
    }
  }

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
          chapter: t("progress.retired_chapter"),
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

  /* The words of the status, correct and first_attempt columns in the reader's language
     (progress.csv_status_*, csv_yes, csv_no): the rows carry the progress file's English
     identifiers (shared.statusWords, "retired", "yes", "no"), which the JSON keeps. */
  function csvWords() {
    var out = { retired: t("progress.csv_status_retired"), yes: t("progress.csv_yes"), no: t("progress.csv_no") };
    var words = shared.statusWords || {};
    Object.keys(words).forEach(function (state) {
      out[words[state]] = t("progress.csv_status_" + state);
    });
    return out;
  }

  var CSV_WORD_COLUMNS = { status: true, correct: true, first_attempt: true };

  /* One row per question, headers and status words in the reader's language; every field
     quoted; ";" between fields where the language writes a decimal comma. */
  function csv() {
    var sep = csvDelimiter();
    var words = csvWords();
    var lines = [COLUMNS.map(function (c) {
      return csvField(t("progress.csv_" + c), sep, false);
    }).join(sep)];
    rows().forEach(function (r) {
      lines.push(COLUMNS.map(function (c) {
        var v = r[c];
        if (CSV_WORD_COLUMNS[c] && Object.prototype.hasOwnProperty.call(words, v)) {
          v = words[v];
        }
        return csvField(v, sep, true);
      }).join(sep));
    });
    return "\ufeff" + lines.join("\r\n") + "\r\n";
  }

  /* The progress file (docs/progress-file.md): the hand-in format of assignments.js. */
  function json(learner) {
    return JSON.stringify(shared.handIn(data, { questions: rows(), learner: learner }), null, 2) + "\n";
  }

  /* Saves a file and says so. */
  function saveFile(text, type, name) {
    download(text, name, type);
    say(t("progress.file_saved", { name: name }));
  }

  function say(text, withUndo) {
    clear(status);
    status.appendChild(document.createTextNode(text));
    if (withUndo) {
      var undo = el("button", "question-button progress-undo", t("progress.undo_reset"));
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
    $("[data-print-date]").textContent = longDate();
    var totals = lastTotals || tally();
    $("[data-print-overall]").textContent = t("progress.print_overall", { score: correctOf(totals), complete: exercisesComplete(totals) });
  }

//= include js/progress/import.js
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
    say(t("progress.reset_done"), true);
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
      say(t("progress.reset_undone"));
    }
  }

  function openDialog() {
    if (dialog && typeof dialog.showModal === "function") {
      dialog.showModal();
      var cancel = dialog.querySelector('[data-dialog="cancel"]');
      if (cancel) {
        cancel.focus();
      }
    } else if (window.confirm(t("progress.reset_title") + " " + t("progress.reset_confirm"))) {
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
    if (action === "dismiss-reminder") {
      hideReminder();
    } else if (action === "print") {
      preparePrint();
      window.print();
    } else if (action === "csv") {
      saveFile(csv(), "text/csv;charset=utf-8", shared.fileName(data, "", "csv"));
    } else if (action === "json") {
      // A progress file is handed in: it must say whose it is.
      var learner = nameInput ? nameInput.value.trim() : "";
      if (!learner && nameInput) {
        nameInput.setAttribute("aria-invalid", "true");
        nameInput.focus();
        say(t("progress.name_first"));
        return;
      }
      saveFile(json(learner), "application/json", shared.fileName(data, learner, "json"));
      store.markExported();
      hideReminder();
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
        say(t("progress.file_unreadable"));
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
