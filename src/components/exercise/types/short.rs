//! `short` questions: the accepted answers (`accept`), or a number (`accept_number`, read
//! with `tolerance`, `unit` and `typos` by `exercise::keys`).

use super::Kind;
use crate::components::exercise::keys;
use crate::components::exercise::parse::values::{nonempty_string, string_list};
use crate::components::exercise::parse::{Body, Fields};
use crate::components::exercise::{Answer, Question, normalize_answer};
use crate::error::Diagnostic;
use serde::Serialize;
use toml::de::DeValue;

/// The `short` type.
pub(super) struct Short;

/// The types this module defines (registered by `build.rs`).
pub(super) const TYPES: &[&dyn Kind] = &[&Short];

/// What `components/question/short.html` receives as `q.answer`.
#[derive(Serialize)]
struct AnswerData {
    /// The accepted answers as JSON (`data-accept`).
    accept_json: Option<String>,
    /// The number to accept.
    number: Option<NumberData>,
    /// Whether a typo is forgiven.
    typos: bool,
    /// The answers shown (the number first, unless it has a range).
    shown: Vec<String>,
    /// The number with a tolerance: its value and the range accepted (with the unit).
    range: Option<RangeData>,
}

#[derive(Serialize)]
struct RangeData {
    value: String,
    from: String,
    to: String,
}

#[derive(Serialize)]
struct NumberData {
    value: String,
    tolerance: String,
    decimal: &'static str,
    unit: Option<String>,
}

impl Kind for Short {
    fn name(&self) -> &'static str {
        "short"
    }

    fn describe(&self) -> &'static str {
        "short-answer question"
    }

    fn order(&self) -> u32 {
        40
    }

    fn aliases(&self) -> &'static [&'static str] {
        &["text", "short_answer", "short-answer"]
    }

    fn keys(&self) -> &'static [&'static str] {
        &["accept", "accept_number", "tolerance", "unit", "typos"]
    }

    fn parse(&self, q: &Fields<'_, '_>, body: &mut Body, errors: &mut Vec<Diagnostic>) {
        parse(q, body, errors);
        let numeric = keys::number_keys(q, errors);
        body.number = numeric.number;
        body.typos = numeric.typos;
    }

    fn answer(&self, q: &Question, _ids: &[String]) -> serde_json::Value {
        let list: &[String] = match &q.answer {
            Answer::Accept(list) => list,
            _ => &[],
        };
        let mut shown: Vec<String> = Vec::new();
        let mut range = None;
        if let Some(n) = &q.number {
            if n.tolerance > 0.0 {
                range = Some(RangeData {
                    value: n.with_unit(n.value),
                    from: n.with_unit(n.value - n.tolerance),
                    to: n.with_unit(n.value + n.tolerance),
                });
            } else {
                shown.push(n.with_unit(n.value));
            }
        }
        shown.extend(list.iter().cloned());
        super::to_json(AnswerData {
            accept_json: Some(serde_json::to_string(list).unwrap_or_else(|_| "[]".into())),
            number: q.number.as_ref().map(|n| NumberData {
                value: n.value.to_string(),
                tolerance: n.tolerance.to_string(),
                decimal: if n.decimal_comma { "," } else { "." },
                unit: n.unit.clone(),
            }),
            typos: q.typos,
            shown,
            range,
        })
    }
}

/// Reads a short-answer question's `accept`.
fn parse(q: &Fields<'_, '_>, body: &mut Body, errors: &mut Vec<Diagnostic>) {
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
