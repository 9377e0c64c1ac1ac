//! Footnotes with ids of their own. pulldown-cmark gives a definition its bare label as id
//! (`[^bordin]` becomes `id="bordin"`, the id of a heading `## Bordin` too) and its references
//! none. Here a definition is `fn-LABEL`, its references `fnref-LABEL` (`fnref-LABEL-2`, ... for
//! further references to the same note), and each definition ends with a link back to its first
//! reference. The page's first pass ([`Footnotes::count`]) learns every note's references, so
//! these ids are reserved before any heading is given one and a heading keeps its plain slug.

use crate::html::escape;
use pulldown_cmark::{Event, TagEnd};
use std::collections::HashMap;

/// The key of a footnote label: labels match without regard to case, and an id has no spaces.
fn key(label: &str) -> String {
    label
        .split_whitespace()
        .collect::<Vec<_>>()
        .join("-")
        .to_lowercase()
}

/// The id of the definition of the note labelled `label`.
pub fn note_id(label: &str) -> String {
    format!("fn-{}", key(label))
}

/// The id of the `n`th (1-based) reference to the note labelled `label`.
pub fn ref_id(label: &str, n: usize) -> String {
    match n {
        0 | 1 => format!("fnref-{}", key(label)),
        n => format!("fnref-{}-{n}", key(label)),
    }
}

/// The footnotes of one page while it is rendered.
#[derive(Debug, Default)]
pub struct Footnotes {
    /// Each note's number, by key, in order of first appearance (reference or definition), as
    /// pulldown-cmark numbers them.
    numbers: HashMap<String, usize>,
    /// How many references to each note the page has (the first pass).
    total_refs: HashMap<String, usize>,
    /// The notes defined in the page (the first pass).
    defined: Vec<String>,
    /// How many references to each note were rendered so far.
    refs: HashMap<String, usize>,
    /// The label of the definition being rendered.
    open: Option<String>,
}

impl Footnotes {
    /// Takes an event of the page's first pass (references and definitions are counted).
    pub fn count(&mut self, event: &Event<'_>) {
        match event {
            Event::FootnoteReference(label) => *self.total_refs.entry(key(label)).or_insert(0) += 1,
            Event::Start(pulldown_cmark::Tag::FootnoteDefinition(label)) => {
                self.defined.push(label.to_string())
            }
            _ => {}
        }
    }

    /// Every id the page's footnotes will have (definitions and references), to reserve.
    pub fn ids(&self) -> Vec<String> {
        let mut ids: Vec<String> = self.defined.iter().map(|l| note_id(l)).collect();
        let mut refs: Vec<(&String, &usize)> = self.total_refs.iter().collect();
        refs.sort_unstable();
        for (label, &n) in refs {
            ids.extend((1..=n).map(|i| ref_id(label, i)));
        }
        ids
    }

    fn number(&mut self, label: &str) -> usize {
        let next = self.numbers.len() + 1;
        *self.numbers.entry(key(label)).or_insert(next)
    }

    /// The HTML of a reference to the note labelled `label`.
    pub fn reference(&mut self, label: &str) -> String {
        let number = self.number(label);
        let n = self.refs.entry(key(label)).or_insert(0);
        *n += 1;
        format!(
            "<sup class=\"footnote-reference\" id=\"{}\"><a href=\"#{}\">{number}</a></sup>",
            escape(&ref_id(label, *n)),
            escape(&note_id(label)),
        )
    }

    /// The HTML opening the definition of the note labelled `label`.
    pub fn open(&mut self, label: &str) -> String {
        let number = self.number(label);
        self.open = Some(label.to_string());
        format!(
            "<div class=\"footnote-definition\" id=\"{}\"><sup class=\"footnote-definition-label\">{number}</sup>",
            escape(&note_id(label))
        )
    }

    /// Closes the open definition: when the note has a reference, adds the link back to the
    /// first one to `events` (inside the definition's last paragraph when it ends with one).
    /// `label` gives the link's accessible name for the note's number ("Back to reference 1").
    pub fn close(&mut self, events: &mut Vec<Event<'_>>, label: impl Fn(usize) -> String) {
        let Some(open) = self.open.take() else {
            return;
        };
        if self.total_refs.get(&key(&open)).copied().unwrap_or(0) == 0 {
            return;
        }
        let number = self.number(&open);
        let link = format!(
            " <a class=\"footnote-backref\" href=\"#{}\" aria-label=\"{}\">↩</a>",
            escape(&ref_id(&open, 1)),
            escape(&label(number))
        );
        if matches!(events.last(), Some(Event::End(TagEnd::Paragraph))) {
            let at = events.len() - 1;
            events.insert(at, Event::InlineHtml(link.into()));
        } else {
            events.push(Event::Html(format!("{}\n", link.trim_start()).into()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::{Parser, Tag};

    fn render(md: &str) -> String {
        let mut notes = Footnotes::default();
        for ev in Parser::new_ext(md, crate::html::markdown_options()) {
            notes.count(&ev);
        }
        let mut events = Vec::new();
        for ev in Parser::new_ext(md, crate::html::markdown_options()) {
            match ev {
                Event::FootnoteReference(l) => {
                    events.push(Event::InlineHtml(notes.reference(&l).into()))
                }
                Event::Start(Tag::FootnoteDefinition(l)) => {
                    events.push(Event::Html(notes.open(&l).into()))
                }
                Event::End(TagEnd::FootnoteDefinition) => {
                    notes.close(&mut events, |n| format!("Back to {n}"));
                    events.push(ev);
                }
                ev => events.push(ev),
            }
        }
        let mut html = String::new();
        pulldown_cmark::html::push_html(&mut html, events.into_iter());
        html
    }

    #[test]
    fn ids_are_prefixed_and_numbers_follow_first_appearance() {
        let html = render("A[^b] and[^My Note] and[^b].\n\n[^my note]: Two.\n\n[^b]: One.\n");
        assert!(
            html.contains(
                "<sup class=\"footnote-reference\" id=\"fnref-b\"><a href=\"#fn-b\">1</a></sup>"
            ),
            "{html}"
        );
        assert!(
            html.contains("id=\"fnref-my-note\"><a href=\"#fn-my-note\">2</a>"),
            "{html}"
        );
        assert!(
            html.contains("id=\"fnref-b-2\"><a href=\"#fn-b\">1</a>"),
            "{html}"
        );
        assert!(
            html.contains("<div class=\"footnote-definition\" id=\"fn-b\"><sup class=\"footnote-definition-label\">1</sup>\n<p>One. <a class=\"footnote-backref\" href=\"#fnref-b\" aria-label=\"Back to 1\">↩</a></p>\n</div>"),
            "{html}"
        );
        assert!(
            html.contains("id=\"fn-my-note\"><sup class=\"footnote-definition-label\">2</sup>"),
            "{html}"
        );
        assert!(!html.contains("id=\"b\""), "{html}");
    }

    #[test]
    fn every_id_is_known_before_rendering() {
        let mut notes = Footnotes::default();
        for ev in Parser::new_ext(
            "x[^a] y[^a] z[^c]\n\n[^a]: A\n[^c]: C\n",
            crate::html::markdown_options(),
        ) {
            notes.count(&ev);
        }
        assert_eq!(
            notes.ids(),
            ["fn-a", "fn-c", "fnref-a", "fnref-a-2", "fnref-c"]
        );
    }

    #[test]
    fn a_definition_without_paragraph_or_reference() {
        let html = render("x[^l]\n\n[^l]:\n    - item\n\n[^unused]: Nobody cites me.\n");
        assert!(
            html.contains("</ul>\n<a class=\"footnote-backref\" href=\"#fnref-l\""),
            "{html}"
        );
        assert!(!html.contains("#fnref-unused"), "{html}");
    }
}
