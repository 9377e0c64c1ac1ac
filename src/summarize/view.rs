//! `summary.html` as data for the theme's `templates/summary.html`: which tables, which
//! header cells (with the ids their data cells point at) and which body cells. The words and
//! the markup are the template's; the structure (spans, ids, `headers`) is computed here.

use super::Table;
use crate::error::Diagnostic;
use serde::Serialize;

/// Tables with more assignments than this are printed as one table per learning path (in
/// parts of at most [`PRINT_CHUNK`] assignments) and one for the whole-handbook totals, so each
/// fits the width of an A4 or Letter page in landscape.
pub const PRINT_SPLIT: usize = 6;
/// The most assignments one printed table holds.
pub const PRINT_CHUNK: usize = 6;

/// Everything `summary.html` shows.
#[derive(Debug, Serialize)]
pub struct Page<'a> {
    /// The handbook's title.
    pub handbook: &'a str,
    /// How the handbook was chosen.
    pub chosen: &'a str,
    /// Trainees (rows).
    pub trainees: usize,
    /// Progress files read.
    pub files: usize,
    /// Whether the table is too wide to print as one (it is printed as `print` instead).
    pub wide: bool,
    /// The table on screen.
    pub screen: Grid,
    /// The printed tables (only when `wide`).
    pub print: Vec<Grid>,
    /// Each trainee's file, practice entries and export time.
    pub file_rows: Vec<FileRow<'a>>,
    /// The files left out.
    pub skipped: Vec<Skipped<'a>>,
}

/// One `<table>` of trainees by assignments.
#[derive(Debug, Serialize)]
pub struct Grid {
    /// The prefix that keeps its ids unique on the page (empty for the screen table).
    pub prefix: String,
    /// What the caption says.
    pub caption: Caption,
    /// How many assignment column groups it has.
    pub cols: usize,
    /// Whether it has the whole-handbook (self-check) columns.
    pub totals: bool,
    /// The header rows.
    pub head: Vec<Vec<HeadCell>>,
    /// One row per trainee.
    pub body: Vec<BodyRow>,
}

/// A table's caption: `kind` is `all` (the screen table), `path` (a learning path's
/// assignments, `name`), `outside` (assignments outside a learning path) or `totals`; `part`
/// of `parts` when a group is printed in several tables.
#[derive(Debug, Serialize)]
pub struct Caption {
    /// See [`Caption`].
    pub kind: &'static str,
    /// The learning path's name (`path`).
    pub name: String,
    /// 1-based part.
    pub part: usize,
    /// Parts of the group.
    pub parts: usize,
}

/// One header cell. `kind`: `trainee`, `path` (a learning path over its assignments), `gap`
/// (no path), `assignment`, `done` and `correct` (an assignment's two columns), `t-ex`, `t-q`,
/// `t-s` (the totals' columns) or `totals`.
#[derive(Debug, Serialize)]
pub struct HeadCell {
    /// See [`HeadCell`].
    pub kind: &'static str,
    /// `colspan` (or `rowspan` for `trainee`); 0 when it has none.
    pub span: usize,
    /// `rowspan` of `totals`.
    pub rows: usize,
    /// The cell's id (empty for `gap`).
    pub id: String,
    /// The path's or assignment's name.
    pub text: String,
}

/// One trainee's row of a [`Grid`].
#[derive(Debug, Serialize)]
pub struct BodyRow {
    /// The row header's id.
    pub id: String,
    /// The trainee.
    pub name: String,
    /// One entry per assignment column group.
    pub cells: Vec<BodyCell>,
    /// The three whole-handbook cells (empty without totals).
    pub totals: Vec<Fraction>,
}

/// A trainee's result for one assignment (`result` absent: the file has no such assignment).
#[derive(Debug, Serialize)]
pub struct BodyCell {
    /// `headers` of the items-done cell.
    pub headers_done: String,
    /// `headers` of the correct cell.
    pub headers_correct: String,
    /// The result.
    pub result: Option<Result>,
}

/// The numbers of one assignment.
#[derive(Debug, Serialize)]
pub struct Result {
    /// Items done.
    pub done: u64,
    /// Items.
    pub items: u64,
    /// Every item done.
    pub complete: bool,
    /// Graded questions answered correctly.
    pub correct: u64,
    /// Graded questions.
    pub graded: u64,
}

/// `a/b` in a cell with `headers`.
#[derive(Debug, Serialize)]
pub struct Fraction {
    /// `headers` of the cell.
    pub headers: String,
    /// The count.
    pub a: u64,
    /// Out of.
    pub b: u64,
}

/// One row of the files table.
#[derive(Debug, Serialize)]
pub struct FileRow<'a> {
    /// The trainee.
    pub name: &'a str,
    /// Practice entries (absent: the file does not say).
    pub practice_entries: Option<u64>,
    /// The export time, ISO 8601 UTC.
    pub iso: String,
    /// The export time as shown.
    pub shown: String,
    /// The file's name.
    pub file: &'a str,
}

/// A file left out.
#[derive(Debug, Serialize)]
pub struct Skipped<'a> {
    /// The file.
    pub location: String,
    /// Why.
    pub reason: &'a str,
}

/// The page's data. `chosen` says how the handbook was chosen; `skipped` lists the files left
/// out. On screen it is one table (the trainee column sticky when it must scroll); in print a
/// wide one is split by learning path (see [`PRINT_SPLIT`]).
pub fn page<'a>(table: &'a Table, chosen: &'a str, skipped: &'a [Diagnostic]) -> Page<'a> {
    let all: Vec<usize> = (0..table.columns.len()).collect();
    let wide = all.len() > PRINT_SPLIT;
    let screen = Spec {
        cols: &all,
        totals: true,
        path_row: table.columns.iter().any(|c| c.path.is_some()),
        prefix: String::new(),
        caption: caption("all", String::new(), 1, 1),
    };
    Page {
        handbook: &table.handbook,
        chosen,
        trainees: table.rows.len(),
        files: table.files_read,
        wide,
        screen: grid(table, screen),
        print: if wide { print_grids(table) } else { Vec::new() },
        file_rows: table
            .rows
            .iter()
            .map(|row| FileRow {
                name: &row.name,
                practice_entries: row.practice_entries,
                iso: row.exported_at.iso_utc(),
                shown: row.exported_at.display_utc(),
                file: &row.file,
            })
            .collect(),
        skipped: skipped
            .iter()
            .map(|d| Skipped {
                location: d.location(),
                reason: d.message.strip_prefix("skipped: ").unwrap_or(&d.message),
            })
            .collect(),
    }
}

fn caption(kind: &'static str, name: String, part: usize, parts: usize) -> Caption {
    Caption {
        kind,
        name,
        part,
        parts,
    }
}

/// Which table to make: assignments (indexes into `table.columns`), whether it has the
/// whole-handbook columns and the learning-path row, its id prefix and caption.
struct Spec<'a> {
    cols: &'a [usize],
    totals: bool,
    path_row: bool,
    prefix: String,
    caption: Caption,
}

/// The printed form of a wide table: one table per learning path (in parts of at most
/// [`PRINT_CHUNK`] assignments), then the whole-handbook totals with the export date and file.
fn print_grids(table: &Table) -> Vec<Grid> {
    let mut groups: Vec<(Option<&str>, Vec<usize>)> = Vec::new();
    for (i, c) in table.columns.iter().enumerate() {
        match groups.last_mut() {
            Some((p, cols)) if *p == c.path.as_deref() => cols.push(i),
            _ => groups.push((c.path.as_deref(), vec![i])),
        }
    }
    let mut out = Vec::new();
    for (path, cols) in &groups {
        let parts = cols.len().div_ceil(PRINT_CHUNK);
        for (j, chunk) in cols.chunks(PRINT_CHUNK).enumerate() {
            let caption = match path {
                Some(p) => caption("path", p.to_string(), j + 1, parts),
                None => caption("outside", String::new(), j + 1, parts),
            };
            let spec = Spec {
                cols: chunk,
                totals: false,
                path_row: false,
                prefix: format!("g{}-", out.len()),
                caption,
            };
            out.push(grid(table, spec));
        }
    }
    let totals = Spec {
        cols: &[],
        totals: true,
        path_row: false,
        prefix: "gt-".to_string(),
        caption: caption("totals", String::new(), 1, 1),
    };
    out.push(grid(table, totals));
    out
}

/// One table: its header rows and, per trainee, its body row.
fn grid(table: &Table, g: Spec) -> Grid {
    let (head, group_of) = head_rows(table, &g);
    let body = (0..table.rows.len())
        .map(|r| body_row(table, &g, r, &group_of))
        .collect();
    Grid {
        cols: g.cols.len(),
        totals: g.totals,
        prefix: g.prefix,
        caption: g.caption,
        head,
        body,
    }
}

fn cell(kind: &'static str, span: usize, id: String) -> HeadCell {
    HeadCell {
        kind,
        span,
        rows: 0,
        id,
        text: String::new(),
    }
}

/// The header rows, and the learning-path group (an id) of each column when there is a path
/// row.
fn head_rows(table: &Table, g: &Spec) -> (Vec<Vec<HeadCell>>, Vec<Option<String>>) {
    let p = &g.prefix;
    let labels = table.labels();
    let mut group_of: Vec<Option<String>> = vec![None; g.cols.len()];
    let mut rows: Vec<Vec<HeadCell>> = Vec::new();
    if g.path_row {
        let mut row = Vec::new();
        let (mut i, mut group) = (0, 0);
        while i < g.cols.len() {
            let path = &table.columns[g.cols[i]].path;
            let len = g.cols[i..]
                .iter()
                .take_while(|&&c| &table.columns[c].path == path)
                .count();
            match path {
                Some(name) => {
                    let id = format!("{p}p{group}");
                    for slot in &mut group_of[i..i + len] {
                        *slot = Some(id.clone());
                    }
                    row.push(HeadCell {
                        text: name.clone(),
                        ..cell("path", 2 * len, id)
                    });
                    group += 1;
                }
                None => row.push(cell("gap", 2 * len, String::new())),
            }
            i += len;
        }
        rows.push(row);
    }
    if !g.cols.is_empty() || g.totals {
        let row = g
            .cols
            .iter()
            .map(|&i| HeadCell {
                text: labels[i].clone(),
                ..cell("assignment", 2, format!("{p}a{i}"))
            })
            .collect();
        rows.push(row);
    }
    let mut sub = Vec::new();
    for &i in g.cols {
        sub.push(cell("done", 0, format!("{p}a{i}-d")));
        sub.push(cell("correct", 0, format!("{p}a{i}-s")));
    }
    if g.totals {
        for kind in ["t-ex", "t-q", "t-s"] {
            sub.push(cell(kind, 0, format!("{p}{kind}")));
        }
    }
    rows.push(sub);
    let hr = rows.len();
    rows[0].insert(0, cell("trainee", hr, format!("{p}h-trainee")));
    if g.totals {
        rows[0].push(HeadCell {
            rows: hr - 1,
            ..cell("totals", 3, format!("{p}h-totals"))
        });
    }
    (rows, group_of)
}

/// Trainee `r`'s row of table `g`.
fn body_row(table: &Table, g: &Spec, r: usize, group_of: &[Option<String>]) -> BodyRow {
    let p = &g.prefix;
    let row = &table.rows[r];
    let cells = g
        .cols
        .iter()
        .enumerate()
        .map(|(k, &i)| {
            let group = group_of[k]
                .as_ref()
                .map(|g| format!(" {g}"))
                .unwrap_or_default();
            let head = |part: &str| format!("{p}r{r}{group} {p}a{i} {p}a{i}-{part}");
            BodyCell {
                headers_done: head("d"),
                headers_correct: head("s"),
                result: row.cells[i].as_ref().map(|a| Result {
                    done: a.done,
                    items: a.items,
                    complete: a.complete,
                    correct: a.correct,
                    graded: a.graded,
                }),
            }
        })
        .collect();
    let totals = if g.totals {
        let t = &row.totals;
        [
            ("t-ex", t.complete, t.exercises),
            ("t-q", t.answered, t.questions),
            ("t-s", t.correct, t.graded),
        ]
        .into_iter()
        .map(|(kind, a, b)| Fraction {
            headers: format!("{p}r{r} {p}h-totals {p}{kind}"),
            a,
            b,
        })
        .collect()
    } else {
        Vec::new()
    };
    BodyRow {
        id: format!("{p}r{r}"),
        name: row.name.clone(),
        cells,
        totals,
    }
}
