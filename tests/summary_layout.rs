//! The layout of `summary.html` for a wide table (8 assignments in two learning paths, the
//! fixture `tests/fixtures/progress-files/wide/`): one screen table, and for print one table
//! per learning path plus the whole-handbook totals, with ids unique on the page. (The browser
//! test `tests/browser/branding.test.js` measures the widths.)

mod common;

use common::*;
use std::collections::HashSet;

fn summary_of_wide_fixture() -> String {
    let out = tempfile::tempdir().expect("tempdir");
    let wide = fixture("progress-files/wide");
    let o = summarize(&[wide], out.path(), &["--quiet"]);
    assert!(o.status.success(), "{}", stderr(&o));
    read(&out.path().join("summary.html"))
}

#[test]
fn a_wide_table_prints_as_one_table_per_learning_path() {
    let html = summary_of_wide_fixture();
    assert_eq!(
        html.matches("<table").count(),
        5,
        "screen, 2 paths, totals, files"
    );
    let screen = html
        .find("<div class=\"wrap screen-only\"")
        .expect("screen table");
    let print = html
        .find("<div class=\"print-only\">")
        .expect("print tables");
    assert!(screen < print);
    for caption in [
        "<caption id=\"g0-caption\">Learning path “Four-week onboarding”</caption>",
        "<caption id=\"g1-caption\">Learning path “Annual refresher for experienced clinicians”</caption>",
        "<caption id=\"gt-caption\">Whole handbook (self-check)</caption>",
        "<caption id=\"f-caption\">The progress file of each trainee</caption>",
    ] {
        assert!(html.contains(caption), "missing {caption}");
    }
    // The second path's table starts at its own first assignment (a4) and holds four.
    let g1 = &html[html.find("g1-caption").unwrap()..html.find("gt-caption").unwrap()];
    assert!(g1.contains("id=\"g1-a4\"") && g1.contains("id=\"g1-a7\""));
    assert!(!g1.contains("id=\"g1-a3\""));
    assert!(
        g1.contains("<td headers=\"g1-r0 g1-a4 g1-a4-d\">4/11</td>"),
        "{g1}"
    );
    // Every id is unique, and every `headers` entry names one of them.
    let ids: Vec<&str> = html
        .split(" id=\"")
        .skip(1)
        .map(|s| &s[..s.find('"').unwrap()])
        .collect();
    let unique: HashSet<&str> = ids.iter().copied().collect();
    assert_eq!(ids.len(), unique.len(), "duplicate ids");
    for list in html.split(" headers=\"").skip(1) {
        for id in list[..list.find('"').unwrap()].split(' ') {
            assert!(unique.contains(id), "headers names a missing id {id}");
        }
    }
    // Printing: landscape, header rows repeat, rows are not split.
    for rule in [
        "@page { size: landscape;",
        "thead { display: table-header-group; }",
        "break-inside: avoid",
        ".print-only { display: block; }",
        ".screen-only { display: none; }",
    ] {
        assert!(html.contains(rule), "missing {rule}");
    }
}
