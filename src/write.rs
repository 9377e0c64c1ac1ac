//! Write stage: the whole site goes into a temporary folder beside the output and is swapped in
//! only when every file was written, so a failed build leaves the previous output untouched and
//! stale files never linger.

use crate::error::Diagnostic;
use crate::site::Site;
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

/// Writes `site` to `out` atomically (as far as the file system allows: two renames).
pub fn write_site(site: &Site, out: &Path) -> Result<(), Diagnostic> {
    let fail = |what: &str, path: &Path, e: std::io::Error| {
        Diagnostic::error(path, 0, format!("{what}: {e}"))
            .with_hint("check that the output folder's parent exists and is writable")
    };
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

    let result = write_tree(site, &tmp);
    if let Err((path, e)) = result {
        let _ = fs::remove_dir_all(&tmp);
        return Err(fail("cannot write", &path, e));
    }
    if out.exists() {
        let _ = fs::remove_dir_all(&old);
        if let Err(e) = fs::rename(out, &old) {
            let _ = fs::remove_dir_all(&tmp);
            return Err(fail("cannot replace the output folder", out, e));
        }
        if let Err(e) = fs::rename(&tmp, out) {
            let _ = fs::rename(&old, out);
            let _ = fs::remove_dir_all(&tmp);
            return Err(fail("cannot replace the output folder", out, e));
        }
        let _ = fs::remove_dir_all(&old);
    } else if let Err(e) = fs::rename(&tmp, out) {
        let _ = fs::remove_dir_all(&tmp);
        return Err(fail("cannot create the output folder", out, e));
    }
    Ok(())
}

fn write_tree(site: &Site, dir: &Path) -> Result<(), (PathBuf, std::io::Error)> {
    let folders: BTreeSet<PathBuf> = site
        .files
        .keys()
        .filter_map(|p| Path::new(p).parent().map(|d| dir.join(d)))
        .collect();
    for folder in folders {
        fs::create_dir_all(&folder).map_err(|e| (folder.clone(), e))?;
    }
    site.files.par_iter().try_for_each(|(path, bytes)| {
        let target = dir.join(path);
        fs::write(&target, bytes).map_err(|e| (target, e))
    })
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
}
