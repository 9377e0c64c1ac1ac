//! `[branding]` end to end with the real binary: the brand stylesheet and its note, an accent
//! no shade can make readable, the favicon (default and the agency's) and the containment of
//! the logo and favicon paths.

mod common;

use common::*;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

/// A two-page handbook with `config` as its handbook.toml, after a fixed `id` (so `check
/// --deny-warnings` is about branding, not the missing id).
fn branded(config: &str) -> tempfile::TempDir {
    handbook(&[
        (
            "handbook.toml",
            &format!("id = \"branding-test\"\n{config}"),
        ),
        ("content/_index.md", "# Home\n\nA [link](page.md).\n"),
        ("content/page.md", "# Page\n\nText.\n"),
    ])
}

/// `handbook build` (not quiet: the brand note is printed) into `ROOT/public`.
fn build_site(root: &Path) -> (Output, PathBuf) {
    let out = root.join("public");
    let o = run_on(&["build", "--out", out.to_str().expect("UTF-8 path")], root);
    (o, out)
}

#[test]
fn an_accent_writes_brand_css_linked_from_every_page_with_one_note() {
    let hb = branded("title = \"T\"\n[branding]\nagency = \"A\"\naccent = \"#fff3a0\"\n");
    let (o, out) = build_site(hb.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert_eq!(err.matches("note: ").count(), 1, "{err}");
    assert!(
        err.contains("note: handbook.toml:5: the accent #fff3a0 lacks contrast"),
        "{err}"
    );
    let css = fs::read_to_string(out.join("assets/brand.css")).expect("brand.css");
    assert!(css.contains("--accent: #fff3a0;"), "{css}");
    // Too pale for links on the light background, fine on the dark one.
    assert!(
        css.contains("@media screen {\n  :root {\n    --link: #")
            && !css.contains("@media screen {\n  :root {\n    --link: #fff3a0;"),
        "a pale link: {css}"
    );
    assert!(css.contains("      --link: #fff3a0;"), "{css}");
    for page in [
        "index.html",
        "page.html",
        "404.html",
        "print.html",
        "progress.html",
    ] {
        let html = fs::read_to_string(out.join(page)).expect(page);
        assert!(html.contains("assets/brand.css?v="), "{page}");
        assert!(
            html.contains("<link rel=\"icon\" href=\"assets/favicon.svg\" type=\"image/svg+xml\">"),
            "{page}"
        );
        assert!(
            !html.contains("<style") && !html.contains(" style="),
            "{page}"
        );
    }
    assert!(out.join("assets/favicon.svg").is_file());
    // Notes are not warnings: check --deny-warnings passes.
    let o = run_on(&["check", "--deny-warnings"], hb.path());
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("0 warnings"));
}

#[test]
fn without_an_accent_there_is_no_brand_css_and_no_note() {
    let hb = branded("title = \"T\"\n");
    let (o, out) = build_site(hb.path());
    assert!(o.status.success());
    assert!(!stderr(&o).contains("note:"));
    assert!(!out.join("assets/brand.css").exists());
    let html = fs::read_to_string(out.join("index.html")).expect("index");
    assert!(!html.contains("brand.css"));
    assert!(html.contains("rel=\"icon\""));
}

#[test]
fn an_accent_no_shade_can_serve_is_an_error_in_check_and_build() {
    let hb = branded("title = \"T\"\n\n[branding]\naccent = \"#8b0000\"\n");
    // A theme whose backgrounds leave no room: no colour reaches 4.5:1 on both greys.
    let css_dir = hb.path().join("themes/default/static/css");
    fs::create_dir_all(&css_dir).expect("mkdir");
    let theme_css = include_str!("../themes/default/static/css/handbook.css").replacen(
        "--bg-soft: #f5f7fa;",
        "--bg-soft: #606060;",
        1,
    );
    let theme_css = theme_css.replacen("--bg: #ffffff;", "--bg: #808080;", 1);
    fs::write(css_dir.join("handbook.css"), theme_css).expect("write");
    for args in [&["check"][..], &["build"][..]] {
        let o = run_on(args, hb.path());
        assert_eq!(o.status.code(), Some(1), "{args:?}: {}", stderr(&o));
        let err = stderr(&o);
        assert!(
            err.contains("error: handbook.toml:5: the accent `#8b0000` cannot be made accessible"),
            "{err}"
        );
        assert!(err.contains("light scheme"), "{err}");
        assert!(err.contains("hint: choose another accent colour"), "{err}");
    }
    assert!(
        !hb.path().join("public").exists(),
        "a failed build wrote output"
    );
}

#[test]
fn the_agency_favicon_is_copied_and_linked() {
    let hb = branded("title = \"T\"\n[branding]\nfavicon = \"branding/Icon.PNG\"\n");
    fs::create_dir_all(hb.path().join("branding")).expect("mkdir");
    fs::write(hb.path().join("branding/Icon.PNG"), b"\x89PNG\r\n\x1a\n").expect("write");
    let (o, out) = build_site(hb.path());
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(out.join("assets/brand/favicon.png").is_file());
    let html = fs::read_to_string(out.join("index.html")).expect("index");
    assert!(
        html.contains("<link rel=\"icon\" href=\"assets/brand/favicon.png\" type=\"image/png\">")
    );
}

#[test]
fn branding_files_outside_the_root_or_of_the_wrong_kind_are_errors() {
    let outside = tempfile::tempdir().expect("tempdir");
    let secret = outside.path().join("secret.svg");
    fs::write(&secret, "<svg/>").expect("write");
    let cases = [
        (
            "[branding]\nfavicon = \"../x/secret.svg\"\n".to_string(),
            "handbook.toml:3: cannot read the favicon `../x/secret.svg`",
        ),
        (
            format!("[branding]\nlogo = \"{}\"\n", secret.display()),
            "is outside the handbook folder",
        ),
        (
            "[branding]\n\nfavicon = \"icon.gif\"\n".to_string(),
            "handbook.toml:4: the favicon `icon.gif` is not an .svg, .png or .ico file",
        ),
    ];
    for (config, expected) in cases {
        let hb = branded(&config);
        let o = run_on(&["check"], hb.path());
        assert_eq!(o.status.code(), Some(1), "{config}: {}", stderr(&o));
        assert!(stderr(&o).contains(expected), "{config}: {}", stderr(&o));
    }
    // A symbolic link leading out of the root is refused too.
    #[cfg(unix)]
    {
        let hb = branded("[branding]\nfavicon = \"icon.svg\"\n");
        std::os::unix::fs::symlink(&secret, hb.path().join("icon.svg")).expect("symlink");
        let o = run_on(&["check"], hb.path());
        assert_eq!(o.status.code(), Some(1));
        assert!(
            stderr(&o)
                .contains("handbook.toml:3: the favicon `icon.svg` is outside the handbook folder"),
            "{}",
            stderr(&o)
        );
    }
}
