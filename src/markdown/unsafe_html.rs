//! Script in authors' raw HTML: `<script>` elements, `on...=` event-handler attributes and
//! `javascript:` (or `vbscript:`) URLs, found in the raw HTML pulldown-cmark passes through
//! (its `Html`/`InlineHtml` events) of pages and of the text in `exercise`/`srs` blocks. They
//! are errors at their `file:line:column` unless `[content] unsafe_html = "allow"`; inline
//! `style` (attributes and `<style>` elements) is a warning, since the pages'
//! Content-Security-Policy makes browsers ignore it. Media from other hosts (`<img src>`,
//! `<iframe src>`, ...; see `super::remote`) are warnings too: the policy blocks them.
//!
//! The tag scanner follows the HTML tokenizer where it matters for this: names in any case,
//! attributes separated by any whitespace or `/`, values double-, single- or unquoted,
//! character references decoded (`&#106;avascript&colon;`), and tabs, newlines and leading
//! control characters ignored in URLs, as browsers do.
//!
//! The same scan gathers the ids raw HTML defines (any element's `id`, an `<a>`'s `name`), which
//! links may point at like headings' ids.

use crate::components::BlockCtx;
use crate::error::{Diagnostic, line_col};
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use std::ops::Range;
use std::path::Path;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// What was found in raw HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// A `<script>` element.
    Script,
    /// An event-handler attribute (`onclick`), lower-cased.
    Handler(String),
    /// A `javascript:`/`vbscript:` URL in the named attribute.
    ScriptUrl(String),
    /// A `javascript:`/`vbscript:` URL as a Markdown link's or image's destination.
    ScriptLink,
    /// A `style` attribute or a `<style>` element (a warning).
    Style,
    /// A URL on another host that the element would load (a warning): the element's name and
    /// the URL.
    Remote(String, String),
}

/// One finding: the byte offset (of the tag or attribute name) in the scanned text, and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Byte offset in the scanned text.
    pub offset: usize,
    /// What it is.
    pub kind: Kind,
}

impl Finding {
    /// The diagnostic for this finding at `path:line:column`.
    pub fn diagnostic(&self, path: &Path, line: usize, column: usize) -> Diagnostic {
        const ALLOW: &str = "or, if you mean it, set `unsafe_html = \"allow\"` under `[content]` in handbook.toml (the pages' Content-Security-Policy still blocks inline script in the browser)";
        let (message, hint) = match &self.kind {
            Kind::Script => (
                "raw `<script>` element in the content".to_string(),
                format!(
                    "content may not run script: put behaviour in a theme script (themes/NAME/static/js/) loaded from a template, {ALLOW}"
                ),
            ),
            Kind::Handler(name) => (
                format!("event-handler attribute `{name}` in raw HTML"),
                format!("remove the attribute: content may not run script, {ALLOW}"),
            ),
            Kind::ScriptUrl(attr) => (
                format!("`javascript:` URL in the `{attr}` attribute of raw HTML"),
                format!("link to a page or file instead: content may not run script, {ALLOW}"),
            ),
            Kind::ScriptLink => (
                "`javascript:` URL as a link's destination".to_string(),
                format!("link to a page or file instead: content may not run script, {ALLOW}"),
            ),
            Kind::Remote(element, url) => {
                let what = format!("`<{element}>`");
                return super::remote::diagnostic(path, line, column, &what, url);
            }
            Kind::Style => {
                let d = Diagnostic::warning(path, line, "inline style in raw HTML is ignored: the pages' Content-Security-Policy allows only the theme's stylesheets")
                    .with_column(column)
                    .with_hint("give the element a class and style it in a stylesheet of your theme (added through templates/partials/head-extra.html)");
                return d;
            }
        };
        Diagnostic::error(path, line, message)
            .with_column(column)
            .with_hint(hint)
    }

    /// Whether the finding is script (an error unless allowed), not style or a remote URL.
    pub fn is_script(&self) -> bool {
        !matches!(self.kind, Kind::Style | Kind::Remote(..))
    }
}

/// Collects the raw HTML of a pulldown-cmark event stream and scans it: an HTML block is
/// scanned whole (a tag may span its lines), inline HTML tag by tag. Findings carry offsets in
/// the parsed source.
#[derive(Debug, Default)]
pub struct HtmlRuns {
    buf: String,
    /// (offset in `buf`, offset in the source) of each piece of the current HTML block.
    pieces: Vec<(usize, usize)>,
    /// The findings so far, with source offsets.
    pub findings: Vec<Finding>,
    /// The ids defined so far (an element's `id`, an `<a>`'s `name`), with the source offset
    /// of the attribute.
    pub ids: Vec<(usize, String)>,
}

impl HtmlRuns {
    /// Feeds one event and its source range.
    pub fn event(&mut self, event: &Event<'_>, range: &Range<usize>) {
        match event {
            Event::Start(Tag::HtmlBlock) => self.flush(),
            Event::Html(text) => {
                self.pieces.push((self.buf.len(), range.start));
                self.buf.push_str(text);
            }
            Event::End(TagEnd::HtmlBlock) => self.flush(),
            Event::InlineHtml(text) => {
                let start = range.start;
                let (findings, ids) = scan(text);
                self.findings.extend(findings.into_iter().map(|f| Finding {
                    offset: start + f.offset,
                    ..f
                }));
                self.ids
                    .extend(ids.into_iter().map(|(at, id)| (start + at, id)));
            }
            _ => {}
        }
    }

    /// Scans the HTML block collected so far.
    pub fn flush(&mut self) {
        if self.buf.is_empty() {
            return;
        }
        let (findings, ids) = scan(&self.buf);
        let source = |offset: usize| {
            let i = self.pieces.partition_point(|&(b, _)| b <= offset);
            let (b, s) = self.pieces[i.saturating_sub(1)];
            s + (offset - b)
        };
        let findings: Vec<Finding> = findings
            .into_iter()
            .map(|f| Finding {
                offset: source(f.offset),
                kind: f.kind,
            })
            .collect();
        let ids: Vec<(usize, String)> = ids.into_iter().map(|(at, id)| (source(at), id)).collect();
        self.findings.extend(findings);
        self.ids.extend(ids);
        self.buf.clear();
        self.pieces.clear();
    }
}

/// The findings in Markdown `text` (offsets in `text`), with its Markdown images from other
/// hosts (a page's own are found as it is rendered).
pub fn scan_markdown(text: &str) -> Vec<Finding> {
    let mut runs = HtmlRuns::default();
    if !text.contains('<') && !text.contains("](") {
        return Vec::new();
    }
    for (event, range) in Parser::new_ext(text, super::options()).into_offset_iter() {
        if let Event::Start(Tag::Image { dest_url, .. }) = &event
            && super::remote::is_remote(dest_url)
        {
            runs.findings.push(Finding {
                offset: range.start,
                kind: Kind::Remote("img".into(), dest_url.to_string()),
            });
        }
        runs.event(&event, &range);
    }
    runs.flush();
    runs.findings
}

/// Checks every string of a component block (`exercise`, `srs`: TOML whose strings are
/// Markdown) for script (errors when `deny`), inline style and media from other hosts
/// (warnings). Each finding is
/// located in the block's source text; a block that is not valid TOML is left to the component.
pub fn check_block(body: &str, ctx: &BlockCtx<'_>, deny: bool) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if !body.contains('<') && !body.contains("](") {
        return out;
    }
    let Ok(doc) = DeTable::parse(body) else {
        return out;
    };
    let mut visit = |s: &str, span: Range<usize>| {
        for f in scan_markdown(s) {
            if f.is_script() && !deny {
                continue;
            }
            let at = locate(body, span.clone(), s, f.offset);
            let (line, column) = line_col(body, at);
            out.push(f.diagnostic(ctx.display_path, ctx.line + line - 1, column));
        }
    };
    for (_, value) in doc.get_ref().iter() {
        walk(value, &mut visit);
    }
    out
}

fn walk(value: &Spanned<DeValue<'_>>, visit: &mut impl FnMut(&str, Range<usize>)) {
    match value.get_ref() {
        DeValue::String(s) => visit(s, value.span()),
        DeValue::Array(items) => items.iter().for_each(|v| walk(v, visit)),
        DeValue::Table(t) => t.iter().for_each(|(_, v)| walk(v, visit)),
        _ => {}
    }
}

/// The offset in `body` of the text at `offset` of the decoded string `s` whose TOML value
/// spans `span`: where the same characters are found in the value's source, else its start.
fn locate(body: &str, span: Range<usize>, s: &str, offset: usize) -> usize {
    let rest = s.get(offset..).unwrap_or("");
    let end = rest
        .char_indices()
        .take(24)
        .take_while(|&(_, c)| c != '\n' && c != '"' && c != '\\')
        .last()
        .map_or(0, |(i, c)| i + c.len_utf8());
    let needle = &rest[..end];
    let raw = body.get(span.clone()).unwrap_or("");
    match raw.find(needle) {
        Some(i) if !needle.is_empty() => span.start + i,
        _ => span.start,
    }
}

/// The findings in an HTML fragment (offsets in `html`).
pub fn scan_html(html: &str) -> Vec<Finding> {
    scan(html).0
}

/// The ids an HTML fragment defines, with their offsets in `html`: every element's `id` and
/// every `<a>`'s `name` (browsers scroll to both), character references decoded.
pub fn html_ids(html: &str) -> Vec<(usize, String)> {
    scan(html).1
}

/// The findings and the ids of an HTML fragment (offsets in `html`).
fn scan(html: &str) -> (Vec<Finding>, Vec<(usize, String)>) {
    let b = html.as_bytes();
    let mut out = Vec::new();
    let mut ids = Vec::new();
    let mut i = 0;
    while let Some(lt) = b.get(i..).and_then(|rest| memchr(b'<', rest)) {
        i += lt + 1;
        if b[i..].starts_with(b"!--") {
            i = find(b, i + 3, b"-->").map_or(b.len(), |e| e + 3);
            continue;
        }
        if b.get(i) == Some(&b'/') || b.get(i) == Some(&b'!') || b.get(i) == Some(&b'?') {
            i = memchr(b'>', &b[i..]).map_or(b.len(), |e| i + e + 1);
            continue;
        }
        if !b.get(i).is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        let tag_at = i - 1;
        let name_end = i + b[i..]
            .iter()
            .position(|c| c.is_ascii_whitespace() || matches!(c, b'/' | b'>'))
            .unwrap_or(b.len() - i);
        let name = html[i..name_end].to_ascii_lowercase();
        match name.as_str() {
            "script" => out.push(Finding {
                offset: tag_at,
                kind: Kind::Script,
            }),
            "style" => out.push(Finding {
                offset: tag_at,
                kind: Kind::Style,
            }),
            _ => {}
        }
        let mut on_attribute = |attr: &str, value: &str, at: usize| {
            check_attribute(attr, value, at, &mut out);
            if super::remote::loads(&name, attr) {
                let value = decode(value);
                for url in super::remote::remote_urls(attr, &value) {
                    out.push(Finding {
                        offset: at,
                        kind: Kind::Remote(name.to_string(), url.to_string()),
                    });
                }
            }
            if attr == "id" || (attr == "name" && name == "a") {
                let id = decode(value);
                if !id.is_empty() {
                    ids.push((at, id));
                }
            }
        };
        i = attributes(html, name_end, &mut on_attribute);
    }
    (out, ids)
}

/// Scans the attributes of a start tag from `i` (after its name) to its `>`, handing each one
/// (lower-cased name, raw value, offset of the name) to `visit`; returns the offset after the
/// tag.
fn attributes(html: &str, mut i: usize, visit: &mut impl FnMut(&str, &str, usize)) -> usize {
    let b = html.as_bytes();
    loop {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        if i >= b.len() || b[i] == b'>' {
            return (i + 1).min(b.len());
        }
        let name_at = i;
        i += 1; // the first character is part of the name even if it is `=`
        while i < b.len() && !(b[i].is_ascii_whitespace() || matches!(b[i], b'/' | b'>' | b'=')) {
            i += 1;
        }
        let name = html[name_at..i].to_ascii_lowercase();
        let mut j = i;
        while j < b.len() && b[j].is_ascii_whitespace() {
            j += 1;
        }
        let mut value = "";
        if b.get(j) == Some(&b'=') {
            j += 1;
            while j < b.len() && b[j].is_ascii_whitespace() {
                j += 1;
            }
            let (start, end, next) = match b.get(j) {
                Some(&q @ (b'"' | b'\'')) => {
                    let end = memchr(q, &b[j + 1..]).map_or(b.len(), |e| j + 1 + e);
                    (j + 1, end, (end + 1).min(b.len()))
                }
                _ => {
                    let end = j + b[j..]
                        .iter()
                        .position(|c| c.is_ascii_whitespace() || *c == b'>')
                        .unwrap_or(b.len() - j);
                    (j, end, end)
                }
            };
            value = &html[start..end];
            i = next;
        }
        visit(&name, value, name_at);
    }
}

fn check_attribute(name: &str, value: &str, at: usize, out: &mut Vec<Finding>) {
    let kind = if name.len() > 2 && name.starts_with("on") {
        Some(Kind::Handler(name.to_string()))
    } else if name == "style" {
        Some(Kind::Style)
    } else if is_script_url(value) {
        Some(Kind::ScriptUrl(name.to_string()))
    } else if name == "srcdoc" && scan_html(&decode(value)).iter().any(Finding::is_script) {
        Some(Kind::Script)
    } else {
        None
    };
    if let Some(kind) = kind {
        out.push(Finding { offset: at, kind });
    }
}

/// Whether an attribute value is a URL with a scripting scheme once decoded as a browser does.
pub fn is_script_url(value: &str) -> bool {
    if !value.contains(':') && !value.contains('&') {
        return false;
    }
    let decoded = decode(value);
    let url: String = decoded
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .take(16)
        .collect::<String>()
        .to_ascii_lowercase();
    url.starts_with("javascript:") || url.starts_with("vbscript:")
}

/// Decodes character references in an attribute value: numeric (`&#106;`, `&#x6A`, with or
/// without `;`) and the named ones that can spell a URL scheme.
pub fn decode(value: &str) -> String {
    const NAMED: &[(&str, char)] = &[
        ("colon;", ':'),
        ("tab;", '\t'),
        ("newline;", '\n'),
        ("amp;", '&'),
        ("amp", '&'),
        ("lt;", '<'),
        ("gt;", '>'),
        ("quot;", '"'),
        ("apos;", '\''),
        ("sol;", '/'),
        ("nbsp;", '\u{a0}'),
    ];
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp + 1..];
        if let Some(num) = rest.strip_prefix('#') {
            let (hex, digits) = match num.strip_prefix(['x', 'X']) {
                Some(h) => (true, h),
                None => (false, num),
            };
            let len = digits
                .bytes()
                .take_while(|c| {
                    if hex {
                        c.is_ascii_hexdigit()
                    } else {
                        c.is_ascii_digit()
                    }
                })
                .count();
            if len > 0 {
                let significant = digits[..len].trim_start_matches('0');
                let radix = if hex { 16 } else { 10 };
                let n = if significant.len() > 8 {
                    0x11_0000 // out of range, like any too-long reference
                } else {
                    u32::from_str_radix(significant, radix).unwrap_or(0)
                };
                out.push(
                    char::from_u32(n)
                        .filter(|&c| c != '\0')
                        .unwrap_or('\u{fffd}'),
                );
                rest = &digits[len..];
                rest = rest.strip_prefix(';').unwrap_or(rest);
                continue;
            }
        } else if let Some((name, c)) = NAMED.iter().find(|(n, _)| {
            rest.as_bytes()
                .get(..n.len())
                .is_some_and(|r| r.eq_ignore_ascii_case(n.as_bytes()))
        }) {
            out.push(*c);
            rest = &rest[name.len()..];
            continue;
        }
        out.push('&');
    }
    out.push_str(rest);
    out
}

fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&c| c == needle)
}

fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(html: &str) -> Vec<Kind> {
        scan_html(html).into_iter().map(|f| f.kind).collect()
    }

    #[test]
    fn finds_media_from_other_hosts_but_not_links() {
        let remote = |h: &str| -> Vec<(String, String)> {
            kinds(h)
                .into_iter()
                .filter_map(|k| match k {
                    Kind::Remote(e, u) => Some((e, u)),
                    _ => None,
                })
                .collect()
        };
        let r = remote(
            "<IFRAME title=v SRC='https://www.youtube.com/embed/x'></iframe>\
             <img src=a.png srcset=\"a.png 1x, https://x.org/b.png 2x\">\
             <video poster=&#x68;ttps://x.org/p.jpg><source src=//cdn.x.org/v.mp4></video>\
             <object data=\"http://x.org/f.swf\"></object><embed src=\"https://x.org/e\">\
             <a href=\"https://example.org\">fine</a><img src=\"data:image/png;base64,AA\">",
        );
        let got: Vec<(&str, &str)> = r.iter().map(|(e, u)| (e.as_str(), u.as_str())).collect();
        assert_eq!(
            got,
            [
                ("iframe", "https://www.youtube.com/embed/x"),
                ("img", "https://x.org/b.png"),
                ("video", "https://x.org/p.jpg"),
                ("source", "//cdn.x.org/v.mp4"),
                ("object", "http://x.org/f.swf"),
                ("embed", "https://x.org/e"),
            ]
        );
        assert!(
            !Finding {
                offset: 0,
                kind: Kind::Remote("img".into(), "u".into())
            }
            .is_script()
        );
        // Markdown images in a component's text are found too; links are not.
        let md = scan_markdown("See ![chart](https://x.org/c.png) and [site](https://x.org).");
        assert_eq!(md.len(), 1);
        assert_eq!(md[0].offset, 4);
    }

    #[test]
    fn finds_script_in_any_spelling() {
        assert_eq!(kinds("<script>x</script>"), vec![Kind::Script]);
        assert_eq!(kinds("<SCRIPT\tsrc=a.js>"), vec![Kind::Script]);
        assert_eq!(kinds("<ScRiPt/>"), vec![Kind::Script]);
        assert_eq!(
            kinds("<img src=x onerror=alert(1)>"),
            vec![Kind::Handler("onerror".into())]
        );
        assert_eq!(
            kinds("<div\n  ONCLICK = \"x\">"),
            vec![Kind::Handler("onclick".into())]
        );
        assert_eq!(
            kinds("<svg/onload=alert(1)>"),
            vec![Kind::Handler("onload".into())]
        );
        assert_eq!(
            kinds("<a title='x' onmouseover='y'>"),
            vec![Kind::Handler("onmouseover".into())]
        );
    }

    #[test]
    fn finds_script_urls_through_entities_case_and_whitespace() {
        for v in [
            "\"javascript:alert(1)\"",
            "'JavaScript:x'",
            "\" \u{1}javascript:x\"",
            "\"java\tscript:x\"",
            "\"java&#x09;script:x\"",
            "\"&#106;avascript:x\"",
            "\"&#0000106&#0000097vascript:x\"",
            "\"&#x6A;avascript&colon;x\"",
            "\"javascript&COLON;x\"",
            "vbscript:x",
        ] {
            let html = format!("<a href={v}>");
            assert_eq!(kinds(&html), vec![Kind::ScriptUrl("href".into())], "{html}");
        }
        assert_eq!(
            kinds("<svg><a xlink:href=\"javascript:x\"></a></svg>"),
            vec![Kind::ScriptUrl("xlink:href".into())]
        );
    }

    #[test]
    fn leaves_ordinary_html_alone() {
        for html in [
            "<table><tr><td>a</td></tr></table>",
            "<details><summary>More</summary>text</details>",
            "<video controls src=\"clip.mp4\"><track src=\"clip.vtt\"></video>",
            "<a href=\"page.md\" title=\"javascript is a language\">x</a>",
            "<a href=\"https://example.org/javascript:x\">",
            "<abbr title=\"x\">on</abbr>",
            "<!-- <script> in a comment -->",
            "</script>",
            "a < b and c > d",
            "<a data-on=\"x\" on=\"1\">",
        ] {
            assert_eq!(kinds(html), vec![], "{html}");
        }
    }

    #[test]
    fn style_is_reported_apart_from_script() {
        assert_eq!(kinds("<td style=\"color: red\">"), vec![Kind::Style]);
        assert_eq!(kinds("<style>p{}</style>"), vec![Kind::Style]);
        assert!(!scan_html("<td style=x>")[0].is_script());
    }

    #[test]
    fn srcdoc_is_scanned_as_html() {
        assert_eq!(
            kinds("<iframe srcdoc=\"&lt;script&gt;x&lt;/script&gt;\">"),
            vec![Kind::Script]
        );
        assert_eq!(kinds("<iframe srcdoc=\"&lt;p&gt;hi\">"), vec![]);
    }

    #[test]
    fn markdown_offsets_point_at_the_source() {
        let md =
            "Text <span onclick=\"x\">a</span>\n\n> <div\n> onclick=\"y\">\n\n`<script>` is code\n";
        let found = scan_markdown(md);
        let at: Vec<&str> = found.iter().map(|f| &md[f.offset..f.offset + 7]).collect();
        assert_eq!(at, vec!["onclick", "onclick"]);
        assert_eq!(scan_markdown("```\n<script>\n```\n"), vec![]);
    }

    #[test]
    fn never_reads_past_the_end() {
        for html in [
            "<A",
            "<a b",
            "<a b=",
            "<a b='",
            "<!--",
            "</",
            "<",
            "&",
            "<a href=&",
            "<a href=\"&é\">",
        ] {
            let _ = scan_html(html);
        }
        assert_eq!(decode("&é&amp"), "&é&");
    }

    #[test]
    fn ids_of_any_element_and_names_of_anchors() {
        let html = "<a id=\"export\"></a><A NAME='named'>x</A> <span\n id=spot>y</span>\
                    <input name=\"field\"><div id=\"\"></div><p id=\"a&amp;b\"><!-- <i id=\"c\"> -->";
        let ids: Vec<String> = html_ids(html).into_iter().map(|(_, id)| id).collect();
        assert_eq!(ids, ["export", "named", "spot", "a&b"]);
        let (at, _) = html_ids(html)[2].clone();
        assert_eq!(&html[at..at + 2], "id");
    }

    #[test]
    fn runs_report_ids_at_their_source_offsets() {
        let md =
            "Text <a id=\"x\"></a>\n\n<div>\n<span id=\"y\">a</span>\n</div>\n\n`<b id=\"z\">`\n";
        let mut runs = HtmlRuns::default();
        for (event, range) in Parser::new_ext(md, super::super::options()).into_offset_iter() {
            runs.event(&event, &range);
        }
        runs.flush();
        let at: Vec<(&str, &str)> = runs
            .ids
            .iter()
            .map(|(o, id)| (&md[*o..*o + 4], id.as_str()))
            .collect();
        assert_eq!(at, [("id=\"", "x"), ("id=\"", "y")]);
    }

    #[test]
    fn decode_handles_broken_references() {
        assert_eq!(decode("a&b&#;&#xZ;&#99999999999;c"), "a&b&#;&#xZ;\u{fffd}c");
    }
}
