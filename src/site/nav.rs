//! The sidebar navigation of one page (`nav` in every template's context) and `nav.js`, the
//! shared script holding the lists pages leave out.
//!
//! Every list of the tree (the top-level entries, a chapter's pages) is inlined whole up to
//! [`NAV_INLINE_MAX`] entries. A longer list is *windowed*: a page inlines its first and last
//! [`NAV_WINDOW_EDGE`] entries and the [`NAV_WINDOW_AROUND`] either side of the entry on its
//! own branch, with a gap marker for each run left out (a link to the list's landing page,
//! which lists them all). The theme replaces a windowed list with the full one from `nav.js`.
//! So one page's sidebar is bounded whatever the size of a folder, and the output of all
//! pages together grows linearly with the page count.

use crate::content::Handbook;
use serde::Serialize;

/// A list of the navigation is inlined whole in every page up to this many entries; a longer
/// one is windowed (see the module documentation).
pub const NAV_INLINE_MAX: usize = 60;

/// How many entries at the start and at the end of a windowed list every page inlines.
pub const NAV_WINDOW_EDGE: usize = 3;

/// How many entries before and after the one on the page's own branch a windowed list shows.
pub const NAV_WINDOW_AROUND: usize = 5;

/// One navigation entry, or a gap marker standing for entries a windowed list leaves out.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct NavItem {
    title: String,
    url: String,
    current: bool,
    open: bool,
    has_children: bool,
    children: Vec<NavItem>,
    /// Whether `children` is a window of a longer list (the whole list is in `nav.js` under
    /// this entry's `url`).
    children_windowed: bool,
    /// For a gap marker, how many entries it stands for (0 for an entry); `title` and `url`
    /// are then those of the list's landing page, which lists every entry.
    gap: usize,
}

/// The navigation of one page.
pub struct Nav {
    /// The top-level entries (windowed beyond [`NAV_INLINE_MAX`]), with children filled
    /// along the page's branch.
    pub items: Vec<NavItem>,
    /// Whether the top-level list is windowed.
    pub top_windowed: bool,
    /// Whether any list of `items` is windowed (the page then loads `nav.js`).
    pub any_windowed: bool,
}

/// The navigation for page `current` (0, the home page, for generated pages).
pub fn nav_for(handbook: &Handbook, current: usize) -> Nav {
    let mut chain = handbook.ancestors(current);
    chain.push(current);
    let builder = Builder {
        handbook,
        current,
        chain: &chain,
    };
    let mut any_windowed = false;
    let (items, top_windowed) = builder.list(0, &mut any_windowed);
    Nav {
        items,
        top_windowed,
        any_windowed,
    }
}

/// Builds the entries of one page's navigation.
struct Builder<'a> {
    handbook: &'a Handbook,
    current: usize,
    /// The pages from home (index 0 of the chain) down to the current page.
    chain: &'a [usize],
}

impl Builder<'_> {
    /// The entries of page `owner`'s children (windowed when long) and whether they are.
    fn list(&self, owner: usize, any_windowed: &mut bool) -> (Vec<NavItem>, bool) {
        let page = &self.handbook.pages[owner];
        let children = &page.children;
        // The child on the current page's branch, when this list is on it.
        let on_branch = self
            .chain
            .get(page.depth + 1)
            .copied()
            .filter(|_| self.chain.get(page.depth) == Some(&owner));
        if children.len() <= NAV_INLINE_MAX {
            let items = children
                .iter()
                .map(|&c| self.item(c, any_windowed))
                .collect();
            return (items, false);
        }
        *any_windowed = true;
        let position = on_branch.map(|c| position_of(children, c));
        let mut items = Vec::new();
        for segment in window(children.len(), position) {
            match segment {
                Segment::Entries(from, to) => {
                    items.extend(
                        children[from..to]
                            .iter()
                            .map(|&c| self.item(c, any_windowed)),
                    );
                }
                Segment::Gap(count) => items.push(NavItem {
                    title: page.title.clone(),
                    url: page.out_path.clone(),
                    current: false,
                    open: false,
                    has_children: false,
                    children: Vec::new(),
                    children_windowed: false,
                    gap: count,
                }),
            }
        }
        (items, true)
    }

    /// The entry of page `index`, with its children when it is on the current page's branch.
    fn item(&self, index: usize, any_windowed: &mut bool) -> NavItem {
        let page = &self.handbook.pages[index];
        let on_branch = self.chain.get(page.depth) == Some(&index);
        let (children, children_windowed) = if on_branch {
            self.list(index, any_windowed)
        } else {
            (Vec::new(), false)
        };
        NavItem {
            title: page.title.clone(),
            url: page.out_path.clone(),
            current: index == self.current,
            open: on_branch,
            has_children: !page.children.is_empty(),
            children,
            children_windowed,
            gap: 0,
        }
    }
}

/// Where `child` is in `children`. Children are in reading order, so their page indices
/// ascend and a binary search finds it; the scan is only a fallback.
fn position_of(children: &[usize], child: usize) -> usize {
    children
        .binary_search(&child)
        .ok()
        .or_else(|| children.iter().position(|&c| c == child))
        .unwrap_or(0)
}

/// A run of a windowed list: entries `from..to`, or a gap of so many left-out entries.
#[derive(Debug, PartialEq, Eq, Clone, Copy)]
enum Segment {
    Entries(usize, usize),
    Gap(usize),
}

/// The window of a list of `len` entries for a page whose branch goes through entry
/// `position` (none for pages outside the list): the first and last [`NAV_WINDOW_EDGE`]
/// entries and [`NAV_WINDOW_AROUND`] either side of `position`, with gaps between. Costs
/// the size of the window, not of the list.
fn window(len: usize, position: Option<usize>) -> Vec<Segment> {
    let mut ranges = vec![
        (0, NAV_WINDOW_EDGE.min(len)),
        (len.saturating_sub(NAV_WINDOW_EDGE), len),
    ];
    if let Some(p) = position {
        ranges.push((
            p.saturating_sub(NAV_WINDOW_AROUND),
            (p + NAV_WINDOW_AROUND + 1).min(len),
        ));
    }
    ranges.sort_unstable();
    let mut segments = Vec::new();
    let mut next = 0; // the first entry not yet covered
    for (from, to) in ranges {
        let from = from.max(next);
        if from >= to {
            continue;
        }
        if from > next {
            segments.push(Segment::Gap(from - next));
        }
        match segments.last_mut() {
            Some(Segment::Entries(_, end)) if *end == from => *end = to,
            _ => segments.push(Segment::Entries(from, to)),
        }
        next = to;
    }
    if next < len {
        segments.push(Segment::Gap(len - next));
    }
    segments
}

/// `nav.js`: a classic script (it loads from `file://`, where `fetch` would not), shared by
/// all pages and cached by the browser. `window.HANDBOOK_NAV` holds the top-level entries
/// (`[ { title, url } ]`); when any list is windowed, `window.HANDBOOK_NAV_LISTS` holds every
/// windowed list whole, by the URL of its landing page (`"index.html"` for the top level):
/// `{ url: [ [title, url, has_children (0 or 1)] ] }`, URLs relative to the site root. When the
/// top level is windowed, `HANDBOOK_NAV` is derived from its list instead of written twice.
pub fn nav_script(handbook: &Handbook) -> String {
    let pages = &handbook.pages;
    let lists: serde_json::Map<String, serde_json::Value> = pages
        .iter()
        .filter(|p| p.children.len() > NAV_INLINE_MAX)
        .map(|p| {
            let list = p
                .children
                .iter()
                .map(|&c| {
                    let child = &pages[c];
                    serde_json::json!([
                        child.title,
                        child.out_path,
                        u8::from(!child.children.is_empty())
                    ])
                })
                .collect();
            (p.out_path.clone(), serde_json::Value::Array(list))
        })
        .collect();
    let top_windowed = pages[0].children.len() > NAV_INLINE_MAX;
    let mut script = String::new();
    if !lists.is_empty() {
        script.push_str(&format!(
            "window.HANDBOOK_NAV_LISTS = {};\n",
            crate::js::script_json(&lists, "{}")
        ));
    }
    if top_windowed {
        let key = serde_json::to_string(&pages[0].out_path).unwrap_or_else(|_| "\"\"".into());
        script.push_str(&format!(
            "window.HANDBOOK_NAV = window.HANDBOOK_NAV_LISTS[{key}].map(function (e) {{ return {{ title: e[0], url: e[1] }}; }});\n"
        ));
        return script;
    }
    #[derive(Serialize)]
    struct Entry<'a> {
        title: &'a str,
        url: &'a str,
    }
    let entries: Vec<Entry> = pages[0]
        .children
        .iter()
        .map(|&c| Entry {
            title: &pages[c].title,
            url: &pages[c].out_path,
        })
        .collect();
    let json = crate::js::script_json(&entries, "[]");
    // The top-level line first, as nav.js always began.
    script.insert_str(0, &format!("window.HANDBOOK_NAV = {json};\n"));
    script
}

#[cfg(test)]
mod tests {
    use super::{NAV_WINDOW_AROUND, NAV_WINDOW_EDGE, Segment, window};

    /// The entries a window shows, expanded, and the total the segments account for.
    fn shown(segments: &[Segment]) -> (Vec<usize>, usize) {
        let mut entries = Vec::new();
        let mut total = 0;
        for s in segments {
            match *s {
                Segment::Entries(from, to) => {
                    entries.extend(from..to);
                    total += to - from;
                }
                Segment::Gap(n) => total += n,
            }
        }
        (entries, total)
    }

    #[test]
    fn window_keeps_edges_and_the_neighbourhood() {
        let segments = window(300, Some(150));
        let (entries, total) = shown(&segments);
        assert_eq!(total, 300);
        let mut expected: Vec<usize> = (0..NAV_WINDOW_EDGE).collect();
        expected.extend(150 - NAV_WINDOW_AROUND..=150 + NAV_WINDOW_AROUND);
        expected.extend(300 - NAV_WINDOW_EDGE..300);
        assert_eq!(entries, expected);
        assert_eq!(
            segments
                .iter()
                .filter(|s| matches!(s, Segment::Gap(_)))
                .count(),
            2
        );
    }

    #[test]
    fn window_merges_overlapping_runs_at_the_edges() {
        for position in [0, 1, 4, 295, 299] {
            let segments = window(300, Some(position));
            let (entries, total) = shown(&segments);
            assert_eq!(total, 300, "{position}");
            assert!(entries.contains(&position));
            assert!(entries.windows(2).all(|w| w[0] < w[1]), "{segments:?}");
            // One gap: the neighbourhood joins an edge.
            assert_eq!(segments.len(), 3, "{position}: {segments:?}");
        }
    }

    #[test]
    fn window_without_a_position_shows_the_edges() {
        assert_eq!(
            window(100, None),
            vec![
                Segment::Entries(0, NAV_WINDOW_EDGE),
                Segment::Gap(100 - 2 * NAV_WINDOW_EDGE),
                Segment::Entries(100 - NAV_WINDOW_EDGE, 100)
            ]
        );
    }

    #[test]
    fn window_of_a_short_list_is_the_list() {
        assert_eq!(window(4, Some(2)), vec![Segment::Entries(0, 4)]);
        assert_eq!(window(0, None), Vec::<Segment>::new());
    }
}
