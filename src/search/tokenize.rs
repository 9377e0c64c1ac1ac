//! Words of the search index: lower-casing and splitting into words ([`is_word_char`]), runs
//! of Chinese and Japanese characters into overlapping bigrams ([`is_cjk`]), the English stop
//! words and Snowball stemming. The theme's `search.js` (`js/search/text.js`) mirrors this
//! tokeniser; `tests/vectors/` holds both to the same cases.

use super::Language;
use super::fold::word_terms;

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

/// Whether `c` is a Chinese or Japanese character (Han ideographs with `々〆〇`, Hiragana,
/// Katakana): text in these scripts has no spaces between words, so a run of them is indexed
/// and searched as its overlapping bigrams (`治疗联盟` gives `治疗 疗联 联盟`; one character
/// alone stays one). Korean Hangul is written with spaces and stays whole words.
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3005}'..='\u{3007}'
        | '\u{3040}'..='\u{30ff}'
        | '\u{31f0}'..='\u{31ff}'
        | '\u{3400}'..='\u{4dbf}'
        | '\u{4e00}'..='\u{9fff}'
        | '\u{f900}'..='\u{faff}'
        | '\u{ff66}'..='\u{ff9f}'
        | '\u{20000}'..='\u{3134f}')
}

/// Calls `f` with `word` (lower-case), or, where it holds CJK characters, with its other
/// parts and the bigrams of its CJK runs, in order.
fn emit(word: &str, f: &mut impl FnMut(&str)) {
    if !word.chars().any(is_cjk) {
        f(word);
        return;
    }
    let mut run: Vec<char> = Vec::new();
    let mut other = String::new();
    let mut pair = String::new();
    let mut flush = |run: &mut Vec<char>, f: &mut dyn FnMut(&str)| {
        if run.len() == 1 {
            pair.clear();
            pair.push(run[0]);
            f(&pair);
        }
        for w in run.windows(2) {
            pair.clear();
            pair.extend(w);
            f(&pair);
        }
        run.clear();
    };
    for c in word.chars() {
        if is_cjk(c) {
            if !other.is_empty() {
                f(&other);
                other.clear();
            }
            run.push(c);
        } else {
            if !run.is_empty() {
                flush(&mut run, f);
            }
            other.push(c);
        }
    }
    if !other.is_empty() {
        f(&other);
    }
    if !run.is_empty() {
        flush(&mut run, f);
    }
}

/// Lower-cases `text` and splits it into words (runs of [`is_word_char`]; CJK runs give their
/// bigrams, see [`is_cjk`]).
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
                    emit(part, &mut f);
                }
            }
        }
    }
}

/// Whether `word` (lower-case) is an English stop word.
pub fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.binary_search(&word).is_ok()
}

/// The index terms of `text` in `language`: tokens without its stop words, each giving its
/// stem and, where different, the stem of its folded form ([`super::fold::word_terms`]).
pub fn terms(language: &Language, text: &str) -> Vec<String> {
    let stemmer = language.snowball();
    let mut out = Vec::new();
    for_each_token(text, |w| {
        if !language.is_stop_word(w) {
            let (a, b) = word_terms(stemmer.as_ref(), w);
            out.push(a);
            out.extend(b);
        }
    });
    out
}
