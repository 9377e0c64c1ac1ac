'use strict';
// The default theme's scripts as the build writes them, for tests that load them in Node
// without a built site: `//= include PATH` lines are replaced by themes/default/static/PATH,
// the rule of src/theme/bundle.rs (tests/theme_scripts.rs checks the Rust side; a script whose
// includes this file expanded differently would fail the tests that load it).

const fs = require('node:fs');
const path = require('node:path');

const STATIC = path.resolve(__dirname, '..', '..', 'themes', 'default', 'static');
const DIRECTIVE = /^[ \t]*\/\/= include (.+?)\s*$/;

// The build variables of a directive's path ({stemmer}: the search stemmer, from the
// handbook's language; English unless a test says otherwise).
const DEFAULT_VARS = { stemmer: 'en' };

/** The parts an include names: the file, or for a `*` in the file name (`js/x/types/*.js`)
 * every matching file of that folder, in name order. */
function matching(target) {
  const slash = target.lastIndexOf('/');
  const folder = target.slice(0, slash + 1);
  const pattern = target.slice(slash + 1);
  const star = pattern.indexOf('*');
  if (star < 0) return [target];
  const before = pattern.slice(0, star);
  const after = pattern.slice(star + 1);
  const found = fs.readdirSync(path.join(STATIC, folder), { withFileTypes: true })
    .filter((d) => d.isFile() && d.name.length >= before.length + after.length
      && d.name.startsWith(before) && d.name.endsWith(after))
    .map((d) => folder + d.name)
    .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  if (!found.length) throw new Error(`include ${target}: no file matches`);
  return found;
}

/** The text of static/<rel> (e.g. 'js/srs.js') with its includes expanded. */
function source(rel, vars = DEFAULT_VARS, stack = []) {
  if (stack.includes(rel)) throw new Error(`include loop: ${[...stack, rel].join(' -> ')}`);
  const text = fs.readFileSync(path.join(STATIC, rel), 'utf8');
  return text.split(/(?<=\n)/).map((line) => {
    const m = DIRECTIVE.exec(line);
    if (!m) return line;
    const target = m[1].replace(/\{(\w+)\}/g, (_, name) => {
      if (!(name in vars)) throw new Error(`${rel}: unknown build variable {${name}}`);
      return vars[name];
    });
    return matching(target).map((part) => source(part, vars, [...stack, rel])).join('');
  }).join('');
}

/** Runs the built static/<rel> as a CommonJS module under Node: its module.exports. */
function load(rel, vars = DEFAULT_VARS) {
  const module = { exports: {} };
  // The theme's scripts are classic scripts; this runs one in its own function scope, like a
  // file that `require` would load.
  new Function('module', 'exports', 'require', source(rel, vars))(module, module.exports, require);
  return module.exports;
}

module.exports = { source, load };
