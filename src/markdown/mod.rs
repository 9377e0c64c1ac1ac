//! Render stage for one page: Markdown to HTML by transforming pulldown-cmark's event stream
//! (heading ids and anchors, the table of contents, link rewriting, callouts, component blocks).

pub mod admonitions;
pub mod attr_list;
pub mod blocks;
pub mod built_paths;
pub mod directory_urls;
pub mod fences;
pub mod footnotes;
pub mod headings;
pub mod lines;
pub mod links;
pub mod md_in_html;
pub mod page_ids;
pub mod remote;
mod render_images;
pub mod summary;
pub mod tabs;
pub mod unsafe_html;

pub use fences::FailedBlock;
use fences::Fence;
pub use page_ids::THEME_IDS;
pub use summary::{SUMMARY_CHARS, summarize};
// Moved to the `html` leaf module; re-exported for the renderer's own use.
pub use crate::html::{
    align_classes, block_html, escape, inline_html, markdown_options as options,
};

use crate::components::{self, BlockCtx, BlockOutput};
use crate::config::{Config, UnsafeHtml};
use crate::content::{Handbook, Page};
use crate::error::Diagnostic;
use headings::IdAllocator;
use lines::LineIndex;
use links::{LinkTarget, Resolved};
use pulldown_cmark::{
    BlockQuoteKind, CodeBlockKind, CowStr, Event, HeadingLevel, Parser, Tag, TagEnd,
};
use serde::Serialize;

/// One entry of a page's table of contents (h2, with its h3 children).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct TocEntry {
    /// The heading's id.
    pub id: String,
    /// The heading's plain text.
    pub title: String,
    /// 2 or 3.
    pub level: u8,
    /// The h3 headings under an h2.
    pub children: Vec<TocEntry>,
}

/// A stretch of a page's text under one heading, for the search index.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Section {
    /// The heading's id (empty for the text before the first heading).
    pub id: String,
    /// The heading's text (empty before the first heading).
    pub heading: String,
    /// The plain text.
    pub text: String,
}

/// A link to another page (or this one) whose `#fragment` must be checked once every page's
/// headings are known.
#[derive(Debug, Clone, PartialEq)]
pub struct FragmentCheck {
    /// The page linked to.
    pub target: usize,
    /// The fragment without `#`.
    pub fragment: String,
    /// The link's file line.
    pub line: usize,
    /// The link's column.
    pub column: usize,
}

/// Everything rendering one page produces.
#[derive(Debug, Clone, Default)]
pub struct RenderedPage {
    /// The page body as HTML.
    pub html: String,
    /// The h2/h3 table of contents.
    pub toc: Vec<TocEntry>,
    /// Every id defined on the page (headings, raw HTML elements, footnotes, components).
    pub anchors: Vec<String>,
    /// Fragments to check after all pages are rendered.
    pub fragment_checks: Vec<FragmentCheck>,
    /// Problems found (broken links, missing alt text, component errors).
    pub diagnostics: Vec<Diagnostic>,
    /// The component blocks' outputs, in page order.
    pub components: Vec<(String, BlockOutput)>,
    /// Plain text by section, for search.
    pub sections: Vec<Section>,
    /// Component blocks that failed (their errors are in `diagnostics`), so that references
    /// to them are not reported a second time.
    pub failed_blocks: Vec<FailedBlock>,
    /// The first paragraph's plain text, cut at a word boundary (about
    /// [`SUMMARY_CHARS`] characters): the page's `<meta name="description">` when its front
    /// matter has no `description`.
    pub summary: String,
    /// Whether the page has content tabs (`=== "Tab"`): the theme loads `tabs.css` and
    /// `tabs.js`.
    pub has_tabs: bool,
    /// Whether the page has collapsible callouts (`??? note`): the theme loads `tabs.css`.
    pub has_collapsible: bool,
    /// The title heading's inline HTML (links rebased, images) when it has markup beyond
    /// plain text: the theme's `<h1>` shows it, while `Page::title` is its plain text.
    pub title_html: Option<String>,
}

/// Renders page `index` of `handbook`, its components with the default theme's templates, in
/// English (tests; a build passes its theme to [`render_page_with`], and `markdown` does not
/// depend on `theme`).
#[cfg(test)]
pub fn render_page(handbook: &Handbook, index: usize) -> RenderedPage {
    render_page_with(
        handbook,
        index,
        crate::theme::builtin(),
        crate::i18n::Catalog::english(),
    )
}

/// Renders page `index` of `handbook`, its components with `templates` (the build's theme),
/// the interface strings it writes (callout names, "Link to this section") from `catalog`.
pub fn render_page_with(
    handbook: &Handbook,
    index: usize,
    templates: &tera::Tera,
    catalog: &crate::i18n::Catalog,
) -> RenderedPage {
    let page = &handbook.pages[index];
    let prepared = blocks::prepare_in(&page.body, catalog);
    Renderer::new(handbook, page, &prepared, templates, catalog).run()
}

/// Finds the next ` name="` in `html` whose name is one of `names`, in one forward scan over
/// `="` occurrences (so `data-href="` is not `href`); returns the name and the offset of the
/// value.
pub fn next_attr<'n>(html: &str, names: &[&'n str]) -> Option<(&'n str, usize)> {
    let bytes = html.as_bytes();
    let mut from = 0;
    while let Some(i) = html[from..].find("=\"") {
        let eq = from + i;
        for &name in names {
            let start = eq.wrapping_sub(name.len());
            if eq > name.len() && &bytes[start..eq] == name.as_bytes() && bytes[start - 1] == b' ' {
                return Some((name, eq + 2));
            }
        }
        from = eq + 2;
    }
    None
}

/// A callout's class and the interface string of its title.
fn callout_label(kind: BlockQuoteKind) -> (&'static str, &'static str) {
    match kind {
        BlockQuoteKind::Note => ("note", "page.callout_note"),
        BlockQuoteKind::Tip => ("tip", "page.callout_tip"),
        BlockQuoteKind::Important => ("important", "page.callout_important"),
        BlockQuoteKind::Warning => ("warning", "page.callout_warning"),
        BlockQuoteKind::Caution => ("caution", "page.callout_caution"),
    }
}

/// The state of the event walk that outlives one event: an open component block (name, line,
/// text so far), a misspelt or unclosed block being left out of the page entirely (its answer
/// key must never be shown), and the alt text of an open image (with its line and column).
#[derive(Default)]
struct Walk {
    component: Option<(&'static str, usize, String)>,
    swallow: bool,
    image_alt: Option<(String, usize, usize)>,
    /// How each open Markdown image is written (a remote one as a link, or as its text).
    images: Vec<remote::ImageAs>,
    /// How many links are open (a remote image inside one is written as its text).
    links: usize,
}

struct PendingHeading {
    level: HeadingLevel,
    id: Option<String>,
    classes: Vec<String>,
    events: Vec<Event<'static>>,
    text: String,
    skip: bool,
}

struct Renderer<'a> {
    handbook: &'a Handbook,
    page: &'a Page,
    /// The body as parsed: the page's, with admonitions and tabs rewritten (`blocks`).
    prepared: &'a blocks::Prepared<'a>,
    config: &'a Config,
    templates: &'a tera::Tera,
    catalog: &'a crate::i18n::Catalog,
    /// "Link to this section" in the page's language, escaped.
    anchor_label: String,
    lines: LineIndex<'a>,
    ids: IdAllocator,
    footnotes: footnotes::Footnotes,
    attrs: attr_list::Writer<'a>,
    out: RenderedPage,
    ordinals: std::collections::HashMap<&'static str, usize>,
}

impl<'a> Renderer<'a> {
    fn new(
        handbook: &'a Handbook,
        page: &'a Page,
        prepared: &'a blocks::Prepared<'a>,
        templates: &'a tera::Tera,
        catalog: &'a crate::i18n::Catalog,
    ) -> Self {
        Renderer {
            handbook,
            page,
            prepared,
            config: &handbook.config,
            templates,
            catalog,
            anchor_label: escape(&catalog.text("page.anchor_link", &[])),
            lines: LineIndex::with_map(&prepared.text, page.body_line, &page.line_map)
                .with_blocks(prepared.map.as_deref()),
            ids: IdAllocator::default(),
            footnotes: Default::default(),
            attrs: Default::default(),
            out: RenderedPage::default(),
            ordinals: Default::default(),
        }
    }

    fn run(mut self) -> RenderedPage {
        let body: &'a str = &self.prepared.text;
        self.out.has_tabs = self.prepared.has_tabs;
        self.out.has_collapsible = self.prepared.has_collapsible;
        self.out
            .diagnostics
            .extend(self.page.load_warnings.iter().cloned());
        self.reserve_ids(body);
        let mut events: Vec<Event<'a>> = Vec::new();
        let mut heading: Option<PendingHeading> = None;
        let mut walk = Walk::default();
        let mut section = Section {
            id: String::new(),
            heading: String::new(),
            text: String::new(),
        };
        let mut raw_html = unsafe_html::HtmlRuns::default();
        let mut summary = summary::Collector::default();
        // Code and HTML, where `](` is not a link.
        let mut code_ranges: Vec<std::ops::Range<usize>> = Vec::new();
        for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
            raw_html.event(&event, &range);
            if let Event::Start(Tag::CodeBlock(_))
            | Event::Code(_)
            | Event::Html(_)
            | Event::InlineHtml(_) = event
            {
                code_ranges.push(range.clone());
            }
            if walk.swallow {
                walk.swallow = !matches!(event, Event::End(TagEnd::CodeBlock));
                continue;
            }
            // Component blocks: collect the body, then hand it over.
            if let Some((name, line, text)) = walk.component.as_mut() {
                match event {
                    Event::Text(t) => text.push_str(&t),
                    Event::End(TagEnd::CodeBlock) => {
                        let (name, line, text) = (*name, *line, std::mem::take(text));
                        walk.component = None;
                        if let Some(html) = self.render_component(name, line, &text, &mut section) {
                            events.push(Event::Html(html.into()));
                        }
                    }
                    _ => {}
                }
                continue;
            }
            let Some(event) = self.map_event(event, range.clone(), body, &mut walk) else {
                continue;
            };
            summary.feed(&event, heading.is_some());
            if let Some((alt, _, _)) = walk.image_alt.as_mut()
                && let Event::Text(t) | Event::Code(t) = &event
            {
                alt.push_str(t);
            }
            // Headings are buffered so their text can make the id.
            match event {
                Event::Start(Tag::Heading {
                    level, id, classes, ..
                }) => {
                    let (line, _) = self.lines.pos(range.start);
                    let rel_line = line + 1 - self.page.body_line;
                    let skip =
                        level == HeadingLevel::H1 && self.page.title_heading_line == Some(rel_line);
                    heading = Some(PendingHeading {
                        level,
                        id: id.map(|i| i.to_string()),
                        classes: classes.iter().map(|c| c.to_string()).collect(),
                        events: Vec::new(),
                        text: String::new(),
                        skip,
                    });
                }
                Event::End(TagEnd::Heading(_)) => match heading.take() {
                    Some(h) if h.skip => self.out.title_html = title_html(h.events),
                    Some(h) => {
                        let html = self.finish_heading(h, &mut section);
                        events.push(Event::Html(html.into()));
                    }
                    None => {}
                },
                ev => {
                    if let Some(h) = heading.as_mut() {
                        if let Event::Text(t) | Event::Code(t) = &ev {
                            h.text.push_str(t);
                        }
                        h.events.push(into_static(ev));
                    } else {
                        collect_text(&ev, &mut section.text);
                        if let Event::End(TagEnd::FootnoteDefinition) = ev {
                            self.close_footnote(&mut events);
                        }
                        events.push(ev);
                    }
                }
            }
        }
        if let Some((name, line, text)) = walk.component.take()
            && let Some(html) = self.render_component(name, line, &text, &mut section)
        {
            events.push(Event::Html(html.into()));
        }
        push_section(&mut self.out.sections, section);
        self.out.summary = summary.finish();
        raw_html.flush();
        self.report_unsafe_html(raw_html.findings);
        self.finish(body, events, &code_ranges)
    }

    /// Reports the links left as text (a space in the destination) and writes the HTML.
    fn finish(
        mut self,
        body: &str,
        events: Vec<Event<'a>>,
        code_ranges: &[std::ops::Range<usize>],
    ) -> RenderedPage {
        if body.contains("](") {
            let lines = &self.lines;
            self.out.diagnostics.extend(links::spaced_link_errors(
                self.handbook,
                self.page,
                body,
                code_ranges,
                &|offset| lines.pos(offset),
            ));
        }
        let mut html = String::with_capacity(body.len() * 3 / 2);
        pulldown_cmark::html::push_html(&mut html, events.into_iter());
        self.out.html = align_classes(html);
        self.out
    }

    /// Reserves the ids the theme's layout uses, then the ids the page defines itself
    /// (explicit `{#id}` ids, raw HTML elements' ids, footnotes), so generated heading ids
    /// never collide with them. A raw HTML id already taken is a warning.
    fn reserve_ids(&mut self, body: &str) {
        for id in THEME_IDS
            .iter()
            .copied()
            .chain(self.prepared.ids.iter().map(String::as_str))
        {
            self.ids.reserve(id);
        }
        self.out.anchors.extend(self.prepared.ids.iter().cloned());
        let found = page_ids::scan(body, &mut self.footnotes);
        let lines = &self.lines;
        self.out.diagnostics.extend(found.duplicates(
            THEME_IDS,
            &self.page.display_path,
            &|offset| lines.pos(offset),
        ));
        // (A heading's id is an anchor once the heading is rendered.)
        for id in &found.headings {
            self.ids.reserve(id);
        }
        let html = found.html.into_iter().map(|(_, id)| id);
        for id in self.footnotes.ids().into_iter().chain(html) {
            self.ids.reserve(&id);
            self.out.anchors.push(id);
        }
    }

    /// Closes a footnote definition (adding its link back to the reference).
    fn close_footnote(&mut self, events: &mut Vec<Event<'a>>) {
        let catalog = self.catalog;
        self.footnotes.close(events, |n| {
            catalog.text("page.footnote_back", &[("number", &n.to_string())])
        });
    }

    /// One event of the page, rewritten: links and images checked and rebased, callouts opened
    /// and closed, component fences started (`None`: the event is consumed).
    fn map_event(
        &mut self,
        event: Event<'a>,
        range: std::ops::Range<usize>,
        body: &'a str,
        walk: &mut Walk,
    ) -> Option<Event<'a>> {
        let event = self.attrs.filter(event, &range, body)?;
        Some(match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(ref info))) => {
                let raw = body.get(range.clone()).unwrap_or("");
                let (line, _) = self.lines.pos(range.start);
                let checked = fences::check(info, raw, &self.page.display_path, line);
                self.out.diagnostics.extend(checked.diagnostic);
                self.out.failed_blocks.extend(checked.failed);
                match checked.fence {
                    Fence::Component(name) => {
                        let (line, _) = self.lines.pos(range.start);
                        walk.component = Some((name, line + 1, String::new()));
                        return None;
                    }
                    Fence::Swallow => {
                        walk.swallow = true;
                        return None;
                    }
                    Fence::Code => event,
                }
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest_url = self.rewrite(dest_url, range.start, false);
                walk.links += 1;
                let tag = Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                };
                return self.start_with_list(tag, range.end, body);
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let tag = Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                };
                return self.image_start(tag, range, body, walk);
            }
            Event::End(TagEnd::Link) => {
                walk.links = walk.links.saturating_sub(1);
                event
            }
            Event::End(TagEnd::Image) => return self.image_end(event, walk),
            Event::Start(Tag::BlockQuote(Some(kind))) => {
                let (class, key) = callout_label(kind);
                let label = escape(&self.catalog.text(key, &[]));
                Event::Html(
                    format!("<div class=\"callout callout-{class}\" role=\"note\" aria-label=\"{label}\">\n<p class=\"callout-title\">{label}</p>\n").into(),
                )
            }
            Event::End(TagEnd::BlockQuote(Some(_))) => Event::Html("</div>\n".into()),
            Event::Start(Tag::FootnoteDefinition(ref label)) => {
                Event::Html(self.footnotes.open(label).into())
            }
            Event::FootnoteReference(ref label) => {
                Event::InlineHtml(self.footnotes.reference(label).into())
            }
            // The content of an element with `markdown="span"` is inline: no paragraph.
            Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph)
                if self.prepared.spans.iter().any(|s| s.contains(&range.start)) =>
            {
                return None;
            }
            Event::Html(ref html) | Event::InlineHtml(ref html)
                if let Some(stripped) = md_in_html::tidy(html) =>
            {
                match event {
                    Event::Html(_) => Event::Html(stripped.into()),
                    _ => Event::InlineHtml(stripped.into()),
                }
            }
            other => other,
        })
    }

    fn finish_heading(&mut self, h: PendingHeading, section: &mut Section) -> String {
        let text = h.text.trim().to_string();
        let id = match h.id {
            Some(id) => id,
            None => self.ids.allocate(&text),
        };
        self.out.anchors.push(id.clone());
        let level = h.level as u8;
        let mut inner = String::new();
        pulldown_cmark::html::push_html(&mut inner, h.events.into_iter());
        let class = if h.classes.is_empty() {
            String::new()
        } else {
            format!(" class=\"{}\"", escape(&h.classes.join(" ")))
        };
        if level == 2 || level == 3 {
            let entry = TocEntry {
                id: id.clone(),
                title: text.clone(),
                level,
                children: Vec::new(),
            };
            match (level, self.out.toc.last_mut()) {
                (3, Some(parent)) => parent.children.push(entry),
                _ => self.out.toc.push(entry),
            }
        }
        let finished = std::mem::replace(
            section,
            Section {
                id: id.clone(),
                heading: text.clone(),
                text: String::new(),
            },
        );
        push_section(&mut self.out.sections, finished);
        let id = escape(&id);
        let link = &self.anchor_label;
        format!(
            "<h{level} id=\"{id}\"{class}>{inner} <a class=\"anchor\" href=\"#{id}\"><span class=\"visually-hidden\">{link}</span><span aria-hidden=\"true\">#</span></a></h{level}>\n"
        )
    }

    /// Reports script in the page's raw HTML (errors unless `[content] unsafe_html = "allow"`),
    /// inline style and media from other hosts (warnings); run once all of the page's other
    /// diagnostics are in, so those from other hosts are cut to one per URL.
    fn report_unsafe_html(&mut self, findings: Vec<unsafe_html::Finding>) {
        let deny = self.config.content.unsafe_html == UnsafeHtml::Error;
        for f in findings {
            if f.is_script() && !deny {
                continue;
            }
            let (line, column) = self.lines.pos(f.offset);
            self.out
                .diagnostics
                .push(f.diagnostic(&self.page.display_path, line, column));
        }
        // Media from other hosts, from raw HTML, Markdown and components: one per URL.
        remote::dedupe(&mut self.out.diagnostics);
    }

    fn render_component(
        &mut self,
        name: &'static str,
        line: usize,
        body: &str,
        section: &mut Section,
    ) -> Option<String> {
        let ordinal = self.ordinals.entry(name).or_insert(0);
        let ctx = BlockCtx {
            display_path: &self.page.display_path,
            page_out_path: &self.page.out_path,
            line,
            ordinal: *ordinal,
            config: self.config,
            templates: self.templates,
            catalog: self.catalog,
        };
        *ordinal += 1;
        let deny = self.config.content.unsafe_html == UnsafeHtml::Error;
        self.out
            .diagnostics
            .extend(unsafe_html::check_block(body, &ctx, deny));
        match components::render_block(name, body, &ctx) {
            Ok(out) => {
                let html = self.rewrite_component_links(&out.html, body, line);
                section.text.push(' ');
                section.text.push_str(&out.search_text);
                self.out.anchors.extend(out.anchors.iter().cloned());
                self.out.components.push((name.to_string(), out));
                Some(html)
            }
            Err(mut errors) => {
                self.out.diagnostics.append(&mut errors);
                self.out.failed_blocks.push(FailedBlock {
                    name,
                    line: line.saturating_sub(1),
                    id: fences::block_id(body),
                });
                None
            }
        }
    }

    /// Rewrites the relative `href`/`src` attributes in a component's HTML (links written in
    /// exercise prompts, options, explanations) the way links in the page text are: `.md` files
    /// become built pages, and broken ones are reported at the line of the block that has them.
    fn rewrite_component_links(&mut self, html: &str, body: &str, first_line: usize) -> String {
        let mut out = String::with_capacity(html.len());
        let mut rest = html;
        // Links come out mostly in source order: each search starts at the line of the last
        // one (then wraps), so a block with many links is not searched from the top each time.
        let lines: Vec<&str> = body.lines().collect();
        let mut cursor = 0;
        while let Some((attr, value_start)) = next_attr(rest, &["href", "src"]) {
            let Some(value_len) = rest[value_start..].find('"') else {
                break;
            };
            let raw = &rest[value_start..value_start + value_len];
            out.push_str(&rest[..value_start]);
            let dest = raw.replace("&amp;", "&");
            if dest.starts_with('#') || dest.is_empty() || links::is_external(&dest) {
                out.push_str(raw);
            } else {
                let found = (cursor..lines.len())
                    .chain(0..cursor)
                    .find(|&i| lines[i].contains(dest.as_str()));
                cursor = found.unwrap_or(cursor);
                let line = found.map_or(first_line, |i| first_line + i);
                let is_image = attr == "src";
                match self.resolve_dest(&dest, (line, 0), is_image) {
                    Some(url) => out.push_str(&escape(&url)),
                    None => out.push_str(raw),
                }
            }
            rest = &rest[value_start + value_len..];
        }
        out.push_str(rest);
        out
    }

    /// Rewrites a link destination to the built site, recording problems.
    fn rewrite(&mut self, dest: CowStr<'a>, offset: usize, is_image: bool) -> CowStr<'a> {
        if unsafe_html::is_script_url(&dest) {
            // The same rule as for raw HTML: `[x](javascript:...)` runs script.
            let kind = unsafe_html::Kind::ScriptLink;
            self.report_unsafe_html(vec![unsafe_html::Finding { offset, kind }]);
            return dest;
        }
        let at = self.lines.pos(offset);
        match self.resolve_dest(&dest, at, is_image) {
            Some(url) => url.into(),
            None => dest,
        }
    }

    /// Resolves a link destination written at `(line, column)`: the URL to write instead, or
    /// `None` to keep it as written (external, or broken: then a diagnostic is recorded). A
    /// `#fragment` into a page is queued for the check once every page's headings are known.
    fn resolve_dest(
        &mut self,
        dest: &str,
        (line, column): (usize, usize),
        is_image: bool,
    ) -> Option<String> {
        match links::resolve(self.handbook, self.page, dest) {
            Resolved::External => None,
            Resolved::Target {
                url,
                target,
                fragment,
            } => {
                if let (LinkTarget::Page(index), Some(fragment)) = (target, fragment) {
                    self.out.fragment_checks.push(FragmentCheck {
                        target: index,
                        fragment,
                        line,
                        column,
                    });
                }
                Some(url)
            }
            Resolved::Broken { reason } => {
                let (what, kind) = if is_image {
                    ("image", links::Broken::Image)
                } else {
                    ("link", links::Broken::Link)
                };
                let d = links::broken_diagnostic(
                    self.config,
                    &self.page.display_path,
                    line,
                    column,
                    format!("broken {what} `{dest}`: {reason}"),
                    kind,
                );
                self.out.diagnostics.push(d);
                None
            }
        }
    }
}

fn push_section(sections: &mut Vec<Section>, section: Section) {
    if !section.text.trim().is_empty() || !section.heading.is_empty() {
        let mut section = section;
        section.text = squeeze_whitespace(&section.text);
        sections.push(section);
    }
}

/// `text`'s words (split on Unicode whitespace) joined by single spaces, in one pass with an
/// ASCII fast path: the same as `split_whitespace().collect::<Vec<_>>().join(" ")`.
fn squeeze_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let bytes = text.as_bytes();
    let mut word_start: Option<usize> = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (space, len) = if b.is_ascii() {
            (matches!(b, b'\t'..=b'\r' | b' '), 1)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            (c.is_whitespace(), c.len_utf8())
        };
        match (space, word_start) {
            (true, Some(start)) => {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(&text[start..i]);
                word_start = None;
            }
            (false, None) => word_start = Some(i),
            _ => {}
        }
        i += len;
    }
    if let Some(start) = word_start {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&text[start..]);
    }
    out
}

fn collect_text(event: &Event<'_>, text: &mut String) {
    match event {
        Event::Text(t) | Event::Code(t) => text.push_str(t),
        Event::SoftBreak | Event::HardBreak | Event::End(_) => text.push(' '),
        // The title of an admonition or a tab (`blocks`) is searchable too.
        Event::Html(h) => {
            if let Some(title) = blocks::title_text(h) {
                text.push(' ');
                text.push_str(&title);
                text.push(' ');
            }
        }
        _ => {}
    }
}

fn into_static(ev: Event<'_>) -> Event<'static> {
    ev.into_static()
}

/// The title heading's events as inline HTML, when they hold more than text (`None` keeps
/// the theme's `<h1>` on the plain title, as for every heading of plain words).
fn title_html(events: Vec<Event<'static>>) -> Option<String> {
    if events.iter().all(|e| matches!(e, Event::Text(_))) {
        return None;
    }
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    Some(html.trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_alignment_is_a_class_not_an_inline_style() {
        let html = block_html("| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n");
        assert!(!html.contains("style="), "{html}");
        for class in ["align-left", "align-center", "align-right"] {
            assert!(html.contains(&format!("<td class=\"{class}\">")), "{html}");
        }
    }

    #[test]
    fn next_attr_needs_the_whole_attribute_name() {
        let html = r#"<img data-src="a.png" alt="x" src="b.png"><a data-href="c" href="d">"#;
        let (name, at) = next_attr(html, &["href", "src"]).unwrap();
        assert_eq!((name, &html[at..at + 5]), ("src", "b.png"));
        let rest = &html[at..];
        let (name, at) = next_attr(rest, &["href", "src"]).unwrap();
        assert_eq!((name, &rest[at..at + 1]), ("href", "d"));
    }
    use crate::content::testing::handbook;

    #[test]
    fn headings_get_github_ids_anchors_and_toc() {
        let h = handbook(&[(
            "_index.md",
            "# Home\n\n## Goals & tasks\n\n### Sub *part*\n\n## Goals & tasks\n",
        )]);
        let r = render_page(&h, 0);
        assert!(
            !r.html.contains("<h1"),
            "title heading is left to the theme: {}",
            r.html
        );
        assert!(r.html.contains("<h2 id=\"goals--tasks\">Goals &amp; tasks <a class=\"anchor\" href=\"#goals--tasks\">"), "{}", r.html);
        assert!(r.html.contains("id=\"goals--tasks-1\""));
        assert!(r.html.contains("<h3 id=\"sub-part\">Sub <em>part</em>"));
        assert_eq!(r.toc.len(), 2);
        assert_eq!(r.toc[0].children[0].id, "sub-part");
    }

    #[test]
    fn heading_ids_avoid_the_layout_ids() {
        let h = handbook(&[("_index.md", "## Content\n")]);
        let r = render_page(&h, 0);
        assert!(r.html.contains("<h2 id=\"content-1\">"), "{}", r.html);
    }

    #[test]
    fn explicit_ids_are_reserved_before_generated_ones() {
        let h = handbook(&[("_index.md", "## Bond\n\nText.\n\n## Other {#bond}\n")]);
        let r = render_page(&h, 0);
        assert!(r.html.contains("<h2 id=\"bond-1\">Bond"), "{}", r.html);
        assert!(r.html.contains("<h2 id=\"bond\">Other"), "{}", r.html);
    }

    #[test]
    fn callouts_announce_their_type() {
        let h = handbook(&[("_index.md", "> [!WARNING]\n> Careful.\n")]);
        let r = render_page(&h, 0);
        assert!(
            r.html.contains(
                "<div class=\"callout callout-warning\" role=\"note\" aria-label=\"Warning\">"
            ),
            "{}",
            r.html
        );
        assert!(r.html.contains("<p>Careful.</p>"));
    }

    #[test]
    fn links_are_rewritten_and_checked() {
        let h = handbook(&[
            (
                "_index.md",
                "See [goals](01-goals/02-setting.md#why) and [x](missing.md).\n\n![](pic.png)\n",
            ),
            ("01-goals/02-setting.md", "# Setting\n\n## Why\n"),
            ("pic.png", "png"),
        ]);
        let r = render_page(&h, 0);
        assert!(
            r.html.contains("href=\"goals/setting.html#why\""),
            "{}",
            r.html
        );
        assert_eq!(r.fragment_checks.len(), 1);
        let errors: Vec<_> = r.diagnostics.iter().filter(|d| d.is_error()).collect();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].line, 1);
        assert!(errors[0].message.contains("missing.md"));
        assert!(
            r.diagnostics
                .iter()
                .any(|d| d.message.contains("alt text") && d.line == 3)
        );
    }

    #[test]
    fn line_numbers_count_front_matter() {
        let h = handbook(&[(
            "_index.md",
            "+++\ntitle = \"H\"\n+++\n\ntext [a](nope.md)\n",
        )]);
        let r = render_page(&h, 0);
        assert_eq!(r.diagnostics[0].line, 5);
        assert_eq!(r.diagnostics[0].column, 6);
    }

    #[test]
    fn whitespace_is_squeezed_as_split_whitespace_does() {
        for text in [
            "",
            "   ",
            "a",
            " a  b\t\nc ",
            "x\u{a0}y\u{3000} z\u{200b}w\u{85}v",
            "é\u{2028}ü\x0b\x0c\rend\x1cx\x1f",
        ] {
            let want = text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(squeeze_whitespace(text), want, "{text:?}");
        }
    }

    #[test]
    fn misspelt_and_unclosed_blocks_leave_no_trace_of_their_answer_key() {
        for page in [
            "# A\n\n```Exercise\nid = \"e\"\n[[question]]\noptions = [\"SECRET\"]\nanswer = 1\n```\n\nAfter.\n",
            "# A\n\n```excercise\nanswer = \"SECRET\"\n```\n\nAfter.\n",
            "# A\n\n```srs\nmode = \"practice\"\nnote = \"SECRET\"\n\n## After\n",
        ] {
            let h = handbook(&[("_index.md", page)]);
            let r = render_page(&h, 0);
            assert!(!r.html.contains("SECRET"), "{}", r.html);
            assert!(r.sections.iter().all(|s| !s.text.contains("SECRET")));
            assert_eq!(
                r.diagnostics.iter().filter(|d| d.is_error()).count(),
                1,
                "{:?}",
                r.diagnostics
            );
            assert_eq!(r.failed_blocks.len(), 1);
        }
    }

    #[test]
    fn summary_is_the_first_paragraph_cut_at_a_word() {
        let long = "word ".repeat(50);
        let h = handbook(&[(
            "_index.md",
            &format!(
                "# Home\n\n```exercise\nid = \"x\"\n```\n\n![](pic.png)\n\nFirst *para*\ngraph.\n\nSecond.\n\n---\n\n{long}\n"
            ),
        )]);
        let r = render_page(&h, 0);
        assert_eq!(r.summary, "First para graph.");
        let s = summarize(&long);
        assert!(s.ends_with("word word…"), "{s}");
        assert!(s.chars().count() <= SUMMARY_CHARS + 1);
    }

    #[test]
    fn sections_collect_text_by_heading() {
        let h = handbook(&[("_index.md", "Intro text.\n\n## Bond\n\nTrust and warmth.\n")]);
        let r = render_page(&h, 0);
        assert_eq!(r.sections[0].text, "Intro text.");
        assert_eq!(r.sections[1].id, "bond");
        assert_eq!(r.sections[1].text, "Trust and warmth.");
    }
}
