//! Themes: the default theme embedded in the binary, overridden file by file by the handbook's
//! own `themes/NAME/`; loads the Tera templates and gathers the static files (expanding the
//! scripts' build-time includes, see `theme/bundle.rs`).

use crate::config::Config;
use crate::error::Diagnostic;
use crate::i18n::Catalog;
use crate::safety::{self, is_editor_temp};
use include_dir::{Dir, include_dir};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use tera::Tera;

mod bundle;
mod remote_css;

pub use bundle::Vars as ScriptVars;

/// The default theme, compiled into the binary.
static DEFAULT_THEME: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// Templates every theme must have.
pub const REQUIRED_TEMPLATES: [&str; 3] = ["page.html", "print.html", "404.html"];

/// The embedded default theme's templates as (name, source) pairs.
fn builtin_template_sources() -> Vec<(String, String)> {
    all_files(&DEFAULT_THEME)
        .into_iter()
        .filter_map(|file| {
            let rel = file.path().to_string_lossy().replace('\\', "/");
            let name = rel.strip_prefix("templates/")?.to_string();
            Some((name, String::from_utf8_lossy(file.contents()).into_owned()))
        })
        .collect()
}

/// The templates of the embedded default theme alone (no handbook's overrides), in English,
/// compiled once: for the pages made without a handbook theme to read (`summary.html` from a
/// folder of progress files; the page `serve` shows while the handbook does not build).
pub fn builtin() -> &'static Tera {
    builtin_in(crate::i18n::REFERENCE)
}

/// [`builtin`] with the shipped catalogue of `language` (English where it has none), compiled
/// once per language.
pub fn builtin_in(language: &str) -> &'static Tera {
    static BUILTIN: std::sync::OnceLock<Mutex<HashMap<String, &'static Tera>>> =
        std::sync::OnceLock::new();
    let cache = BUILTIN.get_or_init(Default::default);
    let mut cache = cache.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(tera) = cache.get(language) {
        return tera;
    }
    let raw = builtin_template_sources();
    let mut tera = Tera::default();
    // The default theme's templates are tested (`builtin_templates_compile`): an error here
    // leaves the template missing, which `render_builtin_in` reports.
    let _ = tera.add_raw_templates(raw);
    configure(&mut tera);
    // The shipped catalogues are tested; English is the safe fallback.
    let catalog = Catalog::embedded(language).unwrap_or_else(|_| Catalog::english().clone());
    let catalog = Arc::new(catalog);
    crate::i18n::tera_fns::register(&mut tera, catalog);
    // One compiled theme per language for the life of the process (a handful at most).
    let tera: &'static Tera = Box::leak(Box::new(tera));
    cache.insert(language.to_string(), tera);
    tera
}

/// Renders template `name` of the embedded default theme in `language` ([`builtin_in`]), with
/// `lang` and `dir` (from [`crate::config::direction`]) added to `ctx` for its `<html>`.
pub fn render_builtin_in(
    language: &str,
    name: &str,
    ctx: &tera::Context,
) -> Result<String, Diagnostic> {
    let mut ctx = ctx.clone();
    ctx.insert("lang", language);
    ctx.insert("dir", crate::config::direction::text_direction(language));
    builtin_in(language).render(name, &ctx).map_err(|e| {
        Diagnostic::error(
            format!("themes/default/templates/{name}"),
            0,
            format!("template error: {}", error_chain(&e)),
        )
        .with_hint("this is a bug in handbook: please report it")
    })
}

/// Escaping as every theme has it: on for `.html` templates, HTML's five characters only.
fn configure(tera: &mut Tera) {
    tera.autoescape_on(vec![".html"]);
    // Tera's own escaping also encodes `/`, which makes every URL unreadable in the output.
    tera.set_escape_fn(escape_html);
}

/// A loaded theme: compiled templates and static files (copied to `assets/`).
pub struct Theme {
    /// The compiled templates.
    pub tera: Tera,
    /// Static files by path relative to the theme's `static/` folder.
    pub static_files: BTreeMap<String, Vec<u8>>,
    /// The interface strings in the handbook's language (`t` and `num` in the templates read
    /// them; the build writes them to `i18n.js`).
    pub catalog: Arc<Catalog>,
    /// Warnings about the handbook's own theme files (a stylesheet loading a file from
    /// another host), reported with the build's.
    pub warnings: Vec<Diagnostic>,
}

/// Loads the theme `config.theme`: the embedded default theme with every file the handbook
/// supplies under `root/themes/NAME/` taking precedence. `script_vars` are the build variables
/// of the scripts' includes (`{stemmer}`: [`crate::search::script_vars`]), handed in by the
/// caller so the theme does not depend on what picks them.
pub fn load(
    root: &Path,
    config: &Config,
    script_vars: &ScriptVars<'_>,
) -> Result<Theme, Vec<Diagnostic>> {
    let mut templates: BTreeMap<String, (PathBuf, String)> = BTreeMap::new();
    let mut static_files = BTreeMap::new();
    for file in all_files(&DEFAULT_THEME) {
        let rel = file.path().to_string_lossy().replace('\\', "/");
        if let Some(name) = rel.strip_prefix("templates/") {
            let text = String::from_utf8_lossy(file.contents()).into_owned();
            templates.insert(
                name.to_string(),
                (PathBuf::from("themes/default").join(&rel), text),
            );
        } else if let Some(name) = rel.strip_prefix("static/") {
            static_files.insert(name.to_string(), file.contents().to_vec());
        }
    }
    let theme_dir = root.join("themes").join(&config.theme);
    let mut overridden = std::collections::BTreeSet::new();
    if theme_dir.is_dir() {
        overlay(
            root,
            &theme_dir,
            &mut templates,
            &mut static_files,
            &mut overridden,
        )?;
    } else if config.theme != "default" {
        return Err(vec![
            Diagnostic::error(
                crate::config::CONFIG_FILE,
                crate::config::key_line_in_file(root, "theme"),
                format!(
                    "theme `{}` not found: there is no folder themes/{}",
                    config.theme, config.theme
                ),
            )
            .with_hint("use `theme = \"default\"` or create the folder with your templates"),
        ]);
    }
    let mut tera = Tera::default();
    let raw: Vec<(String, String)> = templates
        .iter()
        .map(|(name, (_, text))| (name.clone(), text.clone()))
        .collect();
    if let Err(e) = tera.add_raw_templates(raw) {
        let chain = error_chain(&e);
        let path = templates
            .iter()
            .find(|(name, _)| chain.contains(&format!("'{name}'")))
            .map(|(_, (p, _))| p.clone())
            .unwrap_or_else(|| PathBuf::from(format!("themes/{}", config.theme)));
        return Err(vec![
            Diagnostic::error(path, 0, format!("template error: {chain}"))
                .with_hint("fix the template syntax (Tera, like Jinja2)"),
        ]);
    }
    for required in REQUIRED_TEMPLATES {
        if !templates.contains_key(required) {
            return Err(vec![
                Diagnostic::error(
                    format!("themes/{}", config.theme),
                    0,
                    format!("the theme has no `templates/{required}`"),
                )
                .with_hint(
                    "add the template, or remove the override folder to use the default theme",
                ),
            ]);
        }
    }
    configure(&mut tera);
    let catalog = Arc::new(Catalog::load(root, &config.language)?);
    crate::i18n::tera_fns::register(&mut tera, Arc::clone(&catalog));
    let origin = |name: &str| {
        let theme = if overridden.contains(name) {
            config.theme.as_str()
        } else {
            "default"
        };
        PathBuf::from("themes")
            .join(theme)
            .join("static")
            .join(name)
    };
    bundle::expand(&mut static_files, &origin, script_vars)?;
    let warnings = overridden
        .iter()
        .filter(|name| name.ends_with(".css"))
        .filter_map(|name| Some((name, static_files.get(name.as_str())?)))
        .flat_map(|(name, bytes)| {
            remote_css::warnings(&origin(name), &String::from_utf8_lossy(bytes))
        })
        .collect();
    Ok(Theme {
        tera,
        static_files,
        catalog,
        warnings,
    })
}

fn all_files<'a>(dir: &'a Dir<'a>) -> Vec<&'a include_dir::File<'a>> {
    let mut out: Vec<&include_dir::File> = dir.files().collect();
    for sub in dir.dirs() {
        out.extend(all_files(sub));
    }
    out
}

/// Reads the handbook's theme folder over the default theme. Every file must resolve inside
/// the theme folder (which must lie inside the handbook): a link out of it is an error at its
/// path. Hidden files and editor temporaries are left out, as in content.
fn overlay(
    root: &Path,
    theme_dir: &Path,
    templates: &mut BTreeMap<String, (PathBuf, String)>,
    static_files: &mut BTreeMap<String, Vec<u8>>,
    overridden: &mut std::collections::BTreeSet<String>,
) -> Result<(), Vec<Diagnostic>> {
    let display_base = theme_dir.strip_prefix(root).unwrap_or(theme_dir);
    let theme_real = safety::resolve(theme_dir);
    if let Err(refusal) = safety::check_inside(&theme_real, &safety::resolve(root)) {
        return Err(vec![refusal.diagnostic(display_base, "the handbook")]);
    }
    let walked = safety::walk(
        theme_dir,
        &safety::Walk {
            boundary: &theme_real,
            display_base,
            what: "the theme folder",
            skip_name: &|_, name| name.starts_with('.'),
            skip: &|e| !e.is_dir && is_editor_temp(e.name),
        },
    );
    let mut errors = walked.errors;
    for file in walked.files {
        let rel_str = file.rel.to_string_lossy().replace('\\', "/");
        let display = display_base.join(&file.rel);
        let bytes = match std::fs::read(&file.real) {
            Ok(b) => b,
            Err(e) => {
                errors.push(
                    Diagnostic::error(&display, 0, format!("cannot read: {e}"))
                        .with_hint("check the file's permissions"),
                );
                continue;
            }
        };
        if let Some(name) = rel_str.strip_prefix("templates/") {
            match String::from_utf8(bytes) {
                Ok(text) => {
                    templates.insert(name.to_string(), (display, text));
                }
                Err(_) => errors.push(
                    Diagnostic::error(&display, 0, "the template is not valid UTF-8")
                        .with_hint("save the template as UTF-8 in your editor"),
                ),
            }
        } else if let Some(name) = rel_str.strip_prefix("static/") {
            overridden.insert(name.to_string());
            static_files.insert(name.to_string(), bytes);
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// HTML escaping for template output: `& < > " '`.
fn escape_html(text: &str) -> String {
    crate::html::escape(text)
}

/// A Tera error with all its causes, on one line.
pub fn error_chain(e: &tera::Error) -> String {
    crate::error::chain(e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_templates_compile() {
        let raw = builtin_template_sources();
        let mut tera = Tera::default();
        tera.add_raw_templates(raw).unwrap();
        assert!(
            builtin()
                .get_template_names()
                .any(|n| n == "serve-error.html")
        );
    }
}
