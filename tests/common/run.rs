//! The real `handbook` binary: running it, reading what it printed, and the checks every
//! failing build must pass (exit code 1, no panic, the previous output untouched).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A `Command` for the `handbook` binary cargo built for these tests.
pub fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_handbook"))
}

/// `handbook ARGS...`.
pub fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("run handbook")
}

/// `handbook ARGS... --root ROOT`.
pub fn run_on(args: &[&str], root: &Path) -> Output {
    bin()
        .args(args)
        .arg("--root")
        .arg(root)
        .output()
        .expect("run handbook")
}

/// `handbook build --quiet --root ROOT --out OUT`.
pub fn build(root: &Path, out: &Path) -> Output {
    bin()
        .args(["build", "--quiet", "--root"])
        .arg(root)
        .arg("--out")
        .arg(out)
        .output()
        .expect("run handbook")
}

/// `handbook build --quiet` of `root` into `site/` of a new temporary folder: the output and
/// the folder (the site is gone when it is dropped).
pub fn build_temp(root: &Path) -> (Output, tempfile::TempDir) {
    let out = tempfile::tempdir().expect("create a temporary folder");
    let o = build(root, &out.path().join("site"));
    (o, out)
}

/// Like [`build_temp`], and the build must succeed: the temporary folder (the site is `site/`
/// in it).
#[track_caller]
pub fn build_ok(root: &Path) -> tempfile::TempDir {
    let (o, out) = build_temp(root);
    assert!(o.status.success(), "{}", stderr(&o));
    out
}

/// `handbook progress summarize INPUTS... --out OUT EXTRA...`.
pub fn summarize(inputs: &[PathBuf], out: &Path, extra: &[&str]) -> Output {
    bin()
        .args(["progress", "summarize"])
        .args(inputs)
        .arg("--out")
        .arg(out)
        .args(extra)
        .output()
        .expect("run handbook")
}

/// `handbook check --root ROOT EXTRA...`: the exit code and everything it printed. It never
/// panics.
pub fn check(root: &Path, extra: &[&str]) -> (i32, String) {
    let mut args = vec!["check"];
    args.extend_from_slice(extra);
    let o = run_on(&args, root);
    let text = printed(&o);
    assert!(!text.contains("panicked"), "{text}");
    (o.status.code().unwrap_or(-1), text)
}

/// What the command wrote to stderr.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// What the command wrote to stdout.
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Everything the command printed: stdout, then stderr.
pub fn printed(o: &Output) -> String {
    format!("{}{}", stdout(o), stderr(o))
}

/// `handbook build --quiet` of `root` into `root/public` over a previous build: the exit code
/// and stderr. It never panics, and when it fails the previous output is left exactly as it
/// was.
pub fn build_over_previous(root: &Path) -> (i32, String) {
    let out = root.join("public");
    fs::create_dir_all(&out).expect("mkdir public");
    fs::write(out.join("index.html"), "previous build").expect("write");
    // A previous build carries the marker (a folder without it is not replaced).
    fs::write(out.join(".handbook-build"), "previous build").expect("write");
    let o = build(root, &out);
    let text = stderr(&o);
    assert!(!text.contains("panicked"), "{text}");
    let code = o.status.code().unwrap_or(-1);
    if code != 0 {
        assert_eq!(
            fs::read_to_string(out.join("index.html")).expect("index.html"),
            "previous build",
            "a failed build left the previous output untouched"
        );
        let count = fs::read_dir(&out).expect("read public").count();
        assert_eq!(count, 2, "a failed build wrote nothing:\n{text}");
    }
    (code, text)
}

/// Like [`build_over_previous`], and the build must fail with exit code 1: its stderr.
#[track_caller]
pub fn failing_build(root: &Path) -> String {
    let (code, text) = build_over_previous(root);
    assert_eq!(code, 1, "expected a build error (exit 1):\n{text}");
    text
}

/// Asserts one line of `text` contains every one of `parts` (a place and what is said there).
#[track_caller]
pub fn has_line_with(text: &str, parts: &[&str]) {
    assert!(
        text.lines().any(|l| parts.iter().all(|p| l.contains(p))),
        "expected a line with {parts:?} in:\n{text}"
    );
}

/// Asserts `text` contains every one of `parts` (anywhere), naming the first that is missing.
#[track_caller]
pub fn contains_all(text: &str, parts: &[&str]) {
    for part in parts {
        assert!(text.contains(part), "expected\n{part}\nin:\n{text}");
    }
}

/// Asserts `text` has each of `lines` as one of its lines.
#[track_caller]
pub fn has_lines(text: &str, lines: &[&str]) {
    for line in lines {
        has_line(text, line);
    }
}

/// Asserts `text` has `line` as one of its lines.
#[track_caller]
pub fn has_line(text: &str, line: &str) {
    assert!(
        text.lines().any(|l| l == line),
        "expected the line\n{line}\nin:\n{text}"
    );
}

/// Runs `node --test` on `file` (a path under the repository, no browser needed) and fails unless
/// every test passed and at least one ran. `what` names the shared cases the file holds the theme's
/// scripts to, for the message when Node.js is missing: such a check is never skipped.
pub fn node_test(file: &str, what: &str) {
    let out = Command::new("node")
        .args(["--test", "--test-reporter=tap", file])
        .current_dir(crate::common::repo())
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "cannot run `node` ({e}): the JavaScript side of {what} is checked with Node.js \
                 20 or later, never skipped. Install it (Debian: apt-get install nodejs) or run \
                 ./test.sh, which installs what the tests need."
            )
        });
    let report = format!("{}{}", stdout(&out), stderr(&out));
    assert!(out.status.success(), "{file} failed:\n{report}");
    // Node 20's runner has been seen to exit 0 with a failing test: read the summary too.
    assert!(report.lines().any(|l| l == "# fail 0"), "{file}:\n{report}");
    assert!(
        !report.lines().any(|l| l == "# pass 0"),
        "{file} ran no test:\n{report}"
    );
}
