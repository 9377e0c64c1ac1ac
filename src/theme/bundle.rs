//! Build-time includes for the theme's scripts: a line `//= include PATH` in a static `.js`
//! file is replaced by the file `static/PATH`, so a long script is kept as parts
//! (`js/srs/*.js`) and shared helpers (`js/shared/*.js`) are written once, while the site still
//! gets one classic script per asset name (no ES modules: pages keep working from file://).
//!
//! Runs on the merged static files, so a theme may override either a whole built script (its
//! `static/js/srs.js` wins, parts and all) or a single part (`static/js/srs/render.js`). A file
//! that some script includes is a part and is not written to `assets/` on its own.
//!
//! The file name of the path may hold one `*` (`//= include js/exercise/types/*.js`): every
//! file of that folder (not of its subfolders) whose name matches is included, in the byte
//! order of the names, so a new part is picked up without touching the including script. A
//! pattern that matches nothing is an error.

use crate::error::Diagnostic;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

/// The directive, alone on its line (leading spaces allowed), followed by the path of the part
/// relative to the theme's `static/` folder.
const DIRECTIVE: &str = "//= include ";

/// Deepest nesting of includes (a part may include a shared helper).
const MAX_DEPTH: usize = 8;

/// Expands the includes of every `.js` file in `files` and removes the included parts.
/// `origin(name)` gives the path to name in an error (the default theme's or the override's).
pub fn expand(
    files: &mut BTreeMap<String, Vec<u8>>,
    origin: &dyn Fn(&str) -> PathBuf,
) -> Result<(), Vec<Diagnostic>> {
    let mut parts = BTreeSet::new();
    let mut out = BTreeMap::new();
    let mut errors = Vec::new();
    for (name, bytes) in files.iter() {
        if !name.ends_with(".js") || !has_directive(bytes) {
            continue;
        }
        let mut stack = vec![name.clone()];
        match expand_one(files, name, bytes, &mut stack, &mut parts, origin) {
            Ok(expanded) => {
                out.insert(name.clone(), expanded);
            }
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    files.extend(out);
    for part in parts {
        files.remove(&part);
    }
    Ok(())
}

fn has_directive(bytes: &[u8]) -> bool {
    String::from_utf8_lossy(bytes)
        .lines()
        .any(|l| l.trim_start().starts_with(DIRECTIVE))
}

/// `bytes` (the file `name`) with each directive line replaced by its part, recursively.
fn expand_one(
    files: &BTreeMap<String, Vec<u8>>,
    name: &str,
    bytes: &[u8],
    stack: &mut Vec<String>,
    parts: &mut BTreeSet<String>,
    origin: &dyn Fn(&str) -> PathBuf,
) -> Result<Vec<u8>, Diagnostic> {
    let text = String::from_utf8_lossy(bytes);
    let mut out = Vec::with_capacity(bytes.len());
    for (index, line) in text.split_inclusive('\n').enumerate() {
        let Some(target) = line.trim_start().strip_prefix(DIRECTIVE) else {
            out.extend_from_slice(line.as_bytes());
            continue;
        };
        let target = target.trim();
        let at = |message: String, hint: &str| {
            Diagnostic::error(origin(name), index + 1, message).with_hint(hint.to_string())
        };
        let matched = matching(files, target);
        if matched.is_empty() {
            let (message, hint) = if target.contains('*') {
                (
                    format!("`{target}` is included but no file of the theme matches it"),
                    "fix the pattern (one `*` in the file name, relative to the theme's static/ folder) or add a file it matches",
                )
            } else {
                (
                    format!("`{target}` is included but the theme has no file static/{target}"),
                    "fix the path (it is relative to the theme's static/ folder) or add the file",
                )
            };
            return Err(at(message, hint));
        }
        for (part_name, part) in matched {
            if stack.iter().any(|s| s == part_name) || stack.len() >= MAX_DEPTH {
                return Err(at(
                    format!(
                        "including `{part_name}` here makes a loop ({})",
                        stack.join(" -> ")
                    ),
                    "a part must not include, directly or not, a file that includes it",
                ));
            }
            stack.push(part_name.to_string());
            let expanded = expand_one(files, part_name, part, stack, parts, origin)?;
            stack.pop();
            parts.insert(part_name.to_string());
            out.extend_from_slice(&expanded);
        }
    }
    Ok(out)
}

/// The files an include names: the one file `target`, or, when its file name holds a `*`,
/// every file of that folder whose name matches, in name order.
fn matching<'f>(files: &'f BTreeMap<String, Vec<u8>>, target: &str) -> Vec<(&'f str, &'f [u8])> {
    let (folder, pattern) = match target.rsplit_once('/') {
        Some((folder, name)) => (Some(folder), name),
        None => (None, target),
    };
    let Some((before, after)) = pattern.split_once('*') else {
        return files
            .get_key_value(target)
            .map(|(k, v)| (k.as_str(), v.as_slice()))
            .into_iter()
            .collect();
    };
    if after.contains('*') || folder.is_some_and(|f| f.contains('*')) {
        return Vec::new();
    }
    files
        .iter()
        .filter(|(name, _)| {
            let name = match folder {
                Some(folder) => name
                    .strip_prefix(folder)
                    .and_then(|rest| rest.strip_prefix('/')),
                None => Some(name.as_str()),
            };
            name.is_some_and(|n| {
                !n.contains('/')
                    && n.len() >= before.len() + after.len()
                    && n.starts_with(before)
                    && n.ends_with(after)
            })
        })
        .map(|(k, v)| (k.as_str(), v.as_slice()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(list: &[(&str, &str)]) -> BTreeMap<String, Vec<u8>> {
        list.iter()
            .map(|(n, t)| (n.to_string(), t.as_bytes().to_vec()))
            .collect()
    }

    fn origin(name: &str) -> PathBuf {
        PathBuf::from("themes/default/static").join(name)
    }

    #[test]
    fn parts_are_inlined_in_order_and_not_written_alone() {
        let mut f = files(&[
            (
                "js/a.js",
                "(function () {\n  //= include js/a/one.js\n//= include js/a/two.js\n})();\n",
            ),
            (
                "js/a/one.js",
                "var x = 1;\n  //= include js/shared/dom.js\n",
            ),
            ("js/a/two.js", "var y = 2;\n"),
            ("js/shared/dom.js", "function el() {}\n"),
            ("js/b.js", "//= include js/shared/dom.js\nb();\n"),
            ("css/c.css", "//= include js/a/two.js\n"),
        ]);
        expand(&mut f, &origin).unwrap();
        assert_eq!(
            String::from_utf8_lossy(&f["js/a.js"]),
            "(function () {\nvar x = 1;\nfunction el() {}\nvar y = 2;\n})();\n"
        );
        assert_eq!(
            String::from_utf8_lossy(&f["js/b.js"]),
            "function el() {}\nb();\n"
        );
        let names: Vec<&str> = f.keys().map(String::as_str).collect();
        assert_eq!(names, ["css/c.css", "js/a.js", "js/b.js"]);
    }

    #[test]
    fn a_file_without_directives_is_unchanged() {
        let mut f = files(&[("js/a.js", "// = include not a directive\nx();")]);
        let before = f.clone();
        expand(&mut f, &origin).unwrap();
        assert_eq!(f, before);
    }

    #[test]
    fn a_missing_part_names_the_file_and_line() {
        let mut f = files(&[("js/a.js", "x();\n//= include js/a/gone.js\n")]);
        let errors = expand(&mut f, &origin).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].path, origin("js/a.js"));
        assert_eq!(errors[0].line, 2);
        assert!(errors[0].message.contains("js/a/gone.js"), "{errors:?}");
    }

    #[test]
    fn a_loop_is_an_error_not_a_stack_overflow() {
        let mut f = files(&[
            ("js/a.js", "//= include js/p.js\n"),
            ("js/p.js", "//= include js/q.js\n"),
            ("js/q.js", "//= include js/p.js\n"),
        ]);
        let errors = expand(&mut f, &origin).unwrap_err();
        assert!(
            errors.iter().all(|e| e.message.contains("loop")),
            "{errors:?}"
        );
    }

    #[test]
    fn a_pattern_includes_the_matching_files_of_its_folder_in_name_order() {
        let mut f = files(&[
            (
                "js/a.js",
                "start();
//= include js/a/types/*.js
end();
",
            ),
            (
                "js/a/types/short.js",
                "short();
",
            ),
            (
                "js/a/types/choice.js",
                "choice();
//= include js/shared/dom.js
",
            ),
            (
                "js/a/types/Zed.js",
                "zed();
",
            ),
            ("js/a/types/notes.txt", "not a script\n"),
            (
                "js/a/types/deeper/x.js",
                "deeper();
",
            ),
            (
                "js/shared/dom.js",
                "function el() {}
",
            ),
        ]);
        expand(&mut f, &origin).unwrap();
        assert_eq!(
            String::from_utf8_lossy(&f["js/a.js"]),
            "start();
zed();
choice();
function el() {}
short();
end();
"
        );
        // The matched files are parts; what the pattern did not match is left alone.
        let names: Vec<&str> = f.keys().map(String::as_str).collect();
        assert_eq!(
            names,
            ["js/a.js", "js/a/types/deeper/x.js", "js/a/types/notes.txt"]
        );
    }

    #[test]
    fn a_pattern_that_matches_nothing_is_an_error_at_its_line() {
        for pattern in ["js/a/types/*.js", "js/*/types/*.js", "js/a/*.*.js"] {
            let mut f = files(&[
                ("js/a.js", &format!("x();\n//= include {pattern}\n")),
                ("js/a/other.js", "y();\n"),
            ]);
            let errors = expand(&mut f, &origin).unwrap_err();
            assert_eq!(errors.len(), 1, "{pattern}");
            assert_eq!(errors[0].line, 2);
            assert!(
                errors[0].message.contains("no file of the theme matches"),
                "{errors:?}"
            );
        }
    }
}
