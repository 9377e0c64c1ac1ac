  /* ------------------------------------------------------------ start */

  function init(scope) {
    var root = scope || document;
    var list = [];
    if (root.matches && root.matches("[data-exercise]")) {
      list.push(root);
    }
    var found = root.querySelectorAll ? root.querySelectorAll("[data-exercise]") : [];
    for (var i = 0; i < found.length; i++) {
      list.push(found[i]);
    }
    var made = [];
    list.forEach(function (node) {
      if (node.getAttribute("data-exercise-ready") === "true") {
        return;
      }
      node.setAttribute("data-exercise-ready", "true");
      made.push(new Exercise(node));
    });
    return made;
  }

  api.exercises = {
    init: init,
    normalize: normalize,
    textMatches: textMatches,
    parseNumber: parseNumber,
    gradeShort: gradeShort,
    version: 2
  };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () {
      init(document);
    });
  } else {
    init(document);
  }
