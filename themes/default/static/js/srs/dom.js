  /* ---------------------------------------------------------------- DOM helpers */

//= include js/shared/dom.js
//= include js/shared/slug.js
//= include js/shared/svg.js

  /** Whether `node` is laid out right to left (its lines then run from 0 at the right end). */
  function isRtl(node) {
    return window.getComputedStyle(node).direction === "rtl";
  }

  var uid = 0;
  function ensureId(node, base) {
    if (!node.id) {
      uid++;
      node.id = base + "-js" + uid;
    }
    return node.id;
  }

  function reveal(root, selector) {
    var list = root.querySelectorAll(selector);
    for (var i = 0; i < list.length; i++) {
      list[i].hidden = false;
    }
  }

  function config(root) {
    try {
      return JSON.parse(root.getAttribute("data-srs-config") || "{}");
    } catch (e) {
      return null;
    }
  }

  /** Renders explain() blocks into `box`; rewrites only when the text changes, so a live
   * region is not re-announced while the learner nudges a value within the same result. */
  function renderExplanation(box, blocks, state) {
    var sig = JSON.stringify(blocks);
    if (box.getAttribute("data-srs-sig") === sig) {
      return;
    }
    box.setAttribute("data-srs-sig", sig);
    box.className = box.className.replace(/\bis-(below|at|above|incomplete)\b/g, "").trim() + " is-" + state;
    clear(box);
    blocks.forEach(function (b) {
      if (b.kind === "verdict") {
        // the first sentence states the result; it is shown in bold
        var m = /^(.+?[.!?:])(\s+[\s\S]*)?$/.exec(b.text);
        append(box, el("p", { class: "srs-verdict" }, m ? [el("strong", { text: m[1] }), m[2] || ""] : b.text));
      } else if (b.kind === "top") {
        append(box, el("p", { class: "srs-top", text: b.text }));
      } else if (b.kind === "ask") {
        var ask = el("div", { class: "srs-ask" }, [el("p", {}, [el("strong", { text: b.label })])]);
        b.items.forEach(function (it) {
          append(ask, el("p", { class: "srs-ask-wording" }, [
            el("span", { class: "srs-ask-label", text: t("srs.you_might_say", { item: it.label }) + " " }),
            it.text
          ]));
        });
        append(box, ask);
      } else if (b.kind === "heuristic") {
        var list = el("ul");
        b.items.forEach(function (it) {
          append(list, el("li", {}, [el("strong", { text: it.label + ": " }), it.text]));
        });
        append(box, el("div", { class: "srs-heuristic" }, [
          el("p", {}, [el("strong", { class: "srs-heuristic-label", text: b.label }), " " + b.text]),
          list
        ]));
      }
    });
  }

