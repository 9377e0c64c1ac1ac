//! The printable whole-handbook page: every page's HTML in reading order, with ids made unique
//! per page and links rebased so they work from `print.html` at the site root.

use crate::content::Handbook;
use crate::markdown::{RenderedPage, links};
use serde::Serialize;
use std::collections::HashMap;

/// One page as it appears in `print.html`.
#[derive(Debug, Serialize)]
pub struct PrintPage {
    /// The page title.
    pub title: String,
    /// The id of the page's section in `print.html`.
    pub anchor: String,
    /// The page body with ids and links rewritten.
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

/// All pages in reading order, ready for `print.html`.
pub fn pages(handbook: &Handbook, rendered: &[RenderedPage]) -> Vec<PrintPage> {
    let by_out: HashMap<&str, String> = handbook
        .pages
        .iter()
        .map(|p| (p.out_path.as_str(), anchor_of(&p.out_path)))
        .collect();
    handbook
        .pages
        .iter()
        .zip(rendered)
        .map(|(page, r)| {
            let anchor = anchor_of(&page.out_path);
            PrintPage {
                title: page.title.clone(),
                content: rebase(&r.html, &page.out_path, &anchor, &by_out),
                anchor,
                depth: page.depth,
            }
        })
        .collect()
}

const ID_ATTRS: [&str; 5] = [
    "id",
    "for",
    "aria-controls",
    "aria-labelledby",
    "aria-describedby",
];

/// Rewrites the attributes of `html` (rendered for the page at `out_path`) for `print.html`.
pub fn rebase(html: &str, out_path: &str, anchor: &str, by_out: &HashMap<&str, String>) -> String {
    let mut out = String::with_capacity(html.len() + html.len() / 16);
    let mut rest = html;
    while let Some(pos) = next_attr(rest) {
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

/// Finds the next ` name="` of interest in one forward scan over `="` occurrences; returns the
/// name and the offset of the value.
fn next_attr(s: &str) -> Option<(&'static str, usize)> {
    let bytes = s.as_bytes();
    let mut from = 0;
    while let Some(i) = s[from..].find("=\"") {
        let eq = from + i;
        for name in ID_ATTRS.iter().copied().chain(["href", "src"]) {
            let start = eq.wrapping_sub(name.len());
            if eq > name.len() && &bytes[start..eq] == name.as_bytes() && bytes[start - 1] == b' ' {
                return Some((name, eq + 2));
            }
        }
        from = eq + 2;
    }
    None
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

/// Renders `print.html` with the theme. The page bodies do not pass through Tera's context
/// (which would copy the whole handbook twice more): the template gets a marker per page and
/// the bodies are spliced in afterwards.
pub fn render(shared: &crate::site::Shared<'_>) -> Result<Vec<u8>, crate::error::Diagnostic> {
    let mut pages = pages(shared.handbook, shared.rendered);
    let bodies: Vec<String> = pages
        .iter_mut()
        .enumerate()
        .map(|(i, p)| std::mem::replace(&mut p.content, marker(i)))
        .collect();
    let mut ctx = shared.base_context("print.html", 0);
    ctx.insert("pages", &pages);
    drop(pages);
    let html = shared.render_template("print.html", &ctx)?;
    Ok(splice(&html, &bodies).into_bytes())
}

const MARK_OPEN: char = '\u{E000}';
const MARK_CLOSE: char = '\u{E001}';

fn marker(i: usize) -> String {
    format!("{MARK_OPEN}{i}{MARK_CLOSE}")
}

/// Replaces every marker in `html` by its body.
fn splice(html: &str, bodies: &[String]) -> String {
    let total: usize = bodies.iter().map(String::len).sum();
    let mut out = String::with_capacity(html.len() + total);
    let mut rest = html;
    while let Some(start) = rest.find(MARK_OPEN) {
        out.push_str(&rest[..start]);
        let after = &rest[start + MARK_OPEN.len_utf8()..];
        let parsed = after.find(MARK_CLOSE).and_then(|end| {
            after[..end]
                .parse::<usize>()
                .ok()
                .and_then(|i| bodies.get(i))
                .map(|body| (body, end))
        });
        match parsed {
            Some((body, end)) => {
                out.push_str(body);
                rest = &after[end + MARK_CLOSE.len_utf8()..];
            }
            None => {
                out.push(MARK_OPEN);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod splice_tests {
    use super::*;

    #[test]
    fn markers_become_bodies() {
        let bodies = vec!["<p>one</p>".to_string(), "<p>two</p>".to_string()];
        let html = format!("<a>{}</a><b>{}</b>{MARK_OPEN}x", marker(0), marker(1));
        assert_eq!(
            splice(&html, &bodies),
            format!("<a><p>one</p></a><b><p>two</p></b>{MARK_OPEN}x")
        );
    }
}
