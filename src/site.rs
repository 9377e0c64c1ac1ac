//! Orchestration of a build: render every page in parallel, check cross-page links, fill the
//! theme's templates and derive the generated files. Every file goes to a [`Sink`] as soon as
//! it is ready: the output's staging folder (`build`) or an in-memory [`Site`] (`serve`).

use crate::content::{Handbook, PageKind, root_prefix};
use crate::error::{Diagnostic, Diagnostics};
use crate::markdown::{self, RenderedPage, links};
use crate::theme::{self, Theme};
use crate::write::Sink;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Mutex;

mod nav;

pub use nav::{NAV_INLINE_MAX, NAV_WINDOW_AROUND, NAV_WINDOW_EDGE, nav_script};

/// The built site, in memory: output paths (relative, `/`-separated) to bytes.
#[derive(Debug, Default)]
pub struct Site {
    /// Every file of the site.
    pub files: BTreeMap<String, Vec<u8>>,
    /// Warnings found on the way (errors fail the build instead).
    pub warnings: Vec<Diagnostic>,
    /// How many pages were rendered.
    pub page_count: usize,
}

/// Site-wide values every template receives as `site`.
#[derive(Serialize)]
struct SiteCtx<'a> {
    /// The handbook's id (`Config::handbook_id`): the storage namespace and progress files' key.
    id: String,
    title: &'a str,
    description: &'a str,
    language: &'a str,
    /// `"ltr"` or `"rtl"`, from the language (`config::direction`).
    direction: &'static str,
    authors: &'a [String],
    base_url: &'a str,
    build_id: String,
    agency: AgencyCtx<'a>,
}

#[derive(Serialize)]
struct AgencyCtx<'a> {
    name: &'a str,
    logo: String,
    accent: &'a str,
    /// The favicon every page links (relative to the site root) and its MIME type.
    favicon: String,
    favicon_type: &'static str,
}

#[derive(Serialize)]
struct Link {
    title: String,
    url: String,
}

#[derive(Serialize)]
struct ChapterCtx {
    title: String,
    url: String,
    description: String,
}

#[derive(Serialize)]
struct PageCtx<'a> {
    title: &'a str,
    /// The title heading's inline HTML (an image, a link, code) when it has markup; the
    /// theme's `<h1>` shows it instead of `title`.
    title_html: Option<&'a str>,
    /// Whether the content holds an `<h1>` of its own (a README's raw `<h1>`, or a heading when
    /// the title came from front matter): the theme then adds none, as MkDocs Material does.
    has_h1: bool,
    description: &'a str,
    /// The first paragraph's text, cut short (for `<meta name="description">` when
    /// `description` is empty).
    summary: &'a str,
    kind: PageKind,
    path: &'a str,
    content: &'a str,
    toc: &'a [markdown::TocEntry],
    source: String,
    has_exercises: bool,
    has_srs: bool,
    /// Whether the page has content tabs (`=== "Tab"`): loads `tabs.css` and `tabs.js`.
    has_tabs: bool,
    /// Whether the page has collapsible callouts (`??? note`): loads `tabs.css`.
    has_collapsible: bool,
    /// Free values for themes: the front matter's `extra` table and the keys of other tools
    /// (`icon`, `tags`, ...).
    extra: &'a serde_json::Value,
    /// The page's assignment, when it is one.
    assignment: Option<&'a crate::assignments::Assignment>,
}

/// Renders the whole handbook with `theme` into an in-memory [`Site`], also handing back every page's [`RenderedPage`] (by page index). `serve` keeps
/// them to re-render only the pages whose source changed: it renders those again with
/// [`markdown::render_page_with`], checks the whole set with [`check_rendered`] and fills their
/// templates with [`Shared::render_page`].
pub fn render_keeping(
    handbook: &Handbook,
    theme: &Theme,
) -> Result<(Site, Vec<RenderedPage>), Diagnostics> {
    let files = Collect::default();
    let (mut warnings, rendered) = render_into(handbook, theme, &files)?;
    warnings.extend(theme.catalog.warnings(false));
    let site = Site {
        files: files.0.into_inner().unwrap_or_else(|e| e.into_inner()),
        warnings,
        page_count: handbook.pages.len(),
    };
    Ok((site, rendered))
}

/// Renders the whole handbook with `theme`, handing every file to `sink` as soon as it is
/// ready (`build` streams them into the output's staging folder, so the site is never held in
/// memory). Nothing reaches `sink` unless every page passed the checks; a failure later (a
/// template error, a write error) is returned and the caller discards what `sink` received.
/// Returns the warnings and every page's [`RenderedPage`].
pub fn render_into(
    handbook: &Handbook,
    theme: &Theme,
    sink: &dyn Sink,
) -> Result<(Vec<Diagnostic>, Vec<RenderedPage>), Diagnostics> {
    // The build id hashes every body: done alongside the pages, not before the search index.
    let (id, rendered) = rayon::join(
        || build_id(handbook),
        || {
            (0..handbook.pages.len())
                .into_par_iter()
                .map(|i| markdown::render_page_with(handbook, i, &theme.tera, &theme.catalog))
                .collect::<Vec<RenderedPage>>()
        },
    );
    let (brand_files, mut brand_diagnostics) = crate::branding::site_files(
        &handbook.root,
        &handbook.config.branding,
        logo_out_path(handbook),
        &String::from_utf8_lossy(
            theme
                .static_files
                .get("css/handbook.css")
                .map_or(&[][..], Vec::as_slice),
        ),
    );
    brand_diagnostics.extend(theme_clashes(handbook, theme, &brand_files));
    let warnings = match check_rendered(handbook, &rendered) {
        Err(mut all) => {
            all.0
                .extend(brand_diagnostics.into_iter().filter(Diagnostic::is_error));
            all.sort();
            return Err(all);
        }
        Ok(mut warnings) if brand_diagnostics.iter().any(Diagnostic::is_error) => {
            warnings.extend(brand_diagnostics);
            return Err(Diagnostics::sorted(warnings));
        }
        Ok(mut warnings) => {
            warnings.extend(brand_diagnostics);
            warnings.extend(theme.warnings.iter().cloned());
            warnings
        }
    };

    let shared = Shared::new_with_build_id(handbook, theme, &rendered, Some(id));
    // The derived files (the search index above all) are built while the pages are filled.
    let (derived, pages) = rayon::join(
        || crate::derived::generate_into(&shared.derived_input(), sink),
        || {
            (0..handbook.pages.len()).into_par_iter().try_for_each(|i| {
                let (path, bytes) = shared.render_page(i)?;
                sink.put(path, bytes)
            })
        },
    );
    pages?;
    derived?;

    for asset in &handbook.assets {
        sink.put(asset.out_path.clone(), asset.bytes.clone())?;
    }
    for (path, bytes) in &theme.static_files {
        sink.put(format!("assets/{path}"), bytes.clone())?;
    }
    for (path, bytes) in brand_files {
        sink.put(path, bytes)?;
    }
    Ok((warnings, rendered))
}

/// Content files and pages that would be written where the theme's own files go
/// (`assets/css/handbook.css`, `assets/brand.css`): the content's `assets/` folder sits beside
/// the theme's (`reserved::SHARED`). Compared without case, as `reserved::reserved` is.
fn theme_clashes(
    handbook: &Handbook,
    theme: &Theme,
    brand_files: &[(String, Vec<u8>)],
) -> Vec<Diagnostic> {
    let taken: HashSet<String> = theme
        .static_files
        .keys()
        .map(|p| format!("assets/{p}").to_lowercase())
        .chain(brand_files.iter().map(|(p, _)| p.to_lowercase()))
        .collect();
    let base = handbook
        .content_dir
        .strip_prefix(&handbook.root)
        .unwrap_or(std::path::Path::new(""));
    let pages = handbook
        .pages
        .iter()
        .map(|p| (&p.source, &p.out_path, true));
    let assets = handbook
        .assets
        .iter()
        .map(|a| (&a.source, &a.out_path, false));
    pages
        .chain(assets)
        .filter(|(_, out, _)| taken.contains(&out.to_lowercase()))
        .map(|(source, out, page)| {
            Diagnostic::error(
                base.join(source),
                0,
                format!("would be written to `{out}`, which the theme writes"),
            )
            .with_hint(if page {
                "rename the file or folder, or give the page another `slug` in its front matter"
            } else {
                "rename the file or move it to another folder (and change the links to it)"
            })
        })
        .collect()
}

/// A [`Sink`] that keeps the files in memory, for [`render_keeping`].
#[derive(Default)]
struct Collect(Mutex<BTreeMap<String, Vec<u8>>>);

impl Sink for Collect {
    fn put(&self, path: String, bytes: Vec<u8>) -> Result<(), Diagnostic> {
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(path, bytes);
        Ok(())
    }
}

/// The diagnostics of a set of rendered pages: each page's own and the cross-page checks
/// (link fragments, component ids), sorted. `Err` with all of them when any is an error,
/// else the warnings.
pub fn check_rendered(
    handbook: &Handbook,
    rendered: &[RenderedPage],
) -> Result<Vec<Diagnostic>, Diagnostics> {
    let mut diagnostics: Vec<Diagnostic> = Vec::new();
    check_fragments(handbook, rendered, &mut diagnostics);
    check_component_ids(rendered, &mut diagnostics);
    // (Only the problems are kept: they do not depend on the language of the items' titles.)
    let english = crate::i18n::Catalog::english();
    diagnostics.extend(crate::assignments::resolve(handbook, rendered, english).1);
    for r in rendered {
        diagnostics.extend(r.diagnostics.iter().cloned());
    }
    let all = Diagnostics::sorted(diagnostics);
    if all.has_errors() {
        return Err(all);
    }
    Ok(all.0)
}

/// What every template of one build shares, and how to fill a template. Derived pages (print,
/// 404, progress, search) are rendered through it too.
pub struct Shared<'a> {
    /// The loaded handbook.
    pub handbook: &'a Handbook,
    /// Every page as rendered, by page index.
    pub rendered: &'a [RenderedPage],
    theme: &'a Theme,
    site_ctx: SiteCtx<'a>,
    chapters: Vec<ChapterCtx>,
    nav_truncated: bool,
    /// The assignments and learning paths.
    pub plan: crate::assignments::Plan,
}

impl<'a> Shared<'a> {
    /// The shared context of a build of `handbook` whose pages were rendered as `rendered`.
    pub fn new(handbook: &'a Handbook, theme: &'a Theme, rendered: &'a [RenderedPage]) -> Self {
        Self::new_with_build_id(handbook, theme, rendered, None)
    }

    /// [`Shared::new`] with a known build id instead of hashing every page body (`serve`
    /// re-renders a changed page with the previous id at once, then the whole site in the
    /// background).
    pub fn new_with_build_id(
        handbook: &'a Handbook,
        theme: &'a Theme,
        rendered: &'a [RenderedPage],
        build_id: Option<String>,
    ) -> Self {
        let site_ctx = SiteCtx {
            id: handbook.config.handbook_id(),
            title: &handbook.config.title,
            description: &handbook.config.description,
            language: &handbook.config.language,
            direction: crate::config::direction::text_direction(&handbook.config.language),
            authors: &handbook.config.authors,
            base_url: &handbook.config.base_url,
            build_id: build_id.unwrap_or_else(|| self::build_id(handbook)),
            agency: AgencyCtx {
                name: &handbook.config.branding.agency,
                logo: logo_out_path(handbook).unwrap_or_default(),
                accent: handbook.config.branding.accent.trim(),
                favicon: crate::branding::favicon_link(&handbook.config.branding.favicon).0,
                favicon_type: crate::branding::favicon_link(&handbook.config.branding.favicon).1,
            },
        };
        let top_level = &handbook.pages[0].children;
        let chapters = top_level
            .iter()
            .map(|&c| ChapterCtx {
                title: handbook.pages[c].title.clone(),
                url: handbook.pages[c].out_path.clone(),
                description: handbook.pages[c].description.clone(),
            })
            .collect();
        Shared {
            handbook,
            rendered,
            theme,
            site_ctx,
            chapters,
            nav_truncated: top_level.len() > NAV_INLINE_MAX,
            plan: crate::assignments::resolve(handbook, rendered, &theme.catalog).0,
        }
    }

    /// Fills `page.html` for page `i`: its output path and bytes.
    pub fn render_page(&self, i: usize) -> Result<(String, Vec<u8>), Diagnostic> {
        let handbook = self.handbook;
        let page = &handbook.pages[i];
        let r = &self.rendered[i];
        let mut ctx = self.base_context(&page.out_path, i);
        ctx.insert(
            "page",
            &PageCtx {
                title: &page.title,
                title_html: r.title_html.as_deref(),
                has_h1: crate::html::has_h1(&r.html),
                description: &page.description,
                summary: &r.summary,
                kind: page.kind,
                path: &page.out_path,
                content: &r.html,
                toc: &r.toc,
                source: page.display_path.to_string_lossy().replace('\\', "/"),
                // Also components that embed exercise questions (an srs scenario).
                has_exercises: r
                    .components
                    .iter()
                    .any(|(n, o)| n == "exercise" || !o.manifest.is_empty()),
                has_srs: r.components.iter().any(|(n, _)| n == "srs"),
                has_tabs: r.has_tabs,
                has_collapsible: r.has_collapsible,
                extra: &page.extra,
                assignment: self.plan.for_page(i),
            },
        );
        let crumbs: Vec<Link> = handbook
            .ancestors(i)
            .into_iter()
            .map(|a| Link {
                title: handbook.pages[a].title.clone(),
                url: handbook.pages[a].out_path.clone(),
            })
            .collect();
        ctx.insert("breadcrumbs", &crumbs);
        ctx.insert("chapter_pages", &self.chapter_pages(i));
        if i > 0 {
            ctx.insert("prev", &link_to(handbook, i - 1));
        }
        if i + 1 < handbook.pages.len() {
            ctx.insert("next", &link_to(handbook, i + 1));
        }
        let html = self.render_template("page.html", &ctx)?;
        Ok((page.out_path.clone(), html.into_bytes()))
    }

    /// The pages of chapter `i` for its landing page to list, when its sidebar list is
    /// windowed (more than [`NAV_INLINE_MAX`] children), so they stay reachable without
    /// scripts; empty otherwise (the sidebar lists them) and for the home page (`chapters`).
    fn chapter_pages(&self, i: usize) -> Vec<ChapterCtx> {
        let pages = &self.handbook.pages;
        if i == 0 || pages[i].children.len() <= NAV_INLINE_MAX {
            return Vec::new();
        }
        pages[i]
            .children
            .iter()
            .map(|&c| ChapterCtx {
                title: pages[c].title.clone(),
                url: pages[c].out_path.clone(),
                description: pages[c].description.clone(),
            })
            .collect()
    }

    /// The build id (stable for the same input).
    pub fn build_id(&self) -> &str {
        &self.site_ctx.build_id
    }

    /// The context every template receives, for a file written at `out_path` whose sidebar
    /// shows page `nav_page` as current (use 0, the home page, for generated pages). Like `nav`,
    /// `chapters` scales: beyond [`NAV_INLINE_MAX`] top-level entries it is filled for the home
    /// page and generated pages only (empty elsewhere), so the contexts of all pages together
    /// grow linearly with the page count.
    pub fn base_context(&self, out_path: &str, nav_page: usize) -> tera::Context {
        let mut ctx = tera::Context::new();
        ctx.insert("site", &self.site_ctx);
        ctx.insert("root", &root_prefix(out_path));
        let nav = nav::nav_for(self.handbook, nav_page);
        ctx.insert("nav", &nav.items);
        ctx.insert("nav_truncated", &nav.top_windowed);
        ctx.insert("nav_windowed", &nav.any_windowed);
        let chapters: &[ChapterCtx] = if self.nav_truncated && nav_page != 0 {
            &[]
        } else {
            &self.chapters
        };
        ctx.insert("chapters", chapters);
        ctx.insert("search_enabled", &self.handbook.config.search.enabled);
        ctx.insert("learning_paths", &self.plan.paths);
        ctx.insert("has_assignments", &!self.plan.assignments.is_empty());
        ctx.insert("current_path", out_path);
        ctx.insert(
            "read_after_seconds",
            &self.handbook.config.progress.read_after_seconds,
        );
        ctx
    }

    /// Fills template `name` of the theme.
    pub fn render_template(&self, name: &str, ctx: &tera::Context) -> Result<String, Diagnostic> {
        self.theme.tera.render(name, ctx).map_err(|e| {
            Diagnostic::error(
                format!("templates/{name}"),
                0,
                format!("template error: {}", theme::error_chain(&e)),
            )
            .with_hint("fix the theme template or remove the override")
        })
    }

    /// Whether the theme has template `name`.
    pub fn has_template(&self, name: &str) -> bool {
        self.theme.tera.get_template_names().any(|n| n == name)
    }
}

impl Shared<'_> {
    /// What `derived` makes the derived files from: the pages, their rendered output and this
    /// context's templates.
    pub fn derived_input(&self) -> crate::derived::Input<'_> {
        crate::derived::Input {
            handbook: self.handbook,
            rendered: self.rendered,
            build_id: self.build_id(),
            plan: &self.plan,
            templates: self,
        }
    }
}

impl crate::derived::Templates for Shared<'_> {
    fn base_context(&self, out_path: &str, nav_page: usize) -> tera::Context {
        Shared::base_context(self, out_path, nav_page)
    }

    fn render_template(&self, name: &str, ctx: &tera::Context) -> Result<String, Diagnostic> {
        Shared::render_template(self, name, ctx)
    }

    fn has_template(&self, name: &str) -> bool {
        Shared::has_template(self, name)
    }

    fn nav_script(&self) -> String {
        nav_script(self.handbook)
    }

    fn i18n_script(&self) -> String {
        self.theme.catalog.script()
    }
}

fn link_to(handbook: &Handbook, i: usize) -> Link {
    Link {
        title: handbook.pages[i].title.clone(),
        url: handbook.pages[i].out_path.clone(),
    }
}

/// Where the logo is written, relative to the site root.
fn logo_out_path(handbook: &Handbook) -> Option<String> {
    let logo = handbook.config.branding.logo.trim();
    if logo.is_empty() {
        return None;
    }
    let name = std::path::Path::new(logo)
        .file_name()?
        .to_string_lossy()
        .into_owned();
    Some(format!("assets/brand/{name}"))
}

/// How many broken `#fragment` links of a build get a "did you mean".
const MAX_FRAGMENT_SUGGESTIONS: usize = 50;

/// Checks every `#fragment` of an internal link against the ids of the page it points to.
fn check_fragments(handbook: &Handbook, rendered: &[RenderedPage], out: &mut Vec<Diagnostic>) {
    let anchors: Vec<HashSet<&str>> = rendered
        .iter()
        .map(|r| r.anchors.iter().map(String::as_str).collect())
        .collect();
    let mut sorted: HashMap<usize, Vec<&str>> = HashMap::new();
    let mut suggestions_left = MAX_FRAGMENT_SUGGESTIONS;
    for (i, r) in rendered.iter().enumerate() {
        for check in &r.fragment_checks {
            // An id a failed block would have defined: that block's error is enough.
            let from_failed_block = rendered[check.target]
                .failed_blocks
                .iter()
                .any(|b| b.id.as_deref().is_none_or(|id| check.fragment.contains(id)));
            if !anchors[check.target].contains(check.fragment.as_str()) && !from_failed_block {
                let target = &handbook.pages[check.target];
                // "Did you mean" for the first few only: each compares with every id of the
                // page, and a page of thousands of broken links would take minutes.
                let close = if suggestions_left > 0 {
                    suggestions_left -= 1;
                    let known = sorted.entry(check.target).or_insert_with(|| {
                        let mut known: Vec<&str> = anchors[check.target].iter().copied().collect();
                        known.sort_unstable();
                        known
                    });
                    closest_id(known, &check.fragment)
                        .map(|k| format!(" (did you mean `#{k}`?)"))
                        .unwrap_or_default()
                } else {
                    String::new()
                };
                out.push(links::broken_diagnostic(
                    &handbook.config,
                    &handbook.pages[i].display_path,
                    check.line,
                    check.column,
                    format!(
                        "broken link: `{}` has no heading or HTML element with the id `#{}`{close}",
                        target.display_path.display(),
                        check.fragment
                    ),
                    links::Broken::Fragment,
                ));
            }
        }
    }
}

/// The id of `known` (sorted) a missing `#fragment` most likely meant: the same but for case
/// (ids are case-sensitive), else the nearest within a few edits (`redact-array-object` for
/// `redact-array--object`), else one containing the other.
fn closest_id<'k>(known: &[&'k str], fragment: &str) -> Option<&'k str> {
    if let Some(k) = known.iter().find(|k| k.eq_ignore_ascii_case(fragment)) {
        return Some(k);
    }
    let limit = 1.max(fragment.chars().count() / 6);
    let len = fragment.chars().count();
    let near = known
        .iter()
        .filter(|k| k.chars().count().abs_diff(len) <= limit)
        .map(|k| (crate::error::plain::edit_distance(k, fragment), *k))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d);
    if let Some((_, k)) = near {
        return Some(k);
    }
    known
        .iter()
        .find(|k| k.contains(fragment) || fragment.contains(**k))
        .copied()
}

/// Component ids (exercise ids and the like) must be unique across the handbook.
fn check_component_ids(rendered: &[RenderedPage], out: &mut Vec<Diagnostic>) {
    let mut seen: HashMap<String, (String, usize)> = HashMap::new();
    for r in rendered {
        for (_, block) in &r.components {
            for entry in &block.manifest {
                let (id, path, line) = (entry.id.as_str(), entry.source.as_str(), entry.line);
                if let Some((first_path, first_line)) = seen.get(id) {
                    out.push(
                        Diagnostic::error(
                            path,
                            line,
                            format!("duplicate id `{id}`: also used at {first_path}:{first_line}"),
                        )
                        .with_hint("give each exercise its own `id`"),
                    );
                } else {
                    seen.insert(id.to_string(), (path.to_string(), line));
                }
            }
        }
    }
}

/// A stable identifier of this build's input, for the progress files learners hand in.
fn build_id(handbook: &Handbook) -> String {
    let mut h = crate::hash::Fnv::default();
    h.write(handbook.config.title.as_bytes());
    for page in &handbook.pages {
        h.write(page.out_path.as_bytes());
        h.write(page.body.as_bytes());
    }
    format!("{:016x}", h.finish())
}

#[cfg(test)]
mod tests {
    use super::closest_id;

    #[test]
    fn a_missing_fragment_gets_the_likeliest_id() {
        let known = [
            "destination-number--string",
            "pino-stdserializers",
            "redact-array--object",
            "x",
        ];
        assert_eq!(
            closest_id(&known, "pino-stdSerializers"),
            Some("pino-stdserializers")
        );
        assert_eq!(
            closest_id(&known, "redact-array-object"),
            Some("redact-array--object")
        );
        assert_eq!(
            closest_id(&known, "destination"),
            Some("destination-number--string")
        );
        assert_eq!(closest_id(&known, "nothing-like-it"), None);
        assert_eq!(closest_id(&known, "ab"), None);
    }
}
