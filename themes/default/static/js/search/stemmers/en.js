/*
 * Search stemmer: Snowball English (Porter2), written for the theme (the index's: rust-stemmers
 * Algorithm::English; tests/vectors/text.json holds both to the same cases).
 */
var stem = (function () {
'use strict';
var VOWEL = /[aeiouy]/;
var EXC1 = {
  skis: 'ski', skies: 'sky', dying: 'die', lying: 'lie', tying: 'tie', idly: 'idl',
  gently: 'gentl', ugly: 'ugli', early: 'earli', only: 'onli', singly: 'singl',
  sky: 'sky', news: 'news', howe: 'howe', atlas: 'atlas', cosmos: 'cosmos', bias: 'bias',
  andes: 'andes'
};
var EXC2 = ['inning', 'outing', 'canning', 'herring', 'earring', 'proceed', 'exceed', 'succeed'];
var STEP2 = [
  ['ization', 'ize'], ['ational', 'ate'], ['fulness', 'ful'], ['ousness', 'ous'],
  ['iveness', 'ive'], ['tional', 'tion'], ['biliti', 'ble'], ['lessli', 'less'],
  ['entli', 'ent'], ['ation', 'ate'], ['alism', 'al'], ['aliti', 'al'], ['ousli', 'ous'],
  ['iviti', 'ive'], ['fulli', 'ful'], ['enci', 'ence'], ['anci', 'ance'], ['abli', 'able'],
  ['izer', 'ize'], ['ator', 'ate'], ['alli', 'al'], ['bli', 'ble'], ['ogi', 'og'], ['li', '']
];
var STEP3 = [
  ['ational', 'ate'], ['tional', 'tion'], ['alize', 'al'], ['icate', 'ic'], ['iciti', 'ic'],
  ['ative', ''], ['ical', 'ic'], ['ness', ''], ['ful', '']
];
var STEP4 = ['ement', 'ance', 'ence', 'able', 'ible', 'ment', 'ant', 'ent', 'ism', 'ate',
  'iti', 'ous', 'ive', 'ize', 'ion', 'al', 'er', 'ic'];

function isVowel(c) { return VOWEL.test(c); }

function regionAfter(w, start) {
  for (var i = start + 1; i < w.length; i++) {
    if (!isVowel(w[i]) && isVowel(w[i - 1])) return i + 1;
  }
  return w.length;
}

function shortSyllableAt(w, end) {
  // Whether w[0..end) ends in a short syllable.
  if (end === 2) return isVowel(w[0]) && !isVowel(w[1]);
  if (end < 2) return false;
  var a = w[end - 3], b = w[end - 2], c = w[end - 1];
  return !isVowel(a) && isVowel(b) && !isVowel(c) && c !== 'w' && c !== 'x' && c !== 'Y';
}

function endsWithAny(w, list) {
  var best = null;
  for (var i = 0; i < list.length; i++) {
    var s = typeof list[i] === 'string' ? list[i] : list[i][0];
    if (w.length >= s.length && w.slice(w.length - s.length) === s && (!best || s.length > best.s.length)) {
      best = { s: s, i: i };
    }
  }
  return best;
}

function stem(word) {
  var w = String(word);
  if (w.length <= 2) return w;
  if (w[0] === "'") w = w.slice(1);
  if (Object.prototype.hasOwnProperty.call(EXC1, w)) return EXC1[w];
  if (w[0] === 'y') w = 'Y' + w.slice(1);
  for (var i = 1; i < w.length; i++) {
    if (w[i] === 'y' && isVowel(w[i - 1])) w = w.slice(0, i) + 'Y' + w.slice(i + 1);
  }
  var r1;
  var m = /^(gener|commun|arsen)/.exec(w);
  r1 = m ? m[1].length : regionAfter(w, 0);
  var r2 = regionAfter(w, r1);
  if (r2 < r1) r2 = r1;
  // Step 0
  var s0 = endsWithAny(w, ["'s'", "'s", "'"]);
  if (s0) w = w.slice(0, w.length - s0.s.length);
  // Step 1a
  var s1 = endsWithAny(w, ['sses', 'ied', 'ies', 'us', 'ss', 's']);
  if (s1) {
    var pre = w.slice(0, w.length - s1.s.length);
    if (s1.s === 'sses') w = pre + 'ss';
    else if (s1.s === 'ied' || s1.s === 'ies') w = pre + (pre.length > 1 ? 'i' : 'ie');
    else if (s1.s === 's') {
      if (VOWEL.test(pre.slice(0, -1))) w = pre;
    }
  }
  if (EXC2.indexOf(w) >= 0) return w;
  // Step 1b
  var s1b = endsWithAny(w, ['eedly', 'ingly', 'edly', 'eed', 'ing', 'ed']);
  if (s1b) {
    var p = w.slice(0, w.length - s1b.s.length);
    if (s1b.s === 'eed' || s1b.s === 'eedly') {
      if (w.length - s1b.s.length >= r1) w = p + 'ee';
    } else if (VOWEL.test(p)) {
      w = p;
      if (/(at|bl|iz)$/.test(w)) w += 'e';
      else if (/(bb|dd|ff|gg|mm|nn|pp|rr|tt)$/.test(w)) w = w.slice(0, -1);
      else if (r1 >= w.length && shortSyllableAt(w, w.length)) w += 'e';
    }
  }
  // Step 1c
  if (w.length > 2 && /[yY]$/.test(w) && !isVowel(w[w.length - 2])) w = w.slice(0, -1) + 'i';
  // Step 2
  var s2 = endsWithAny(w, STEP2);
  if (s2 && w.length - s2.s.length >= r1) {
    var b2 = w.slice(0, w.length - s2.s.length);
    if (s2.s === 'ogi') { if (/l$/.test(b2)) w = b2 + 'og'; }
    else if (s2.s === 'li') { if (/[cdeghkmnrt]$/.test(b2)) w = b2; }
    else w = b2 + STEP2[s2.i][1];
  }
  // Step 3
  var s3 = endsWithAny(w, STEP3);
  if (s3 && w.length - s3.s.length >= r1) {
    if (s3.s !== 'ative' || w.length - s3.s.length >= r2) w = w.slice(0, w.length - s3.s.length) + STEP3[s3.i][1];
  }
  // Step 4
  var s4 = endsWithAny(w, STEP4);
  if (s4 && w.length - s4.s.length >= r2) {
    var b4 = w.slice(0, w.length - s4.s.length);
    if (s4.s !== 'ion' || /[st]$/.test(b4)) w = b4;
  }
  // Step 5
  if (/e$/.test(w)) {
    var at = w.length - 1;
    if (at >= r2 || (at >= r1 && !shortSyllableAt(w, at))) w = w.slice(0, -1);
  } else if (/ll$/.test(w) && w.length - 1 >= r2) {
    w = w.slice(0, -1);
  }
  return w.replace(/Y/g, 'y');
}

return stem;
})();
