//! `book.toml`: an mdBook book's settings, read into the handbook's [`Config`]. `[book]`
//! gives the title, description, authors, language and the `src` folder; a `handbook.toml`
//! beside it wins wherever both say something. Tables the handbook does not use
//! (`[preprocessor.*]`, `[output.*]`, `[rust]`) get one warning each.

use crate::config::{CONFIG_FILE, Config, Severity};
use crate::error::{Diagnostic, line_col};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};
use toml::Spanned;

/// The name of an mdBook book's settings file.
pub const BOOK_FILE: &str = "book.toml";

/// What the loader needs from `book.toml` once it has been read.
#[derive(Debug, Clone, PartialEq)]
pub struct BookToml {
    /// The source folder, relative to the root (`[book] src`, default `src`).
    pub src: PathBuf,
    /// Warnings about settings the handbook does not use (reported with the home page).
    pub warnings: Vec<Diagnostic>,
}

/// `[book]` as mdBook writes it; other keys (`multilingual`, `text-direction`) are ignored.
#[derive(Deserialize, Default)]
#[serde(default)]
struct RawBook {
    title: Option<Spanned<String>>,
    description: Option<Spanned<String>>,
    authors: Option<Spanned<Vec<String>>>,
    language: Option<Spanned<String>>,
    src: Option<Spanned<String>>,
}

/// The parts of `book.toml` the handbook reads or warns about; the rest (`[build]`, ...) is
/// ignored.
#[derive(Deserialize, Default)]
#[serde(default)]
struct RawBookToml {
    book: RawBook,
    preprocessor: BTreeMap<String, Spanned<toml::Value>>,
    output: BTreeMap<String, Spanned<toml::Value>>,
    rust: Option<Spanned<toml::Value>>,
}

/// The settings `book.toml` gives, before `handbook.toml` is laid over them.
#[derive(Debug, Default, PartialEq)]
pub struct BookSettings {
    /// `[book] title`.
    pub title: Option<String>,
    /// `[book] description`.
    pub description: Option<String>,
    /// `[book] authors`.
    pub authors: Option<Vec<String>>,
    /// `[book] language`.
    pub language: Option<String>,
    /// `[book] src` (default `src`) and its line (0 when not written).
    pub src: (String, usize),
    /// One warning per table the handbook does not use.
    pub warnings: Vec<Diagnostic>,
}

/// Parses the text of `book.toml` (named `path` in diagnostics).
pub fn parse(text: &str, path: &Path) -> Result<BookSettings, Vec<Diagnostic>> {
    let raw: RawBookToml = toml::from_str(text).map_err(|e| {
        let (line, column) = e.span().map_or((0, 0), |s| line_col(text, s.start));
        vec![
            Diagnostic::error(path, line, e.message().trim().to_string())
                .with_column(column)
                .with_hint("check the TOML syntax of book.toml: strings in quotes, `authors = [\"...\"]` a list"),
        ]
    })?;
    let line = |span: std::ops::Range<usize>| line_col(text, span.start).0;
    let mut warnings = Vec::new();
    for (name, table) in &raw.preprocessor {
        // The handbook does the work of mdBook's own `links` and `index` preprocessors.
        if name == "links" || name == "index" {
            continue;
        }
        warnings.push(
            Diagnostic::warning(
                path,
                header_line(text, &format!("preprocessor.{name}"), line(table.span())),
                format!("`[preprocessor.{name}]` is not run: the handbook does not run mdBook preprocessors"),
            )
            .with_hint("the pages are built without it; remove the table to silence this warning, or do its work in the Markdown"),
        );
    }
    for (name, table) in &raw.output {
        let why = if name == "html" {
            "the handbook renders pages with its own theme, so mdBook's HTML options (theme, CSS, playground, search, ...) are not used"
        } else {
            "the handbook writes only its own HTML site"
        };
        warnings.push(
            Diagnostic::warning(
                path,
                header_line(text, &format!("output.{name}"), line(table.span())),
                format!("`[output.{name}]` is ignored: {why}"),
            )
            .with_hint("set the handbook's own options (branding, search, ...) in a handbook.toml beside book.toml; remove the table to silence this warning"),
        );
    }
    if let Some(rust) = &raw.rust {
        warnings.push(
            Diagnostic::warning(
                path,
                header_line(text, "rust", line(rust.span())),
                "`[rust]` is ignored: the handbook does not test or run Rust code",
            )
            .with_hint("remove the table to silence this warning"),
        );
    }
    let book = raw.book;
    let src = book
        .src
        .map(|s| {
            let l = line(s.span());
            (s.into_inner(), l)
        })
        .unwrap_or_else(|| ("src".to_string(), 0));
    Ok(BookSettings {
        title: book.title.map(Spanned::into_inner),
        description: book.description.map(Spanned::into_inner),
        authors: book.authors.map(Spanned::into_inner),
        language: book.language.map(Spanned::into_inner),
        src,
        warnings,
    })
}

/// The line of the table header `[name]` (or `[name.`), else `fallback`.
fn header_line(text: &str, name: &str, fallback: usize) -> usize {
    let open = format!("[{name}]");
    let nested = format!("[{name}.");
    text.lines()
        .position(|l| {
            let l = l.trim_start();
            l.starts_with(&open) || l.starts_with(&nested)
        })
        .map_or(fallback, |i| i + 1)
}

/// When `root` holds `book.toml`: reads it into `config` (under what `handbook_toml`, the
/// text of a `handbook.toml` beside it, already set) and returns the book's layout. Broken
/// internal links become warnings, as in mdBook, unless `handbook.toml` sets
/// `[links] broken`. `None` without `book.toml`.
pub fn apply(
    root: &Path,
    config: &mut Config,
    handbook_toml: Option<&str>,
) -> Result<Option<BookToml>, Vec<Diagnostic>> {
    let path = root.join(BOOK_FILE);
    if !path.is_file() {
        return Ok(None);
    }
    let display = Path::new(BOOK_FILE);
    let bytes = std::fs::read(&path)
        .map_err(|e| vec![Diagnostic::error(display, 0, format!("cannot read: {e}"))])?;
    let text = String::from_utf8(bytes).map_err(|_| {
        vec![
            Diagnostic::error(display, 0, "the file is not valid UTF-8")
                .with_hint("save it as UTF-8 in your editor"),
        ]
    })?;
    let book = parse(&text, display)?;
    let set: toml::Table = handbook_toml
        .and_then(|t| toml::from_str(t).ok())
        .unwrap_or_default();
    if !set.contains_key("title")
        && let Some(t) = book.title.filter(|t| !t.trim().is_empty())
    {
        config.title = t.trim().to_string();
    }
    if !set.contains_key("description")
        && let Some(d) = book.description
    {
        config.description = d.trim().to_string();
    }
    if !set.contains_key("authors")
        && let Some(a) = book.authors
    {
        config.authors = a;
    }
    if !set.contains_key("language")
        && let Some(l) = book.language.filter(|l| !l.trim().is_empty())
    {
        config.language = l.trim().to_string();
    }
    let links_set = set
        .get("links")
        .and_then(toml::Value::as_table)
        .is_some_and(|t| t.contains_key("broken"));
    if !links_set {
        config.links.broken = Severity::Warn;
    }
    let src = source_folder(root, &book.src.0)
        .map_err(|why| vec![src_error(display, book.src.1, &book.src.0, why)])?;
    Ok(Some(BookToml {
        src,
        warnings: book.warnings,
    }))
}

/// `[book] src` as a folder relative to the root, checked: relative, inside the root, there.
fn source_folder(root: &Path, src: &str) -> Result<PathBuf, &'static str> {
    let mut rel = PathBuf::new();
    for c in Path::new(src.trim()).components() {
        match c {
            Component::Normal(n) => rel.push(n),
            Component::CurDir => {}
            _ => return Err("must be a folder inside the book (no `..`, not an absolute path)"),
        }
    }
    let real = crate::safety::resolve(&root.join(&rel));
    if crate::safety::check_inside(&real, &crate::safety::resolve(root)).is_err() {
        return Err("points outside the book (through a link)");
    }
    if !real.is_dir() {
        return Err("is not a folder");
    }
    Ok(rel)
}

fn src_error(display: &Path, line: usize, src: &str, why: &str) -> Diagnostic {
    Diagnostic::error(display, line, format!("`src = \"{src}\"` {why}"))
        .with_hint(format!(
            "create the folder with SUMMARY.md and the chapters in it, or set `[book] src` to it; {CONFIG_FILE} cannot point elsewhere"
        ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn book_settings_and_warnings() {
        let text = "[book]\ntitle = \"Guide\"\nauthors = [\"A\", \"B\"]\nlanguage = \"nl\"\nsrc = \"text\"\nmultilingual = false\n\n[build]\nbuild-dir = \"out\"\n\n[preprocessor.links]\n\n[preprocessor.mermaid]\ncommand = \"mdbook-mermaid\"\n\n[output.html]\ngit-repository-url = \"x\"\n[output.html.playground]\nrunnable = false\n\n[rust]\nedition = \"2021\"\n";
        let b = parse(text, Path::new("book.toml")).unwrap();
        assert_eq!(b.title.as_deref(), Some("Guide"));
        assert_eq!(b.authors, Some(vec!["A".into(), "B".into()]));
        assert_eq!(b.language.as_deref(), Some("nl"));
        assert_eq!(b.src, ("text".into(), 5));
        let lines: Vec<(usize, &str)> = b
            .warnings
            .iter()
            .map(|d| (d.line, d.message.split(':').next().unwrap_or("")))
            .collect();
        assert_eq!(
            lines,
            [
                (13, "`[preprocessor.mermaid]` is not run"),
                (16, "`[output.html]` is ignored"),
                (21, "`[rust]` is ignored"),
            ]
        );
    }

    #[test]
    fn wrong_types_and_syntax_name_the_line() {
        let e = parse(
            "[book]\ntitle = \"A\"\nauthors = \"me\"\n",
            Path::new("book.toml"),
        )
        .unwrap_err();
        assert_eq!(e[0].line, 3, "{}", e[0]);
        let e = parse("[book\ntitle = 1\n", Path::new("book.toml")).unwrap_err();
        assert_eq!(e[0].line, 1, "{}", e[0]);
        let b = parse("", Path::new("book.toml")).unwrap();
        assert_eq!(b.src, ("src".into(), 0));
    }

    #[test]
    fn handbook_toml_wins_and_links_warn_by_default() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("src")).unwrap();
        std::fs::write(
            dir.path().join(BOOK_FILE),
            "[book]\ntitle = \"Book\"\ndescription = \"From book\"\nlanguage = \"de\"\n",
        )
        .unwrap();
        let hb = "title = \"Handbook\"\n";
        let mut c = Config::parse(hb, Path::new(CONFIG_FILE)).unwrap();
        let book = apply(dir.path(), &mut c, Some(hb)).unwrap();
        assert_eq!(c.title, "Handbook");
        assert_eq!(c.description, "From book");
        assert_eq!(c.language, "de");
        assert_eq!(c.links.broken, Severity::Warn);
        assert!(book.is_some_and(|b| b.src == Path::new("src")));
        let hb = "[links]\nbroken = \"error\"\n";
        let mut c = Config::parse(hb, Path::new(CONFIG_FILE)).unwrap();
        apply(dir.path(), &mut c, Some(hb)).unwrap();
        assert_eq!(c.links.broken, Severity::Error);
        assert_eq!(c.title, "Book");
    }

    #[test]
    fn src_must_be_a_folder_inside() {
        let dir = tempfile::tempdir().unwrap();
        for (src, why) in [
            ("../elsewhere", "no `..`"),
            ("/etc", "no `..`"),
            ("missing", "is not a folder"),
        ] {
            std::fs::write(
                dir.path().join(BOOK_FILE),
                format!("[book]\nsrc = \"{src}\"\n"),
            )
            .unwrap();
            let e = apply(dir.path(), &mut Config::default(), None).unwrap_err();
            assert_eq!(e[0].line, 2);
            assert!(e[0].message.contains(why), "{}", e[0].message);
        }
    }
}
