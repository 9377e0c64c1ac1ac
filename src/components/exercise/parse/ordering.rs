//! `ordering` questions: `items` in the correct order (shown shuffled).

use super::values::string_list;
use super::{Body, Fields};
use crate::components::exercise::Answer;
use crate::error::Diagnostic;

/// The keys of an ordering question.
pub(super) const KEYS: &[&str] = &["items"];

/// Reads an ordering question's `items`.
pub(super) fn parse(q: &Fields<'_, '_>, body: &mut Body, errors: &mut Vec<Diagnostic>) {
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
