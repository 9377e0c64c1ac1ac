//! Unit tests of the mdBook loader on books held in memory.

use super::*;
use crate::content::layout::SourceLayout;
use crate::content::testing;

fn book(files: &[(&str, &str)]) -> Result<Handbook, Vec<Diagnostic>> {
    let mut settings = testing::titled("Book");
    settings.layout = SourceLayout::MdBook(Box::new(BookToml {
        src: "src".into(),
        warnings: Vec::new(),
    }));
    testing::load_at(settings, "/nonexistent-book", "src", testing::files(files))
}

fn outline(h: &Handbook) -> Vec<String> {
    h.pages
        .iter()
        .map(|p| {
            format!(
                "{}{} {} {:?}",
                "  ".repeat(p.depth),
                p.out_path,
                p.title,
                p.kind
            )
        })
        .collect()
}

#[test]
fn summary_order_nesting_and_parts() {
    let h = book(&[
        (
            "SUMMARY.md",
            "# Summary\n[Intro](README.md)\n\n# Part one\n- [A](a.md)\n  - [A1](a/one.md)\n- [Draft]()\n\n---\n[End](end.md)\n",
        ),
        ("README.md", "# Welcome\n\nHello.\n"),
        ("a.md", "# A\n"),
        ("a/one.md", "Text only.\n"),
        ("end.md", "# The end\n"),
        ("notes.md", "# Not listed\n"),
        ("a/pic.png", "png"),
    ])
    .unwrap();
    assert_eq!(
        outline(&h),
        [
            "index.html Intro Home",
            "  part-one.html Part one Chapter",
            "    a.html A Chapter",
            "      a/one.html A1 Page",
            "  end.html End Page",
        ]
    );
    assert_eq!(h.pages[0].children, [1, 4]);
    assert_eq!(h.pages[2].parent, Some(1));
    // `# Welcome` differs from the SUMMARY.md title, so it stays in the body.
    assert_eq!(h.pages[0].title_heading_line, None);
    assert_eq!(h.pages[2].title_heading_line, Some(1));
    assert_eq!(h.pages[1].body, "- [A](</a.md>)\n");
    assert_eq!(h.assets[0].out_path, "a/pic.png");
    assert!(h.page_by_source(Path::new("notes.md")).is_none());
    let warnings: Vec<&str> = h.pages[0]
        .load_warnings
        .iter()
        .map(|d| d.message.as_str())
        .collect();
    assert!(
        warnings
            .iter()
            .any(|m| m.contains("draft chapter `Draft` is left out")),
        "{warnings:?}"
    );
    assert!(
        warnings
            .iter()
            .any(|m| m.starts_with("1 Markdown file is not in SUMMARY.md")
                && m.ends_with("notes.md")),
        "{warnings:?}"
    );
}

#[test]
fn readme_is_its_folders_index_and_a_book_may_start_with_a_list() {
    let h = book(&[
        (
            "SUMMARY.md",
            "- [Guide](guide/README.md)\n  - [Install](guide/install.md)\n- [CLI](cli/index.md)\n",
        ),
        ("guide/README.md", "# Guide\n"),
        ("guide/install.md", "# Install\n"),
        ("cli/index.md", "# CLI\n"),
    ])
    .unwrap();
    assert_eq!(
        outline(&h),
        [
            "index.html Book Home",
            "  guide/index.html Guide Chapter",
            "    guide/install.html Install Page",
            "  cli/index.html CLI Page",
        ]
    );
    assert_eq!(h.page_by_source(Path::new("guide")), Some(1));
    assert_eq!(h.page_by_source(Path::new("")), Some(0));
}

#[test]
fn missing_files_and_includes_are_errors_at_their_lines() {
    let e = book(&[
        (
            "SUMMARY.md",
            "# S\n\n- [One](one.md)\n- [Gone](gone.md)\n- [Out](../x.md)\n",
        ),
        ("one.md", "# One\n\nText\n{{#include nowhere.rs}}\n"),
    ])
    .unwrap_err();
    let got: Vec<(String, usize)> = e
        .iter()
        .map(|d| (d.path.display().to_string(), d.line))
        .collect();
    assert_eq!(
        got,
        [
            ("src/one.md".to_string(), 4),
            ("src/SUMMARY.md".to_string(), 4),
            ("src/SUMMARY.md".to_string(), 5),
        ]
    );
    assert!(
        e[1].message
            .contains("chapter `Gone` links to `gone.md`, which is not in src/"),
        "{}",
        e[1]
    );
    let e = book(&[("README.md", "# A\n")]).unwrap_err();
    assert!(e[0].message.contains("has no src/SUMMARY.md"), "{}", e[0]);
}

#[test]
fn includes_from_the_source_folder_keep_file_lines() {
    let h = book(&[
        ("SUMMARY.md", "- [One](one.md)\n"),
        (
            "one.md",
            "+++\ndescription = \"D\"\n+++\n# One\n{{#include part.md}}\nlast\n",
        ),
        ("part.md", "a\nb\nc"),
    ])
    .unwrap();
    let page = &h.pages[0];
    assert_eq!(page.body, "# One\na\nb\nc\nlast\n");
    assert_eq!(page.body_line, 4);
    assert_eq!(page.line_map, [4, 5, 5, 5, 6, 7]);
    assert_eq!(page.description, "D");
    assert_eq!(page.title_heading_line, Some(1));
    // An included file is not reported as missing from SUMMARY.md.
    assert!(
        h.pages[0].load_warnings.is_empty(),
        "{:?}",
        h.pages[0].load_warnings
    );
}

#[test]
fn clashing_and_repeated_chapters() {
    let e = book(&[
        (
            "SUMMARY.md",
            "[Home](home.md)\n- [A](a/README.md)\n- [B](a/index.md)\n",
        ),
        ("home.md", "# Home\n"),
        ("a/README.md", "# A\n"),
        ("a/index.md", "# B\n"),
    ])
    .unwrap_err();
    assert_eq!(e[0].line, 3);
    assert!(
        e[0].message.contains("would be written to `a/index.html`"),
        "{}",
        e[0]
    );
    let h = book(&[
        ("SUMMARY.md", "[Home](home.md)\n- [A](a.md)\n- [A again](a.md)\n  - [B](b.md)\n# Print\n- [C](c.md)\n"),
        ("home.md", "# Home\n"),
        ("a.md", "# A\n"),
        ("b.md", "# B\n"),
        ("c.md", "# C\n"),
    ])
    .unwrap();
    // The repeat is left out and its sub-chapter moves up; the part may not take `print.html`.
    assert_eq!(
        outline(&h),
        [
            "index.html Home Home",
            "  a.html A Page",
            "  b.html B Page",
            "  print-2.html Print Chapter",
            "    c.html C Page",
        ]
    );
    assert!(
        h.pages[0]
            .load_warnings
            .iter()
            .any(|d| d.line == 3 && d.message.contains("already a chapter (line 2)"))
    );
}

#[test]
fn a_later_top_level_readme_does_not_take_the_home_page() {
    let h = book(&[
        (
            "SUMMARY.md",
            "[Start](start.md)\n- [Read me](README.md)\n- [Index](index.md)\n",
        ),
        ("start.md", "# Start\n"),
        ("README.md", "# Read me\n"),
        ("index.md", "# Index\n"),
    ])
    .unwrap();
    assert_eq!(
        outline(&h),
        [
            "index.html Start Home",
            "  readme.html Read me Page",
            "  index-2.html Index Page",
        ]
    );
}

#[test]
fn nesting_deeper_than_the_limit_is_an_error_at_its_line() {
    let summary: String = (0..MAX_NESTING + 3)
        .map(|i| format!("{}- [C{i}](c{i}.md)\n", "  ".repeat(i)))
        .collect();
    let names: Vec<String> = (0..MAX_NESTING + 3).map(|i| format!("c{i}.md")).collect();
    let mut files = vec![("SUMMARY.md", summary.as_str())];
    files.extend(names.iter().map(|n| (n.as_str(), "# C\n")));
    let e = book(&files).unwrap_err();
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].line, MAX_NESTING + 1);
    assert!(e[0].message.contains("nested 25 levels deep"), "{}", e[0]);
}
