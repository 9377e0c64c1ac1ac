  /* ------------------------------------------------------------ sidebar marks */

  var sidebarObserver = null;

  function markSidebar() {
    var state = load();
    if (!Object.keys(state.exercises).length) {
      applyMarks({});
      return;
    }
    manifest(function (data) {
      if (!data || !data.chapters) {
        return;
      }
      var pages = {};
      data.chapters.forEach(function (ch) {
        ch.exercises.forEach(function (ex) {
          var done = summarize(ex, state.exercises[ex.id]).complete;
          var url = canonical(root + ex.page);
          pages[url] = pages[url] === undefined ? done : pages[url] && done;
        });
      });
      applyMarks(pages);
    });
  }

  function applyMarks(pages) {
    var links = document.querySelectorAll("#hb-sidebar a[href], [data-progress-marks] a[href]");
    if (sidebarObserver) {
      sidebarObserver.disconnect();
    }
    for (var i = 0; i < links.length; i++) {
      var a = links[i];
      var done = pages[canonical(a.getAttribute("href"))] === true;
      var mark = a.querySelector(".progress-mark");
      if (done && !mark) {
        mark = document.createElement("span");
        mark.className = "progress-mark";
        var icon = document.createElement("span");
        icon.setAttribute("aria-hidden", "true");
        icon.textContent = "\u2713";
        var text = document.createElement("span");
        text.className = "visually-hidden";
        text.textContent = " " + t("progress.sidebar_done");
        mark.appendChild(icon);
        mark.appendChild(text);
        a.appendChild(mark);
        a.classList.add("is-done");
      } else if (!done && mark) {
        a.removeChild(mark);
        a.classList.remove("is-done");
      }
    }
    observeSidebar();
  }

  function observeSidebar() {
    var sidebar = document.getElementById("hb-sidebar");
    if (!sidebar || !window.MutationObserver) {
      return;
    }
    if (!sidebarObserver) {
      sidebarObserver = new MutationObserver(function () {
        markSidebar();
      });
    }
    sidebarObserver.observe(sidebar, { childList: true, subtree: true });
  }

