//! `handbook progress summarize`: reads the progress files trainees hand in
//! (`docs/progress-file.md`) and writes one table of them, trainee x assignment, as
//! `summary.html` and `summary.csv`.
//!
//! Files that cannot be used (not JSON, not a progress file, unknown schema, damaged, from
//! another handbook, an older export of a trainee already present) are skipped with a warning
//! naming the file and the reason; they are never merged. Only when no file is usable, or an
//! argument is bad (a missing file, an unwritable output folder), does the command fail.

pub mod language;
pub mod parse;
pub mod render;
pub mod view;

use crate::error::{Diagnostic, Diagnostics};
use parse::{Assignment, Instant, ProgressFile, Totals};
use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

/// Files larger than this are not progress files (a real one is a few hundred kilobytes).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// At most this many assignment columns (a handbook has a few dozen assignments at most). The
/// assignments most trainees have are kept; the rest are left out with a warning, so crafted
/// files listing thousands of assignments cannot blow the summary up.
pub const MAX_COLUMNS: usize = 200;

/// Column titles, ids and learning paths are shortened to this many characters.
pub const MAX_LABEL_CHARS: usize = 120;

/// What to summarize and where.
#[derive(Debug, Clone)]
pub struct Options {
    /// Progress files, or folders whose `*.json` files are read (sorted by name).
    pub inputs: Vec<PathBuf>,
    /// The folder that receives `summary.html` and `summary.csv`.
    pub out: PathBuf,
    /// The handbook whose files to summarize; default: the title most files carry.
    pub handbook: Option<String>,
    /// The interface language of `summary.html` and `summary.csv` (a BCP 47 tag; the shipped
    /// catalogue of its primary subtag, English where there is none).
    pub language: String,
}

/// What a successful run did.
#[derive(Debug)]
pub struct Summary {
    /// The handbook summarized, as shown: its title, with `(id ...)` when files name it by an
    /// id that differs from the title.
    pub handbook: String,
    /// How it was chosen, e.g. `chosen with --handbook` or `the title of all 3 usable files`.
    pub chosen: String,
    /// Whether the handbook was picked by count among usable files of several handbooks (so
    /// `--handbook` could choose another).
    pub other_handbooks: bool,
    /// Trainees (rows).
    pub trainees: usize,
    /// Files read (including the skipped ones).
    pub files: usize,
    /// The HTML page written.
    pub html: PathBuf,
    /// The CSV file written.
    pub csv: PathBuf,
    /// The files skipped and why (the run still succeeded).
    pub warnings: Vec<Diagnostic>,
}

/// The summary table, ready to render.
#[derive(Debug, Clone)]
pub struct Table {
    /// The handbook's title.
    pub handbook: String,
    /// The assignments, in order of first appearance across the files used.
    pub columns: Vec<Column>,
    /// One row per trainee, sorted by name.
    pub rows: Vec<Row>,
    /// How many files were read.
    pub files_read: usize,
}

/// One assignment column group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    /// The assignment's `id` (its page).
    pub id: String,
    /// Its title, from the first file that has it.
    pub title: String,
    /// Its learning path, from the first file that has it.
    pub path: Option<String>,
}

/// One trainee.
#[derive(Debug, Clone)]
pub struct Row {
    /// The trainee's name as typed (spaces collapsed).
    pub name: String,
    /// The file's name (without its folder).
    pub file: String,
    /// The export time as written in the file.
    pub exported: String,
    /// The export time as an instant.
    pub exported_at: Instant,
    /// Self-check totals.
    pub totals: Totals,
    /// Practice-form entries in the trainee's log (`None`: the file does not say).
    pub practice_entries: Option<u64>,
    /// One cell per column; `None` when the file has no such assignment.
    pub cells: Vec<Option<Assignment>>,
}

impl Table {
    /// Column headings: the title, or `title (id)` where two assignments share a title.
    pub fn labels(&self) -> Vec<String> {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for c in &self.columns {
            *seen.entry(c.title.as_str()).or_default() += 1;
        }
        self.columns
            .iter()
            .map(|c| {
                if c.title.is_empty() {
                    c.id.clone()
                } else if seen[c.title.as_str()] > 1 {
                    format!("{} ({})", c.title, c.id)
                } else {
                    c.title.clone()
                }
            })
            .collect()
    }
}

/// A file that parsed and passed every check.
struct Accepted {
    path: PathBuf,
    file: ProgressFile,
}

/// Reads the progress files, writes `summary.html` and `summary.csv` into `options.out`.
/// Every message, warning and title returned is free of control characters (a file name or a
/// title from a trainee's file could otherwise drive the terminal).
pub fn summarize(options: &Options) -> Result<Summary, Diagnostics> {
    match summarize_files(options) {
        Ok(mut summary) => {
            summary.handbook = parse::strip_controls(&summary.handbook);
            summary.chosen = parse::strip_controls(&summary.chosen);
            summary.warnings = summary.warnings.into_iter().map(clean_diagnostic).collect();
            Ok(summary)
        }
        Err(errors) => Err(Diagnostics(
            errors.0.into_iter().map(clean_diagnostic).collect(),
        )),
    }
}

/// A diagnostic with the control characters taken out of its path, message and hint.
fn clean_diagnostic(mut d: Diagnostic) -> Diagnostic {
    let path = d.path.to_string_lossy();
    if path.chars().any(char::is_control) {
        d.path = PathBuf::from(parse::strip_controls(&path));
    }
    d.message = parse::strip_controls(&d.message);
    d.hint = d.hint.map(|h| parse::strip_controls(&h));
    d
}

fn summarize_files(options: &Options) -> Result<Summary, Diagnostics> {
    let wanted = match &options.handbook {
        Some(t) if t.trim().is_empty() => {
            return Err(Diagnostic::error("", 0, "--handbook is empty")
                .with_hint("pass the handbook's title, as shown on its home page")
                .into());
        }
        Some(t) => Some(t.trim().to_string()),
        None => None,
    };
    let mut warnings = Vec::new();
    let paths = expand_inputs(&options.inputs, &mut warnings)?;
    if paths.is_empty() {
        warnings.push(
            Diagnostic::error("", 0, "no progress files to summarize")
                .with_hint("pass the .json files trainees handed in, or a folder holding them"),
        );
        return Err(warnings.into());
    }
    let mut accepted = read_all(&paths, &mut warnings)?;

    // Schema 3 files name the handbook by its id; an older file (named by title) belongs to
    // the id that newer files with its title carry.
    let ids = ids_by_title(&accepted);
    for a in &mut accepted {
        if a.file.schema < 3
            && let Some(id) = ids.get(&a.file.handbook)
        {
            a.file.handbook = id.clone();
        }
    }
    let wanted = wanted.map(|w| ids.get(&w).cloned().unwrap_or(w));

    // The reference handbook.
    let titles = titles_by_count(&accepted);
    let language = language::choose(&options.language);
    let catalog = &language.catalog;
    let (handbook, chosen) = match wanted {
        Some(t) => (t, catalog.text("summary.chosen_flag", &[])),
        None => most_common(catalog, &titles, accepted.len()),
    };
    let same_handbook = of_handbook(accepted, &handbook, &mut warnings);
    let kept = drop_older_duplicates(same_handbook, &mut warnings);
    if kept.is_empty() {
        warnings.push(nothing_usable(&titles));
        return Err(warnings.into());
    }

    // Shown by its title (the newest file's), and by its id where that differs.
    let shown = kept
        .iter()
        .max_by_key(|a| a.file.exported_at)
        .map(|a| {
            if a.file.title == a.file.handbook {
                a.file.title.clone()
            } else {
                format!("{} (id {})", a.file.title, a.file.handbook)
            }
        })
        .unwrap_or_else(|| handbook.clone());
    let (table, dropped) = build_table(shown, &kept, paths.len());
    if dropped > 0 {
        warnings.push(
            Diagnostic::warning(
                "",
                0,
                format!(
                    "{dropped} assignment{} left out: the summary shows at most {MAX_COLUMNS} assignments, those most trainees have",
                    if dropped == 1 { "" } else { "s" }
                ),
            )
            .with_hint("a handbook has far fewer assignments; check the files for ones that were edited or crafted"),
        );
    }
    let warnings: Vec<Diagnostic> = warnings.into_iter().map(clean_diagnostic).collect();
    let html = render::html(&table, &chosen, &warnings, catalog.language())?;
    let csv = render::csv(&table, catalog);
    // (Printed, not listed on the page with the files left out.)
    let warnings = [language.warnings, warnings].concat();
    let written = write_outputs(
        &options.out,
        &[
            ("summary.html", html.as_bytes()),
            ("summary.csv", csv.as_bytes()),
        ],
    )?;
    Ok(Summary {
        other_handbooks: titles.len() > 1 && options.handbook.is_none(),
        handbook: table.handbook.clone(),
        chosen,
        trainees: table.rows.len(),
        files: paths.len(),
        html: written[0].clone(),
        csv: written[1].clone(),
        warnings,
    })
}

/// Reads and checks every file: the ones that pass, and a warning for each skipped one.
/// Reading errors fail the run (a bad argument).
fn read_all(
    paths: &[PathBuf],
    warnings: &mut Vec<Diagnostic>,
) -> Result<Vec<Accepted>, Diagnostics> {
    let mut errors = Vec::new();
    let mut accepted = Vec::new();
    for path in paths {
        let bytes = match read(path) {
            Ok(Some(b)) => b,
            Ok(None) => {
                warnings.push(
                    Diagnostic::warning(
                        path,
                        0,
                        format!(
                            "skipped: too large to be a progress file (over {} MB)",
                            MAX_FILE_BYTES / (1024 * 1024)
                        ),
                    )
                    .with_hint("pass the .json files trainees export from the handbook"),
                );
                continue;
            }
            Err(d) => {
                errors.push(d);
                continue;
            }
        };
        match parse::parse(&bytes) {
            Ok(file) => accepted.push(Accepted {
                path: path.clone(),
                file,
            }),
            Err(problem) => warnings.push(
                Diagnostic::warning(path, 0, format!("skipped: {problem}"))
                    .with_hint(problem.hint()),
            ),
        }
    }
    if !errors.is_empty() {
        errors.push(
            Diagnostic::error("", 0, "some files could not be read")
                .with_hint("check the paths; pass progress files (.json) or folders holding them"),
        );
        return Err(errors.into());
    }
    Ok(accepted)
}

/// The handbook most files carry (`titles` sorted by count) and why it was chosen.
fn most_common(
    catalog: &crate::i18n::Catalog,
    titles: &[(String, usize)],
    usable: usize,
) -> (String, String) {
    match titles.first() {
        Some((title, count)) => {
            let reason = match (titles.get(1), *count) {
                (None, 1) => catalog.text("summary.chosen_only", &[]),
                (None, 2) => catalog.text("summary.chosen_both", &[]),
                (None, n) => catalog.plural("summary.chosen_all", n as f64, &[]),
                (Some((other, n)), _) if n == count => {
                    catalog.plural("summary.chosen_tied", *n as f64, &[("other", other)])
                }
                (Some(_), n) => catalog.plural(
                    "summary.chosen_most",
                    n as f64,
                    &[("usable", &usable.to_string())],
                ),
            };
            (title.clone(), reason)
        }
        None => (String::new(), String::new()),
    }
}

/// The files of `handbook`; the others are skipped with a warning.
fn of_handbook(
    accepted: Vec<Accepted>,
    handbook: &str,
    warnings: &mut Vec<Diagnostic>,
) -> Vec<Accepted> {
    let mut same_handbook = Vec::new();
    for a in accepted {
        if a.file.handbook == handbook {
            same_handbook.push(a);
        } else {
            warnings.push(
                Diagnostic::warning(
                    &a.path,
                    0,
                    format!(
                        "skipped: from another handbook (\"{}\"); summarizing \"{handbook}\"",
                        a.file.handbook
                    ),
                )
                .with_hint(
                    "summarize each handbook's files separately, or choose one with --handbook TITLE",
                ),
            );
        }
    }
    same_handbook
}

/// The error when no file is left, with the handbooks the usable files came from.
fn nothing_usable(titles: &[(String, usize)]) -> Diagnostic {
    let hint = if titles.is_empty() {
        "pass the .json files trainees export from the handbook's \"My progress\" or assignment pages"
            .to_string()
    } else {
        let found: Vec<String> = titles
            .iter()
            .map(|(t, n)| format!("\"{t}\" ({n})"))
            .collect();
        format!(
            "the usable files are from {}; choose one with --handbook TITLE",
            found.join(", ")
        )
    };
    Diagnostic::error("", 0, "no progress file could be used; nothing was written").with_hint(hint)
}

/// Expands folders into their `*.json` files (sorted by name, hidden files ignored) and drops
/// files named twice. Missing paths and unreadable folders are errors.
fn expand_inputs(
    inputs: &[PathBuf],
    warnings: &mut Vec<Diagnostic>,
) -> Result<Vec<PathBuf>, Diagnostics> {
    let mut errors = Vec::new();
    let mut files = Vec::new();
    for input in inputs {
        if input.is_dir() {
            match fs::read_dir(input) {
                Ok(entries) => {
                    let mut found: Vec<PathBuf> = entries
                        .filter_map(Result::ok)
                        .filter(|e| {
                            let name = e.file_name().to_string_lossy().to_lowercase();
                            name.ends_with(".json") && !name.starts_with('.') && e.path().is_file()
                        })
                        .map(|e| e.path())
                        .collect();
                    found.sort();
                    if found.is_empty() {
                        warnings.push(
                            Diagnostic::warning(input, 0, "no .json files in this folder")
                                .with_hint("progress files end in .json"),
                        );
                    }
                    files.extend(found);
                }
                Err(e) => errors.push(
                    Diagnostic::error(input, 0, format!("cannot read the folder: {e}"))
                        .with_hint("check the folder's permissions"),
                ),
            }
        } else if input.exists() {
            files.push(input.clone());
        } else {
            errors.push(
                Diagnostic::error(input, 0, "no such file or folder").with_hint(
                    "check the path; pass progress files (.json) or folders holding them",
                ),
            );
        }
    }
    if !errors.is_empty() {
        return Err(errors.into());
    }
    let mut seen = std::collections::HashSet::new();
    files.retain(|f| seen.insert(fs::canonicalize(f).unwrap_or_else(|_| f.clone())));
    Ok(files)
}

/// The file's bytes; `None` when it is too large to be a progress file.
fn read(path: &Path) -> Result<Option<Vec<u8>>, Diagnostic> {
    let fail = |e: std::io::Error| {
        Diagnostic::error(path, 0, format!("cannot read the file: {e}"))
            .with_hint("check that the file exists and that you may read it")
    };
    let meta = fs::metadata(path).map_err(fail)?;
    if !meta.is_file() {
        return Err(Diagnostic::error(path, 0, "not a file or folder")
            .with_hint("pass progress files (.json) or folders holding them"));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Ok(None);
    }
    fs::read(path).map(Some).map_err(fail)
}

/// For each title carried by schema 3 files, the id most of them carry.
fn ids_by_title(files: &[Accepted]) -> HashMap<String, String> {
    let mut counts: Vec<(&str, &str, usize)> = Vec::new();
    for a in files.iter().filter(|a| a.file.schema >= 3) {
        match counts
            .iter_mut()
            .find(|(t, i, _)| *t == a.file.title && *i == a.file.handbook)
        {
            Some((_, _, n)) => *n += 1,
            None => counts.push((&a.file.title, &a.file.handbook, 1)),
        }
    }
    counts.sort_by_key(|c| std::cmp::Reverse(c.2));
    let mut out = HashMap::new();
    for (title, id, _) in counts {
        out.entry(title.to_string())
            .or_insert_with(|| id.to_string());
    }
    out
}

/// The handbooks (ids, or titles of older files) of the usable files, most files first; ties
/// in order of first appearance.
fn titles_by_count(files: &[Accepted]) -> Vec<(String, usize)> {
    let mut titles: Vec<(String, usize)> = Vec::new();
    for a in files {
        match titles.iter_mut().find(|(t, _)| *t == a.file.handbook) {
            Some((_, n)) => *n += 1,
            None => titles.push((a.file.handbook.clone(), 1)),
        }
    }
    // A stable sort keeps first-appearance order among equal counts.
    titles.sort_by_key(|t| std::cmp::Reverse(t.1));
    titles
}

/// Keeps one file per trainee (names compared by [`parse::name_key`]): the newer export, or
/// the one listed first when both were exported at the same moment. Warns on each file dropped,
/// naming the file kept.
fn drop_older_duplicates(files: Vec<Accepted>, warnings: &mut Vec<Diagnostic>) -> Vec<Accepted> {
    let mut kept: Vec<Accepted> = Vec::new();
    let mut by_name: HashMap<String, usize> = HashMap::new();
    for a in files {
        let key = parse::name_key(&a.file.learner);
        let Some(&i) = by_name.get(&key) else {
            by_name.insert(key, kept.len());
            kept.push(a);
            continue;
        };
        let (newer, older) = if a.file.exported_at > kept[i].file.exported_at {
            let older = std::mem::replace(&mut kept[i], a);
            (&kept[i], older)
        } else {
            (&kept[i], a)
        };
        let when = if newer.file.exported_at == older.file.exported_at {
            format!(
                "exported at the same time ({})",
                newer.file.exported_at.display_utc()
            )
        } else {
            format!(
                "which was exported later ({}; this file {})",
                newer.file.exported_at.display_utc(),
                older.file.exported_at.display_utc()
            )
        };
        warnings.push(
            Diagnostic::warning(
                &older.path,
                0,
                format!(
                    "skipped: same trainee (\"{}\") as {}, {when}",
                    older.file.learner,
                    newer.path.display()
                ),
            )
            .with_hint(format!(
                "{} is used; trainees are matched by name, ignoring case and extra spaces",
                newer.path.display()
            )),
        );
    }
    kept
}

/// The table of the files kept: assignment columns in order of first appearance (at most
/// [`MAX_COLUMNS`]: those most files have), rows by name. Also returns how many assignments
/// were left out.
fn build_table(handbook: String, files: &[Accepted], files_read: usize) -> (Table, usize) {
    // Every assignment id: (first appearance, how many files have it).
    let mut found: HashMap<&str, (usize, usize)> = HashMap::new();
    for a in files {
        let mut in_file = std::collections::HashSet::new();
        for asg in &a.file.assignments {
            if in_file.insert(asg.id.as_str()) {
                let next = found.len();
                found.entry(&asg.id).or_insert((next, 0)).1 += 1;
            }
        }
    }
    let mut ids: Vec<(&str, usize, usize)> = found
        .iter()
        .map(|(id, &(first, n))| (*id, first, n))
        .collect();
    let dropped = ids.len().saturating_sub(MAX_COLUMNS);
    if dropped > 0 {
        ids.sort_by_key(|&(_, first, n)| (std::cmp::Reverse(n), first));
        ids.truncate(MAX_COLUMNS);
    }
    ids.sort_by_key(|&(_, first, _)| first);
    let index: HashMap<&str, usize> = ids
        .iter()
        .enumerate()
        .map(|(i, &(id, _, _))| (id, i))
        .collect();
    let mut columns: Vec<Option<Column>> = vec![None; ids.len()];
    for a in files {
        for asg in &a.file.assignments {
            if let Some(&i) = index.get(asg.id.as_str())
                && columns[i].is_none()
            {
                columns[i] = Some(Column {
                    id: shorten(&asg.id),
                    title: shorten(&asg.title),
                    path: asg.path.as_deref().map(shorten),
                });
            }
        }
    }
    let columns: Vec<Column> = columns.into_iter().flatten().collect();
    let mut rows: Vec<Row> = files
        .iter()
        .map(|a| {
            let mut cells = vec![None; columns.len()];
            for asg in &a.file.assignments {
                let Some(&i) = index.get(asg.id.as_str()) else {
                    continue;
                };
                // A file listing an assignment twice: the first entry counts.
                if cells[i].is_none() {
                    cells[i] = Some(asg.clone());
                }
            }
            Row {
                name: a.file.learner.clone(),
                file: parse::strip_controls(
                    &a.path
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_else(|| a.path.display().to_string()),
                ),
                exported: a.file.exported.clone(),
                exported_at: a.file.exported_at,
                totals: a.file.totals,
                practice_entries: a.file.practice_entries,
                cells,
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        parse::name_key(&a.name)
            .cmp(&parse::name_key(&b.name))
            .then_with(|| a.name.cmp(&b.name))
    });
    let table = Table {
        handbook,
        columns,
        rows,
        files_read,
    };
    (table, dropped)
}

/// `text` cut to [`MAX_LABEL_CHARS`] characters (with `…`).
fn shorten(text: &str) -> String {
    match text.char_indices().nth(MAX_LABEL_CHARS) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

/// Writes each file under a temporary name in `out`, checks that every target can be replaced
/// (not a folder, not read-only), then renames them into place; if a rename still fails, the
/// files already replaced are put back. So either all files are new or none changed. Returns
/// the paths written.
fn write_outputs(out: &Path, files: &[(&str, &[u8])]) -> Result<Vec<PathBuf>, Diagnostic> {
    let fail = |what: &str, path: &Path, e: std::io::Error| {
        Diagnostic::error(path, 0, format!("{what}: {e}; nothing was written"))
            .with_hint("choose an output folder you can write to with --out DIR")
    };
    if out.exists() && !out.is_dir() {
        return Err(
            Diagnostic::error(out, 0, "the output path exists and is not a folder")
                .with_hint("choose another folder with --out DIR, or remove the file"),
        );
    }
    fs::create_dir_all(out).map_err(|e| fail("cannot create the output folder", out, e))?;
    let pid = std::process::id();
    let targets: Vec<PathBuf> = files.iter().map(|(name, _)| out.join(name)).collect();
    for target in &targets {
        if let Some(problem) = unreplaceable(target) {
            return Err(Diagnostic::error(
                target,
                0,
                format!("cannot write: {problem}; nothing was written"),
            )
            .with_hint(
                "remove or rename it, make it writable, or choose another folder with --out DIR",
            ));
        }
    }
    let mut temps: Vec<PathBuf> = Vec::new();
    let remove_all = |paths: &[PathBuf]| {
        for p in paths {
            let _ = fs::remove_file(p);
        }
    };
    for ((name, bytes), target) in files.iter().zip(&targets) {
        let tmp = out.join(format!(".{name}.tmp-{pid}"));
        temps.push(tmp.clone());
        if let Err(e) = fs::write(&tmp, bytes) {
            remove_all(&temps);
            return Err(fail("cannot write", target, e));
        }
    }
    // Keep the previous files (hard links) until every new one is in place.
    let mut backups: Vec<(PathBuf, PathBuf)> = Vec::new();
    for ((name, _), target) in files.iter().zip(&targets) {
        let backup = out.join(format!(".{name}.old-{pid}"));
        if target.exists() && fs::hard_link(target, &backup).is_ok() {
            backups.push((backup, target.clone()));
        }
    }
    for (i, (tmp, target)) in temps.iter().zip(&targets).enumerate() {
        if let Err(e) = fs::rename(tmp, target) {
            for (backup, original) in &backups {
                if targets[..i].contains(original) {
                    let _ = fs::rename(backup, original);
                }
            }
            for target in &targets[..i] {
                if !backups.iter().any(|(_, o)| o == target) {
                    let _ = fs::remove_file(target);
                }
            }
            remove_all(&temps[i..]);
            remove_all(&backups.iter().map(|(b, _)| b.clone()).collect::<Vec<_>>());
            return Err(fail("cannot write", target, e));
        }
    }
    remove_all(&backups.iter().map(|(b, _)| b.clone()).collect::<Vec<_>>());
    Ok(targets)
}

/// Why `target` cannot be replaced, if it cannot: a folder or other non-file, or a read-only
/// file (someone meant to keep it).
fn unreplaceable(target: &Path) -> Option<&'static str> {
    let meta = fs::symlink_metadata(target).ok()?;
    if meta.is_dir() {
        Some("a folder of that name is in the way")
    } else if !meta.is_file() && !meta.file_type().is_symlink() {
        Some("something other than a file is in the way")
    } else if meta.permissions().readonly() {
        Some("the existing file is read-only")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(learner: &str, handbook: &str, exported: &str) -> Accepted {
        Accepted {
            path: PathBuf::from(format!("{}.json", learner.trim())),
            file: ProgressFile {
                schema: 2,
                handbook: handbook.into(),
                title: handbook.into(),
                practice_entries: None,
                exported: exported.into(),
                exported_at: parse::parse_time(exported).unwrap(),
                learner: parse::collapse_spaces(learner),
                totals: Totals::default(),
                assignments: Vec::new(),
            },
        }
    }

    #[test]
    fn most_common_title_wins_ties_go_to_the_first_file() {
        let t = "2026-01-01T00:00Z";
        let files = [
            file("a", "B", t),
            file("b", "A", t),
            file("c", "A", t),
            file("d", "B", t),
        ];
        let titles = titles_by_count(&files);
        assert_eq!(titles[0], ("B".to_string(), 2));
        let files = [file("a", "B", t), file("b", "A", t), file("c", "A", t)];
        assert_eq!(titles_by_count(&files)[0], ("A".to_string(), 2));
    }

    #[test]
    fn the_newer_export_of_a_trainee_is_kept() {
        let files = vec![
            file("Sam Rivera", "H", "2026-11-27T09:00:00Z"),
            file("  sam  RIVERA", "H", "2026-11-24T09:00:00Z"),
            file("Alex", "H", "2026-11-20T09:00:00Z"),
        ];
        let mut warnings = Vec::new();
        let kept = drop_older_duplicates(files, &mut warnings);
        assert_eq!(kept.len(), 2);
        assert_eq!(kept[0].file.exported, "2026-11-27T09:00:00Z");
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].path, PathBuf::from("sam  RIVERA.json"));
        assert!(warnings[0].message.contains("Sam Rivera.json"));

        // The newer one listed second replaces the first.
        let files = vec![
            file("sam rivera", "H", "2026-11-24T09:00:00Z"),
            file("Sam Rivera", "H", "2026-11-27T09:00:00Z"),
        ];
        let mut warnings = Vec::new();
        let kept = drop_older_duplicates(files, &mut warnings);
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].path, PathBuf::from("Sam Rivera.json"));
        assert_eq!(warnings[0].path, PathBuf::from("sam rivera.json"));
    }

    #[test]
    fn shared_titles_are_told_apart_by_id() {
        let table = Table {
            handbook: "H".into(),
            columns: vec![
                Column {
                    id: "a/week-1.html".into(),
                    title: "Week 1".into(),
                    path: None,
                },
                Column {
                    id: "b/week-1.html".into(),
                    title: "Week 1".into(),
                    path: None,
                },
                Column {
                    id: "c.html".into(),
                    title: "Other".into(),
                    path: None,
                },
            ],
            rows: Vec::new(),
            files_read: 0,
        };
        assert_eq!(
            table.labels(),
            ["Week 1 (a/week-1.html)", "Week 1 (b/week-1.html)", "Other"]
        );
    }
}
