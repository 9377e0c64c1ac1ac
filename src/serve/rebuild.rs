//! Rebuilding for `serve`: a full build, or an incremental one that re-renders only the pages
//! whose Markdown changed.
//!
//! The last good build is kept as a [`State`]: the loaded `Handbook`, the theme and every
//! page's `RenderedPage`. On a content change the handbook is loaded again and compared with
//! the kept one:
//!
//! - configuration, page tree, titles, descriptions, slugs, order, front matter or the set of
//!   files differ: every page is rendered again (the theme is reused);
//! - otherwise only the pages whose body changed are rendered again, the cross-page checks
//!   (link fragments, component ids) run over the whole set, and only those pages' templates
//!   are filled ([`incremental`]). The browser reloads at once.
//!
//! Two things still depend on every page after an incremental build: the derived files
//! (print page, progress manifest, ...) and the build id, which every page carries in its asset
//! URLs. [`refresh`] brings both up to date in the background afterwards, so once the server is
//! idle it serves exactly what `handbook build` writes.
//!
//! A change of `handbook.toml` or of the theme is always a full build.

use super::sources::Sources;
use crate::content::{self, Asset, Handbook, Page};
use crate::error::{Diagnostic, Diagnostics};
use crate::markdown::{self, RenderedPage};
use crate::site::{self, Shared, Site};
use crate::theme::{self, Theme};
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// The last good build, kept to rebuild incrementally.
pub struct State {
    /// The handbook as loaded.
    pub handbook: Arc<Handbook>,
    /// The theme it was rendered with.
    pub theme: Arc<Theme>,
    /// Every page as rendered, by page index.
    pub rendered: Arc<Vec<RenderedPage>>,
    /// The build id the kept page files carry.
    pub build_id: String,
}

/// What a successful rebuild changed.
pub enum Rebuilt {
    /// A whole new site.
    Full {
        /// The site.
        site: Site,
    },
    /// Some files of the served site changed.
    Partial {
        /// The new files (output path and bytes).
        files: Vec<(String, Vec<u8>)>,
        /// The pages rendered again (output paths), for the terminal and the browsers.
        pages: Vec<String>,
        /// Whether a copied file (image, download) changed: pages showing it must reload.
        assets_changed: bool,
        /// Warnings of the whole build.
        warnings: Vec<Diagnostic>,
    },
}

/// Loads and renders the handbook at `root` from scratch.
pub fn full(root: &Path) -> Result<(State, Site), Diagnostics> {
    if !root.is_dir() {
        return Err(
            Diagnostic::error(root, 0, "the handbook folder does not exist")
                .with_hint("pass --root with the folder that holds handbook.toml and content/")
                .into(),
        );
    }
    let handbook = content::load(root).map_err(Diagnostics::sorted)?;
    let theme = theme::load(
        root,
        &handbook.config,
        &crate::search::script_vars(&handbook.config.language),
    )
    .map_err(Diagnostics::sorted)?;
    render_all(handbook, Arc::new(theme))
}

/// Renders every page of `handbook` with an already loaded theme.
fn render_all(handbook: Handbook, theme: Arc<Theme>) -> Result<(State, Site), Diagnostics> {
    let (site, rendered) = site::render_keeping(&handbook, &theme)?;
    let build_id = Shared::new(&handbook, &theme, &rendered)
        .build_id()
        .to_string();
    let state = State {
        handbook: Arc::new(handbook),
        theme,
        rendered: Arc::new(rendered),
        build_id,
    };
    Ok((state, site))
}

/// Rebuilds after a change of `paths` (relative to the root) under the content folder,
/// incrementally when the page tree is unchanged. `good` is the last good build; it is
/// replaced when this build succeeds. `sources` (the content files in memory) is updated with
/// the changed files, or read again when the change is more than that.
pub fn content_change(
    root: &Path,
    good: &mut Option<State>,
    sources: &mut Option<Sources>,
    paths: &BTreeSet<PathBuf>,
) -> Result<Rebuilt, Diagnostics> {
    let Some(state) = good.as_mut() else {
        let (state, site) = full(root)?;
        *good = Some(state);
        return Ok(Rebuilt::Full { site });
    };
    let updated = sources.as_mut().is_some_and(|cached| cached.update(paths));
    let handbook = match sources.as_ref() {
        Some(cached) if updated => cached.load().map_err(Diagnostics::sorted)?,
        _ => {
            *sources = None;
            let handbook = content::load(root).map_err(Diagnostics::sorted)?;
            *sources = Sources::read(root, &handbook.config, &handbook.layout);
            handbook
        }
    };
    if handbook.config != state.handbook.config || handbook.layout != state.handbook.layout {
        // The theme may be another one now.
        let (new_state, site) = full(root)?;
        *good = Some(new_state);
        return Ok(Rebuilt::Full { site });
    }
    if !same_structure(&state.handbook, &handbook) {
        let (new_state, site) = render_all(handbook, state.theme.clone())?;
        *good = Some(new_state);
        return Ok(Rebuilt::Full { site });
    }
    incremental(state, handbook)
}

/// Re-renders the pages of `handbook` whose body differs from `state`'s (same tree).
pub fn incremental(state: &mut State, handbook: Handbook) -> Result<Rebuilt, Diagnostics> {
    let changed: Vec<usize> = (0..handbook.pages.len())
        .filter(|&i| body_changed(&state.handbook.pages[i], &handbook.pages[i]))
        .collect();
    let changed_assets: Vec<usize> = (0..handbook.assets.len())
        .filter(|&i| state.handbook.assets[i].bytes != handbook.assets[i].bytes)
        .collect();

    let fresh: Vec<(usize, RenderedPage)> = changed
        .par_iter()
        .map(|&i| {
            (
                i,
                markdown::render_page_with(&handbook, i, &state.theme.tera, &state.theme.catalog),
            )
        })
        .collect();
    // Swap the fresh pages in (copying the kept set only while a background refresh still
    // reads it), and back out again if the build fails.
    let rendered = Arc::make_mut(&mut state.rendered);
    let mut old = Vec::with_capacity(fresh.len());
    for (i, r) in fresh {
        old.push((i, std::mem::replace(&mut rendered[i], r)));
    }
    let restore = |rendered: &mut Vec<RenderedPage>, old: Vec<(usize, RenderedPage)>| {
        for (i, r) in old {
            rendered[i] = r;
        }
    };
    let warnings = match site::check_rendered(&handbook, rendered) {
        Ok(w) => w,
        Err(e) => {
            restore(rendered, old);
            return Err(e);
        }
    };
    let files: Result<Vec<(String, Vec<u8>)>, Diagnostic> = {
        let shared = Shared::new_with_build_id(
            &handbook,
            &state.theme,
            rendered,
            Some(state.build_id.clone()),
        );
        changed.par_iter().map(|&i| shared.render_page(i)).collect()
    };
    let mut files = match files {
        Ok(f) => f,
        Err(d) => {
            restore(rendered, old);
            return Err(d.into());
        }
    };
    let pages = files.iter().map(|(p, _)| p.clone()).collect();
    for &i in &changed_assets {
        let asset = &handbook.assets[i];
        files.push((asset.out_path.clone(), asset.bytes.clone()));
    }
    state.handbook = Arc::new(handbook);
    Ok(Rebuilt::Partial {
        files,
        pages,
        assets_changed: !changed_assets.is_empty(),
        warnings,
    })
}

/// What [`refresh`] produced.
pub struct Refreshed {
    /// Every page filled with the current build id.
    pub pages: Vec<(String, Vec<u8>)>,
    /// That build id.
    pub build_id: String,
}

/// After an incremental build: the derived files and every page with the new build id, as
/// `build` would write them. Gives up (returns `None`) as soon as `epoch` moves away from
/// `started`, i.e. when a newer build has begun. `derived_done` receives the derived files
/// as soon as they are ready, before the pages.
pub fn refresh(
    handbook: &Handbook,
    theme: &Theme,
    rendered: &[RenderedPage],
    epoch: &AtomicU64,
    started: u64,
    derived_done: impl FnOnce(&[(String, Vec<u8>)]),
) -> Option<Refreshed> {
    let cancelled = || epoch.load(Ordering::SeqCst) != started;
    let shared = Shared::new(handbook, theme, rendered);
    if cancelled() {
        return None;
    }
    let derived = crate::derived::generate(&shared.derived_input()).ok()?;
    if cancelled() {
        return None;
    }
    derived_done(&derived);
    let mut pages = Vec::with_capacity(handbook.pages.len());
    let indices: Vec<usize> = (0..handbook.pages.len()).collect();
    for chunk in indices.chunks(16) {
        if cancelled() {
            return None;
        }
        let part: Result<Vec<_>, _> = chunk.par_iter().map(|&i| shared.render_page(i)).collect();
        pages.extend(part.ok()?);
    }
    Some(Refreshed {
        pages,
        build_id: shared.build_id().to_string(),
    })
}

/// Whether only what page `b` renders by itself differs from `a` (its body).
fn body_changed(a: &Page, b: &Page) -> bool {
    a.body != b.body
        || a.body_line != b.body_line
        || a.line_map != b.line_map
        || a.title_heading_line != b.title_heading_line
}

/// Whether two loads of a handbook have the same tree: everything but the pages' bodies and
/// the copied files' bytes is equal, so every page other than the changed ones renders as it
/// did. The destructuring names every field: a new field of `Page`, `Asset` or `Handbook`
/// does not compile here until it is sorted into "structure" or "body".
pub fn same_structure(a: &Handbook, b: &Handbook) -> bool {
    let Handbook {
        root,
        content_dir,
        config,
        layout,
        pages,
        assets,
        by_source: _,       // derived from `pages`
        asset_by_source: _, // derived from `assets`
    } = a;
    *root == b.root
        && *content_dir == b.content_dir
        && *config == b.config
        && *layout == b.layout
        && pages.len() == b.pages.len()
        && assets.len() == b.assets.len()
        && pages.iter().zip(&b.pages).all(|(p, q)| same_page(p, q))
        && assets.iter().zip(&b.assets).all(|(x, y)| same_asset(x, y))
}

fn same_page(a: &Page, b: &Page) -> bool {
    let Page {
        source,
        display_path,
        out_path,
        title,
        has_title,
        title_heading_line: _, // body: only this page's HTML
        description,
        kind,
        body: _,      // body
        body_line: _, // body
        line_map: _,  // body
        searchable,
        extra,
        assignment,
        load_warnings: _, // follows the front matter, compared through title and the rest
        parent,
        children,
        depth,
    } = a;
    *source == b.source
        && *display_path == b.display_path
        && *out_path == b.out_path
        && *title == b.title
        && *has_title == b.has_title
        && *description == b.description
        && *kind == b.kind
        && *searchable == b.searchable
        && *extra == b.extra
        && *assignment == b.assignment
        && *parent == b.parent
        && *children == b.children
        && *depth == b.depth
}

fn same_asset(a: &Asset, b: &Asset) -> bool {
    let Asset {
        source,
        out_path,
        bytes: _, // replaced in place
    } = a;
    *source == b.source && *out_path == b.out_path
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::testing::handbook as load;

    fn state(h: Handbook) -> State {
        let theme = theme::load(
            Path::new("/nonexistent"),
            &h.config,
            &crate::search::script_vars(&h.config.language),
        )
        .unwrap();
        render_all(h, Arc::new(theme)).unwrap().0
    }

    const HOME: (&str, &str) = ("_index.md", "# Home\n\nSee [a](a.md#part).\n");

    #[test]
    fn body_edit_keeps_the_structure_and_rerenders_one_page() {
        let before = load(&[HOME, ("a.md", "# A\n\n## Part\n\nold\n"), ("b.md", "# B\n")]);
        let after = load(&[HOME, ("a.md", "# A\n\n## Part\n\nnew\n"), ("b.md", "# B\n")]);
        assert!(same_structure(&before, &after));
        let mut s = state(before);
        let Rebuilt::Partial { files, pages, .. } = incremental(&mut s, after).unwrap() else {
            panic!("expected an incremental build");
        };
        assert_eq!(pages, vec!["a.html".to_string()]);
        assert!(String::from_utf8_lossy(&files[0].1).contains("new"));
        assert!(s.rendered[1].html.contains("new"));
    }

    #[test]
    fn title_change_is_structural() {
        let before = load(&[HOME, ("a.md", "# A\n\n## Part\n")]);
        let after = load(&[HOME, ("a.md", "# Another title\n\n## Part\n")]);
        assert!(!same_structure(&before, &after));
    }

    #[test]
    fn failed_incremental_build_keeps_the_last_good_pages() {
        let before = load(&[HOME, ("a.md", "# A\n\n## Part\n")]);
        let after = load(&[HOME, ("a.md", "# A\n\n## Renamed\n")]);
        let mut s = state(before);
        let errors = match incremental(&mut s, after) {
            Err(e) => e,
            Ok(_) => panic!("the fragment `#part` is gone: the build must fail"),
        };
        assert!(errors.report().contains("content/_index.md:3"), "{errors}");
        assert!(s.rendered[1].anchors.iter().any(|a| a == "part"));
    }
}
