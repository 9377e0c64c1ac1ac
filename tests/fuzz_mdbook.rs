//! Fuzz harness for mdBook books (issue 17), in the style of `tests/fuzz.rs`: property tests over
//! the `SUMMARY.md` parser, the `{{#...}}` helper expansion and the whole loader. The
//! properties: no panic, every diagnostic names its file and a line inside it, and the line map
//! of an expanded chapter has one file line per text line, inside the chapter.
//!
//! Inputs are built from fragments of the real syntax mixed with arbitrary text. The seed and
//! the number of cases are fixed, so a run is reproducible; `FUZZ_CASES=N` runs more by hand.

mod common;

use handbook::config::Config;
use handbook::content::layout::{Settings, SourceLayout};
use handbook::content::mdbook::{BookToml, include, summary};
use handbook::content::{self, SourceFile};
use handbook::error::Diagnostic;
use proptest::prelude::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

const SUMMARY: &[&str] = &[
    "# Summary\n",
    "# Part one\n",
    "#\n",
    "## Not a part\n",
    "- [A](a.md)\n",
    "- [Guide](guide/README.md)\n",
    "    - [B](b.md)\n",
    "        - [Deep](guide/deep.md)\n",
    "  - [C](c.md)\n",
    "* [Star](a.md)\n",
    "1. [One](b.md)\n",
    "[Prefix](a.md)\n",
    "[Draft]()\n",
    "- [Draft]()\n",
    "- [](b.md)\n",
    "- [Out](../x.md)\n",
    "- [Gone](gone.md)\n",
    "- [Sp](<my file.md>)\n",
    "- [Enc](my%20file.md)\n",
    "---\n",
    "-----------\n",
    "- plain text\n",
    "- \n",
    "text\n",
    "<!-- comment -->\n",
    "[x](",
    "](",
    "[",
    "\n",
    "\n",
    "    ",
    "\u{feff}",
    "\r\n",
];

const BODY: &[&str] = &[
    "# Title\n",
    "text ",
    "\n",
    "\n",
    "{{#include a.md}}",
    "{{#include a.md:2:3}}",
    "{{#include a.md:2:}}",
    "{{#include a.md::1}}",
    "{{#include a.md:9}}",
    "{{#include code.rs:part}}",
    "{{#include code.rs:none}}",
    "{{#rustdoc_include code.rs:2}}",
    "{{#playground code.rs editable}}",
    "{{#include missing.md}}",
    "{{#include ../../x}}",
    "{{#include self.md}}",
    "\\{{#include a.md}}",
    "{{ #include a.md }}",
    "{{#title T}}",
    "{{#template x.hbs a=1}}",
    "{{#include",
    "{{#",
    "{{",
    "}}",
    "\\",
    ":",
    "```\n",
    "[link](b.md) ",
    "[html](b.html) ",
    "ANCHOR: part\n",
    "ANCHOR_END: part\n",
    "é",
];

fn pieces(from: &'static [&'static str], max: usize) -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        6 => prop::sample::select(from).prop_map(str::to_string),
        1 => ".{0,10}",
    ];
    prop::collection::vec(piece, 0..max).prop_map(|v| v.concat())
}

fn lines(text: &str) -> usize {
    text.split('\n').count()
}

/// Every diagnostic names one of `files` (with its text) and a line inside it (0: the file as a
/// whole).
fn assert_located(ds: &[Diagnostic], files: &HashMap<PathBuf, String>, input: &str) {
    for d in ds {
        let text = files
            .get(&d.path)
            .unwrap_or_else(|| panic!("unknown file: {d}\ninput:\n{input}"));
        assert!(
            d.line <= lines(text),
            "line past the end: {d}\ninput:\n{input}"
        );
    }
}

proptest! {
    #![proptest_config(common::fuzz::runner(0x1717_2026, 300))]

    #[test]
    fn summary_md(text in pieces(SUMMARY, 30)) {
        let path = Path::new("src/SUMMARY.md");
        let (s, problems) = summary::parse(&text, path);
        for d in &problems {
            prop_assert_eq!(&d.path, path);
            prop_assert!(d.line >= 1 && d.line <= lines(&text), "{d}\n{text}");
        }
        for c in s.chapters() {
            prop_assert!(c.line >= 1 && c.line <= lines(&text), "{:?}\n{text}", c);
        }
    }

    #[test]
    fn helpers(body in pieces(BODY, 24), a in pieces(BODY, 8), first in 1usize..5) {
        let files: HashMap<PathBuf, String> = [
            ("src/chapter.md", body.clone()),
            ("src/a.md", a.clone()),
            ("src/self.md", "{{#include self.md}}".to_string()),
            ("src/code.rs", "fn x() {\n// ANCHOR: part\nlet y = 1;\n// ANCHOR_END: part\n}\n".to_string()),
        ]
        .into_iter()
        .map(|(p, t)| (PathBuf::from(p), t))
        .collect();
        let read = |p: &Path| files.get(p).cloned().ok_or_else(|| "no such file".to_string());
        let e = include::expand(&body, first, Path::new("src/chapter.md"), &read);
        prop_assert_eq!(e.line_map.len(), lines(&e.text), "{}", body);
        let last = first + lines(&body) - 1;
        prop_assert!(e.line_map.iter().all(|&l| l >= first && l <= last), "{:?} {}", e.line_map, body);
        prop_assert!(e.line_map.windows(2).all(|w| w[0] <= w[1]));
        // Lines are counted from `first` in the chapter, from 1 in included files.
        let mut shifted = files.clone();
        let pad = "\n".repeat(first - 1);
        shifted.insert(PathBuf::from("src/chapter.md"), format!("{pad}{body}"));
        assert_located(&e.diagnostics, &shifted, &body);
    }

    #[test]
    fn whole_books(
        summary in pieces(SUMMARY, 20),
        a in pieces(BODY, 10),
        b in pieces(BODY, 10),
    ) {
        let texts: Vec<(&str, String)> = vec![
            ("SUMMARY.md", summary.clone()),
            ("a.md", a),
            ("b.md", b),
            ("c.md", "# C\n".into()),
            ("guide/README.md", "# Guide\n[up](../index.html)\n".into()),
            ("guide/deep.md", "[x](../a.html#nope)\n".into()),
            ("my file.md", "# Spaced\n".into()),
            ("code.rs", "fn x() {}\n".into()),
        ];
        let known: HashMap<PathBuf, String> = texts
            .iter()
            .map(|(p, t)| (Path::new("src").join(p), t.clone()))
            .collect();
        let files = texts
            .into_iter()
            .map(|(p, t)| SourceFile { path: p.into(), bytes: t.into_bytes() })
            .collect();
        let settings = Settings {
            config: Config { title: "Book".into(), ..Config::default() },
            layout: SourceLayout::MdBook(Box::new(BookToml { src: "src".into(), warnings: Vec::new() })),
        };
        let loaded = content::load_from_files(
            settings,
            Path::new("/nonexistent-book"),
            Path::new("/nonexistent-book/src"),
            Path::new("src"),
            files,
        );
        match loaded {
            Ok(h) => {
                prop_assert!(!h.pages.is_empty());
                prop_assert_eq!(h.pages[0].out_path.as_str(), "index.html");
                for (i, p) in h.pages.iter().enumerate() {
                    for &c in &p.children {
                        prop_assert_eq!(h.pages[c].parent, Some(i));
                        prop_assert!(c > i, "children come after their parent");
                    }
                    assert_located(&p.load_warnings, &known, &summary);
                }
            }
            Err(errors) => assert_located(&errors, &known, &summary),
        }
    }
}
