  /* ------------------------------------------------------------ when storage fails */

  var alertBox = null;

  /* Says, where the learner is looking, that progress cannot be saved in this browser, and
     offers to save a progress file now (role=alert: screen readers announce it). Once per
     page view; later failures only bring it back if it was dismissed. */
  function reportTrouble() {
    if (alertBox && alertBox.parentNode) {
      return;
    }
    if (!document.body) {
      return;
    }
    alertBox = document.createElement("div");
    alertBox.className = "storage-alert";
    alertBox.setAttribute("role", "alert");
    alertBox.setAttribute("data-storage-alert", "");
    var p = document.createElement("p");
    p.textContent = t("progress.storage_alert");
    alertBox.appendChild(p);
    var save = document.createElement("button");
    save.type = "button";
    save.className = "question-button";
    save.textContent = t("progress.save_now");
    save.addEventListener("click", function () {
      saveFileNow(p);
    });
    var close = document.createElement("button");
    close.type = "button";
    close.className = "question-button";
    close.textContent = t("progress.dismiss");
    close.addEventListener("click", function () {
      var box = alertBox;
      alertBox = null;
      if (box.parentNode) {
        box.parentNode.removeChild(box);
      }
    });
    alertBox.appendChild(save);
    alertBox.appendChild(document.createTextNode(" "));
    alertBox.appendChild(close);
    var active = document.activeElement;
    var near = active && active.closest ? active.closest("[data-exercise], [data-srs], [data-progress-tools], [data-handin]") : null;
    if (near) {
      near.appendChild(alertBox);
      if (alertBox.scrollIntoView) {
        alertBox.scrollIntoView({ block: "nearest" });
      }
    } else {
      alertBox.classList.add("storage-alert-fixed");
      document.body.appendChild(alertBox);
    }
  }

  /* Loads assignments.js (which builds progress files) when the page does not have it. */
  function withFileBuilder(callback) {
    if (api.assignments) {
      callback(api.assignments);
      return;
    }
    var el = document.createElement("script");
    el.src = root + "assets/js/assignments.js" + version;
    el.onload = el.onerror = function () {
      callback(api.assignments || null);
    };
    document.head.appendChild(el);
  }

  function saveFileNow(statusNode) {
    manifest(function (data) {
      withFileBuilder(function (builder) {
        if (!builder) {
          statusNode.textContent = t("progress.save_elsewhere");
          return;
        }
        data = data || { id: api.handbookId || "", handbook: document.documentElement.getAttribute("data-handbook-title") || "", build: "", chapters: [], assignments: [] };
        var file = builder.handIn(data, {});
        var name = builder.fileName(data, file.learner, "json");
        builder.download(JSON.stringify(file, null, 2) + "\n", name, "application/json");
        markExported();
        statusNode.textContent = t("progress.saved_keep", { name: name });
      });
    });
  }

