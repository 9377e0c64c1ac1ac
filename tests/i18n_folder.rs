//! A handbook's `i18n/LANG.toml` that is not a file (a folder of that name, a link to nothing)
//! is not read, and the warning says what it is and which file the strings belong in, rather
//! than that the name is wrong.

mod common;
use common::*;

#[test]
fn a_folder_named_as_the_catalogue_is_called_a_folder() {
    let root = handbook(&[
        ("handbook.toml", "title = \"T\"\nlanguage = \"es\"\n"),
        (
            "i18n/es.toml/page.toml",
            "[page]\nskip_link = \"Brincar al texto\"\n",
        ),
    ]);
    let (o, out) = build_temp(root.path());
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    has_lines(
        &err,
        &[
            "warning: i18n/es.toml: not read: it is a folder, not a file",
            "  hint: the interface strings for `es` are read from the file i18n/es.toml; write them in that file (move or rename the folder)",
        ],
    );
    assert!(!err.contains("not named as"), "{err}");
    // The shipped Spanish strings are used, not the folder's.
    assert!(!read(&out.path().join("site/index.html")).contains("Brincar al texto"));
    // `check` says the same.
    let (code, text) = check(root.path(), &[]);
    assert_eq!(code, 0, "{text}");
    has_line(
        &text,
        "warning: i18n/es.toml: not read: it is a folder, not a file",
    );
}

#[test]
fn a_regional_language_names_both_files() {
    let root = handbook(&[
        ("handbook.toml", "title = \"T\"\nlanguage = \"es-MX\"\n"),
        ("i18n/es-MX.toml/x.txt", "x"),
    ]);
    let (o, _out) = build_temp(root.path());
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    has_line_with(
        &err,
        &[
            "hint:",
            "for `es-MX` are read from the files i18n/es.toml and i18n/es-MX.toml",
            "move or rename the folder",
        ],
    );
}

#[cfg(unix)]
#[test]
fn a_link_to_nothing_is_not_a_file() {
    let root = handbook(&[("handbook.toml", "title = \"T\"\nlanguage = \"nl\"\n")]);
    std::fs::create_dir_all(root.path().join("i18n")).unwrap();
    std::os::unix::fs::symlink("gone.toml", root.path().join("i18n/nl.toml")).unwrap();
    let (o, _out) = build_temp(root.path());
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    has_line(
        &err,
        "warning: i18n/nl.toml: not read: it is not a file (a link to nothing?)",
    );
}
