//! The content folder's files, kept in memory between rebuilds so an edit re-reads only the
//! files that changed instead of the whole folder.
//!
//! [`Sources::read`] walks the folder exactly as [`content::load`] does (the same
//! [`ContentFolder`] rules: skipped names, links kept inside the handbook); [`Sources::update`] applies the changed paths the watcher reports;
//! [`Sources::load`] builds the `Handbook` from memory with [`content::load_from_files`]. A full
//! rebuild always goes through `content::load` itself and reads the cache afresh, and a test
//! checks that both give the same handbook.

use crate::config::Config;
use crate::content::layout::SourceLayout;
use crate::content::walk::ContentFolder;
use crate::content::{self, Handbook, SourceFile};
use crate::error::Diagnostic;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The content files of a handbook, by path relative to the content folder.
pub struct Sources {
    root: PathBuf,
    content_dir: PathBuf,
    /// What the loader reads (the same rules for a changed file).
    folder: ContentFolder,
    files: BTreeMap<PathBuf, Vec<u8>>,
}

impl Sources {
    /// Reads every content file of the handbook at `root` as `content::load` would; `None`
    /// when something cannot be read (the caller then uses `content::load`, which reports it).
    pub fn read(root: &Path, config: &Config, layout: &SourceLayout) -> Option<Sources> {
        let folder = ContentFolder::new(root, config, layout, None);
        let read = folder.read();
        if !read.errors.is_empty() {
            return None;
        }
        let files = read.files.into_iter().map(|f| (f.path, f.bytes)).collect();
        Some(Sources {
            root: root.to_path_buf(),
            content_dir: folder.dir.clone(),
            folder,
            files,
        })
    }

    /// Applies changes of `paths` (relative to the handbook root): changed and new files are
    /// read again, removed ones dropped. Returns `false` when the change is more than files
    /// (a folder appeared or was renamed, a file cannot be read): read everything again then.
    pub fn update<'a>(&mut self, paths: impl IntoIterator<Item = &'a PathBuf>) -> bool {
        for rel in paths {
            let path = self.root.join(rel);
            let Ok(in_content) = path.strip_prefix(&self.content_dir) else {
                continue;
            };
            let in_content = in_content.to_path_buf();
            if in_content.as_os_str().is_empty() || !self.folder.admits(&path) {
                return false;
            }
            match std::fs::metadata(&path) {
                Ok(meta) if meta.is_file() => match std::fs::read(&path) {
                    Ok(bytes) => {
                        self.files.insert(in_content, bytes);
                    }
                    Err(_) => return false,
                },
                Ok(_) => return false,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    self.files.retain(|p, _| !p.starts_with(&in_content));
                }
                Err(_) => return false,
            }
        }
        true
    }

    /// The handbook as `content::load` would load it now.
    pub fn load(&self) -> Result<Handbook, Vec<Diagnostic>> {
        let settings = content::layout::settings(&self.root)?;
        let display_base = self
            .content_dir
            .strip_prefix(&self.root)
            .unwrap_or(Path::new(""))
            .to_path_buf();
        let files = self
            .files
            .iter()
            .map(|(path, bytes)| SourceFile {
                path: path.clone(),
                bytes: bytes.clone(),
            })
            .collect();
        content::load_from_files(
            settings,
            &self.root,
            &self.content_dir,
            &display_base,
            files,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::serve::rebuild::same_structure;

    fn fixture(name: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name)
    }

    fn same(a: &Handbook, b: &Handbook) -> bool {
        same_structure(a, b)
            && a.pages.iter().zip(&b.pages).all(|(p, q)| p.body == q.body)
            && a.assets
                .iter()
                .zip(&b.assets)
                .all(|(x, y)| x.bytes == y.bytes)
    }

    #[test]
    fn reads_what_the_loader_reads() {
        for name in ["good", "plain"] {
            let root = fixture(name);
            let loaded = content::load(&root).unwrap();
            let sources = Sources::read(&root, &loaded.config, &loaded.layout).unwrap();
            let cached = sources.load().unwrap();
            assert!(same(&loaded, &cached), "{name}");
        }
    }

    #[test]
    fn updates_changed_new_and_removed_files() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("content/ch")).unwrap();
        std::fs::write(root.join("content/_index.md"), "# Home\n").unwrap();
        std::fs::write(root.join("content/ch/a.md"), "# A\n").unwrap();
        let config = Config::default();
        let mut s = Sources::read(root, &config, &SourceLayout::Handbook).unwrap();
        std::fs::write(root.join("content/ch/a.md"), "# A\n\nnew\n").unwrap();
        std::fs::write(root.join("content/ch/b.md"), "# B\n").unwrap();
        assert!(s.update(&[
            PathBuf::from("content/ch/a.md"),
            PathBuf::from("content/ch/b.md")
        ]));
        std::fs::remove_dir_all(root.join("content/ch")).unwrap();
        std::fs::create_dir_all(root.join("content/ch2")).unwrap();
        assert!(s.update(&[PathBuf::from("content/ch")]));
        assert!(!s.update(&[PathBuf::from("content/ch2")]));
        assert_eq!(s.files.len(), 1);
        assert!(same(&s.load().unwrap(), &content::load(root).unwrap()));
    }
}
