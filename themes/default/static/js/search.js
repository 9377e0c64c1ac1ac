/*
 * handbook default theme: search.js (classic script, deferred; issue 7).
 *
 * The header button (partials/search.html, data-root = relative path to the site root) opens a
 * modal <dialog>. The index, search-index.js (window.HANDBOOK_SEARCH), is loaded on first open
 * by a <script> element, so search works from file://. Large sites split the terms into
 * search/index-XX.js shards (window.HANDBOOK_SEARCH_SHARD), loaded when a query needs them.
 * Query words get the index's tokenising, stop words and the Snowball English (Porter2)
 * stemmer below (kept in step with rust-stemmers by a test in src/search.rs); the last word
 * also matches as a prefix while typing, words of 5+ letters tolerate one typo.
 * Ranking: the index's weights (title > heading > body). No innerHTML of data.
 */
(function () {
  'use strict';

  // ------------------------------------------------------------------ Porter2 stemmer
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

  function tokenize(text) {
    return String(text).toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }

  if (typeof module !== 'undefined' && module.exports) {
    module.exports = { stem: stem, tokenize: tokenize };
  }
  if (typeof document === 'undefined') return;

  // ------------------------------------------------------------------ index
  var button = document.querySelector('[data-search-open]');
  if (!button) return;
  var root = button.getAttribute('data-root') || '';
  var index = null; // window.HANDBOOK_SEARCH
  var stop = {};
  var shardState = {}; // key -> 'loading' | 'done'
  var terms = {}; // merged dictionary
  var termList = null;
  var loading = false;

  window.HANDBOOK_SEARCH_SHARD = function (key, t) {
    for (var k in t) if (Object.prototype.hasOwnProperty.call(t, k)) terms[k] = t[k];
    shardState[key] = 'done';
    termList = null;
    run();
  };

  function addScript(src, onerror) {
    var s = document.createElement('script');
    s.src = src;
    s.async = true;
    if (onerror) s.onerror = onerror;
    document.head.appendChild(s);
  }

  function loadIndex() {
    if (index || loading) return;
    loading = true;
    status('Loading the search index…');
    addScript(root + 'search-index.js', function () {
      loading = false;
      status('The search index could not be loaded.');
    });
    var s = document.head.lastChild;
    s.onload = function () {
      loading = false;
      index = window.HANDBOOK_SEARCH || null;
      if (!index) return;
      (index.stop || []).forEach(function (w) { stop[w] = true; });
      if (index.terms) terms = index.terms;
      termList = null;
      run();
    };
  }

  function shardKey(term) {
    var c = term.charCodeAt(0);
    if (c > 127) c = unescape(encodeURIComponent(term[0])).charCodeAt(0);
    return (c < 16 ? '0' : '') + c.toString(16);
  }

  // Loads the shards `words` need; returns whether all of them are there.
  function needShards(words) {
    if (!index || !index.shards || !index.shards.length) return true;
    var ready = true;
    words.forEach(function (w) {
      var key = shardKey(w);
      if (index.shards.indexOf(key) < 0 || shardState[key] === 'done') return;
      ready = false;
      if (!shardState[key]) {
        shardState[key] = 'loading';
        addScript(root + 'search/index-' + key + '.js');
      }
    });
    return ready;
  }

  function allTerms() {
    if (!termList) termList = Object.keys(terms);
    return termList;
  }

  var ALPHA = 'abcdefghijklmnopqrstuvwxyz';
  // Stems of every word one edit away from `w` that are in the dictionary.
  function typoTerms(w) {
    var out = {};
    var add = function (c) {
      var s = stem(c);
      if (Object.prototype.hasOwnProperty.call(terms, s)) out[s] = true;
    };
    for (var i = 0; i <= w.length; i++) {
      for (var j = 0; j < ALPHA.length; j++) {
        add(w.slice(0, i) + ALPHA[j] + w.slice(i));
        if (i < w.length) add(w.slice(0, i) + ALPHA[j] + w.slice(i + 1));
      }
      if (i < w.length) add(w.slice(0, i) + w.slice(i + 1));
      if (i < w.length - 1) add(w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2));
    }
    var st = stem(w);
    allTerms().forEach(function (t) { if (editOne(st, t)) out[t] = true; });
    return Object.keys(out);
  }

  function editOne(a, b) {
    if (a === b) return false;
    var la = a.length, lb = b.length;
    if (Math.abs(la - lb) > 1) return false;
    var i = 0;
    while (i < la && i < lb && a[i] === b[i]) i++;
    if (la === lb) return a.slice(i + 1) === b.slice(i + 1) ||
      (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
    return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  // Query words: { raw, stem, prefix }.
  function parse(q) {
    var words = tokenize(q).filter(function (w) { return !stop[w]; });
    var typing = !/[^\p{L}\p{N}]$/u.test(q);
    return words.map(function (w, i) {
      return { raw: w, stem: stem(w), prefix: typing && i === words.length - 1 };
    });
  }

  // term -> factor for one query word.
  function matches(word) {
    var out = {};
    if (Object.prototype.hasOwnProperty.call(terms, word.stem)) out[word.stem] = 1;
    if (Object.prototype.hasOwnProperty.call(terms, word.raw) && !out[word.raw]) out[word.raw] = 1;
    if (word.prefix) {
      allTerms().forEach(function (t) {
        if (!out[t] && (t.indexOf(word.raw) === 0 || t.indexOf(word.stem) === 0)) out[t] = 0.7;
      });
    }
    if (word.raw.length >= 5 && !Object.keys(out).length) {
      typoTerms(word.raw).forEach(function (t) { if (!out[t]) out[t] = 0.5; });
    }
    return out;
  }

  function search(q) {
    var words = parse(q);
    if (!words.length) return { words: words, hits: [] };
    var scores = null;
    var matched = [];
    words.forEach(function (word) {
      var m = matches(word);
      var s = {};
      Object.keys(m).forEach(function (t) {
        matched.push(t);
        var post = terms[t];
        for (var i = 0; i + 1 < post.length; i += 2) {
          var v = post[i + 1] * m[t];
          if (!(s[post[i]] >= v)) s[post[i]] = v;
        }
      });
      if (scores === null) scores = s;
      else {
        var next = {};
        Object.keys(scores).forEach(function (d) { if (d in s) next[d] = scores[d] + s[d]; });
        scores = next;
      }
    });
    var hits = Object.keys(scores).map(Number);
    hits.sort(function (a, b) { return scores[b] - scores[a] || a - b; });
    return { words: words, matched: matched, hits: hits.slice(0, 50) };
  }

  // ------------------------------------------------------------------ dialog
  var dialog, input, list, statusEl, lastQuery = null, timer = null;

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs) if (Object.prototype.hasOwnProperty.call(attrs, k)) e.setAttribute(k, attrs[k]);
    if (text != null) e.textContent = text;
    return e;
  }

  function build() {
    dialog = el('dialog', { class: 'search-dialog', 'aria-labelledby': 'hb-search-label' });
    var form = el('div', { class: 'search-panel' });
    var bar = el('div', { class: 'search-bar' });
    var label = el('label', { for: 'hb-search-input', id: 'hb-search-label', class: 'search-label' }, 'Search the handbook');
    input = el('input', {
      type: 'search', id: 'hb-search-input', class: 'search-input', autocomplete: 'off',
      spellcheck: 'false', 'aria-describedby': 'hb-search-help', 'aria-controls': 'hb-search-results'
    });
    var close = el('button', { type: 'button', class: 'search-close' }, 'Close');
    var help = el('p', { id: 'hb-search-help', class: 'search-help' },
      'Results appear as you type. Use the arrow keys to move through them and Enter to open one.');
    statusEl = el('p', { class: 'search-status', role: 'status', 'aria-live': 'polite' });
    list = el('ul', { id: 'hb-search-results', class: 'search-results', 'aria-label': 'Search results' });
    bar.appendChild(input);
    bar.appendChild(close);
    form.appendChild(label);
    form.appendChild(bar);
    form.appendChild(help);
    form.appendChild(statusEl);
    form.appendChild(list);
    dialog.appendChild(form);
    document.body.appendChild(dialog);

    close.addEventListener('click', closeDialog);
    dialog.addEventListener('close', function () { button.focus(); });
    dialog.addEventListener('click', function (e) { if (e.target === dialog) closeDialog(); });
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(run, 60);
    });
    dialog.addEventListener('keydown', onKey);
  }

  function links() { return Array.prototype.slice.call(list.querySelectorAll('a')); }

  function onKey(e) {
    if (e.key === 'Escape') { e.preventDefault(); closeDialog(); return; }
    var all = links();
    var at = all.indexOf(document.activeElement);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!all.length) return;
      e.preventDefault();
      var down = e.key === 'ArrowDown';
      if (at < 0) (down ? all[0] : all[all.length - 1]).focus();
      else if (!down && at === 0) input.focus();
      else all[Math.min(all.length - 1, at + (down ? 1 : -1))].focus();
    } else if (e.key === 'Enter' && document.activeElement === input && all.length) {
      e.preventDefault();
      all[0].click();
    } else if (e.key === 'Tab') {
      // Keep focus inside the dialog (showModal makes the page inert; this also covers the
      // browser's own controls).
      var f = [input].concat(Array.prototype.slice.call(dialog.querySelectorAll('button, a[href]')));
      var i = f.indexOf(document.activeElement);
      if (e.shiftKey && i === 0) { e.preventDefault(); f[f.length - 1].focus(); }
      else if (!e.shiftKey && i === f.length - 1) { e.preventDefault(); f[0].focus(); }
    }
  }

  function openDialog() {
    if (!dialog) build();
    if (dialog.open) return;
    dialog.showModal();
    input.focus();
    input.select();
    loadIndex();
  }

  function closeDialog() {
    if (dialog && dialog.open) dialog.close();
  }

  function status(text) {
    if (statusEl && statusEl.textContent !== text) statusEl.textContent = text;
  }

  function highlight(parent, text, stems) {
    var re = /[\p{L}\p{N}]+/gu, last = 0, m;
    while ((m = re.exec(text))) {
      var w = m[0].toLowerCase();
      if (!stop[w] && stems[stem(w)]) {
        if (m.index > last) parent.appendChild(document.createTextNode(text.slice(last, m.index)));
        parent.appendChild(el('mark', {}, m[0]));
        last = m.index + m[0].length;
      }
    }
    if (last < text.length) parent.appendChild(document.createTextNode(text.slice(last)));
  }

  function run() {
    if (!dialog || !dialog.open) return;
    var q = input.value;
    if (!index) { if (q.trim()) status('Loading the search index…'); return; }
    var words = parse(q);
    if (!needShards(words.map(function (w) { return w.raw; }))) { status('Searching…'); return; }
    var key = q + '\u0000' + allTerms().length;
    if (key === lastQuery) return;
    lastQuery = key;
    while (list.firstChild) list.removeChild(list.firstChild);
    if (!words.length) { status(q.trim() ? 'Type a longer word to search.' : ''); return; }
    var r = search(q);
    var stems = {};
    (r.matched || []).forEach(function (t) { stems[t] = true; });
    r.hits.forEach(function (d) {
      var doc = index.docs[d]; // [url, title, id, heading, snippet]
      var li = el('li', { class: 'search-result' });
      var a = el('a', { href: root + doc[0] + (doc[2] ? '#' + doc[2] : '') });
      var title = el('span', { class: 'search-result-title' });
      highlight(title, doc[1], stems);
      a.appendChild(title);
      if (doc[3]) {
        var h = el('span', { class: 'search-result-heading' });
        highlight(h, doc[3], stems);
        a.appendChild(h);
      }
      if (doc[4]) {
        var p = el('span', { class: 'search-result-snippet' });
        highlight(p, doc[4], stems);
        a.appendChild(p);
      }
      li.appendChild(a);
      list.appendChild(li);
    });
    var n = r.hits.length;
    status(n === 0 ? 'No results for “' + q.trim() + '”.' : n === 1 ? '1 result.' : (n >= 50 ? 'More than 50 results; the first 50 are shown.' : n + ' results.'));
  }

  function inTextField(t) {
    if (!t || t === document.body) return false;
    if (t.isContentEditable) return true;
    var tag = t.tagName;
    if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
    if (tag !== 'INPUT') return false;
    return !/^(button|checkbox|radio|submit|reset|image|file|range|color)$/i.test(t.type);
  }

  button.hidden = false;
  button.addEventListener('click', openDialog);
  document.addEventListener('keydown', function (e) {
    if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
    if (dialog && dialog.open) return;
    if (inTextField(e.target) || inTextField(document.activeElement)) return;
    e.preventDefault();
    openDialog();
  });
})();
