//! Path safety: every comparison on real paths (symbolic links resolved), and a folder walk
//! that never leaves its boundary. A handbook publishes only files inside its own folder: a
//! link that points elsewhere (`/etc/passwd`, `/proc/self/environ`, a folder beside the
//! handbook) is an error at the link's path, and a folder reached by several links is read
//! once, so links that fan out cost linear time.

use crate::error::Diagnostic;
use std::collections::{HashSet, VecDeque};
use std::fs;
use std::path::{Component, Path, PathBuf};

/// The hint of every error about a link that leaves the handbook.
pub const OUTSIDE_HINT: &str = "a handbook publishes only files inside its own folder, never what a link points to elsewhere: put a copy of the file in the handbook, or remove the link";

/// Temporary, swap and backup files of common editors: never a source (the content walk,
/// the theme's files and the watcher of `serve` all skip them).
pub fn is_editor_temp(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with('~')
        || (lower.starts_with('#') && lower.ends_with('#'))
        || lower == "4913"
        || [
            ".swp",
            ".swo",
            ".swx",
            ".tmp",
            ".temp",
            ".bak",
            ".crswap",
            ".kate-swp",
            "___jb_tmp___",
            "___jb_old___",
            ".part",
        ]
        .iter()
        .any(|ext| lower.ends_with(ext))
}

/// `path` made absolute with every symbolic link resolved, also when its last components do
/// not exist yet (they are kept as written, `..` applied to what came before).
pub fn resolve(path: &Path) -> PathBuf {
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = PathBuf::new();
    for c in abs.components() {
        match c {
            Component::Prefix(_) | Component::RootDir => out.push(c),
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            Component::Normal(name) => {
                out.push(name);
                if let Ok(real) = fs::canonicalize(&out) {
                    out = real;
                }
            }
        }
    }
    out
}

/// A relative path with `.` and `..` applied by its text alone (no file system): `None` when it
/// climbs above its start or is absolute. Links, includes and SUMMARY.md entries use it.
pub fn lexical_normalize(path: &Path) -> Option<PathBuf> {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::Normal(s) => out.push(s),
            Component::ParentDir => {
                if !out.pop() {
                    return None;
                }
            }
            Component::CurDir => {}
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    Some(out)
}

/// The first component of `path` below `base` whose name starts with `.`, if any.
pub fn hidden_part(path: &Path, base: &Path) -> Option<String> {
    path.strip_prefix(base)
        .ok()?
        .components()
        .find_map(|c| match c {
            Component::Normal(n) if n.to_string_lossy().starts_with('.') => {
                Some(n.to_string_lossy().into_owned())
            }
            _ => None,
        })
}

/// Why a resolved path may not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// It lies outside the boundary.
    Outside(PathBuf),
    /// It lies in a hidden folder (or is a hidden file) of the boundary, which is never read.
    Hidden(PathBuf),
}

impl Refusal {
    /// The error at `display` (the link's path as the user sees it); `what` names the
    /// boundary ("the handbook", "the theme folder").
    pub fn diagnostic(&self, display: &Path, what: &str) -> Diagnostic {
        match self {
            Refusal::Outside(target) => Diagnostic::error(
                display,
                0,
                format!(
                    "points outside {what} (to {}): copy the file in instead",
                    target.display()
                ),
            )
            .with_hint(OUTSIDE_HINT),
            Refusal::Hidden(target) => Diagnostic::error(
                display,
                0,
                format!(
                    "points to a hidden file or folder ({}), which is never published",
                    target.display()
                ),
            )
            .with_hint("copy the file in under a name that does not start with `.`"),
        }
    }
}

/// Checks that `real` (a resolved path) lies inside `boundary` (resolved) and not in a hidden
/// folder of it.
pub fn check_inside(real: &Path, boundary: &Path) -> Result<(), Refusal> {
    if !real.starts_with(boundary) {
        return Err(Refusal::Outside(real.to_path_buf()));
    }
    if hidden_part(real, boundary).is_some() {
        return Err(Refusal::Hidden(real.to_path_buf()));
    }
    Ok(())
}

/// One entry met by [`walk`].
pub struct Entry<'a> {
    /// Its path below the walked folder, as reached (through links, not resolved).
    pub rel: &'a Path,
    /// Its file name.
    pub name: &'a str,
    /// Its resolved path.
    pub real: &'a Path,
    /// Whether it is (or its link points to) a folder.
    pub is_dir: bool,
}

/// A file found by [`walk`].
#[derive(Debug, Clone)]
pub struct Found {
    /// Its path below the walked folder, as reached.
    pub rel: PathBuf,
    /// Its resolved path (read this one: it was checked).
    pub real: PathBuf,
}

/// What [`walk`] found: files in walk order, errors, and the folders it read.
#[derive(Debug, Default)]
pub struct Walked {
    /// Every file, in walk order.
    pub files: Vec<Found>,
    /// Links that leave the boundary, unreadable folders, broken links.
    pub errors: Vec<Diagnostic>,
    /// The resolved folders read.
    pub dirs: Vec<PathBuf>,
}

/// How [`walk`] reports and filters.
pub struct Walk<'a> {
    /// Every file and folder must resolve inside this (resolved) folder.
    pub boundary: &'a Path,
    /// Errors name `display_base.join(rel)`.
    pub display_base: &'a Path,
    /// What the boundary is called in errors ("the handbook").
    pub what: &'a str,
    /// Names skipped before anything is resolved (`rel`, name): hidden files and the like.
    pub skip_name: &'a dyn Fn(&Path, &str) -> bool,
    /// Entries skipped once resolved.
    pub skip: &'a dyn Fn(&Entry) -> bool,
}

/// Walks the folder `start` (its resolved path must lie inside the boundary): real folders
/// first, then the folders links point to, each resolved folder once. Special files (sockets,
/// pipes, devices) are left out.
pub fn walk(start: &Path, w: &Walk) -> Walked {
    let mut out = Walked::default();
    let start_real = match fs::canonicalize(start) {
        Ok(p) => p,
        Err(e) => {
            out.errors.push(
                Diagnostic::error(w.display_base, 0, format!("cannot read the folder: {e}"))
                    .with_hint("check that the folder exists and is readable"),
            );
            return out;
        }
    };
    if let Err(refusal) = check_inside(&start_real, w.boundary) {
        out.errors.push(refusal.diagnostic(w.display_base, w.what));
        return out;
    }
    let mut visited: HashSet<PathBuf> = HashSet::new();
    let mut links: VecDeque<(PathBuf, PathBuf)> = VecDeque::from([(PathBuf::new(), start_real)]);
    while let Some((rel, real)) = links.pop_front() {
        if !visited.insert(real.clone()) {
            continue;
        }
        let mut stack = vec![(rel, real)];
        while let Some((rel, real)) = stack.pop() {
            walk_dir(
                w,
                &rel,
                &real,
                &mut visited,
                &mut stack,
                &mut links,
                &mut out,
            );
            out.dirs.push(real);
        }
    }
    out
}

/// Reads one folder of [`walk`]: files to `out`, real sub-folders to `stack`, linked folders
/// to `links`.
fn walk_dir(
    w: &Walk,
    rel: &Path,
    real: &Path,
    visited: &mut HashSet<PathBuf>,
    stack: &mut Vec<(PathBuf, PathBuf)>,
    links: &mut VecDeque<(PathBuf, PathBuf)>,
    out: &mut Walked,
) {
    let display = || w.display_base.join(rel);
    let read = match fs::read_dir(real) {
        Ok(r) => r,
        Err(e) => {
            out.errors.push(
                Diagnostic::error(display(), 0, format!("cannot read the folder: {e}"))
                    .with_hint("check the folder's permissions"),
            );
            return;
        }
    };
    let mut entries: Vec<(String, fs::FileType)> = Vec::new();
    for entry in read {
        match entry.and_then(|e| Ok((e.file_name(), e.file_type()?))) {
            Ok((name, ft)) => entries.push((name.to_string_lossy().into_owned(), ft)),
            Err(e) => out.errors.push(
                Diagnostic::error(display(), 0, format!("cannot read the folder: {e}"))
                    .with_hint("check the folder's permissions"),
            ),
        }
    }
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    let mut subdirs = Vec::new();
    for (name, ft) in entries {
        if (w.skip_name)(rel, &name) {
            continue;
        }
        let child_rel = rel.join(&name);
        let path = real.join(&name);
        let (child_real, is_dir, is_file) = if ft.is_symlink() {
            let target = match fs::canonicalize(&path).and_then(|t| Ok((fs::metadata(&t)?, t))) {
                Ok((meta, t)) => (t, meta.is_dir(), meta.is_file()),
                Err(e) => {
                    let message = if e.kind() == std::io::ErrorKind::NotFound {
                        "a link to something that does not exist".to_string()
                    } else {
                        format!("cannot read the link: {e}")
                    };
                    out.errors.push(
                        Diagnostic::error(w.display_base.join(&child_rel), 0, message)
                            .with_hint("remove the link, or copy the file in instead"),
                    );
                    continue;
                }
            };
            if let Err(refusal) = check_inside(&target.0, w.boundary) {
                out.errors
                    .push(refusal.diagnostic(&w.display_base.join(&child_rel), w.what));
                continue;
            }
            if target.1 && real.starts_with(&target.0) {
                out.errors.push(
                    Diagnostic::error(
                        w.display_base.join(&child_rel),
                        0,
                        "symbolic link loop: the link points to a folder that holds it",
                    )
                    .with_hint("remove the link or point it outside its own ancestors"),
                );
                continue;
            }
            target
        } else {
            (path, ft.is_dir(), ft.is_file())
        };
        let entry = Entry {
            rel: &child_rel,
            name: &name,
            real: &child_real,
            is_dir,
        };
        if (w.skip)(&entry) {
            continue;
        }
        if is_dir && ft.is_symlink() {
            links.push_back((child_rel, child_real));
        } else if is_dir {
            if visited.insert(child_real.clone()) {
                subdirs.push((child_rel, child_real));
            }
        } else if is_file {
            out.files.push(Found {
                rel: child_rel,
                real: child_real,
            });
        }
    }
    // Popped in name order.
    stack.extend(subdirs.into_iter().rev());
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    fn run(start: &Path, boundary: &Path) -> Walked {
        let boundary = fs::canonicalize(boundary).unwrap();
        walk(
            start,
            &Walk {
                boundary: &boundary,
                display_base: Path::new("content"),
                what: "the handbook",
                skip_name: &|_, name| name.starts_with('.'),
                skip: &|_| false,
            },
        )
    }

    #[test]
    fn resolve_follows_links_and_keeps_missing_tails() {
        let dir = tempfile::tempdir().unwrap();
        let real = fs::canonicalize(dir.path()).unwrap();
        fs::create_dir(real.join("hb")).unwrap();
        symlink(real.join("hb"), real.join("link")).unwrap();
        assert_eq!(resolve(&real.join("link/content")), real.join("hb/content"));
        assert_eq!(resolve(&real.join("link/x/../y")), real.join("hb/y"));
        assert_eq!(resolve(&real.join("nope/../link")), real.join("hb"));
    }

    #[test]
    fn links_out_are_errors_and_fan_out_is_linear() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("hb");
        let content = root.join("content");
        fs::create_dir_all(content.join("d0")).unwrap();
        fs::write(content.join("d0/page.md"), "# P\n").unwrap();
        for level in 1..=18 {
            let d = content.join(format!("d{level}"));
            fs::create_dir(&d).unwrap();
            let prev = content.join(format!("d{}", level - 1));
            symlink(&prev, d.join("a")).unwrap();
            symlink(&prev, d.join("b")).unwrap();
        }
        fs::write(dir.path().join("secret.txt"), "secret").unwrap();
        symlink(dir.path().join("secret.txt"), content.join("secret.txt")).unwrap();
        fs::create_dir(root.join(".git")).unwrap();
        fs::write(root.join(".git/config"), "token").unwrap();
        symlink(root.join(".git/config"), content.join("git.txt")).unwrap();
        symlink(content.join("gone"), content.join("broken.md")).unwrap();
        let walked = run(&content, &root);
        assert_eq!(walked.files.len(), 1, "{:?}", walked.files);
        assert_eq!(walked.files[0].rel, Path::new("d0/page.md"));
        let messages: Vec<String> = walked.errors.iter().map(|d| d.to_string()).collect();
        assert_eq!(messages.len(), 3, "{messages:?}");
        assert!(
            messages[0].contains("content/broken.md") && messages[0].contains("does not exist")
        );
        assert!(messages[1].contains("content/git.txt") && messages[1].contains("hidden"));
        assert!(
            messages[2].contains("content/secret.txt")
                && messages[2].contains("points outside the handbook")
        );
    }

    #[test]
    fn a_linked_folder_elsewhere_in_the_root_is_read_once_at_its_link() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("content/ch")).unwrap();
        fs::create_dir_all(root.join("shared")).unwrap();
        fs::write(root.join("shared/a.md"), "# A\n").unwrap();
        symlink(root.join("shared"), root.join("content/ch/one")).unwrap();
        symlink(root.join("shared"), root.join("content/ch/two")).unwrap();
        symlink(root.join("content"), root.join("content/ch/loop")).unwrap();
        let walked = run(&root.join("content"), root);
        let rels: Vec<_> = walked.files.iter().map(|f| f.rel.clone()).collect();
        assert_eq!(rels, [PathBuf::from("ch/one/a.md")]);
        assert_eq!(walked.errors.len(), 1);
        assert!(walked.errors[0].to_string().contains("content/ch/loop"));
        assert!(walked.errors[0].message.contains("loop"));
    }
}
