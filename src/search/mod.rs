//! The search index (issue 7): every searchable page's sections (title, heading, text) as
//! classic scripts (not JSON: `fetch()` fails on `file://`). Terms are lower-cased, split into
//! words ([`tokenize::is_word_char`]; Chinese and Japanese into bigrams, [`is_cjk`]), stripped
//! of the language's stop words (English only) and stemmed with the Snowball stemmer of the
//! handbook's language ([`Language`]); a word with accents also gives the stem of its folded
//! form ([`fold`]). The theme's `search.js` has the same rules and gets the same stemmer
//! (`js/search/`); `tests/vectors/` holds both sides to the same cases.
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

mod fold;
mod index;
mod language;
mod output;
mod tokenize;

#[cfg(test)]
mod tests;

pub use fold::{fold, nfc, word_terms};
pub use index::{Doc, Index};
pub use language::{Language, NO_STEMMER};
pub use output::{decode_postings, encode_postings, hex, snippet};
pub use tokenize::{
    STOP_WORDS, for_each_token, is_cjk, is_stop_word, is_word_char, terms, tokenize,
};

use crate::content::Handbook;

/// The build variables of the theme's script includes that search decides: `{stemmer}`, the
/// stemmer part of `language` (`//= include js/search/stemmers/{stemmer}.js`).
pub fn script_vars(language: &str) -> [(&'static str, &'static str); 1] {
    [("stemmer", Language::for_tag(language).stemmer)]
}
use crate::markdown::RenderedPage;

/// Weight of a term in the page title (first section of a page only), plus `W_TITLE / n` for a
/// title of `n` words.
pub const W_TITLE: u32 = 10;
/// Weight of a term in the section heading.
pub const W_HEADING: u32 = 5;
/// Weight of a term in the body (per occurrence, at most `BODY_CAP`).
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

/// The documents of a build: every section of every searchable, not excluded page
/// (`rendered` is every page's rendered output, by page index).
pub fn docs<'a>(handbook: &'a Handbook, rendered: &'a [RenderedPage]) -> Vec<Doc<'a>> {
    let exclude = &handbook.config.search.exclude;
    let mut docs = Vec::new();
    for (page, rendered) in handbook.pages.iter().zip(rendered) {
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

/// The search index files of a build (none when search is disabled), from the handbook and
/// every page's rendered output (by page index).
pub fn generate(handbook: &Handbook, rendered: &[RenderedPage]) -> Vec<(String, Vec<u8>)> {
    if !handbook.config.search.enabled {
        return Vec::new();
    }
    let single_max = std::env::var(SINGLE_FILE_MAX_ENV)
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(SINGLE_FILE_MAX);
    let started = std::time::Instant::now();
    let cpu = cpu_ms();
    let language = Language::for_tag(&handbook.config.language);
    let index = Index::build_for(docs(handbook, rendered), language);
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
