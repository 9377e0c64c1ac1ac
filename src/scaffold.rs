//! `handbook new`: a small, working starter handbook (config, home page, a chapter with two
//! pages, an image, a callout, a self-check exercise, a practice form, an assignment in a learning
//! path, an "About this starter" page saying where to set the branding and how exercises are
//! written) that builds immediately.

use crate::error::Diagnostic;
use std::path::{Path, PathBuf};

pub mod starters;

pub use starters::{STARTERS, Starter};

/// The English starter's files: path relative to the new folder, and contents.
pub const FILES: &[(&str, &str)] = STARTERS[0].files;

/// The starter's `handbook.toml` with a unique `id`: the starter's placeholder id (or, without
/// one, the title's [`crate::config::derive_id`]) and a random suffix, so two handbooks made
/// with `handbook new` never share progress.
pub fn with_fresh_id(text: &str) -> String {
    let value = |key: &str| {
        text.lines()
            .find_map(|l| l.trim().strip_prefix(key))
            .and_then(|rest| rest.split('"').next())
    };
    let base = match value("id = \"") {
        Some(id) => crate::config::derive_id(id),
        None => crate::config::derive_id(value("title = \"").unwrap_or("handbook")),
    };
    with_key(text, "id", &format!("{base}-{}", suffix()))
}

/// `text` (a `handbook.toml`) with the top-level `key = "value"`: its first `key = "..."` line
/// replaced, or the line added at the top when there is none. (`value` needs no escaping: an id
/// from [`crate::config::derive_id`] or a checked language tag.)
fn with_key(text: &str, key: &str, value: &str) -> String {
    let prefix = format!("{key} = \"");
    let line = format!("{prefix}{value}\"");
    let mut lines: Vec<&str> = text.lines().collect();
    match lines.iter().position(|l| l.trim().starts_with(&prefix)) {
        Some(at) => lines[at] = &line,
        None => lines.insert(0, &line),
    }
    let mut out = lines.join("\n");
    if text.ends_with('\n') {
        out.push('\n');
    }
    out
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

/// Writes `starter` into `dir`, which must not exist or be empty, with `language = "TAG"` in
/// its `handbook.toml`. Returns the files created.
pub fn create(dir: &Path, starter: &Starter, tag: &str) -> Result<Vec<PathBuf>, Diagnostic> {
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
    for (rel, text) in starter.files {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| {
                Diagnostic::error(parent, 0, format!("cannot create the folder: {e}"))
            })?;
        }
        let text = if *rel == "handbook.toml" {
            with_key(&with_fresh_id(text), "language", tag)
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

    #[test]
    fn a_key_is_replaced_or_added_at_the_top() {
        let text = "title = \"T\"\nlanguage = \"en\"\n\n[srs]\n";
        assert_eq!(
            with_key(text, "language", "es-MX"),
            "title = \"T\"\nlanguage = \"es-MX\"\n\n[srs]\n"
        );
        assert_eq!(
            with_key(text, "id", "x-1"),
            "id = \"x-1\"\ntitle = \"T\"\nlanguage = \"en\"\n\n[srs]\n"
        );
        assert_eq!(
            with_key("title = \"T\"", "id", "x"),
            "id = \"x\"\ntitle = \"T\""
        );
    }
}
