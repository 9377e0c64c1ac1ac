//! The blocks of MkDocs-style Markdown that CommonMark does not know, found before parsing:
//! admonitions (`!!!`, `???`, [`super::admonitions`]) and content tabs (`===`,
//! [`super::tabs`]), each a header line followed by content indented four spaces, and HTML
//! elements with a `markdown` attribute ([`super::md_in_html`]). The body is
//! rewritten with their HTML around the content, un-indented so it is parsed as the Markdown it
//! is (lists, code, links, nested blocks); every line of the result remembers its line and
//! indentation in the source, so diagnostics keep naming the right `line:column`.

use super::md_in_html::{self, Mode};
use super::{admonitions, tabs};
use crate::i18n::Catalog;
use std::borrow::Cow;

/// A page body ready for the Markdown parser.
#[derive(Debug, Clone, Default)]
pub struct Prepared<'a> {
    /// The text to parse (the body itself when it has no such blocks).
    pub text: Cow<'a, str>,
    /// Per line of `text`: the 0-based line of the body it comes from and how many bytes of
    /// indentation were removed ([`GENERATED`] for lines written here). `None` when `text` is
    /// the body.
    pub map: Option<Vec<(usize, usize)>>,
    /// The page has a content tab set.
    pub has_tabs: bool,
    /// The page has a collapsible callout.
    pub has_collapsible: bool,
    /// The ids of the tab panels (reserved, so no heading takes one).
    pub ids: Vec<String>,
    /// Byte ranges of `text` that are inline Markdown (an element with `markdown="span"`):
    /// their paragraphs are written without `<p>`.
    pub spans: Vec<std::ops::Range<usize>>,
}

/// The plain text of a title line written here (`<p class="callout-title">`,
/// `<summary class="callout-title">` or `<p class="tabbed-title">`), for the search index;
/// `None` for any other HTML.
pub fn title_text(html: &str) -> Option<String> {
    let line = html.trim();
    let rest = [
        "<p class=\"callout-title\">",
        "<summary class=\"callout-title\">",
        "<p class=\"tabbed-title\">",
    ]
    .iter()
    .find_map(|open| line.strip_prefix(open))?;
    // (The kind named for screen readers is not part of the title.)
    let rest = match rest.strip_prefix("<span class=\"visually-hidden\">") {
        Some(r) => r.split_once("</span>").map_or(r, |(_, after)| after),
        None => rest,
    };
    let mut text = String::new();
    let mut in_tag = false;
    for c in rest.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    let text = text
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    Some(text.trim().to_string()).filter(|t| !t.is_empty())
}

/// The indentation recorded for a line the rewrite wrote itself (HTML, blank lines): it has
/// no column in the file, so positions on it name the line only.
pub const GENERATED: usize = usize::MAX;

/// One source line: its text without the removed indentation and the newline, its 0-based line
/// in the body and how many bytes were removed.
#[derive(Debug, Clone, Copy)]
struct Src<'a> {
    text: &'a str,
    line: usize,
    shift: usize,
}

/// The output under construction.
#[derive(Default)]
struct Out<'c> {
    /// Names the callout types for screen readers (`None`: English).
    catalog: Option<&'c Catalog>,
    text: String,
    map: Vec<(usize, usize)>,
    sets: usize,
    has_tabs: bool,
    has_collapsible: bool,
    ids: Vec<String>,
    spans: Vec<std::ops::Range<usize>>,
    /// How deep `process` is in nested admonitions, tabs and `markdown` elements.
    depth: usize,
    /// How many `markdown` elements of the page were found unclosed.
    unclosed: usize,
}

/// How deep admonitions, tab sets and `markdown` elements are rewritten inside one another;
/// deeper ones are left as written (and a page cannot exhaust the render thread's stack).
const MAX_DEPTH: usize = 64;

/// After this many unclosed `markdown` elements, a page's further ones are not looked for
/// (each search reads to the end of the page).
const MAX_UNCLOSED: usize = 32;

impl Out<'_> {
    fn push(&mut self, src: Src) {
        self.text.push_str(src.text);
        self.text.push('\n');
        self.map.push((src.line, src.shift));
    }

    /// Generated lines (HTML, blank lines), all mapped to body line `line`.
    fn generated(&mut self, text: &str, line: usize) {
        for l in text.split('\n') {
            self.text.push_str(l);
            self.text.push('\n');
            self.map.push((line, GENERATED));
        }
    }
}

/// Finds the admonitions and tab sets of `body` and rewrites them (borrowing `body` unchanged
/// when it has none), in English.
pub fn prepare(body: &str) -> Prepared<'_> {
    prepare_in(body, Catalog::english())
}

/// [`prepare`], the callout types named for screen readers in the language of `catalog`.
pub fn prepare_in<'a>(body: &'a str, catalog: &Catalog) -> Prepared<'a> {
    if !(body.contains("!!!")
        || body.contains("???")
        || body.contains("===")
        || body.contains("markdown")
        || body.contains("MARKDOWN"))
    {
        return Prepared {
            text: Cow::Borrowed(body),
            ..Prepared::default()
        };
    }
    let lines: Vec<Src> = body
        .split('\n')
        .enumerate()
        .map(|(line, text)| Src {
            text: text.strip_suffix('\r').unwrap_or(text),
            line,
            shift: 0,
        })
        .collect();
    // (`split` gives an empty last line after a final newline; it is not a line of the body.)
    let lines = match lines.split_last() {
        Some((last, rest)) if last.text.is_empty() => rest.to_vec(),
        _ => lines,
    };
    let mut out = Out {
        catalog: Some(catalog),
        ..Out::default()
    };
    if !process(&lines, &mut out) {
        return Prepared {
            text: Cow::Borrowed(body),
            ..Prepared::default()
        };
    }
    Prepared {
        text: Cow::Owned(out.text),
        map: Some(out.map),
        has_tabs: out.has_tabs,
        has_collapsible: out.has_collapsible,
        ids: out.ids,
        spans: out.spans,
    }
}

/// A code fence opened on a line: its character and length.
fn fence_open(text: &str) -> Option<(char, usize)> {
    let t = text.trim_start_matches(' ');
    if text.len() - t.len() > 3 {
        return None;
    }
    let c = t.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let n = t.chars().take_while(|x| *x == c).count();
    (n >= 3 && !(c == '`' && t[n..].contains('`'))).then_some((c, n))
}

/// Whether `text` is an ATX heading (`## Title`), after which a new block starts.
fn is_atx_heading(text: &str) -> bool {
    let t = text.trim_start_matches(' ');
    let hashes = t.chars().take_while(|c| *c == '#').count();
    text.len() - t.len() <= 3
        && (1..=6).contains(&hashes)
        && t[hashes..]
            .chars()
            .next()
            .is_none_or(|c| c == ' ' || c == '\t')
}

/// Whether `text` closes the fence `(c, n)`.
fn fence_closes(text: &str, (c, n): (char, usize)) -> bool {
    let t = text.trim_start_matches(' ');
    text.len() - t.len() <= 3
        && t.chars().take_while(|x| *x == c).count() >= n
        && t.trim_start_matches(c).trim().is_empty()
}

/// The content lines after a header at `start`: indented lines and the blank lines between
/// them, un-indented by four spaces (or a tab). Returns them and the index after them.
fn indented<'a>(lines: &[Src<'a>], start: usize) -> (Vec<Src<'a>>, usize) {
    let mut end = start;
    let mut last_content = start;
    while end < lines.len() {
        let t = lines[end].text;
        if t.trim().is_empty() {
            end += 1;
            continue;
        }
        if !(t.starts_with("    ") || t.starts_with('\t')) {
            break;
        }
        end += 1;
        last_content = end;
    }
    let content = lines[start..last_content]
        .iter()
        .map(|s| {
            let cut = if s.text.starts_with('\t') {
                1
            } else {
                s.text.len() - s.text.trim_start_matches(' ').len()
            }
            .min(4)
            .min(s.text.len());
            Src {
                text: &s.text[cut..],
                line: s.line,
                shift: s.shift + cut,
            }
        })
        .collect();
    (content, last_content)
}

/// Rewrites `lines` into `out`; whether any block was found. Below [`MAX_DEPTH`] nested
/// blocks, the lines are copied as they are.
fn process(lines: &[Src], out: &mut Out) -> bool {
    if out.depth >= MAX_DEPTH {
        for l in lines {
            out.push(*l);
        }
        return false;
    }
    out.depth += 1;
    let found = rewrite(lines, out);
    out.depth -= 1;
    found
}

/// [`process`]'s work at one level.
fn rewrite(lines: &[Src], out: &mut Out) -> bool {
    let mut found = false;
    let mut fence = None;
    let mut block_start = true;
    let mut i = 0;
    while i < lines.len() {
        let src = lines[i];
        if let Some(f) = fence {
            out.push(src);
            if fence_closes(src.text, f) {
                fence = None;
            }
            i += 1;
            continue;
        }
        if block_start && let Some(h) = admonitions::header(src.text) {
            let (content, next) = indented(lines, i + 1);
            out.has_collapsible |= h.collapsible.is_some();
            let open = h.open_html(out.catalog.unwrap_or(Catalog::english()));
            out.generated(&open, src.line);
            out.generated("", src.line);
            process(&content, out);
            let last = content.last().map_or(src.line, |c| c.line);
            out.generated(&format!("\n{}\n", h.close_html()), last);
            found = true;
            i = next;
            continue;
        }
        if block_start && tabs::header(src.text).is_some() {
            i = tab_set(lines, i, out);
            found = true;
            continue;
        }
        if block_start && let Some(next) = in_list_item(lines, i, out) {
            i = next;
            found = true;
            continue;
        }
        if let Some(next) = markdown_in_html(lines, i, out) {
            i = next;
            found = true;
            block_start = true;
            continue;
        }
        fence = fence_open(src.text);
        block_start = src.text.trim().is_empty() || fence.is_some() || is_atx_heading(src.text);
        out.push(src);
        i += 1;
    }
    found
}

/// The number of spaces `text` starts with.
fn indent_of(text: &str) -> usize {
    text.len() - text.trim_start_matches(' ').len()
}

/// Whether `text` starts a list item (`- `, `* `, `+ `, `1. `, `1) `) after its indentation.
fn is_list_item(text: &str) -> bool {
    let t = text.trim_start_matches(' ');
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    let rest = if digits > 0 && digits < 10 {
        t[digits..].strip_prefix(['.', ')'])
    } else {
        t.strip_prefix(['-', '*', '+'])
    };
    rest.is_some_and(|r| r.is_empty() || r.starts_with([' ', '\t']))
}

/// An admonition or tab set indented by a multiple of four spaces inside a list item (as in
/// numbered steps): written at `start` with its HTML indented as far, so it stays in the item.
/// Returns the index after it, or `None` when line `start` is no such block.
fn in_list_item(lines: &[Src], start: usize, out: &mut Out) -> Option<usize> {
    let text = lines[start].text;
    let n = indent_of(text);
    let header = &text[n..];
    if n == 0
        || !n.is_multiple_of(4)
        || (admonitions::header(header).is_none() && tabs::header(header).is_none())
    {
        return None;
    }
    // The nearest line before it with less indentation must be a list item.
    let owner = lines[..start]
        .iter()
        .rev()
        .find(|l| !l.text.trim().is_empty() && indent_of(l.text) < n)?;
    if !is_list_item(owner.text) {
        return None;
    }
    // The block: its header, then blank lines, content indented further and (tabs) the next
    // headers at the same indentation.
    let mut end = start + 1;
    let mut last = start + 1;
    while let Some(l) = lines.get(end) {
        let t = l.text;
        let more = indent_of(t) >= n + 4 || (indent_of(t) == n && tabs::header(&t[n..]).is_some());
        if t.trim().is_empty() {
            end += 1;
            continue;
        }
        if !more {
            break;
        }
        end += 1;
        last = end;
    }
    let region: Vec<Src> = lines[start..last]
        .iter()
        .map(|l| {
            let cut = indent_of(l.text).min(n);
            Src {
                text: &l.text[cut..],
                line: l.line,
                shift: l.shift + cut,
            }
        })
        .collect();
    let mut inner = Out {
        catalog: out.catalog,
        sets: out.sets,
        depth: out.depth,
        unclosed: out.unclosed,
        ..Out::default()
    };
    process(&region, &mut inner);
    out.unclosed = inner.unclosed;
    let pad = " ".repeat(n);
    for (line, &(src, shift)) in inner.text.lines().zip(&inner.map) {
        if !line.is_empty() {
            out.text.push_str(&pad);
        }
        out.text.push_str(line);
        out.text.push('\n');
        out.map.push((
            src,
            if shift == GENERATED {
                shift
            } else {
                shift.saturating_sub(n)
            },
        ));
    }
    out.sets = inner.sets;
    out.has_tabs |= inner.has_tabs;
    out.has_collapsible |= inner.has_collapsible;
    out.ids.extend(inner.ids);
    Some(last)
}

/// An HTML element with a `markdown` attribute opened on line `start` (see
/// [`super::md_in_html`]): written with the attribute removed and blank lines around its
/// content, so the content is parsed as Markdown blocks, or (span) as one run of inline
/// Markdown without paragraphs. Returns the index after its closing line, or `None` when the
/// line opens no such element or it is not closed (the attribute is then removed as the page is
/// rendered).
fn markdown_in_html(lines: &[Src], start: usize, out: &mut Out) -> Option<usize> {
    let src = lines[start];
    let tag = md_in_html::open_tag(src.text).filter(|t| t.mode != Mode::Raw)?;
    if out.unclosed >= MAX_UNCLOSED {
        return None;
    }
    let texts = lines[start..].iter().map(|l| l.text);
    let Some((offset, close_at)) = md_in_html::find_close(texts, tag.end, &tag.name) else {
        out.unclosed += 1;
        return None;
    };
    let end = start + offset;
    let mut content: Vec<Src> = Vec::new();
    if end == start {
        content.push(piece(src, tag.end, close_at));
    } else {
        content.push(piece(src, tag.end, src.text.len()));
        content.extend_from_slice(&lines[start + 1..end]);
        content.push(piece(lines[end], 0, close_at));
    }
    // (The rest of the start tag's line and the start of the closing one, when blank.)
    if content.last().is_some_and(|c| c.text.trim().is_empty()) {
        content.pop();
    }
    if content.first().is_some_and(|c| c.text.trim().is_empty()) {
        content.remove(0);
    }
    out.generated(&tag.html, src.line);
    out.generated("", src.line);
    if tag.mode == Mode::Span {
        let from = out.text.len();
        for c in &content {
            let text = c.text.trim_start();
            let cut = c.text.len() - text.len();
            out.push(piece(*c, cut, c.text.len()));
        }
        out.spans.push(from..out.text.len());
    } else {
        process(&content, out);
    }
    let last = content.last().map_or(src.line, |c| c.line);
    out.generated("", last);
    let close = lines[end];
    out.push(piece(close, close_at, close.text.len()));
    Some(end + 1)
}

/// The bytes `from..to` of line `l`, mapped to where they are in the file.
fn piece(l: Src<'_>, from: usize, to: usize) -> Src<'_> {
    Src {
        text: &l.text[from..to],
        line: l.line,
        shift: l.shift + from,
    }
}

/// Writes the tab set starting at `start` (a tab header); returns the index after it.
fn tab_set(lines: &[Src], start: usize, out: &mut Out) -> usize {
    out.sets += 1;
    out.has_tabs = true;
    let set = out.sets;
    out.generated(tabs::open_set_html(), lines[start].line);
    let mut i = start;
    let mut tab = 0;
    let mut last = lines[start].line;
    while let Some(h) = lines.get(i).and_then(|s| tabs::header(s.text)) {
        if tab > 0 && h.new_set {
            break;
        }
        tab += 1;
        let header_line = lines[i].line;
        out.ids.push(tabs::panel_id(set, tab));
        out.generated(&tabs::open_panel_html(&h, set, tab), header_line);
        out.generated("", header_line);
        let (content, next) = indented(lines, i + 1);
        process(&content, out);
        last = content.last().map_or(header_line, |c| c.line);
        out.generated(&format!("\n{}", tabs::close_panel_html()), last);
        // Blank lines may stand between the tabs of one set.
        let mut j = next;
        while lines.get(j).is_some_and(|s| s.text.trim().is_empty()) {
            j += 1;
        }
        if lines.get(j).and_then(|s| tabs::header(s.text)).is_some() {
            i = j;
        } else {
            i = next;
            break;
        }
    }
    out.generated(&format!("{}\n", tabs::close_set_html()), last);
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line_of(p: &Prepared, needle: &str) -> (usize, usize) {
        let i = p.text.lines().position(|l| l.contains(needle)).unwrap();
        p.map.as_ref().unwrap()[i]
    }

    #[test]
    fn markdown_in_html_is_set_apart_and_keeps_its_place() {
        let body = "Intro.\n<div class=\"c\" markdown>Lead *in*\n- a\n  </div>\n\n<figure markdown=\"span\">\n  ![x](p.png)\n</figure>\n\n<div markdown=\"0\">\n*raw*\n</div>\n\nmarkdown is a word.\n";
        let p = prepare(body);
        assert_eq!(
            p.text,
            "Intro.\n<div class=\"c\">\n\nLead *in*\n- a\n\n</div>\n\n<figure>\n\n![x](p.png)\n\n</figure>\n\n<div markdown=\"0\">\n*raw*\n</div>\n\nmarkdown is a word.\n"
        );
        assert_eq!(line_of(&p, "Lead"), (1, "<div class=\"c\" markdown>".len()));
        assert_eq!(line_of(&p, "- a"), (2, 0));
        assert_eq!(line_of(&p, "</div>"), (3, 2));
        assert_eq!(line_of(&p, "![x]"), (6, 2));
        let span = &p.text[p.spans[0].clone()];
        assert_eq!(span, "![x](p.png)\n");
        assert!(matches!(
            prepare("Plain markdown.\n").text,
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn plain_bodies_are_borrowed() {
        let p = prepare("# Title\n\nText with === inside.\n");
        assert!(matches!(p.text, Cow::Borrowed(_)));
        assert!(p.map.is_none());
    }

    #[test]
    fn admonition_content_is_unindented_and_mapped() {
        let body = "Intro.\n\n!!! warning \"Careful\"\n    First *line*.\n\n    - a\n        - b\n\nAfter.\n";
        let p = prepare(body);
        assert!(
            p.text.contains(
                "<p class=\"callout-title\">Careful</p>\n\nFirst *line*.\n\n- a\n    - b\n"
            ),
            "{}",
            p.text
        );
        assert!(p.text.contains("\n</div>\n\n\nAfter.\n"), "{}", p.text);
        assert_eq!(line_of(&p, "First"), (3, 4));
        assert_eq!(line_of(&p, "    - b"), (6, 4));
        assert_eq!(line_of(&p, "After."), (8, 0));
    }

    #[test]
    fn nested_blocks_and_fences() {
        let body = "!!! note\n    ```md\n    !!! not a block\n    ```\n\n    ??? tip \"Inner\"\n        Deep.\n";
        let p = prepare(body);
        assert!(p.text.contains("```md\n!!! not a block\n```"), "{}", p.text);
        assert!(
            p.text
                .contains("<details class=\"callout callout-tip callout-collapsible\">"),
            "{}",
            p.text
        );
        assert_eq!(line_of(&p, "Deep."), (6, 8));
        assert!(p.has_collapsible && !p.has_tabs);
    }

    #[test]
    fn fenced_blocks_are_left_alone() {
        let p = prepare("```\n!!! note\n    x\n```\n");
        assert!(matches!(p.text, Cow::Borrowed(_)), "{}", p.text);
    }

    #[test]
    fn a_header_inside_a_paragraph_is_text() {
        let p = prepare("Wow\n!!! note\n    x\n");
        assert!(matches!(p.text, Cow::Borrowed(_)), "{}", p.text);
    }

    #[test]
    fn consecutive_tabs_form_one_set() {
        let body =
            "=== \"A\"\n\n    One.\n\n=== \"B\"\n    Two.\n\n===! \"C\"\n    Three.\n\nAfter.\n";
        let p = prepare(body);
        assert_eq!(p.text.matches("data-tabs").count(), 2, "{}", p.text);
        assert_eq!(p.ids, ["tabset-1-1", "tabset-1-2", "tabset-2-1"]);
        assert_eq!(line_of(&p, "Two."), (5, 4));
        assert_eq!(line_of(&p, "After."), (10, 0));
        assert!(p.has_tabs);
    }

    fn piece() -> impl proptest::strategy::Strategy<Value = &'static str> {
        proptest::sample::select(vec![
            "!!! note",
            "??? tip \"T\"",
            "???+ x",
            "!!! ",
            "=== \"A\"",
            "===! \"B\"",
            "=== \"",
            "    text",
            "        deep",
            "    !!! note",
            "\tTabbed",
            "",
            "```",
            "    ```",
            "~~~~",
            "para [a](b.md)",
            "# H",
            "- item",
            "    - sub",
            "<div>",
            "\r",
        ])
    }

    proptest::proptest! {
        /// Whatever the lines, every line of the result maps into the body, and a line taken
        /// from the body is that line without the indentation the map says was removed.
        #[test]
        fn every_line_maps_into_the_body(lines in proptest::collection::vec(piece(), 0..40)) {
            let body = lines.join("\n");
            let p = prepare(&body);
            let Some(map) = &p.map else { return Ok(()) };
            let out: Vec<&str> = p.text.split('\n').collect();
            proptest::prop_assert_eq!(map.len() + 1, out.len());
            let src: Vec<&str> = body.split('\n').collect();
            for (i, &(line, shift)) in map.iter().enumerate() {
                proptest::prop_assert!(line < src.len(), "{line} of {}", src.len());
                let original = src[line].strip_suffix('\r').unwrap_or(src[line]);
                if shift != GENERATED && !out[i].is_empty() {
                    proptest::prop_assert_eq!(original.get(shift..), Some(out[i]));
                }
            }
        }
    }

    proptest::proptest! {
        /// Rendering such a page never panics, and every diagnostic names a line of the file.
        #[test]
        fn pages_with_blocks_render(lines in proptest::collection::vec(piece(), 0..30)) {
            let body = format!("---\ntitle: T\n---\n{}", lines.join("\n"));
            let file_lines = body.lines().count().max(1);
            let h = crate::content::testing::handbook(&[("_index.md", &body)]);
            let r = super::super::render_page(&h, 0);
            for d in &r.diagnostics {
                proptest::prop_assert!(d.line >= 4 && d.line <= file_lines, "{d} ({file_lines} lines)");
            }
        }
    }

    #[test]
    fn blocks_inside_list_items_stay_in_the_item() {
        let body = "1. Open the form.\n\n    !!! tip \"Hint\"\n        Read it *first*.\n\n    === \"A\"\n        One.\n    === \"B\"\n        Two.\n\n2. Next.\n\n    !!! note\n    not content\n";
        let p = prepare(body);
        assert!(p.text.contains("\n    <div class=\"callout callout-tip\" role=\"note\" aria-label=\"Tip\">\n    <p class=\"callout-title\">Hint</p>\n\n    Read it *first*.\n"), "{}", p.text);
        assert!(
            p.text
                .contains("    <div class=\"tabbed-panel\" id=\"tabset-1-2\">"),
            "{}",
            p.text
        );
        assert_eq!(line_of(&p, "Read it"), (3, 4));
        assert_eq!(line_of(&p, "Two."), (8, 4));
        let html = super::super::block_html(&p.text);
        assert!(
            html.contains("<li>\n<p>Open the form.</p>\n <div class=\"callout callout-tip\""),
            "{html}"
        );
        assert!(
            html.contains("<p>Read it <em>first</em>.</p>\n </div>"),
            "{html}"
        );
        assert!(html.contains("</div>\n</li>\n<li>\n<p>Next.</p>"), "{html}");
        // A header with nothing indented under it is an empty callout.
        assert!(html.contains("aria-label=\"Note\">\n <p class=\"callout-title\">Note</p>\n </div>\n<p>not content</p>"), "{html}");
        // Not inside a list: indented text stays what CommonMark makes of it.
        assert!(matches!(
            prepare("Text.\n\n    !!! note\n        x\n").text,
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn titles_are_found_for_search() {
        let h = admonitions::header("??? tip \"*Why* a & b\"").unwrap();
        let html = h.open_html(Catalog::english());
        let summary = html.lines().nth(1).unwrap();
        assert_eq!(title_text(summary).as_deref(), Some("Why a & b"));
        let tab = tabs::open_panel_html(&tabs::header("=== \"Windows\"").unwrap(), 1, 1);
        assert_eq!(
            title_text(tab.lines().nth(1).unwrap()).as_deref(),
            Some("Windows")
        );
        assert_eq!(title_text("<p class=\"other\">x</p>"), None);
    }

    #[test]
    fn setext_underline_is_not_a_tab() {
        let p = prepare("Title\n===\n\nText.\n");
        assert!(matches!(p.text, Cow::Borrowed(_)));
    }
}
