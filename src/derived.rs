//! Files derived from the rendered pages in the same pass: the printable handbook, the 404
//! page and the shared navigation script. Later features add their generators here.

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
            Ok(())
        },
    );
    rest?;
    search.map_err(|d| vec![d])
}
