//! The language `summary.html` and `summary.csv` are written in: the one asked for when
//! handbook ships its catalogue with the summary's strings, else English, so the page's
//! `lang` and `dir` always name the language its text is in. Anything shown in English instead
//! is a warning, as a build warns about untranslated strings.

use crate::error::Diagnostic;
use crate::i18n::{self, Catalog};

/// How many untranslated strings a warning names.
const NAMED: usize = 5;

/// The language chosen for a summary.
pub struct Language {
    /// The tag of the language the page is in (`lang`; it gives `dir`).
    pub tag: String,
    /// Its strings.
    pub catalog: Catalog,
    /// What is shown in English although another language was asked for.
    pub warnings: Vec<Diagnostic>,
}

/// The language for `--language requested`.
pub fn choose(requested: &str) -> Language {
    let english = || Catalog::english().clone();
    let primary = i18n::primary_subtag(requested);
    let shipped = i18n::shipped_languages();
    if !shipped.contains(&primary) {
        return Language {
            tag: i18n::REFERENCE.to_string(),
            catalog: english(),
            warnings: vec![
                Diagnostic::warning(
                    "",
                    0,
                    format!(
                        "--language `{requested}`: handbook has no interface strings in this language, so summary.html and summary.csv are in English"
                    ),
                )
                .with_hint(format!(
                    "the languages shipped are {}; pass one of them with --language",
                    shipped.join(", ")
                )),
            ],
        };
    }
    let Ok(catalog) = Catalog::embedded(requested) else {
        return Language {
            tag: i18n::REFERENCE.to_string(),
            catalog: english(),
            warnings: Vec::new(),
        };
    };
    let total = Catalog::english()
        .keys()
        .filter(|k| k.starts_with("summary."))
        .count();
    let missing: Vec<&String> = catalog
        .missing()
        .iter()
        .filter(|k| k.starts_with("summary."))
        .collect();
    if missing.is_empty() {
        return Language {
            tag: requested.to_string(),
            catalog,
            warnings: Vec::new(),
        };
    }
    let n = missing.len();
    let mut names: Vec<String> = missing
        .iter()
        .take(NAMED)
        .map(|k| format!("`{k}`"))
        .collect();
    if n > NAMED {
        names.push(format!("and {} more", n - NAMED));
    }
    let hint = "this is a gap in handbook's own catalogue: please report it; the strings come from themes/default/i18n/en.toml meanwhile";
    if n == total {
        return Language {
            tag: i18n::REFERENCE.to_string(),
            catalog: english(),
            warnings: vec![
                Diagnostic::warning(
                    "",
                    0,
                    format!(
                        "--language `{requested}`: the summary's strings are not translated into this language yet, so summary.html and summary.csv are in English"
                    ),
                )
                .with_hint(hint),
            ],
        };
    }
    Language {
        tag: requested.to_string(),
        catalog,
        warnings: vec![
            Diagnostic::warning(
                "",
                0,
                format!(
                    "--language `{requested}`: {n} of the summary's {total} strings are untranslated and shown in English: {}",
                    names.join(", ")
                ),
            )
            .with_hint(hint),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shipped_language_with_every_string_is_used_without_a_warning() {
        for lang in ["es", "nl-BE", "fr"] {
            let chosen = choose(lang);
            assert_eq!(chosen.tag, lang);
            assert!(chosen.warnings.is_empty(), "{lang}");
            assert_eq!(chosen.catalog.language(), lang);
        }
        let en = choose("en");
        assert_eq!(en.tag, "en");
        assert!(en.warnings.is_empty());
    }

    #[test]
    fn a_language_without_a_catalogue_is_english_with_a_warning() {
        let chosen = choose("xx");
        assert_eq!(chosen.tag, "en");
        assert_eq!(chosen.catalog.language(), "en");
        assert_eq!(chosen.warnings.len(), 1);
        let w = &chosen.warnings[0];
        assert!(
            w.message.contains("`xx`") && w.message.contains("English"),
            "{}",
            w.message
        );
        assert!(w.hint.as_deref().unwrap_or_default().contains("es"));
    }
}
