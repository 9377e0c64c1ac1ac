//! The shipped interface catalogues (`themes/default/i18n/LANG.toml`) against the English
//! reference: every key of `en.toml` and no other, the same placeholders, plural tables where
//! English has them (with the language's CLDR categories and `other`), the number separators
//! in `[meta]`, no untranslated text, a catalogue for every `handbook new` starter, and
//! `progress summarize --language LANG` pages and CSV files with no English left in them.
//!
//! Read with the `toml` crate directly, so a broken catalogue fails here with the language,
//! the key and what is wrong, whatever the build does with it.

mod common;
use common::*;
use std::collections::{BTreeMap, BTreeSet};
use toml::Value;

/// One catalogue: `section.key` -> value.
type Catalogue = BTreeMap<String, Value>;

/// Every shipped catalogue by language, English included.
fn catalogues() -> BTreeMap<String, Catalogue> {
    let dir = repo().join("themes/default/i18n");
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(&dir).expect("themes/default/i18n exists") {
        let path = entry.expect("a directory entry").path();
        let Some(lang) = path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_suffix(".toml"))
        else {
            continue;
        };
        let text = read(&path);
        let doc: toml::Table = text
            .parse()
            .unwrap_or_else(|e| panic!("{}: not TOML: {e}", path.display()));
        let mut keys = Catalogue::new();
        for (section, table) in doc {
            let Value::Table(table) = table else {
                panic!("{lang}.toml: `{section}` is not a section");
            };
            for (key, value) in table {
                keys.insert(format!("{section}.{key}"), value);
            }
        }
        out.insert(lang.to_string(), keys);
    }
    out
}

/// The strings of a value: a text, or each form of a plural table.
fn strings(value: &Value) -> Vec<&str> {
    match value {
        Value::String(s) => vec![s.as_str()],
        Value::Table(forms) => forms.values().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

/// The `{name}` placeholders of a string (`{{` and `}}` are literal braces); `Err` when a
/// brace is unbalanced or a name is not an ASCII identifier.
fn placeholders(s: &str) -> Result<BTreeSet<String>, String> {
    let mut out = BTreeSet::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
            }
            '{' => {
                let mut name = String::new();
                let mut closed = false;
                for c in chars.by_ref() {
                    if c == '}' {
                        closed = true;
                        break;
                    }
                    name.push(c);
                }
                let ident = name
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
                    && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
                if !closed || !ident {
                    return Err(format!("`{{{name}` is not a placeholder"));
                }
                out.insert(name);
            }
            '}' => return Err("a lone `}` (write `}}` for a brace)".into()),
            _ => {}
        }
    }
    Ok(out)
}

/// The CLDR plural categories of a language's cardinal numbers (those a catalogue may use).
fn categories(lang: &str) -> &'static [&'static str] {
    match lang {
        "ar" => &["zero", "one", "two", "few", "many", "other"],
        "es" | "fr" | "it" | "pt" => &["one", "many", "other"],
        _ => &["one", "other"],
    }
}

/// Words of two or more letters outside placeholders, for telling a translation from a copy
/// of the English.
fn words(s: &str) -> usize {
    let mut text = String::new();
    let mut depth = 0;
    for c in s.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth = 0,
            _ if depth == 0 => text.push(c),
            _ => {}
        }
    }
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() > 1)
        .count()
}

#[test]
fn every_catalogue_has_every_english_key_with_its_placeholders() {
    let all = catalogues();
    let en = all.get("en").expect("en.toml is shipped");
    assert!(en.len() > 10, "en.toml has only {} keys", en.len());
    let mut problems = Vec::new();
    for (lang, cat) in all.iter().filter(|(l, _)| *l != "en") {
        for key in cat.keys().filter(|k| !en.contains_key(*k)) {
            problems.push(format!("{lang}: `{key}` is not a key of en.toml"));
        }
        for (key, english) in en {
            let Some(value) = cat.get(key) else {
                problems.push(format!("{lang}: `{key}` is missing"));
                continue;
            };
            match (english, value) {
                (Value::String(_), Value::String(_)) => {}
                (Value::Table(_), Value::Table(forms)) => {
                    if !forms.contains_key("other") {
                        problems.push(format!("{lang}: `{key}` has no `other` form"));
                    }
                    for category in forms.keys() {
                        if !categories(lang).contains(&category.as_str()) {
                            problems.push(format!(
                                "{lang}: `{key}.{category}` is not a plural category of {lang} ({})",
                                categories(lang).join(", ")
                            ));
                        }
                    }
                }
                _ => problems.push(format!(
                    "{lang}: `{key}` must be {} like en.toml's",
                    if english.is_table() {
                        "a plural table"
                    } else {
                        "text"
                    }
                )),
            }
            let want: BTreeSet<String> = strings(english)
                .iter()
                .flat_map(|s| placeholders(s).unwrap_or_default())
                .collect();
            let reference = strings(english).last().copied().unwrap_or_default();
            for s in strings(value) {
                // Outer spaces as in English (`list_separator = ", "`); a number separator in
                // `[meta]` may be a (no-break) space.
                let outer = |t: &str| {
                    let start = t[..t.len() - t.trim_start().len()].to_string();
                    let end = t[t.trim_end().len()..].to_string();
                    (start, end)
                };
                let separator = key.starts_with("meta.") && key.ends_with("_separator");
                if !separator && (s.trim().is_empty() || outer(s) != outer(reference)) {
                    problems.push(format!(
                        "{lang}: `{key}` is empty or its outer spaces differ from en.toml's: {s:?}"
                    ));
                }
                match placeholders(s) {
                    Err(e) => problems.push(format!("{lang}: `{key}`: {e} in {s:?}")),
                    Ok(got) => {
                        // A plural form may leave out `{count}` ("one result"); nothing else.
                        let mut want = want.clone();
                        if value.is_table() && !got.contains("count") {
                            want.remove("count");
                        }
                        if got != want {
                            problems.push(format!(
                                "{lang}: `{key}` has placeholders {got:?}, en.toml {want:?}: {s:?}"
                            ));
                        }
                    }
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn catalogues_are_translated_not_copied() {
    let all = catalogues();
    let en = &all["en"];
    let mut problems = Vec::new();
    for (lang, cat) in all.iter().filter(|(l, _)| *l != "en") {
        for (key, value) in cat {
            let Some(english) = en.get(key) else { continue };
            // A text of three words or more that is exactly the English is untranslated
            // (a single word such as "Navigation" or "Total" may well be the same).
            if value == english && strings(value).iter().any(|s| words(s) >= 3) {
                problems.push(format!("{lang}: `{key}` is the English text"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn meta_gives_the_languages_name_and_number_separators() {
    for (lang, cat) in catalogues() {
        let text = |k: &str| {
            cat.get(&format!("meta.{k}"))
                .and_then(Value::as_str)
                .unwrap_or_else(|| panic!("{lang}: meta.{k} is missing"))
                .to_string()
        };
        assert!(!text("language_name").is_empty(), "{lang}");
        let decimal = text("decimal_separator");
        let thousands = text("thousands_separator");
        assert_eq!(decimal.chars().count(), 1, "{lang}: decimal {decimal:?}");
        assert!(
            thousands.chars().count() <= 1,
            "{lang}: thousands {thousands:?}"
        );
        assert_ne!(decimal, thousands, "{lang}");
        for s in [&decimal, &thousands] {
            assert!(
                !s.chars().any(|c| c.is_alphanumeric()),
                "{lang}: separator {s:?}"
            );
        }
        // The languages of continental Europe write a decimal comma.
        if ["de", "es", "fr", "nb", "nl"].contains(&lang.as_str()) {
            assert_eq!(decimal, ",", "{lang}");
        }
    }
}

#[test]
fn every_starter_language_ships_a_catalogue() {
    let all = catalogues();
    for starter in handbook::scaffold::STARTERS {
        assert!(
            all.contains_key(starter.language),
            "`handbook new --language {}` makes a handbook whose interface has no catalogue",
            starter.language
        );
    }
    for lang in ["en", "es", "fr", "de", "nl", "nb"] {
        assert!(all.contains_key(lang), "{lang}.toml is not shipped");
    }
}

#[test]
fn the_checks_catch_what_they_look_for() {
    assert_eq!(
        placeholders("{count} of {total}, {{literal}}").unwrap(),
        BTreeSet::from(["count".to_string(), "total".to_string()])
    );
    assert!(placeholders("{count").is_err());
    assert!(placeholders("a } b").is_err());
    assert!(placeholders("{1x}").is_err());
    assert_eq!(words("Show the answer"), 3);
    assert_eq!(words("Navigation"), 1);
    assert_eq!(words("{day} {month} {year}"), 0);
    assert!(categories("ar").contains(&"few"));
    assert!(!categories("de").contains(&"many"));
}

/// The text pieces of a catalogue value between its placeholders, trimmed of spaces and
/// punctuation, of four letters or more.
fn pieces(value: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for s in strings(value) {
        let mut piece = String::new();
        let mut depth = 0;
        let mut flush = |piece: &mut String| {
            let p = piece
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_string();
            if p.chars().filter(|c| c.is_alphabetic()).count() >= 4 {
                out.push(p);
            }
            piece.clear();
        };
        for c in s.chars() {
            match c {
                '{' => {
                    depth += 1;
                    flush(&mut piece);
                }
                '}' => depth = 0,
                _ if depth == 0 => piece.push(c),
                _ => {}
            }
        }
        flush(&mut piece);
    }
    out
}

#[test]
fn progress_summaries_speak_each_language() {
    let all = catalogues();
    let en = &all["en"];
    let inputs: Vec<std::path::PathBuf> = std::fs::read_dir(fixture("progress-files/good"))
        .expect("the good progress files")
        .map(|e| e.expect("an entry").path())
        .collect();
    for (lang, cat) in all.iter().filter(|(l, _)| *l != "en") {
        let out = tempfile::tempdir().unwrap();
        let o = summarize(&inputs, out.path(), &["--language", lang]);
        assert!(o.status.success(), "{lang}: {}", printed(&o));
        let page = read(&out.path().join("summary.html"));
        let csv = read(&out.path().join("summary.csv"));
        assert!(page.contains(&format!("lang=\"{lang}\"")), "{lang}");
        let own: String = cat
            .values()
            .flat_map(strings)
            .collect::<Vec<_>>()
            .join("\n");
        for (key, value) in en.iter().filter(|(k, _)| k.starts_with("summary.")) {
            for piece in pieces(value) {
                if own.contains(&piece) {
                    continue;
                }
                for (what, text) in [("summary.html", &page), ("summary.csv", &csv)] {
                    assert!(
                        !text.contains(&piece),
                        "{lang}: {what} shows the English {piece:?} ({key})"
                    );
                }
            }
        }
    }
}
