//! The markup of exercises comes from the theme's `templates/components/` and a handbook's
//! theme overrides it file by file, like every other template: the real binary, a handbook with
//! an override, and overrides that are broken.

mod common;

use common::*;

/// The home page: one true/false exercise, its block body from line 4.
const HOME: &str = "# Home\n\n```exercise\nid = \"tf\"\n[[question]]\ntype = \"truefalse\"\nprompt = \"Is it?\"\nanswer = true\n```\n";

/// A handbook with [`HOME`] and `overrides` under `themes/default/templates/`.
fn with_overrides(overrides: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = handbook(&[
        ("handbook.toml", "title = \"T\"\nid = \"t\"\n"),
        ("content/_index.md", HOME),
    ]);
    write_all(&dir.path().join("themes/default/templates"), overrides);
    dir
}

/// The built home page.
fn home(root: &std::path::Path) -> String {
    read(&build_ok(root).path().join("site/index.html"))
}

#[test]
fn the_default_templates_write_the_question() {
    let dir = with_overrides(&[]);
    let html = home(dir.path());
    assert!(html.contains(r#"<section class="exercise" id="exercise-tf""#));
    assert!(html.contains(r#"<label for="exercise-tf-q1-true">True</label>"#));
    assert!(html.contains("<p><strong>Answer:</strong> True</p>"));
}

#[test]
fn a_theme_overrides_one_question_type() {
    let dir = with_overrides(&[(
        "components/question/truefalse.html",
        "{% extends \"components/question.html\" %}\n\
         {% block data %} data-mode=\"single\" data-answer=\"{{ q.answer.bool }}\"{% endblock data %}\n\
         {% block controls -%}\n<p class=\"mine\">Richtig oder falsch?</p>\n{% endblock controls %}\n\
         {% block answer %}<p>{% if q.answer.bool %}Richtig{% else %}Falsch{% endif %}</p>{% endblock answer %}\n",
    )]);
    let html = home(dir.path());
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
    let dir = with_overrides(&[(
        "components/exercise.html",
        "<section>{{ ex.nope }}</section>\n",
    )]);
    let err = failing_build(dir.path());
    assert!(err.contains("content/_index.md:4"), "{err}");
    assert!(
        err.contains("template error in `components/exercise.html`"),
        "{err}"
    );
    assert!(err.contains("hint:"), "{err}");
}

#[test]
fn an_override_with_a_syntax_error_names_its_file() {
    let dir = with_overrides(&[(
        "components/question/truefalse.html",
        "{% extends \"components/question.html\" %}\n{% block controls %}\n",
    )]);
    let err = failing_build(dir.path());
    assert!(
        err.contains("themes/default/templates/components/question/truefalse.html"),
        "{err}"
    );
}
