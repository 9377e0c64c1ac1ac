//! A page that opens with a `---` horizontal rule: when the block up to the next `---` is not
//! a mapping of keys (prose, a list, blank lines), the page is content with a rule, as MkDocs
//! and GitHub read it; front matter with keys and a bad value is still an error naming the key.

mod common;
use common::*;

const TOML: &str = "title = \"T\"\nid = \"t\"\n";

#[test]
fn a_leading_rule_is_content_not_front_matter() {
    let cases = [
        ("prose", "---\n\nText.\n\n---\n\nMore.\n"),
        ("list", "---\n- one\n- two\n---\n\nMore.\n"),
        ("blank", "---\n\n\n---\n\nMore.\n"),
        ("unclosed", "---\n\nText after a rule.\n"),
    ];
    let mut files: Vec<(String, &str)> = cases
        .iter()
        .map(|(name, text)| (format!("content/{name}.md"), *text))
        .collect();
    files.push(("handbook.toml".into(), TOML));
    let refs: Vec<(&str, &str)> = files.iter().map(|(p, t)| (p.as_str(), *t)).collect();
    let hb = handbook(&refs);
    let (code, printed) = check(hb.path(), &[]);
    assert_eq!(code, 0, "{printed}");
    assert!(!printed.contains("front matter:"), "{printed}");
    let out = build_ok(hb.path());
    let site = out.path().join("site");
    let prose = read(&site.join("prose.html"));
    assert_eq!(prose.matches("<hr />").count(), 2, "{prose}");
    assert!(prose.contains("<p>Text.</p>") && prose.contains("<p>More.</p>"));
    let list = read(&site.join("list.html"));
    assert!(list.contains("<li>one</li>"), "{list}");
    assert!(read(&site.join("unclosed.html")).contains("<p>Text after a rule.</p>"));
}

#[test]
fn front_matter_with_a_bad_value_names_its_key_and_line() {
    let hb = handbook(&[
        ("handbook.toml", TOML),
        (
            "content/a.md",
            "---\ntitle: A\ntags:\n  - a\n  - [b, c]\nweight: heavy\n---\n\nText.\n",
        ),
    ]);
    let (code, printed) = check(hb.path(), &[]);
    assert_eq!(code, 1, "{printed}");
    has_line_with(
        &printed,
        &["a.md:6", "`weight` must be a whole number", "heavy"],
    );
    assert!(!printed.contains("the value`"), "{printed}");
}

#[test]
fn a_block_of_only_headings_is_content_not_an_empty_front_matter() {
    // `# Not fm` is a YAML comment: read as front matter, the heading and text would vanish.
    let hb = handbook(&[
        ("handbook.toml", TOML),
        ("content/b.md", "---\n\n# Not fm\n\n---\n\nbody\n"),
    ]);
    let out = build_ok(hb.path());
    let page = read(&out.path().join("site").join("b.html"));
    assert_eq!(page.matches("<hr />").count(), 2, "{page}");
    assert!(page.contains("<title>Not fm"), "{page}");
    assert!(
        page.contains("Not fm</h1>") && page.contains("<p>body</p>"),
        "{page}"
    );
}
