//! Load stage: the `Handbook` model (a tree of chapters and pages in reading order) and how it
//! is built from a content folder. No HTML is produced here.

pub mod frontmatter;
pub mod layout;
pub mod load;
pub mod mdbook;
pub mod mkdocs;
mod mkdocs_inherit;
mod mkdocs_nav;
pub mod nfc;
pub mod slug;
#[cfg(test)]
pub(crate) mod testing;
mod title;
pub mod walk;

pub use load::{SourceFile, load, load_excluding, load_from_files};

use crate::config::Config;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// How deep chapters may nest below the home page: the sidebar is drawn recursively (and
/// deeper trees overflowed a render thread's stack); no real handbook comes near it.
pub const MAX_NESTING: usize = 24;

/// What a page is in the tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PageKind {
    /// The home page (`content/_index.md`), always page 0.
    Home,
    /// A chapter's landing page (a folder).
    Chapter,
    /// An ordinary page.
    Page,
}

/// One page of the handbook.
#[derive(Debug, Clone)]
pub struct Page {
    /// Source path relative to the content folder (`01-alliance/02-bordin.md`); for a folder
    /// without a landing page, the folder itself.
    pub source: PathBuf,
    /// The path to name in diagnostics, relative to the handbook root.
    pub display_path: PathBuf,
    /// Output path relative to the site root, with `/` separators (`alliance/bordin.html`).
    pub out_path: String,
    /// The page title.
    pub title: String,
    /// Whether the title came from a front matter `title` or the first heading (false when it
    /// was made up from a file or folder name).
    pub has_title: bool,
    /// When the title came from a leading `# Heading`, that heading's 1-based line in `body`,
    /// so the renderer can leave it out (the theme prints the title).
    pub title_heading_line: Option<usize>,
    /// One-sentence description from front matter.
    pub description: String,
    /// Home, chapter or page.
    pub kind: PageKind,
    /// The Markdown body (front matter removed).
    pub body: String,
    /// The file line on which `body` starts (1-based).
    pub body_line: usize,
    /// The file line of each line of `body` when the body is not the file's text as written
    /// (mdBook's `{{#include}}` expanded); empty when body line `i` is file line
    /// `body_line + i`.
    pub line_map: Vec<usize>,
    /// Whether the page is listed in search.
    pub searchable: bool,
    /// Free-form front matter values for themes.
    pub extra: serde_json::Value,
    /// What the page assigns, when it is an assignment page.
    pub assignment: Option<frontmatter::AssignmentSpec>,
    /// Problems found while loading that do not stop the build (front matter values in curly
    /// quotes); reported with the page's render diagnostics.
    pub load_warnings: Vec<crate::error::Diagnostic>,
    /// The parent chapter (None only for the home page).
    pub parent: Option<usize>,
    /// Child pages and chapters, in order.
    pub children: Vec<usize>,
    /// Depth in the tree: home 0, top-level chapters and pages 1.
    pub depth: usize,
}

/// A non-Markdown file copied beside its page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asset {
    /// Source path relative to the content folder.
    pub source: PathBuf,
    /// Output path relative to the site root.
    pub out_path: String,
    /// The file's bytes.
    pub bytes: Vec<u8>,
}

/// The loaded handbook: configuration, pages in reading order (page 0 is home) and assets.
#[derive(Debug, Clone)]
pub struct Handbook {
    /// The handbook root (where `handbook.toml` is).
    pub root: PathBuf,
    /// The content folder (the root itself when there is no `content/`).
    pub content_dir: PathBuf,
    /// The settings.
    pub config: Config,
    /// Which kind of folder the root is (a handbook, an mdBook book, an MkDocs site).
    pub layout: layout::SourceLayout,
    /// Every page in reading order (depth-first); index 0 is the home page.
    pub pages: Vec<Page>,
    /// Every non-Markdown file.
    pub assets: Vec<Asset>,
    /// Page index by source path (relative to the content folder); folders map to their chapter.
    pub by_source: HashMap<PathBuf, usize>,
    /// Asset index by source path.
    pub asset_by_source: HashMap<PathBuf, usize>,
}

impl Handbook {
    /// The page whose source (relative to the content folder) is `path` (compared in NFC, see
    /// [`nfc`]).
    pub fn page_by_source(&self, path: &Path) -> Option<usize> {
        self.by_source.get(&*nfc::path(path)).copied()
    }

    /// The pages from home down to `index`'s parent.
    pub fn ancestors(&self, index: usize) -> Vec<usize> {
        let mut chain = Vec::new();
        let mut cur = self.pages[index].parent;
        while let Some(p) = cur {
            chain.push(p);
            cur = self.pages[p].parent;
        }
        chain.reverse();
        chain
    }
}

/// The relative URL from the page at `from` (an output path) to the output path `to`.
pub fn relative_url(from: &str, to: &str) -> String {
    let from_dirs: Vec<&str> = from.split('/').collect();
    let from_dirs = &from_dirs[..from_dirs.len() - 1];
    let to_parts: Vec<&str> = to.split('/').collect();
    let common = from_dirs
        .iter()
        .zip(to_parts.iter())
        .take_while(|(a, b)| a == b)
        .count()
        .min(to_parts.len() - 1);
    let mut url = "../".repeat(from_dirs.len() - common);
    url.push_str(&to_parts[common..].join("/"));
    url
}

/// The prefix from the page at `out_path` to the site root (`""`, `"../"`, ...).
pub fn root_prefix(out_path: &str) -> String {
    "../".repeat(out_path.matches('/').count())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_urls() {
        assert_eq!(relative_url("index.html", "a/b.html"), "a/b.html");
        assert_eq!(relative_url("a/b.html", "a/c.html"), "c.html");
        assert_eq!(relative_url("a/b.html", "index.html"), "../index.html");
        assert_eq!(relative_url("a/b/c.html", "a/d/e.html"), "../d/e.html");
        assert_eq!(relative_url("a/b.html", "a/b.html"), "b.html");
        assert_eq!(relative_url("a/x/index.html", "a/x.png"), "../x.png");
        assert_eq!(root_prefix("a/b/c.html"), "../../");
        assert_eq!(root_prefix("index.html"), "");
    }
}
