//! Markdown inside raw HTML (Python-Markdown's `md_in_html`, used by MkDocs Material sites):
//! an element with a `markdown` attribute has its content rendered as Markdown, blocks for
//! `markdown`/`markdown="1"`/`markdown="block"`, inline for `markdown="span"`, and the
//! attribute (never valid HTML) is dropped everywhere, in MkDocs sites and handbooks alike.

mod common;
use common::*;

/// The article's content of the built `index.html`.
fn content(site: &std::path::Path) -> String {
    let html = read(&site.join("index.html"));
    let start = html.find("<div class=\"content\">").expect("content");
    let end = html[start..].find("</article>").expect("article end");
    html[start..start + end].to_string()
}

#[test]
fn material_cards_and_figures_in_an_mkdocs_site() {
    let dir = tempfile::tempdir().unwrap();
    write_all(
        dir.path(),
        &[
            (
                "mkdocs.yml",
                "site_name: MA\nmarkdown_extensions:\n  - md_in_html\n  - attr_list\n",
            ),
            (
                "docs/index.md",
                "# Cards\n\n<div class=\"grid cards\" markdown>\n\n-   __Fast__\n\n    Text with [a link](other.md)\n\n</div>\n\n<figure markdown=\"span\">\n  ![Image](pic.svg)\n  <figcaption>Caption</figcaption>\n</figure>\n\n<p markdown=\"1\">Some *emphasis*</p>\n\n<div markdown=\"0\">\n*kept*\n</div>\n",
            ),
            ("docs/other.md", "# Other\n"),
            (
                "docs/pic.svg",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
            ),
        ],
    );
    let out = build_ok(dir.path());
    let html = content(&out.path().join("site"));
    assert!(!html.contains("markdown"), "{html}");
    assert!(
        html.contains("<div class=\"grid cards\">\n<ul>\n<li>\n<p><strong>Fast</strong></p>\n<p>Text with <a href=\"other.html\">a link</a></p>\n</li>\n</ul>\n</div>"),
        "{html}"
    );
    assert!(
        html.contains("<figure>\n<img src=\"pic.svg\" alt=\"Image\" />"),
        "{html}"
    );
    assert!(
        html.contains("<figcaption>Caption</figcaption>\n</figure>"),
        "{html}"
    );
    assert!(
        !html.contains("<p><img"),
        "inline content has no paragraph: {html}"
    );
    assert!(html.contains("<p>\nSome <em>emphasis</em></p>"), "{html}");
    assert!(html.contains("<div>\n*kept*\n</div>"), "{html}");
}

#[test]
fn in_a_handbook_with_problems_at_their_place() {
    let dir = handbook(&[(
        "content/_index.md",
        "# Home\n\n<section class=\"x\" markdown>\n## Inside\n\nSee [gone](missing.md).\n</section>\n\n<span markdown>inline *x*</span>\n",
    )]);
    let text = failing_build(dir.path());
    has_line_with(
        &text,
        &["content/_index.md:6:5:", "broken link `missing.md`"],
    );
    std::fs::write(
        dir.path().join("content/_index.md"),
        "# Home\n\n<section class=\"x\" markdown>\n## Inside\n\nSee [home](_index.md).\n</section>\n\n<span markdown>inline *x*</span>\n",
    )
    .unwrap();
    let out = build_ok(dir.path());
    let html = content(&out.path().join("site"));
    assert!(html.contains("<section class=\"x\">"), "{html}");
    assert!(html.contains("<h2 id=\"inside\">Inside"), "{html}");
    assert!(
        html.contains("<p><span>inline <em>x</em></span></p>"),
        "{html}"
    );
    assert!(!html.contains("markdown"), "{html}");
}

/// A handbook of one page, `index`, built; the built page's content.
fn built_page(index: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    write_all(
        dir.path(),
        &[
            ("handbook.toml", "title = \"T\"\nid = \"t\"\n"),
            ("content/_index.md", index),
            ("content/evil.js", "document.title = 'pwned';\n"),
        ],
    );
    let out = build_ok(dir.path());
    content(&out.path().join("site"))
}

#[test]
fn removing_the_attribute_never_uncovers_markup_the_safety_scan_passed_over() {
    // The scan reads `<? ... ?>` to its first `>`, then a comment holding the script. Taking
    // out a `markdown` attribute whose value spans those would end the `<?` early and turn the
    // comment's script into a real element: such a value is left as written.
    let page = "# D\n\n<? <y markdown=\"a ?> <!-- \" > <script src=\"evil.js\"></script> -->\n";
    let html = built_page(page);
    assert!(
        html.contains("<? <y markdown=\"a ?> <!-- \" > <script src=\"evil.js\"></script> -->"),
        "{html}"
    );
    // Inside a comment, nothing is a start tag to tidy.
    let html = built_page(
        "# D\n\n<!-- <a name=\"x\" markdown> -->\n\n<div markdown=\"1\">\n*yes*\n</div>\n",
    );
    assert!(html.contains("<!-- <a name=\"x\" markdown> -->"), "{html}");
    assert!(html.contains("<em>yes</em>"), "{html}");
}

#[test]
fn deep_nesting_and_many_unclosed_elements_build() {
    let deep = format!(
        "# T\n\n{}x\n{}",
        "<div markdown>\n".repeat(1000),
        "</div>\n".repeat(1000)
    );
    let html = built_page(&deep);
    assert_eq!(
        html.matches("<div").count(),
        1001,
        "every level is written (one is the page's)"
    );
    assert!(
        !html.contains("markdown"),
        "the attribute is dropped at every level"
    );
    let unclosed = format!("# T\n\n{}", "<div markdown>\n\n*a*\n\n".repeat(5000));
    let html = built_page(&unclosed);
    assert!(
        !html.contains("markdown"),
        "unclosed ones lose the attribute too"
    );
}
