//! Files derived from the rendered pages in the same pass: the printable handbook, the 404
//! page, the shared navigation script, the progress manifest and page, the search index, and
//! (when `base_url` is set) `sitemap.xml`.

use crate::error::Diagnostic;
use crate::print;
use crate::site::{Shared, nav_script};
use crate::write::Sink;
use std::sync::Mutex;

/// Every derived file of the site: output path and bytes, by path.
pub fn generate(shared: &Shared<'_>) -> Result<Vec<(String, Vec<u8>)>, Vec<Diagnostic>> {
    struct Files(Mutex<Vec<(String, Vec<u8>)>>);
    impl Sink for Files {
        fn put(&self, path: String, bytes: Vec<u8>) -> Result<(), Diagnostic> {
            let mut files = self.0.lock().unwrap_or_else(|e| e.into_inner());
            files.push((path, bytes));
            Ok(())
        }
    }
    let files = Files(Mutex::new(Vec::new()));
    generate_into(shared, &files)?;
    let mut files = files.0.into_inner().unwrap_or_else(|e| e.into_inner());
    files.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    Ok(files)
}

/// Hands every derived file to `sink` as soon as it is ready. The search index, the slowest,
/// is built alongside the others.
pub fn generate_into(shared: &Shared<'_>, sink: &dyn Sink) -> Result<(), Vec<Diagnostic>> {
    let (search, rest) = rayon::join(
        || -> Result<(), Diagnostic> {
            for (path, bytes) in crate::search::generate(shared) {
                sink.put(path, bytes)?;
            }
            Ok(())
        },
        || -> Result<(), Vec<Diagnostic>> {
            print::render_into(shared, sink).map_err(|d| vec![d])?;
            let ctx = shared.base_context("404.html", 0);
            let html = shared
                .render_template("404.html", &ctx)
                .map_err(|d| vec![d])?;
            sink.put("404.html".to_string(), html.into_bytes())
                .map_err(|d| vec![d])?;
            sink.put(
                "nav.js".to_string(),
                nav_script(shared.handbook).into_bytes(),
            )
            .map_err(|d| vec![d])?;
            for (path, bytes) in crate::progress::generate(shared)? {
                sink.put(path, bytes).map_err(|d| vec![d])?;
            }
            if let Some(xml) = sitemap(shared) {
                sink.put("sitemap.xml".to_string(), xml.into_bytes())
                    .map_err(|d| vec![d])?;
            }
            Ok(())
        },
    );
    rest?;
    search.map_err(|d| vec![d])
}

/// `sitemap.xml` (sitemaps.org 0.9) listing every page at `base_url`, when one is set; no
/// dates, so rebuilds stay byte-identical.
pub fn sitemap(shared: &Shared<'_>) -> Option<String> {
    let base = &shared.handbook.config.base_url;
    if base.is_empty() {
        return None;
    }
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for page in &shared.handbook.pages {
        let loc = format!("{base}{}", percent_encode_path(&page.out_path));
        xml.push_str("<url><loc>");
        xml.push_str(&crate::markdown::escape(&loc));
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
    use super::percent_encode_path;

    #[test]
    fn sitemap_paths_are_percent_encoded() {
        assert_eq!(
            percent_encode_path("alliance/bordin.html"),
            "alliance/bordin.html"
        );
        assert_eq!(percent_encode_path("a b/ü.html"), "a%20b/%C3%BC.html");
    }
}
