//! The two outputs of `summarize`: a self-contained HTML page (one accessible, printable
//! table; no scripts, no external requests; its markup in the theme's `summary.html`) and a
//! CSV file for spreadsheets.

use super::{Table, view};
use crate::error::Diagnostic;

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

/// The HTML page: the theme's `templates/summary.html` filled with [`view::page`] (the
/// embedded default theme: a folder of progress files has no handbook theme to read).
pub fn html(table: &Table, chosen: &str, skipped: &[Diagnostic]) -> Result<String, Diagnostic> {
    let page = view::page(table, chosen, skipped);
    let ctx = tera::Context::from_serialize(&page).map_err(|e| {
        Diagnostic::error("", 0, format!("cannot fill summary.html: {e}"))
            .with_hint("this is a bug in handbook: please report it")
    })?;
    crate::theme::render_builtin("summary.html", &ctx)
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
