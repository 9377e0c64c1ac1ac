//! Markdown inside raw HTML, as Python-Markdown's `md_in_html` (which MkDocs Material sites use)
//! reads it: an element opened at the start of a line with a `markdown` attribute has its
//! content parsed as Markdown, as blocks (`markdown`, `markdown="1"`, `markdown="block"`; the
//! default of a block element such as `<div>`) or inline (`markdown="span"`; the default of `<p>`,
//! headings, `<li>`, `<td>` ...), and loses the attribute, which is not HTML. `blocks` finds such
//! elements ([`open_tag`], [`find_close`]) and rewrites them; [`tidy`] takes the attribute off
//! every other tag of the page's raw HTML (and turns an `<a name>`, obsolete, into an `<a id>`).

/// How the content of an element with a `markdown` attribute is parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// As Markdown blocks (paragraphs, lists, ...).
    Block,
    /// As inline Markdown, without paragraphs.
    Span,
    /// Not at all (`markdown="0"`, or an element whose content is raw text such as `<pre>`).
    Raw,
}

/// Elements whose content is inline Markdown under `markdown="1"` (Python-Markdown's list).
const SPAN_TAGS: &[&str] = &[
    "address", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "legend", "li", "p", "summary",
    "td", "th",
];

/// Elements whose content is never Markdown.
const RAW_TAGS: &[&str] = &[
    "canvas", "math", "option", "pre", "script", "style", "textarea",
];

/// The block-level elements (Python-Markdown's list): only these, opened at the start of a
/// line, are rewritten; an inline element (`<span markdown>`) is left in its paragraph, where its
/// content is inline Markdown anyway.
const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "canvas",
    "center",
    "colgroup",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "iframe",
    "legend",
    "li",
    "main",
    "math",
    "menu",
    "nav",
    "noscript",
    "ol",
    "output",
    "p",
    "pre",
    "progress",
    "script",
    "section",
    "style",
    "summary",
    "table",
    "tbody",
    "td",
    "textarea",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
    "video",
];

/// An element with a `markdown` attribute opened at the start of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenTag {
    /// The element's name, lower-cased.
    pub name: String,
    /// How its content is parsed.
    pub mode: Mode,
    /// The start tag without the attribute (and without the indentation before it).
    pub html: String,
    /// The byte offset in the line just after the start tag's `>`.
    pub end: usize,
}

/// The block-level element with a `markdown` attribute whose start tag begins `line` (after at
/// most three spaces) and ends on it; `None` for any other line.
pub fn open_tag(line: &str) -> Option<OpenTag> {
    let t = line.trim_start_matches(' ');
    let indent = line.len() - t.len();
    if indent > 3 || !t.starts_with('<') || !t[1..].starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let name_len = t[1..]
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .unwrap_or(t.len() - 1);
    let name = t[1..1 + name_len].to_ascii_lowercase();
    let (attrs, tag_len) = attributes(t, 1 + name_len)?;
    let (at, value) = attrs
        .iter()
        .find(|a| a.name.eq_ignore_ascii_case("markdown"))
        .map(|a| (a.span.clone(), a.value.to_ascii_lowercase()))?;
    if !BLOCK_TAGS.contains(&name.as_str()) || !plain_value(&value) {
        return None;
    }
    let mode = match value.as_str() {
        "span" => Mode::Span,
        "block" => Mode::Block,
        "0" => Mode::Raw,
        _ if RAW_TAGS.contains(&name.as_str()) => Mode::Raw,
        _ if SPAN_TAGS.contains(&name.as_str()) => Mode::Span,
        _ => Mode::Block,
    };
    let html = format!("{}{}", &t[..at.start], &t[at.end..tag_len]);
    Some(OpenTag {
        name,
        mode,
        html,
        end: indent + tag_len,
    })
}

/// Where the element `name` opened on the first of `lines` (its start tag ending at byte
/// `from`) closes: the index among `lines` and the byte offset of its `</name>` there,
/// counting elements of the same name opened and closed in between.
pub fn find_close<'a>(
    lines: impl IntoIterator<Item = &'a str>,
    from: usize,
    name: &str,
) -> Option<(usize, usize)> {
    let mut depth = 1usize;
    for (i, line) in lines.into_iter().enumerate() {
        let begin = if i == 0 { from } else { 0 };
        let lower = line.get(begin..)?.to_ascii_lowercase();
        let mut at = 0;
        while let Some(lt) = lower[at..].find('<') {
            let tag = &lower[at + lt + 1..];
            let (closing, rest) = match tag.strip_prefix('/') {
                Some(r) => (true, r),
                None => (false, tag),
            };
            let named = rest.strip_prefix(name).is_some_and(|after| {
                after.is_empty()
                    || after.starts_with(|c: char| c == '>' || c == '/' || c.is_ascii_whitespace())
            });
            if named && closing {
                depth -= 1;
                if depth == 0 {
                    return Some((i, begin + at + lt));
                }
            } else if named {
                depth += 1;
            }
            at += lt + 1;
        }
    }
    None
}

/// `html` with the `markdown` attribute taken off every start tag, and the `name` of an `<a>`
/// without an `id` made its `id` (the same target for links, and valid HTML); `None` when there
/// is nothing to change.
pub fn tidy(html: &str) -> Option<String> {
    let has = |word: &[u8]| {
        html.as_bytes()
            .windows(word.len())
            .any(|w| w.eq_ignore_ascii_case(word))
    };
    if !has(b"markdown") && !has(b"name") {
        return None;
    }
    let mut out = String::with_capacity(html.len());
    let mut copied = 0;
    let mut i = 0;
    while let Some(lt) = html[i..].find('<') {
        let start = i + lt + 1;
        // Comments, declarations, processing instructions and end tags are passed over whole,
        // as the raw-HTML safety scan reads them (`unsafe_html::scan`): nothing inside them is
        // a start tag.
        if html[start..].starts_with("!--") {
            i = html[start + 3..]
                .find("-->")
                .map_or(html.len(), |e| start + 3 + e + 3);
            continue;
        }
        if html[start..].starts_with(['/', '!', '?']) {
            i = html[start..]
                .find('>')
                .map_or(html.len(), |e| start + e + 1);
            continue;
        }
        if !html[start..].starts_with(|c: char| c.is_ascii_alphabetic()) {
            i = start;
            continue;
        }
        let name_end = html[start..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
            .map_or(html.len(), |n| start + n);
        let Some((attrs, len)) = attributes(&html[start - 1..], name_end - start + 1) else {
            break;
        };
        let tag_at = start - 1;
        for a in attrs
            .iter()
            .filter(|a| a.name.eq_ignore_ascii_case("markdown") && plain_value(a.value))
        {
            out.push_str(&html[copied..tag_at + a.span.start]);
            copied = tag_at + a.span.end;
        }
        let is_a = html[start..name_end].eq_ignore_ascii_case("a");
        if is_a && !attrs.iter().any(|a| a.name.eq_ignore_ascii_case("id")) {
            for a in attrs.iter().filter(|a| a.name.eq_ignore_ascii_case("name")) {
                out.push_str(&html[copied..tag_at + a.name_at]);
                out.push_str("id");
                copied = tag_at + a.name_at + a.name.len();
            }
        }
        i = tag_at + len;
    }
    (copied > 0).then(|| {
        out.push_str(&html[copied..]);
        out
    })
}

/// Whether a `markdown` attribute's value is one MkDocs reads (`1`, `block`, `span`, `0`, empty
/// or any other plain word): only such an attribute is removed, so that removing it can never
/// change where a tag, comment or quoted value ends (a value holding `<`, `>`, quotes or `-`
/// could hide markup from the raw-HTML safety scan, which reads the page before removal).
fn plain_value(value: &str) -> bool {
    value.bytes().all(|c| c.is_ascii_alphanumeric())
}

/// One attribute of a start tag.
struct Attr<'a> {
    name: &'a str,
    /// Where the name starts.
    name_at: usize,
    value: &'a str,
    /// From the whitespace before the name to the end of the value.
    span: std::ops::Range<usize>,
}

/// The attributes of the start tag at the beginning of `tag`, read from `from` (after the
/// name), and the tag's length; `None` when it does not end in `tag`.
fn attributes(tag: &str, from: usize) -> Option<(Vec<Attr<'_>>, usize)> {
    let b = tag.as_bytes();
    let mut attrs = Vec::new();
    let mut i = from;
    loop {
        let space = i;
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        match b.get(i) {
            None => return None,
            Some(b'>') => return Some((attrs, i + 1)),
            _ => {}
        }
        let name_at = i;
        while i < b.len() && !(b[i].is_ascii_whitespace() || matches!(b[i], b'/' | b'>' | b'=')) {
            i += 1;
        }
        let name = &tag[name_at..i];
        let mut value = "";
        let mut j = i;
        while j < b.len() && b[j].is_ascii_whitespace() {
            j += 1;
        }
        if b.get(j) == Some(&b'=') {
            j += 1;
            while j < b.len() && b[j].is_ascii_whitespace() {
                j += 1;
            }
            let (start, end, next) = match b.get(j) {
                Some(&q @ (b'"' | b'\'')) => {
                    let end = j + 1 + tag[j + 1..].find(q as char)?;
                    (j + 1, end, end + 1)
                }
                _ => {
                    let end = j + tag[j..]
                        .find(|c: char| c.is_ascii_whitespace() || c == '>')
                        .unwrap_or(tag.len() - j);
                    (j, end, end)
                }
            };
            value = &tag[start..end];
            i = next;
        }
        attrs.push(Attr {
            name,
            name_at,
            value,
            span: space..i,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mode_follows_the_value_and_the_element() {
        let mode = |line: &str| open_tag(line).map(|t| t.mode);
        assert_eq!(
            mode("<div class=\"grid cards\" markdown>"),
            Some(Mode::Block)
        );
        assert_eq!(mode("<div markdown=\"1\">"), Some(Mode::Block));
        assert_eq!(mode("  <section MARKDOWN='block'>"), Some(Mode::Block));
        assert_eq!(mode("<figure markdown=\"span\">"), Some(Mode::Span));
        assert_eq!(mode("<p markdown>"), Some(Mode::Span));
        assert_eq!(mode("<div markdown=\"0\">"), Some(Mode::Raw));
        assert_eq!(mode("<pre markdown>"), Some(Mode::Raw));
        for no in [
            "<div class=\"x\">",
            "    <div markdown>",
            "text <div markdown>",
            "<div markdown",
            "<img markdown src=\"a.png\">",
            "<span markdown>*x*</span>",
            "<div data-markdown=\"1\">",
        ] {
            assert_eq!(mode(no), None, "{no}");
        }
    }

    #[test]
    fn the_start_tag_loses_only_the_attribute() {
        let t = open_tag("  <div class=\"grid cards\" markdown id=x>rest").unwrap();
        assert_eq!(t.html, "<div class=\"grid cards\" id=x>");
        assert_eq!(t.end, "  <div class=\"grid cards\" markdown id=x>".len());
        assert_eq!(
            open_tag("<figure markdown=\"span\">").unwrap().html,
            "<figure>"
        );
    }

    #[test]
    fn the_close_counts_nested_elements_of_the_name() {
        let lines = [
            "<div markdown>",
            "<div class=\"inner\">x</div>",
            "<divider>",
            "text </DIV> after",
            "</div>",
        ];
        assert_eq!(find_close(lines.iter().copied(), 14, "div"), Some((3, 5)));
        let one = ["<p markdown>*a* <b>x</b></p> tail"];
        assert_eq!(find_close(one.iter().copied(), 12, "p"), Some((0, 24)));
        assert_eq!(find_close(["<div markdown>", "x"], 14, "div"), None);
    }

    #[test]
    fn strips_the_attribute_from_every_start_tag_only() {
        assert_eq!(
            tidy("<div class=\"a\" markdown><span markdown=\"span\" id='s'>x</span></div>")
                .as_deref(),
            Some("<div class=\"a\"><span id='s'>x</span></div>")
        );
        assert_eq!(tidy("<p>write markdown=\"1\" here</p>"), None);
        assert_eq!(tidy("<p data-markdown=\"x\">"), None);
        assert_eq!(tidy("<div markdown"), None);
    }

    #[test]
    fn an_anchor_name_becomes_its_id() {
        assert_eq!(
            tidy("<a name=\"named\"></a> <A\n NAME=x>").as_deref(),
            Some("<a id=\"named\"></a> <A\n id=x>")
        );
        assert_eq!(tidy("<a name=\"n\" id=\"i\"></a>"), None);
        assert_eq!(tidy("<input name=\"field\">"), None);
        assert_eq!(tidy("<p>a name</p>"), None);
    }
}
