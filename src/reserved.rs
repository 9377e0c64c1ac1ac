//! The output paths the build generates itself (besides the pages and the content's own
//! files): one list, read by `content` (content may not land on one) and `derived` (which writes
//! them). A leaf: it depends on nothing else in the crate, so `content` need not reach `derived`
//! (or `write`, for the marker of a built folder, [`MARKER`] and [`is_build_output`]).

use std::path::Path;

/// The progress page's output path.
pub const PROGRESS_PAGE: &str = "progress.html";

/// The progress manifest's output path.
pub const PROGRESS_MANIFEST: &str = "progress-data.js";

/// The interface strings for the theme's scripts (`window.HANDBOOK_I18N`).
pub const I18N_SCRIPT: &str = "i18n.js";

/// The file every output folder carries, so a later build knows the folder is its own and may
/// replace it whole (and that a folder without it is not).
pub const MARKER: &str = ".handbook-build";

/// Every path the build generates besides the pages and the content's own files (the home
/// page `index.html` aside), with what it is: the one list content may not land on (but for
/// [`SHARED`]). A path ending in `/` is a folder. A test builds a site and checks every
/// generated file is here.
pub const RESERVED: &[(&str, &str)] = &[
    ("print.html", "the printable handbook"),
    ("404.html", "the page-not-found page"),
    (PROGRESS_PAGE, "the progress page"),
    (PROGRESS_MANIFEST, "the progress data"),
    ("nav.js", "the navigation script"),
    (I18N_SCRIPT, "the interface strings"),
    ("search-index.js", "the search index"),
    ("search/", "the search index"),
    (
        "assets/",
        "the theme's styles and scripts, the logo and the favicon",
    ),
    ("sitemap.xml", "the sitemap"),
    (
        "assets/scorm/",
        "the SCORM runtime of `handbook export scorm`",
    ),
    (MARKER, "the marker that says the folder is a built site"),
];

/// The reserved folder content shares with the theme: every layout keeps its images and
/// styles in an `assets/` folder beside the theme's files (as MkDocs and mdBook sites do), so
/// a content file may go there; only a path the theme or `[branding]` writes itself clashes
/// (checked against the theme's files by `site::theme_clashes`).
pub const SHARED: &str = "assets/";

/// The reserved entry `out_path` (an output path relative to the site root) falls on, if any:
/// the entry and what it is. Compared without case (macOS and Windows file systems ignore it).
/// A path inside [`SHARED`] is not reserved by it (the folder `assets` itself is).
pub fn reserved(out_path: &str) -> Option<(&'static str, &'static str)> {
    let lower = out_path.to_lowercase();
    RESERVED
        .iter()
        .copied()
        .find(|(r, _)| match r.strip_suffix('/') {
            Some(folder) => lower == folder || (lower.starts_with(r) && *r != SHARED),
            None => lower == *r,
        })
}

/// Files every output of a version before the marker has (`index.html`, `print.html`,
/// `404.html`, `nav.js`, and the folder `assets/`).
const LEGACY_FILES: [&str; 4] = ["index.html", "print.html", "404.html", "nav.js"];

/// Whether `dir` is the output of a `handbook build`: it carries [`MARKER`], or (built before
/// the marker existed) it has every file such an output always had.
pub fn is_build_output(dir: &Path) -> bool {
    dir.join(MARKER).is_file()
        || (dir.join(LEGACY_FILES[0]).is_file()
            && LEGACY_FILES[1..].iter().all(|f| dir.join(f).is_file())
            && dir.join("assets").is_dir())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_may_share_the_assets_folder_but_not_its_own_name() {
        assert_eq!(reserved("assets/d.png"), None);
        assert_eq!(reserved("Assets/css/site.css"), None);
        assert_eq!(reserved("assets").map(|r| r.0), Some("assets/"));
        assert_eq!(
            reserved("assets/scorm/config.js").map(|r| r.0),
            Some("assets/scorm/")
        );
        assert_eq!(reserved("search/t-a.js").map(|r| r.0), Some("search/"));
        assert_eq!(reserved("Print.html").map(|r| r.0), Some("print.html"));
        assert_eq!(reserved("guide/print.html"), None);
    }
}
