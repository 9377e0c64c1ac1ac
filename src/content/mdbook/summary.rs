//! `SUMMARY.md`, parsed as mdBook reads it: an optional `# Title`, prefix chapters (links in a
//! paragraph), numbered chapters (a list, nested for sub-chapters) grouped under `# Part`
//! titles, suffix chapters (links in a paragraph after the list), separators (`---`) and
//! draft chapters (`[Title]()`). Pure: text in, a tree with 1-based lines out.

use crate::error::Diagnostic;
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::path::Path;

/// One chapter: a file (or none, for a draft) and its sub-chapters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chapter {
    /// The link text: the chapter's title in the sidebar.
    pub title: String,
    /// The file, relative to the source folder, as written (percent-decoded); `None` for a
    /// draft chapter (`[Title]()`).
    pub path: Option<String>,
    /// The 1-based line of the link in `SUMMARY.md`.
    pub line: usize,
    /// Nested chapters, in order.
    pub children: Vec<Chapter>,
}

/// A top-level entry of the summary, in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    /// A chapter (prefix, numbered outside any part, or suffix).
    Chapter(Chapter),
    /// A `# Part` title and the numbered chapters under it.
    Part {
        /// The part's title.
        title: String,
        /// Its 1-based line.
        line: usize,
        /// Its chapters, in order.
        chapters: Vec<Chapter>,
    },
    /// A `---` separator (drawn as a line by mdBook; it changes no order).
    Separator {
        /// Its 1-based line.
        line: usize,
    },
}

/// The parsed `SUMMARY.md`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// The leading `# Title` (ignored by mdBook and by the handbook).
    pub title: Option<String>,
    /// The entries in order.
    pub items: Vec<Item>,
}

/// A list item while its contents are read.
struct Open {
    line: usize,
    chapter: Option<Chapter>,
    children: Vec<Chapter>,
}

/// What inline text is being collected for.
enum Collect {
    Nothing,
    /// A link's text: (dest, line of the link, text so far).
    Link(String, usize, String),
    /// A level-1 heading's text.
    Heading(usize, String),
}

/// Parses `text` (the contents of `path`, named in diagnostics). Every problem names its line:
/// a list item that is not a link is an error; stray text is a warning.
pub fn parse(text: &str, path: &Path) -> (Summary, Vec<Diagnostic>) {
    // A byte-order mark (some Windows editors write one) is not text.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let line_of = crate::error::line_lookup(text);
    let mut reader = Reader {
        path,
        summary: Summary::default(),
        problems: Vec::new(),
        open: Vec::new(),
        lists: 0,
        in_part: false,
        collect: Collect::Nothing,
        paragraph_links: 0,
        paragraph_text: None,
    };
    for (event, range) in Parser::new_ext(text, Options::empty()).into_offset_iter() {
        reader.event(event, line_of(range.start));
    }
    (reader.summary, reader.problems)
}

/// The parse in progress: the summary and problems so far, and where in the file it is.
struct Reader<'a> {
    path: &'a Path,
    summary: Summary,
    problems: Vec<Diagnostic>,
    /// The list items open around this point, innermost last.
    open: Vec<Open>,
    /// How many lists are open.
    lists: usize,
    /// Whether numbered chapters now go into the last `# Part`.
    in_part: bool,
    collect: Collect,
    /// Chapter links in the current top-level paragraph.
    paragraph_links: usize,
    /// The line of the first text in the current top-level paragraph.
    paragraph_text: Option<usize>,
}

impl Reader<'_> {
    /// Takes one Markdown event, starting on `line`.
    fn event(&mut self, event: Event<'_>, line: usize) {
        match event {
            Event::Start(Tag::Link { dest_url, .. }) => {
                if matches!(self.collect, Collect::Nothing) {
                    self.collect = Collect::Link(dest_url.to_string(), line, String::new());
                }
            }
            Event::End(TagEnd::Link) => self.end_link(),
            Event::Start(Tag::Heading {
                level: HeadingLevel::H1,
                ..
            }) if self.lists == 0 => {
                self.collect = Collect::Heading(line, String::new());
            }
            Event::End(TagEnd::Heading(HeadingLevel::H1)) => self.end_heading(),
            Event::Text(t) | Event::Code(t) => match &mut self.collect {
                Collect::Link(_, _, s) | Collect::Heading(_, s) => s.push_str(&t),
                Collect::Nothing if self.lists == 0 && !t.trim().is_empty() => {
                    self.paragraph_text.get_or_insert(line);
                }
                Collect::Nothing => {}
            },
            Event::SoftBreak | Event::HardBreak => {
                if let Collect::Link(_, _, s) | Collect::Heading(_, s) = &mut self.collect {
                    s.push(' ');
                }
            }
            Event::Start(Tag::Paragraph) if self.lists == 0 => {
                self.paragraph_links = 0;
                self.paragraph_text = None;
            }
            Event::End(TagEnd::Paragraph) if self.lists == 0 => {
                if let (0, Some(at)) = (self.paragraph_links, self.paragraph_text) {
                    self.problems.push(
                        Diagnostic::warning(self.path, at, "text in SUMMARY.md that is not a chapter link is ignored")
                            .with_hint("a chapter is a link: `[Title](file.md)`, or a list item `- [Title](file.md)`"),
                    );
                }
            }
            Event::Start(Tag::List(_)) => self.lists += 1,
            Event::End(TagEnd::List(_)) => self.lists = self.lists.saturating_sub(1),
            Event::Start(Tag::Item) => self.open.push(Open {
                line,
                chapter: None,
                children: Vec::new(),
            }),
            Event::End(TagEnd::Item) => self.end_item(),
            Event::Rule if self.lists == 0 => self.summary.items.push(Item::Separator { line }),
            _ => {}
        }
    }

    /// A link ends: the chapter of the open list item, or a prefix or suffix chapter.
    fn end_link(&mut self) {
        let Collect::Link(dest, at, title) = std::mem::replace(&mut self.collect, Collect::Nothing)
        else {
            return;
        };
        let chapter = make_chapter(&title, &dest, at);
        if let Some(item) = self.open.last_mut() {
            if item.chapter.is_none() {
                item.chapter = Some(chapter);
            }
        } else if self.lists == 0 {
            // A prefix or suffix chapter: it ends the part before it.
            self.paragraph_links += 1;
            self.in_part = false;
            self.summary.items.push(Item::Chapter(chapter));
        }
    }

    /// A level-1 heading ends: the summary's title, or a part.
    fn end_heading(&mut self) {
        let Collect::Heading(at, title) = std::mem::replace(&mut self.collect, Collect::Nothing)
        else {
            return;
        };
        let title = title.trim().to_string();
        if self.summary.title.is_none() && self.summary.items.is_empty() {
            self.summary.title = Some(title);
        } else {
            self.in_part = true;
            self.summary.items.push(Item::Part {
                title,
                line: at,
                chapters: Vec::new(),
            });
        }
    }

    /// A list item ends: its chapter goes to the item around it, the current part or the top.
    fn end_item(&mut self) {
        let Some(item) = self.open.pop() else { return };
        let Some(mut chapter) = item.chapter else {
            self.problems.push(
                Diagnostic::error(self.path, item.line, "this list item of SUMMARY.md is not a chapter link")
                    .with_hint("write it as `- [Title](file.md)`, or `- [Title]()` for a chapter not written yet"),
            );
            return;
        };
        chapter.children = item.children;
        if let Some(parent) = self.open.last_mut() {
            parent.children.push(chapter);
        } else if let (true, Some(Item::Part { chapters, .. })) =
            (self.in_part, self.summary.items.last_mut())
        {
            chapters.push(chapter);
        } else {
            self.summary.items.push(Item::Chapter(chapter));
        }
    }
}

fn make_chapter(title: &str, dest: &str, line: usize) -> Chapter {
    let dest = dest.trim();
    let path = (!dest.is_empty()).then(|| crate::html::percent_decode(dest));
    let mut title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    if title.is_empty() {
        title = path
            .as_deref()
            .map(|p| {
                let name = Path::new(p)
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                crate::content::slug::title_from_name(&name)
            })
            .unwrap_or_else(|| "Untitled".into());
    }
    Chapter {
        title,
        path,
        line,
        children: Vec::new(),
    }
}

impl Summary {
    /// Every chapter, depth-first in reading order.
    pub fn chapters(&self) -> Vec<&Chapter> {
        fn walk<'a>(c: &'a Chapter, out: &mut Vec<&'a Chapter>) {
            out.push(c);
            for child in &c.children {
                walk(child, out);
            }
        }
        let mut out = Vec::new();
        for item in &self.items {
            match item {
                Item::Chapter(c) => walk(c, &mut out),
                Item::Part { chapters, .. } => chapters.iter().for_each(|c| walk(c, &mut out)),
                Item::Separator { .. } => {}
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str) -> (Summary, Vec<Diagnostic>) {
        parse(text, Path::new("src/SUMMARY.md"))
    }

    fn shape(s: &Summary) -> Vec<String> {
        fn ch(c: &Chapter, depth: usize, out: &mut Vec<String>) {
            out.push(format!(
                "{}{}={}@{}",
                "  ".repeat(depth),
                c.title,
                c.path.as_deref().unwrap_or("DRAFT"),
                c.line
            ));
            for k in &c.children {
                ch(k, depth + 1, out);
            }
        }
        let mut out = Vec::new();
        for item in &s.items {
            match item {
                Item::Chapter(c) => ch(c, 0, &mut out),
                Item::Part {
                    title,
                    line,
                    chapters,
                } => {
                    out.push(format!("# {title}@{line}"));
                    chapters.iter().for_each(|c| ch(c, 1, &mut out));
                }
                Item::Separator { line } => out.push(format!("---@{line}")),
            }
        }
        out
    }

    #[test]
    fn the_whole_grammar() {
        let text = "# Summary\n\n[Introduction](README.md)\n[Foreword](foreword.md)\n\n---\n\n# Getting started\n\n- [Install](guide/install.md)\n    - [On Windows](guide/windows.md)\n        - [Old versions](guide/old.md)\n    - [Later]()\n- [Use `it`](guide/use%20it.md)\n\n# Reference\n\n* [CLI](cli/README.md)\n\n---\n\n[Contributors](misc/contributors.md)\n";
        let (s, problems) = p(text);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(s.title.as_deref(), Some("Summary"));
        assert_eq!(
            shape(&s),
            [
                "Introduction=README.md@3",
                "Foreword=foreword.md@4",
                "---@6",
                "# Getting started@8",
                "  Install=guide/install.md@10",
                "    On Windows=guide/windows.md@11",
                "      Old versions=guide/old.md@12",
                "    Later=DRAFT@13",
                "  Use it=guide/use it.md@14",
                "# Reference@16",
                "  CLI=cli/README.md@18",
                "---@20",
                "Contributors=misc/contributors.md@22",
            ]
        );
        assert_eq!(s.chapters().len(), 9);
    }

    #[test]
    fn no_title_and_numbered_chapters_without_parts() {
        let (s, problems) = p("- [A](a.md)\n- [B](b.md)\n  - [C](c.md)\n");
        assert!(problems.is_empty());
        assert_eq!(s.title, None);
        assert_eq!(shape(&s), ["A=a.md@1", "B=b.md@2", "  C=c.md@3"]);
    }

    #[test]
    fn problems_name_their_lines() {
        let (s, problems) =
            p("# S\n\nJust words.\n\n- [A](a.md)\n- not a link\n  - [Kept](k.md)\n");
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert_eq!((problems[0].line, problems[0].is_warning()), (3, true));
        assert_eq!((problems[1].line, problems[1].is_warning()), (6, false));
        assert_eq!(shape(&s), ["A=a.md@5"]);
    }

    #[test]
    fn empty_and_odd_inputs_do_not_panic() {
        for text in [
            "",
            "#",
            "- ",
            "[]()",
            "- [](x.md)",
            "# A\n# B\n",
            "* [a](",
            "\u{feff}- [A](a.md)",
        ] {
            let _ = p(text);
        }
        let (s, problems) = p("\u{feff}- [A](a.md)\n");
        assert!(problems.is_empty());
        assert_eq!(shape(&s), ["A=a.md@1"]);
        let (s, _) = p("- [](notes/02-some-topic.md)\n");
        assert_eq!(s.chapters()[0].title, "Some topic");
    }
}
