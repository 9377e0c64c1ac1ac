//! The markup of exercises comes from the theme's `templates/components/` and a handbook's
//! theme overrides it file by file, like every other template: the real binary, a handbook with
//! an override, and overrides that are broken.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

/// A handbook with one true/false exercise on its home page (block body from line 4), and the
/// given files under `themes/default/templates/`.
fn handbook(overrides: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::create_dir_all(dir.path().join("content")).expect("mkdir");
    fs::write(
        dir.path().join("handbook.toml"),
        "title = \"T\"\nid = \"t\"\n",
    )
    .expect("write");
    fs::write(
        dir.path().join("content/_index.md"),
        "# Home\n\n```exercise\nid = \"tf\"\n[[question]]\ntype = \"truefalse\"\nprompt = \"Is it?\"\nanswer = true\n```\n",
    )
    .expect("write");
    for (name, text) in overrides {
        let path = dir.path().join("themes/default/templates").join(name);
        fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        fs::write(path, text).expect("write");
    }
    dir
}

fn build(root: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_handbook"))
        .args(["build", "--root"])
        .arg(root)
        .arg("--out")
        .arg(root.join("public"))
        .output()
        .expect("run handbook")
}

#[test]
fn the_default_templates_write_the_question() {
    let dir = handbook(&[]);
    let o = build(dir.path());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let html = fs::read_to_string(dir.path().join("public/index.html")).expect("index");
    assert!(html.contains(r#"<section class="exercise" id="exercise-tf""#));
    assert!(html.contains(r#"<label for="exercise-tf-q1-true">True</label>"#));
    assert!(html.contains("<p><strong>Answer:</strong> True</p>"));
}

#[test]
fn a_theme_overrides_one_question_type() {
    let dir = handbook(&[(
        "components/question/truefalse.html",
        "{% extends \"components/question.html\" %}\n\
         {% block data %} data-mode=\"single\" data-answer=\"{{ q.answer.bool }}\"{% endblock data %}\n\
         {% block controls -%}\n<p class=\"mine\">Richtig oder falsch?</p>\n{% endblock controls %}\n\
         {% block answer %}<p>{% if q.answer.bool %}Richtig{% else %}Falsch{% endif %}</p>{% endblock answer %}\n",
    )]);
    let o = build(dir.path());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let html = fs::read_to_string(dir.path().join("public/index.html")).expect("index");
    assert!(
        html.contains(r#"<p class="mine">Richtig oder falsch?</p>"#),
        "{html}"
    );
    assert!(html.contains("<p>Richtig</p>"), "{html}");
    // The frame (components/question.html) is still the default's.
    assert!(html.contains(r#"data-question="q1" data-type="truefalse""#));
    assert!(!html.contains(r#"-true">True</label>"#));
}

#[test]
fn an_override_that_cannot_be_filled_fails_the_build_at_the_block() {
    let dir = handbook(&[(
        "components/exercise.html",
        "<section>{{ ex.nope }}</section>\n",
    )]);
    fs::create_dir_all(dir.path().join("public")).expect("mkdir");
    fs::write(dir.path().join("public/keep.txt"), "old").expect("write");
    let o = build(dir.path());
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("content/_index.md:4"), "{err}");
    assert!(
        err.contains("template error in `components/exercise.html`"),
        "{err}"
    );
    assert!(err.contains("hint:"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    // The previous output is untouched.
    assert!(dir.path().join("public/keep.txt").exists());
}

#[test]
fn an_override_with_a_syntax_error_names_its_file() {
    let dir = handbook(&[(
        "components/question/truefalse.html",
        "{% extends \"components/question.html\" %}\n{% block controls %}\n",
    )]);
    let o = build(dir.path());
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("themes/default/templates/components/question/truefalse.html"),
        "{err}"
    );
}
