//! Links to the `.html` path a page will have (`cli/index.html`, `../guide/installation.html`),
//! as mdBook books and MkDocs sites write them: resolved to that page, by its source
//! (`guide/installation.md`; a folder's `README.md`, `index.md` or `_index.md` for
//! `index.html`) or by its output path, and then checked like a link to the `.md` file.

use crate::content::load::{landing_files, markdown_sources};
use crate::content::{Handbook, Page};
use std::path::{Component, Path};

/// The page a link to `normal` means, when `normal` (the link's path relative to the content
/// folder) ends in `.html`; `decoded` is the path as written (percent-decoded), looked up as an
/// output path from `page`'s own output path.
pub fn page_for_html(
    handbook: &Handbook,
    page: &Page,
    normal: &Path,
    decoded: &str,
) -> Option<usize> {
    if !normal
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("html"))
    {
        return None;
    }
    by_source(handbook, normal).or_else(|| by_output(handbook, page, decoded))
}

/// `a/b.html` as `a/b.md`; `a/index.html` as the folder `a` (its landing page).
fn by_source(handbook: &Handbook, normal: &Path) -> Option<usize> {
    if let Some(i) = markdown_sources(normal).find_map(|md| handbook.page_by_source(&md)) {
        return Some(i);
    }
    if normal.file_name()? != "index.html" {
        return None;
    }
    let folder = normal.parent().unwrap_or(Path::new(""));
    landing_files(folder)
        .find_map(|file| handbook.page_by_source(&file))
        .or_else(|| handbook.page_by_source(folder))
}

/// The page whose output path the link names, relative to `page`'s output path (or to the site
/// root with a leading `/`).
fn by_output(handbook: &Handbook, page: &Page, decoded: &str) -> Option<usize> {
    let from = match decoded.strip_prefix('/') {
        Some(_) => Path::new(""),
        None => Path::new(&page.out_path).parent().unwrap_or(Path::new("")),
    };
    let mut parts: Vec<String> = Vec::new();
    for c in from.join(decoded.trim_start_matches('/')).components() {
        match c {
            Component::Normal(s) => parts.push(s.to_string_lossy().into_owned()),
            Component::ParentDir => {
                parts.pop()?;
            }
            _ => {}
        }
    }
    let want = parts.join("/");
    handbook.pages.iter().position(|p| p.out_path == want)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::testing::handbook;

    #[test]
    fn html_paths_find_their_pages() {
        let h = handbook(&[
            ("_index.md", "# Home\n"),
            ("01-guide/README.md", "# Guide\n"),
            ("01-guide/02-install.md", "# Install\n"),
            ("cli/index.md", "# CLI\n"),
            ("cli/build.md", "# Build\n"),
        ]);
        let build = &h.pages[h.page_by_source(Path::new("cli/build.md")).unwrap()];
        let find = |normal: &str, decoded: &str| {
            page_for_html(&h, build, Path::new(normal), decoded)
                .map(|i| h.pages[i].out_path.as_str())
        };
        assert_eq!(find("cli/index.html", "index.html"), Some("cli/index.html"));
        assert_eq!(
            find("01-guide/index.html", "../01-guide/index.html"),
            Some("guide/index.html")
        );
        // By output path: the slug, not the file name.
        assert_eq!(
            find("guide/install.html", "../guide/install.html"),
            Some("guide/install.html")
        );
        assert_eq!(find("index.html", "../index.html"), Some("index.html"));
        assert_eq!(
            find("guide/index.html", "/guide/index.html"),
            Some("guide/index.html")
        );
        assert_eq!(find("guide/missing.html", "../guide/missing.html"), None);
        assert_eq!(find("cli/build.md", "build.md"), None);
    }
}
