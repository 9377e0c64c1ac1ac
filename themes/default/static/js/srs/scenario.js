  /* ================================================================ scenario */

  function Scenario(root, cfg) {
    this.root = root;
    this.cfg = cfg;
    this.rules = rulesOf(cfg);
    this.key = cfg.key || root.id;
    this.ratings = (cfg.ratings || []).map(tenths);
    this.tol = tenths(cfg.tolerance === undefined ? 0.2 : cfg.tolerance);
    this.init();
  }

  Scenario.prototype.init = function () {
    var self = this;
    var root = this.root;
    root.classList.add("is-enhanced");
    reveal(root, ".srs-buttons");
    this.inputs = [];
    this.results = [];
    var inputs = root.querySelectorAll("[data-srs-measure]");
    for (var i = 0; i < inputs.length; i++) {
      var which = inputs[i].getAttribute("data-srs-measure");
      var result = root.querySelector('[data-srs-result="' + which + '"]');
      if (result) {
        inputs[i].setAttribute("aria-describedby", ensureId(result, "srs-result"));
      }
      if (which === "total") {
        this.totalInput = inputs[i];
        this.totalResult = result;
      } else {
        this.inputs[Number(which)] = inputs[i];
        this.results[Number(which)] = result;
      }
    }
    this.status = root.querySelector(".srs-check-status");
    // the client's interpretation, for the answers panel (same rules as the practice form)
    var box = root.querySelector(".srs-interpretation-static");
    if (box) {
      var r = interpret(this.ratings, this.rules);
      append(box, el("p", { class: "srs-subtitle", text: t("srs.rules_suggest") }));
      var inner = el("div", { class: "srs-interpretation is-" + r.state });
      renderExplanation(inner, explain(r, this.cfg), r.state);
      box.appendChild(inner);
    }
    this.addRulers();
    var saved = load().scenarios[this.key];
    if (saved) {
      (Array.isArray(saved.measures) ? saved.measures : []).forEach(function (v, k) {
        if (self.inputs[k] && typeof v === "string") {
          self.inputs[k].value = v;
        }
      });
      if (this.totalInput && typeof saved.total === "string") {
        this.totalInput.value = saved.total;
      }
      if (saved.ruler) {
        this.toggleRuler(true);
      }
      if (saved.checked) {
        this.check(false);
      }
    }
    root.addEventListener("input", function (event) {
      var t = event.target;
      if (t && t.hasAttribute && t.hasAttribute("data-srs-measure")) {
        var which = t.getAttribute("data-srs-measure");
        var res = which === "total" ? self.totalResult : self.results[Number(which)];
        if (res) {
          clear(res);
          res.className = "srs-measure-result";
        }
        t.removeAttribute("aria-invalid");
        self.checked = false;
        self.save();
      }
    });
    root.addEventListener("click", function (event) {
      var button = event.target.closest ? event.target.closest("[data-srs-action]") : null;
      if (!button || !root.contains(button)) {
        return;
      }
      var action = button.getAttribute("data-srs-action");
      if (action === "check") {
        self.check(true);
      } else if (action === "ruler") {
        self.toggleRuler(button.getAttribute("aria-pressed") !== "true");
        self.save();
      } else if (action === "reset") {
        self.reset();
      }
    });
  };

  Scenario.prototype.save = function () {
    var self = this;
    update(function (state) {
      state.scenarios[self.key] = {
        measures: self.inputs.map(function (i) { return i ? i.value : ""; }),
        total: self.totalInput ? self.totalInput.value : "",
        checked: !!self.checked,
        ruler: self.root.classList.contains("srs-show-ruler"),
        t: new Date().toISOString()
      };
    });
  };

  Scenario.prototype.addRulers = function () {
    var lines = this.root.querySelectorAll(".srs-line");
    for (var i = 0; i < lines.length; i++) {
      var ticks = [];
      var rtl = isRtl(lines[i]);
      for (var t = 0; t <= 100; t++) {
        // 0 at the line's negative end: its right end in a right-to-left page
        var x = (rtl ? 100 - t : t) + "%";
        var h = t % 10 === 0 ? 14 : t % 5 === 0 ? 10 : 6;
        ticks.push(svg("line", { class: "srs-ruler-tick", x1: x, x2: x, y1: 0, y2: h }));
        if (t % 10 === 0) {
          ticks.push(svg("text", { class: "srs-ruler-label", x: x, y: 26, "text-anchor": "middle", text: String(t / 10) }));
        }
      }
      var ruler = svg("svg", { class: "srs-ruler", width: "100%", height: "30", overflow: "visible", "aria-hidden": "true" }, ticks);
      lines[i].parentNode.insertBefore(ruler, lines[i].nextSibling);
    }
  };

  Scenario.prototype.toggleRuler = function (on) {
    this.root.classList.toggle("srs-show-ruler", on);
    var b = this.root.querySelector('[data-srs-action="ruler"]');
    if (b) {
      b.setAttribute("aria-pressed", on ? "true" : "false");
    }
  };

  Scenario.prototype.reset = function () {
    this.inputs.concat([this.totalInput]).forEach(function (i) {
      if (i) {
        i.value = "";
        i.removeAttribute("aria-invalid");
      }
    });
    this.results.concat([this.totalResult]).forEach(function (r) {
      if (r) {
        clear(r);
        r.className = "srs-measure-result";
      }
    });
    clear(this.status);
    this.checked = false;
    this.save();
    if (this.inputs[0]) {
      this.inputs[0].focus();
    }
  };

  function resultText(node, status, text) {
    clear(node);
    node.className = "srs-measure-result is-" + status;
    var sign = status === "ok" || status === "sum" ? "✓" : status === "off" ? "✗" : "!";
    append(node, [el("span", { class: "srs-result-icon", "aria-hidden": "true", text: sign + " " }), text]);
  }

  Scenario.prototype.check = function (announce) {
    var self = this;
    var entered = this.inputs.map(function (i) { return parseMeasure(i ? i.value : "", 100); });
    var total = this.totalInput ? parseMeasure(this.totalInput.value, this.rules.max) : null;
    var r = checkScenario(entered, total, this.ratings, this.tol);
    var tol = fmt(this.tol);
    var good = 0;
    r.items.forEach(function (it, k) {
      var node = self.results[k];
      var input = self.inputs[k];
      if (it.status === "ok") {
        good++;
      }
      if (input) {
        if (it.status === "invalid") {
          input.setAttribute("aria-invalid", "true");
        } else {
          input.removeAttribute("aria-invalid");
        }
      }
      if (!node) {
        return;
      }
      if (it.status === "ok") {
        resultText(node, "ok", t("srs.item_ok", { tolerance: tol, actual: fmt(it.actual) }));
      } else if (it.status === "off") {
        resultText(node, "off", t("srs.item_off", { diff: fmt(Math.abs(it.diff)), actual: fmt(it.actual) }));
      } else if (it.status === "empty") {
        resultText(node, "empty", t("srs.item_empty"));
      } else {
        resultText(node, "invalid", t("srs.item_invalid", { example: formatNumber(9.2, 1) }));
      }
    });
    var tot = r.total;
    if (this.totalInput) {
      if (tot.status === "invalid") {
        this.totalInput.setAttribute("aria-invalid", "true");
      } else {
        this.totalInput.removeAttribute("aria-invalid");
      }
    }
    var totalText;
    if (tot.status === "ok") {
      totalText = t("srs.total_ok", { tolerance: tol, actual: fmt(tot.actual) });
    } else if (tot.status === "sum") {
      totalText = t("srs.total_sum", { actual: fmt(tot.actual) });
    } else if (tot.status === "off") {
      totalText = t("srs.total_off", { diff: fmt(Math.abs(tot.diff)), actual: fmt(tot.actual) }) +
        (tot.sum !== null && tot.sum !== tot.actual ? " " + t("srs.total_adds_up", { sum: fmt(tot.sum) }) : "");
    } else if (tot.status === "empty") {
      totalText = t("srs.total_empty", { count: this.ratings.length });
    } else {
      totalText = t("srs.total_invalid", { example: formatNumber(33.1, 1) });
    }
    if (this.totalResult) {
      resultText(this.totalResult, tot.status, totalText);
    }
    var verdict = tot.status === "ok" || tot.status === "sum" ? "srs.summary_right" : tot.status === "off" ? "srs.summary_wrong" : "srs.summary_missing";
    var summary = t("srs.summary_within", { good: good, count: r.items.length, tolerance: tol }) + " " + t(verdict) +
      (r.right ? " " + t("srs.well_measured") : "");
    clear(this.status);
    append(this.status, el("p", { class: r.right ? "is-ok" : "is-off", text: summary }));
    this.status.className = "srs-check-status " + (r.right ? "is-ok" : "is-off");
    this.checked = true;
    if (announce) {
      this.save();
    }
    return r;
  };

