//! One chapter file of an mdBook book: UTF-8 text, optional front matter (the handbook's
//! keys), and the body with mdBook's helpers expanded ([`super::include`]); included files are
//! read inside the book root only.

use super::include::{self, Unused};
use crate::content::frontmatter::{self, AssignmentSpec};
use crate::content::load::first_heading;
use crate::error::Diagnostic;
use crate::safety;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A chapter's file, read.
pub struct Parsed {
    /// `draft = true` in front matter: left out.
    pub draft: bool,
    /// Front matter `slug`.
    pub slug: Option<String>,
    /// Front matter `title` (the SUMMARY.md entry's title otherwise).
    pub title: Option<String>,
    /// Front matter `description`.
    pub description: String,
    /// The body, helpers expanded.
    pub body: String,
    /// The file line the body starts on.
    pub body_line: usize,
    /// The file line of each body line, when includes changed them (else empty).
    pub line_map: Vec<usize>,
    /// Front matter `search`.
    pub searchable: bool,
    /// Front matter `extra`, with the keys of other tools.
    pub extra: serde_json::Value,
    /// Front-matter keys of other tools (counted for one warning per key).
    pub foreign: Vec<frontmatter::ForeignKey>,
    /// Front matter `assignment`.
    pub assignment: Option<AssignmentSpec>,
    /// Warnings of the front matter and the includes.
    pub warnings: Vec<Diagnostic>,
    /// Helpers the handbook leaves alone.
    pub unused: Vec<Unused>,
    /// Files included (relative to the root).
    pub included: Vec<PathBuf>,
    /// The leading `# Heading` and its body line.
    heading: Option<(String, usize)>,
}

impl Parsed {
    /// The body line of the leading `# Heading` when it says the same as `title` (so the
    /// theme's title replaces it), as the renderer counts lines.
    pub fn heading_line(&self, title: &str) -> Option<usize> {
        let (text, line) = self.heading.as_ref()?;
        if words(text) != words(title) {
            return None;
        }
        match self.line_map.get(line - 1) {
            Some(file_line) => Some(file_line + 1 - self.body_line),
            None => Some(*line),
        }
    }
}

/// Lower-case words, for comparing a heading with a title.
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Reads the chapter `display` (relative to the root) from `bytes`. `files` are the source
/// folder's files (relative to it, which is `display_base` under the root); includes of other
/// files are read from disk, inside `root_real` (the resolved root) only.
pub fn parse(
    bytes: &[u8],
    display: &Path,
    root_real: &Path,
    display_base: &Path,
    files: &BTreeMap<PathBuf, Vec<u8>>,
) -> Result<Parsed, Vec<Diagnostic>> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let valid = String::from_utf8_lossy(&bytes[..e.valid_up_to()]);
        let (line, col) = crate::error::line_col(&valid, usize::MAX);
        vec![
            Diagnostic::error(display, line, "the file is not valid UTF-8")
                .with_column(col)
                .with_hint("save the file as UTF-8 in your editor (it may be Latin-1 or UTF-16)"),
        ]
    })?;
    let split = frontmatter::split(text, display)?;
    let read = |rel: &Path| read_inside(rel, root_real, display_base, files);
    let expanded = include::expand(split.body, split.body_line, display, &read);
    let mut warnings = split.warnings;
    let mut errors = Vec::new();
    for d in expanded.diagnostics {
        if d.is_warning() {
            warnings.push(d);
        } else {
            errors.push(d);
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let changed = expanded.text != split.body;
    let front = split.front;
    let extra = front.extra_with_foreign();
    Ok(Parsed {
        draft: front.draft,
        slug: front.slug,
        title: front
            .title
            .filter(|t| !t.trim().is_empty())
            .map(|t| t.trim().to_string()),
        description: front.description.unwrap_or_default(),
        heading: first_heading(&expanded.text),
        line_map: if changed {
            expanded.line_map
        } else {
            Vec::new()
        },
        body: expanded.text,
        body_line: split.body_line,
        searchable: front.search.unwrap_or(true),
        extra,
        foreign: front.foreign,
        assignment: front.assignment,
        warnings,
        unused: expanded.unused,
        included: expanded.included,
    })
}

/// Reads the file `rel` (relative to the root) for an include: from the source folder's files
/// when it is one of them, else from disk when it resolves inside the root and is not hidden.
fn read_inside(
    rel: &Path,
    root_real: &Path,
    display_base: &Path,
    files: &BTreeMap<PathBuf, Vec<u8>>,
) -> Result<String, String> {
    let name = rel.display();
    let utf8 = |bytes: Vec<u8>| {
        String::from_utf8(bytes).map_err(|_| format!("`{name}` is not UTF-8 text"))
    };
    if let Some(bytes) = rel
        .strip_prefix(display_base)
        .ok()
        .and_then(|in_src| files.get(in_src))
    {
        return utf8(bytes.clone());
    }
    let real = safety::resolve(&root_real.join(rel));
    if let Err(refusal) = safety::check_inside(&real, root_real) {
        return Err(match refusal {
            safety::Refusal::Outside(to) => {
                format!("`{name}` points outside the book (to {})", to.display())
            }
            safety::Refusal::Hidden(_) => format!("`{name}` is hidden (its name starts with `.`)"),
        });
    }
    if real.is_dir() {
        return Err(format!("`{name}` is a folder, not a file"));
    }
    match std::fs::read(&real) {
        Ok(bytes) => utf8(bytes),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            Err(format!("there is no file `{name}`"))
        }
        Err(e) => Err(format!("cannot read `{name}`: {e}")),
    }
}
