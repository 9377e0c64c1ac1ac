//! Navigation at scale (issue 19), through the real binary: a list of the sidebar longer than
//! the limit (60) is windowed at every level, so a page's size does not depend on how many
//! siblings it has; `nav.js` holds the windowed lists whole; the landing page of a long chapter
//! lists every page, so without scripts everything stays reachable. Structural checks only.

mod common;

use common::{stderr, write};
use std::collections::{BTreeSet, VecDeque};
use std::fs;
use std::path::Path;

/// Builds the handbook at `root` into a fresh folder and returns it.
fn build(root: &Path) -> tempfile::TempDir {
    let (run, out) = common::build_temp(root);
    assert!(run.status.success(), "{}", stderr(&run));
    out
}

/// A handbook whose `content/` holds `files` (path, Markdown).
fn handbook(files: &[(String, String)]) -> tempfile::TempDir {
    let dir = common::handbook(&[
        ("handbook.toml", "title = \"Scale\"\n"),
        ("content/_index.md", "# Scale\n\nWelcome.\n"),
    ]);
    for (path, text) in files {
        write(&dir.path().join("content").join(path), text);
    }
    dir
}

/// `n` pages `pNNN.md` in `folder` (with a landing page when the folder is not the root).
fn chapter(folder: &str, title: &str, n: usize) -> Vec<(String, String)> {
    let prefix = if folder.is_empty() {
        String::new()
    } else {
        format!("{folder}/")
    };
    let mut files = Vec::new();
    if !folder.is_empty() {
        files.push((
            format!("{prefix}_index.md"),
            format!("# {title}\n\nIntro.\n"),
        ));
    }
    for i in 1..=n {
        files.push((
            format!("{prefix}p{i:03}.md"),
            format!("# Page {i:03}\n\nText.\n"),
        ));
    }
    files
}

fn read(site: &Path, path: &str) -> String {
    fs::read_to_string(site.join("site").join(path)).unwrap()
}

/// The sidebar's HTML of a page.
fn sidebar(html: &str) -> &str {
    let start = html.find("<nav class=\"sidebar\"").expect("a sidebar");
    let end = start + html[start..].find("</nav>").unwrap();
    &html[start..end]
}

/// The hrefs of the links of `html`, in order.
fn hrefs(html: &str) -> Vec<&str> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .collect()
}

#[test]
fn a_page_of_a_long_chapter_inlines_only_a_window_of_its_siblings() {
    let src = handbook(&chapter("01-big", "Big chapter", 300));
    let out = build(src.path());
    let html = read(out.path(), "big/p150.html");
    let nav = sidebar(&html);
    let links: Vec<&str> = hrefs(nav)
        .into_iter()
        .filter(|h| h.starts_with("../big/p"))
        .collect();
    let mut expected: Vec<String> = [1, 2, 3]
        .iter()
        .map(|i| format!("../big/p{i:03}.html"))
        .collect();
    expected.extend((145..=155).map(|i| format!("../big/p{i:03}.html")));
    expected.extend((298..=300).map(|i| format!("../big/p{i:03}.html")));
    assert_eq!(links, expected);
    // The current page is marked, the list is flagged for the script, which nav.js feeds.
    assert!(
        nav.contains(r#"<a href="../big/p150.html" aria-current="page">"#),
        "{nav}"
    );
    assert!(
        nav.contains(r#"data-nav-list="big/index.html" data-nav-root="../""#),
        "{nav}"
    );
    assert!(html.contains(r#"<script src="../nav.js?v="#));
    // Two gap markers stand for the 141 and 142 pages left out, linking to the landing page.
    let gaps: Vec<&str> = nav.split("nav-gap\"><a href=\"").skip(1).collect();
    assert_eq!(gaps.len(), 2, "{nav}");
    assert!(
        gaps[0].starts_with("../big/index.html\"><span aria-hidden=\"true\">…</span> 141 more")
    );
    assert!(
        gaps[1].starts_with("../big/index.html\"><span aria-hidden=\"true\">…</span> 142 more")
    );
    assert_eq!(nav.matches("aria-current").count(), 1);
}

#[test]
fn a_page_size_does_not_depend_on_the_number_of_siblings() {
    let small = build(handbook(&chapter("01-big", "Big chapter", 100)).path());
    let large = build(handbook(&chapter("01-big", "Big chapter", 800)).path());
    let size = |site: &Path, page: &str| {
        fs::metadata(site.join("site/big").join(page))
            .unwrap()
            .len()
    };
    // The same page (same title, same place in the window) differs only by the digits of the
    // gap counts ("... 39 more" and "... 739 more").
    for page in ["p001.html", "p050.html"] {
        let (a, b) = (size(small.path(), page), size(large.path(), page));
        assert!(
            b.abs_diff(a) <= 8,
            "{page}: {a} bytes among 100, {b} among 800"
        );
    }
    // So the pages of a chapter together grow linearly: the same bytes per page.
    let total = |site: &Path, n: usize| {
        (1..=n)
            .map(|i| size(site, &format!("p{i:03}.html")))
            .sum::<u64>() as f64
            / n as f64
    };
    let (per_small, per_large) = (total(small.path(), 100), total(large.path(), 800));
    assert!(
        per_large < per_small * 1.05,
        "{per_small:.0} bytes per page among 100, {per_large:.0} among 800"
    );
}

#[test]
fn nav_js_holds_every_windowed_list_whole_and_only_those() {
    let mut files = chapter("01-big", "Big chapter", 120);
    files.extend(chapter("02-small", "Small", 5));
    files.push(("01-big/zz/_index.md".into(), "# Sub\n\nx\n".into()));
    files.push(("01-big/zz/a.md".into(), "# A\n\nx\n".into()));
    let out = build(handbook(&files).path());
    let script = read(out.path(), "nav.js");
    let line = script
        .lines()
        .find_map(|l| l.strip_prefix("window.HANDBOOK_NAV_LISTS = "))
        .expect("the windowed lists");
    let lists: serde_json::Value = serde_json::from_str(line.trim_end_matches(';')).unwrap();
    let lists = lists.as_object().unwrap();
    assert_eq!(lists.keys().collect::<Vec<_>>(), ["big/index.html"]);
    let big = lists["big/index.html"].as_array().unwrap();
    assert_eq!(big.len(), 121);
    assert_eq!(big[0], serde_json::json!(["Page 001", "big/p001.html", 0]));
    assert!(big.contains(&serde_json::json!(["Page 120", "big/p120.html", 0])));
    // A sub-chapter is flagged as having children.
    assert!(big.contains(&serde_json::json!(["Sub", "big/zz/index.html", 1])));
    // The short chapter's pages inline their whole list and do not load nav.js.
    let small = read(out.path(), "small/p001.html");
    assert!(!small.contains("nav.js"));
    assert!(!small.contains("data-nav-list"));
    assert!(!small.contains("nav-gap"));
}

#[test]
fn a_list_at_the_limit_is_inlined_whole_and_nav_js_stays_as_it_was() {
    let out = build(handbook(&chapter("01-big", "Big chapter", 60)).path());
    let html = read(out.path(), "big/p030.html");
    let links = hrefs(sidebar(&html))
        .into_iter()
        .filter(|h| h.starts_with("../big/p"))
        .count();
    assert_eq!(links, 60);
    assert!(!html.contains("data-nav-list") && !html.contains("nav.js"));
    assert!(!read(out.path(), "nav.js").contains("HANDBOOK_NAV_LISTS"));
    assert!(!read(out.path(), "big/index.html").contains("chapter-pages"));
}

#[test]
fn the_landing_page_of_a_long_chapter_lists_every_page() {
    let out = build(handbook(&chapter("01-big", "Big chapter", 200)).path());
    let html = read(out.path(), "big/index.html");
    let start = html
        .find("<ol class=\"chapter-pages-list\">")
        .expect("the page list");
    let list = &html[start..start + html[start..].find("</ol>").unwrap()];
    let expected: Vec<String> = (1..=200).map(|i| format!("../big/p{i:03}.html")).collect();
    assert_eq!(hrefs(list), expected);
    assert!(html.contains(r#"<h2 id="hb-chapter-pages-title">Pages in this chapter</h2>"#));
}

#[test]
fn windows_apply_at_every_level_and_to_the_top_level() {
    // 70 top-level chapters; the last holds a sub-chapter of 90 pages.
    let mut files = Vec::new();
    for c in 1..=69 {
        files.push((
            format!("{c:02}-ch{c}/_index.md"),
            format!("# Chapter {c}\n\nx\n"),
        ));
    }
    files.push(("70-deep/_index.md".into(), "# Deep\n\nx\n".into()));
    files.extend(chapter("70-deep/01-sub", "Sub", 90));
    let out = build(handbook(&files).path());
    let html = read(out.path(), "deep/sub/p045.html");
    let nav = sidebar(&html);
    // The top level is windowed around "Deep" (the last entry), the middle list is whole, the
    // sub-chapter's list is windowed around the page.
    assert!(
        nav.contains(
            r#"<ul class="nav-list nav-level-1" data-nav-list="index.html" data-nav-root="../../">"#
        ),
        "{nav}"
    );
    assert!(nav.contains(r#"<ul class="nav-list nav-level-2">"#));
    assert!(nav.contains(r#"<ul class="nav-list nav-level-3" data-nav-list="deep/sub/index.html" data-nav-root="../../">"#));
    let top: Vec<&str> = hrefs(nav)
        .into_iter()
        .filter(|h| h.ends_with("/index.html"))
        .collect();
    assert!(top.contains(&"../../ch1/index.html") && top.contains(&"../../ch65/index.html"));
    assert!(!top.contains(&"../../ch30/index.html"), "{top:?}");
    assert!(
        nav.contains(r#"<a href="../../index.html"><span aria-hidden="true">…</span> 61 more"#),
        "{nav}"
    );
    let pages = hrefs(nav)
        .into_iter()
        .filter(|h| h.contains("/sub/p"))
        .count();
    assert_eq!(pages, 3 + 11 + 3);
    // nav.js writes the top level once: HANDBOOK_NAV is derived from the windowed list.
    let script = read(out.path(), "nav.js");
    assert!(!script.contains("\"title\""), "{script}");
    assert!(
        script.contains(r#"window.HANDBOOK_NAV = window.HANDBOOK_NAV_LISTS["index.html"].map("#)
    );
    // The home page keeps its list of every chapter (the top level's landing page).
    let home = read(out.path(), "index.html");
    assert!(home.contains(r#"<a href="ch30/index.html">Chapter 30</a>"#));
    assert!(home.contains(r#"data-nav-list="index.html" data-nav-root="""#));
}

/// Every page is reachable by following links, without scripts, from the home page.
#[test]
fn every_page_stays_reachable_without_scripts() {
    let mut files = chapter("01-big", "Big chapter", 250);
    for c in 2..=80 {
        files.push((format!("{c:02}-ch{c}.md"), format!("# Top {c}\n\nx\n")));
    }
    let out = build(handbook(&files).path());
    let site = out.path().join("site");
    let mut seen: BTreeSet<String> = BTreeSet::new();
    let mut queue = VecDeque::from(["index.html".to_string()]);
    while let Some(page) = queue.pop_front() {
        if !seen.insert(page.clone()) {
            continue;
        }
        let html = fs::read_to_string(site.join(&page)).unwrap();
        let dir: Vec<&str> = page.split('/').collect();
        for href in hrefs(&html) {
            let href = href.split(['#', '?']).next().unwrap_or("");
            if !href.ends_with(".html") || href.contains(':') {
                continue;
            }
            let mut parts: Vec<&str> = dir[..dir.len() - 1].to_vec();
            for part in href.split('/') {
                match part {
                    ".." => {
                        parts.pop();
                    }
                    "." | "" => {}
                    p => parts.push(p),
                }
            }
            queue.push_back(parts.join("/"));
        }
    }
    let all: BTreeSet<String> = walkdir::WalkDir::new(&site)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| {
            e.path()
                .strip_prefix(&site)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .filter(|p| p != "404.html")
        .collect();
    let missing: Vec<&String> = all.difference(&seen).collect();
    assert!(
        missing.is_empty(),
        "not reachable without scripts: {missing:?}"
    );
    assert_eq!(
        all.len(),
        1 + 1 + 250 + 79 + 2,
        "home, big, its pages, top pages, print, progress"
    );
}
