//! Fenced-block components: a fenced code block whose info string names a component
//! (`exercise`, `srs`) is parsed, validated and turned into HTML by that component's module.

pub mod exercise;
pub mod manifest;
pub mod srs;

pub use manifest::ExerciseEntry;

use crate::config::Config;
use crate::error::Diagnostic;
use std::path::Path;

/// Where a component block sits, for diagnostics and stable ids.
#[derive(Debug, Clone, Copy)]
pub struct BlockCtx<'a> {
    /// The page's path for diagnostics (relative to the handbook root).
    pub display_path: &'a Path,
    /// The page's output path (`alliance/bordin.html`), a stable base for derived ids.
    pub page_out_path: &'a str,
    /// The file line of the block's first body line (the line after the opening fence).
    pub line: usize,
    /// How many blocks of the same component came before this one on the page.
    pub ordinal: usize,
    /// The handbook settings (item sets and the like).
    pub config: &'a Config,
    /// The theme's templates (`components/...`: the markup of exercises and questions), so a
    /// handbook's theme can override them; [`crate::theme::builtin`] outside a build.
    pub templates: &'a tera::Tera,
    /// The interface strings in the handbook's language, for text a component builds itself
    /// (the practice form's default wording); templates read them through `t`.
    pub catalog: &'a crate::i18n::Catalog,
}

/// What a component block produced.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BlockOutput {
    /// The HTML that replaces the block.
    pub html: String,
    /// Plain text for the search index (prompts, not chrome).
    pub search_text: String,
    /// The exercises this block defines (for id checks, lints, assignments and the progress
    /// manifest).
    pub manifest: Vec<ExerciseEntry>,
    /// Ids this block defines in the page (for `#fragment` link checks).
    pub anchors: Vec<String>,
}

/// The component a fenced block's info string names, if any.
pub fn component_name(info: &str) -> Option<&'static str> {
    let first = info.split_whitespace().next().unwrap_or("");
    KNOWN.iter().copied().find(|k| *k == first)
}

/// The info strings that are components.
pub const KNOWN: &[&str] = &["exercise", "srs"];

/// Renders the body of a component block.
pub fn render_block(
    name: &str,
    body: &str,
    ctx: &BlockCtx<'_>,
) -> Result<BlockOutput, Vec<Diagnostic>> {
    match name {
        "exercise" => exercise::render(body, ctx),
        "srs" => srs::render(body, ctx),
        _ => Err(vec![Diagnostic::error(
            ctx.display_path,
            ctx.line,
            format!("unknown component `{name}`"),
        )]),
    }
}
