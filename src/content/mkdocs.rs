//! MkDocs, Material for MkDocs and Zensical sites: `mkdocs.yml` (or `mkdocs.yaml`,
//! `zensical.yml`, `zensical.toml`) read for what the handbook needs (`docs_dir`, `site_name`,
//! `site_description`, `site_author`, `theme.language`, `nav`, `not_in_nav`), everything else
//! left alone. The reading order of such a site is its `nav` (see `content/mkdocs_nav.rs`).

use super::mkdocs_inherit::{self, Layer};
use crate::config::Config;
use crate::error::{Diagnostic, line_col};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// The configuration files of an MkDocs-style site, in order of preference.
pub const FILES: [&str; 4] = ["mkdocs.yml", "mkdocs.yaml", "zensical.toml", "zensical.yml"];

/// What the handbook reads from an MkDocs-style configuration.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Site {
    /// The configuration file's name (`mkdocs.yml`), relative to the root.
    pub file: PathBuf,
    /// The folder of the pages, relative to the root (`docs`).
    pub docs_dir: String,
    /// `site_name`.
    pub name: String,
    /// `site_description`.
    pub description: String,
    /// `site_author`.
    pub author: String,
    /// `theme.language`.
    pub language: String,
    /// `nav`, when the site has one (else the folder tree gives the order).
    pub nav: Option<Vec<NavItem>>,
    /// The line of `nav`.
    pub nav_line: usize,
    /// The file that gives `nav` (the site's own, or one it inherits from).
    pub nav_file: PathBuf,
    /// The file and line that give `docs_dir` (line 0 when it is the default).
    pub docs_dir_at: (PathBuf, usize),
    /// `not_in_nav`: patterns of files left out of the nav on purpose (no warning for them).
    pub not_in_nav: Vec<String>,
    /// Settings read but not used, worth one warning each.
    pub warnings: Vec<Diagnostic>,
}

/// One entry of `nav`.
#[derive(Debug, Clone, PartialEq)]
pub enum NavItem {
    /// A page: `- path.md` or `- Title: path.md`.
    Page {
        /// The title given in the nav, if any.
        title: Option<String>,
        /// The path relative to `docs_dir`, as written.
        path: String,
        /// The line in the configuration file.
        line: usize,
    },
    /// A section: `- Title: [entries]`.
    Section {
        /// The section's title.
        title: String,
        /// Its entries.
        children: Vec<NavItem>,
        /// The line in the configuration file.
        line: usize,
    },
    /// A link to another site (`- Title: https://...`): not a page.
    Link {
        /// The title.
        title: String,
        /// The address.
        url: String,
        /// The line in the configuration file.
        line: usize,
    },
}

/// The MkDocs-style configuration file at `root`, if there is one.
pub fn find(root: &Path) -> Option<&'static str> {
    FILES.into_iter().find(|f| root.join(f).is_file())
}

/// The MkDocs site at `root`, when it holds an MkDocs-style configuration, its settings
/// merged into `config`; `None` when there is none, or when a `handbook.toml` sits beside a
/// `content/` folder (then the handbook's own layout is meant and the MkDocs file belongs to
/// something else). `handbook_toml` is the text of `handbook.toml`, when there is one: what
/// it says wins over the MkDocs file.
pub fn detect(
    root: &Path,
    config: &mut Config,
    handbook_toml: Option<&str>,
) -> Result<Option<Site>, Vec<Diagnostic>> {
    let Some(file) = find(root) else {
        return Ok(None);
    };
    if handbook_toml.is_some() && root.join("content").is_dir() {
        return Ok(None);
    }
    let site = read(root, file)?;
    merge_into(config, &site, handbook_toml);
    Ok(Some(site))
}

/// Reads the site configuration `file` (a name from [`FILES`]) at `root`, with the files it
/// inherits from (`INHERIT`, see [`super::mkdocs_inherit`]).
pub fn read(root: &Path, file: &str) -> Result<Site, Vec<Diagnostic>> {
    let display = PathBuf::from(file);
    let bytes = std::fs::read(root.join(file))
        .map_err(|e| vec![Diagnostic::error(&display, 0, format!("cannot read: {e}"))])?;
    let text = String::from_utf8(bytes).map_err(|_| {
        vec![
            Diagnostic::error(&display, 0, "the file is not valid UTF-8")
                .with_hint("save it as UTF-8 in your editor"),
        ]
    })?;
    let site = parse_in(Some(root), &text, &display)?;
    if !root.join(&site.docs_dir).is_dir() {
        return Err(vec![
            Diagnostic::error(
                &site.docs_dir_at.0,
                site.docs_dir_at.1,
                format!("the pages folder `{}/` does not exist", site.docs_dir),
            )
            .with_hint("create it and put the Markdown pages there, or set `docs_dir` to the folder that holds them"),
        ]);
    }
    Ok(site)
}

/// Parses the text of an MkDocs-style configuration (`path` names it; `.toml` is Zensical's
/// TOML form, with the settings under `[project]`), without following `INHERIT`.
pub fn parse(text: &str, path: &Path) -> Result<Site, Vec<Diagnostic>> {
    parse_in(None, text, path)
}

/// [`parse`], following `INHERIT` inside `root` when there is one.
fn parse_in(root: Option<&Path>, text: &str, path: &Path) -> Result<Site, Vec<Diagnostic>> {
    // A byte-order mark, as Windows editors write one (PyYAML and MkDocs accept it).
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = Layer::new(path, text, document(text, path)?);
    let layers = match root {
        Some(root) => mkdocs_inherit::chain(root, first, document)?,
        None => vec![first],
    };
    let root = mkdocs_inherit::merged(&layers);
    // Where a top-level key is written: its file's text and name.
    let at = |key: &str| {
        let l = mkdocs_inherit::origin(&layers, key);
        (l.text.as_str(), l.path.as_path())
    };
    let mut errors: Vec<Diagnostic> = Vec::new();
    let mut text_of = |key: &str| match root.get(key) {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.trim().to_string(),
        Some(_) => {
            let (text, path) = at(key);
            errors.push(
                Diagnostic::error(
                    path,
                    key_line(text, key, 0),
                    format!("`{key}` must be text"),
                )
                .with_hint(format!("write it as `{key}: some text`")),
            );
            String::new()
        }
    };
    let (docs_text, docs_path) = at("docs_dir");
    let mut site = Site {
        file: path.to_path_buf(),
        docs_dir: text_of("docs_dir"),
        docs_dir_at: (docs_path.to_path_buf(), key_line(docs_text, "docs_dir", 0)),
        name: text_of("site_name"),
        description: text_of("site_description"),
        author: text_of("site_author"),
        ..Site::default()
    };
    check_docs_dir(&mut site, &mut errors);
    if let Some(Value::String(lang)) = root.get("theme").and_then(|t| t.get("language")) {
        site.language = lang.trim().to_string();
    }
    if let Some(Value::Array(patterns)) = root.get("not_in_nav") {
        site.not_in_nav = patterns
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_string)
            .collect();
    } else if let Some(Value::String(patterns)) = root.get("not_in_nav") {
        site.not_in_nav = patterns.lines().map(str::to_string).collect();
    }
    let (nav_text, nav_path) = at("nav");
    site.nav_file = nav_path.to_path_buf();
    match root.get("nav") {
        None | Some(Value::Null) => {}
        Some(Value::Array(items)) => {
            site.nav_line = key_line(nav_text, "nav", 0);
            let mut cursor = site.nav_line;
            let nav = items
                .iter()
                .filter_map(|item| {
                    nav_item(item, nav_text, nav_path, &mut cursor, &mut site.warnings)
                })
                .collect();
            site.nav = Some(nav);
        }
        Some(_) => errors.push(
            Diagnostic::error(
                nav_path,
                key_line(nav_text, "nav", 0),
                "`nav` must be a list",
            )
            .with_hint("write each entry on its own line: `- Title: page.md`"),
        ),
    }
    ignored_settings(&root, &layers, &mut site.warnings);
    if errors.is_empty() {
        Ok(site)
    } else {
        Err(errors)
    }
}

/// `docs_dir` defaulted to `docs`, and an error where it is the site's folder or outside it.
fn check_docs_dir(site: &mut Site, errors: &mut Vec<Diagnostic>) {
    if site.docs_dir.is_empty() {
        site.docs_dir = "docs".into();
    }
    site.docs_dir = site.docs_dir.trim_end_matches('/').to_string();
    let (path, line) = &site.docs_dir_at;
    if Path::new(&site.docs_dir).components().all(|c| {
        matches!(
            c,
            std::path::Component::CurDir | std::path::Component::RootDir
        )
    }) {
        // (MkDocs refuses this too: the site's folder holds its output and settings.)
        errors.push(
            Diagnostic::error(
                path,
                *line,
                format!("docs_dir `{}` is the site's folder itself", site.docs_dir),
            )
            .with_hint("put the pages in a folder of their own, such as `docs`"),
        );
    }
    if Path::new(&site.docs_dir).is_absolute()
        || Path::new(&site.docs_dir)
            .components()
            .any(|c| matches!(c, std::path::Component::ParentDir))
    {
        errors.push(
            Diagnostic::error(path, *line, format!("docs_dir `{}` is outside the site's folder", site.docs_dir))
                .with_hint("the handbook reads only inside its folder: move the pages in, or build from the folder that holds them"),
        );
    }
}

/// The settings of the file as JSON: YAML with its tags (`!!python/name:...`, `!ENV`,
/// `!relative`) dropped and their values kept, or Zensical's TOML (its `[project]` table).
fn document(text: &str, path: &Path) -> Result<Value, Vec<Diagnostic>> {
    if path.extension().is_some_and(|e| e == "toml") {
        let table: toml::Table = toml::from_str(text).map_err(|e| {
            let (line, column) = e.span().map_or((0, 0), |s| line_col(text, s.start));
            vec![
                Diagnostic::error(path, line, e.message().trim().to_string())
                    .with_column(column)
                    .with_hint(
                        "check the TOML syntax: strings in quotes, one `key = value` per line",
                    ),
            ]
        })?;
        let json = super::frontmatter::toml_to_json(&toml::Value::Table(table));
        return Ok(json.get("project").cloned().unwrap_or(json));
    }
    let yaml: serde_norway::Value = serde_norway::from_str(text).map_err(|e| {
        let (line, column) = e.location().map_or((0, 0), |l| (l.line(), l.column()));
        let message = e.to_string();
        // A tab, a colon in a value, curly quotes: in plain words where they can be told.
        if let Some(p) = crate::error::plain::yaml_problem(text, &message, (line, column)) {
            let (line, column) = line_col(text, p.offset);
            return vec![
                Diagnostic::error(path, line, p.message)
                    .with_column(column)
                    .with_hint(p.hint),
            ];
        }
        if let Some(line) = second_document(text).filter(|_| message.contains("more than one document")) {
            return vec![
                Diagnostic::error(path, line, "a second YAML document starts here: the settings must be one document")
                    .with_hint("remove this `---` line (and join or delete what follows it); a `---` may only open the file"),
            ];
        }
        let message = message.split(" at line ").next().unwrap_or(&message);
        vec![
            Diagnostic::error(path, line, message.to_string())
                .with_column(column)
                .with_hint(
                    "check the YAML syntax: `key: value`, two spaces per level of indentation, no tabs",
                ),
        ]
    })?;
    Ok(super::frontmatter::yaml_to_json(&yaml))
}

/// The line of the `---` that starts a second YAML document in `text`, if any: a `---` line
/// after content (one before any content only opens the first document).
fn second_document(text: &str) -> Option<usize> {
    let mut content = false;
    for (i, line) in text.lines().enumerate() {
        let marker = line == "---" || line.starts_with("--- ") || line.starts_with("---\t");
        if marker && content {
            return Some(i + 1);
        }
        let blank = line.trim().is_empty() || line.trim_start().starts_with('#');
        content |= !blank || line == "..." || marker;
    }
    None
}

/// One warning naming the plugins and extra assets the handbook does not run.
fn ignored_settings(root: &Value, layers: &[Layer], warnings: &mut Vec<Diagnostic>) {
    let mut ignored = Vec::new();
    // The first key named, for the warning's file and line.
    let mut first: Option<&str> = None;
    if let Some(plugins) = root.get("plugins") {
        let names: Vec<String> = match plugins {
            Value::Array(items) => items
                .iter()
                .filter_map(|p| match p {
                    Value::String(s) => Some(s.clone()),
                    Value::Object(o) => o.keys().next().cloned(),
                    _ => None,
                })
                .collect(),
            Value::Object(o) => o.keys().cloned().collect(),
            _ => Vec::new(),
        };
        // The handbook has its own search; `tags` and `offline` change nothing it needs.
        let names: Vec<String> = names
            .into_iter()
            .filter(|n| !matches!(n.as_str(), "search" | "offline"))
            .map(|n| format!("`{n}`"))
            .collect();
        if !names.is_empty() {
            first = Some("plugins");
            ignored.push(format!("plugins {}", names.join(", ")));
        }
    }
    for key in ["extra_css", "extra_javascript", "hooks"] {
        if root.get(key).is_some_and(|v| !v.is_null()) {
            first = first.or(Some(key));
            ignored.push(format!("`{key}`"));
        }
    }
    if let Some(key) = first {
        let layer = mkdocs_inherit::origin(layers, key);
        warnings.push(
            Diagnostic::warning(
                &layer.path,
                key_line(&layer.text, key, 0),
                format!("the handbook does not run MkDocs {}: they are ignored", ignored.join("; ")),
            )
            .with_hint("pages build without them; a theme override (themes/default/) can add styles or scripts"),
        );
    }
}

/// Whether a nav target is another site (or an absolute address), not a page.
fn is_link(target: &str) -> bool {
    target.contains("://")
        || target.starts_with("mailto:")
        || target.starts_with('/') && !target.ends_with(".md")
}

/// One `nav` entry; `cursor` is the line of the previous one (entries are found in order).
fn nav_item(
    item: &Value,
    text: &str,
    path: &Path,
    cursor: &mut usize,
    warnings: &mut Vec<Diagnostic>,
) -> Option<NavItem> {
    match item {
        Value::String(target) => {
            let line = value_line(text, target, cursor);
            Some(if is_link(target) {
                NavItem::Link {
                    title: target.clone(),
                    url: target.clone(),
                    line,
                }
            } else {
                NavItem::Page {
                    title: None,
                    path: target.clone(),
                    line,
                }
            })
        }
        Value::Object(map) if map.len() == 1 => {
            let (title, value) = map.iter().next()?;
            let line = value_line(text, title, cursor);
            match value {
                Value::String(target) if is_link(target) => Some(NavItem::Link {
                    title: title.clone(),
                    url: target.clone(),
                    line,
                }),
                Value::String(target) => Some(NavItem::Page {
                    title: Some(title.clone()),
                    path: target.clone(),
                    line,
                }),
                Value::Array(items) => {
                    let children = items
                        .iter()
                        .filter_map(|i| nav_item(i, text, path, cursor, warnings))
                        .collect();
                    Some(NavItem::Section {
                        title: title.clone(),
                        children,
                        line,
                    })
                }
                _ => {
                    warnings.push(
                        Diagnostic::warning(
                            path,
                            line,
                            format!("nav entry `{title}` has no page; it is left out"),
                        )
                        .with_hint(
                            "write `- Title: page.md` or a section `- Title:` followed by a list",
                        ),
                    );
                    None
                }
            }
        }
        _ => {
            let line = (*cursor).max(1);
            warnings.push(
                Diagnostic::warning(path, line, "a nav entry the handbook does not understand is left out")
                    .with_hint("each entry is `- page.md`, `- Title: page.md` or `- Title:` with a list under it"),
            );
            None
        }
    }
}

/// The first line at or after `cursor` that holds `needle` (moving `cursor` there), or the
/// cursor's line when none does.
fn value_line(text: &str, needle: &str, cursor: &mut usize) -> usize {
    let found = text
        .lines()
        .enumerate()
        .skip((*cursor).saturating_sub(1))
        .find(|(_, l)| l.contains(needle))
        .map(|(i, _)| i + 1);
    if let Some(line) = found {
        *cursor = line;
    }
    found.unwrap_or(*cursor)
}

/// The 1-based line of the top-level `key:` (or `key =`) at or after line `from`, or 0.
pub(super) fn key_line(text: &str, key: &str, from: usize) -> usize {
    text.lines()
        .enumerate()
        .skip(from)
        .find(|(_, l)| {
            l.strip_prefix(key)
                .is_some_and(|r| r.trim_start().starts_with([':', '=']))
        })
        .map_or(0, |(i, _)| i + 1)
}

/// Settings the site gives the handbook where `handbook.toml` (its text, when there is one)
/// says nothing: the title, description, authors and language; broken links are warnings.
pub fn merge_into(config: &mut Config, site: &Site, handbook_toml: Option<&str>) {
    let said = |key: &str| {
        handbook_toml
            .and_then(|t| t.parse::<toml::Table>().ok())
            .is_some_and(|t| t.contains_key(key))
    };
    if !said("title") && !site.name.is_empty() {
        config.title = site.name.clone();
    }
    if !said("description") && !site.description.is_empty() {
        config.description = site.description.clone();
    }
    if !said("authors") && !site.author.is_empty() {
        config.authors = vec![site.author.clone()];
    }
    if !said("language") && !site.language.is_empty() {
        config.language = site.language.clone();
    }
    // MkDocs only warns about a broken link; so does the handbook for such a site, unless
    // `[links]` in handbook.toml says otherwise.
    if !said("links") {
        config.links.broken = crate::config::Severity::Warn;
    }
}

/// Whether `rel` (a path under `docs_dir`) matches one of the gitignore-style `patterns` of
/// `not_in_nav`: `*` within a name, `**` across folders, a leading `/` anchors the pattern at
/// `docs_dir`, a trailing `/` matches a folder and everything in it.
pub fn matches_any(patterns: &[String], rel: &str) -> bool {
    patterns.iter().any(|p| {
        let p = p.trim();
        if p.is_empty() || p.starts_with('#') || p.starts_with('!') {
            return false;
        }
        let anchored = p.starts_with('/') || p.trim_end_matches('/').contains('/');
        let dir = p.ends_with('/');
        let p = p.trim_start_matches('/').trim_end_matches('/');
        let pat: Vec<&str> = p.split('/').collect();
        let parts: Vec<&str> = rel.split('/').collect();
        let starts: Vec<usize> = if anchored {
            vec![0]
        } else {
            (0..parts.len()).collect()
        };
        starts.into_iter().any(|s| {
            let tail = &parts[s..];
            (dir || tail.len() == pat.len() || pat.last() == Some(&"**"))
                && glob_parts(&pat, tail, dir)
        })
    })
}

/// Matches path segments against pattern segments; with `prefix`, the pattern may match
/// only the first segments (a folder pattern).
fn glob_parts(pat: &[&str], parts: &[&str], prefix: bool) -> bool {
    match pat.split_first() {
        None => parts.is_empty() || prefix,
        Some((&"**", rest)) => (0..=parts.len()).any(|i| glob_parts(rest, &parts[i..], prefix)),
        Some((p, rest)) => parts
            .split_first()
            .is_some_and(|(name, more)| glob_name(p, name) && glob_parts(rest, more, prefix)),
    }
}

/// `*` and `?` within one name.
fn glob_name(pat: &str, name: &str) -> bool {
    let (p, n): (Vec<char>, Vec<char>) = (pat.chars().collect(), name.chars().collect());
    fn go(p: &[char], n: &[char]) -> bool {
        match p.split_first() {
            None => n.is_empty(),
            Some(('*', rest)) => (0..=n.len()).any(|i| go(rest, &n[i..])),
            Some(('?', rest)) => !n.is_empty() && go(rest, &n[1..]),
            Some((c, rest)) => n.first() == Some(c) && go(rest, &n[1..]),
        }
    }
    go(&p, &n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_byte_order_mark_is_read_past() {
        let site = parse(
            "\u{feff}site_name: M\nnav:\n  - index.md\n",
            Path::new("mkdocs.yml"),
        )
        .unwrap();
        assert_eq!(site.name, "M");
        assert_eq!(site.nav_line, 2);
        let site = parse(
            "\u{feff}[project]\nsite_name = \"Z\"\n",
            Path::new("zensical.toml"),
        )
        .unwrap();
        assert_eq!(site.name, "Z");
    }

    #[test]
    fn a_second_document_is_an_error_at_its_marker() {
        let e = parse("---\nsite_name: M\n---\nnav: []\n", Path::new("mkdocs.yml")).unwrap_err();
        assert_eq!(e[0].line, 3, "{}", e[0]);
        assert!(e[0].message.contains("second YAML document"), "{}", e[0]);
        assert!(
            e[0].hint
                .as_deref()
                .unwrap_or("")
                .contains("remove this `---`")
        );
        assert_eq!(second_document("# c\n\n---\na: 1\n"), None);
        assert_eq!(second_document("a: 1\n...\n--- \nb: 2\n"), Some(3));
        assert_eq!(second_document("a: |\n  ---\n"), None);
    }

    const MATERIAL: &str = r#"site_name: Reliance Notes
site_description: Notes on the alliance
docs_dir: pages
theme:
  name: material
  language: en-GB
  features:
    - navigation.indexes
plugins:
  - search
  - blog:
      enabled: true
markdown_extensions:
  - admonition
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
      emoji_generator: !!python/name:material.extensions.emoji.to_svg
  - pymdownx.superfences:
      custom_fences:
        - name: mermaid
          class: mermaid
          format: !!python/name:pymdownx.superfences.fence_code_format
extra:
  analytics: !ENV [ANALYTICS, none]
nav:
  - Home: index.md
  - Basics:
      - basics/index.md
      - 'Bond': basics/bond.md
      - basics/goals.md
  - Elsewhere: https://example.org/
"#;

    #[test]
    fn material_config_with_python_tags_is_read() {
        let site = parse(MATERIAL, Path::new("mkdocs.yml")).unwrap();
        assert_eq!(site.name, "Reliance Notes");
        assert_eq!(site.docs_dir, "pages");
        assert_eq!(site.language, "en-GB");
        assert_eq!(site.nav_line, 25);
        let nav = site.nav.unwrap();
        assert_eq!(
            nav[0],
            NavItem::Page {
                title: Some("Home".into()),
                path: "index.md".into(),
                line: 26
            }
        );
        let NavItem::Section {
            title,
            children,
            line,
        } = &nav[1]
        else {
            panic!("{nav:?}")
        };
        assert_eq!((title.as_str(), *line, children.len()), ("Basics", 27, 3));
        assert_eq!(
            children[0],
            NavItem::Page {
                title: None,
                path: "basics/index.md".into(),
                line: 28
            }
        );
        assert!(
            matches!(&nav[2], NavItem::Link { url, line: 31, .. } if url == "https://example.org/")
        );
        assert_eq!(site.warnings.len(), 1, "{:?}", site.warnings);
        assert!(
            site.warnings[0].message.contains("`blog`"),
            "{}",
            site.warnings[0].message
        );
        assert_eq!(site.warnings[0].line, 9);
    }

    #[test]
    fn a_tab_in_mkdocs_yml_is_named_in_plain_words() {
        let e = parse(
            "site_name: A\nnav:\n\t- index.md\n",
            Path::new("mkdocs.yml"),
        )
        .unwrap_err();
        assert_eq!(e[0].line, 3, "{e:?}");
        assert!(e[0].message.to_lowercase().contains("tab"), "{e:?}");
    }

    #[test]
    fn zensical_toml_is_read_from_project() {
        let text = "[project]\nsite_name = \"Z\"\nnav = [\n  { \"Home\" = \"index.md\" },\n  { \"Part\" = [\"a.md\", { \"B\" = \"b.md\" }] },\n]\n";
        let site = parse(text, Path::new("zensical.toml")).unwrap();
        assert_eq!(site.name, "Z");
        assert_eq!(site.docs_dir, "docs");
        let nav = site.nav.unwrap();
        assert_eq!(nav.len(), 2);
        assert!(matches!(&nav[1], NavItem::Section { children, .. } if children.len() == 2));
    }

    #[test]
    fn bad_yaml_and_types_name_their_line() {
        let e = parse(
            "site_name: A\nnav:\n  - Home: index.md\n   - x: y\n",
            Path::new("mkdocs.yml"),
        )
        .unwrap_err();
        assert!(e[0].line >= 3, "{:?}", e);
        let e = parse("site_name: [a]\nnav: index.md\n", Path::new("mkdocs.yml")).unwrap_err();
        assert_eq!((e[0].line, e[1].line), (1, 2), "{e:?}");
        let e = parse("docs_dir: ../elsewhere\n", Path::new("mkdocs.yml")).unwrap_err();
        assert!(e[0].message.contains("outside"), "{e:?}");
        let e = parse("docs_dir: ./\n", Path::new("mkdocs.yml")).unwrap_err();
        assert!(e[0].message.contains("the site's folder itself"), "{e:?}");
    }

    #[test]
    fn handbook_toml_wins_where_it_says_something() {
        let site = parse(
            "site_name: Site\nsite_description: D\nsite_author: Sam\n",
            Path::new("mkdocs.yml"),
        )
        .unwrap();
        let mut c = Config {
            title: "Own".into(),
            ..Config::default()
        };
        merge_into(&mut c, &site, Some("title = \"Own\"\n"));
        assert_eq!((c.title.as_str(), c.description.as_str()), ("Own", "D"));
        assert_eq!(c.authors, ["Sam"]);
        assert_eq!(c.links.broken, crate::config::Severity::Warn);
        let mut c = Config::default();
        merge_into(&mut c, &site, Some("[links]\nbroken = \"error\"\n"));
        assert_eq!(c.links.broken, crate::config::Severity::Error);
    }

    #[test]
    fn not_in_nav_patterns() {
        let p = |s: &[&str]| s.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert!(matches_any(&p(&["/drafts/"]), "drafts/a.md"));
        assert!(!matches_any(&p(&["/drafts/"]), "x/drafts/a.md"));
        assert!(matches_any(&p(&["drafts/"]), "x/drafts/a.md"));
        assert!(matches_any(&p(&["*.tmp.md"]), "a/b.tmp.md"));
        assert!(matches_any(&p(&["/blog/**/*.md"]), "blog/2024/x.md"));
        assert!(!matches_any(&p(&["/blog/*.md"]), "blog/2024/x.md"));
        assert!(!matches_any(&p(&["# comment", ""]), "a.md"));
    }
}
