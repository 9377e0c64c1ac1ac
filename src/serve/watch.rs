//! Watching the handbook for changes: `content/`, `themes/`, `i18n/` and `handbook.toml` (and the logo
//! and favicon),
//! with notify's debouncer. Editors' temporary and backup files and hidden files are ignored;
//! an atomic save (write a temporary file, rename it over the page) counts as a change of the
//! page. `--poll` (or a failing native watcher) polls instead, for network drives.

use crate::config::{CONFIG_FILE, Config};
use crate::error::Diagnostic;
use notify::{EventKind, PollWatcher, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{
    DebounceEventResult, Debouncer, NoCache, RecommendedCache, new_debouncer, new_debouncer_opt,
};
use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};
use std::sync::mpsc::Sender;
use std::sync::{Arc, RwLock};
use std::time::Duration;

/// How long a file must be quiet before its change is reported: long enough to join an
/// editor's write-and-rename into one change, short enough for instant reloads.
pub const DEBOUNCE: Duration = Duration::from_millis(30);

/// How often polling looks at the files.
pub const POLL_INTERVAL: Duration = Duration::from_millis(500);

/// A change that needs a rebuild.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Trigger {
    /// Configuration or theme changed (or the watcher lost track): rebuild everything.
    pub full: bool,
    /// The changed paths, relative to the handbook root.
    pub paths: BTreeSet<PathBuf>,
}

impl Trigger {
    /// Adds another change to this one.
    pub fn merge(&mut self, other: Trigger) {
        self.full |= other.full;
        self.paths.extend(other.paths);
    }
}

/// Which paths of a handbook matter.
#[derive(Debug, Clone)]
pub struct Layout {
    /// The handbook root (canonical).
    pub root: PathBuf,
    /// The content folder (`root/content`, or the root itself).
    pub content_dir: PathBuf,
    /// Top-level names that are not content when the content folder is the root.
    skip_top: Vec<String>,
    /// The branding files (`[branding] logo` and `favicon`), when configured.
    branding: Vec<PathBuf>,
}

impl Layout {
    /// The layout of the handbook at `root` (canonical) with `config` (as the loader sees it).
    pub fn new(root: &Path, config: Option<&Config>) -> Self {
        let content_dir = if root.join("content").is_dir() {
            root.join("content")
        } else {
            root.to_path_buf()
        };
        let output = config.map_or("public", |c| c.output.as_str());
        let output_top = Path::new(output.trim_end_matches('/'))
            .components()
            .find_map(|c| match c {
                Component::Normal(n) => Some(n.to_string_lossy().into_owned()),
                _ => None,
            })
            .unwrap_or_else(|| "public".into());
        let branding = config
            .map(|c| [c.branding.logo.trim(), c.branding.favicon.trim()])
            .into_iter()
            .flatten()
            .filter(|l| !l.is_empty())
            .map(|l| root.join(l))
            .collect();
        Layout {
            root: root.to_path_buf(),
            content_dir,
            skip_top: vec![output_top, "target".into(), "node_modules".into()],
            branding,
        }
    }

    /// What a change of `path` means: `None` (ignore), `Some(false)` (content), `Some(true)`
    /// (configuration, theme, logo, favicon or the folder layout: rebuild everything).
    pub fn classify(&self, path: &Path) -> Option<bool> {
        let rel = path.strip_prefix(&self.root).ok()?;
        let names: Vec<String> = rel
            .components()
            .filter_map(|c| match c {
                Component::Normal(n) => Some(n.to_string_lossy().into_owned()),
                _ => None,
            })
            .collect();
        let first = names.first()?;
        if names.iter().any(|n| n.starts_with('.')) || is_editor_temp(names.last()?) {
            return None;
        }
        if self.branding.iter().any(|b| b == path) {
            return Some(true);
        }
        if names.len() == 1
            && (first == CONFIG_FILE || crate::content::mkdocs::FILES.contains(&first.as_str()))
        {
            return Some(true);
        }
        if first == "themes" || first == crate::i18n::OVERRIDE_DIR {
            return Some(true);
        }
        if self.content_dir == self.root {
            if names.len() == 1 && first == "content" {
                // A content folder appeared: the loader reads that one now.
                return Some(true);
            }
            if self.skip_top.iter().any(|s| s == first) {
                return None;
            }
            return Some(is_inherited_settings(&self.root, path));
        }
        if path.starts_with(&self.content_dir) {
            return Some(names.len() == 1);
        }
        is_inherited_settings(&self.root, path).then_some(true)
    }
}

pub use crate::safety::is_editor_temp;

/// Whether `path` may be a file an MkDocs site's configuration inherits from (`INHERIT`): a
/// YAML or TOML file in a folder with an MkDocs configuration. Such a change rebuilds
/// everything (the rare data file in `docs/` costs a full build, nothing more).
fn is_inherited_settings(root: &Path, path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e == "yml" || e == "yaml" || e == "toml")
        && crate::content::mkdocs::find(root).is_some()
}

enum Inner {
    Native(Debouncer<RecommendedWatcher, RecommendedCache>),
    Poll(Debouncer<PollWatcher, NoCache>),
}

impl Inner {
    fn watch(&mut self, path: &Path, mode: RecursiveMode) -> notify::Result<()> {
        match self {
            Inner::Native(d) => d.watch(path, mode),
            Inner::Poll(d) => d.watch(path, mode),
        }
    }
}

/// The running watcher; stops when dropped.
pub struct Watcher {
    inner: Inner,
    layout: Arc<RwLock<Layout>>,
    watched: BTreeSet<PathBuf>,
    /// Whether it polls.
    pub polling: bool,
}

impl Watcher {
    /// Starts watching `layout`, sending every relevant change to `tx`. Polls when `poll` is
    /// set or the native watcher cannot start (the returned note says why).
    pub fn start(
        layout: Layout,
        poll: bool,
        tx: Sender<Trigger>,
    ) -> Result<(Watcher, Option<Diagnostic>), Diagnostic> {
        let layout = Arc::new(RwLock::new(layout));
        let mut note = None;
        let inner = if poll {
            None
        } else {
            match new_debouncer(
                DEBOUNCE,
                Some(Duration::from_millis(10)),
                handler(layout.clone(), tx.clone()),
            ) {
                Ok(d) => Some(Inner::Native(d)),
                Err(e) => {
                    note = Some(Diagnostic::warning(
                        "",
                        0,
                        format!(
                            "cannot watch the files natively ({e}); polling every {} ms instead",
                            POLL_INTERVAL.as_millis()
                        ),
                    ));
                    None
                }
            }
        };
        let inner = match inner {
            Some(i) => i,
            None => Inner::Poll(
                new_debouncer_opt(
                    DEBOUNCE,
                    Some(Duration::from_millis(10)),
                    handler(layout.clone(), tx),
                    NoCache,
                    // Modification times are compared in whole seconds: two saves within one
                    // second would look like one. Comparing contents sees every save.
                    notify::Config::default()
                        .with_poll_interval(POLL_INTERVAL)
                        .with_compare_contents(true),
                )
                .map_err(|e| Diagnostic::error("", 0, format!("cannot watch the files: {e}")))?,
            ),
        };
        let polling = matches!(inner, Inner::Poll(_));
        let mut watcher = Watcher {
            inner,
            layout,
            watched: BTreeSet::new(),
            polling,
        };
        watcher.refresh(None)?;
        Ok((watcher, note))
    }

    /// Updates the layout after a configuration change (`config`) and watches the folders
    /// that appeared since (a new `themes/` or `content/`). Returns whether it began watching
    /// a folder: a file written into it before then was not seen as a change.
    pub fn refresh(&mut self, config: Option<&Config>) -> Result<bool, Diagnostic> {
        let layout = {
            let mut current = self
                .layout
                .write()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            if config.is_some() {
                *current = Layout::new(&current.root, config);
            }
            current.clone()
        };
        let mut wanted = vec![(layout.content_dir.clone(), RecursiveMode::Recursive)];
        if layout.content_dir != layout.root {
            wanted.push((layout.root.clone(), RecursiveMode::NonRecursive));
            let themes = layout.root.join("themes");
            if themes.is_dir() {
                wanted.push((themes, RecursiveMode::Recursive));
            }
            // The handbook's interface strings (`i18n/LANG.toml`).
            let strings = layout.root.join(crate::i18n::OVERRIDE_DIR);
            if strings.is_dir() {
                wanted.push((strings, RecursiveMode::NonRecursive));
            }
        }
        // A logo or favicon kept elsewhere in the handbook (`branding/logo.svg`): watch its
        // folder.
        for folder in layout.branding.iter().filter_map(|b| b.parent()) {
            if folder.is_dir()
                && folder.starts_with(&layout.root)
                && !folder.starts_with(&layout.content_dir)
                && !folder.starts_with(layout.root.join("themes"))
                && folder != layout.root
                && !wanted.iter().any(|(w, _)| w == folder)
            {
                wanted.push((folder.to_path_buf(), RecursiveMode::NonRecursive));
            }
        }
        let mut began = false;
        for (path, mode) in wanted {
            if self.watched.contains(&path) {
                continue;
            }
            self.inner.watch(&path, mode).map_err(|e| {
                Diagnostic::error("", 0, format!("cannot watch {}: {e}", path.display()))
            })?;
            self.watched.insert(path);
            began = true;
        }
        Ok(began)
    }
}

/// The debouncer's callback: sorts events into triggers for the builder.
fn handler(
    layout: Arc<RwLock<Layout>>,
    tx: Sender<Trigger>,
) -> impl FnMut(DebounceEventResult) + Send + 'static {
    move |result: DebounceEventResult| {
        let layout = layout
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone();
        let mut trigger = Trigger::default();
        let mut relevant = false;
        match result {
            Ok(events) => {
                for e in events {
                    if e.event.need_rescan() {
                        trigger.full = true;
                        relevant = true;
                        continue;
                    }
                    if matches!(e.event.kind, EventKind::Access(_)) {
                        continue;
                    }
                    for path in &e.event.paths {
                        if let Some(full) = layout.classify(path) {
                            relevant = true;
                            trigger.full |= full;
                            let rel = path.strip_prefix(&layout.root).unwrap_or(path);
                            trigger.paths.insert(rel.to_path_buf());
                        }
                    }
                }
            }
            Err(errors) => {
                for e in errors {
                    complain!("warning: file watcher: {e}");
                }
                trigger.full = true;
                relevant = true;
            }
        }
        if relevant {
            let _ = tx.send(trigger);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_changes() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("content")).unwrap();
        let l = Layout::new(root, None);
        assert_eq!(l.classify(&root.join("content/a.md")), Some(false));
        assert_eq!(l.classify(&root.join("content/img/x.png")), Some(false));
        assert_eq!(l.classify(&root.join("content/chapter")), Some(false));
        assert_eq!(l.classify(&root.join("content")), Some(true));
        assert_eq!(l.classify(&root.join("handbook.toml")), Some(true));
        assert_eq!(
            l.classify(&root.join("themes/t/templates/page.html")),
            Some(true)
        );
        assert_eq!(l.classify(&root.join("content/.a.md.swp")), None);
        assert_eq!(l.classify(&root.join("content/a.md~")), None);
        assert_eq!(l.classify(&root.join("content/#a.md#")), None);
        assert_eq!(l.classify(&root.join("content/4913")), None);
        assert_eq!(l.classify(&root.join("content/a.md.tmp")), None);
        assert_eq!(l.classify(&root.join(".git/index")), None);
        assert_eq!(l.classify(&root.join("public/index.html")), None);
        assert_eq!(l.classify(&root.join("README.md")), None);
        assert_eq!(l.classify(Path::new("/elsewhere/a.md")), None);
    }

    #[test]
    fn the_files_an_mkdocs_site_may_inherit_from_rebuild_everything() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let l = Layout::new(root, None);
        assert_eq!(l.classify(&root.join("base.yml")), Some(false));
        std::fs::write(root.join("mkdocs.yml"), "INHERIT: config/base.yml\n").unwrap();
        assert_eq!(l.classify(&root.join("config/base.yml")), Some(true));
        assert_eq!(l.classify(&root.join("docs/a.md")), Some(false));
        assert_eq!(l.classify(&root.join("public/x.yml")), None);
    }

    #[test]
    fn plain_folder_handbook_skips_output_and_tools() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let config = Config {
            output: "site/".into(),
            ..Config::default()
        };
        let l = Layout::new(root, Some(&config));
        assert_eq!(l.classify(&root.join("README.md")), Some(false));
        assert_eq!(l.classify(&root.join("notes/a.md")), Some(false));
        assert_eq!(l.classify(&root.join("site/index.html")), None);
        assert_eq!(l.classify(&root.join("target/x")), None);
        assert_eq!(l.classify(&root.join("handbook.toml")), Some(true));
        assert_eq!(l.classify(&root.join("content")), Some(true));
    }

    #[test]
    fn the_logo_and_favicon_rebuild_everything() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("content")).unwrap();
        let mut config = Config::default();
        config.branding.logo = "branding/logo.svg".into();
        config.branding.favicon = "branding/icon.png".into();
        let l = Layout::new(root, Some(&config));
        assert_eq!(l.classify(&root.join("branding/logo.svg")), Some(true));
        assert_eq!(l.classify(&root.join("branding/icon.png")), Some(true));
        assert_eq!(l.classify(&root.join("branding/other.png")), None);
    }

    #[test]
    fn refresh_says_when_it_begins_watching_a_new_folder() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        std::fs::create_dir_all(root.join("content")).unwrap();
        let (tx, _rx) = std::sync::mpsc::channel();
        let (mut watcher, _) = Watcher::start(Layout::new(&root, None), true, tx).unwrap();
        assert!(!watcher.refresh(None).unwrap(), "nothing new to watch");
        std::fs::create_dir_all(root.join("themes/default/templates")).unwrap();
        assert!(watcher.refresh(None).unwrap(), "themes/ appeared");
        assert!(
            !watcher.refresh(None).unwrap(),
            "themes/ is watched already"
        );
    }
}
