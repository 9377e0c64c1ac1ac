//! Attribute lists after a link or an image (Python-Markdown's `attr_list`, common in MkDocs
//! Material sites): `![Logo](logo.png){ width="300" }`, `[Start](setup.md){ .md-button }`,
//! `![Map](map.svg){#map loading=lazy}`. The braces must follow the `)` directly, on the same
//! line; the list is `#id`, `.class` and `key=value` (value bare or quoted), optionally after a
//! `:`. Anything else in the braces leaves them as text. Only attributes that are safe and
//! valid on the element are written; the others are named in a warning.

use crate::error::Diagnostic;
use crate::html::escape;
use pulldown_cmark::{Event, LinkType, Tag, TagEnd};
use std::ops::Range;
use std::path::Path;

/// The attributes written as given (besides `id` and `class`), and any `data-*`.
const ALLOWED: &[&str] = &[
    "width",
    "height",
    "loading",
    "decoding",
    "title",
    "lang",
    "dir",
    "target",
    "rel",
    "hreflang",
    "download",
    "referrerpolicy",
];

/// A parsed `{ ... }` list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Attrs {
    /// The `#id`, if any (the last one wins).
    pub id: Option<String>,
    /// The `.class`es, in order.
    pub classes: Vec<String>,
    /// The `key=value` pairs kept, in order.
    pub pairs: Vec<(String, String)>,
    /// The keys left out (not safe or not valid here), for a warning.
    pub dropped: Vec<String>,
}

impl Attrs {
    /// The attributes as HTML, each after a space.
    pub fn html(&self) -> String {
        let mut out = String::new();
        if let Some(id) = &self.id {
            out.push_str(&format!(" id=\"{}\"", escape(id)));
        }
        if !self.classes.is_empty() {
            out.push_str(&format!(" class=\"{}\"", escape(&self.classes.join(" "))));
        }
        for (k, v) in &self.pairs {
            out.push_str(&format!(" {k}=\"{}\"", escape(v)));
        }
        out
    }

    /// `tag` (a start tag as pulldown-cmark writes it, ending in `>` or ` />`) with these
    /// attributes added before its end.
    pub fn add_to(&self, tag: &str) -> String {
        let cut = tag
            .strip_suffix(" />")
            .map(|t| (t, " />"))
            .or_else(|| tag.strip_suffix('>').map(|t| (t, ">")));
        match cut {
            Some((head, end)) => format!("{head}{}{end}", self.html()),
            None => tag.to_string(),
        }
    }
}

/// The attribute list right at `at` in `text` (just after a link or image), and the offset
/// after its `}`; `None` when there is none.
pub fn after(text: &str, at: usize) -> Option<(Attrs, usize)> {
    let rest = text.get(at..)?.strip_prefix('{')?;
    let close = rest.find(['}', '\n'])?;
    if !rest[close..].starts_with('}') {
        return None;
    }
    let inner = rest[..close].trim();
    let inner = inner.strip_prefix(':').unwrap_or(inner).trim();
    if inner.is_empty() {
        return None;
    }
    let attrs = parse(inner)?;
    Some((attrs, at + 1 + close + 1))
}

/// The tokens of a list's inside; `None` when one is not an attribute.
fn parse(inner: &str) -> Option<Attrs> {
    let mut attrs = Attrs::default();
    let mut rest = inner;
    while !rest.is_empty() {
        let token_end = token_end(rest)?;
        let token = &rest[..token_end];
        rest = rest[token_end..].trim_start();
        if let Some(id) = token.strip_prefix('#') {
            attrs.id = Some(name(id)?.to_string());
        } else if let Some(class) = token.strip_prefix('.') {
            attrs.classes.push(name(class)?.to_string());
        } else {
            let (key, value) = token.split_once('=')?;
            let key = name(key)?.to_ascii_lowercase();
            let value = value
                .strip_prefix('"')
                .and_then(|v| v.strip_suffix('"'))
                .or_else(|| value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))
                .unwrap_or(value);
            if ALLOWED.contains(&key.as_str()) || key.starts_with("data-") {
                attrs.pairs.push((key, value.to_string()));
            } else {
                attrs.dropped.push(key);
            }
        }
    }
    Some(attrs)
}

/// The length of the token at the start of `text` (up to whitespace outside quotes).
fn token_end(text: &str) -> Option<usize> {
    let mut quote = None;
    for (i, c) in text.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, c) if c.is_whitespace() => return Some(i),
            _ => {}
        }
    }
    quote.is_none().then_some(text.len())
}

/// `s` when it is a usable name (letters, digits, `-`, `_`, `:`), else `None`.
fn name(s: &str) -> Option<&str> {
    (!s.is_empty()
        && s.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | ':')))
    .then_some(s)
}

/// The warning for `key`, left out of the attribute list at `path:line:column`.
pub fn dropped_warning(path: &Path, line: usize, column: usize, key: &String) -> Diagnostic {
    Diagnostic::warning(path, line, format!("`{key}` in the attribute list is left out"))
        .with_column(column)
        .with_hint("an attribute list may give `#id`, `.class`, width, height, loading, decoding, title, lang, dir, target, rel, hreflang, download, referrerpolicy and `data-*`; style the element through a class in your theme's stylesheet")
}

/// Writes the links and images of a page's event stream that have an attribute list.
#[derive(Debug, Default)]
pub struct Writer<'a> {
    /// The image being read: its tag, its alt text so far and its attributes.
    image: Option<(Tag<'a>, String, Attrs)>,
    /// The source range of the last list written: its text is not written.
    skip: Range<usize>,
}

impl<'a> Writer<'a> {
    /// Takes each `event` (at `range` of `body`) first: `None` when it is consumed (the text of a
    /// list written as attributes; an image's alt text, kept for the image), else the event,
    /// a text that starts in a list cut to what follows it.
    pub fn filter(
        &mut self,
        event: Event<'a>,
        range: &Range<usize>,
        body: &'a str,
    ) -> Option<Event<'a>> {
        if let Some((_, alt, _)) = self.image.as_mut() {
            return match event {
                Event::End(TagEnd::Image) => Some(event),
                Event::Text(t) | Event::Code(t) => {
                    alt.push_str(&t);
                    None
                }
                _ => None,
            };
        }
        if !self.skip.contains(&range.start) {
            return Some(event);
        }
        match event {
            Event::Text(t) if range.end > self.skip.end => {
                let source = body.get(range.clone()).unwrap_or("");
                let cut = self.skip.end - range.start;
                let rest = match t.as_ref() == source {
                    true => t.get(cut..).unwrap_or("").to_string(),
                    false => body.get(self.skip.end..range.end).unwrap_or("").to_string(),
                };
                Some(Event::Text(rest.into()))
            }
            _ => None,
        }
    }

    /// A link or an image start (`tag`, its destination already rewritten) whose `)` ends at
    /// `at` in `body`: `Err(tag)` when no attribute list follows; else the event to write
    /// instead (none for an image, written at its end: [`Writer::end_image`]) and the keys left
    /// out.
    pub fn start(
        &mut self,
        tag: Tag<'a>,
        at: usize,
        body: &str,
    ) -> Result<(Option<Event<'a>>, Vec<String>), Tag<'a>> {
        let plain_link = matches!(
            tag,
            Tag::Link {
                link_type: LinkType::Inline
                    | LinkType::Reference
                    | LinkType::Collapsed
                    | LinkType::Shortcut,
                ..
            }
        );
        if !(plain_link || matches!(tag, Tag::Image { .. })) {
            return Err(tag);
        }
        let Some((attrs, end)) = after(body, at) else {
            return Err(tag);
        };
        self.skip = at..end;
        let dropped = attrs.dropped.clone();
        if let Tag::Image { .. } = tag {
            self.image = Some((tag, String::new(), attrs));
            return Ok((None, dropped));
        }
        let mut html = String::new();
        pulldown_cmark::html::push_html(&mut html, [Event::Start(tag)].into_iter());
        Ok((Some(Event::InlineHtml(attrs.add_to(&html).into())), dropped))
    }

    /// At the end of an image: when it has a list, its HTML and its alt text.
    pub fn end_image(&mut self) -> Option<(String, String)> {
        let (tag, alt, attrs) = self.image.take()?;
        let mut html = String::new();
        let events = [
            Event::Start(tag),
            Event::Text(alt.clone().into()),
            Event::End(TagEnd::Image),
        ];
        pulldown_cmark::html::push_html(&mut html, events.into_iter());
        Some((attrs.add_to(&html), alt))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_right_after_the_parenthesis() {
        let text = "![a](p.png){ width=\"300\" .wide #pic loading=lazy } after";
        let (attrs, end) = after(text, 11).unwrap();
        assert_eq!(&text[end..], " after");
        assert_eq!(
            attrs.html(),
            " id=\"pic\" class=\"wide\" width=\"300\" loading=\"lazy\""
        );
        assert_eq!(
            after("x{: .md-button }", 1).unwrap().0.classes,
            ["md-button"]
        );
        assert_eq!(
            after("x{title='Two words'}", 1).unwrap().0.pairs,
            [("title".to_string(), "Two words".to_string())]
        );
    }

    #[test]
    fn anything_else_stays_text() {
        for text in [
            "x { .c }",
            "x{}",
            "x{ .c",
            "x{ .c\n}",
            "x{ not an attr }",
            "x{ width=\"3 }",
            "x{ .a<b }",
        ] {
            assert_eq!(after(text, 1), None, "{text}");
        }
    }

    #[test]
    fn unsafe_or_invalid_keys_are_left_out() {
        let (attrs, _) = after(
            "x{ onclick=\"alert(1)\" style=\"color:red\" align=left data-x=1 }",
            1,
        )
        .unwrap();
        assert_eq!(attrs.dropped, ["onclick", "style", "align"]);
        assert_eq!(attrs.html(), " data-x=\"1\"");
        assert_eq!(
            Attrs {
                classes: vec!["c".into()],
                ..Attrs::default()
            }
            .add_to("<img src=\"a\" alt=\"b\" />"),
            "<img src=\"a\" alt=\"b\" class=\"c\" />"
        );
    }
}
