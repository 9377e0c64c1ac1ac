//! The two outputs of `summarize`: a self-contained HTML page (one accessible, printable
//! table; no scripts, no external requests) and a CSV file for spreadsheets.

use super::Table;
use crate::error::Diagnostic;
use std::fmt::Write as _;

/// The CSV: UTF-8 with a byte-order mark, CRLF line ends, every field quoted, text cells that
/// a spreadsheet would run as a formula prefixed with `'`. One row per trainee; per assignment
/// five numeric-or-yes/no columns (separate numbers rather than `4/6`, which spreadsheets turn
/// into dates); cells of assignments a file does not have are empty.
pub fn csv(table: &Table) -> String {
    let mut out = String::from("\u{FEFF}");
    let mut header = vec!["Trainee".to_string()];
    for label in table.labels() {
        for part in ["items done", "items", "complete", "correct", "graded"] {
            header.push(format!("{label}: {part}"));
        }
    }
    header.extend(
        [
            "Self-check: exercises finished",
            "Self-check: exercises",
            "Self-check: questions answered",
            "Self-check: questions",
            "Self-check: correct",
            "Self-check: graded",
            "Practice entries",
            "Exported",
            "File",
        ]
        .map(String::from),
    );
    csv_line(&mut out, &header);
    for row in &table.rows {
        let mut cells = vec![row.name.clone()];
        for cell in &row.cells {
            match cell {
                Some(a) => cells.extend([
                    a.done.to_string(),
                    a.items.to_string(),
                    yes_no(a.complete).to_string(),
                    a.correct.to_string(),
                    a.graded.to_string(),
                ]),
                None => cells.extend(std::iter::repeat_n(String::new(), 5)),
            }
        }
        let t = &row.totals;
        cells.extend(
            [
                t.complete,
                t.exercises,
                t.answered,
                t.questions,
                t.correct,
                t.graded,
            ]
            .map(|n| n.to_string()),
        );
        cells.push(
            row.practice_entries
                .map(|n| n.to_string())
                .unwrap_or_default(),
        );
        cells.push(row.exported.clone());
        cells.push(row.file.clone());
        csv_line(&mut out, &cells);
    }
    out
}

fn csv_line(out: &mut String, cells: &[String]) {
    let line: Vec<String> = cells.iter().map(|c| csv_field(c)).collect();
    out.push_str(&line.join(","));
    out.push_str("\r\n");
}

/// One quoted CSV field; a leading `=`, `+`, `-`, `@`, tab or carriage return (a formula to a
/// spreadsheet) gets a `'` in front.
pub fn csv_field(text: &str) -> String {
    let guard = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        "'"
    } else {
        ""
    };
    format!("\"{guard}{}\"", text.replace('"', "\"\""))
}

fn yes_no(b: bool) -> &'static str {
    if b { "yes" } else { "no" }
}

pub use crate::html::escape;

/// Tables with more assignments than this are printed as one table per learning path (in
/// parts of at most [`PRINT_CHUNK`] assignments) and one for the whole-handbook totals, so each
/// fits the width of an A4 or Letter page in landscape.
pub const PRINT_SPLIT: usize = 6;
/// The most assignments one printed table holds.
pub const PRINT_CHUNK: usize = 6;

/// The page's stylesheet (inline: the summary is one self-contained file).
pub const STYLE: &str = "
:root { color: #1a1a1a; background: #fff; }
body { font: 1rem/1.45 system-ui, -apple-system, \"Segoe UI\", Roboto, sans-serif; margin: 1.5rem; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.15rem; margin: 2rem 0 .5rem; }
p, ul { max-width: 48rem; }
.lead { margin: 0 0 1rem; }
.wrap { overflow-x: auto; max-width: 100%; position: relative; }
.wrap:focus { outline: 3px solid #1a4f8b; outline-offset: 2px; }
table { border-collapse: separate; border-spacing: 0; font-size: .8125rem; line-height: 1.3;
  border-top: 1px solid #767676; border-left: 1px solid #767676; }
caption { text-align: left; font-weight: 600; padding: 0 0 .5rem; font-size: .875rem; }
th, td { border-right: 1px solid #767676; border-bottom: 1px solid #767676;
  padding: .25rem .3rem; vertical-align: top; background: #fff; }
th { font-weight: 600; hyphens: auto; overflow-wrap: break-word; }
thead th { background: #ececec; text-align: center; vertical-align: bottom; }
thead th.sub { font-weight: 500; font-size: .92em; }
thead td { border-top-color: transparent; border-left-color: transparent; }
tbody th { text-align: left; min-width: 6.5rem; max-width: 12rem; }
/* The trainee column stays in view when the table must scroll sideways. */
#h-trainee, .screen tbody th { position: sticky; left: 0; z-index: 1; }
#h-trainee { z-index: 2; }
td { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.text { text-align: left; white-space: normal; }
td.file { overflow-wrap: anywhere; }
table.files { margin-top: 1.5rem; }
td.none { text-align: center; }
td.yes { font-weight: 700; }
.vh { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
code { font-size: .9em; }
.print-only { display: none; }
@media print {
  @page { size: landscape; margin: 1cm; }
  body { margin: 0; font-size: 10pt; }
  table { font-size: 8pt; }
  th, td { padding: .15rem .25rem; }
  .wrap { overflow: visible; }
  #h-trainee, .screen tbody th { position: static; }
  thead { display: table-header-group; }
  tr, th, td { break-inside: avoid; page-break-inside: avoid; }
  .screen-only { display: none; }
  .print-only { display: block; }
  .print-only table { margin: 0 0 1.5rem; }
  h2 { break-after: avoid; }
}
";

/// One table of the page: which assignments (indexes into `table.columns`), whether it has
/// the whole-handbook and file columns, the learning-path row, and a prefix that keeps its
/// ids unique on the page.
struct Grid<'a> {
    cols: &'a [usize],
    totals: bool,
    path_row: bool,
    prefix: &'a str,
    caption: String,
}

/// The Content-Security-Policy of `summary.html`: no script and nothing loaded at all; only its
/// own inline stylesheet applies.
const CSP: &str = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">";

/// The HTML page. `chosen` says how the handbook was chosen; `skipped` lists the files left
/// out, with their reasons. On screen it is one table (the trainee column sticky when it must
/// scroll); in print a wide one is split by learning path (see [`PRINT_SPLIT`]).
pub fn html(table: &Table, chosen: &str, skipped: &[Diagnostic]) -> String {
    let handbook = escape(&table.handbook);
    let n = table.rows.len();
    let mut h = String::new();
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n{CSP}\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>Progress summary: {handbook}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n\
         <h1>Progress summary</h1>\n\
         <p class=\"lead\">“{handbook}” ({}): {n} trainee{}, from {} progress file{}.</p>\n",
        escape(chosen),
        plural(n),
        table.files_read,
        plural(table.files_read),
    );
    let all: Vec<usize> = (0..table.columns.len()).collect();
    let wide = all.len() > PRINT_SPLIT;
    let _ = writeln!(
        h,
        "<div class=\"wrap{}\" role=\"region\" aria-labelledby=\"caption\" tabindex=\"0\">",
        if wide { " screen-only" } else { "" }
    );
    grid(
        &mut h,
        table,
        &Grid {
            cols: &all,
            totals: true,
            path_row: table.columns.iter().any(|c| c.path.is_some()),
            prefix: "",
            caption: format!("Assignments and self-check results of each trainee in “{handbook}”"),
        },
    );
    h.push_str("</div>\n");
    if wide {
        print_tables(&mut h, table);
    }
    files_table(&mut h, table);
    explanation(&mut h, skipped);
    h.push_str("</main>\n</body>\n</html>\n");
    h
}

/// The printed form of a wide table: one table per learning path (in parts of at most
/// [`PRINT_CHUNK`] assignments), then the whole-handbook totals with the export date and file.
fn print_tables(h: &mut String, table: &Table) {
    h.push_str("<div class=\"print-only\">\n");
    let mut groups: Vec<(Option<&str>, Vec<usize>)> = Vec::new();
    for (i, c) in table.columns.iter().enumerate() {
        match groups.last_mut() {
            Some((p, cols)) if *p == c.path.as_deref() => cols.push(i),
            _ => groups.push((c.path.as_deref(), vec![i])),
        }
    }
    let mut k = 0;
    for (path, cols) in &groups {
        let name = path.map_or_else(
            || "Assignments outside a learning path".to_string(),
            |p| format!("Learning path “{}”", escape(p)),
        );
        let parts = cols.len().div_ceil(PRINT_CHUNK);
        for (j, chunk) in cols.chunks(PRINT_CHUNK).enumerate() {
            let caption = if parts > 1 {
                format!("{name}, part {} of {parts}", j + 1)
            } else {
                name.clone()
            };
            let prefix = format!("g{k}-");
            k += 1;
            grid(
                h,
                table,
                &Grid {
                    cols: chunk,
                    totals: false,
                    path_row: false,
                    prefix: &prefix,
                    caption,
                },
            );
        }
    }
    grid(
        h,
        table,
        &Grid {
            cols: &[],
            totals: true,
            path_row: false,
            prefix: "gt-",
            caption: "Whole handbook (self-check)".to_string(),
        },
    );
    h.push_str("</div>\n");
}

/// Writes one `<table>`.
fn grid(h: &mut String, table: &Table, g: &Grid) {
    let p = g.prefix;
    let labels = table.labels();
    let class = if p.is_empty() {
        " class=\"screen\""
    } else {
        ""
    };
    let _ = writeln!(
        h,
        "<table{class}>\n<caption id=\"{p}caption\">{}</caption>",
        g.caption
    );
    h.push_str("<colgroup><col></colgroup>\n");
    for _ in g.cols {
        h.push_str("<colgroup span=\"2\"></colgroup>\n");
    }
    if g.totals {
        h.push_str("<colgroup span=\"3\"></colgroup>\n");
    }
    // The learning-path group (an id) of each column, when there is a path row.
    let mut group_of: Vec<Option<String>> = vec![None; g.cols.len()];
    let mut rows: Vec<String> = Vec::new();
    if g.path_row {
        let mut row = String::new();
        let (mut i, mut group) = (0, 0);
        while i < g.cols.len() {
            let path = &table.columns[g.cols[i]].path;
            let len = g.cols[i..]
                .iter()
                .take_while(|&&c| &table.columns[c].path == path)
                .count();
            match path {
                Some(name) => {
                    let _ = write!(
                        row,
                        "<th scope=\"colgroup\" colspan=\"{}\" id=\"{p}p{group}\">{}</th>",
                        2 * len,
                        escape(name)
                    );
                    for slot in &mut group_of[i..i + len] {
                        *slot = Some(format!("{p}p{group}"));
                    }
                    group += 1;
                }
                None => {
                    let _ = write!(row, "<td colspan=\"{}\"></td>", 2 * len);
                }
            }
            i += len;
        }
        rows.push(row);
    }
    if !g.cols.is_empty() || g.totals {
        let mut row = String::new();
        for &i in g.cols {
            let _ = write!(
                row,
                "<th scope=\"colgroup\" colspan=\"2\" id=\"{p}a{i}\">{}</th>",
                escape(&labels[i])
            );
        }
        rows.push(row);
    }
    let mut sub = String::new();
    for &i in g.cols {
        let _ = write!(
            sub,
            "<th scope=\"col\" class=\"sub\" id=\"{p}a{i}-d\">Items done</th>\
             <th scope=\"col\" class=\"sub\" id=\"{p}a{i}-s\">Correct</th>"
        );
    }
    if g.totals {
        let _ = write!(
            sub,
            "<th scope=\"col\" class=\"sub\" id=\"{p}t-ex\">Exercises finished</th>\
             <th scope=\"col\" class=\"sub\" id=\"{p}t-q\">Questions answered</th>\
             <th scope=\"col\" class=\"sub\" id=\"{p}t-s\">Correct</th>"
        );
    }
    rows.push(sub);
    let hr = rows.len();
    let mut first = format!("<th scope=\"col\" rowspan=\"{hr}\" id=\"{p}h-trainee\">Trainee</th>");
    first.push_str(&rows[0]);
    if g.totals {
        let _ = write!(
            first,
            "<th scope=\"colgroup\" colspan=\"3\" rowspan=\"{}\" id=\"{p}h-totals\">\
             Whole handbook (self-check)</th>",
            hr - 1
        );
    }
    rows[0] = first;
    h.push_str("<thead>\n");
    for row in &rows {
        let _ = writeln!(h, "<tr>{row}</tr>");
    }
    h.push_str("</thead>\n<tbody>\n");
    for r in 0..table.rows.len() {
        body_row(h, table, g, r, &group_of);
    }
    h.push_str("</tbody>\n</table>\n");
}

/// Writes trainee `r`'s row of table `g`.
fn body_row(h: &mut String, table: &Table, g: &Grid, r: usize, group_of: &[Option<String>]) {
    let p = g.prefix;
    let row = &table.rows[r];
    let _ = write!(
        h,
        "<tr><th scope=\"row\" id=\"{p}r{r}\">{}</th>",
        escape(&row.name)
    );
    for (k, &i) in g.cols.iter().enumerate() {
        let group = group_of[k]
            .as_ref()
            .map(|g| format!(" {g}"))
            .unwrap_or_default();
        let head = |part: &str| format!("{p}r{r}{group} {p}a{i} {p}a{i}-{part}");
        match &row.cells[i] {
            Some(a) => {
                let (class, mark) = if a.complete {
                    (
                        " class=\"yes\"",
                        "<span aria-hidden=\"true\"> ✓</span><span class=\"vh\"> complete</span>",
                    )
                } else {
                    ("", "")
                };
                let _ = write!(
                    h,
                    "<td headers=\"{}\"{class}>{}/{}{mark}</td><td headers=\"{}\">{}/{}</td>",
                    head("d"),
                    a.done,
                    a.items,
                    head("s"),
                    a.correct,
                    a.graded
                );
            }
            None => {
                for part in ["d", "s"] {
                    let _ = write!(
                        h,
                        "<td headers=\"{}\" class=\"none\"><span aria-hidden=\"true\">—</span>\
                         <span class=\"vh\">not in this file</span></td>",
                        head(part)
                    );
                }
            }
        }
    }
    if g.totals {
        let t = &row.totals;
        let _ = write!(
            h,
            "<td headers=\"{p}r{r} {p}h-totals {p}t-ex\">{}/{}</td>\
             <td headers=\"{p}r{r} {p}h-totals {p}t-q\">{}/{}</td>\
             <td headers=\"{p}r{r} {p}h-totals {p}t-s\">{}/{}</td>",
            t.complete, t.exercises, t.answered, t.questions, t.correct, t.graded,
        );
    }
    h.push_str("</tr>\n");
}

/// The second table: each trainee's practice entries, progress file and when it was exported.
fn files_table(h: &mut String, table: &Table) {
    h.push_str(
        "<div class=\"wrap\" role=\"region\" aria-labelledby=\"f-caption\" tabindex=\"0\">\n\
         <table class=\"files\">\n<caption id=\"f-caption\">The progress file of each trainee</caption>\n\
         <thead>\n<tr><th scope=\"col\" id=\"f-trainee\">Trainee</th>\
         <th scope=\"col\" id=\"h-practice\">Practice entries</th>\
         <th scope=\"col\" id=\"h-exported\">Exported</th>\
         <th scope=\"col\" id=\"h-file\">File</th></tr>\n</thead>\n<tbody>\n",
    );
    for (r, row) in table.rows.iter().enumerate() {
        let _ = writeln!(
            h,
            "<tr><th scope=\"row\" id=\"f{r}\">{}</th>\
             <td headers=\"f{r} h-practice\">{}</td>\
             <td headers=\"f{r} h-exported\" class=\"text\"><time datetime=\"{}\">{}</time></td>\
             <td headers=\"f{r} h-file\" class=\"text file\">{}</td></tr>",
            escape(&row.name),
            row.practice_entries.map_or_else(
                || "<span aria-hidden=\"true\">—</span><span class=\"vh\">not in this file</span>"
                    .to_string(),
                |n| n.to_string()
            ),
            row.exported_at.iso_utc(),
            row.exported_at.display_utc(),
            escape(&row.file),
        );
    }
    h.push_str("</tbody>\n</table>\n</div>\n");
}

/// "How to read the table" and the files left out.
fn explanation(h: &mut String, skipped: &[Diagnostic]) {
    h.push_str(
        "<h2>How to read the table</h2>\n<ul>\n\
         <li><strong>Items done</strong>: checklist items of the assignment done, out of the items \
         in it; a tick (✓) marks an assignment with every item done.</li>\n\
         <li><strong>Correct</strong>: graded questions of the assignment's exercises answered \
         correctly, out of the graded questions in them.</li>\n\
         <li><strong>Whole handbook</strong>: every self-check exercise of the handbook — exercises \
         finished (every graded question answered correctly and every reflection written), \
         questions answered, and graded questions answered correctly.</li>\n\
         <li><strong>Practice entries</strong>: entries in the trainee's practice-form log, \
         counted from the entries the file carries (older files give only the number, or \
         nothing).</li>\n\
         <li>A dash (—) means the trainee's file has no such assignment: an older export (schema 1) \
         or a build of the handbook without it.</li>\n</ul>\n",
    );
    if !skipped.is_empty() {
        h.push_str("<h2>Files not included</h2>\n<ul>\n");
        for d in skipped {
            let _ = writeln!(
                h,
                "<li><code>{}</code>: {}</li>",
                escape(&d.location()),
                escape(d.message.strip_prefix("skipped: ").unwrap_or(&d.message))
            );
        }
        h.push_str("</ul>\n");
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_and_formulas_neutralised() {
        assert_eq!(csv_field("Sam"), "\"Sam\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("=1+1"), "\"'=1+1\"");
        for c in ["+", "-", "@", "\t"] {
            assert_eq!(csv_field(&format!("{c}x")), format!("\"'{c}x\""));
        }
        assert_eq!(csv_field("a=b"), "\"a=b\"");
        assert_eq!(csv_field(""), "\"\"");
    }

    #[test]
    fn html_escape_covers_markup_and_quotes() {
        assert_eq!(
            escape("<script>\"x\" & 'y'</script>"),
            "&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;"
        );
    }
}
