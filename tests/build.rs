//! Integration tests: run the real `handbook` binary on the fixture handbooks under
//! `tests/fixtures/` and check the site it writes, or the errors it reports.

mod common;

use common::*;
use std::fs;

#[test]
fn good_handbook_builds_with_rewritten_links_ids_and_callouts() {
    let out = tempfile::tempdir().unwrap();
    let o = build(&fixture("good"), out.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let site = out.path();

    // Slugs drop prefixes; README.md and index.md are landing pages; drafts are skipped.
    for page in [
        "index.html",
        "alliance/index.html",
        "alliance/three-elements.html",
        "alliance/evidence.html",
        "alliance/triangle.svg",
        "bond/index.html",
        "bond/listening.html",
        "bond/deeper/index.html",
        "bond/deeper/page.html",
        "yaml/index.html",
        "print.html",
        "404.html",
    ] {
        assert!(site.join(page).is_file(), "missing {page}");
    }
    assert!(!site.join("bond/draft.html").exists());

    let home = read(&site.join("index.html"));
    assert!(
        home.contains("href=\"alliance/three-elements.html#goals-and-tasks\""),
        "{home}"
    );
    assert!(
        home.contains("href=\"bond/index.html\""),
        "a folder link goes to the chapter page"
    );

    let page = read(&site.join("alliance/three-elements.html"));
    for needle in [
        "href=\"../bond/listening.html\"",
        "<h2 id=\"goals-and-tasks\">",
        "<h2 id=\"goals-and-tasks-1\">",
        "<h2 id=\"custom\">",
        "href=\"#goals-and-tasks-1\"",
        "class=\"anchor\" href=\"#goals\"",
        "class=\"callout callout-note\" role=\"note\" aria-label=\"Note\"",
        "callout-caution",
        "<table>",
        "footnote-definition",
        "<dl>",
        "type=\"checkbox\"",
        "src=\"triangle.svg\"",
    ] {
        assert!(page.contains(needle), "no {needle} in three-elements.html");
    }
    // Breadcrumbs and previous/next: evidence (weight 1) comes before three-elements.
    assert!(
        page.contains("href=\"../alliance/index.html\"") || page.contains("href=\"index.html\"")
    );
    let evidence = read(&site.join("alliance/evidence.html"));
    assert!(evidence.contains("three-elements.html#custom"));
    let order = |html: &str, a: &str, b: &str| html.find(a).unwrap() < html.find(b).unwrap();
    let nav = read(&site.join("alliance/index.html"));
    assert!(
        order(&nav, "evidence.html", "three-elements.html"),
        "weight orders before prefix"
    );
    assert!(page.contains("aria-current=\"page\""));

    let yaml = read(&site.join("yaml/index.html"));
    assert!(yaml.contains("YAML chapter"));
    let deeper = read(&site.join("bond/deeper/page.html"));
    assert!(deeper.contains("href=\"../listening.html\""));
}

#[test]
fn two_builds_are_byte_identical() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    assert!(build(&fixture("good"), a.path()).status.success());
    assert!(build(&fixture("good"), b.path()).status.success());
    let (ta, tb) = (tree(a.path()), tree(b.path()));
    assert!(!ta.is_empty());
    assert_eq!(ta.len(), tb.len());
    for (x, y) in ta.iter().zip(&tb) {
        assert_eq!(x.0, y.0);
        assert!(x.1 == y.1, "{} differs between builds", x.0);
    }
}

#[test]
fn plain_folder_without_config_or_front_matter_builds() {
    let root = copy_fixture("plain");
    let o = run_on(&["build"], root.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let site = root.path().join("public");
    let home = read(&site.join("index.html"));
    assert!(home.contains("Team notes"), "title from the README heading");
    assert!(home.contains("notes/first.html"));
    let second = read(&site.join("notes/second.html"));
    assert!(second.contains("Second"), "title from the file name");
    // Building again must not pick up its own output as content.
    let o = run_on(&["build"], root.path());
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!site.join("public").exists());
}

#[test]
fn stale_files_do_not_linger() {
    let root = copy_fixture("good");
    let out = root.path().join("site");
    assert!(build(root.path(), &out).status.success());
    fs::remove_file(root.path().join("content/03-yaml/_index.md")).unwrap();
    fs::write(root.path().join("content/_index.md"), "# Home\n").unwrap();
    let o = build(root.path(), &out);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!out.join("yaml/index.html").exists());
}

/// The bad fixtures: each one's name, the file and line its error names, and words of the
/// message.
const BAD_FIXTURES: &[(&str, &str, usize, &str)] = &[
    ("bad-config-syntax", "handbook.toml", 2, "never closed"),
    ("bad-config-key", "handbook.toml", 5, "colour"),
    ("bad-toml-front", "content/page.md", 3, "front matter"),
    ("bad-yaml-front", "content/page.md", 3, "front matter"),
    ("bad-link", "content/page.md", 5, "nowhere.md"),
    ("bad-fragment", "content/other.md", 4, "no-such-heading"),
    (
        "bad-duplicate-slug",
        "content/02-intro.md",
        1,
        "duplicate slug",
    ),
];

/// Each bad fixture: exit code 1, the file and line named with a hint, no panic, the old
/// output untouched and no temporary folder left behind.
#[test]
fn every_bad_fixture_fails_at_its_line() {
    each_case(
        BAD_FIXTURES,
        |c| c.0.to_string(),
        |&(name, file, line, words)| {
            let root = copy_fixture(name);
            let (code, err) = build_over_previous(root.path());
            assert_eq!(code, 1, "{err}");
            let location = format!("{file}:{line}");
            assert!(err.contains(&location), "expected {location} in:\n{err}");
            assert!(
                err.to_lowercase().contains(words),
                "expected '{words}' in:\n{err}"
            );
            assert!(err.contains("hint:"), "every error says what to do:\n{err}");
            let leftovers: Vec<_> = fs::read_dir(root.path())
                .unwrap()
                .filter_map(Result::ok)
                .filter(|e| e.file_name().to_string_lossy().starts_with('.'))
                .collect();
            assert!(leftovers.is_empty(), "temporary folders left behind");
        },
    );
}

#[test]
fn non_utf8_file() {
    let root = copy_fixture("bad-link");
    fs::write(
        root.path().join("content/page.md"),
        b"# Page\n\nca\xe9 au lait\n",
    )
    .unwrap();
    let out = root.path().join("public");
    let o = build(root.path(), &out);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("content/page.md:3"), "{err}");
    assert!(err.contains("UTF-8"));
    assert!(!out.exists());
}

#[test]
fn broken_links_can_be_warnings() {
    let root = copy_fixture("bad-link");
    fs::write(
        root.path().join("handbook.toml"),
        "[links]\nbroken = \"warn\"\n",
    )
    .unwrap();
    let o = build(root.path(), &root.path().join("public"));
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("warning: content/page.md:5"));
}

#[cfg(unix)]
#[test]
fn symlink_loop_is_an_error_not_a_hang() {
    let root = copy_fixture("bad-link");
    fs::write(root.path().join("content/page.md"), "# Page\n").unwrap();
    std::os::unix::fs::symlink("..", root.path().join("content/loop")).unwrap();
    let o = build(root.path(), &root.path().join("public"));
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("content/loop"), "{err}");
    assert!(err.contains("loop"));
}

#[test]
fn check_reports_lints_and_writes_nothing() {
    let root = copy_fixture("plain");
    fs::write(root.path().join("notes/empty.md"), "\n").unwrap();
    fs::write(root.path().join("notes/pic.md"), "# Pic\n\n![](x.png)\n").unwrap();
    fs::write(root.path().join("notes/x.png"), "png").unwrap();
    let o = run_on(&["check"], root.path());
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    assert!(err.contains("notes/empty.md:1: empty page"), "{err}");
    assert!(
        err.contains("notes/pic.md:3:1: image without alt text"),
        "{err}"
    );
    assert!(
        err.contains("notes/second.md:1: page without a title"),
        "{err}"
    );
    assert!(!root.path().join("public").exists());
    let o = run_on(&["check", "--deny-warnings"], root.path());
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn new_creates_a_starter_that_builds() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("starter");
    let o = bin().arg("new").arg(&target).output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let o = run_on(&["check", "--deny-warnings"], &target);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = run_on(&["build"], &target);
    assert!(o.status.success(), "{}", stderr(&o));
    let page = read(&target.join("public/getting-started/first-page.html"));
    assert!(page.contains("callout-tip"));
    assert!(target.join("public/getting-started/diagram.svg").is_file());
    // The example assignment, in its learning path.
    let week = read(&target.join("public/assignments/week-1.html"));
    assert!(week.contains(r#"data-assignment="assignments/week-1.html""#));
    assert!(week.contains("../getting-started/second-page.html#a-checklist"));
    let home = read(&target.join("public/index.html"));
    assert!(home.contains("Learning paths"));
    // Never overwrites.
    let o = bin().arg("new").arg(&target).output().unwrap();
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn output_inside_content_is_refused() {
    let root = copy_fixture("good");
    let o = build(root.path(), &root.path().join("content"));
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("overwrite"));
    assert!(root.path().join("content/_index.md").is_file());
}

#[test]
fn usage_errors_exit_2_and_help_teaches() {
    let o = bin().arg("frobnicate").output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    let o = bin().arg("--help").output().unwrap();
    let help = String::from_utf8_lossy(&o.stdout);
    assert!(help.contains("chapter") && help.contains("handbook new"));
    let o = bin().arg("--version").output().unwrap();
    assert!(String::from_utf8_lossy(&o.stdout).contains(env!("CARGO_PKG_VERSION")));
}

#[test]
fn editor_backup_and_swap_files_are_not_content() {
    let root = copy_fixture("plain");
    let notes = root.path().join("notes");
    fs::write(notes.join("first.md~"), "# Backup\n").unwrap();
    fs::write(notes.join(".first.md.swp"), "swap").unwrap();
    fs::write(notes.join("#first.md#"), "# Emacs autosave\n").unwrap();
    fs::write(notes.join("diagram.png.bak"), "old").unwrap();
    let o = run_on(&["build"], root.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let files: Vec<String> = tree(&root.path().join("public"))
        .into_iter()
        .map(|(p, _)| p)
        .collect();
    for name in [
        "first.md~",
        ".first.md.swp",
        "#first.md#",
        "diagram.png.bak",
    ] {
        assert!(
            !files.iter().any(|f| f.ends_with(name)),
            "{name} was copied: {files:?}"
        );
    }
    assert!(files.iter().any(|f| f == "notes/first.html"));
}

#[test]
fn base_url_gives_a_404_that_works_at_any_depth_canonical_links_and_a_sitemap() {
    let root = copy_fixture("good");
    let config = root.path().join("handbook.toml");
    let text = fs::read_to_string(&config).unwrap_or_default();
    fs::write(
        &config,
        format!("base_url = \"https://intranet.example.org/handbook\"\n{text}"),
    )
    .unwrap();
    let out = root.path().join("site");
    let o = build(root.path(), &out);
    assert!(o.status.success(), "{}", stderr(&o));
    let not_found = read(&out.join("404.html"));
    let base = not_found
        .find(r#"<base href="https://intranet.example.org/handbook/">"#)
        .expect("a <base> in the 404 page");
    assert!(
        base < not_found.find("assets/css/handbook.css").unwrap(),
        "the <base> comes before every relative URL"
    );
    let page = read(&out.join("alliance/evidence.html"));
    assert!(page.contains(
        r#"<link rel="canonical" href="https://intranet.example.org/handbook/alliance/evidence.html">"#
    ));
    let sitemap = read(&out.join("sitemap.xml"));
    assert!(sitemap.starts_with("<?xml"));
    assert!(
        sitemap.contains("<loc>https://intranet.example.org/handbook/alliance/evidence.html</loc>")
    );
    assert!(sitemap.contains("<loc>https://intranet.example.org/handbook/index.html</loc>"));

    // Without it: no <base>, no canonical link, no sitemap (the site needs no address).
    let plain = copy_fixture("good");
    let out = plain.path().join("site");
    assert!(build(plain.path(), &out).status.success());
    assert!(!read(&out.join("404.html")).contains("<base"));
    assert!(!out.join("sitemap.xml").exists());

    // A bad address is an error at its line.
    fs::write(&config, format!("base_url = \"intranet/handbook\"\n{text}")).unwrap();
    let o = build(root.path(), &root.path().join("site2"));
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("handbook.toml:1"), "{}", stderr(&o));
}
