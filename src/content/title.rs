//! A page's title from its Markdown: the first level-1 heading of the page (ATX `# Title` or
//! Setext `Title` over `===`), wherever it is among the page's top-level blocks, as the plain
//! text of its inline content (an image's alt text, a link's text, code and emphasis without
//! their markup), the way a browser reads the heading aloud; failing that, a raw HTML
//! `<h1>` block's text.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// The first top-level `# Heading` of `body`: its plain text and 1-based line within `body`.
/// `None` when the page has no level-1 heading outside lists, quotes and other containers,
/// or when the first one has no text (an image without alt text, raw HTML only).
pub(crate) fn first_heading(body: &str) -> Option<(String, usize)> {
    if !body.contains('#') && !body.contains("\n=") {
        return None;
    }
    // Smart punctuation off: a title keeps the quotes its author typed.
    let options = crate::html::markdown_options() - Options::ENABLE_SMART_PUNCTUATION;
    let mut depth = 0usize;
    let mut heading: Option<(String, usize)> = None;
    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        match (&event, heading.as_mut()) {
            (
                Event::Start(Tag::Heading {
                    level: HeadingLevel::H1,
                    ..
                }),
                None,
            ) if depth == 0 => {
                heading = Some((String::new(), line_of(body, range.start)));
                depth += 1;
            }
            (Event::End(TagEnd::Heading(_)), Some(_)) if depth == 1 => {
                let (text, line) = heading.take()?;
                let plain = text.split_whitespace().collect::<Vec<_>>().join(" ");
                return (!plain.is_empty()).then_some((plain, line));
            }
            (Event::Text(t) | Event::Code(t) | Event::InlineMath(t), Some((text, _))) => {
                text.push_str(t)
            }
            (Event::SoftBreak | Event::HardBreak, Some((text, _))) => text.push(' '),
            (Event::Start(_), _) => depth += 1,
            (Event::End(_), _) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// The text of the first raw HTML `<h1>` among the top-level HTML blocks of `body` (a
/// README's `<h1 align="center">Name</h1>`): its words, with an image's alt text, without
/// markup. For a page whose Markdown has no `# Heading`; the page then keeps that `<h1>` as its
/// own (the theme adds none).
pub(crate) fn html_h1(body: &str) -> Option<String> {
    if !body.contains("<h1") && !body.contains("<H1") {
        return None;
    }
    let mut depth = 0usize;
    let mut block = String::new();
    for event in Parser::new_ext(body, crate::html::markdown_options()) {
        match event {
            Event::Start(Tag::HtmlBlock) if depth == 0 => {
                block.clear();
                depth += 1;
            }
            Event::Html(t) if depth == 1 => block.push_str(&t),
            Event::End(TagEnd::HtmlBlock) if depth == 1 => {
                depth = 0;
                if let Some(text) = h1_text(&block) {
                    return Some(text);
                }
            }
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// The plain text of the first `<h1>…</h1>` in an HTML fragment, when it has any.
fn h1_text(html: &str) -> Option<String> {
    let lower = html.to_ascii_lowercase();
    let open = lower
        .match_indices("<h1")
        .find(|(i, _)| {
            matches!(
                lower.as_bytes().get(i + 3),
                Some(b'>' | b' ' | b'\t' | b'\n' | b'/')
            )
        })?
        .0;
    let start = open + lower[open..].find('>')? + 1;
    let end = start + lower[start..].find("</h1")?;
    let (inner, inner_lower) = (&html[start..end], &lower[start..end]);
    let mut text = String::new();
    let mut i = 0;
    while let Some(lt) = inner[i..].find('<') {
        text.push_str(&inner[i..i + lt]);
        let tag_end = inner[i + lt..]
            .find('>')
            .map_or(inner.len(), |e| i + lt + e + 1);
        let tag = &inner_lower[i + lt..tag_end];
        if tag.starts_with("<img")
            && let Some(alt) = tag.find("alt=")
        {
            let raw = &inner[i + lt + alt + 4..tag_end];
            let quote = raw.chars().next().filter(|c| *c == '"' || *c == '\'');
            let value = match quote {
                Some(q) => raw[1..].split(q).next().unwrap_or(""),
                None => raw.split([' ', '>', '/']).next().unwrap_or(""),
            };
            text.push(' ');
            text.push_str(value);
            text.push(' ');
        }
        i = tag_end;
    }
    text.push_str(&inner[i..]);
    let text = decode_basic(&text);
    let plain = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!plain.is_empty()).then_some(plain)
}

/// The character references a title is likely to hold.
fn decode_basic(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    [
        ("&lt;", "<"),
        ("&gt;", ">"),
        ("&quot;", "\""),
        ("&#39;", "'"),
        ("&apos;", "'"),
        ("&nbsp;", " "),
        ("&amp;", "&"),
    ]
    .iter()
    .fold(text.to_string(), |t, (from, to)| t.replace(from, to))
}

/// The 1-based line of byte `offset` in `text`.
fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

#[cfg(test)]
mod tests {
    use super::first_heading;

    fn title(body: &str) -> Option<(String, usize)> {
        first_heading(body)
    }

    #[test]
    fn plain_heading_is_the_title() {
        assert_eq!(title("# Goals\n\nText.\n"), Some(("Goals".into(), 1)));
        assert_eq!(title("\n\n# Goals #\n"), Some(("Goals".into(), 3)));
        assert_eq!(title("Goals\n=====\n\nText.\n"), Some(("Goals".into(), 1)));
    }

    #[test]
    fn inline_markup_gives_its_plain_text() {
        assert_eq!(title("# ![Logo](l.svg)\n").unwrap().0, "Logo");
        assert_eq!(
            title("# The [link](index.md) and `code` *em* __strong__\n")
                .unwrap()
                .0,
            "The link and code em strong"
        );
        assert_eq!(title("# A &amp; B <span>C</span>\n").unwrap().0, "A & B C");
        assert_eq!(title("# It's \"quoted\"\n").unwrap().0, "It's \"quoted\"");
        assert_eq!(title("# Title {#custom-id}\n").unwrap().0, "Title");
        assert_eq!(title("# snake_case_name\n").unwrap().0, "snake_case_name");
    }

    #[test]
    fn heading_after_banner_comment_or_badges_is_the_title() {
        let body = "<img src=\"b.svg\" alt=\"banner\">\n\n# Real Title\n\nText.\n";
        assert_eq!(title(body), Some(("Real Title".into(), 3)));
        let body = "<!-- note -->\n[![CI](https://x/ci.svg)](https://x)\n\nIntro.\n\n# Real\n";
        assert_eq!(title(body), Some(("Real".into(), 6)));
    }

    #[test]
    fn only_top_level_level_one_headings_count() {
        assert_eq!(title("## Sub\n\nText.\n"), None);
        assert_eq!(title("> # Quoted\n\n- # Listed\n"), None);
        assert_eq!(title("```\n# not a heading\n```\n"), None);
        assert_eq!(title("> # Quoted\n\n# Real\n"), Some(("Real".into(), 3)));
        assert_eq!(title("# First\n\n# Second\n").unwrap().0, "First");
    }

    #[test]
    fn a_raw_html_h1_gives_its_text() {
        use super::html_h1;
        let body = "<p align=\"center\"><img src=\"b.svg\" alt=\"\"></p>\n\n<h1 align=\"center\">\n  Copier &amp; friends\n</h1>\n\nText.\n";
        assert_eq!(html_h1(body).as_deref(), Some("Copier & friends"));
        let body = "<H1><img src=\"logo.svg\" alt=\"Clinic logo\"> <a href=\"x\">Guide</a></H1>\n";
        assert_eq!(html_h1(body).as_deref(), Some("Clinic logo Guide"));
        assert_eq!(
            html_h1("<h1></h1>\n\n<h1>Second</h1>\n").as_deref(),
            Some("Second")
        );
        // Not an h1, not a block, or in code: no title.
        assert_eq!(html_h1("<h10>x</h10>\n<header>y</header>\n"), None);
        assert_eq!(html_h1("Some <h1>inline</h1> text.\n"), None);
        assert_eq!(html_h1("```\n<h1>code</h1>\n```\n"), None);
    }

    #[test]
    fn a_heading_without_text_gives_no_title() {
        assert_eq!(title("# ![](l.svg)\n\n# Later\n"), None);
        assert_eq!(title("#\n"), None);
        assert_eq!(title(""), None);
    }
}
