//! The interface language (issue 18) with the real binary: a handbook's own strings in
//! `i18n/LANG.toml`, the errors and warnings about them, the generated `i18n.js`; and the shared
//! vectors `tests/vectors/i18n.json` (plural categories, number formats) on the Rust side, with
//! `tests/browser/i18n-vectors.test.js` run under Node for the JavaScript side.

mod common;

use common::*;
use handbook::i18n::{Catalog, number};
use serde_json::Value;

/// A language no catalogue ships (so every string falls back to English).
const UNSHIPPED: &str = "la";

fn i18n_data(site: &std::path::Path) -> Value {
    let script = read(&site.join("i18n.js"));
    let json = script
        .split_once("window.HANDBOOK_I18N = ")
        .map(|(_, rest)| rest.trim_end().trim_end_matches(';'))
        .unwrap_or_else(|| panic!("i18n.js:\n{script}"));
    serde_json::from_str(json).unwrap_or_else(|e| panic!("{e}: {json}"))
}

#[test]
fn a_handbook_overrides_strings_in_its_language() {
    let root = handbook(&[
        ("handbook.toml", "title = \"T\"\nlanguage = \"en\"\n"),
        ("content/_index.md", "# Home\n\n## A\n\n## B\n\n## C\n"),
        ("content/next.md", "# Next page\n"),
        (
            "i18n/en.toml",
            "[page]\nskip_link = \"Jump to the text\"\nnext = \"Onward\"\n",
        ),
    ]);
    let (o, out) = build_temp(root.path());
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!stderr(&o).contains("untranslated"), "{}", stderr(&o));
    let site = out.path().join("site");
    let home = read(&site.join("index.html"));
    assert!(home.contains(">Jump to the text</a>"), "{home}");
    assert!(
        home.contains("<span class=\"pager-label\">Onward</span>"),
        "{home}"
    );
    assert!(home.contains("aria-label=\"On this page\""), "{home}");
    assert!(home.contains("<script src=\"i18n.js?v="), "{home}");
    let data = i18n_data(&site);
    assert_eq!(data["lang"], "en");
    assert_eq!(data["strings"]["page.skip_link"], "Jump to the text");
    assert_eq!(data["strings"]["page.previous"], "Previous");
    // Loaded before theme.js, in <head>.
    let i18n = home.find("i18n.js?v=").unwrap();
    assert!(i18n < home.find("assets/js/theme.js").unwrap());
    assert!(i18n < home.find("</head>").unwrap());
}

/// A `language` that is not a language tag (a path, a newline, 5,000 letters) is an error at its
/// line, not a catalogue name: the previous output stays.
#[test]
fn a_language_that_is_not_a_tag_fails_the_build_at_its_line() {
    for bad in ["../../etc", "es\\n", "<x>"] {
        let root = handbook(&[(
            "handbook.toml",
            &format!("title = \"T\"\nlanguage = \"{bad}\"\n"),
        )]);
        let err = failing_build(root.path());
        has_line_with(&err, &["error: handbook.toml:2", "is not a language tag"]);
    }
}

#[test]
fn an_unknown_key_fails_the_build_at_its_line() {
    let root = handbook(&[(
        "i18n/en.toml",
        "[page]\nskip_link = \"Skip\"\n\nskip_lnk = \"Skip\"\n",
    )]);
    let err = failing_build(root.path());
    has_line_with(
        &err,
        &["error: i18n/en.toml:4", "unknown key `page.skip_lnk`"],
    );
    assert!(err.contains("did you mean `page.skip_link`?"), "{err}");
    // `check` says the same.
    let (code, text) = check(root.path(), &[]);
    assert_eq!(code, 1, "{text}");
    has_line_with(&text, &["i18n/en.toml:4", "unknown key"]);
}

#[test]
fn a_placeholder_english_lacks_is_an_error_and_a_dropped_one_a_warning() {
    let root = handbook(&[("i18n/en.toml", "[page]\nskip_link = \"Skip to {where}\"\n")]);
    let err = failing_build(root.path());
    has_line_with(&err, &["i18n/en.toml:2", "`{where}`"]);

    let root = handbook(&[
        ("handbook.toml", "title = \"T\"\nauthors = [\"Ana\"]\n"),
        ("i18n/en.toml", "[page]\nwritten_by = \"Written by us.\"\n"),
    ]);
    let (o, out) = build_temp(root.path());
    assert!(o.status.success(), "{}", stderr(&o));
    has_line_with(
        &stderr(&o),
        &["warning: i18n/en.toml:2", "leaves out `{authors}`"],
    );
    assert!(read(&out.path().join("site/index.html")).contains("Written by us."));
}

#[test]
fn a_broken_catalogue_is_explained() {
    let root = handbook(&[("i18n/en.toml", "[page]\nskip_link = “Skip”\n")]);
    let err = failing_build(root.path());
    assert!(err.contains("i18n/en.toml:2"), "{err}");
    let root = handbook(&[("i18n/en.toml", "skip_link = \"Skip\"\n")]);
    let err = failing_build(root.path());
    has_line_with(&err, &["i18n/en.toml:1", "not in a section"]);
}

#[test]
fn missing_strings_fall_back_to_english_with_one_warning() {
    let root = handbook(&[
        (
            "handbook.toml",
            &format!("title = \"T\"\nlanguage = \"{UNSHIPPED}\"\n"),
        ),
        (
            &format!("i18n/{UNSHIPPED}.toml"),
            "[meta]\ndecimal_separator = \",\"\n[page]\nskip_link = \"Ad textum\"\n",
        ),
    ]);
    let (o, out) = build_temp(root.path());
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    let warnings: Vec<&str> = err.lines().filter(|l| l.contains("untranslated")).collect();
    assert_eq!(warnings.len(), 1, "one warning per build:\n{err}");
    assert!(
        warnings[0].contains(&format!("warning: i18n/{UNSHIPPED}.toml")),
        "{err}"
    );
    assert!(
        warnings[0].contains("`page.previous`") || warnings[0].contains("more"),
        "{err}"
    );
    let site = out.path().join("site");
    let home = read(&site.join("index.html"));
    assert!(
        home.contains(&format!("<html lang=\"{UNSHIPPED}\"")),
        "{home}"
    );
    assert!(home.contains(">Ad textum</a>"), "{home}");
    assert!(
        home.contains(">My progress</a>"),
        "English fallback: {home}"
    );
    let data = i18n_data(&site);
    assert_eq!(data["lang"], UNSHIPPED);
    assert_eq!(data["decimal"], ",");
    assert_eq!(data["strings"]["nav.my_progress"], "My progress");

    // `check` names every untranslated key.
    let (code, text) = check(root.path(), &[]);
    assert_eq!(code, 0, "{text}");
    let english = Catalog::english();
    let line = text
        .lines()
        .find(|l| l.contains("untranslated"))
        .unwrap_or_else(|| panic!("{text}"));
    let catalog = Catalog::load(root.path(), UNSHIPPED).unwrap();
    assert!(!catalog.missing().is_empty());
    for key in catalog.missing() {
        assert!(english.has(key));
        assert!(line.contains(&format!("`{key}`")), "{key} in {line}");
    }
    assert!(!line.contains("`page.skip_link`"), "{line}");
    let (code, text) = check(root.path(), &["--deny-warnings"]);
    assert_eq!(code, 1, "{text}");
}

#[test]
fn an_english_handbook_checks_clean() {
    let root = handbook(&[("handbook.toml", "title = \"T\"\nid = \"t\"\n")]);
    let (code, text) = check(root.path(), &["--deny-warnings"]);
    assert_eq!(code, 0, "{text}");
    assert!(!text.contains("untranslated"), "{text}");
}

#[test]
fn a_spanish_build_reads_spanish_strings() {
    let root = handbook(&[
        ("handbook.toml", "title = \"Manual\"\nlanguage = \"es\"\n"),
        ("content/_index.md", "# Inicio\n"),
        (
            "content/dos.md",
            "# Dos\n\n## Sección\n\n> [!NOTE]\n> Texto.\n\n!!! danger \"Cuidado\"\n    Más texto.\n",
        ),
        (
            "i18n/es.toml",
            "[page]\nskip_link = \"Saltar al contenido\"\nnext = \"Siguiente\"\n\
             anchor_link = \"Enlace a esta sección\"\ncallout_note = \"Nota\"\n\
             admonition_danger = \"Peligro\"\n",
        ),
    ]);
    let (o, out) = build_temp(root.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let site = out.path().join("site");
    let home = read(&site.join("index.html"));
    assert!(home.contains("<html lang=\"es\" dir=\"ltr\""), "{home}");
    assert!(home.contains(">Saltar al contenido</a>"), "{home}");
    assert!(home.contains(">Siguiente</span>"), "{home}");
    // Strings the Markdown renderer writes into the content.
    let dos = read(&site.join("dos.html"));
    assert!(
        dos.contains("<span class=\"visually-hidden\">Enlace a esta sección</span>"),
        "{dos}"
    );
    assert!(
        dos.contains("aria-label=\"Nota\">\n<p class=\"callout-title\">Nota</p>"),
        "{dos}"
    );
    assert!(
        dos.contains("role=\"note\" aria-label=\"Peligro\""),
        "{dos}"
    );
    let data = i18n_data(&site);
    assert_eq!(data["lang"], "es");
    assert_eq!(data["strings"]["page.skip_link"], "Saltar al contenido");
    // A regional tag reads the language's file, then its own.
    write(
        &root.path().join("handbook.toml"),
        "title = \"Manual\"\nlanguage = \"es-MX\"\n",
    );
    write(
        &root.path().join("i18n/es-MX.toml"),
        "[page]\nnext = \"Sigue\"\n",
    );
    let (o, out) = build_temp(root.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let home = read(&out.path().join("site/index.html"));
    assert!(home.contains(">Saltar al contenido</a>"), "{home}");
    assert!(home.contains(">Sigue</span>"), "{home}");
}

/// The cases of section `name` of tests/vectors/i18n.json; there must be some.
fn vectors() -> Value {
    let text = read(&repo().join("tests/vectors/i18n.json"));
    serde_json::from_str(&text).expect("tests/vectors/i18n.json")
}

#[test]
fn plural_vectors() {
    let v = vectors();
    let cases = v["plural"].as_array().expect("plural cases");
    assert!(!cases.is_empty());
    let wrong: Vec<String> = cases
        .iter()
        .filter_map(|c| {
            let (lang, n, want) = (c[0].as_str()?, c[1].as_f64()?, c[2].as_str()?);
            let got = number::Plurals::new(lang).category(n);
            (got != want).then(|| format!("{lang} {n}: {got}, want {want}"))
        })
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn number_vectors() {
    let v = vectors();
    let cases = v["number"].as_array().expect("number cases");
    assert!(!cases.is_empty());
    let wrong: Vec<String> = cases
        .iter()
        .filter_map(|c| {
            let x = c[0].as_f64()?;
            let digits = c[1].as_u64()? as usize;
            let (dec, th, want) = (c[2].as_str()?, c[3].as_str()?, c[4].as_str()?);
            let got = number::format(x, digits, dec, th);
            (got != want).then(|| format!("{x} ({digits}, {dec:?}): {got:?}, want {want:?}"))
        })
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn shipped_catalogues_use_the_vectors_separators() {
    let v = vectors();
    let table = v["separators"].as_object().expect("separators");
    for lang in handbook::i18n::shipped_languages() {
        let want = table
            .get(&lang)
            .unwrap_or_else(|| panic!("tests/vectors/i18n.json: no separators for `{lang}`"));
        let c = Catalog::embedded(&lang).unwrap();
        assert_eq!(
            [
                c.text("meta.decimal_separator", &[]),
                c.text("meta.thousands_separator", &[])
            ],
            [want[0].as_str().unwrap(), want[1].as_str().unwrap()],
            "{lang}"
        );
    }
}

/// The JavaScript side: `node --test tests/browser/i18n-vectors.test.js` (no browser needed).
#[test]
fn the_theme_scripts_agree_too() {
    node_test(
        "tests/browser/i18n-vectors.test.js",
        "tests/vectors/i18n.json",
    );
}

/// Every key the default theme names literally (`t(key="...")` in templates, `t("...")` in
/// scripts) is in the English catalogue: a typo would show the key itself to readers.
#[test]
fn every_key_the_theme_uses_exists() {
    let english = Catalog::english();
    let theme = repo().join("themes/default");
    let mut unknown = Vec::new();
    let mut seen = 0;
    for entry in walkdir::WalkDir::new(&theme)
        .into_iter()
        .filter_map(Result::ok)
    {
        let path = entry.path();
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if !matches!(ext, "html" | "js") {
            continue;
        }
        let mut text = read(path);
        // Tera comments (`{# ... #}`) are not calls.
        while let Some(start) = text.find("{#") {
            let end = text[start..]
                .find("#}")
                .map_or(text.len(), |e| start + e + 2);
            text.replace_range(start..end, "");
        }
        let patterns: &[(&str, char)] = &[("t(key=\"", '"'), ("t(\"", '"'), ("t('", '\'')];
        for (open, close) in patterns {
            for (at, _) in text.match_indices(open) {
                // `t(` as a call, not the end of another name (`set(`, `parseInt(`).
                let before = text[..at].chars().next_back().unwrap_or(' ');
                if before.is_alphanumeric() || before == '_' || before == '.' {
                    continue;
                }
                let rest = &text[at + open.len()..];
                let Some(end) = rest.find(*close) else {
                    continue;
                };
                let key = &rest[..end];
                // A key built at run time ("scorm.problem_" + kind) ends with `_`.
                if key.ends_with('_') || !key.contains('.') {
                    continue;
                }
                seen += 1;
                if !english.has(key) {
                    let rel = path.strip_prefix(repo()).unwrap_or(path);
                    unknown.push(format!("{}: {key}", rel.display()));
                }
            }
        }
    }
    assert!(seen > 20, "only {seen} keys found: is the scan broken?");
    assert!(
        unknown.is_empty(),
        "keys not in en.toml:\n{}",
        unknown.join("\n")
    );
}
