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

/// The starter's `id` line, replaced by [`with_fresh_id`].
const ID_LINE: &str = "id = \"my-training-handbook\"";

/// The starter's `handbook.toml` with a unique `id`: the title's [`crate::config::derive_id`]
/// and a random suffix, so two handbooks made with `handbook new` never share progress.
pub fn with_fresh_id(text: &str) -> String {
    let title = text
        .lines()
        .find_map(|l| l.trim().strip_prefix("title = \""))
        .and_then(|rest| rest.split('"').next())
        .unwrap_or("handbook");
    let id = format!("id = \"{}-{}\"", crate::config::derive_id(title), suffix());
    if text.contains(ID_LINE) {
        text.replacen(ID_LINE, &id, 1)
    } else {
        format!("{id}\n{text}")
    }
}

/// Eight random hex digits (std's randomly keyed hasher, mixed with the time and process).
fn suffix() -> String {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    h.write_u128(nanos);
    h.write_u32(std::process::id());
    format!("{:08x}", h.finish() as u32)
}

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
        let text = if *rel == "handbook.toml" {
            with_fresh_id(text)
        } else {
            (*text).to_string()
        };
        std::fs::write(&path, text)
            .map_err(|e| Diagnostic::error(&path, 0, format!("cannot write: {e}")))?;
        created.push(path);
    }
    Ok(created)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_starter_gets_a_fresh_valid_id() {
        let a = with_fresh_id(FILES[0].1);
        let b = with_fresh_id(FILES[0].1);
        let id = |t: &str| {
            crate::config::Config::parse(t, Path::new("handbook.toml"))
                .expect("the starter's config parses")
                .id
        };
        assert!(id(&a).starts_with("my-training-handbook-"), "{}", id(&a));
        assert_eq!(id(&a).len(), "my-training-handbook-".len() + 8);
        assert_ne!(id(&a), id(&b));
    }
}
