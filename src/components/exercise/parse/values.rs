//! Typed values of exercise TOML (strings, booleans, lists of strings) and the errors for
//! wrong ones: TOML syntax, invalid ids, unknown keys with "did you mean".

use super::super::QuestionType;
use super::{Source, Value, type_keys};
use crate::error::plain::edit_distance;
use crate::error::{Diagnostic, line_col};
use std::ops::Range;
use toml::Spanned;
use toml::de::DeValue;

pub(crate) fn toml_error(src: &Source<'_>, e: &toml::de::Error) -> Diagnostic {
    let offset = e.span().map_or(0, |s| s.start);
    // Curly quotes, an unquoted value, a quote never closed: in plain words.
    if let Some(p) = crate::error::plain::toml_problem(src.text, e.message(), offset) {
        return Diagnostic::error(
            src.path,
            src.line(p.offset),
            format!("exercise: {}", p.message),
        )
        .with_column(line_col(src.text, p.offset).1)
        .with_hint(p.hint);
    }
    let line = e.span().map_or(src.first_line, |s| src.line(s.start));
    let message = e.message().trim().trim_end_matches('.').to_string();
    Diagnostic::error(src.path, line, format!("exercise: invalid TOML: {message}")).with_hint(
        "the block is TOML: text in double quotes, lists in [brackets], \
         one `[[question]]` table per question; see the README, section \"Self-check exercises\"",
    )
}

/// Why `id` is not a valid id, if it is not.
pub(crate) fn id_problem(id: &str) -> Option<&'static str> {
    if id.is_empty() {
        return Some("it is empty");
    }
    if id.chars().any(char::is_whitespace) {
        return Some("it contains spaces");
    }
    if !id
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
    {
        return Some("only ASCII letters, digits, `-`, `_` and `.` are allowed");
    }
    if !id.chars().next().is_some_and(|c| c.is_ascii_alphanumeric()) {
        return Some("it must start with a letter or digit");
    }
    None
}

pub(crate) fn string(
    src: &Source<'_>,
    name: &str,
    v: &Value<'_>,
    errors: &mut Vec<Diagnostic>,
) -> Option<String> {
    match v.get_ref() {
        DeValue::String(s) => Some(s.to_string()),
        other => {
            errors.push(
                src.error(
                    &v.span(),
                    format!("`{name}` must be a string, not {}", other.type_str()),
                )
                .with_hint(format!("write it in quotes: `{name} = \"...\"`")),
            );
            None
        }
    }
}

pub(crate) fn nonempty_string(
    src: &Source<'_>,
    name: &str,
    v: &Value<'_>,
    what: &str,
    errors: &mut Vec<Diagnostic>,
) -> Option<String> {
    let s = string(src, name, v, errors)?;
    if s.trim().is_empty() {
        errors.push(
            src.error(&v.span(), format!("empty `{name}`"))
                .with_hint(format!("write {what}, or remove the `{name}` line")),
        );
        return None;
    }
    Some(s)
}

pub(crate) fn boolean(
    src: &Source<'_>,
    name: &str,
    v: &Value<'_>,
    errors: &mut Vec<Diagnostic>,
) -> Option<bool> {
    match v.get_ref() {
        DeValue::Boolean(b) => Some(*b),
        other => {
            let hint = match other {
                DeValue::String(s) if matches!(s.trim(), "true" | "false") => {
                    format!("write `{name} = {}` without quotes", s.trim())
                }
                _ => format!("write `{name} = true` or `{name} = false`"),
            };
            errors.push(
                src.error(
                    &v.span(),
                    format!(
                        "`{name}` must be `true` or `false`, not {}",
                        other.type_str()
                    ),
                )
                .with_hint(hint),
            );
            None
        }
    }
}

/// A list of non-empty, distinct strings with at least `min` entries.
pub(crate) fn string_list(
    src: &Source<'_>,
    name: &str,
    what: &str,
    key: &Spanned<std::borrow::Cow<'_, str>>,
    v: &Value<'_>,
    min: usize,
    errors: &mut Vec<Diagnostic>,
) -> Vec<String> {
    let DeValue::Array(items) = v.get_ref() else {
        errors.push(
            src.error(
                &v.span(),
                format!(
                    "`{name}` must be a list of strings, not {}",
                    v.get_ref().type_str()
                ),
            )
            .with_hint(format!("write `{name} = [\"...\", \"...\"]`")),
        );
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut ok = true;
    // Normalised text -> 1-based position of its first occurrence (a hash map, so 100k
    // options stay linear).
    let mut seen: std::collections::HashMap<String, usize> = Default::default();
    for (i, item) in items.iter().enumerate() {
        match item.get_ref() {
            DeValue::String(s) if s.trim().is_empty() => {
                ok = false;
                errors.push(
                    src.error(
                        &item.span(),
                        format!("{what} {} of `{name}` is empty", i + 1),
                    )
                    .with_hint(format!(
                        "write the {what}'s text, or remove it from the list"
                    )),
                );
            }
            DeValue::String(s) => {
                let norm = s.split_whitespace().collect::<Vec<_>>().join(" ");
                if let Some(first) = seen.get(&norm) {
                    ok = false;
                    errors.push(
                        src.error(
                            &item.span(),
                            format!("{what} {} of `{name}` repeats {what} {first}: `{s}`", i + 1),
                        )
                        .with_hint(format!("each {what} must be different")),
                    );
                }
                seen.entry(norm).or_insert(i + 1);
                out.push(s.to_string());
            }
            other => {
                ok = false;
                errors.push(
                    src.error(
                        &item.span(),
                        format!(
                            "{what} {} of `{name}` must be a string, not {}",
                            i + 1,
                            other.type_str()
                        ),
                    )
                    .with_hint("write every entry in quotes"),
                );
            }
        }
    }
    if ok && out.len() < min {
        let msg = if name == "items" {
            format!(
                "an ordering question needs at least two items, found {}",
                out.len()
            )
        } else if out.is_empty() {
            format!("`{name}` is empty")
        } else {
            format!("`{name}` needs at least {min} entries, found {}", out.len())
        };
        let hint = match name {
            "items" => "list at least two steps, in the correct order".to_string(),
            "options" => "give at least two options to choose from".to_string(),
            _ => format!("add at least {min} {what}"),
        };
        errors.push(src.error(&key.span(), msg).with_hint(hint));
    }
    if ok { out } else { Vec::new() }
}

pub(crate) fn unknown_key(
    src: &Source<'_>,
    span: &Range<usize>,
    name: &str,
    allowed: &[&str],
    describe: &str,
    kind: Option<QuestionType>,
) -> Diagnostic {
    // A key of another question type: say which.
    if kind.is_some() {
        let owners: Vec<&str> = QuestionType::all()
            .iter()
            .filter(|t| type_keys(**t).contains(&name))
            .map(|t| t.name())
            .collect();
        if !owners.is_empty() {
            return src
                .error(span, format!("`{name}` does not apply to a {describe}"))
                .with_hint(format!(
                    "`{name}` belongs to {} questions; remove it, or change `type` (keys allowed here: {})",
                    owners.join(", "),
                    allowed.join(", ")
                ));
        }
    }
    let close = allowed
        .iter()
        .copied()
        .filter(|a| {
            edit_distance(a, name) <= 2
                || (name.len() > 3 && a.starts_with(name.trim_end_matches('s')))
        })
        .min_by_key(|a| edit_distance(a, name));
    let hint = match close {
        Some(c) => format!(
            "did you mean `{c}`? Keys allowed here: {}",
            allowed.join(", ")
        ),
        None => format!("keys allowed here: {}", allowed.join(", ")),
    };
    src.error(
        span,
        format!("unknown key `{name}` in {}", with_article(describe)),
    )
    .with_hint(hint)
}

fn with_article(describe: &str) -> String {
    if describe.starts_with("an ") {
        describe.to_string()
    } else {
        format!("a {describe}")
    }
}
