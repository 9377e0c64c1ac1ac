/*
 * handbook default theme: tabs.js (classic script, loaded with defer on pages with content tabs)
 *
 * Content tabs (`=== "Title"` blocks in Markdown) arrive as
 *   <div class="tabbed-set" data-tabs>
 *     <div class="tabbed-panel" id="tabset-1-1" [data-selected]><p class="tabbed-title">Title</p>...</div>
 *     ...
 *   </div>
 * which, without this script (and in print.html), reads as a series of titled sections.
 * This script makes each set a WAI-ARIA tab list (the "tabs with automatic activation" pattern):
 * a role=tablist of role=tab buttons (named by the titles, which are then hidden) before the
 * role=tabpanel panels; one tab in the tab order (roving tabindex); Left/Right arrows (swapped
 * in a right-to-left page, where the next tab is on the left) move and
 * select (wrapping), Home/End go to the first/last tab; the panel of the selected tab is shown,
 * the others get `hidden`. The first tab is selected, or the one marked `===+`.
 * Printing shows every panel with its title again (tabs.css).
 */
(function () {
  "use strict";

//= include js/shared/i18n.js

  function panelsOf(set) {
    var panels = [];
    for (var c = set.firstElementChild; c; c = c.nextElementSibling) {
      if (c.classList.contains("tabbed-panel")) {
        panels.push(c);
      }
    }
    return panels;
  }

  function titleOf(panel) {
    for (var c = panel.firstElementChild; c; c = c.nextElementSibling) {
      if (c.classList.contains("tabbed-title")) {
        return c;
      }
    }
    return null;
  }

  function enhance(set) {
    var panels = panelsOf(set);
    if (!panels.length || set.classList.contains("is-enhanced")) {
      return;
    }
    var list = document.createElement("div");
    list.className = "tabbed-tabs";
    list.setAttribute("role", "tablist");
    var tabs = [];
    var first = 0;
    panels.forEach(function (panel, i) {
      var title = titleOf(panel);
      var tab = document.createElement("button");
      tab.type = "button";
      tab.className = "tabbed-tab";
      tab.id = panel.id + "-tab";
      tab.setAttribute("role", "tab");
      tab.setAttribute("aria-controls", panel.id);
      tab.textContent = title ? title.textContent : t("tabs.untitled", { number: i + 1 });
      if (title) {
        title.hidden = true;
      }
      panel.setAttribute("role", "tabpanel");
      panel.setAttribute("aria-labelledby", tab.id);
      panel.tabIndex = 0;
      if (panel.hasAttribute("data-selected")) {
        first = i;
      }
      list.appendChild(tab);
      tabs.push(tab);
    });

    function select(index, focus) {
      tabs.forEach(function (tab, i) {
        var on = i === index;
        tab.setAttribute("aria-selected", on ? "true" : "false");
        tab.tabIndex = on ? 0 : -1;
        panels[i].hidden = !on;
      });
      if (focus) {
        tabs[index].focus();
      }
    }

    list.addEventListener("click", function (event) {
      var i = tabs.indexOf(event.target.closest ? event.target.closest("[role=tab]") : event.target);
      if (i >= 0) {
        select(i, true);
      }
    });
    list.addEventListener("keydown", function (event) {
      var i = tabs.indexOf(document.activeElement);
      if (i < 0 || event.altKey || event.ctrlKey || event.metaKey) {
        return;
      }
      var next = null;
      // the arrow points the way focus moves: right to left, the next tab is on the left
      var forward = window.getComputedStyle(list).direction === "rtl" ? "ArrowLeft" : "ArrowRight";
      var back = forward === "ArrowLeft" ? "ArrowRight" : "ArrowLeft";
      if (event.key === forward) {
        next = (i + 1) % tabs.length;
      } else if (event.key === back) {
        next = (i - 1 + tabs.length) % tabs.length;
      } else if (event.key === "Home") {
        next = 0;
      } else if (event.key === "End") {
        next = tabs.length - 1;
      }
      if (next !== null) {
        event.preventDefault();
        select(next, true);
      }
    });

    set.insertBefore(list, set.firstChild);
    set.classList.add("is-enhanced");
    select(first, false);
  }

  var sets = document.querySelectorAll("[data-tabs]");
  for (var i = 0; i < sets.length; i++) {
    enhance(sets[i]);
  }
})();
