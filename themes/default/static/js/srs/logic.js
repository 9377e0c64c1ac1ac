  /* ================================================================ pure logic */

  /** A number of points (9.2) as integer tenths (92); null when not a finite number. */
  function tenths(v) {
    if (v === null || v === undefined || v === "") {
      return null;
    }
    var n = Number(v);
    return isFinite(n) ? Math.round(n * 10) : null;
  }

  /** Tenths (92) as text with one decimal for reading ("9.2", with the language's decimal
   * separator: "9,2"). */
  function fmt(t) {
    var decimal = typeof i18nData().decimal === "string" ? i18nData().decimal : ".";
    return plainTenths(t).replace(".", decimal);
  }

  /** Tenths (92) as a machine-readable number with one decimal ("9.2"), for attributes. */
  function plainTenths(t) {
    var neg = t < 0;
    var a = Math.abs(t);
    return (neg ? "-" : "") + Math.floor(a / 10) + "." + (a % 10);
  }

  /** The rules of a form's config in tenths: { cutoff, itemCutoff, max, n }. */
  function rulesOf(cfg) {
    var n = cfg.items ? cfg.items.length : 4;
    return {
      n: n,
      cutoff: tenths(cfg.cutoff === undefined ? 36 : cfg.cutoff),
      itemCutoff: tenths(cfg.itemCutoff === undefined ? 9 : cfg.itemCutoff),
      max: tenths(cfg.max === undefined ? n * 10 : cfg.max),
      itemMax: 100
    };
  }

  function isRated(v) {
    return typeof v === "number" && isFinite(v);
  }

  function clamp(t, lo, hi) {
    return Math.max(lo, Math.min(hi, t));
  }

  /**
   * Scores item values given in tenths (null = not rated).
   * Returns { rated, complete, total (tenths or null), lowest: [indexes], min }.
   */
  function score(values) {
    var rated = 0;
    var total = 0;
    var min = null;
    for (var i = 0; i < values.length; i++) {
      if (isRated(values[i])) {
        rated++;
        total += values[i];
        min = min === null ? values[i] : Math.min(min, values[i]);
      }
    }
    var complete = values.length > 0 && rated === values.length;
    var lowest = [];
    if (complete) {
      for (var j = 0; j < values.length; j++) {
        if (values[j] === min) {
          lowest.push(j);
        }
      }
    }
    return { rated: rated, complete: complete, total: complete ? total : null, lowest: lowest, min: min };
  }

  /**
   * The interpretation of item values (tenths) under `rules` (tenths, see rulesOf):
   * { state: "incomplete" | "below" | "at" | "above", total, lowest: [i], flagged: [i], top }.
   * below: total < cutoff; at: total == cutoff; above: total > cutoff. flagged: items below the
   * item cutoff (a teaching heuristic). top: every item at the end of its line.
   */
  function interpret(values, rules) {
    var s = score(values);
    if (!s.complete) {
      return { state: "incomplete", total: null, lowest: [], flagged: [], top: false, rated: s.rated };
    }
    var state = s.total < rules.cutoff ? "below" : s.total === rules.cutoff ? "at" : "above";
    var flagged = [];
    var top = true;
    for (var i = 0; i < values.length; i++) {
      if (values[i] < rules.itemCutoff) {
        flagged.push(i);
      }
      if (values[i] < rules.itemMax) {
        top = false;
      }
    }
    return { state: state, total: s.total, lowest: s.lowest, flagged: flagged, top: top, rated: s.rated };
  }

  function fill(text, vars) {
    return String(text || "").replace(/\{(\w+)\}/g, function (m, k) {
      return Object.prototype.hasOwnProperty.call(vars, k) ? vars[k] : m;
    });
  }

  function listLabels(labels) {
    if (labels.length <= 1) {
      return labels.join("");
    }
    return t("srs.list_and", { items: labels.slice(0, -1).join(t("srs.list_separator")), last: labels[labels.length - 1] });
  }

  /**
   * The interpretation as text blocks for display: [{ kind, text, label?, items? }]; none until
   * every item is rated. kinds: "verdict" (state), "ask" (suggested wording for the lowest
   * items, below the cutoff), "heuristic" (labelled item prompts), "top".
   */
  function explain(result, cfg) {
    var items = cfg.items || [];
    var m = cfg.messages || {};
    var vars = {
      total: result.total === null ? "" : fmt(result.total),
      cutoff: formatNumber(cfg.cutoff, 1),
      item_cutoff: formatNumber(cfg.itemCutoff, 1),
      max: formatNumber(cfg.max, 1)
    };
    if (result.state === "incomplete") {
      return [];
    }
    var out = [{ kind: "verdict", state: result.state, text: fill(m[result.state], vars) }];
    if (result.state === "below") {
      var names = result.lowest.map(function (i) { return items[i].label; });
      out.push({
        kind: "ask",
        label: t(result.lowest.length > 1 ? "srs.lowest_lines" : "srs.lowest_line", { items: listLabels(names) }),
        items: result.lowest.map(function (i) {
          return { label: items[i].label, text: fill(items[i].ask, vars) };
        })
      });
    }
    if (result.flagged.length) {
      out.push({
        kind: "heuristic",
        label: m.heuristic || t("srs.heuristic"),
        text: fill(m.heuristicNote, vars),
        items: result.flagged.map(function (i) {
          return { label: items[i].label, text: fill(items[i].prompt, vars) };
        })
      });
    }
    if (result.top) {
      out.push({ kind: "top", text: fill(m.top, vars) });
    }
    return out;
  }

  /** The horizontal arrow keys' meaning on a right-to-left line. */
  var RTL_SWAP = { ArrowLeft: "ArrowRight", ArrowRight: "ArrowLeft", Left: "Right", Right: "Left" };

  /** The value after pressing `key` on a slider at `value` (tenths or null); undefined when
   * the key does nothing; null clears. Unset counts as 0 for relative moves. With `rtl` (the
   * line runs from 0 at its right end) Left and Right swap, as the ARIA slider practice asks
   * for right-to-left pages: the arrow points the way the mark moves. Up, Down, Page Up, Page
   * Down, Home and End keep their meaning. */
  function stepKey(value, key, max, rtl) {
    var hi = max === undefined ? 100 : max;
    var v = isRated(value) ? value : 0;
    var k = rtl ? RTL_SWAP[key] || key : key;
    switch (k) {
      case "ArrowRight":
      case "ArrowUp":
      case "Right":
      case "Up":
        return clamp(isRated(value) ? v + 1 : 1, 0, hi);
      case "ArrowLeft":
      case "ArrowDown":
      case "Left":
      case "Down":
        return clamp(v - 1, 0, hi);
      case "PageUp":
        return clamp(isRated(value) ? v + 10 : 10, 0, hi);
      case "PageDown":
        return clamp(v - 10, 0, hi);
      case "Home":
        return 0;
      case "End":
        return hi;
      case "Delete":
      case "Backspace":
        return null;
      default:
        return undefined;
    }
  }

  /** The value (tenths, 0-100) of a pointer at clientX over a line from `left`, `width` px;
   * with `rtl` the line's 0 is at its right end (left + width). */
  function fromPointer(x, left, width, rtl) {
    if (!(width > 0)) {
      return 0;
    }
    var along = rtl ? left + width - x : x - left;
    return clamp(Math.round((along / width) * 100), 0, 100);
  }

  /** A typed measurement ("9.2", "9,2", " 10 ") as tenths; null when empty; NaN when not a
   * number from 0 to `max` tenths with at most two decimals. */
  function parseMeasure(text, max) {
    var s = String(text === undefined || text === null ? "" : text).trim().replace(",", ".");
    if (s === "") {
      return null;
    }
    if (!/^\d{1,3}(\.\d{0,2})?$|^\.\d{1,2}$/.test(s)) {
      return NaN;
    }
    var t = Math.round(parseFloat(s) * 10);
    var hi = max === undefined ? 100 : max;
    return t >= 0 && t <= hi ? t : NaN;
  }

  /**
   * Checks a scenario: `entered` item measurements and `total` (tenths, null or NaN) against the
   * client's `ratings` (tenths) with `tol` tenths. Returns { items: [{ status: "ok" | "off" |
   * "empty" | "invalid", diff, actual }], total: { status: "ok" | "sum" | "off" | "empty" |
   * "invalid", actual, sum }, right } (right: every item and the total ok or "sum").
   * A total is "ok" within tol of the client's total, or "sum" when it is the exact sum of the
   * learner's own measurements while those are all within tol (the addition is right).
   */
  function checkScenario(entered, total, ratings, tol) {
    var items = [];
    var allOk = true;
    var sum = 0;
    var sumComplete = true;
    var actualTotal = 0;
    for (var i = 0; i < ratings.length; i++) {
      var actual = ratings[i];
      actualTotal += actual;
      var e = entered[i];
      var r = { actual: actual, diff: null, status: "ok" };
      if (e === null || e === undefined) {
        r.status = "empty";
        sumComplete = false;
      } else if (!isRated(e)) {
        r.status = "invalid";
        sumComplete = false;
      } else {
        sum += e;
        r.diff = e - actual;
        r.status = Math.abs(r.diff) <= tol ? "ok" : "off";
      }
      if (r.status !== "ok") {
        allOk = false;
      }
      items.push(r);
    }
    var t = { actual: actualTotal, sum: sumComplete ? sum : null, diff: null, status: "ok" };
    if (total === null || total === undefined) {
      t.status = "empty";
    } else if (!isRated(total)) {
      t.status = "invalid";
    } else {
      t.diff = total - actualTotal;
      if (Math.abs(t.diff) <= tol) {
        t.status = "ok";
      } else if (allOk && sumComplete && total === sum) {
        t.status = "sum";
      } else {
        t.status = "off";
      }
    }
    return { items: items, total: t, right: allOk && (t.status === "ok" || t.status === "sum") };
  }

  /** A date "2026-03-12" as "12 Mar 2026" (or the text itself when it is not such a date). */
  function formatDate(iso, short) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso || ""));
    if (!m) {
      return String(iso || "");
    }
    var month = t("srs.months").split(" ")[Number(m[2]) - 1] || m[2];
    var values = { day: Number(m[3]), month: month, year: m[1] };
    return t(short ? "srs.date_short" : "srs.date_long", values);
  }

  /** Entries in chart and table order: by date, then by when they were saved. */
  function sortEntries(entries) {
    return entries.slice().sort(function (a, b) {
      if (a.date !== b.date) {
        return a.date < b.date ? -1 : 1;
      }
      return String(a.saved || "") < String(b.saved || "") ? -1 : String(a.saved || "") > String(b.saved || "") ? 1 : 0;
    });
  }

  /** The log as CSV (RFC 4180, CRLF line ends): a header, then one row per entry; fields
   *  separated by ";" where the language writes a decimal comma (csvDelimiter, shared/csv.js). */
  function toCsv(entries, labels) {
    var sep = csvDelimiter();
    var cell = function (v) {
      return csvField(v, sep, false);
    };
    var head = [t("srs.csv_date"), t("srs.csv_session"), t("srs.csv_label")].concat(labels, [t("srs.csv_total"), t("srs.csv_lowest"), t("srs.csv_saved")]);
    var rows = [head.map(cell).join(sep)];
    sortEntries(entries).forEach(function (e) {
      var values = e.values || [];
      var s = score(values);
      var lowest = s.lowest.map(function (i) { return (e.labels && e.labels[i]) || labels[i] || t("srs.item_n", { n: i + 1 }); });
      var row = [e.date, sessionText(e), e.label || ""];
      for (var i = 0; i < labels.length; i++) {
        row.push(isRated(values[i]) ? fmt(values[i]) : "");
      }
      row.push(s.total === null ? "" : fmt(s.total), lowest.join("; "), typeof e.saved === "string" ? e.saved : "");
      rows.push(row.map(cell).join(sep));
    });
    return rows.join("\r\n") + "\r\n";
  }

  /**
   * The chart's geometry for `entries` (sorted): { width, height, plot: {x0,x1,y0,y1}, points:
   * [{ x, yTotal, yLow, entry, total, low, lowLabels }], cutoffY, ticks: [{ value, y }] }.
   * Totals use the left scale (0..max), the lowest item the right scale (0..10).
   */
  function chartModel(entries, rules, labels) {
    var width = 640;
    var height = 280;
    var plot = { x0: 48, x1: width - 48, y0: 24, y1: height - 52 };
    var sorted = sortEntries(entries);
    var n = sorted.length;
    var yOf = function (t, max) {
      return plot.y1 - (clamp(t, 0, max) / max) * (plot.y1 - plot.y0);
    };
    var points = sorted.map(function (e, i) {
      var s = score(e.values || []);
      var x = n === 1 ? (plot.x0 + plot.x1) / 2 : plot.x0 + 16 + (i * (plot.x1 - plot.x0 - 32)) / (n - 1);
      return {
        x: x,
        entry: e,
        total: s.total,
        low: s.min,
        lowLabels: s.lowest.map(function (j) { return (e.labels && e.labels[j]) || labels[j] || t("srs.item_n", { n: j + 1 }); }),
        yTotal: s.total === null ? null : yOf(s.total, rules.max),
        yLow: s.min === null ? null : yOf(s.min, 100)
      };
    });
    var ticks = [];
    for (var k = 0; k <= 4; k++) {
      var value = Math.round((rules.max * k) / 4);
      ticks.push({ value: value, y: yOf(value, rules.max), right: Math.round((100 * k) / 4) });
    }
    return { width: width, height: height, plot: plot, points: points, cutoffY: yOf(rules.cutoff, rules.max), ticks: ticks };
  }

