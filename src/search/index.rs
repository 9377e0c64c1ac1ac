//! Building the index: stems and their postings (`doc << 5 | weight`) for every section, in
//! parallel blocks merged in document order; exact-stem search for tests and tools.

use super::{
    BLOCK, BODY_CAP, W_BODY, W_HEADING, W_MAX, W_TITLE, for_each_token, is_stop_word, terms,
};
use rayon::prelude::*;
use rust_stemmers::{Algorithm, Stemmer};
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

/// No term: the word is a stop word.
const STOP: u32 = u32::MAX;

/// One worker's tokeniser state: the stemmer and a cache of word -> stem id (stemming is most
/// of the cost of indexing, and words repeat). Words of up to 16 bytes are cached under their
/// bytes packed in a `u128` (words hold no zero bytes), which hashes and compares much faster
/// than a string.
pub(super) struct Analyzer {
    stemmer: Stemmer,
    short: FxMap<u128, u32>,
    long: FxMap<String, u32>,
    ids: FxMap<String, u32>,
    stems: Vec<String>,
}

impl Analyzer {
    pub(super) fn new() -> Analyzer {
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
}
