//! Write stage: the site goes into a temporary folder beside the output (a [`Staging`]) and is
//! swapped in only when every file was written, so a failed build leaves the previous output
//! untouched and stale files never linger. `build` streams each file into the staging folder as
//! soon as it is rendered; `serve` keeps the files in memory instead (its own [`Sink`]).

use crate::error::Diagnostic;
use std::collections::HashSet;
use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

/// Where the files of a build go, as soon as each is ready: the output's staging folder
/// ([`Staging`]) or memory (`serve`'s `site::Site`). Paths are relative and `/`-separated.
pub trait Sink: Sync {
    /// Stores the file `path`.
    fn put(&self, path: String, bytes: Vec<u8>) -> Result<(), Diagnostic>;

    /// Stores the file `path` whose bytes `fill` writes (for files too large to hold whole).
    fn put_with(
        &self,
        path: String,
        fill: &mut dyn FnMut(&mut dyn Write) -> std::io::Result<()>,
    ) -> Result<(), Diagnostic> {
        let mut bytes = Vec::new();
        fill(&mut bytes).map_err(|e| Diagnostic::error(&path, 0, format!("cannot write: {e}")))?;
        self.put(path, bytes)
    }
}

pub use crate::reserved::{MARKER, is_build_output};

/// What the marker file says.
fn marker_text() -> String {
    format!(
        "This folder was written by `handbook build` (handbook {}).\nThe next build replaces it whole: keep nothing else in it.\n",
        env!("CARGO_PKG_VERSION")
    )
}

/// Whether the folder `dir` is missing or empty.
fn is_empty_dir(dir: &Path) -> bool {
    fs::read_dir(dir).map_or(true, |mut r| r.next().is_none())
}

/// The output folder being written: files go into a temporary folder beside `out`, which
/// [`Staging::commit`] swaps in; dropped without a commit, the temporary folder is removed and
/// the previous output stays as it was. The temporary folder carries [`MARKER`] from the start,
/// so one left by a crash is recognised (and removed) by the next build to the same output.
pub struct Staging {
    out: PathBuf,
    tmp: PathBuf,
    old: PathBuf,
    /// Replace `out` even when it is not a previous build's output.
    force: bool,
    /// Folders already created under `tmp`.
    dirs: Mutex<HashSet<PathBuf>>,
    files: AtomicUsize,
    bytes: AtomicU64,
    committed: bool,
    /// Leftover folders of earlier builds that could not be removed.
    warnings: Vec<Diagnostic>,
}

fn fail(what: &str, path: &Path, e: std::io::Error) -> Diagnostic {
    Diagnostic::error(path, 0, format!("{what}: {e}"))
        .with_hint("check that the output folder's parent exists and is writable")
}

/// Removes `dir` if it is a leftover of a build (carries the marker); an unknown folder of that
/// name is an error rather than deleted.
fn remove_leftover(dir: &Path) -> Result<(), Diagnostic> {
    if fs::symlink_metadata(dir).is_err() {
        return Ok(());
    }
    if dir.is_dir() && !dir.is_symlink() && dir.join(MARKER).is_file() {
        return remove_own(dir).map_err(|e| fail("cannot remove the leftover folder", dir, e));
    }
    Err(Diagnostic::error(
        dir,
        0,
        "this name is needed for the build's temporary folder, and it is not one the build made",
    )
    .with_hint("move or rename it, then build again"))
}

/// Removes the staging and backup folders (`.OUT.tmp-PID`, `.OUT.old-PID`) earlier builds of
/// `name` in `parent` left behind (killed, or unable to remove a read-only previous output):
/// only ones carrying the marker, of processes no longer running. A warning for each that
/// `remove` cannot remove.
fn remove_stale(
    parent: &Path,
    name: &str,
    remove: impl Fn(&Path) -> std::io::Result<()>,
) -> Vec<Diagnostic> {
    let Ok(entries) = fs::read_dir(parent) else {
        return Vec::new();
    };
    let me = std::process::id();
    let mut warnings = Vec::new();
    let mut stale: Vec<PathBuf> = entries
        .flatten()
        .filter(|entry| {
            let file_name = entry.file_name().to_string_lossy().into_owned();
            let pid = [".tmp-", ".old-"].iter().find_map(|kind| {
                file_name
                    .strip_prefix('.')?
                    .strip_prefix(name)?
                    .strip_prefix(kind)?
                    .parse::<u32>()
                    .ok()
            });
            pid.is_some_and(|pid| {
                pid != me
                    && !process_running(pid)
                    && entry.file_type().is_ok_and(|t| t.is_dir())
                    && entry.path().join(MARKER).is_file()
            })
        })
        .map(|entry| entry.path())
        .collect();
    stale.sort();
    for path in stale {
        if let Err(e) = remove(&path) {
            warnings.push(cannot_remove(&path, &e));
        }
    }
    warnings
}

/// The warning for a leftover folder of the build's own that cannot be removed.
fn cannot_remove(dir: &Path, e: &std::io::Error) -> Diagnostic {
    Diagnostic::warning(
        dir,
        0,
        format!("cannot remove this folder an earlier build left behind (a previous output or an unfinished build): {e}"),
    )
    .with_hint("delete it yourself (it is not used; if it is read-only, make it writable first); each build tries again")
}

/// Removes `dir`, a folder the build wrote (it carries the marker), also when it, or a folder in
/// it, was made read-only (as `rm -rf` by its owner would not): write permission is given back
/// to its folders, never following a link, and the removal tried again.
fn remove_own(dir: &Path) -> std::io::Result<()> {
    let Err(first) = fs::remove_dir_all(dir) else {
        return Ok(());
    };
    if first.kind() != std::io::ErrorKind::PermissionDenied {
        return Err(first);
    }
    for entry in walkdir::WalkDir::new(dir)
        .follow_links(false)
        .into_iter()
        .flatten()
    {
        if entry.file_type().is_dir()
            && let Ok(meta) = entry.metadata()
        {
            let mut perms = meta.permissions();
            if perms.readonly() || !owner_can_write(&meta) {
                set_owner_writable(&mut perms);
                let _ = fs::set_permissions(entry.path(), perms);
            }
        }
    }
    fs::remove_dir_all(dir)
}

/// Whether the owner may write in the folder `meta` describes (and enter it).
fn owner_can_write(meta: &fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        meta.permissions().mode() & 0o300 == 0o300
    }
    #[cfg(not(unix))]
    {
        !meta.permissions().readonly()
    }
}

/// `perms` with the owner's write (and, on Unix, search) permission added.
fn set_owner_writable(perms: &mut fs::Permissions) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        perms.set_mode(perms.mode() | 0o700);
    }
    #[cfg(not(unix))]
    {
        #[allow(clippy::permissions_set_readonly_false)]
        perms.set_readonly(false);
    }
}

/// Whether the process `pid` still runs (then its staging folder is in use).
fn process_running(pid: u32) -> bool {
    #[cfg(unix)]
    {
        let Ok(pid) = libc::pid_t::try_from(pid) else {
            return false;
        };
        // SAFETY: kill with signal 0 only checks whether the process exists.
        let r = unsafe { libc::kill(pid, 0) };
        r == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        false
    }
}

impl Staging {
    /// Creates the temporary folder for a build going to `out` (a resolved path: see
    /// [`crate::safety::resolve`]); with `force`, `out` is replaced at the end even when it is
    /// not the output of an earlier build.
    pub fn new(out: &Path, force: bool) -> Result<Staging, Diagnostic> {
        if out.exists() && !out.is_dir() {
            return Err(
                Diagnostic::error(out, 0, "the output path exists and is not a folder")
                    .with_hint("choose another --out, or remove the file"),
            );
        }
        let parent = out
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        fs::create_dir_all(parent).map_err(|e| fail("cannot create the folder", parent, e))?;
        let name = out
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "public".into());
        let warnings = remove_stale(parent, &name, remove_own);
        let tmp = parent.join(format!(".{name}.tmp-{}", std::process::id()));
        let old = parent.join(format!(".{name}.old-{}", std::process::id()));
        remove_leftover(&tmp)?;
        fs::create_dir_all(&tmp).map_err(|e| fail("cannot create the folder", &tmp, e))?;
        interrupt::register(&tmp);
        let staging = Staging {
            out: out.to_path_buf(),
            dirs: Mutex::new(HashSet::from([tmp.clone()])),
            tmp,
            old,
            force,
            files: AtomicUsize::new(0),
            bytes: AtomicU64::new(0),
            committed: false,
            warnings,
        };
        let marker = staging.tmp.join(MARKER);
        fs::write(&marker, marker_text()).map_err(|e| fail("cannot write", &marker, e))?;
        Ok(staging)
    }

    /// The path of `path` in the temporary folder, its folder created.
    fn target(&self, path: &str) -> Result<PathBuf, Diagnostic> {
        if interrupt::interrupted() {
            return Err(Diagnostic::error(&self.out, 0, "interrupted"));
        }
        let target = self.tmp.join(path);
        if let Some(dir) = target.parent() {
            let mut dirs = self.dirs.lock().unwrap_or_else(|e| e.into_inner());
            if !dirs.contains(dir) {
                fs::create_dir_all(dir).map_err(|e| fail("cannot create the folder", dir, e))?;
                dirs.insert(dir.to_path_buf());
            }
        }
        Ok(target)
    }

    /// Writes the file `path`.
    pub fn write(&self, path: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        let target = self.target(path)?;
        fs::write(&target, bytes).map_err(|e| fail("cannot write", &target, e))?;
        self.files.fetch_add(1, Ordering::Relaxed);
        self.bytes.fetch_add(bytes.len() as u64, Ordering::Relaxed);
        Ok(())
    }

    /// Files written so far.
    pub fn files(&self) -> usize {
        self.files.load(Ordering::Relaxed)
    }

    /// Bytes written so far.
    pub fn bytes(&self) -> u64 {
        self.bytes.load(Ordering::Relaxed)
    }

    /// Refuses to replace a folder that is neither empty nor an earlier build's output (unless
    /// forced): the swap would delete it.
    fn check_replaceable(&self) -> Result<(), Diagnostic> {
        let out = &self.out;
        if self.force || !out.exists() || is_empty_dir(out) || is_build_output(out) {
            return Ok(());
        }
        Err(Diagnostic::error(
            out,
            0,
            format!(
                "the output folder is not empty and was not made by `handbook build` (it has no {MARKER} file): building would delete what it holds"
            ),
        )
        .with_hint(
            "choose a new or empty folder with --out, or add --force to replace this folder and everything in it",
        ))
    }

    /// Swaps the temporary folder in as the output folder (as atomically as the file system
    /// allows: two renames). Fails, leaving `out` as it was, when `out` may not be replaced
    /// (see [`Staging::new`]). Returns the warnings: leftover folders of earlier builds, or
    /// the previous output just moved aside, that could not be removed.
    pub fn commit(mut self) -> Result<Vec<Diagnostic>, Diagnostic> {
        self.check_replaceable()?;
        let _swap = interrupt::hold();
        if interrupt::interrupted() {
            return Err(Diagnostic::error(&self.out, 0, "interrupted"));
        }
        remove_leftover(&self.old)?;
        self.committed = true;
        let (out, tmp, old) = (&self.out, &self.tmp, &self.old);
        let result = if out.exists() {
            if let Err(e) = fs::rename(out, old) {
                let _ = fs::remove_dir_all(tmp);
                Err(fail("cannot replace the output folder", out, e))
            } else if let Err(e) = fs::rename(tmp, out) {
                let _ = fs::rename(old, out);
                let _ = fs::remove_dir_all(tmp);
                Err(fail("cannot replace the output folder", out, e))
            } else {
                // The previous output (or, with --force, the folder the user chose to replace:
                // only a build's own is made writable to be removed).
                let removed = if old.join(MARKER).is_file() {
                    remove_own(old)
                } else {
                    fs::remove_dir_all(old)
                };
                if let Err(e) = removed {
                    self.warnings.push(cannot_remove(old, &e));
                }
                Ok(())
            }
        } else if let Err(e) = fs::rename(tmp, out) {
            let _ = fs::remove_dir_all(tmp);
            Err(fail("cannot create the output folder", out, e))
        } else {
            Ok(())
        };
        interrupt::unregister(tmp);
        result.map(|()| std::mem::take(&mut self.warnings))
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.tmp);
            interrupt::unregister(&self.tmp);
        }
    }
}

/// Ctrl-C and SIGTERM during a build: the staging folders are removed before the process
/// exits, and never while an output is being swapped in (so the output is always whole).
pub mod interrupt {
    use std::path::{Path, PathBuf};
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::{Mutex, MutexGuard};
    use std::time::Duration;

    static STAGING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());
    static SWAP: Mutex<()> = Mutex::new(());
    static INTERRUPTED: AtomicBool = AtomicBool::new(false);

    pub(super) fn register(tmp: &Path) {
        STAGING
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(tmp.to_path_buf());
    }

    pub(super) fn unregister(tmp: &Path) {
        STAGING
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .retain(|p| p != tmp);
    }

    /// Held while an output is swapped in.
    pub(super) fn hold() -> MutexGuard<'static, ()> {
        SWAP.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Whether an interrupt arrived (writing stops).
    pub fn interrupted() -> bool {
        INTERRUPTED.load(Ordering::SeqCst)
    }

    /// Installs the handler (once per process): on Ctrl-C or SIGTERM, writing stops, every
    /// staging folder is removed, `message` is printed and the process exits with code 130.
    pub fn remove_staging_on_interrupt(message: &'static str) -> Result<(), String> {
        ctrlc::set_handler(move || {
            INTERRUPTED.store(true, Ordering::SeqCst);
            let _swap = hold();
            let dirs = STAGING.lock().unwrap_or_else(|e| e.into_inner()).clone();
            for dir in &dirs {
                let _ = std::fs::remove_dir_all(dir);
            }
            if !dirs.is_empty() {
                // A writer that was past its check may still create a folder: sweep again.
                std::thread::sleep(Duration::from_millis(100));
                for dir in &dirs {
                    let _ = std::fs::remove_dir_all(dir);
                }
            }
            eprintln!("{message}");
            std::process::exit(130);
        })
        .map_err(|e| e.to_string())
    }
}

impl Sink for Staging {
    fn put(&self, path: String, bytes: Vec<u8>) -> Result<(), Diagnostic> {
        self.write(&path, &bytes)
    }

    fn put_with(
        &self,
        path: String,
        fill: &mut dyn FnMut(&mut dyn Write) -> std::io::Result<()>,
    ) -> Result<(), Diagnostic> {
        let target = self.target(&path)?;
        let mut write = || -> std::io::Result<u64> {
            let mut file = Counting {
                inner: BufWriter::with_capacity(1 << 18, fs::File::create(&target)?),
                bytes: 0,
            };
            fill(&mut file)?;
            file.inner.flush()?;
            Ok(file.bytes)
        };
        let bytes = write().map_err(|e| fail("cannot write", &target, e))?;
        self.files.fetch_add(1, Ordering::Relaxed);
        self.bytes.fetch_add(bytes, Ordering::Relaxed);
        Ok(())
    }
}

/// A writer that counts the bytes through it.
struct Counting<W> {
    inner: W,
    bytes: u64,
}

impl<W: Write> Write for Counting<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.bytes += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Writes `files` to `out` atomically, as a build does.
    fn write_files(files: &[(&str, &[u8])], out: &Path) -> Result<(), Diagnostic> {
        let staging = Staging::new(out, false)?;
        for (path, bytes) in files {
            staging.write(path, bytes)?;
        }
        staging.commit().map(|_| ())
    }

    #[test]
    fn swaps_in_new_tree_and_drops_stale_files() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_files(&[("a/old.html", b"old")], &out).unwrap();
        write_files(&[("index.html", b"new")], &out).unwrap();
        assert!(!out.join("a/old.html").exists());
        assert_eq!(fs::read(out.join("index.html")).unwrap(), b"new");
        let leftovers: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no temporary folders are left behind");
    }

    /// A folder `name` in `parent` holding a file, with the marker when `marked`.
    fn leftover(parent: &Path, name: &str, marked: bool) -> PathBuf {
        let dir = parent.join(name);
        fs::create_dir_all(dir.join("sub")).unwrap();
        fs::write(dir.join("sub/a.html"), "x").unwrap();
        if marked {
            fs::write(dir.join(MARKER), "").unwrap();
        }
        dir
    }

    #[test]
    fn leftovers_of_earlier_builds_are_removed_or_warned_about() {
        let dir = tempfile::tempdir().unwrap();
        let gone = leftover(dir.path(), ".public.old-2147483646", true);
        let tmp = leftover(dir.path(), ".public.tmp-2147483645", true);
        let foreign = leftover(dir.path(), ".public.old-2147483644", false);
        let mine = leftover(
            dir.path(),
            &format!(".public.old-{}", std::process::id()),
            true,
        );
        let other = leftover(dir.path(), ".site.old-2147483646", true);
        let failing = |_: &Path| Err(std::io::Error::from(std::io::ErrorKind::PermissionDenied));
        let warnings = remove_stale(dir.path(), "public", failing);
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        assert_eq!(warnings[0].path, gone);
        assert!(
            warnings[0].message.contains("cannot remove this folder"),
            "{}",
            warnings[0]
        );
        assert!(
            warnings[0]
                .hint
                .as_deref()
                .unwrap_or("")
                .contains("delete it yourself")
        );
        assert!(remove_stale(dir.path(), "public", remove_own).is_empty());
        assert!(!gone.exists() && !tmp.exists());
        assert!(foreign.exists() && mine.exists() && other.exists());
    }

    #[test]
    fn a_read_only_previous_output_is_replaced_without_a_trace() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_files(&[("a/old.html", b"old")], &out).unwrap();
        for d in [out.join("a"), out.clone()] {
            let mut perms = fs::metadata(&d).unwrap().permissions();
            perms.set_readonly(true);
            fs::set_permissions(&d, perms).unwrap();
        }
        write_files(&[("index.html", b"new")], &out).unwrap();
        assert_eq!(fs::read(out.join("index.html")).unwrap(), b"new");
        let leftovers: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "the previous output is removed");
    }

    #[test]
    fn an_abandoned_staging_leaves_the_output_alone() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_files(&[("index.html", b"old")], &out).unwrap();
        let staging = Staging::new(&out, false).unwrap();
        staging.put("index.html".into(), b"new".to_vec()).unwrap();
        staging
            .put_with("deep/er/print.html".into(), &mut |w| w.write_all(b"x"))
            .unwrap();
        assert_eq!((staging.files(), staging.bytes()), (2, 4));
        drop(staging);
        assert_eq!(fs::read(out.join("index.html")).unwrap(), b"old");
        let leftovers: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no temporary folders are left behind");
    }
}
