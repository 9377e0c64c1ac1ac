//! The search rules of a content language: which Snowball stemmer (if any) and which stop
//! words. Picked from `config.language`'s primary subtag; the theme's `search.js` gets the same
//! stemmer at build time (`//= include js/search/stemmers/{stemmer}.js`, see
//! [`crate::theme`]) and the stop words from the index.

use super::STOP_WORDS;
use rust_stemmers::{Algorithm, Stemmer};

/// The stemmers: primary subtag, the part's name under `js/search/stemmers/`, the algorithm.
const STEMMERS: &[(&str, &str, Algorithm)] = &[
    ("ar", "ar", Algorithm::Arabic),
    ("da", "da", Algorithm::Danish),
    ("de", "de", Algorithm::German),
    ("el", "el", Algorithm::Greek),
    ("en", "en", Algorithm::English),
    ("es", "es", Algorithm::Spanish),
    ("fi", "fi", Algorithm::Finnish),
    ("fr", "fr", Algorithm::French),
    ("hu", "hu", Algorithm::Hungarian),
    ("it", "it", Algorithm::Italian),
    ("nb", "no", Algorithm::Norwegian),
    ("nl", "nl", Algorithm::Dutch),
    ("nn", "no", Algorithm::Norwegian),
    ("no", "no", Algorithm::Norwegian),
    ("pt", "pt", Algorithm::Portuguese),
    ("ro", "ro", Algorithm::Romanian),
    ("ru", "ru", Algorithm::Russian),
    ("sv", "sv", Algorithm::Swedish),
    ("ta", "ta", Algorithm::Tamil),
    ("tr", "tr", Algorithm::Turkish),
];

/// The name of the stemmer part for a language without a stemmer (words are kept as they are).
pub const NO_STEMMER: &str = "none";

/// How the index treats the words of one content language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Language {
    /// The stemmer's name (`en`, `es`, `no`, ..., or [`NO_STEMMER`]).
    pub stemmer: &'static str,
    algorithm: Option<Algorithm>,
    /// Words dropped at index and query time (English only; other languages keep every word).
    pub stop_words: &'static [&'static str],
}

impl Language {
    /// The rules for a BCP 47 tag (`es`, `es-MX`, `nb_NO`; case does not matter): its primary
    /// subtag's stemmer, or none.
    pub fn for_tag(tag: &str) -> Language {
        let primary = crate::config::primary_subtag(tag);
        match STEMMERS.iter().find(|(p, _, _)| *p == primary) {
            Some(&(p, name, algorithm)) => Language {
                stemmer: name,
                algorithm: Some(algorithm),
                stop_words: if p == "en" { STOP_WORDS } else { &[] },
            },
            None => Language {
                stemmer: NO_STEMMER,
                algorithm: None,
                stop_words: &[],
            },
        }
    }

    /// English, the default language.
    pub fn english() -> Language {
        Language::for_tag("en")
    }

    /// The Snowball stemmer, if the language has one.
    pub fn snowball(&self) -> Option<Stemmer> {
        self.algorithm.map(Stemmer::create)
    }

    /// Whether `word` (lower-case) is one of the language's stop words.
    pub fn is_stop_word(&self, word: &str) -> bool {
        self.stop_words.binary_search(&word).is_ok()
    }

    /// The stemmer names that have a part (`js/search/stemmers/NAME.js`), sorted, with
    /// [`NO_STEMMER`].
    pub fn stemmer_names() -> Vec<&'static str> {
        let mut names: Vec<&str> = STEMMERS.iter().map(|(_, n, _)| *n).collect();
        names.push(NO_STEMMER);
        names.sort_unstable();
        names.dedup();
        names
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_primary_subtag_picks_the_stemmer() {
        assert_eq!(Language::for_tag("es-MX").stemmer, "es");
        assert_eq!(Language::for_tag("NB_no").stemmer, "no");
        assert_eq!(Language::for_tag("nn").stemmer, "no");
        assert_eq!(Language::for_tag("el").stemmer, "el");
        assert_eq!(Language::for_tag("zh-Hans").stemmer, NO_STEMMER);
        assert_eq!(Language::for_tag("hi").stemmer, NO_STEMMER);
        assert_eq!(Language::for_tag("").stemmer, NO_STEMMER);
        assert!(Language::for_tag("hi").snowball().is_none());
    }

    #[test]
    fn only_english_has_stop_words() {
        assert!(Language::for_tag("en-GB").is_stop_word("the"));
        assert!(!Language::for_tag("es").is_stop_word("a"));
        assert!(!Language::for_tag("nb").is_stop_word("no"));
    }

    #[test]
    fn every_stemmer_has_a_part_in_the_theme() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("themes/default/static/js/search/stemmers");
        for name in Language::stemmer_names() {
            assert!(
                dir.join(format!("{name}.js")).is_file(),
                "no stemmer part {name}.js"
            );
        }
    }
}
