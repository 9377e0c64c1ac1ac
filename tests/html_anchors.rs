//! Links may point at the ids of raw HTML elements (`<a id="x">`, `<a name="x">`,
//! `<span id="x">`), on the same page and on others, as at headings' ids; a fragment nothing
//! has is still an error with "did you mean", and the message says HTML ids count.

mod common;
use common::*;

#[test]
fn a_link_to_a_raw_html_anchor_builds_in_a_plain_folder() {
    let dir = tempfile::tempdir().unwrap();
    write(
        &dir.path().join("index.md"),
        "# Doc\n\n[go](#export)\n\n<a id=\"export\"></a>\n## `export` fn\n",
    );
    let out = build_ok(dir.path());
    let html = read(&out.path().join("site/index.html"));
    assert!(html.contains("href=\"#export\""), "{html}");
    assert!(html.contains("<a id=\"export\"></a>"), "{html}");
}

#[test]
fn ids_of_any_element_count_on_this_page_and_on_others() {
    let dir = handbook(&[
        (
            "content/_index.md",
            "# Home\n\n[a](#named) [b](other.md#spot) [c](other.md#inline) [d](other.md#Block-Id)\n\n<a name=\"named\"></a>\nNamed spot.\n",
        ),
        (
            "content/other.md",
            "# Other\n\n<span id=\"spot\">here</span>\n\nText <b id=\"inline\">bold</b>.\n\n<div\n  class=\"x\"\n  id=\"Block-Id\">\n\nInside.\n\n</div>\n",
        ),
    ]);
    let out = build_ok(dir.path());
    let home = read(&out.path().join("site/index.html"));
    assert!(home.contains("href=\"other.html#spot\""), "{home}");
    assert!(home.contains("href=\"other.html#Block-Id\""), "{home}");
    // `name` on an `<a>` is obsolete HTML: it is written as the `id` it stands for.
    assert!(home.contains("<a id=\"named\"></a>"), "{home}");
    assert!(!home.contains("name=\"named\""), "{home}");
}

#[test]
fn a_missing_anchor_is_still_an_error_naming_html_ids() {
    let dir = handbook(&[
        (
            "content/_index.md",
            "# Home\n\n[a](other.md#exprt)\n\n[b](other.md#Export)\n\n[c](other.md#nowhere)\n",
        ),
        (
            "content/other.md",
            "# Other\n\n<a id=\"export\"></a>\nText.\n",
        ),
    ]);
    let text = failing_build(dir.path());
    has_line_with(
        &text,
        &[
            "_index.md:3:",
            "`content/other.md` has no heading or HTML element with the id `#exprt` (did you mean `#export`?)",
        ],
    );
    has_line_with(
        &text,
        &["_index.md:5:", "`#Export` (did you mean `#export`?)"],
    );
    has_line_with(&text, &["_index.md:7:", "`#nowhere`"]);
    assert!(
        text.contains("or the `id` of an element in the page's HTML"),
        "{text}"
    );
}

#[test]
fn a_heading_never_takes_an_id_raw_html_has() {
    let dir = handbook(&[(
        "content/_index.md",
        "# Home\n\n[x](#intro)\n\n## Intro\n\n<p id=\"intro\">Raw.</p>\n\n## Later\n\n<span id=\"later\">x</span> <span id=\"later\">y</span>\n",
    )]);
    let (o, out) = build_temp(dir.path());
    let text = stderr(&o);
    assert!(o.status.success(), "{text}");
    let html = read(&out.path().join("site/index.html"));
    assert!(html.contains("<h2 id=\"intro-1\">Intro"), "{html}");
    assert!(html.contains("<h2 id=\"later-1\">Later"), "{html}");
    assert_eq!(html.matches("id=\"intro\"").count(), 1, "{html}");
    // Two raw elements with one id: the author is told.
    let o = run_on(&["check"], dir.path());
    has_line_with(&printed(&o), &["_index.md:11:", "duplicate id `later`"]);
}
