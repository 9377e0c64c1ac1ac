//! `handbook export scorm`: the handbook as a SCORM 1.2 or SCORM 2004 (4th edition) package
//! for a learning management system.
//!
//! The site is rendered in memory by the normal pipeline (relative URLs, strict CSP, nothing
//! from another host), then packed with: `scorm-launch.html`, the launch page that holds the
//! LMS session and frames the site (the SCO's launch file); `assets/scorm/` with the runtime
//! (`scorm.js`), the suspend-data encoding (`suspend.js`), the launch page's stylesheet and
//! `config.js` (the package's settings: version, completion rule, mastery, what counts, and
//! every question's option ids, read from the rendered pages by [`scope::questions`]); and
//! `imsmanifest.xml` ([`manifest`]). The zip is written atomically ([`package`]). The
//! runtime files live in `themes/default/scorm/`, outside the theme's `static/`, so a normal
//! build never contains them.

pub mod manifest;
pub mod package;
pub mod scope;

use crate::config::{CONFIG_FILE, ScormCompletion, ScormVersion, key_line_in_file};
use crate::error::{Diagnostic, Diagnostics};
use serde_json::json;
use std::path::{Path, PathBuf};

/// The launch page's path in the package.
pub const LAUNCH: &str = "scorm-launch.html";
/// The manifest's path in the package.
pub const MANIFEST: &str = "imsmanifest.xml";
/// The runtime's folder in the package.
pub const RUNTIME_DIR: &str = "assets/scorm/";

const LAUNCH_HTML: &str = include_str!("../../themes/default/scorm/launch.html");
const SCORM_JS: &str = include_str!("../../themes/default/scorm/scorm.js");
/// The interface-string helper `scorm.js` includes (`//= include js/shared/i18n.js`).
const SHARED_I18N_JS: &str = include_str!("../../themes/default/static/js/shared/i18n.js");
const SUSPEND_JS: &str = include_str!("../../themes/default/scorm/suspend.js");
const SCORM_CSS: &str = include_str!("../../themes/default/scorm/scorm.css");

/// What `handbook export scorm` was asked for.
#[derive(Debug, Clone)]
pub struct Options {
    /// The handbook folder.
    pub root: PathBuf,
    /// The zip to write; default `<title slug>[-<path>]-scorm12.zip` (or `-scorm2004.zip`) in
    /// the current folder.
    pub out: Option<PathBuf>,
    /// The SCORM version; default `[scorm] version`.
    pub version: Option<ScormVersion>,
    /// One learning path (its id or number) instead of the whole handbook.
    pub path: Option<String>,
}

/// What an export made.
#[derive(Debug)]
pub struct Summary {
    /// The zip written.
    pub out: PathBuf,
    /// The SCORM version.
    pub version: ScormVersion,
    /// The course title in the manifest.
    pub title: String,
    /// Files in the zip (the manifest included).
    pub files: usize,
    /// The zip's size in bytes.
    pub bytes: u64,
    /// Warnings (the export still succeeded).
    pub warnings: Vec<Diagnostic>,
}

/// Why an export failed.
#[derive(Debug)]
pub enum Error {
    /// Content or configuration errors, or a file that cannot be written (exit code 1).
    Content(Diagnostics),
    /// The command was used wrongly, e.g. an unknown `--path` (exit code 2).
    Usage(String),
}

impl Error {
    /// The process exit code for this error.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Content(_) => 1,
            Error::Usage(_) => 2,
        }
    }
}

impl From<Vec<Diagnostic>> for Error {
    fn from(list: Vec<Diagnostic>) -> Self {
        let mut d = Diagnostics(list);
        d.sort();
        Error::Content(d)
    }
}

impl From<Diagnostics> for Error {
    fn from(d: Diagnostics) -> Self {
        Error::Content(d)
    }
}

/// `<title slug>[-<path id>]-scorm12.zip` (or `-scorm2004.zip`).
pub fn default_file_name(title: &str, path: &str, version: ScormVersion) -> String {
    let mut name = crate::config::derive_id(title);
    if !path.is_empty() {
        name.push('-');
        name.push_str(path);
    }
    name.push_str(match version {
        ScormVersion::V12 => "-scorm12.zip",
        ScormVersion::V2004 => "-scorm2004.zip",
    });
    name
}

/// Renders the handbook at `options.root` and writes its SCORM package.
pub fn export_scorm(options: &Options) -> Result<Summary, Error> {
    let root = options.root.as_path();
    if !root.is_dir() {
        return Err(Error::Content(
            Diagnostic::error(root, 0, "the handbook folder does not exist")
                .with_hint("pass --root with the folder that holds handbook.toml and content/")
                .into(),
        ));
    }
    let handbook = crate::content::load(root)?;
    let theme = crate::theme::load(
        root,
        &handbook.config,
        &crate::search::script_vars(&handbook.config.language),
    )?;
    let (site, rendered) = crate::site::render_keeping(&handbook, &theme)?;
    let (plan, _) = crate::assignments::resolve(&handbook, &rendered, &theme.catalog);
    let config = &handbook.config;
    let version = options.version.unwrap_or(config.scorm.version);
    let scope = scope::select(&handbook, &plan, options.path.as_deref()).map_err(Error::Usage)?;
    let questions = scope::questions(&site.files);
    let mut warnings = site.warnings.clone();
    check_rule(root, config, &scope, &plan, &questions, &mut warnings)?;

    let mut files = site.files;
    let runtime = runtime_files(config, &scope, version, questions, &theme.catalog);
    let taken = std::iter::once(MANIFEST).chain(runtime.iter().map(|(p, _)| p.as_str()));
    if let Some(path) = taken.into_iter().find(|p| files.contains_key(*p)) {
        return Err(Error::Content(
            Diagnostic::error(
                root.join("content"),
                0,
                format!("the site has a file `{path}`, which the SCORM package needs for itself"),
            )
            .with_hint("rename or move that page or file")
            .into(),
        ));
    }
    for (path, text) in runtime {
        files.insert(path, text.into_bytes());
    }
    let names: Vec<String> = files.keys().cloned().collect();
    let manifest = manifest::write(
        version,
        &manifest::Info {
            identifier: &if scope.path.is_empty() {
                config.handbook_id()
            } else {
                format!("{}.{}", config.handbook_id(), scope.path)
            },
            title: &scope.title,
            launch: LAUNCH,
            mastery: config.scorm.mastery,
            files: &names,
        },
    );
    files.insert(MANIFEST.into(), manifest.into_bytes());

    let out = options
        .out
        .clone()
        .unwrap_or_else(|| PathBuf::from(default_file_name(&config.title, &scope.path, version)));
    if out.is_dir() {
        return Err(Error::Usage(format!(
            "--out {} is a folder; name the zip file to write, e.g. {}",
            out.display(),
            out.join(default_file_name(&config.title, &scope.path, version))
                .display()
        )));
    }
    let bytes = package::write_zip(&out, &files).map_err(|e| {
        Error::Content(
            Diagnostic::error(&out, 0, format!("cannot write the package: {e}"))
                .with_hint("check that the folder exists and can be written")
                .into(),
        )
    })?;
    warnings.sort_by(|a, b| (&a.path, a.line).cmp(&(&b.path, b.line)));
    Ok(Summary {
        out,
        version,
        title: scope.title,
        files: files.len(),
        bytes,
        warnings,
    })
}

/// The completion rule must have something to count: `assignments` needs assignments (an
/// error at the key's line); `exercises` with no graded question, or `mastery` without one,
/// is only a warning (the course completes when opened).
fn check_rule(
    root: &Path,
    config: &crate::config::Config,
    scope: &scope::Scope,
    plan: &crate::assignments::Plan,
    questions: &serde_json::Value,
    warnings: &mut Vec<Diagnostic>,
) -> Result<(), Error> {
    let line = key_line_in_file(root, "completion");
    if config.scorm.completion == ScormCompletion::Assignments
        && scope
            .assignments
            .as_ref()
            .map_or(plan.assignments.is_empty(), Vec::is_empty)
    {
        return Err(Error::Content(
            Diagnostic::error(CONFIG_FILE, line, "[scorm] completion = \"assignments\", but the package has no assignments")
                .with_hint("add `[assignment]` to pages' front matter, or choose completion = \"exercises\" or \"pages\"")
                .into(),
        ));
    }
    let graded = questions
        .as_object()
        .into_iter()
        .flat_map(|m| m.iter())
        .filter(|(ex, _)| {
            scope
                .exercises
                .as_ref()
                .is_none_or(|list| list.iter().any(|e| e == *ex))
        })
        .flat_map(|(_, qs)| qs.as_object().into_iter().flat_map(|m| m.values()))
        .filter(|q| q["t"] != "reflection")
        .count();
    if graded == 0
        && (config.scorm.completion == ScormCompletion::Exercises || config.scorm.mastery.is_some())
    {
        let line = if config.scorm.mastery.is_some() && line == 0 {
            key_line_in_file(root, "mastery")
        } else {
            line
        };
        // (No file to name when there is no handbook.toml: the rule is the default one.)
        let (file, hint) = if root.join(CONFIG_FILE).is_file() {
            (
                CONFIG_FILE,
                "choose [scorm] completion = \"pages\", or add exercises",
            )
        } else {
            (
                "",
                "add exercises, or create handbook.toml with the lines `[scorm]` and `completion = \"pages\"`",
            )
        };
        warnings.push(
            Diagnostic::warning(file, line, "the package has no graded question: the LMS will record it as complete (and passed) as soon as it is opened")
                .with_hint(hint),
        );
    }
    Ok(())
}

/// The files the package adds to the site: the launch page and `assets/scorm/` (the runtime,
/// the suspend-data encoding, the stylesheet and `config.js`, the package's settings).
fn runtime_files(
    config: &crate::config::Config,
    scope: &scope::Scope,
    version: ScormVersion,
    questions: serde_json::Value,
    catalog: &crate::i18n::Catalog,
) -> Vec<(String, String)> {
    let settings = json!({
        "version": match version { ScormVersion::V12 => "1.2", ScormVersion::V2004 => "2004" },
        "completion": match config.scorm.completion {
            ScormCompletion::Pages => "pages",
            ScormCompletion::Exercises => "exercises",
            ScormCompletion::Assignments => "assignments",
        },
        "mastery": config.scorm.mastery,
        "start": scope.start,
        "pages": scope.pages,
        "exercises": scope.exercises,
        "assignments": scope.assignments,
        "questions": questions,
    });
    vec![
        (LAUNCH.to_string(), launch_page(config, scope, catalog)),
        (
            format!("{RUNTIME_DIR}config.js"),
            format!(
                "/* The SCORM package's settings (handbook export scorm); read by scorm.js. */\nwindow.HANDBOOK_SCORM = {settings};\n"
            ),
        ),
        (format!("{RUNTIME_DIR}scorm.js"), scorm_js()),
        (format!("{RUNTIME_DIR}suspend.js"), SUSPEND_JS.to_string()),
        (format!("{RUNTIME_DIR}scorm.css"), SCORM_CSS.to_string()),
    ]
}

/// The runtime with the interface-string helper it includes (the theme's scripts get theirs
/// from `theme::bundle`; this file is not one of them).
fn scorm_js() -> String {
    SCORM_JS.replace("//= include js/shared/i18n.js\n", SHARED_I18N_JS)
}

/// The launch page for this handbook and scope, its message for a browser without scripts in
/// the language of `catalog`.
fn launch_page(
    config: &crate::config::Config,
    scope: &scope::Scope,
    catalog: &crate::i18n::Catalog,
) -> String {
    let link = format!(
        "<a href=\"{}\">{}</a>",
        manifest::escape(&scope.start),
        manifest::escape(&catalog.text("scorm.noscript_link", &[]))
    );
    // The sentence is escaped around the link, which is HTML already.
    let noscript = catalog
        .text("scorm.noscript", &[("link", "\u{0}")])
        .split('\u{0}')
        .map(manifest::escape)
        .collect::<Vec<_>>()
        .join(&link);
    LAUNCH_HTML
        .replace("{{lang}}", &manifest::escape(&config.language))
        .replace(
            "{{dir}}",
            crate::config::direction::text_direction(&config.language),
        )
        .replace("{{id}}", &manifest::escape(&config.handbook_id()))
        .replace("{{title}}", &manifest::escape(&scope.title))
        .replace("{{noscript}}", &noscript)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_names() {
        assert_eq!(
            default_file_name("Reliance on the Alliance", "", ScormVersion::V12),
            "reliance-on-the-alliance-scorm12.zip"
        );
        assert_eq!(
            default_file_name("A", "week-1", ScormVersion::V2004),
            "a-week-1-scorm2004.zip"
        );
    }

    #[test]
    fn launch_page_and_runtime_speak_the_handbook_language() {
        let scope = scope::Scope {
            title: "A & B".into(),
            start: "index.html".into(),
            pages: Vec::new(),
            exercises: None,
            assignments: None,
            path: String::new(),
        };
        let config = crate::config::Config::default();
        let en = crate::i18n::Catalog::english();
        let page = launch_page(&config, &scope, en);
        assert!(page.contains("<p class=\"scorm-noscript\">This course needs JavaScript to report your progress to the learning system. <a href=\"index.html\">Open the handbook</a> to read it without.</p>"), "{page}");
        assert!(page.contains("<html lang=\"en\" dir=\"ltr\""), "{page}");
        assert!(!page.contains("{{"), "{page}");
        let js = scorm_js();
        assert!(!js.lines().any(|l| l.starts_with("//= include")));
        assert!(js.contains("function t(key, params)"));
    }

    #[test]
    fn the_launch_page_has_the_writing_direction() {
        let scope = scope::Scope {
            title: "T".into(),
            start: "index.html".into(),
            pages: vec![],
            exercises: None,
            assignments: None,
            path: String::new(),
        };
        for (language, dir) in [("ar", "rtl"), ("en", "ltr")] {
            let config = crate::config::Config {
                language: language.into(),
                ..Default::default()
            };
            let want = format!("<html lang=\"{language}\" dir=\"{dir}\"");
            let page = launch_page(&config, &scope, crate::i18n::Catalog::english());
            assert!(page.contains(&want), "{language}");
        }
    }
}
