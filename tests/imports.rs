//! Imported sources build as their own tools build them (review of the mdBook, MkDocs and
//! plain-folder imports): the `assets/` folder shared with the theme in every layout, YAML with
//! a byte-order mark, MkDocs `INHERIT`, Markdown extensions, NFD file names, stale old outputs,
//! diagnostics that name files that exist, and `nav` titles of landing pages.

mod common;
use common::*;

use std::fs;
use std::path::Path;

/// A folder in a temporary directory holding `files` (nothing added).
fn folder(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("create a temporary folder");
    write_all(dir.path(), files);
    dir
}

/// `handbook CMD ARGS... --root ROOT`: exit code and everything printed (never a panic).
fn run_cmd(root: &Path, args: &[&str]) -> (i32, String) {
    let o = run_on(args, root);
    let text = printed(&o);
    assert!(!text.contains("panicked"), "{text}");
    (o.status.code().unwrap_or(-1), text)
}

/// Builds `root` into `root/public`: exit code and everything printed.
fn build_in(root: &Path) -> (i32, String) {
    let out = root.join("public");
    run_cmd(root, &["build", "--out", out.to_str().unwrap()])
}

// ---- 1. `assets/` is shared with the theme in every layout ----

#[test]
fn a_file_in_assets_builds_in_every_layout_and_only_a_theme_file_clashes() {
    type Files = Vec<(&'static str, &'static str)>;
    let layouts: [(&str, Files, &str); 3] = [
        (
            "plain folder",
            vec![("README.md", "# R\n\n![d](assets/d.png)\n")],
            "",
        ),
        (
            "mdBook",
            vec![
                ("book.toml", "[book]\ntitle = \"B\"\n"),
                ("src/SUMMARY.md", "# Summary\n\n[R](README.md)\n"),
                ("src/README.md", "# R\n\n![d](assets/d.png)\n"),
            ],
            "src/",
        ),
        (
            "handbook",
            vec![
                ("handbook.toml", "title = \"T\"\n"),
                ("content/_index.md", "# R\n\n![d](assets/d.png)\n"),
            ],
            "content/",
        ),
    ];
    for (name, files, base) in layouts {
        let dir = folder(&files);
        let root = dir.path();
        write(&root.join(format!("{base}assets/d.png")), "x");
        let (code, text) = build_in(root);
        assert_eq!(code, 0, "{name}: {text}");
        assert_eq!(read(&root.join("public/assets/d.png")), "x", "{name}");
        assert!(
            root.join("public/assets/css/handbook.css").is_file(),
            "{name}"
        );

        // A real clash with a theme file is an error naming the file, with a hint for a file.
        write(&root.join(format!("{base}assets/css/handbook.css")), "x");
        let (code, text) = build_in(root);
        assert_eq!(code, 1, "{name}: {text}");
        has_line(
            &text,
            &format!(
                "error: {base}assets/css/handbook.css: would be written to `assets/css/handbook.css`, which the theme writes"
            ),
        );
        assert!(
            text.contains("rename the file or move it"),
            "{name}: {text}"
        );
        assert!(!text.contains("slug"), "{name}: {text}");
        assert_eq!(
            read(&root.join("public/assets/d.png")),
            "x",
            "{name}: output kept"
        );
    }
}

#[test]
fn a_file_named_like_a_reserved_output_gets_a_hint_for_a_file_not_a_page() {
    let dir = folder(&[("README.md", "# R\n"), ("search/t-a.js", "x")]);
    let (code, text) = build_in(dir.path());
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("inside `search/`"), "{text}");
    assert!(text.contains("rename the file or move it"), "{text}");
    assert!(!text.contains("slug"), "{text}");
}

// ---- 2. settings files with a byte-order mark, YAML with several documents ----

#[test]
fn settings_files_with_a_byte_order_mark_build() {
    let bom = "\u{feff}";
    let cases: [(&str, String, &str, &str); 5] = [
        (
            "mkdocs.yml",
            format!("{bom}site_name: M\nnav:\n  - index.md\n"),
            "docs/index.md",
            "M",
        ),
        (
            "zensical.yml",
            format!("{bom}site_name: Z\nnav:\n  - index.md\n"),
            "docs/index.md",
            "Z",
        ),
        (
            "zensical.toml",
            format!("{bom}[project]\nsite_name = \"Z\"\n"),
            "docs/index.md",
            "Z",
        ),
        (
            "book.toml",
            format!("{bom}[book]\ntitle = \"B\"\n"),
            "src/README.md",
            "B",
        ),
        (
            "handbook.toml",
            format!("{bom}title = \"H\"\nid = \"h\"\n"),
            "content/_index.md",
            "H",
        ),
    ];
    for (file, text, page, title) in cases {
        let dir = folder(&[(file, &text), (page, "# Page\n")]);
        if file == "book.toml" {
            write(
                &dir.path().join("src/SUMMARY.md"),
                "# Summary\n\n[Page](README.md)\n",
            );
        }
        let (code, out) = build_in(dir.path());
        assert_eq!(code, 0, "{file}: {out}");
        let home = read(&dir.path().join("public/index.html"));
        assert!(
            home.contains(&format!("<title>Page · {title}</title>")),
            "{file}"
        );
    }
}

#[test]
fn a_second_yaml_document_is_an_error_at_its_line() {
    let dir = folder(&[
        ("mkdocs.yml", "---\nsite_name: M\n---\nnav:\n  - index.md\n"),
        ("docs/index.md", "# Page\n"),
    ]);
    let (code, text) = build_in(dir.path());
    assert_eq!(code, 1, "{text}");
    has_lines(
        &text,
        &[
            "error: mkdocs.yml:3: a second YAML document starts here: the settings must be one document",
            "  hint: remove this `---` line (and join or delete what follows it); a `---` may only open the file",
        ],
    );
}

// ---- 3. MkDocs `INHERIT` ----

#[test]
fn inherit_merges_the_parent_settings_under_the_child() {
    let dir = folder(&[
        (
            "mkdocs.yml",
            "INHERIT: config/base.yml\nsite_name: Child\ntheme:\n  name: material\n",
        ),
        (
            "config/base.yml",
            "INHERIT: ../shared.yml\ndocs_dir: pages\nsite_name: Parent\nnav:\n  - Welcome: index.md\n  - Second: two.md\n",
        ),
        (
            "shared.yml",
            "theme:\n  language: de\nsite_description: Shared words\n",
        ),
        ("pages/index.md", "# Home\n"),
        ("pages/two.md", "# Two\n"),
        ("docs/index.md", "# Wrong folder\n"),
    ]);
    let (code, text) = build_in(dir.path());
    assert_eq!(code, 0, "{text}");
    let two = read(&dir.path().join("public/two.html"));
    assert!(two.contains("<title>Second · Child</title>"), "{two}");
    assert!(
        two.contains("lang=\"de\""),
        "theme.language merged from the grandparent"
    );
    assert!(
        two.contains("Shared words"),
        "site_description from the grandparent"
    );
    assert!(!read(&dir.path().join("public/index.html")).contains("Wrong folder"));
}

#[test]
fn inherit_problems_are_errors_at_the_inherit_line() {
    for (files, expected) in [
        (
            vec![("mkdocs.yml", "site_name: A\nINHERIT: base.yml\n")],
            "error: mkdocs.yml:2: INHERIT `base.yml`: there is no such file (looked for `base.yml`)",
        ),
        (
            vec![
                ("mkdocs.yml", "INHERIT: cfg/a.yml\n"),
                ("cfg/a.yml", "site_name: A\nINHERIT: ../mkdocs.yml\n"),
            ],
            "error: cfg/a.yml:2: INHERIT `../mkdocs.yml` leads back to a file already read: mkdocs.yml -> cfg/a.yml -> mkdocs.yml",
        ),
        (
            vec![("mkdocs.yml", "INHERIT: ../outside.yml\n")],
            "error: mkdocs.yml:1: INHERIT `../outside.yml` is outside the site's folder",
        ),
        (
            vec![("mkdocs.yml", "INHERIT: b.yml\n"), ("b.yml", "nav: 3\n")],
            "error: b.yml:1: `nav` must be a list",
        ),
    ] {
        let mut files = files;
        files.push(("docs/index.md", "# Home\n"));
        let dir = folder(&files);
        let (code, text) = build_in(dir.path());
        assert_eq!(code, 1, "{text}");
        has_line(&text, expected);
    }
}

// ---- 4. `.markdown`, `.mdown`, `.mkdn`, `.mkd` pages ----

#[test]
fn markdown_extensions_are_pages_in_mkdocs_sites_and_plain_folders() {
    let dir = folder(&[
        (
            "mkdocs.yml",
            "site_name: Ext\nnav:\n  - index.md\n  - Other: other.markdown\n  - sub/index.mdown\n",
        ),
        (
            "docs/index.md",
            "# Home\n\n[o](other.markdown) and [s](sub/) and [k](sub/kept.mkd)\n",
        ),
        ("docs/other.markdown", "# Other\n\n[back](../)\n"),
        ("docs/sub/index.mdown", "# Sub\n"),
        ("docs/sub/kept.mkd", "# Kept\n"),
    ]);
    let (code, text) = build_in(dir.path());
    assert_eq!(code, 0, "{text}");
    assert!(!text.contains("is not a Markdown page"), "{text}");
    let out = dir.path().join("public");
    assert!(!out.join("other.markdown").exists());
    assert!(read(&out.join("other.html")).contains("<title>Other · Ext</title>"));
    assert!(read(&out.join("sub/index.html")).contains("<h1"));
    let home = read(&out.join("index.html"));
    for href in [
        "href=\"other.html\"",
        "href=\"sub/index.html\"",
        "href=\"sub/kept.html\"",
    ] {
        assert!(home.contains(href), "{href}: {home}");
    }

    let dir = folder(&[
        ("README.markdown", "# Home\n\n[n](notes.mkdn)\n"),
        ("notes.mkdn", "# Notes\n"),
    ]);
    let (code, text) = build_in(dir.path());
    assert_eq!(code, 0, "{text}");
    assert!(read(&dir.path().join("public/index.html")).contains("href=\"notes.html\""));
    assert!(dir.path().join("public/notes.html").is_file());
}

#[test]
fn an_mdbook_book_copies_markdown_extensions_as_mdbook_does() {
    let dir = folder(&[
        ("book.toml", "[book]\ntitle = \"B\"\n"),
        ("src/SUMMARY.md", "# Summary\n\n[R](README.md)\n"),
        ("src/README.md", "# R\n"),
        ("src/notes.markdown", "# raw\n"),
    ]);
    let (code, text) = build_in(dir.path());
    assert_eq!(code, 0, "{text}");
    assert_eq!(read(&dir.path().join("public/notes.markdown")), "# raw\n");
}

// ---- 5. NFD file names (macOS) and NFC links ----

#[test]
fn decomposed_file_names_match_composed_links_and_are_written_composed() {
    let (nfd, nfc) = ("cafe\u{301}", "caf\u{e9}");
    let dir = folder(&[
        (
            "content/_index.md",
            &format!("# Home\n\n[c]({nfc}.md) [img]({nfc}-plan.png) [d](d/{nfd}.md)\n"),
        ),
        (&format!("content/{nfd}.md"), "# Coffee\n"),
        (&format!("content/{nfd}-plan.png"), "png"),
        (&format!("content/d/{nfc}.md"), "# Composed\n"),
    ]);
    write(
        &dir.path().join("handbook.toml"),
        "title = \"T\"\nid = \"t\"\n",
    );
    let (code, text) = build_in(dir.path());
    assert_eq!(code, 0, "{text}");
    let out = dir.path().join("public");
    let names = files(&out);
    assert!(
        names.iter().any(|n| n == &format!("{nfc}.html")),
        "{names:?}"
    );
    assert!(
        names.iter().any(|n| n == &format!("{nfc}-plan.png")),
        "{names:?}"
    );
    assert!(!names.iter().any(|n| n.contains(nfd)), "{names:?}");
    let home = read(&out.join("index.html"));
    assert!(!home.contains(nfd), "links are written in NFC");

    // Two files whose names differ only in their form would be one file on macOS.
    // (On macOS the second name is the first file: there is nothing to check.)
    write(
        &dir.path().join(format!("content/d/{nfd}.md")),
        "# Decomposed\n",
    );
    if files(&dir.path().join("content/d")).len() < 2 {
        return;
    }
    let (code, text) = build_in(dir.path());
    assert_eq!(code, 1, "{text}");
    assert!(
        text.contains("written with other Unicode characters"),
        "{text}"
    );
}

// ---- 7. diagnostics name files that exist ----

#[test]
fn the_missing_id_warning_names_the_settings_file_that_exists() {
    for (files, expected_warning, expected_hint) in [
        (
            vec![
                ("book.toml", "[book]\ntitle = \"B\"\n"),
                ("src/SUMMARY.md", "[R](README.md)\n"),
                ("src/README.md", "# R\n"),
            ],
            "warning: book.toml:2: no `id` (there is no handbook.toml): learners' progress is stored under `b`, derived from the title",
            "  hint: create handbook.toml beside book.toml holding the line `id = \"b\"`, and never change it, so that a change of title keeps learners' progress",
        ),
        (
            vec![("mkdocs.yml", "site_name: M\n"), ("docs/index.md", "# R\n")],
            "warning: mkdocs.yml:1: no `id` (there is no handbook.toml): learners' progress is stored under `m`, derived from the title",
            "  hint: create handbook.toml beside mkdocs.yml holding the line `id = \"m\"`, and never change it, so that a change of title keeps learners' progress",
        ),
        (
            vec![("notes/README.md", "# R\n")],
            "warning: no `id` (there is no handbook.toml): learners' progress is stored under `notes`, derived from the title",
            "  hint: create handbook.toml holding the line `id = \"notes\"`, and never change it, so that a change of title keeps learners' progress",
        ),
    ] {
        let dir = folder(&files);
        let root = if files[0].0.starts_with("notes/") {
            dir.path().join("notes")
        } else {
            dir.path().to_path_buf()
        };
        let (code, text) = run_cmd(&root, &["check"]);
        assert_eq!(code, 0, "{text}");
        has_lines(&text, &[expected_warning, expected_hint]);
        assert!(!text.contains("handbook.toml:"), "{text}");
    }
}

#[test]
fn the_scorm_warning_names_no_file_without_handbook_toml() {
    let dir = folder(&[("mkdocs.yml", "site_name: M\n"), ("docs/index.md", "# R\n")]);
    let zip = dir.path().join("m.zip");
    let (code, text) = run_cmd(
        dir.path(),
        &["export", "scorm", "--out", zip.to_str().unwrap()],
    );
    assert_eq!(code, 0, "{text}");
    has_lines(
        &text,
        &[
            "warning: the package has no graded question: the LMS will record it as complete (and passed) as soon as it is opened",
            "  hint: add exercises, or create handbook.toml with the lines `[scorm]` and `completion = \"pages\"`",
        ],
    );
}

// ---- 8. a nav title for index.md ----

#[test]
fn a_nav_title_for_the_home_page_is_its_title_as_for_every_page() {
    let dir = folder(&[
        (
            "mkdocs.yml",
            "site_name: Copier\nnav:\n  - Overview: \"index.md\"\n  - Creating a template: creating.md\n",
        ),
        ("docs/index.md", "# Copier docs\n\nText.\n"),
        ("docs/creating.md", "# Creating\n"),
    ]);
    let (code, text) = build_in(dir.path());
    assert_eq!(code, 0, "{text}");
    let home = read(&dir.path().join("public/index.html"));
    assert!(home.contains("<title>Overview · Copier</title>"), "{home}");
    let creating = read(&dir.path().join("public/creating.html"));
    assert!(creating.contains("<title>Creating a template · Copier</title>"));
    // The breadcrumb and Previous link name the home page by its nav title.
    assert!(
        creating.contains("<li><a href=\"index.html\">Overview</a></li>"),
        "{creating}"
    );
    assert!(
        creating.contains("<span class=\"pager-title\">Overview</span>"),
        "{creating}"
    );
    assert!(!creating.contains("Copier docs"), "{creating}");
}

// ---- 6. leftovers of earlier builds beside the output ----

#[test]
fn a_build_removes_the_marked_leftovers_of_earlier_builds_only() {
    let dir = folder(&[("README.md", "# R\n")]);
    let root = dir.path();
    // A dead build's previous output (marked), one with a read-only folder, and a stranger's.
    for (name, marked) in [
        (".public.old-2147483646", true),
        (".public.tmp-2147483645", true),
        (".public.old-2147483644", false),
    ] {
        write(&root.join(format!("{name}/sub/a.html")), "x");
        if marked {
            write(&root.join(format!("{name}/.handbook-build")), "");
        }
    }
    let sub = root.join(".public.tmp-2147483645/sub");
    let mut perms = fs::metadata(&sub).unwrap().permissions();
    perms.set_readonly(true);
    fs::set_permissions(&sub, perms).unwrap();
    let (code, text) = build_in(root);
    assert_eq!(code, 0, "{text}");
    assert!(!text.contains("warning"), "{text}");
    assert!(!root.join(".public.old-2147483646").exists());
    assert!(!root.join(".public.tmp-2147483645").exists());
    assert!(
        root.join(".public.old-2147483644/sub/a.html").is_file(),
        "not ours: kept"
    );
}

#[test]
fn an_assignment_may_name_a_markdown_page_by_any_extension() {
    let dir = folder(&[
        ("handbook.toml", "title = \"A\"\nid = \"a\"\n"),
        (
            "content/_index.md",
            "+++\ntitle = \"Home\"\n[assignment]\nexercises = [\"quiz.markdown\"]\n+++\n\nHome\n",
        ),
        (
            "content/quiz.markdown",
            "# Quiz\n\n```exercise\nid = \"q1\"\n[[question]]\ntype = \"truefalse\"\nprompt = \"T?\"\nanswer = true\n```\n",
        ),
    ]);
    let (code, text) = build_in(dir.path());
    assert_eq!(code, 0, "{text}");
    let home = read(&dir.path().join("public/index.html"));
    assert!(
        home.contains("quiz.html"),
        "the assignment lists the quiz page's exercises"
    );
}
