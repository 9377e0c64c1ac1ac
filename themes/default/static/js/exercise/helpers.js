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

  /* The words a learner may write before a number ("about 8", "unos 8") or, when the unit is %,
     after it ("8 percent", "8 Prozent"): the catalogue's comma-separated lists
     exercise.approx_words and exercise.percent_words (i18n.js; the build puts the English words
     after the language's), folded as answers are but keeping their punctuation ("approx."),
     longest first. As NumberWords in answers.rs. */
  function numberWords(key) {
    var value = t(key);
    if (typeof value !== "string" || value === key) {
      return [];
    }
    var parts = value.split(/[,\u060C]/);
    var words = [];
    for (var i = 0; i < parts.length; i++) {
      var w = parts[i].toLowerCase();
      if (w.normalize) {
        w = w.normalize("NFD").replace(/[\u0300-\u036f]/g, "").normalize("NFC");
      }
      w = w.replace(/[\u2018\u2019\u201B\u2032]/g, "'").replace(/[\u201C\u201D\u201F\u2033]/g, '"');
      w = w.replace(/\s+/g, " ").trim();
      if (w && words.indexOf(w) < 0) {
        words.push(w);
      }
    }
    return words.sort(function (a, b) {
      return chars(b).length - chars(a).length;
    });
  }

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
    // Arabic-Indic digits (and the Persian/Urdu forms) as 0-9, the Arabic decimal and
    // thousands separators as the language's, as western_digit in answers.rs.
    var s = normalize(text).replace(/[\u0660-\u0669\u06F0-\u06F9\u066B\u066C]/g, function (c) {
      var code = c.charCodeAt(0);
      if (code === 0x66b) {
        return decimalComma ? "," : ".";
      }
      if (code === 0x66c) {
        return decimalComma ? "." : ",";
      }
      return String(code >= 0x6f0 ? code - 0x6f0 : code - 0x660);
    });
    var approx = numberWords("exercise.approx_words");
    for (var i = 0; i < approx.length; i++) {
      if (s.indexOf(approx[i]) === 0) {
        s = s.slice(approx[i].length).replace(/^\s+/, "");
        break;
      }
    }
    var units = [];
    var u = unit ? normalize(unit) : "";
    if (u) {
      if (u === "%") {
        units = numberWords("exercise.percent_words");
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

//= include js/shared/dom.js

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
      questionState: questionState
    };
  }

//= include js/shared/question-state.js

  var fallback = null;
  function store() {
    if (api.progress) {
      return api.progress;
    }
    fallback = fallback || memoryStore();
    return fallback;
  }

