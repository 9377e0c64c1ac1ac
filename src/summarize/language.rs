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
    /// Its strings; their `language()` is the tag the page is in (`lang`; it gives `dir`).
    pub catalog: Catalog,
    /// What is shown in English although another language was asked for.
    pub warnings: Vec<Diagnostic>,
}

/// The language for `--language requested`.
pub fn choose(requested: &str) -> Language {
    let english = || Catalog::english().clone();
    let primary = crate::config::primary_subtag(requested);
    let shipped = i18n::shipped_languages();
    if !shipped.contains(&primary) {
        return Language {
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
            catalog: english(),
            warnings: Vec::new(),
        };
    };
    let total = Catalog::english()
        .keys()
        .filter(|k| k.starts_with("summary."))
        .count();
    let missing: Vec<&str> = catalog
        .missing()
        .iter()
        .map(String::as_str)
        .filter(|k| k.starts_with("summary."))
        .collect();
    let (translated, warnings) = untranslated(requested, &missing, total);
    if translated {
        Language { catalog, warnings }
    } else {
        Language {
            catalog: english(),
            warnings,
        }
    }
}

/// Whether a catalogue whose `missing` summary strings (of `total`) are shown in English is
/// still used (not when it has none of them), and the warning about them.
fn untranslated(requested: &str, missing: &[&str], total: usize) -> (bool, Vec<Diagnostic>) {
    if missing.is_empty() {
        return (true, Vec::new());
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
    let (used, message) = if n >= total {
        (
            false,
            format!(
                "--language `{requested}`: the summary's strings are not translated into this language yet, so summary.html and summary.csv are in English"
            ),
        )
    } else {
        (
            true,
            format!(
                "--language `{requested}`: {n} of the summary's {total} strings are untranslated and shown in English: {}",
                names.join(", ")
            ),
        )
    };
    (
        used,
        vec![Diagnostic::warning("", 0, message).with_hint(hint)],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shipped_language_with_every_string_is_used_without_a_warning() {
        for lang in ["es", "nl-BE", "fr"] {
            let chosen = choose(lang);
            assert_eq!(chosen.catalog.language(), lang);
            assert!(chosen.warnings.is_empty(), "{lang}");
            assert_eq!(chosen.catalog.language(), lang);
        }
        let en = choose("en");
        assert_eq!(en.catalog.language(), "en");
        assert!(en.warnings.is_empty());
    }

    #[test]
    fn a_language_without_a_catalogue_is_english_with_a_warning() {
        let chosen = choose("xx");
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

    #[test]
    fn untranslated_summary_strings_are_named_or_give_english() {
        let (used, w) = untranslated("ar", &["summary.a", "summary.b"], 20);
        assert!(used);
        assert!(
            w[0].message.contains("2 of the summary's 20 strings"),
            "{}",
            w[0].message
        );
        assert!(w[0].message.contains("`summary.a`, `summary.b`"));
        let many: Vec<String> = (0..7).map(|i| format!("summary.k{i}")).collect();
        let many: Vec<&str> = many.iter().map(String::as_str).collect();
        let (_, w) = untranslated("ar", &many, 20);
        assert!(w[0].message.ends_with("and 2 more"), "{}", w[0].message);
        let (used, w) = untranslated("ar", &many, 7);
        assert!(!used);
        assert!(w[0].message.contains("in English"));
        assert_eq!(untranslated("ar", &[], 7), (true, Vec::new()));
    }
}
