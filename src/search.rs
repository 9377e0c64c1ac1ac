//! The search index (issue 7): every searchable page's sections (title, heading, text) as a
//! classic script `search-index.js` that assigns `window.HANDBOOK_SEARCH` (a script, not JSON:
//! `fetch()` fails on `file://`). Terms are lower-cased, split on non-alphanumerics, stripped of
//! English stop words and stemmed with Snowball English (the theme's `search.js` ports the same
//! stemmer). Index shape:
//!
//! ```text
//! { v: 1, stop: [..], docs: [[url, title, section id, heading, snippet], ..],
//!   terms: { stem: [doc, weight, doc, weight, ..] } | null, shards: [key, ..] }
//! ```
//!
//! Above [`SHARD_THRESHOLD`] bytes the terms move to `search/index-XX.js` (XX: the hex code of
//! the term's first byte), each calling `window.HANDBOOK_SEARCH_SHARD(key, terms)`.

use crate::site::Shared;
use rust_stemmers::{Algorithm, Stemmer};
use std::collections::BTreeMap;

/// Weight of a term in the page title (first section of a page only), plus `W_TITLE / n` for a
/// title of `n` words.
pub const W_TITLE: u32 = 10;
/// Weight of a term in the section heading.
pub const W_HEADING: u32 = 5;
/// Weight of a term in the body (per occurrence, at most [`BODY_CAP`]).
pub const W_BODY: u32 = 1;
const BODY_CAP: u32 = 3;
/// Characters of section text kept as a snippet.
pub const SNIPPET_CHARS: usize = 160;
/// Index size above which the terms are split into shards.
pub const SHARD_THRESHOLD: usize = 2_000_000;

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

/// Lower-cases `text` and splits it on non-alphanumerics.
pub fn tokenize(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Whether `word` (lower-case) is a stop word.
pub fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.binary_search(&word).is_ok()
}

/// The index terms of `text`: tokens without stop words, stemmed.
pub fn terms(stemmer: &Stemmer, text: &str) -> Vec<String> {
    tokenize(text)
        .into_iter()
        .filter(|w| !is_stop_word(w))
        .map(|w| stemmer.stem(&w).into_owned())
        .collect()
}

/// A term's postings: (doc, weight), by doc order.
pub type Postings = Vec<(u32, u32)>;

/// One searchable unit: a section of a page.
#[derive(Debug, Clone, PartialEq)]
pub struct Doc {
    /// Page URL relative to the site root.
    pub url: String,
    /// Page title.
    pub title: String,
    /// Section id (empty: the top of the page).
    pub id: String,
    /// Section heading (empty before the first heading).
    pub heading: String,
    /// Section text.
    pub text: String,
    /// Whether this is the page's first section (the one the title counts for).
    pub first: bool,
}

/// The built index: documents and stem -> postings (doc, weight), by doc order.
#[derive(Debug, Default)]
pub struct Index {
    /// The documents.
    pub docs: Vec<Doc>,
    /// Term dictionary.
    pub terms: BTreeMap<String, Vec<(u32, u32)>>,
}

impl Index {
    /// Indexes `docs`.
    pub fn build(docs: Vec<Doc>) -> Index {
        let stemmer = Stemmer::create(Algorithm::English);
        let mut terms: BTreeMap<String, Vec<(u32, u32)>> = BTreeMap::new();
        for (n, doc) in docs.iter().enumerate() {
            let mut weights: BTreeMap<String, (u32, u32, u32)> = BTreeMap::new();
            if doc.first {
                // Shorter titles are more focused: "Validation" beats "Self-check: validation".
                let w = W_TITLE + W_TITLE / tokenize(&doc.title).len().max(1) as u32;
                for t in terms_of(&stemmer, &doc.title) {
                    weights.entry(t).or_default().0 = w;
                }
            }
            for t in terms_of(&stemmer, &doc.heading) {
                weights.entry(t).or_default().1 = W_HEADING;
            }
            for t in terms_of(&stemmer, &doc.text) {
                let e = weights.entry(t).or_default();
                e.2 = (e.2 + W_BODY).min(BODY_CAP * W_BODY);
            }
            for (t, (a, b, c)) in weights {
                terms.entry(t).or_default().push((n as u32, a + b + c));
            }
        }
        Index { docs, terms }
    }

    /// Documents matching every term of `query`, best first (exact stems only; the browser adds
    /// prefixes and typo tolerance).
    pub fn search(&self, query: &str) -> Vec<usize> {
        let stemmer = Stemmer::create(Algorithm::English);
        let q = terms(&stemmer, query);
        if q.is_empty() {
            return Vec::new();
        }
        let mut scores: BTreeMap<u32, (u32, usize)> = BTreeMap::new();
        for t in &q {
            for &(d, w) in self.terms.get(t).map(Vec::as_slice).unwrap_or(&[]) {
                let e = scores.entry(d).or_default();
                e.0 += w;
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

    /// The index files: `search-index.js`, plus `search/index-XX.js` shards when the single
    /// file would exceed `threshold` bytes. The JSON is written straight into strings (keys in
    /// sorted order, as before), never as a `serde_json::Value` tree: at 10,000 pages that tree
    /// cost more memory than the rest of the build.
    pub fn files(&self, threshold: usize) -> Vec<(String, Vec<u8>)> {
        let docs: Vec<(&str, &str, &str, &str, String)> = self
            .docs
            .iter()
            .map(|d| {
                (
                    d.url.as_str(),
                    d.title.as_str(),
                    d.id.as_str(),
                    d.heading.as_str(),
                    snippet(&d.text),
                )
            })
            .collect();
        let docs_json = serde_json::to_string(&docs).unwrap_or_else(|_| "[]".into());
        let stop_json = serde_json::to_string(STOP_WORDS).unwrap_or_else(|_| "[]".into());
        let estimate = docs_json.len()
            + self
                .terms
                .iter()
                .map(|(t, p)| t.len() + 4 + p.len() * 12)
                .sum::<usize>();
        if estimate <= threshold * 2 {
            let terms = terms_object(self.terms.iter());
            let text = script(
                "window.HANDBOOK_SEARCH = ",
                &format!(
                    "{{\"docs\":{docs_json},\"shards\":[],\"stop\":{stop_json},\"terms\":{terms},\"v\":1}}"
                ),
                ";\n",
            );
            if text.len() <= threshold {
                return vec![("search-index.js".to_string(), text)];
            }
        }
        let mut groups: BTreeMap<String, Vec<(&String, &Postings)>> = BTreeMap::new();
        for (t, p) in &self.terms {
            groups.entry(shard_key(t)).or_default().push((t, p));
        }
        let keys: Vec<&String> = groups.keys().collect();
        let keys_json = serde_json::to_string(&keys).unwrap_or_else(|_| "[]".into());
        let mut out = vec![(
            "search-index.js".to_string(),
            script(
                "window.HANDBOOK_SEARCH = ",
                &format!(
                    "{{\"docs\":{docs_json},\"shards\":{keys_json},\"stop\":{stop_json},\"terms\":null,\"v\":1}}"
                ),
                ";\n",
            ),
        )];
        for (key, list) in &groups {
            let body = terms_object(list.iter().copied());
            out.push((
                format!("search/index-{key}.js"),
                script(
                    &format!("window.HANDBOOK_SEARCH_SHARD(\"{key}\", "),
                    &body,
                    ");\n",
                ),
            ));
        }
        out
    }
}

/// `{"term":[doc,weight,doc,weight,..],..}` for terms in sorted order.
fn terms_object<'a>(terms: impl Iterator<Item = (&'a String, &'a Postings)>) -> String {
    let mut out = String::from("{");
    for (i, (t, p)) in terms.enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&serde_json::to_string(t).unwrap_or_else(|_| "\"\"".into()));
        out.push_str(":[");
        for (j, (d, w)) in p.iter().enumerate() {
            if j > 0 {
                out.push(',');
            }
            out.push_str(&format!("{d},{w}"));
        }
        out.push(']');
    }
    out.push('}');
    out
}

fn terms_of(stemmer: &Stemmer, text: &str) -> Vec<String> {
    terms(stemmer, text)
}

fn script(head: &str, json: &str, tail: &str) -> Vec<u8> {
    format!("{head}{json}{tail}").into_bytes()
}

/// The shard of a term: the hex code of its first byte (`61` for `a`).
pub fn shard_key(term: &str) -> String {
    format!("{:02x}", term.as_bytes().first().copied().unwrap_or(0))
}

/// The first [`SNIPPET_CHARS`] characters of `text`, cut at a word boundary.
pub fn snippet(text: &str) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= SNIPPET_CHARS {
        return text;
    }
    let cut: String = text.chars().take(SNIPPET_CHARS).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > SNIPPET_CHARS / 2 => &cut[..i],
        _ => &cut[..],
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
pub fn docs(shared: &Shared<'_>) -> Vec<Doc> {
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
                url: page.out_path.clone(),
                title: page.title.clone(),
                id: String::new(),
                heading: String::new(),
                text: page.description.clone(),
                first: true,
            });
        }
        for (i, s) in rendered.sections.iter().enumerate() {
            docs.push(Doc {
                url: page.out_path.clone(),
                title: page.title.clone(),
                id: s.id.clone(),
                heading: s.heading.clone(),
                text: s.text.clone(),
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
    Index::build(docs(shared)).files(SHARD_THRESHOLD)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(url: &str, title: &str, id: &str, heading: &str, text: &str, first: bool) -> Doc {
        Doc {
            url: url.into(),
            title: title.into(),
            id: id.into(),
            heading: heading.into(),
            text: text.into(),
            first,
        }
    }

    fn fixture() -> Index {
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
            .map(|d| index.docs[d].id.as_str())
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
    fn files_and_shards() {
        let index = fixture();
        let one = index.files(SHARD_THRESHOLD);
        assert_eq!(one.len(), 1);
        let text = String::from_utf8(one[0].1.clone()).unwrap();
        assert!(text.starts_with("window.HANDBOOK_SEARCH = {"));
        assert!(text.contains("\"valid\":["));
        let many = index.files(10);
        assert!(many.len() > 2);
        assert!(many.iter().any(|(p, b)| p == "search/index-76.js"
            && String::from_utf8_lossy(b).starts_with("window.HANDBOOK_SEARCH_SHARD(\"76\", {")));
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
    }

    /// The theme's JavaScript stemmer gives the same stems as rust-stemmers (skipped when
    /// `node` is not installed).
    #[test]
    fn js_stemmer_matches_rust_stemmers() {
        let js = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/themes/default/static/js/search.js"
        );
        let words = WORDS.split_whitespace().collect::<Vec<_>>();
        let script = format!(
            "const s = require({js:?}); process.stdout.write(JSON.stringify({words:?}.map(s.stem)));"
        );
        let Ok(out) = std::process::Command::new("node")
            .arg("-e")
            .arg(&script)
            .output()
        else {
            eprintln!("node not found: JS stemmer parity not checked");
            return;
        };
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let got: Vec<String> = serde_json::from_slice(&out.stdout).unwrap();
        let stemmer = Stemmer::create(Algorithm::English);
        let mismatches: Vec<String> = words
            .iter()
            .zip(&got)
            .filter(|(w, g)| stemmer.stem(w) != g.as_str())
            .map(|(w, g)| format!("{w}: rust {} js {g}", stemmer.stem(w)))
            .collect();
        assert!(mismatches.is_empty(), "{mismatches:#?}");
    }

    const WORDS: &str = "validating validation validate validated validates valid validity \
        invalidating consign consigned consigning consignment consist consisted consistency \
        consistent consistently consisting consists consolation consolations consolatory \
        console consoled consoles consolidate consolidated consolidating consoling \
        knack knackeries knacks knag knave knaves knavish kneaded kneading knee kneel \
        kneeled kneeling kneels knees knell knelt knew knick knif knife knight knightly \
        knights knit knits knitted knitting knives knob knobs knock knocked knocker \
        generous generously general generate communism community arsenal \
        caresses ponies ties cries gas gaps kiwis this news skies dying lying tying idly gently \
        ugly early only singly sky howe atlas cosmos bias andes inning innings outing canning \
        herring earring proceed exceed succeed agreed feed luxuriating hopping hoping tanned \
        fizzed failing filing happy sky cry by say relational conditional rational valenci \
        hesitanci digitizer conformabli radicalli differentli vileli analogousli vietnamization \
        predication operator feudalism decisiveness hopefulness callousness formaliti \
        sensitiviti sensibiliti triplicate formative formalize electriciti electrical hopeful \
        goodness revival allowance inference airliner gyroscopic adjustable defensible \
        irritant replacement adjustment dependent adoption homologou communism activate \
        angulariti homologous effective bowdlerize probate rate cease controll roll \
        therapist therapy therapeutic alliance ruptures repaired supervisors supervision \
        clients client's feelings thoughts actions context understandable judged overreacting \
        sensitive difficult practised improved teaching chapters earlier questions scenarios \
        bonds goals tasks rating scale session sessions agreement collaboration empathy \
        warmth trust listening reflecting summarising worked examples commentary invalidating \
        yesterday yellow young youth played playing plays employ employment obeying \
        sly slyly dryly fly flies flying lazy laziness happiness happily crying enjoying \
        1990s 36 a an i is as us bus buses focus focused focusing abuse abuses";
}
