//! `reflection` questions: not graded; an optional `model_answer` shown after writing.

use super::{Body, Fields};
use crate::error::Diagnostic;

/// The keys of a reflection.
pub(super) const KEYS: &[&str] = &["model_answer"];

/// Reads a reflection's `model_answer`.
pub(super) fn parse(q: &Fields<'_, '_>, body: &mut Body, errors: &mut Vec<Diagnostic>) {
    body.model_answer = q.optional_text("model_answer", "the model answer", errors);
}
