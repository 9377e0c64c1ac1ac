//! The ids a page defines that are known before its headings are given theirs: explicit heading
//! ids (`## Title {#id}`), the ids of raw HTML elements (`<a id="x">`, `<span id="x">`, an
//! `<a name="x">`) and of links and images with an attribute list (`![a](p.png){#x}`), and the
//! footnotes' ids ([`super::footnotes`]). They are found in a first parse, made only when the
//! body may have one of them, and reserved so that no generated heading id takes one; links may
//! point at any of them.

use super::attr_list::{self, Attrs};
use super::footnotes::Footnotes;
use super::unsafe_html::HtmlRuns;
use crate::error::Diagnostic;
use pulldown_cmark::{Event, Parser, Tag};
use std::collections::HashSet;
use std::path::Path;

/// Ids the default theme's page layout uses outside the content (`<main id="content">`).
pub const THEME_IDS: &[&str] = &[
    "content",
    "hb-assignment-title",
    "hb-assignment-bar",
    "hb-assignment-count",
    "hb-handin-title",
    "hb-handin-name",
    "hb-handin-status",
    "hb-paths-title",
];

/// What the first parse of a page found.
#[derive(Debug, Default)]
pub struct PageIds {
    /// Explicit heading ids, in page order.
    pub headings: Vec<String>,
    /// The ids of raw HTML elements (and attribute lists) with the offset of their attribute in
    /// the parsed text, in page order.
    pub html: Vec<(usize, String)>,
}

impl PageIds {
    /// A warning for each raw HTML id that an earlier element, an explicit heading id or one of
    /// `layout` (the theme's ids) already has; `pos` gives an offset's line and column.
    pub fn duplicates(
        &self,
        layout: &[&str],
        path: &Path,
        pos: &dyn Fn(usize) -> (usize, usize),
    ) -> Vec<Diagnostic> {
        let mut taken: HashSet<&str> = layout.iter().copied().collect();
        taken.extend(self.headings.iter().map(String::as_str));
        let mut out = Vec::new();
        for (offset, id) in &self.html {
            if taken.insert(id) {
                continue;
            }
            let (line, column) = pos(*offset);
            out.push(
                Diagnostic::warning(
                    path,
                    line,
                    format!(
                        "duplicate id `{id}`: an element or heading of this page already has it"
                    ),
                )
                .with_column(column)
                .with_hint(format!(
                    "give each element its own id; a link to `#{id}` goes to the first one only"
                )),
            );
        }
        out
    }
}

/// Parses `body` (when it may define ids: see [`may_define_ids`]) for its explicit heading ids,
/// raw HTML ids and attribute-list ids, counting its footnotes into `notes`.
pub fn scan(body: &str, notes: &mut Footnotes) -> PageIds {
    let mut found = PageIds::default();
    if !may_define_ids(body) {
        return found;
    }
    let mut runs = HtmlRuns::default();
    for (event, range) in Parser::new_ext(body, super::options()).into_offset_iter() {
        runs.event(&event, &range);
        notes.count(&event);
        match event {
            Event::Start(Tag::Heading { id: Some(id), .. }) => found.headings.push(id.to_string()),
            // `[text](url){#id}`, `![alt](img){#id}`.
            Event::Start(Tag::Link { .. } | Tag::Image { .. }) => {
                if let Some((Attrs { id: Some(id), .. }, _)) = attr_list::after(body, range.end) {
                    found.html.push((range.end, id));
                }
            }
            _ => {}
        }
    }
    runs.flush();
    found.html.extend(runs.ids);
    found.html.sort_by_key(|(at, _)| *at);
    found
}

/// Whether `body` may define an id other than a generated heading id: a footnote (`[^`), a
/// `{` with a `#` after it on one line (`## Title {#id}`) or an `id`/`name` attribute (an `=`
/// after `id` or `name`, spaces allowed between). When not, the first parse is skipped.
pub fn may_define_ids(body: &str) -> bool {
    body.contains("[^") || has_attribute(body) || has_heading_id(body)
}

fn has_heading_id(body: &str) -> bool {
    body.lines()
        .any(|line| line.find('{').is_some_and(|i| line[i..].contains('#')))
}

fn has_attribute(body: &str) -> bool {
    if !body.contains('<') {
        return false;
    }
    let b = body.as_bytes();
    body.match_indices('=').any(|(i, _)| {
        let before = body[..i].trim_end_matches(|c: char| c.is_ascii_whitespace());
        let n = before.len();
        let ends = |name: &str| {
            n > name.len()
                && b[n - name.len()..n].eq_ignore_ascii_case(name.as_bytes())
                && matches!(b[n - name.len() - 1], b' ' | b'\t' | b'\n' | b'\r' | b'/')
        };
        ends("id") || ends("name")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_parse_runs_only_when_an_id_may_be_defined() {
        for yes in [
            "x\n## A { .c #id }\n",
            "a[^1]\n",
            "<a id=\"x\"></a>",
            "<a\nNAME = 'x'>",
            "<span\tID=x>",
        ] {
            assert!(may_define_ids(yes), "{yes}");
        }
        for no in [
            "## A\n\n{ x }\n# B\n",
            "did = 3 <b>",
            "<a data-id=\"x\">",
            "rename=1 <i>",
            "id=\"x\" without a tag",
        ] {
            assert!(!may_define_ids(no), "{no}");
        }
    }

    #[test]
    fn finds_heading_and_html_ids_in_page_order() {
        let body = "## A {#first}\n\n<a id=\"export\"></a>\n## B\n\nText <span id=\"s\">x</span>[^n].\n\n[^n]: Note.\n";
        let mut notes = Footnotes::default();
        let ids = scan(body, &mut notes);
        assert_eq!(ids.headings, ["first"]);
        let html: Vec<&str> = ids.html.iter().map(|(_, id)| id.as_str()).collect();
        assert_eq!(html, ["export", "s"]);
        assert_eq!(&body[ids.html[0].0..ids.html[0].0 + 2], "id");
        let ids = scan(
            "<b id=\"x\">b</b> [a](b.md){#y}\n\n<i id=\"z\"></i>\n",
            &mut notes,
        );
        let html: Vec<&str> = ids.html.iter().map(|(_, id)| id.as_str()).collect();
        assert_eq!(html, ["x", "y", "z"]);
        assert_eq!(notes.ids(), ["fn-n", "fnref-n"]);
    }
}
