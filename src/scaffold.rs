//! `handbook new`: a small, working starter handbook (config, home page, a chapter with two
//! pages, an image, a callout, a self-check exercise, a practice form, an assignment in a learning
//! path, an "About this starter" page saying where to set the branding and how exercises are
//! written) that builds immediately.

use crate::error::Diagnostic;
use std::path::{Path, PathBuf};

/// The starter's files: path relative to the new folder, and contents.
pub const FILES: &[(&str, &str)] = &[
    ("handbook.toml", include_str!("scaffold/handbook.toml")),
    ("content/_index.md", include_str!("scaffold/home.md")),
    (
        "content/01-getting-started/_index.md",
        include_str!("scaffold/chapter.md"),
    ),
    (
        "content/01-getting-started/01-first-page.md",
        include_str!("scaffold/first-page.md"),
    ),
    (
        "content/01-getting-started/02-second-page.md",
        include_str!("scaffold/second-page.md"),
    ),
    (
        "content/01-getting-started/03-self-check.md",
        include_str!("scaffold/self-check.md"),
    ),
    (
        "content/01-getting-started/04-practice-form.md",
        include_str!("scaffold/practice-form.md"),
    ),
    (
        "content/02-assignments/01-week-1.md",
        include_str!("scaffold/assignment.md"),
    ),
    (
        "content/01-getting-started/diagram.svg",
        include_str!("scaffold/diagram.svg"),
    ),
    ("content/03-about.md", include_str!("scaffold/about.md")),
];

/// Writes the starter into `dir`, which must not exist or be empty. Returns the files created.
pub fn create(dir: &Path) -> Result<Vec<PathBuf>, Diagnostic> {
    if dir.exists() {
        let empty = std::fs::read_dir(dir)
            .map(|mut d| d.next().is_none())
            .unwrap_or(false);
        if !empty {
            return Err(
                Diagnostic::error(dir, 0, "the folder already exists and is not empty")
                    .with_hint("choose a new folder name; `handbook new` never overwrites files"),
            );
        }
    }
    let mut created = Vec::new();
    for (rel, text) in FILES {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| {
                Diagnostic::error(parent, 0, format!("cannot create the folder: {e}"))
            })?;
        }
        std::fs::write(&path, text)
            .map_err(|e| Diagnostic::error(&path, 0, format!("cannot write: {e}")))?;
        created.push(path);
    }
    Ok(created)
}
