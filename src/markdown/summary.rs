//! A page's summary: its first paragraph's plain text, cut after a sentence or at a word
//! (about [`SUMMARY_CHARS`] characters), for `<meta name="description">` when the front matter
//! has no `description`.

use pulldown_cmark::{Event, Tag, TagEnd};

/// About how long a page summary is, in characters.
pub const SUMMARY_CHARS: usize = 155;

/// `text` cut at the last word boundary within [`SUMMARY_CHARS`] characters, with `…` when
/// it was cut.
pub fn summarize(text: &str) -> String {
    let text = super::squeeze_whitespace(text);
    if text.chars().count() <= SUMMARY_CHARS {
        return text;
    }
    let end = text
        .char_indices()
        .nth(SUMMARY_CHARS)
        .map_or(text.len(), |(i, _)| i);
    // After the last whole sentence when that keeps at least half, else at the last word.
    let sentence = [". ", "! ", "? "]
        .iter()
        .filter_map(|p| text[..end].rfind(p))
        .max()
        .filter(|&i| text[..i].chars().count() >= SUMMARY_CHARS / 2);
    if let Some(i) = sentence {
        return text[..=i].to_string();
    }
    let cut = text[..end].rfind(' ').unwrap_or(end);
    format!(
        "{}…",
        text[..cut].trim_end_matches(|c: char| c.is_ascii_punctuation() || c == ' ')
    )
}

/// Reads the first paragraph's text from a page's events (outside headings).
#[derive(Debug, Default)]
pub struct Collector {
    paragraph: Option<String>,
    summary: Option<String>,
}

impl Collector {
    /// Takes the next event of the page; `in_heading` while a heading is being read.
    pub fn feed(&mut self, event: &Event<'_>, in_heading: bool) {
        if self.summary.is_some() {
            return;
        }
        match event {
            Event::Start(Tag::Paragraph) if !in_heading => self.paragraph = Some(String::new()),
            Event::End(TagEnd::Paragraph) => {
                // A paragraph with no text (an image alone) does not count.
                if let Some(text) = self.paragraph.take().filter(|t| !t.trim().is_empty()) {
                    self.summary = Some(summarize(&text));
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(p) = self.paragraph.as_mut() {
                    p.push_str(t)
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(p) = self.paragraph.as_mut() {
                    p.push(' ')
                }
            }
            _ => {}
        }
    }

    /// The summary (empty when the page has no paragraph).
    pub fn finish(self) -> String {
        self.summary.unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_is_cut_after_a_sentence_or_at_a_word() {
        let words = "word ".repeat(50);
        let s = summarize(&words);
        assert!(s.ends_with("word word…"), "{s}");
        assert!(s.chars().count() <= SUMMARY_CHARS + 1);
        let sentences = "Listening well is a skill. ".repeat(12);
        assert!(summarize(&sentences).ends_with("a skill."));
        assert_eq!(summarize("  Short\n text. "), "Short text.");
    }
}
