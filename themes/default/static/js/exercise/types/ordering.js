  /* ------------------------------------------------------------ type: ordering */

  /* ol[data-ordering] > li[data-item=correct position], each with Move up / Move down buttons
     ([data-move]); the response is the items' data-item in the order shown. */
  (function () {
    function items(q) {
      return q.list ? Array.prototype.slice.call(q.list.children) : [];
    }

    function syncMoves(q) {
      if (!q.list) {
        return;
      }
      var list = items(q);
      var locked = q.state !== "idle";
      for (var i = 0; i < list.length; i++) {
        var up = list[i].querySelector('[data-move="up"]');
        var down = list[i].querySelector('[data-move="down"]');
        if (up) {
          up.setAttribute("aria-disabled", locked || i === 0 ? "true" : "false");
        }
        if (down) {
          down.setAttribute("aria-disabled", locked || i === list.length - 1 ? "true" : "false");
        }
      }
    }

    function move(q, button) {
      if (button.getAttribute("aria-disabled") === "true" || q.state !== "idle") {
        return;
      }
      var li = button.closest(".ordering-item");
      var up = button.getAttribute("data-move") === "up";
      var sibling = up ? li.previousElementSibling : li.nextElementSibling;
      if (!sibling) {
        return;
      }
      if (up) {
        q.list.insertBefore(li, sibling);
      } else {
        q.list.insertBefore(sibling, li);
      }
      syncMoves(q);
      button.focus();
      var list = items(q);
      var pos = list.indexOf(li) + 1;
      if (q.orderStatus) {
        q.orderStatus.textContent = t("exercise.moved", { item: plain(li.querySelector(".ordering-text")), position: pos, total: list.length });
      }
      q.clearNotice();
      q.saveDraft();
    }

    function setOrder(q, order) {
      if (!q.list || !Array.isArray(order)) {
        return;
      }
      var byValue = {};
      var list = items(q);
      list.forEach(function (li) {
        byValue[li.getAttribute("data-item")] = li;
      });
      if (order.length !== list.length) {
        return;
      }
      for (var i = 0; i < order.length; i++) {
        if (!byValue[order[i]]) {
          return;
        }
      }
      order.forEach(function (v) {
        q.list.appendChild(byValue[v]);
      });
      syncMoves(q);
    }

    function grade(q, response) {
      var inPlace = 0;
      response.forEach(function (v, i) {
        if (String(i + 1) === String(v)) {
          inPlace += 1;
        }
      });
      var all = inPlace === response.length;
      return {
        correct: all,
        detail: all ? "" : t("exercise.in_place", { count: inPlace, total: response.length })
      };
    }

    questionType(["ordering"], {
      optionFeedback: false,
      setup: function (q) {
        q.list = q.root.querySelector("[data-ordering]");
        q.orderStatus = q.root.querySelector("[data-ordering-status]");
        syncMoves(q);
      },
      response: function (q) {
        return items(q).map(function (li) {
          return li.getAttribute("data-item");
        });
      },
      isEmpty: function () {
        return false;
      },
      grade: grade,
      lock: syncMoves,
      action: function (q, button) {
        if (button.hasAttribute("data-move")) {
          move(q, button);
        }
      },
      restoreResponse: setOrder
    });
  })();
