//! The search index (issue 7): every searchable page's sections (title, heading, text) as
//! classic scripts (not JSON: `fetch()` fails on `file://`). Terms are lower-cased, split into
//! words ([`is_word_char`]), stripped of English stop words and stemmed with Snowball English
//! (the theme's `search.js` ports the same tokeniser and stemmer; `tests/vectors/text.json`
//! holds both to the same cases).
//!
//! A small index is one file, `search-index.js`:
//!
//! ```text
//! window.HANDBOOK_SEARCH = { v: 2, stop: [..], count: sections, chunk: DOC_CHUNK,
//!   keys: null, docs: [[url, title, [[section id, heading, snippet], ..]], ..],
//!   terms: { stem: "postings", .. } };
//! ```
//!
//! `docs` lists the sections in order, grouped by page; `postings` is a string of base-64
//! varints (see [`encode_postings`]): per section holding the stem, its distance from the
//! previous one and its weight. Above [`SINGLE_FILE_MAX`] bytes (or the
//! [`SINGLE_FILE_MAX_ENV`] override) `search-index.js` keeps only `v`, `stop`, `count`,
//! `chunk` and `keys` (`docs` and `terms` are null) and the rest is split, each file calling
//! `window.HANDBOOK_SEARCH_SHARD(kind, key, data)`:
//!
//! - `search/t-HEX.js` (kind `"t"`): the terms whose first two letters are the key (one more
//!   letter, recursively, where a file would be over [`TERM_SHARD_TARGET`] bytes; a term's
//!   shard is the longest key it starts with; HEX is the key's UTF-8 in hex), data
//!   `{ stem: "postings", .. }`. `keys` lists them, sorted.
//! - `search/d-N.js` (kind `"d"`): sections `N * chunk ..` in the `docs` format above, loaded
//!   only for the results shown.
//! - `search/terms.js` (kind `"w"`): every stem, space-separated, loaded only to look for typos.
//!
//! Indexing runs in parallel over blocks of sections and merges in document order, so the
//! output is the same byte for byte on every run.

use crate::site::Shared;
use rayon::prelude::*;
use rust_stemmers::{Algorithm, Stemmer};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

/// Weight of a term in the page title (first section of a page only), plus `W_TITLE / n` for a
/// title of `n` words.
pub const W_TITLE: u32 = 10;
/// Weight of a term in the section heading.
pub const W_HEADING: u32 = 5;
/// Weight of a term in the body (per occurrence, at most [`BODY_CAP`]).
pub const W_BODY: u32 = 1;
const BODY_CAP: u32 = 3;
/// The largest weight a posting holds (five bits; the weights above add up to at most 28).
const W_MAX: u32 = 31;
/// Characters of section text kept as a snippet.
pub const SNIPPET_CHARS: usize = 160;
/// Size up to which the whole index is the one file `search-index.js`.
pub const SINGLE_FILE_MAX: usize = 500_000;
/// Environment variable overriding [`SINGLE_FILE_MAX`] (bytes; `0` always shards), for tests
/// and benchmarks of the sharded layout on a small site.
pub const SINGLE_FILE_MAX_ENV: &str = "HANDBOOK_SEARCH_SINGLE_MAX";
/// Environment variable that, when set, makes [`generate`] print its timings and sizes to
/// standard error (for `bench/search.sh`).
pub const STATS_ENV: &str = "HANDBOOK_SEARCH_STATS";
/// Sections per document shard (`search/d-N.js`).
pub const DOC_CHUNK: usize = 32;
/// A two-letter term shard larger than this many bytes is split by the third letter.
pub const TERM_SHARD_TARGET: usize = 64_000;
/// Sections indexed per parallel task.
const BLOCK: usize = 1024;

/// English stop words, dropped at index and query time (the list is shipped in the index).
pub const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "me",
    "more",
    "most",
    "my",
    "myself",
    "no",
    "nor",
    "not",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "same",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
];

/// Whether `c` belongs to a word: a letter or other alphabetic character, a number, or a
/// combining mark (so Devanagari vowel signs and viramas stay inside their word). The theme's
/// `search.js` splits on the same classes (`[^\p{Alphabetic}\p{M}\p{N}]`); both are held to
/// `tests/vectors/text.json`.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c)
}

/// Lower-cases `text` and splits it into words (runs of [`is_word_char`]).
pub fn tokenize(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_token(text, |w| out.push(w.to_string()));
    out
}

/// Calls `f` with every word of `text` as [`tokenize`] lists them, without allocating for
/// words that are already lower-case ASCII. ASCII is scanned byte by byte (the hot path of
/// indexing); other characters are decoded.
pub fn for_each_token(text: &str, mut f: impl FnMut(&str)) {
    let bytes = text.as_bytes();
    let mut lower = String::new();
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        let (mut ascii, mut upper) = (true, false);
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii_alphanumeric() {
                upper |= b.is_ascii_uppercase();
                i += 1;
            } else if b < 0x80 {
                break;
            } else {
                let c = text[i..].chars().next().unwrap_or(' ');
                if !is_word_char(c) {
                    break;
                }
                ascii = false;
                i += c.len_utf8();
            }
        }
        if i == start {
            // A separator: one ASCII byte or one character that is not a word's.
            i += text[i..].chars().next().map_or(1, char::len_utf8);
            continue;
        }
        let w = &text[start..i];
        if ascii && !upper {
            f(w);
        } else if ascii {
            lower.clear();
            lower.push_str(w);
            lower.make_ascii_lowercase();
            f(&lower);
        } else {
            // Lower-casing may change the classes (İ -> i + combining dot): split again.
            let l = w.to_lowercase();
            for part in l.split(|c: char| !is_word_char(c)) {
                if !part.is_empty() {
                    f(part);
                }
            }
        }
    }
}

/// Whether `word` (lower-case) is a stop word.
pub fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.binary_search(&word).is_ok()
}

/// The index terms of `text`: tokens without stop words, stemmed.
pub fn terms(stemmer: &Stemmer, text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_token(text, |w| {
        if !is_stop_word(w) {
            out.push(stemmer.stem(w).into_owned());
        }
    });
    out
}

/// FxHash (the rustc hasher): the index hashes millions of short words, where SipHash's
/// DoS resistance buys nothing.
#[derive(Default, Clone, Copy)]
struct Fx(u64);

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().unwrap_or_default()));
        }
        for &b in chunks.remainder() {
            self.add(u64::from(b));
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

impl Fx {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<Fx>>;

/// No term: the word is a stop word.
const STOP: u32 = u32::MAX;

/// One worker's tokeniser state: the stemmer and a cache of word -> stem id (stemming is most
/// of the cost of indexing, and words repeat). Words of up to 16 bytes are cached under their
/// bytes packed in a `u128` (words hold no zero bytes), which hashes and compares much faster
/// than a string.
struct Analyzer {
    stemmer: Stemmer,
    short: FxMap<u128, u32>,
    long: FxMap<String, u32>,
    ids: FxMap<String, u32>,
    stems: Vec<String>,
}

impl Analyzer {
    fn new() -> Analyzer {
        Analyzer {
            stemmer: Stemmer::create(Algorithm::English),
            short: FxMap::default(),
            long: FxMap::default(),
            ids: FxMap::default(),
            stems: Vec::new(),
        }
    }

    /// The stem id of `word` (lower-case), or [`STOP`].
    fn term(&mut self, word: &str) -> u32 {
        let packed = (word.len() <= 16).then(|| {
            let mut b = [0u8; 16];
            b[..word.len()].copy_from_slice(word.as_bytes());
            u128::from_le_bytes(b)
        });
        let cached = match packed {
            Some(k) => self.short.get(&k),
            None => self.long.get(word),
        };
        if let Some(&id) = cached {
            return id;
        }
        let id = if is_stop_word(word) {
            STOP
        } else {
            let stem = self.stemmer.stem(word);
            match self.ids.get(stem.as_ref()) {
                Some(&id) => id,
                None => {
                    let id = self.stems.len() as u32;
                    self.stems.push(stem.to_string());
                    self.ids.insert(stem.into_owned(), id);
                    id
                }
            }
        };
        match packed {
            Some(k) => self.short.insert(k, id),
            None => self.long.insert(word.to_string(), id),
        };
        id
    }

    /// Counts `word` in one doc's weights: `slot` 0 title, 1 heading (weight `w`), 2 body
    /// (`w` per occurrence, capped).
    fn add(&mut self, acc: &mut DocWeights, word: &str, slot: usize, w: u32) {
        let id = self.term(word);
        if id == STOP {
            return;
        }
        let i = id as usize;
        if i >= acc.weights.len() {
            acc.weights.resize(self.stems.len(), [0; 3]);
        }
        let e = &mut acc.weights[i];
        if *e == [0; 3] {
            acc.touched.push(id);
        }
        e[slot] = if slot == 2 {
            (e[2] + w).min(BODY_CAP * W_BODY)
        } else {
            w
        };
    }

    /// The postings of `docs` (numbered from `base`): stem -> packed `doc << 5 | weight`, by
    /// doc order. Per-doc weights and the block's postings are arrays indexed by stem id.
    fn index(&mut self, docs: &[Doc<'_>], base: u32) -> Vec<(String, Vec<u32>)> {
        let mut post: Vec<Vec<u32>> = Vec::new();
        let mut acc = DocWeights::default();
        for (i, doc) in docs.iter().enumerate() {
            if doc.first {
                // Shorter titles are more focused: "Validation" beats "Self-check: validation".
                let mut n = 0;
                for_each_token(doc.title, |_| n += 1);
                let w = W_TITLE + W_TITLE / n.max(1);
                for_each_token(doc.title, |t| self.add(&mut acc, t, 0, w));
            }
            for_each_token(doc.heading, |t| self.add(&mut acc, t, 1, W_HEADING));
            for_each_token(doc.text, |t| self.add(&mut acc, t, 2, W_BODY));
            let d = base + i as u32;
            if post.len() < self.stems.len() {
                post.resize(self.stems.len(), Vec::new());
            }
            for id in acc.touched.drain(..) {
                let w = std::mem::take(&mut acc.weights[id as usize]);
                post[id as usize].push(d << 5 | (w[0] + w[1] + w[2]).min(W_MAX));
            }
        }
        post.into_iter()
            .enumerate()
            .filter(|(_, p)| !p.is_empty())
            .map(|(id, p)| (self.stems[id].clone(), p))
            .collect()
    }
}

/// One doc's weights by stem id (title, heading, body) and the ids set so far.
#[derive(Default)]
struct DocWeights {
    weights: Vec<[u32; 3]>,
    touched: Vec<u32>,
}

/// One searchable unit: a section of a page (borrowed from the rendered pages).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Doc<'a> {
    /// Page URL relative to the site root.
    pub url: &'a str,
    /// Page title.
    pub title: &'a str,
    /// Section id (empty: the top of the page).
    pub id: &'a str,
    /// Section heading (empty before the first heading).
    pub heading: &'a str,
    /// Section text.
    pub text: &'a str,
    /// Whether this is the page's first section (the one the title counts for).
    pub first: bool,
}

/// The built index: documents and the sorted term dictionary.
#[derive(Debug, Default)]
pub struct Index<'a> {
    /// The documents.
    pub docs: Vec<Doc<'a>>,
    /// Stem -> postings (`doc << 5 | weight`, by doc order), sorted by stem.
    pub terms: Vec<(String, Vec<u32>)>,
}

impl<'a> Index<'a> {
    /// Indexes `docs` (at most 2^27 of them): blocks in parallel, merged in document order.
    pub fn build(docs: Vec<Doc<'a>>) -> Index<'a> {
        assert!(docs.len() < 1 << 27, "too many sections to index");
        let blocks: Vec<Vec<(String, Vec<u32>)>> = docs
            .par_chunks(BLOCK)
            .enumerate()
            .map_init(Analyzer::new, |an, (b, chunk)| {
                an.index(chunk, (b * BLOCK) as u32)
            })
            .collect();
        let mut merged: FxMap<String, Vec<u32>> = FxMap::default();
        for block in blocks {
            for (t, p) in block {
                match merged.get_mut(&t) {
                    Some(v) => v.extend_from_slice(&p),
                    None => {
                        merged.insert(t, p);
                    }
                }
            }
        }
        let mut terms: Vec<(String, Vec<u32>)> = merged.into_iter().collect();
        terms.par_sort_unstable_by(|a, b| a.0.cmp(&b.0));
        Index { docs, terms }
    }

    /// The postings of `stem`, if indexed.
    pub fn postings(&self, stem: &str) -> Option<&[u32]> {
        self.terms
            .binary_search_by(|(t, _)| t.as_str().cmp(stem))
            .ok()
            .map(|i| self.terms[i].1.as_slice())
    }

    /// Documents matching every term of `query`, best first (exact stems only; the browser adds
    /// prefixes and typo tolerance).
    pub fn search(&self, query: &str) -> Vec<usize> {
        let stemmer = Stemmer::create(Algorithm::English);
        let q = terms(&stemmer, query);
        if q.is_empty() {
            return Vec::new();
        }
        let mut scores: std::collections::BTreeMap<u32, (u32, usize)> = Default::default();
        for t in &q {
            for &p in self.postings(t).unwrap_or(&[]) {
                let e = scores.entry(p >> 5).or_default();
                e.0 += p & 31;
                e.1 += 1;
            }
        }
        let mut hits: Vec<(u32, u32)> = scores
            .into_iter()
            .filter(|(_, (_, n))| *n == q.len())
            .map(|(d, (s, _))| (d, s))
            .collect();
        hits.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        hits.into_iter().map(|(d, _)| d as usize).collect()
    }

    /// The index files: `search-index.js` alone when it fits in `single_max` bytes, else
    /// `search-index.js` and the `search/` shards (see the module documentation).
    pub fn files(&self, single_max: usize) -> Vec<(String, Vec<u8>)> {
        self.files_with(single_max, TERM_SHARD_TARGET)
    }

    /// [`Index::files`] with term shards split above `shard_target` bytes.
    fn files_with(&self, single_max: usize, shard_target: usize) -> Vec<(String, Vec<u8>)> {
        let encoded: Vec<String> = self
            .terms
            .par_iter()
            .map(|(_, p)| {
                let mut s = String::with_capacity(p.len() * 2);
                encode_postings(p, &mut s);
                s
            })
            .collect();
        let mut stop = String::new();
        json_list(&mut stop, STOP_WORDS.iter().copied());
        let head = |keys: &str| {
            format!(
                "window.HANDBOOK_SEARCH = {{\"v\":2,\"stop\":{stop},\"count\":{},\"chunk\":{DOC_CHUNK},\"keys\":{keys},",
                self.docs.len()
            )
        };
        // A lower bound of the single file's size, to skip building it for large sites.
        let lower: usize = encoded.iter().map(String::len).sum::<usize>()
            + self
                .docs
                .iter()
                .map(|d| d.id.len() + d.heading.len() + d.text.len().min(SNIPPET_CHARS / 2))
                .sum::<usize>();
        if lower <= single_max {
            let mut text = head("null");
            text.push_str("\"docs\":");
            self.docs_json(&mut text, 0..self.docs.len());
            text.push_str(",\"terms\":");
            self.terms_json(&mut text, &encoded, 0..self.terms.len());
            text.push_str("};\n");
            if text.len() <= single_max {
                return vec![("search-index.js".to_string(), text.into_bytes())];
            }
        }

        let groups = self.term_groups(&encoded, shard_target);
        let mut keys = String::new();
        json_list(&mut keys, groups.iter().map(|(k, _)| k.as_str()));
        let mut entry = head(&keys);
        entry.push_str("\"docs\":null,\"terms\":null};\n");
        let mut out = vec![("search-index.js".to_string(), entry.into_bytes())];
        let mut dict = String::from("window.HANDBOOK_SEARCH_SHARD(\"w\", \"\", \"");
        for (i, (t, _)) in self.terms.iter().enumerate() {
            if i > 0 {
                dict.push(' ');
            }
            crate::js::push_escaped(&mut dict, t);
        }
        dict.push_str("\");\n");
        out.push(("search/terms.js".to_string(), dict.into_bytes()));
        out.par_extend(groups.par_iter().map(|(key, range)| {
            let mut text = String::from("window.HANDBOOK_SEARCH_SHARD(\"t\", ");
            crate::js::push_string(&mut text, key);
            text.push_str(", ");
            self.terms_json(&mut text, &encoded, range.clone());
            text.push_str(");\n");
            (format!("search/t-{}.js", hex(key)), text.into_bytes())
        }));
        let chunks = self.docs.len().div_ceil(DOC_CHUNK);
        out.par_extend((0..chunks).into_par_iter().map(|c| {
            let mut text = format!("window.HANDBOOK_SEARCH_SHARD(\"d\", {c}, ");
            self.docs_json(
                &mut text,
                c * DOC_CHUNK..((c + 1) * DOC_CHUNK).min(self.docs.len()),
            );
            text.push_str(");\n");
            (format!("search/d-{c}.js"), text.into_bytes())
        }));
        out
    }

    /// The term shards: key and range of `terms`, in term order. A key is a term's first two
    /// characters (all of a shorter term); a group over `target` bytes is split by one more
    /// character, again and again (a term equal to the group's key keeps that key), so a term's
    /// shard is the longest key that starts it.
    fn term_groups(&self, encoded: &[String], target: usize) -> Vec<(String, Range<usize>)> {
        let mut out = Vec::new();
        self.split_groups(encoded, 0..self.terms.len(), 2, target, &mut out);
        out
    }

    fn split_groups(
        &self,
        encoded: &[String],
        range: Range<usize>,
        n: usize,
        target: usize,
        out: &mut Vec<(String, Range<usize>)>,
    ) {
        for (key, r) in runs(&self.terms, range, n) {
            let size: usize = r
                .clone()
                .map(|i| self.terms[i].0.len() + encoded[i].len() + 6)
                .sum();
            if size <= target || r.len() == 1 {
                out.push((key, r));
                continue;
            }
            let mut start = r.start;
            if self.terms[start].0 == key {
                out.push((key, start..start + 1));
                start += 1;
            }
            self.split_groups(encoded, start..r.end, n + 1, target, out);
        }
    }

    /// `[[url, title, [[id, heading, snippet], ..]], ..]` for the docs in `range`.
    fn docs_json(&self, out: &mut String, range: Range<usize>) {
        out.push('[');
        let mut page: Option<&str> = None;
        for i in range {
            let d = &self.docs[i];
            if page == Some(d.url) {
                out.push(',');
            } else {
                if page.is_some() {
                    out.push_str("]],");
                }
                page = Some(d.url);
                out.push('[');
                crate::js::push_string(out, d.url);
                out.push(',');
                crate::js::push_string(out, d.title);
                out.push_str(",[");
            }
            out.push('[');
            crate::js::push_string(out, d.id);
            out.push(',');
            crate::js::push_string(out, d.heading);
            out.push(',');
            crate::js::push_string(out, &snippet(d.text));
            out.push(']');
        }
        if page.is_some() {
            out.push_str("]]");
        }
        out.push(']');
    }

    /// `{"stem":"postings",..}` for the terms in `range`.
    fn terms_json(&self, out: &mut String, encoded: &[String], range: Range<usize>) {
        out.push('{');
        for i in range.clone() {
            if i > range.start {
                out.push(',');
            }
            crate::js::push_string(out, &self.terms[i].0);
            out.push(':');
            out.push('"');
            out.push_str(&encoded[i]);
            out.push('"');
        }
        out.push('}');
    }
}

/// The runs of `terms[range]` sharing their first `n` characters: (prefix, range).
fn runs(
    terms: &[(String, Vec<u32>)],
    range: Range<usize>,
    n: usize,
) -> Vec<(String, Range<usize>)> {
    let mut out: Vec<(String, Range<usize>)> = Vec::new();
    for i in range {
        let p = prefix(&terms[i].0, n);
        match out.last_mut() {
            Some((k, r)) if k == p => r.end = i + 1,
            _ => out.push((p.to_string(), i..i + 1)),
        }
    }
    out
}

/// The first `n` characters of `s` (all of a shorter one).
fn prefix(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// The UTF-8 bytes of `s` in lower-case hex (shard file names).
pub fn hex(s: &str) -> String {
    s.bytes().map(|b| format!("{b:02x}")).collect()
}

/// The digits of [`encode_postings`]: `0`-`9A-V` end a number, `W`-`Za-z-_` continue it.
const DIGITS: &[u8; 64] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";

/// Appends `postings` (`doc << 5 | weight`, by doc order) as text: per posting the number
/// `(doc - previous doc - 1) * 32 + weight` (the previous doc of the first is -1), five bits a
/// digit, least significant first, the last digit of a number from the first half of
/// [`DIGITS`]. A section holding a common word costs one or two characters.
pub fn encode_postings(postings: &[u32], out: &mut String) {
    let mut prev: i64 = -1;
    for &p in postings {
        let doc = i64::from(p >> 5);
        let mut v = ((doc - prev - 1) as u64) << 5 | u64::from(p & 31);
        prev = doc;
        while v >= 32 {
            out.push(DIGITS[32 + (v & 31) as usize] as char);
            v >>= 5;
        }
        out.push(DIGITS[v as usize] as char);
    }
}

/// The inverse of [`encode_postings`]: (doc, weight) pairs.
pub fn decode_postings(text: &str) -> Vec<(u32, u32)> {
    let mut out = Vec::new();
    let (mut v, mut shift, mut prev) = (0u64, 0u32, -1i64);
    for b in text.bytes() {
        let d = DIGITS.iter().position(|&c| c == b).unwrap_or(0) as u64;
        v |= (d & 31) << shift;
        shift += 5;
        if d < 32 {
            let doc = prev + 1 + (v >> 5) as i64;
            out.push((doc as u32, (v & 31) as u32));
            prev = doc;
            v = 0;
            shift = 0;
        }
    }
    out
}

/// Appends `items` as a JSON list of strings.
fn json_list<'s>(out: &mut String, items: impl Iterator<Item = &'s str>) {
    out.push('[');
    for (i, s) in items.enumerate() {
        if i > 0 {
            out.push(',');
        }
        crate::js::push_string(out, s);
    }
    out.push(']');
}

/// The first [`SNIPPET_CHARS`] characters of `text`, whitespace collapsed, cut at a word
/// boundary.
pub fn snippet(text: &str) -> String {
    let mut out = String::new();
    let mut chars = 0;
    let mut long = false;
    for w in text.split_whitespace() {
        let n = w.chars().count();
        if chars > 0 {
            out.push(' ');
            chars += 1;
        }
        out.push_str(w);
        chars += n;
        if chars > SNIPPET_CHARS {
            long = true;
            break;
        }
    }
    if !long {
        return out;
    }
    let cut = prefix(&out, SNIPPET_CHARS);
    let cut = match cut.rfind(' ') {
        Some(i) if i > SNIPPET_CHARS / 2 => &cut[..i],
        _ => cut,
    };
    format!("{}…", cut.trim_end_matches(|c: char| !c.is_alphanumeric()))
}

/// Whether `path` matches an `exclude` entry: a glob (`*` within a segment, `**` across) or,
/// without wildcards, a path prefix.
pub fn excluded(path: &str, patterns: &[String]) -> bool {
    patterns.iter().any(|p| {
        let p = p.trim().trim_start_matches("./").trim_start_matches('/');
        if p.is_empty() {
            false
        } else if p.contains('*') || p.contains('?') {
            glob(p.as_bytes(), path.as_bytes())
        } else {
            path.starts_with(p)
        }
    })
}

fn glob(p: &[u8], s: &[u8]) -> bool {
    match p.first() {
        None => s.is_empty(),
        Some(b'*') if p.get(1) == Some(&b'*') => {
            let rest = p[2..].strip_prefix(b"/").unwrap_or(&p[2..]);
            (0..=s.len()).any(|i| glob(rest, &s[i..]) || glob(&p[2..], &s[i..]))
        }
        Some(b'*') => (0..=s.len())
            .take_while(|&i| i == 0 || s[i - 1] != b'/')
            .any(|i| glob(&p[1..], &s[i..])),
        Some(b'?') => s.first().is_some_and(|&c| c != b'/') && glob(&p[1..], &s[1..]),
        Some(&c) => s.first() == Some(&c) && glob(&p[1..], &s[1..]),
    }
}

/// The documents of a build: every section of every searchable, not excluded page.
pub fn docs<'a>(shared: &Shared<'a>) -> Vec<Doc<'a>> {
    let exclude = &shared.handbook.config.search.exclude;
    let mut docs = Vec::new();
    for (page, rendered) in shared.handbook.pages.iter().zip(shared.rendered) {
        let source = page.display_path.to_string_lossy().replace('\\', "/");
        let source = source.trim_start_matches("content/");
        if !page.searchable || excluded(&page.out_path, exclude) || excluded(source, exclude) {
            continue;
        }
        if rendered.sections.is_empty() {
            docs.push(Doc {
                url: &page.out_path,
                title: &page.title,
                id: "",
                heading: "",
                text: &page.description,
                first: true,
            });
        }
        for (i, s) in rendered.sections.iter().enumerate() {
            docs.push(Doc {
                url: &page.out_path,
                title: &page.title,
                id: &s.id,
                heading: &s.heading,
                text: &s.text,
                first: i == 0,
            });
        }
    }
    docs
}

/// The search index files of a build (none when search is disabled).
pub fn generate(shared: &Shared<'_>) -> Vec<(String, Vec<u8>)> {
    if !shared.handbook.config.search.enabled {
        return Vec::new();
    }
    let single_max = std::env::var(SINGLE_FILE_MAX_ENV)
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(SINGLE_FILE_MAX);
    let started = std::time::Instant::now();
    let cpu = cpu_ms();
    let index = Index::build(docs(shared));
    let indexed = started.elapsed();
    let files = index.files(single_max);
    if std::env::var_os(STATS_ENV).is_some() {
        let bytes: usize = files.iter().map(|(_, b)| b.len()).sum();
        eprintln!(
            "search: {} sections, {} terms, {} postings; indexed in {:.0} ms, files in {:.0} ms \
             (process CPU {} ms); {} files, {bytes} bytes, search-index.js {} bytes",
            index.docs.len(),
            index.terms.len(),
            index.terms.iter().map(|(_, p)| p.len()).sum::<usize>(),
            indexed.as_secs_f64() * 1e3,
            (started.elapsed() - indexed).as_secs_f64() * 1e3,
            cpu_ms()
                .zip(cpu)
                .map_or("?".into(), |(b, a)| (b - a).to_string()),
            files.len(),
            files[0].1.len(),
        );
    }
    files
}

/// CPU time of this process so far in milliseconds (user + system, from `/proc/self/stat`,
/// assuming 100 ticks a second; `None` elsewhere). Only for [`STATS_ENV`].
fn cpu_ms() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(ticks * 10)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc<'a>(
        url: &'a str,
        title: &'a str,
        id: &'a str,
        heading: &'a str,
        text: &'a str,
        first: bool,
    ) -> Doc<'a> {
        Doc {
            url,
            title,
            id,
            heading,
            text,
            first,
        }
    }

    fn fixture() -> Index<'static> {
        Index::build(vec![
            doc(
                "bond.html",
                "Bond",
                "",
                "",
                "Warmth and trust; validation helps.",
                true,
            ),
            doc(
                "check.html",
                "Self-check: validation",
                "",
                "",
                "Validation.",
                true,
            ),
            doc(
                "bond.html",
                "Bond",
                "repair",
                "Repair",
                "Validating after a rupture.",
                false,
            ),
            doc(
                "validation/index.html",
                "Validation",
                "",
                "",
                "What it is.",
                true,
            ),
            doc(
                "goals.html",
                "Goals",
                "validation-of-goals",
                "Validation of goals",
                "x",
                true,
            ),
        ])
    }

    /// A site of `pages` pages of `sections` sections each, with words drawn from a small
    /// vocabulary, for the sharding and parallel-merge tests.
    fn generated(pages: usize, sections: usize) -> (Vec<String>, Vec<String>) {
        const WORDS: &[&str] = &[
            "alliance",
            "bond",
            "rupture",
            "repair",
            "validation",
            "empathy",
            "goal",
            "task",
            "session",
            "client",
            "feedback",
            "trust",
            "warmth",
            "listening",
            "reflect",
            "supervision",
            "trainee",
            "agreement",
            "scale",
            "rating",
        ];
        let mut seed = 7u64;
        let mut next = move || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize
        };
        let mut titles = Vec::new();
        let mut texts = Vec::new();
        for p in 0..pages {
            titles.push(format!("Page {p} {}", WORDS[p % WORDS.len()]));
            for _ in 0..sections {
                let n = 5 + next() % 40;
                let words: Vec<&str> = (0..n).map(|_| WORDS[next() % WORDS.len()]).collect();
                texts.push(format!("{} w{}.", words.join(" "), next() % 3000));
            }
        }
        (titles, texts)
    }

    fn generated_docs<'a>(
        titles: &'a [String],
        texts: &'a [String],
        urls: &'a [String],
        sections: usize,
    ) -> Vec<Doc<'a>> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| Doc {
                url: &urls[i / sections],
                title: &titles[i / sections],
                id: "",
                heading: "",
                text: t,
                first: i % sections == 0,
            })
            .collect()
    }

    /// Runs the `search-index.js` and shard scripts in a scope and returns the data they pass.
    fn parse_script(text: &[u8]) -> serde_json::Value {
        let text = std::str::from_utf8(text).unwrap();
        let json = if let Some(rest) = text.strip_prefix("window.HANDBOOK_SEARCH = ") {
            rest.trim_end().trim_end_matches(';').to_string()
        } else {
            let rest = text
                .strip_prefix("window.HANDBOOK_SEARCH_SHARD(")
                .unwrap()
                .trim_end()
                .trim_end_matches(';')
                .trim_end_matches(')');
            format!("[{rest}]")
        };
        serde_json::from_str(&json).unwrap()
    }

    #[test]
    fn stop_words_are_sorted_for_binary_search() {
        let mut sorted = STOP_WORDS.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted, STOP_WORDS);
        assert!(is_stop_word("the") && !is_stop_word("bond"));
    }

    #[test]
    fn tokenizing_lower_cases_and_splits() {
        assert_eq!(
            tokenize("Client's \"SRS\" score: 36/40, e-mail"),
            ["client", "s", "srs", "score", "36", "40", "e", "mail"]
        );
        // Word by word lower-casing splits like lower-casing the whole text first.
        for text in [
            "Ärger ÜBER Öl",
            "İstanbul x",
            "naïve café",
            "ΑΒΓ δ",
            "a—b",
            "x1, ¼ ½ 2² «Ab»  end",
            "",
            "—",
            "日本語 テキスト",
        ] {
            let whole: Vec<String> = text
                .to_lowercase()
                .split(|c: char| !is_word_char(c))
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect();
            assert_eq!(tokenize(text), whole, "{text}");
        }
    }

    #[test]
    fn stemming_and_stop_words() {
        let s = Stemmer::create(Algorithm::English);
        assert_eq!(
            terms(&s, "The validating of validation"),
            ["valid", "valid"]
        );
        assert_eq!(terms(&s, "ruptures repaired"), ["ruptur", "repair"]);
        assert!(terms(&s, "the and of to").is_empty());
    }

    #[test]
    fn ranking_title_then_heading_then_body() {
        let index = fixture();
        let urls: Vec<&str> = index
            .search("validating")
            .into_iter()
            .map(|d| index.docs[d].id)
            .collect();
        // short title, longer title, heading (goals), then body hits in doc order.
        assert_eq!(urls, ["", "", "validation-of-goals", "", "repair"]);
        assert_eq!(
            index.docs[index.search("validating")[0]].url,
            "validation/index.html"
        );
        assert!(index.search("the").is_empty());
        assert_eq!(index.search("rupture validation"), [2]);
        assert_eq!(index.docs[index.search("validating")[1]].url, "check.html");
    }

    #[test]
    fn weights() {
        let index = fixture();
        let valid: Vec<(u32, u32)> = index
            .postings("valid")
            .unwrap()
            .iter()
            .map(|p| (p >> 5, p & 31))
            .collect();
        // bond: body 1; check: title 10 + 10/3 and body 1; bond#repair: body 1;
        // validation: title 10 + 10; goals: heading 5.
        assert_eq!(valid, [(0, 1), (1, 14), (2, 1), (3, 20), (4, 5)]);
        let many = "trust ".repeat(10);
        let index = Index::build(vec![doc("a.html", "A", "", "", &many, true)]);
        assert_eq!(index.postings("trust"), Some(&[BODY_CAP * W_BODY][..]));
    }

    #[test]
    fn postings_round_trip() {
        let postings: Vec<u32> = [
            (0, 1),
            (1, 28),
            (2, 3),
            (40, 5),
            (100_000, 31),
            (100_001, 0),
        ]
        .iter()
        .map(|&(d, w)| d << 5 | w)
        .collect();
        let mut text = String::new();
        encode_postings(&postings, &mut text);
        // Neighbours with small weights cost one character.
        assert_eq!(&text[..1], "1");
        assert!(
            text.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        );
        let back: Vec<u32> = decode_postings(&text)
            .into_iter()
            .map(|(d, w)| d << 5 | w)
            .collect();
        assert_eq!(back, postings);
    }

    #[test]
    fn single_file() {
        let index = fixture();
        let one = index.files(SINGLE_FILE_MAX);
        assert_eq!(one.len(), 1);
        assert_eq!(one[0].0, "search-index.js");
        let v = parse_script(&one[0].1);
        assert_eq!(v["v"], 2);
        assert_eq!(v["count"], 5);
        assert!(v["keys"].is_null());
        assert_eq!(v["stop"].as_array().unwrap().len(), STOP_WORDS.len());
        // Pages group their consecutive sections.
        assert_eq!(v["docs"][0][0], "bond.html");
        assert_eq!(v["docs"][0][2][0][2], "Warmth and trust; validation helps.");
        assert_eq!(v["docs"][2][2][0][0], "repair");
        assert_eq!(v["docs"].as_array().unwrap().len(), 5);
        let valid = v["terms"]["valid"].as_str().unwrap();
        assert_eq!(decode_postings(valid).len(), 5);
    }

    #[test]
    fn shards_cover_every_term_and_doc() {
        let (titles, texts) = generated(300, 5);
        let urls: Vec<String> = (0..300).map(|p| format!("p{p}.html")).collect();
        let index = Index::build(generated_docs(&titles, &texts, &urls, 5));
        let files = index.files_with(0, 2_000);
        let entry = parse_script(&files[0].1);
        assert_eq!(files[0].0, "search-index.js");
        assert!(entry["docs"].is_null() && entry["terms"].is_null());
        assert_eq!(entry["count"], 1500);
        assert_eq!(entry["chunk"], DOC_CHUNK);
        let keys: Vec<&str> = entry["keys"]
            .as_array()
            .unwrap()
            .iter()
            .map(|k| k.as_str().unwrap())
            .collect();
        let mut sorted = keys.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted, keys, "keys are sorted and distinct");
        // The w0..w2999 terms make the "w" shard large enough to split by three letters.
        assert!(!keys.contains(&"w"));
        assert!(keys.iter().any(|k| k.starts_with("w1") && k.len() == 3));
        assert!(keys.contains(&"ag"), "small groups keep two letters");
        let mut terms = Vec::new();
        let mut docs = 0;
        for (path, bytes) in &files[1..] {
            let v = parse_script(bytes);
            match v[0].as_str().unwrap() {
                "t" => {
                    let key = v[1].as_str().unwrap();
                    assert_eq!(path, &format!("search/t-{}.js", hex(key)));
                    assert!(keys.contains(&key));
                    for (t, p) in v[2].as_object().unwrap() {
                        assert!(t.starts_with(key), "{t} in shard {key}");
                        // The lookup the browser does: the longest key that starts the term.
                        let want = (1..=t.chars().count())
                            .rev()
                            .map(|n| prefix(t, n))
                            .find(|k| keys.contains(k));
                        assert_eq!(want, Some(key), "{t}");
                        terms.push((t.clone(), p.as_str().unwrap().to_string()));
                    }
                }
                "d" => {
                    let c = v[1].as_u64().unwrap() as usize;
                    assert_eq!(path, &format!("search/d-{c}.js"));
                    let n: usize = v[2]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|page| page[2].as_array().unwrap().len())
                        .sum();
                    assert_eq!(n, DOC_CHUNK.min(1500 - c * DOC_CHUNK));
                    // A chunk starts with the page of its first section.
                    assert_eq!(v[2][0][0], urls[c * DOC_CHUNK / 5]);
                    docs += n;
                }
                "w" => {
                    let all: Vec<&str> = v[2].as_str().unwrap().split(' ').collect();
                    assert_eq!(all.len(), index.terms.len());
                }
                k => panic!("unknown shard kind {k}"),
            }
        }
        assert_eq!(docs, 1500);
        terms.sort();
        assert_eq!(terms.len(), index.terms.len());
        for ((t, p), (want_t, want_p)) in terms.iter().zip(&index.terms) {
            assert_eq!(t, want_t);
            let want: Vec<(u32, u32)> = want_p.iter().map(|p| (p >> 5, p & 31)).collect();
            assert_eq!(decode_postings(p), want);
        }
    }

    #[test]
    fn parallel_build_matches_one_block_at_a_time() {
        let (titles, texts) = generated(700, 3);
        let urls: Vec<String> = (0..700).map(|p| format!("p{p}.html")).collect();
        let docs = generated_docs(&titles, &texts, &urls, 3);
        assert!(docs.len() > 2 * BLOCK);
        let index = Index::build(docs.clone());
        let mut an = Analyzer::new();
        let mut expected: std::collections::BTreeMap<String, Vec<u32>> = Default::default();
        for (t, mut p) in an.index(&docs, 0) {
            p.sort_unstable();
            expected.insert(t, p);
        }
        let expected: Vec<(String, Vec<u32>)> = expected.into_iter().collect();
        assert_eq!(index.terms, expected);
        // Byte-identical output run to run.
        assert_eq!(index.files(0), Index::build(docs).files(0));
    }

    #[test]
    fn exclude_globs_and_prefixes() {
        let ex = vec![
            "09-reference/".to_string(),
            "**/self-check.html".to_string(),
        ];
        assert!(excluded("09-reference/glossary.md", &ex));
        assert!(excluded("validation/self-check.html", &ex));
        assert!(!excluded("validation/tips.html", &ex));
        assert!(excluded("a/b.html", &["a/*.html".to_string()]));
        assert!(!excluded("a/b/c.html", &["a/*.html".to_string()]));
    }

    #[test]
    fn snippets_are_short() {
        let long = "word ".repeat(100);
        let s = snippet(&long);
        assert!(s.chars().count() <= SNIPPET_CHARS + 1 && s.ends_with('…'));
        assert_eq!(snippet("  a\n b  "), "a b");
    }

}
