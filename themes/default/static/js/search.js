/*
 * handbook default theme: search.js (classic script, deferred; issue 7).
 *
 * The header button (partials/search.html, data-root = relative path to the site root) opens a
 * modal <dialog>. The index, search-index.js (window.HANDBOOK_SEARCH), is loaded on first open
 * by a <script> element, so search works from file://. Large sites split the index into
 * shards (window.HANDBOOK_SEARCH_SHARD), loaded when a query needs them: terms by prefix
 * (search/t-HEX.js), the document table (search/d-N.js) and the stem list for typo lookups
 * (search/terms.js); every file is loaded with ?v=<build id> (data-version on the button).
 * Query words get the index's tokenising, accent folding and stop words (js/search/text.js)
 * and the Snowball stemmer of the handbook's language (js/search/stemmers/NAME.js, picked at
 * build time; held to the same cases as src/search and rust-stemmers by tests/vectors/);
 * the last word also matches as a prefix while typing, words of 5+ letters tolerate one typo.
 * Ranking: the index's weights (title > heading > body). No innerHTML of data.
 */
(function () {
  'use strict';

//= include js/search/stemmers/{stemmer}.js
//= include js/search/text.js

  if (typeof module !== 'undefined' && module.exports) {
    module.exports = { stem: stem, tokenize: tokenize, fold: fold, termsOf: termsOf, isCjk: isCjk };
  }
  if (typeof document === 'undefined') return;

  // ------------------------------------------------------------------ index
  var button = document.querySelector('[data-search-open]');
  if (!button) return;
  var root = button.getAttribute('data-root') || '';
  // Every index file carries the build id: shards of two builds must never be combined from a cache.
  var version = button.getAttribute('data-version');
  var suffix = version ? '?v=' + encodeURIComponent(version) : '';
  var PAGE = 20; // results rendered at a time ("Show more results" adds as many)
  var index = null; // window.HANDBOOK_SEARCH
  var stop = dictOf();
  var keys = null; // sorted term shard keys (sharded index), else null
  var keySet = dictOf();
  var maxKey = 0;
  var files = dictOf(); // script path -> 'loading' | 'done' | 'error'
  var terms = dictOf(); // stem -> encoded postings, from the loaded shards
  var shardTerms = dictOf(); // shard key -> its stems ('' holds every stem of a one-file index)
  var decoded = dictOf(); // stem -> { d: Int32Array, w: Uint8Array }
  var dict = null; // every stem (for typos): a one-file index's terms, or search/terms.js
  var dictSet = null;
  var docs = []; // doc number -> [url, title, id, heading, snippet]
  var gen = 0; // bumped when term data arrives (cached results are stale)
  var failed = false;
  var has = Object.prototype.hasOwnProperty;

  // A map with no inherited keys (a word like "constructor" must not look indexed).
  function dictOf() { return Object.create(null); }

  function addTerms(key, t) {
    var list = [];
    for (var k in t) if (has.call(t, k)) { terms[k] = t[k]; list.push(k); }
    shardTerms[key] = list;
    gen++;
  }

  function addDocs(first, pages) {
    var n = first;
    for (var i = 0; i < pages.length; i++) {
      var p = pages[i];
      for (var j = 0; j < p[2].length; j++) {
        var s = p[2][j];
        docs[n++] = [p[0], p[1], s[0], s[1], s[2]];
      }
    }
  }

  function setDict(list) {
    dict = list;
    dictSet = dictOf();
    for (var i = 0; i < list.length; i++) dictSet[list[i]] = true;
    gen++;
  }

  window.HANDBOOK_SEARCH_SHARD = function (kind, key, data) {
    if (!index) return;
    if (kind === 't') { addTerms(key, data); files['search/t-' + hex(key) + '.js'] = 'done'; }
    else if (kind === 'd') { addDocs(key * index.chunk, data); files['search/d-' + key + '.js'] = 'done'; }
    else if (kind === 'w') { setDict(data ? data.split(' ') : []); files['search/terms.js'] = 'done'; }
  };

  // Loads `path` (relative to the site root) by a <script> element; `then` runs once it ran.
  function load(path, then) {
    var s = document.createElement('script');
    s.src = root + path + suffix;
    s.async = true;
    s.onload = function () {
      if (files[path] === 'loading') files[path] = 'error';
      if (then) then();
      run();
    };
    s.onerror = function () { files[path] = 'error'; failed = true; run(); };
    files[path] = 'loading';
    document.head.appendChild(s);
  }

  function loadIndex() {
    if (index || files['search-index.js']) return;
    status(t('search.loading'));
    load('search-index.js', function () {
      var ix = window.HANDBOOK_SEARCH;
      if (!ix || ix.v !== 2) { files['search-index.js'] = 'error'; failed = true; return; }
      files['search-index.js'] = 'done';
      index = ix;
      (ix.stop || []).forEach(function (w) { stop[w] = true; });
      if (ix.keys) {
        keys = ix.keys;
        keys.forEach(function (k) { keySet[k] = true; maxKey = Math.max(maxKey, chars(k).length); });
      } else {
        addTerms('', ix.terms || {});
        setDict(shardTerms['']);
        addDocs(0, ix.docs || []);
      }
    });
  }

  var dry = false; // run(true): find out whether a query can run now, loading nothing

  // Whether every file of `paths` has arrived (or failed); starts loading the others.
  function ensure(paths) {
    var ready = true;
    for (var i = 0; i < paths.length; i++) {
      var p = paths[i];
      if (!p || files[p] === 'done' || files[p] === 'error') continue;
      ready = false;
      if (!files[p] && !dry) load(p);
    }
    return ready;
  }

  function chars(s) { return Array.from(s); }

  function hex(s) {
    var b = unescape(encodeURIComponent(s)), out = '';
    for (var i = 0; i < b.length; i++) out += (b.charCodeAt(i) < 16 ? '0' : '') + b.charCodeAt(i).toString(16);
    return out;
  }

  // The shard key of a stem: the longest key that starts it (null: none, or a one-file index).
  function keyOf(t) {
    if (!keys) return null;
    var c = chars(t);
    for (var n = Math.min(c.length, maxKey); n > 0; n--) {
      var k = c.slice(0, n).join('');
      if (keySet[k]) return k;
    }
    return null;
  }

  function shardFile(k) { return k === null || !keys ? null : 'search/t-' + hex(k) + '.js'; }

  // The keys of the shards holding every stem that starts with `p`.
  function keysUnder(p) {
    if (!keys) return [''];
    var out = [];
    var own = keyOf(p);
    if (own !== null) out.push(own);
    for (var i = 0; i < keys.length; i++) if (keys[i].indexOf(p) === 0 && keys[i] !== own) out.push(keys[i]);
    return out;
  }

  var DIGIT = new Int8Array(128);
  '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_'.split('').forEach(function (c, i) {
    DIGIT[c.charCodeAt(0)] = i;
  });

  // The postings of a stem (see encode_postings in src/search.rs): docs and weights.
  function postings(t) {
    if (decoded[t]) return decoded[t];
    var s = terms[t] || '', n = 0, i;
    for (i = 0; i < s.length; i++) if (DIGIT[s.charCodeAt(i)] < 32) n++;
    var d = new Int32Array(n), w = new Uint8Array(n);
    var v = 0, mul = 1, prev = -1, j = 0;
    for (i = 0; i < s.length; i++) {
      var x = DIGIT[s.charCodeAt(i)];
      v += (x & 31) * mul;
      if (x < 32) {
        prev = prev + 1 + Math.floor(v / 32);
        d[j] = prev;
        w[j++] = v % 32;
        v = 0;
        mul = 1;
      } else {
        mul *= 32;
      }
    }
    return (decoded[t] = { d: d, w: w });
  }

  var ALPHA = 'abcdefghijklmnopqrstuvwxyz';
  // Stems one edit away from `w` (a query word) that are in the dictionary.
  function typoTerms(w) {
    var out = dictOf();
    var add = function (c) {
      var s = stem(c);
      if (dictSet[s]) out[s] = true;
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
    dict.forEach(function (t) { if (editOne(st, t)) out[t] = true; });
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

  // Query words: { raw, forms: [{ raw, stem }, ..], prefix }. A word's forms are the word as
  // typed and, where different, folded (the index holds both stems of a word with accents,
  // termsOf in text.js). One Chinese or Japanese character always matches as a prefix (the
  // index holds bigrams).
  function parse(q) {
    var words = tokenize(q).filter(function (w) { return !stop[w]; });
    var typing = !/[^\p{Alphabetic}\p{M}\p{N}]$/u.test(q);
    return words.map(function (w, i) {
      var raw = w.normalize('NFC'), f = fold(raw);
      var forms = [{ raw: raw, stem: stem(raw) }];
      if (f !== raw) forms.push({ raw: f, stem: stem(f) });
      var one = chars(raw).length === 1 && isCjk(raw);
      return { raw: raw, forms: forms, prefix: one || (typing && i === words.length - 1) };
    });
  }

  // term -> factor for one query word (the best over its forms), or null while the shards it
  // needs are loading. A word of five letters or more with no match tolerates one typo (0.5).
  function matches(word) {
    var out = dictOf(), ready = true;
    word.forms.forEach(function (form) {
      if (!matchForm(form, word.prefix, out)) ready = false;
    });
    if (!ready) return null;
    var raw = word.forms[word.forms.length - 1].raw;
    if (raw.length >= 5 && !Object.keys(out).length) {
      if (!dict && !ensure(['search/terms.js'])) return null;
      if (!dict) return out;
      var typos = typoTerms(raw);
      if (!ensure(typos.map(function (t) { return shardFile(keyOf(t)); }))) return null;
      typos.forEach(function (t) { if (!out[t] && has.call(terms, t)) out[t] = 0.5; });
    }
    return out;
  }

  function put(out, t, f) { if (!(out[t] >= f)) out[t] = f; }

  // Adds the terms one form of a word matches to `out` (false while the shards it needs are
  // loading). Exact stems count 1; while typing, the last word of three letters or more also
  // matches as a prefix, and the stems it starts with (0.7).
  function matchForm(form, prefixing, out) {
    var c = chars(form.raw);
    var prefix = prefixing && (c.length >= 3 || isCjk(form.raw));
    var need = [keyOf(form.stem), keyOf(form.raw)];
    // A word being typed also matches the stems it starts with, down to 4 letters and at most
    // 4 fewer than typed ("validati" finds "valid" on its way to "validation").
    var starts = [];
    if (prefix) {
      need = need.concat(keysUnder(form.raw));
      if (chars(form.stem).length >= 3) need = need.concat(keysUnder(form.stem));
      for (var n = Math.max(4, c.length - 4); n < c.length; n++) starts.push(c.slice(0, n).join(''));
      need = need.concat(starts.map(keyOf));
    }
    if (!ensure(need.map(shardFile))) return false;
    if (has.call(terms, form.stem)) put(out, form.stem, 1);
    if (has.call(terms, form.raw)) put(out, form.raw, 1);
    starts.forEach(function (t) { if (has.call(terms, t)) put(out, t, 0.7); });
    if (prefix) {
      var st = chars(form.stem).length >= 3 ? form.stem : form.raw;
      need.forEach(function (k) {
        (shardTerms[k] || []).forEach(function (t) {
          if (t.indexOf(form.raw) === 0 || t.indexOf(st) === 0) put(out, t, 0.7);
        });
      });
    }
    return true;
  }

  // { hits: doc numbers best first, matched: stems } or null while shards are loading. Every
  // word must match; a doc's score is the sum over words of its best weight * factor.
  function search(words) {
    var all = words.map(matches);
    if (all.indexOf(null) >= 0) return null;
    var acc = null, list = [], matched = [];
    for (var i = 0; i < words.length; i++) {
      var m = all[i], cur = new Float64Array(index.count), seen = [];
      for (var t in m) {
        if (!has.call(m, t)) continue;
        matched.push(t);
        var p = postings(t), f = m[t];
        for (var j = 0; j < p.d.length; j++) {
          var d = p.d[j], v = p.w[j] * f;
          if (cur[d] === 0) seen.push(d);
          if (v > cur[d]) cur[d] = v;
        }
      }
      if (acc === null) { acc = cur; list = seen; }
      else {
        var next = [];
        for (var k = 0; k < list.length; k++) if (cur[list[k]] > 0) { acc[list[k]] += cur[list[k]]; next.push(list[k]); }
        list = next;
      }
    }
    list.sort(function (a, b) { return acc[b] - acc[a] || a - b; });
    return { hits: list, matched: matched };
  }

  // Whether the docs of `hits` are there; starts loading their shards.
  function ensureDocs(hits) {
    if (!keys) return true;
    var need = [];
    hits.forEach(function (d) { if (!docs[d]) need.push('search/d-' + Math.floor(d / index.chunk) + '.js'); });
    return ensure(need);
  }

  // ------------------------------------------------------------------ dialog
  var dialog, input, list, more, statusEl, timer = null;

//= include js/shared/dom.js
//= include js/shared/i18n.js

  function build() {
    dialog = el('dialog', { class: 'search-dialog', 'aria-labelledby': 'hb-search-label' });
    var form = el('div', { class: 'search-panel' });
    var bar = el('div', { class: 'search-bar' });
    var label = el('label', { for: 'hb-search-input', id: 'hb-search-label', class: 'search-label' }, t('search.label'));
    input = el('input', {
      type: 'search', id: 'hb-search-input', class: 'search-input', autocomplete: 'off',
      spellcheck: 'false', 'aria-describedby': 'hb-search-help', 'aria-controls': 'hb-search-results'
    });
    var close = el('button', { type: 'button', class: 'search-close' }, t('search.close'));
    var help = el('p', { id: 'hb-search-help', class: 'search-help' }, t('search.help'));
    statusEl = el('p', { class: 'search-status', role: 'status', 'aria-live': 'polite' });
    list = el('ul', { id: 'hb-search-results', class: 'search-results', 'aria-label': t('search.results_label') });
    more = el('button', { type: 'button', class: 'search-more' }, t('search.more'));
    more.hidden = true;
    bar.appendChild(input);
    bar.appendChild(close);
    form.appendChild(label);
    form.appendChild(bar);
    form.appendChild(help);
    form.appendChild(statusEl);
    form.appendChild(list);
    form.appendChild(more);
    dialog.appendChild(form);
    document.body.appendChild(dialog);

    close.addEventListener('click', closeDialog);
    more.addEventListener('click', function () { shown += PAGE; run(); });
    dialog.addEventListener('close', function () { button.focus(); });
    dialog.addEventListener('click', function (e) { if (e.target === dialog) closeDialog(); });
    // Results at once when everything the query needs is loaded; else after a 60 ms pause
    // in typing, so that quick typing does not load shards for every prefix on the way.
    input.addEventListener('input', function () {
      clearTimeout(timer);
      if (!run(true)) timer = setTimeout(run, 60);
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

  var wordTerms = dictOf(); // word -> termsOf(word), for highlighting (stemming is not free)

  // Whether a word of the text gives one of the matched `stems`.
  function found(word, stems) {
    return tokenize(word).some(function (w) {
      if (stop[w]) return false;
      var forms = wordTerms[w] || (wordTerms[w] = termsOf(w));
      return forms.some(function (t) { return stems[t]; });
    });
  }

  function highlight(parent, text, stems) {
    var re = /[\p{Alphabetic}\p{M}\p{N}]+/gu, last = 0, m;
    while ((m = re.exec(text))) {
      if (found(m[0], stems)) {
        if (m.index > last) parent.appendChild(document.createTextNode(text.slice(last, m.index)));
        parent.appendChild(el('mark', {}, m[0]));
        last = m.index + m[0].length;
      }
    }
    if (last < text.length) parent.appendChild(document.createTextNode(text.slice(last)));
  }

  var shown = PAGE; // results rendered for the current query
  var cache = null; // { key, words, result } of the last search
  var rendered = null; // { q, gen, n } of what the list shows

  // Shows the results of the query in the box, loading what they need first. `tryNow`: only
  // if nothing needs loading (returns whether it showed them).
  function run(tryNow) {
    if (!dialog || !dialog.open) return true;
    var q = input.value;
    if (!index) {
      if (tryNow === true) return false;
      if (failed) status(t('search.failed'));
      else if (q.trim()) status(t('search.loading'));
      return true;
    }
    dry = tryNow === true;
    try {
      if (!cache || cache.q !== q) shown = PAGE;
      if (!cache || cache.q !== q || cache.gen !== gen) {
        var words = parse(q);
        cache = { q: q, gen: gen, words: words, result: words.length ? search(words) : { hits: [], matched: [] } };
        if (!cache.result) { cache = null; if (!dry) status(t('search.searching')); return false; }
      }
      var page = cache.result.hits.slice(0, shown);
      if (!ensureDocs(page)) { if (!dry) status(t('search.searching')); return false; }
    } finally {
      dry = false;
    }
    render(q, page);
    return true;
  }

  function render(q, page) {
    var r = cache.result, n = r.hits.length;
    var same = rendered && rendered.q === q && rendered.gen === cache.gen;
    if (same && rendered.n === page.length) return;
    var from = same && rendered.n < page.length ? rendered.n : 0;
    rendered = { q: q, gen: cache.gen, n: page.length };
    if (!from) clear(list);
    var stems = dictOf();
    r.matched.forEach(function (t) { stems[t] = true; });
    for (var i = from; i < page.length; i++) {
      var doc = docs[page[i]]; // [url, title, id, heading, snippet]
      if (!doc) continue;
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
    }
    more.hidden = n <= page.length;
    if (from && list.children[from]) list.children[from].querySelector('a').focus();
    var text;
    if (!cache.words.length) text = q.trim() ? t('search.too_short') : '';
    else if (n === 0) text = t('search.no_results', { query: q.trim() });
    else if (n > page.length) text = t('search.results_first', { count: n, shown: page.length });
    else text = t('search.results', { count: n });
    if (failed && text) text += ' ' + t('search.partial');
    status(text);
    dialog.dispatchEvent(new CustomEvent('handbook:search-results', { detail: { query: q, count: n, shown: page.length } }));
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
