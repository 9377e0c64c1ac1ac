//! `truefalse` questions: `answer = true` or `false`, and `feedback` for the two choices.

use super::choice::{feedback_list, no_answer};
use super::{Choice, Kind};
use crate::components::exercise::parse::{Body, Fields};
use crate::components::exercise::{Answer, Question};
use crate::components::manifest::LintEntry;
use crate::error::Diagnostic;
use serde::Serialize;
use toml::de::DeValue;

/// The `truefalse` type.
pub(super) struct TrueFalse;

/// The types this module defines (registered by `build.rs`).
pub(super) const TYPES: &[&dyn Kind] = &[&TrueFalse];

/// What `components/question/truefalse.html` receives as `q.answer`.
#[derive(Serialize)]
struct AnswerData {
    /// The key.
    bool: Option<bool>,
}

impl Kind for TrueFalse {
    fn name(&self) -> &'static str {
        "truefalse"
    }

    fn describe(&self) -> &'static str {
        "true/false question"
    }

    fn order(&self) -> u32 {
        30
    }

    fn aliases(&self) -> &'static [&'static str] {
        &["true_false", "true-false", "tf", "boolean", "bool"]
    }

    fn keys(&self) -> &'static [&'static str] {
        &["answer", "feedback"]
    }

    fn parse(&self, q: &Fields<'_, '_>, body: &mut Body, errors: &mut Vec<Diagnostic>) {
        parse(q, self.describe(), body, errors);
    }

    fn answer(&self, q: &Question, _ids: &[String]) -> serde_json::Value {
        let bool = match q.answer {
            Answer::Bool(b) => Some(b),
            _ => None,
        };
        super::to_json(AnswerData { bool })
    }

    fn choices(&self, _q: &Question, _ids: &[String], _order: &[usize]) -> Vec<Choice> {
        [("true", "exercise.true"), ("false", "exercise.false")]
            .into_iter()
            .enumerate()
            .map(|(i, (value, key))| Choice {
                value: value.into(),
                label_html: String::new(),
                label_key: Some(key),
                feedback: i,
            })
            .collect()
    }

    fn lint(&self, q: &Question, _shuffled: bool) -> Option<LintEntry> {
        let Answer::Bool(b) = q.answer else {
            return None;
        };
        Some(LintEntry {
            line: q.line,
            truefalse: Some(b),
            ..LintEntry::default()
        })
    }
}

/// Reads a true/false question's `answer` and `feedback`.
fn parse(q: &Fields<'_, '_>, describe: &str, body: &mut Body, errors: &mut Vec<Diagnostic>) {
    let src = q.src;
    match q.get("answer") {
        None => errors.push(no_answer(src, q.line, describe, false)),
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
