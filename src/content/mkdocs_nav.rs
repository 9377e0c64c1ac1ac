//! The tree of an MkDocs site with a `nav`: the nav's order, titles and sections, pages at
//! output paths that follow their files (`guide/setup.md` -> `guide/setup.html`,
//! `guide/index.md` -> `guide/index.html`). A section whose first entry is a bare path uses
//! that page as its landing page; other sections get a generated one. Pages not in the nav
//! follow it, with one warning naming them.

use super::PageKind;
use super::load::{Builder, out_dir_of};
use super::mkdocs::{NavItem, Site, matches_any};
use super::slug::slugify;
use crate::error::Diagnostic;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// What placing the nav has met so far.
struct State<'s> {
    site: &'s Site,
    /// Output path of every page file.
    outs: HashMap<PathBuf, String>,
    /// Files already placed.
    used: HashSet<PathBuf>,
    /// The home page's file (`index.md`), which a nav entry may name (`- Home: index.md`).
    home: Option<PathBuf>,
    warnings: Vec<Diagnostic>,
    links: Vec<String>,
}

/// Builds the tree of `b`'s parsed pages in the order of `site.nav`.
pub(super) fn add_nav(b: &mut Builder, site: &Site) {
    let mut files: Vec<PathBuf> = b.parsed.keys().cloned().collect();
    files.sort();
    let outs: HashMap<PathBuf, String> = files
        .iter()
        .map(|f| (f.clone(), out_path(b, f, &files)))
        .collect();
    let mut st = State {
        site,
        outs,
        used: HashSet::new(),
        home: None,
        warnings: Vec::new(),
        links: Vec::new(),
    };
    let home = add_home(b, &mut st);
    for item in site.nav.as_deref().unwrap_or_default() {
        add_item(b, &mut st, item, home, 1);
    }
    let left: Vec<PathBuf> = files.into_iter().filter(|f| !st.used.contains(f)).collect();
    add_unlisted(b, &mut st, left, home);
    if !st.links.is_empty() {
        st.warnings.push(
            Diagnostic::warning(
                &site.nav_file,
                site.nav_line,
                format!(
                    "nav links to other sites are left out of the sidebar: {}",
                    st.links.join(", ")
                ),
            )
            .with_hint("link to them from a page instead"),
        );
    }
    // A folder's `index.md` (or `README.md`) is what a link to the folder opens.
    for i in 0..b.pages.len() {
        let src = &b.pages[i].source;
        if b.pages[i].out_path.ends_with("index.html")
            && index_kind(src).is_some()
            && let Some(dir) = src.parent()
        {
            b.by_source.entry(dir.to_path_buf()).or_insert(i);
        }
    }
    b.pages[home].load_warnings.extend(st.warnings);
}

/// Which of a folder's own pages a file is for MkDocs: its `index` or its `README` (any
/// Markdown extension; a `README` is the folder's page only where there is no `index`).
#[derive(Debug, PartialEq)]
enum Index {
    Index,
    Readme,
}

/// The kind of folder page `file` is, if it is one.
fn index_kind(file: &Path) -> Option<Index> {
    if !super::load::is_markdown(file) {
        return None;
    }
    match file.file_stem()?.to_str()? {
        "index" => Some(Index::Index),
        "README" => Some(Index::Readme),
        _ => None,
    }
}

/// The home page: `index.md` (or `README.md`) of `docs_dir`, else a generated one.
fn add_home(b: &mut Builder, st: &mut State) -> usize {
    let home_src = ["index.md", "README.md"]
        .iter()
        .flat_map(|n| super::load::markdown_sources(Path::new(n)).collect::<Vec<_>>())
        .find(|p| b.parsed.contains_key(p));
    let title = b.config.title.clone();
    let (out, kind) = ("index.html".to_string(), PageKind::Home);
    let home = match &home_src {
        Some(src) => {
            st.used.insert(src.clone());
            st.home = Some(src.clone());
            let home = b.push_page(src, out, kind, None, 0, Some(title));
            // `- Overview: index.md`: the nav's title is the page's, as for every page.
            let nav = st.site.nav.as_deref().unwrap_or_default();
            if let Some(t) = nav_title(nav, src) {
                b.pages[home].title = t;
                b.pages[home].has_title = true;
            }
            home
        }
        None => {
            b.claim(&out, Path::new(""));
            b.push_synthetic(Path::new(""), out, kind, None, 0, title)
        }
    };
    b.by_source.insert(PathBuf::new(), home);
    home
}

/// The title the nav gives the page file `src` (the first entry naming it), if any.
fn nav_title(items: &[NavItem], src: &Path) -> Option<String> {
    items.iter().find_map(|item| match item {
        NavItem::Page {
            title: Some(t),
            path,
            ..
        } if !t.trim().is_empty() && normalise(path).as_deref() == Some(src) => {
            Some(t.trim().to_string())
        }
        NavItem::Section { children, .. } => nav_title(children, src),
        _ => None,
    })
}

/// The pages not in the nav (`left`, in path order), after it under the home page, with one
/// warning naming those not matched by `not_in_nav`.
fn add_unlisted(b: &mut Builder, st: &mut State, left: Vec<PathBuf>, home: usize) {
    let unlisted: Vec<String> = left
        .iter()
        .map(|f| f.to_string_lossy().replace('\\', "/"))
        .filter(|f| !matches_any(&st.site.not_in_nav, f))
        .collect();
    if !unlisted.is_empty() {
        let n = unlisted.len();
        let (pages, they) = if n == 1 {
            ("1 page is".to_string(), "it is")
        } else {
            (format!("{n} pages are"), "they are")
        };
        st.warnings.push(
            Diagnostic::warning(
                &st.site.nav_file,
                st.site.nav_line,
                format!(
                    "{pages} not in the nav, so {they} built after it: {}",
                    unlisted.join(", ")
                ),
            )
            .with_hint(
                "add them to `nav`, or list them under `not_in_nav` to leave them where they are",
            ),
        );
    }
    for f in left {
        let out = st.outs[&f].clone();
        let i = b.push_page(&f, out, PageKind::Page, Some(home), 1, None);
        b.pages[home].children.push(i);
    }
}

/// The output path of a page file: its folder's slugs, then `index.html` for `index.md` (and
/// for `README.md` when the folder has no `index.md`), else its slug and `.html`.
fn out_path(b: &Builder, file: &Path, files: &[PathBuf]) -> String {
    let dir = file.parent().unwrap_or(Path::new(""));
    let out_dir = out_dir_of(dir);
    let has_index =
        || super::load::markdown_sources(&dir.join("index")).any(|f| files.contains(&f));
    match index_kind(file) {
        Some(Index::Index) => return format!("{out_dir}index.html"),
        Some(Index::Readme) if !has_index() => return format!("{out_dir}index.html"),
        _ => {}
    }
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let slug = b
        .parsed
        .get(file)
        .and_then(|p| p.front.slug.clone())
        .unwrap_or(stem);
    format!("{out_dir}{}.html", slugify(&slug))
}

/// A nav path as a path under `docs_dir` (`./a/../b.md` -> `b.md`, in NFC as the file names
/// are), or `None` when it leaves it.
fn normalise(path: &str) -> Option<PathBuf> {
    let path = super::nfc::text(path);
    let path = path.split('#').next().unwrap_or(&path);
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split(['/', '\\']) {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    Some(parts.iter().collect())
}

/// The page file a nav path names, when it is one not placed yet; warns otherwise.
fn page_file(b: &Builder, st: &mut State, path: &str, line: usize) -> Option<PathBuf> {
    let normal = normalise(path);
    if normal.is_some() && normal == st.home {
        return None;
    }
    if normal.as_ref().is_some_and(|f| b.drafts.contains(f)) {
        // (A draft page is skipped without a word, as in a folder.)
        return None;
    }
    let file = normal.filter(|f| b.parsed.contains_key(f) || st.used.contains(f));
    match file {
        Some(f) if st.used.contains(&f) => {
            st.warnings.push(
                Diagnostic::warning(
                    &st.site.nav_file,
                    line,
                    format!("`{path}` is in the nav twice; only its first place is used"),
                )
                .with_hint("a page has one place in the reading order: remove the second entry"),
            );
            None
        }
        Some(f) => {
            st.used.insert(f.clone());
            Some(f)
        }
        None => {
            st.warnings.push(
                Diagnostic::warning(
                    &st.site.nav_file,
                    line,
                    format!(
                        "nav entry `{path}` is not a Markdown page in `{}/`; it is left out",
                        st.site.docs_dir
                    ),
                )
                .with_hint(format!(
                    "check the path: nav paths are relative to `{}/`",
                    st.site.docs_dir
                )),
            );
            None
        }
    }
}

/// Places one nav entry (and everything under it) as a child of `parent`.
fn add_item(b: &mut Builder, st: &mut State, item: &NavItem, parent: usize, depth: usize) {
    let index = match item {
        NavItem::Link { title, url, .. } => {
            st.links.push(format!("{title} ({url})"));
            return;
        }
        NavItem::Page { title, path, line } => {
            let Some(file) = page_file(b, st, path, *line) else {
                return;
            };
            let out = st.outs[&file].clone();
            let i = b.push_page(&file, out, PageKind::Page, Some(parent), depth, None);
            if let Some(t) = title.as_ref().filter(|t| !t.trim().is_empty()) {
                b.pages[i].title = t.trim().to_string();
                b.pages[i].has_title = true;
            }
            i
        }
        NavItem::Section {
            title,
            children,
            line,
        } if depth > super::MAX_NESTING => {
            b.errors.push(
                Diagnostic::error(
                    &st.site.nav_file,
                    *line,
                    format!("nav section `{title}` is nested {depth} levels deep; a site may nest sections {} deep", super::MAX_NESTING),
                )
                .with_hint("move the deeper entries up a level"),
            );
            return;
        }
        NavItem::Section {
            title,
            children,
            line,
        } => {
            // A bare path first is the landing page (consumed even when it is missing).
            let (landing, rest) = match children.split_first() {
                Some((
                    NavItem::Page {
                        title: None,
                        path,
                        line,
                    },
                    rest,
                )) => (page_file(b, st, path, *line), rest),
                _ => (None, &children[..]),
            };
            let i = match landing {
                Some(file) => {
                    let out = st.outs[&file].clone();
                    b.push_page(&file, out, PageKind::Chapter, Some(parent), depth, None)
                }
                None => synthetic(b, st, title, children, parent, depth, *line),
            };
            b.pages[i].title = title.trim().to_string();
            b.pages[i].has_title = true;
            for child in rest {
                add_item(b, st, child, i, depth + 1);
            }
            b.pages[parent].children.push(i);
            return;
        }
    };
    b.pages[parent].children.push(index);
}

/// A generated landing page for a section without one: at its pages' common folder
/// (`guide/index.html`) when that is free, else at a folder named after its title.
fn synthetic(
    b: &mut Builder,
    st: &State,
    title: &str,
    children: &[NavItem],
    parent: usize,
    depth: usize,
    _line: usize,
) -> usize {
    let mut paths = Vec::new();
    collect_paths(children, &mut paths);
    let common = common_dir(&paths);
    let taken = |b: &Builder, out: &str| {
        b.out_owner.contains_key(out) || st.outs.values().any(|o| o == out)
    };
    let parent_dir = {
        let p = &b.pages[parent].out_path;
        p.rfind('/').map_or(String::new(), |i| p[..=i].to_string())
    };
    let base = slugify(title);
    let base = if base.is_empty() {
        "section".to_string()
    } else {
        base
    };
    let mut candidates = Vec::new();
    if !common.as_os_str().is_empty() {
        candidates.push((format!("{}index.html", out_dir_of(&common)), common.clone()));
    }
    let mut n = 1;
    let (out, source) = loop {
        if let Some(c) = candidates.pop() {
            if !taken(b, &c.0) {
                break c;
            }
            continue;
        }
        let folder = if n == 1 {
            base.clone()
        } else {
            format!("{base}-{n}")
        };
        n += 1;
        let out = format!("{parent_dir}{folder}/index.html");
        if !taken(b, &out) {
            break (out, PathBuf::from(&st.site.file).join(folder));
        }
    };
    b.claim(&out, &source);
    let i = b.push_synthetic(
        &source,
        out,
        PageKind::Chapter,
        Some(parent),
        depth,
        title.to_string(),
    );
    b.by_source.entry(source).or_insert(i);
    i
}

/// Every page path under some nav entries, normalised.
fn collect_paths(items: &[NavItem], out: &mut Vec<PathBuf>) {
    for item in items {
        match item {
            NavItem::Page { path, .. } => out.extend(normalise(path)),
            NavItem::Section { children, .. } => collect_paths(children, out),
            NavItem::Link { .. } => {}
        }
    }
}

/// The deepest folder holding every path.
fn common_dir(paths: &[PathBuf]) -> PathBuf {
    let mut iter = paths
        .iter()
        .map(|p| p.parent().unwrap_or(Path::new("")).to_path_buf());
    let Some(mut common) = iter.next() else {
        return PathBuf::new();
    };
    for dir in iter {
        while !dir.starts_with(&common) {
            if !common.pop() {
                return PathBuf::new();
            }
        }
    }
    common
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nav_paths_are_normalised() {
        assert_eq!(normalise("./a/../b.md"), Some(PathBuf::from("b.md")));
        assert_eq!(normalise("a/b.md#x"), Some(PathBuf::from("a/b.md")));
        assert_eq!(normalise("../b.md"), None);
    }

    #[test]
    fn a_nav_title_is_found_at_any_depth() {
        let page = |title: Option<&str>, path: &str| NavItem::Page {
            title: title.map(str::to_string),
            path: path.into(),
            line: 1,
        };
        let nav = vec![
            page(None, "a.md"),
            NavItem::Section {
                title: "S".into(),
                children: vec![page(Some(" Overview "), "./index.md")],
                line: 2,
            },
            page(Some("Later"), "index.md"),
        ];
        assert_eq!(
            nav_title(&nav, Path::new("index.md")).as_deref(),
            Some("Overview")
        );
        assert_eq!(nav_title(&nav, Path::new("a.md")), None);
    }

    #[test]
    fn common_folder() {
        let p = |s: &[&str]| s.iter().map(PathBuf::from).collect::<Vec<_>>();
        assert_eq!(
            common_dir(&p(&["a/b/c.md", "a/b/d/e.md"])),
            PathBuf::from("a/b")
        );
        assert_eq!(common_dir(&p(&["a/b.md", "c.md"])), PathBuf::new());
        assert_eq!(common_dir(&[]), PathBuf::new());
    }
}
