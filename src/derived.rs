//! Files derived from the rendered pages in the same pass: the printable handbook, the 404
//! page and the shared navigation script. Later features add their generators here.

use crate::error::Diagnostic;
use crate::print;
use crate::site::{Shared, nav_script};

/// Every derived file of the site: output path and bytes.
pub fn generate(shared: &Shared<'_>) -> Result<Vec<(String, Vec<u8>)>, Vec<Diagnostic>> {
    let mut files = Vec::new();
    files.push((
        "print.html".to_string(),
        print::render(shared).map_err(|d| vec![d])?,
    ));
    let ctx = shared.base_context("404.html", 0);
    files.push((
        "404.html".to_string(),
        shared
            .render_template("404.html", &ctx)
            .map_err(|d| vec![d])?
            .into_bytes(),
    ));
    files.push((
        "nav.js".to_string(),
        nav_script(shared.handbook).into_bytes(),
    ));
    files.extend(crate::progress::generate(shared)?);
    files.extend(crate::search::generate(shared));
    Ok(files)
}
