//! Which output folders `build` refuses: every check on resolved paths (symbolic links
//! followed), so `--out link/content` is seen for what it is. The output may not be or hold the
//! handbook folder, `content/`, `themes/`, `handbook.toml` or the logo, nor lie inside
//! `themes/` or the logo's folder; inside the folder pages are read from, it may only be a
//! folder the build does not read (new, empty, or an earlier build's output). Whether a folder
//! that is none of the handbook's may be replaced is decided at the end
//! ([`crate::write::Staging::commit`]: empty, a build's output, or `--force`).

use crate::config::CONFIG_FILE;
use crate::content::layout::{Settings, SourceLayout};
use crate::error::{Diagnostic, Diagnostics};
use crate::safety::resolve;
use std::path::{Path, PathBuf};

/// The hint of every refusal: `--force` never overrides these.
const HINT: &str = "choose a new or empty folder outside the handbook's sources with --out, or leave --out out to use `public` in the handbook folder; --force does not override this";

fn refuse(out: &Path, message: String) -> Diagnostics {
    Diagnostic::error(out, 0, message).with_hint(HINT).into()
}

/// The checks that need only the paths: run before anything is read.
pub fn before_load(
    root: &Path,
    settings: &Settings,
    out: &Path,
    out_real: &Path,
) -> Result<(), Diagnostics> {
    let config = &settings.config;
    let root_real = resolve(root);
    if root_real.starts_with(out_real) {
        let what = if root_real == out_real {
            "is the handbook folder itself"
        } else {
            "holds the handbook folder"
        };
        return Err(refuse(
            out,
            format!("the output folder {what}: building would overwrite the handbook's sources"),
        ));
    }
    // (An MkDocs site's pages are in its `docs_dir`.)
    let (content, content_what) = match &settings.layout {
        SourceLayout::MkDocs(site) => (
            root.join(&site.docs_dir),
            format!("the pages folder ({}/)", site.docs_dir),
        ),
        _ => (
            root.join("content"),
            "the content folder (content/)".to_string(),
        ),
    };
    let content_real = content.is_dir().then(|| resolve(&content));
    let mut sources: Vec<(PathBuf, String)> =
        vec![(resolve(&root.join(CONFIG_FILE)), CONFIG_FILE.to_string())];
    if let Some(c) = &content_real {
        sources.push((c.clone(), content_what));
    }
    let themes = root.join("themes");
    if themes.exists() {
        let themes_real = resolve(&themes);
        if out_real.starts_with(&themes_real) && out_real != themes_real {
            return Err(refuse(
                out,
                "the output folder lies inside themes/: building would overwrite theme files"
                    .into(),
            ));
        }
        sources.push((themes_real, "the theme folder (themes/)".into()));
    }
    let logo = config.branding.logo.trim();
    // (A logo outside the handbook is an error of its own, reported when loading.)
    let logo_real = resolve(&root.join(logo));
    if !logo.is_empty() && logo_real.starts_with(&root_real) {
        if let Some(folder) = logo_real.parent()
            && folder != root_real
            && !content_real.as_ref().is_some_and(|c| folder.starts_with(c))
            && out_real.starts_with(folder)
            && out_real != folder
        {
            return Err(refuse(
                out,
                format!(
                    "the output folder lies inside the folder of the logo `{logo}`: building could overwrite it"
                ),
            ));
        }
        sources.push((logo_real, format!("the logo `{logo}`")));
    }
    let favicon = config.branding.favicon.trim();
    if !favicon.is_empty() {
        sources.push((
            resolve(&root.join(favicon)),
            format!("the favicon `{favicon}`"),
        ));
    }
    for (source, what) in sources {
        if source.exists() && source.starts_with(out_real) {
            return Err(refuse(
                out,
                format!("the output folder holds {what}: building would overwrite it"),
            ));
        }
    }
    Ok(())
}

/// The checks on what the content walk met: `hits` are the folders at or inside the output
/// that it would have read, had the output not been left out.
pub fn after_load(out: &Path, out_real: &Path, hits: &[PathBuf]) -> Result<(), Diagnostics> {
    if let Some(inner) = hits.iter().find(|h| h.as_path() != out_real) {
        return Err(refuse(
            out,
            format!(
                "the output folder holds {}, which the handbook reads pages or files from: building would overwrite it",
                inner.display()
            ),
        ));
    }
    let non_empty = std::fs::read_dir(out_real).is_ok_and(|mut r| r.next().is_some());
    if !hits.is_empty() && non_empty {
        return Err(refuse(
            out,
            "the output folder is one the build reads pages and files from (in a plain folder of notes every folder is read): building would overwrite its files".into(),
        ));
    }
    Ok(())
}
