//! MkDocs / Material / Zensical sites build as they are (issue 17): `mkdocs.yml` gives the
//! pages folder, the title and the reading order (`nav`); admonitions and content tabs render as
//! callouts and tab sets; front matter of other tools is passed to themes with one warning per
//! key; misspelt handbook keys stay errors with "did you mean".

mod common;

use common::{copy_dir, fixture, printed, run_on, write_all};
use std::fs;
use std::path::{Path, PathBuf};

const FIXTURE: &str = "mkdocs-site";

/// A site in a temporary folder: the fixture (when `fixture`), then `files` written over it.
fn site(with_fixture: bool, files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    if with_fixture {
        copy_dir(&fixture(FIXTURE), dir.path());
    }
    write_all(dir.path(), files);
    dir
}

/// Runs `handbook CMD [args] --root ROOT`: exit code and everything printed (never a panic).
fn run(cmd: &str, root: &Path, args: &[&str]) -> (i32, String) {
    let mut all = vec![cmd];
    all.extend_from_slice(args);
    let o = run_on(&all, root);
    let text = printed(&o);
    assert!(!text.contains("panicked"), "{text}");
    (o.status.code().unwrap_or(-1), text)
}

/// Builds `root` into `root/public`; the exit code, output and output folder.
fn build(root: &Path) -> (i32, String, PathBuf) {
    let out = root.join("public");
    let (code, text) = run("build", root, &["--out", out.to_str().unwrap()]);
    (code, text, out)
}

fn read(out: &Path, rel: &str) -> String {
    common::read(&out.join(rel))
}

/// The `href` of the `rel="next"` link of a page, resolved against the page's folder.
fn next_of(out: &Path, rel: &str) -> Option<String> {
    let html = read(out, rel);
    let at = html.find("rel=\"next\"")?;
    let start = html[..at].rfind("href=\"")? + 6;
    let href = &html[start..start + html[start..].find('"')?];
    let mut parts: Vec<&str> = rel.split('/').collect();
    parts.pop();
    for seg in href.split('/') {
        match seg {
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

/// The links of the sidebar's first level on page `rel`, as (text, href).
fn sidebar(out: &Path, rel: &str) -> Vec<String> {
    let html = read(out, rel);
    let nav = &html[html.find("nav-level-1").unwrap()..];
    let nav = &nav[..nav.find("sidebar-extra").unwrap()];
    // Only first-level entries: skip nested lists.
    let mut depth = 0;
    let mut titles = Vec::new();
    let mut rest = nav;
    while let Some(i) = rest.find('<') {
        rest = &rest[i..];
        if rest.starts_with("<ul") {
            depth += 1;
        } else if rest.starts_with("</ul") {
            depth -= 1;
        } else if rest.starts_with("<a ") && depth == 0 {
            let text_start = rest.find('>').unwrap() + 1;
            let text_end = rest.find("</a>").unwrap();
            titles.push(rest[text_start..text_end].to_string());
        }
        rest = &rest[1..];
    }
    titles
}

#[test]
fn the_reading_order_is_the_nav_then_the_pages_not_in_it() {
    let dir = site(true, &[]);
    let (code, text, out) = build(dir.path());
    assert_eq!(code, 0, "{text}");
    let mut chain = vec!["index.html".to_string()];
    while let Some(next) = next_of(&out, chain.last().unwrap()) {
        assert!(!chain.contains(&next), "loop at {next}: {chain:?}");
        chain.push(next);
    }
    assert_eq!(
        chain,
        [
            "index.html",
            "getting-started.html",
            "basics/index.html",
            "basics/bond.html",
            "basics/goals.html",
            "practice/index.html",
            "practice/tabs.html",
            "practice/repair.html",
            "extras/unlisted.html",
            "release-notes.html",
        ]
    );
    assert_eq!(
        sidebar(&out, "basics/goals.html"),
        [
            "Start here",
            "Basics",
            "Practice",
            "Unlisted",
            "Release notes"
        ]
    );
    // Titled nav entries name the page; a bare first entry is the section's landing page.
    let goals = read(&out, "basics/goals.html");
    assert!(goals.contains(">The bond</a>"), "nav title");
    assert!(
        goals.contains("<title>Goals · Alliance Notes</title>"),
        "heading title"
    );
    assert!(read(&out, "basics/index.html").contains("<h1>Basics</h1>"));
    // A section without a landing page gets one at its folder.
    assert!(read(&out, "practice/index.html").contains("<h1>Practice</h1>"));
    // mkdocs.yml gives the title, description and authors.
    let print = read(&out, "print.html");
    assert!(
        print.contains("<h1 class=\"print-title\" id=\"hb-print-title\">Alliance Notes</h1>"),
        "site_name"
    );
    assert!(
        print.contains(
            "<p class=\"print-subtitle\">Short notes on the working alliance for new trainees</p>"
        ),
        "site_description"
    );
    assert!(print.contains("Written by Training Team"), "site_author");
    // One warning lists the pages not in the nav, at the nav's line.
    let warning = "warning: mkdocs.yml:48: 2 pages are not in the nav, so they are built after it: extras/unlisted.md, release-notes.md";
    assert_eq!(text.matches(warning).count(), 1, "{text}");
    assert!(
        text.contains("warning: mkdocs.yml:19: the handbook does not run MkDocs plugins `tags`; `extra_css`: they are ignored"),
        "{text}"
    );
    assert!(
        text.contains("nav links to other sites are left out of the sidebar: Source code"),
        "{text}"
    );
}

#[test]
fn admonitions_are_callouts_of_the_right_kind() {
    let dir = site(true, &[]);
    let (code, text, out) = build(dir.path());
    assert_eq!(code, 0, "{text}");
    let page = read(&out, "getting-started.html");
    for want in [
        "<div class=\"callout callout-important\" role=\"note\" aria-label=\"Abstract\">\n<p class=\"callout-title\">In short</p>\n<p>Read, practise, reflect.</p>\n</div>",
        "<div class=\"callout callout-warning\" role=\"note\" aria-label=\"Warning\">\n<p class=\"callout-title\">Warning</p>",
        "<div class=\"callout callout-caution\" role=\"note\" aria-label=\"Danger\">\n<p class=\"callout-title\">Stop</p>",
        "<div class=\"callout callout-caution\" role=\"note\" aria-label=\"Bug\">",
        // An unknown type is a note, titled as written.
        "<div class=\"callout callout-note\" role=\"note\" aria-label=\"Note\">\n<p class=\"callout-title\">Unusual type</p>",
    ] {
        assert!(page.contains(want), "missing\n{want}\nin\n{page}");
    }
    assert!(!page.contains("!!!"), "{page}");
    let bond = read(&out, "basics/bond.html");
    assert!(bond.contains("<details class=\"callout callout-note callout-collapsible\">\n<summary class=\"callout-title\"><span class=\"visually-hidden\">Question: </span>Why does the bond matter?</summary>\n<p>Clients"), "{bond}");
    assert!(
        bond.contains("<details class=\"callout callout-note callout-collapsible\" open>"),
        "{bond}"
    );
    // Full Markdown inside: a nested list and a fenced code block.
    assert!(
        bond.contains("<li>They return for sessions.\n<ul>\n<li>They say more"),
        "{bond}"
    );
    assert!(
        bond.contains("<pre><code class=\"language-text\">a code block inside"),
        "{bond}"
    );
    // Nested admonitions, and a link inside one checked and rewritten.
    let goals = read(&out, "basics/goals.html");
    assert!(goals.contains("aria-label=\"Example\">\n<p class=\"callout-title\">Example</p>\n<p>“What would be different if these sessions helped?”</p>\n<div class=\"callout callout-tip\" role=\"note\" aria-label=\"Success\">"), "{goals}");
    assert!(read(&out, "index.html").contains("<a href=\"basics/index.html\">the basics</a>"));
    // Printed, collapsible callouts are open.
    let print = read(&out, "print.html");
    assert!(
        !print.contains("callout-collapsible\">"),
        "every collapsible is open in print"
    );
    assert!(print.contains("assets/css/tabs.css"));
}

#[test]
fn content_tabs_are_a_tab_set_and_load_their_script_only_where_used() {
    let dir = site(true, &[]);
    let (code, text, out) = build(dir.path());
    assert_eq!(code, 0, "{text}");
    let tabs = read(&out, "practice/tabs.html");
    assert!(tabs.contains("<div class=\"tabbed-set\" data-tabs>\n<div class=\"tabbed-panel\" id=\"tabset-1-1\">\n<p class=\"tabbed-title\">At the end</p>\n<p>Ask in the last five minutes"), "{tabs}");
    assert!(tabs.contains("<div class=\"tabbed-panel\" id=\"tabset-1-2\">\n<p class=\"tabbed-title\">With a form</p>\n<p>Use a short rating form and talk about the scores.</p>\n<ol>"), "{tabs}");
    assert_eq!(
        tabs.matches("data-tabs").count(),
        2,
        "`===!` starts a second set"
    );
    assert!(
        tabs.contains("<a href=\"repair.html\">repair</a>"),
        "links in tabs are rewritten"
    );
    assert!(tabs.contains("assets/js/tabs.js") && tabs.contains("assets/css/tabs.css"));
    let bond = read(&out, "basics/bond.html");
    assert!(bond.contains("assets/css/tabs.css") && !bond.contains("assets/js/tabs.js"));
    // Indented four spaces under a list item, a callout or a tab set stays in the item.
    let repair = read(&out, "practice/repair.html");
    assert!(
        repair.contains("<li>\n<p>Notice the strain.</p>\n <div class=\"callout callout-tip\""),
        "{repair}"
    );
    assert!(
        repair.contains("<li>\n<p>Name it gently.</p>\n <div class=\"tabbed-set\" data-tabs>"),
        "{repair}"
    );
    assert!(repair.contains("</div>\n</li>\n<li>\n<p>Talk about it together.</p>"));
    // Titles are searchable with their section's text.
    let index = read(&out, "search-index.js");
    assert!(
        index.contains("practitioner. Why does the bond matter? Clients"),
        "callout title"
    );
    assert!(
        index.contains("With a form Use a short rating form"),
        "tab title"
    );
    let plain = read(&out, "release-notes.html");
    assert!(!plain.contains("tabs.css") && !plain.contains("tabs.js"));
}

#[test]
fn foreign_front_matter_is_one_warning_per_key_and_reaches_themes() {
    let dir = site(
        true,
        &[(
            "themes/default/templates/partials/head-extra.html",
            "{% if page is defined and page.extra.icon is defined %}<meta name=\"x-icon\" content=\"{{ page.extra.icon }}\">{% endif %}",
        )],
    );
    let (code, text) = run("check", dir.path(), &[]);
    assert_eq!(code, 0, "{text}");
    assert_eq!(text.matches("front matter key `tags`").count(), 1, "{text}");
    assert!(
        text.contains("warning: docs/basics/bond.md:2: front matter key `tags` (in 4 files) is not a handbook key; themes get it as `page.extra.tags`"),
        "{text}"
    );
    for key in [
        "icon", "hide", "status", "template", "comments", "date", "authors",
    ] {
        assert_eq!(
            text.matches(&format!("front matter key `{key}`")).count(),
            1,
            "{key}: {text}"
        );
    }
    let (code, _, out) = build(dir.path());
    assert_eq!(code, 0);
    assert!(
        read(&out, "basics/index.html")
            .contains("<meta name=\"x-icon\" content=\"material/school\">")
    );
    // --deny-warnings makes them count.
    assert_eq!(run("check", dir.path(), &["--deny-warnings"]).0, 1);
}

#[test]
fn misspelt_handbook_keys_stay_errors_with_did_you_mean() {
    let dir = site(
        true,
        &[(
            "docs/getting-started.md",
            "---\ntitel: Start\nwieght: 2\ndrfat: true\ndescripton: x\ntags: [a]\n---\n# Start\n",
        )],
    );
    let (code, text, out) = build(dir.path());
    assert_eq!(code, 1, "{text}");
    for (line, key, want) in [
        (2, "titel", "title"),
        (3, "wieght", "weight"),
        (4, "drfat", "draft"),
        (5, "descripton", "description"),
    ] {
        let error = format!(
            "error: docs/getting-started.md:{line}:1: unknown key `{key}` in the front matter"
        );
        assert!(text.lines().any(|l| l == error), "{error}\n{text}");
        assert!(
            text.contains(&format!("hint: did you mean `{want}`?")),
            "{text}"
        );
    }
    assert!(!out.exists(), "a failed build writes nothing");
}

#[test]
fn errors_inside_admonitions_and_tabs_name_the_line_and_column() {
    let dir = site(
        true,
        &[(
            "docs/practice/repair.md",
            "# Repair\n\n!!! note\n    Text.\n\n    - item [gone](gone.md)\n\n=== \"A\"\n\n        ![]( pic.png )\n\n    See [x](nowhere.md#y).\n",
        )],
    );
    // As in MkDocs, a broken link is a warning in a site read from mkdocs.yml...
    let (code, text, _) = build(dir.path());
    assert_eq!(code, 0, "{text}");
    for (line, col, dest) in [(6, 12, "gone.md"), (12, 9, "nowhere.md#y")] {
        let want = format!("warning: docs/practice/repair.md:{line}:{col}: broken link `{dest}`");
        assert!(text.contains(&want), "{want}\n{text}");
    }
    // ... unless handbook.toml says otherwise.
    fs::write(
        dir.path().join("handbook.toml"),
        "[links]\nbroken = \"error\"\n",
    )
    .unwrap();
    let (code, text, _) = build(dir.path());
    assert_eq!(code, 1, "{text}");
    for (line, col, dest) in [(6, 12, "gone.md"), (12, 9, "nowhere.md#y")] {
        let want = format!("error: docs/practice/repair.md:{line}:{col}: broken link `{dest}`");
        assert!(text.contains(&want), "{want}\n{text}");
    }
}

#[test]
fn mkdocs_yml_problems_name_their_line() {
    // Bad YAML: an error at its line, exit 1.
    let dir = site(
        true,
        &[(
            "mkdocs.yml",
            "site_name: X\nnav:\n  - Home: index.md\n   - Bad: x.md\n",
        )],
    );
    let (code, text, _) = build(dir.path());
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("error: mkdocs.yml:4:"), "{text}");
    // A missing pages folder.
    let dir = site(false, &[("mkdocs.yml", "site_name: X\ndocs_dir: pages\n")]);
    let (code, text, _) = build(dir.path());
    assert_eq!(code, 1, "{text}");
    assert!(
        text.contains("error: mkdocs.yml:2: the pages folder `pages/` does not exist"),
        "{text}"
    );
    // A nav entry naming no page: a warning at its line; the rest builds.
    let dir = site(
        false,
        &[
            (
                "mkdocs.yml",
                "site_name: X\nnav:\n  - index.md\n  - Gone: gone.md\n  - a.md\n",
            ),
            ("docs/index.md", "# Home\n"),
            ("docs/a.md", "# A\n"),
        ],
    );
    let (code, text, out) = build(dir.path());
    assert_eq!(code, 0, "{text}");
    assert!(
        text.contains(
            "warning: mkdocs.yml:4: nav entry `gone.md` is not a Markdown page in `docs/`"
        ),
        "{text}"
    );
    assert_eq!(next_of(&out, "index.html").as_deref(), Some("a.html"));
}

#[test]
fn handbook_toml_beside_mkdocs_yml_adds_settings_and_wins() {
    let dir = site(
        true,
        &[(
            "handbook.toml",
            "id = \"alliance-notes\"\ntitle = \"Our Handbook\"\n[search]\nenabled = false\n",
        )],
    );
    let (code, text, out) = build(dir.path());
    assert_eq!(code, 0, "{text}");
    let home = read(&out, "index.html");
    assert!(home.contains("data-handbook=\"alliance-notes\""));
    assert!(read(&out, "basics/bond.html").contains("<title>The bond · Our Handbook</title>"));
    // mkdocs.yml still gives what handbook.toml leaves out, and the order.
    assert!(read(&out, "print.html").contains("Short notes on the working alliance"));
    assert_eq!(
        next_of(&out, "index.html").as_deref(),
        Some("getting-started.html")
    );
    assert!(!out.join("search-index.js").exists());
}

#[test]
fn files_in_docs_assets_sit_beside_the_themes_assets() {
    let dir = site(true, &[]);
    let (code, text, out) = build(dir.path());
    assert_eq!(code, 0, "{text}");
    assert!(out.join("assets/images/triangle.svg").is_file());
    assert!(out.join("assets/css/handbook.css").is_file());
    assert!(
        read(&out, "basics/index.html").contains("src=\"../assets/images/triangle.svg\""),
        "the image link is checked and kept"
    );
    // A file of the theme's own is not overwritten: an error at the file.
    fs::write(dir.path().join("docs/assets/css/handbook.css"), "x").unwrap_or_else(|_| {
        fs::create_dir_all(dir.path().join("docs/assets/css")).unwrap();
        fs::write(dir.path().join("docs/assets/css/handbook.css"), "x").unwrap();
    });
    let (code, text, _) = build(dir.path());
    assert_eq!(code, 1, "{text}");
    assert!(
        text.contains("error: docs/assets/css/handbook.css: would be written to `assets/css/handbook.css`, which the theme writes"),
        "{text}"
    );
}

#[test]
fn a_handbook_with_content_keeps_its_own_layout_beside_mkdocs_yml() {
    let dir = site(
        false,
        &[
            ("handbook.toml", "title = \"H\"\n"),
            ("content/_index.md", "# Home\n"),
            ("content/a.md", "# A\n"),
            ("mkdocs.yml", "site_name: Other docs\ndocs_dir: docs\n"),
            ("docs/other.md", "# Other\n"),
        ],
    );
    let (code, text, out) = build(dir.path());
    assert_eq!(code, 0, "{text}");
    assert!(out.join("a.html").exists() && !out.join("other.html").exists());
}

#[test]
fn a_site_without_nav_and_a_zensical_site_build() {
    let dir = site(
        false,
        &[
            ("mkdocs.yml", "site_name: Flat\n"),
            ("docs/index.md", "# Start\n"),
            ("docs/02-second.md", "# Second\n"),
            ("docs/01-first.md", "# First\n"),
        ],
    );
    let (code, text, out) = build(dir.path());
    assert_eq!(code, 0, "{text}");
    assert_eq!(next_of(&out, "index.html").as_deref(), Some("first.html"));
    let dir = site(
        false,
        &[
            (
                "zensical.toml",
                "[project]\nsite_name = \"Zen\"\nnav = [\n  { \"Home\" = \"index.md\" },\n  { \"Part\" = [\"part/index.md\", \"part/b.md\"] },\n]\n",
            ),
            ("docs/index.md", "# Home\n"),
            ("docs/part/index.md", "# Part landing\n"),
            ("docs/part/b.md", "# B\n"),
        ],
    );
    let (code, text, out) = build(dir.path());
    assert_eq!(code, 0, "{text}");
    assert!(read(&out, "part/b.html").contains("<title>B · Zen</title>"));
    assert_eq!(
        next_of(&out, "part/index.html").as_deref(),
        Some("part/b.html")
    );
}

#[test]
fn other_tools_keys_are_one_warning_per_key_in_every_layout() {
    let page = "---\ntitle: A\ntags: [x]\nicon: y\n---\n# A\n";
    let handbook: &[(&str, &str)] = &[
        ("handbook.toml", "title = \"H\"\n"),
        ("content/_index.md", "# Home\n"),
        ("content/a.md", page),
        ("content/b.md", page),
    ];
    let book: &[(&str, &str)] = &[
        ("book.toml", "[book]\ntitle = \"B\"\n"),
        ("src/SUMMARY.md", "# Summary\n\n- [A](a.md)\n- [B](b.md)\n"),
        ("src/a.md", page),
        ("src/b.md", page),
    ];
    for (files, first) in [(handbook, "content/a.md"), (book, "src/a.md")] {
        let dir = site(false, files);
        let (code, text) = run("check", dir.path(), &[]);
        assert_eq!(code, 0, "{text}");
        for key in ["tags", "icon"] {
            let summary = format!("front matter key `{key}` (in 2 files)");
            assert_eq!(text.matches(&summary).count(), 1, "{text}");
        }
        assert!(
            text.contains(&format!("warning: {first}:3: front matter key `tags`")),
            "{text}"
        );
    }
}

#[test]
fn script_in_a_block_title_is_still_an_error_at_its_line() {
    let dir = site(
        false,
        &[
            ("mkdocs.yml", "site_name: X\n"),
            (
                "docs/index.md",
                "# Home\n\nText.\n\n!!! note \"<script>alert(1)</script>\"\n    Body.\n\n=== \"<img src=x onerror=alert(1)>\"\n    Tab.\n",
            ),
        ],
    );
    let (code, text, out) = build(dir.path());
    assert_eq!(code, 1, "{text}");
    assert!(
        text.contains("error: docs/index.md:5: raw `<script>` element"),
        "{text}"
    );
    assert!(
        text.contains("error: docs/index.md:8: event-handler attribute `onerror`"),
        "{text}"
    );
    assert!(!out.exists());
}

#[test]
fn links_to_mkdocs_directory_urls_find_their_pages() {
    let dir = site(
        false,
        &[
            ("mkdocs.yml", "site_name: X\n"),
            ("docs/index.md", "# Home\n\nSee [setup](guide/setup/).\n"),
            ("docs/guide/index.md", "# Guide\n"),
            ("docs/guide/install.md", "# Install\n\n## Step 2\n"),
            (
                "docs/guide/setup.md",
                "# Setup\n\n[a](../install/) [b](../install/#step-2) [c](../) [d](../../) [e](../nowhere/)\n",
            ),
        ],
    );
    let (code, text, out) = build(dir.path());
    assert_eq!(code, 0, "{text}");
    let setup = read(&out, "guide/setup.html");
    for want in [
        "<a href=\"install.html\">a</a>",
        "<a href=\"install.html#step-2\">b</a>",
        "<a href=\"index.html\">c</a>",
        "<a href=\"../index.html\">d</a>",
    ] {
        assert!(setup.contains(want), "{want}\n{setup}");
    }
    assert!(read(&out, "index.html").contains("<a href=\"guide/setup.html\">setup</a>"));
    assert!(text.contains("warning: docs/guide/setup.md:3:"), "{text}");
    assert_eq!(
        text.matches("broken link").count(),
        1,
        "only `../nowhere/`: {text}"
    );
}

#[test]
fn a_nav_nested_too_deep_is_an_error_at_its_line_not_a_crash() {
    let mut yml = String::from("site_name: X\nnav:\n");
    for level in 0..30 {
        yml.push_str(&format!("{}- L{level}:\n", " ".repeat(2 + 4 * level)));
    }
    yml.push_str(&format!("{}- a.md\n", " ".repeat(2 + 4 * 30)));
    let dir = site(
        false,
        &[
            ("mkdocs.yml", &yml),
            ("docs/index.md", "# Home\n"),
            ("docs/a.md", "# A\n"),
        ],
    );
    let (code, text, _) = build(dir.path());
    assert_eq!(code, 1, "{text}");
    // L24 is the 25th level, on line 3 + 24.
    assert!(
        text.contains("error: mkdocs.yml:27: nav section `L24` is nested 25 levels deep"),
        "{text}"
    );
}
