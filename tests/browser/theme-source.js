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

/** The English catalogue (themes/default/i18n/en.toml) as the build writes it into i18n.js:
 * { "section.key": "text" or { one, other } }. Reads the catalogue's simple shape only: tables,
 * `key = "text"` and `key = { one = "...", other = "..." }` on one line. */
function englishStrings() {
  return catalogueStrings('en');
}

/** A shipped catalogue (themes/default/i18n/LANG.toml) read the same way, alone (no English
 * fallback). */
function catalogueStrings(lang) {
  const file = path.resolve(STATIC, '..', 'i18n', `${lang}.toml`);
  const strings = {};
  let section = '';
  for (const raw of fs.readFileSync(file, 'utf8').split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const table = /^\[([a-z_]+)\]$/.exec(line);
    if (table) {
      section = table[1];
      continue;
    }
    const m = /^([a-z_0-9]+) = (.*)$/.exec(line);
    if (!m) throw new Error(`${lang}.toml: cannot read ${JSON.stringify(line)}`);
    const key = `${section}.${m[1]}`;
    if (m[2].startsWith('{')) {
      const forms = {};
      for (const f of m[2].matchAll(/([a-z]+) = ("(?:[^"\\]|\\.)*")/g)) forms[f[1]] = JSON.parse(f[2]);
      strings[key] = forms;
    } else {
      strings[key] = JSON.parse(m[2]);
    }
  }
  return strings;
}

/** The page's `window` as the English build gives it: only HANDBOOK_I18N (i18n.js). */
function englishWindow() {
  return { HANDBOOK_I18N: { lang: 'en', dir: 'ltr', decimal: '.', thousands: ',', strings: englishStrings() } };
}

/** Runs the built static/<rel> as a CommonJS module under Node: its module.exports. With
 * `withWindow` (e.g. englishWindow()), the script sees that as `window`, so its interface
 * strings read as in a page; without, `window` is undefined and `t()` gives the keys. */
function load(rel, vars = DEFAULT_VARS, withWindow = null) {
  const module = { exports: {} };
  // The theme's scripts are classic scripts; this runs one in its own function scope, like a
  // file that `require` would load.
  if (withWindow) {
    new Function('module', 'exports', 'require', 'window', source(rel, vars))(module, module.exports, require, withWindow);
  } else {
    new Function('module', 'exports', 'require', source(rel, vars))(module, module.exports, require);
  }
  return module.exports;
}

module.exports = { source, load, englishStrings, catalogueStrings, englishWindow, DEFAULT_VARS };
