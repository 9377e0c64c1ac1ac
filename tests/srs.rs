//! Integration tests of the `srs` component with the real binary: the fixture handbook
//! `tests/fixtures/srs-good` builds into practice forms and scenarios, and every configuration
//! mistake (in `handbook.toml` or in a block) is a build error naming `file:line`.

mod common;

use common::*;
use std::fs;
use std::path::Path;

const FIXTURE: &str = "srs-good";

/// A copy of the fixture with `edits` applied: (file, text to replace, replacement).
fn variant(edits: &[(&str, &str, &str)]) -> tempfile::TempDir {
    let dir = copy_fixture(FIXTURE);
    for (file, from, to) in edits {
        edit(dir.path(), file, from, to);
    }
    dir
}

/// Builds `root`, expects failure with exit code 1, and returns stderr.
fn build_error(root: &Path) -> String {
    let (o, _out) = build_temp(root);
    assert_eq!(
        o.status.code(),
        Some(1),
        "expected a build error:\n{}",
        stderr(&o)
    );
    let err = stderr(&o);
    // `check` reports the same problem
    let c = run_on(&["check"], root);
    assert_eq!(
        c.status.code(),
        Some(1),
        "check should fail too:\n{}",
        stderr(&c)
    );
    err
}

#[test]
fn fixture_builds_practice_forms_scenarios_and_assets() {
    let out = build_ok(&fixture(FIXTURE));
    let site = out.path().join("site");
    let practice = fs::read_to_string(site.join("practice.html")).unwrap();
    assert!(practice.contains("<section class=\"srs srs-practice\" id=\"srs-form\""));
    for label in ["Connection", "Focus", "Way of working", "Whole session"] {
        assert!(practice.contains(&format!(">{label}</span>")), "{label}");
    }
    assert!(practice.contains("assets/css/srs.css"));
    assert!(practice.contains("assets/js/srs.js"));
    assert!(practice.contains("is not the SRS"));
    assert!(practice.contains("do not enter client names"));
    assert!(practice.contains("Print blank form"));
    // strict CSP: no inline scripts, handlers or styles in the component
    let form = &practice[practice.find("<section class=\"srs").unwrap()..];
    let form = &form[..form.find("srs-notices").unwrap()];
    assert!(!form.contains("<script"));
    assert!(!form.contains(" onclick="));
    assert!(!form.contains(" style="));

    let scenarios = fs::read_to_string(site.join("scenarios.html")).unwrap();
    assert!(scenarios.contains("id=\"fixture-low-goals\""));
    assert!(
        scenarios.contains("x1=\"92%\""),
        "the client's mark is on the line"
    );
    assert!(
        scenarios.contains("<td>33.1</td>"),
        "the answers show the total"
    );
    assert!(
        scenarios.contains("data-exercise=\"fixture-low-goals\""),
        "the question is the exercise engine's"
    );
    assert!(
        scenarios.contains("assets/js/exercise.js"),
        "pages with a scenario question load the exercise engine"
    );
    assert!(scenarios.contains("id=\"fixture-top\""));
    assert!(scenarios.contains(">A perfect score</p>"));

    let custom = fs::read_to_string(site.join("custom.html")).unwrap();
    assert!(custom.contains(">Three-line check-in</p>"));
    assert!(custom.contains(">Connection</span>"));
    assert!(custom.contains("of 30</span>"));
    assert!(custom.contains("&quot;cutoff&quot;:25.0"));
    assert!(site.join("assets/js/srs.js").is_file());
    assert!(site.join("assets/css/srs.css").is_file());
}

#[test]
fn same_input_same_output() {
    let (a, out_a) = build_temp(&fixture(FIXTURE));
    let (b, out_b) = build_temp(&fixture(FIXTURE));
    assert!(a.status.success() && b.status.success());
    for page in ["practice.html", "scenarios.html", "custom.html"] {
        assert_eq!(
            fs::read(out_a.path().join("site").join(page)).unwrap(),
            fs::read(out_b.path().join("site").join(page)).unwrap(),
            "{page} differs between two builds"
        );
    }
}

/// Builds the fixture with `from` replaced by `to` in `file`, expects a build (and check) error,
/// and asserts one line of it names `file` at the line holding `at` and says `words`; returns
/// the errors.
#[track_caller]
fn error_at(file: &str, from: &str, to: &str, at: &str, words: &str) -> String {
    let dir = variant(&[(file, from, to)]);
    let err = build_error(dir.path());
    let place = format!("{file}:{}:", line_of(dir.path(), file, at));
    assert!(
        err.lines().any(|l| l.contains(&place) && l.contains(words)),
        "expected `{place}` and `{words}` on one line of:\n{err}"
    );
    err
}

#[test]
fn unknown_item_set_names_the_block_line() {
    let err = error_at(
        "content/custom.md",
        "items = \"brief\"",
        "items = \"breif\"",
        "breif",
        "unknown item set `breif`",
    );
    assert!(
        err.contains("brief, default"),
        "the hint lists the sets: {err}"
    );
}

#[test]
fn cutoff_outside_the_range_names_the_config_line() {
    error_at(
        "handbook.toml",
        "cutoff = 25.0",
        "cutoff = 31.0",
        "cutoff = 31.0",
        "cutoff 31 of item set `brief` is outside 0-30",
    );
    error_at(
        "handbook.toml",
        "[srs.sets.brief]",
        "[srs.sets.default]\ncutoff = 40.5\n\n[srs.sets.brief]",
        "cutoff = 40.5",
        "outside 0-40",
    );
}

#[test]
fn rating_outside_zero_to_ten_names_the_scenario_line() {
    error_at(
        "content/scenarios.md",
        "ratings = [9.2, 6.1, 8.8, 9.0]",
        "ratings = [9.2, 6.1, 8.8,\n  10.5]",
        "  10.5]",
        "rating 10.5 is outside 0-10",
    );
}

#[test]
fn wrong_number_of_items_or_ratings_is_an_error() {
    // a set that requires four items but has three
    let dir = variant(&[("handbook.toml", "require_four = false\n", "")]);
    let err = build_error(dir.path());
    assert!(
        err.contains("item set `brief` has 3 items but requires four"),
        "{err}"
    );
    assert!(err.contains("handbook.toml:"), "{err}");
    // a scenario with three ratings for four items
    let three = "ratings = [9.2, 6.1, 8.8]";
    error_at(
        "content/scenarios.md",
        "ratings = [9.2, 6.1, 8.8, 9.0]",
        three,
        three,
        "3 ratings for an item set of 4 items",
    );
}

#[test]
fn unknown_keys_are_errors_with_lines() {
    error_at(
        "handbook.toml",
        "item_cutoff = 7.5",
        "item_cut = 7.5",
        "item_cut = 7.5",
        "item_cut",
    );
    error_at(
        "content/practice.md",
        "mode = \"practice\"",
        "mode = \"practice\"\nscore = 3",
        "score = 3",
        "score",
    );
}

#[test]
fn question_errors_come_from_the_exercise_engine_with_lines() {
    error_at(
        "content/scenarios.md",
        "answer = 2",
        "answer = 5",
        "answer = 5",
        "",
    );
}

#[test]
fn duplicate_scenario_ids_are_errors() {
    let dir = variant(&[(
        "content/custom.md",
        "```srs\nmode = \"practice\"",
        "```srs\nmode = \"scenario\"\nid = \"fixture-low-goals\"\nvignette = \"v\"\nratings = [1.0, 2.0, 3.0, 4.0]\n[question]\nprompt = \"p\"\noptions = [\"a\", \"b\"]\nanswer = 1\n```\n\n```srs\nmode = \"practice\"",
    )]);
    let err = build_error(dir.path());
    assert!(err.contains("duplicate id `fixture-low-goals`"), "{err}");
}

#[test]
fn the_documented_blocks_build() {
    let doc = read(&repo().join("README.md"));
    let mut blocks = Vec::new();
    let mut rest = doc.as_str();
    while let Some(start) = rest.find("```srs\n") {
        let body = &rest[start..];
        let end = body.find("\n```\n").expect("a closing fence") + "\n```\n".len();
        blocks.push(body[..end].to_string());
        rest = &body[end..];
    }
    assert_eq!(blocks.len(), 2, "the practice and the scenario example");
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("content")).unwrap();
    fs::write(
        dir.path().join("content/_index.md"),
        format!("# Docs\n\n{}\n", blocks.join("\n")),
    )
    .unwrap();
    let out = build_ok(dir.path());
    let page = fs::read_to_string(out.path().join("site/index.html")).unwrap();
    assert!(page.contains("id=\"my-form\""));
    assert!(page.contains("id=\"srs-low-goals\""));
}

#[test]
fn the_starter_handbook_has_a_practice_form() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("starter");
    let o = run(&["new", root.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = build_ok(&root);
    let page =
        fs::read_to_string(out.path().join("site/getting-started/practice-form.html")).unwrap();
    assert!(page.contains("data-srs=\"practice\""));
    assert!(page.contains("is not the SRS"));
}

/// The built-in item set and its messages come from the handbook's catalogue, and the numbers
/// the form shows use its decimal separator (issue 18); the scoring rules stay plain numbers.
#[test]
fn the_builtin_set_and_its_numbers_follow_the_catalogue() {
    let dir = handbook(&[
        (
            "handbook.toml",
            "title = \"T\"\nid = \"t\"\nlanguage = \"pt\"\n\n[srs.sets.default]\ncutoff = 35.5\n",
        ),
        (
            "i18n/pt.toml",
            "[meta]\ndecimal_separator = \",\"\n\n[srs]\nconnection_label = \"Conexão\"\n\
             message_below = \"Abaixo de {cutoff}.\"\n\
             of_max = \"de {max}\"\n",
        ),
        ("content/_index.md", "# Inicio\n\nTexto.\n"),
        (
            "content/form.md",
            "# Form\n\n```srs\nmode = \"practice\"\n```\n",
        ),
        (
            "content/scene.md",
            "# Scene\n\n```srs\nmode = \"scenario\"\nid = \"s1\"\nvignette = \"V.\"\n\
             ratings = [9.2, 6.1, 8.8, 9.0]\n```\n",
        ),
    ]);
    let out = build_ok(dir.path());
    let form = fs::read_to_string(out.path().join("site/form.html")).unwrap();
    assert!(form.contains(">Conexão</span>"), "{form}");
    // Items the catalogue does not translate fall back to English (no catalogue is shipped
    // for Portuguese: the handbook's i18n/pt.toml is all there is).
    assert!(form.contains(">Focus</span>"), "{form}");
    assert!(
        form.contains("Abaixo de 35,5."),
        "the message in data-srs-config: {form}"
    );
    assert!(
        form.contains("&quot;cutoff&quot;:35.5"),
        "the rule stays a number: {form}"
    );
    assert!(form.contains("de 40</span>"), "{form}");
    let scene = fs::read_to_string(out.path().join("site/scene.html")).unwrap();
    assert!(
        scene.contains("<td>9,2</td>"),
        "a score with a decimal comma: {scene}"
    );
    assert!(
        scene.contains("<td>33,1</td>"),
        "the total with a decimal comma: {scene}"
    );
    assert!(
        scene.contains("x1=\"92%\""),
        "the mark's position stays a number: {scene}"
    );
}
