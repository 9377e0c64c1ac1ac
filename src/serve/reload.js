/*
  handbook serve: live reload and the build-error overlay.

  Added to every HTML page by `handbook serve` only (never written by `handbook build`) as
  <script src="/__handbook/reload.js" data-page="..." data-generation="..." data-instance="..."
  defer>. External and without inline styles or handlers, so a strict Content-Security-Policy
  allows it. Listens to the server-sent events of /__handbook/events:

  - reload {all, paths}: reload when everything or this page changed, keeping the scroll
    position (sessionStorage, per URL);
  - failed {diagnostics: [{location, message, hint, severity}]}: show every diagnostic in an
    overlay above the last good page (text only: nothing from the server is parsed as HTML; in a
    shadow root, so the page's styles cannot touch it);
  - ok: the build is good again; remove the overlay.
*/
(function () {
  "use strict";

  var me = document.currentScript;
  var attr = function (name) {
    return (me && me.getAttribute(name)) || "";
  };
  var page = attr("data-page");
  var scrollKey = "handbook-serve:scroll:" + location.pathname + location.search;
  var overlayId = "handbook-serve-overlay";

  // Put the page back where it was before a live reload.
  try {
    var saved = window.sessionStorage.getItem(scrollKey);
    if (saved !== null) {
      window.sessionStorage.removeItem(scrollKey);
      var pos = JSON.parse(saved);
      var restore = function () {
        window.scrollTo(pos.x || 0, pos.y || 0);
      };
      restore();
      document.addEventListener("DOMContentLoaded", restore, { once: true });
      window.addEventListener("load", restore, { once: true });
    }
  } catch (e) {
    /* storage disabled: reload at the top */
  }

  function reload() {
    try {
      window.sessionStorage.setItem(
        scrollKey,
        JSON.stringify({ x: window.scrollX, y: window.scrollY })
      );
    } catch (e) {
      /* storage disabled */
    }
    window.location.reload();
  }

  function parse(text) {
    try {
      return JSON.parse(text);
    } catch (e) {
      return null;
    }
  }

  function element(tag, css, text) {
    var node = document.createElement(tag);
    if (css) node.style.cssText = css;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function hideOverlay() {
    var old = document.getElementById(overlayId);
    if (old) old.parentNode.removeChild(old);
  }

  function showOverlay(data) {
    hideOverlay();
    var list = data.diagnostics || [];
    var errors = data.errors === undefined ? list.length : data.errors;
    // The diagnostics are English and read left to right, also over a right-to-left page
    // (`all` does not reset `direction`).
    var host = element(
      "div",
      "all:initial;direction:ltr;position:fixed;inset:0;z-index:2147483647;display:block;"
    );
    host.id = overlayId;
    var box = element(
      "div",
      "position:absolute;inset:0;overflow:auto;padding:2rem 1rem;box-sizing:border-box;" +
        "background:rgba(17,17,20,.97);color:#f4f4f5;text-align:left;" +
        "font:15px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif;"
    );
    box.setAttribute("role", "alertdialog");
    box.setAttribute("aria-label", "Build failed");
    var panel = element("div", "max-width:60rem;margin:0 auto;");
    var title = element(
      "h2",
      "margin:0 0 .5rem;font-size:1.35rem;font-weight:700;color:#fca5a5;",
      "Build failed: " + errors + (errors === 1 ? " error" : " errors")
    );
    panel.appendChild(title);
    panel.appendChild(
      element(
        "p",
        "margin:0 0 1rem;color:#d4d4d8;",
        "Below is the last good build. Fix the problem and save: this message goes away " +
          "on the next good build."
      )
    );
    var ol = element("ol", "list-style:none;margin:0;padding:0;");
    list.forEach(function (d) {
      var li = element(
        "li",
        "margin:0 0 .75rem;padding:.75rem 1rem;border-radius:.4rem;background:#27272a;" +
          "border-left:4px solid " + (d.severity === "warning" ? "#facc15" : "#f87171") + ";"
      );
      li.appendChild(
        element(
          "code",
          "display:block;font:13px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;" +
            "color:#93c5fd;word-break:break-all;",
          d.location || d.file || "(no file)"
        )
      );
      li.appendChild(
        element("p", "margin:.25rem 0 0;white-space:pre-wrap;", d.severity + ": " + d.message)
      );
      if (d.hint) {
        li.appendChild(
          element("p", "margin:.25rem 0 0;color:#a1a1aa;white-space:pre-wrap;", "hint: " + d.hint)
        );
      }
      ol.appendChild(li);
    });
    panel.appendChild(ol);
    var dismiss = element(
      "button",
      "font:inherit;padding:.35rem .9rem;border-radius:.3rem;border:1px solid #71717a;" +
        "background:#3f3f46;color:#f4f4f5;cursor:pointer;",
      "Dismiss"
    );
    dismiss.type = "button";
    dismiss.addEventListener("click", hideOverlay);
    panel.appendChild(dismiss);
    box.appendChild(panel);
    box.addEventListener("keydown", function (e) {
      if (e.key === "Escape") hideOverlay();
    });
    if (host.attachShadow) {
      host.attachShadow({ mode: "open" }).appendChild(box);
    } else {
      host.appendChild(box);
    }
    (document.body || document.documentElement).appendChild(host);
  }

  if (!window.EventSource) return;

  var url =
    "/__handbook/events?page=" + encodeURIComponent(page) +
    "&since=" + encodeURIComponent(attr("data-generation")) +
    "&instance=" + encodeURIComponent(attr("data-instance"));
  var source = null;

  function connect() {
    source = new EventSource(url);
    source.addEventListener("reload", function (e) {
      var data = parse(e.data);
      if (data && (data.all || (data.paths || []).indexOf(page) !== -1)) reload();
    });
    source.addEventListener("failed", function (e) {
      var data = parse(e.data);
      if (data) showOverlay(data);
    });
    source.addEventListener("ok", hideOverlay);
    source.addEventListener("error", function () {
      // The browser retries by itself unless the stream was refused; then try again later.
      if (source.readyState === 2) {
        source.close();
        window.setTimeout(connect, 1000);
      }
    });
  }

  connect();
  window.addEventListener("pagehide", function () {
    if (source) source.close();
  });
  window.addEventListener("pageshow", function (e) {
    // Back from the back-forward cache: listen again (and catch up on missed builds).
    if (e.persisted) connect();
  });
})();
