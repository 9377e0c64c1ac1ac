  /* ------------------------------------------------------------ ordering */

  Question.prototype.move = function (button) {
    if (button.getAttribute("aria-disabled") === "true" || this.state !== "idle") {
      return;
    }
    var li = button.closest(".ordering-item");
    var up = button.getAttribute("data-move") === "up";
    var sibling = up ? li.previousElementSibling : li.nextElementSibling;
    if (!sibling) {
      return;
    }
    if (up) {
      this.list.insertBefore(li, sibling);
    } else {
      this.list.insertBefore(sibling, li);
    }
    this.syncMoves();
    button.focus();
    var items = this.items();
    var pos = items.indexOf(li) + 1;
    if (this.orderStatus) {
      this.orderStatus.textContent = "\u201c" + plain(li.querySelector(".ordering-text")) + "\u201d moved to position " + pos + " of " + items.length + ".";
    }
    this.clearNotice();
  };

  Question.prototype.syncMoves = function () {
    if (!this.list) {
      return;
    }
    var items = this.items();
    var locked = this.state !== "idle";
    for (var i = 0; i < items.length; i++) {
      var up = items[i].querySelector('[data-move="up"]');
      var down = items[i].querySelector('[data-move="down"]');
      if (up) {
        up.setAttribute("aria-disabled", locked || i === 0 ? "true" : "false");
      }
      if (down) {
        down.setAttribute("aria-disabled", locked || i === items.length - 1 ? "true" : "false");
      }
    }
  };

  Question.prototype.setOrder = function (order) {
    if (!this.list || !Array.isArray(order)) {
      return;
    }
    var byValue = {};
    var items = this.items();
    items.forEach(function (li) {
      byValue[li.getAttribute("data-item")] = li;
    });
    if (order.length !== items.length) {
      return;
    }
    for (var i = 0; i < order.length; i++) {
      if (!byValue[order[i]]) {
        return;
      }
    }
    var list = this.list;
    order.forEach(function (v) {
      list.appendChild(byValue[v]);
    });
    this.syncMoves();
  };

