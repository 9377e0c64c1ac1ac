//! File names in one Unicode form. macOS writes names decomposed (NFD: `e` + U+0301) while
//! editors and links type them composed (NFC: `é`): every source path and every link target is
//! compared in NFC, and output files are named in NFC, so `café.md` finds `café.md` whichever
//! form either side is in.

use super::SourceFile;
use crate::error::Diagnostic;
use std::borrow::Cow;
use std::path::{Path, PathBuf};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// `text` in NFC (borrowed when it already is, as ASCII always is).
pub fn text(text: &str) -> Cow<'_, str> {
    if text.is_ascii() || is_nfc_quick(text.chars()) == IsNormalized::Yes {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.nfc().collect())
    }
}

/// `path` with its name in NFC (a name that is not UTF-8 is kept as it is).
pub fn path(path: &Path) -> Cow<'_, Path> {
    match path.to_str() {
        Some(s) => match text(s) {
            Cow::Borrowed(_) => Cow::Borrowed(path),
            Cow::Owned(n) => Cow::Owned(PathBuf::from(n)),
        },
        None => Cow::Borrowed(path),
    }
}

/// Renames each of `files` to its NFC name, in place; an error
/// (at `display_base` joined with the name) for a second file whose name is the same once
/// normalised, which is left out: two such files would be one on macOS.
pub fn paths(files: &mut Vec<SourceFile>, display_base: &Path) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    let mut seen: std::collections::HashMap<PathBuf, PathBuf> = std::collections::HashMap::new();
    files.retain_mut(|SourceFile { path: p, .. }| {
        let normal = path(p).into_owned();
        if let Some(first) = seen.get(&normal) {
            errors.push(
                Diagnostic::error(
                    display_base.join(&*p),
                    0,
                    format!(
                        "`{}` has the same name as `{}`, written with other Unicode characters (composed and decomposed accents)",
                        p.display(),
                        first.display()
                    ),
                )
                .with_hint("keep one of the two files: macOS would see them as one"),
            );
            return false;
        }
        seen.insert(normal.clone(), p.clone());
        *p = normal;
        true
    });
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    const NFD: &str = "cafe\u{301}.md";
    const NFC: &str = "caf\u{e9}.md";

    #[test]
    fn names_and_links_compare_in_nfc() {
        assert_eq!(text(NFD), NFC);
        assert!(matches!(text(NFC), Cow::Borrowed(_)));
        assert_eq!(
            path(Path::new(&format!("d/{NFD}"))),
            Path::new(&format!("d/{NFC}"))
        );
    }

    #[test]
    fn two_names_equal_once_normalised_are_an_error() {
        let f = |p: &str, b: u8| SourceFile {
            path: PathBuf::from(p),
            bytes: vec![b],
        };
        let mut files = vec![f(NFD, 1), f(NFC, 2), f("a.md", 3)];
        let errors = paths(&mut files, Path::new("content"));
        let kept: Vec<(PathBuf, Vec<u8>)> = files.into_iter().map(|f| (f.path, f.bytes)).collect();
        assert_eq!(
            kept,
            [
                (PathBuf::from(NFC), vec![1]),
                (PathBuf::from("a.md"), vec![3])
            ]
        );
        assert_eq!(errors.len(), 1);
        assert!(errors[0].message.contains("same name"), "{}", errors[0]);
    }
}
