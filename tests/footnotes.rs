//! Footnotes have ids of their own (`fn-LABEL`, references `fnref-LABEL`), so a footnote and a
//! heading of the same name never share an id and the reference goes to the note; each note
//! links back to its first reference, its accessible name in the handbook's language.

mod common;
use common::*;

const PAGE: &str = "# P\n\nX[^bordin]. Again[^bordin].\n\n## Bordin\n\nSee [the section](#bordin), [the note](#fn-bordin) and [where it is cited](#fnref-bordin-2).\n\n## Notes[^n]\n\n[^bordin]: Ref.\n\n[^n]: On a heading.\n";

#[test]
fn a_footnote_and_a_heading_of_one_name_keep_their_own_ids() {
    let dir = handbook(&[("content/_index.md", PAGE)]);
    let out = build_ok(dir.path());
    let html = read(&out.path().join("site/index.html"));
    assert_eq!(html.matches("id=\"bordin\"").count(), 1, "{html}");
    contains_all(
        &html,
        &[
            "<h2 id=\"bordin\">Bordin",
            "X<sup class=\"footnote-reference\" id=\"fnref-bordin\"><a href=\"#fn-bordin\">1</a></sup>.",
            "id=\"fnref-bordin-2\"><a href=\"#fn-bordin\">1</a>",
        ],
    );
    // A note on a heading is numbered in page order, not from 1 again.
    contains_all(
        &html,
        &[
            "id=\"fnref-n\"><a href=\"#fn-n\">2</a>",
            "<div class=\"footnote-definition\" id=\"fn-bordin\"><sup class=\"footnote-definition-label\">1</sup>\n<p>Ref. <a class=\"footnote-backref\" href=\"#fnref-bordin\" aria-label=\"Back to reference 1\">↩</a></p>",
        ],
    );
    let ids: Vec<&str> = html
        .split(" id=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .collect();
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(ids.len(), unique.len(), "duplicate ids: {ids:?}");
}

#[test]
fn the_back_link_speaks_the_handbook_language() {
    let dir = handbook(&[
        ("handbook.toml", "title = \"T\"\nlanguage = \"de\"\n"),
        ("content/_index.md", PAGE),
    ]);
    let out = build_ok(dir.path());
    let html = read(&out.path().join("site/index.html"));
    assert!(
        html.contains("aria-label=\"Zurück zum Verweis 1\""),
        "{html}"
    );
}

#[test]
fn a_heading_named_like_a_footnote_id_takes_a_suffix() {
    let dir = handbook(&[(
        "content/_index.md",
        "# P\n\nX[^a].\n\n## Fn a\n\n[^a]: Note.\n",
    )]);
    let out = build_ok(dir.path());
    let html = read(&out.path().join("site/index.html"));
    assert!(html.contains("<h2 id=\"fn-a-1\">Fn a"), "{html}");
    assert_eq!(html.matches("id=\"fn-a\"").count(), 1, "{html}");
}

#[test]
fn a_link_to_a_footnote_by_its_old_bare_id_is_reported() {
    let dir = handbook(&[(
        "content/_index.md",
        "# P\n\nX[^ref] and [back](#ref).\n\n[^ref]: Note.\n",
    )]);
    let text = failing_build(dir.path());
    has_line_with(&text, &["_index.md:3:", "`#ref` (did you mean `#fn-ref`?)"]);
}
