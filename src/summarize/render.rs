//! The two outputs of `summarize`: a self-contained HTML page (one accessible, printable
//! table; no scripts, no external requests; its markup in the theme's `summary.html`) and a
//! CSV file for spreadsheets.

use super::{Table, view};
use crate::error::Diagnostic;
use crate::i18n::Catalog;

/// The CSV: UTF-8 with a byte-order mark, CRLF line ends, every field quoted, text cells that
/// a spreadsheet would run as a formula prefixed with `'`. One row per trainee; per assignment
/// five numeric-or-yes/no columns (separate numbers rather than `4/6`, which spreadsheets turn
/// into dates); cells of assignments a file does not have are empty. Fields are separated by
/// [`delimiter`]: `;` in a language that writes a decimal comma, as its spreadsheets expect.
pub fn csv(table: &Table, catalog: &Catalog) -> String {
    let mut out = String::from("\u{FEFF}");
    let delimiter = delimiter(catalog);
    let text = |key: &str| catalog.text(&format!("summary.{key}"), &[]);
    let mut header = vec![text("csv_trainee")];
    for label in table.labels() {
        for part in [
            "csv_items_done",
            "csv_items",
            "csv_complete",
            "csv_correct",
            "csv_graded",
        ] {
            header.push(catalog.text(
                "summary.csv_column",
                &[("assignment", &label), ("part", &text(part))],
            ));
        }
    }
    header.extend(
        [
            "csv_self_finished",
            "csv_self_exercises",
            "csv_self_answered",
            "csv_self_questions",
            "csv_self_correct",
            "csv_self_graded",
            "csv_practice",
            "csv_exported",
            "csv_file",
        ]
        .map(text),
    );
    let (yes, no) = (text("csv_yes"), text("csv_no"));
    csv_line(&mut out, &header, delimiter);
    for row in &table.rows {
        let mut cells = vec![row.name.clone()];
        for cell in &row.cells {
            match cell {
                Some(a) => cells.extend([
                    a.done.to_string(),
                    a.items.to_string(),
                    if a.complete { yes.clone() } else { no.clone() },
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
        csv_line(&mut out, &cells, delimiter);
    }
    out
}

/// The CSV field separator for `catalog`'s language: `;` where the decimal separator is a
/// comma (spreadsheets in those locales split on `;`), `,` otherwise; the theme's
/// `js/shared/csv.js` makes the same choice for the CSV files a browser saves.
pub fn delimiter(catalog: &Catalog) -> &'static str {
    if catalog.decimal_comma() { ";" } else { "," }
}

fn csv_line(out: &mut String, cells: &[String], delimiter: &str) {
    let line: Vec<String> = cells.iter().map(|c| csv_field(c)).collect();
    out.push_str(&line.join(delimiter));
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

pub use crate::html::escape;

/// The HTML page: the theme's `templates/summary.html` filled with [`view::page`] (the
/// embedded default theme: a folder of progress files has no handbook theme to read).
/// `language` picks the interface strings (`t` in the template) and gives `lang` and `dir`.
pub fn html(
    table: &Table,
    chosen: &str,
    skipped: &[Diagnostic],
    language: &str,
) -> Result<String, Diagnostic> {
    let page = view::page(table, chosen, skipped);
    let ctx = tera::Context::from_serialize(&page).map_err(|e| {
        Diagnostic::error("", 0, format!("cannot fill summary.html: {e}"))
            .with_hint("this is a bug in handbook: please report it")
    })?;
    crate::theme::render_builtin_in(language, "summary.html", &ctx)
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
    fn the_delimiter_follows_the_decimal_separator() {
        let none = std::path::Path::new("/nonexistent");
        assert_eq!(delimiter(Catalog::english()), ",");
        for (language, want) in [
            ("es", ";"),
            ("de", ";"),
            ("nb", ";"),
            ("ar", ","),
            ("en", ","),
        ] {
            let catalog = Catalog::load(none, language).unwrap();
            assert_eq!(delimiter(&catalog), want, "{language}");
        }
    }

    #[test]
    fn html_escape_covers_markup_and_quotes() {
        assert_eq!(
            escape("<script>\"x\" & 'y'</script>"),
            "&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;"
        );
    }
}
