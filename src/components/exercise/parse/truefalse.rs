//! `truefalse` questions: `answer = true` or `false`, and `feedback` for the two choices.

use super::choice::{feedback_list, no_answer};
use super::{Body, Fields};
use crate::components::exercise::{Answer, QuestionType};
use crate::error::Diagnostic;
use toml::de::DeValue;

/// The keys of a true/false question.
pub(super) const KEYS: &[&str] = &["answer", "feedback"];

/// Reads a true/false question's `answer` and `feedback`.
pub(super) fn parse(q: &Fields<'_, '_>, body: &mut Body, errors: &mut Vec<Diagnostic>) {
    let src = q.src;
    match q.get("answer") {
        None => errors.push(no_answer(
            src,
            q.line,
            QuestionType::TrueFalse.describe(),
            false,
        )),
        Some((_, v)) => match v.get_ref() {
            DeValue::Boolean(b) => body.answer = Answer::Bool(*b),
            DeValue::String(s) if matches!(s.trim().to_lowercase().as_str(), "true" | "false") => {
                errors.push(
                    src.error(
                        &v.span(),
                        "the answer of a true/false question is a boolean, not a string",
                    )
                    .with_hint(format!(
                        "write `answer = {}` without quotes",
                        s.trim().to_lowercase()
                    )),
                )
            }
            other => errors.push(
                src.error(
                    &v.span(),
                    format!(
                        "the answer of a true/false question must be `true` or `false`, not {}",
                        other.type_str()
                    ),
                )
                .with_hint("write `answer = true` or `answer = false`"),
            ),
        },
    }
    if let Some((_, v)) = q.get("feedback") {
        body.feedback = feedback_list(src, v, 2, "choices (`True`, then `False`)", errors);
    }
}
