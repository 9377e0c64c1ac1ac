//! Safety of `build` (issue 19): the build never deletes what it did not write, never
//! publishes what lies outside the handbook, cleans up after an interrupt, and does not read
//! its own output back. Every test runs the real binary on a handbook in a temporary folder.
#![cfg(unix)]

mod common;

use common::serve::Server;
use common::*;
use std::fs;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// `handbook build --root ROOT --out OUT` plus `extra` arguments.
fn build_to(root: &Path, out: Option<&Path>, extra: &[&str]) -> Output {
    let mut cmd = bin();
    cmd.args(["build", "--quiet", "--root"]).arg(root);
    if let Some(out) = out {
        cmd.arg("--out").arg(out);
    }
    cmd.args(extra).output().unwrap()
}

/// A small handbook in `dir/hb`: two pages, a theme override, an image.
fn handbook(dir: &Path) -> PathBuf {
    let root = dir.join("hb");
    write(&root.join("handbook.toml"), "title = \"Safety\"\n");
    write(&root.join("content/_index.md"), "# Home\n\nWelcome.\n");
    write(&root.join("content/01-intro/_index.md"), "# Intro\n");
    write(
        &root.join("content/01-intro/first.md"),
        "# First\n\nText.\n",
    );
    write(&root.join("content/01-intro/pic.svg"), "<svg/>");
    write(
        &root.join("themes/default/static/extra.css"),
        "body { margin: 0 }\n",
    );
    root
}

/// Asserts a refused build: exit 1, `words` in the message, no panic.
fn assert_refused(o: &Output, words: &str) -> String {
    let err = stderr(o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains(words), "expected `{words}` in:\n{err}");
    assert!(err.contains("hint:"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    err
}

fn assert_sources_intact(root: &Path) {
    assert!(root.join("content/_index.md").is_file());
    assert!(root.join("content/01-intro/first.md").is_file());
    assert!(root.join("themes/default/static/extra.css").is_file());
    assert!(root.join("handbook.toml").is_file());
}

#[test]
fn out_through_a_symlink_into_the_sources_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let root = handbook(dir.path());
    symlink(&root, dir.path().join("link")).unwrap();
    let o = build_to(&root, Some(&dir.path().join("link/content")), &[]);
    assert_refused(&o, "holds the content folder");
    assert_sources_intact(&root);
    // Also with --force, and for the root itself through the link.
    let o = build_to(&root, Some(&dir.path().join("link/content")), &["--force"]);
    assert_refused(&o, "--force does not override this");
    let o = build_to(&root, Some(&dir.path().join("link")), &["--force"]);
    assert_refused(&o, "is the handbook folder itself");
    let o = build_to(&root, Some(dir.path()), &["--force"]);
    assert_refused(&o, "holds the handbook folder");
    assert_sources_intact(&root);
}

#[test]
fn out_on_the_theme_folder_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let root = handbook(dir.path());
    let o = build_to(&root, Some(&root.join("themes")), &["--force"]);
    assert_refused(&o, "holds the theme folder (themes/)");
    let o = build_to(&root, Some(&root.join("themes/default/static")), &[]);
    assert_refused(&o, "lies inside themes/");
    assert_sources_intact(&root);
}

#[test]
fn out_on_a_chapter_of_a_plain_folder_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("notes");
    write(&root.join("README.md"), "# Notes\n");
    write(&root.join("chapter1/page.md"), "# Page\n");
    let o = build_to(&root, Some(&root.join("chapter1")), &["--force"]);
    assert_refused(&o, "one the build reads pages and files from");
    assert!(root.join("chapter1/page.md").is_file());
    // A folder of other files in a plain folder is read (copied) too: refused, not replaced.
    write(&root.join("precious/data.csv"), "a,b\n");
    let o = build_to(&root, Some(&root.join("precious")), &[]);
    assert_refused(&o, "one the build reads pages and files from");
    assert!(root.join("precious/data.csv").is_file());
}

#[test]
fn out_holding_the_logo_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let root = handbook(dir.path());
    write(
        &root.join("handbook.toml"),
        "title = \"Safety\"\n[branding]\nlogo = \"branding/logo.svg\"\n",
    );
    write(&root.join("branding/logo.svg"), "<svg/>");
    let o = build_to(&root, Some(&root.join("branding")), &["--force"]);
    assert_refused(&o, "holds the logo `branding/logo.svg`");
    let o = build_to(&root, Some(&root.join("branding/site")), &["--force"]);
    assert_refused(&o, "inside the folder of the logo");
    assert!(root.join("branding/logo.svg").is_file());
}

#[test]
fn a_folder_the_build_did_not_make_is_replaced_only_with_force() {
    let dir = tempfile::tempdir().unwrap();
    let root = handbook(dir.path());
    let precious = dir.path().join("precious");
    write(&precious.join("thesis.docx"), "years of work");
    let o = build_to(&root, Some(&precious), &[]);
    let err = assert_refused(&o, "was not made by `handbook build`");
    assert!(err.contains("--force"), "{err}");
    assert!(err.contains("left unchanged"), "{err}");
    assert_eq!(files(&precious), ["thesis.docx"]);
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 2, "no leftovers");

    let o = build_to(&root, Some(&precious), &["--force"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!precious.join("thesis.docx").exists());
    assert!(precious.join("index.html").is_file());
    assert!(precious.join(".handbook-build").is_file());
    // Its own output is replaced without --force from now on.
    let o = build_to(&root, Some(&precious), &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 2, "no leftovers");
}

#[test]
fn empty_folders_and_outputs_of_earlier_versions_are_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let root = handbook(dir.path());
    let empty = dir.path().join("empty");
    fs::create_dir(&empty).unwrap();
    let o = build_to(&root, Some(&empty), &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    // An output written before the marker existed: every file it always had.
    let legacy = dir.path().join("legacy");
    for f in [
        "index.html",
        "print.html",
        "404.html",
        "nav.js",
        "assets/theme.css",
    ] {
        write(&legacy.join(f), "old");
    }
    write(&legacy.join("stale.html"), "old");
    let o = build_to(&root, Some(&legacy), &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!legacy.join("stale.html").exists());
    assert!(legacy.join(".handbook-build").is_file());
}

#[test]
fn links_out_of_the_content_folder_are_errors_and_nothing_is_published() {
    let dir = tempfile::tempdir().unwrap();
    let root = handbook(dir.path());
    write(
        &dir.path().join("outside/secret.md"),
        "# Secret\n\nTOKEN-123\n",
    );
    symlink("/etc/passwd", root.join("content/passwd.txt")).unwrap();
    symlink(
        dir.path().join("outside"),
        root.join("content/01-intro/more"),
    )
    .unwrap();
    let out = dir.path().join("site");
    let o = build_to(&root, Some(&out), &[]);
    let err = assert_refused(&o, "content/passwd.txt: points outside the handbook");
    assert!(err.contains("copy the file in instead"), "{err}");
    assert!(
        err.contains("content/01-intro/more: points outside the handbook"),
        "{err}"
    );
    assert!(!out.exists(), "nothing is written");
    // `check` says the same.
    let o = run_on(&["check"], &root);
    assert_refused(&o, "content/passwd.txt: points outside the handbook");
}

#[test]
fn links_inside_the_handbook_are_followed_but_not_into_hidden_folders() {
    let dir = tempfile::tempdir().unwrap();
    let root = handbook(dir.path());
    write(&root.join("shared/diagram.svg"), "<svg>shared</svg>");
    symlink(
        root.join("shared/diagram.svg"),
        root.join("content/01-intro/diagram.svg"),
    )
    .unwrap();
    let out = dir.path().join("site");
    let o = build_to(&root, Some(&out), &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        fs::read_to_string(out.join("intro/diagram.svg")).unwrap(),
        "<svg>shared</svg>"
    );
    write(&root.join(".git/config"), "[http] extraheader = token");
    symlink(root.join(".git/config"), root.join("content/config.txt")).unwrap();
    let o = build_to(&root, Some(&out), &[]);
    assert_refused(&o, "content/config.txt: points to a hidden file or folder");
    assert!(!out.join("config.txt").exists());
}

#[test]
fn links_out_of_the_theme_folder_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    let root = handbook(dir.path());
    symlink("/etc/passwd", root.join("themes/default/static/passwd.css")).unwrap();
    let out = dir.path().join("site");
    let o = build_to(&root, Some(&out), &[]);
    assert_refused(
        &o,
        "themes/default/static/passwd.css: points outside the theme folder",
    );
    assert!(!out.exists());
    fs::remove_file(root.join("themes/default/static/passwd.css")).unwrap();
    // A theme folder that is itself a link out of the handbook.
    write(&dir.path().join("elsewhere/static/x.css"), "x");
    fs::remove_dir_all(root.join("themes/default")).unwrap();
    symlink(dir.path().join("elsewhere"), root.join("themes/default")).unwrap();
    let o = build_to(&root, Some(&out), &[]);
    assert_refused(&o, "themes/default: points outside the handbook");
    assert!(!out.exists());
}

#[test]
fn a_logo_outside_the_handbook_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let root = handbook(dir.path());
    write(&dir.path().join("secret.png"), "secret");
    write(
        &root.join("handbook.toml"),
        "title = \"Safety\"\n\n[branding]\nlogo = \"../secret.png\"\n",
    );
    let out = dir.path().join("site");
    let o = build_to(&root, Some(&out), &[]);
    assert_refused(
        &o,
        "handbook.toml:4: the logo `../secret.png` is outside the handbook folder",
    );
    assert!(!out.exists());
    // Through a link in the root, too.
    symlink(dir.path().join("secret.png"), root.join("logo.png")).unwrap();
    write(
        &root.join("handbook.toml"),
        "title = \"Safety\"\n\n[branding]\nlogo = \"logo.png\"\n",
    );
    let o = build_to(&root, Some(&out), &[]);
    assert_refused(&o, "the logo `logo.png` is outside the handbook folder");
    assert!(!out.exists());
}

#[test]
fn links_that_fan_out_are_read_once_per_folder() {
    let dir = tempfile::tempdir().unwrap();
    let root = handbook(dir.path());
    let content = root.join("content");
    write(&content.join("d00/page.md"), "# Page\n");
    for level in 1..=18 {
        let d = content.join(format!("d{level:02}"));
        fs::create_dir(&d).unwrap();
        let prev = content.join(format!("d{:02}", level - 1));
        symlink(&prev, d.join("a")).unwrap();
        symlink(&prev, d.join("b")).unwrap();
    }
    let out = dir.path().join("site");
    let o = build_to(&root, Some(&out), &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let pages: Vec<String> = files(&out)
        .into_iter()
        .filter(|f| f.ends_with("page.html"))
        .collect();
    // 2^18 paths lead to the page; the folder is read once, at its real place.
    assert_eq!(pages, ["d00/page.html"]);
}

#[test]
fn a_plain_folder_never_reads_its_own_output() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("notes");
    write(&root.join("README.md"), "# Notes\n");
    write(&root.join("chapter/page.md"), "# Page\n");
    let out = root.join("site");
    for _ in 0..3 {
        let o = build_to(&root, Some(&out), &[]);
        assert!(o.status.success(), "{}", stderr(&o));
    }
    assert!(!out.join("site").exists(), "{:?}", files(&out));
    assert!(out.join("chapter/page.html").is_file());
    // `check` and a build elsewhere do not read it either.
    let other = dir.path().join("other");
    let o = build_to(&root, Some(&other), &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!other.join("site").exists(), "{:?}", files(&other));
    // An output written before the marker existed is not read back either.
    fs::remove_file(out.join(".handbook-build")).unwrap();
    let o = build_to(&root, Some(&other), &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!other.join("site").exists(), "{:?}", files(&other));
}

#[test]
fn a_new_folder_inside_content_is_allowed_and_never_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let root = handbook(dir.path());
    let out = root.join("content/site");
    for _ in 0..2 {
        let o = build_to(&root, Some(&out), &[]);
        assert!(o.status.success(), "{}", stderr(&o));
    }
    assert!(!out.join("site").exists());
    // An existing chapter is not.
    let o = build_to(&root, Some(&root.join("content/01-intro")), &["--force"]);
    assert_refused(&o, "one the build reads pages and files from");
    assert_sources_intact(&root);
}

#[test]
fn stale_staging_folders_of_a_crashed_build_are_removed() {
    let dir = tempfile::tempdir().unwrap();
    let root = handbook(dir.path());
    let out = dir.path().join("site");
    // A process that has ended: its staging folders are stale.
    let mut child = Command::new("true").spawn().unwrap();
    let dead = child.id();
    child.wait().unwrap();
    let stale = dir.path().join(format!(".site.tmp-{dead}"));
    write(&stale.join(".handbook-build"), "marker");
    write(&stale.join("index.html"), "half written");
    let stale_old = dir.path().join(format!(".site.old-{dead}"));
    write(&stale_old.join(".handbook-build"), "marker");
    // Without the marker, it is not the build's: left alone.
    let foreign = dir.path().join(format!(".site.tmp-{dead}0"));
    write(&foreign.join("keep.txt"), "mine");
    let o = build_to(&root, Some(&out), &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!stale.exists());
    assert!(!stale_old.exists());
    assert!(foreign.join("keep.txt").is_file());
}

#[test]
fn an_interrupted_build_removes_its_staging_folder() {
    let dir = tempfile::tempdir().unwrap();
    let root = handbook(dir.path());
    let out = dir.path().join("site");
    let o = build_to(&root, Some(&out), &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let before = files(&out);
    // Enough pages that the build is still writing when the signal arrives.
    for i in 0..4000 {
        write(
            &root.join(format!("content/02-many/p{i:04}.md")),
            &format!("# Page {i}\n\nSome text for page {i}.\n"),
        );
    }
    let mut child = bin()
        .args(["build", "--quiet", "--root"])
        .arg(&root)
        .arg("--out")
        .arg(&out)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let staging = dir.path().join(format!(".site.tmp-{}", child.id()));
    while !staging.join("many").exists() {
        if child.try_wait().unwrap().is_some() {
            panic!("the build ended before it could be interrupted");
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let kill = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(kill.success());
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(130), "{}", stderr(&o));
    assert!(stderr(&o).contains("interrupted"), "{}", stderr(&o));
    assert!(!staging.exists(), "the staging folder is removed");
    assert_eq!(files(&out), before, "the previous output is untouched");
}

#[test]
fn nothing_to_build_is_an_error_and_keeps_the_previous_output() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("empty");
    write(&root.join("handbook.toml"), "title = \"Empty\"\n");
    let out = dir.path().join("site");
    write(&out.join(".handbook-build"), "marker");
    write(&out.join("index.html"), "previous");
    let o = build_to(&root, Some(&out), &[]);
    let err = assert_refused(&o, "no Markdown pages in");
    assert!(
        err.contains("put pages in content/ or run `handbook new`"),
        "{err}"
    );
    assert_eq!(
        fs::read_to_string(out.join("index.html")).unwrap(),
        "previous"
    );
    // An empty content/ folder too.
    fs::create_dir(root.join("content")).unwrap();
    write(&root.join("content/pic.png"), "png");
    let o = build_to(&root, Some(&out), &[]);
    let err = assert_refused(&o, "no Markdown pages in");
    assert!(err.contains("content"), "{err}");
}

#[test]
fn serve_never_serves_a_file_outside_the_handbook() {
    let dir = tempfile::tempdir().unwrap();
    let root = handbook(dir.path());
    write(&dir.path().join("secret.txt"), "TOKEN-7f3a9");
    symlink(
        dir.path().join("secret.txt"),
        root.join("content/secret.txt"),
    )
    .unwrap();
    let mut server = Server::start(&root);
    let text = server.wait_output("content/secret.txt: points outside the handbook");
    assert!(!text.contains("panicked"), "{text}");
    for path in ["/secret.txt", "/", "/index.html"] {
        assert!(!server.get(path).text().contains("TOKEN-7f3a9"), "{path}");
    }
    // A link added while serving goes through the same rules.
    fs::remove_file(root.join("content/secret.txt")).unwrap();
    let seen = server.output.lock().unwrap().len();
    write(&root.join("content/_index.md"), "# Home\n\nFixed.\n");
    let text = server.wait_output_after("rebuilt", seen);
    assert!(!text[seen..].contains("error"), "{text}");
    let seen = text.len();
    symlink(dir.path().join("secret.txt"), root.join("content/late.txt")).unwrap();
    let text = server.wait_output_after("content/late.txt: points outside the handbook", seen);
    assert!(!text.contains("panicked"), "{text}");
    for path in ["/late.txt", "/secret.txt"] {
        assert!(!server.get(path).text().contains("TOKEN-7f3a9"), "{path}");
    }
}
