//! Integration tests of `handbook progress summarize`: run the real binary on the progress
//! files under `tests/fixtures/progress-files/` and check the summary it writes, the files it
//! skips (named, with the reason) and its exit code.

mod common;

use common::*;
use std::fs;
use std::path::PathBuf;

/// The progress file (or folder) `tests/fixtures/progress-files/NAME`.
fn progress(name: &str) -> PathBuf {
    fixture("progress-files").join(name)
}

/// The CSV's data rows (header dropped), each split into its unquoted cells.
fn csv_rows(csv: &str) -> Vec<Vec<String>> {
    csv.trim_start_matches('\u{feff}')
        .split("\r\n")
        .skip(1)
        .filter(|l| !l.is_empty())
        .map(|l| {
            l.strip_prefix('"')
                .and_then(|l| l.strip_suffix('"'))
                .unwrap()
                .split("\",\"")
                .map(|c| c.replace("\"\"", "\""))
                .collect()
        })
        .collect()
}

#[test]
fn good_files_give_the_exact_csv_and_an_accessible_html_table() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("summary");
    let o = summarize(
        &[progress("good/sam.json"), progress("good/alex.json")],
        &out,
        &[],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        stdout(&o).trim(),
        format!(
            "Summarized 2 trainees from 2 files -> {}, {}",
            out.join("summary.html").display(),
            out.join("summary.csv").display()
        )
    );
    assert!(
        stderr(&o)
            .contains("Handbook: \"The Therapeutic Alliance\" (the title of both usable files)"),
        "{}",
        stderr(&o)
    );

    let w1 = "Week 1: What the alliance is";
    let w2 = "Week 2: Ruptures";
    let mut header = vec!["Trainee".to_string()];
    for w in [w1, w2] {
        for part in ["items done", "items", "complete", "correct", "graded"] {
            header.push(format!("{w}: {part}"));
        }
    }
    for part in [
        "exercises finished",
        "exercises",
        "questions answered",
        "questions",
        "correct",
        "graded",
    ] {
        header.push(format!("Self-check: {part}"));
    }
    header.extend(["Practice entries".into(), "Exported".into(), "File".into()]);
    let line = |cells: &[&str]| {
        let quoted: Vec<String> = cells.iter().map(|c| format!("\"{c}\"")).collect();
        quoted.join(",") + "\r\n"
    };
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let expected = String::from("\u{feff}")
        + &line(&header)
        // Rows sorted by name: Alex before Sam, although sam.json was given first.
        + &line(&[
            "Alex Chen", "6", "6", "yes", "7", "8", "1", "5", "no", "0", "4", "5", "24", "20",
            "57", "15", "50", "1", "2026-11-25T08:00:00.000Z", "alex.json",
        ])
        + &line(&[
            "Sam Rivera", "4", "6", "no", "6", "8", "5", "5", "yes", "4", "4", "3", "24", "12",
            "57", "9", "50", "1", "2026-11-26T10:15:00.000Z", "sam.json",
        ]);
    assert_eq!(read(&out.join("summary.csv")), expected);

    let html = read(&out.join("summary.html"));
    for needle in [
        "<html lang=\"en\">",
        "<caption id=\"caption\">",
        "<th scope=\"col\" rowspan=\"3\" id=\"h-trainee\">Trainee</th>",
        "<th scope=\"colgroup\" colspan=\"4\" id=\"p0\">Four-week onboarding</th>",
        "<th scope=\"colgroup\" colspan=\"2\" id=\"a0\">Week 1: What the alliance is</th>",
        "<th scope=\"col\" class=\"sub\" id=\"a1-d\">Items done</th>",
        "<th scope=\"row\" id=\"r1\">Sam Rivera</th>",
        "<td headers=\"r1 p0 a0 a0-d\">4/6</td>",
        "<td headers=\"r1 p0 a0 a0-s\">6/8</td>",
        "<td headers=\"r1 p0 a1 a1-d\" class=\"yes\">5/5<span aria-hidden=\"true\"> ✓</span><span class=\"vh\"> complete</span></td>",
        "<td headers=\"r1 h-totals t-s\">9/50</td>",
        "<time datetime=\"2026-11-26T10:15:00Z\">2026-11-26 10:15 UTC</time>",
        "<td headers=\"f0 h-file\" class=\"text file\">alex.json</td>",
        "<th scope=\"row\" id=\"f1\">Sam Rivera</th>",
        "@media print",
    ] {
        assert!(html.contains(needle), "missing {needle} in\n{html}");
    }
    // Self-contained: no scripts, no external requests.
    for banned in ["<script", "src=", "href=", "url(", "@import", "<link"] {
        assert!(!html.contains(banned), "{banned} in the page");
    }
    // Only the two outputs: the temporary files were renamed away.
    let mut names: Vec<String> = fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["summary.csv", "summary.html"]);
}

#[test]
fn a_folder_is_read_and_the_default_output_is_progress_summary() {
    let dir = tempfile::tempdir().unwrap();
    let o = bin()
        .args(["progress", "summarize"])
        .arg(progress("good"))
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let csv = read(&dir.path().join("progress-summary/summary.csv"));
    let rows = csv_rows(&csv);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0][0], "Alex Chen");
    assert_eq!(rows[1][0], "Sam Rivera");
    assert!(dir.path().join("progress-summary/summary.html").is_file());
    assert!(stdout(&o).contains("Summarized 2 trainees from 2 files -> progress-summary"));
}

#[test]
fn bad_files_are_named_with_their_reason_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let o = summarize(&[progress("mixed"), progress("good/sam.json")], &out, &[]);
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    let mixed = progress("mixed");
    for (file, reason) in [
        (
            "other-handbook.json",
            "skipped: from another handbook (\"Motivational Interviewing\"); summarizing \"The Therapeutic Alliance\"",
        ),
        ("future.json", "skipped: unknown schema 99"),
        ("notes.json", "skipped: not JSON"),
        (
            "no-learner.json",
            "skipped: no trainee name; ask the trainee to type their name before exporting",
        ),
    ] {
        let expected = format!("warning: {}: {reason}", mixed.join(file).display());
        assert!(err.contains(&expected), "missing `{expected}` in\n{err}");
    }
    assert!(
        !err.contains("README.txt"),
        "only *.json is read from a folder"
    );
    assert!(!err.contains("old.json"), "schema 1 is accepted: {err}");
    assert!(err.contains("0 errors, 4 warnings"), "{err}");
    assert!(
        err.contains("Handbook: \"The Therapeutic Alliance\" (the title of 3 of 4 usable files); choose another with --handbook TITLE"),
        "{err}"
    );
    assert!(stdout(&o).contains("Summarized 3 trainees from 7 files"));

    let csv = read(&out.join("summary.csv"));
    let rows = csv_rows(&csv);
    let names: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(names, ["Jordan Lee", "Pat Morgan", "Sam Rivera"]);
    assert!(!csv.contains("Kim Park") && !csv.contains("Robin Fox"));
    // Jordan's file has only week 1; Pat's is schema 1 (no assignments): empty cells.
    assert_eq!(rows[0][6..11], ["", "", "", "", ""]);
    assert_eq!(rows[1][1..11], ["", "", "", "", "", "", "", "", "", ""]);
    assert_eq!(rows[1][11..17], ["2", "24", "10", "57", "8", "50"]);
    // A schema 1 file says nothing about practice entries.
    assert_eq!(rows[1][17], "");
    assert_eq!(rows[1][19], "old.json");

    let html = read(&out.join("summary.html"));
    assert!(html.contains(
        "<th scope=\"row\" id=\"r1\">Pat Morgan</th><td headers=\"r1 p0 a0 a0-d\" class=\"none\"><span aria-hidden=\"true\">—</span>"
    ));
    assert!(html.contains("<h2>Files not included</h2>"));
    assert!(html.contains("future.json</code>: unknown schema 99"));
}

#[test]
fn handbook_option_chooses_the_reference() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let o = summarize(
        &[progress("mixed")],
        &out,
        &["--handbook", "Motivational Interviewing"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("Handbook: \"Motivational Interviewing\" (chosen with --handbook)\n")
    );
    let rows = csv_rows(&read(&out.join("summary.csv")));
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0][0], "Kim Park");
    assert!(stderr(&o).contains("jordan.json: skipped: from another handbook"));
}

#[test]
fn a_tie_goes_to_the_first_files_handbook_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let o = summarize(
        &[
            progress("mixed/other-handbook.json"),
            progress("good/sam.json"),
        ],
        &out,
        &[],
    );
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    assert!(
        err.contains("Handbook: \"Motivational Interviewing\" (the first file's title, tied with \"The Therapeutic Alliance\" (1 file each))"),
        "{err}"
    );
    assert!(err.contains("sam.json: skipped: from another handbook"));
}

#[test]
fn the_newer_export_of_a_trainee_wins_and_both_files_are_named() {
    let monday = progress("duplicates/sam-monday.json");
    let friday = progress("duplicates/sam-friday.json");
    for order in [
        [monday.clone(), friday.clone()],
        [friday.clone(), monday.clone()],
    ] {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        let o = summarize(&order, &out, &[]);
        let err = stderr(&o);
        assert!(o.status.success(), "{err}");
        let expected = format!(
            "warning: {}: skipped: same trainee (\"Sam Rivera\") as {}, which was exported later \
             (2026-11-27 16:45 UTC; this file 2026-11-23 09:00 UTC)",
            monday.display(),
            friday.display()
        );
        assert!(err.contains(&expected), "missing `{expected}` in\n{err}");
        assert!(stdout(&o).contains("Summarized 1 trainee from 2 files"));
        let rows = csv_rows(&read(&out.join("summary.csv")));
        assert_eq!(rows.len(), 1);
        assert_eq!(
            rows[0][0], "sam RIVERA",
            "the kept file's name, spaces collapsed"
        );
        assert_eq!(rows[0][1..4], ["6", "6", "yes"]);
        assert_eq!(rows[0][rows[0].len() - 1], "sam-friday.json");
    }
}

#[test]
fn no_usable_file_fails_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let o = summarize(
        &[
            progress("mixed/notes.json"),
            progress("mixed/future.json"),
            progress("mixed/no-learner.json"),
        ],
        &out,
        &[],
    );
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("notes.json: skipped: not JSON"), "{err}");
    assert!(err.contains("error: no progress file could be used; nothing was written"));
    assert!(err.contains("summarize failed"));
    assert!(!out.exists());

    // A folder without progress files.
    let empty = tempfile::tempdir().unwrap();
    let o = summarize(&[empty.path().to_path_buf()], &out, &[]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("no progress files to summarize"));
    assert!(!out.exists());
}

#[test]
fn bad_arguments_fail_with_exit_code_1() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    // A file that does not exist: nothing is written, even for the good one.
    let missing = dir.path().join("nope.json");
    let o = summarize(&[progress("good/sam.json"), missing.clone()], &out, &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains(&format!(
            "error: {}: no such file or folder",
            missing.display()
        )),
        "{}",
        stderr(&o)
    );
    assert!(!out.exists());

    // The output path is a file.
    let file = dir.path().join("taken");
    fs::write(&file, "x").unwrap();
    let o = summarize(&[progress("good/sam.json")], &file, &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("the output path exists and is not a folder"));
    assert_eq!(read(&file), "x");

    // An empty --handbook.
    let o = summarize(&[progress("good/sam.json")], &out, &["--handbook", " "]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("--handbook is empty"));
}

#[test]
fn a_formula_in_a_name_is_neutralised_in_the_csv() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let o = summarize(&[progress("hostile/formula.json")], &out, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let csv = read(&out.join("summary.csv"));
    assert!(
        csv.contains("\r\n\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\","),
        "{csv}"
    );
    assert!(!csv.contains("\"=HYPERLINK"));
}

#[test]
fn text_from_files_is_escaped_in_the_html() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let o = summarize(&[progress("hostile/script.json")], &out, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let html = read(&out.join("summary.html"));
    assert!(
        html.contains("<th scope=\"row\" id=\"r0\">&lt;script&gt;alert(1)&lt;/script&gt;</th>")
    );
    assert!(html.contains("&lt;b&gt;Week &amp; co&lt;/b&gt;"));
    assert!(!html.contains("<script"));
    assert!(!html.contains("<b>"));
}

/// A schema 3 file (issue 14) for handbook `id` titled `title`, with `entries` practice entries.
fn schema3(id: &str, title: &str, learner: &str, entries: usize) -> String {
    let entry = r#"{ "id": "e", "set": "default", "date": "2026-11-20", "session": null,
                     "label": "", "values": [92, 61, 88, 90], "total": 33.1 }"#;
    let list = vec![entry; entries].join(", ");
    format!(
        r#"{{ "format": "handbook-progress", "schema": 3, "handbook": "{id}", "title": "{title}",
             "build": "b", "exported": "2026-11-27T09:00:00.000Z", "learner": "{learner}",
             "totals": {{ "exercises": 2, "complete": 1, "questions": 4, "graded": 3,
                          "answered": 3, "correct": 2 }},
             "assignments": [], "reading": {{}},
             "practice": {{ "v": 1, "entries": [{list}], "scenarios": {{}}, "drafts": {{}} }},
             "questions": [], "progress": {{ "schema": 1, "exercises": {{}} }} }}"#
    )
}

#[test]
fn schema_3_files_are_matched_by_id_and_practice_entries_are_counted() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| {
        let p = dir.path().join(name);
        fs::write(&p, text).unwrap();
        p
    };
    let sam = write(
        "sam.json",
        &schema3("alliance-2026", "The Alliance", "Sam", 3),
    );
    // The same title, another id: another handbook.
    let kim = write("kim.json", &schema3("other-2026", "The Alliance", "Kim", 1));
    // An older file by title: filed under the id that newer files with its title carry.
    let old = read(&progress("good/alex.json")).replace(
        "\"handbook\": \"The Therapeutic Alliance\"",
        "\"handbook\": \"The Alliance\"",
    );
    let alex = write("alex.json", &old);
    // Schema 3 with a count instead of the entries: damaged.
    let bad = write(
        "bad.json",
        &schema3("alliance-2026", "The Alliance", "Robin", 0)
            .replace("\"entries\": []", "\"entries\": 4"),
    );
    let out = dir.path().join("out");
    let o = summarize(&[sam, kim, alex, bad], &out, &[]);
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    assert!(
        err.contains("kim.json") && err.contains("from another handbook (\"other-2026\")"),
        "{err}"
    );
    assert!(
        err.contains("bad.json")
            && err.contains("`practice.entries` should be a list, not a number"),
        "{err}"
    );
    let csv = read(&out.join("summary.csv"));
    let header: Vec<&str> = csv.lines().next().unwrap().split("\",\"").collect();
    let column = header
        .iter()
        .position(|h| *h == "Practice entries")
        .unwrap();
    let rows = csv_rows(&csv);
    let cells: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| (r[0].as_str(), r[column].as_str()))
        .collect();
    // Sam's entries are counted from the list; Alex's older file gives the number.
    assert_eq!(cells, [("Alex Chen", "1"), ("Sam", "3")]);
    let html = read(&out.join("summary.html"));
    assert!(
        html.contains("“The Alliance (id alliance-2026)”"),
        "the title is shown with the id"
    );

    // --handbook takes the id (or, for older files, the title).
    let out2 = dir.path().join("out2");
    let o = summarize(
        &[dir.path().join("kim.json"), dir.path().join("sam.json")],
        &out2,
        &["--handbook", "other-2026"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let names: Vec<String> = csv_rows(&read(&out2.join("summary.csv")))
        .into_iter()
        .map(|r| r[0].clone())
        .collect();
    assert_eq!(names, ["Kim"]);
}

/// `--language` picks the page's language: `lang`, the direction of a right-to-left language
/// and the catalogue's strings (English where the language has no shipped catalogue).
#[test]
fn the_language_option_sets_lang_and_direction() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("summary");
    let o = summarize(
        &[progress("good/sam.json"), progress("good/alex.json")],
        &out,
        &["--language", "ar"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let html = fs::read_to_string(out.join("summary.html")).unwrap();
    assert!(html.contains("<html lang=\"ar\" dir=\"rtl\">"), "{html}");
    assert!(html.contains("<h1>"), "{html}");
    let o = summarize(&[progress("good/sam.json")], &out, &["--language", "en-GB"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let html = fs::read_to_string(out.join("summary.html")).unwrap();
    assert!(html.contains("<html lang=\"en-GB\">"), "{html}");
    assert!(html.contains("<h1>Progress summary</h1>"), "{html}");
    let csv = fs::read_to_string(out.join("summary.csv")).unwrap();
    assert!(csv.lines().next().unwrap().contains("\",\""), "{csv}");
    // A language that writes a decimal comma gets `;` between fields, as its spreadsheets expect.
    let o = summarize(&[progress("good/sam.json")], &out, &["--language", "es"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let csv = fs::read_to_string(out.join("summary.csv")).unwrap();
    let header = csv.lines().next().unwrap();
    assert!(
        header.contains("\";\"") && !header.contains("\",\""),
        "{csv}"
    );
}

/// The page's `lang` and `dir` name the language its text is in: a language without a shipped
/// catalogue gives an English page (`lang="en"`) and a warning saying so; Arabic, shipped with
/// the summary's strings, a right-to-left page in Arabic without one.
#[test]
fn the_page_is_labelled_with_the_language_it_is_written_in() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("summary");
    let o = summarize(&[progress("good/sam.json")], &out, &["--language", "xx"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let html = fs::read_to_string(out.join("summary.html")).unwrap();
    assert!(html.contains("<html lang=\"en\">"), "{html}");
    assert!(html.contains("<h1>Progress summary</h1>"), "{html}");
    has_line_with(&stderr(&o), &["warning", "--language `xx`", "in English"]);
    // Not listed on the page with the files left out.
    assert!(!html.contains("--language"), "{html}");

    let o = summarize(&[progress("good/sam.json")], &out, &["--language", "ar"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let html = fs::read_to_string(out.join("summary.html")).unwrap();
    assert!(html.contains("<html lang=\"ar\" dir=\"rtl\">"), "{html}");
    assert!(!html.contains("<h1>Progress summary</h1>"), "{html}");
    assert!(!stderr(&o).contains("--language"), "{}", stderr(&o));
}
