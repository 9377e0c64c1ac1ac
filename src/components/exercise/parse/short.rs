//! `short` questions: the accepted answers (`accept`), or a number (`accept_number`, read
//! with `tolerance`, `unit` and `typos` by `exercise::keys`).

use super::values::{nonempty_string, string_list};
use super::{Body, Fields};
use crate::components::exercise::{Answer, normalize_answer};
use crate::error::Diagnostic;
use toml::de::DeValue;

/// The keys of a short-answer question.
pub(super) const KEYS: &[&str] = &["accept", "accept_number", "tolerance", "unit", "typos"];

/// Reads a short-answer question's `accept`.
pub(super) fn parse(q: &Fields<'_, '_>, body: &mut Body, errors: &mut Vec<Diagnostic>) {
    let src = q.src;
    match q.get("accept") {
        None if q.get("accept_number").is_some() => body.answer = Answer::Accept(Vec::new()),
        None => errors.push(
            Diagnostic::error(src.path, q.line, "no correct answer: the short-answer question has no `accept`")
                .with_hint("add `accept = [\"...\"]`, the answers to accept (compared without case, accents, extra spaces or trailing punctuation), or `accept_number = N` for a number"),
        ),
        Some((k, v)) => {
            let list = if let DeValue::String(_) = v.get_ref() {
                nonempty_string(src, "accept", v, "the accepted answer", errors)
                    .map(|s| vec![s])
                    .unwrap_or_default()
            } else {
                string_list(src, "accept", "accepted answer", k, v, 1, errors)
            };
            if let DeValue::Array(items) = v.get_ref() {
                for (item, text) in items.iter().zip(&list) {
                    if !text.trim().is_empty() && normalize_answer(text).is_empty() {
                        errors.push(
                            src.error(&item.span(), format!("the accepted answer `{text}` is only punctuation"))
                                .with_hint("answers are compared without trailing punctuation, so this one can never match"),
                        );
                    }
                }
            }
            if !list.is_empty() {
                body.answer = Answer::Accept(list);
            }
        }
    }
}
