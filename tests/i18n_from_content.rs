//! Interface words that the build puts around the handbook's own text follow its language:
//! an assigned section ("Repair (en The bond)"), an untitled assigned exercise ("Ejercicio
//! sobre Quiz"), and the title of an MkDocs admonition written without one (`!!! warning` ->
//! "Advertencia"), through the real binary on a Spanish copy of the assignments fixture.

mod common;

use common::*;
use std::fs;

/// The assignments fixture, in `language` if one is given, its second exercise untitled and a
/// titleless warning saying `warning` on the bond page; built, with the output folder.
fn site(language: Option<&str>, warning: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = copy_fixture("assignments");
    let root = dir.path();
    if let Some(language) = language {
        edit(
            root,
            "handbook.toml",
            "title = \"Assignment fixture\"",
            &format!("title = \"Assignment fixture\"\nlanguage = \"{language}\""),
        );
    }
    edit(
        root,
        "content/01-basics/02-quiz.md",
        "title = \"One more\"\n",
        "",
    );
    let bond = root.join("content/01-basics/01-bond.md");
    let text = read(&bond);
    write(&bond, &format!("{text}\n\n!!! warning\n    {warning}\n"));
    let out = root.join("site");
    let output = build(root, &out);
    assert!(output.status.success(), "{}", stderr(&output));
    (dir, out)
}

#[test]
fn spanish_assignment_items_and_untitled_admonitions_have_no_english_words() {
    let (_dir, out) = site(Some("es"), "Cuidado.");
    let week1 = fs::read_to_string(out.join("assignments/week-1.html")).unwrap();
    assert!(
        week1.contains(r#"<a href="../basics/bond.html#repair">Repair (en The bond)</a>"#),
        "{week1}"
    );
    assert!(!week1.contains("(in The bond)"));
    let week2 = fs::read_to_string(out.join("assignments/week-2.html")).unwrap();
    assert!(week2.contains(">Ejercicio sobre Quiz</a>"), "{week2}");
    assert!(!week2.contains("Exercise on"));
    // The manifest the progress page and the progress files read has the same titles.
    let manifest = fs::read_to_string(out.join("progress-data.js")).unwrap();
    assert!(manifest.contains("Repair (en The bond)"));
    assert!(manifest.contains("Ejercicio sobre Quiz"));
    assert!(!manifest.contains("(in The bond)") && !manifest.contains("Exercise on"));

    let bond = fs::read_to_string(out.join("basics/bond.html")).unwrap();
    assert!(
        bond.contains(r#"aria-label="Advertencia">"#)
            && bond.contains(r#"<p class="callout-title">Advertencia</p>"#),
        "{bond}"
    );
    assert!(!bond.contains(">Warning<"));
}

#[test]
fn english_keeps_its_words() {
    let (_dir, out) = site(None, "Careful.");
    let week2 = fs::read_to_string(out.join("assignments/week-2.html")).unwrap();
    assert!(week2.contains(">Exercise on Quiz</a>"), "{week2}");
    let bond = fs::read_to_string(out.join("basics/bond.html")).unwrap();
    assert!(bond.contains(r#"<p class="callout-title">Warning</p>"#));
}
