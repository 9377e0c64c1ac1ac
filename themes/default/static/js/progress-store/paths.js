  /* ------------------------------------------------------------ paths */

  function canonical(href) {
    var u;
    try {
      u = new URL(href, window.location.href);
    } catch (e) {
      return "";
    }
    u.hash = "";
    u.search = "";
    var s = u.href;
    if (s.charAt(s.length - 1) === "/") {
      s += "index.html";
    }
    return s;
  }

  function pagePath(url) {
    var c = canonical(url || window.location.href);
    var r = canonical(root).replace(/index\.html$/, "");
    if (c.indexOf(r) !== 0) {
      return c;
    }
    try {
      return decodeURIComponent(c.slice(r.length));
    } catch (e) {
      return c.slice(r.length);
    }
  }

