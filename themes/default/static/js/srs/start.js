  /* ================================================================ start */

  function start() {
    var roots = document.querySelectorAll("[data-srs]");
    for (var i = 0; i < roots.length; i++) {
      var root = roots[i];
      if (root.getAttribute("data-srs-ready") === "true") {
        continue;
      }
      var cfg = config(root);
      if (!cfg || !Array.isArray(cfg.items) || !cfg.items.length) {
        continue;
      }
      root.setAttribute("data-srs-ready", "true");
      if (root.getAttribute("data-srs") === "practice") {
        practiceForms.push(new Practice(root, cfg));
      } else if (root.getAttribute("data-srs") === "scenario") {
        new Scenario(root, cfg);
      }
    }
    if (storageBroken) {
      warnStorage();
    }
  }

  /* another tab saved or deleted entries: show them here too */
  window.addEventListener("storage", function (event) {
    if (event.key === storageKey()) {
      var sets = {};
      practiceForms.forEach(function (f) { sets[f.set] = true; });
      Object.keys(sets).forEach(renderLogs);
    }
  });

  api.srs.start = start;

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
