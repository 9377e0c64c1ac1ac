//! Building the index: stems and their postings (`doc << 5 | weight`) for every section, in
//! parallel blocks merged in document order; exact-stem search for tests and tools.

use super::fold::word_terms;
use super::{BLOCK, BODY_CAP, Language, W_BODY, W_HEADING, W_MAX, W_TITLE, for_each_token};
use rayon::prelude::*;
use rust_stemmers::Stemmer;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

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

/// No term: the word is a stop word (first id), or it has one term only (second id).
const STOP: u32 = u32::MAX;

/// One worker's tokeniser state: the language's stop words and stemmer, and a cache of word ->
/// term ids (stemming is most of the cost of indexing, and words repeat). Words of up to 16
/// bytes are cached under their bytes packed in a `u128` (words hold no zero bytes), which
/// hashes and compares much faster than a string.
pub(super) struct Analyzer {
    language: Language,
    stemmer: Option<Stemmer>,
    short: FxMap<u128, [u32; 2]>,
    long: FxMap<String, [u32; 2]>,
    ids: FxMap<String, u32>,
    stems: Vec<String>,
}

impl Analyzer {
    pub(super) fn new(language: Language) -> Analyzer {
        Analyzer {
            language,
            stemmer: language.snowball(),
            short: FxMap::default(),
            long: FxMap::default(),
            ids: FxMap::default(),
            stems: Vec::new(),
        }
    }

    /// The id of `stem`, numbering it if new.
    fn id(&mut self, stem: String) -> u32 {
        match self.ids.get(&stem) {
            Some(&id) => id,
            None => {
                let id = self.stems.len() as u32;
                self.stems.push(stem.clone());
                self.ids.insert(stem, id);
                id
            }
        }
    }

    /// The term ids of `word` (lower-case): its stem's and its folded stem's, or [`STOP`].
    fn term(&mut self, word: &str) -> [u32; 2] {
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
        let id = if self.language.is_stop_word(word) {
            [STOP; 2]
        } else {
            let (a, b) = word_terms(self.stemmer.as_ref(), word);
            [self.id(a), b.map_or(STOP, |b| self.id(b))]
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
        for id in self.term(word) {
            if id != STOP {
                self.add_id(acc, id, slot, w);
            }
        }
    }

    /// Counts the term `id` in one doc's weights (see [`Analyzer::add`]).
    fn add_id(&mut self, acc: &mut DocWeights, id: u32, slot: usize, w: u32) {
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
    pub(super) fn index(&mut self, docs: &[Doc<'_>], base: u32) -> Vec<(String, Vec<u32>)> {
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
#[derive(Debug)]
pub struct Index<'a> {
    /// The documents.
    pub docs: Vec<Doc<'a>>,
    /// Stem -> postings (`doc << 5 | weight`, by doc order), sorted by stem.
    pub terms: Vec<(String, Vec<u32>)>,
    /// The language's rules the terms were made with.
    pub language: Language,
}

impl<'a> Index<'a> {
    /// Indexes `docs` as English text (see [`Index::build_for`]).
    pub fn build(docs: Vec<Doc<'a>>) -> Index<'a> {
        Index::build_for(docs, Language::english())
    }

    /// Indexes `docs` (at most 2^27 of them) with the rules of `language`: blocks in parallel,
    /// merged in document order.
    pub fn build_for(docs: Vec<Doc<'a>>, language: Language) -> Index<'a> {
        assert!(docs.len() < 1 << 27, "too many sections to index");
        let blocks: Vec<Vec<(String, Vec<u32>)>> = docs
            .par_chunks(BLOCK)
            .enumerate()
            .map_init(
                || Analyzer::new(language),
                |an, (b, chunk)| an.index(chunk, (b * BLOCK) as u32),
            )
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
        Index {
            docs,
            terms,
            language,
        }
    }

    /// The postings of `stem`, if indexed.
    pub fn postings(&self, stem: &str) -> Option<&[u32]> {
        self.terms
            .binary_search_by(|(t, _)| t.as_str().cmp(stem))
            .ok()
            .map(|i| self.terms[i].1.as_slice())
    }

    /// Documents matching every word of `query`, best first (a word matches through any of
    /// its terms; exact stems only: the browser adds prefixes and typo tolerance).
    pub fn search(&self, query: &str) -> Vec<usize> {
        let stemmer = self.language.snowball();
        let mut words: Vec<Vec<String>> = Vec::new();
        for_each_token(query, |w| {
            if !self.language.is_stop_word(w) {
                let (a, b) = word_terms(stemmer.as_ref(), w);
                words.push(std::iter::once(a).chain(b).collect());
            }
        });
        if words.is_empty() {
            return Vec::new();
        }
        let mut scores: std::collections::BTreeMap<u32, (u32, usize)> = Default::default();
        for forms in &words {
            let mut best: std::collections::BTreeMap<u32, u32> = Default::default();
            for t in forms {
                for &p in self.postings(t).unwrap_or(&[]) {
                    let e = best.entry(p >> 5).or_default();
                    *e = (*e).max(p & 31);
                }
            }
            for (d, w) in best {
                let e = scores.entry(d).or_default();
                e.0 += w;
                e.1 += 1;
            }
        }
        let mut hits: Vec<(u32, u32)> = scores
            .into_iter()
            .filter(|(_, (_, n))| *n == words.len())
            .map(|(d, (s, _))| (d, s))
            .collect();
        hits.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        hits.into_iter().map(|(d, _)| d as usize).collect()
    }
}
