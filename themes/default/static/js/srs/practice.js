  /* ================================================================ practice form */

  var practiceForms = [];

  function Practice(root, cfg) {
    this.root = root;
    this.cfg = cfg;
    this.rules = rulesOf(cfg);
    this.key = cfg.key || root.id;
    this.set = cfg.set || "default";
    this.labels = cfg.items.map(function (i) { return i.label; });
    this.values = cfg.items.map(function () { return null; });
    this.sliders = [];
    this.savedSig = null;
    this.undo = null;
    this.init();
  }

  Practice.prototype.init = function () {
    var self = this;
    var root = this.root;
    reveal(root, ".srs-result, .srs-save, .srs-log, .srs-help");
    root.classList.add("is-enhanced");
    this.total = root.querySelector(".srs-total");
    this.interpretation = root.querySelector(".srs-interpretation");
    this.pending = root.querySelector(".srs-pending");
    this.fields = {
      date: root.querySelector('[data-srs-field="date"]'),
      session: root.querySelector('[data-srs-field="session"]'),
      label: root.querySelector('[data-srs-field="label"]')
    };
    this.saveStatus = root.querySelector(".srs-save-status");
    this.logStatus = root.querySelector(".srs-log-status");
    var warning = el("p", { class: "srs-storage-warning", hidden: true, text: t("srs.storage_warning") });
    var save = root.querySelector(".srs-save");
    if (save) {
      save.appendChild(warning);
    }
    var help = root.querySelector(".srs-help");
    var items = root.querySelectorAll(".srs-item");
    for (var i = 0; i < items.length; i++) {
      this.sliders.push(this.makeSlider(items[i], i, help));
    }
    // restore the draft
    var state = load();
    var draft = state.drafts[this.key];
    if (draft && Array.isArray(draft.values)) {
      for (var j = 0; j < this.values.length; j++) {
        var v = draft.values[j];
        this.values[j] = isRated(v) ? clamp(Math.round(v), 0, 100) : null;
      }
    }
    if (this.fields.date) {
      this.fields.date.value = (draft && typeof draft.date === "string" && draft.date) || today();
    }
    if (this.fields.session && draft && draft.session !== undefined && draft.session !== null) {
      this.fields.session.value = String(draft.session);
    }
    if (this.fields.label && draft && typeof draft.label === "string" && draft.label) {
      this.fields.label.value = draft.label;
    }
    this.savedSig = (draft && draft.savedSig) || null;
    this.savedId = (draft && draft.savedId) || null;
    this.sliders.forEach(function (s, k) { self.paint(k); });
    this.update();
    Object.keys(this.fields).forEach(function (k) {
      var f = self.fields[k];
      if (f) {
        f.addEventListener("input", function () { self.saveDraft(); });
        f.addEventListener("change", function () { self.saveDraft(); });
      }
    });
    root.addEventListener("click", function (event) {
      var button = event.target.closest ? event.target.closest("[data-srs-action]") : null;
      if (!button || !root.contains(button)) {
        return;
      }
      self.action(button.getAttribute("data-srs-action"), button);
    });
    this.renderLog();
  };

  Practice.prototype.makeSlider = function (item, index, help) {
    var self = this;
    var line = item.querySelector("[data-srs-line]");
    var label = item.querySelector(".srs-label");
    var desc = item.querySelector(".srs-desc");
    var anchors = item.querySelector(".srs-anchors");
    var valueText = item.querySelector(".srs-value");
    var mark = line.querySelector(".srs-mark");
    var described = [];
    if (desc) {
      described.push(ensureId(desc, "srs-desc"));
    }
    if (anchors) {
      described.push(ensureId(anchors, "srs-anchors"));
    }
    setAttrs(line, {
      role: "slider",
      tabindex: "0",
      "aria-labelledby": ensureId(label, "srs-label"),
      "aria-describedby": described.join(" ") || null,
      "aria-valuemin": "0",
      "aria-valuemax": "10",
      "aria-orientation": "horizontal"
    });
    if (valueText) {
      valueText.hidden = false;
      valueText.setAttribute("aria-hidden", "true");
    }
    var dragging = null;
    line.addEventListener("keydown", function (event) {
      if (event.altKey || event.ctrlKey || event.metaKey) {
        return;
      }
      var next = stepKey(self.values[index], event.key, 100, isRtl(line));
      if (next === undefined) {
        return;
      }
      event.preventDefault();
      self.setValue(index, next, true);
    });
    line.addEventListener("pointerdown", function (event) {
      if (event.button !== undefined && event.button !== 0) {
        return;
      }
      event.preventDefault();
      dragging = event.pointerId;
      try {
        line.setPointerCapture(event.pointerId);
      } catch (e) {
        /* not capturable: the drag still works while over the line */
      }
      line.focus({ preventScroll: true });
      var r = line.getBoundingClientRect();
      self.setValue(index, fromPointer(event.clientX, r.left, r.width, isRtl(line)), false);
      line.classList.add("is-dragging");
    });
    line.addEventListener("pointermove", function (event) {
      if (dragging !== event.pointerId) {
        return;
      }
      var r = line.getBoundingClientRect();
      self.setValue(index, fromPointer(event.clientX, r.left, r.width, isRtl(line)), false);
    });
    var end = function (event) {
      if (dragging !== event.pointerId) {
        return;
      }
      dragging = null;
      line.classList.remove("is-dragging");
      self.saveDraft();
    };
    line.addEventListener("pointerup", end);
    line.addEventListener("pointercancel", end);
    line.addEventListener("lostpointercapture", end);
    if (help) {
      help.hidden = false;
    }
    return { line: line, mark: mark, valueText: valueText, item: item };
  };

  /** Sets item `index` to `value` (tenths or null); `persist` saves the draft now (a drag
   * saves when it ends). */
  Practice.prototype.setValue = function (index, value, persist) {
    if (this.values[index] === value) {
      return;
    }
    this.values[index] = value;
    this.paint(index);
    this.update();
    if (persist) {
      this.saveDraft();
    }
  };

  Practice.prototype.paint = function (index) {
    var s = this.sliders[index];
    var v = this.values[index];
    if (isRated(v)) {
      var pct = v + "%";
      s.mark.setAttribute("x1", pct);
      s.mark.setAttribute("x2", pct);
      s.mark.classList.add("is-set");
      s.line.setAttribute("aria-valuenow", plainTenths(v));
      s.line.setAttribute("aria-valuetext", t("srs.value_of_ten", { value: fmt(v) }));
      s.line.classList.remove("is-unset");
      s.item.classList.remove("is-unset");
      if (s.valueText) {
        s.valueText.textContent = fmt(v);
      }
    } else {
      s.mark.classList.remove("is-set");
      s.line.removeAttribute("aria-valuenow");
      s.line.setAttribute("aria-valuetext", t("srs.not_rated"));
      s.line.classList.add("is-unset");
      s.item.classList.add("is-unset");
      if (s.valueText) {
        s.valueText.textContent = t("srs.not_rated_value");
      }
    }
  };

  Practice.prototype.update = function () {
    var result = interpret(this.values, this.rules);
    if (this.total) {
      this.total.textContent = result.total === null ? t("srs.not_rated") : fmt(result.total);
      this.total.classList.toggle("is-unset", result.total === null);
    }
    if (this.interpretation) {
      renderExplanation(this.interpretation, explain(result, this.cfg), result.state);
    }
    if (this.pending) {
      var left = this.values.length - result.rated;
      this.pending.hidden = result.state !== "incomplete";
      this.pending.textContent = result.rated
        ? t("srs.pending_left", { count: this.values.length, left: left })
        : t("srs.pending", { count: this.values.length });
    }
    this.result = result;
  };

  Practice.prototype.fieldValues = function () {
    var session = this.fields.session ? this.fields.session.value.trim() : "";
    return {
      date: this.fields.date ? this.fields.date.value : today(),
      session: session === "" ? null : session,
      label: this.fields.label ? this.fields.label.value : ""
    };
  };

  Practice.prototype.signature = function () {
    var f = this.fieldValues();
    return JSON.stringify([this.values, f.date, f.session, f.label.trim()]);
  };

  Practice.prototype.saveDraft = function () {
    var self = this;
    var f = this.fieldValues();
    update(function (state) {
      state.drafts[self.key] = {
        values: self.values.slice(),
        date: f.date,
        session: f.session,
        label: f.label,
        savedSig: self.savedSig,
        savedId: self.savedId,
        t: new Date().toISOString()
      };
    });
  };

  Practice.prototype.action = function (name, button) {
    switch (name) {
      case "clear":
        for (var i = 0; i < this.values.length; i++) {
          this.values[i] = null;
          this.paint(i);
        }
        this.update();
        this.saveDraft();
        this.sliders[0].line.focus();
        break;
      case "print":
        printBlank(this.root);
        break;
      case "save":
        this.save();
        break;
      case "export":
        this.exportCsv();
        break;
      case "delete-all":
        this.askDeleteAll();
        break;
      case "confirm-delete-all":
        this.deleteAll();
        break;
      case "cancel-delete-all":
        this.root.querySelector(".srs-confirm").hidden = true;
        this.root.querySelector('[data-srs-action="delete-all"]').focus();
        break;
      case "delete":
        this.deleteOne(button.getAttribute("data-srs-entry"));
        break;
      case "undo":
        this.restoreUndo();
        break;
      default:
        break;
    }
  };

  Practice.prototype.status = function (node, text, undo) {
    if (!node) {
      return;
    }
    clear(node);
    append(node, el("p", { text: text }));
    if (undo) {
      append(node.lastChild, [" ", el("button", { type: "button", class: "srs-button srs-undo", "data-srs-action": "undo", text: t("srs.undo") })]);
    }
  };

  Practice.prototype.save = function () {
    var self = this;
    var result = interpret(this.values, this.rules);
    if (!result.complete && result.state === "incomplete") {
      var missing = [];
      for (var i = 0; i < this.values.length; i++) {
        if (!isRated(this.values[i])) {
          missing.push(this.labels[i]);
        }
      }
      this.status(this.saveStatus, t("srs.not_saved_lines", { items: listLabels(missing) }));
      return;
    }
    var f = this.fieldValues();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(f.date)) {
      this.status(this.saveStatus, t("srs.not_saved_date"));
      if (this.fields.date) {
        this.fields.date.focus();
      }
      return;
    }
    var session = null;
    if (f.session !== null) {
      session = Number(f.session);
      if (!(session >= 1 && session <= 999 && Math.floor(session) === session)) {
        this.status(this.saveStatus, t("srs.not_saved_session"));
        if (this.fields.session) {
          this.fields.session.focus();
        }
        return;
      }
    }
    var sig = this.signature();
    var savedId = this.savedId;
    var stillThere = this.entries().some(function (e) { return e.id === savedId; });
    if (sig === this.savedSig && stillThere) {
      this.status(this.saveStatus, t("srs.already_saved"));
      return;
    }
    var entry = {
      id: "e" + Date.now().toString(36) + Math.floor(Math.random() * 1e6).toString(36),
      date: f.date,
      session: session,
      label: f.label.trim().slice(0, 80),
      values: this.values.slice(),
      labels: this.labels.slice(),
      saved: new Date().toISOString()
    };
    this.savedSig = sig;
    this.savedId = entry.id;
    update(function (state) {
      var log = state.logs[self.set] || (state.logs[self.set] = []);
      log.push(entry);
    });
    // Assignment checklists and learning paths on this page count practice entries.
    try {
      window.dispatchEvent(new CustomEvent("handbook:practice", { detail: { set: self.set } }));
    } catch (e) {
      /* very old browsers: the lists update on the next visit */
    }
    this.saveDraft();
    this.status(this.saveStatus, lastWriteOk
      ? t("srs.saved", { date: formatDate(entry.date), total: fmt(result.total) })
      : t("srs.kept", { date: formatDate(entry.date), total: fmt(result.total) }));
    renderLogs(this.set);
  };

  Practice.prototype.entries = function () {
    return load().logs[this.set] || [];
  };

  Practice.prototype.renderLog = function () {
    var root = this.root;
    var entries = sortEntries(this.entries());
    var empty = root.querySelector(".srs-log-empty");
    var chart = root.querySelector(".srs-chart");
    var wrap = root.querySelector(".srs-table-wrap");
    var buttons = root.querySelector(".srs-log-buttons");
    var has = entries.length > 0;
    if (empty) {
      empty.hidden = has;
    }
    if (chart) {
      chart.hidden = !has;
    }
    if (wrap) {
      wrap.hidden = !has;
    }
    if (buttons) {
      buttons.hidden = !has;
    }
    if (!has) {
      var confirm = root.querySelector(".srs-confirm");
      if (confirm) {
        confirm.hidden = true;
      }
    }
    if (chart) {
      var box = chart.querySelector(".srs-chart-box");
      clear(box);
      if (has) {
        box.appendChild(this.chart(entries, chart.querySelector("figcaption")));
      }
    }
    if (wrap) {
      clear(wrap);
      if (has) {
        wrap.appendChild(this.table(entries));
        setAttrs(wrap, { tabindex: "0", role: "region", "aria-label": t("srs.entries_region") });
      }
    }
  };

  Practice.prototype.table = function (entries) {
    var self = this;
    var headCells = [el("th", { scope: "col", text: t("srs.csv_date") }), el("th", { scope: "col", text: t("srs.csv_session") }), el("th", { scope: "col", text: t("srs.csv_label") })];
    this.labels.forEach(function (l) {
      headCells.push(el("th", { scope: "col", class: "srs-num", text: l }));
    });
    headCells.push(el("th", { scope: "col", class: "srs-num", text: t("srs.csv_total") }), el("th", { scope: "col", text: t("srs.csv_lowest") }), el("th", { scope: "col" }, [el("span", { class: "visually-hidden", text: t("srs.actions") })]));
    var body = el("tbody");
    entries.forEach(function (e, n) {
      var s = score(e.values || []);
      var lowest = s.lowest.map(function (j) { return (e.labels && e.labels[j]) || self.labels[j]; });
      var cells = [
        el("th", { scope: "row", text: formatDate(e.date) }),
        el("td", { text: sessionText(e) }),
        el("td", { class: "srs-entry-label", text: e.label || "" })
      ];
      for (var i = 0; i < self.labels.length; i++) {
        var v = (e.values || [])[i];
        cells.push(el("td", { class: "srs-num" + (isRated(v) && v < self.rules.itemCutoff ? " is-flagged" : ""), text: isRated(v) ? fmt(v) : "" }));
      }
      var below = s.total !== null && s.total < self.rules.cutoff;
      cells.push(el("td", { class: "srs-num" + (below ? " is-below" : ""), text: s.total === null ? "" : fmt(s.total) }));
      var lowText = lowest.length > 1 && lowest.length === self.labels.length ? t("srs.all_lines") : lowest.join(t("srs.list_separator"));
      cells.push(el("td", { text: lowText + (s.min === null ? "" : " (" + fmt(s.min) + ")") }));
      var what = sessionText(e)
        ? t("srs.entry_session", { n: n + 1, date: formatDate(e.date), session: sessionText(e) })
        : t("srs.entry", { n: n + 1, date: formatDate(e.date) });
      cells.push(el("td", {}, [el("button", { type: "button", class: "srs-button srs-small", "data-srs-action": "delete", "data-srs-entry": e.id }, [
        t("srs.delete"), el("span", { class: "visually-hidden", text: " " + what })
      ])]));
      append(body, el("tr", { "data-srs-entry": e.id }, cells));
    });
    return el("table", { class: "srs-log-table" }, [
      el("caption", { text: t("srs.entries_caption", { count: entries.length }) }),
      el("thead", {}, el("tr", {}, headCells)),
      body
    ]);
  };

  Practice.prototype.chart = function (entries, caption) {
    var m = chartModel(entries, this.rules, this.labels);
    var p = m.plot;
    var rules = this.rules;
    var nodes = [];
    var summary = t("srs.chart_summary", {
      count: entries.length,
      totals: m.points.map(function (pt) { return pt.total === null ? "?" : fmt(pt.total); }).join(t("srs.list_separator")),
      // Written as the caption and the chart's label write it: "36", not "36.0".
      cutoff: formatNumber(rules.cutoff / 10, 1)
    });
    nodes.push(svg("title", { text: t("srs.chart_title", { summary: summary }) }));
    // grid and scales
    m.ticks.forEach(function (t) {
      nodes.push(svg("line", { class: "srs-chart-grid", x1: p.x0, x2: p.x1, y1: t.y, y2: t.y }));
      nodes.push(svg("text", { class: "srs-chart-tick", x: p.x0 - 8, y: t.y + 4, "text-anchor": "end", text: formatNumber(t.value / 10, 1) }));
      nodes.push(svg("text", { class: "srs-chart-tick srs-chart-tick-right", x: p.x1 + 8, y: t.y + 4, "text-anchor": "start", text: formatNumber(t.right / 10, 1) }));
    });
    // The scales' names above the plot, from the chart's outer edges inwards, so a longer
    // name in another language ("Gesamtwert") stays inside the chart in either direction.
    nodes.push(svg("text", { class: "srs-chart-axis", x: 2, y: p.y0 - 10, "text-anchor": "start", direction: "ltr", text: t("srs.total") }));
    nodes.push(svg("text", { class: "srs-chart-axis", x: m.width - 2, y: p.y0 - 10, "text-anchor": "end", direction: "ltr", text: t("srs.item") }));
    // the cutoff
    nodes.push(svg("line", { class: "srs-chart-cutoff", x1: p.x0, x2: p.x1, y1: m.cutoffY, y2: m.cutoffY }));
    nodes.push(svg("text", { class: "srs-chart-cutoff-label", x: p.x0 + 4, y: m.cutoffY - 5, text: t("srs.chart_cutoff", { cutoff: formatNumber(rules.cutoff / 10, 1) }) }));
    // the totals
    var path = m.points.filter(function (pt) { return pt.yTotal !== null; }).map(function (pt) {
      return pt.x.toFixed(1) + "," + pt.yTotal.toFixed(1);
    });
    if (path.length > 1) {
      nodes.push(svg("polyline", { class: "srs-chart-total-line", points: path.join(" ") }));
    }
    var every = Math.max(1, Math.ceil(m.points.length / 10));
    m.points.forEach(function (pt, i) {
      var e = pt.entry;
      var what = formatDate(e.date) + (sessionText(e) ? t("srs.chart_session", { session: sessionText(e) }) : "") + (e.label ? " (" + e.label + ")" : "");
      if (pt.yLow !== null) {
        nodes.push(svg("rect", { class: "srs-chart-low", x: (pt.x - 4.5).toFixed(1), y: (pt.yLow - 4.5).toFixed(1), width: 9, height: 9 }, [
          svg("title", { text: t("srs.chart_low", { what: what, items: pt.lowLabels.join(t("srs.list_separator")), low: fmt(pt.low) }) })
        ]));
      }
      if (pt.yTotal !== null) {
        nodes.push(svg("circle", { class: "srs-chart-point" + (pt.total < rules.cutoff ? " is-below" : ""), cx: pt.x.toFixed(1), cy: pt.yTotal.toFixed(1), r: 5 }, [
          svg("title", { text: t("srs.chart_total", { what: what, total: fmt(pt.total) }) })
        ]));
      }
      if (i % every === 0 || i === m.points.length - 1) {
        nodes.push(svg("text", { class: "srs-chart-tick", x: pt.x.toFixed(1), y: p.y1 + 18, "text-anchor": "middle", text: formatDate(e.date, true) }));
      }
    });
    // legend: each entry after the one before, by the length of its text (about 7 px a
    // character at 12 px), so that longer names in another language do not overlap
    var ly = m.height - 10;
    var lx = p.x0;
    var legend = function (mark, gap, label) {
      nodes.push(mark);
      nodes.push(svg("text", { class: "srs-chart-legend", x: lx + gap, y: ly, text: label }));
      lx += gap + label.length * 7 + 20;
    };
    legend(svg("circle", { class: "srs-chart-point", cx: lx + 6, cy: ly - 4, r: 5 }), 16, t("srs.legend_total"));
    legend(svg("rect", { class: "srs-chart-low", x: lx, y: ly - 8.5, width: 9, height: 9 }), 15, t("srs.legend_low"));
    legend(svg("line", { class: "srs-chart-cutoff", x1: lx, x2: lx + 30, y1: ly - 4, y2: ly - 4 }), 38, t("srs.legend_cutoff"));
    var attrs = {
      class: "srs-chart-svg",
      viewBox: "0 0 " + m.width + " " + m.height,
      role: "img",
      "aria-label": t("srs.chart_label", { summary: summary })
    };
    if (caption) {
      attrs["aria-describedby"] = ensureId(caption, "srs-chart-caption");
    }
    return svg("svg", attrs, nodes);
  };

  Practice.prototype.deleteOne = function (id) {
    var self = this;
    var removed = null;
    var index = -1;
    var ordered = sortEntries(this.entries()).map(function (e) { return e.id; });
    var position = ordered.indexOf(id);
    update(function (state) {
      var log = state.logs[self.set] || [];
      index = log.findIndex(function (e) { return e.id === id; });
      if (index >= 0) {
        removed = log.splice(index, 1)[0];
      }
    });
    if (!removed) {
      return;
    }
    this.undo = { kind: "one", entries: [removed] };
    renderLogs(this.set);
    this.status(this.logStatus, t("srs.deleted_one", { date: formatDate(removed.date) }), true);
    this.focusAfterDelete(position);
  };

  Practice.prototype.focusAfterDelete = function (position) {
    var buttons = this.root.querySelectorAll('.srs-log-table [data-srs-action="delete"]');
    if (buttons.length) {
      buttons[Math.min(position, buttons.length - 1)].focus();
    } else {
      var undo = this.logStatus && this.logStatus.querySelector(".srs-undo");
      if (undo) {
        undo.focus();
      }
    }
  };

  Practice.prototype.askDeleteAll = function () {
    var n = this.entries().length;
    var box = this.root.querySelector(".srs-confirm");
    box.querySelector(".srs-confirm-text").textContent = t("srs.confirm_text", { count: n });
    box.hidden = false;
    box.querySelector('[data-srs-action="confirm-delete-all"]').focus();
  };

  Practice.prototype.deleteAll = function () {
    var self = this;
    var removed = [];
    update(function (state) {
      removed = state.logs[self.set] || [];
      delete state.logs[self.set];
    });
    this.root.querySelector(".srs-confirm").hidden = true;
    this.undo = { kind: "all", entries: removed };
    renderLogs(this.set);
    this.status(this.logStatus, t("srs.deleted_all", { count: removed.length }), true);
    var undo = this.logStatus.querySelector(".srs-undo");
    if (undo) {
      undo.focus();
    }
  };

  Practice.prototype.restoreUndo = function () {
    var self = this;
    var undo = this.undo;
    if (!undo) {
      return;
    }
    this.undo = null;
    update(function (state) {
      var log = state.logs[self.set] || (state.logs[self.set] = []);
      var have = {};
      log.forEach(function (e) { have[e.id] = true; });
      undo.entries.forEach(function (e) {
        if (!have[e.id]) {
          log.push(e);
        }
      });
    });
    renderLogs(this.set);
    this.status(this.logStatus, t("srs.restored", { count: undo.entries.length }));
    var first = this.root.querySelector('.srs-log-table [data-srs-action="delete"]');
    if (first) {
      first.focus();
    }
  };

  Practice.prototype.exportCsv = function () {
    var entries = this.entries();
    // "practice-log" in the handbook's language (`srs.file_stem`), as a slug.
    var stem = slug(t("srs.file_stem")) || "practice-log";
    download("\ufeff" + toCsv(entries, this.labels), stem + "-" + this.set + "-" + today() + ".csv", "text/csv;charset=utf-8");
    this.status(this.logStatus, t("srs.exported", { count: entries.length }));
  };

  function renderLogs(set) {
    practiceForms.forEach(function (f) {
      if (f.set === set) {
        f.renderLog();
      }
    });
  }

