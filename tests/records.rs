//! Integration tests of the handbook `id` (issue 14), running the real binary: `handbook check`
//! warns when it is missing and names the id derived from the title; a bad one is an error at
//! its line; `handbook new` writes a fresh one; the built pages and the progress manifest carry
//! it (the storage namespace and progress files' key).

mod common;

use common::*;
use std::fs;
use std::path::Path;

/// A one-page handbook in `dir` with `config` as its handbook.toml.
fn write_handbook(dir: &Path, config: &str) {
    write_all(
        dir,
        &[
            ("handbook.toml", config),
            ("content/_index.md", "# Home\n\nText.\n"),
        ],
    );
}

#[test]
fn check_warns_without_an_id_and_names_the_derived_one() {
    let dir = tempfile::tempdir().unwrap();
    write_handbook(dir.path(), "title = \"Reliance on the Alliance\"\n");
    let o = run(&["check", "--root", dir.path().to_str().unwrap()]);
    let out = printed(&o);
    assert!(o.status.success(), "{out}");
    assert!(out.contains("handbook.toml:1"), "{out}");
    assert!(out.contains("no `id` in handbook.toml"), "{out}");
    assert!(out.contains("`reliance-on-the-alliance`"), "{out}");
    assert!(
        out.contains("set `id` so that a change of title keeps learners' progress"),
        "{out}"
    );

    write_handbook(
        dir.path(),
        "title = \"Reliance on the Alliance\"\nid = \"alliance-2026\"\n",
    );
    let o = run(&["check", "--root", dir.path().to_str().unwrap()]);
    assert!(!printed(&o).contains("no `id`"), "{}", printed(&o));
}

#[test]
fn a_bad_id_is_an_error_at_its_line() {
    let dir = tempfile::tempdir().unwrap();
    write_handbook(dir.path(), "title = \"A\"\n\nid = \"my handbook/2\"\n");
    let o = run(&["build", "--root", dir.path().to_str().unwrap()]);
    let out = printed(&o);
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert!(out.contains("handbook.toml:3"), "{out}");
    assert!(out.contains("id `my handbook/2` contains ' '"), "{out}");
    assert!(out.contains("letters, digits, `-`, `_` and `.`"), "{out}");
}

#[test]
fn the_id_names_the_storage_and_the_manifest() {
    let dir = tempfile::tempdir().unwrap();
    write_handbook(
        dir.path(),
        "title = \"Old & New\"\nid = \"alliance.v2_2026\"\n",
    );
    let out = dir.path().join("public");
    let o = run(&[
        "build",
        "--root",
        dir.path().to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", printed(&o));
    let index = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(
        index.contains("data-handbook=\"alliance.v2_2026\" data-handbook-title=\"Old &amp; New\""),
        "{index}"
    );
    let manifest = fs::read_to_string(out.join("progress-data.js")).unwrap();
    assert!(
        manifest.contains("\"id\":\"alliance.v2_2026\""),
        "{manifest}"
    );
    assert!(
        manifest.contains("\"handbook\":\"Old & New\""),
        "{manifest}"
    );
}

#[test]
fn new_writes_a_fresh_id_each_time() {
    let dir = tempfile::tempdir().unwrap();
    let id_of = |name: &str| {
        let target = dir.path().join(name);
        let o = run(&["new", target.to_str().unwrap()]);
        assert!(o.status.success(), "{}", printed(&o));
        let config = fs::read_to_string(target.join("handbook.toml")).unwrap();
        let line = config
            .lines()
            .find(|l| l.starts_with("id = "))
            .expect("an id line")
            .to_string();
        let o = run(&["check", "--root", target.to_str().unwrap()]);
        assert!(!printed(&o).contains("no `id`"), "{}", printed(&o));
        line
    };
    let (a, b) = (id_of("one"), id_of("two"));
    assert!(a.starts_with("id = \"my-training-handbook-"), "{a}");
    assert_ne!(a, b);
}
