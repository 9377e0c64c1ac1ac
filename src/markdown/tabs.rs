//! Material content tabs: consecutive `=== "Title"` blocks form one tab set (`===!` starts a
//! new set, `===+` is the tab selected first). Without JavaScript, and in `print.html`, a set
//! is a series of titled sections; the theme's `tabs.js` turns it into a WAI-ARIA tab list.

use super::admonitions::title_html;

/// A parsed tab header line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// The tab's title.
    pub title: String,
    /// `===!`: this tab starts a new set even right after another set.
    pub new_set: bool,
    /// `===+`: this tab is selected when the page opens.
    pub selected: bool,
}

/// Parses `=== "Title"` (also `===!`, `===+`, `===!+`, `===+!`). `None` when the line is not
/// a tab header (a bare `===` is a heading underline).
pub fn header(line: &str) -> Option<Header> {
    let rest = line.trim_end().strip_prefix("===")?;
    let flags_end = rest.find(|c| c != '!' && c != '+').unwrap_or(rest.len());
    let (flags, rest) = rest.split_at(flags_end);
    if flags.len() > 2 || !rest.starts_with([' ', '\t']) {
        return None;
    }
    let quoted = rest.trim();
    if quoted.len() < 2 || !quoted.starts_with('"') || !quoted.ends_with('"') {
        return None;
    }
    Some(Header {
        title: quoted[1..quoted.len() - 1].trim().to_string(),
        new_set: flags.contains('!'),
        selected: flags.contains('+'),
    })
}

/// The id of tab `tab` of set `set` on a page (both from 1).
pub fn panel_id(set: usize, tab: usize) -> String {
    format!("tabset-{set}-{tab}")
}

/// The HTML that opens a tab set.
pub fn open_set_html() -> &'static str {
    "<div class=\"tabbed-set\" data-tabs>"
}

/// The HTML that closes a tab set.
pub fn close_set_html() -> &'static str {
    "</div>"
}

/// The HTML that opens one panel: its title is a paragraph, which `tabs.js` turns into the tab.
pub fn open_panel_html(h: &Header, set: usize, tab: usize) -> String {
    let id = panel_id(set, tab);
    let selected = if h.selected { " data-selected" } else { "" };
    format!(
        "<div class=\"tabbed-panel\" id=\"{id}\"{selected}>\n<p class=\"tabbed-title\">{}</p>",
        title_html(&h.title)
    )
}

/// The HTML that closes a panel.
pub fn close_panel_html() -> &'static str {
    "</div>"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_parsed() {
        let h = header("=== \"Linux\"").unwrap();
        assert_eq!(
            (h.title.as_str(), h.new_set, h.selected),
            ("Linux", false, false)
        );
        let h = header("===!+ \"A \"quoted\" one\"  ").unwrap();
        assert_eq!(
            (h.title.as_str(), h.new_set, h.selected),
            ("A \"quoted\" one", true, true)
        );
        for not in [
            "===",
            "=== Linux",
            "====\"x\"",
            "===\"x\"",
            "===!!! \"x\"",
            " === \"x\"",
        ] {
            assert_eq!(header(not), None, "{not}");
        }
    }

    #[test]
    fn panel_html_escapes_the_title() {
        let h = header("===+ \"1 < 2 *and*\"").unwrap();
        let html = open_panel_html(&h, 2, 3);
        assert!(html.contains("id=\"tabset-2-3\" data-selected"), "{html}");
        assert!(html.contains(">1 &lt; 2 <em>and</em></p>"), "{html}");
    }
}
