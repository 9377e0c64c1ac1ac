//! Search per content language (issue 18), on the real binary: `language` picks the stemmer
//! of the index and the one built into `assets/js/search.js` (no other language's stemmer is
//! written), stop words are English only, a word with accents is indexed under its folded stem
//! too, Chinese is indexed by bigrams, and a theme can override one language's stemmer part.

mod common;

use common::*;

/// A handbook in `language` with one page of `text`, built: (its folder, the output).
fn built(
    language: &str,
    text: &str,
    theme: &[(&str, &str)],
) -> (tempfile::TempDir, tempfile::TempDir) {
    let toml = format!("title = \"T\"\nid = \"t\"\nlanguage = \"{language}\"\n");
    let page = format!("# Alliance\n\n{text}\n");
    let dir = handbook_with_theme(
        &[("handbook.toml", &toml), ("content/_index.md", &page)],
        theme,
    );
    let out = build_ok(dir.path());
    (dir, out)
}

fn site_file(out: &tempfile::TempDir, rel: &str) -> String {
    read(&out.path().join("site").join(rel))
}

#[test]
fn spanish_gets_the_spanish_stemmer_folded_terms_and_no_stop_words() {
    let (_dir, out) = built("es-MX", "La validación de las emociones.", &[]);
    let js = site_file(&out, "assets/js/search.js");
    assert!(
        js.contains("Snowball Spanish"),
        "no Spanish stemmer in search.js"
    );
    for other in [
        "Snowball English",
        "Snowball French",
        "Snowball Greek",
        "without a Snowball",
    ] {
        assert!(!js.contains(other), "search.js has {other}");
    }
    assert!(
        !js.lines()
            .any(|l| l.trim_start().starts_with("//= include")),
        "an include was left in search.js"
    );
    let names = files(&out.path().join("site/assets/js"));
    assert!(names.iter().all(|n| !n.starts_with("search/")), "{names:?}");
    let index = site_file(&out, "search-index.js");
    assert!(index.contains("\"stop\":[]"), "{index}");
    // "validación": its stem and its folded form's; "de" and "las" are words in Spanish.
    for term in [
        "\"valid\":",
        "\"validacion\":",
        "\"emocion\":",
        "\"de\":",
        "\"las\":",
    ] {
        assert!(index.contains(term), "no {term} in {index}");
    }
}

#[test]
fn english_keeps_its_stop_words_and_porter2() {
    let (_dir, out) = built("en-GB", "The naïve validation of the bond.", &[]);
    let js = site_file(&out, "assets/js/search.js");
    assert!(js.contains("Snowball English (Porter2)"));
    assert!(
        !js.contains("snowball-stemmers 0.6.0"),
        "the generated stemmers are not needed"
    );
    let index = site_file(&out, "search-index.js");
    assert!(index.contains("\"stop\":[\"a\","), "{index}");
    for term in ["\"naïv\":", "\"naiv\":", "\"valid\":", "\"bond\":"] {
        assert!(index.contains(term), "no {term} in {index}");
    }
    assert!(!index.contains("\"the\":"), "{index}");
}

#[test]
fn a_language_without_a_stemmer_keeps_words_and_chinese_gets_bigrams() {
    let (_dir, out) = built("zh-Hans", "治疗联盟 चिकित्सकों", &[]);
    let js = site_file(&out, "assets/js/search.js");
    assert!(js.contains("without a Snowball stemmer"));
    assert!(!js.contains("snowball-stemmers 0.6.0"));
    let index = site_file(&out, "search-index.js");
    for term in ["\"治疗\":", "\"疗联\":", "\"联盟\":", "\"चिकित्सकों\":"]
    {
        assert!(index.contains(term), "no {term} in {index}");
    }
    assert!(!index.contains("\"治疗联盟\":"), "{index}");
}

#[test]
fn a_theme_may_override_one_languages_stemmer() {
    let mine = "var stem = function (word) { return 'mine:' + word; };\n";
    let (_dir, out) = built(
        "nb",
        "Samarbeidet.",
        &[("static/js/search/stemmers/no.js", mine)],
    );
    let js = site_file(&out, "assets/js/search.js");
    assert!(
        js.contains("return 'mine:' + word;"),
        "the override is not used"
    );
    assert!(!js.contains("Snowball Norwegian"));
}
