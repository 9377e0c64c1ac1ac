//! Self-check exercises: parsing, every validation error (with the Markdown file's own line
//! numbers), the HTML contract exercise.js relies on, and whole builds with the progress
//! manifest and the "My progress" page.

use handbook::components::exercise::{
    self, Answer, ParseOptions, QuestionType, QuestionView, Source, Standalone,
};
use handbook::components::{BlockCtx, render_block};
use handbook::config::Config;
use handbook::error::Diagnostic;
mod common;

use common::*;
use std::fs;
use std::path::{Path, PathBuf};

const FIRST_LINE: usize = 11;

fn ctx<'a>(config: &'a Config, ordinal: usize) -> BlockCtx<'a> {
    BlockCtx {
        display_path: Path::new("content/01-alliance/05-self-check.md"),
        page_out_path: "alliance/self-check.html",
        line: FIRST_LINE,
        ordinal,
        config,
        templates: handbook::theme::builtin(),
        catalog: handbook::i18n::Catalog::english(),
    }
}

fn parse(body: &str) -> Result<exercise::Exercise, Vec<Diagnostic>> {
    let config = Config::default();
    exercise::parse_exercise(body, &ctx(&config, 0))
}

/// The errors of `body`, as `(file line, message, hint)`.
fn errors(body: &str) -> Vec<(usize, String, String)> {
    try_errors(body).unwrap_or_else(|e| panic!("{e}"))
}

/// The errors of `body`, as `(file line, message, hint)`, or what is wrong with them: `body`
/// parsed, or one of them is not an error at the page's path with a hint.
fn try_errors(body: &str) -> Result<Vec<(usize, String, String)>, String> {
    let list = match parse(body) {
        Ok(ex) => return Err(format!("expected errors, parsed: {ex:#?}")),
        Err(list) => list,
    };
    let path = PathBuf::from("content/01-alliance/05-self-check.md");
    if let Some(d) = list.iter().find(|d| !d.is_error() || d.path != path) {
        return Err(format!("not an error at {}: {d}", path.display()));
    }
    if let Some(d) = list.iter().find(|d| d.hint.is_none()) {
        return Err(format!("every error says what to do: {d}"));
    }
    Ok(list
        .into_iter()
        .map(|d| (d.line, d.message, d.hint.unwrap_or_default()))
        .collect())
}

/// Exactly one error, at body line `body_line` (1-based), whose message contains `needle`.
fn one_error(body: &str, body_line: usize, needle: &str) -> (String, String) {
    try_one_error(body, body_line, needle).unwrap_or_else(|e| panic!("{e}"))
}

/// Like [`one_error`], saying what is wrong instead of panicking.
fn try_one_error(body: &str, body_line: usize, needle: &str) -> Result<(String, String), String> {
    let mut list = try_errors(body)?;
    if list.len() != 1 {
        return Err(format!("expected one error, got {list:#?}"));
    }
    let (line, message, hint) = list.remove(0);
    if !message.contains(needle) {
        return Err(format!("message `{message}` should contain `{needle}`"));
    }
    if line != FIRST_LINE + body_line - 1 {
        return Err(format!(
            "`{message}` should point at body line {body_line}, not {}",
            line as isize - FIRST_LINE as isize + 1
        ));
    }
    Ok((message, hint))
}

const EVERY_TYPE: &str = r#"id = "alliance-basics"
title = "Check your *understanding*"

[[question]]
type = "single"
prompt = "Which is *not* one of Bordin's elements?"
options = ["Bond", "Goals", "Tasks", "Insight"]
answer = 4
feedback = ["One of the three.", "One of the three.", "One of the three.", "Right."]
explanation = "Bordin (1979): goals, tasks, bond."
hint = "What do they agree on?"

[[question]]
type = "multiple"
prompt = "Which are tasks?"
options = ["Topics", "Frequency", "Diagnosis"]
answer = [1, 2]
explanation = "A diagnosis is not something you do together."

[[question]]
type = "truefalse"
prompt = "The *kind* of alliance matters more than its strength."
answer = false
explanation = "Strength matters more."

[[question]]
type = "short"
prompt = "The bond, goals and ...?"
accept = ["tasks", "the tasks"]
explanation = "Tasks."

[[question]]
type = "ordering"
prompt = "Put these in order."
items = ["Signal", "Link", "Offer", "Challenge", "Check"]
explanation = "Signal, link, offer, challenge, check."

[[question]]
type = "scenario"
vignette = """
A client says: **"This isn't helping."**
"""
prompt = "Which response best validates the client?"
options = ["Defend the method", "Thank them and ask more", "Change the subject"]
answer = 2
explanation = "Thank, ask, adjust."

[[question]]
type = "reflection"
prompt = "How do you respond to criticism?"
model_answer = "Thank, ask, adjust."
"#;

// ---------------------------------------------------------------------------------------------
// Parsing

#[test]
fn parses_every_question_type() {
    let ex = parse(EVERY_TYPE).unwrap();
    assert_eq!(ex.id, "alliance-basics");
    assert!(ex.explicit_id);
    assert_eq!(ex.line, FIRST_LINE, "the line of `id`");
    assert!(ex.show_answer);
    assert!(ex.shuffle, "options are shuffled by default");
    let kinds: Vec<QuestionType> = ex.questions.iter().map(|q| q.kind).collect();
    assert_eq!(kinds, QuestionType::all().to_vec());
    let keys: Vec<&str> = ex.questions.iter().map(|q| q.key.as_str()).collect();
    assert_eq!(keys, ["q1", "q2", "q3", "q4", "q5", "q6", "q7"]);
    let q = &ex.questions;
    assert_eq!(
        q[0].answer,
        Answer::One(3),
        "1-based in the source, 0-based inside"
    );
    assert_eq!(q[0].feedback.len(), 4);
    assert_eq!(q[0].hint.as_deref(), Some("What do they agree on?"));
    assert_eq!(q[0].line, FIRST_LINE + 3, "the `[[question]]` header");
    assert_eq!(q[1].answer, Answer::Many(vec![0, 1]));
    assert_eq!(q[2].answer, Answer::Bool(false));
    assert_eq!(
        q[3].answer,
        Answer::Accept(vec!["tasks".into(), "the tasks".into()])
    );
    assert!(matches!(&q[4].answer, Answer::Order(items) if items.len() == 5));
    assert_eq!(q[5].answer, Answer::One(1));
    assert!(q[5].vignette.as_deref().unwrap().contains("isn't helping"));
    assert_eq!(q[6].answer, Answer::Free);
    assert_eq!(q[6].model_answer.as_deref(), Some("Thank, ask, adjust."));
}

#[test]
fn scenario_may_have_several_answers() {
    let ex = parse(
        r#"[[question]]
type = "scenario"
vignette = "A client is late."
prompt = "Which responses help?"
options = ["Ask", "Blame", "Explore"]
answer = [3, 1]
"#,
    )
    .unwrap();
    assert_eq!(ex.questions[0].answer, Answer::Many(vec![0, 2]));
    assert!(ex.questions[0].is_multi());
}

#[test]
fn lenient_forms_are_accepted() {
    let ex = parse(
        r#"[[question]]
type = "multiple"
prompt = "One right?"
options = ["a", "b"]
answer = 2

[[question]]
type = "single"
prompt = "A list of one"
options = ["a", "b"]
answer = [1]

[[question]]
type = "short"
prompt = "One accepted answer as a string"
accept = "bond"
"#,
    )
    .unwrap();
    assert_eq!(ex.questions[0].answer, Answer::Many(vec![1]));
    assert_eq!(ex.questions[1].answer, Answer::One(0));
    assert_eq!(ex.questions[2].answer, Answer::Accept(vec!["bond".into()]));
}

#[test]
fn derived_ids_come_from_page_and_position() {
    let config = Config::default();
    let body = "[[question]]\ntype = \"truefalse\"\nprompt = \"p\"\nanswer = true\n";
    let a = exercise::parse_exercise(body, &ctx(&config, 0)).unwrap();
    let b = exercise::parse_exercise(body, &ctx(&config, 2)).unwrap();
    assert_eq!(a.id, "alliance-self-check-1");
    assert_eq!(b.id, "alliance-self-check-3");
    assert!(!a.explicit_id);
    // An explicit id does not depend on the position.
    let explicit = format!("id = \"mine\"\n{body}");
    let c = exercise::parse_exercise(&explicit, &ctx(&config, 0)).unwrap();
    let d = exercise::parse_exercise(&explicit, &ctx(&config, 5)).unwrap();
    assert_eq!((c.id.as_str(), d.id.as_str()), ("mine", "mine"));
}

#[test]
fn explicit_question_ids_are_kept() {
    let ex = parse(
        "[[question]]\nid = \"first\"\ntype = \"truefalse\"\nprompt = \"p\"\nanswer = true\n\n\
         [[question]]\ntype = \"truefalse\"\nprompt = \"p\"\nanswer = false\n",
    )
    .unwrap();
    assert_eq!(ex.questions[0].key, "first");
    assert_eq!(ex.questions[1].key, "q2");
}

#[test]
fn show_answer_and_shuffle_are_read() {
    let ex = parse(
        "show_answer = false\nshuffle = false\n[[question]]\ntype = \"truefalse\"\nprompt = \"p\"\nanswer = true\n",
    )
    .unwrap();
    assert!(!ex.show_answer);
    assert!(!ex.shuffle);
}

#[test]
fn fingerprints_ignore_wording_but_not_answers() {
    let base =
        "[[question]]\ntype = \"single\"\nprompt = \"P\"\noptions = [\"a\", \"b\"]\nanswer = 1\n";
    let fp = |body: &str| parse(body).unwrap().questions[0].fingerprint();
    let same = base.replace("prompt = \"P\"", "prompt = \"P, reworded\"");
    let changed = base.replace("answer = 1", "answer = 2");
    assert_eq!(fp(base), fp(&same));
    assert_ne!(fp(base), fp(&changed));
}

#[test]
fn short_answers_compare_without_case_spaces_or_trailing_punctuation() {
    assert_eq!(exercise::normalize_answer("  The   BOND.  "), "the bond");
    assert_eq!(exercise::normalize_answer("bond?!"), "bond");
    assert_eq!(
        exercise::normalize_answer("client\u{2019}s goal"),
        "client's goal"
    );
}

// ---------------------------------------------------------------------------------------------
// Validation errors: each names file:line and what to do

#[test]
fn error_toml_syntax() {
    let (msg, _) = one_error(
        "[[question]]\ntype = \"single\"\nprompt = \"unterminated\n",
        3,
        "never closed",
    );
    assert!(msg.starts_with("exercise:"));
}

/// One case of `tests/fixtures/exercise-errors.toml`.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ErrorCase {
    name: String,
    body: String,
    line: usize,
    message: String,
    #[serde(default)]
    message_also: Vec<String>,
    hint: Option<String>,
}

/// What is wrong with `case`'s one error, if anything.
fn error_case_problem(case: &ErrorCase) -> Result<(), String> {
    let (message, hint) = try_one_error(&case.body, case.line, &case.message)?;
    for part in &case.message_also {
        if !message.contains(part.as_str()) {
            return Err(format!("message `{message}` should contain `{part}`"));
        }
    }
    match &case.hint {
        Some(part) if !hint.contains(part.as_str()) => {
            Err(format!("hint `{hint}` should contain `{part}`"))
        }
        _ => Ok(()),
    }
}

#[test]
fn every_validation_error_names_its_line_and_what_to_do() {
    #[derive(serde::Deserialize)]
    struct Cases {
        case: Vec<ErrorCase>,
    }
    let file = fixture("exercise-errors.toml");
    let cases: Cases =
        toml::from_str(&read(&file)).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    assert!(cases.case.len() >= 30, "{} cases", cases.case.len());
    let mut names: Vec<&str> = cases.case.iter().map(|c| c.name.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), cases.case.len(), "every case has its own name");
    let failures: Vec<String> = cases
        .case
        .iter()
        .filter_map(|c| {
            error_case_problem(c)
                .err()
                .map(|e| format!("{}: {e}", c.name))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn all_errors_of_a_block_are_reported_together() {
    let list = errors(
        "[[question]]\ntype = \"single\"\nprompt = \"\"\noptions = [\"a\", \"b\"]\nanswer = 5\n\n\
         [[question]]\ntype = \"ordering\"\nprompt = \"p\"\nitems = [\"x\"]\n",
    );
    let lines: Vec<usize> = list.iter().map(|(l, _, _)| *l - FIRST_LINE + 1).collect();
    assert_eq!(list.len(), 3, "{list:#?}");
    assert!(
        lines.contains(&3) && lines.contains(&5) && lines.contains(&10),
        "{lines:?}"
    );
}

// ---------------------------------------------------------------------------------------------
// HTML: the contract exercise.js relies on

fn html_of(body: &str) -> String {
    let config = Config::default();
    render_block("exercise", body, &ctx(&config, 0))
        .unwrap()
        .html
}

#[test]
fn html_is_a_semantic_form() {
    let html = html_of(EVERY_TYPE);
    assert!(html.contains(r#"<section class="exercise" id="exercise-alliance-basics" data-exercise="alliance-basics""#), "{html}");
    assert!(html.contains(r#"<h2 class="exercise-title" id="exercise-alliance-basics-title">Check your <em>understanding</em></h2>"#));
    assert_eq!(html.matches("<fieldset").count(), 7);
    assert_eq!(html.matches("<legend").count(), 7);
    assert!(html.contains("Question 1 of 7"));
    assert!(html.contains("Which is <em>not</em> one of Bordin"));
    let bond = &exercise::shuffle::option_ids(&["Bond".to_string()])[0];
    assert!(html.contains(&format!(r#"<li class="question-option" data-option="{bond}" data-n="1"><input type="radio" name="exercise-alliance-basics-q1" id="exercise-alliance-basics-q1-o1" value="{bond}"> <label for="exercise-alliance-basics-q1-o1">Bond</label>"#)), "{html}");
    assert_eq!(html.matches(r#"type="checkbox""#).count(), 3);
    assert!(html.contains(">Check</button>"));
    assert!(html.contains(">Try again</button>"));
    assert!(html.contains(">Show answer</button>"));
    assert!(html.contains(r#"role="status" aria-live="polite""#));
    // Without JavaScript the answers are in <details>.
    assert!(html.contains(
        "<details class=\"question-answer\" data-answer-panel><summary>Answer</summary>"
    ));
    assert!(html.contains("<p><strong>Answer:</strong> Insight</p>"));
    assert!(html.contains("<summary>Model answer</summary>"));
    let insight = &exercise::shuffle::option_ids(&["Insight".to_string()])[0];
    assert!(html.contains(&format!(r#"data-feedback-for="{insight}""#)));
    assert!(html.contains("<summary>Hint</summary>"));
    // The scenario's vignette is block Markdown.
    assert!(
        html.contains("<strong>&quot;This isn't helping.&quot;</strong>")
            || html.contains("<strong>“This isn’t helping.”</strong>"),
        "{html}"
    );
    // Short answers carry the accepted list; ordering items their correct position.
    assert!(
        html.contains(r#"data-accept="[&quot;tasks&quot;,&quot;the tasks&quot;]""#),
        "{html}"
    );
    assert_eq!(
        html.matches("class=\"ordering-item\" data-item=").count(),
        5
    );
    assert!(html.contains("Move up: "));
    assert!(!html.contains("<script"), "no inline script");
    assert!(!html.contains(" style="), "no inline style");
    assert!(!html.contains(" onclick"), "no inline handlers");
}

#[test]
fn ordering_items_are_shown_shuffled_and_deterministic() {
    let html = html_of(EVERY_TYPE);
    let order: Vec<&str> = html
        .match_indices("class=\"ordering-item\" data-item=\"")
        .map(|(i, m)| &html[i + m.len()..i + m.len() + 1])
        .collect();
    assert_eq!(order.len(), 5);
    assert_ne!(order, ["1", "2", "3", "4", "5"], "not in the correct order");
    assert_eq!(html, html_of(EVERY_TYPE), "same input, same output");
}

#[test]
fn shuffle_changes_option_order_but_not_values() {
    let body = "id = \"s\"\nshuffle = true\n[[question]]\ntype = \"single\"\nprompt = \"p\"\noptions = [\"a\", \"b\", \"c\", \"d\", \"e\", \"f\"]\nanswer = 2\n";
    let html = html_of(body);
    let order: Vec<&str> = html
        .match_indices("data-n=\"")
        .map(|(i, m)| &html[i + m.len()..i + m.len() + 1])
        .collect();
    assert_ne!(order, ["1", "2", "3", "4", "5", "6"]);
    let b = &exercise::shuffle::option_ids(&["b".to_string()])[0];
    assert!(html.contains(&format!(r#"data-answer="{b}""#)));
    assert!(html.contains(&format!(
        r#"value="{b}"> <label for="exercise-s-q1-o2">b</label>"#
    )));
}

#[test]
fn show_answer_can_be_turned_off() {
    let html = html_of(
        "show_answer = false\n[[question]]\ntype = \"truefalse\"\nprompt = \"p\"\nanswer = true\n",
    );
    assert!(!html.contains("Show answer"));
    assert!(html.contains(r#"data-show-answer="false""#));
}

#[test]
fn block_output_has_manifest_search_text_and_anchor() {
    let config = Config::default();
    let out = render_block("exercise", EVERY_TYPE, &ctx(&config, 0)).unwrap();
    assert_eq!(out.anchors, ["exercise-alliance-basics"]);
    assert!(out.search_text.contains("Which is not one of Bordin"));
    let m = &out.manifest[0];
    assert_eq!(m.id, "alliance-basics");
    assert_eq!(m.source, "content/01-alliance/05-self-check.md");
    assert_eq!(m.line, FIRST_LINE);
    assert_eq!(m.page, "alliance/self-check.html");
    assert_eq!(m.title, "Check your understanding");
    assert_eq!(m.questions.len(), 7);
    assert!(!m.questions[6].graded);
    assert_eq!(
        m.questions[0].prompt,
        "Which is not one of Bordin\u{2019}s elements?"
    );
}

// ---------------------------------------------------------------------------------------------
// The engine as other components use it

/// Calls `f` with the table `key` of the TOML document `text`, found in `path` from its line
/// `first_line` on.
fn with_table<R>(
    text: &str,
    key: &str,
    path: &str,
    first_line: usize,
    f: impl FnOnce(&toml::Spanned<toml::de::DeValue<'_>>, &Source<'_>) -> R,
) -> R {
    let doc = toml::de::DeTable::parse(text).unwrap();
    let (_, table) = doc
        .get_ref()
        .iter()
        .find(|(k, _)| {
            let k: &str = k.get_ref();
            k == key
        })
        .unwrap_or_else(|| panic!("no table `{key}` in {text}"));
    let src = Source {
        path: Path::new(path),
        text,
        first_line,
    };
    f(table, &src)
}

#[test]
fn one_question_can_be_parsed_and_rendered_on_its_own() {
    let text = "note = \"srs\"\n\n[next]\ntype = \"single\"\nprompt = \"What would you say next?\"\noptions = [\"a\", \"b\"]\nanswer = 9\n";
    let errs = with_table(text, "next", "content/srs.md", 20, |table, src| {
        exercise::parse_question(table, src).unwrap_err()
    });
    assert_eq!(errs.len(), 1);
    assert_eq!(errs[0].line, 26, "{}", errs[0]);

    let fixed = text.replace("answer = 9", "answer = 2\nsrs_extra = 1");
    let mut q = with_table(&fixed, "next", "content/srs.md", 20, |table, src| {
        assert!(exercise::parse_question(table, src).is_err(), "unknown key");
        let only_choice = [QuestionType::SINGLE, QuestionType::MULTIPLE];
        let options = ParseOptions {
            types: Some(&only_choice),
            extra_keys: &["srs_extra"],
        };
        exercise::parse_question_with(table, src, &options).unwrap()
    });
    q.key = "next".into();
    let html = exercise::standalone_html(
        handbook::theme::builtin(),
        "srs-demo",
        &q,
        &Standalone {
            track: false,
            show_answer: true,
            title: None,
        },
    )
    .unwrap();
    assert!(html.contains(r#"data-exercise="srs-demo""#));
    assert!(html.contains(r#"data-track="false""#));
    assert!(html.contains(r#"id="exercise-srs-demo-next""#));
    assert!(html.contains("<legend"));
    let bare = exercise::question_html(
        handbook::theme::builtin(),
        &q,
        &QuestionView {
            dom_id: "x",
            number: None,
            shuffle: false,
            seed: "x",
            show_answer: false,
        },
    )
    .unwrap();
    assert!(bare.starts_with("<div class=\"question question-single\" id=\"x\""));
    assert!(!bare.contains("Show answer"));
}

#[test]
fn restricted_types_are_reported() {
    let text = "[q]\ntype = \"ordering\"\nprompt = \"p\"\nitems = [\"a\", \"b\"]\n";
    let errs = with_table(text, "q", "a.md", 1, |table, src| {
        let only = [QuestionType::SINGLE];
        let options = ParseOptions {
            types: Some(&only),
            extra_keys: &[],
        };
        exercise::parse_question_with(table, src, &options).unwrap_err()
    });
    assert!(errs[0].message.contains("not allowed here"), "{}", errs[0]);
    assert_eq!(errs[0].line, 2);
}

// ---------------------------------------------------------------------------------------------
// Whole builds

#[test]
fn a_handbook_with_exercises_builds_the_progress_page_and_manifest() {
    let (output, out) = build_temp(&fixture("exercises"));
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let site = out.path().join("site");
    let page = fs::read_to_string(site.join("basics/quiz.html")).unwrap();
    assert!(page.contains("data-exercise=\"basics-quiz\""));
    assert!(page.contains("assets/js/exercise.js"));
    assert!(page.contains("assets/css/exercise.css"));
    let manifest = fs::read_to_string(site.join("progress-data.js")).unwrap();
    assert!(
        manifest.starts_with("window.HANDBOOK_PROGRESS_DATA = "),
        "{manifest}"
    );
    let json: serde_json::Value = serde_json::from_str(
        manifest
            .trim_start_matches("window.HANDBOOK_PROGRESS_DATA = ")
            .trim_end()
            .trim_end_matches(';'),
    )
    .unwrap();
    assert_eq!(json["schema"], 1);
    let chapters = json["chapters"].as_array().unwrap();
    let ids: Vec<&str> = chapters
        .iter()
        .flat_map(|c| c["exercises"].as_array().unwrap())
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&"basics-quiz"), "{ids:?}");
    assert!(
        !manifest.contains("\"source\""),
        "no build paths in the site"
    );
    let progress = fs::read_to_string(site.join("progress.html")).unwrap();
    assert!(progress.contains("My progress"));
    assert!(progress.contains("progress-data.js"));
    assert!(progress.contains("assets/js/progress.js"));
    assert!(progress.contains("basics/quiz.html#exercise-basics-quiz"));
    assert!(!progress.contains("<script>"), "no inline script");
    // Every page carries the progress store (sidebar marks) and a link to the progress page.
    let home = fs::read_to_string(site.join("index.html")).unwrap();
    assert!(home.contains("assets/js/progress-store.js"));
    assert!(home.contains("progress.html"));
    // Same input, same output.
    let (_, again) = build_temp(&fixture("exercises"));
    assert_eq!(
        fs::read(site.join("basics/quiz.html")).unwrap(),
        fs::read(again.path().join("site/basics/quiz.html")).unwrap()
    );
    assert_eq!(
        manifest,
        fs::read_to_string(again.path().join("site/progress-data.js")).unwrap()
    );
}

#[test]
fn a_broken_exercise_fails_the_build_with_file_and_line() {
    let (output, _out) = build_temp(&fixture("exercises-bad"));
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("content/broken.md:9: answer 5 is out of range"),
        "{stderr}"
    );
    assert!(stderr.contains("hint:"), "{stderr}");
}

#[test]
fn duplicate_ids_across_the_handbook_are_errors() {
    let (output, _out) = build_temp(&fixture("exercises-bad"));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr
            .contains("content/dup.md:8: duplicate id `shared`: also used at content/a-first.md:4"),
        "{stderr}"
    );
}

#[test]
fn the_starter_handbook_has_an_example_exercise() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("starter");
    let o = run(&["new", root.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let (output, out) = build_temp(&root);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let page = fs::read_to_string(out.path().join("site/getting-started/self-check.html")).unwrap();
    assert!(page.contains("data-exercise=\"getting-started\""));
    let manifest = fs::read_to_string(out.path().join("site/progress-data.js")).unwrap();
    assert!(manifest.contains("\"getting-started\""));
}

#[test]
fn the_documented_example_is_valid() {
    let doc = read(&repo().join("README.md"));
    let start = doc.find("```exercise\n").expect("an example block") + "```exercise\n".len();
    let end = start + doc[start..].find("\n```\n").unwrap() + 1;
    let ex = parse(&doc[start..end]).unwrap_or_else(|e| panic!("{e:#?}"));
    let kinds: Vec<QuestionType> = ex.questions.iter().map(|q| q.kind).collect();
    assert_eq!(kinds, QuestionType::all().to_vec(), "one of every type");
}

/// A small handbook with an exercise whose text links to another page.
fn handbook_with_linked_exercise(link: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    fs::create_dir_all(content.join("ch")).unwrap();
    fs::write(content.join("_index.md"), "# Home\n").unwrap();
    fs::write(
        content.join("ch/target.md"),
        "# Target\n\n## The section\n\nText.\n",
    )
    .unwrap();
    fs::write(
        content.join("ch/quiz.md"),
        format!(
            "# Quiz\n\n```exercise\nid = \"linked\"\n\n[[question]]\ntype = \"truefalse\"\nprompt = \"See [the target]({link}) first.\"\nanswer = true\nexplanation = \"As [the section]({link}) says.\"\n```\n"
        ),
    )
    .unwrap();
    dir
}

#[test]
fn links_in_exercise_text_are_rewritten_and_checked() {
    let root = handbook_with_linked_exercise("target.md#the-section");
    let (output, out) = build_temp(root.path());
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let page = fs::read_to_string(out.path().join("site/ch/quiz.html")).unwrap();
    assert!(
        page.contains(r#"<a href="target.html#the-section">the target</a>"#),
        "prompt link rewritten"
    );
    assert!(
        page.contains(r#"<a href="target.html#the-section">the section</a>"#),
        "explanation link rewritten"
    );
    assert!(!page.contains("target.md"));

    let root = handbook_with_linked_exercise("target.md#no-such-section");
    let (output, _out) = build_temp(root.path());
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("content/ch/quiz.md:8") && stderr.contains("#no-such-section"),
        "{stderr}"
    );

    let root = handbook_with_linked_exercise("missing.md");
    let (output, _out) = build_temp(root.path());
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("content/ch/quiz.md:8: broken link `missing.md`"),
        "{stderr}"
    );
}

#[test]
fn check_warns_about_exercises_without_an_id() {
    let output = run_on(&["check"], &fixture("exercises"));
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(
            "warning: content/02-more/01-extra.md:4: exercise without an `id` (it is `more-extra-1`"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("1 warning"), "only that one: {stderr}");
}

/// Every registered question type has its template and registers its script (the recipe of
/// ARCHITECTURE.md, "Adding a question type").
#[test]
fn every_question_type_has_a_template_and_a_script() {
    let theme = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default");
    let scripts: String = std::fs::read_dir(theme.join("static/js/exercise/types"))
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    for t in QuestionType::all() {
        let template = theme.join(format!(
            "templates/components/question/{}.html",
            t.template()
        ));
        assert!(
            template.is_file(),
            "{} has no {}",
            t.name(),
            template.display()
        );
        let registers = scripts.lines().any(|l| {
            l.trim_start().starts_with("questionType([") && l.contains(&format!("\"{}\"", t.name()))
        });
        assert!(registers, "no exercise/types/*.js registers {}", t.name());
    }
}
