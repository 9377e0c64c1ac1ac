//! Files derived from the rendered pages in the same pass: the printable handbook, the 404
//! page, the shared navigation script, the interface strings (`i18n.js`), the progress manifest and page, the search index, and
//! (when `base_url` is set) `sitemap.xml`.

use crate::assignments::Plan;
use crate::content::Handbook;
use crate::error::Diagnostic;
use crate::markdown::RenderedPage;
use crate::write::Sink;
use std::sync::Mutex;

pub mod print;
pub mod progress;

/// What the derived files are made from: the pages, their rendered output, the build id, the
/// assignments, and the theme's templates for the generated pages. `site` hands it over
/// (`site::Shared::derived_input`), so this module and those it calls (`print`, `search`,
/// `progress`) do not depend on `site`.
#[derive(Clone, Copy)]
pub struct Input<'a> {
    /// The loaded handbook.
    pub handbook: &'a Handbook,
    /// Every page as rendered, by page index.
    pub rendered: &'a [RenderedPage],
    /// The build id (stable for the same input).
    pub build_id: &'a str,
    /// The assignments and learning paths.
    pub plan: &'a Plan,
    /// The templates of the generated pages and the navigation script.
    pub templates: &'a dyn Templates,
}

/// The theme's side of the generated pages (`print.html`, `404.html`, `progress.html`) and of
/// `nav.js`, implemented by `site::Shared`.
pub trait Templates: Sync {
    /// The context every template receives, for a file written at `out_path` whose sidebar
    /// shows page `nav_page` as current (0, the home page, for generated pages).
    fn base_context(&self, out_path: &str, nav_page: usize) -> tera::Context;
    /// Fills template `name` of the theme.
    fn render_template(&self, name: &str, ctx: &tera::Context) -> Result<String, Diagnostic>;
    /// Whether the theme has template `name`.
    fn has_template(&self, name: &str) -> bool;
    /// The shared navigation script (`nav.js`).
    fn nav_script(&self) -> String;
    /// The interface strings for the theme's scripts (`i18n.js`, see `i18n::Catalog::script`).
    fn i18n_script(&self) -> String;
}

pub use crate::reserved::{RESERVED, reserved};

/// Every derived file of the site: output path and bytes, by path.
pub fn generate(input: &Input<'_>) -> crate::error::Result<Vec<(String, Vec<u8>)>> {
    struct Files(Mutex<Vec<(String, Vec<u8>)>>);
    impl Sink for Files {
        fn put(&self, path: String, bytes: Vec<u8>) -> Result<(), Diagnostic> {
            let mut files = self.0.lock().unwrap_or_else(|e| e.into_inner());
            files.push((path, bytes));
            Ok(())
        }
    }
    let files = Files(Mutex::new(Vec::new()));
    generate_into(input, &files)?;
    let mut files = files.0.into_inner().unwrap_or_else(|e| e.into_inner());
    files.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    Ok(files)
}

/// Hands every derived file to `sink` as soon as it is ready. The search index, the slowest,
/// is built alongside the others.
pub fn generate_into(input: &Input<'_>, sink: &dyn Sink) -> crate::error::Result<()> {
    let (search, rest) = rayon::join(
        || -> Result<(), Diagnostic> {
            for (path, bytes) in crate::search::generate(input.handbook, input.rendered) {
                sink.put(path, bytes)?;
            }
            Ok(())
        },
        || -> crate::error::Result<()> {
            print::render_into(input, sink)?;
            let ctx = input.templates.base_context("404.html", 0);
            let html = input.templates.render_template("404.html", &ctx)?;
            sink.put("404.html".to_string(), html.into_bytes())?;
            sink.put(
                "nav.js".to_string(),
                input.templates.nav_script().into_bytes(),
            )?;
            sink.put(
                crate::reserved::I18N_SCRIPT.to_string(),
                input.templates.i18n_script().into_bytes(),
            )?;
            for (path, bytes) in progress::generate(input)? {
                sink.put(path, bytes)?;
            }
            if let Some(xml) = sitemap(input) {
                sink.put("sitemap.xml".to_string(), xml.into_bytes())?;
            }
            Ok(())
        },
    );
    rest?;
    Ok(search?)
}

/// `sitemap.xml` (sitemaps.org 0.9) listing every page at `base_url`, when one is set; no
/// dates, so rebuilds stay byte-identical.
pub fn sitemap(input: &Input<'_>) -> Option<String> {
    let base = &input.handbook.config.base_url;
    if base.is_empty() {
        return None;
    }
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for page in &input.handbook.pages {
        let loc = format!("{base}{}", percent_encode_path(&page.out_path));
        xml.push_str("<url><loc>");
        xml.push_str(&crate::html::escape(&loc));
        xml.push_str("</loc></url>\n");
    }
    xml.push_str("</urlset>\n");
    Some(xml)
}

/// Percent-encodes what a URL path may not hold as it is (keeps `/` and unreserved characters).
fn percent_encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{percent_encode_path, reserved};

    #[test]
    fn reserved_paths_match_files_and_folders() {
        assert_eq!(
            reserved("progress.html").map(|r| r.0),
            Some("progress.html")
        );
        assert_eq!(reserved("Nav.js").map(|r| r.0), Some("nav.js"));
        assert_eq!(reserved("search/index.html").map(|r| r.0), Some("search/"));
        assert_eq!(reserved("assets").map(|r| r.0), Some("assets/"));
        assert_eq!(reserved("index.html"), None);
        assert_eq!(reserved("chapter/nav.js"), None);
        assert_eq!(reserved("searching.html"), None);
    }

    #[test]
    fn sitemap_paths_are_percent_encoded() {
        assert_eq!(
            percent_encode_path("alliance/bordin.html"),
            "alliance/bordin.html"
        );
        assert_eq!(percent_encode_path("a b/ü.html"), "a%20b/%C3%BC.html");
    }
}
