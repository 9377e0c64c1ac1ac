//! The ids a page defines that are known before its headings are given theirs: explicit heading
//! ids (`## Title {#id}`), the ids of raw HTML elements (`<a id="x">`, `<span id="x">`, an
//! `<a name="x">`) and the footnotes' ids ([`super::footnotes`]). They are found in a first
//! parse, made only when the body may have one of them, and reserved so that no generated
//! heading id takes one; links may point at any of them.

use super::footnotes::Footnotes;
use super::unsafe_html::HtmlRuns;
use pulldown_cmark::{Event, Parser, Tag};

/// What the first parse of a page found.
#[derive(Debug, Default)]
pub struct PageIds {
    /// Explicit heading ids, in page order.
    pub headings: Vec<String>,
    /// The ids of raw HTML elements with the offset of their attribute in the parsed text, in
    /// page order.
    pub html: Vec<(usize, String)>,
}

/// Parses `body` (when it may define ids: see [`may_define_ids`]) for its explicit heading ids
/// and raw HTML ids, counting its footnotes into `notes`.
pub fn scan(body: &str, notes: &mut Footnotes) -> PageIds {
    let mut found = PageIds::default();
    if !may_define_ids(body) {
        return found;
    }
    let mut runs = HtmlRuns::default();
    for (event, range) in Parser::new_ext(body, super::options()).into_offset_iter() {
        runs.event(&event, &range);
        notes.count(&event);
        if let Event::Start(Tag::Heading { id: Some(id), .. }) = event {
            found.headings.push(id.to_string());
        }
    }
    runs.flush();
    found.html = runs.ids;
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
        assert_eq!(notes.ids(), ["fn-n", "fnref-n"]);
    }
}
