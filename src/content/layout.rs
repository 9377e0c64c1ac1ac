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

/// The warning for a handbook without an `id` (stored under `id`, derived from the title): at
/// `handbook.toml` when there is one, else at the file the title came from (`book.toml`,
/// `mkdocs.yml`) or at no file, saying to create `handbook.toml` with the line to add.
pub fn missing_id_warning(root: &Path, layout: &SourceLayout, id: &str) -> Diagnostic {
    let config = crate::config::CONFIG_FILE;
    let line_of = |file: &Path, key: &str, yaml: bool| {
        std::fs::read_to_string(root.join(file)).map_or(0, |text| {
            text.lines()
                .position(|l| {
                    let rest = l.trim_start().strip_prefix(key).map(str::trim_start);
                    rest.is_some_and(|r| r.starts_with(if yaml { ':' } else { '=' }))
                })
                .map_or(0, |i| i + 1)
        })
    };
    if root.join(config).is_file() {
        return Diagnostic::warning(
            config,
            line_of(Path::new(config), "title", false),
            format!("no `id` in {config}: learners' progress is stored under `{id}`, derived from the title"),
        )
        .with_hint(format!(
            "set `id` so that a change of title keeps learners' progress: add `id = \"{id}\"` and never change it"
        ));
    }
    let (path, line, beside) = match layout {
        SourceLayout::MdBook(_) => {
            let file = Path::new(mdbook::book_toml::BOOK_FILE);
            (
                file.to_path_buf(),
                line_of(file, "title", false),
                format!(" beside {}", file.display()),
            )
        }
        SourceLayout::MkDocs(site) => (
            site.file.clone(),
            line_of(
                &site.file,
                "site_name",
                site.file.extension().is_some_and(|e| e != "toml"),
            ),
            format!(" beside {}", site.file.display()),
        ),
        SourceLayout::Handbook => (std::path::PathBuf::new(), 0, String::new()),
    };
    Diagnostic::warning(
        path,
        line,
        format!("no `id` (there is no {config}): learners' progress is stored under `{id}`, derived from the title"),
    )
    .with_hint(format!(
        "create {config}{beside} holding the line `id = \"{id}\"`, and never change it, so that a change of title keeps learners' progress"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_missing_id_warning_names_a_file_that_exists() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let plain = missing_id_warning(root, &SourceLayout::Handbook, "notes");
        assert_eq!(plain.path, Path::new(""));
        assert!(
            plain.message.contains("there is no handbook.toml"),
            "{plain}"
        );
        assert!(
            plain
                .hint
                .as_deref()
                .unwrap_or("")
                .contains("create handbook.toml holding the line `id = \"notes\"`")
        );

        std::fs::write(root.join("book.toml"), "[book]\ntitle = \"B\"\n").unwrap();
        let book = missing_id_warning(
            root,
            &SourceLayout::MdBook(Box::new(mdbook::BookToml {
                src: "src".into(),
                warnings: Vec::new(),
            })),
            "b",
        );
        assert_eq!(
            (book.path.as_path(), book.line),
            (Path::new("book.toml"), 2)
        );
        assert!(
            book.hint
                .as_deref()
                .unwrap_or("")
                .contains("create handbook.toml beside book.toml")
        );

        std::fs::write(root.join("mkdocs.yml"), "# site\nsite_name: M\n").unwrap();
        let site = mkdocs::Site {
            file: "mkdocs.yml".into(),
            ..Default::default()
        };
        let w = missing_id_warning(root, &SourceLayout::MkDocs(Box::new(site)), "m");
        assert_eq!((w.path.as_path(), w.line), (Path::new("mkdocs.yml"), 2));

        std::fs::write(root.join("handbook.toml"), "\ntitle = \"H\"\n").unwrap();
        let w = missing_id_warning(root, &SourceLayout::Handbook, "h");
        assert_eq!((w.path.as_path(), w.line), (Path::new("handbook.toml"), 2));
        assert!(w.message.starts_with("no `id` in handbook.toml"), "{w}");
    }
}
