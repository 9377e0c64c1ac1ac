//! Accent folding and the index terms of a word. The theme's `search.js` (`js/search/text.js`)
//! has the same rules; `tests/vectors/` holds both to the same cases.
//!
//! Folding decomposes a word (NFD), drops the combining marks of the block U+0300-U+036F
//! (acute, grave, circumflex, diaeresis, tilde, cedilla, Greek tonos and dialytika, ...) and
//! recomposes it (NFC). The breve after a Cyrillic letter stays: `й` is a letter of its own,
//! while `ё` folds to `е` as Russian writers do. Marks of other blocks (Devanagari vowel signs
//! and viramas, Arabic harakat) are part of the word and stay.

use rust_stemmers::Stemmer;
use std::borrow::Cow;
use unicode_normalization::UnicodeNormalization;

/// Whether `c` is one of the marks folding drops (given the letter before it).
fn drops(c: char, base: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
        && !(c == '\u{306}' && ('\u{400}'..='\u{4ff}').contains(&base))
}

/// `word` without its accents (see the module documentation), NFC.
pub fn fold(word: &str) -> Cow<'_, str> {
    if word.is_ascii() {
        return Cow::Borrowed(word);
    }
    let mut base = ' ';
    let kept: String = word
        .nfd()
        .filter(|&c| {
            if ('\u{300}'..='\u{36f}').contains(&c) {
                !drops(c, base)
            } else {
                base = c;
                true
            }
        })
        .collect();
    Cow::Owned(kept.nfc().collect())
}

/// `word` in NFC (borrowed when it is ASCII or already NFC).
pub fn nfc(word: &str) -> Cow<'_, str> {
    if word.is_ascii() || unicode_normalization::is_nfc(word) {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(word.nfc().collect())
    }
}

/// The index terms of a word (lower-case, not a stop word): its stem and, where different,
/// the stem of its folded form (`validación` gives `valid` and `validacion`, so a query typed
/// with or without the accent finds it). Without a stemmer a word is its own stem.
pub fn word_terms(stemmer: Option<&Stemmer>, word: &str) -> (String, Option<String>) {
    let stem = |w: &str| match stemmer {
        Some(s) => s.stem(w).into_owned(),
        None => w.to_string(),
    };
    let w = nfc(word);
    let first = stem(&w);
    let folded = fold(&w);
    if folded == w {
        return (first, None);
    }
    let second = stem(&folded);
    if second == first {
        (first, None)
    } else {
        (first, Some(second))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_stemmers::Algorithm;

    #[test]
    fn accents_fold_in_latin_and_greek() {
        assert_eq!(fold("validación"), "validacion");
        assert_eq!(fold("ψυχοθεραπεία"), "ψυχοθεραπεια");
        assert_eq!(fold("ϊΐ"), "ιι");
        assert_eq!(fold("ærø"), "ærø");
        assert_eq!(fold("cafe\u{301}"), "cafe");
    }

    #[test]
    fn cyrillic_short_i_stays_and_yo_folds() {
        assert_eq!(fold("ёлка"), "елка");
        assert_eq!(fold("йогурт"), "йогурт");
        assert_eq!(fold("и\u{306}"), "й");
    }

    #[test]
    fn devanagari_and_arabic_marks_stay() {
        assert_eq!(fold("नमस्ते"), "नमस्ते");
        assert_eq!(
            fold("\u{92e}\u{930}\u{940}\u{91c}\u{93c}"),
            "\u{92e}\u{930}\u{940}\u{91c}\u{93c}"
        );
        assert_eq!(fold("مَرْحَبًا"), "مَرْحَبًا");
    }

    #[test]
    fn a_word_with_accents_has_two_terms() {
        let es = Stemmer::create(Algorithm::Spanish);
        let (a, b) = word_terms(Some(&es), "validación");
        assert_eq!(a, "valid");
        assert_eq!(b.as_deref(), Some(es.stem("validacion").as_ref()));
        assert_eq!(
            word_terms(Some(&es), "terapia"),
            ("terapi".to_string(), None)
        );
        assert_eq!(word_terms(None, "日本"), ("日本".to_string(), None));
    }
}
