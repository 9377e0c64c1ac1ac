//! MkDocs / Material admonitions: `!!! type "Title"` blocks and collapsible `??? type` /
//! `???+ type` blocks, as the handbook's callouts (see [`super::blocks`] for how their
//! indented content is found). Material's types are mapped onto the five callout kinds; an
//! unknown type is a note.

use super::{escape, inline_html};
use crate::i18n::Catalog;

/// A parsed admonition header line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// The callout kind (`note`, `tip`, `important`, `warning`, `caution`).
    pub kind: &'static str,
    /// What the type is called in English ("Danger", "Note" for unknown types).
    pub label: String,
    /// The interface string naming the type for screen readers (`page.admonition_danger`).
    pub label_key: String,
    /// The title shown: the quoted title, else the type capitalised; empty for `""`.
    pub title: String,
    /// Whether the header names a known type and gives no title: then a catalogue that
    /// translates the type's name shows that name instead of the English word.
    pub untitled: bool,
    /// `None` for `!!!`; `Some(open)` for `???` (closed) and `???+` (open).
    pub collapsible: Option<bool>,
}

/// Material's admonition types, their callout kind and label.
const TYPES: &[(&str, &str, &str)] = &[
    ("note", "note", "Note"),
    ("seealso", "note", "See also"),
    ("abstract", "important", "Abstract"),
    ("summary", "important", "Summary"),
    ("tldr", "important", "TL;DR"),
    ("important", "important", "Important"),
    ("info", "note", "Info"),
    ("todo", "note", "To do"),
    ("tip", "tip", "Tip"),
    ("hint", "tip", "Hint"),
    ("success", "tip", "Success"),
    ("check", "tip", "Check"),
    ("done", "tip", "Done"),
    ("question", "note", "Question"),
    ("help", "note", "Help"),
    ("faq", "note", "FAQ"),
    ("warning", "warning", "Warning"),
    ("caution", "warning", "Caution"),
    ("attention", "warning", "Attention"),
    ("failure", "caution", "Failure"),
    ("fail", "caution", "Fail"),
    ("missing", "caution", "Missing"),
    ("danger", "caution", "Danger"),
    ("error", "caution", "Error"),
    ("bug", "caution", "Bug"),
    ("example", "note", "Example"),
    ("quote", "note", "Quote"),
    ("cite", "note", "Quote"),
];

/// Parses `!!! type [more classes] ["Title"]`, `??? ...` or `???+ ...` (the whole line, not
/// indented). `None` when the line is not an admonition header.
pub fn header(line: &str) -> Option<Header> {
    let line = line.trim_end();
    let (collapsible, rest) = if let Some(r) = line.strip_prefix("!!!") {
        (None, r)
    } else if let Some(r) = line.strip_prefix("???+") {
        (Some(true), r)
    } else if let Some(r) = line.strip_prefix("???") {
        (Some(false), r)
    } else {
        return None;
    };
    let rest = rest.trim_start();
    let (words, title) = match rest.find('"') {
        Some(q) => {
            let quoted = &rest[q..];
            if quoted.len() < 2 || !quoted.ends_with('"') {
                return None;
            }
            (&rest[..q], Some(&quoted[1..quoted.len() - 1]))
        }
        None => (rest, None),
    };
    let mut words = words.split_whitespace();
    let kind_word = words.next()?;
    let valid = |w: &str| {
        !w.is_empty()
            && w.chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
    };
    if !valid(kind_word) || !words.all(valid) {
        return None;
    }
    let lower = kind_word.to_lowercase();
    let known = TYPES.iter().any(|(t, _, _)| *t == lower);
    let (kind, label, key) = TYPES.iter().find(|(t, _, _)| *t == lower).map_or(
        ("note", "Note".to_string(), "note"),
        |(t, k, l)| {
            // `cite` is another name for `quote`.
            (*k, l.to_string(), if *t == "cite" { "quote" } else { t })
        },
    );
    let untitled = known && title.is_none();
    let title = match title {
        Some(t) => t.trim().to_string(),
        None => capitalise(&lower),
    };
    Some(Header {
        kind,
        label,
        label_key: format!("page.admonition_{key}"),
        title,
        untitled,
        collapsible,
    })
}

/// A block's title as HTML: inline Markdown, without links (a title is not the place for one,
/// and the link checker never sees this HTML, so a link here could not be checked).
pub fn title_html(title: &str) -> String {
    let html = inline_html(title);
    let mut out = String::with_capacity(html.len());
    let mut rest = html.as_str();
    while let Some(i) = rest.find("<a ").or_else(|| rest.find("</a>")) {
        out.push_str(&rest[..i]);
        let end = rest[i..].find('>').map_or(rest.len(), |e| i + e + 1);
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// `tldr` -> `Tldr`, as Python-Markdown titles an admonition without one.
fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

impl Header {
    /// The HTML that opens the callout (one or two lines, no blank line), the type named in
    /// the language of `catalog`.
    pub fn open_html(&self, catalog: &Catalog) -> String {
        let kind = self.kind;
        let name = catalog.text(&self.label_key, &[]);
        let label = escape(&name);
        // Without a title, Python-Markdown shows the type's word capitalised (`Tldr`): kept in
        // English, but a catalogue that translates the type's name shows its name
        // ("Advertencia" for `!!! warning` in Spanish) rather than an English word.
        let translated = self.untitled && name != Catalog::english().text(&self.label_key, &[]);
        // Titles are inline Markdown, as in Material (`"*Why* it matters"`).
        let title = if translated {
            label.clone()
        } else {
            title_html(&self.title)
        };
        match self.collapsible {
            None if self.title.is_empty() => format!(
                "<div class=\"callout callout-{kind}\" role=\"note\" aria-label=\"{label}\">"
            ),
            None => format!(
                "<div class=\"callout callout-{kind}\" role=\"note\" aria-label=\"{label}\">\n<p class=\"callout-title\">{title}</p>"
            ),
            Some(open) => {
                let open = if open { " open" } else { "" };
                let shown = if self.title.is_empty() {
                    &label
                } else {
                    &title
                };
                format!(
                    "<details class=\"callout callout-{kind} callout-collapsible\"{open}>\n<summary class=\"callout-title\"><span class=\"visually-hidden\">{label}: </span>{shown}</summary>"
                )
            }
        }
    }

    /// The HTML that closes the callout.
    pub fn close_html(&self) -> &'static str {
        if self.collapsible.is_some() {
            "</details>"
        } else {
            "</div>"
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_parsed() {
        let h = header("!!! warning \"Mind the gap\"").unwrap();
        assert_eq!(
            (h.kind, h.label.as_str(), h.title.as_str(), h.collapsible),
            ("warning", "Warning", "Mind the gap", None)
        );
        let h = header("??? danger").unwrap();
        assert_eq!(
            (h.kind, h.title.as_str(), h.collapsible),
            ("caution", "Danger", Some(false))
        );
        let h = header("???+ Tip inline end \"Open\"  ").unwrap();
        assert_eq!(
            (h.kind, h.title.as_str(), h.collapsible),
            ("tip", "Open", Some(true))
        );
        let h = header("!!! frobnicate").unwrap();
        assert_eq!(
            (h.kind, h.label.as_str(), h.title.as_str()),
            ("note", "Note", "Frobnicate")
        );
        assert_eq!(header("!!! note \"\"").unwrap().title, "");
        for not in [
            "!!!",
            "!!! \"only a title\"",
            "Wow!!! note",
            "!!! no-close \"x",
            "??? ",
            "!!! a.b",
        ] {
            assert_eq!(header(not), None, "{not}");
        }
    }

    #[test]
    fn every_material_type_is_named_in_the_catalogue() {
        let en = Catalog::english();
        for (t, _, label) in TYPES {
            let h = header(&format!("!!! {t}")).unwrap();
            assert_eq!(en.text(&h.label_key, &[]), *label, "{t}");
        }
    }

    #[test]
    fn an_untitled_known_type_is_titled_in_the_catalogues_language() {
        let es = Catalog::embedded("es").unwrap();
        let warning = header("!!! warning").unwrap();
        let html = warning.open_html(&es);
        let name = es.text("page.admonition_warning", &[]);
        assert_ne!(name, "Warning");
        assert!(
            html.contains(&format!("<p class=\"callout-title\">{name}</p>")),
            "{html}"
        );
        assert!(!html.contains(">Warning<"), "{html}");
        // Collapsible too.
        let html = header("??? tip").unwrap().open_html(&es);
        let tip = es.text("page.admonition_tip", &[]);
        assert!(html.contains(&format!("</span>{tip}</summary>")), "{html}");
        // A written title is kept; an unknown type keeps the author's word.
        let html = header("!!! warning \"Mind\"").unwrap().open_html(&es);
        assert!(html.contains(">Mind</p>"), "{html}");
        let html = header("!!! aviso").unwrap().open_html(&es);
        assert!(html.contains(">Aviso</p>"), "{html}");
        // English keeps Python-Markdown's capitalised word (`Seealso`, not "See also").
        let html = header("!!! seealso").unwrap().open_html(Catalog::english());
        assert!(html.contains(">Seealso</p>"), "{html}");
    }

    #[test]
    fn every_material_type_has_a_callout_kind() {
        for (t, kind) in [
            ("abstract", "important"),
            ("tldr", "important"),
            ("info", "note"),
            ("todo", "note"),
            ("hint", "tip"),
            ("done", "tip"),
            ("faq", "note"),
            ("attention", "warning"),
            ("missing", "caution"),
            ("error", "caution"),
            ("bug", "caution"),
            ("example", "note"),
            ("cite", "note"),
        ] {
            assert_eq!(header(&format!("!!! {t}")).unwrap().kind, kind, "{t}");
        }
    }

    #[test]
    fn html_escapes_the_title() {
        let h = header("??? note \"a < b & c\"").unwrap();
        assert!(
            h.open_html(Catalog::english())
                .contains("</span>a &lt; b &amp; c</summary>"),
            "{}",
            h.open_html(Catalog::english())
        );
        let h = header("!!! note \"*Why* it matters\"").unwrap();
        assert!(
            h.open_html(Catalog::english())
                .contains("<p class=\"callout-title\"><em>Why</em> it matters</p>")
        );
        assert_eq!(
            title_html("See [this](x.md) *now*"),
            "See this <em>now</em>"
        );
        let h = header("??? note").unwrap();
        assert_eq!(h.close_html(), "</details>");
        let h = header("!!! tip \"\"").unwrap();
        assert!(!h.open_html(Catalog::english()).contains("callout-title"));
    }
}
