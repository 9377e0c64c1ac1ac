/*
 * handbook SCORM package: suspend.js (only in `handbook export scorm` packages, never in a
 * normal build). The compact encoding of the learner's progress for the LMS's suspend_data.
 *
 * SCORM 1.2 keeps at most 4,096 characters of suspend_data, SCORM 2004 64,000. The state is
 * the browser's stored progress (progress-store.js: answers, reflections, reading marks, the
 * learner's name) and the practice log (srs.js: entries, scenario answers, drafts). Assignment
 * state is derived from these, so it needs no room of its own.
 *
 * Encoded form (JSON, short keys, times as base-36 seconds since 1970):
 *   { "v": 1, "n": learner,
 *     "e": { "<exercise>": { "<question>": [status, response, attempts, updated, fp, first, flags] } },
 *     "r": { "<page path>": [read time or 0, { "<section id>": time }] },
 *     "p": { "v": n, "l": { "<set>": [entries] }, "s": { scenarios }, "d": { drafts } } }
 * status and first: "c" correct, "i" incorrect, "r" answer shown, "w" written (first 0: the same
 * as status); flags: 1 answer shown before, 2 model answer shown. A choice response is the
 * options' authored numbers (1-based) when the question's option ids are known
 * (`questions(exercise, question)` -> { type, options: [ids in authored order] }), else the ids;
 * an ordering response is its numbers. Trailing empty fields are left off.
 *
 * When the encoding is longer than the limit, the least important parts are dropped, in this
 * order, until it fits: practice-form drafts, practice-scenario answers, section reading marks,
 * practice-log entries, answer fingerprints, page reading marks, reflection texts, answer
 * times and attempts, and last the oldest answers. encode() says what it dropped; the runtime
 * warns on the console. Answers and their results are kept as long as anything can be.
 *
 * API: window.handbook.scormSuspend = { encode(data, limit, questions) -> { text, dropped },
 *   decode(text, questions) -> { progress, practice } or null, LIMIT_12: 4096, LIMIT_2004: 64000 }
 * where data = { progress: <progress-store state>, practice: <practice log> }.
 */
(function () {
  "use strict";

  var api = window.handbook || (window.handbook = {});
  if (api.scormSuspend) {
    return;
  }

  var CODES = { correct: "c", incorrect: "i", revealed: "r", written: "w" };
  var STATUSES = { c: "correct", i: "incorrect", r: "revealed", w: "written" };
  var CHOICE = { single: 1, multiple: 1, scenario: 1, truefalse: 0 };

  function isObject(v) {
    return !!v && typeof v === "object" && !Array.isArray(v);
  }

  function keys(o) {
    return isObject(o) ? Object.keys(o) : [];
  }

  /* ISO time -> base-36 seconds; 0 when missing or unreadable. */
  function packTime(iso) {
    var ms = typeof iso === "string" ? Date.parse(iso) : NaN;
    return isFinite(ms) ? Math.floor(ms / 1000).toString(36) : 0;
  }

  function unpackTime(t) {
    if (typeof t !== "string" || !/^[0-9a-z]{1,10}$/.test(t)) {
      return undefined;
    }
    return new Date(parseInt(t, 36) * 1000).toISOString();
  }

  function trim(list) {
    while (list.length && (list[list.length - 1] === 0 || list[list.length - 1] === undefined || list[list.length - 1] === null || list[list.length - 1] === "")) {
      list.pop();
    }
    return list;
  }

  function info(questions, ex, q) {
    var found = typeof questions === "function" ? questions(ex, q) : null;
    return found || { type: "", options: null };
  }

  function packResponse(rec, meta) {
    var r = rec.response;
    if (Array.isArray(r)) {
      if (CHOICE[meta.type] && Array.isArray(meta.options)) {
        return r.map(function (v) {
          var n = meta.options.indexOf(v);
          return n >= 0 ? n + 1 : String(v);
        });
      }
      if (meta.type === "ordering") {
        return r.map(function (v) {
          return /^[0-9]+$/.test(String(v)) ? parseInt(v, 10) : String(v);
        });
      }
      return r.map(String);
    }
    return typeof r === "string" ? r : 0;
  }

  function unpackResponse(r, meta) {
    if (Array.isArray(r)) {
      return r.map(function (v) {
        if (typeof v === "number" && CHOICE[meta.type] && Array.isArray(meta.options) && meta.options[v - 1]) {
          return meta.options[v - 1];
        }
        return String(v);
      });
    }
    return typeof r === "string" ? r : undefined;
  }

  /* The full compact form of `data`. */
  function pack(data, questions) {
    var progress = isObject(data && data.progress) ? data.progress : {};
    var practice = isObject(data && data.practice) ? data.practice : {};
    var out = { v: 1 };
    if (progress.learner) {
      out.n = String(progress.learner);
    }
    var e = {};
    keys(progress.exercises).forEach(function (ex) {
      var qs = {};
      var stored = progress.exercises[ex];
      keys(stored && stored.questions).forEach(function (q) {
        var rec = stored.questions[q];
        var status = CODES[rec && rec.status];
        if (!status) {
          return;
        }
        var meta = info(questions, ex, q);
        var first = CODES[rec.first] && CODES[rec.first] !== status ? CODES[rec.first] : 0;
        var flags = (rec.revealed ? 1 : 0) + (rec.modelShown ? 2 : 0);
        qs[q] = trim([status, packResponse(rec, meta), typeof rec.attempts === "number" ? rec.attempts : 0, packTime(rec.updated), rec.fp || 0, first, flags]);
      });
      if (keys(qs).length) {
        e[ex] = qs;
      }
    });
    out.e = e;
    var r = {};
    keys(progress.reading).forEach(function (path) {
      var mark = progress.reading[path];
      var sections = {};
      keys(mark && mark.sections).forEach(function (id) {
        sections[id] = packTime(mark.sections[id]) || "0";
      });
      var entry = trim([packTime(mark && mark.read), keys(sections).length ? sections : 0]);
      if (entry.length) {
        r[path] = entry;
      }
    });
    out.r = r;
    var p = { v: typeof practice.v === "number" ? practice.v : 1 };
    if (keys(practice.logs).some(function (set) { return Array.isArray(practice.logs[set]) && practice.logs[set].length; })) {
      p.l = practice.logs;
    }
    if (keys(practice.scenarios).length) {
      p.s = practice.scenarios;
    }
    if (keys(practice.drafts).length) {
      p.d = practice.drafts;
    }
    out.p = p;
    return out;
  }

  /* The ways to make the encoding shorter, least important first: [what, change(form)]. Each
     returns false when there was nothing to drop. */
  var STEPS = [
    ["practice-form drafts", function (f) { return del(f.p, "d"); }],
    ["practice-scenario answers", function (f) { return del(f.p, "s"); }],
    ["section reading marks", function (f) {
      var any = false;
      keys(f.r).forEach(function (path) {
        if (f.r[path].length > 1) {
          f.r[path] = [f.r[path][0]];
          any = true;
        }
        if (!f.r[path][0]) {
          delete f.r[path];
        }
      });
      return any;
    }],
    ["practice-log entries", function (f) { return del(f.p, "l"); }],
    ["answer fingerprints", function (f) { return eachAnswer(f, function (a) { return clear(a, 4); }); }],
    ["page reading marks", function (f) {
      var any = keys(f.r).length > 0;
      f.r = {};
      return any;
    }],
    ["reflection texts", function (f) {
      return eachAnswer(f, function (a) {
        if (a[0] === "w" && typeof a[1] === "string" && a[1]) {
          a[1] = "";
          return true;
        }
        return false;
      });
    }],
    ["answer times and attempts", function (f) {
      return eachAnswer(f, function (a) {
        var any = clear(a, 2);
        return clear(a, 3) || any;
      });
    }]
  ];

  function del(o, k) {
    if (o && o[k] !== undefined) {
      delete o[k];
      return true;
    }
    return false;
  }

  function clear(a, i) {
    if (a.length > i && a[i] !== 0) {
      a[i] = 0;
      return true;
    }
    return false;
  }

  function eachAnswer(f, change) {
    var any = false;
    keys(f.e).forEach(function (ex) {
      keys(f.e[ex]).forEach(function (q) {
        var a = f.e[ex][q];
        if (change(a)) {
          any = true;
        }
        trim(a);
      });
    });
    return any;
  }

  /* Drops the oldest answers (by time, then by position) until `text(form)` fits. */
  function dropOldest(form, limit) {
    var all = [];
    keys(form.e).forEach(function (ex) {
      keys(form.e[ex]).forEach(function (q) {
        var t = form.e[ex][q][3];
        all.push({ ex: ex, q: q, t: typeof t === "string" ? parseInt(t, 36) : 0 });
      });
    });
    all.sort(function (a, b) {
      return a.t - b.t;
    });
    var dropped = 0;
    var text = JSON.stringify(form);
    while (text.length > limit && all.length) {
      var a = all.shift();
      delete form.e[a.ex][a.q];
      if (!keys(form.e[a.ex]).length) {
        delete form.e[a.ex];
      }
      dropped += 1;
      text = JSON.stringify(form);
    }
    return { text: text, dropped: dropped };
  }

  function encode(data, limit, questions) {
    var form = pack(data, questions);
    var text = JSON.stringify(form);
    var dropped = [];
    for (var i = 0; i < STEPS.length && text.length > limit; i++) {
      if (STEPS[i][1](form)) {
        dropped.push(STEPS[i][0]);
        text = JSON.stringify(form);
      }
    }
    if (text.length > limit) {
      var last = dropOldest(form, limit);
      text = last.text;
      if (last.dropped) {
        dropped.push(last.dropped + (last.dropped === 1 ? " oldest answer" : " oldest answers"));
      }
    }
    if (text.length > limit) {
      // Only a learner's name or handbook ids this long could get here: nothing usable fits.
      form = { v: 1 };
      text = JSON.stringify(form);
      dropped.push("everything");
    }
    return { text: text, dropped: dropped };
  }

  function decode(text, questions) {
    var form;
    try {
      form = JSON.parse(text);
    } catch (e) {
      return null;
    }
    if (!isObject(form) || form.v !== 1) {
      return null;
    }
    var progress = { schema: 1, learner: typeof form.n === "string" ? form.n : "", reading: {}, exercises: {} };
    keys(form.e).forEach(function (ex) {
      var questionsOut = {};
      var latest = "";
      keys(form.e[ex]).forEach(function (q) {
        var a = form.e[ex][q];
        if (!Array.isArray(a) || !STATUSES[a[0]]) {
          return;
        }
        var meta = info(questions, ex, q);
        var rec = { status: STATUSES[a[0]] };
        if (meta.type) {
          rec.type = meta.type;
        }
        var response = unpackResponse(a[1], meta);
        if (response !== undefined) {
          rec.response = response;
        }
        if (typeof a[2] === "number" && a[2] > 0) {
          rec.attempts = a[2];
        }
        var updated = unpackTime(a[3]);
        if (updated) {
          rec.updated = updated;
          latest = updated > latest ? updated : latest;
        }
        if (typeof a[4] === "string" && a[4]) {
          rec.fp = a[4];
        }
        rec.first = STATUSES[a[5]] || rec.status;
        if (a[6] & 1) {
          rec.revealed = true;
        }
        if (a[6] & 2) {
          rec.modelShown = true;
        }
        questionsOut[q] = rec;
      });
      progress.exercises[ex] = { questions: questionsOut };
      if (latest) {
        progress.exercises[ex].updated = latest;
      }
    });
    keys(form.r).forEach(function (path) {
      var a = form.r[path];
      if (!Array.isArray(a)) {
        return;
      }
      var mark = { sections: {} };
      var read = unpackTime(a[0]);
      if (read) {
        mark.read = read;
      }
      keys(a[1]).forEach(function (id) {
        mark.sections[id] = unpackTime(a[1][id]) || new Date(0).toISOString();
      });
      progress.reading[path] = mark;
    });
    var p = isObject(form.p) ? form.p : {};
    var practice = {
      v: typeof p.v === "number" ? p.v : 1,
      logs: isObject(p.l) ? p.l : {},
      drafts: isObject(p.d) ? p.d : {},
      scenarios: isObject(p.s) ? p.s : {}
    };
    return { progress: progress, practice: practice };
  }

  api.scormSuspend = {
    LIMIT_12: 4096,
    LIMIT_2004: 64000,
    encode: encode,
    decode: decode
  };
})();
