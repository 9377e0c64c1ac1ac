//! Checks on fenced code blocks that catch authoring mistakes before they publish an answer
//! key: a component name misspelt or wrongly cased (```` ```Exercise ````), a component block
//! never closed, and an exercise labelled `toml` or left unlabelled.

use crate::components;
use crate::error::Diagnostic;
use crate::error::plain::closest;
use std::path::Path;
use toml::de::{DeTable, DeValue};

/// A component block that could not be rendered.
#[derive(Debug, Clone, PartialEq)]
pub struct FailedBlock {
    /// The component it is (or was meant to be).
    pub name: &'static str,
    /// The file line of its opening fence.
    pub line: usize,
    /// Its `id`, when one could be read.
    pub id: Option<String>,
}

/// What to do with a fenced block.
pub enum Fence {
    /// Render it with this component.
    Component(&'static str),
    /// Leave it out of the page (an error was recorded).
    Swallow,
    /// Ordinary code.
    Code,
}

/// What [`check`] found about a fenced block.
pub struct Checked {
    /// What to do with the block.
    pub fence: Fence,
    /// The error or warning to report, if any.
    pub diagnostic: Option<Diagnostic>,
    /// The block, when it is a component that is left out.
    pub failed: Option<FailedBlock>,
}

/// Sorts a fenced block with info string `info` and source `raw` (opening fence to the end of
/// the block) opening on file `line` of `path`: a component, a block to leave out (a misspelt or
/// unclosed component: an error), or code (a warning when it is an exercise labelled `toml`).
pub fn check(info: &str, raw: &str, path: &Path, line: usize) -> Checked {
    let written = first_word(info);
    let misspelt = misspelt_component(info);
    let code = |diagnostic| Checked {
        fence: Fence::Code,
        diagnostic,
        failed: None,
    };
    let Some(intended) = components::component_name(info).or(misspelt) else {
        if !looks_like_exercise(info, raw) {
            return code(None);
        }
        let label = if written.is_empty() {
            String::new()
        } else {
            format!("`{written}` ")
        };
        return code(Some(
            Diagnostic::warning(path, line, format!("this {label}code block looks like an exercise: the page shows it as code, answer key included"))
                .with_hint("write ```exercise on its opening line to make it a self-check exercise; if it is meant to show the TOML itself, ignore this warning"),
        ));
    };
    let diagnostic = if !is_closed(raw) {
        let fence: String = strip_container(raw)
            .chars()
            .take_while(|&c| c == '`' || c == '~')
            .collect();
        Diagnostic::error(path, line, format!("this {fence}{written} block is never closed: add a line with {fence} after its last line"))
            .with_hint("without it, everything up to the end of the file is read as part of the block")
    } else if let Some(right) = misspelt {
        Diagnostic::error(
            path,
            line,
            format!("unknown block `{written}`: did you mean `{right}`?"),
        )
        .with_hint(format!(
            "write ```{right} (lower case) on the opening line; component names are: {}",
            components::KNOWN.join(", ")
        ))
    } else {
        return Checked {
            fence: Fence::Component(intended),
            diagnostic: None,
            failed: None,
        };
    };
    let body = raw.split_once('\n').map_or("", |(_, b)| b);
    Checked {
        fence: Fence::Swallow,
        diagnostic: Some(diagnostic),
        failed: Some(FailedBlock {
            name: intended,
            line,
            id: block_id(body),
        }),
    }
}

/// Info strings that are well-known code languages: never taken for a misspelt component
/// (`rs` is one edit from `srs`).
const LANGUAGES: &[&str] = &[
    "rs",
    "rust",
    "js",
    "ts",
    "sh",
    "css",
    "scss",
    "sass",
    "less",
    "html",
    "xml",
    "svg",
    "json",
    "toml",
    "yaml",
    "yml",
    "ini",
    "py",
    "rb",
    "go",
    "c",
    "h",
    "cpp",
    "cs",
    "java",
    "kt",
    "r",
    "sql",
    "md",
    "text",
    "txt",
    "diff",
    "bash",
    "zsh",
    "ps1",
    "php",
    "lua",
    "pl",
    "swift",
    "tex",
    "csv",
    "tsv",
    "math",
    "mermaid",
    "dot",
    "console",
    "shell",
    "plain",
    "plaintext",
    "srt",
    "rst",
    "vb",
    "asm",
    "elm",
    "hs",
    "ml",
    "nix",
    "vim",
    "jsx",
    "tsx",
    "vue",
    "mdx",
];

/// The component a fenced block's info string was probably meant to name: the same name in
/// another case (`Exercise`, `SRS`) or within two edits (one for short names) of one.
pub fn misspelt_component(info: &str) -> Option<&'static str> {
    let word = first_word(info);
    if word.is_empty() || components::component_name(info).is_some() {
        return None;
    }
    if let Some(k) = components::KNOWN
        .iter()
        .find(|k| k.eq_ignore_ascii_case(word))
    {
        return Some(k);
    }
    if LANGUAGES.contains(&word.to_lowercase().as_str()) {
        return None;
    }
    closest(word, components::KNOWN.iter().copied())
}

/// The first word of an info string (` ```exercise {.wide}` → `exercise`).
pub fn first_word(info: &str) -> &str {
    info.split_whitespace().next().unwrap_or("")
}

/// Whether the fenced block whose source is `raw` (opening fence to the end of the block, as
/// the parser's range gives it) has a closing fence. A fence never closed runs to the end of
/// its container, so its last line is not a fence of the same kind and length.
pub fn is_closed(raw: &str) -> bool {
    let mut lines = raw.lines();
    let Some(open) = lines.next().map(strip_container) else {
        return true;
    };
    let fence_char = match open.chars().next() {
        Some(c @ ('`' | '~')) => c,
        _ => return true,
    };
    let len = open.chars().take_while(|&c| c == fence_char).count();
    let Some(last) = raw.lines().skip(1).last().map(strip_container) else {
        return false;
    };
    let last = last.trim_end();
    last.chars().count() >= len && last.chars().all(|c| c == fence_char)
}

/// A line without the block-quote markers and indentation around it.
fn strip_container(line: &str) -> &str {
    line.trim_start_matches(|c: char| c == '>' || c.is_whitespace())
}

/// Whether a block labelled `info` with source `raw` is an exercise with the wrong label: an
/// untagged or `toml` block whose body parses as TOML with a `[[question]]` that has an
/// `answer` (or `accept`).
pub fn looks_like_exercise(info: &str, raw: &str) -> bool {
    let word = first_word(info);
    if !(word.is_empty() || word.eq_ignore_ascii_case("toml")) || !raw.contains("[[question]]") {
        return false;
    }
    let inner: String = raw
        .lines()
        .skip(1)
        .filter(|l| !l.trim_start().starts_with("```") && !l.trim_start().starts_with("~~~"))
        .map(|l| format!("{l}\n"))
        .collect();
    let Ok(doc) = DeTable::parse(&inner) else {
        return false;
    };
    doc.get_ref().iter().any(|(k, v)| {
        let k: &str = k.get_ref();
        k == "question"
            && matches!(v.get_ref(), DeValue::Array(items) if items.iter().any(|q| matches!(
                q.get_ref(),
                DeValue::Table(t) if t.iter().any(|(qk, _)| {
                    let qk: &str = qk.get_ref();
                    qk == "answer" || qk == "accept"
                })
            )))
    })
}

/// The `id = "..."` of a block body, read leniently (the block may not parse).
pub fn block_id(body: &str) -> Option<String> {
    for line in body.lines() {
        let t = line.trim();
        if t.starts_with('[') {
            return None;
        }
        if let Some(rest) = t.strip_prefix("id")
            && let Some(value) = rest.trim_start().strip_prefix('=')
        {
            let v = value.trim().trim_matches(|c: char| c == '"' || c == '\'');
            return (!v.is_empty()).then(|| v.to_string());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn misspelt_and_wrongly_cased_names() {
        assert_eq!(misspelt_component("excercise"), Some("exercise"));
        assert_eq!(misspelt_component("Exercise"), Some("exercise"));
        assert_eq!(misspelt_component("SRS"), Some("srs"));
        assert_eq!(misspelt_component("exercises {.x}"), Some("exercise"));
        for fine in [
            "exercise", "srs", "rs", "css", "toml", "", "python", "sh", "js",
        ] {
            assert_eq!(misspelt_component(fine), None, "{fine}");
        }
    }

    #[test]
    fn closing_fences() {
        assert!(is_closed("```exercise\na = 1\n```\n"));
        assert!(is_closed("````exercise\n```\n````"));
        assert!(is_closed("> ```srs\n> mode = 1\n> ```\n"));
        assert!(!is_closed("```exercise\na = 1\n\n## Next\n"));
        assert!(!is_closed("````exercise\na\n```\n"));
        assert!(!is_closed("```exercise"));
    }

    #[test]
    fn exercise_in_a_toml_block() {
        let raw = "```toml\n[[question]]\ntype = \"single\"\nanswer = 1\n```\n";
        assert!(looks_like_exercise("toml", raw));
        assert!(looks_like_exercise("", raw));
        assert!(!looks_like_exercise("exercise", raw));
        assert!(!looks_like_exercise(
            "toml",
            "```toml\n[[question]]\nprompt = \"x\"\n```\n"
        ));
    }

    #[test]
    fn ids_are_read_leniently() {
        assert_eq!(
            block_id("id = \"e1\"\n[[question]]\nid = \"q\""),
            Some("e1".into())
        );
        assert_eq!(block_id("[[question]]\nid = \"q\""), None);
    }
}
