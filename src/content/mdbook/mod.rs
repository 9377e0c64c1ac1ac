//! mdBook books: a folder with `book.toml` is read as mdBook reads it. `SUMMARY.md` in the
//! source folder gives the pages, their titles, nesting and reading order; files it does not
//! list are not pages. The first chapter (when it has no sub-chapters) is the home page; a
//! `README.md` is its folder's `index.html`; a `# Part` title (and a draft chapter with
//! sub-chapters) becomes a chapter page listing its chapters. `{{#include}}` and the other
//! helpers are expanded by [`mod@include`].

pub mod book_toml;
mod chapter;
pub mod include;
pub mod summary;

pub use book_toml::BookToml;

use super::layout::SourceLayout;
use super::load::{LANDING_NAMES, SourceFile, out_dir_of, reserved_clashes};
use super::slug::slugify;
use super::{Asset, Handbook, Page, PageKind};
use crate::config::Config;
use crate::error::Diagnostic;
use chapter::Parsed;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use summary::{Chapter, Item};

pub use super::MAX_NESTING;

/// The summary file of a book, in its source folder.
pub const SUMMARY_FILE: &str = "SUMMARY.md";

/// Builds the `Handbook` of an mdBook book from its source folder's files (paths relative to
/// `content_dir`, the `[book] src` folder).
pub fn load(
    config: Config,
    book: Box<BookToml>,
    root: &Path,
    content_dir: &Path,
    display_base: &Path,
    files: Vec<SourceFile>,
) -> Result<Handbook, Vec<Diagnostic>> {
    let summary_display = display_base.join(SUMMARY_FILE);
    let mut files: BTreeMap<PathBuf, Vec<u8>> =
        files.into_iter().map(|f| (f.path, f.bytes)).collect();
    let Some(bytes) = files.remove(Path::new(SUMMARY_FILE)) else {
        return Err(vec![
            Diagnostic::error(&summary_display, 0, format!("this mdBook book has no {}", summary_display.display()))
                .with_hint("mdBook and the handbook read the chapters and their order from SUMMARY.md in the source folder: create it with one line per chapter, `- [Title](file.md)`"),
        ]);
    };
    let Ok(text) = String::from_utf8(bytes) else {
        return Err(vec![
            Diagnostic::error(&summary_display, 0, "the file is not valid UTF-8")
                .with_hint("save the file as UTF-8 in your editor"),
        ]);
    };
    let (parsed, problems) = summary::parse(&text, &summary_display);
    let mut b = Builder {
        config: &config,
        root_real: crate::safety::resolve(root),
        display_base,
        summary: summary_display,
        files: &files,
        pages: Vec::new(),
        by_source: HashMap::new(),
        out_owner: HashMap::new(),
        errors: Vec::new(),
        warnings: book.warnings.clone(),
        listed: HashMap::new(),
        included: HashSet::new(),
        unused: BTreeMap::new(),
        foreign: Default::default(),
    };
    for p in problems {
        if p.is_warning() {
            b.warnings.push(p);
        } else {
            b.errors.push(p);
        }
    }
    b.build(&parsed.items);
    b.list_bodies();
    b.finish_warnings();
    let assets = b.assets();
    b.errors.extend(reserved_clashes(&b.out_owner));
    if !b.errors.is_empty() {
        return Err(b.errors);
    }
    let mut warnings = std::mem::take(&mut b.warnings);
    warnings.extend(std::mem::take(&mut b.foreign).warnings());
    let (mut pages, by_source) = (b.pages, b.by_source);
    pages[0].load_warnings.extend(warnings);
    let asset_by_source = assets
        .iter()
        .enumerate()
        .map(|(i, a)| (a.source.clone(), i))
        .collect();
    Ok(Handbook {
        root: root.to_path_buf(),
        content_dir: content_dir.to_path_buf(),
        config,
        layout: SourceLayout::MdBook(book),
        pages,
        assets,
        by_source,
        asset_by_source,
    })
}

/// The state while the pages are laid out.
struct Builder<'a> {
    config: &'a Config,
    /// The book root, resolved: includes stay inside it.
    root_real: PathBuf,
    display_base: &'a Path,
    summary: PathBuf,
    files: &'a BTreeMap<PathBuf, Vec<u8>>,
    pages: Vec<Page>,
    by_source: HashMap<PathBuf, usize>,
    out_owner: HashMap<String, PathBuf>,
    errors: Vec<Diagnostic>,
    /// Book-wide warnings, reported with the home page.
    warnings: Vec<Diagnostic>,
    /// The chapter files listed so far, with their SUMMARY.md line.
    listed: HashMap<PathBuf, usize>,
    /// Files pulled in by `{{#include}}` (relative to the root).
    included: HashSet<PathBuf>,
    /// Helpers the handbook does not expand: name -> (uses, first use, its page).
    unused: BTreeMap<String, (usize, include::Unused, usize)>,
    /// Front-matter keys of other tools, for one warning per key.
    foreign: crate::content::frontmatter::ForeignKeys,
}

impl Builder<'_> {
    /// Lays out the home page and then every item of the summary in order.
    fn build(&mut self, items: &[Item]) {
        let mut items: Vec<&Item> = items.iter().collect();
        // The first chapter is the home page when it has a file and no sub-chapters.
        let first = items
            .iter()
            .position(|i| !matches!(i, Item::Separator { .. }));
        let home = first.and_then(|at| match items[at] {
            Item::Chapter(c) if c.children.is_empty() && c.path.is_some() => Some((at, c)),
            _ => None,
        });
        let home_done = match home {
            Some((at, c)) => {
                items.remove(at);
                self.file_page(c, None, 0, Some("index.html".into()))
                    .is_some()
            }
            None => false,
        };
        if !home_done {
            self.group_page(self.config.title.clone(), None, 0, None);
        }
        self.by_source.insert(PathBuf::new(), 0);
        for item in items {
            match item {
                Item::Chapter(c) => self.chapter(c, 0, 1),
                Item::Part {
                    title,
                    line,
                    chapters,
                } => {
                    let index = self.group_page(title.clone(), Some(0), 1, Some(*line));
                    self.pages[0].children.push(index);
                    for c in chapters {
                        self.chapter(c, index, 2);
                    }
                }
                Item::Separator { .. } => {}
            }
        }
    }

    /// Adds chapter `c` (and its sub-chapters) under page `parent`.
    fn chapter(&mut self, c: &Chapter, parent: usize, depth: usize) {
        if depth > MAX_NESTING {
            self.errors.push(
                Diagnostic::error(&self.summary, c.line, format!("chapter `{}` is nested {depth} levels deep; a book may nest chapters {MAX_NESTING} deep", c.title))
                    .with_hint("move it, and the chapters under it, up a level or more in SUMMARY.md"),
            );
            return;
        }
        let index = match &c.path {
            Some(_) => self.file_page(c, Some(parent), depth, None),
            None if c.children.is_empty() => {
                self.warnings.push(
                    Diagnostic::warning(
                        &self.summary,
                        c.line,
                        format!(
                            "draft chapter `{}` is left out: it has no file yet",
                            c.title
                        ),
                    )
                    .with_hint(format!(
                        "when it is written, link it: `[{}](file.md)`",
                        c.title
                    )),
                );
                None
            }
            None => {
                self.warnings.push(
                    Diagnostic::warning(&self.summary, c.line, format!("draft chapter `{}` has no file: it becomes a page listing its sub-chapters", c.title))
                        .with_hint(format!("write the chapter and link it, `[{}](file.md)`", c.title)),
                );
                Some(self.group_page(c.title.clone(), Some(parent), depth, Some(c.line)))
            }
        };
        // A chapter left out (a draft, a missing or repeated file) passes its sub-chapters up.
        let (here, child_depth) = match index {
            Some(i) => {
                self.pages[parent].children.push(i);
                (i, depth + 1)
            }
            None => (parent, depth),
        };
        for child in &c.children {
            self.chapter(child, here, child_depth);
        }
        if let Some(i) = index
            && !self.pages[i].children.is_empty()
            && self.pages[i].kind == PageKind::Page
        {
            self.pages[i].kind = PageKind::Chapter;
        }
    }

    /// Adds the page of a chapter with a file; `None` when it cannot be (missing, repeated,
    /// a draft by its front matter).
    fn file_page(
        &mut self,
        c: &Chapter,
        parent: Option<usize>,
        depth: usize,
        out: Option<String>,
    ) -> Option<usize> {
        let written = c.path.as_deref().unwrap_or_default();
        let Some(source) = normalize(written) else {
            self.errors.push(
                Diagnostic::error(&self.summary, c.line, format!("chapter `{}` points outside the source folder: `{written}`", c.title))
                    .with_hint("chapter files are inside the source folder; paths in SUMMARY.md are relative to it"),
            );
            return None;
        };
        if let Some(first) = self.listed.get(&source) {
            self.warnings.push(
                Diagnostic::warning(
                    &self.summary,
                    c.line,
                    format!("`{written}` is already a chapter (line {first}); it is left out here"),
                )
                .with_hint("a file is one page: list it once in SUMMARY.md"),
            );
            return None;
        }
        self.listed.insert(source.clone(), c.line);
        let Some(bytes) = self.files.get(&source) else {
            self.errors.push(self.missing(c, written));
            return None;
        };
        let display = self.display_base.join(&source);
        let parsed = match chapter::parse(
            bytes,
            &display,
            &self.root_real,
            self.display_base,
            self.files,
        ) {
            Ok(p) => p,
            Err(e) => {
                self.errors.extend(e);
                return None;
            }
        };
        self.foreign.add(&display, &parsed.foreign);
        if parsed.draft {
            return None;
        }
        let mut out_path = out.unwrap_or_else(|| page_out_path(&source, parsed.slug.as_deref()));
        // A top-level README.md or index.md after a first chapter that took `index.html` (mdBook
        // writes both there, the later one winning): the later one gets its own name.
        if out_path == "index.html" && self.out_owner.contains_key(&out_path) {
            let stem = source.file_stem().map(|s| s.to_string_lossy().into_owned());
            out_path = self.free_out_path(&slugify(&stem.unwrap_or_default()));
        }
        Some(self.push(c, source, display, out_path, parent, depth, parsed))
    }

    fn missing(&self, c: &Chapter, written: &str) -> Diagnostic {
        let base = self.display_base.display();
        Diagnostic::error(
            &self.summary,
            c.line,
            format!("chapter `{}` links to `{written}`, which is not in {base}/", c.title),
        )
        .with_hint(format!(
            "create {base}/{written}, correct the path (relative to {base}/), or write `[{}]()` to keep it as a draft",
            c.title
        ))
    }

    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        c: &Chapter,
        source: PathBuf,
        display: PathBuf,
        out_path: String,
        parent: Option<usize>,
        depth: usize,
        parsed: Parsed,
    ) -> usize {
        if let Some(owner) = self.out_owner.get(&out_path) {
            self.errors.push(
                Diagnostic::error(&self.summary, c.line, format!("`{}` would be written to `{out_path}`, as {} is", source.display(), owner.display()))
                    .with_hint("two chapters end up at the same address: rename one of the files, or give it a `slug` in front matter"),
            );
        }
        self.out_owner.insert(out_path.clone(), display.clone());
        let index = self.pages.len();
        let title = parsed.title.clone().unwrap_or_else(|| c.title.clone());
        let title_heading_line = parsed.heading_line(&title);
        for u in parsed.unused {
            let entry = self.unused.entry(u.name.clone()).or_insert((0, u, index));
            entry.0 += 1;
        }
        self.included.extend(parsed.included);
        if is_landing(&source) {
            let folder = source.parent().unwrap_or(Path::new("")).to_path_buf();
            self.by_source.entry(folder).or_insert(index);
        }
        self.by_source.insert(source.clone(), index);
        self.pages.push(Page {
            source,
            display_path: display,
            out_path,
            title,
            has_title: true,
            title_heading_line,
            description: parsed.description,
            kind: if parent.is_none() {
                PageKind::Home
            } else {
                PageKind::Page
            },
            body: parsed.body,
            body_line: parsed.body_line,
            line_map: parsed.line_map,
            searchable: parsed.searchable,
            extra: parsed.extra,
            assignment: parsed.assignment,
            load_warnings: parsed.warnings,
            parent,
            children: Vec::new(),
            depth,
        });
        index
    }

    /// Adds a page that only lists its chapters (a part title, a draft with sub-chapters, or
    /// a home page for a book that does not start with a plain chapter); returns its index.
    /// The list is written by [`Builder::list_bodies`] once the chapters are known.
    fn group_page(
        &mut self,
        title: String,
        parent: Option<usize>,
        depth: usize,
        line: Option<usize>,
    ) -> usize {
        let index = self.pages.len();
        let out_path = match parent {
            None => "index.html".to_string(),
            Some(_) => self.free_out_path(&slugify(&title)),
        };
        self.out_owner
            .insert(out_path.clone(), self.summary.clone());
        let line = line.unwrap_or(1);
        let source = PathBuf::from(format!(
            "{SUMMARY_FILE}#{}",
            out_path.trim_end_matches(".html")
        ));
        self.pages.push(Page {
            source: source.clone(),
            display_path: self.summary.clone(),
            out_path,
            title,
            has_title: true,
            title_heading_line: None,
            description: String::new(),
            kind: if parent.is_none() {
                PageKind::Home
            } else {
                PageKind::Chapter
            },
            line_map: Vec::new(),
            body: String::new(),
            body_line: line,
            searchable: true,
            extra: serde_json::Value::Null,
            assignment: None,
            load_warnings: Vec::new(),
            parent,
            children: Vec::new(),
            depth,
        });
        self.by_source.insert(source, index);
        index
    }

    /// Writes the body of every page made by [`Builder::group_page`] below the home page: a
    /// list of its chapters (the home page has the theme's chapter list already).
    fn list_bodies(&mut self) {
        for i in 1..self.pages.len() {
            if !is_group(&self.pages[i]) {
                continue;
            }
            let mut body = String::new();
            for &c in &self.pages[i].children {
                let child = &self.pages[c];
                let target = if is_group(child) {
                    format!("/{}", child.out_path)
                } else {
                    format!("/{}", child.source.display())
                };
                body.push_str(&format!("- [{}](<{target}>)\n", escape(&child.title)));
            }
            let lines = body.lines().count() + 1;
            let page = &mut self.pages[i];
            page.line_map = vec![page.body_line; lines];
            page.body = body;
        }
    }

    /// `slug.html` at the top, or `slug-2.html`, ... when a chapter (found in the summary)
    /// or a generated file has that address.
    fn free_out_path(&self, slug: &str) -> String {
        let taken: HashSet<String> = self
            .files
            .keys()
            .filter(|p| is_md(p))
            .map(|p| page_out_path(p, None))
            .collect();
        (1..)
            .map(|n| match n {
                1 => format!("{slug}.html"),
                n => format!("{slug}-{n}.html"),
            })
            .find(|o| {
                !taken.contains(o)
                    && !self.out_owner.contains_key(o)
                    && crate::reserved::reserved(o).is_none()
            })
            .unwrap_or_default()
    }

    /// One warning per helper the handbook does not expand, and one for Markdown files that
    /// are in neither SUMMARY.md nor an include.
    fn finish_warnings(&mut self) {
        for (name, (count, first, page)) in std::mem::take(&mut self.unused) {
            let (what, hint) = if name == "title" {
                (
                    "is removed: the page's title is its SUMMARY.md entry (or `title` in front matter)",
                    "set `title` in the page's front matter to change it",
                )
            } else {
                (
                    "is left as written: it is an mdBook helper the handbook does not expand",
                    "replace it with the text it stands for",
                )
            };
            let times = if count == 1 {
                String::new()
            } else {
                format!(" ({count} uses; the first is here)")
            };
            self.pages[page].load_warnings.push(
                Diagnostic::warning(
                    &first.path,
                    first.line,
                    format!("`{{{{#{name} ...}}}}` {what}{times}"),
                )
                .with_hint(hint),
            );
        }
        let unlisted: Vec<String> = self
            .files
            .keys()
            .filter(|p| is_md(p) && !self.listed.contains_key(*p))
            .filter(|p| !self.included.contains(&self.display_base.join(p)))
            .map(|p| p.display().to_string())
            .collect();
        if !unlisted.is_empty() {
            let shown: Vec<&str> = unlisted.iter().take(5).map(String::as_str).collect();
            let more = unlisted.len().saturating_sub(shown.len());
            let more = if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            };
            self.warnings.push(
                Diagnostic::warning(
                    &self.summary,
                    0,
                    format!(
                        "{} not in SUMMARY.md, so not a page (as in mdBook): {}{more}",
                        files_are(unlisted.len()),
                        shown.join(", ")
                    ),
                )
                .with_hint("list a file in SUMMARY.md to publish it, or remove it"),
            );
        }
    }

    /// The files copied as they are: everything in the source folder but Markdown (as mdBook
    /// copies them).
    fn assets(&mut self) -> Vec<Asset> {
        let mut out = Vec::new();
        for (path, bytes) in self.files {
            if is_md(path) || self.listed.contains_key(path) {
                continue;
            }
            let dir = path.parent().unwrap_or(Path::new(""));
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let out_path = format!("{}{name}", out_dir_of(dir));
            let display = self.display_base.join(path);
            if let Some(owner) = self.out_owner.get(&out_path) {
                self.errors.push(
                    Diagnostic::error(
                        &display,
                        0,
                        format!("`{out_path}` is also the output of {}", owner.display()),
                    )
                    .with_hint("rename one of the two files"),
                );
                continue;
            }
            self.out_owner.insert(out_path.clone(), display);
            out.push(Asset {
                source: path.clone(),
                out_path,
                bytes: bytes.clone(),
            });
        }
        out
    }
}

/// Whether `path` is a `.md` file: mdBook copies every other file as it is (`.markdown` too),
/// unlike an MkDocs site or a handbook (`load::MARKDOWN_EXTENSIONS`).
fn is_md(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("md"))
}

/// The output path of chapter file `source` (relative to the source folder): its folder's
/// `index.html` for a `README.md` (or `index.md`), else its slug with `.html`.
fn page_out_path(source: &Path, slug: Option<&str>) -> String {
    let dir = out_dir_of(source.parent().unwrap_or(Path::new("")));
    if slug.is_none() && is_landing(source) {
        return format!("{dir}index.html");
    }
    let stem = source
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    format!("{dir}{}.html", slugify(slug.unwrap_or(&stem)))
}

/// "1 Markdown file is", "3 Markdown files are".
fn files_are(n: usize) -> String {
    if n == 1 {
        "1 Markdown file is".into()
    } else {
        format!("{n} Markdown files are")
    }
}

/// Whether `page` was made by [`Builder::group_page`] (its source names SUMMARY.md).
fn is_group(page: &Page) -> bool {
    page.source
        .to_str()
        .is_some_and(|s| s.starts_with(&format!("{SUMMARY_FILE}#")))
}

fn is_landing(source: &Path) -> bool {
    source
        .file_name()
        .is_some_and(|n| LANDING_NAMES.iter().any(|l| n == *l))
}

/// A path from SUMMARY.md made relative to the source folder (`./` and `..` applied, a leading
/// `/` dropped, in NFC as the file names are); `None` when it leaves the folder.
fn normalize(written: &str) -> Option<PathBuf> {
    let written = crate::content::nfc::text(written);
    let out = crate::safety::lexical_normalize(Path::new(written.trim_start_matches('/')))?;
    (!out.as_os_str().is_empty()).then_some(out)
}

/// `text` with Markdown's inline punctuation escaped, for a link text.
fn escape(text: &str) -> String {
    text.chars()
        .flat_map(|ch| {
            let special = "\\[]*_`<>&!".contains(ch);
            special.then_some('\\').into_iter().chain([ch])
        })
        .collect()
}

#[cfg(test)]
mod tests;
