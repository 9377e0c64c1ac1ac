'use strict';
// Run by tests/vectors.rs (random_text_gives_the_same_terms_on_both_sides): reads the JSON
// file named on the command line, [{ stemmer, stop: [..], text, terms: [..] }, ..] with the
// index's terms (src/search) of random multi-script texts, and checks that search.js built with
// each case's stemmer gives the same terms (tokenize, stop words, termsOf). Prints every
// disagreement and exits 1 if there is one.

const fs = require('node:fs');
const themeSource = require('./theme-source');

const cases = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const built = {};
const wrong = [];
for (const c of cases) {
  const s = built[c.stemmer] || (built[c.stemmer] = themeSource.load('js/search.js', { stemmer: c.stemmer }));
  const stop = new Set(c.stop);
  const got = s.tokenize(c.text).filter((w) => !stop.has(w)).flatMap((w) => s.termsOf(w));
  if (JSON.stringify(got) !== JSON.stringify(c.terms)) {
    wrong.push(`${c.stemmer} ${JSON.stringify(c.text)}: search.js ${JSON.stringify(got)}, index ${JSON.stringify(c.terms)}`);
  }
}
if (!cases.length) wrong.push('no cases');
console.log(`${cases.length} random texts, ${wrong.length} disagreement(s)`);
if (wrong.length) {
  console.log(wrong.slice(0, 40).join('\n'));
  process.exit(1);
}
