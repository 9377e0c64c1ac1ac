//! Fuzz harness (issue 19): property tests over every parser that reads what authors, trainees
//! or HTTP clients write (front matter in TOML and YAML, `exercise` and `srs` blocks,
//! `handbook.toml`, whole pages with raw HTML, progress files, and `serve`'s URL path decoding).
//! The properties: no panic, and every error names its file and a line inside the input.
//!
//! Inputs are built from fragments of the real syntax (keys, values, fences, HTML) mixed with
//! arbitrary text, so most cases get past the first syntax check. The seed and the number of
//! cases are fixed, so a CI run is reproducible and bounded (a few seconds in a debug build);
//! `FUZZ_CASES=N` runs more cases by hand.

mod common;

use handbook::components::{self, BlockCtx};
use handbook::config::Config;
use handbook::content::{self, SourceFile};
use handbook::error::Diagnostic;
use proptest::prelude::*;
use std::path::Path;

const KEYS: &[&str] = &[
    "title",
    "description",
    "weight",
    "draft",
    "slug",
    "search",
    "extra",
    "id",
    "type",
    "prompt",
    "options",
    "answer",
    "feedback",
    "items",
    "accept",
    "explanation",
    "hint",
    "vignette",
    "model_answer",
    "mode",
    "ratings",
    "scores",
    "set",
    "show_answer",
    "shuffle",
    "due",
    "note",
    "read",
    "exercises",
    "practice",
    "language",
    "authors",
    "base_url",
    "theme",
    "output",
    "broken",
    "enabled",
    "exclude",
    "accent",
    "logo",
    "agency",
    "unsafe_html",
    "assignments",
    "read_after_seconds",
    "labels",
    "cutoff",
];

const VALUES: &[&str] = &[
    "\"x\"",
    "\"\"",
    "1",
    "0",
    "-1",
    "2.5",
    "1e400",
    "nan",
    "inf",
    "99999999999999999999",
    "true",
    "false",
    "[]",
    "[1, 2]",
    "[1, 1]",
    "[\"a\", \"b\"]",
    "[\"a\", \"a\"]",
    "[[]]",
    "{a = 1}",
    "{}",
    "\"single\"",
    "\"multiple\"",
    "\"truefalse\"",
    "\"short\"",
    "\"ordering\"",
    "\"scenario\"",
    "\"reflection\"",
    "\"practice\"",
    "\"error\"",
    "\"allow\"",
    "\"warn\"",
    "\"#zzz\"",
    "\"../../etc/passwd\"",
    "\"a.md\"",
    "\"a.md#h\"",
    "\"<script>x</script>\"",
    "\"<a href='javascript:x'>y</a>\"",
    "\"<b onclick=x>y</b>\"",
    "\"\"\"\nmulti\nline\n\"\"\"",
    "'''raw'''",
    "\"\\u0000\"",
    "\"\\u001b[2J\"",
    "\"é\u{202e}\"",
    "[9.2, 6.1, 8.8, 9.0]",
    "[10, 10, 10, 10, 10]",
    "\"2026-01-01\"",
];

const GLUE: &[&str] = &[
    " = ",
    "=",
    ": ",
    ":",
    "\n",
    "\n",
    "\n",
    "- ",
    "  ",
    "\t",
    "[[question]]\n",
    "[question]\n",
    "[assignment]\n",
    "[content]\n",
    "[links]\n",
    "[[learning_path]]\n",
    "[srs]\n",
    "#",
    "'",
    "\"",
    "[",
    "]",
    "{",
    "}",
    ",",
    "\r\n",
    "\u{feff}",
];

/// TOML- or YAML-like text: fragments of real syntax with arbitrary text mixed in.
fn fragments() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => (prop::sample::select(KEYS), prop::sample::select(VALUES))
            .prop_map(|(k, v)| format!("{k} = {v}\n")),
        2 => (prop::sample::select(KEYS), prop::sample::select(VALUES))
            .prop_map(|(k, v)| format!("{k}: {v}\n")),
        2 => prop::sample::select(GLUE).prop_map(str::to_string),
        1 => prop::sample::select(KEYS).prop_map(str::to_string),
        1 => prop::sample::select(VALUES).prop_map(str::to_string),
        1 => ".{0,12}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

const MARKDOWN: &[&str] = &[
    "# Title\n",
    "## Heading {#id}\n",
    "text ",
    "*em* ",
    "`code` ",
    "[link](other.md) ",
    "[frag](#heading) ",
    "[x](missing.md#nope) ",
    "![](img.png) ",
    "<img src=x onerror=y> ",
    "<a href=\"&#106;avascript:x\">j</a> ",
    "<script>x</script>\n",
    "<div\nonclick='y'>\n",
    "<details><summary>s</summary>d</details>\n",
    "<!-- <script> -->\n",
    "<td style=x>",
    "> [!NOTE]\n> note\n",
    "| a | b |\n|:-:|--:|\n| 1 | 2 |\n",
    "- item\n",
    "1. one\n",
    "[^1]\n\n[^1]: foot\n",
    "\n",
    "\n\n",
    "```\ncode\n```\n",
    "```exercise\n",
    "```srs\n",
    "```\n",
    "~~~exercise\n",
    "~~~\n",
    "    indented\n",
    "<",
    ">",
    "&",
    "\\",
    "\u{0}",
];

/// A Markdown page: fragments of Markdown, raw HTML, component fences and TOML.
fn page() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => prop::sample::select(MARKDOWN).prop_map(str::to_string),
        2 => fragments(),
        1 => ".{0,16}",
    ];
    prop::collection::vec(piece, 0..30).prop_map(|v| v.concat())
}

/// Every diagnostic names `path` and a line in `first..=last`.
fn assert_located(ds: &[Diagnostic], path: &Path, first: usize, last: usize, input: &str) {
    for d in ds {
        assert_eq!(d.path, path, "{d}\ninput:\n{input}");
        assert!(
            d.line >= first && d.line <= last,
            "line {} outside {first}..={last}: {d}\ninput:\n{input}",
            d.line
        );
    }
}

fn lines(text: &str) -> usize {
    text.split('\n').count()
}

proptest! {
    #![proptest_config(common::fuzz::runner(0x1919_2026, 500))]

    #[test]
    fn front_matter_toml(inner in fragments(), body in ".{0,20}") {
        let text = format!("+++\n{inner}\n+++\n{body}");
        let path = Path::new("content/page.md");
        if let Err(d) = content::frontmatter::split(&text, path) {
            assert_located(&d, path, 1, lines(&text), &text);
        }
    }

    #[test]
    fn front_matter_yaml(inner in fragments(), body in ".{0,20}") {
        let text = format!("---\n{inner}\n---\n{body}");
        let path = Path::new("content/page.md");
        if let Err(d) = content::frontmatter::split(&text, path) {
            assert_located(&d, path, 1, lines(&text), &text);
        }
    }

    #[test]
    fn component_blocks(body in fragments(), srs in any::<bool>()) {
        let config = Config::default();
        let path = Path::new("content/quiz.md");
        let ctx = BlockCtx {
            display_path: path,
            page_out_path: "quiz.html",
            line: 10,
            ordinal: 0,
            config: &config,
            templates: handbook::theme::builtin(),
            catalog: handbook::i18n::Catalog::english(),
        };
        let name = if srs { "srs" } else { "exercise" };
        if let Err(ds) = components::render_block(name, &body, &ctx) {
            prop_assert!(!ds.is_empty());
            assert_located(&ds, path, 10, 10 + lines(&body), &body);
        }
    }

    #[test]
    fn handbook_toml(text in fragments()) {
        let path = Path::new("handbook.toml");
        if let Err(ds) = Config::parse(&text, path) {
            prop_assert!(!ds.is_empty());
            assert_located(&ds, path, 1, lines(&text), &text);
        }
    }

    #[test]
    fn pages_with_raw_html_and_components(text in page()) {
        let files = vec![SourceFile { path: "_index.md".into(), bytes: text.clone().into_bytes() }];
        let root = Path::new("/nonexistent-fuzz-root");
        match content::load::load_from_files(Config::default().into(), root, &root.join("content"), Path::new("content"), files) {
            Ok(hb) => {
                let out = handbook::markdown::render_page_with(&hb, 0, handbook::theme::builtin(), handbook::i18n::Catalog::english());
                assert_located(&out.diagnostics, Path::new("content/_index.md"), 1, lines(&text), &text);
            }
            Err(ds) => assert_located(&ds, Path::new("content/_index.md"), 1, lines(&text), &text),
        }
    }

    #[test]
    fn raw_html_scanner(html in ".{0,200}") {
        for f in handbook::markdown::unsafe_html::scan_html(&html) {
            prop_assert!(f.offset < html.len());
        }
    }

    #[test]
    fn progress_files(text in progress_text()) {
        let _ = handbook::summarize::parse::parse(text.as_bytes());
    }

    #[test]
    fn serve_path_decoding(raw in path_text()) {
        if let Ok((segments, _)) = handbook::serve::http::decode_path(&raw) {
            for s in &segments {
                prop_assert!(!s.is_empty() && s != "." && s != "..", "{raw:?} -> {segments:?}");
                prop_assert!(!s.contains(['/', '\\', '\0']), "{raw:?} -> {segments:?}");
            }
        }
    }
}

/// Progress files: a valid one with fields replaced by other JSON values, or arbitrary text.
fn progress_text() -> impl Strategy<Value = String> {
    let json = prop_oneof![
        Just("null".to_string()),
        Just("\"\"".to_string()),
        Just("\"\\u001b[2J\"".to_string()),
        Just("-1".to_string()),
        Just("1e999".to_string()),
        Just("18446744073709551616".to_string()),
        Just("[]".to_string()),
        Just("{}".to_string()),
        Just("true".to_string()),
        Just("2".to_string()),
        Just("\"2026-13-45T99:99:99Z\"".to_string()),
        Just("[{\"id\":\"a\",\"title\":\"t\",\"items\":1,\"done\":2,\"complete\":true,\"graded\":0,\"correct\":0}]".to_string()),
        "\"[^\"\\\\]{0,10}\"",
    ];
    prop_oneof![
        3 => (prop::sample::select(PROGRESS_FIELDS), json).prop_map(|(field, value)| {
            let mut v: serde_json::Value = serde_json::from_str(GOOD_PROGRESS).unwrap();
            v[field] = serde_json::from_str(&value).unwrap_or(serde_json::Value::Null);
            v.to_string()
        }),
        1 => ".{0,60}",
        1 => Just(GOOD_PROGRESS.to_string()),
    ]
}

const PROGRESS_FIELDS: &[&str] = &[
    "format",
    "schema",
    "handbook",
    "exported",
    "learner",
    "totals",
    "assignments",
];

const GOOD_PROGRESS: &str = r#"{"format":"handbook-progress","schema":2,"handbook":"H","exported":"2026-11-25T08:00:00.000Z","learner":"Ann","totals":{"exercises":1,"complete":0,"questions":1,"graded":1,"answered":0,"correct":0},"assignments":[{"id":"a.html","title":"A","path":"P","items":2,"done":1,"complete":false,"graded":1,"correct":1}]}"#;

/// Request paths: separators, dots, percent escapes (valid and not) and arbitrary text.
fn path_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        prop::sample::select(
            &[
                "/",
                "//",
                ".",
                "..",
                "%2e",
                "%2E%2e",
                "%2f",
                "%5c",
                "%00",
                "%",
                "%4",
                "%zz",
                "%c0%ae",
                "%ff",
                "\\",
                "a",
                "index.html",
                "?",
                "#",
                "%20",
                "\u{0}",
                "é",
            ][..]
        )
        .prop_map(str::to_string),
        ".{0,4}",
    ];
    prop::collection::vec(piece, 0..16).prop_map(|v| v.concat())
}
