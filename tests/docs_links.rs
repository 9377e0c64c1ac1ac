//! Every relative link in `README.md` and `docs/*.md` resolves: the file exists (inside the
//! repository), and a `#fragment` into a Markdown file names one of its headings (GitHub's ids).

mod common;

use common::repo;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// The Markdown files whose links are checked.
fn documents() -> Vec<PathBuf> {
    let mut docs = vec![repo().join("README.md")];
    let mut more: Vec<PathBuf> = std::fs::read_dir(repo().join("docs"))
        .expect("docs/")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    more.sort();
    docs.extend(more);
    docs
}

/// (link destination, 1-based line) of every link and image in `text` (code excluded).
fn links(text: &str) -> Vec<(String, usize)> {
    let line_of = |offset: usize| text[..offset].matches('\n').count() + 1;
    Parser::new_ext(text, Options::all())
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                Some((dest_url.to_string(), line_of(range.start)))
            }
            _ => None,
        })
        .collect()
}

/// GitHub's heading ids of a Markdown text.
fn heading_ids(text: &str) -> HashSet<String> {
    let mut ids = HashSet::new();
    let mut seen: std::collections::HashMap<String, usize> = Default::default();
    let mut current: Option<String> = None;
    for event in Parser::new_ext(text, Options::all()) {
        match event {
            Event::Start(Tag::Heading { .. }) => current = Some(String::new()),
            Event::Text(t) | Event::Code(t) if current.is_some() => {
                if let Some(c) = current.as_mut() {
                    c.push_str(&t);
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some(title) = current.take() {
                    let base: String = title
                        .to_lowercase()
                        .chars()
                        .filter(|c| c.is_alphanumeric() || *c == ' ' || *c == '-' || *c == '_')
                        .map(|c| if c == ' ' { '-' } else { c })
                        .collect();
                    let n = seen.entry(base.clone()).or_default();
                    ids.insert(if *n == 0 {
                        base.clone()
                    } else {
                        format!("{base}-{n}")
                    });
                    *n += 1;
                }
            }
            _ => {}
        }
    }
    ids
}

/// The problem with link `dest` of `doc`, if any.
fn check(doc: &Path, dest: &str) -> Option<String> {
    if dest.contains("://") || dest.starts_with("mailto:") || dest.is_empty() {
        return None;
    }
    let (path, fragment) = dest.split_once('#').unwrap_or((dest, ""));
    let target = if path.is_empty() {
        doc.to_path_buf()
    } else {
        doc.parent().expect("parent").join(path)
    };
    let Ok(target) = target.canonicalize() else {
        return Some(format!("`{dest}`: no such file"));
    };
    if !target.starts_with(repo().canonicalize().expect("repo")) {
        return Some(format!("`{dest}` points outside the repository"));
    }
    if !fragment.is_empty() && target.extension().is_some_and(|e| e == "md") {
        let text = std::fs::read_to_string(&target).expect("read target");
        if !heading_ids(&text).contains(fragment) {
            return Some(format!("`{dest}`: no heading `#{fragment}` there"));
        }
    }
    None
}

#[test]
fn every_relative_link_in_the_readme_and_docs_resolves() {
    let mut problems = Vec::new();
    let mut checked = 0;
    for doc in documents() {
        let text = std::fs::read_to_string(&doc).expect("read");
        for (dest, line) in links(&text) {
            checked += 1;
            if let Some(p) = check(&doc, &dest) {
                let rel = doc
                    .strip_prefix(repo())
                    .unwrap_or(&doc)
                    .display()
                    .to_string();
                problems.push(format!("{rel}:{line}: {p}"));
            }
        }
    }
    assert!(checked > 3, "the link scan found too few links ({checked})");
    assert!(
        problems.is_empty(),
        "broken links:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_checker_catches_a_missing_file_and_a_missing_heading() {
    let readme = repo().join("README.md");
    assert!(check(&readme, "docs/no-such-file.md").is_some());
    assert!(check(&readme, "docs/exercises.md#no-such-heading").is_some());
    assert!(check(&readme, "docs/exercises.md#question-types").is_none());
    assert!(check(&readme, "https://example.org/x").is_none());
    assert_eq!(
        links("[a](x.md) `[b](y.md)`\n\n```\n[c](z.md)\n```\n![i](p.png)\n"),
        [("x.md".to_string(), 1), ("p.png".to_string(), 6)]
    );
}

#[test]
fn the_starter_points_only_to_what_it_ships() {
    // Someone with only the binary has no README or docs/: the starter must not send them there.
    for starter in handbook::scaffold::STARTERS {
        for (path, text) in starter.files {
            for word in ["README", "documentation", "docs/"] {
                assert!(!text.contains(word), "{path} mentions `{word}`");
            }
        }
        let about = starter
            .files
            .iter()
            .find(|(p, _)| p.starts_with("content/03-"))
            .expect("the starter has an About page");
        for key in ["agency", "logo", "accent", "favicon", "```exercise"] {
            assert!(
                about.1.contains(key),
                "{}: the About page does not mention {key}",
                about.0
            );
        }
    }
}
