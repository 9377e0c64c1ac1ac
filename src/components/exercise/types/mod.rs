//! The question types, one module each, registered by the build script.
//!
//! A type is a value implementing [`Kind`]: its name, its keys and how to read them into a
//! [`Body`], the data its template (`components/question/TEMPLATE.html`) receives as
//! `q.answer`, its answer-key lint data and its choices' feedback labels. Everything else about
//! a question (the common keys, the fingerprint, the frame of its HTML, the manifest entry) is
//! shared and asks the type through this trait. Every `.rs` file of this folder but this one
//! is a type module: `build.rs` declares it and lists its `TYPES` (the [`Kind`]s it defines),
//! so adding a type is a module here, a template and a script
//! (`static/js/exercise/types/NAME.js`), with no list to edit; see ARCHITECTURE.md, "Adding a
//! question type".

use super::parse::{Body, Fields};
use super::{Question, QuestionType};
use crate::components::manifest::LintEntry;
use crate::error::Diagnostic;
use crate::html::inline_html;
use std::sync::LazyLock;

// `pub(super) mod NAME;` for every type module and `MODULE_TYPES`, their `TYPES` lists.
include!(concat!(env!("OUT_DIR"), "/question_types.rs"));

/// Every question type, in documentation order (their [`Kind::order`]): the order of
/// `QuestionType::all()` and of the "one of: ..." lists in messages.
pub(super) fn registry() -> &'static [QuestionType] {
    static REGISTRY: LazyLock<Vec<QuestionType>> = LazyLock::new(|| {
        let mut all: Vec<QuestionType> = MODULE_TYPES
            .iter()
            .flat_map(|types| types.iter())
            .map(|&kind| QuestionType(kind))
            .collect();
        all.sort_by_key(|t| t.kind().order());
        all
    });
    &REGISTRY
}

/// One question type: what the rest of the exercise engine asks of it.
pub(super) trait Kind: Sync {
    /// The name used in `type = "..."` and in `data-type`.
    fn name(&self) -> &'static str;

    /// A human description, for messages ("single-choice question").
    fn describe(&self) -> &'static str;

    /// Its place in documentation order (the README's table, `QuestionType::all()`, "one of:
    /// ..." in messages): lower first. Every type has its own (a test checks they differ).
    fn order(&self) -> u32;

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

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_type_module_in_the_folder_is_registered() {
        let dir =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/components/exercise/types");
        let files = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|n| n.ends_with(".rs") && n != "mod.rs")
            .count();
        assert_eq!(MODULE_TYPES.len(), files, "one TYPES list per module file");
        assert!(MODULE_TYPES.iter().all(|types| !types.is_empty()));
    }

    #[test]
    fn types_have_distinct_names_and_places_in_documentation_order() {
        let all = registry();
        let names: HashSet<&str> = all.iter().map(|t| t.name()).collect();
        let orders: HashSet<u32> = all.iter().map(|t| t.kind().order()).collect();
        assert_eq!(names.len(), all.len(), "two types share a name");
        assert_eq!(orders.len(), all.len(), "two types share an order");
        // The shipped types keep their documented order (a new type may go anywhere between).
        let shipped = [
            "single",
            "multiple",
            "truefalse",
            "short",
            "ordering",
            "scenario",
            "reflection",
        ];
        let listed: Vec<&str> = all
            .iter()
            .map(|t| t.name())
            .filter(|n| shipped.contains(n))
            .collect();
        assert_eq!(listed, shipped);
    }
}
