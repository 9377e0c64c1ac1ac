//! Media from other hosts: images, iframes, video, audio, embeds and objects whose URL is on
//! another host (`https://…`, `//…`). The built site loads nothing from other hosts (its
//! Content-Security-Policy allows only its own files), so each is a warning at its
//! `file:line:column`, once per URL per page; links (`<a href>`) to other hosts are fine.
//! A Markdown image from another host is written as a link to it, named by its alt text.

use crate::error::Diagnostic;
use pulldown_cmark::{CowStr, Event, LinkType, Tag, TagEnd};
use std::collections::HashSet;
use std::path::Path;

/// Between the element and the URL in every message of this module (what [`dedupe`] keys on).
const WILL_NOT_LOAD: &str = " from another host will not load: ";

pub use crate::html::is_remote;

/// The attributes of `tag` (lower case) that make the browser load a URL: `src`, `srcset`,
/// `poster`, `data`, an SVG `href`. Not `<a href>`: a link loads nothing until followed.
pub fn loads(tag: &str, attribute: &str) -> bool {
    match tag {
        "img" | "source" => matches!(attribute, "src" | "srcset"),
        "video" => matches!(attribute, "src" | "poster"),
        "audio" | "track" | "iframe" | "frame" | "embed" | "input" => attribute == "src",
        "object" => attribute == "data",
        "image" | "use" | "feimage" => matches!(attribute, "href" | "xlink:href"),
        "link" => attribute == "href",
        _ => false,
    }
}

/// The remote URLs in an attribute value that [`loads`]: the value itself, or each candidate
/// of a `srcset` (`a.png 1x, https://x/b.png 2x`).
pub fn remote_urls<'v>(attribute: &str, value: &'v str) -> Vec<&'v str> {
    if attribute == "srcset" {
        value
            .split(',')
            .filter_map(|c| c.split_whitespace().next())
            .filter(|u| is_remote(u))
            .collect()
    } else {
        let v = value.trim();
        if is_remote(v) { vec![v] } else { Vec::new() }
    }
}

/// The warning for `what` (`an image`, `` `<iframe>` ``) loading `url` from another host.
pub fn diagnostic(path: &Path, line: usize, column: usize, what: &str, url: &str) -> Diagnostic {
    let mut message = String::with_capacity(what.len() + WILL_NOT_LOAD.len() + url.len());
    message.push_str(what);
    message.push_str(WILL_NOT_LOAD);
    message.push_str(url);
    Diagnostic::warning(path, line, message)
        .with_column(column)
        .with_hint(
            "the built site loads nothing from other hosts: download the file into the handbook and point to it (`![what it shows](images/photo.png)`, `src=\"media/clip.mp4\"`), or link to it as a normal link: `[Watch the video](https://…)`",
        )
}

/// Keeps the first warning of this module for each URL (one per URL per page), in order.
pub fn dedupe(diagnostics: &mut Vec<Diagnostic>) {
    let mut seen = HashSet::new();
    diagnostics.retain(|d| match d.message.split_once(WILL_NOT_LOAD) {
        Some((_, url)) => seen.insert(url.to_string()),
        None => true,
    });
}

/// How a Markdown image is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImageAs {
    /// As an image (on the site's own files).
    Image,
    /// From another host: as a link to it, named by the alt text (the URL when there is none).
    Link(String),
    /// From another host inside a link: as its alt text (a link may not hold a link).
    Text,
}

/// The event that opens Markdown image `dest` from another host, and how it is written:
/// `Start(Link)` to it, or nothing when it is `in_link`.
pub fn image_start<'a>(
    dest: CowStr<'a>,
    title: CowStr<'a>,
    id: CowStr<'a>,
    in_link: bool,
) -> (ImageAs, Option<Event<'a>>) {
    if in_link {
        return (ImageAs::Text, None);
    }
    let url = dest.to_string();
    let link = Tag::Link {
        link_type: LinkType::Inline,
        dest_url: dest,
        title,
        id,
    };
    (ImageAs::Link(url), Some(Event::Start(link)))
}

/// The event that closes an image written `as_` (`end` is its `End(Image)`); `no_alt`: the
/// image had no alt text, so a link is named by its URL.
pub fn image_end(as_: ImageAs, end: Event<'_>, no_alt: bool) -> Option<Event<'_>> {
    match as_ {
        ImageAs::Image => Some(end),
        ImageAs::Text => None,
        ImageAs::Link(url) if no_alt => Some(Event::Html(
            format!("{}</a>", crate::html::escape(&url)).into(),
        )),
        ImageAs::Link(_) => Some(Event::End(TagEnd::Link)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remote_is_another_host() {
        for url in [
            "https://example.org/a.png",
            "HTTP://x/y",
            "//cdn.example.org/v.mp4",
            "  https://x",
            "ht\ttps://x",
        ] {
            assert!(is_remote(url), "{url}");
        }
        for url in [
            "a.png",
            "../img/b.svg",
            "data:image/png;base64,xx",
            "#top",
            "/x.png",
        ] {
            assert!(!is_remote(url), "{url}");
        }
    }

    #[test]
    fn only_loading_attributes_count() {
        assert!(loads("img", "src") && loads("iframe", "src") && loads("object", "data"));
        assert!(loads("video", "poster") && loads("source", "srcset"));
        assert!(!loads("a", "href") && !loads("img", "alt") && !loads("div", "src"));
        assert_eq!(
            remote_urls("srcset", "a.png 1x, https://x/b.png 2x, //y/c.png 3x"),
            ["https://x/b.png", "//y/c.png"]
        );
        assert_eq!(remote_urls("src", " https://x/v "), ["https://x/v"]);
        assert!(remote_urls("src", "v.mp4").is_empty());
    }

    #[test]
    fn one_warning_per_url() {
        let p = Path::new("a.md");
        let mut d = vec![
            diagnostic(p, 1, 1, "an image", "https://x/a.png"),
            Diagnostic::warning(p, 2, "other"),
            diagnostic(p, 3, 1, "`<img>`", "https://x/a.png"),
            diagnostic(p, 4, 1, "`<iframe>`", "https://x/v"),
        ];
        dedupe(&mut d);
        let lines: Vec<usize> = d.iter().map(|d| d.line).collect();
        assert_eq!(lines, [1, 2, 4]);
        assert!(d[0].message.contains("will not load") && d[0].hint.is_some());
    }
}
