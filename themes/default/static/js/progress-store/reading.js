  /* ------------------------------------------------------------ reading */

  /* Records the page and its sections as read (see the header). */
  function trackReading() {
    var article = document.querySelector("article[data-page-path]");
    if (!article) {
      return;
    }
    var path = article.getAttribute("data-page-path");
    var seconds = parseFloat(document.documentElement.getAttribute("data-read-after"));
    if (!(seconds >= 0)) {
      seconds = 30;
    }
    var content = article.querySelector(".content") || article;
    var headings = content.querySelectorAll("h2[id], h3[id], h4[id], h5[id], h6[id]");
    var sections = [];
    for (var i = 0; i < headings.length; i++) {
      var level = +headings[i].tagName.charAt(1);
      var end = null;
      for (var j = i + 1; j < headings.length; j++) {
        if (+headings[j].tagName.charAt(1) <= level) {
          end = headings[j];
          break;
        }
      }
      sections.push({ id: headings[i].id, start: headings[i], end: end });
    }
    var stored = load().reading[path] || { sections: {} };
    var pageDone = !!stored.read;
    var done = {};
    sections.forEach(function (s) {
      if (stored.sections[s.id]) {
        done[s.id] = true;
      }
    });
    /* The stretches of the page that have been on screen: scrolling extends the current one,
       a jump (a link to a heading, the scroll bar dragged far) starts a new one. */
    var seenSpans = [];
    var visible = 0;
    var pending = {};
    var pagePending = false;

    function y(node, bottom) {
      var rect = node.getBoundingClientRect();
      return (bottom ? rect.bottom : rect.top) + window.pageYOffset;
    }
    function addView(top, bottom) {
      var merged = { top: top, bottom: bottom };
      seenSpans = seenSpans.filter(function (s) {
        if (s.bottom + 2 >= merged.top && s.top - 2 <= merged.bottom) {
          merged.top = Math.min(merged.top, s.top);
          merged.bottom = Math.max(merged.bottom, s.bottom);
          return false;
        }
        return true;
      });
      seenSpans.push(merged);
    }
    function seen(top, bottom) {
      return seenSpans.some(function (s) {
        return top >= s.top - 2 && bottom <= s.bottom + 2;
      });
    }
    function look() {
      var top = window.pageYOffset;
      addView(top, top + window.innerHeight);
      var contentBottom = y(content, true);
      if (!pageDone && seen(y(content, false), contentBottom)) {
        pagePending = true;
      }
      sections.forEach(function (s) {
        if (!done[s.id] && !pending[s.id] && seen(y(s.start, false), s.end ? y(s.end, false) : contentBottom)) {
          pending[s.id] = true;
        }
      });
      record();
    }
    function record() {
      var ids = Object.keys(pending);
      if (visible < seconds || (!ids.length && !pagePending) || readOnly) {
        return;
      }
      var now = new Date().toISOString();
      update(function (state) {
        var r = state.reading[path] || (state.reading[path] = { sections: {} });
        if (pagePending && !r.read) {
          r.read = now;
        }
        ids.forEach(function (id) {
          if (!r.sections[id]) {
            r.sections[id] = now;
          }
        });
      });
      ids.forEach(function (id) {
        done[id] = true;
      });
      pageDone = pageDone || pagePending;
      pending = {};
      pagePending = false;
    }
    function finished() {
      return pageDone && sections.every(function (s) {
        return done[s.id];
      });
    }
    if (finished()) {
      return;
    }
    var scheduled = false;
    function onScroll() {
      if (!scheduled) {
        scheduled = true;
        (window.requestAnimationFrame || setTimeout)(function () {
          scheduled = false;
          look();
        });
      }
    }
    window.addEventListener("scroll", onScroll, { passive: true });
    window.addEventListener("resize", onScroll);
    var timer = setInterval(function () {
      if (!document.hidden) {
        visible += 1;
      }
      look();
      if (finished()) {
        clearInterval(timer);
        window.removeEventListener("scroll", onScroll);
        window.removeEventListener("resize", onScroll);
      }
    }, 1000);
    look();
  }

