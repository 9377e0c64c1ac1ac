//! Internal links: a relative link to a `.md` file (optionally with `#fragment`), a folder or
//! another file of the content folder becomes a relative link into the built site.

use crate::config::{Config, Severity};
use crate::content::{Handbook, Page, PageKind, relative_url};
use crate::error::Diagnostic;
use std::path::{Component, Path, PathBuf};

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
    let decoded = percent_decode(path_part);
    let base = if page.kind == PageKind::Page || is_landing_file(&page.source) {
        page.source.parent().unwrap_or(Path::new("")).to_path_buf()
    } else {
        page.source.clone()
    };
    let joined = if let Some(abs) = decoded.strip_prefix('/') {
        PathBuf::from(abs)
    } else {
        base.join(&decoded)
    };
    let Some(normal) = normalize(&joined) else {
        return Resolved::Broken {
            reason: "it points outside the content folder".into(),
        };
    };
    let with_fragment = |url: String, fragment: &Option<String>| match fragment {
        Some(f) => format!("{url}#{f}"),
        None => url,
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
    let reason = if normal.extension().is_some_and(|e| e == "md") {
        format!(
            "there is no page `{}` in the content folder",
            normal.display()
        )
    } else {
        format!(
            "there is no file `{}` in the content folder",
            normal.display()
        )
    };
    Resolved::Broken { reason }
}

/// The diagnostic for a broken link, an error or a warning by the handbook's link policy.
pub fn broken_diagnostic(
    config: &Config,
    path: &Path,
    line: usize,
    column: usize,
    message: String,
) -> Diagnostic {
    let d = match config.links.broken {
        Severity::Error => Diagnostic::error(path, line, message),
        Severity::Warn => Diagnostic::warning(path, line, message),
    };
    d.with_column(column).with_hint(
        "correct the path (relative to this file) or the heading id; set `[links] broken = \"warn\"` in handbook.toml to only warn",
    )
}

fn is_landing_file(source: &Path) -> bool {
    source
        .file_name()
        .is_some_and(|n| crate::content::load::LANDING_NAMES.iter().any(|l| n == *l))
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

/// Resolves `.` and `..`; None when the path climbs above its start.
fn normalize(path: &Path) -> Option<PathBuf> {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::Normal(s) => out.push(s),
            Component::ParentDir => {
                if !out.pop() {
                    return None;
                }
            }
            Component::CurDir => {}
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    Some(out)
}

/// Decodes `%XX` escapes (invalid ones are kept as written).
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && bytes[i + 1].is_ascii_hexdigit()
            && bytes[i + 2].is_ascii_hexdigit()
        {
            let hex = [bytes[i + 1], bytes[i + 2]];
            let hex = std::str::from_utf8(&hex).unwrap_or("00");
            out.push(u8::from_str_radix(hex, 16).unwrap_or(0));
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_string())
}

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
