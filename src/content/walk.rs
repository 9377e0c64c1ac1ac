//! Which files of a handbook are content, and reading them: the content folder (`content/`, or
//! the root itself for a plain folder of notes) walked inside the handbook root
//! ([`crate::safety::walk`]), without hidden files, editor temporaries, build outputs (any
//! folder carrying [`crate::reserved::MARKER`]) and, in a plain folder, the handbook's own
//! folders (`themes/`, the output, `target/`, `node_modules/`, `handbook.toml`).

use super::SourceFile;
use super::layout::SourceLayout;
use crate::config::{CONFIG_FILE, Config};
use crate::error::Diagnostic;
use crate::safety::{self, Entry, Walk};
use rayon::prelude::*;
use std::path::{Path, PathBuf};

pub use crate::safety::is_editor_temp;

/// The content folder of a handbook and what reading it leaves out.
#[derive(Debug, Clone)]
pub struct ContentFolder {
    /// The handbook root, as given.
    pub root: PathBuf,
    /// The handbook root, resolved: nothing outside it is read.
    pub root_real: PathBuf,
    /// The content folder as given (`root/content`, or `root`).
    pub dir: PathBuf,
    /// The content folder relative to the root (`content`, or empty), for diagnostics.
    pub display_base: PathBuf,
    /// Top-level names that are not content (plain folders only).
    skip_top: Vec<String>,
    /// Resolved folders never read (the output folder of this build).
    exclude: Vec<PathBuf>,
}

/// What [`ContentFolder::read`] found.
#[derive(Debug, Default)]
pub struct Read {
    /// The content files, in walk order, paths relative to the content folder.
    pub files: Vec<SourceFile>,
    /// What could not be read, or may not be.
    pub errors: Vec<Diagnostic>,
    /// Excluded folders the walk met where it would otherwise have read them (resolved):
    /// an output folder there holds sources.
    pub excluded_hits: Vec<PathBuf>,
}

impl ContentFolder {
    /// The content folder of the handbook at `root` with `config` and `layout`; `exclude` is the output
    /// folder of this build (resolved), never read whatever the layout.
    pub fn new(
        root: &Path,
        config: &Config,
        layout: &SourceLayout,
        exclude: Option<&Path>,
    ) -> ContentFolder {
        let dir = match layout {
            SourceLayout::MdBook(book) => root.join(&book.src),
            SourceLayout::MkDocs(site) => root.join(&site.docs_dir),
            SourceLayout::Handbook if root.join("content").is_dir() => root.join("content"),
            SourceLayout::Handbook => root.to_path_buf(),
        };
        let skip_top = if dir == root {
            vec![
                config.output.trim_end_matches('/').to_string(),
                "themes".into(),
                "target".into(),
                "node_modules".into(),
                CONFIG_FILE.into(),
            ]
        } else {
            Vec::new()
        };
        ContentFolder {
            root: root.to_path_buf(),
            root_real: safety::resolve(root),
            display_base: dir
                .strip_prefix(root)
                .unwrap_or(Path::new(""))
                .to_path_buf(),
            dir,
            skip_top,
            exclude: exclude.map(Path::to_path_buf).into_iter().collect(),
        }
    }

    /// Whether the content folder is the root itself (a plain folder of notes).
    pub fn is_plain(&self) -> bool {
        self.dir == self.root
    }

    fn skip_name(&self, rel: &Path, name: &str) -> bool {
        name.starts_with('.')
            || (rel.as_os_str().is_empty() && self.skip_top.iter().any(|s| s == name))
    }

    fn skip_entry(&self, e: &Entry, hits: &std::sync::Mutex<Vec<PathBuf>>) -> bool {
        if !e.is_dir {
            // (A link to a file of the output is not content either.)
            return is_editor_temp(e.name) || self.exclude.iter().any(|x| e.real.starts_with(x));
        }
        if crate::reserved::is_build_output(e.real) {
            return true;
        }
        if self.exclude.iter().any(|x| e.real.starts_with(x)) {
            hits.lock()
                .unwrap_or_else(|p| p.into_inner())
                .push(e.real.to_path_buf());
            return true;
        }
        false
    }

    /// Reads every content file (in parallel), keeping the walk order.
    pub fn read(&self) -> Read {
        let hits = std::sync::Mutex::new(Vec::new());
        let walked = safety::walk(
            &self.dir,
            &Walk {
                boundary: &self.root_real,
                display_base: &self.display_base,
                what: "the handbook",
                skip_name: &|rel, name| self.skip_name(rel, name),
                skip: &|e| self.skip_entry(e, &hits),
            },
        );
        let mut errors = walked.errors;
        let read: Vec<_> = walked
            .files
            .into_par_iter()
            .map(|f| (std::fs::read(&f.real), f.rel))
            .collect();
        let mut files = Vec::with_capacity(read.len());
        for (bytes, rel) in read {
            match bytes {
                Ok(bytes) => files.push(SourceFile { path: rel, bytes }),
                Err(e) => errors.push(
                    Diagnostic::error(self.display_base.join(&rel), 0, format!("cannot read: {e}"))
                        .with_hint("check the file's permissions"),
                ),
            }
        }
        Read {
            files,
            errors,
            excluded_hits: hits.into_inner().unwrap_or_else(|p| p.into_inner()),
        }
    }

    /// Whether the file at `path` (under the content folder, as given) is content the walk
    /// would read the same way: not hidden, not in a build output or a skipped folder, and
    /// resolving inside the root. A file that no longer exists is admitted (it was removed).
    pub fn admits(&self, path: &Path) -> bool {
        let Ok(rel) = path.strip_prefix(&self.dir) else {
            return false;
        };
        let mut folder = self.dir.clone();
        let mut parent = PathBuf::new();
        let names: Vec<String> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        for (i, name) in names.iter().enumerate() {
            if self.skip_name(&parent, name) {
                return false;
            }
            folder.push(name);
            parent.push(name);
            if i + 1 < names.len() && crate::reserved::is_build_output(&folder) {
                return false;
            }
        }
        match std::fs::canonicalize(path) {
            Ok(real) => {
                safety::check_inside(&real, &self.root_real).is_ok()
                    && !self.exclude.iter().any(|x| real.starts_with(x))
            }
            Err(e) => e.kind() == std::io::ErrorKind::NotFound,
        }
    }
}
