//! Handbooks for tests: the fixtures under `tests/fixtures/`, copies of them to edit, and
//! small handbooks written from `(path, text)` pairs, all in temporary folders.

use std::fs;
use std::path::{Path, PathBuf};

/// The repository root (where `Cargo.toml` is).
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The fixture handbook `tests/fixtures/NAME` (NAME may hold slashes).
pub fn fixture(name: &str) -> PathBuf {
    repo().join("tests/fixtures").join(name)
}

/// Copies every file and folder below `from` into `to`.
pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap_or_else(|e| panic!("walking {}: {e}", from.display()));
        let rel = entry.path().strip_prefix(from).expect("below the root");
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).unwrap_or_else(|e| panic!("{}: {e}", target.display()));
        } else {
            fs::copy(entry.path(), &target)
                .unwrap_or_else(|e| panic!("copy to {}: {e}", target.display()));
        }
    }
}

/// A copy of the fixture `NAME` in a fresh temporary folder, so a test can change it freely.
pub fn copy_fixture(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("create a temporary folder");
    copy_dir(&fixture(name), dir.path());
    dir
}

/// Writes `text` to `path`, creating its folders.
pub fn write(path: &Path, text: &str) {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).unwrap_or_else(|e| panic!("{}: {e}", parent.display()));
    }
    fs::write(path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

/// Writes each `(path, text)` below `root`, creating folders.
pub fn write_all(root: &Path, files: &[(&str, &str)]) {
    for (path, text) in files {
        write(&root.join(path), text);
    }
}

/// A handbook in a temporary folder holding `files`; `handbook.toml` (`title = "T"`) and
/// `content/_index.md` (`# Home`) are added unless `files` has them.
pub fn handbook(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("create a temporary folder");
    if !files.iter().any(|(p, _)| *p == "handbook.toml") {
        write(&dir.path().join("handbook.toml"), "title = \"T\"\n");
    }
    if !files.iter().any(|(p, _)| *p == "content/_index.md") {
        write(
            &dir.path().join("content/_index.md"),
            "# Home\n\nWelcome.\n",
        );
    }
    write_all(dir.path(), files);
    dir
}

/// Like [`handbook`], with each `(path, text)` of `theme` written below `themes/default/`: a
/// theme that overrides those files of the built-in one.
pub fn handbook_with_theme(files: &[(&str, &str)], theme: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = handbook(files);
    write_all(&dir.path().join("themes/default"), theme);
    dir
}

/// Replaces the first `from` in `root/file` by `to`, failing when `from` is not there.
pub fn edit(root: &Path, file: &str, from: &str, to: &str) {
    let path = root.join(file);
    let text = read(&path);
    assert!(text.contains(from), "{file} does not contain {from:?}");
    fs::write(&path, text.replacen(from, to, 1)).unwrap_or_else(|e| panic!("{file}: {e}"));
}

/// The text of a file, failing with its path.
pub fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The 1-based number of the first line of `root/file` containing `needle`.
pub fn line_of(root: &Path, file: &str, needle: &str) -> usize {
    read(&root.join(file))
        .lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("{file} has no line with {needle:?}"))
        + 1
}
