//! `reflection` questions: not graded; an optional `model_answer` shown after writing.

use super::Kind;
use crate::components::exercise::Question;
use crate::components::exercise::parse::{Body, Fields};
use crate::error::Diagnostic;
use crate::html::block_html;
use serde::Serialize;

/// The `reflection` type.
pub(super) struct Reflection;

/// The types this module defines (registered by `build.rs`).
pub(super) const TYPES: &[&dyn Kind] = &[&Reflection];

/// What `components/question/reflection.html` receives as `q.answer`.
#[derive(Serialize)]
struct AnswerData {
    /// The model answer (HTML).
    model_html: Option<String>,
}

impl Kind for Reflection {
    fn name(&self) -> &'static str {
        "reflection"
    }

    fn describe(&self) -> &'static str {
        "reflection"
    }

    fn order(&self) -> u32 {
        70
    }

    fn aliases(&self) -> &'static [&'static str] {
        &["free", "free_text", "essay"]
    }

    fn graded(&self) -> bool {
        false
    }

    fn keys(&self) -> &'static [&'static str] {
        &["model_answer"]
    }

    /// Reads a reflection's `model_answer`.
    fn parse(&self, q: &Fields<'_, '_>, body: &mut Body, errors: &mut Vec<Diagnostic>) {
        body.model_answer = q.optional_text("model_answer", "the model answer", errors);
    }

    fn answer(&self, q: &Question, _ids: &[String]) -> serde_json::Value {
        super::to_json(AnswerData {
            model_html: q.model_answer.as_deref().map(block_html),
        })
    }
}
