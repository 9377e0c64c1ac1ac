//! Write stage: the site goes into a temporary folder beside the output (a [`Staging`]) and is
//! swapped in only when every file was written, so a failed build leaves the previous output
//! untouched and stale files never linger. `build` streams each file into the staging folder as
//! soon as it is rendered; [`write_site`] writes an in-memory [`Site`] the same way.

use crate::error::Diagnostic;
use crate::site::Site;
use rayon::prelude::*;
use std::collections::HashSet;
use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

/// Where the files of a build go, as soon as each is ready: the output's staging folder
/// ([`Staging`]) or memory (`serve`'s [`Site`]). Paths are relative and `/`-separated.
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

/// The output folder being written: files go into a temporary folder beside `out`, which
/// [`Staging::commit`] swaps in; dropped without a commit, the temporary folder is removed and
/// the previous output stays as it was.
pub struct Staging {
    out: PathBuf,
    tmp: PathBuf,
    old: PathBuf,
    /// Folders already created under `tmp`.
    dirs: Mutex<HashSet<PathBuf>>,
    files: AtomicUsize,
    bytes: AtomicU64,
    committed: bool,
}

fn fail(what: &str, path: &Path, e: std::io::Error) -> Diagnostic {
    Diagnostic::error(path, 0, format!("{what}: {e}"))
        .with_hint("check that the output folder's parent exists and is writable")
}

impl Staging {
    /// Creates the temporary folder for a build going to `out`.
    pub fn new(out: &Path) -> Result<Staging, Diagnostic> {
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
        let tmp = parent.join(format!(".{name}.tmp-{}", std::process::id()));
        let old = parent.join(format!(".{name}.old-{}", std::process::id()));
        let _ = fs::remove_dir_all(&tmp);
        fs::create_dir_all(&tmp).map_err(|e| fail("cannot create the folder", &tmp, e))?;
        Ok(Staging {
            out: out.to_path_buf(),
            dirs: Mutex::new(HashSet::from([tmp.clone()])),
            tmp,
            old,
            files: AtomicUsize::new(0),
            bytes: AtomicU64::new(0),
            committed: false,
        })
    }

    /// The path of `path` in the temporary folder, its folder created.
    fn target(&self, path: &str) -> Result<PathBuf, Diagnostic> {
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

    /// Swaps the temporary folder in as the output folder (as atomically as the file system
    /// allows: two renames).
    pub fn commit(mut self) -> Result<(), Diagnostic> {
        self.committed = true;
        let (out, tmp, old) = (&self.out, &self.tmp, &self.old);
        if out.exists() {
            let _ = fs::remove_dir_all(old);
            if let Err(e) = fs::rename(out, old) {
                let _ = fs::remove_dir_all(tmp);
                return Err(fail("cannot replace the output folder", out, e));
            }
            if let Err(e) = fs::rename(tmp, out) {
                let _ = fs::rename(old, out);
                let _ = fs::remove_dir_all(tmp);
                return Err(fail("cannot replace the output folder", out, e));
            }
            let _ = fs::remove_dir_all(old);
        } else if let Err(e) = fs::rename(tmp, out) {
            let _ = fs::remove_dir_all(tmp);
            return Err(fail("cannot create the output folder", out, e));
        }
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.tmp);
        }
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

/// Writes `site` to `out` atomically (see [`Staging`]).
pub fn write_site(site: &Site, out: &Path) -> Result<(), Diagnostic> {
    let staging = Staging::new(out)?;
    site.files
        .par_iter()
        .try_for_each(|(path, bytes)| staging.write(path, bytes))?;
    staging.commit()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swaps_in_new_tree_and_drops_stale_files() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let mut site = Site::default();
        site.files.insert("a/old.html".into(), b"old".to_vec());
        write_site(&site, &out).unwrap();
        let mut site = Site::default();
        site.files.insert("index.html".into(), b"new".to_vec());
        write_site(&site, &out).unwrap();
        assert!(!out.join("a/old.html").exists());
        assert_eq!(fs::read(out.join("index.html")).unwrap(), b"new");
        let leftovers: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no temporary folders are left behind");
    }

    #[test]
    fn an_abandoned_staging_leaves_the_output_alone() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let mut site = Site::default();
        site.files.insert("index.html".into(), b"old".to_vec());
        write_site(&site, &out).unwrap();
        let staging = Staging::new(&out).unwrap();
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
