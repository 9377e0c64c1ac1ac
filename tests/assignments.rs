//! Assignments and learning paths, through the real binary: the good fixture builds with the
//! checklist, the manifest and the sidebar path; every bad reference (page, heading, exercise,
//! a page without exercises, practice without a form, learning-path entries) is an error at
//! the `file:line` of the reference, exit code 1, and the previous output is left untouched.

mod common;

use common::*;
use std::fs;

const WEEK1: &str = "content/assignments/week-1.md";

/// A copy of the fixture whose week-1 assignment has every `(from, to)` replaced (each `from`
/// must be there).
fn week1_with(edits: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = copy_fixture("assignments");
    let path = dir.path().join(WEEK1);
    let mut text = read(&path);
    for (from, to) in edits {
        assert!(text.contains(from), "{WEEK1} has no {from:?}");
        text = text.replace(from, to);
    }
    write(&path, &text);
    dir
}

#[test]
fn good_fixture_builds_checklist_manifest_and_paths() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    let output = build(&fixture("assignments"), &out);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let week1 = fs::read_to_string(out.join("assignments/week-1.html")).unwrap();
    assert!(week1.contains(r#"data-assignment="assignments/week-1.html""#));
    // Readings, the exercise and practice, in order, with links relative to the page.
    let order = [
        r#"<a href="../basics/bond.html#repair">Repair (in The bond)</a>"#,
        r#"<a href="../basics/bond.html">The bond</a>"#,
        r#"<a href="../basics/quiz.html#exercise-bond-check">Bond check</a>"#,
        r#"<a href="../practice.html">Save 1 practice-form entry</a>"#,
    ];
    let mut at = 0;
    for needle in order {
        let found = week1[at..]
            .find(needle)
            .unwrap_or_else(|| panic!("missing or out of order: {needle}"));
        at += found + needle.len();
    }
    assert!(week1.contains("<dt>Due</dt><dd>Before the second supervision</dd>"));
    assert!(week1.contains("<dt>Learning path</dt><dd>Two-week start</dd>"));
    assert!(week1.contains(r#"data-handin hidden"#));
    assert!(week1.contains("assets/js/assignments.js"));
    // "All exercises on a page" expands to each exercise, in page order.
    let week2 = fs::read_to_string(out.join("assignments/week-2.html")).unwrap();
    let a = week2.find("exercise-bond-check").unwrap();
    let b = week2.find("exercise-bond-extra").unwrap();
    assert!(a < b);
    // The manifest carries assignments and paths for the scripts.
    let manifest = fs::read_to_string(out.join("progress-data.js")).unwrap();
    assert!(manifest.contains(r#""paths":[{"title":"Two-week start""#));
    assert!(manifest.contains(r#""section":"repair""#));
    // Learning path on the home page and in every sidebar.
    let home = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(home.contains(r#"<h2 id="hb-paths-title">Learning paths</h2>"#));
    let quiz = fs::read_to_string(out.join("basics/quiz.html")).unwrap();
    assert!(quiz.contains(
        r#"<li data-path-step="assignments/week-1.html"><a href="../assignments/week-1.html">"#
    ));
    // Read-tracking threshold from [progress].
    assert!(quiz.contains(r#"data-read-after="1""#));
}

#[test]
fn handbook_without_assignments_loads_no_assignment_script() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    let root = fixture("exercises");
    assert!(build(&root, &out).status.success());
    let quiz = fs::read_to_string(out.join("basics/quiz.html")).unwrap();
    assert!(!quiz.contains("assignments.js"));
    assert!(!quiz.contains("sidebar-path"));
    // The progress page still offers the hand-in file format.
    let progress = fs::read_to_string(out.join("progress.html")).unwrap();
    assert!(progress.contains("assets/js/assignments.js"));
}

#[test]
fn missing_page_is_an_error_at_its_line() {
    let dir = week1_with(&[("\"01-basics/01-bond.md\"", "\"01-basics/no-such-page.md\"")]);
    let stderr = failing_build(dir.path());
    assert!(
        stderr.contains("week-1.md:9"),
        "names file and line 9:\n{stderr}"
    );
    assert!(
        stderr.contains("cannot read `01-basics/no-such-page.md`"),
        "{stderr}"
    );
    assert!(
        stderr.contains("no-such-page.md` in the content folder"),
        "{stderr}"
    );
}

#[test]
fn missing_heading_is_an_error_with_a_suggestion() {
    let dir = week1_with(&[("#repair\"", "#repairs\"")]);
    let stderr = failing_build(dir.path());
    assert!(stderr.contains("week-1.md:8"), "{stderr}");
    assert!(
        stderr.contains("has no heading `#repairs` (did you mean `#repair`?)"),
        "{stderr}"
    );
}

#[test]
fn unknown_exercise_id_is_an_error() {
    let dir = week1_with(&[("[\"bond-check\"]", "[\"bond-chek\"]")]);
    let stderr = failing_build(dir.path());
    assert!(stderr.contains("week-1.md:11"), "{stderr}");
    assert!(
        stderr.contains("there is no exercise with id `bond-chek`"),
        "{stderr}"
    );
}

#[test]
fn page_without_exercises_and_practice_without_a_form_are_errors() {
    let dir = copy_fixture("assignments");
    fs::remove_file(dir.path().join("content/02-practice.md")).unwrap();
    write(
        &dir.path().join("content/assignments/week-2.md"),
        "---\ntitle: Week 2\nassignment:\n  exercises:\n    - ../01-basics/01-bond.md\n---\n",
    );
    let stderr = failing_build(dir.path());
    has_line_with(&stderr, &["week-2.md:5", "has no exercises"]);
    has_line_with(&stderr, &["week-1.md:12", "no page has a practice form"]);
}

#[test]
fn unknown_assignment_key_and_empty_assignment_are_errors() {
    let dir = copy_fixture("assignments");
    write(
        &dir.path().join("content/assignments/week-2.md"),
        "+++\ntitle = \"Week 2\"\n[assignment]\nreading = [\"a.md\"]\n+++\n",
    );
    let stderr = failing_build(dir.path());
    assert!(stderr.contains("week-2.md:4"), "{stderr}");
    assert!(stderr.contains("reading"), "{stderr}");

    write(
        &dir.path().join("content/assignments/week-2.md"),
        "+++\ntitle = \"Week 2\"\n[assignment]\ndue = \"Friday\"\n+++\n",
    );
    let stderr = failing_build(dir.path());
    has_line_with(&stderr, &["week-2.md:3", "the assignment is empty"]);
}

#[test]
fn learning_path_entries_must_be_assignment_pages() {
    let dir = copy_fixture("assignments");
    let config = fs::read_to_string(dir.path().join("handbook.toml")).unwrap();
    write(
        &dir.path().join("handbook.toml"),
        &config.replace(
            "[\"assignments/week-1.md\", \"assignments/week-2.md\"]",
            "[\n  \"assignments/week-1.md\",\n  \"assignments/week-3.md\",\n  \"01-basics/02-quiz.md\",\n]",
        ),
    );
    let stderr = failing_build(dir.path());
    has_line_with(
        &stderr,
        &["handbook.toml:12", "no page `assignments/week-3.md`"],
    );
    has_line_with(&stderr, &["handbook.toml:13", "is not an assignment"]);
}

#[test]
fn check_reports_assignment_errors_too() {
    let dir = week1_with(&[("[\"bond-check\"]", "[\"nope\"]")]);
    let output = run(&["check", "--root", dir.path().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("week-1.md:11"), "{stderr}");
}

#[test]
fn path_problems_name_their_own_lines() {
    let dir = copy_fixture("assignments");
    let config = fs::read_to_string(dir.path().join("handbook.toml")).unwrap();
    write(
        &dir.path().join("handbook.toml"),
        &format!(
            "{}\n[[learning_path]]\ndescription = \"No title.\"\nassignments = [\"assignments/week-1.md\", \"assignments/week-1.md\"]\n",
            config.trim_end()
        ),
    );
    let stderr = failing_build(dir.path());
    // The fixture's config has 9 lines and a blank one; the new path's header is line 11.
    assert!(
        stderr.contains("handbook.toml:11: a learning path needs a `title`"),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "handbook.toml:13: learning path number 2 lists `content/assignments/week-1.md` twice"
        ),
        "{stderr}"
    );
}

#[test]
fn only_headings_can_be_assigned_as_sections() {
    let dir = week1_with(&[
        ("#repair\"", "#exercise-bond-check\""),
        (
            "\"01-basics/01-bond.md\"",
            "\"01-basics/02-quiz.md#exercise-bond-check\"",
        ),
    ]);
    let stderr = failing_build(dir.path());
    assert!(stderr.contains("week-1.md:9"), "{stderr}");
    assert!(stderr.contains("only headings can be assigned"), "{stderr}");
}

#[test]
fn an_exercise_id_that_looks_like_a_path_is_an_exercise_and_practice_alone_is_enough() {
    let dir = copy_fixture("assignments");
    let quiz = fs::read_to_string(dir.path().join("content/01-basics/02-quiz.md")).unwrap();
    write(
        &dir.path().join("content/01-basics/02-quiz.md"),
        &quiz.replace("id = \"bond-extra\"", "id = \"extra.md\""),
    );
    write(
        &dir.path().join("content/assignments/week-2.md"),
        "+++\ntitle = \"Week 2\"\n[assignment]\nexercises = [\"extra.md\"]\npractice = 2\n+++\n",
    );
    let out = dir.path().join("site");
    let output = build(dir.path(), &out);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let week2 = fs::read_to_string(out.join("assignments/week-2.html")).unwrap();
    assert!(week2.contains(r#"data-item-exercise="extra.md""#));
    assert!(week2.contains("Save 2 practice-form entries"));

    write(
        &dir.path().join("content/assignments/week-2.md"),
        "+++\ntitle = \"Week 2\"\n[assignment]\npractice = 2\n+++\n",
    );
    fs::remove_file(dir.path().join("content/02-practice.md")).unwrap();
    let text = fs::read_to_string(dir.path().join(WEEK1)).unwrap();
    write(&dir.path().join(WEEK1), &text.replace("practice = 1\n", ""));
    let stderr = failing_build(dir.path());
    assert!(stderr.contains("no page has a practice form"), "{stderr}");
    assert!(!stderr.contains("the assignment is empty"), "{stderr}");
}
