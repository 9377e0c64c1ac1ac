  /* ---- shared/dom.js: included at build time (`//= include js/shared/dom.js`) inside a
     script's function, so each built script stays one classic file. ---- */

  /* el(tag, attrs, content): a new element. attrs is a class name (string) or an object of
     attributes (null, undefined and false are left out, true is an empty attribute, the key
     "text" sets the text). content is text, a node, or an array of them (null and false
     skipped). */
  function el(tag, attrs, content) {
    var node = document.createElement(tag);
    if (typeof attrs === "string") {
      if (attrs) {
        node.className = attrs;
      }
    } else {
      setAttrs(node, attrs);
    }
    append(node, content);
    return node;
  }

  /* Removes every child of node (nothing when node is null). */
  function clear(node) {
    while (node && node.firstChild) {
      node.removeChild(node.firstChild);
    }
  }

  /* Sets attrs (as for el) on node. */
  function setAttrs(node, attrs) {
    if (!attrs) {
      return;
    }
    Object.keys(attrs).forEach(function (k) {
      var v = attrs[k];
      if (v === null || v === undefined || v === false) {
        return;
      }
      if (k === "text") {
        node.textContent = v;
      } else {
        node.setAttribute(k, v === true ? "" : String(v));
      }
    });
  }

  /* Appends content (as for el) to node. */
  function append(node, content) {
    if (content === null || content === undefined) {
      return;
    }
    if (!Array.isArray(content)) {
      if (typeof content === "string" || typeof content === "number") {
        node.appendChild(document.createTextNode(String(content)));
        return;
      }
      content = [content];
    }
    content.forEach(function (c) {
      if (c === null || c === undefined || c === false) {
        return;
      }
      node.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
    });
  }
