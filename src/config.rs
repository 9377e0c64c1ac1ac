//! `handbook.toml`: the handbook's settings, parsed strictly (unknown keys are errors that name
//! the key and its line).

pub mod direction;
pub mod srs;

use crate::error::{Diagnostic, line_col};
use serde::{Deserialize, Serialize};
use std::path::Path;

/// The name of the configuration file at the handbook root.
pub const CONFIG_FILE: &str = "handbook.toml";

/// All settings of a handbook. Every field has a default, so a folder without
/// `handbook.toml` still builds.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// The handbook's stable identifier (letters, digits, `-`, `_`, `.`): learners' progress
    /// is stored under it and progress files name it. Never change it once learners have
    /// started. Empty: derived from the title (see [`Config::handbook_id`]).
    pub id: String,
    /// The handbook's title (defaults to the folder name).
    pub title: String,
    /// One sentence about the handbook, used in page metadata.
    pub description: String,
    /// The content language as a BCP 47 tag (`en`, `nl`, `en-GB`).
    pub language: String,
    /// Authors credited in the footer.
    pub authors: Vec<String>,
    /// The output folder, relative to the handbook root.
    pub output: String,
    /// Where the site is published (`https://intranet.example.org/handbook/`), optional. The
    /// site never needs it (all links are relative); when set, the 404 page works at any depth
    /// (`<base>`), pages name their canonical address and `sitemap.xml` is written.
    pub base_url: String,
    /// The theme: `default`, or a folder name under `themes/`.
    pub theme: String,
    /// Agency branding shown in the header.
    pub branding: Branding,
    /// What to do with broken internal links.
    pub links: LinkPolicy,
    /// Item sets of the `srs` practice form (see [`srs`]).
    pub srs: srs::SrsConfig,
    /// Full-text search (`[search]`).
    pub search: SearchConfig,
    /// What authors may write in raw HTML (`[content]`).
    pub content: ContentConfig,
    /// Learning paths: ordered sequences of assignment pages (`[[learning_path]]`).
    pub learning_path: Vec<LearningPathConfig>,
    /// How progress is recorded in the learner's browser (`[progress]`).
    pub progress: ProgressConfig,
    /// SCORM packages for learning management systems (`[scorm]`, `handbook export scorm`).
    pub scorm: ScormConfig,
}

/// The `[scorm]` table: defaults of `handbook export scorm`.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct ScormConfig {
    /// The SCORM version made when `--version` is not given.
    pub version: ScormVersion,
    /// When the LMS records the course as complete.
    pub completion: ScormCompletion,
    /// The percentage of graded questions answered correctly that passes; `None`: completion only.
    pub mastery: Option<u32>,
}

/// A SCORM version (`"1.2"` or `"2004"`, the 4th edition).
#[derive(Debug, Clone, Copy, Default, Deserialize, Serialize, PartialEq, Eq)]
pub enum ScormVersion {
    /// SCORM 1.2: every LMS imports it.
    #[default]
    #[serde(rename = "1.2")]
    V12,
    /// SCORM 2004 4th edition.
    #[serde(rename = "2004")]
    V2004,
}

/// The `[scorm] completion` rule.
#[derive(Debug, Clone, Copy, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum ScormCompletion {
    /// Every page of the package read.
    Pages,
    /// Every graded question of the package answered.
    #[default]
    Exercises,
    /// Every assignment of the package complete.
    Assignments,
}

/// One `[[learning_path]]`: an ordered sequence of assignments, shown on the home page and
/// in the sidebar with the learner's progress.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct LearningPathConfig {
    /// The path's name ("Four-week onboarding").
    pub title: String,
    /// One sentence about it.
    pub description: String,
    /// The assignment pages in order, as paths under content/ (`assignments/week-1.md`).
    pub assignments: Vec<String>,
    /// The file line of the `[[learning_path]]` header (filled in by [`Config::parse`]).
    #[serde(skip)]
    pub line: usize,
    /// The file line of `title`, or of the header when there is none.
    #[serde(skip)]
    pub title_line: usize,
    /// The file line of each entry of `assignments`, in order.
    #[serde(skip)]
    pub lines: Vec<usize>,
}

impl LearningPathConfig {
    /// Finds the file lines of this path's header, title and entries in `text` (the whole
    /// `handbook.toml`); `header` is the line of its `[[learning_path]]`. Each entry is looked
    /// for after the previous one's line, or on that same line (a one-line list).
    fn locate(&mut self, text: &str, header: usize) {
        self.line = header;
        self.title_line = if self.title.trim().is_empty() {
            header
        } else {
            value_line(text, &self.title, header).unwrap_or(header)
        };
        let mut last = header;
        self.lines = self
            .assignments
            .iter()
            .map(|dest| {
                last = value_line(text, dest, last + 1)
                    .or_else(|| value_line(text, dest, last))
                    .unwrap_or(header);
                last
            })
            .collect();
    }
}

/// The `[progress]` table.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct ProgressConfig {
    /// A page counts as read once it has been open (and visible) this many seconds and
    /// scrolled to its end; a section, once its end was on screen after as long.
    pub read_after_seconds: u32,
}

impl Default for ProgressConfig {
    fn default() -> Self {
        ProgressConfig {
            read_after_seconds: 30,
        }
    }
}

/// The `[search]` table.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct SearchConfig {
    /// Build the index and show the search button (default true).
    pub enabled: bool,
    /// Pages left out of the index: globs (`*`, `**`) or path prefixes, matched against the
    /// output path (`validation/tips.html`) and the source path under content/.
    pub exclude: Vec<String>,
}

impl Default for SearchConfig {
    fn default() -> Self {
        SearchConfig {
            enabled: true,
            exclude: Vec::new(),
        }
    }
}

/// Agency branding.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct Branding {
    /// The agency's name, shown beside the title and in the footer.
    pub agency: String,
    /// A logo image, relative to the handbook root (copied into the site).
    pub logo: String,
    /// An accent colour as `#rgb` or `#rrggbb`: the theme's primary colour (links, buttons,
    /// focus ring, current page, progress bars), shaded where it lacks contrast
    /// (see `branding`).
    pub accent: String,
    /// A favicon (`.svg`, `.png` or `.ico`), relative to the handbook root; the theme's own
    /// when empty.
    pub favicon: String,
}

/// How broken internal links are treated.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct LinkPolicy {
    /// `error` (the default) fails the build; `warn` prints a warning.
    pub broken: Severity,
}

impl Default for LinkPolicy {
    fn default() -> Self {
        LinkPolicy {
            broken: Severity::Error,
        }
    }
}

/// `[content]`: what raw HTML in Markdown and in exercise/srs text may contain.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct ContentConfig {
    /// `error` (the default): `<script>`, `on...=` event-handler attributes and `javascript:`
    /// URLs in raw HTML are errors. `allow`: they are kept (the pages' Content-Security-Policy
    /// still blocks inline script in the browser).
    pub unsafe_html: UnsafeHtml,
}

/// The `[content] unsafe_html` switch.
#[derive(Debug, Clone, Copy, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum UnsafeHtml {
    /// Script in raw HTML is an error at its `file:line:column`.
    #[default]
    Error,
    /// Script in raw HTML is kept as written.
    Allow,
}

/// Error or warning, as a configuration value.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Fail the build.
    Error,
    /// Print a warning and go on.
    Warn,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            id: String::new(),
            title: String::new(),
            description: String::new(),
            language: "en".into(),
            authors: Vec::new(),
            output: "public".into(),
            base_url: String::new(),
            theme: "default".into(),
            branding: Branding::default(),
            links: LinkPolicy::default(),
            srs: Default::default(),
            search: SearchConfig::default(),
            content: ContentConfig::default(),
            learning_path: Vec::new(),
            progress: ProgressConfig::default(),
            scorm: ScormConfig::default(),
        }
    }
}

impl Config {
    /// Parses `text` (the contents of `path`), then checks the values.
    pub fn parse(text: &str, path: &Path) -> Result<Config, Vec<Diagnostic>> {
        let mut config: Config = toml::from_str(text).map_err(|e| {
            let offset = e.span().map_or(0, |s| s.start);
            // Curly quotes, an unquoted value, a word where a number goes: in plain words.
            if let Some(p) = crate::error::plain::toml_problem(text, e.message(), offset) {
                let (line, column) = line_col(text, p.offset);
                return vec![
                    Diagnostic::error(path, line, p.message)
                        .with_column(column)
                        .with_hint(p.hint),
                ];
            }
            let (line, column) = e.span().map_or((0, 0), |s| line_col(text, s.start));
            let message = e.message().trim().to_string();
            let hint = if message.contains("unknown field") {
                "remove the key or correct its spelling; the README lists every setting"
            } else {
                "check the TOML syntax: strings in quotes, one `key = value` per line"
            };
            vec![
                Diagnostic::error(path, line, message)
                    .with_column(column)
                    .with_hint(hint),
            ]
        })?;
        config.validate(text, path)?;
        let headers = text
            .lines()
            .enumerate()
            .filter(|(_, l)| l.trim_start().starts_with("[[learning_path]]"))
            .map(|(i, _)| i + 1);
        for (lp, header) in config.learning_path.iter_mut().zip(headers) {
            lp.locate(text, header);
        }
        let base = config.base_url.trim();
        config.base_url = if base.is_empty() || base.ends_with('/') {
            base.to_string()
        } else {
            format!("{base}/")
        };
        if config.language.trim().is_empty() {
            config.language = "en".into();
        }
        Ok(config)
    }

    /// Reads `handbook.toml` at `root`: its settings (the defaults when there is none) and its
    /// text. Only what the file says: the layout of the root (an mdBook book, an MkDocs site)
    /// and the defaults that come from it, such as the title, are `content::layout`'s.
    pub fn read(root: &Path) -> Result<(Config, Option<String>), Vec<Diagnostic>> {
        let path = root.join(CONFIG_FILE);
        if !path.is_file() {
            return Ok((Config::default(), None));
        }
        let bytes = std::fs::read(&path).map_err(|e| {
            vec![Diagnostic::error(
                CONFIG_FILE,
                0,
                format!("cannot read: {e}"),
            )]
        })?;
        let text = String::from_utf8(bytes).map_err(|_| {
            vec![
                Diagnostic::error(CONFIG_FILE, 0, "the file is not valid UTF-8")
                    .with_hint("save it as UTF-8 in your editor"),
            ]
        })?;
        let config = Config::parse(&text, Path::new(CONFIG_FILE))?;
        Ok((config, Some(text)))
    }

    /// The handbook's id: `id` when set, else [`derive_id`] of the title.
    pub fn handbook_id(&self) -> String {
        let id = self.id.trim();
        if id.is_empty() {
            derive_id(&self.title)
        } else {
            id.to_string()
        }
    }

    /// Whether the id is derived from the title (no `id` in `handbook.toml`).
    pub fn id_is_derived(&self) -> bool {
        self.id.trim().is_empty()
    }

    fn validate(&self, text: &str, path: &Path) -> Result<(), Vec<Diagnostic>> {
        let mut errors = Vec::new();
        if let Err(why) = check_id(&self.id) {
            errors.push(
                Diagnostic::error(path, key_line(text, "id"), format!("id `{}` {why}", self.id))
                    .with_hint("use letters, digits, `-`, `_` and `.` only, e.g. \"alliance-handbook-2026\"; never change it once learners have started"),
            );
        }
        let language = self.language.trim();
        if !language.is_empty() && !is_language_tag(&self.language) {
            errors.push(
                Diagnostic::error(
                    path,
                    key_line(text, "language"),
                    format!(
                        "language `{}` is not a language tag",
                        self.language.escape_debug().take(40).collect::<String>()
                    ),
                )
                .with_hint("write a BCP 47 tag: a language (\"es\") and, if you like, a region or script (\"es-MX\", \"zh-Hant\")"),
            );
        }
        let accent = self.branding.accent.trim();
        if !accent.is_empty() && !is_hex_colour(accent) {
            errors.push(
                Diagnostic::error(
                    path,
                    key_line(text, "accent"),
                    format!("accent colour `{accent}` is not a hex colour"),
                )
                .with_hint("write it as \"#1a6b5a\" or \"#16a\""),
            );
        }
        let base = self.base_url.trim();
        if !base.is_empty()
            && !((base.starts_with("https://") || base.starts_with("http://"))
                && base.len() > base.find("//").unwrap_or(0) + 2
                && !base.contains(['?', '#', ' ', '"', '<', '>']))
        {
            errors.push(
                Diagnostic::error(
                    path,
                    key_line(text, "base_url"),
                    format!("base_url `{base}` is not an http(s) address"),
                )
                .with_hint("write the published address of the site, e.g. \"https://intranet.example.org/handbook/\", or remove the key"),
            );
        }
        if self.output.trim().is_empty() {
            errors.push(
                Diagnostic::error(path, key_line(text, "output"), "output folder is empty")
                    .with_hint("remove the key to use `public`, or name a folder"),
            );
        }
        if self.theme.trim().is_empty()
            || self.theme.contains(['/', '\\'])
            || self.theme.starts_with('.')
        {
            errors.push(
                Diagnostic::error(
                    path,
                    key_line(text, "theme"),
                    format!("theme `{}` is not a folder name", self.theme),
                )
                .with_hint("use `default` or the name of a folder under themes/"),
            );
        }
        self.srs.validate(text, path, &mut errors);
        if let Some(m) = self.scorm.mastery.filter(|m| *m > 100) {
            errors.push(
                Diagnostic::error(
                    path,
                    key_line(text, "mastery"),
                    format!("[scorm] mastery {m} is more than 100 percent"),
                )
                .with_hint("give the percentage of graded questions right that passes (0 to 100), or remove the key for completion only"),
            );
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

/// The longest `id` accepted.
pub const MAX_ID_LEN: usize = 100;

/// Checks an explicit `id` (empty means "not set" and is fine); the error says what is wrong.
pub fn check_id(id: &str) -> Result<(), String> {
    if id.is_empty() {
        return Ok(());
    }
    if id.len() > MAX_ID_LEN {
        return Err(format!("is longer than {MAX_ID_LEN} characters"));
    }
    if let Some(c) = id
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')))
    {
        return Err(format!("contains {c:?}, which an id may not"));
    }
    Ok(())
}

/// The id of a handbook without `id`: the title lower-cased, with runs of anything but ASCII
/// letters and digits turned into single hyphens (the storage name older versions used, so
/// such handbooks keep their learners' progress). A title without ASCII letters or digits
/// gives `handbook-` and a hash of the title.
pub fn derive_id(title: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in title.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c);
        } else {
            dash = true;
        }
    }
    if out.is_empty() {
        // FNV-1a: stable across builds and versions (unlike std's hasher).
        let hash = crate::hash::fnv1a(title.as_bytes());
        return format!("handbook-{:08x}", hash as u32);
    }
    out.truncate(MAX_ID_LEN);
    out.trim_end_matches('-').to_string()
}

/// Whether `s` is `#rgb` or `#rrggbb`.
pub fn is_hex_colour(s: &str) -> bool {
    let Some(hex) = s.strip_prefix('#') else {
        return false;
    };
    (hex.len() == 3 || hex.len() == 6) && hex.chars().all(|c| c.is_ascii_hexdigit())
}

/// The primary subtag of a BCP 47 tag, lower-cased, `_` read as `-` and spaces around ignored
/// (`es-MX`, `ES_mx` and ` es ` -> `es`): what picks a language's catalogue, stemmer, starter
/// and direction.
pub fn primary_subtag(tag: &str) -> String {
    tag.trim()
        .split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
}

/// Whether `tag` is a well-formed BCP 47 language tag as far as the build relies on it: a
/// primary subtag of 2 to 8 letters, then subtags of 1 to 8 letters or digits after `-` (or
/// `_`), at most 35 characters in all.
pub fn is_language_tag(tag: &str) -> bool {
    let mut subtags = tag.split(['-', '_']);
    let primary = subtags.next().unwrap_or_default();
    tag.len() <= 35
        && (2..=8).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_alphabetic())
        && subtags
            .all(|s| (1..=8).contains(&s.len()) && s.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// The 1-based line on which `key = ...` first appears in `text`, or 0.
pub fn key_line(text: &str, key: &str) -> usize {
    text.lines()
        .position(|l| {
            let l = l.trim_start();
            l.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .map_or(0, |i| i + 1)
}

/// The first line of `text` at or after line `after` (1-based) that holds the quoted string
/// `value`.
pub fn value_line(text: &str, value: &str, after: usize) -> Option<usize> {
    let quoted = [format!("\"{value}\""), format!("'{value}'")];
    text.lines()
        .enumerate()
        .skip(after.saturating_sub(1))
        .find(|(_, l)| quoted.iter().any(|q| l.contains(q.as_str())))
        .map(|(i, _)| i + 1)
}

/// The line of `key` in `root/handbook.toml`, or 0 when the file or key is missing.
pub fn key_line_in_file(root: &Path, key: &str) -> usize {
    std::fs::read_to_string(root.join(CONFIG_FILE))
        .map(|t| key_line(&t, key))
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_primary_subtag_of_a_tag() {
        for (tag, primary) in [
            ("es-MX", "es"),
            ("NB_no", "nb"),
            (" fr ", "fr"),
            ("zh-Hant-TW", "zh"),
            ("en", "en"),
            ("", ""),
        ] {
            assert_eq!(primary_subtag(tag), primary, "{tag:?}");
        }
    }

    #[test]
    fn language_must_be_a_tag() {
        for good in ["en", "es-MX", "zh-Hant", "es_MX", "nb-NO", "sr-Latn-RS"] {
            assert!(is_language_tag(good), "{good}");
        }
        for bad in [
            "../../etc",
            "es\n",
            "e",
            "es-",
            "es--MX",
            "<x>",
            &"a".repeat(40),
        ] {
            assert!(!is_language_tag(bad), "{bad:?}");
        }
        let errors = Config::parse(
            "title = \"T\"\nlanguage = \"../../etc\"\n",
            Path::new("handbook.toml"),
        )
        .unwrap_err();
        assert_eq!(errors[0].line, 2);
        assert!(
            errors[0].message.contains("not a language tag"),
            "{}",
            errors[0].message
        );
    }

    #[test]
    fn id_is_checked_and_named_on_its_line() {
        let text = "title = \"A\"\nid = \"my handbook\"\n";
        let errs = Config::parse(text, Path::new("handbook.toml")).unwrap_err();
        assert_eq!(errs[0].line, 2);
        assert!(
            errs[0].message.contains("id `my handbook` contains ' '"),
            "{}",
            errs[0].message
        );
        for good in ["alliance-2026", "A.b_c-1", "x"] {
            let c = Config::parse(&format!("id = \"{good}\"\n"), Path::new("h")).unwrap();
            assert_eq!(c.handbook_id(), good);
            assert!(!c.id_is_derived());
        }
        assert!(check_id(&"a".repeat(101)).is_err());
        assert!(check_id("caf\u{e9}").is_err());
        assert!(check_id("a/b").is_err());
    }

    #[test]
    fn id_is_derived_from_the_title_without_one() {
        let c = Config::parse("title = \"Reliance on the Alliance!\"\n", Path::new("h")).unwrap();
        assert!(c.id_is_derived());
        assert_eq!(c.handbook_id(), "reliance-on-the-alliance");
        assert_eq!(derive_id("  Week 1: Bond & Goals  "), "week-1-bond-goals");
        let greek = derive_id("Θεραπευτική συμμαχία");
        assert!(
            greek.starts_with("handbook-") && greek.len() == 17,
            "{greek}"
        );
        assert_ne!(greek, derive_id("Другое"));
        assert!(check_id(&greek).is_ok());
    }

    use super::*;

    #[test]
    fn unknown_key_names_key_and_line() {
        let text = "title = \"A\"\n\ncolour = \"red\"\n";
        let err = Config::parse(text, Path::new("handbook.toml")).unwrap_err();
        assert_eq!(err[0].line, 3);
        assert!(err[0].message.contains("colour"), "{}", err[0].message);
    }

    #[test]
    fn base_url_is_checked_and_ends_with_a_slash() {
        let c = Config::parse(
            "base_url = \"https://example.org/hb\"\n",
            Path::new("handbook.toml"),
        )
        .unwrap();
        assert_eq!(c.base_url, "https://example.org/hb/");
        let err = Config::parse(
            "title = \"A\"\nbase_url = \"example.org\"\n",
            Path::new("handbook.toml"),
        )
        .unwrap_err();
        assert_eq!(err[0].line, 2);
        assert!(err[0].message.contains("not an http(s) address"));
    }

    #[test]
    fn unknown_nested_key_is_an_error() {
        let text = "[branding]\nagency = \"X\"\nlogo_alt = \"y\"\n";
        let err = Config::parse(text, Path::new("handbook.toml")).unwrap_err();
        assert_eq!(err[0].line, 3);
    }

    #[test]
    fn defaults_and_link_policy() {
        let c = Config::parse("[links]\nbroken = \"warn\"\n", Path::new("h.toml")).unwrap();
        assert_eq!(c.links.broken, Severity::Warn);
        assert_eq!(c.output, "public");
        assert_eq!(c.language, "en");
    }

    #[test]
    fn scorm_table_is_strict() {
        let c = Config::parse(
            "[scorm]\nversion = \"2004\"\ncompletion = \"pages\"\nmastery = 80\n",
            Path::new("handbook.toml"),
        )
        .unwrap();
        assert_eq!(c.scorm.version, ScormVersion::V2004);
        assert_eq!(c.scorm.completion, ScormCompletion::Pages);
        assert_eq!(c.scorm.mastery, Some(80));
        let d = Config::parse("", Path::new("h")).unwrap();
        assert_eq!(d.scorm.version, ScormVersion::V12);
        assert_eq!(d.scorm.completion, ScormCompletion::Exercises);
        assert_eq!(d.scorm.mastery, None);
        let err = Config::parse("[scorm]\nmastry = 80\n", Path::new("handbook.toml")).unwrap_err();
        assert_eq!(err[0].line, 2);
        let err =
            Config::parse("[scorm]\nversion = \"3\"\n", Path::new("handbook.toml")).unwrap_err();
        assert_eq!(err[0].line, 2);
        let err = Config::parse(
            "title = \"x\"\n[scorm]\nmastery = 120\n",
            Path::new("handbook.toml"),
        )
        .unwrap_err();
        assert_eq!(err[0].line, 3);
        assert!(
            err[0].message.contains("more than 100"),
            "{}",
            err[0].message
        );
    }

    #[test]
    fn bad_accent_is_reported_on_its_line() {
        let text = "[branding]\naccent = \"teal\"\n";
        let err = Config::parse(text, Path::new("handbook.toml")).unwrap_err();
        assert_eq!(err[0].line, 2);
        assert!(is_hex_colour("#1a6b5a") && is_hex_colour("#abc") && !is_hex_colour("#abcd"));
    }
}
