//! The renderer's handling of images (alt text, files from other hosts, attribute lists) and
//! of the attribute list after a link or an image.

use super::{Renderer, Walk, attr_list, remote};
use crate::error::Diagnostic;
use pulldown_cmark::{Event, Tag};
use std::ops::Range;

impl<'a> Renderer<'a> {
    /// An image's start (`tag`, at `range` of `body`): its file checked and rebased; from another
    /// host, a warning and a link to it; else written with its attribute list if it has one.
    pub(super) fn image_start(
        &mut self,
        tag: Tag<'a>,
        range: Range<usize>,
        body: &str,
        walk: &mut Walk,
    ) -> Option<Event<'a>> {
        let Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        } = tag
        else {
            return Some(Event::Start(tag));
        };
        let dest_url = self.rewrite(dest_url, range.start, true);
        let (line, col) = self.lines.pos(range.start);
        walk.image_alt = Some((String::new(), line, col));
        if remote::is_remote(&dest_url) {
            let path = &self.page.display_path;
            let d = remote::diagnostic(path, line, col, "an image", &dest_url);
            self.out.diagnostics.push(d);
            let (as_, event) = remote::image_start(dest_url, title, id, walk.links > 0);
            walk.images.push(as_);
            return event;
        }
        walk.images.push(remote::ImageAs::Image);
        let tag = Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        };
        self.start_with_list(tag, range.end, body)
    }

    /// An image's end (`event`): a warning when it has no alt text; the image as written at
    /// its start (an `<img>` with its attribute list, a link, its alt text).
    pub(super) fn image_end(&mut self, event: Event<'a>, walk: &mut Walk) -> Option<Event<'a>> {
        let with_list = self.attrs.end_image();
        if let (Some((_, alt)), Some((text, _, _))) = (&with_list, walk.image_alt.as_mut()) {
            text.push_str(alt);
        }
        let alt = walk.image_alt.take();
        let no_alt = alt.as_ref().is_none_or(|(a, _, _)| a.trim().is_empty());
        let as_ = walk.images.pop().unwrap_or(remote::ImageAs::Image);
        if let Some((alt, line, col)) = alt
            && alt.trim().is_empty()
        {
            self.out.diagnostics.push(
                Diagnostic::warning(&self.page.display_path, line, "image without alt text")
                    .with_column(col)
                    .with_hint(
                        "describe the image between the brackets: ![what it shows](file.png)",
                    ),
            );
        }
        if let Some((html, _)) = with_list {
            return Some(Event::InlineHtml(html.into()));
        }
        remote::image_end(as_, event, no_alt)
    }

    /// A link or image start, written with the attribute list after it (`{ .class }`) when it
    /// has one; a key left out of the list is a warning at the list.
    pub(super) fn start_with_list(
        &mut self,
        tag: Tag<'a>,
        at: usize,
        body: &str,
    ) -> Option<Event<'a>> {
        match self.attrs.start(tag, at, body) {
            Err(tag) => Some(Event::Start(tag)),
            Ok((event, dropped)) => {
                let (line, column) = self.lines.pos(at);
                let path = &self.page.display_path;
                let warn = |key| attr_list::dropped_warning(path, line, column, key);
                self.out.diagnostics.extend(dropped.iter().map(warn));
                event
            }
        }
    }
}
