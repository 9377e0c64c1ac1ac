/*
 * handbook default theme: handbook.js (classic script, loaded with defer)
 *
 * - Sidebar toggle (#hb-sidebar-toggle, aria-controls="hb-sidebar", aria-expanded):
 *   narrow screens (< 60em): shows/hides the sidebar as a drawer (<html data-nav-open>);
 *     Escape or a click outside closes it and focus returns to the button.
 *   wide screens: collapses/expands the sidebar (<html data-sidebar="collapsed">), remembered
 *     under handbook.storageKey("sidebar").
 *   The button is `hidden` in the HTML and revealed here, so without scripts the navigation is
 *   simply always shown.
 * - [data-print] buttons call window.print().
 * - The on-page table of contents marks the section being read (class is-active).
 * - Windowed sidebar lists (ul[data-nav-list]: a long chapter shows only the entries around the
 *   current page, with "… N more" links) are filled in whole from nav.js.
 * - The current page's link is scrolled into view inside a long sidebar.
 * - Wide code blocks and tables become keyboard-focusable scroll boxes (tabindex=0).
 * - Task-list checkboxes without a label are named by their item's text.
 * - Bare-URL links are marked data-hb-bare so print does not repeat their address.
 * No keyboard shortcuts are defined (nothing fires while the reader types).
 */
(function () {
  "use strict";

//= include js/shared/i18n.js
//= include js/shared/dom.js
//= include js/shared/svg.js

  var doc = document.documentElement;
  var store = (window.handbook && window.handbook.store) || {
    get: function () {
      return null;
    },
    set: function () {}
  };
  var wideQuery = window.matchMedia ? window.matchMedia("(min-width: 60em)") : null;

  function isWide() {
    return !wideQuery || wideQuery.matches;
  }

  /* ------------------------------------------------------------ sidebar */

  var toggle = document.getElementById("hb-sidebar-toggle");
  var sidebar = document.getElementById("hb-sidebar");
  var header = document.querySelector(".site-header");

  /* Windowed lists. A list longer than the build's limit comes with only a window of its
     entries: <ul data-nav-list="KEY" data-nav-root="ROOT">, each run left out marked by an
     li.nav-gap that links to the list's landing page. nav.js (loaded before this script on such
     pages) holds every windowed list whole: window.HANDBOOK_NAV_LISTS[KEY] = [[title, url,
     hasChildren], ...], URLs relative to the site root. The entries the page has stay where they
     are (with their subtree and aria-current); the left-out ones are inserted around them and
     the gap markers removed. Focus on a kept link stays; focus on a gap marker moves to the
     first entry filled in at that place. */
  function fillWindowedLists() {
    var data = window.HANDBOOK_NAV_LISTS;
    if (!sidebar || !data) {
      return;
    }
    var lists = sidebar.querySelectorAll("ul[data-nav-list]");
    for (var l = 0; l < lists.length; l++) {
      var entries = data[lists[l].getAttribute("data-nav-list")];
      if (entries && entries.length) {
        fillList(lists[l], entries);
      }
    }
  }

  function fillList(ul, entries) {
    var root = ul.getAttribute("data-nav-root") || "";
    var kept = {};
    var gaps = [];
    for (var child = ul.firstElementChild; child; child = child.nextElementSibling) {
      var link = child.firstElementChild;
      if (child.classList.contains("nav-gap")) {
        gaps.push(child);
      } else if (link && link.tagName === "A") {
        kept[link.getAttribute("href")] = child;
      }
    }
    var run = document.createDocumentFragment();
    for (var i = 0; i < entries.length; i++) {
      var href = root + entries[i][1];
      if (Object.prototype.hasOwnProperty.call(kept, href)) {
        ul.insertBefore(run, kept[href]);
        continue;
      }
      var li = document.createElement("li");
      li.className = entries[i][2] ? "nav-item has-children" : "nav-item";
      var a = document.createElement("a");
      a.setAttribute("href", href);
      a.textContent = entries[i][0];
      li.appendChild(a);
      run.appendChild(li);
    }
    ul.appendChild(run);
    var active = document.activeElement;
    for (var g = 0; g < gaps.length; g++) {
      if (gaps[g].contains(active)) {
        var next = gaps[g].nextElementSibling;
        var target = next && !next.classList.contains("nav-gap") ? next.firstElementChild : null;
        (target || sidebar.querySelector('[aria-current="page"]') || ul.querySelector("a")).focus();
      }
      ul.removeChild(gaps[g]);
    }
    ul.setAttribute("data-nav-filled", "");
  }

  fillWindowedLists();

  function drawerOpen() {
    return doc.hasAttribute("data-nav-open");
  }

  function sidebarShown() {
    return isWide() ? doc.getAttribute("data-sidebar") !== "collapsed" : drawerOpen();
  }

  function syncToggle() {
    if (toggle) {
      toggle.setAttribute("aria-expanded", sidebarShown() ? "true" : "false");
    }
  }

  function measureHeader() {
    if (header) {
      doc.style.setProperty("--header-h", header.getBoundingClientRect().height + "px");
    }
  }

  function openDrawer() {
    measureHeader();
    doc.setAttribute("data-nav-open", "");
    syncToggle();
    scrollCurrentIntoView();
  }

  function closeDrawer(returnFocus) {
    if (!drawerOpen()) {
      return;
    }
    doc.removeAttribute("data-nav-open");
    syncToggle();
    if (returnFocus && toggle) {
      toggle.focus();
    }
  }

  function scrollCurrentIntoView() {
    if (!sidebar) {
      return;
    }
    var current = sidebar.querySelector('[aria-current="page"]');
    if (!current) {
      return;
    }
    var top = current.offsetTop;
    var bottom = top + current.offsetHeight;
    if (top < sidebar.scrollTop || bottom > sidebar.scrollTop + sidebar.clientHeight) {
      sidebar.scrollTop = Math.max(0, top - sidebar.clientHeight / 3);
    }
  }

  if (toggle && sidebar) {
    toggle.hidden = false;
    syncToggle();

    toggle.addEventListener("click", function () {
      if (isWide()) {
        var collapse = doc.getAttribute("data-sidebar") !== "collapsed";
        if (collapse) {
          doc.setAttribute("data-sidebar", "collapsed");
          store.set("sidebar", "collapsed");
        } else {
          doc.removeAttribute("data-sidebar");
          store.set("sidebar", null);
          scrollCurrentIntoView();
        }
        syncToggle();
      } else if (drawerOpen()) {
        closeDrawer(false);
      } else {
        openDrawer();
      }
    });

    document.addEventListener("keydown", function (event) {
      if ((event.key === "Escape" || event.key === "Esc") && drawerOpen() && !isWide()) {
        var inside = sidebar.contains(document.activeElement) || document.activeElement === toggle;
        closeDrawer(inside);
      }
    });

    document.addEventListener("click", function (event) {
      if (drawerOpen() && !isWide() && !sidebar.contains(event.target) && !toggle.contains(event.target)) {
        closeDrawer(false);
      }
    });

    /* focus left the drawer (Tab past its end, or a click elsewhere): close it */
    sidebar.addEventListener("focusout", function (event) {
      if (drawerOpen() && !isWide() && event.relatedTarget &&
          !sidebar.contains(event.relatedTarget) && !(header && header.contains(event.relatedTarget))) {
        closeDrawer(false);
      }
    });

    if (wideQuery) {
      var onWidthChange = function () {
        doc.removeAttribute("data-nav-open");
        syncToggle();
      };
      if (wideQuery.addEventListener) {
        wideQuery.addEventListener("change", onWidthChange);
      } else if (wideQuery.addListener) {
        wideQuery.addListener(onWidthChange);
      }
    }

    window.addEventListener("resize", function () {
      if (drawerOpen()) {
        measureHeader();
      }
    });

    if (isWide()) {
      scrollCurrentIntoView();
    }
  }

  /* ------------------------------------------------------------ sideways-scrolling boxes */

  /* Code blocks and tables that are wider than the column scroll inside their own box; make
     such a box reachable by keyboard (tabindex=0) so it can be scrolled with the arrow keys,
     and undo it when the box fits again. */
  function markScrollables() {
    var boxes = document.querySelectorAll(".content pre, .content table, .table-wrap");
    for (var b = 0; b < boxes.length; b++) {
      var box = boxes[b];
      var overflows = box.scrollWidth > box.clientWidth + 1;
      var marked = box.hasAttribute("data-hb-scroll");
      if (overflows && !marked && !box.hasAttribute("tabindex")) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("data-hb-scroll", "");
      } else if (!overflows && marked) {
        box.removeAttribute("tabindex");
        box.removeAttribute("data-hb-scroll");
      }
    }
  }

  markScrollables();
  var resizeTimer = null;
  window.addEventListener("resize", function () {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(markScrollables, 150);
  });

  /* ------------------------------------------------------------ links printed with their address */

  /* The print stylesheet writes a link's address after it; skip links whose text already is
     the address (autolinks such as <https://example.org>). */
  var contentLinks = document.querySelectorAll(".content a[href]");
  for (var c = 0; c < contentLinks.length; c++) {
    var a = contentLinks[c];
    var text = a.textContent.trim();
    var href = a.getAttribute("href");
    if (text === href || "mailto:" + text === href || text === a.href) {
      a.setAttribute("data-hb-bare", "");
    }
  }

  /* ------------------------------------------------------------ task lists */

  /* Markdown task-list checkboxes come without a <label>; name each by its item's text. */
  var tasks = document.querySelectorAll('.content li > input[type="checkbox"][disabled]');
  for (var q = 0; q < tasks.length; q++) {
    var box2 = tasks[q];
    if (!box2.labels || box2.labels.length === 0) {
      if (!box2.hasAttribute("aria-label") && !box2.hasAttribute("aria-labelledby")) {
        var itemText = box2.parentNode.textContent.replace(/\s+/g, " ").trim();
        if (itemText) {
          box2.setAttribute("aria-label", itemText);
        }
      }
    }
  }

  /* ------------------------------------------------------------ copy link to a section */

  /* Every heading with an anchor gets a "Copy link" button beside it (supervisors send precise
     readings). The button sits after the heading, not inside it, so the heading's name stays
     its text; heading and button share a row (div.heading-row) that takes over the heading's
     margins. Clipboard API where allowed, else a selected text field; the result is announced
     in a status region that exists from the start. */
  var anchors = document.querySelectorAll(".content :is(h2, h3, h4, h5, h6)[id] > a.anchor");
  var announcer = null;
  if (anchors.length) {
    announcer = document.createElement("p");
    announcer.className = "visually-hidden";
    announcer.setAttribute("role", "status");
    document.body.appendChild(announcer);
  }
  function announce(text) {
    announcer.textContent = "";
    setTimeout(function () {
      announcer.textContent = text;
    }, 50);
  }

  function sectionUrl(id) {
    return window.location.href.replace(/#.*$/, "") + "#" + encodeURIComponent(id).replace(/%2D/g, "-");
  }

  function copyText(text, done) {
    var fallback = function () {
      var field = document.createElement("textarea");
      field.value = text;
      field.setAttribute("readonly", "");
      field.className = "copy-link-buffer";
      document.body.appendChild(field);
      field.select();
      var ok = false;
      try {
        ok = document.execCommand("copy");
      } catch (e) {
        ok = false;
      }
      document.body.removeChild(field);
      done(ok);
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () {
        done(true);
      }, fallback);
    } else {
      fallback();
    }
  }

  /* Two overlapping sheets: the usual "copy" picture, drawn so no icon font is needed. */
  function copyIcon() {
    var sheet = function (at) {
      return svg("rect", { x: at, y: at, width: 8, height: 8, rx: 1.5, fill: "none", stroke: "currentColor", "stroke-width": 1.5 });
    };
    return svg("svg", { viewBox: "0 0 16 16", width: 16, height: 16, "aria-hidden": "true", focusable: "false", class: "copy-link-icon" }, [sheet(5.5), sheet(2.5)]);
  }

  for (var c = 0; c < anchors.length; c++) {
    (function (anchor) {
      var heading = anchor.parentNode;
      var title = "";
      for (var n = heading.firstChild; n; n = n.nextSibling) {
        if (n !== anchor) {
          title += n.textContent;
        }
      }
      title = title.replace(/\s+/g, " ").trim();
      var button = document.createElement("button");
      button.type = "button";
      button.className = "copy-link";
      var label = document.createElement("span");
      label.className = "visually-hidden";
      label.textContent = t("page.copy_link", { title: title });
      var icon = copyIcon();
      button.appendChild(label);
      button.appendChild(icon);
      button.addEventListener("click", function () {
        var url = sectionUrl(heading.id);
        copyText(url, function (ok) {
          if (ok) {
            button.classList.add("is-copied");
            setTimeout(function () {
              button.classList.remove("is-copied");
            }, 1500);
            announce(t("page.link_copied", { title: title }));
          } else {
            window.prompt(t("page.copy_link_prompt"), url);
          }
        });
      });
      var style = window.getComputedStyle(heading);
      var row = document.createElement("div");
      row.className = "heading-row heading-row-" + heading.tagName.toLowerCase();
      row.style.marginTop = style.marginTop;
      row.style.marginBottom = style.marginBottom;
      heading.parentNode.insertBefore(row, heading);
      row.appendChild(heading);
      row.appendChild(button);
      heading.style.margin = "0";
    })(anchors[c]);
  }

  /* ------------------------------------------------------------ print buttons */

  var printButtons = document.querySelectorAll("[data-print]");
  for (var i = 0; i < printButtons.length; i++) {
    if (typeof window.print === "function") {
      printButtons[i].hidden = false;
      printButtons[i].addEventListener("click", function () {
        window.print();
      });
    }
  }

  /* ------------------------------------------------------------ on-page toc: active section */

  var toc = document.querySelector(".toc");
  if (toc && "IntersectionObserver" in window) {
    var links = toc.querySelectorAll('a[href^="#"]');
    var byId = {};
    var targets = [];
    for (var j = 0; j < links.length; j++) {
      var id = decodeURIComponent(links[j].getAttribute("href").slice(1));
      var target = document.getElementById(id);
      if (target) {
        byId[id] = links[j];
        targets.push(target);
      }
    }
    var visible = {};
    var active = null;
    var setActive = function () {
      var chosen = null;
      for (var k = 0; k < targets.length; k++) {
        if (visible[targets[k].id]) {
          chosen = targets[k].id;
          break;
        }
      }
      if (!chosen) {
        return; /* between headings: keep the last one */
      }
      if (active) {
        active.classList.remove("is-active");
      }
      active = byId[chosen];
      active.classList.add("is-active");
    };
    var observer = new IntersectionObserver(
      function (entries) {
        for (var k = 0; k < entries.length; k++) {
          visible[entries[k].target.id] = entries[k].isIntersecting;
        }
        setActive();
      },
      { rootMargin: "0px 0px -60% 0px" }
    );
    for (var ti = 0; ti < targets.length; ti++) {
      observer.observe(targets[ti]);
    }
  }
})();
