/*
 * handbook default theme: assignments.js (loaded on every page of a handbook with assignments,
 * after progress-store.js).
 *
 * - Assignment pages ([data-assignment], partials/assignment.html): each checklist item's status
 *   from the learner's browser storage, and the completion bar.
 *   read      done when the page (or, for a section, the section or the whole page) was read
 *             (progress-store.js records reading);
 *   exercise  done when every question is answered (a reflection when written); shows the score;
 *   practice  done when the practice log (srs.js storage) holds at least `count` entries.
 * - Learning paths ([data-path-step], sidebar and home page): "n of m done" per assignment.
 * - Hand-in ([data-handin], partials/handin.html; also the progress page's JSON export): a
 *   progress file (docs/progress-file.md, schema 3) with the name the learner typed, the date,
 *   the build and everything the learner has (answers with responses, reflections, reading,
 *   practice-log entries, scenario answers), and a printable completion record.
 *
 * API: window.handbook.assignments = { status(assignment, state, data), totals(data, state),
 *   rows(data, state) (one per question, the CSV export's rows), statusWords, handIn(data, extra),
 *   fileName(data, learner, ext), download(text, name, type), today(), practiceCount(), render() }.
 * Classic script, no inline code; every control is a native button or input.
 */
(function () {
  "use strict";

  var api = window.handbook || (window.handbook = {});
  var store = api.progress;
  if (!store || api.assignments) {
    return;
  }
  var FILE_SCHEMA = 3;

//= include js/shared/i18n.js
//= include js/shared/percent.js
//= include js/shared/today.js
//= include js/shared/long-date.js
//= include js/shared/download.js

  /* ------------------------------------------------------------ practice log (srs.js) */

  /* The practice log as stored (checked entry by entry), or this page view's copy when the
     browser refused to store it. */
  function practiceState() {
    if (api.practiceStore && api.practiceStore.inMemory()) {
      return api.practiceStore.load();
    }
    return store.readPractice ? store.readPractice().state : { v: 1, logs: {}, drafts: {}, scenarios: {} };
  }

  function practiceCount() {
    var logs = practiceState().logs || {};
    var n = 0;
    Object.keys(logs).forEach(function (set) {
      n += Array.isArray(logs[set]) ? logs[set].length : 0;
    });
    return n;
  }

  /* Every practice-log entry with its item set and total (points, one decimal; null while an
     item is unrated), in stored order. */
  function practiceEntries(practice) {
    var out = [];
    Object.keys(practice.logs || {}).forEach(function (set) {
      (practice.logs[set] || []).forEach(function (e) {
        var entry = JSON.parse(JSON.stringify(e));
        var rated = e.values.every(function (v) {
          return typeof v === "number";
        });
        entry.set = set;
        entry.total = rated ? Math.round(e.values.reduce(function (a, v) { return a + v; }, 0)) / 10 : null;
        out.push(entry);
      });
    });
    return out;
  }

  /* ------------------------------------------------------------ status */

  function exerciseIndex(data) {
    var byId = {};
    ((data && data.chapters) || []).forEach(function (ch) {
      ch.exercises.forEach(function (ex) {
        byId[ex.id] = ex;
      });
    });
    return byId;
  }

  /* One checklist item: { state: "done" | "started" | "todo", text, graded, correct, count }. */
  function itemStatus(item, state, byId, practice) {
    if (item.kind === "read") {
      var r = state.reading[item.page];
      var done = !!(r && (r.read || (item.section && r.sections[item.section])));
      return { state: done ? "done" : "todo", text: t(done ? "assignments.status_read" : "assignments.status_unread"), graded: 0, correct: 0 };
    }
    if (item.kind === "exercise") {
      var ex = byId[item.exercise];
      if (!ex) {
        return { state: "todo", text: t("assignments.status_unavailable"), graded: 0, correct: 0 };
      }
      var s = store.summarize(ex, state.exercises[item.exercise]);
      var answeredAll = s.total > 0 && s.answered === s.total;
      var score = s.graded ? t("progress.correct_of", { correct: s.correct, graded: s.graded }) : "";
      var text;
      if (answeredAll) {
        text = score ? t("assignments.status_done_score", { score: score }) : t("assignments.status_done");
      } else if (s.started) {
        text = score
          ? t("assignments.status_answered_score", { answered: s.answered, total: s.total, score: score })
          : t("assignments.status_answered", { answered: s.answered, total: s.total });
      } else {
        text = t(s.changed ? "progress.status_changed" : "progress.status_not_started");
      }
      return { state: answeredAll ? "done" : s.started ? "started" : "todo", text: text, graded: s.graded, correct: s.correct };
    }
    var have = Math.min(practice, item.count);
    var met = practice >= item.count;
    return {
      state: met ? "done" : have > 0 ? "started" : "todo",
      text: t("assignments.entries_saved", { have: have, count: item.count }),
      graded: 0,
      correct: 0,
      count: practice
    };
  }

  /* { items: [itemStatus], done, total, graded, correct, complete } */
  function status(assignment, state, data) {
    var byId = exerciseIndex(data);
    var practice = practiceCount();
    var out = { items: [], done: 0, total: assignment.items.length, graded: 0, correct: 0, complete: false };
    assignment.items.forEach(function (item) {
      var s = itemStatus(item, state, byId, practice);
      out.items.push(s);
      out.done += s.state === "done" ? 1 : 0;
      out.graded += s.graded;
      out.correct += s.correct;
    });
    out.complete = out.total > 0 && out.done === out.total;
    return out;
  }

//= include js/shared/tally.js

  function totals(data, state) {
    var tot = tally();
    ((data && data.chapters) || []).forEach(function (ch) {
      ch.exercises.forEach(function (ex) {
        addExercise(tot, store.summarize(ex, state.exercises[ex.id]));
      });
    });
    return tot;
  }

  var STATUS_WORDS = {
    correct: "correct",
    incorrect: "incorrect",
    revealed: "answer shown",
    written: "written",
    changed: "changed since answered",
    unanswered: "not answered"
  };

  /* One row per question of the handbook (the CSV export's rows). */
  function rows(data, state) {
    var out = [];
    ((data && data.chapters) || []).forEach(function (ch) {
      ch.exercises.forEach(function (ex) {
        var stored = state.exercises[ex.id] || { questions: {} };
        ex.questions.forEach(function (q, i) {
          var r = stored.questions[q.key] || null;
          var st = store.questionState(r, q);
          out.push({
            chapter: ch.title,
            page: ex.page_title,
            url: ex.page,
            exercise_id: ex.id,
            exercise: ex.title,
            number: i + 1,
            question_id: q.key,
            type: q.type,
            prompt: q.prompt,
            status: STATUS_WORDS[st] || st,
            correct: q.graded ? (st === "correct" ? "yes" : st === "unanswered" || st === "changed" ? "" : "no") : "",
            attempts: r && r.attempts ? r.attempts : 0,
            first_attempt: r && r.first ? STATUS_WORDS[r.first] || r.first : "",
            answered_at: r && r.updated && st !== "unanswered" ? r.updated : ""
          });
        });
      });
    });
    return out;
  }

  /* The hand-in file (docs/progress-file.md). `extra` may carry `questions` rows and the
     `learner` name as typed (stored state may be read-only, or another user's). */
  function handIn(data, extra) {
    var state = store.load();
    var practice = practiceState();
    var file = {
      format: "handbook-progress",
      schema: FILE_SCHEMA,
      handbook: (data && data.id) || api.handbookId || "",
      title: (data && data.handbook) || "",
      build: (data && data.build) || "",
      exported: new Date().toISOString(),
      learner: String((extra && extra.learner) || state.learner || "").trim(),
      totals: totals(data, state),
      assignments: ((data && data.assignments) || []).map(function (a) {
        var st = status(a, state, data);
        return {
          id: a.id,
          title: a.title,
          path: a.path || "",
          due: a.due || "",
          items: st.total,
          done: st.done,
          complete: st.complete,
          graded: st.graded,
          correct: st.correct,
          parts: a.items.map(function (item, i) {
            var part = {
              kind: item.kind,
              target: item.kind === "read" ? item.url : item.kind === "exercise" ? item.exercise : String(item.count),
              title: item.title,
              done: st.items[i].state === "done"
            };
            if (item.kind === "exercise") {
              part.graded = st.items[i].graded;
              part.correct = st.items[i].correct;
            }
            if (item.kind === "practice") {
              part.count = Math.min(st.items[i].count || 0, item.count);
            }
            return part;
          })
        };
      }),
      reading: state.reading,
      practice: {
        v: practice.v || 1,
        entries: practiceEntries(practice),
        scenarios: practice.scenarios || {},
        drafts: practice.drafts || {}
      },
      questions: (extra && extra.questions) || rows(data, state),
      progress: state
    };
    return file;
  }

//= include js/shared/slug.js

  /* "<handbook>-progress-<learner>-<date>.<ext>" (the learner left out when empty; "progress"
     in the handbook's language, `assignments.file_stem`, as a slug: English when nothing of
     it is left, as of an Arabic word). */
  function fileName(data, learner, ext) {
    var stem = slug(t("assignments.file_stem")) || "progress";
    return [slug(data.handbook) || "handbook", stem, slug(learner), today()].filter(Boolean).join("-") + "." + (ext || "json");
  }

  /* ------------------------------------------------------------ rendering */

  function setText(node, text) {
    if (node && node.textContent !== text) {
      node.textContent = text;
    }
  }

  function renderChecklist(section, data, state) {
    var id = section.getAttribute("data-assignment");
    var assignment = null;
    (data.assignments || []).forEach(function (a) {
      if (a.id === id) {
        assignment = a;
      }
    });
    if (!assignment) {
      return;
    }
    var st = status(assignment, state, data);
    var rowsEls = section.querySelectorAll(".assignment-item");
    for (var i = 0; i < rowsEls.length && i < st.items.length; i++) {
      var s = st.items[i];
      var li = rowsEls[i];
      li.setAttribute("data-state", s.state);
      var cell = li.querySelector("[data-item-status]");
      if (cell) {
        var label = s.state === "done" ? "\u2713 " : s.state === "started" ? "\u2026 " : "";
        if (cell.getAttribute("data-text") !== s.text) {
          while (cell.firstChild) {
            cell.removeChild(cell.firstChild);
          }
          if (label) {
            var icon = document.createElement("span");
            icon.setAttribute("aria-hidden", "true");
            icon.textContent = label;
            cell.appendChild(icon);
          }
          cell.appendChild(document.createTextNode(s.text));
          cell.setAttribute("data-text", s.text);
        }
      }
    }
    var box = section.querySelector("[data-assignment-progress]");
    if (box) {
      box.hidden = false;
      var bar = box.querySelector("progress");
      if (bar) {
        bar.max = Math.max(st.total, 1);
        bar.value = st.done;
      }
      var text = st.complete
        ? t("assignments.items_complete", { count: st.total })
        : t("assignments.items_done", { done: st.done, count: st.total });
      if (st.graded) {
        text += " \u00b7 " + t("assignments.questions_correct", { correct: st.correct, graded: st.graded, percent: percent(st.correct, st.graded) });
      }
      setText(box.querySelector("[data-assignment-count]"), text);
    }
    section.classList.toggle("is-complete", st.complete);
  }

  function renderPaths(data, state) {
    var byId = {};
    (data.assignments || []).forEach(function (a) {
      byId[a.id] = a;
    });
    var steps = document.querySelectorAll("[data-path-step]");
    for (var i = 0; i < steps.length; i++) {
      var a = byId[steps[i].getAttribute("data-path-step")];
      var cell = steps[i].querySelector("[data-step-status]");
      if (!a || !cell) {
        continue;
      }
      var st = status(a, state, data);
      steps[i].setAttribute("data-state", st.complete ? "done" : st.done ? "started" : "todo");
      var inSidebar = !!steps[i].closest("#hb-sidebar");
      var words = st.complete ? t("assignments.step_complete") : t("assignments.step_done", { done: st.done, total: st.total });
      if (cell.getAttribute("data-text") === words) {
        continue;
      }
      cell.setAttribute("data-text", words);
      while (cell.firstChild) {
        cell.removeChild(cell.firstChild);
      }
      if (inSidebar) {
        var short = document.createElement("span");
        short.setAttribute("aria-hidden", "true");
        short.textContent = st.complete ? " \u2713" : " " + st.done + "/" + st.total;
        var full = document.createElement("span");
        full.className = "visually-hidden";
        full.textContent = " (" + words + ")";
        cell.appendChild(short);
        cell.appendChild(full);
      } else {
        var bar = document.createElement("progress");
        bar.max = Math.max(st.total, 1);
        bar.value = st.done;
        bar.setAttribute("aria-label", a.title + ": " + words);
        cell.appendChild(bar);
        cell.appendChild(document.createTextNode(" " + (st.complete ? "\u2713 " + t("progress.status_complete") : words)));
      }
    }
    var paths = document.querySelectorAll("[data-learning-path]");
    for (var p = 0; p < paths.length; p++) {
      var list = paths[p].querySelectorAll("[data-path-step]");
      var complete = 0;
      for (var k = 0; k < list.length; k++) {
        complete += list[k].getAttribute("data-state") === "done" ? 1 : 0;
      }
      var summary = paths[p].querySelector("[data-path-summary]");
      if (summary) {
        summary.hidden = false;
        setText(summary, t("assignments.path_summary", { complete: complete, count: list.length }));
      }
    }
  }

  var lastData = null;

  function render() {
    store.manifest(function (data) {
      if (!data) {
        return;
      }
      lastData = data;
      var state = store.load();
      var sections = document.querySelectorAll("[data-assignment]");
      for (var i = 0; i < sections.length; i++) {
        renderChecklist(sections[i], data, state);
      }
      renderPaths(data, state);
      var name = document.querySelector("[data-handin-name]");
      if (name && document.activeElement !== name) {
        name.value = state.learner || "";
      }
    });
  }

  /* ------------------------------------------------------------ hand-in */

  function say(text) {
    var status = document.querySelector("[data-handin-status]");
    if (status) {
      status.textContent = "";
      setTimeout(function () {
        status.textContent = text;
      }, 50);
    }
  }

  function learnerName(input) {
    var name = input ? input.value.trim() : "";
    if (!name) {
      say(t("assignments.name_first"));
      if (input) {
        input.setAttribute("aria-invalid", "true");
        input.focus();
      }
      return null;
    }
    if (input) {
      input.removeAttribute("aria-invalid");
    }
    return name;
  }

  function printRecord(panel, name) {
    var section = document.querySelector("[data-assignment]");
    var header = document.querySelector("[data-record-header]");
    if (!header && section) {
      header = document.createElement("div");
      header.className = "record-header";
      header.setAttribute("data-record-header", "");
      section.insertBefore(header, section.firstChild);
    }
    if (header) {
      while (header.firstChild) {
        header.removeChild(header.firstChild);
      }
      var title = document.createElement("p");
      title.className = "record-title";
      title.textContent = t("assignments.record_title");
      header.appendChild(title);
      var date = longDate();
      var dl = document.createElement("dl");
      [[t("assignments.record_trainee"), name], [t("assignments.record_date"), date], [t("assignments.record_handbook"), (lastData && lastData.handbook) || ""], [t("assignments.record_build"), (lastData && lastData.build) || ""]].forEach(function (pair) {
        var div = document.createElement("div");
        var dt = document.createElement("dt");
        dt.textContent = pair[0];
        var dd = document.createElement("dd");
        dd.textContent = pair[1];
        div.appendChild(dt);
        div.appendChild(dd);
        dl.appendChild(div);
      });
      header.appendChild(dl);
    }
    document.documentElement.classList.add("printing-record");
    var cleanup = function () {
      document.documentElement.classList.remove("printing-record");
      window.removeEventListener("afterprint", cleanup);
    };
    window.addEventListener("afterprint", cleanup);
    if (typeof window.print === "function") {
      window.print();
    }
  }

  function wireHandIn(panel) {
    var input = panel.querySelector("[data-handin-name]");
    panel.hidden = false;
    if (input) {
      input.addEventListener("input", function () {
        var value = input.value;
        input.removeAttribute("aria-invalid");
        store.update(function (state) {
          state.learner = value;
        });
      });
    }
    panel.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-handin-action]");
      if (!button) {
        return;
      }
      var name = learnerName(input);
      if (!name) {
        return;
      }
      var action = button.getAttribute("data-handin-action");
      store.manifest(function (data) {
        data = data || { handbook: document.title, build: "", chapters: [], assignments: [] };
        lastData = data;
        if (action === "export") {
          var file = handIn(data, { learner: name });
          var fname = fileName(data, name);
          download(JSON.stringify(file, null, 2) + "\n", fname);
          if (store.markExported) {
            store.markExported();
          }
          say(t("assignments.file_saved", { name: fname }));
        } else if (action === "print") {
          printRecord(panel, name);
        }
      });
    });
  }

  api.assignments = {
    schema: FILE_SCHEMA,
    status: status,
    totals: totals,
    rows: rows,
    statusWords: STATUS_WORDS,
    handIn: handIn,
    fileName: fileName,
    download: download,
    today: today,
    practiceCount: practiceCount,
    practiceState: practiceState,
    practiceEntries: practiceEntries,
    render: render
  };

  function start() {
    var panels = document.querySelectorAll("[data-handin]");
    for (var i = 0; i < panels.length; i++) {
      wireHandIn(panels[i]);
    }
    render();
  }

  window.addEventListener("handbook:progress", render);
  window.addEventListener("handbook:practice", render);
  window.addEventListener("storage", function (event) {
    if (event.key === null || (api.storageKey && event.key === api.storageKey("srs"))) {
      render();
    }
  });
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) {
      render();
    }
  });
  document.addEventListener("visibilitychange", function () {
    if (!document.hidden) {
      render();
    }
  });
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
