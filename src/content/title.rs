//! A page's title from its Markdown: the first level-1 heading of the page (ATX `# Title` or
//! Setext `Title` over `===`), wherever it is among the page's top-level blocks, as the plain
//! text of its inline content (an image's alt text, a link's text, code and emphasis without
//! their markup), the way a browser reads the heading aloud.

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
    fn a_heading_without_text_gives_no_title() {
        assert_eq!(title("# ![](l.svg)\n\n# Later\n"), None);
        assert_eq!(title("#\n"), None);
        assert_eq!(title(""), None);
    }
}
