'use strict';
// The default theme's scripts as the build writes them, for tests that load them in Node
// without a built site: `//= include PATH` lines are replaced by themes/default/static/PATH,
// the rule of src/theme/bundle.rs (tests/theme_scripts.rs checks the Rust side; a script whose
// includes this file expanded differently would fail the tests that load it).

const fs = require('node:fs');
const path = require('node:path');

const STATIC = path.resolve(__dirname, '..', '..', 'themes', 'default', 'static');
const DIRECTIVE = /^[ \t]*\/\/= include (.+?)\s*$/;

/** The text of static/<rel> (e.g. 'js/srs.js') with its includes expanded. */
function source(rel, stack = []) {
  if (stack.includes(rel)) throw new Error(`include loop: ${[...stack, rel].join(' -> ')}`);
  const text = fs.readFileSync(path.join(STATIC, rel), 'utf8');
  return text.split(/(?<=\n)/).map((line) => {
    const m = DIRECTIVE.exec(line);
    return m ? source(m[1], [...stack, rel]) : line;
  }).join('');
}

/** Runs the built static/<rel> as a CommonJS module under Node: its module.exports. */
function load(rel) {
  const module = { exports: {} };
  // The theme's scripts are classic scripts; this runs one in its own function scope, like a
  // file that `require` would load.
  new Function('module', 'exports', 'require', source(rel))(module, module.exports, require);
  return module.exports;
}

module.exports = { source, load };
