//! A file copied as it is onto the address of a page says what it collides with: the page
//! the build makes itself for a folder without a landing page (the home page, a chapter's
//! page), or a page of the content folder; and what to do.

mod common;
use common::*;

#[test]
fn a_copied_index_html_beside_pages_names_the_generated_home_page() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("other.md"), "# O\n");
    write(&dir.path().join("index.html"), "<p>x</p>\n");
    let text = failing_build(dir.path());
    has_lines(
        &text,
        &[
            "error: index.html: the file `index.html` would be copied to `index.html`, the address of the home page, which the build makes itself (this folder has no `_index.md`, `index.md` or `README.md`)",
            "  hint: rename or remove `index.html`; to give the home page your own text, write it in `index.md`",
        ],
    );
    assert!(!text.contains("two files"), "{text}");
    // Following the hint: renamed, it builds, the file copied beside the generated home page.
    std::fs::rename(dir.path().join("index.html"), dir.path().join("start.html")).unwrap();
    let out = build_ok(dir.path());
    assert!(out.path().join("site/start.html").is_file());
}

#[test]
fn in_a_chapter_folder_and_beside_a_page() {
    let dir = handbook(&[
        ("content/guide/a.md", "# A\n"),
        ("content/guide/index.html", "x"),
        ("content/b.md", "# B\n"),
        ("content/b.html", "x"),
    ]);
    let text = failing_build(dir.path());
    has_line_with(
        &text,
        &[
            "error: content/guide/index.html: the file `content/guide/index.html` would be copied to `guide/index.html`, the address of the page of the folder `guide/`, which the build makes itself (`content/guide/` has no",
        ],
    );
    has_line(
        &text,
        "  hint: rename or remove `content/guide/index.html`; to give the page of the folder `guide/` your own text, write it in `content/guide/index.md`",
    );
    has_lines(
        &text,
        &[
            "error: content/b.html: the file `content/b.html` would be copied to `b.html`, the address of the page `content/b.md`",
            "  hint: rename one of the two files, or give the page another `slug` in its front matter",
        ],
    );
}
