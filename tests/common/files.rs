//! Reading what a build wrote: every file of a folder (names, or names and bytes) and its
//! HTML pages.

use std::fs;
use std::path::{Path, PathBuf};

/// Every file below `dir`, as its path relative to `dir`, sorted.
pub fn files(dir: &Path) -> Vec<String> {
    tree(dir).into_iter().map(|(name, _)| name).collect()
}

/// Every file below `dir` with its bytes, sorted by relative path.
pub fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).expect("below the root");
            let bytes =
                fs::read(e.path()).unwrap_or_else(|err| panic!("{}: {err}", e.path().display()));
            (rel.to_string_lossy().into_owned(), bytes)
        })
        .collect();
    files.sort();
    files
}

/// Every `.html` file below `dir`.
pub fn html_files(dir: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| e.into_path())
        .collect()
}
