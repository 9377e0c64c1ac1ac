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

pub use crate::markdown::escape;

const STYLE: &str = "
:root { color: #1a1a1a; background: #fff; }
body { font: 1rem/1.45 system-ui, -apple-system, \"Segoe UI\", Roboto, sans-serif; margin: 1.5rem; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.15rem; margin: 2rem 0 .5rem; }
p, ul { max-width: 48rem; }
.lead { margin: 0 0 1rem; }
.wrap { overflow-x: auto; }
.wrap:focus { outline: 3px solid #1a4f8b; outline-offset: 2px; }
table { border-collapse: collapse; font-size: .875rem; }
caption { text-align: left; font-weight: 600; padding: 0 0 .5rem; }
th, td { border: 1px solid #767676; padding: .3rem .5rem; vertical-align: top; }
thead th { background: #ececec; text-align: center; }
thead td { border-top-color: transparent; border-left-color: transparent; border-right-color: transparent; }
tbody th { text-align: left; white-space: nowrap; }
td { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.text { text-align: left; }
td.flag, td.none { text-align: center; }
td.yes { font-weight: 700; }
.vh { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
code { font-size: .9em; }
@media print {
  @page { size: landscape; margin: 1cm; }
  body { margin: 0; font-size: 10pt; }
  table { font-size: 8.5pt; }
  .wrap { overflow: visible; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
}
";

/// The HTML page. `chosen` says how the handbook was chosen; `skipped` lists the files left
/// out, with their reasons.
pub fn html(table: &Table, chosen: &str, skipped: &[Diagnostic]) -> String {
    let handbook = escape(&table.handbook);
    let labels = table.labels();
    let has_paths = table.columns.iter().any(|c| c.path.is_some());
    let header_rows = if has_paths { 3 } else { 2 };
    let n = table.rows.len();
    let mut h = String::new();
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>Progress summary: {handbook}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n\
         <h1>Progress summary</h1>\n\
         <p class=\"lead\">“{handbook}” ({}): {n} trainee{}, from {} progress file{}.</p>\n",
        escape(chosen),
        plural(n),
        table.files_read,
        plural(table.files_read),
    );
    let _ = write!(
        h,
        "<div class=\"wrap\" role=\"region\" aria-labelledby=\"caption\" tabindex=\"0\">\n<table>\n\
         <caption id=\"caption\">Assignments and self-check results of each trainee in \
         “{handbook}”</caption>\n<colgroup><col></colgroup>\n"
    );
    for _ in &table.columns {
        h.push_str("<colgroup span=\"3\"></colgroup>\n");
    }
    h.push_str("<colgroup span=\"3\"></colgroup>\n<colgroup span=\"3\"></colgroup>\n<thead>\n");

    let fixed = |h: &mut String, rows: usize| {
        let _ = write!(
            h,
            "<th scope=\"col\" rowspan=\"{rows}\" id=\"h-practice\">Practice entries</th>\
             <th scope=\"col\" rowspan=\"{rows}\" id=\"h-exported\">Exported</th>\
             <th scope=\"col\" rowspan=\"{rows}\" id=\"h-file\">File</th>"
        );
    };
    let totals_head = "<th scope=\"colgroup\" colspan=\"3\" rowspan=\"ROWS\" id=\"h-totals\">\
                       Whole handbook (self-check)</th>";
    // Which path group (index into `groups`) each column is in.
    let mut group_of = vec![None; table.columns.len()];
    h.push_str("<tr>");
    let _ = write!(
        h,
        "<th scope=\"col\" rowspan=\"{header_rows}\" id=\"h-trainee\">Trainee</th>"
    );
    if has_paths {
        let mut i = 0;
        let mut group = 0;
        while i < table.columns.len() {
            let path = &table.columns[i].path;
            let len = table.columns[i..]
                .iter()
                .take_while(|c| &c.path == path)
                .count();
            match path {
                Some(p) => {
                    let _ = write!(
                        h,
                        "<th scope=\"colgroup\" colspan=\"{}\" id=\"p{group}\">{}</th>",
                        3 * len,
                        escape(p)
                    );
                    for g in &mut group_of[i..i + len] {
                        *g = Some(group);
                    }
                    group += 1;
                }
                None => {
                    let _ = write!(h, "<td colspan=\"{}\"></td>", 3 * len);
                }
            }
            i += len;
        }
        h.push_str(&totals_head.replace("ROWS", "2"));
        fixed(&mut h, header_rows);
        h.push_str("</tr>\n<tr>");
    }
    for (i, label) in labels.iter().enumerate() {
        let _ = write!(
            h,
            "<th scope=\"colgroup\" colspan=\"3\" id=\"a{i}\">{}</th>",
            escape(label)
        );
    }
    if !has_paths {
        h.push_str(&totals_head.replace("ROWS", "1"));
        fixed(&mut h, header_rows);
    }
    h.push_str("</tr>\n<tr>");
    for i in 0..table.columns.len() {
        let _ = write!(
            h,
            "<th scope=\"col\" id=\"a{i}-d\">Items done</th>\
             <th scope=\"col\" id=\"a{i}-c\">Complete</th>\
             <th scope=\"col\" id=\"a{i}-s\">Correct</th>"
        );
    }
    h.push_str(
        "<th scope=\"col\" id=\"t-ex\">Exercises finished</th>\
         <th scope=\"col\" id=\"t-q\">Questions answered</th>\
         <th scope=\"col\" id=\"t-s\">Correct</th></tr>\n</thead>\n<tbody>\n",
    );

    for (r, row) in table.rows.iter().enumerate() {
        let _ = write!(
            h,
            "<tr><th scope=\"row\" id=\"r{r}\">{}</th>",
            escape(&row.name)
        );
        for (i, cell) in row.cells.iter().enumerate() {
            let group = group_of[i].map(|g| format!(" p{g}")).unwrap_or_default();
            let head = |part: &str| format!("r{r}{group} a{i} a{i}-{part}");
            match cell {
                Some(a) => {
                    let _ = write!(
                        h,
                        "<td headers=\"{}\">{}/{}</td>\
                         <td headers=\"{}\" class=\"flag{}\">{}</td>\
                         <td headers=\"{}\">{}/{}</td>",
                        head("d"),
                        a.done,
                        a.items,
                        head("c"),
                        if a.complete { " yes" } else { "" },
                        yes_no(a.complete),
                        head("s"),
                        a.correct,
                        a.graded
                    );
                }
                None => {
                    for part in ["d", "c", "s"] {
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
        let t = &row.totals;
        let _ = writeln!(
            h,
            "<td headers=\"r{r} h-totals t-ex\">{}/{}</td>\
             <td headers=\"r{r} h-totals t-q\">{}/{}</td>\
             <td headers=\"r{r} h-totals t-s\">{}/{}</td>\
             <td headers=\"r{r} h-practice\">{}</td>\
             <td headers=\"r{r} h-exported\" class=\"text\"><time datetime=\"{}\">{}</time></td>\
             <td headers=\"r{r} h-file\" class=\"text\">{}</td></tr>",
            t.complete,
            t.exercises,
            t.answered,
            t.questions,
            t.correct,
            t.graded,
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
    h.push_str(
        "<h2>How to read the table</h2>\n<ul>\n\
         <li><strong>Items done</strong>: checklist items of the assignment done, out of the items \
         in it. <strong>Complete</strong> is “yes” when every item is done.</li>\n\
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
    h.push_str("</main>\n</body>\n</html>\n");
    h
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
