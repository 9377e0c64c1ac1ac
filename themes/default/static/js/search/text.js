/*
 * Search text rules, the same as the index's (src/search/tokenize.rs, fold.rs; held to the
 * same cases by tests/vectors/): words, CJK bigrams, accent folding and the index terms of a
 * word. Uses stem() from the stemmer part included before it.
 */

// A word is a run of alphabetic characters, numbers and combining marks (is_word_char): a
// Devanagari vowel sign or virama stays inside its word.
var NOT_WORD = /[^\p{Alphabetic}\p{M}\p{N}]+/u;
// Chinese and Japanese characters (is_cjk): a run of them is indexed as overlapping bigrams.
var CJK = /[\u3005-\u3007\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f\u{20000}-\u{3134f}]/u;

function isCjk(ch) { return CJK.test(ch); }

// Pushes the terms of one CJK run: its overlapping bigrams (one character alone stays one).
function pushBigrams(run, out) {
  if (run.length === 1) out.push(run[0]);
  for (var i = 0; i + 1 < run.length; i++) out.push(run[i] + run[i + 1]);
}

// Splits `text` into words and lower-cases each (word by word, as the index does: a final
// sigma is final at the end of its word, whatever follows); a run of CJK characters inside a
// word gives its bigrams instead.
function tokenize(text) {
  var out = [];
  var words = [];
  String(text).split(NOT_WORD).forEach(function (w) {
    // Lower-casing may change the classes (İ -> i + combining dot): split again.
    if (w) words.push.apply(words, w.toLowerCase().split(NOT_WORD));
  });
  words.forEach(function (w) {
    if (!w) return;
    if (!CJK.test(w)) { out.push(w); return; }
    var run = [], other = '';
    Array.from(w).forEach(function (ch) {
      if (isCjk(ch)) {
        if (other) { out.push(other); other = ''; }
        run.push(ch);
      } else {
        if (run.length) { pushBigrams(run, out); run = []; }
        other += ch;
      }
    });
    if (other) out.push(other);
    if (run.length) pushBigrams(run, out);
  });
  return out;
}

// Accent folding: the word decomposed (NFD), without the combining marks U+0300-U+036F
// (acute, grave, circumflex, diaeresis, tilde, cedilla, tonos, ...), recomposed (NFC). The
// breve after a Cyrillic letter stays (й is a letter of its own; ё folds to е). Marks of other
// blocks (Devanagari vowel signs, Arabic harakat) stay: they are part of the word.
function fold(word) {
  var d = String(word).normalize('NFD');
  if (!/[\u0300-\u036f]/.test(d)) return d.normalize('NFC');
  var out = '', base = '';
  Array.from(d).forEach(function (ch) {
    var c = ch.charCodeAt(0);
    if (c >= 0x300 && c <= 0x36f) {
      if (c === 0x306 && /[\u0400-\u04ff]/.test(base)) out += ch;
      return;
    }
    base = ch;
    out += ch;
  });
  return out.normalize('NFC');
}

// The index terms of a word (lower-case, not a stop word): its stem, and the stem of its
// folded form where that differs ("validación" gives "valid" and "validacion").
function termsOf(word) {
  var w = String(word).normalize('NFC');
  var a = stem(w), f = fold(w);
  if (f === w) return [a];
  var b = stem(f);
  return b === a ? [a] : [a, b];
}
