//! Which kind of folder a handbook root is, decided once when the settings are read
//! ([`crate::config::Config::load`]) and carried in [`crate::config::Config::layout`]: the
//! content walk and the loader branch on it.

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
