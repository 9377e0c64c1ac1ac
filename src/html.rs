//! HTML text helpers every stage shares, depending on nothing else in the crate: escaping,
//! and Markdown rendered outside a page (a question's prompt, an option, an explanation), so
//! components need not call back into `markdown`.

use pulldown_cmark::{Options, Parser};

/// The Markdown extensions every page and every component's Markdown is parsed with.
pub fn markdown_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_DEFINITION_LIST
        | Options::ENABLE_GFM
}

/// Escapes text for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Inline Markdown (a prompt, an option) to HTML without the wrapping paragraph.
pub fn inline_html(text: &str) -> String {
    let html = block_html(text);
    let trimmed = html.trim_end();
    match trimmed
        .strip_prefix("<p>")
        .and_then(|s| s.strip_suffix("</p>"))
    {
        Some(inner) if !inner.contains("<p>") => inner.to_string(),
        _ => trimmed.to_string(),
    }
}

/// Block Markdown (a vignette, an explanation) to HTML.
pub fn block_html(text: &str) -> String {
    let mut out = String::new();
    pulldown_cmark::html::push_html(&mut out, Parser::new_ext(text, markdown_options()));
    align_classes(out)
}

/// Whether `url` (an attribute value already decoded, a Markdown destination, a CSS `url()`)
/// is on another host: `http:`, `https:` or protocol-relative `//`.
pub fn is_remote(url: &str) -> bool {
    let url = url.trim_start_matches(|c: char| c <= ' ');
    let head: String = url
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .take(8)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("http://") || head.starts_with("https://") || head.starts_with("//")
}

/// Whether rendered `html` holds an `<h1>` element of its own (any case; escaped text and
/// code never do, since their `<` is `&lt;`).
pub fn has_h1(html: &str) -> bool {
    html.as_bytes().windows(4).any(|w| {
        w[0] == b'<'
            && w[1].eq_ignore_ascii_case(&b'h')
            && w[2] == b'1'
            && matches!(w[3], b'>' | b' ' | b'\t' | b'\n' | b'/')
    })
}

/// Table cells' alignment as classes (`class="align-center"`) instead of the inline
/// `style="text-align: center"` pulldown-cmark writes, which the pages' Content-Security-Policy
/// (`style-src 'self'`) would block.
pub fn align_classes(html: String) -> String {
    if !html.contains(" style=\"text-align: ") {
        return html;
    }
    let mut html = html;
    for cell in ["th", "td"] {
        for align in ["left", "center", "right"] {
            html = html.replace(
                &format!("<{cell} style=\"text-align: {align}\">"),
                &format!("<{cell} class=\"align-{align}\">"),
            );
        }
    }
    html
}

/// Decodes `%XX` escapes (invalid ones are kept as written).
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && bytes[i + 1].is_ascii_hexdigit()
            && bytes[i + 2].is_ascii_hexdigit()
        {
            let hex = [bytes[i + 1], bytes[i + 2]];
            let hex = std::str::from_utf8(&hex).unwrap_or("00");
            out.push(u8::from_str_radix(hex, 16).unwrap_or(0));
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_covers_markup_and_quotes() {
        assert_eq!(
            escape("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
    }

    #[test]
    fn finds_an_h1_element_only() {
        assert!(has_h1("<p>x</p>\n<h1 align=\"center\">T</h1>"));
        assert!(has_h1("<H1>T</H1>") && has_h1("<h1>T</h1>"));
        assert!(!has_h1(
            "<h2>T</h2><h10>x</h10><pre><code>&lt;h1&gt;</code></pre>"
        ));
    }

    #[test]
    fn inline_html_strips_paragraph() {
        assert_eq!(inline_html("a *b*"), "a <em>b</em>");
        assert_eq!(inline_html("a\n\nb"), "<p>a</p>\n<p>b</p>");
    }

    #[test]
    fn block_html_aligns_with_classes() {
        let html = block_html("| a | b |\n|:--|--:|\n| 1 | 2 |\n");
        assert!(html.contains("<th class=\"align-left\">"), "{html}");
        assert!(!html.contains("style="), "{html}");
    }
}
