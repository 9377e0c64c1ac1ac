//! Assessment integrity: shuffled options (deterministic, also without JavaScript, feedback
//! following its option), the answer-key lints of `handbook check` (each fires and stays
//! quiet), numeric and typo-tolerant short answers. (The shared answer-grading cases of
//! `tests/vectors/text.json` are run by `tests/vectors.rs`.)

use handbook::components::exercise::{self, shuffle::option_ids};
use handbook::components::{BlockCtx, render_block};
use handbook::config::Config;
mod common;

use common::*;
use std::fs;
use std::path::Path;

// ---------------------------------------------------------------------------------------------
// Rendering one block

fn render(body: &str, language: &str) -> Result<String, Vec<handbook::error::Diagnostic>> {
    let config = Config {
        language: language.into(),
        ..Config::default()
    };
    // The language's shipped catalogue (its decimal separator; the templates stay English).
    let catalog = handbook::i18n::Catalog::embedded(language).expect("a shipped catalogue");
    let ctx = BlockCtx {
        display_path: Path::new("content/quiz.md"),
        page_out_path: "quiz.html",
        line: 5,
        ordinal: 0,
        config: &config,
        templates: handbook::theme::builtin(),
        catalog: &catalog,
    };
    render_block("exercise", body, &ctx).map(|o| o.html)
}

fn html(body: &str) -> String {
    render(body, "en").unwrap()
}

const SIX: &str = r#"id = "ex"
[[question]]
id = "a"
type = "single"
prompt = "p"
options = ["one", "two", "three", "four", "five", "six"]
answer = 2
feedback = ["f-one", "f-two", "f-three", "f-four", "f-five", "f-six"]
"#;

/// The option texts in the order the page shows them.
fn shown(html: &str) -> Vec<String> {
    html.match_indices("<label for=\"exercise-")
        .map(|(i, _)| {
            let rest = &html[i..];
            let start = rest.find('>').unwrap() + 1;
            let end = rest.find("</label>").unwrap();
            rest[start..end].to_string()
        })
        .collect()
}

#[test]
fn options_are_shuffled_by_default_and_deterministically() {
    let a = html(SIX);
    let order = shown(&a);
    assert_eq!(order.len(), 6);
    assert_ne!(order, ["one", "two", "three", "four", "five", "six"]);
    assert_eq!(a, html(SIX), "same input, same bytes");
    // Another question id gives another order (the seed is exercise id + question id).
    let other = html(&SIX.replace("id = \"a\"", "id = \"b\""));
    let mut sorted = shown(&other);
    sorted.sort();
    let mut expected = order.clone();
    expected.sort();
    assert_eq!(sorted, expected);
}

#[test]
fn shuffle_false_keeps_the_authored_order() {
    let authored = ["one", "two", "three", "four", "five", "six"];
    let on_exercise = html(&SIX.replace("id = \"ex\"", "id = \"ex\"\nshuffle = false"));
    assert_eq!(shown(&on_exercise), authored);
    let on_question = html(&SIX.replace("id = \"a\"", "id = \"a\"\nshuffle = false"));
    assert_eq!(shown(&on_question), authored);
    // A question may also shuffle inside an exercise that does not.
    let mixed = html(
        &SIX.replace("id = \"ex\"", "id = \"ex\"\nshuffle = false")
            .replace("id = \"a\"", "id = \"a\"\nshuffle = true"),
    );
    assert_ne!(shown(&mixed), authored);
}

#[test]
fn values_and_feedback_follow_their_option() {
    let h = html(SIX);
    let texts: Vec<String> = ["one", "two", "three", "four", "five", "six"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let ids = option_ids(&texts);
    assert!(h.contains(&format!("data-answer=\"{}\"", ids[1])), "{h}");
    for (i, t) in texts.iter().enumerate() {
        // The input's value is the option's id, whatever its position.
        assert!(
            h.contains(&format!(
                "data-option=\"{}\" data-n=\"{}\"><input type=\"radio\" name=\"exercise-ex-a\" id=\"exercise-ex-a-o{}\" value=\"{}\"> <label for=\"exercise-ex-a-o{}\">{t}</label>",
                ids[i], i + 1, i + 1, ids[i], i + 1
            )),
            "{h}"
        );
        // Its feedback is keyed by the same id and names the same option.
        assert!(
            h.contains(&format!(
                "<li data-feedback-for=\"{}\"><span class=\"feedback-option\">{t}</span>: <span class=\"feedback-text\">f-{t}</span></li>",
                ids[i]
            )),
            "{h}"
        );
    }
    // The no-JavaScript feedback list is in the order the options are shown.
    let fb_order: Vec<String> = h
        .match_indices("<span class=\"feedback-option\">")
        .map(|(i, m)| {
            let rest = &h[i + m.len()..];
            rest[..rest.find('<').unwrap()].to_string()
        })
        .collect();
    assert_eq!(fb_order, shown(&h));
}

#[test]
fn true_false_and_ordering_are_not_affected_by_option_shuffling() {
    let h = html("[[question]]\ntype = \"truefalse\"\nprompt = \"p\"\nanswer = true\n");
    assert!(h.find("value=\"true\"").unwrap() < h.find("value=\"false\"").unwrap());
}

#[test]
fn shuffle_must_be_a_boolean_and_only_on_choice_questions() {
    let errs = render(
        &SIX.replace("id = \"a\"", "id = \"a\"\nshuffle = \"no\""),
        "en",
    )
    .unwrap_err();
    assert!(
        errs[0]
            .message
            .contains("`shuffle` must be `true` or `false`"),
        "{}",
        errs[0]
    );
    let errs = render(
        "[[question]]\ntype = \"truefalse\"\nprompt = \"p\"\nanswer = true\nshuffle = false\n",
        "en",
    )
    .unwrap_err();
    assert!(
        errs[0].message.contains("`shuffle` does not apply"),
        "{}",
        errs[0]
    );
    assert_eq!(errs[0].line, 9);
}

// ---------------------------------------------------------------------------------------------
// Numeric and typo-tolerant short answers

const NUMERIC: &str = r#"id = "num"
[[question]]
type = "short"
prompt = "About what share of outcome variance does the alliance account for?"
accept_number = 8
tolerance = 1
unit = "%"
"#;

#[test]
fn numeric_answers_carry_their_range() {
    let h = html(NUMERIC);
    assert!(
        h.contains(
            r#"data-accept="[]" data-number="8" data-tolerance="1" data-decimal="." data-unit="%""#
        ),
        "{h}"
    );
    // The range is named in the answer panel (shown after Show answer, or without JavaScript).
    assert!(
        h.contains("<p><strong>Answer:</strong> 8 % (anything from 7 % to 9 % is accepted)</p>"),
        "{h}"
    );
    let nl = render(&NUMERIC.replace("= 8\n", "= 7.5\n"), "nl-BE").unwrap();
    assert!(
        nl.contains(r#"data-number="7.5" data-tolerance="1" data-decimal=",""#),
        "{nl}"
    );
    assert!(
        nl.contains("7,5 % (anything from 6,5 % to 8,5 % is accepted)"),
        "{nl}"
    );
}

#[test]
fn numeric_answers_may_also_accept_words() {
    let h = html(&format!("{NUMERIC}accept = [\"eight\"]\n"));
    assert!(
        h.contains(r#"data-accept="[&quot;eight&quot;]" data-number="8""#),
        "{h}"
    );
    assert!(h.contains("<p>Also accepted: eight</p>"), "{h}");
}

#[test]
fn numeric_keys_are_validated() {
    let msg = |body: &str| -> (usize, String, String) {
        let errs = render(body, "en").unwrap_err();
        assert_eq!(errs.len(), 1, "{errs:#?}");
        let d = &errs[0];
        (
            d.line,
            d.message.clone(),
            d.hint.clone().unwrap_or_default(),
        )
    };
    let (line, m, h) = msg(&NUMERIC.replace("accept_number = 8", "accept_number = \"8\""));
    assert_eq!(line, 9);
    assert!(
        m.contains("`accept_number` must be a number, not a string"),
        "{m}"
    );
    assert!(h.contains("`accept_number = 8`"), "{h}");
    let (_, m, _) = msg(&NUMERIC.replace("tolerance = 1", "tolerance = -1"));
    assert!(m.contains("`tolerance` is negative"), "{m}");
    let (line, m, _) =
        msg("[[question]]\ntype = \"short\"\nprompt = \"p\"\naccept = [\"x\"]\ntolerance = 2\n");
    assert!(m.contains("`tolerance` without `accept_number`"), "{m}");
    assert_eq!(line, 9);
    let (_, m, _) =
        msg("[[question]]\ntype = \"short\"\nprompt = \"p\"\naccept_number = 3\ntypos = \"no\"\n");
    assert!(m.contains("`typos` must be `true` or `false`"), "{m}");
    let (_, m, _) = msg(
        "[[question]]\ntype = \"single\"\nprompt = \"p\"\noptions = [\"a\", \"b\", \"c\"]\nanswer = 1\nunit = \"%\"\n",
    );
    assert!(m.contains("`unit` does not apply"), "{m}");
}

#[test]
fn typos_false_is_passed_to_the_page() {
    let h = html(
        "[[question]]\ntype = \"short\"\nprompt = \"p\"\naccept = [\"Bordin\"]\ntypos = false\n",
    );
    assert!(h.contains(r#"data-typos="false""#), "{h}");
    let h = html("[[question]]\ntype = \"short\"\nprompt = \"p\"\naccept = [\"Bordin\"]\n");
    assert!(!h.contains("data-typos"), "{h}");
}

#[test]
fn fingerprints_of_existing_questions_do_not_change() {
    // Saved results are trusted only while the fingerprint matches: the new keys must not
    // change it for questions that do not use them (the value was computed by the release
    // before this feature).
    let body = "id = \"x\"\n[[question]]\ntype = \"short\"\nprompt = \"p\"\naccept = [\"Tasks\", \"the tasks\"]\n";
    let config = Config::default();
    let ctx = BlockCtx {
        display_path: Path::new("content/quiz.md"),
        page_out_path: "quiz.html",
        line: 1,
        ordinal: 0,
        config: &config,
        templates: handbook::theme::builtin(),
        catalog: handbook::i18n::Catalog::english(),
    };
    let ex = exercise::parse_exercise(body, &ctx).unwrap();
    let fp = ex.questions[0].fingerprint();
    let typo_off = exercise::parse_exercise(&format!("{body}typos = false\n"), &ctx).unwrap();
    assert_ne!(fp, typo_off.questions[0].fingerprint());
    let with_number =
        exercise::parse_exercise(&format!("{body}accept_number = 3\n"), &ctx).unwrap();
    assert_ne!(fp, with_number.questions[0].fingerprint());
}

// ---------------------------------------------------------------------------------------------
// The answer-key lints, through `handbook check`

/// A handbook with an id, a description and `pages` in `content/`.
fn lint_handbook(pages: &[(&str, &str)]) -> tempfile::TempDir {
    let mut files = vec![(
        "handbook.toml",
        "id = \"lint-fixture\"\ntitle = \"Lint fixture\"\ndescription = \"Answer keys.\"\n",
    )];
    let paths: Vec<String> = pages
        .iter()
        .map(|(name, _)| format!("content/{name}"))
        .collect();
    files.extend(
        paths
            .iter()
            .map(String::as_str)
            .zip(pages.iter().map(|(_, text)| *text)),
    );
    handbook(&files)
}

/// A page with one exercise of the given questions (TOML `[[question]]` tables).
fn page(id: &str, questions: &[String]) -> String {
    format!(
        "# Quiz {id}\n\n```exercise\nid = \"{id}\"\n\n{}```\n",
        questions.join("\n")
    )
}

fn single(options: &[&str], answer: usize, extra: &str) -> String {
    let opts: Vec<String> = options.iter().map(|o| format!("{o:?}")).collect();
    format!(
        "[[question]]\ntype = \"single\"\nprompt = \"Which?\"\noptions = [{}]\nanswer = {answer}\n{extra}",
        opts.join(", ")
    )
}

fn tf(answer: bool) -> String {
    format!("[[question]]\ntype = \"truefalse\"\nprompt = \"Is it?\"\nanswer = {answer}\n")
}

fn multiple(answer: &str) -> String {
    format!(
        "[[question]]\ntype = \"multiple\"\nprompt = \"Which ones?\"\noptions = [\"red\", \"green\", \"blue\", \"grey\"]\nanswer = {answer}\n"
    )
}

/// Bordin's three elements and a distractor: four options of much the same length.
const ELEMENTS: [&str; 4] = ["Bond", "Goals", "Tasks", "Insight"];

/// A question's options kept in the order written.
const FIXED: &str = "shuffle = false\n";

/// Balanced questions: keys in different positions, similar lengths, no giveaway words.
fn balanced() -> Vec<String> {
    vec![
        single(&ELEMENTS, 1, ""),
        single(&ELEMENTS, 2, FIXED),
        single(&ELEMENTS, 3, FIXED),
        single(&ELEMENTS, 4, FIXED),
        single(&ELEMENTS, 1, FIXED),
        single(
            &[
                "A fairly long option",
                "A short one",
                "Medium option",
                "Another long option",
            ],
            2,
            "",
        ),
        tf(true),
        tf(false),
        tf(true),
        tf(false),
        multiple("[1, 2]"),
        multiple("[2, 3]"),
        multiple("[3, 4]"),
    ]
}

#[test]
fn a_balanced_handbook_has_no_lint_warnings() {
    let dir = lint_handbook(&[("quiz.md", &page("balanced", &balanced()))]);
    let (code, stderr) = check(dir.path(), &["--deny-warnings"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("no errors, 0 warnings"), "{stderr}");
}

#[test]
fn lint_the_correct_option_is_the_longest() {
    let long = "The correct answer, which is noticeably longer than the others";
    let mut qs = Vec::new();
    for i in 1..=4 {
        let mut opts = vec!["Short one", "Short two", "Short six"];
        opts.insert(i - 1, long);
        qs.push(single(&opts, i, ""));
    }
    qs.push(single(&ELEMENTS, 2, ""));
    let dir = lint_handbook(&[("quiz.md", &page("long", &qs))]);
    let (code, stderr) = check(dir.path(), &[]);
    assert_eq!(code, 0, "warnings only: {stderr}");
    assert!(
        stderr.contains("warning: content/quiz.md:6: the correct option is clearly the longest in 4 of 5 single-answer choice questions (content/quiz.md:6, content/quiz.md:12, content/quiz.md:18, content/quiz.md:24)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("hint: shorten the correct options"),
        "{stderr}"
    );
    // Two of five is not more than half: quiet.
    let quiet: Vec<String> = qs
        .iter()
        .enumerate()
        .map(|(i, q)| {
            if i < 3 {
                q.replace(long, "Short ten")
            } else {
                q.clone()
            }
        })
        .collect();
    let dir = lint_handbook(&[("quiz.md", &page("long", &quiet))]);
    let (_, stderr) = check(dir.path(), &[]);
    assert!(!stderr.contains("clearly the longest"), "{stderr}");
}

#[test]
fn lint_one_position_holds_too_many_authored_keys() {
    let qs = vec![
        single(&ELEMENTS, 2, FIXED),
        single(&ELEMENTS, 2, FIXED),
        single(&ELEMENTS, 2, FIXED),
        single(&ELEMENTS, 1, FIXED),
        single(&ELEMENTS, 3, FIXED),
        // Shuffled questions do not count: their positions are hidden.
        single(&ELEMENTS, 2, ""),
    ];
    let dir = lint_handbook(&[("quiz.md", &page("pos", &qs))]);
    let (code, stderr) = check(dir.path(), &["--deny-warnings"]);
    assert_eq!(code, 1, "--deny-warnings: {stderr}");
    assert!(
        stderr.contains("option 2 is the correct answer in 3 of 5 questions shown in authored order (content/quiz.md:6, content/quiz.md:13, content/quiz.md:20)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("shuffle"),
        "the hint mentions shuffling: {stderr}"
    );
    // Two of five (40 %) is fine.
    let mut quiet = qs.clone();
    quiet[2] = single(&ELEMENTS, 4, FIXED);
    let dir = lint_handbook(&[("quiz.md", &page("pos", &quiet))]);
    let (_, stderr) = check(dir.path(), &[]);
    assert!(
        !stderr.contains("questions shown in authored order"),
        "{stderr}"
    );
}

#[test]
fn lint_true_false_keys_lean_one_way() {
    let qs = vec![tf(false), tf(false), tf(false), tf(false), tf(true)];
    let dir = lint_handbook(&[("quiz.md", &page("tf", &qs))]);
    let (_, stderr) = check(dir.path(), &[]);
    assert!(
        stderr.contains("4 of 5 true/false questions are false (content/quiz.md:6, content/quiz.md:11, content/quiz.md:16, content/quiz.md:21)"),
        "{stderr}"
    );
    let qs = vec![tf(false), tf(false), tf(false), tf(true)];
    let dir = lint_handbook(&[("quiz.md", &page("tf", &qs))]);
    let (_, stderr) = check(dir.path(), &[]);
    assert!(
        !stderr.contains("true/false questions are"),
        "75 % is allowed: {stderr}"
    );
}

#[test]
fn lint_multiple_select_keys_share_a_position() {
    let qs = vec![multiple("[1, 2]"), multiple("[1, 3]"), multiple("[1, 4]")];
    let dir = lint_handbook(&[("quiz.md", &page("multi", &qs))]);
    let (_, stderr) = check(dir.path(), &[]);
    assert!(
        stderr.contains("every multiple-select key includes option 1 (content/quiz.md:6, content/quiz.md:12, content/quiz.md:18)"),
        "{stderr}"
    );
    let qs = vec![multiple("[1, 2]"), multiple("[1, 3]"), multiple("[2, 4]")];
    let dir = lint_handbook(&[("quiz.md", &page("multi", &qs))]);
    let (_, stderr) = check(dir.path(), &[]);
    assert!(!stderr.contains("multiple-select key"), "{stderr}");
}

#[test]
fn lint_fewer_than_three_options() {
    let qs = vec![single(&["Bond", "Goals"], 1, "")];
    let dir = lint_handbook(&[("quiz.md", &page("two", &qs))]);
    let (_, stderr) = check(dir.path(), &[]);
    assert!(
        stderr.contains("warning: content/quiz.md:6: `two` q1 has only 2 options"),
        "{stderr}"
    );
    let qs = vec![single(&["Bond", "Goals", "Tasks"], 1, "")];
    let dir = lint_handbook(&[("quiz.md", &page("two", &qs))]);
    let (_, stderr) = check(dir.path(), &[]);
    assert!(!stderr.contains("only 2 options"), "{stderr}");
}

#[test]
fn lint_absolute_words_in_wrong_options() {
    let qs = vec![single(
        &[
            "Explore it with the client",
            "Always defend the approach",
            "Wait and see",
            "Note it",
        ],
        1,
        "",
    )];
    let dir = lint_handbook(&[("quiz.md", &page("abs", &qs))]);
    let (_, stderr) = check(dir.path(), &[]);
    assert!(
        stderr.contains("warning: content/quiz.md:6: `abs` q1: wrong option 2 says \"always\" and no correct option does"),
        "{stderr}"
    );
    // Quiet when the key has one too, or when no wrong option has one.
    let qs = vec![
        single(
            &[
                "Always explore it with the client",
                "Always defend the approach",
                "Wait",
                "Note it",
            ],
            1,
            "",
        ),
        single(
            &["Explore it", "Defend the approach", "Wait", "Note it"],
            1,
            "",
        ),
    ];
    let dir = lint_handbook(&[("quiz.md", &page("abs", &qs))]);
    let (_, stderr) = check(dir.path(), &[]);
    assert!(!stderr.contains("says \""), "{stderr}");
}

#[test]
fn build_output_is_byte_identical_with_shuffling() {
    let qs = balanced();
    let dir = lint_handbook(&[("quiz.md", &page("same", &qs))]);
    let run = |out: &Path| {
        let o = build(dir.path(), out);
        assert!(o.status.success(), "{}", stderr(&o));
        fs::read(out.join("quiz.html")).unwrap()
    };
    let tmp = tempfile::tempdir().unwrap();
    let a = run(&tmp.path().join("a"));
    let b = run(&tmp.path().join("b"));
    assert_eq!(a, b);
}

#[test]
fn the_bundled_handbook_has_no_guessable_answer_keys() {
    // The bundled handbook shows how it is done: `handbook check` prints no warning at all.
    let (code, text) = check(&repo(), &["--deny-warnings"]);
    assert_eq!(code, 0, "{text}");
    assert!(!text.contains("warning:"), "{text}");
}
