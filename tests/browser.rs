//! The browser test bench, run by `cargo test`.
//!
//! Builds the bundled handbook with the real binary into a temporary folder, then runs the
//! Node test suite in `tests/browser/` (node:test + playwright-core driving Debian's
//! `/usr/bin/chromium`, axe-core, and the W3C Nu Html Checker) against it, streaming its output.
//!
//! Needs: Node.js 20+, `npm ci` done (node_modules), `/usr/bin/chromium`, and `java` 11+.
//! `./test.sh` installs all of them. A missing piece fails this test loudly; it never skips.

mod common;

use common::repo;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

const CHROMIUM: &str = "/usr/bin/chromium";

fn cannot_run(why: &str) -> ! {
    let bar = "=".repeat(78);
    panic!(
        "\n{bar}\nTHE BROWSER TESTS CANNOT RUN: {why}\n\n\
         They are part of `cargo test` and are never skipped. `./test.sh` installs what they\n\
         need and runs every test; or install it by hand (as root) and run `cargo test` again:\n\
         \x20   apt-get install -y --no-install-recommends chromium default-jre-headless \\\n\
         \x20       fonts-dejavu-core libxml2-utils\n\
         \x20   npm ci --ignore-scripts\n{bar}\n"
    );
}

/// Check every outside piece the suite needs, with one loud message for each that is missing.
fn preflight(root: &Path) {
    match Command::new("node").arg("--version").output() {
        Ok(out) if out.status.success() => {
            let version = String::from_utf8_lossy(&out.stdout).trim().to_string();
            let major: u32 = version
                .trim_start_matches('v')
                .split('.')
                .next()
                .and_then(|m| m.parse().ok())
                .unwrap_or(0);
            if major < 20 {
                cannot_run(&format!("Node.js 20 or later is needed, found {version}"));
            }
        }
        _ => cannot_run("`node` is not on PATH (Node.js 20 or later is needed)"),
    }
    for (file, package) in [
        (
            "node_modules/playwright-core/package.json",
            "playwright-core",
        ),
        ("node_modules/axe-core/axe.min.js", "axe-core"),
        ("node_modules/vnu-jar/build/dist/vnu.jar", "vnu-jar"),
    ] {
        if !root.join(file).is_file() {
            cannot_run(&format!(
                "{package} is not installed ({} is missing): run `npm ci --ignore-scripts` in {}",
                root.join(file).display(),
                root.display()
            ));
        }
    }
    if !Path::new(CHROMIUM).exists() {
        cannot_run(&format!(
            "{CHROMIUM} is missing: install Debian's Chromium (apt-get install chromium)"
        ));
    }
    match Command::new("java").arg("-version").output() {
        Ok(out) if out.status.success() => {
            // `openjdk version "17.0.15"`, or `"1.8.0_402"` for Java 8.
            let text = String::from_utf8_lossy(&out.stderr);
            let major: u32 = text
                .split('"')
                .nth(1)
                .and_then(|v| v.split('.').next())
                .and_then(|m| m.parse().ok())
                .unwrap_or(0);
            if major < 11 {
                cannot_run(&format!(
                    "the Nu Html Checker needs Java 11+, and `java -version` says: {}",
                    text.lines().next().unwrap_or("")
                ));
            }
        }
        _ => cannot_run(
            "`java` is not on PATH; the Nu Html Checker needs Java 11+ (apt-get install default-jre-headless)",
        ),
    }
}

#[test]
fn browser_suite() {
    let root = repo();
    preflight(&root);

    let bin = env!("CARGO_BIN_EXE_handbook");
    let tmp = tempfile::tempdir().expect("create a temporary folder");
    let site = tmp.path().join("site");

    let started = Instant::now();
    let build = Command::new(bin)
        .arg("build")
        .arg("--root")
        .arg(&root)
        .arg("--out")
        .arg(&site)
        .status()
        .unwrap_or_else(|e| panic!("could not start {bin}: {e}"));
    assert!(
        build.success(),
        "`handbook build --root {} --out {}` failed ({build}); see its output above",
        root.display(),
        site.display()
    );
    assert!(
        site.join("index.html").is_file(),
        "`handbook build` succeeded but wrote no index.html into {}",
        site.display()
    );
    eprintln!(
        "browser tests: built the bundled handbook into {} in {:.1?}",
        site.display(),
        started.elapsed()
    );

    // The suite's files, named one by one: `node --test DIR` finds them on Node 20, but later
    // Node versions read the arguments as glob patterns.
    let mut files: Vec<PathBuf> = std::fs::read_dir(root.join("tests/browser"))
        .expect("read tests/browser")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".test.js"))
        .map(|p| p.strip_prefix(&root).map(Path::to_path_buf).unwrap_or(p))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no tests/browser/*.test.js files");

    let started = Instant::now();
    let mut child = Command::new("node")
        .arg("--test")
        .arg("--test-reporter=spec")
        .arg("--test-timeout=600000")
        .args(&files)
        .current_dir(&root)
        .env("HANDBOOK_SITE", &site)
        .env("HANDBOOK_BIN", bin)
        .stdout(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("could not start node: {e}"));
    // The report is streamed as it comes (written to stderr directly, past the test harness's
    // capture) and read as well: Node 20's runner has been seen to print a failing test (`✖`)
    // and still exit 0 with `fail 0` in its summary, so a failure mark anywhere fails the suite.
    let mut failures = Vec::new();
    let stdout = child.stdout.take().expect("piped stdout");
    for line in BufReader::new(stdout).lines() {
        let line = line.unwrap_or_else(|e| panic!("reading node's output: {e}"));
        let _ = writeln!(std::io::stderr().lock(), "{line}");
        let mark = line.trim_start();
        if mark.starts_with('✖') && !mark.starts_with("✖ failing tests") {
            failures.push(mark.to_string());
        }
    }
    let status = child.wait().expect("wait for node");
    eprintln!("browser tests: node --test took {:.1?}", started.elapsed());
    assert!(
        status.success() && failures.is_empty(),
        "\nthe browser test suite failed ({status}; {} failure mark(s)):\n{}\nScreenshots: {}\n\
         Re-run by hand: handbook build --out /tmp/site && HANDBOOK_SITE=/tmp/site node --test \
         tests/browser/",
        failures.len(),
        failures.join("\n"),
        root.join("tests/browser/screenshots").display()
    );
}
