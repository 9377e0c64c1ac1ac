//! The shared text vectors, `tests/vectors/text.json` and `tests/vectors/search.json`: the
//! cases the Rust code and the theme's JavaScript must agree on (search tokeniser, Snowball
//! stemmers per language, accent folding, index terms, answer grading). This file
//! checks the Rust side, and runs `tests/browser/vectors.test.js` under Node for the JavaScript
//! side, so plain `cargo test` fails when either side disagrees with the file. Node missing is
//! a failure, never a skip.

mod common;

use common::*;
use handbook::components::exercise::answers::{
    NumberAnswer, NumberWords, ShortGrade, grade_short, normalize_answer, parse_number,
    text_matches,
};
use handbook::i18n::Catalog;
use handbook::search::{Language, fold, terms, tokenize};
use rust_stemmers::{Algorithm, Stemmer};
use serde_json::Value;
use std::process::Command;

const VECTORS: &str = "tests/vectors/text.json";

fn vectors() -> Value {
    let text = read(&repo().join(VECTORS));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{VECTORS}: {e}"))
}

/// The cases of section `name`; there must be some.
fn cases(v: &Value, name: &str) -> Vec<Value> {
    let list = v[name]
        .as_array()
        .unwrap_or_else(|| panic!("{VECTORS} has no `{name}` list"));
    assert!(!list.is_empty(), "{VECTORS}: no `{name}` cases");
    list.clone()
}

/// Fails listing every case in `failures` (one per line).
#[track_caller]
fn assert_none(section: &str, failures: Vec<String>) {
    assert!(
        failures.is_empty(),
        "{} `{section}` case(s) of tests/vectors/ fail on the Rust side:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Checks every `[input, want]` case of section `name` against `f`, listing all that fail.
#[track_caller]
fn assert_pairs<S: AsRef<str>>(v: &Value, name: &str, f: impl Fn(&str) -> S) {
    let failures: Vec<String> = cases(v, name)
        .iter()
        .filter_map(|c| {
            let (input, want) = (text(&c[0]), text(&c[1]));
            let got = f(input);
            (got.as_ref() != want)
                .then(|| format!("{name}({input:?}): got {:?}, want {want:?}", got.as_ref()))
        })
        .collect();
    assert_none(name, failures);
}

fn text(v: &Value) -> &str {
    v.as_str()
        .unwrap_or_else(|| panic!("{VECTORS}: {v} is not a string"))
}

#[test]
fn tokenize_cases() {
    assert_tokenize(&vectors());
}

/// Checks the `tokenize` cases of `v` (`[text, [words]]`).
#[track_caller]
fn assert_tokenize(v: &Value) {
    let mut failures = Vec::new();
    for c in cases(v, "tokenize") {
        let want: Vec<String> = serde_json::from_value(c[1].clone()).expect("a list of words");
        let got = tokenize(text(&c[0]));
        if got != want {
            failures.push(format!("tokenize({}): got {got:?}, want {want:?}", c[0]));
        }
    }
    assert_none("tokenize", failures);
}

#[test]
fn stem_cases() {
    let stemmer = Stemmer::create(Algorithm::English);
    let mut failures = Vec::new();
    for c in cases(&vectors(), "stem") {
        let (word, want) = (text(&c[0]), text(&c[1]));
        let got = stemmer.stem(word);
        if got != want {
            failures.push(format!(
                "stem({word:?}): rust-stemmers {got:?}, want {want:?}"
            ));
        }
    }
    assert_none("stem", failures);
}

#[test]
fn normalize_cases() {
    assert_pairs(&vectors(), "normalize", normalize_answer);
}

#[test]
fn matches_cases() {
    let mut failures = Vec::new();
    for c in cases(&vectors(), "matches") {
        let typos = c["typos"].as_bool().expect("typos");
        let got = text_matches(text(&c["given"]), text(&c["accepted"]), typos);
        if Some(got) != c["expect"].as_bool() {
            failures.push(format!("{c}: got {got}"));
        }
    }
    assert_none("matches", failures);
}

/// The number words of a case's `language` (English when it has none), from the shipped
/// catalogues as a build merges them.
fn words(c: &Value) -> NumberWords {
    let lang = c["language"].as_str().unwrap_or("en");
    let catalog = Catalog::embedded(lang).unwrap_or_else(|e| panic!("catalogue {lang}: {e:?}"));
    NumberWords::of(&catalog)
}

#[test]
fn numbers_cases() {
    let mut failures = Vec::new();
    for c in cases(&vectors(), "numbers") {
        let comma = c["comma"].as_bool().expect("comma");
        let got = parse_number(text(&c["text"]), c["unit"].as_str(), comma, &words(&c));
        if got != c["expect"].as_f64() {
            failures.push(format!("{c}: got {got:?}"));
        }
    }
    assert_none("numbers", failures);
}

#[test]
fn grade_cases() {
    let mut failures = Vec::new();
    for c in cases(&vectors(), "grade") {
        let accept: Vec<String> = serde_json::from_value(c["accept"].clone()).expect("accept");
        let number = c["number"].as_object().map(|n| NumberAnswer {
            value: n["value"].as_f64().expect("value"),
            tolerance: n["tolerance"].as_f64().expect("tolerance"),
            unit: n["unit"].as_str().map(str::to_string),
            decimal_comma: n["comma"].as_bool().expect("comma"),
            words: words(&c),
        });
        let typos = c["typos"].as_bool().expect("typos");
        let got = grade_short(text(&c["given"]), &accept, number.as_ref(), typos);
        let want = match text(&c["expect"]) {
            "correct" => ShortGrade::Correct,
            "out_of_range" => ShortGrade::OutOfRange,
            "not_a_number" => ShortGrade::NotANumber,
            "not_accepted" => ShortGrade::NotAccepted,
            other => panic!("{VECTORS}: unknown expectation {other}"),
        };
        if got != want {
            failures.push(format!("{c}: got {got:?}"));
        }
    }
    assert_none("grade", failures);
}

const SEARCH: &str = "tests/vectors/search.json";

fn search_vectors() -> Value {
    let text = read(&repo().join(SEARCH));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{SEARCH}: {e}"))
}

/// Every stemmer's cases (real words and their folded forms) against rust-stemmers, picked
/// the way a build picks it (`Language::for_tag`); the shipped languages must have hundreds.
#[test]
fn search_stem_cases_per_language() {
    let v = search_vectors();
    let all = v["stems"].as_object().expect("`stems` by stemmer");
    for (name, least) in [
        ("en", 100),
        ("es", 200),
        ("fr", 200),
        ("de", 200),
        ("nl", 200),
        ("no", 200),
        ("el", 100),
        ("ru", 100),
        ("ar", 100),
    ] {
        let n = all.get(name).and_then(Value::as_array).map_or(0, Vec::len);
        assert!(
            n >= least,
            "{SEARCH}: {n} `{name}` stems, want {least} or more"
        );
    }
    for name in Language::stemmer_names() {
        assert!(
            name == handbook::search::NO_STEMMER || all.contains_key(name),
            "{SEARCH}: no `{name}` stems (every stemmer the theme ships needs cases)"
        );
    }
    let mut failures = Vec::new();
    for (name, list) in all {
        let language = Language::for_tag(name);
        assert_eq!(language.stemmer, name, "{SEARCH}: no stemmer `{name}`");
        let stemmer = language.snowball().expect("a stemmer");
        for c in list.as_array().expect("a list") {
            let (word, want) = (text(&c[0]), text(&c[1]));
            let got = stemmer.stem(word);
            if got != want {
                failures.push(format!("{name} stem({word:?}): {got:?}, want {want:?}"));
            }
        }
    }
    assert_none("stems", failures);
}

#[test]
fn search_fold_cases() {
    assert_pairs(&search_vectors(), "fold", |w| fold(w).into_owned());
}

#[test]
fn search_tokenize_cases() {
    assert_tokenize(&search_vectors());
}

/// The index terms of a text per language: tokens, stop words, stems and folded stems.
#[test]
fn search_terms_cases() {
    let mut failures = Vec::new();
    for c in cases(&search_vectors(), "terms") {
        let language = Language::for_tag(text(&c["language"]));
        if language.stemmer != text(&c["stemmer"]) {
            failures.push(format!("{c}: the stemmer is {}", language.stemmer));
        }
        let want: Vec<String> = serde_json::from_value(c["terms"].clone()).expect("terms");
        let got = terms(&language, text(&c["text"]));
        if got != want {
            failures.push(format!("{c}: got {got:?}"));
        }
    }
    assert_none("terms", failures);
}

/// Beyond the hand-written cases: random texts mixing scripts, accents, combining marks, CJK
/// and stop words, whose index terms (per language) `search.js` must reproduce exactly
/// (`tests/browser/terms-check.js`). The texts are the same on every run (a fixed seed).
#[test]
fn random_text_gives_the_same_terms_on_both_sides() {
    let alphabet: Vec<char> =
        "aeiouybcdnrstlmáéíóúñçàèüöäßøåæœ ΑαάέήίόύώϊΐςσΣΨψ ЁёЙйиеабвгдклмнопрст \
         नमस्तेदुनियाक्षज़ 治疗联盟心ひらがなカタ 한국어 مَرْحَبًا 12²½ -.,'İıIÅ"
            .chars()
            .chain(['\u{301}', '\u{308}', '\u{306}', '\u{93c}', ' ', ' '])
            .collect();
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    let mut cases = Vec::new();
    for i in 0..600 {
        let len = 1 + next(40);
        let mut text: String = (0..len).map(|_| alphabet[next(alphabet.len())]).collect();
        if i % 5 == 0 {
            text.push_str(" the validación of ψυχοθεραπεία");
        }
        for tag in ["en", "es", "fr", "de", "el", "ru", "hi"] {
            let language = Language::for_tag(tag);
            cases.push(serde_json::json!({
                "stemmer": language.stemmer,
                "stop": language.stop_words,
                "text": text,
                "terms": terms(&language, &text),
            }));
        }
    }
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = dir.path().join("random-terms.json");
    std::fs::write(&file, serde_json::to_string(&cases).expect("json")).expect("write");
    let out = Command::new("node")
        .arg("tests/browser/terms-check.js")
        .arg(&file)
        .current_dir(repo())
        .output()
        .unwrap_or_else(|e| panic!("cannot run `node` ({e}): install Node.js 20 or later"));
    let report = format!("{}{}", stdout(&out), stderr(&out));
    assert!(
        out.status.success(),
        "search.js and the index disagree:\n{report}"
    );
    assert!(
        report.contains("4200 random texts, 0 disagreement"),
        "{report}"
    );
}

/// The JavaScript side: `node --test tests/browser/vectors.test.js` (no browser needed).
#[test]
fn the_theme_scripts_agree_too() {
    node_test("tests/browser/vectors.test.js", VECTORS);
}
