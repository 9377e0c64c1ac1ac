//! mdBook books (issue 17): the real `handbook` binary on `tests/fixtures/mdbook`, a book laid
//! out as mdBook lays one out (book.toml, src/SUMMARY.md with prefix chapters, parts, nested
//! and draft chapters, separators and a suffix chapter; includes with ranges and anchors;
//! links to built `.html` paths). The reading order (the prev/next chain and the sidebar) is
//! checked against SUMMARY.md, and every problem against its file:line.

mod common;

use common::*;
use std::fs;
use std::path::Path;
use std::process::Output;

const BOOK: &str = "mdbook";

/// `handbook ARGS... --root ROOT`, with `--out OUT` when given (not quiet: the warnings count).
fn run(args: &[&str], root: &Path, out: Option<&Path>) -> Output {
    let mut args: Vec<&str> = args.to_vec();
    let out = out.map(|o| o.to_string_lossy().into_owned());
    if let Some(out) = &out {
        args.extend(["--out", out.as_str()]);
    }
    run_on(&args, root)
}

/// Builds the fixture once per test into a fresh folder.
fn built() -> (tempfile::TempDir, Output) {
    let out = tempfile::tempdir().unwrap();
    let o = run(&["build"], &fixture(BOOK), Some(&out.path().join("site")));
    (out, o)
}

/// The `href` of the first `<a ... rel="REL">` of a page.
fn pager(html: &str, rel: &str) -> Option<String> {
    let at = html.find(&format!("rel=\"{rel}\""))?;
    let start = html[..at].rfind("<a ")?;
    let tag = &html[start..at];
    let href = tag.split("href=\"").nth(1)?;
    Some(href[..href.find('"')?].to_string())
}

fn h1(html: &str) -> String {
    let start = html.find("<h1>").map(|i| i + 4).unwrap_or(0);
    html[start..start + html[start..].find('<').unwrap_or(0)].to_string()
}

/// `from/../x/y.html` -> `x/y.html`.
fn join(from: &str, href: &str) -> String {
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for p in href.split('/') {
        match p {
            ".." => {
                parts.pop();
            }
            "." => {}
            p => parts.push(p),
        }
    }
    parts.join("/")
}

/// The sidebar as (level, title) in document order.
fn sidebar(html: &str) -> Vec<(usize, String)> {
    let start = html.find("<nav class=\"sidebar\"").expect("sidebar");
    let nav = &html[start..start + html[start..].find("</nav>").unwrap()];
    let mut levels = Vec::new();
    let mut out = Vec::new();
    let mut rest = nav;
    while let Some(i) = rest.find('<') {
        rest = &rest[i..];
        if let Some(tail) = rest.strip_prefix("<ul class=\"nav-list nav-level-") {
            levels.push(tail[..tail.find('"').unwrap()].parse::<usize>().unwrap());
        } else if rest.starts_with("</ul>") {
            levels.pop();
        } else if rest.starts_with("<a ") && !levels.is_empty() {
            let text_start = rest.find('>').unwrap() + 1;
            let text = &rest[text_start..text_start + rest[text_start..].find('<').unwrap()];
            out.push((*levels.last().unwrap(), text.to_string()));
        }
        rest = &rest[1..];
    }
    out
}

/// The reading order of SUMMARY.md: (output path, title).
const ORDER: &[(&str, &str)] = &[
    ("index.html", "Introduction"),
    ("foreword.html", "Foreword"),
    ("getting-started.html", "Getting started"),
    ("guide/index.html", "The guide"),
    ("guide/installation.html", "Installation"),
    ("guide/windows.html", "On Windows"),
    ("guide/reading.html", "Reading a book"),
    ("reference.html", "Reference"),
    ("format/index.html", "Format"),
    ("format/config.html", "Configuration"),
    ("format/theme/index.html", "Themes"),
    ("release-notes.html", "Release notes"),
    ("releases/6-0.html", "Version 6.0"),
    ("releases/7-0.html", "Version 7.0"),
    ("misc/contributors.html", "Contributors"),
];

#[test]
fn the_prev_next_chain_follows_summary_md() {
    let (out, o) = built();
    assert!(o.status.success(), "{}", stderr(&o));
    let site = out.path().join("site");
    let mut forward = Vec::new();
    let mut at = Some("index.html".to_string());
    while let Some(path) = at {
        let html = read(&site.join(&path));
        forward.push((path.clone(), h1(&html)));
        at = pager(&html, "next").map(|href| join(&path, &href));
        assert!(forward.len() <= ORDER.len(), "a loop: {forward:?}");
    }
    let expected: Vec<(String, String)> = ORDER
        .iter()
        .map(|(p, t)| (p.to_string(), t.to_string()))
        .collect();
    assert_eq!(forward, expected);
    // And back again.
    let mut backward = Vec::new();
    let mut at = Some("misc/contributors.html".to_string());
    while let Some(path) = at {
        let html = read(&site.join(&path));
        at = pager(&html, "prev").map(|href| join(&path, &href));
        backward.push(path);
        assert!(backward.len() <= ORDER.len());
    }
    backward.reverse();
    assert_eq!(
        backward,
        ORDER.iter().map(|(p, _)| p.to_string()).collect::<Vec<_>>()
    );
    // The draft and the file not in SUMMARY.md are not pages; the include snippet neither.
    assert!(!site.join("unlisted.html").exists());
    assert!(!site.join("snippets/note.html").exists());
    assert!(site.join("images/diagram.svg").is_file());
    let print = read(&site.join("print.html"));
    let positions: Vec<usize> = ORDER
        .iter()
        .map(|(_, t)| {
            print
                .find(&format!(">{t}<"))
                .unwrap_or_else(|| panic!("{t} in print.html"))
        })
        .collect();
    assert!(
        positions.windows(2).all(|w| w[0] < w[1]),
        "print.html order {positions:?}"
    );
}

#[test]
fn the_sidebar_nests_as_summary_md_does() {
    let (out, o) = built();
    assert!(o.status.success(), "{}", stderr(&o));
    let site = out.path().join("site");
    let top: Vec<(usize, String)> = sidebar(&read(&site.join("index.html")))
        .into_iter()
        .filter(|(l, _)| *l == 1)
        .collect();
    let titles: Vec<&str> = top.iter().map(|(_, t)| t.as_str()).collect();
    assert_eq!(
        titles,
        ["Foreword", "Getting started", "Reference", "Contributors"]
    );
    let deep = sidebar(&read(&site.join("guide/windows.html")));
    let branch: Vec<(usize, &str)> = deep.iter().map(|(l, t)| (*l, t.as_str())).collect();
    assert_eq!(
        branch,
        [
            (1, "Foreword"),
            (1, "Getting started"),
            (2, "The guide"),
            (3, "Installation"),
            (4, "On Windows"),
            (3, "Reading a book"),
            (1, "Reference"),
            (1, "Contributors"),
        ]
    );
    let releases = sidebar(&read(&site.join("releases/7-0.html")));
    assert!(
        releases.contains(&(2, "Release notes".to_string())),
        "{releases:?}"
    );
    assert!(
        releases.contains(&(3, "Version 7.0".to_string())),
        "{releases:?}"
    );
    // book.toml's settings.
    let home = read(&site.join("index.html"));
    assert!(home.contains("<html lang=\"en-GB\""), "language");
    assert!(home.contains("Field Guide"), "title");
    let print = read(&site.join("print.html"));
    assert!(
        print.contains(
            "<p class=\"print-subtitle\">A small mdBook book, as its authors wrote it.</p>"
        )
    );
    // A part page lists its chapters.
    let part = read(&site.join("release-notes.html"));
    assert!(
        part.contains("<a href=\"releases/6-0.html\">Version 6.0</a>"),
        "{part}"
    );
}

#[test]
fn includes_are_expanded_in_place() {
    let (out, o) = built();
    assert!(o.status.success(), "{}", stderr(&o));
    let html = read(&out.path().join("site/guide/installation.html"));
    let code = |n: usize| -> String {
        let mut rest = html.as_str();
        for _ in 0..n {
            rest = &rest[rest.find("<pre><code").unwrap() + 5..];
        }
        let body = &rest[rest.find('>').unwrap() + 1..];
        body[..body.find("</code>").unwrap()].to_string()
    };
    // :2:3, :1, :3: and ::2.
    assert_eq!(
        code(1),
        "curl -LO https://example.org/field-guide.tar.gz\ntar xzf field-guide.tar.gz\n"
    );
    assert_eq!(code(2), "#!/bin/sh\n");
    assert_eq!(
        code(3),
        "tar xzf field-guide.tar.gz\necho done\n#!/bin/sh\ncurl -LO https://example.org/field-guide.tar.gz\n"
    );
    // An anchor; rustdoc_include with an anchor (nested anchor lines left out); playground.
    assert_eq!(
        code(4),
        "    let name = \"reader\";\n    println!(\"Hello, {name}!\");\n"
    );
    assert_eq!(
        code(5),
        "fn main() {\n    let name = \"reader\";\n    println!(\"Hello, {name}!\");\n}\n"
    );
    assert!(
        code(6).starts_with("// ANCHOR: all\nfn main() {"),
        "{}",
        code(6)
    );
    assert!(html.contains("<pre><code class=\"language-rust\">// ANCHOR: all"));
    // The escaped helper stays, without its backslash; `{{#title}}` is gone.
    assert!(
        html.contains("<code>{{#include file.rs}}</code>"),
        "escaped include"
    );
    assert!(!html.contains("#title"), "{{{{#title}}}} removed");
    // An included Markdown file is Markdown: the note became a callout.
    let home = read(&out.path().join("site/index.html"));
    assert!(home.contains("callout-note"), "included note");
    // The leading `# Introduction` is the title, not repeated in the body.
    assert_eq!(home.matches("<h1>Introduction</h1>").count(), 1);
    assert!(
        !home.contains("id=\"introduction\""),
        "the heading is not repeated"
    );
}

#[test]
fn links_to_built_html_paths_resolve() {
    let (out, o) = built();
    assert!(o.status.success(), "{}", stderr(&o));
    let site = out.path().join("site");
    let home = read(&site.join("index.html"));
    assert!(home.contains("href=\"guide/index.html\">the guide</a>"));
    assert!(home.contains("href=\"guide/installation.html#on-linux\">installing on Linux</a>"));
    assert!(home.contains("href=\"format/config.html#options\">configuration options</a>"));
    let guide = read(&site.join("guide/index.html"));
    assert!(guide.contains("href=\"windows.html\">Windows</a>"));
    assert!(guide.contains("href=\"reading.html\">reading</a>"));
    let config = read(&site.join("format/config.html"));
    // `../releases/6.0.html` is the page written to releases/6-0.html.
    assert!(
        config.contains("href=\"../releases/6-0.html\">6.0 release notes</a>"),
        "{config}"
    );
    let theme = read(&site.join("format/theme/index.html"));
    assert!(theme.contains("href=\"../index.html\">the format</a>"));
}

#[test]
fn what_is_not_used_gets_one_warning_each_at_its_line() {
    let (_out, o) = built();
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    for expected in [
        "warning: book.toml:13: `[preprocessor.mermaid]` is not run",
        "warning: book.toml:16: `[output.html]` is ignored",
        "warning: book.toml:23: `[output.linkcheck]` is ignored",
        "warning: book.toml:25: `[rust]` is ignored",
        "warning: src/SUMMARY.md:14: draft chapter `Planned chapter` is left out",
        "warning: src/SUMMARY.md:21: draft chapter `Release notes` has no file",
        "warning: src/SUMMARY.md: 1 Markdown file is not in SUMMARY.md, so not a page (as in mdBook): unlisted.md",
        "warning: src/guide/installation.md:3: `{{#title ...}}` is removed",
        "warning: src/guide/reading.md:6: `{{#kbd ...}}` is left as written",
        // After a two-line include, the file's own line.
        "warning: src/guide/reading.md:8:20: broken link `planned.html`",
    ] {
        assert_eq!(err.matches(expected).count(), 1, "{expected}\nin\n{err}");
    }
    assert_eq!(err.matches("{{#kbd").count(), 1, "one warning for two uses");
    assert!(err.contains("(2 uses; the first is here)"));
    assert!(
        !err.contains("preprocessor.links"),
        "mdBook's own links preprocessor is done"
    );
    assert!(err.contains("0 errors, 10 warnings"), "{err}");
    // `check` reports the same and exits 0; with --deny-warnings, 1.
    let c = run(&["check"], &fixture(BOOK), None);
    assert_eq!(c.status.code(), Some(0), "{}", stderr(&c));
    let c = run(&["check", "--deny-warnings"], &fixture(BOOK), None);
    assert_eq!(c.status.code(), Some(1), "{}", stderr(&c));
}

/// Applies `edit` to a copy of the fixture and builds it over a previous build, which must
/// fail (exit 1) and leave that build untouched: the build's stderr.
fn broken(edit: impl FnOnce(&Path)) -> String {
    let dir = copy_fixture(BOOK);
    edit(dir.path());
    failing_build(dir.path())
}

/// Like [`broken`], and the errors must say `words`.
#[track_caller]
fn fails_saying(edit: impl FnOnce(&Path), words: &str) {
    let err = broken(edit);
    assert!(err.contains(words), "expected `{words}` in:\n{err}");
}

fn append(path: &Path, text: &str) {
    let mut s = read(path);
    s.push_str(text);
    fs::write(path, s).unwrap();
}

#[test]
fn a_chapter_file_that_is_not_there_is_an_error_at_its_summary_line() {
    fails_saying(
        |root| {
            append(
                &root.join("src/SUMMARY.md"),
                "- [Index](misc/index-terms.md)\n",
            )
        },
        "error: src/SUMMARY.md:28: chapter `Index` links to `misc/index-terms.md`, which is not in src/",
    );
    fails_saying(
        |root| fs::write(root.join("src/SUMMARY.md"), "- [A](a.md)\n- a plain item\n").unwrap(),
        "error: src/SUMMARY.md:2: this list item of SUMMARY.md is not a chapter link",
    );
    fails_saying(
        |root| fs::remove_file(root.join("src/SUMMARY.md")).unwrap(),
        "error: src/SUMMARY.md: this mdBook book has no src/SUMMARY.md",
    );
}

#[test]
fn a_missing_include_or_anchor_is_an_error_at_its_line() {
    fails_saying(
        |root| {
            append(
                &root.join("src/guide/windows.md"),
                "\n{{#include ../../listings/nope.rs}}\n",
            )
        },
        "error: src/guide/windows.md:5:1: `{{#include ../../listings/nope.rs}}`: there is no file `listings/nope.rs`",
    );
    fails_saying(
        |root| {
            append(
                &root.join("src/guide/windows.md"),
                "\nSee `{{#include ../../listings/hello.rs:farewell}}`\n",
            )
        },
        "error: src/guide/windows.md:5:6: there is no anchor `farewell` in `../../listings/hello.rs`",
    );
    fails_saying(
        |root| {
            append(
                &root.join("src/guide/windows.md"),
                "{{#include ../../../../../../etc/passwd}}\n",
            )
        },
        "error: src/guide/windows.md:4:1: `{{#include ../../../../../../etc/passwd}}` points outside the book",
    );
}

#[cfg(unix)]
#[test]
fn an_include_through_a_link_out_of_the_book_is_refused() {
    let outside = tempfile::tempdir().unwrap();
    fs::write(outside.path().join("secret.txt"), "secret words").unwrap();
    let err = broken(|root| {
        std::os::unix::fs::symlink(
            outside.path().join("secret.txt"),
            root.join("listings/secret.txt"),
        )
        .unwrap();
        append(
            &root.join("src/guide/windows.md"),
            "{{#include ../../listings/secret.txt}}\n",
        );
    });
    assert!(err.contains("src/guide/windows.md:4:1"), "{err}");
    assert!(err.contains("points outside the book"), "{err}");
    assert!(!err.contains("secret words"));
}

#[test]
fn handbook_toml_beside_book_toml_wins() {
    let dir = copy_fixture(BOOK);
    fs::write(
        dir.path().join("handbook.toml"),
        "id = \"field-guide\"\ntitle = \"Field Guide for Trainers\"\n\n[branding]\nagency = \"Example Agency\"\n",
    )
    .unwrap();
    let out = dir.path().join("public");
    let o = run(&["build"], dir.path(), Some(&out));
    assert!(o.status.success(), "{}", stderr(&o));
    let home = read(&out.join("index.html"));
    assert!(home.contains("Field Guide for Trainers"));
    assert!(home.contains("Example Agency"));
    // Not set in handbook.toml: still from book.toml.
    assert!(home.contains("<html lang=\"en-GB\""));
    // `[links] broken` in handbook.toml decides: the broken link now fails the build.
    append(
        &dir.path().join("handbook.toml"),
        "\n[links]\nbroken = \"error\"\n",
    );
    let o = run(&["build"], dir.path(), Some(&out));
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("error: src/guide/reading.md:8:20: broken link `planned.html`"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn book_toml_problems_name_their_line() {
    fails_saying(
        |root| append(&root.join("book.toml"), "\n[book]\n"),
        "error: book.toml:28:2: duplicate key",
    );
    let dir = copy_fixture(BOOK);
    fs::write(
        dir.path().join("book.toml"),
        "[book]\ntitle = \"T\"\nauthors = \"Just me\"\n",
    )
    .unwrap();
    let o = run(&["build"], dir.path(), Some(&dir.path().join("public")));
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("error: book.toml:3"), "{}", stderr(&o));
    fs::write(dir.path().join("book.toml"), "[book]\nsrc = \"chapters\"\n").unwrap();
    let o = run(&["build"], dir.path(), Some(&dir.path().join("public")));
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("error: book.toml:2: `src = \"chapters\"` is not a folder"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn numbers_as_file_names_keep_every_digit() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["6.0", "7.0", "2024", "1", "10-20", "02-intro"] {
        fs::write(
            dir.path().join(format!("{name}.md")),
            format!("# Page {name}\n"),
        )
        .unwrap();
    }
    let out = dir.path().join("public");
    let o = run(&["build"], dir.path(), Some(&out));
    assert!(o.status.success(), "{}", stderr(&o));
    for page in [
        "6-0.html",
        "7-0.html",
        "2024.html",
        "1.html",
        "10-20.html",
        "intro.html",
    ] {
        assert!(out.join(page).is_file(), "{page}");
    }
}

#[test]
fn serve_follows_the_book_its_includes_and_its_summary() {
    use common::serve::Server;
    let dir = copy_fixture(BOOK);
    let server = Server::start(dir.path());
    server.wait_for_page("/guide/installation.html", "let name = \"reader\";");
    // An included file outside the source folder.
    edit(dir.path(), "listings/hello.rs", "\"reader\"", "\"learner\"");
    server.wait_for_page("/guide/installation.html", "let name = \"learner\";");
    // A new order in SUMMARY.md: Contributors moves to the front, after the home page.
    let summary = read(&dir.path().join("src/SUMMARY.md"))
        .replace("\n[Contributors](misc/contributors.md)\n", "\n")
        .replace(
            "[Foreword](foreword.md)",
            "[Contributors](misc/contributors.md)\n[Foreword](foreword.md)",
        );
    fs::write(dir.path().join("src/SUMMARY.md"), summary).unwrap();
    let home = server.wait_for_page("/", "rel=\"next\"><span class=\"pager-label\">Next</span> <span class=\"pager-title\">Contributors");
    assert!(home.text().contains("misc/contributors.html"));
}
