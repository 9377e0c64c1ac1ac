//! Hardening (issue 19), run through the real binary: the Content-Security-Policy on every
//! generated page, script in authors' raw HTML (errors at `file:line:column` in Markdown and
//! in exercise/srs text, and the `[content] unsafe_html = "allow"` switch), and
//! `progress summarize` against crafted progress files (bounded columns, control characters,
//! the all-or-nothing write of its two files).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn handbook(args: &[&str], root: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_handbook"))
        .args(args)
        .arg("--root")
        .arg(root)
        .output()
        .unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// A handbook in a temporary folder: `handbook.toml` and `content/_index.md`.
fn write_handbook(toml: &str, index: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("content")).unwrap();
    fs::write(dir.path().join("handbook.toml"), toml).unwrap();
    fs::write(dir.path().join("content/_index.md"), index).unwrap();
    dir
}

fn html_files(dir: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| e.into_path())
        .collect()
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
    let o = handbook(
        &["build", "--quiet", "--out", site.to_str().unwrap()],
        Path::new(env!("CARGO_MANIFEST_DIR")),
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
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
    let o = handbook(&["build", "--out", site.to_str().unwrap()], hb.path());
    assert!(o.status.success(), "{}", text(&o.stderr));
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
    let o = handbook(&["build", "--out", out.to_str().unwrap()], hb.path());
    let err = text(&o.stderr);
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
    let c = handbook(&["check"], hb.path());
    assert_eq!(c.status.code(), Some(1));
    assert!(text(&c.stderr).contains("content/_index.md:3:12"));
}

#[test]
fn script_in_srs_scenario_text_is_an_error_too() {
    let page = "# S\n\n```srs\nmode = \"scenario\"\nid = \"s\"\n\
vignette = \"A <b onclick=x>client</b> says\"\nratings = [9.2, 6.1, 8.8, 9.0]\n\
[question]\nprompt = \"What now?\"\noptions = [\"a\", \"b\"]\nanswer = 1\n```\n";
    let hb = write_handbook("title = \"S\"\n", page);
    let o = handbook(&["check"], hb.path());
    let err = text(&o.stderr);
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
    let o = handbook(&["build", "--out", out.to_str().unwrap()], hb.path());
    assert!(o.status.success(), "{}", text(&o.stderr));
    let index = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(index.contains("<SCRIPT src=\"x.js\">") && index.contains("OnClick"));
    assert!(policy(&out.join("index.html")).contains("script-src 'self'"));
    let bad = write_handbook(
        "title = \"U\"\n\n[content]\nunsafe_html = \"yes\"\n",
        "# U\n",
    );
    let o = handbook(&["check"], bad.path());
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o.stderr).contains("handbook.toml:4"),
        "{}",
        text(&o.stderr)
    );
}

#[test]
fn inline_style_in_raw_html_is_a_warning() {
    let hb = write_handbook(
        "title = \"W\"\n",
        "# W\n\n<p style=\"color: red\">red</p>\n",
    );
    let o = handbook(&["check"], hb.path());
    let err = text(&o.stderr);
    assert!(o.status.success(), "{err}");
    assert!(
        err.contains("warning: content/_index.md:3:4: inline style in raw HTML is ignored"),
        "{err}"
    );
}
