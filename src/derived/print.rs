//! The printable whole-handbook page: every page's HTML in reading order, with ids made unique
//! per page and links rebased so they work from `print.html` at the site root.

use crate::content::Handbook;
use crate::derived::Input;
use crate::error::Diagnostic;
use crate::markdown::links;
use crate::markdown::next_attr;
use crate::write::Sink;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::HashMap;
use std::io::Write;

/// One page as it appears in `print.html`.
#[derive(Debug, Serialize)]
pub struct PrintPage {
    /// The page title.
    pub title: String,
    /// The id of the page's section in `print.html`.
    pub anchor: String,
    /// Where the page body goes: a marker that is replaced by the body, its ids and links
    /// rewritten, as the file is written.
    pub content: String,
    /// Depth in the tree (home 0).
    pub depth: usize,
}

/// The print anchor of a page with output path `out_path`.
pub fn anchor_of(out_path: &str) -> String {
    format!(
        "p-{}",
        out_path.trim_end_matches(".html").replace('/', "--")
    )
}

/// Every page's output path and print anchor, for rebasing links.
fn anchors(handbook: &Handbook) -> HashMap<&str, String> {
    handbook
        .pages
        .iter()
        .map(|p| (p.out_path.as_str(), anchor_of(&p.out_path)))
        .collect()
}

/// The attributes `rebase` rewrites: ids and id references, then URLs.
const REBASED_ATTRS: [&str; 7] = [
    "id",
    "for",
    "aria-controls",
    "aria-labelledby",
    "aria-describedby",
    "href",
    "src",
];

/// Rewrites the attributes of `html` (rendered for the page at `out_path`) for `print.html`.
pub fn rebase(html: &str, out_path: &str, anchor: &str, by_out: &HashMap<&str, String>) -> String {
    let mut out = String::with_capacity(html.len() + html.len() / 16);
    let mut rest = html;
    while let Some(pos) = next_attr(rest, &REBASED_ATTRS) {
        let (name, value_start) = pos;
        let after = &rest[value_start..];
        let Some(end) = after.find('"') else { break };
        let value = &after[..end];
        out.push_str(&rest[..value_start]);
        let new_value = match name {
            "href" => rebase_url(value, out_path, anchor, by_out),
            "src" => rebase_url(value, out_path, anchor, by_out),
            _ => value
                .split(' ')
                .map(|id| {
                    if id.is_empty() {
                        String::new()
                    } else {
                        format!("{anchor}--{id}")
                    }
                })
                .collect::<Vec<_>>()
                .join(" "),
        };
        out.push_str(&new_value);
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

fn rebase_url(url: &str, out_path: &str, anchor: &str, by_out: &HashMap<&str, String>) -> String {
    if url.is_empty() || links::is_external(url) {
        return url.to_string();
    }
    if let Some(frag) = url.strip_prefix('#') {
        return format!("#{anchor}--{frag}");
    }
    let (path, frag) = match url.split_once('#') {
        Some((p, f)) => (p, Some(f)),
        None => (url, None),
    };
    let mut parts: Vec<&str> = out_path.split('/').collect();
    parts.pop();
    for seg in path.split('/') {
        match seg {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            s => parts.push(s),
        }
    }
    let target = parts.join("/");
    match by_out.get(target.as_str()) {
        Some(a) => match frag {
            Some(f) => format!("#{a}--{f}"),
            None => format!("#{a}"),
        },
        None => match frag {
            Some(f) => format!("{target}#{f}"),
            None => target,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_links_are_rebased() {
        let mut by_out = HashMap::new();
        by_out.insert("goals/index.html", anchor_of("goals/index.html"));
        by_out.insert("tasks/a.html", anchor_of("tasks/a.html"));
        let html = r##"<h2 id="why">Why <a class="anchor" href="#why">#</a></h2><a href="../tasks/a.html#how">x</a><img src="pic.png" alt=""><label for="q1">Q</label><a href="https://x.org">e</a>"##;
        let out = rebase(html, "goals/index.html", "p-goals--index", &by_out);
        assert!(out.contains(r#"id="p-goals--index--why""#), "{out}");
        assert!(out.contains(r##"href="#p-goals--index--why""##));
        assert!(out.contains(r##"href="#p-tasks--a--how""##));
        assert!(out.contains(r#"src="goals/pic.png""#));
        assert!(out.contains(r#"for="p-goals--index--q1""#));
        assert!(out.contains(r#"href="https://x.org""#));
    }
}

/// Renders `print.html` with the theme into `sink`. The page bodies do not pass through Tera's
/// context (which would copy the whole handbook twice more): the template gets a marker per page
/// and the bodies, rebased a batch at a time in parallel, are written in their place as the file
/// is written, so the print page is never held in memory whole.
pub fn render_into(input: &Input<'_>, sink: &dyn Sink) -> Result<(), Diagnostic> {
    let handbook = input.handbook;
    let pages: Vec<PrintPage> = handbook
        .pages
        .iter()
        .enumerate()
        .map(|(i, page)| PrintPage {
            title: page.title.clone(),
            anchor: anchor_of(&page.out_path),
            content: marker(i),
            depth: page.depth,
        })
        .collect();
    let mut ctx = input.templates.base_context("print.html", 0);
    ctx.insert("pages", &pages);
    // Content tabs print as titled sections and collapsible callouts open (`tabs.css`).
    let has_tabs = input
        .rendered
        .iter()
        .any(|r| r.has_tabs || r.has_collapsible);
    ctx.insert("has_tabs", &has_tabs);
    drop(pages);
    let html = input.templates.render_template("print.html", &ctx)?;
    drop(ctx);
    let by_out = anchors(handbook);
    let body = |i: usize| {
        let out_path = &handbook.pages[i].out_path;
        let r = &input.rendered[i];
        let html = if r.has_collapsible {
            // Printed, a collapsible callout is open.
            std::borrow::Cow::Owned(
                r.html
                    .replace("callout-collapsible\">", "callout-collapsible\" open>"),
            )
        } else {
            std::borrow::Cow::Borrowed(r.html.as_str())
        };
        rebase(&html, out_path, &anchor_of(out_path), &by_out)
    };
    sink.put_with("print.html".to_string(), &mut |w| {
        splice_to(&html, handbook.pages.len(), &body, w)
    })
}

const MARK_OPEN: char = '\u{E000}';
const MARK_CLOSE: char = '\u{E001}';

/// Page bodies rebased at once (in parallel) while `print.html` is written.
const SPLICE_BATCH: usize = 256;

fn marker(i: usize) -> String {
    format!("{MARK_OPEN}{i}{MARK_CLOSE}")
}

/// A stretch of the templated `print.html`: text, or the marker of page body `i`.
enum Piece<'a> {
    Text(&'a str),
    Body(usize),
}

/// Splits `html` at the markers of bodies `0..count`; anything else stays text.
fn pieces(html: &str, count: usize) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut text_start = 0;
    let mut from = 0;
    while let Some(pos) = html[from..].find(MARK_OPEN) {
        let start = from + pos;
        let after = start + MARK_OPEN.len_utf8();
        let body = html[after..].find(MARK_CLOSE).and_then(|end| {
            html[after..after + end]
                .parse::<usize>()
                .ok()
                .filter(|&i| i < count)
                .map(|i| (i, after + end + MARK_CLOSE.len_utf8()))
        });
        match body {
            Some((i, next)) => {
                out.push(Piece::Text(&html[text_start..start]));
                out.push(Piece::Body(i));
                text_start = next;
                from = next;
            }
            None => from = after,
        }
    }
    out.push(Piece::Text(&html[text_start..]));
    out
}

/// Writes `html` with every marker replaced by its body (`body(i)`), computing the bodies a
/// batch at a time in parallel.
fn splice_to(
    html: &str,
    count: usize,
    body: &(dyn Fn(usize) -> String + Sync),
    w: &mut dyn Write,
) -> std::io::Result<()> {
    let pieces = pieces(html, count);
    let mut rest = &pieces[..];
    while !rest.is_empty() {
        // A batch: pieces up to and including the SPLICE_BATCH-th body.
        let mut bodies = 0;
        let mut len = 0;
        while len < rest.len() && bodies < SPLICE_BATCH {
            if matches!(rest[len], Piece::Body(_)) {
                bodies += 1;
            }
            len += 1;
        }
        let (batch, next) = rest.split_at(len);
        let filled: Vec<Option<String>> = batch
            .par_iter()
            .map(|p| match p {
                Piece::Body(i) => Some(body(*i)),
                Piece::Text(_) => None,
            })
            .collect();
        for (piece, filled) in batch.iter().zip(&filled) {
            match (piece, filled) {
                (Piece::Text(t), _) => w.write_all(t.as_bytes())?,
                (Piece::Body(_), Some(b)) => w.write_all(b.as_bytes())?,
                (Piece::Body(_), None) => {}
            }
        }
        rest = next;
    }
    Ok(())
}

#[cfg(test)]
mod splice_tests {
    use super::*;

    #[test]
    fn markers_become_bodies() {
        let bodies = ["<p>one</p>".to_string(), "<p>two</p>".to_string()];
        let html = format!(
            "<a>{}</a><b>{}</b>{MARK_OPEN}x{}{MARK_OPEN}7{MARK_CLOSE}",
            marker(0),
            marker(1),
            marker(0)
        );
        let mut out = Vec::new();
        splice_to(&html, 2, &|i| bodies[i].clone(), &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            format!(
                "<a><p>one</p></a><b><p>two</p></b>{MARK_OPEN}x<p>one</p>{MARK_OPEN}7{MARK_CLOSE}"
            )
        );
    }

    #[test]
    fn long_prints_splice_in_batches() {
        let html: String = (0..SPLICE_BATCH * 2 + 3)
            .map(|i| format!("<{i}>{}", marker(i)))
            .collect();
        let mut out = Vec::new();
        splice_to(&html, SPLICE_BATCH * 2 + 3, &|i| format!("[{i}]"), &mut out).unwrap();
        let want: String = (0..SPLICE_BATCH * 2 + 3)
            .map(|i| format!("<{i}>[{i}]"))
            .collect();
        assert_eq!(String::from_utf8(out).unwrap(), want);
    }
}
