//! Diagnostics: one error/warning type carrying a file, a position, a message and a hint,
//! collected for a whole build and printed together the way a compiler does.

pub mod plain;

use std::fmt;
use std::path::{Path, PathBuf};

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Fails the build (exit code 1).
    Error,
    /// Printed, but the build still succeeds.
    Warning,
    /// Information only (e.g. an accent colour adjusted for contrast); never fails anything,
    /// not even `check --deny-warnings`.
    Note,
}

/// One problem found in the user's input, pointing at `path:line:column`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file the problem is in (as the user would type it, relative to the handbook root
    /// where possible); empty when the problem concerns no single file.
    pub path: PathBuf,
    /// 1-based line; 0 when unknown.
    pub line: usize,
    /// 1-based column; 0 when unknown.
    pub column: usize,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub hint: Option<String>,
}

impl Diagnostic {
    /// An error at `path:line`.
    pub fn error(path: impl AsRef<Path>, line: usize, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            path: path.as_ref().to_path_buf(),
            line,
            column: 0,
            message: message.into(),
            hint: None,
        }
    }

    /// A warning at `path:line`.
    pub fn warning(path: impl AsRef<Path>, line: usize, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(path, line, message)
        }
    }

    /// A note at `path:line`: something the build did on the user's behalf.
    pub fn note(path: impl AsRef<Path>, line: usize, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Note,
            ..Diagnostic::error(path, line, message)
        }
    }

    /// The same problem as a warning: something that does not stop the work under way.
    pub fn into_warning(self) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..self
        }
    }

    /// Whether this diagnostic is a warning (not an error, not a note).
    pub fn is_warning(&self) -> bool {
        self.severity == Severity::Warning
    }

    /// Adds the hint telling the user what to do.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Sets the 1-based column.
    pub fn with_column(mut self, column: usize) -> Self {
        self.column = column;
        self
    }

    /// Whether this diagnostic fails the build.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The `path:line:column` part, omitting what is unknown.
    pub fn location(&self) -> String {
        let mut s = self.path.display().to_string();
        if self.line > 0 {
            s.push_str(&format!(":{}", self.line));
            if self.column > 0 {
                s.push_str(&format!(":{}", self.column));
            }
        }
        s
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        };
        if self.path.as_os_str().is_empty() {
            write!(f, "{label}: {}", self.message)?;
        } else {
            write!(f, "{label}: {}: {}", self.location(), self.message)?;
        }
        if let Some(hint) = &self.hint {
            write!(f, "\n  hint: {hint}")?;
        }
        Ok(())
    }
}

/// The result of every stage that can fail on the user's input: its value, or the diagnostics
/// saying why not. A single [`Diagnostic`] or a `Vec<Diagnostic>` converts with `?`.
pub type Result<T, E = Diagnostics> = std::result::Result<T, E>;

/// A list of diagnostics, as returned by a failed stage.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    /// How many diagnostics are printed at most; the rest are counted.
    pub const PRINT_CAP: usize = 50;

    /// The list, sorted (see [`Diagnostics::sort`]).
    pub fn sorted(list: Vec<Diagnostic>) -> Self {
        let mut d = Diagnostics(list);
        d.sort();
        d
    }

    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.0.iter().any(Diagnostic::is_error)
    }

    /// Sorts errors first, then by file and line, for stable output.
    pub fn sort(&mut self) {
        self.0.sort_by(|a, b| {
            (a.severity, &a.path, a.line, a.column, &a.message)
                .cmp(&(b.severity, &b.path, b.line, b.column, &b.message))
        });
        self.0.dedup();
    }

    /// Renders all diagnostics (capped) and a summary line.
    pub fn report(&self) -> String {
        let mut out = String::new();
        for d in self.0.iter().take(Self::PRINT_CAP) {
            out.push_str(&d.to_string());
            out.push('\n');
        }
        if self.0.len() > Self::PRINT_CAP {
            out.push_str(&format!(
                "... and {} more\n",
                self.0.len() - Self::PRINT_CAP
            ));
        }
        let errors = self.0.iter().filter(|d| d.is_error()).count();
        let warnings = self.0.iter().filter(|d| d.is_warning()).count();
        if errors > 0 || warnings > 0 {
            out.push_str(&format!(
                "{errors} error{}, {warnings} warning{}\n",
                if errors == 1 { "" } else { "s" },
                if warnings == 1 { "" } else { "s" }
            ));
        }
        out
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(d: Diagnostic) -> Self {
        Diagnostics(vec![d])
    }
}

impl From<Vec<Diagnostic>> for Diagnostics {
    fn from(list: Vec<Diagnostic>) -> Self {
        Diagnostics(list)
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.report())
    }
}

impl std::error::Error for Diagnostics {}

/// An error with all its causes, on one line (`a: b: c`).
pub fn chain(e: &dyn std::error::Error) -> String {
    let mut parts = vec![e.to_string()];
    let mut source = e.source();
    while let Some(s) = source {
        parts.push(s.to_string());
        source = s.source();
    }
    parts.join(": ")
}

/// The 1-based line of byte `offset` in `text`, for many lookups in one text: builds the line
/// starts once, then each lookup is a binary search (`line_col` scans from the start each time,
/// which is quadratic over a file of many entries).
pub fn line_lookup(text: &str) -> impl Fn(usize) -> usize {
    let starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    move |offset: usize| starts.partition_point(|&s| s <= offset).max(1)
}

/// Converts a byte offset in `text` to a 1-based (line, column) pair.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text.as_bytes()[..offset];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
}

#[cfg(test)]
mod line_tests {
    #[test]
    fn line_lookup_agrees_with_line_col() {
        let text = "a\nbc\n\nd";
        let line = super::line_lookup(text);
        for offset in 0..=text.len() + 2 {
            assert_eq!(line(offset), super::line_col(text, offset).0, "{offset}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_from_one() {
        let text = "ab\ncd\nef";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 4), (2, 2));
        assert_eq!(line_col(text, 100), (3, 3));
    }

    #[test]
    fn display_names_file_line_and_hint() {
        let d = Diagnostic::error("content/a.md", 3, "broken link")
            .with_column(5)
            .with_hint("fix it");
        assert_eq!(
            d.to_string(),
            "error: content/a.md:3:5: broken link\n  hint: fix it"
        );
    }

    #[test]
    fn report_caps_and_counts() {
        let mut all = Diagnostics::default();
        for i in 0..60 {
            all.0.push(Diagnostic::error("a.md", i + 1, "x"));
        }
        all.0.push(Diagnostic::warning("b.md", 1, "w"));
        let r = all.report();
        assert!(r.contains("... and 11 more"));
        assert!(r.contains("60 errors, 1 warning"));
    }
}
