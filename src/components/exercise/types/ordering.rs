//! `ordering` questions: `items` in the correct order (shown shuffled).

use super::Kind;
use crate::components::exercise::parse::values::string_list;
use crate::components::exercise::parse::{Body, Fields};
use crate::components::exercise::{Answer, Question};
use crate::error::Diagnostic;
use crate::html::inline_html;
use serde::Serialize;

/// The `ordering` type.
pub(super) struct Ordering;

/// The types this module defines (registered by `build.rs`).
pub(super) const TYPES: &[&dyn Kind] = &[&Ordering];

/// What `components/question/ordering.html` receives as `q.answer`.
#[derive(Serialize)]
struct AnswerData {
    /// The items in the correct order (HTML).
    html: Vec<String>,
}

impl Kind for Ordering {
    fn name(&self) -> &'static str {
        "ordering"
    }

    fn describe(&self) -> &'static str {
        "ordering question"
    }

    fn order(&self) -> u32 {
        50
    }

    fn aliases(&self) -> &'static [&'static str] {
        &["order", "sequence", "sort"]
    }

    fn keys(&self) -> &'static [&'static str] {
        &["items"]
    }

    fn parse(&self, q: &Fields<'_, '_>, body: &mut Body, errors: &mut Vec<Diagnostic>) {
        parse(q, body, errors);
    }

    fn answer(&self, q: &Question, _ids: &[String]) -> serde_json::Value {
        let html = match &q.answer {
            Answer::Order(items) => items.iter().map(|i| inline_html(i)).collect(),
            _ => Vec::new(),
        };
        super::to_json(AnswerData { html })
    }
}

/// Reads an ordering question's `items`.
fn parse(q: &Fields<'_, '_>, body: &mut Body, errors: &mut Vec<Diagnostic>) {
    match q.get("items") {
        None => errors.push(
            Diagnostic::error(q.src.path, q.line, "the ordering question has no `items`")
                .with_hint("add `items = [\"first\", \"second\", ...]` in the correct order; they are shown shuffled"),
        ),
        Some((k, v)) => {
            let items = string_list(q.src, "items", "item", k, v, 2, errors);
            if items.len() >= 2 {
                body.answer = Answer::Order(items);
            }
        }
    }
}
