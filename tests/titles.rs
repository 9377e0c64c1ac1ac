//! Page titles taken from a page's first `# Heading`: its plain text (an image's alt text, a
//! link's text, code and emphasis without markup) in `<title>`, the sidebar, the pager, the
//! search index and the print page's contents, while the page's one `<h1>` keeps the heading's
//! markup; and the first level-1 heading is the title also when a banner, a comment or a
//! badge line comes before it.

mod common;
use common::*;

/// The text between `<title>` and `</title>` of `html`.
fn title_of(html: &str) -> &str {
    let start = html.find("<title>").expect("a <title>") + "<title>".len();
    let end = html[start..].find("</title>").expect("</title>");
    &html[start..start + end]
}

/// The `<h1>` elements of `html`, whole.
fn h1s(html: &str) -> Vec<&str> {
    html.match_indices("<h1")
        .map(|(i, _)| {
            let end = html[i..].find("</h1>").expect("</h1>");
            &html[i..i + end + 5]
        })
        .collect()
}

#[test]
fn a_heading_with_markup_gives_a_plain_title_and_keeps_its_markup_in_the_h1() {
    let hb = handbook(&[
        (
            "content/01-logo.md",
            "# ![Clinic logo](logo.svg)\n\nText.\n",
        ),
        (
            "content/logo.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        ),
        (
            "content/02-link.md",
            "# The [home page](_index.md), `code` and *stress*\n\nText.\n",
        ),
    ]);
    let out = build_ok(hb.path());
    let site = out.path().join("site");
    let logo = read(&site.join("logo.html"));
    assert_eq!(title_of(&logo), "Clinic logo · T");
    assert_eq!(
        h1s(&logo),
        ["<h1><img src=\"logo.svg\" alt=\"Clinic logo\" /></h1>"]
    );
    let link = read(&site.join("link.html"));
    assert_eq!(title_of(&link), "The home page, code and stress · T");
    assert_eq!(
        h1s(&link),
        [
            "<h1>The <a href=\"index.html\">home page</a>, <code>code</code> and <em>stress</em></h1>"
        ]
    );
    // The sidebar, the pager, search and print read the plain title; no raw Markdown anywhere.
    let home = read(&site.join("index.html"));
    assert!(home.contains(">Clinic logo<"), "sidebar/pager: {home}");
    for file in [
        "index.html",
        "logo.html",
        "link.html",
        "print.html",
        "search-index.js",
    ] {
        let text = read(&site.join(file));
        for raw in ["![Clinic", "](logo.svg)", "[home page]", "](_index.md)"] {
            assert!(!text.contains(raw), "{file} holds raw Markdown {raw:?}");
        }
    }
    assert!(read(&site.join("search-index.js")).contains("The home page, code and stress"));
    assert!(read(&site.join("print.html")).contains("The home page, code and stress"));
}

#[test]
fn the_first_level_one_heading_is_the_title_after_a_banner_a_comment_or_badges() {
    let cases = [
        (
            "banner",
            "<img src=\"b.svg\" alt=\"banner\">\n\n# Real Title\n\nText.\n",
        ),
        ("comment", "<!--\n  a note\n-->\n\n# Real Title\n\nText.\n"),
        (
            "badges",
            "[![CI](ci.svg)](https://example.org/ci) [![Docs](d.svg)](https://example.org)\n\n# Real Title\n\nText.\n",
        ),
        ("setext", "<!-- x -->\n\nReal Title\n==========\n\nText.\n"),
    ];
    let mut files: Vec<(String, &str)> = cases
        .iter()
        .map(|(name, text)| (format!("content/{name}.md"), *text))
        .collect();
    for svg in ["b", "ci", "d"] {
        files.push((
            format!("content/{svg}.svg"),
            "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        ));
    }
    files.push(("handbook.toml".into(), "title = \"T\"\nid = \"t\"\n"));
    let refs: Vec<(&str, &str)> = files.iter().map(|(p, t)| (p.as_str(), *t)).collect();
    let hb = handbook(&refs);
    let (code, printed) = check(hb.path(), &["--deny-warnings"]);
    assert_eq!(code, 0, "{printed}");
    assert!(!printed.contains("without a title"), "{printed}");
    let out = build_ok(hb.path());
    for (name, _) in cases {
        let html = read(&out.path().join("site").join(format!("{name}.html")));
        assert_eq!(title_of(&html), "Real Title · T", "{name}");
        assert_eq!(h1s(&html), ["<h1>Real Title</h1>"], "{name}: one <h1>");
    }
    // The banner stays on its page.
    let banner = read(&out.path().join("site/banner.html"));
    assert!(banner.contains("alt=\"banner\""), "{banner}");
}

#[test]
fn a_page_with_an_h1_of_its_own_gets_no_second_one() {
    let readme = "<p align=\"center\"><img src=\"b.svg\" alt=\"\"></p>\n\n<h1 align=\"center\">Copier &amp; friends</h1>\n\nText.\n";
    let hb = handbook(&[
        ("handbook.toml", "title = \"T\"\nid = \"t\"\n"),
        ("content/readme.md", readme),
        (
            "content/b.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        ),
        (
            "content/front.md",
            "---\ntitle: Short title\n---\n\nIntro.\n\n# The longer heading\n\nText.\n",
        ),
    ]);
    let (code, printed) = check(hb.path(), &["--deny-warnings"]);
    assert_eq!(code, 0, "{printed}");
    let out = build_ok(hb.path());
    let site = out.path().join("site");
    // A raw HTML <h1> is the title (its text) and the page's only <h1>.
    let html = read(&site.join("readme.html"));
    assert_eq!(title_of(&html), "Copier &amp; friends · T");
    assert_eq!(
        h1s(&html),
        ["<h1 align=\"center\">Copier &amp; friends</h1>"]
    );
    // The front matter names the page; its own `# Heading` stays its one <h1>.
    let html = read(&site.join("front.html"));
    assert_eq!(title_of(&html), "Short title · T");
    assert_eq!(h1s(&html).len(), 1, "{html}");
    assert!(h1s(&html)[0].contains("The longer heading"), "{html}");
}
