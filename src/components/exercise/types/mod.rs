//! The question types, one module each, and the one list that registers them ([`REGISTRY`]).
//!
//! A type is a value implementing [`Kind`]: its name, its keys and how to read them into a
//! [`Body`], the data its template (`components/question/TEMPLATE.html`) receives as
//! `q.answer`, its answer-key lint data and its choices' feedback labels. Everything else about
//! a question (the common keys, the fingerprint, the frame of its HTML, the manifest entry) is
//! shared and asks the type through this trait, so adding a type is a module here, a line in
//! [`REGISTRY`], a template and a script (`static/js/exercise/types/NAME.js`); see
//! ARCHITECTURE.md, "Adding a question type".

pub(super) mod choice;
mod ordering;
mod reflection;
mod short;
mod truefalse;

use super::parse::{Body, Fields};
use super::{Question, QuestionType};
use crate::components::manifest::LintEntry;
use crate::error::Diagnostic;
use crate::html::inline_html;

/// Every question type, in documentation order (the order of `QuestionType::ALL` and of the
/// "one of: ..." lists in messages).
pub(super) const REGISTRY: &[QuestionType] = &[
    QuestionType(&choice::SINGLE),
    QuestionType(&choice::MULTIPLE),
    QuestionType(&truefalse::TrueFalse),
    QuestionType(&short::Short),
    QuestionType(&ordering::Ordering),
    QuestionType(&choice::SCENARIO),
    QuestionType(&reflection::Reflection),
];

/// One question type: what the rest of the exercise engine asks of it.
pub(super) trait Kind: Sync {
    /// The name used in `type = "..."` and in `data-type`.
    fn name(&self) -> &'static str;

    /// A human description, for messages ("single-choice question").
    fn describe(&self) -> &'static str;

    /// Other names an author might write for it, offered in "did you mean" hints.
    fn aliases(&self) -> &'static [&'static str] {
        &[]
    }

    /// The template of its HTML: `components/question/NAME.html` in the theme.
    fn template(&self) -> &'static str {
        self.name()
    }

    /// Whether answers are right or wrong (a reflection's are not).
    fn graded(&self) -> bool {
        true
    }

    /// Whether its options are shown shuffled (unless `shuffle = false`).
    fn shuffles(&self) -> bool {
        false
    }

    /// Its keys beyond the common `type`, `id`, `prompt`, `explanation` and `hint`.
    fn keys(&self) -> &'static [&'static str];

    /// Reads its keys into `body` (the options, the key, feedback...), with a `file:line` error
    /// for each problem.
    fn parse(&self, q: &Fields<'_, '_>, body: &mut Body, errors: &mut Vec<Diagnostic>);

    /// What its template receives as `q.answer`: the key, as the template shows it and as
    /// `exercise.js` checks against it. `ids` are the options' ids in authored order.
    fn answer(&self, q: &Question, ids: &[String]) -> serde_json::Value;

    /// The choices per-option feedback is keyed by, in display order. `order` is the options'
    /// display order.
    fn choices(&self, q: &Question, ids: &[String], order: &[usize]) -> Vec<Choice> {
        order
            .iter()
            .map(|&i| Choice {
                value: ids[i].clone(),
                label_html: inline_html(&q.options[i]),
                label_key: None,
                feedback: i,
            })
            .collect()
    }

    /// The question's key as the answer-key lints of `check` see it (`None`: nothing to lint).
    fn lint(&self, _q: &Question, _shuffled: bool) -> Option<LintEntry> {
        None
    }
}

/// One choice of a question, for its per-option feedback.
pub(super) struct Choice {
    /// The input's value.
    pub value: String,
    /// Its label as HTML (the option's text)...
    pub label_html: String,
    /// ...or the catalogue key of its label (`exercise.true`).
    pub label_key: Option<&'static str>,
    /// The index of its entry in the question's `feedback`.
    pub feedback: usize,
}

/// `value` as JSON for a template (the types' answer data cannot fail to serialise).
pub(super) fn to_json(value: impl serde::Serialize) -> serde_json::Value {
    serde_json::to_value(value).unwrap_or(serde_json::Value::Null)
}
