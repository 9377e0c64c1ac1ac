//! `handbook new --language LANG`: every starter builds and checks clean, has the English
//! starter's parts (pages, callout, image, exercise, practice form, assignment in a learning
//! path) and sets its language; a regional tag uses its language's starter; an unknown or
//! malformed tag is a usage error listing the starters and creates nothing.

mod common;
use common::*;
use std::path::Path;

/// `handbook new --language LANG DIR`, which must succeed.
fn new_in(lang: &str, dir: &Path) {
    let o = bin()
        .args(["new", "--quiet", "--language", lang])
        .arg(dir)
        .output()
        .expect("run handbook");
    assert!(o.status.success(), "{lang}: {}", printed(&o));
}

/// Every built `.html` file below `dir`, as (path relative to `dir`, text).
fn pages(dir: &Path) -> Vec<(String, String)> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| {
            let rel = e.path().strip_prefix(dir).expect("below the site");
            (rel.to_string_lossy().replace('\\', "/"), read(e.path()))
        })
        .collect()
}

/// The built pages that contain `needle`.
fn with<'a>(pages: &'a [(String, String)], needle: &str) -> Vec<&'a str> {
    pages
        .iter()
        .filter(|(_, text)| text.contains(needle))
        .map(|(path, _)| path.as_str())
        .collect()
}

#[test]
fn every_starter_builds_checks_clean_and_has_the_english_starters_parts() {
    let tmp = tempfile::tempdir().unwrap();
    let mut english_questions = None;
    for starter in handbook::scaffold::STARTERS {
        let lang = starter.language;
        let root = tmp.path().join(lang);
        new_in(lang, &root);
        let config = read(&root.join("handbook.toml"));
        assert!(
            config.contains(&format!("\nlanguage = \"{lang}\"\n")),
            "{lang}: {config}"
        );
        let (code, text) = check(&root, &["--deny-warnings"]);
        assert_eq!(code, 0, "{lang}: {text}");
        let site = tmp.path().join(format!("{lang}-site"));
        let o = build(&root, &site);
        assert!(o.status.success(), "{lang}: {}", printed(&o));
        assert!(!printed(&o).contains("warning"), "{lang}: {}", printed(&o));

        let pages = pages(&site);
        let dir = handbook::config::direction::text_direction(lang);
        for (path, text) in &pages {
            let tag = format!("<html lang=\"{lang}\" dir=\"{dir}\"");
            assert!(text.contains(&tag), "{lang}: {path} lacks {tag}");
        }
        // The same parts as the English starter, each once.
        for part in [
            "class=\"callout callout-tip\"",
            "<section class=\"exercise\"",
            "data-srs=\"practice\"",
            "data-assignment=\"",
        ] {
            let found = with(&pages, part);
            let found: Vec<_> = found.into_iter().filter(|p| *p != "print.html").collect();
            assert_eq!(found.len(), 1, "{lang}: {part} on {found:?}");
        }
        let exercise = with(&pages, "<section class=\"exercise\"")[0];
        let exercise = &pages.iter().find(|(p, _)| p == exercise).unwrap().1;
        let questions: Vec<String> = exercise
            .split("data-type=\"")
            .skip(1)
            .filter_map(|s| s.split('"').next())
            .map(str::to_string)
            .collect();
        let english = english_questions.get_or_insert_with(|| questions.clone());
        assert_eq!(&questions, english, "{lang}: the exercise's question types");
        // The diagram, its labels in the language, beside the first page.
        let svgs: Vec<_> = walkdir::WalkDir::new(&site)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.path().file_name().is_some_and(|n| n == "diagram.svg"))
            .collect();
        assert_eq!(svgs.len(), 1, "{lang}");
        // The learning path on the home page lists the assignment.
        let home = read(&site.join("index.html"));
        let week = with(&pages, "data-assignment=\"")[0];
        assert!(home.contains(&format!("href=\"{week}\"")), "{lang}: {week}");
    }
    assert_eq!(
        english_questions.unwrap_or_default(),
        ["single", "truefalse", "ordering", "reflection"]
    );
}

#[test]
fn starters_are_written_in_their_language() {
    // A few words each starter must use (the field's terms), and English it must not.
    let expect = [
        (
            "es",
            &["alianza terapéutica", "vínculo", "Autoevaluación"][..],
        ),
        (
            "fr",
            &["alliance thérapeutique", "lien", "auto-évaluation"][..],
        ),
        (
            "de",
            &["therapeutischen Allianz", "Bindung", "Selbsttest"][..],
        ),
        ("nl", &["therapeutische alliantie", "band", "zelftoets"][..]),
        ("nb", &["terapeutiske alliansen", "bånd", "egentest"][..]),
    ];
    for (lang, words) in expect {
        let starter = handbook::scaffold::STARTERS
            .iter()
            .find(|s| s.language == lang)
            .expect("a starter");
        let all: String = starter.files.iter().map(|(_, t)| *t).collect();
        for word in words {
            assert!(
                all.to_lowercase().contains(&word.to_lowercase()),
                "{lang}: no {word:?}"
            );
        }
        for english in [
            "Your first page",
            "Check your understanding",
            "Getting started",
        ] {
            assert!(!all.contains(english), "{lang}: {english:?}");
        }
    }
}

#[test]
fn a_regional_tag_uses_its_languages_starter_and_is_kept() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("mx");
    new_in("es_mx", &root);
    let config = read(&root.join("handbook.toml"));
    assert!(config.contains("\nlanguage = \"es-MX\"\n"), "{config}");
    assert!(config.contains("title = \"Mi manual de formación\""));
    assert!(
        config.contains("id = \"mi-manual-de-formacion-"),
        "{config}"
    );
    let (o, site) = build_temp(&root);
    assert!(o.status.success(), "{}", printed(&o));
    assert!(read(&site.path().join("site/index.html")).contains("<html lang=\"es-MX\""));
}

#[test]
fn an_unknown_language_is_a_usage_error_listing_the_starters() {
    let tmp = tempfile::tempdir().unwrap();
    for (tag, says) in [
        ("pt-BR", "there is no starter in \"pt-BR\""),
        ("no", "for Norwegian Bokmål use \"nb\""),
        ("español", "\"español\" is not a language tag"),
        ("", "is not a language tag"),
    ] {
        let dir = tmp.path().join("x");
        let o = bin()
            .args(["new", "--language", tag])
            .arg(&dir)
            .output()
            .unwrap();
        let text = printed(&o);
        assert_eq!(o.status.code(), Some(2), "{tag}: {text}");
        assert!(text.contains(says), "{tag}: {text}");
        assert!(
            text.contains("ar (العربية), de (Deutsch), en (English), es (español), fr (français), nb (norsk bokmål), nl (Nederlands)"),
            "{tag}: {text}"
        );
        assert!(!text.contains("panicked"), "{text}");
        assert!(!dir.exists(), "{tag}: a folder was created");
    }
}

#[test]
fn the_help_lists_every_starter() {
    let o = run(&["new", "--help"]);
    let help = stdout(&o);
    for starter in handbook::scaffold::STARTERS {
        let lang = starter.language;
        assert!(
            [",", " ", "."]
                .iter()
                .any(|end| help.contains(&format!(" {lang}{end}"))),
            "{}: {help}",
            starter.language
        );
    }
}

#[test]
fn without_language_the_starter_is_english() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("en");
    let o = run(&["new", "--quiet", root.to_str().unwrap()]);
    assert!(o.status.success(), "{}", printed(&o));
    assert!(read(&root.join("handbook.toml")).contains("\nlanguage = \"en\"\n"));
    assert!(
        root.join("content/01-getting-started/03-self-check.md")
            .is_file()
    );
}
