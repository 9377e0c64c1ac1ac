//! Unit tests of the catalogue: the shipped files, merging, fallback and the script.

use super::*;

fn handbook(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in files {
        let p = dir.path().join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    dir
}

#[test]
fn every_shipped_catalogue_loads_cleanly() {
    assert!(shipped_languages().contains(&"en".to_string()));
    for lang in shipped_languages() {
        let c = Catalog::embedded(&lang).unwrap_or_else(|e| panic!("{lang}: {e:?}"));
        assert!(c.warnings.is_empty(), "{lang}: {:?}", c.warnings);
        assert!(c.has("meta.language_name"), "{lang}");
    }
    assert!(Catalog::english().missing().is_empty());
}

#[test]
fn text_plural_and_numbers() {
    let c = Catalog::english();
    assert_eq!(c.text("page.skip_link", &[]), "Skip to content");
    assert_eq!(
        c.text("page.written_by", &[("authors", "A, B")]),
        "Written by A, B."
    );
    assert_eq!(c.text("no.such_key", &[]), "no.such_key");
    let e = c.try_text("page.skip_lnk", None, &[]).unwrap_err();
    assert!(e.contains("did you mean `page.skip_link`"), "{e}");
    let e = c.try_text("page.written_by", None, &[]).unwrap_err();
    assert!(e.contains("`{authors}`"), "{e}");
    assert_eq!(c.number(36.5, 1), "36.5");
}

#[test]
fn the_decimal_separator_is_the_catalogue_s() {
    for (lang, comma) in [
        ("en", false),
        ("ar", false),
        ("es-MX", true),
        ("fr", true),
        ("de", true),
        ("nl", true),
        ("nb", true),
        // No catalogue: English's.
        ("it", false),
    ] {
        let c = Catalog::embedded(lang).unwrap();
        assert_eq!(c.decimal_comma(), comma, "{lang}");
        assert_eq!(
            c.decimal_separator(),
            if comma { "," } else { "." },
            "{lang}"
        );
    }
    let dir = handbook(&[("i18n/it.toml", "[meta]\ndecimal_separator = \",\"\n")]);
    assert!(Catalog::load(dir.path(), "it").unwrap().decimal_comma());
}

#[test]
fn handbook_overrides_win_and_unknown_keys_are_errors() {
    let dir = handbook(&[("i18n/en.toml", "[page]\nskip_link = \"Jump to the text\"\n")]);
    let c = Catalog::load(dir.path(), "en").unwrap();
    assert_eq!(c.text("page.skip_link", &[]), "Jump to the text");
    assert_eq!(c.text("page.previous", &[]), "Previous");

    let dir = handbook(&[("i18n/en.toml", "[page]\n\nskip_lnk = \"x\"\n")]);
    let errs = Catalog::load(dir.path(), "en").unwrap_err();
    assert_eq!(errs.len(), 1);
    assert_eq!(errs[0].location(), "i18n/en.toml:3");
    assert!(
        errs[0]
            .hint
            .as_deref()
            .unwrap()
            .contains("did you mean `page.skip_link`")
    );
}

#[test]
fn a_language_without_a_catalogue_falls_back_to_english_with_one_warning() {
    let dir = handbook(&[("i18n/xx.toml", "[page]\nskip_link = \"Skip!\"\n")]);
    let c = Catalog::load(dir.path(), "xx").unwrap();
    assert_eq!(c.text("page.skip_link", &[]), "Skip!");
    assert_eq!(c.text("page.previous", &[]), "Previous");
    assert!(!c.missing().contains(&"page.skip_link".to_string()));
    assert!(c.missing().contains(&"page.previous".to_string()));
    let few = c.warnings(false);
    assert_eq!(few.len(), 1);
    assert!(
        few[0]
            .message
            .contains("untranslated in the `xx` catalogue"),
        "{}",
        few[0].message
    );
    assert!(few[0].message.contains("more"), "{}", few[0].message);
    let all = c.warnings(true);
    for key in c.missing() {
        assert!(all[0].message.contains(&format!("`{key}`")), "{key}");
    }
}

#[test]
fn a_regional_tag_reads_both_override_files() {
    let dir = handbook(&[
        (
            "i18n/xx.toml",
            "[page]\nskip_link = \"A\"\nprevious = \"P\"\n",
        ),
        ("i18n/xx-YY.toml", "[page]\nskip_link = \"B\"\n"),
    ]);
    let c = Catalog::load(dir.path(), "xx-YY").unwrap();
    assert_eq!(c.text("page.skip_link", &[]), "B");
    assert_eq!(c.text("page.previous", &[]), "P");
    assert_eq!(c.language(), "xx-YY");
}

#[test]
fn the_script_holds_every_string() {
    let s = Catalog::english().script();
    let json = s
        .split_once("window.HANDBOOK_I18N = ")
        .unwrap()
        .1
        .trim_end()
        .trim_end_matches(';');
    let v: serde_json::Value = serde_json::from_str(json).unwrap();
    assert_eq!(v["lang"], "en");
    assert_eq!(v["dir"], "ltr");
    assert_eq!(v["decimal"], ".");
    assert_eq!(v["strings"]["page.skip_link"], "Skip to content");
    assert_eq!(
        v["strings"].as_object().unwrap().len(),
        Catalog::english().strings.len()
    );
}

#[test]
fn plural_forms_by_count_with_other_as_fallback() {
    let c = Catalog::english();
    assert_eq!(c.plural("search.results", 1.0, &[]), "1 result.");
    assert_eq!(c.plural("search.results", 12345.0, &[]), "12,345 results.");
    assert!(
        c.try_text("search.results", None, &[])
            .unwrap_err()
            .contains("count")
    );
    // Spanish (CLDR: `many` for an exact million) with only `one` and `other` given.
    let dir = handbook(&[(
        "i18n/es.toml",
        "[meta]\ndecimal_separator = \",\"\nthousands_separator = \".\"\n[search]\nresults = { one = \"{count} resultado.\", other = \"{count} resultados.\" }\n",
    )]);
    let es = Catalog::load(dir.path(), "es").unwrap();
    assert_eq!(es.plural_category(1_000_000.0), "many");
    assert_eq!(
        es.plural("search.results", 1_000_000.0, &[]),
        "1.000.000 resultados."
    );
    assert_eq!(es.plural("search.results", 1.0, &[]), "1 resultado.");
    assert_eq!(es.number(2.5, 1), "2,5");
}

#[test]
fn a_catalogue_the_language_does_not_read_is_named() {
    let dir = handbook(&[
        ("i18n/es.toml", "[page]\nskip_link = \"Saltar\"\n"),
        ("i18n/pt-BR.toml", "[page]\nskip_link = \"Pular\"\n"),
        ("i18n/spanish.toml", "[page]\nskip_link = \"Saltar\"\n"),
        ("i18n/EN.toml", "[page]\nskip_link = \"Skip\"\n"),
        ("i18n/notes.txt", "x"),
    ]);
    let c = Catalog::load(dir.path(), "en").unwrap();
    let w = c.warnings(true);
    let places: Vec<String> = w.iter().map(|d| d.location()).collect();
    assert_eq!(places, ["i18n/EN.toml", "i18n/spanish.toml"], "{w:?}");
    assert!(
        w[1].message.contains("the handbook's language is `en`"),
        "{}",
        w[1].message
    );
}

#[test]
fn the_fallback_warning_names_no_file_the_handbook_does_not_have() {
    // No i18n/xx.toml: the warning has no file and says which file to create.
    let dir = handbook(&[]);
    let c = Catalog::load(dir.path(), "xx-YY").unwrap();
    let w = &c.warnings(false)[0];
    assert_eq!(w.path, std::path::PathBuf::new(), "{w:?}");
    assert!(w.message.contains("the `xx-YY` catalogue"), "{}", w.message);
    let hint = w.hint.as_deref().unwrap_or_default();
    assert!(hint.contains("i18n/xx.toml (create it"), "{hint}");
    // With one, the warning is at it.
    let dir = handbook(&[("i18n/xx.toml", "[page]\nskip_link = \"S\"\n")]);
    let c = Catalog::load(dir.path(), "xx").unwrap();
    let w = &c.warnings(true)[0];
    assert_eq!(w.path, std::path::Path::new("i18n/xx.toml"));
    assert!(
        w.hint
            .as_deref()
            .unwrap_or_default()
            .starts_with("add them to i18n/xx.toml")
    );
}

#[test]
fn word_lists_add_to_the_english_words() {
    let en = Catalog::english().words("exercise.approx_words");
    assert!(en.contains(&"about".to_string()) && en.contains(&"approx.".to_string()));
    let es = Catalog::embedded("es").expect("es");
    let words = es.words("exercise.approx_words");
    assert!(words.contains(&"unos".to_string()), "{words:?}");
    assert!(words.ends_with(&en), "English last: {words:?}");
    assert!(
        es.script().contains("unos"),
        "i18n.js carries the merged list"
    );
    let ar = Catalog::embedded("ar").expect("ar");
    assert!(
        ar.words("exercise.percent_words")
            .contains(&"\u{66A}".to_string())
    );
    assert_eq!(
        Catalog::english().words("exercise.percent_words"),
        ["percent", "per cent"]
    );
}
