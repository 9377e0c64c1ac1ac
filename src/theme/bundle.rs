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
//!
//! A path may also hold a build variable in braces, `//= include js/search/stemmers/{stemmer}.js`:
//! the build picks the part (here the search stemmer of the handbook's language, see
//! [`crate::search::Language`]), and every file the pattern could name is a part, so the
//! stemmers of other languages are never written alone.

use crate::error::Diagnostic;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

/// The directive, alone on its line (leading spaces allowed), followed by the path of the part
/// relative to the theme's `static/` folder.
const DIRECTIVE: &str = "//= include ";

/// Deepest nesting of includes (a part may include a shared helper).
const MAX_DEPTH: usize = 8;

/// The build variables a directive's path may hold (`{name}` -> value).
pub type Vars<'a> = [(&'a str, &'a str)];

/// Expands the includes of every `.js` file in `files` and removes the included parts.
/// `origin(name)` gives the path to name in an error (the default theme's or the override's);
/// `vars` the values of `{name}` in a directive's path.
pub fn expand(
    files: &mut BTreeMap<String, Vec<u8>>,
    origin: &dyn Fn(&str) -> PathBuf,
    vars: &Vars<'_>,
) -> Result<(), Vec<Diagnostic>> {
    let mut parts = BTreeSet::new();
    let mut patterns = BTreeSet::new();
    let mut out = BTreeMap::new();
    let mut errors = Vec::new();
    for (name, bytes) in files.iter() {
        if !name.ends_with(".js") || !has_directive(bytes) {
            continue;
        }
        let mut stack = vec![name.clone()];
        let mut ctx = Ctx {
            files,
            parts: &mut parts,
            patterns: &mut patterns,
            origin,
            vars,
        };
        match expand_one(&mut ctx, name, bytes, &mut stack) {
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
    files.retain(|name, _| {
        !parts.contains(name) && !patterns.iter().any(|p: &String| matches_variable(p, name))
    });
    Ok(())
}

/// What one expansion reads and records.
struct Ctx<'a, 'v> {
    files: &'a BTreeMap<String, Vec<u8>>,
    parts: &'a mut BTreeSet<String>,
    /// Directive paths holding a variable: every file they could name is a part.
    patterns: &'a mut BTreeSet<String>,
    origin: &'a dyn Fn(&str) -> PathBuf,
    vars: &'a Vars<'v>,
}

/// `target` with its `{name}` variables replaced, or the name of the first unknown one.
fn substitute(target: &str, vars: &Vars<'_>) -> Result<String, String> {
    let mut out = String::new();
    let mut rest = target;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        let name = &rest[open + 1..open + close];
        let Some((_, value)) = vars.iter().find(|(n, _)| *n == name) else {
            return Err(name.to_string());
        };
        out.push_str(&rest[..open]);
        out.push_str(value);
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

/// Whether `name` is a file that `pattern` (a path with `{..}` variables, each standing for
/// one path segment or part of one) could name.
fn matches_variable(pattern: &str, name: &str) -> bool {
    match pattern.find('{') {
        None => pattern == name,
        Some(open) => {
            let Some(close) = pattern[open..].find('}') else {
                return pattern == name;
            };
            let (head, tail) = (&pattern[..open], &pattern[open + close + 1..]);
            let Some(rest) = name.strip_prefix(head) else {
                return false;
            };
            (1..=rest.len()).any(|i| {
                rest.is_char_boundary(i)
                    && !rest[..i].contains('/')
                    && matches_variable(tail, &rest[i..])
            })
        }
    }
}

fn has_directive(bytes: &[u8]) -> bool {
    String::from_utf8_lossy(bytes)
        .lines()
        .any(|l| l.trim_start().starts_with(DIRECTIVE))
}

/// `bytes` (the file `name`) with each directive line replaced by its part, recursively.
fn expand_one(
    ctx: &mut Ctx<'_, '_>,
    name: &str,
    bytes: &[u8],
    stack: &mut Vec<String>,
) -> Result<Vec<u8>, Diagnostic> {
    let text = String::from_utf8_lossy(bytes);
    let mut out = Vec::with_capacity(bytes.len());
    for (index, line) in text.split_inclusive('\n').enumerate() {
        let Some(target) = line.trim_start().strip_prefix(DIRECTIVE) else {
            out.extend_from_slice(line.as_bytes());
            continue;
        };
        let pattern = target.trim();
        let origin = ctx.origin;
        let at = |message: String, hint: &str| {
            Diagnostic::error(origin(name), index + 1, message).with_hint(hint.to_string())
        };
        let target = match substitute(pattern, ctx.vars) {
            Ok(t) => t,
            Err(var) => {
                let known: Vec<&str> = ctx.vars.iter().map(|(n, _)| *n).collect();
                return Err(at(
                    format!("`{{{var}}}` in `{pattern}` is not a build variable"),
                    &format!("the variables are: {}", known.join(", ")),
                ));
            }
        };
        if target != pattern {
            ctx.patterns.insert(pattern.to_string());
        }
        let target = target.as_str();
        let files = ctx.files;
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
            let expanded = expand_one(ctx, part_name, part, stack)?;
            stack.pop();
            ctx.parts.insert(part_name.to_string());
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
        expand(&mut f, &origin, &[]).unwrap();
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
    fn a_variable_picks_one_part_and_all_its_siblings_are_parts() {
        let mut f = files(&[
            ("js/s.js", "a();\n//= include js/s/stem-{stemmer}.js\n"),
            ("js/s/stem-en.js", "en();\n"),
            ("js/s/stem-es.js", "es();\n"),
            ("js/s/stem-none.js", "none();\n"),
            ("js/s/other.js", "kept();\n"),
        ]);
        expand(&mut f, &origin, &[("stemmer", "es")]).unwrap();
        assert_eq!(String::from_utf8_lossy(&f["js/s.js"]), "a();\nes();\n");
        let names: Vec<&str> = f.keys().map(String::as_str).collect();
        assert_eq!(names, ["js/s.js", "js/s/other.js"]);
    }

    #[test]
    fn an_unknown_variable_is_an_error_naming_the_line() {
        let mut f = files(&[("js/s.js", "a();\n//= include js/s/{lang}.js\n")]);
        let errors = expand(&mut f, &origin, &[("stemmer", "es")]).unwrap_err();
        assert_eq!(errors[0].line, 2);
        assert!(errors[0].message.contains("{lang}"), "{errors:?}");
        assert!(errors[0].hint.as_deref().unwrap_or("").contains("stemmer"));
    }

    #[test]
    fn a_file_without_directives_is_unchanged() {
        let mut f = files(&[("js/a.js", "// = include not a directive\nx();")]);
        let before = f.clone();
        expand(&mut f, &origin, &[]).unwrap();
        assert_eq!(f, before);
    }

    #[test]
    fn a_missing_part_names_the_file_and_line() {
        let mut f = files(&[("js/a.js", "x();\n//= include js/a/gone.js\n")]);
        let errors = expand(&mut f, &origin, &[]).unwrap_err();
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
        let errors = expand(&mut f, &origin, &[]).unwrap_err();
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
        expand(&mut f, &origin, &[]).unwrap();
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
            let errors = expand(&mut f, &origin, &[]).unwrap_err();
            assert_eq!(errors.len(), 1, "{pattern}");
            assert_eq!(errors[0].line, 2);
            assert!(
                errors[0].message.contains("no file of the theme matches"),
                "{errors:?}"
            );
        }
    }
}
