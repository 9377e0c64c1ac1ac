//! Links written to MkDocs' directory URLs (`../setup/`, `./../../guide/install/`): with
//! `use_directory_urls` (MkDocs' default) `guide/setup.md` is served at `guide/setup/`, and
//! links in its text are relative to that folder. In a site read from `mkdocs.yml`, a link
//! ending in `/` is read that way first (then as usual, relative to the file) and, when it
//! names a page, resolved to it and checked like a link to the `.md` file.

use crate::content::layout::SourceLayout;
use crate::content::load::{is_markdown, markdown_sources};
use crate::content::{Handbook, Page};
use std::path::{Component, Path, PathBuf};

/// The page the directory URL `decoded` (percent-decoded, as written) means from `page`.
pub fn page_for(handbook: &Handbook, page: &Page, decoded: &str) -> Option<usize> {
    if !matches!(handbook.layout, SourceLayout::MkDocs(_)) || !decoded.ends_with('/') {
        return None;
    }
    let joined = match decoded.strip_prefix('/') {
        Some(abs) => PathBuf::from(abs),
        None => url_folder(&page.source).join(decoded),
    };
    let target = normalise(&joined)?;
    let folder_pages = ["index", "README"]
        .iter()
        .flat_map(|n| markdown_sources(&target.join(n)).collect::<Vec<_>>());
    markdown_sources(&target)
        .chain(folder_pages)
        .find_map(|p| handbook.page_by_source(&p))
        .or_else(|| {
            handbook
                .page_by_source(&target)
                .filter(|_| !target.as_os_str().is_empty())
        })
        .or_else(|| target.as_os_str().is_empty().then_some(0))
}

/// The folder MkDocs serves the page of `source` as: `a/b.md` -> `a/b`, `a/index.md` -> `a`.
fn url_folder(source: &Path) -> PathBuf {
    let parent = source.parent().unwrap_or(Path::new(""));
    let markdown = is_markdown(source);
    match source.file_stem().and_then(|n| n.to_str()) {
        Some("index" | "README") if markdown => parent.to_path_buf(),
        _ if markdown => parent.join(source.file_stem().unwrap_or_default()),
        _ => source.to_path_buf(),
    }
}

/// `a/./b/../c` -> `a/c`; `None` when it leaves the content folder.
fn normalise(path: &Path) -> Option<PathBuf> {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::Normal(s) => out.push(s),
            Component::ParentDir if !out.pop() => return None,
            _ => {}
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_url_folder_of_a_page() {
        assert_eq!(url_folder(Path::new("a/b.md")), PathBuf::from("a/b"));
        assert_eq!(url_folder(Path::new("a/index.md")), PathBuf::from("a"));
        assert_eq!(url_folder(Path::new("index.md")), PathBuf::from(""));
        assert_eq!(
            normalise(Path::new("a/b/../../c")),
            Some(PathBuf::from("c"))
        );
        assert_eq!(normalise(Path::new("a/../../c")), None);
    }
}
