//! mdBook's `{{#...}}` helpers, expanded in a chapter's text before it is rendered (as mdBook's
//! `links` preprocessor does, code blocks included): `{{#include file}}` with a line range
//! (`:10:20`, `:10:`, `::5`, `:7`) or an anchor (`:name`, between `ANCHOR: name` and
//! `ANCHOR_END: name` lines), `{{#rustdoc_include}}` as an include of the lines it shows,
//! `{{#playground file}}` as a `rust` code block (its attributes dropped). `\{{#include ...}}` stays as written, without
//! the backslash. `{{#title ...}}` is removed; other helpers are left as written. Included files
//! are expanded in turn, relative to their own folder, at most [`MAX_DEPTH`] deep.
//!
//! Pure apart from the `read` callback, which reads a file named relative to the book root
//! (and keeps it inside the root).

use crate::error::Diagnostic;
use crate::safety::lexical_normalize as normalize;
use std::path::{Path, PathBuf};

/// How deep includes may nest (mdBook's limit).
pub const MAX_DEPTH: usize = 10;

/// How many problems one chapter's includes report before expanding stops.
pub const MAX_PROBLEMS: usize = 100;

/// How much text the includes of one chapter may add in all (files that include each other
/// several times grow exponentially within [`MAX_DEPTH`]).
pub const MAX_BYTES: usize = 64 << 20;

/// Reads a file named relative to the book root; the error says why it cannot.
pub type Reader<'a> = &'a dyn Fn(&Path) -> Result<String, String>;

/// A helper the handbook does not expand, where it was met.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unused {
    /// The helper's name (`title`, `template`, ...).
    pub name: String,
    /// The file it is in (relative to the root).
    pub path: PathBuf,
    /// Its 1-based line.
    pub line: usize,
}

/// A chapter's text with its helpers expanded.
#[derive(Debug, Default)]
pub struct Expanded {
    /// The text to render.
    pub text: String,
    /// The file line of each line of `text` (included lines map to their directive's line).
    pub line_map: Vec<usize>,
    /// Errors (a missing file or anchor) and warnings (a range past the end).
    pub diagnostics: Vec<Diagnostic>,
    /// Helpers left alone, for one warning per name.
    pub unused: Vec<Unused>,
    /// Every file included (relative to the root).
    pub included: Vec<PathBuf>,
}

/// Expands the helpers in `text`, which starts on line `first_line` of `file` (relative to the
/// book root: `src/guide/intro.md`).
pub fn expand(text: &str, first_line: usize, file: &Path, read: Reader) -> Expanded {
    let mut out = Expanded::default();
    let mut x = Expander {
        out: &mut out,
        read,
        budget: Some(MAX_BYTES),
    };
    let text = x.run(text, first_line, file, 0, true);
    out.text = text;
    out
}

struct Expander<'a, 'r> {
    out: &'a mut Expanded,
    read: Reader<'r>,
    /// Bytes includes may still add (see [`MAX_BYTES`]); `None` once spent.
    budget: Option<usize>,
}

/// Where a directive is: its file and line, and its offset in the text being expanded (the
/// column is counted only for a diagnostic, so long lines full of directives stay linear).
#[derive(Clone, Copy)]
struct At<'a> {
    file: &'a Path,
    line: usize,
    text: &'a str,
    offset: usize,
}

impl At<'_> {
    /// The 1-based column of the directive.
    fn column(&self) -> usize {
        let before = &self.text[..self.offset];
        before[before.rfind('\n').map_or(0, |n| n + 1)..]
            .chars()
            .count()
            + 1
    }
}

/// A `{{#name args}}` found at some offset.
struct Directive<'t> {
    /// Bytes from the start of `{{` to after `}}`.
    len: usize,
    name: &'t str,
    args: &'t str,
}

/// Parses a directive at the start of `s` (which starts with `{{`), as mdBook's pattern
/// `\{\{\s*#([a-zA-Z0-9_]+)\s+([^}]+)\}\}` does.
fn directive(s: &str) -> Option<Directive<'_>> {
    let rest = s.strip_prefix("{{")?;
    let after_ws = rest.trim_start();
    let rest2 = after_ws.strip_prefix('#')?;
    let name_len = rest2
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
        .count();
    if name_len == 0 {
        return None;
    }
    let name = &rest2[..name_len];
    let tail = &rest2[name_len..];
    let args_start = tail.len() - tail.trim_start().len();
    if args_start == 0 {
        return None;
    }
    let args_len = tail.find('}')?;
    if args_len <= args_start || !tail[args_len..].starts_with("}}") {
        return None;
    }
    let args = &tail[args_start..args_len];
    let len = s.len() - tail.len() + args_len + 2;
    Some(Directive { len, name, args })
}

impl Expander<'_, '_> {
    /// Expands `text` (from line `first_line` of `file`); `map` is whether to record the line
    /// map (only for the chapter itself).
    fn run(
        &mut self,
        text: &str,
        first_line: usize,
        file: &Path,
        depth: usize,
        map: bool,
    ) -> String {
        let mut out = String::with_capacity(text.len());
        let mut line = first_line;
        if map {
            self.out.line_map.push(line);
        }
        let mut i = 0;
        while i < text.len() {
            let Some(found) = text[i..].find("{{").map(|f| i + f) else {
                self.copy(&mut out, &text[i..], &mut line, map);
                break;
            };
            let escaped = found > i && text[..found].ends_with('\\');
            let plain_end = if escaped { found - 1 } else { found };
            self.copy(&mut out, &text[i..plain_end], &mut line, map);
            let here = &text[found..];
            if escaped && here[2..].trim_start().starts_with('#') {
                // `\{{#...}}`: kept as written without the backslash, up to the last `}}` of
                // the line (mdBook's `\\\{\{#.*\}\}`).
                let line_end = here.find('\n').unwrap_or(here.len());
                let end = here[..line_end].rfind("}}").map_or(2, |e| e + 2);
                self.copy(&mut out, &here[..end], &mut line, map);
                i = found + end;
                continue;
            }
            if escaped {
                out.push('\\');
            }
            let Some(d) = directive(here) else {
                self.copy(&mut out, "{{", &mut line, map);
                i = found + 2;
                continue;
            };
            let at = At {
                file,
                line,
                text,
                offset: found,
            };
            match self.helper(&d, at, depth) {
                Some(r) => {
                    // The directive's own line breaks advance the file line but make no
                    // output line; the lines put in its place map to its line.
                    line += here[..d.len].matches('\n').count();
                    for c in r.split_inclusive('\n') {
                        out.push_str(c);
                        if map && c.ends_with('\n') {
                            self.out.line_map.push(line);
                        }
                    }
                }
                None => self.copy(&mut out, &here[..d.len], &mut line, map),
            }
            i = found + d.len;
        }
        out
    }

    /// Copies page text, advancing the file line at each line break.
    fn copy(&mut self, out: &mut String, s: &str, line: &mut usize, map: bool) {
        out.push_str(s);
        for _ in s.matches('\n') {
            *line += 1;
            if map {
                self.out.line_map.push(*line);
            }
        }
    }

    /// The text that replaces directive `d` at `at`; `None` to keep it.
    fn helper(&mut self, d: &Directive, at: At, depth: usize) -> Option<String> {
        let mut words = d.args.split_whitespace();
        match d.name {
            "include" | "rustdoc_include" => {
                let target = words.next()?;
                let (path, range) = target.split_once(':').unwrap_or((target, ""));
                let (included, text) = self.load(path, at, d.name, depth)?;
                let (part, first) = self.select(&text, range, path, at)?;
                let expanded = self.run(&part, first, &included, depth + 1, false);
                self.spend(expanded.len(), at)?;
                Some(expanded)
            }
            "playground" => {
                // Attributes after the path (`editable`) steer mdBook's playground, which the
                // handbook does not have: the file becomes a plain `rust` block.
                let path = words.next()?;
                let (_, text) = self.load(path, at, d.name, depth)?;
                let nl = if text.ends_with('\n') { "" } else { "\n" };
                self.spend(text.len(), at)?;
                Some(format!("```rust\n{text}{nl}```\n"))
            }
            name => {
                self.out.unused.push(Unused {
                    name: name.to_string(),
                    path: at.file.to_path_buf(),
                    line: at.line,
                });
                // `{{#title}}` sets mdBook's <title>; it is never meant to be seen.
                (name == "title").then(String::new)
            }
        }
    }

    /// Takes `bytes` from the budget; once it is spent, one error at `at` and `None` for this
    /// and every later include.
    fn spend(&mut self, bytes: usize, at: At) -> Option<()> {
        let left = self.budget?;
        if let Some(rest) = left.checked_sub(bytes) {
            self.budget = Some(rest);
            return Some(());
        }
        self.budget = None;
        self.out.diagnostics.push(
            Diagnostic::error(
                at.file,
                at.line,
                format!(
                    "the includes of this chapter add more than {} MB of text",
                    MAX_BYTES >> 20
                ),
            )
            .with_column(at.column())
            .with_hint(
                "files that include each other several times multiply: include each part once",
            ),
        );
        None
    }

    /// Reads the file `path` names from `at`'s file; an error at `at` when it cannot.
    fn load(
        &mut self,
        path: &str,
        at: At,
        helper: &str,
        depth: usize,
    ) -> Option<(PathBuf, String)> {
        // Spent, or enough problems to report (a loop of includes repeats its error).
        self.budget?;
        if self.out.diagnostics.len() >= MAX_PROBLEMS {
            return None;
        }
        let file = at.file;
        let error = |message: String, hint: &str| {
            Diagnostic::error(file, at.line, message)
                .with_column(at.column())
                .with_hint(hint.to_string())
        };
        if depth >= MAX_DEPTH {
            self.out.diagnostics.push(error(
                format!("`{{{{#{helper} {path}}}}}` is nested more than {MAX_DEPTH} includes deep"),
                "does a file include itself, directly or through another? Remove the loop",
            ));
            return None;
        }
        let dir = file.parent().unwrap_or(Path::new(""));
        let Some(target) = normalize(&dir.join(path)) else {
            self.out.diagnostics.push(error(
                format!("`{{{{#{helper} {path}}}}}` points outside the book"),
                "a book includes only files inside its own folder: copy the file in",
            ));
            return None;
        };
        match (self.read)(&target) {
            Ok(text) => {
                self.out.included.push(target.clone());
                Some((target, text))
            }
            Err(why) => {
                self.out.diagnostics.push(error(
                    format!("`{{{{#{helper} {path}}}}}`: {why}"),
                    "the path is relative to the folder of the file that includes it; correct it or add the file",
                ));
                None
            }
        }
    }

    /// The lines of `text` that `range` (after the `:`) selects, and the file line of the
    /// first; an error at `at` for an anchor that is not there.
    fn select(&mut self, text: &str, range: &str, path: &str, at: At) -> Option<(String, usize)> {
        let (file, line) = (at.file, at.line);
        match parse_range(range) {
            Selection::Lines(start, end) => {
                let count = text.lines().count();
                if start > 0 && start >= count {
                    self.out.diagnostics.push(
                        Diagnostic::warning(file, line, format!("`{path}` has {count} lines, so the range `:{range}` includes nothing"))
                            .with_column(at.column())
                            .with_hint("correct the line numbers, or use an anchor (`ANCHOR: name` ... `ANCHOR_END: name` in the file) so the include follows the file as it changes"),
                    );
                }
                let take = end.map_or(usize::MAX, |e| e.saturating_sub(start));
                let part: Vec<&str> = text.lines().skip(start).take(take).collect();
                Some((part.join("\n"), start + 1))
            }
            Selection::Anchor(name) => match anchored(text, name) {
                Some((part, first, ended)) => {
                    if !ended {
                        self.out.diagnostics.push(
                            Diagnostic::warning(file, line, format!("anchor `{name}` in `{path}` has no `ANCHOR_END: {name}`, so the rest of the file is included"))
                                .with_column(at.column())
                                .with_hint(format!("add a line `ANCHOR_END: {name}` (in a comment) where the part ends")),
                        );
                    }
                    Some((part, first))
                }
                None => {
                    self.out.diagnostics.push(
                        Diagnostic::error(file, line, format!("there is no anchor `{name}` in `{path}`"))
                            .with_column(at.column())
                            .with_hint(format!("mark the part in `{path}` with `ANCHOR: {name}` and `ANCHOR_END: {name}` lines (in comments), or correct the name")),
                    );
                    None
                }
            },
        }
    }
}

/// What an include takes from a file.
#[derive(Debug, PartialEq, Eq)]
enum Selection<'a> {
    /// Lines `start..end` (0-based, end exclusive; `None`: to the end).
    Lines(usize, Option<usize>),
    /// The lines between `ANCHOR: name` and `ANCHOR_END: name`.
    Anchor(&'a str),
}

/// mdBook's reading of what follows the path: `7` (line 7), `2:10`, `2:`, `:10`, empty (all),
/// or an anchor name.
fn parse_range(range: &str) -> Selection<'_> {
    let mut parts = range.splitn(3, ':');
    let first = parts.next().unwrap_or("");
    let start = match first.parse::<usize>() {
        Ok(n) => Some(n.saturating_sub(1)),
        Err(_) if first.is_empty() => None,
        Err(_) => return Selection::Anchor(first),
    };
    let end = parts.next().map(str::parse::<usize>);
    match (start, end) {
        (Some(s), Some(Ok(e))) => Selection::Lines(s, Some(e)),
        (Some(s), Some(Err(_))) => Selection::Lines(s, None),
        (Some(s), None) => Selection::Lines(s, Some(s + 1)),
        (None, Some(Ok(e))) => Selection::Lines(0, Some(e)),
        (None, _) => Selection::Lines(0, None),
    }
}

/// The anchor name on a line holding `marker` (`ANCHOR:` or `ANCHOR_END:`), as mdBook's
/// `ANCHOR:\s*([\w_-]+)` finds it.
fn anchor_on<'l>(line: &'l str, marker: &str) -> Option<&'l str> {
    let at = line.find(marker)?;
    let rest = line[at + marker.len()..].trim_start();
    let len = rest
        .char_indices()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '_' || *c == '-'))
        .map_or(rest.len(), |(i, _)| i);
    (len > 0).then(|| &rest[..len])
}

/// The lines between `ANCHOR: name` and `ANCHOR_END: name` (other anchor lines left out),
/// the file line of the first, and whether the end was found; `None` when the anchor is not
/// there.
fn anchored(text: &str, name: &str) -> Option<(String, usize, bool)> {
    let mut lines = text.lines().enumerate();
    let first = lines
        .by_ref()
        .find(|(_, l)| anchor_on(l, "ANCHOR:") == Some(name))?
        .0
        + 2;
    let mut out = Vec::new();
    for (_, l) in lines {
        if anchor_on(l, "ANCHOR_END:") == Some(name) {
            return Some((out.join("\n"), first, true));
        }
        if anchor_on(l, "ANCHOR:").is_none() && anchor_on(l, "ANCHOR_END:").is_none() {
            out.push(l);
        }
    }
    Some((out.join("\n"), first, false))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn files() -> HashMap<PathBuf, String> {
        [
            ("src/code.rs", "fn main() {\n    // ANCHOR: body\n    let x = 1;\n    // ANCHOR: inner\n    let y = 2;\n    // ANCHOR_END: inner\n    // ANCHOR_END: body\n}\n"),
            ("src/five.txt", "one\ntwo\nthree\nfour\nfive\n"),
            ("listings/hello.rs", "fn main() {}\n"),
            ("src/nested/outer.md", "Outer {{#include inner.md}} end"),
            ("src/nested/inner.md", "inner"),
            ("src/loop.md", "{{#include loop.md}}"),
            ("src/bad-inner.md", "line one\n{{#include nowhere.md}}\n"),
        ]
        .into_iter()
        .map(|(p, t)| (PathBuf::from(p), t.to_string()))
        .collect()
    }

    fn run(text: &str) -> Expanded {
        let files = files();
        let read = move |p: &Path| {
            files
                .get(p)
                .cloned()
                .ok_or_else(|| format!("there is no file `{}`", p.display()))
        };
        expand(text, 3, Path::new("src/chapter.md"), &read)
    }

    #[test]
    fn ranges_follow_mdbook() {
        assert_eq!(parse_range(""), Selection::Lines(0, None));
        assert_eq!(parse_range("2"), Selection::Lines(1, Some(2)));
        assert_eq!(parse_range("2:4"), Selection::Lines(1, Some(4)));
        assert_eq!(parse_range("2:"), Selection::Lines(1, None));
        assert_eq!(parse_range(":3"), Selection::Lines(0, Some(3)));
        assert_eq!(parse_range("::3"), Selection::Lines(0, None));
        assert_eq!(parse_range("body"), Selection::Anchor("body"));
        let e = run(
            "a {{#include five.txt:2:4}} b\n{{#include five.txt::2}}\n{{#include five.txt:4:}}\n{{#include five.txt:5}}\n{{#include five.txt}}",
        );
        assert!(e.diagnostics.is_empty(), "{:?}", e.diagnostics);
        assert_eq!(
            e.text,
            "a two\nthree\nfour b\none\ntwo\nfour\nfive\nfive\none\ntwo\nthree\nfour\nfive"
        );
    }

    #[test]
    fn anchors_leave_out_marker_lines() {
        let e = run("```rust\n{{#include code.rs:body}}\n```\n{{ #include code.rs:inner }}");
        assert!(e.diagnostics.is_empty(), "{:?}", e.diagnostics);
        assert_eq!(
            e.text,
            "```rust\n    let x = 1;\n    let y = 2;\n```\n    let y = 2;"
        );
        assert_eq!(e.included.len(), 2);
    }

    #[test]
    fn line_map_points_included_lines_at_the_directive() {
        let e = run("first\n{{#include five.txt:1:3}}\nlast\n");
        assert_eq!(e.text, "first\none\ntwo\nthree\nlast\n");
        assert_eq!(e.line_map, [3, 4, 4, 4, 5, 6]);
        let e = run("a {{#title\nT}} b\nc");
        assert_eq!(e.text, "a  b\nc");
        assert_eq!(e.line_map, [3, 5]);
        // An unknown helper over two lines is kept, and so are its lines (found by fuzzing).
        let e = run("{{#other x\ny}} {{#include five.txt:1}}\nz");
        assert_eq!(e.text, "{{#other x\ny}} one\nz");
        assert_eq!(e.line_map, [3, 4, 5]);
    }

    #[test]
    fn playground_rustdoc_include_escapes_and_others() {
        let e = run(
            "{{#playground ../listings/hello.rs editable}}\n{{#rustdoc_include code.rs:3}}\n\\{{#include five.txt}} {{#include five.txt:1}}\n{{#template a.hbs x=1}} {{#title Hi}}{{#}}",
        );
        assert!(e.diagnostics.is_empty(), "{:?}", e.diagnostics);
        assert_eq!(
            e.text,
            "```rust\nfn main() {}\n```\n\n    let x = 1;\n{{#include five.txt}} {{#include five.txt:1}}\n{{#template a.hbs x=1}} {{#}}"
        );
        let names: Vec<&str> = e.unused.iter().map(|u| u.name.as_str()).collect();
        assert_eq!(names, ["template", "title"]);
        assert_eq!(e.unused[0].line, 6);
    }

    #[test]
    fn nested_includes_are_relative_to_their_file() {
        let e = run("{{#include nested/outer.md}}");
        assert_eq!(e.text, "Outer inner end");
    }

    #[test]
    fn problems_name_file_line_and_column() {
        let e = run(
            "text\n  {{#include missing.rs}}\n{{#include code.rs:nope}}\n{{#include ../../etc/passwd}}\n{{#include five.txt:9:10}}",
        );
        let got: Vec<(String, usize, usize, bool)> = e
            .diagnostics
            .iter()
            .map(|d| {
                (
                    d.path.display().to_string(),
                    d.line,
                    d.column,
                    d.is_warning(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("src/chapter.md".into(), 4, 3, false),
                ("src/chapter.md".into(), 5, 1, false),
                ("src/chapter.md".into(), 6, 1, false),
                ("src/chapter.md".into(), 7, 1, true),
            ]
        );
        assert!(e.diagnostics[1].message.contains("no anchor `nope`"));
        assert!(e.diagnostics[2].message.contains("outside the book"));
        let e = run("{{#include bad-inner.md}}");
        assert_eq!(e.diagnostics[0].path, Path::new("src/bad-inner.md"));
        assert_eq!(e.diagnostics[0].line, 2);
        let e = run("{{#include loop.md}}");
        assert_eq!(e.diagnostics.len(), 1);
        assert!(e.diagnostics[0].message.contains("nested more than"));
    }

    #[test]
    fn includes_that_multiply_stop_at_the_budget() {
        let mut files: HashMap<PathBuf, String> = HashMap::new();
        for level in 0..9 {
            let next = format!("{{{{#include l{}.md}}}}", level + 1).repeat(10);
            files.insert(PathBuf::from(format!("src/l{level}.md")), next);
        }
        files.insert(PathBuf::from("src/l9.md"), "x".repeat(1000));
        let read = move |p: &Path| files.get(p).cloned().ok_or_else(|| "none".to_string());
        let e = expand("{{#include l0.md}}", 1, Path::new("src/chapter.md"), &read);
        assert_eq!(e.diagnostics.len(), 1, "{:?}", e.diagnostics.first());
        assert!(e.diagnostics[0].message.contains("more than 64 MB"));
        assert!(e.text.len() <= MAX_BYTES + 1000);
        // A loop of includes that multiplies reports a bounded number of errors.
        let files: HashMap<PathBuf, String> =
            [(PathBuf::from("src/a.md"), "{{#include a.md}}".repeat(10))].into();
        let read = move |p: &Path| files.get(p).cloned().ok_or_else(|| "none".to_string());
        let e = expand("{{#include a.md}}", 1, Path::new("src/chapter.md"), &read);
        assert_eq!(e.diagnostics.len(), MAX_PROBLEMS);
    }

    #[test]
    fn odd_text_does_not_panic() {
        for t in [
            "{{",
            "{{#",
            "{{#include",
            "{{#include }}",
            "\\{{#",
            "é{{#include é}}",
            "}}{{#a b}",
            "\\",
            "{{#include five.txt:é}}",
        ] {
            let _ = run(t);
        }
    }
}
