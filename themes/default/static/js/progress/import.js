  /* ------------------------------------------------------------ import */

  var FILE_SCHEMA = 3;

  function clone(v) {
    return JSON.parse(JSON.stringify(v));
  }

  function isObject(v) {
    return !!v && typeof v === "object" && !Array.isArray(v);
  }

//= include js/shared/slug.js

  var NOTHING = "progress.nothing_imported";

  /* An import error: `key`'s text (with `params`), then "; nothing was imported." */
  function refused(key, params) {
    return { error: t(key, params) + t(NOTHING) };
  }

  /* Checks a progress file (docs/progress-file.md, schema 1 to 3, or a bare stored state) for
     this handbook: { progress, entries, scenarios, drafts } or { error }. Nothing is changed. */
  function checkFile(text) {
    var parsed;
    try {
      parsed = JSON.parse(String(text).replace(/^\ufeff/, ""));
    } catch (e) {
      return refused("progress.file_not_json");
    }
    if (!isObject(parsed)) {
      return refused("progress.file_not_progress");
    }
    var id = data.id || api.handbookId || "";
    var incoming = parsed;
    var schema = 0;
    if (parsed.format === "handbook-progress") {
      schema = parsed.schema;
      if (typeof schema !== "number" || schema < 1 || Math.floor(schema) !== schema) {
        return refused("progress.file_bad_schema");
      }
      if (schema > FILE_SCHEMA) {
        return refused("progress.file_newer", { schema: String(schema), max: String(FILE_SCHEMA) });
      }
      var from = typeof parsed.handbook === "string" ? parsed.handbook : "";
      var same = schema >= 3
        ? from === id
        : from === data.handbook || slug(from) === id || slug(from) === slug(data.handbook);
      if (!same) {
        return schema >= 3 && parsed.title
          ? refused("progress.file_other_titled", { title: parsed.title, id: from })
          : refused("progress.file_other", { id: from });
      }
      incoming = parsed.progress;
    } else if (parsed.format !== undefined) {
      return refused("progress.file_not_this");
    }
    if (!isObject(incoming) || !isObject(incoming.exercises)) {
      return refused(parsed.format ? "progress.file_no_answers" : "progress.file_not_exported");
    }
    var problems = [];
    var progress = store.normalize(clone(incoming), problems);
    if (problems.length) {
      return problems.length > 1
        ? refused("progress.file_damaged_more", { problem: problems[0], count: problems.length - 1 })
        : refused("progress.file_damaged", { problem: problems[0] });
    }
    var out = { progress: progress, entries: [], scenarios: {}, drafts: {} };
    var practice = schema >= 3 ? parsed.practice : null;
    if (schema >= 3) {
      if (!isObject(practice) || !Array.isArray(practice.entries)) {
        return refused("progress.file_bad_log");
      }
      for (var i = 0; i < practice.entries.length; i++) {
        var e = practice.entries[i];
        if (!isObject(e) || typeof e.set !== "string" || !e.set || !store.validEntry(e)) {
          return refused("progress.file_bad_entry", { n: i + 1 });
        }
      }
      var parts = ["scenarios", "drafts"];
      for (var j = 0; j < parts.length; j++) {
        var part = practice[parts[j]];
        if (part !== undefined && !isObject(part)) {
          return refused(parts[j] === "scenarios" ? "progress.file_bad_scenarios" : "progress.file_bad_drafts");
        }
        var bad = Object.keys(part || {}).filter(function (k) {
          return !isObject(part[k]);
        });
        if (bad.length) {
          return refused(parts[j] === "scenarios" ? "progress.file_bad_scenario" : "progress.file_bad_draft", { name: bad[0] });
        }
      }
      out.entries = practice.entries;
      out.scenarios = practice.scenarios || {};
      out.drafts = practice.drafts || {};
    }
    return out;
  }

  /* A record that holds only a draft: an answer not checked yet (exercise/typed.js). */
  function draftOnly(r) {
    return !r.status && r.type !== "reflection";
  }

  /* Per answer, the newer wins; the other's written text is kept with it ("earlier"). A draft
     is imported but never counted as an answer, and never replaces a checked answer. */
  function mergeAnswer(dst, key, a, counts) {
    var b = dst.questions[key];
    var counted = draftOnly(a) ? 0 : 1;
    if (!b) {
      dst.questions[key] = a;
      counts.answers += counted;
      return;
    }
    if (JSON.stringify(a) === JSON.stringify(b) || (draftOnly(a) && !draftOnly(b))) {
      return;
    }
    var incomingNewer = String(a.updated || "") > String(b.updated || "");
    if (draftOnly(b)) {
      if (counted || incomingNewer) {
        dst.questions[key] = a;
      }
      counts.answers += counted;
      return;
    }
    var winner = incomingNewer ? a : b;
    var loser = incomingNewer ? b : a;
    if (incomingNewer) {
      counts.answers += 1;
    } else {
      counts.kept += 1;
    }
    var texts = [].concat(winner.earlier || [], loser.earlier || []);
    if (typeof loser.response === "string" && loser.response && loser.response !== winner.response && (loser.type === "reflection" || loser.status === "written")) {
      texts.push({ response: loser.response, updated: loser.updated || "" });
      counts.texts += 1;
    }
    var seen = {};
    texts = texts.filter(function (t) {
      var k = isObject(t) ? String(t.response) : "";
      if (!k || seen[k] || k === winner.response) {
        return false;
      }
      seen[k] = true;
      return true;
    });
    if (texts.length) {
      winner.earlier = texts;
    }
    dst.questions[key] = winner;
  }

  function mergeProgress(state, incoming, counts) {
    Object.keys(incoming.exercises).forEach(function (id) {
      var src = incoming.exercises[id];
      var dst = state.exercises[id];
      if (!dst) {
        dst = state.exercises[id] = clone(src);
        dst.questions = {};
      } else {
        ["title", "page"].forEach(function (k) {
          if (!dst[k] && src[k]) {
            dst[k] = src[k];
          }
        });
        if (String(src.updated || "") > String(dst.updated || "")) {
          dst.updated = src.updated;
        }
      }
      Object.keys(src.questions).forEach(function (key) {
        mergeAnswer(dst, key, src.questions[key], counts);
      });
    });
    Object.keys(incoming.reading).forEach(function (path) {
      var src = incoming.reading[path];
      var dst = state.reading[path];
      if (!dst) {
        state.reading[path] = src;
        counts.reading += 1;
        return;
      }
      var added = false;
      if (src.read && (!dst.read || src.read < dst.read)) {
        added = !dst.read;
        dst.read = src.read;
      }
      Object.keys(src.sections).forEach(function (id) {
        if (!dst.sections[id]) {
          dst.sections[id] = src.sections[id];
          added = true;
        }
      });
      counts.reading += added ? 1 : 0;
    });
    if (!state.learner && incoming.learner) {
      state.learner = incoming.learner;
    }
  }

  function mergePractice(practice, file, counts) {
    file.entries.forEach(function (e) {
      var entry = clone(e);
      var set = entry.set;
      delete entry.set;
      delete entry.total;
      var log = practice.logs[set] || (practice.logs[set] = []);
      var text = JSON.stringify(entry);
      var have = log.some(function (x) {
        return entry.id ? x.id === entry.id : JSON.stringify(x) === text;
      });
      if (!have) {
        log.push(entry);
        counts.entries += 1;
      }
    });
    Object.keys(file.scenarios).forEach(function (key) {
      var a = file.scenarios[key];
      var b = practice.scenarios[key];
      if (!b) {
        practice.scenarios[key] = a;
        counts.scenarios += 1;
      } else if (JSON.stringify(a) !== JSON.stringify(b)) {
        if (String(a.t || "") > String(b.t || "")) {
          practice.scenarios[key] = a;
          counts.scenarios += 1;
        } else {
          counts.kept += 1;
        }
      }
    });
    Object.keys(file.drafts).forEach(function (key) {
      if (!practice.drafts[key]) {
        practice.drafts[key] = file.drafts[key];
        counts.drafts += 1;
      }
    });
  }

  function importMessage(c) {
    var parts = [];
    if (c.answers) {
      parts.push(t("progress.imported_answers", { count: c.answers }));
    }
    if (c.reading) {
      parts.push(t("progress.imported_reading", { count: c.reading }));
    }
    if (c.entries) {
      parts.push(t("progress.imported_entries", { count: c.entries }));
    }
    if (c.scenarios) {
      parts.push(t("progress.imported_scenarios", { count: c.scenarios }));
    }
    var text = parts.length ? t("progress.imported", { parts: parts.join(", ") }) : t("progress.nothing_new");
    if (c.kept) {
      text += "; " + t("progress.kept_newer", { count: c.kept });
    }
    if (c.texts) {
      text += "; " + t("progress.texts_kept", { count: c.texts });
    }
    return text.charAt(0).toUpperCase() + text.slice(1) + ".";
  }

  /* Merges a progress file into this browser's progress: per item, the newer wins; nothing is
     deleted; a file from another handbook, a damaged one or one of a newer format is refused
     and nothing changes. */
  function importText(text) {
    var file = checkFile(text);
    if (file.error) {
      say(file.error);
      return;
    }
    if (store.isReadOnly()) {
      say(t("progress.import_read_only") + t(NOTHING));
      return;
    }
    var counts = { answers: 0, reading: 0, entries: 0, scenarios: 0, drafts: 0, kept: 0, texts: 0 };
    var state = store.load();
    mergeProgress(state, file.progress, counts);
    var practiceBefore = store.readPractice();
    var practice = practiceBefore.state;
    mergePractice(practice, file, counts);
    if (counts.entries || counts.scenarios || counts.drafts) {
      if (!store.savePractice(practice, practiceBefore)) {
        render();
        say(t("progress.import_failed") + t(NOTHING));
        return;
      }
    }
    var ok = store.replace(state);
    render();
    say(ok ? importMessage(counts) : t("progress.import_shown_only"));
  }

