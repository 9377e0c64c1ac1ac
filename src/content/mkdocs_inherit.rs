//! MkDocs's `INHERIT: base.yml`: a site's configuration file built on another. The chain of
//! files is read (each `INHERIT` relative to the folder of the file that names it, inside the
//! handbook root only) and merged as MkDocs merges it (`mergedeep`): the child's keys over the
//! parent's, mappings merged key by key at every depth, every other value (lists too)
//! replaced. A missing file, one outside the root and a loop are errors at the `INHERIT` line.

use crate::error::Diagnostic;
use serde_json::{Map, Value};
use std::path::{Component, Path, PathBuf};

/// The longest chain of files read (MkDocs has no limit; a longer chain is surely a mistake).
const MAX_CHAIN: usize = 32;

/// One configuration file of a chain.
#[derive(Debug, Clone)]
pub(super) struct Layer {
    /// Its path relative to the handbook root.
    pub path: PathBuf,
    /// Its text (a byte-order mark removed).
    pub text: String,
    /// Its settings, `INHERIT` removed (an empty file is an empty mapping).
    pub doc: Value,
}

impl Layer {
    /// A layer for the file at `path` (relative to the root) holding `text` and `doc`.
    pub fn new(path: &Path, text: &str, doc: Value) -> Layer {
        Layer {
            path: path.to_path_buf(),
            text: text.to_string(),
            doc: if doc.is_null() {
                Value::Object(Map::new())
            } else {
                doc
            },
        }
    }
}

/// The chain that starts at `first` (the site's own file): `first`, the file it inherits from,
/// that file's parent, and so on; `parse` reads one file's settings.
pub(super) fn chain(
    root: &Path,
    first: Layer,
    parse: impl Fn(&str, &Path) -> Result<Value, Vec<Diagnostic>>,
) -> Result<Vec<Layer>, Vec<Diagnostic>> {
    let mut layers = vec![first];
    while let Some(last) = layers.last_mut() {
        let Some(inherit) = last.doc.as_object_mut().and_then(|o| o.remove("INHERIT")) else {
            break;
        };
        let from = last.path.clone();
        let line = super::mkdocs::key_line(&last.text, "INHERIT", 0);
        let at = |message: String, hint: &str| {
            vec![Diagnostic::error(&from, line, message).with_hint(hint)]
        };
        let rel = match &inherit {
            Value::String(s) if !s.trim().is_empty() => s.trim().to_string(),
            _ => {
                return Err(at(
                    "`INHERIT` must name a file".into(),
                    "write the path of the settings this file builds on, such as `INHERIT: base.yml`",
                ));
            }
        };
        let folder = from.parent().unwrap_or(Path::new(""));
        let Some(path) = inside(&folder.join(&rel)) else {
            return Err(at(
                format!("INHERIT `{rel}` is outside the site's folder"),
                "the handbook reads only inside its folder: copy the settings this file needs into it",
            ));
        };
        if layers.iter().any(|l| l.path == path) {
            let mut names: Vec<String> = layers
                .iter()
                .map(|l| l.path.display().to_string())
                .collect();
            names.push(path.display().to_string());
            return Err(at(
                format!(
                    "INHERIT `{rel}` leads back to a file already read: {}",
                    names.join(" -> ")
                ),
                "the files inherit from each other in a loop: remove one of the `INHERIT` lines",
            ));
        }
        if layers.len() >= MAX_CHAIN {
            return Err(at(
                format!("INHERIT `{rel}`: more than {MAX_CHAIN} files inherit one from another"),
                "shorten the chain of `INHERIT` files",
            ));
        }
        if !crate::safety::resolve(&root.join(&path)).starts_with(crate::safety::resolve(root)) {
            return Err(at(
                format!("INHERIT `{rel}` leads outside the site's folder (through a link)"),
                "the handbook reads only inside its folder: copy the settings this file needs into it",
            ));
        }
        let bytes = match std::fs::read(root.join(&path)) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(at(
                    format!(
                        "INHERIT `{rel}`: there is no such file (looked for `{}`)",
                        path.display()
                    ),
                    "correct the path (relative to the folder of this file) or remove the line",
                ));
            }
            Err(e) => {
                return Err(at(
                    format!("INHERIT `{rel}`: cannot read `{}`: {e}", path.display()),
                    "check the file's permissions",
                ));
            }
        };
        let Ok(text) = String::from_utf8(bytes) else {
            return Err(vec![
                Diagnostic::error(&path, 0, "the file is not valid UTF-8")
                    .with_hint("save it as UTF-8 in your editor"),
            ]);
        };
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text).to_string();
        let doc = parse(&text, &path)?;
        if !doc.is_object() && !doc.is_null() {
            return Err(vec![
                Diagnostic::error(
                    &path,
                    1,
                    "the inherited settings are not a list of `key: value` lines",
                )
                .with_hint("write one setting per line, such as `site_name: My notes`"),
            ]);
        }
        layers.push(Layer::new(&path, &text, doc));
    }
    Ok(layers)
}

/// `path` with `.` and `..` resolved by name, when it stays inside the root.
fn inside(path: &Path) -> Option<PathBuf> {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::Normal(n) => out.push(n),
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    return None;
                }
            }
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    Some(out)
}

/// The settings of a chain: each file's over those of the file it inherits from.
pub(super) fn merged(layers: &[Layer]) -> Value {
    layers
        .iter()
        .rev()
        .fold(Value::Object(Map::new()), |parent, layer| {
            merge(parent, layer.doc.clone())
        })
}

/// `child` over `parent`: mappings merged key by key, any other value replaced.
fn merge(parent: Value, child: Value) -> Value {
    match (parent, child) {
        (Value::Object(mut p), Value::Object(c)) => {
            for (k, v) in c {
                let old = p.remove(&k).unwrap_or(Value::Null);
                p.insert(k, merge(old, v));
            }
            Value::Object(p)
        }
        (_, c) => c,
    }
}

/// The layer that gives the top-level `key` (the nearest to the site's own file that has it),
/// else the site's own file.
pub(super) fn origin<'a>(layers: &'a [Layer], key: &str) -> &'a Layer {
    layers
        .iter()
        .find(|l| l.doc.get(key).is_some())
        .unwrap_or(&layers[0])
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn mappings_merge_at_every_depth_and_lists_are_replaced() {
        let parent = json!({"site_name": "P", "theme": {"name": "material", "language": "de", "features": ["a", "b"]}, "nav": ["x.md"]});
        let child = json!({"theme": {"features": ["c"]}, "site_name": "C"});
        assert_eq!(
            merge(parent, child),
            json!({"site_name": "C", "theme": {"name": "material", "language": "de", "features": ["c"]}, "nav": ["x.md"]})
        );
    }

    #[test]
    fn paths_stay_inside_the_root() {
        assert_eq!(
            inside(Path::new("a/../b.yml")),
            Some(PathBuf::from("b.yml"))
        );
        assert_eq!(
            inside(Path::new("./cfg/b.yml")),
            Some(PathBuf::from("cfg/b.yml"))
        );
        assert_eq!(inside(Path::new("../b.yml")), None);
        assert_eq!(inside(Path::new("/etc/b.yml")), None);
    }

    #[test]
    fn the_nearest_file_gives_a_key() {
        let layers = [
            Layer::new(
                Path::new("mkdocs.yml"),
                "site_name: C\n",
                json!({"site_name": "C"}),
            ),
            Layer::new(Path::new("base.yml"), "nav: []\n", json!({"nav": []})),
        ];
        assert_eq!(origin(&layers, "nav").path, Path::new("base.yml"));
        assert_eq!(origin(&layers, "site_name").path, Path::new("mkdocs.yml"));
        assert_eq!(origin(&layers, "docs_dir").path, Path::new("mkdocs.yml"));
        assert_eq!(merged(&layers), json!({"site_name": "C", "nav": []}));
    }
}
