//! The theme's scripts are built from parts (`//= include PATH` lines, src/theme/bundle.rs):
//! the real binary on the bundled theme and on handbooks whose theme overrides a part, a whole
//! script, or includes a part that does not exist.

mod common;

use common::*;

/// A one-page handbook with `theme` files under `themes/default/`.
fn with_theme(theme: &[(&str, &str)]) -> tempfile::TempDir {
    let mut files = vec![
        ("handbook.toml".to_string(), "title = \"T\"\nid = \"t\"\n"),
        ("content/_index.md".to_string(), "# Home\n\nText.\n"),
    ];
    for (name, text) in theme {
        files.push((format!("themes/default/{name}"), text));
    }
    let files: Vec<(&str, &str)> = files.iter().map(|(p, t)| (p.as_str(), *t)).collect();
    handbook(&files)
}

/// Builds `root`, which must succeed: the output folder.
fn built(root: &std::path::Path) -> tempfile::TempDir {
    let (o, out) = build_temp(root);
    assert!(o.status.success(), "{}", stderr(&o));
    out
}

#[test]
fn the_built_scripts_have_their_parts_inlined_and_no_parts_beside_them() {
    let dir = with_theme(&[]);
    let out = built(dir.path());
    let site = out.path().join("site");
    let names = files(&site.join("assets/js"));
    assert!(names.iter().all(|n| !n.contains('/')), "{names:?}");
    for script in ["srs.js", "exercise.js", "progress.js", "search.js"] {
        let text = read(&site.join("assets/js").join(script));
        assert!(
            !text
                .lines()
                .any(|l| l.trim_start().starts_with("//= include")),
            "{script} not expanded"
        );
        assert_eq!(
            text.matches("function el(tag, attrs, content)").count(),
            1,
            "{script} has the shared el() once"
        );
    }
    for script in [
        "theme.js",
        "progress-store.js",
        "assignments.js",
        "progress.js",
    ] {
        let text = read(&site.join("assets/js").join(script));
        assert_eq!(text.matches("function slug(text)").count(), 1, "{script}");
    }
}

#[test]
fn a_theme_overrides_one_part_and_the_script_is_built_with_it() {
    let dir = with_theme(&[(
        "static/js/shared/slug.js",
        "  function slug(text) { return \"mine\" + text; }\n",
    )]);
    let out = built(dir.path());
    let theme = read(&out.path().join("site/assets/js/theme.js"));
    assert!(theme.contains("return \"mine\" + text;"), "{theme}");
    assert!(
        theme.contains("api.storageKey = storageKey;"),
        "the rest is the default's"
    );
    assert!(!out.path().join("site/assets/js/shared").exists());
}

#[test]
fn a_theme_overriding_a_whole_script_replaces_it_parts_and_all() {
    let dir = with_theme(&[("static/js/theme.js", "window.mine = 1;\n")]);
    let out = built(dir.path());
    assert_eq!(
        read(&out.path().join("site/assets/js/theme.js")),
        "window.mine = 1;\n"
    );
}

#[test]
fn a_missing_part_is_an_error_at_the_including_line() {
    let dir = with_theme(&[(
        "static/js/extra.js",
        "(function () {\n//= include js/extra/gone.js\n})();\n",
    )]);
    let text = failing_build(dir.path());
    has_line_with(
        &text,
        &["themes/default/static/js/extra.js:2", "js/extra/gone.js"],
    );
}

#[test]
fn no_theme_script_source_is_over_800_lines() {
    let js = repo().join("themes/default/static/js");
    let names = files(&js);
    assert!(names.iter().any(|n| n.starts_with("srs/")), "{names:?}");
    for name in names.iter().filter(|n| n.ends_with(".js")) {
        let lines = read(&js.join(name)).lines().count();
        assert!(
            lines <= 800,
            "themes/default/static/js/{name} has {lines} lines: split it into parts (ARCHITECTURE.md, Theme scripts)"
        );
    }
}
