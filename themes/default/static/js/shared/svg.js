  /* ---- shared/svg.js: included at build time (`//= include js/shared/svg.js`) inside a
     script's function, after shared/dom.js. ---- */

  var SVG_NS = "http://www.w3.org/2000/svg";

  /* svg(tag, attrs, children): a new SVG element; attrs and children as for el(). */
  function svg(tag, attrs, children) {
    var node = document.createElementNS(SVG_NS, tag);
    setAttrs(node, attrs);
    append(node, children);
    return node;
  }
