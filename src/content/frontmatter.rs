//! Front matter: TOML between `+++` lines or YAML between `---` lines at the top of a page.

use crate::error::{Diagnostic, line_col};
use serde::Deserialize;
use std::path::Path;

/// The keys a page may set in its front matter.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct FrontMatter {
    /// The page title; without it the first `#` heading is the title.
    pub title: Option<String>,
    /// One sentence shown in listings and page metadata.
    pub description: Option<String>,
    /// Sort key: lower comes first; pages without a weight come after those with one.
    pub weight: Option<i64>,
    /// `true` leaves the page out of the build.
    pub draft: bool,
    /// Overrides the slug derived from the file name.
    pub slug: Option<String>,
    /// `false` keeps the page out of the search index.
    pub search: Option<bool>,
    /// Free-form values for themes (`[extra]`).
    pub extra: Option<serde_json::Value>,
}

/// A page source split into its front matter and body.
#[derive(Debug, Clone, PartialEq)]
pub struct Split<'a> {
    /// The parsed front matter (default when there is none).
    pub front: FrontMatter,
    /// Whether the file had front matter at all.
    pub has_front_matter: bool,
    /// The Markdown after the front matter.
    pub body: &'a str,
    /// The 1-based line of the file on which `body` starts.
    pub body_line: usize,
}

/// Splits and parses the front matter of `text` (the contents of `path`).
pub fn split<'a>(text: &'a str, path: &Path) -> Result<Split<'a>, Diagnostic> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first_line_end = text.find('\n').map_or(text.len(), |i| i + 1);
    let fence = text[..first_line_end].trim_end();
    let yaml = match fence {
        "+++" => false,
        "---" => true,
        _ => {
            return Ok(Split {
                front: FrontMatter::default(),
                has_front_matter: false,
                body: text,
                body_line: 1,
            });
        }
    };
    let rest = &text[first_line_end..];
    let mut offset = 0;
    let mut close = None;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == fence {
            close = Some((offset, offset + line.len()));
            break;
        }
        offset += line.len();
    }
    let Some((inner_end, body_start)) = close else {
        return Err(Diagnostic::error(
            path,
            1,
            format!("front matter opened with `{fence}` is never closed"),
        )
        .with_hint(format!(
            "add a line with only `{fence}` after the front matter"
        )));
    };
    let inner = &rest[..inner_end];
    let front = if yaml {
        parse_yaml(inner, path)?
    } else {
        parse_toml(inner, path)?
    };
    let body = &rest[body_start..];
    let body_line = 2 + inner.matches('\n').count() + 1;
    Ok(Split {
        front,
        has_front_matter: true,
        body,
        body_line,
    })
}

fn parse_toml(inner: &str, path: &Path) -> Result<FrontMatter, Diagnostic> {
    toml::from_str(inner).map_err(|e| {
        let (line, column) = e.span().map_or((0, 0), |s| line_col(inner, s.start));
        Diagnostic::error(
            path,
            line + 1,
            format!("front matter: {}", e.message().trim()),
        )
        .with_column(column)
        .with_hint(front_matter_hint(e.message()))
    })
}

fn parse_yaml(inner: &str, path: &Path) -> Result<FrontMatter, Diagnostic> {
    if inner.trim().is_empty() {
        return Ok(FrontMatter::default());
    }
    serde_norway::from_str(inner).map_err(|e| {
        let (line, column) = e.location().map_or((0, 0), |l| (l.line(), l.column()));
        let message = e.to_string();
        let message = message
            .split(" at line ")
            .next()
            .unwrap_or(&message)
            .to_string();
        Diagnostic::error(path, line + 1, format!("front matter: {message}"))
            .with_column(column)
            .with_hint(front_matter_hint(&message))
    })
}

fn front_matter_hint(message: &str) -> &'static str {
    if message.contains("unknown field") {
        "front matter accepts title, description, weight, draft, slug, search and extra"
    } else {
        "check the syntax: TOML between +++ lines (title = \"...\") or YAML between --- lines (title: ...)"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p() -> &'static Path {
        Path::new("a.md")
    }

    #[test]
    fn toml_front_matter() {
        let s = split("+++\ntitle = \"Goals\"\nweight = 2\n+++\n# Body\n", p()).unwrap();
        assert_eq!(s.front.title.as_deref(), Some("Goals"));
        assert_eq!(s.front.weight, Some(2));
        assert_eq!(s.body, "# Body\n");
        assert_eq!(s.body_line, 5);
    }

    #[test]
    fn yaml_front_matter() {
        let s = split("---\ntitle: Bond\ndraft: true\n---\ntext", p()).unwrap();
        assert_eq!(s.front.title.as_deref(), Some("Bond"));
        assert!(s.front.draft);
        assert_eq!(s.body_line, 5);
    }

    #[test]
    fn no_front_matter() {
        let s = split("# Title\n", p()).unwrap();
        assert!(!s.has_front_matter);
        assert_eq!(s.body_line, 1);
    }

    #[test]
    fn malformed_toml_names_the_file_line() {
        let e = split("+++\ntitle = \"ok\"\nweight = = 3\n+++\n", p()).unwrap_err();
        assert_eq!(e.line, 3);
    }

    #[test]
    fn malformed_yaml_names_the_file_line() {
        let e = split("---\ntitle: ok\nweight: [1\n---\n", p()).unwrap_err();
        assert!(e.line >= 3, "{e}");
    }

    #[test]
    fn unknown_key_is_an_error() {
        let e = split("+++\ntitel = \"x\"\n+++\n", p()).unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.message.contains("titel"));
    }

    #[test]
    fn unclosed_front_matter() {
        let e = split("+++\ntitle = \"x\"\n", p()).unwrap_err();
        assert!(e.message.contains("never closed"));
    }
}
