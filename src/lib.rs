//! `handbook`: a static-site generator for clinician training handbooks.
//!
//! The pipeline runs one way: [`content::load()`] reads `handbook.toml` and the content folder
//! into a [`content::Handbook`]; [`site::render_into`] renders it with the [`theme`], streaming
//! every file into a [`write::Staging`] folder that is swapped in as the output folder. (`serve`
//! keeps an in-memory [`site::Site`] instead, from [`site::render_keeping`].)

pub mod assignments;
pub mod branding;
pub mod components;
pub mod config;
pub mod content;
pub mod derived;
pub mod error;
pub mod export;
pub mod hash;
pub mod html;
pub mod i18n;
pub mod js;
pub mod markdown;
mod output_guard;
pub mod reserved;
pub mod safety;
pub mod scaffold;
pub mod search;
pub mod serve;
pub mod site;
pub mod summarize;
pub mod theme;
pub mod write;

use error::{Diagnostic, Diagnostics};
use std::path::{Path, PathBuf};

/// What a successful build did.
#[derive(Debug)]
pub struct BuildSummary {
    /// Pages rendered.
    pub pages: usize,
    /// Files written.
    pub files: usize,
    /// Bytes written.
    pub bytes: u64,
    /// Where the site went.
    pub out: PathBuf,
    /// Warnings (the build still succeeded).
    pub warnings: Vec<Diagnostic>,
}

/// An error unless `root` is a folder.
fn check_root(root: &Path) -> Result<(), Diagnostics> {
    if root.is_dir() {
        return Ok(());
    }
    Err(
        Diagnostic::error(root, 0, "the handbook folder does not exist")
            .with_hint("pass --root with the folder that holds handbook.toml and content/")
            .into(),
    )
}

/// Loads the handbook at `root` and its theme.
fn load(root: &Path) -> Result<(content::Handbook, theme::Theme), Diagnostics> {
    check_root(root)?;
    let handbook = content::load(root).map_err(Diagnostics::sorted)?;
    let theme = theme::load(
        root,
        &handbook.config,
        &search::script_vars(&handbook.config.language),
    )
    .map_err(Diagnostics::sorted)?;
    Ok((handbook, theme))
}

/// Builds the handbook at `root` into `out` (default: the configured output folder). Each file
/// is written into the staging folder as soon as it is rendered, so the filled pages are never
/// in memory together.
///
/// The output folder is checked first (module `output_guard`): it may not hold or replace the
/// handbook's sources, and it is never read as content. At the end it is replaced only when it
/// is missing, empty or the output of an earlier build (it carries [`write::MARKER`]), or with
/// `force`.
pub fn build(root: &Path, out: Option<&Path>, force: bool) -> Result<BuildSummary, Diagnostics> {
    check_root(root)?;
    let settings = content::layout::settings(root).map_err(Diagnostics::sorted)?;
    let config = &settings.config;
    let out = out
        .map(Path::to_path_buf)
        .unwrap_or_else(|| root.join(&config.output));
    let out_real = safety::resolve(&out);
    output_guard::before_load(root, &settings, &out, &out_real)?;
    let (handbook, hits) =
        content::load_excluding(root, Some(&out_real)).map_err(Diagnostics::sorted)?;
    output_guard::after_load(&out, &out_real, &hits)?;
    let theme = theme::load(
        root,
        &handbook.config,
        &search::script_vars(&handbook.config.language),
    )
    .map_err(Diagnostics::sorted)?;
    let staging = write::Staging::new(&out_real, force)?;
    let (mut warnings, _rendered) = site::render_into(&handbook, &theme, &staging)?;
    // Untranslated interface strings: one warning naming the first few.
    warnings.extend(theme.catalog.warnings(false));
    let (files, bytes) = (staging.files(), staging.bytes());
    warnings.extend(staging.commit()?);
    Ok(BuildSummary {
        pages: handbook.pages.len(),
        files,
        bytes,
        out,
        warnings,
    })
}

/// Everything `build` validates plus content lints, writing nothing. Returns the warnings.
pub fn check(root: &Path) -> Result<Vec<Diagnostic>, Diagnostics> {
    /// Renders every file (template errors still count) and keeps none of them.
    struct Discard;
    impl write::Sink for Discard {
        fn put(&self, _: String, _: Vec<u8>) -> Result<(), Diagnostic> {
            Ok(())
        }
        fn put_with(
            &self,
            _: String,
            _: &mut dyn FnMut(&mut dyn std::io::Write) -> std::io::Result<()>,
        ) -> Result<(), Diagnostic> {
            // Template errors come before the fill; the fill itself only writes bytes.
            Ok(())
        }
    }
    let (handbook, theme) = load(root)?;
    let (mut warnings, rendered) = site::render_into(&handbook, &theme, &Discard)?;
    // Untranslated interface strings for the configured language, every one named.
    warnings.extend(theme.catalog.warnings(true));
    // Saved answers and assignments are keyed by the exercise id; without an explicit one it
    // comes from the page and the block's position, and changes when either does.
    for entry in rendered
        .iter()
        .flat_map(|r| r.components.iter())
        .flat_map(|(_, block)| block.manifest.iter())
    {
        if !entry.explicit_id {
            let id = &entry.id;
            warnings.push(
                Diagnostic::warning(
                    &entry.source,
                    entry.line,
                    format!("exercise without an `id` (it is `{id}` for now, from its page and position)"),
                )
                .with_hint("add a short, stable `id = \"...\"`: learners' saved answers and assignments refer to it, and moving the exercise or renaming the page would change the derived one"),
            );
        }
    }
    if handbook.config.id_is_derived() {
        let id = handbook.config.handbook_id();
        warnings.push(content::layout::missing_id_warning(
            root,
            &handbook.layout,
            &id,
        ));
    }
    // Answer keys a learner could guess without reading (components::exercise::lint).
    warnings.extend(components::exercise::lint::lint_manifest(
        rendered
            .iter()
            .flat_map(|r| r.components.iter())
            .flat_map(|(_, block)| block.manifest.iter()),
    ));
    for page in &handbook.pages {
        if !page.has_title {
            warnings.push(
                Diagnostic::warning(&page.display_path, 1, "page without a title")
                    .with_hint("start the page with `# Title` or set `title` in its front matter"),
            );
        }
        if page.kind == content::PageKind::Page && page.body.trim().is_empty() {
            warnings.push(
                Diagnostic::warning(&page.display_path, 1, "empty page")
                    .with_hint("write the page or mark it `draft = true` until it is ready"),
            );
        }
    }
    Ok(Diagnostics::sorted(warnings).0)
}

/// Creates a small, working starter handbook in `dir`, written in `language` (a BCP 47 tag:
/// its primary subtag picks the starter, see [`scaffold::starters::choose`]; the whole tag
/// becomes `language` in its `handbook.toml`).
pub fn new_handbook(dir: &Path, language: &str) -> Result<Vec<PathBuf>, Diagnostics> {
    let (starter, tag) = scaffold::starters::choose(language).map_err(|message| {
        Diagnostic::error(dir, 0, message).with_hint("`handbook new --help` lists the starters")
    })?;
    Ok(scaffold::create(dir, starter, &tag)?)
}
