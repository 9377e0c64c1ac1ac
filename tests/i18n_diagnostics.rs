//! What the build says about a handbook's interface strings, through the real binary: every
//! mistake of an `i18n/LANG.toml` at once (a malformed plural does not hide an unknown
//! section), and the untranslated-strings warning names no file the handbook does not have.

mod common;

use common::*;

#[test]
fn every_mistake_of_an_override_file_is_reported_together() {
    let root = handbook(&[
        ("handbook.toml", "title = \"T\"\nlanguage = \"es\"\n"),
        (
            "i18n/es.toml",
            "[search]\nresults = { one = \"{count} resultado\" }\n\n[pgae]\nskip_link = \"Saltar\"\n\n[page]\nnext = \"{oops\"\n",
        ),
    ]);
    let err = failing_build(root.path());
    has_line_with(
        &err,
        &["i18n/es.toml:2", "`search.results` has no `other` form"],
    );
    has_line_with(&err, &["i18n/es.toml:5", "unknown key `pgae.skip_link`"]);
    has_line_with(&err, &["i18n/es.toml:8", "`page.next`"]);
    // In line order.
    let at = |s: &str| err.find(s).unwrap_or_else(|| panic!("{s} in {err}"));
    assert!(
        at("i18n/es.toml:2") < at("i18n/es.toml:5") && at("i18n/es.toml:5") < at("i18n/es.toml:8")
    );
}

#[test]
fn the_untranslated_warning_says_which_file_to_create() {
    // A language handbook does not ship, and no i18n/ folder.
    let root = handbook(&[("handbook.toml", "title = \"T\"\nlanguage = \"la\"\n")]);
    let (o, _out) = build_temp(root.path());
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    let line = err
        .lines()
        .find(|l| l.contains("untranslated"))
        .unwrap_or_else(|| panic!("{err}"));
    assert!(line.starts_with("warning: "), "{line}");
    assert!(line.contains("in the `la` catalogue"), "{line}");
    assert!(!line.contains("i18n/la.toml"), "no such file: {line}");
    has_line_with(&err, &["hint:", "i18n/la.toml (create it"]);
}
