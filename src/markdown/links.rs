//! Internal links: a relative link to a `.md` file (optionally with `#fragment`), a folder or
//! another file of the content folder becomes a relative link into the built site.

use crate::config::{Config, Severity};
use crate::content::{Handbook, Page, PageKind, relative_url};
use crate::error::Diagnostic;
use crate::safety::lexical_normalize as normalize;
use std::path::{Path, PathBuf};

/// What a link points at inside the handbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkTarget {
    /// A page (by index).
    Page(usize),
    /// A copied file (by index).
    Asset(usize),
}

/// The outcome of resolving a link destination.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    /// Another site, `mailto:`, or anything left as written.
    External,
    /// A file of the handbook; `url` is the rewritten destination.
    Target {
        /// The relative URL to write.
        url: String,
        /// What it points at.
        target: LinkTarget,
        /// The `#fragment`, when there is one.
        fragment: Option<String>,
    },
    /// Nothing in the handbook matches.
    Broken {
        /// Why, in words.
        reason: String,
    },
}

/// Resolves `dest` written on `page`.
pub fn resolve(handbook: &Handbook, page: &Page, dest: &str) -> Resolved {
    if dest.is_empty() || is_external(dest) {
        return Resolved::External;
    }
    let (path_part, fragment) = match dest.split_once('#') {
        Some((p, f)) => (p, Some(f)),
        None => (dest, None),
    };
    let path_part = path_part.split('?').next().unwrap_or("");
    let fragment = fragment.map(percent_decode).filter(|f| !f.is_empty());
    if path_part.is_empty() {
        // `#fragment` on the same page.
        let index = handbook.page_by_source(&page.source);
        return match (index, fragment) {
            (Some(i), Some(f)) => Resolved::Target {
                url: format!("#{f}"),
                target: LinkTarget::Page(i),
                fragment: Some(f),
            },
            _ => Resolved::External,
        };
    }
    // (In NFC, as the content's file names are: `crate::content::nfc`.)
    let decoded = crate::content::nfc::text(&percent_decode(path_part)).into_owned();
    // A page's links are relative to its file's folder; a chapter made from a folder without
    // a landing page has that folder as its source.
    let is_file = crate::content::load::is_markdown(&page.source);
    let base = if page.kind == PageKind::Page || is_file || is_landing_file(&page.source) {
        page.source.parent().unwrap_or(Path::new("")).to_path_buf()
    } else {
        page.source.clone()
    };
    let joined = if let Some(abs) = decoded.strip_prefix('/') {
        PathBuf::from(abs)
    } else {
        base.join(&decoded)
    };
    let with_fragment = |url: String, fragment: &Option<String>| match fragment {
        Some(f) => format!("{url}#{f}"),
        None => url,
    };
    // `../setup/` in an MkDocs site: the page served at that directory URL.
    let directory_url = |fragment: Option<String>| {
        let index = super::directory_urls::page_for(handbook, page, &decoded)?;
        let url = relative_url(&page.out_path, &handbook.pages[index].out_path);
        Some(Resolved::Target {
            url: with_fragment(url, &fragment),
            target: LinkTarget::Page(index),
            fragment,
        })
    };
    // (MkDocs serves a page at a folder URL, so such a link means what it means there.)
    if let Some(resolved) = directory_url(fragment.clone()) {
        return resolved;
    }
    let Some(normal) = normalize(&joined) else {
        return Resolved::Broken {
            reason: "it points outside the content folder".into(),
        };
    };
    if let Some(index) = handbook.page_by_source(&normal) {
        let url = relative_url(&page.out_path, &handbook.pages[index].out_path);
        return Resolved::Target {
            url: with_fragment(url, &fragment),
            target: LinkTarget::Page(index),
            fragment,
        };
    }
    if let Some(&index) = handbook.asset_by_source.get(&normal) {
        let url = relative_url(&page.out_path, &handbook.assets[index].out_path);
        return Resolved::Target {
            url: with_fragment(url, &fragment),
            target: LinkTarget::Asset(index),
            fragment: None,
        };
    }
    // `guide/install.html`: the page that will be written there (mdBook and MkDocs links).
    if let Some(index) = super::built_paths::page_for_html(handbook, page, &normal, &decoded) {
        let url = relative_url(&page.out_path, &handbook.pages[index].out_path);
        return Resolved::Target {
            url: with_fragment(url, &fragment),
            target: LinkTarget::Page(index),
            fragment,
        };
    }
    let what = if crate::content::load::is_markdown(&normal) {
        "page"
    } else {
        "file"
    };
    let close = suggestion(handbook, &normal, path_part)
        .or_else(|| suggestion_anywhere(handbook, &normal, &base, path_part))
        .map(|s| format!(" (did you mean `{s}`?)"))
        .unwrap_or_default();
    Resolved::Broken {
        reason: format!(
            "there is no {what} `{}` in the content folder{close}",
            normal.display()
        ),
    }
}

/// The existing page or file closest to the missing `normal` (same folder, file name within
/// a few edits), written the way the author wrote `dest`: only the last part replaced.
fn suggestion(handbook: &Handbook, normal: &Path, dest: &str) -> Option<String> {
    let parent = normal.parent().unwrap_or(Path::new(""));
    let name = normal.file_name()?.to_str()?;
    let mut names: Vec<&str> = handbook
        .by_source
        .keys()
        .chain(handbook.asset_by_source.keys())
        .filter(|p| p.parent().unwrap_or(Path::new("")) == parent)
        .filter_map(|p| p.file_name()?.to_str())
        .collect();
    names.sort_unstable();
    let close = names
        .iter()
        .map(|n| (crate::error::plain::edit_distance(name, n), *n))
        .filter(|(d, n)| *d <= 3.max(n.chars().count() / 5))
        .min_by_key(|(d, _)| *d)?
        .1;
    let dest = dest.trim_end_matches('/');
    Some(match dest.rfind('/') {
        Some(i) => format!("{}/{close}", &dest[..i]),
        None => close.to_string(),
    })
}

/// The page or file whose whole path (relative to the content folder) is closest to the
/// missing `normal`, for a typo in a folder name; written relative to `base` (or from the
/// content folder when `dest` was, with a leading `/`).
fn suggestion_anywhere(
    handbook: &Handbook,
    normal: &Path,
    base: &Path,
    dest: &str,
) -> Option<String> {
    let want = normal.to_string_lossy().replace('\\', "/");
    let mut all: Vec<String> = handbook
        .by_source
        .keys()
        .chain(handbook.asset_by_source.keys())
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .filter(|p| !p.is_empty())
        .collect();
    all.sort_unstable();
    let close = all
        .iter()
        .map(|p| (crate::error::plain::edit_distance(&want, p), p))
        .filter(|(d, _)| *d <= 3)
        .min_by_key(|(d, _)| *d)?
        .1;
    if dest.starts_with('/') {
        return Some(format!("/{close}"));
    }
    let base: Vec<String> = base
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let target: Vec<&str> = close.split('/').collect();
    let common = base
        .iter()
        .zip(&target)
        .take_while(|(a, b)| a.as_str() == **b)
        .count();
    let mut out = "../".repeat(base.len() - common);
    out.push_str(&target[common..].join("/"));
    Some(out)
}

/// What a broken reference is, for the hint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Broken {
    /// A link to a page or file.
    Link,
    /// An image's file.
    Image,
    /// A `#heading` in a page.
    Fragment,
}

/// The diagnostic for a broken link, an error or a warning by the handbook's link policy. The
/// hint only offers `[links] broken = "warn"` when it is not already set.
pub fn broken_diagnostic(
    config: &Config,
    path: &Path,
    line: usize,
    column: usize,
    message: String,
    kind: Broken,
) -> Diagnostic {
    let (d, policy) = match config.links.broken {
        Severity::Error => (
            Diagnostic::error(path, line, message),
            "; or set `[links] broken = \"warn\"` in handbook.toml to only warn",
        ),
        Severity::Warn => (Diagnostic::warning(path, line, message), ""),
    };
    let fix = match kind {
        Broken::Link => "correct the path (relative to this file)",
        Broken::Image => {
            "correct the image's file name or folder (relative to this file); the image must be inside the content folder"
        }
        Broken::Fragment => {
            "use the heading's id as the page's table of contents shows it (lower case, words joined by `-`)"
        }
    };
    d.with_column(column).with_hint(format!("{fix}{policy}"))
}

/// A link or image whose destination has a space, so CommonMark left it as text:
/// `![Diagram](alliance diagram.svg)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpacedLink<'a> {
    /// Byte offset of the `[` (or `!` of an image) in the text scanned.
    pub offset: usize,
    /// Whether it is an image.
    pub is_image: bool,
    /// The text between the brackets.
    pub text: &'a str,
    /// The destination as written, spaces included.
    pub dest: &'a str,
}

/// Every `[text](dest with spaces)` in `body` outside the byte ranges `skip` (code, HTML). A
/// destination followed by a quoted title (`[a](b.md "Title")`) is a valid link, not one of
/// these.
pub fn spaced_links<'a>(body: &'a str, skip: &[std::ops::Range<usize>]) -> Vec<SpacedLink<'a>> {
    let mut out = Vec::new();
    for (i, _) in body.match_indices("](") {
        if skip.iter().any(|r| r.contains(&i)) {
            continue;
        }
        let line_start = body[..i].rfind('\n').map_or(0, |n| n + 1);
        let after = &body[i + 2..];
        let Some(close) = after
            .find([')', '\n'])
            .filter(|&c| after[c..].starts_with(')'))
        else {
            continue;
        };
        let dest = after[..close].trim();
        if dest.starts_with('<') || !dest.contains(' ') {
            continue;
        }
        let (_, rest) = dest.split_once(' ').unwrap_or((dest, ""));
        if rest.trim_start().starts_with(['"', '\'', '(']) {
            continue;
        }
        let Some(open) = body[line_start..i].rfind('[').map(|o| line_start + o) else {
            continue;
        };
        let is_image = open > 0 && body.as_bytes()[open - 1] == b'!';
        out.push(SpacedLink {
            offset: if is_image { open - 1 } else { open },
            is_image,
            text: &body[open + 1..i],
            dest,
        });
    }
    out
}

/// Errors for the links and images of `page` left as text because their destination has a
/// space, when a file of that name exists (so the intent is clear). `code` are the byte ranges
/// of code and HTML in `body` (the text parsed); `pos` turns an offset in it into a file line
/// and column.
pub fn spaced_link_errors(
    handbook: &Handbook,
    page: &Page,
    body: &str,
    code: &[std::ops::Range<usize>],
    pos: &dyn Fn(usize) -> (usize, usize),
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for found in spaced_links(body, code) {
        let path_part = found.dest.split('#').next().unwrap_or("");
        if !matches!(resolve(handbook, page, path_part), Resolved::Target { .. }) {
            continue;
        }
        let (line, column) = pos(found.offset);
        let (what, bang) = if found.is_image {
            ("image", "!")
        } else {
            ("link", "")
        };
        let (text, dest) = (found.text, found.dest);
        out.push(
            Diagnostic::error(
                &page.display_path,
                line,
                format!("this {what} is shown as plain text: its file name `{dest}` has a space, which Markdown does not allow in a link"),
            )
            .with_column(column)
            .with_hint(format!(
                "write `{bang}[{text}]({})` or `{bang}[{text}](<{dest}>)`, or rename the file without spaces",
                dest.replace(' ', "%20")
            )),
        );
    }
    out
}

fn is_landing_file(source: &Path) -> bool {
    source
        .file_name()
        .and_then(|n| n.to_str())
        .and_then(crate::content::load::landing_rank)
        .is_some()
}

/// Whether `dest` leaves the handbook: a URL scheme, a protocol-relative URL.
pub fn is_external(dest: &str) -> bool {
    if dest.starts_with("//") {
        return true;
    }
    match dest.find(':') {
        Some(i) => {
            let scheme = &dest[..i];
            !scheme.is_empty()
                && !scheme.contains(['/', '#', '?'])
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        }
        None => false,
    }
}

pub use crate::html::percent_decode;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn externals() {
        assert!(is_external("https://example.org"));
        assert!(is_external("mailto:a@b.c"));
        assert!(is_external("//cdn.example"));
        assert!(!is_external("a/b.md"));
        assert!(!is_external("b.md#x:y"));
    }

    #[test]
    fn spaced_destinations_are_found_outside_code() {
        let body = "![Diagram](alliance diagram.svg) and [ok](a.md \"T\") `[x](y z)`\n[Notes](my notes.md)\n";
        let code = body.find('`').unwrap()..body.rfind('`').unwrap();
        let found = spaced_links(body, &[code]);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!((found[0].offset, found[0].is_image), (0, true));
        assert_eq!(
            (found[0].text, found[0].dest),
            ("Diagram", "alliance diagram.svg")
        );
        assert_eq!((found[1].text, found[1].dest), ("Notes", "my notes.md"));
        assert!(!found[1].is_image);
    }

    #[test]
    fn a_typo_in_a_folder_name_gets_the_closest_path() {
        let h = crate::content::testing::handbook(&[
            ("01-alliance/02-bordin.md", "# B\n"),
            ("02-goals/01-a.md", "# A\n"),
        ]);
        let page = &h.pages[h.page_by_source(Path::new("02-goals/01-a.md")).unwrap()];
        let Resolved::Broken { reason } = resolve(&h, page, "../01-aliance/02-bordin.md") else {
            panic!("broken");
        };
        assert!(
            reason.ends_with("(did you mean `../01-alliance/02-bordin.md`?)"),
            "{reason}"
        );
    }

    #[test]
    fn decode_and_normalize() {
        assert_eq!(percent_decode("my%20file.md"), "my file.md");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%é1"), "%é1");
        assert_eq!(
            normalize(Path::new("a/../b/./c.md")),
            Some(PathBuf::from("b/c.md"))
        );
        assert_eq!(normalize(Path::new("../x.md")), None);
    }
}
