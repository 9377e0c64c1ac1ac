//! Walks a content folder and builds the `Handbook`: chapters from folders, pages from
//! Markdown files, ordering, slugs, titles; everything else becomes an asset.

use super::frontmatter::{self, FrontMatter};
use super::layout::{Settings, SourceLayout};
use super::slug::{slugify, split_prefix, title_from_name};
pub(crate) use super::title::first_heading;
use super::walk::ContentFolder;
pub use super::walk::is_editor_temp;
use super::{Asset, Handbook, Page, PageKind};
use crate::config::Config;
use crate::error::Diagnostic;
use std::collections::{BTreeMap, HashMap};
use std::path::{Component, Path, PathBuf};

/// Landing-page file names of a folder, in order of preference (with `.md`; any of
/// [`MARKDOWN_EXTENSIONS`] is one too, see [`landing_rank`], but in an mdBook book).
pub const LANDING_NAMES: [&str; 3] = ["_index.md", "index.md", "README.md"];

/// The place of file name `name` among a folder's landing pages (by [`LANDING_NAMES`], then by
/// extension), when it is one: `index.markdown` is a landing page as `index.md` is.
pub fn landing_rank(name: &str) -> Option<usize> {
    let (stem, ext) = name.rsplit_once('.')?;
    let ext = MARKDOWN_EXTENSIONS
        .iter()
        .position(|m| ext.eq_ignore_ascii_case(m))?;
    let stem = LANDING_NAMES
        .iter()
        .position(|l| l.strip_suffix(".md") == Some(stem))?;
    Some(stem * MARKDOWN_EXTENSIONS.len() + ext)
}

/// The landing-page files `folder` may hold, in order of preference.
pub fn landing_files(folder: &Path) -> impl Iterator<Item = PathBuf> + '_ {
    LANDING_NAMES
        .iter()
        .flat_map(move |name| markdown_sources(&folder.join(name)).collect::<Vec<_>>())
}

/// One file of the content folder, read into memory.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path relative to the content folder.
    pub path: PathBuf,
    /// The file's bytes.
    pub bytes: Vec<u8>,
}

/// Reads `root`: its `handbook.toml` and its content folder (`root/content`, or `root` itself
/// when there is none, so a plain folder of notes builds).
pub fn load(root: &Path) -> Result<Handbook, Vec<Diagnostic>> {
    load_excluding(root, None).map(|(h, _)| h)
}

/// [`load`], never reading the folder `exclude` (resolved; the output folder of a build).
/// Also returns the excluded folders the walk met where it would have read them (see
/// [`super::walk::Read::excluded_hits`]).
pub fn load_excluding(
    root: &Path,
    exclude: Option<&Path>,
) -> Result<(Handbook, Vec<PathBuf>), Vec<Diagnostic>> {
    let settings = super::layout::settings(root)?;
    let folder = ContentFolder::new(root, &settings.config, &settings.layout, exclude);
    let read = folder.read();
    let mut errors = read.errors;
    match load_from_files(
        settings,
        root,
        &folder.dir,
        &folder.display_base,
        read.files,
    ) {
        Ok(h) if errors.is_empty() => Ok((h, read.excluded_hits)),
        Ok(_) => Err(errors),
        Err(mut e) => {
            errors.append(&mut e);
            Err(errors)
        }
    }
}

/// A folder while the tree is being built.
#[derive(Default)]
struct Dir {
    landing: Option<PathBuf>,
    pages: Vec<PathBuf>,
    dirs: BTreeMap<String, Dir>,
}

impl Dir {
    fn has_markdown(&self) -> bool {
        self.landing.is_some()
            || !self.pages.is_empty()
            || self.dirs.values().any(Dir::has_markdown)
    }
}

/// A page's parsed source, before it has a place in the tree.
pub(super) struct Parsed {
    pub(super) front: FrontMatter,
    body: String,
    body_line: usize,
    heading: Option<(String, usize)>,
    warnings: Vec<Diagnostic>,
}

/// The tree while it is being built: pages are pushed in reading order.
pub(super) struct Builder<'a> {
    pub(super) config: &'a Config,
    display_base: &'a Path,
    /// The parsed pages not yet placed, by source path.
    pub(super) parsed: HashMap<PathBuf, Parsed>,
    pub(super) pages: Vec<Page>,
    pub(super) by_source: HashMap<PathBuf, usize>,
    pub(super) errors: Vec<Diagnostic>,
    /// Which source produces each output path claimed so far.
    pub(super) out_owner: HashMap<String, PathBuf>,
    /// Pages left out as drafts (a nav may still name them).
    pub(super) drafts: std::collections::HashSet<PathBuf>,
}

/// Builds the `Handbook` from files already in memory (paths relative to `content_dir`).
pub fn load_from_files(
    settings: Settings,
    root: &Path,
    content_dir: &Path,
    display_base: &Path,
    mut files: Vec<SourceFile>,
) -> Result<Handbook, Vec<Diagnostic>> {
    // (Names compared in NFC: macOS writes them decomposed, links are typed composed.)
    let nfc_errors = super::nfc::paths(&mut files, display_base);
    if !nfc_errors.is_empty() {
        return Err(nfc_errors);
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    let Settings { config, layout } = settings;
    // An mdBook book: its SUMMARY.md gives the pages and their order.
    let layout = match layout {
        SourceLayout::MdBook(book) => {
            return super::mdbook::load(config, book, root, content_dir, display_base, files);
        }
        layout => layout,
    };
    // (The `[branding]` logo and favicon are read, inside the root only, by `branding`.)
    let mut errors: Vec<Diagnostic> = Vec::new();
    if !files.iter().any(|f| is_markdown(&f.path)) {
        errors.push(
            Diagnostic::error(
                content_dir,
                0,
                format!(
                    "no Markdown pages in {}; put pages in content/ or run `handbook new`",
                    content_dir.display()
                ),
            )
            .with_hint("a page is a `.md` (or `.markdown`) file, such as content/_index.md for the home page"),
        );
        return Err(errors);
    }
    let Sources {
        tree,
        parsed,
        foreign,
        drafts,
        assets,
        errors,
    } = read_sources(files, display_base, errors);

    let mut b = Builder {
        config: &config,
        display_base,
        parsed,
        pages: Vec::new(),
        by_source: HashMap::new(),
        errors,
        out_owner: HashMap::new(),
        drafts,
    };
    match &layout {
        SourceLayout::MkDocs(site) if site.nav.is_some() => {
            super::mkdocs_nav::add_nav(&mut b, site)
        }
        _ => {
            b.add_dir(&tree, Path::new(""), "", None, 0);
        }
    }

    let (asset_list, asset_by_source) = place_assets(&mut b, assets);
    b.errors.extend(reserved_clashes(&b.out_owner));
    if !b.errors.is_empty() {
        return Err(b.errors);
    }
    let mut pages = b.pages;
    // Build-wide warnings travel with the home page, so they are printed once per build.
    if let Some(home) = pages.first_mut() {
        home.load_warnings.extend(foreign.warnings());
        if let SourceLayout::MkDocs(site) = &layout {
            home.load_warnings.extend(site.warnings.iter().cloned());
        }
    }
    let by_source = b.by_source;
    Ok(Handbook {
        root: root.to_path_buf(),
        content_dir: content_dir.to_path_buf(),
        config,
        layout,
        pages,
        assets: asset_list,
        by_source,
        asset_by_source,
    })
}

/// What the Markdown files of a handbook hold before pages are made: the folder tree, each
/// page's parsed front matter and body, other tools' front-matter keys, the drafts left out,
/// the other files (assets) and the errors met.
struct Sources {
    tree: Dir,
    parsed: HashMap<PathBuf, Parsed>,
    foreign: frontmatter::ForeignKeys,
    drafts: std::collections::HashSet<PathBuf>,
    assets: Vec<SourceFile>,
    errors: Vec<Diagnostic>,
}

/// Reads every Markdown file (depth, UTF-8, front matter); other files are kept as assets.
fn read_sources(files: Vec<SourceFile>, display_base: &Path, errors: Vec<Diagnostic>) -> Sources {
    let mut errors = errors;
    let mut tree = Dir::default();
    let mut parsed = HashMap::new();
    // Front-matter keys of other tools, for one warning per key.
    let mut foreign = frontmatter::ForeignKeys::default();
    let mut drafts = std::collections::HashSet::new();
    let mut assets = Vec::new();
    for file in files {
        if !is_markdown(&file.path) {
            assets.push(file);
            continue;
        }
        let display = display_base.join(&file.path);
        // The sidebar is drawn recursively: beyond this depth it overflowed a render thread.
        let folders = file.path.components().count().saturating_sub(1);
        if folders >= super::MAX_NESTING {
            errors.push(
                Diagnostic::error(
                    &display,
                    0,
                    format!(
                        "this page is {folders} folders deep; a handbook may nest chapters {} deep",
                        super::MAX_NESTING
                    ),
                )
                .with_hint("move the folder up a level or more"),
            );
            continue;
        }
        let text = match String::from_utf8(file.bytes) {
            Ok(t) => t,
            Err(e) => {
                let (line, col) = crate::error::line_col(
                    &String::from_utf8_lossy(&e.as_bytes()[..e.utf8_error().valid_up_to()]),
                    usize::MAX,
                );
                errors.push(
                    Diagnostic::error(&display, line, "the file is not valid UTF-8")
                        .with_column(col)
                        .with_hint(
                            "save the file as UTF-8 in your editor (it may be Latin-1 or UTF-16)",
                        ),
                );
                continue;
            }
        };
        let split = match frontmatter::split(&text, &display) {
            Ok(s) => s,
            Err(d) => {
                errors.extend(d);
                continue;
            }
        };
        foreign.add(&display, &split.front.foreign);
        if split.front.draft {
            drafts.insert(file.path.clone());
            continue;
        }
        let heading = first_heading(split.body);
        let body = split.body.to_string();
        parsed.insert(
            file.path.clone(),
            Parsed {
                front: split.front,
                body,
                body_line: split.body_line,
                heading,
                warnings: split.warnings,
            },
        );
        insert(&mut tree, &file.path);
    }

    Sources {
        tree,
        parsed,
        foreign,
        drafts,
        assets,
        errors,
    }
}

/// Gives each non-Markdown file its output path beside its folder's pages (an error where a
/// page or another file already claims it): the assets and their index by source.
fn place_assets(b: &mut Builder, assets: Vec<SourceFile>) -> (Vec<Asset>, HashMap<PathBuf, usize>) {
    let mut asset_list = Vec::new();
    let mut asset_by_source = HashMap::new();
    for file in assets {
        let dir = file.path.parent().unwrap_or(Path::new(""));
        let out_dir = out_dir_of(dir);
        let name = file
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let out_path = format!("{out_dir}{name}");
        if let Some(owner) = b.out_owner.get(&out_path) {
            b.errors.push(
                Diagnostic::error(
                    b.display_base.join(&file.path),
                    0,
                    format!("`{out_path}` is also the output of {}", owner.display()),
                )
                .with_hint("rename one of the two files"),
            );
            continue;
        }
        // (A file in `assets/` sits beside the theme's files: only a file the theme writes
        // itself clashes, see `reserved::SHARED` and `site::theme_clashes`.)
        b.out_owner
            .insert(out_path.clone(), b.display_base.join(&file.path));
        asset_by_source.insert(file.path.clone(), asset_list.len());
        asset_list.push(Asset {
            source: file.path,
            out_path,
            bytes: file.bytes,
        });
    }
    (asset_list, asset_by_source)
}

/// Errors for output paths that the build generates itself (one list: `reserved::RESERVED`),
/// by the file that would be written there; sorted, so the errors are the same from run to run.
pub(crate) fn reserved_clashes(out_owner: &HashMap<String, PathBuf>) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    let mut clashes: Vec<(&String, &PathBuf, &str, &str)> = out_owner
        .iter()
        .filter_map(|(out, owner)| {
            crate::reserved::reserved(out).map(|(r, what)| (out, owner, r, what))
        })
        .collect();
    clashes.sort();
    for (out, owner, reserved, what) in clashes {
        errors.push(
            Diagnostic::error(
                owner,
                0,
                if out == reserved {
                    format!(
                        "`{}` would be written to `{out}`, which the build generates ({what})",
                        owner.display()
                    )
                } else {
                    format!(
                        "`{}` would be written to `{out}`, inside `{reserved}`, which the build generates ({what})",
                        owner.display()
                    )
                },
            )
            .with_hint(if is_markdown(owner) {
                "rename the file or folder, or give the page another `slug` in its front matter"
            } else {
                "rename the file or move it to another folder (and change the links to it)"
            }),
        );
    }
    errors
}

/// The extensions of Markdown pages, as MkDocs reads them (any case): an mdBook book keeps to
/// `.md` only, as mdBook does (see `mdbook::is_md`).
pub const MARKDOWN_EXTENSIONS: [&str; 5] = ["md", "markdown", "mdown", "mkdn", "mkd"];

/// `path` with each of [`MARKDOWN_EXTENSIONS`] in turn (`a/b.html` -> `a/b.md`, `a/b.markdown`,
/// ...): the sources a page built to `path` may have.
pub(crate) fn markdown_sources(path: &Path) -> impl Iterator<Item = PathBuf> + '_ {
    MARKDOWN_EXTENSIONS.iter().map(|e| path.with_extension(e))
}

/// Whether `path` is a Markdown page (one of [`MARKDOWN_EXTENSIONS`]).
pub(crate) fn is_markdown(path: &Path) -> bool {
    path.extension().is_some_and(|e| {
        MARKDOWN_EXTENSIONS
            .iter()
            .any(|m| e.eq_ignore_ascii_case(m))
    })
}

fn insert(tree: &mut Dir, path: &Path) {
    let mut dir = tree;
    let comps: Vec<String> = path
        .components()
        .filter_map(|c| match c {
            Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect();
    let Some((file, parents)) = comps.split_last() else {
        return;
    };
    for p in parents {
        dir = dir.dirs.entry(p.clone()).or_default();
    }
    match &dir.landing {
        None if landing_rank(file).is_some() => dir.landing = Some(path.to_path_buf()),
        Some(current) if landing_rank(file).is_some() => {
            let cur_name = current
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let rank = |n: &str| landing_rank(n).unwrap_or(usize::MAX);
            if rank(file) < rank(&cur_name) {
                let old = dir.landing.replace(path.to_path_buf());
                dir.pages.extend(old);
            } else {
                dir.pages.push(path.to_path_buf());
            }
        }
        _ => dir.pages.push(path.to_path_buf()),
    }
}

/// The output folder (with trailing `/`, or empty) of a content folder.
pub(crate) fn out_dir_of(dir: &Path) -> String {
    let mut s = String::new();
    for c in dir.components() {
        if let Component::Normal(name) = c {
            s.push_str(&slugify(&name.to_string_lossy()));
            s.push('/');
        }
    }
    s
}

/// What an entry of a folder is, while sorting.
enum Entry<'d> {
    Page(PathBuf),
    Dir(String, &'d Dir),
}

impl Builder<'_> {
    fn display(&self, rel: &Path) -> PathBuf {
        self.display_base.join(rel)
    }

    pub(super) fn claim(&mut self, out_path: &str, source: &Path) -> bool {
        if let Some(owner) = self.out_owner.get(out_path) {
            let owner = owner.clone();
            self.errors.push(
                Diagnostic::error(
                    self.display(source),
                    1,
                    format!(
                        "duplicate slug: `{out_path}` is also produced by {}",
                        owner.display()
                    ),
                )
                .with_hint("rename one of the files or set a different `slug` in its front matter"),
            );
            return false;
        }
        self.out_owner
            .insert(out_path.to_string(), self.display(source));
        true
    }

    /// Adds the page for a folder (home or chapter) and everything below it; returns its index.
    fn add_dir(
        &mut self,
        dir: &Dir,
        rel: &Path,
        out_dir: &str,
        parent: Option<usize>,
        depth: usize,
    ) -> usize {
        let kind = if parent.is_none() {
            PageKind::Home
        } else {
            PageKind::Chapter
        };
        let out_path = format!("{out_dir}index.html");
        let fallback = if parent.is_none() {
            self.config.title.clone()
        } else {
            title_from_name(
                &rel.file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
            )
        };
        let index = match &dir.landing {
            Some(src) => self.push_page(src, out_path, kind, parent, depth, Some(fallback)),
            None => {
                self.claim(&out_path, rel);
                self.push_synthetic(rel, out_path, kind, parent, depth, fallback)
            }
        };
        self.by_source.insert(rel.to_path_buf(), index);

        let mut entries: Vec<(SortKey, Entry)> = Vec::new();
        for p in &dir.pages {
            let key = self.sort_key_page(p);
            entries.push((key, Entry::Page(p.clone())));
        }
        for (name, sub) in &dir.dirs {
            if !sub.has_markdown() {
                continue;
            }
            let key = self.sort_key_dir(name, sub);
            entries.push((key, Entry::Dir(name.clone(), sub)));
        }
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        for (_, entry) in entries {
            let child = match entry {
                Entry::Page(p) => {
                    let stem = p
                        .file_stem()
                        .map(|s| s.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    let slug = self
                        .parsed
                        .get(&p)
                        .and_then(|x| x.front.slug.clone())
                        .map(|s| slugify(&s))
                        .unwrap_or_else(|| slugify(&stem));
                    let out = format!("{out_dir}{slug}.html");
                    self.push_page(&p, out, PageKind::Page, Some(index), depth + 1, None)
                }
                Entry::Dir(name, sub) => {
                    let sub_rel = rel.join(&name);
                    let sub_out = format!("{out_dir}{}/", slugify(&name));
                    self.add_dir(sub, &sub_rel, &sub_out, Some(index), depth + 1)
                }
            };
            self.pages[index].children.push(child);
        }
        index
    }

    fn sort_key_page(&self, p: &Path) -> SortKey {
        let name = p
            .file_name()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let stem = p
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let parsed = self.parsed.get(p);
        let title = parsed.map(|x| page_title(x, &stem).0).unwrap_or_default();
        SortKey::new(
            parsed.and_then(|x| x.front.weight),
            split_prefix(&stem).0,
            title,
            name,
        )
    }

    fn sort_key_dir(&self, name: &str, sub: &Dir) -> SortKey {
        let parsed = sub.landing.as_ref().and_then(|l| self.parsed.get(l));
        let title = parsed
            .map(|x| page_title(x, name).0)
            .unwrap_or_else(|| title_from_name(name));
        SortKey::new(
            parsed.and_then(|x| x.front.weight),
            split_prefix(name).0,
            title,
            name.to_string(),
        )
    }

    pub(super) fn push_page(
        &mut self,
        src: &Path,
        out_path: String,
        kind: PageKind,
        parent: Option<usize>,
        depth: usize,
        fallback_title: Option<String>,
    ) -> usize {
        self.claim(&out_path, src);
        let parsed = self.parsed.remove(src).unwrap_or(Parsed {
            front: FrontMatter::default(),
            body: String::new(),
            body_line: 1,
            heading: None,
            warnings: Vec::new(),
        });
        let stem = src
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let (mut title, has_title, title_heading_line) = page_title(&parsed, &stem);
        if !has_title && let Some(f) = fallback_title {
            title = f;
        }
        let index = self.pages.len();
        self.by_source.insert(src.to_path_buf(), index);
        let extra = parsed.front.extra_with_foreign();
        self.pages.push(Page {
            source: src.to_path_buf(),
            display_path: self.display(src),
            out_path,
            title,
            has_title,
            title_heading_line,
            description: parsed.front.description.unwrap_or_default(),
            kind,
            body: parsed.body,
            body_line: parsed.body_line,
            line_map: Vec::new(),
            searchable: parsed.front.search.unwrap_or(true),
            extra,
            assignment: parsed.front.assignment,
            load_warnings: parsed.warnings,
            parent,
            children: Vec::new(),
            depth,
        });
        index
    }

    pub(super) fn push_synthetic(
        &mut self,
        rel: &Path,
        out_path: String,
        kind: PageKind,
        parent: Option<usize>,
        depth: usize,
        title: String,
    ) -> usize {
        let index = self.pages.len();
        self.pages.push(Page {
            source: rel.to_path_buf(),
            display_path: self.display(rel),
            out_path,
            title,
            has_title: true,
            title_heading_line: None,
            description: String::new(),
            kind,
            body: String::new(),
            body_line: 1,
            line_map: Vec::new(),
            searchable: true,
            extra: serde_json::Value::Null,
            assignment: None,
            load_warnings: Vec::new(),
            parent,
            children: Vec::new(),
            depth,
        });
        index
    }
}

/// The order of entries in a folder: weight, then numeric prefix, then title, then name.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
struct SortKey {
    no_weight: bool,
    weight: i64,
    no_prefix: bool,
    prefix: u64,
    title: String,
    name: String,
}

impl SortKey {
    fn new(weight: Option<i64>, prefix: Option<u64>, title: String, name: String) -> Self {
        SortKey {
            no_weight: weight.is_none(),
            weight: weight.unwrap_or(0),
            no_prefix: prefix.is_none(),
            prefix: prefix.unwrap_or(0),
            title: title.to_lowercase(),
            name,
        }
    }
}

/// The title of a page, whether it is a real title, and the line of the heading it came from.
fn page_title(p: &Parsed, stem: &str) -> (String, bool, Option<usize>) {
    if let Some(t) = p.front.title.as_ref().filter(|t| !t.trim().is_empty()) {
        return (t.trim().to_string(), true, None);
    }
    if let Some((t, line)) = &p.heading {
        return (t.clone(), true, Some(*line));
    }
    if let Some(t) = super::title::html_h1(&p.body) {
        return (t, true, None);
    }
    (title_from_name(stem), false, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(path: &str, text: &str) -> SourceFile {
        SourceFile {
            path: PathBuf::from(path),
            bytes: text.as_bytes().to_vec(),
        }
    }

    fn hb(files: Vec<SourceFile>) -> Result<Handbook, Vec<Diagnostic>> {
        let settings = crate::content::testing::titled("Test");
        crate::content::testing::load_at(settings, "/r", "content", files)
    }

    #[test]
    fn tree_order_and_slugs() {
        let h = hb(vec![
            f("_index.md", "# Home\n"),
            f("02-tasks/_index.md", "+++\ntitle = \"Tasks\"\n+++\n"),
            f("01-goals/README.md", "# Goals\n"),
            f("01-goals/02-second.md", "# Second\n"),
            f("01-goals/01-first.md", "# First\n"),
            f(
                "01-goals/zeta.md",
                "+++\ntitle = \"Zeta\"\nweight = 1\n+++\n",
            ),
            f("01-goals/pic.png", "png"),
        ])
        .unwrap();
        let outs: Vec<&str> = h.pages.iter().map(|p| p.out_path.as_str()).collect();
        assert_eq!(
            outs,
            [
                "index.html",
                "goals/index.html",
                "goals/zeta.html",
                "goals/first.html",
                "goals/second.html",
                "tasks/index.html"
            ]
        );
        assert_eq!(h.assets[0].out_path, "goals/pic.png");
        assert_eq!(h.pages[3].title, "First");
        assert_eq!(h.pages[3].title_heading_line, Some(1));
        assert_eq!(h.ancestors(3), vec![0, 1]);
    }

    #[test]
    fn folder_without_landing_page_is_a_chapter() {
        let h = hb(vec![f("notes/03-some-topic.md", "text only\n")]).unwrap();
        assert_eq!(h.pages[0].title, "Test");
        assert_eq!(h.pages[1].title, "Notes");
        assert_eq!(h.pages[2].title, "Some topic");
        assert!(!h.pages[2].has_title);
    }

    #[test]
    fn drafts_and_duplicate_slugs() {
        let h = hb(vec![f("a.md", "+++\ndraft = true\n+++\n")]).unwrap();
        assert_eq!(h.pages.len(), 1);
        let e = hb(vec![f("01-intro.md", "# A\n"), f("02-intro.md", "# B\n")]).unwrap_err();
        assert!(e[0].message.contains("duplicate slug"), "{}", e[0]);
        assert!(e[0].path.ends_with("02-intro.md"));
    }

    #[test]
    fn non_utf8_is_an_error_with_line() {
        let e = hb(vec![SourceFile {
            path: "bad.md".into(),
            bytes: b"line one\nline \xff two\n".to_vec(),
        }])
        .unwrap_err();
        assert_eq!(e[0].line, 2);
        assert!(e[0].message.contains("UTF-8"));
    }

    #[test]
    fn reserved_names_are_errors() {
        let e = hb(vec![f("search/x.md", "# X\n")]).unwrap_err();
        assert!(
            e[0].message.contains("which the build generates"),
            "{}",
            e[0].message
        );
    }

    #[test]
    fn markdown_extensions_and_landing_pages() {
        for name in ["a.md", "a.MD", "a.markdown", "a.mdown", "a.mkdn", "a.mkd"] {
            assert!(is_markdown(Path::new(name)), "{name}");
        }
        assert!(!is_markdown(Path::new("a.mdx")));
        assert!(!is_markdown(Path::new("md")));
        assert_eq!(landing_rank("_index.md"), Some(0));
        assert!(landing_rank("index.md") < landing_rank("index.markdown"));
        assert!(landing_rank("index.mkd") < landing_rank("README.md"));
        assert_eq!(landing_rank("index.txt"), None);
        assert_eq!(landing_rank("guide.md"), None);
        let files: Vec<PathBuf> = landing_files(Path::new("a")).collect();
        assert_eq!(files[0], Path::new("a/_index.md"));
        assert!(files.contains(&PathBuf::from("a/README.mdown")));
        let h = hb(vec![
            f("index.markdown", "# Home\n"),
            f("c/README.mkd", "# C\n"),
            f("c/page.mdown", "# P\n"),
        ])
        .unwrap();
        let outs: Vec<&str> = h.pages.iter().map(|p| p.out_path.as_str()).collect();
        assert_eq!(outs, ["index.html", "c/index.html", "c/page.html"]);
    }

    #[test]
    fn files_in_assets_sit_beside_the_theme_files() {
        let h = hb(vec![f("_index.md", "# H\n"), f("assets/x.png", "x")]).unwrap();
        assert_eq!(h.assets[0].out_path, "assets/x.png");
    }

    #[test]
    fn pages_nested_too_deep_are_errors() {
        let deep = format!("{}page.md", "d/".repeat(crate::content::MAX_NESTING));
        let e = hb(vec![f("_index.md", "# H\n"), f(&deep, "# Deep\n")]).unwrap_err();
        assert_eq!(e.len(), 1);
        assert!(e[0].message.contains("24 folders deep"), "{}", e[0]);
        let ok = format!("{}page.md", "d/".repeat(crate::content::MAX_NESTING - 1));
        let h = hb(vec![f("_index.md", "# H\n"), f(&ok, "# Deep\n")]).unwrap();
        assert_eq!(
            h.pages.last().map(|p| p.depth),
            Some(crate::content::MAX_NESTING)
        );
    }

    #[test]
    fn landing_page_preference() {
        let h = hb(vec![
            f("c/README.md", "# Readme\n"),
            f("c/_index.md", "# Landing\n"),
        ])
        .unwrap();
        assert_eq!(h.pages[1].title, "Landing");
        assert_eq!(h.pages[2].out_path, "c/readme.html");
    }
}
