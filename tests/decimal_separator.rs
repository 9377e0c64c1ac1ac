//! The decimal separator of numeric answers comes from the handbook's catalogue
//! (`meta.decimal_separator`), the same value `i18n.js` gives the theme's scripts: the shipped
//! catalogue of the language, a handbook's own `i18n/LANG.toml` over it, English otherwise.

mod common;
use common::*;

/// A page with a question whose answer is 7.5 (anything from 6.5 to 8.5).
const QUIZ: &str = "# Quiz\n\n```exercise\nid = \"q\"\n[[question]]\ntype = \"short\"\nprompt = \"How many?\"\naccept_number = 7.5\ntolerance = 1\n```\n";

/// The quiz page of a handbook in `language` with `files` added, built.
fn quiz_page(language: &str, files: &[(&str, &str)]) -> String {
    let config = format!("title = \"T\"\nlanguage = \"{language}\"\n");
    let mut all = vec![
        ("handbook.toml", config.as_str()),
        ("content/quiz.md", QUIZ),
    ];
    all.extend_from_slice(files);
    let root = handbook(&all);
    let out = build_ok(root.path());
    read(&out.path().join("site/quiz.html"))
}

/// The separator the question tells `exercise.js` (`data-decimal`).
fn decimal_of(page: &str) -> &str {
    let at = page
        .find("data-decimal=\"")
        .unwrap_or_else(|| panic!("no data-decimal in:\n{page}"));
    &page[at + 14..at + 15]
}

#[test]
fn shipped_catalogues_give_their_separator() {
    for (language, decimal) in [("en", "."), ("en-GB", "."), ("de", ","), ("nl-BE", ",")] {
        let page = quiz_page(language, &[]);
        assert_eq!(decimal_of(&page), decimal, "{language}");
        assert!(
            page.contains(&format!("7{decimal}5")),
            "{language}: the answer is written with {decimal}"
        );
    }
}

#[test]
fn a_language_without_a_catalogue_uses_its_override_or_english() {
    // No Italian catalogue ships: the interface, its numbers and the answers are English's.
    let page = quiz_page("it", &[]);
    assert_eq!(decimal_of(&page), ".");
    assert!(page.contains("7.5"), "{page}");
    // The handbook's own catalogue gives the separator, for the answers as for everything else.
    let page = quiz_page(
        "it",
        &[("i18n/it.toml", "[meta]\ndecimal_separator = \",\"\n")],
    );
    assert_eq!(decimal_of(&page), ",");
    assert!(page.contains("7,5"), "{page}");
}

#[test]
fn an_override_of_a_shipped_catalogue_wins() {
    let page = quiz_page(
        "en",
        &[("i18n/en.toml", "[meta]\ndecimal_separator = \",\"\n")],
    );
    assert_eq!(decimal_of(&page), ",");
    let page = quiz_page(
        "de",
        &[("i18n/de.toml", "[meta]\ndecimal_separator = \".\"\n")],
    );
    assert_eq!(decimal_of(&page), ".");
}
