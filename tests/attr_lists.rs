//! Attribute lists after links and images (`attr_list`, common in MkDocs Material sites):
//! `![Logo](logo.svg){ width="300" }`, `[Start](a.md){ .md-button }`, `{#id}` as a link target.
//! Unsafe or invalid keys are left out with a warning; anything not a list stays text.

mod common;
use common::*;

const PAGE: &str = "# Home\n\n![A square](pic.svg){ width=\"300\" loading=lazy } and text after.\n\n[Start](other.md){ .md-button #start } then [back](#start) and [pic](#sq).\n\n![Sq](pic.svg){#sq}\n\nA [plain](other.md) { .not-a-list } link, and [bad](other.md){ onclick=\"alert(1)\" align=left }.\n";

#[test]
fn lists_become_attributes_and_ids_become_targets() {
    let dir = handbook(&[
        ("content/_index.md", PAGE),
        ("content/other.md", "# Other\n"),
        (
            "content/pic.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        ),
    ]);
    let (o, out) = build_temp(dir.path());
    let text = stderr(&o);
    assert!(o.status.success(), "{text}");
    let html = read(&out.path().join("site/index.html"));
    contains_all(
        &html,
        &[
            "<img src=\"pic.svg\" alt=\"A square\" width=\"300\" loading=\"lazy\" /> and text after.",
            "<a href=\"other.html\" id=\"start\" class=\"md-button\">Start</a> then <a href=\"#start\">back</a>",
            "<img src=\"pic.svg\" alt=\"Sq\" id=\"sq\" />",
            "<a href=\"other.html\">plain</a> { .not-a-list } link",
            "<a href=\"other.html\">bad</a>.",
        ],
    );
    assert!(!html.contains("onclick"), "{html}");
    has_line_with(
        &text,
        &[
            "_index.md:9:",
            "`onclick` in the attribute list is left out",
        ],
    );
    has_line_with(
        &text,
        &["_index.md:9:", "`align` in the attribute list is left out"],
    );
}
