//! The shared text vectors, `tests/vectors/text.json`: the cases the Rust code and the theme's
//! JavaScript must agree on (search tokeniser, Snowball stemmer, answer grading). This file
//! checks the Rust side, and runs `tests/browser/vectors.test.js` under Node for the JavaScript
//! side, so plain `cargo test` fails when either side disagrees with the file. Node missing is
//! a failure, never a skip.

mod common;

use common::*;
use handbook::components::exercise::answers::{
    NumberAnswer, ShortGrade, grade_short, normalize_answer, parse_number, text_matches,
};
use handbook::search::tokenize;
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
        "{} `{section}` case(s) of {VECTORS} fail on the Rust side:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn text(v: &Value) -> &str {
    v.as_str()
        .unwrap_or_else(|| panic!("{VECTORS}: {v} is not a string"))
}

#[test]
fn tokenize_cases() {
    let mut failures = Vec::new();
    for c in cases(&vectors(), "tokenize") {
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
    let mut failures = Vec::new();
    for c in cases(&vectors(), "normalize") {
        let (input, want) = (text(&c[0]), text(&c[1]));
        let got = normalize_answer(input);
        if got != want {
            failures.push(format!("normalize({input:?}): got {got:?}, want {want:?}"));
        }
    }
    assert_none("normalize", failures);
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

#[test]
fn numbers_cases() {
    let mut failures = Vec::new();
    for c in cases(&vectors(), "numbers") {
        let comma = c["comma"].as_bool().expect("comma");
        let got = parse_number(text(&c["text"]), c["unit"].as_str(), comma);
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

/// The JavaScript side: `node --test tests/browser/vectors.test.js` (no browser needed).
#[test]
fn the_theme_scripts_agree_too() {
    let file = "tests/browser/vectors.test.js";
    let out = Command::new("node")
        .args(["--test", "--test-reporter=tap", file])
        .current_dir(repo())
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "cannot run `node` ({e}): the JavaScript side of {VECTORS} is checked with \
                 Node.js 20 or later, never skipped. Install it (Debian: apt-get install nodejs) \
                 or run ./test.sh, which installs what the tests need."
            )
        });
    let report = format!("{}{}", stdout(&out), stderr(&out));
    assert!(out.status.success(), "{file} failed:\n{report}");
    // Node 20's runner has been seen to exit 0 with a failing test: read the summary too.
    assert!(report.lines().any(|l| l == "# fail 0"), "{file}:\n{report}");
    assert!(
        !report.lines().any(|l| l == "# pass 0"),
        "{file} ran no test:\n{report}"
    );
}
