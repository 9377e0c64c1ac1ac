//! Which kind of folder a handbook root is, decided once when the settings are read
//! ([`settings`]) and carried in [`Settings::layout`] and then [`super::Handbook::layout`]:
//! the content walk and the loader branch on it. `config` holds only what `handbook.toml`
//! says; the layout, and the settings another tool's file adds under it, are found here.

use super::{mdbook, mkdocs, slug};
use crate::config::Config;
use crate::error::Diagnostic;
use std::path::Path;

/// How the pages of a root are found and ordered.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum SourceLayout {
    /// A handbook: `content/` (or, without one, the root itself as a plain folder of Markdown),
    /// ordered by front matter `weight`, numeric file-name prefixes and titles.
    #[default]
    Handbook,
    /// An mdBook book: `book.toml`, its `src` folder and `SUMMARY.md`, which gives the pages
    /// and their order (see [`super::mdbook`]).
    MdBook(Box<super::mdbook::BookToml>),
    /// An MkDocs / Material / Zensical site: `mkdocs.yml` (or `zensical.toml`), its
    /// `docs_dir`, and its `nav`, which gives the order (see [`super::mkdocs`]).
    MkDocs(Box<super::mkdocs::Site>),
}

/// A root's settings as the loader uses them: `handbook.toml` with what another tool's
/// configuration beside it adds, and the layout.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Settings {
    /// The settings (`handbook.toml` first, then `book.toml` or `mkdocs.yml`, then defaults).
    pub config: Config,
    /// Which kind of folder the root is.
    pub layout: SourceLayout,
}

impl From<Config> for Settings {
    /// A handbook's settings (the [`SourceLayout::Handbook`] layout).
    fn from(config: Config) -> Settings {
        Settings {
            config,
            layout: SourceLayout::Handbook,
        }
    }
}

/// Reads the settings of the root at `root`: `handbook.toml` (or the defaults), then an mdBook
/// book's `book.toml` or, failing that, an MkDocs site's configuration, each under what
/// `handbook.toml` says; the title defaults to the folder name.
pub fn settings(root: &Path) -> Result<Settings, Vec<Diagnostic>> {
    let (mut config, text) = Config::read(root)?;
    // An mdBook book (`book.toml`) wins over an MkDocs file beside it.
    let layout = match mdbook::book_toml::apply(root, &mut config, text.as_deref())? {
        Some(book) => SourceLayout::MdBook(Box::new(book)),
        None => match mkdocs::detect(root, &mut config, text.as_deref())? {
            Some(site) => SourceLayout::MkDocs(Box::new(site)),
            None => SourceLayout::Handbook,
        },
    };
    if config.title.trim().is_empty() {
        config.title = folder_title(root);
    }
    Ok(Settings { config, layout })
}

/// A readable title made from a folder or file name: prefix and separators removed, first
/// letter upper-cased.
pub fn folder_title(path: &Path) -> String {
    let name = path
        .canonicalize()
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .or_else(|| path.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| "Handbook".into());
    slug::title_from_name(&name)
}
