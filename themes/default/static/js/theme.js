/*
 * handbook default theme: theme.js
 *
 * Loaded in <head> as a classic script WITHOUT defer, so that it runs before the first paint:
 * - marks <html class="js"> (CSS shows script-only controls and the narrow-screen drawer),
 * - sets <html data-theme="light|dark"> from the reader's stored choice or the system setting,
 * - restores a collapsed sidebar (wide screens) before layout,
 * - applies the agency accent from <html data-accent> through the CSSOM (allowed by a strict
 *   Content-Security-Policy, unlike an inline style attribute),
 * - moves data older versions stored under the title's slug to the id, once (see migrate()),
 * - defines window.handbook.storageKey(name) -> "handbook:<id>:<name>", the one storage
 *   namespace per handbook that every component script should use (file:// pages of different
 *   handbooks share one localStorage), and window.handbook.store.get/set (never throw).
 * After the DOM is ready it wires every [data-theme-toggle] button (aria-pressed = dark).
 * No inline script, no modules, no frameworks; everything works (in the system scheme) without it.
 */
(function () {
  "use strict";

  var doc = document.documentElement;
  doc.classList.add("js");

//= include js/shared/slug.js

  /* The handbook's id (handbook.toml `id`, or derived from the title) names the storage; an
     attribute that is not a valid id (an older custom template) is turned into a slug. */
  var rawId = doc.getAttribute("data-handbook") || "";
  var handbookId = /^[A-Za-z0-9._-]{1,100}$/.test(rawId) ? rawId : slug(rawId) || "handbook";
  var prefix = "handbook:" + handbookId + ":";

  function storageKey(name) {
    return prefix + name;
  }

  /* Older versions keyed storage by the slug of the title. On the first load after upgrading,
     everything under "handbook:<title slug>:" is moved to "handbook:<id>:" once: a key already
     taken under the id keeps its value and the older one is kept beside it as "<key>:from-title";
     the old keys are removed only after every copy succeeded, so nothing is lost. A prefix that
     a current version already uses (it holds "...:id") belongs to that handbook and is left
     alone, so two handbooks with one title never take each other's progress. */
  function migrate() {
    var title = doc.getAttribute("data-handbook-title");
    var ls;
    try {
      ls = window.localStorage;
      if (ls.getItem(prefix + "id") !== handbookId) {
        ls.setItem(prefix + "id", handbookId);
      }
    } catch (e) {
      return;
    }
    if (title === null) {
      return;
    }
    var legacy = "handbook:" + (slug(title) || "handbook") + ":";
    if (legacy === prefix) {
      return;
    }
    try {
      if (ls.getItem(legacy + "id") !== null) {
        return;
      }
      var keys = [];
      for (var i = 0; i < ls.length; i++) {
        var k = ls.key(i);
        if (k && k.indexOf(legacy) === 0 && !/:probe$/.test(k)) {
          keys.push(k);
        }
      }
      if (!keys.length) {
        return;
      }
      keys.forEach(function (k) {
        var target = prefix + k.slice(legacy.length);
        var value = ls.getItem(k);
        var existing = ls.getItem(target);
        if (existing === null) {
          ls.setItem(target, value);
        } else if (existing !== value) {
          ls.setItem(target + ":from-title", value);
        }
      });
      keys.forEach(function (k) {
        ls.removeItem(k);
      });
      ls.setItem(prefix + "migrated", JSON.stringify({ from: legacy, keys: keys.length, at: new Date().toISOString() }));
      if (window.console && console.info) {
        console.info("handbook: moved " + keys.length + " stored item(s) from \"" + legacy + "\" to \"" + prefix + "\" (the handbook now has an id).");
      }
    } catch (e) {
      /* storage full or blocked: the old keys stay where they are; try again next time */
    }
  }
  migrate();

  function get(name) {
    try {
      return window.localStorage.getItem(storageKey(name));
    } catch (e) {
      return null;
    }
  }

  function set(name, value) {
    try {
      if (value === null || value === undefined) {
        window.localStorage.removeItem(storageKey(name));
      } else {
        window.localStorage.setItem(storageKey(name), String(value));
      }
    } catch (e) {
      /* storage disabled or full: the choice lasts for this page only */
    }
  }

  var api = window.handbook || {};
  api.storageKey = storageKey;
  api.handbookId = handbookId;
  api.store = { get: get, set: set };
  window.handbook = api;

  /* ------------------------------------------------------------ colour scheme */

  var darkQuery = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;

  function systemTheme() {
    return darkQuery && darkQuery.matches ? "dark" : "light";
  }

  function storedTheme() {
    var t = get("theme");
    return t === "dark" || t === "light" ? t : null;
  }

  function currentTheme() {
    return storedTheme() || systemTheme();
  }

  function syncButtons() {
    var dark = doc.getAttribute("data-theme") === "dark";
    var buttons = document.querySelectorAll("[data-theme-toggle]");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].setAttribute("aria-pressed", dark ? "true" : "false");
    }
  }

  function applyTheme() {
    doc.setAttribute("data-theme", currentTheme());
    syncButtons();
  }

  applyTheme();

  /* Choosing the scheme the system already uses forgets the choice, so the page follows the
     system again; choosing the other one is remembered. */
  function toggleTheme() {
    var next = currentTheme() === "dark" ? "light" : "dark";
    set("theme", next === systemTheme() ? null : next);
    applyTheme();
  }

  if (darkQuery) {
    var onSystemChange = function () {
      if (!storedTheme()) {
        applyTheme();
      }
    };
    if (darkQuery.addEventListener) {
      darkQuery.addEventListener("change", onSystemChange);
    } else if (darkQuery.addListener) {
      darkQuery.addListener(onSystemChange);
    }
  }

  /* another tab of the same handbook changed the scheme */
  window.addEventListener("storage", function (event) {
    if (event.key === storageKey("theme")) {
      applyTheme();
    }
  });

  /* ------------------------------------------------------------ sidebar (wide screens) */

  if (get("sidebar") === "collapsed") {
    doc.setAttribute("data-sidebar", "collapsed");
  }

  /* ------------------------------------------------------------ agency accent */

  var accent = doc.getAttribute("data-accent");
  if (accent && window.CSS && CSS.supports && CSS.supports("color", accent)) {
    doc.style.setProperty("--accent", accent);
  }

  /* ------------------------------------------------------------ toggle buttons */

  function wireButtons() {
    var buttons = document.querySelectorAll("[data-theme-toggle]");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].addEventListener("click", toggleTheme);
      buttons[i].hidden = false;
    }
    syncButtons();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", wireButtons);
  } else {
    wireButtons();
  }
})();
