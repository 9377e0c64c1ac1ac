//! Front matter: TOML between `+++` lines or YAML between `---` lines at the top of a page.

use crate::error::plain::{self, closest};
use crate::error::{Diagnostic, line_col};
use serde::Deserialize;
use std::path::Path;
use toml::de::{DeTable, DeValue};

/// The keys a page may set in its front matter. Keys of other tools (`icon`, `tags`, `hide`,
/// ...) are not errors: they are kept in [`FrontMatter::foreign`] (unknown keys are checked
/// before this struct is filled, so a misspelt key such as `titel` still is one).
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(default)]
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
    /// Makes the page an assignment: what to read, which exercises to do, how many practice
    /// entries to save (`[assignment]`).
    pub assignment: Option<AssignmentSpec>,
    /// Keys the handbook does not know and that are no misspelling of one it knows: front
    /// matter of other tools (MkDocs, Jekyll, Hugo), passed to themes in `page.extra`.
    #[serde(skip)]
    pub foreign: Vec<ForeignKey>,
}

/// A front-matter key of another tool, with its value and file line.
#[derive(Debug, Clone, PartialEq)]
pub struct ForeignKey {
    /// The key as written.
    pub name: String,
    /// The file line of the key.
    pub line: usize,
    /// Its value, for `page.extra`.
    pub value: serde_json::Value,
}

/// The front-matter keys of other tools met in one build: key -> (files, first file, its
/// line), for one warning per key instead of one per file.
#[derive(Debug, Default)]
pub struct ForeignKeys(std::collections::BTreeMap<String, (usize, std::path::PathBuf, usize)>);

impl ForeignKeys {
    /// Counts the foreign `keys` of the page `path` (as diagnostics name it).
    pub fn add(&mut self, path: &Path, keys: &[ForeignKey]) {
        for key in keys {
            let seen = self
                .0
                .entry(key.name.clone())
                .or_insert_with(|| (0, path.to_path_buf(), key.line));
            seen.0 += 1;
        }
    }

    /// One warning per key, naming how many files use it, at the first one's line.
    pub fn warnings(self) -> Vec<Diagnostic> {
        self.0
            .into_iter()
            .map(|(name, (count, path, line))| {
                let files = if count == 1 {
                    "1 file".to_string()
                } else {
                    format!("{count} files")
                };
                Diagnostic::warning(
                    path,
                    line,
                    format!(
                        "front matter key `{name}` (in {files}) is not a handbook key; themes get it as `page.extra.{name}`"
                    ),
                )
                .with_hint(format!(
                    "the handbook's keys are {}; remove `{name}` or leave it for a theme",
                    KEYS.join(", ")
                ))
            })
            .collect()
    }
}

impl FrontMatter {
    /// `extra` with the foreign keys added (an explicit `extra` entry of the same name wins).
    pub fn extra_with_foreign(&self) -> serde_json::Value {
        let mut extra = self.extra.clone().unwrap_or(serde_json::Value::Null);
        if self.foreign.is_empty() {
            return extra;
        }
        if extra.is_null() {
            extra = serde_json::Value::Object(Default::default());
        }
        if let serde_json::Value::Object(map) = &mut extra {
            for f in &self.foreign {
                map.entry(f.name.clone()).or_insert_with(|| f.value.clone());
            }
        }
        extra
    }
}

/// The `[assignment]` table of a page's front matter, as written. References are checked
/// against the built pages by `crate::assignments`.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct AssignmentSpec {
    /// When it is due, as free text ("Before the second supervision session").
    pub due: Option<String>,
    /// A short note from the supervisor.
    pub note: Option<String>,
    /// Pages or sections to read: paths to `.md` files (relative to this page, or to the
    /// content folder), optionally with `#heading`.
    pub read: Vec<String>,
    /// Exercises to complete: an exercise id, or a page path (`chapter/page.md`) meaning
    /// every exercise on that page.
    pub exercises: Vec<String>,
    /// How many practice-form entries to save.
    pub practice: u32,
    /// The file line of each entry of `read` and `exercises` (same order, `read` first) and
    /// of `practice` last; filled in after parsing.
    #[serde(skip)]
    pub lines: Vec<usize>,
    /// The file line of the `assignment` key itself.
    #[serde(skip)]
    pub line: usize,
}

impl AssignmentSpec {
    /// The file line of `read[i]`.
    pub fn read_line(&self, i: usize) -> usize {
        self.lines.get(i).copied().unwrap_or(self.line)
    }

    /// The file line of `exercises[i]`.
    pub fn exercise_line(&self, i: usize) -> usize {
        self.lines
            .get(self.read.len() + i)
            .copied()
            .unwrap_or(self.line)
    }

    /// The file line of `practice`.
    pub fn practice_line(&self) -> usize {
        self.lines.last().copied().unwrap_or(self.line)
    }

    /// Finds the file lines of the entries in the front matter text `inner` (which starts on
    /// file line 2). Each entry is looked for after the previous one, so repeated values
    /// still get their own lines.
    fn locate(&mut self, inner: &str) {
        let lines: Vec<&str> = inner.lines().collect();
        let file_line = |i: usize| i + 2;
        let start = lines
            .iter()
            .position(|l| {
                let t = l.trim_start();
                t.starts_with("[assignment")
                    || t.starts_with("assignment:")
                    || t.starts_with("assignment ")
            })
            .unwrap_or(0);
        self.line = file_line(start);
        let mut located = Vec::new();
        let find_key = |key: &str| {
            lines[start..]
                .iter()
                .position(|l| {
                    let t = l.trim_start();
                    t.strip_prefix(key)
                        .is_some_and(|r| r.trim_start().starts_with(['=', ':']))
                })
                .map(|i| start + i)
        };
        for (key, values) in [("read", &self.read), ("exercises", &self.exercises)] {
            // (line, byte offset): entries are found in order, several may share a line.
            let mut cursor = (find_key(key).unwrap_or(start), 0);
            for value in values {
                let found = (cursor.0..lines.len()).find_map(|i| {
                    let from = if i == cursor.0 { cursor.1 } else { 0 };
                    find_value(lines[i], from, value).map(|end| (i, end))
                });
                match found {
                    Some(at) => {
                        located.push(file_line(at.0));
                        cursor = at;
                    }
                    None => located.push(file_line(cursor.0.min(lines.len().saturating_sub(1)))),
                }
            }
        }
        located.push(file_line(find_key("practice").unwrap_or(start)));
        self.lines = located;
    }
}

/// Where `value` ends in `line` at or after byte `from`: as a quoted string, a YAML list item
/// (`- value`) or a bare entry of a YAML flow list (`[a.md, b.md]`).
fn find_value(line: &str, from: usize, value: &str) -> Option<usize> {
    let rest = line.get(from..)?;
    for quoted in [format!("\"{value}\""), format!("'{value}'")] {
        if let Some(i) = rest.find(&quoted) {
            return Some(from + i + quoted.len());
        }
    }
    if from == 0
        && line
            .trim_start()
            .strip_prefix('-')
            .is_some_and(|r| r.trim() == value)
    {
        return Some(line.len());
    }
    let mut offset = from;
    for token in rest.split([',', '[', ']']) {
        let end = offset + token.len();
        if token.trim() == value {
            return Some(end);
        }
        offset = end + 1;
    }
    None
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
    /// Problems that do not stop the build (a YAML value in curly quotes).
    pub warnings: Vec<Diagnostic>,
}

/// The keys of the front matter, for "did you mean".
pub const KEYS: [&str; 8] = [
    "title",
    "description",
    "weight",
    "draft",
    "slug",
    "search",
    "extra",
    "assignment",
];
/// The keys of `[assignment]`.
pub const ASSIGNMENT_KEYS: [&str; 5] = ["due", "note", "read", "exercises", "practice"];

/// Splits and parses the front matter of `text` (the contents of `path`). Every problem found
/// is returned (all unknown keys at once, each with its line).
pub fn split<'a>(text: &'a str, path: &Path) -> Result<Split<'a>, Vec<Diagnostic>> {
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
                warnings: Vec::new(),
            });
        }
    };
    let rest = &text[first_line_end..];
    let no_front_matter = || Split {
        front: FrontMatter::default(),
        has_front_matter: false,
        body: text,
        body_line: 1,
        warnings: Vec::new(),
    };
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
        if yaml && !opens_with_a_key(rest) {
            return Ok(no_front_matter());
        }
        return Err(vec![
            Diagnostic::error(
                path,
                1,
                format!("front matter opened with `{fence}` is never closed"),
            )
            .with_hint(format!(
                "add a line with only `{fence}` after the front matter"
            )),
        ]);
    };
    let inner = &rest[..inner_end];
    if yaml && is_horizontal_rule(inner) {
        return Ok(no_front_matter());
    }
    let mut warnings = Vec::new();
    let mut front = if yaml {
        parse_yaml(inner, path, &mut warnings)?
    } else {
        parse_toml(inner, path)?
    };
    if let Some(a) = front.assignment.as_mut() {
        a.locate(inner);
    }
    let body = &rest[body_start..];
    let body_line = 2 + inner.matches('\n').count() + 1;
    Ok(Split {
        front,
        has_front_matter: true,
        body,
        body_line,
        warnings,
    })
}

/// Whether the text between a page's opening `---` and the next `---` is content after a
/// horizontal rule rather than YAML front matter: it is not a mapping of keys (prose, a
/// list, a single string, only blank lines, only `#` lines), as MkDocs and GitHub read it.
/// A `# Heading` is a YAML comment, so a block that parses to nothing but holds text is
/// content, not an empty front matter that would swallow it. A mapping, or text
/// that does not parse as YAML (whose error is then reported), is front matter when it opens
/// with a `key:` whose key is one word.
/// `---` directly followed by `---` stays an empty front matter.
fn is_horizontal_rule(inner: &str) -> bool {
    if inner.is_empty() {
        return false;
    }
    if inner.trim().is_empty() {
        return true;
    }
    match serde_norway::from_str::<serde_norway::Value>(inner) {
        // Keys are words: `Some prose with: a colon` is a sentence.
        Ok(serde_norway::Value::Mapping(_)) => !opens_with_a_key(inner),
        // Anything else, `Null` from only comments (`# Heading` lines) included: content.
        Ok(_) => true,
        Err(_) => !opens_with_a_key(inner),
    }
}

/// Whether the first line of `text` with something on it (comments aside) starts a YAML
/// `key:` (a word, then a colon at the end of the line or before a space).
fn opens_with_a_key(text: &str) -> bool {
    let Some(line) = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#'))
    else {
        return false;
    };
    let Some((key, rest)) = line.split_once(':') else {
        return false;
    };
    let key = key.trim_matches(|c| c == '"' || c == '\'');
    !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
        && (rest.is_empty() || rest.starts_with([' ', '\t']))
}

/// An error at byte `offset` of the front matter text (which starts on file line 2).
fn error_at(path: &Path, inner: &str, offset: usize, message: String) -> Diagnostic {
    let (line, column) = line_col(inner, offset);
    Diagnostic::error(path, line + 1, message).with_column(column)
}

/// "unknown key" for `name` at byte `offset`, with the closest allowed key.
fn unknown_key(path: &Path, inner: &str, offset: usize, name: &str, within: &str) -> Diagnostic {
    let allowed: &[&str] = if within.is_empty() {
        &KEYS
    } else {
        &ASSIGNMENT_KEYS
    };
    let place = if within.is_empty() {
        "front matter".to_string()
    } else {
        format!("`[{within}]`")
    };
    let d = error_at(
        path,
        inner,
        offset,
        format!("unknown key `{name}` in the {place}"),
    );
    let list = allowed.join(", ");
    match closest(name, allowed.iter().copied()) {
        Some(c) => d.with_hint(format!("did you mean `{c}`? Keys allowed here: {list}")),
        None => d.with_hint(format!("keys allowed here: {list}")),
    }
}

fn parse_toml(inner: &str, path: &Path) -> Result<FrontMatter, Vec<Diagnostic>> {
    let to_diagnostic = |e: toml::de::Error| {
        let offset = e.span().map_or(0, |s| s.start);
        match plain::toml_problem(inner, e.message(), offset) {
            Some(p) => error_at(
                path,
                inner,
                p.offset,
                format!("front matter: {}", p.message),
            )
            .with_hint(p.hint),
            None => error_at(
                path,
                inner,
                offset,
                format!("front matter: {}", e.message().trim()),
            )
            .with_hint(front_matter_hint(e.message())),
        }
    };
    let doc = DeTable::parse(inner).map_err(|e| vec![to_diagnostic(e)])?;
    let mut unknown = Vec::new();
    let mut foreign = Vec::new();
    for (key, value) in doc.get_ref().iter() {
        let name: &str = key.get_ref();
        if !KEYS.contains(&name) {
            if is_foreign(name) {
                foreign.push((name.to_string(), line_col(inner, key.span().start).0 + 1));
            } else {
                unknown.push(unknown_key(path, inner, key.span().start, name, ""));
            }
        } else if name == "assignment"
            && let DeValue::Table(t) = value.get_ref()
        {
            for (k, _) in t.iter() {
                let k_name: &str = k.get_ref();
                if !ASSIGNMENT_KEYS.contains(&k_name) {
                    unknown.push(unknown_key(
                        path,
                        inner,
                        k.span().start,
                        k_name,
                        "assignment",
                    ));
                }
            }
        }
    }
    if !unknown.is_empty() {
        return Err(unknown);
    }
    let mut front: FrontMatter = toml::from_str(inner).map_err(|e| vec![to_diagnostic(e)])?;
    if !foreign.is_empty() {
        let table: toml::Table = toml::from_str(inner).map_err(|e| vec![to_diagnostic(e)])?;
        front.foreign = foreign
            .into_iter()
            .map(|(name, line)| ForeignKey {
                value: table
                    .get(&name)
                    .map_or(serde_json::Value::Null, toml_to_json),
                name,
                line,
            })
            .collect();
    }
    Ok(front)
}

/// Whether an unknown key is another tool's (kept for themes, one warning per build) rather
/// than a misspelling of a handbook key (an error with "did you mean").
pub fn is_foreign(name: &str) -> bool {
    closest(name, KEYS.iter().copied()).is_none()
}

/// A TOML value as JSON (dates and times as their TOML text).
pub fn toml_to_json(value: &toml::Value) -> serde_json::Value {
    use serde_json::Value as J;
    match value {
        toml::Value::String(s) => J::String(s.clone()),
        toml::Value::Integer(i) => J::from(*i),
        toml::Value::Float(f) => serde_json::Number::from_f64(*f).map_or(J::Null, J::Number),
        toml::Value::Boolean(b) => J::Bool(*b),
        toml::Value::Datetime(d) => J::String(d.to_string()),
        toml::Value::Array(a) => J::Array(a.iter().map(toml_to_json).collect()),
        toml::Value::Table(t) => J::Object(
            t.iter()
                .map(|(k, v)| (k.clone(), toml_to_json(v)))
                .collect(),
        ),
    }
}

/// A YAML value as JSON: tags dropped (the tagged value kept), keys that are not strings
/// written as YAML would print them.
pub fn yaml_to_json(value: &serde_norway::Value) -> serde_json::Value {
    use serde_json::Value as J;
    use serde_norway::Value as Y;
    match value {
        Y::Null => J::Null,
        Y::Bool(b) => J::Bool(*b),
        Y::Number(n) => {
            if let Some(i) = n.as_i64() {
                J::from(i)
            } else if let Some(u) = n.as_u64() {
                J::from(u)
            } else {
                n.as_f64()
                    .and_then(serde_json::Number::from_f64)
                    .map_or(J::Null, J::Number)
            }
        }
        Y::String(s) => J::String(s.clone()),
        Y::Sequence(items) => J::Array(items.iter().map(yaml_to_json).collect()),
        Y::Mapping(map) => J::Object(
            map.iter()
                .map(|(k, v)| {
                    let key = match k {
                        Y::String(s) => s.clone(),
                        other => serde_norway::to_string(other)
                            .unwrap_or_default()
                            .trim()
                            .to_string(),
                    };
                    (key, yaml_to_json(v))
                })
                .collect(),
        ),
        Y::Tagged(t) => yaml_to_json(&t.value),
    }
}

/// The byte offset of `key:` in the YAML text, searching from `from` (at the line start).
fn yaml_key_offset(inner: &str, key: &str, from: usize) -> usize {
    let mut start = 0;
    for line in inner.split_inclusive('\n') {
        if start >= from {
            let t = line.trim_start();
            if t.strip_prefix(key)
                .is_some_and(|r| r.trim_start().starts_with(':'))
            {
                return start + (line.len() - t.len());
            }
        }
        start += line.len();
    }
    from
}

fn parse_yaml(
    inner: &str,
    path: &Path,
    warnings: &mut Vec<Diagnostic>,
) -> Result<FrontMatter, Vec<Diagnostic>> {
    if inner.trim().is_empty() {
        return Ok(FrontMatter::default());
    }
    let to_diagnostic = |e: serde_norway::Error| {
        let (line, column) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
        let message = e.to_string();
        match plain::yaml_problem(inner, &message, (line, column)) {
            Some(p) => error_at(
                path,
                inner,
                p.offset,
                format!("front matter: {}", p.message),
            )
            .with_hint(p.hint),
            None => {
                let message = message
                    .split(" at line ")
                    .next()
                    .unwrap_or(&message)
                    .to_string();
                Diagnostic::error(path, line + 1, format!("front matter: {message}"))
                    .with_column(column)
                    .with_hint(front_matter_hint(&message))
            }
        }
    };
    let value: serde_norway::Value =
        serde_norway::from_str(inner).map_err(|e| vec![to_diagnostic(e)])?;
    let mut unknown = Vec::new();
    let mut foreign = Vec::new();
    if let serde_norway::Value::Mapping(map) = &value {
        for (k, v) in map {
            let Some(name) = k.as_str() else { continue };
            if !KEYS.contains(&name) {
                let at = yaml_key_offset(inner, name, 0);
                if is_foreign(name) {
                    foreign.push(ForeignKey {
                        name: name.to_string(),
                        line: line_col(inner, at).0 + 1,
                        value: yaml_to_json(v),
                    });
                } else {
                    unknown.push(unknown_key(path, inner, at, name, ""));
                }
            } else if name == "assignment"
                && let serde_norway::Value::Mapping(sub) = v
            {
                let from = yaml_key_offset(inner, "assignment", 0);
                for k in sub.keys().filter_map(|k| k.as_str()) {
                    if !ASSIGNMENT_KEYS.contains(&k) {
                        let at = yaml_key_offset(inner, k, from);
                        unknown.push(unknown_key(path, inner, at, k, "assignment"));
                    }
                }
            }
        }
    }
    if !unknown.is_empty() {
        return Err(unknown);
    }
    for (offset, key) in plain::yaml_curly_values(inner) {
        let (line, column) = line_col(inner, offset);
        warnings.push(
            Diagnostic::warning(
                path,
                line + 1,
                format!("front matter: the value of `{key}` is in curly quotes “ ”, which YAML keeps as part of the text"),
            )
            .with_column(column)
            .with_hint("replace the curly quotes “ ” with straight quotes \" or remove them"),
        );
    }
    let mut front: FrontMatter =
        serde_norway::from_str(inner).map_err(|e| vec![to_diagnostic(e)])?;
    front.foreign = foreign;
    Ok(front)
}

fn front_matter_hint(message: &str) -> &'static str {
    if message.contains("unknown field") {
        "front matter accepts title, description, weight, draft, slug, search, extra and assignment (with due, note, read, exercises, practice)"
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
        let e = split("+++\ntitle = \"ok\"\nweight = = 3\n+++\n", p())
            .unwrap_err()
            .remove(0);
        assert_eq!(e.line, 3);
    }

    #[test]
    fn malformed_yaml_names_the_file_line() {
        let e = split("---\ntitle: ok\nweight: [1\n---\n", p())
            .unwrap_err()
            .remove(0);
        assert!(e.line >= 3, "{e}");
    }

    #[test]
    fn unknown_key_is_an_error() {
        let e = split("+++\ntitel = \"x\"\n+++\n", p())
            .unwrap_err()
            .remove(0);
        assert_eq!(e.line, 2);
        assert!(e.message.contains("titel"));
    }

    #[test]
    fn assignment_entries_get_their_lines() {
        let text = "+++\ntitle = \"Week 1\"\n[assignment]\ndue = \"Friday\"\nread = [\n  \"a.md\",\n  \"b.md#x\",\n]\nexercises = [\"e1\"]\npractice = 2\n+++\n";
        let s = split(text, p()).unwrap();
        let a = s.front.assignment.unwrap();
        assert_eq!(a.read, ["a.md", "b.md#x"]);
        assert_eq!(a.line, 3);
        assert_eq!((a.read_line(0), a.read_line(1)), (6, 7));
        assert_eq!(a.exercise_line(0), 9);
        assert_eq!(a.practice_line(), 10);
    }

    #[test]
    fn yaml_assignment_entries_get_their_lines() {
        let text =
            "---\nassignment:\n  read:\n    - a.md\n    - a.md\n  exercises:\n    - e1\n---\n";
        let a = split(text, p()).unwrap().front.assignment.unwrap();
        assert_eq!(
            (a.read_line(0), a.read_line(1), a.exercise_line(0)),
            (4, 5, 7)
        );
    }

    #[test]
    fn entries_sharing_a_line_get_that_line() {
        let text = "+++\n[assignment]\nread = [\"a.md\", \"b.md\"]\nexercises = [\"e1\"]\n+++\n";
        let a = split(text, p()).unwrap().front.assignment.unwrap();
        assert_eq!(
            (a.read_line(0), a.read_line(1), a.exercise_line(0)),
            (3, 3, 4)
        );
        let yaml = "---\nassignment:\n  read: [a.md, b.md]\n  exercises: [e1]\n---\n";
        let a = split(yaml, p()).unwrap().front.assignment.unwrap();
        assert_eq!(
            (a.read_line(0), a.read_line(1), a.exercise_line(0)),
            (3, 3, 4)
        );
    }

    #[test]
    fn unknown_assignment_key_is_an_error() {
        let e = split("+++\n[assignment]\nreads = [\"a.md\"]\n+++\n", p())
            .unwrap_err()
            .remove(0);
        assert_eq!(e.line, 3);
        assert!(e.message.contains("reads"), "{}", e.message);
    }

    #[test]
    fn a_rule_before_content_is_not_front_matter() {
        for text in [
            "---\n\nText.\n\n---\n\nMore.\n",
            "---\n- one\n- two\n---\nMore.\n",
            "---\n\n\n---\n",
            "---\nSome *prose* with \"quotes\" and: a colon.\n---\n",
            "---\n\nText after a rule, never closed.\n",
            // Only `#` lines: YAML comments, but headings to a reader.
            "---\n# only a comment\n---\nBody\n",
            "---\n\n# Not front matter\n\n---\n\nbody\n",
        ] {
            let s = split(text, p()).unwrap_or_else(|e| panic!("{text:?}: {e:?}"));
            assert!(!s.has_front_matter, "{text:?}");
            assert_eq!((s.body, s.body_line), (text, 1));
        }
    }

    #[test]
    fn a_mapping_or_a_key_opening_is_front_matter() {
        let s = split("---\n---\n# Body\n", p()).unwrap();
        assert!(s.has_front_matter && s.body == "# Body\n");
        // A mapping with a bad value, broken YAML after a key, a key never closed: errors.
        let e = split("---\nweight: heavy\n---\n", p())
            .unwrap_err()
            .remove(0);
        assert!(e.message.contains("`weight`"), "{}", e.message);
        assert!(split("---\ntitle: ok\nweight: [1\n---\n", p()).is_err());
        assert!(split("---\ntitle: x\n", p()).is_err());
    }

    #[test]
    fn unclosed_front_matter() {
        let e = split("+++\ntitle = \"x\"\n", p()).unwrap_err().remove(0);
        assert!(e.message.contains("never closed"));
    }
}
