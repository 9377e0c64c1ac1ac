//! Hardening (issue 19), run through the real binary: the Content-Security-Policy on every
//! generated page, script in authors' raw HTML (errors at `file:line:column` in Markdown and
//! in exercise/srs text, and the `[content] unsafe_html = "allow"` switch), and
//! `progress summarize` against crafted progress files (bounded columns, control characters,
//! the all-or-nothing write of its two files).

mod common;

use common::*;
use std::fs;
use std::path::Path;

/// A handbook in a temporary folder: `handbook.toml` and `content/_index.md`.
fn write_handbook(toml: &str, index: &str) -> tempfile::TempDir {
    handbook(&[("handbook.toml", toml), ("content/_index.md", index)])
}

/// The policy of a page, with the checks every page must pass.
fn policy(path: &Path) -> String {
    let html = fs::read_to_string(path).unwrap();
    let tag = "<meta http-equiv=\"Content-Security-Policy\" content=\"";
    let at = html
        .find(tag)
        .unwrap_or_else(|| panic!("{}: no Content-Security-Policy", path.display()));
    let head = &html[..html.find("</head>").unwrap()];
    for first in ["<script", "<link", "<base", "<style"] {
        if let Some(i) = head.find(first) {
            assert!(at < i, "{}: the policy comes after {first}", path.display());
        }
    }
    let rest = &html[at + tag.len()..];
    rest[..rest.find('"').unwrap()].replace("&#x27;", "'")
}

#[test]
fn every_page_of_the_bundled_handbook_carries_a_strict_policy() {
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    let o = run_on(
        &["build", "--quiet", "--out", site.to_str().unwrap()],
        &repo(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let pages = html_files(&site);
    assert!(pages.len() > 40, "{} pages", pages.len());
    for page in &pages {
        let p = policy(page);
        for needed in [
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
        ] {
            assert!(p.contains(needed), "{}: {p}", page.display());
        }
        assert!(
            !p.contains("unsafe-inline") && !p.contains("unsafe-eval"),
            "{}: {p}",
            page.display()
        );
        let html = fs::read_to_string(page).unwrap();
        assert!(
            !html.contains("<script>"),
            "{}: inline script",
            page.display()
        );
        assert!(
            !html.contains(" style=\""),
            "{}: inline style",
            page.display()
        );
    }
}

#[test]
fn the_404_page_may_use_base_url_as_its_base() {
    let hb = write_handbook(
        "title = \"B\"\nbase_url = \"https://intranet.example.org/handbook/\"\n",
        "# B\n\n| a | b |\n|:-:|--:|\n| 1 | 2 |\n",
    );
    let site = hb.path().join("out");
    let o = run_on(&["build", "--out", site.to_str().unwrap()], hb.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let p = policy(&site.join("404.html"));
    assert!(
        p.contains("base-uri 'self' https://intranet.example.org/handbook/;"),
        "{p}"
    );
    let index = fs::read_to_string(site.join("index.html")).unwrap();
    assert!(
        index.contains("<th class=\"align-center\">")
            && index.contains("<td class=\"align-right\">"),
        "aligned table cells use classes, not inline style: {index}"
    );
}

const UNSAFE_PAGE: &str = "# Unsafe\n\
\n\
Some <span OnClick = \"steal()\">text</span>.\n\
\n\
<div class=\"x\"\n\
  onmouseover='y'>\n\
<a href=\" &#106;ava&#x09;script&colon;alert(1)\">x</a>\n\
</div>\n\
\n\
> <SCRIPT src=\"x.js\"></script>\n\
\n\
<table><tr><td>fine</td></tr></table>\n\
<details><summary>More</summary>fine</details>\n\
\n\
```exercise\n\
id = \"e\"\n\
[[question]]\n\
type = \"single\"\n\
prompt = \"Pick <img src=x onerror=alert(1)>\"\n\
options = [\"a\", \"<a href='javascript:x'>b</a>\"]\n\
answer = 1\n\
```\n\
\n\
```srs\n\
mode = \"practice\"\n\
```\n";

#[test]
fn script_in_raw_html_is_an_error_at_file_line_column() {
    let hb = write_handbook("title = \"U\"\n", UNSAFE_PAGE);
    let out = hb.path().join("out");
    let o = run_on(&["build", "--out", out.to_str().unwrap()], hb.path());
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(!out.exists(), "nothing is written");
    for expected in [
        "content/_index.md:3:12: event-handler attribute `onclick` in raw HTML",
        "content/_index.md:6:1: event-handler attribute `onmouseover` in raw HTML",
        "content/_index.md:7:4: `javascript:` URL in the `href` attribute of raw HTML",
        "content/_index.md:10:3: raw `<script>` element in the content",
        "content/_index.md:19:27: event-handler attribute `onerror` in raw HTML",
        "content/_index.md:20:21: `javascript:` URL in the `href` attribute of raw HTML",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in:\n{err}");
    }
    assert!(
        err.contains("unsafe_html = \"allow\""),
        "the hint names the switch: {err}"
    );
    assert!(
        err.contains("6 errors"),
        "tables and <details> are fine: {err}"
    );
    // `check` reports the same.
    let c = run_on(&["check"], hb.path());
    assert_eq!(c.status.code(), Some(1));
    assert!(stderr(&c).contains("content/_index.md:3:12"));
}

#[test]
fn script_in_srs_scenario_text_is_an_error_too() {
    let page = "# S\n\n```srs\nmode = \"scenario\"\nid = \"s\"\n\
vignette = \"A <b onclick=x>client</b> says\"\nratings = [9.2, 6.1, 8.8, 9.0]\n\
[question]\nprompt = \"What now?\"\noptions = [\"a\", \"b\"]\nanswer = 1\n```\n";
    let hb = write_handbook("title = \"S\"\n", page);
    let o = run_on(&["check"], hb.path());
    let err = stderr(&o);
    assert!(
        err.contains("content/_index.md:6:18: event-handler attribute `onclick`"),
        "{err}"
    );
}

#[test]
fn unsafe_html_allow_keeps_it_as_written() {
    let hb = write_handbook(
        "title = \"U\"\n\n[content]\nunsafe_html = \"allow\"\n",
        UNSAFE_PAGE,
    );
    let out = hb.path().join("out");
    let o = run_on(&["build", "--out", out.to_str().unwrap()], hb.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let index = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(index.contains("<SCRIPT src=\"x.js\">") && index.contains("OnClick"));
    assert!(policy(&out.join("index.html")).contains("script-src 'self'"));
    let bad = write_handbook(
        "title = \"U\"\n\n[content]\nunsafe_html = \"yes\"\n",
        "# U\n",
    );
    let o = run_on(&["check"], bad.path());
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("handbook.toml:4"), "{}", stderr(&o));
}

#[test]
fn inline_style_in_raw_html_is_a_warning() {
    let hb = write_handbook(
        "title = \"W\"\n",
        "# W\n\n<p style=\"color: red\">red</p>\n",
    );
    let o = run_on(&["check"], hb.path());
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    assert!(
        err.contains("warning: content/_index.md:3:4: inline style in raw HTML is ignored"),
        "{err}"
    );
}

// ---------------------------------------------------------------------------------------------
// progress summarize

/// A schema-2 progress file of `learner` in `handbook` listing the assignments `ids`.
fn progress_file(handbook: &str, learner: &str, ids: &[String]) -> String {
    let assignments: Vec<String> = ids
        .iter()
        .map(|id| {
            format!(
                r#"{{"id":"{id}","title":"Title of {id}","path":"Path","items":2,"done":1,"complete":false,"graded":1,"correct":1}}"#
            )
        })
        .collect();
    format!(
        r#"{{"format":"handbook-progress","schema":2,"handbook":"{handbook}","exported":"2026-11-25T08:00:00.000Z","learner":"{learner}","totals":{{"exercises":1,"complete":0,"questions":1,"graded":1,"answered":0,"correct":0}},"assignments":[{}]}}"#,
        assignments.join(",")
    )
}

#[test]
fn summarize_bounds_the_columns_keeping_the_shared_assignments() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    fs::create_dir(&inputs).unwrap();
    let real: Vec<String> = (1..=4)
        .map(|i| format!("assignments/week-{i}.html"))
        .collect();
    for f in 0..30 {
        // Each crafted file lists 100 assignments of its own before the real ones.
        let mut ids: Vec<String> = (0..100).map(|i| format!("crafted/{f}/{i}.html")).collect();
        ids.extend(real.iter().cloned());
        let text = progress_file("H", &format!("Trainee {f}"), &ids);
        fs::write(inputs.join(format!("t{f}.json")), text).unwrap();
    }
    let out = dir.path().join("out");
    let o = summarize(std::slice::from_ref(&inputs), &out, &[]);
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    assert!(
        err.contains("2804 assignments left out: the summary shows at most 200 assignments"),
        "{err}"
    );
    let csv = fs::read_to_string(out.join("summary.csv")).unwrap();
    let header = csv.lines().next().unwrap();
    assert_eq!(header.matches(": items done\"").count(), 200, "{header}");
    for id in &real {
        assert!(
            header.contains(&format!("Title of {id}: items done")),
            "{id} kept"
        );
    }
    // 30 rows x 200 columns (unbounded: 3,004 columns, over 30 MB).
    let html = fs::metadata(out.join("summary.html")).unwrap().len();
    assert!(html < 4_000_000, "summary.html is {html} bytes");
}

#[test]
fn summarize_strips_control_characters_from_what_it_prints_and_writes() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    fs::create_dir(&inputs).unwrap();
    let esc = "\\u001b[2J\\u001b[H";
    let ids = vec![format!("a{esc}.html")];
    fs::write(
        inputs.join("eve.json"),
        progress_file(
            &format!("Hand{esc}book\\u202e"),
            &format!("Eve{esc}\\u0007"),
            &ids,
        ),
    )
    .unwrap();
    // A file of another handbook (named in a warning) whose file name has an escape too.
    fs::write(
        inputs.join("x\u{1b}[2Jy.json"),
        progress_file(&format!("Other{esc}"), "Mallory", &ids),
    )
    .unwrap();
    fs::write(
        inputs.join("z.json"),
        progress_file(&format!("Hand{esc}book"), "Zed", &ids),
    )
    .unwrap();
    let out = dir.path().join("out");
    let o = summarize(std::slice::from_ref(&inputs), &out, &[]);
    let (so, se) = (stdout(&o), stderr(&o));
    assert!(o.status.success(), "{se}");
    assert!(
        se.contains("skipped: from another handbook (\"Other[2J[H\")"),
        "{se}"
    );
    assert!(se.contains("Handbook: \"Hand[2J[Hbook\""), "{se}");
    for (what, s) in [
        ("stdout", so),
        ("stderr", se),
        (
            "summary.html",
            fs::read_to_string(out.join("summary.html")).unwrap(),
        ),
        (
            "summary.csv",
            fs::read_to_string(out.join("summary.csv")).unwrap(),
        ),
    ] {
        let bad: Vec<char> = s
            .chars()
            .filter(|c| (c.is_control() && !matches!(c, '\n' | '\r')) || *c == '\u{202e}')
            .collect();
        assert!(
            bad.is_empty(),
            "{what} has control characters {bad:?}:\n{s}"
        );
    }
}

#[test]
fn summarize_replaces_both_files_or_neither() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    fs::create_dir(&inputs).unwrap();
    let ids = vec!["a.html".to_string()];
    fs::write(inputs.join("a.json"), progress_file("H", "Ann", &ids)).unwrap();
    let out = dir.path().join("out");
    let listing = |out: &Path| {
        let mut names: Vec<String> = fs::read_dir(out)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };

    // summary.csv is a folder in the way.
    fs::create_dir_all(out.join("summary.csv/inside")).unwrap();
    fs::write(out.join("summary.html"), "OLD").unwrap();
    let o = summarize(std::slice::from_ref(&inputs), &out, &[]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains(
            "summary.csv: cannot write: a folder of that name is in the way; nothing was written"
        ),
        "{}",
        stderr(&o)
    );
    assert_eq!(fs::read_to_string(out.join("summary.html")).unwrap(), "OLD");
    assert_eq!(
        listing(&out),
        ["summary.csv", "summary.html"],
        "no temporary files left"
    );

    // summary.csv is read-only.
    fs::remove_dir_all(out.join("summary.csv")).unwrap();
    fs::write(out.join("summary.csv"), "OLD CSV").unwrap();
    let mut perms = fs::metadata(out.join("summary.csv")).unwrap().permissions();
    perms.set_readonly(true);
    fs::set_permissions(out.join("summary.csv"), perms.clone()).unwrap();
    let o = summarize(std::slice::from_ref(&inputs), &out, &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("the existing file is read-only"),
        "{}",
        stderr(&o)
    );
    assert_eq!(fs::read_to_string(out.join("summary.html")).unwrap(), "OLD");
    assert_eq!(
        fs::read_to_string(out.join("summary.csv")).unwrap(),
        "OLD CSV"
    );
    assert_eq!(listing(&out), ["summary.csv", "summary.html"]);

    // Writable again: both are replaced, and summary.html carries its own strict policy.
    #[allow(clippy::permissions_set_readonly_false)]
    perms.set_readonly(false);
    fs::set_permissions(out.join("summary.csv"), perms).unwrap();
    let o = summarize(std::slice::from_ref(&inputs), &out, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let html = fs::read_to_string(out.join("summary.html")).unwrap();
    assert!(html.contains("Ann"));
    assert!(html.contains("content=\"default-src 'none'; style-src 'unsafe-inline'"));
    assert!(
        fs::read_to_string(out.join("summary.csv"))
            .unwrap()
            .contains("Ann")
    );
    assert_eq!(listing(&out), ["summary.csv", "summary.html"]);
}

#[test]
fn a_markdown_link_to_javascript_is_an_error_like_raw_html() {
    let page = "# J\n\n[y](javascript:alert(1)) and ![w](JaVaScRiPt:x)\n\n\
                [fine](https://example.org/javascript:x)\n";
    let hb = write_handbook("title = \"J\"\n", page);
    let o = run_on(&["check"], hb.path());
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    for expected in [
        "content/_index.md:3:1: `javascript:` URL as a link's destination",
        "content/_index.md:3:30: `javascript:` URL as a link's destination",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in:\n{err}");
    }
    assert!(err.contains("2 errors"), "the https link is fine: {err}");
    let allowed = write_handbook(
        "title = \"J\"\n\n[content]\nunsafe_html = \"allow\"\n",
        page,
    );
    let o = run_on(&["check"], allowed.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}
