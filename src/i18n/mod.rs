//! The interface language: every string a reader sees or hears that does not come from the
//! content (buttons, statuses, labels, the 404 page, ...) comes from a catalogue,
//! `themes/default/i18n/LANG.toml` (embedded), merged with the handbook's own `i18n/LANG.toml`.
//! English (`en.toml`) is the reference: it has every key, and a key another catalogue lacks
//! falls back to it (one warning per build). Templates read the catalogue through the Tera
//! function `t` and the filter `num` ([`tera_fns`]); the theme's scripts through the generated
//! `i18n.js` ([`Catalog::script`]).

pub mod number;
pub mod parse;
pub mod template;
pub mod tera_fns;

use crate::config::primary_subtag;
use crate::error::Diagnostic;
use include_dir::{Dir, include_dir};
use parse::{Entry, Value};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The shipped catalogues, one `LANG.toml` per language (the default theme's `i18n/`).
static CATALOGUES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default/i18n");

/// The folder of a handbook's own catalogues (overrides and additions), relative to its root.
pub const OVERRIDE_DIR: &str = "i18n";

/// The reference language: its catalogue has every key.
pub const REFERENCE: &str = "en";

/// Keys whose value is a comma-separated list of words that add to the English ones rather than
/// replace them: every language's list (and a handbook's override) is followed by the shipped
/// English list, so an English "about 8" is understood in every language.
pub const WORD_LISTS: &[&str] = &["exercise.approx_words", "exercise.percent_words"];

/// How many untranslated keys the build's warning names (`check` names them all).
const MISSING_NAMED: usize = 5;

/// The merged strings of one language, built once per build.
#[derive(Clone)]
pub struct Catalog {
    language: String,
    strings: BTreeMap<String, Value>,
    plurals: number::Plurals,
    missing: Vec<String>,
    warnings: Vec<Diagnostic>,
    /// The handbook's own catalogue files that were read (`i18n/es.toml`), in order.
    read: Vec<PathBuf>,
}

impl std::fmt::Debug for Catalog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Catalog")
            .field("language", &self.language)
            .field("strings", &self.strings.len())
            .field("missing", &self.missing.len())
            .finish()
    }
}

/// The languages with a shipped catalogue (primary subtags, sorted).
pub fn shipped_languages() -> Vec<String> {
    let mut out: Vec<String> = CATALOGUES
        .files()
        .filter_map(|f| {
            let name = f.path().file_name()?.to_str()?;
            Some(name.strip_suffix(".toml")?.to_string())
        })
        .collect();
    out.sort();
    out
}

/// The shipped catalogue of `lang` (a primary subtag), as text.
fn shipped(lang: &str) -> Option<&'static str> {
    CATALOGUES
        .get_file(format!("{lang}.toml"))
        .and_then(|f| f.contents_utf8())
}

/// The parsed English reference catalogue.
fn reference() -> Result<BTreeMap<String, Value>, Vec<Diagnostic>> {
    let text = shipped(REFERENCE).unwrap_or_default();
    let entries = parse::parse(text, &shipped_path(REFERENCE)).map_err(as_bug)?;
    Ok(entries.into_iter().map(|(k, e)| (k, e.value)).collect())
}

fn shipped_path(lang: &str) -> PathBuf {
    PathBuf::from(format!("themes/default/i18n/{lang}.toml"))
}

/// Problems in a shipped catalogue are handbook's, not the user's.
fn as_bug(errors: Vec<Diagnostic>) -> Vec<Diagnostic> {
    errors
        .into_iter()
        .map(|d| d.with_hint("this is a bug in handbook: please report it"))
        .collect()
}

/// A warning for each `i18n/*.toml` of the handbook that is not read and is not named as
/// another language's catalogue (`es.toml`, `pt-BR.toml` are left alone: a handbook may keep
/// several): a misspelt name (`spanish.toml`, `es_MX.toml`), this language in the wrong case
/// (`ES.toml`), or this language's name on a folder.
fn unread_files(root: &Path, language: &str, read: &[(PathBuf, String)]) -> Vec<Diagnostic> {
    let Ok(entries) = std::fs::read_dir(root.join(OVERRIDE_DIR)) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .filter_map(|e| e.file_name().to_str().map(str::to_string))
        .filter(|n| n.ends_with(".toml") && !n.starts_with('.'))
        .filter(|n| {
            !read
                .iter()
                // (A file system that ignores case read `EN.toml` as `en.toml`.)
                .any(|(p, _)| {
                    p.file_name()
                        .and_then(|f| f.to_str())
                        .is_some_and(|f| f.eq_ignore_ascii_case(n))
                })
        })
        .filter(|n| {
            let stem = n.trim_end_matches(".toml");
            let ours = stem.eq_ignore_ascii_case(language)
                || stem.eq_ignore_ascii_case(&primary_subtag(language));
            ours || !looks_like_a_tag(stem)
        })
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| unread(root, language, &name))
        .collect()
}

/// The warning for `i18n/NAME`, which the handbook's `language` does not read: a folder or
/// something else that is not a file (a link to nothing) is called that, with the file names
/// that are read; a file is misnamed.
fn unread(root: &Path, language: &str, name: &str) -> Diagnostic {
    let display = Path::new(OVERRIDE_DIR).join(name);
    let path = root.join(&display);
    let primary = primary_subtag(language);
    let not_a_file = if path.is_dir() {
        Some(("it is a folder, not a file", "move or rename the folder"))
    } else if !path.is_file() {
        Some((
            "it is not a file (a link to nothing?)",
            "replace it with the file",
        ))
    } else {
        None
    };
    match not_a_file {
        Some((what, fix)) => {
            let files = if language == primary {
                format!("the file {OVERRIDE_DIR}/{primary}.toml; write them in that file")
            } else {
                format!(
                    "the files {OVERRIDE_DIR}/{primary}.toml and {OVERRIDE_DIR}/{language}.toml; write them in one of those files"
                )
            };
            Diagnostic::warning(&display, 0, format!("not read: {what}"))
                .with_hint(format!(
                    "the interface strings for `{language}` are read from {files} ({fix})"
                ))
        }
        None => Diagnostic::warning(
            &display,
            0,
            format!("not read: not named as a language's catalogue, and the handbook's language is `{language}`"),
        )
        .with_hint(format!(
            "the interface strings come from {OVERRIDE_DIR}/{primary}.toml (and {OVERRIDE_DIR}/LANG-REGION.toml for a regional `language`); rename the file, or set `language` in handbook.toml"
        )),
    }
}

/// Whether `name` is written as a BCP 47 tag: a lower-case language of two or three letters,
/// then `-` and subtags (`es`, `pt-BR`, `sr-Latn`).
fn looks_like_a_tag(name: &str) -> bool {
    let mut parts = name.split('-');
    let primary = parts.next().unwrap_or_default();
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

impl Catalog {
    /// The shipped English catalogue alone.
    pub fn english() -> &'static Catalog {
        static EN: std::sync::OnceLock<Catalog> = std::sync::OnceLock::new();
        EN.get_or_init(|| {
            Catalog::embedded(REFERENCE).unwrap_or_else(|_| Catalog {
                language: REFERENCE.into(),
                strings: BTreeMap::new(),
                plurals: number::Plurals::new(REFERENCE),
                missing: Vec::new(),
                warnings: Vec::new(),
                read: Vec::new(),
            })
        })
    }

    /// The shipped catalogue of `language` over English, without a handbook's overrides (for
    /// pages made without a handbook: the progress summary, the serve error page).
    pub fn embedded(language: &str) -> Result<Catalog, Vec<Diagnostic>> {
        Catalog::merge(language, &[])
    }

    /// The catalogue of `language` for the handbook at `root`: the shipped catalogue of its
    /// primary subtag over English, then the handbook's `i18n/PRIMARY.toml` and
    /// `i18n/TAG.toml` (`es.toml`, then `es-MX.toml`). An unknown key or a placeholder English
    /// does not have is an error at its `file:line`.
    pub fn load(root: &Path, language: &str) -> Result<Catalog, Vec<Diagnostic>> {
        let primary = primary_subtag(language);
        let mut names = vec![primary.clone()];
        if language != primary {
            names.push(language.to_string());
        }
        let mut files = Vec::new();
        let mut errors = Vec::new();
        let root_real = crate::safety::resolve(root);
        for name in names {
            let display = Path::new(OVERRIDE_DIR).join(format!("{name}.toml"));
            let path = root.join(&display);
            if !path.is_file() {
                continue;
            }
            if let Err(refusal) =
                crate::safety::check_inside(&crate::safety::resolve(&path), &root_real)
            {
                errors.push(refusal.diagnostic(&display, "the handbook"));
                continue;
            }
            match std::fs::read_to_string(&path) {
                Ok(text) => files.push((display, text)),
                Err(e) => errors.push(
                    Diagnostic::error(&display, 0, format!("cannot read: {e}"))
                        .with_hint("check the file's permissions; save it as UTF-8"),
                ),
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let mut catalog = Catalog::merge(language, &files)?;
        catalog
            .warnings
            .extend(unread_files(root, language, &files));
        Ok(catalog)
    }

    /// English, then the shipped catalogue of `language`, then `overrides` (path, text) in
    /// order; each checked against English.
    fn merge(language: &str, overrides: &[(PathBuf, String)]) -> Result<Catalog, Vec<Diagnostic>> {
        let reference = reference()?;
        let primary = primary_subtag(language);
        let mut given: BTreeMap<String, Value> = BTreeMap::new();
        let (mut errors, mut warnings) = (Vec::new(), Vec::new());
        // Every mistake of a file at once: the well-formed entries are checked against English
        // even when others are malformed.
        let mut layer = |path: &Path, text: &str, bug: bool| {
            let (entries, mut e) = parse::parse_lenient(text, path);
            let (checked, w) = parse::check_against(&entries, &reference, path);
            e.extend(checked);
            e.sort_by_key(|d| d.line);
            errors.extend(if bug { as_bug(e) } else { e });
            warnings.extend(w);
            given.extend(
                entries
                    .into_iter()
                    .map(|(k, Entry { value, .. })| (k, value)),
            );
        };
        if primary != REFERENCE
            && let Some(text) = shipped(&primary)
        {
            layer(&shipped_path(&primary), text, true);
        }
        for (path, text) in overrides {
            layer(path, text, false);
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let missing = if primary == REFERENCE {
            Vec::new()
        } else {
            reference
                .keys()
                .filter(|k| !given.contains_key(*k))
                .cloned()
                .collect()
        };
        let mut strings = reference.clone();
        strings.extend(given);
        for key in WORD_LISTS {
            if let (Some(Value::Text(english)), Some(Value::Text(list))) =
                (reference.get(*key), strings.get_mut(*key))
                && list != english
            {
                *list = format!("{list}, {english}");
            }
        }
        Ok(Catalog {
            language: language.to_string(),
            strings,
            plurals: number::Plurals::new(language),
            missing,
            warnings,
            read: overrides.iter().map(|(p, _)| p.clone()).collect(),
        })
    }

    /// The language tag the catalogue is for (as configured: `es-MX`).
    pub fn language(&self) -> &str {
        &self.language
    }

    /// Every key of the catalogue, sorted.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.strings.keys().map(String::as_str)
    }

    /// Whether the catalogue has `key`.
    pub fn has(&self, key: &str) -> bool {
        self.strings.contains_key(key)
    }

    /// The words of list `key` (one of [`WORD_LISTS`]): its comma-separated items, trimmed,
    /// empty ones left out (none when the key is missing or a plural).
    pub fn words(&self, key: &str) -> Vec<String> {
        match self.strings.get(key) {
            Some(Value::Text(s)) => s
                .split([',', '\u{60C}'])
                .map(str::trim)
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The text of `key` with its placeholders filled from `params`; the key itself when the
    /// catalogue does not have it or a placeholder has no value (see [`Catalog::try_text`]).
    pub fn text(&self, key: &str, params: &[(&str, &str)]) -> String {
        self.try_text(key, None, params)
            .unwrap_or_else(|_| key.to_string())
    }

    /// The form of plural `key` for `count` (its `{count}` is the number in this language),
    /// placeholders filled from `params`; the key itself on a problem.
    pub fn plural(&self, key: &str, count: f64, params: &[(&str, &str)]) -> String {
        self.try_text(key, Some(count), params)
            .unwrap_or_else(|_| key.to_string())
    }

    /// The text of `key` (the form for `count` if it is a plural), placeholders filled from
    /// `params` and `{count}`; or what is wrong: an unknown key (with the nearest one), a
    /// plural without a count, a placeholder without a value.
    pub fn try_text(
        &self,
        key: &str,
        count: Option<f64>,
        params: &[(&str, &str)],
    ) -> Result<String, String> {
        let Some(value) = self.strings.get(key) else {
            return Err(
                match crate::error::plain::closest(key, self.strings.keys().map(String::as_str)) {
                    Some(c) => format!("unknown interface string `{key}` (did you mean `{c}`?)"),
                    None => format!("unknown interface string `{key}`"),
                },
            );
        };
        let form = match (value, count) {
            (Value::Text(s), _) => s.as_str(),
            (Value::Plural(forms), Some(n)) => {
                let category = self.plurals.category(n);
                forms
                    .get(category)
                    .or_else(|| forms.get("other"))
                    .map_or("", String::as_str)
            }
            (Value::Plural(_), None) => {
                return Err(format!("`{key}` depends on a number: give it `count`"));
            }
        };
        let count_text = count.map(|n| self.number(n, 2));
        template::fill(form, &|name| {
            params
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
                .or_else(|| (name == "count").then(|| count_text.clone()).flatten())
        })
        .map_err(|e| format!("`{key}`: {e}"))
    }

    /// `value` with at most `max_fraction_digits` decimals, in this language's separators.
    pub fn number(&self, value: f64, max_fraction_digits: usize) -> String {
        number::format(
            value,
            max_fraction_digits,
            &self.decimal_separator(),
            &self.meta("thousands_separator", ","),
        )
    }

    /// The language's decimal separator (`meta.decimal_separator`: `.`, or `,` in `de`, `es`,
    /// `fr`, `nb`, `nl`), the one source for every number the build writes or reads back.
    pub fn decimal_separator(&self) -> String {
        self.meta("decimal_separator", ".")
    }

    /// Whether the language writes a decimal comma (`7,5`): typed answers are read that way,
    /// and the CSV files separate fields with `;`.
    pub fn decimal_comma(&self) -> bool {
        self.decimal_separator() == ","
    }

    /// The CLDR plural category of `count` in this language.
    pub fn plural_category(&self, count: f64) -> &'static str {
        self.plurals.category(count)
    }

    fn meta(&self, name: &str, default: &str) -> String {
        match self.strings.get(&format!("meta.{name}")) {
            Some(Value::Text(s)) => s.clone(),
            _ => default.to_string(),
        }
    }

    /// The keys shown in English because this language has no translation for them.
    pub fn missing(&self) -> &[String] {
        &self.missing
    }

    /// The problems found in the catalogues that do not stop the build (a translation that
    /// leaves out a placeholder), and, when keys are untranslated, one warning naming them:
    /// the first few, or all with `all` (`handbook check`).
    pub fn warnings(&self, all: bool) -> Vec<Diagnostic> {
        let mut out = self.warnings.clone();
        if self.missing.is_empty() {
            return out;
        }
        let n = self.missing.len();
        let shown = if all { n } else { n.min(MISSING_NAMED) };
        let mut names: Vec<String> = self.missing[..shown]
            .iter()
            .map(|k| format!("`{k}`"))
            .collect();
        if shown < n {
            names.push(format!("and {} more", n - shown));
        }
        let lang = &self.language;
        let what = if n == 1 {
            "interface string is"
        } else {
            "interface strings are"
        };
        // The handbook's own file when it has one; else no file: the shipped catalogue (or
        // none, for a language handbook does not ship) is not something the author can open.
        let own = Path::new(OVERRIDE_DIR).join(format!("{}.toml", primary_subtag(lang)));
        let (path, add) = match self.read.first() {
            Some(p) => (p.clone(), format!("add them to {}", p.display())),
            None => (
                PathBuf::new(),
                format!(
                    "translate them in {} (create it: the same sections and keys as themes/default/i18n/en.toml in handbook's source)",
                    own.display()
                ),
            ),
        };
        let hint = if all {
            format!("{add}, or leave them in English")
        } else {
            format!("{add}; `handbook check` lists them all")
        };
        out.push(
            Diagnostic::warning(
                path,
                0,
                format!(
                    "{n} {what} untranslated in the `{lang}` catalogue and shown in English: {}",
                    names.join(", ")
                ),
            )
            .with_hint(hint),
        );
        out
    }

    /// `i18n.js`: `window.HANDBOOK_I18N` = the language, its direction, its separators and
    /// every string (plurals as tables of forms), for `shared/i18n.js` to read.
    pub fn script(&self) -> String {
        let strings: serde_json::Map<String, serde_json::Value> = self
            .strings
            .iter()
            .map(|(k, v)| {
                let json = match v {
                    Value::Text(s) => serde_json::Value::String(s.clone()),
                    Value::Plural(forms) => serde_json::Value::Object(
                        forms
                            .iter()
                            .map(|(c, s)| (c.clone(), serde_json::Value::String(s.clone())))
                            .collect(),
                    ),
                };
                (k.clone(), json)
            })
            .collect();
        let data = serde_json::json!({
            "lang": self.language,
            "dir": crate::config::direction::text_direction(&self.language),
            "decimal": self.decimal_separator(),
            "thousands": self.meta("thousands_separator", ","),
            "strings": strings,
        });
        format!(
            "/* Interface strings ({}), generated by handbook from its catalogues. */\nwindow.HANDBOOK_I18N = {};\n",
            self.language,
            crate::js::script_json(&data, "{}")
        )
    }
}

#[cfg(test)]
mod tests;
