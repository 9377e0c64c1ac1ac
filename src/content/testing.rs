//! Test helpers (`#[cfg(test)]` only): handbooks held in memory, loaded with
//! [`load_from_files`] as if read from a folder, for the unit tests of `content`, `markdown`
//! and `serve`.

use super::layout::Settings;
use super::{Handbook, SourceFile, load_from_files};
use crate::config::Config;
use crate::error::Diagnostic;
use std::path::Path;

/// `(path, text)` pairs (paths relative to the content folder) as source files.
pub(crate) fn files(files: &[(&str, &str)]) -> Vec<SourceFile> {
    files
        .iter()
        .map(|(p, t)| SourceFile {
            path: p.into(),
            bytes: t.as_bytes().to_vec(),
        })
        .collect()
}

/// The settings of a handbook titled `title`, everything else the defaults.
pub(crate) fn titled(title: &str) -> Settings {
    Config {
        title: title.into(),
        ..Config::default()
    }
    .into()
}

/// Loads `files` with `settings` as if from the folder `content` (`""`: the root itself) of
/// the root `root` (not read: includes and logos outside `files` are missing).
pub(crate) fn load_at(
    settings: Settings,
    root: &str,
    content: &str,
    files: Vec<SourceFile>,
) -> Result<Handbook, Vec<Diagnostic>> {
    let root = Path::new(root);
    let content_dir = match content {
        "" => root.to_path_buf(),
        _ => root.join(content),
    };
    load_from_files(settings, root, &content_dir, Path::new(content), files)
}

/// The handbook titled "T" of `files`, as if from `/r/content`; panics on an error.
pub(crate) fn handbook(pages: &[(&str, &str)]) -> Handbook {
    match load_at(titled("T"), "/r", "content", files(pages)) {
        Ok(h) => h,
        Err(e) => panic!("the test handbook does not load: {e:?}"),
    }
}
