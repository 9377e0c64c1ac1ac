//! Media from other hosts (images, iframes, video/audio/source, embed/object): the built site
//! loads nothing from other hosts, so each is a warning at its `file:line:column`, once per
//! URL per page, listed by `check` and failing `check --deny-warnings`; links to other hosts
//! do not warn. A Markdown image from another host is written as a link named by its alt text.

mod common;
use common::*;

const TOML: &str = "title = \"T\"\nid = \"t\"\n";

/// `handbook check` on a handbook of `TOML` and one more file, `path` with `text`.
fn check_one(path: &str, text: &str) -> (i32, String) {
    let hb = handbook(&[("handbook.toml", TOML), (path, text)]);
    check(hb.path(), &[])
}

const PAGE: &str = "# Media\n\n\
![Clinic map](https://example.org/map.png)\n\n\
<iframe src=\"https://www.youtube.com/embed/x\" title=\"Role play\"></iframe>\n\n\
[![Build status](https://img.shields.io/b.svg)](https://ci.example.org) and \
[a normal link](https://example.org) and ![Clinic map again](https://example.org/map.png)\n\n\
<video controls><source src=\"//cdn.example.org/v.mp4\" type=\"video/mp4\"></video>\n\n\
<a href=\"https://example.org/handout.pdf\">Handout</a>\n";

#[test]
fn check_warns_once_per_remote_url_with_file_line_and_what_to_do() {
    let hb = handbook(&[("handbook.toml", TOML), ("content/media.md", PAGE)]);
    let (code, printed) = check(hb.path(), &[]);
    assert_eq!(code, 0, "{printed}");
    has_line_with(
        &printed,
        &[
            "media.md:3:1",
            "an image from another host will not load",
            "https://example.org/map.png",
        ],
    );
    has_line_with(
        &printed,
        &[
            "media.md:5:",
            "`<iframe>`",
            "https://www.youtube.com/embed/x",
        ],
    );
    has_line_with(&printed, &["media.md:7:", "https://img.shields.io/b.svg"]);
    has_line_with(
        &printed,
        &["media.md:9:", "`<source>`", "//cdn.example.org/v.mp4"],
    );
    assert!(
        printed.contains("download the file into the handbook"),
        "{printed}"
    );
    assert!(printed.contains("link to it as a normal link"), "{printed}");
    assert_eq!(
        printed.matches("https://example.org/map.png").count(),
        1,
        "one per URL: {printed}"
    );
    assert!(
        !printed.contains("handout.pdf"),
        "links do not warn: {printed}"
    );
    assert!(
        !printed.contains("ci.example.org"),
        "links do not warn: {printed}"
    );
    assert!(printed.contains("0 errors, 4 warnings"), "{printed}");
    let (code, printed) = check(hb.path(), &["--deny-warnings"]);
    assert_eq!(code, 1, "{printed}");
}

#[test]
fn a_remote_markdown_image_is_written_as_a_link_named_by_its_alt_text() {
    let hb = handbook(&[("handbook.toml", TOML), ("content/media.md", PAGE)]);
    let out = build_ok(hb.path());
    let html = read(&out.path().join("site/media.html"));
    assert!(
        html.contains("<a href=\"https://example.org/map.png\">Clinic map</a>"),
        "{html}"
    );
    // Inside a link, the image's alt text (a link may not hold a link).
    assert!(
        html.contains("<a href=\"https://ci.example.org\">Build status</a>"),
        "{html}"
    );
    assert!(!html.contains("<img src=\"https://"), "{html}");
    // Raw HTML is left as written.
    assert!(
        html.contains("<iframe src=\"https://www.youtube.com/embed/x\""),
        "{html}"
    );
}

#[test]
fn remote_images_in_an_exercise_warn_too() {
    let page = "# Quiz\n\n```exercise\nid = \"q\"\n[[questions]]\ntype = \"truefalse\"\nprompt = \"Is this chart right? ![chart](https://example.org/c.png)\"\nanswer = true\n```\n";
    let (_, printed) = check_one("content/quiz.md", page);
    has_line_with(
        &printed,
        &["quiz.md:7:", "https://example.org/c.png", "will not load"],
    );
}

#[test]
fn a_theme_stylesheet_loading_from_another_host_warns_at_its_line() {
    let css = "/* fonts */\n@import \"https://fonts.example.org/css?family=X\";\n\
               body { background: url(img/bg.png); }\n";
    let (code, printed) = check_one("themes/default/static/css/extra.css", css);
    assert_eq!(code, 0, "{printed}");
    has_line_with(
        &printed,
        &[
            "themes/default/static/css/extra.css:2:",
            "from another host will not load",
            "https://fonts.example.org/css?family=X",
        ],
    );
    assert!(!printed.contains("bg.png"), "{printed}");
}
