//! `handbook progress summarize --language`: a value that is not a language tag is a usage
//! error (exit code 2) naming it and saying what to write, as `language` in `handbook.toml` is
//! for `build`; a tag handbook has no strings for is still a summary in English.

mod common;
use common::*;

/// The progress file fixture `good/sam.json`.
fn sam() -> std::path::PathBuf {
    fixture("progress-files/good/sam.json")
}

#[test]
fn a_value_that_is_not_a_language_tag_is_a_usage_error() {
    let tmp = tempfile::tempdir().unwrap();
    let long = "a".repeat(5000);
    for (value, shown) in [
        ("español", "\"español\""),
        ("../../etc", "\"../../etc\""),
        ("es MX", "\"es MX\""),
        ("", "\"\""),
        ("es\nfr", "\"es\\nfr\""),
        (long.as_str(), "\"aaaaaaaa"),
    ] {
        let out = tmp.path().join("summary");
        let o = summarize(&[sam()], &out, &["--language", value]);
        let text = printed(&o);
        assert_eq!(o.status.code(), Some(2), "{value:?}: {text}");
        assert!(text.starts_with("error: "), "{text}");
        for part in [
            "'--language <LANG>'",
            shown,
            "is not a language tag; write one such as \"es\" or \"nl-BE\"",
        ] {
            assert!(text.contains(part), "{value:?}: no {part:?} in {text}");
        }
        assert!(text.contains("ar, de, en, es, fr, nb, nl"), "{text}");
        assert!(!text.contains("panicked"), "{text}");
        assert!(!out.exists(), "{value:?}: the summary was written");
    }
}

#[test]
fn tags_are_accepted_with_or_without_a_catalogue() {
    let tmp = tempfile::tempdir().unwrap();
    for (tag, lang) in [("nl-BE", "nl-BE"), ("es_MX", "es_MX"), ("pt", "en")] {
        let out = tmp.path().join(tag);
        let o = summarize(&[sam()], &out, &["--language", tag]);
        assert_eq!(o.status.code(), Some(0), "{tag}: {}", printed(&o));
        let html = read(&out.join("summary.html"));
        assert!(html.contains(&format!("lang=\"{lang}\"")), "{tag}");
    }
}
