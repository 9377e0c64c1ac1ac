//! Self-check exercises: a fenced block with the info string `exercise` whose body is TOML.
//!
//! ````text
//! ```exercise
//! id = "alliance-basics"          # optional stable id (letters, digits, `-`, `_`, `.`)
//! title = "Check your understanding"
//! show_answer = true              # optional, default true: the `Show answer` button
//! shuffle = true                  # optional, default true: show choice options shuffled
//!                                 # (fixed per exercise and question id; same build, same page)
//!
//! [[question]]
//! type = "single"                 # single | multiple | truefalse | short | ordering
//!                                 # | scenario | reflection
//! prompt = "Which is *not* one of Bordin's elements?"
//! options = ["Bond", "Goals", "Tasks", "Insight"]
//! answer = 4                      # 1-based
//! ```
//! ````
//!
//! The full format is documented in the README ("Self-check exercises"). Every validation error names the
//! Markdown file's own `file:line` of the offending key.
//!
//! # The question engine (reused by other components)
//!
//! One question is parsed, validated and rendered on its own, so another component (the SRS
//! practice form's scenario mode) can embed a question and get the same checking in the
//! browser:
//!
//! ```ignore
//! use handbook::components::exercise::{self, QuestionView, Source};
//! // `table` is a `toml::Spanned<toml::de::DeValue>` from the component's own
//! // `toml::de::DeTable::parse(body)`; `Source` maps its byte spans to file lines.
//! let src = Source { path: ctx.display_path, text: body, first_line: ctx.line };
//! let mut question = exercise::parse_question(&table, &src)?;   // Result<Question, Vec<Diagnostic>>
//! question.key = "next".into();                                  // the question's id
//! let html = exercise::standalone_html(ctx.templates, "srs-alliance-1", &question, &exercise::Standalone {
//!     track: false,        // true: results are saved in the learner's progress
//!     show_answer: true,
//!     title: None,
//! });
//! ```
//!
//! - [`parse_question`] / [`parse_question_with`] (restrict the types, allow extra keys the
//!   caller handles itself) validate one `[[question]]` table.
//! - [`question_html`] renders one question (a `fieldset` with a `legend`, the controls, the
//!   `Check` / `Try again` / `Show answer` buttons, a live region, and the answer in a
//!   `<details>` for readers without JavaScript). It must sit inside an element carrying
//!   `data-exercise="ID"`; [`standalone_html`] adds that wrapper for a single question.
//! - [`exercise_html`], [`manifest_entry`] do the same for a whole [`Exercise`].
//! - In the browser, `assets/js/exercise.js` initialises every `[data-exercise]` element on
//!   the page, whatever emitted it, on `DOMContentLoaded`; `window.handbook.exercises.init(el)`
//!   initialises elements added later. A question fires a bubbling `handbook:exercise-result`
//!   event (`detail: { exercise, question, status, correct }`) after each check. The wrapper's
//!   `data-track="false"` keeps its results out of the learner's saved progress.
//!   Pages that embed questions load `assets/css/exercise.css` and `assets/js/exercise.js`.

pub mod answers;
mod html;
mod keys;
pub mod lint;
mod parse;
pub mod shuffle;
mod types;

pub use answers::{NumberAnswer, normalize_answer};
pub use html::{
    QuestionView, Standalone, TemplateError, exercise_html, question_html, standalone_html,
};
pub use parse::{ParseOptions, Source, parse_exercise, parse_question, parse_question_with};

use super::manifest::{ExerciseEntry, QuestionEntry};
use super::{BlockCtx, BlockOutput};
use crate::error::Diagnostic;

/// A question type: one of the `types::Kind`s the build script registers (one module
/// each under `exercise/types/`). Compared, hashed and printed by name.
#[derive(Clone, Copy)]
pub struct QuestionType(&'static dyn types::Kind);

impl QuestionType {
    /// One correct option (radio buttons).
    pub const SINGLE: QuestionType = QuestionType(&types::choice::SINGLE);
    /// Several correct options (checkboxes).
    pub const MULTIPLE: QuestionType = QuestionType(&types::choice::MULTIPLE);
    /// A Markdown vignette followed by a single- or multiple-choice question.
    pub const SCENARIO: QuestionType = QuestionType(&types::choice::SCENARIO);

    /// Every type, in documentation order.
    pub fn all() -> &'static [QuestionType] {
        types::registry()
    }

    /// The name used in `type = "..."`.
    pub fn name(self) -> &'static str {
        self.0.name()
    }

    /// The template of its HTML: `components/question/NAME.html` in the theme (the choice
    /// types share one).
    pub fn template(self) -> &'static str {
        self.0.template()
    }

    /// The type named `name`.
    pub fn from_name(name: &str) -> Option<QuestionType> {
        QuestionType::all()
            .iter()
            .copied()
            .find(|t| t.name() == name)
    }

    /// Whether answers to this type are right or wrong (reflections are not).
    pub fn graded(self) -> bool {
        self.0.graded()
    }

    /// A human description, for messages.
    pub fn describe(self) -> &'static str {
        self.0.describe()
    }

    /// The type's behaviour.
    fn kind(self) -> &'static dyn types::Kind {
        self.0
    }
}

impl PartialEq for QuestionType {
    fn eq(&self, other: &QuestionType) -> bool {
        self.name() == other.name()
    }
}

impl Eq for QuestionType {}

impl std::hash::Hash for QuestionType {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.name().hash(state);
    }
}

impl std::fmt::Debug for QuestionType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "QuestionType({})", self.name())
    }
}

/// The correct answer of a question.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    /// The 0-based index of the one correct option (single, scenario).
    One(usize),
    /// The 0-based indexes of the correct options, ascending (multiple, scenario).
    Many(Vec<usize>),
    /// True or false.
    Bool(bool),
    /// Accepted answers, as written (short); may be empty when the question has a number
    /// (`Question::number`).
    Accept(Vec<String>),
    /// The items in the correct order (ordering).
    Order(Vec<String>),
    /// Not graded (reflection).
    Free,
}

/// One validated question. Text fields hold Markdown.
#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    /// The question's id within its exercise: the optional `id` key, else `q1`, `q2`, ...
    /// (set by the exercise; a standalone caller sets it itself).
    pub key: String,
    /// Whether `key` came from an explicit `id`.
    pub explicit_key: bool,
    /// The type.
    pub kind: QuestionType,
    /// The prompt (inline Markdown).
    pub prompt: String,
    /// A scenario's vignette (block Markdown).
    pub vignette: Option<String>,
    /// The options of a choice question (inline Markdown), in authored order.
    pub options: Vec<String>,
    /// Per-option feedback (inline Markdown), empty or one per option (two for true/false:
    /// for `True`, then for `False`).
    pub feedback: Vec<String>,
    /// The correct answer.
    pub answer: Answer,
    /// Shown after checking (block Markdown).
    pub explanation: Option<String>,
    /// An optional hint (inline Markdown).
    pub hint: Option<String>,
    /// A reflection's model answer (block Markdown).
    pub model_answer: Option<String>,
    /// The file line of the question (its `[[question]]` header, or first key).
    pub line: usize,
    /// The question's own `shuffle` (choice questions); `None` follows the exercise.
    pub shuffle: Option<bool>,
    /// A short answer's expected number (`accept_number`, `tolerance`, `unit`).
    pub number: Option<NumberAnswer>,
    /// Whether a short answer tolerates one typo in words of six letters or more (`typos`).
    pub typos: bool,
}

impl Question {
    /// Whether the learner may choose several options.
    pub fn is_multi(&self) -> bool {
        matches!(self.answer, Answer::Many(_))
    }

    /// A short hash of what decides correctness (type, options, answer, items); stored with
    /// each result so a result recorded against a since-changed question is not trusted.
    /// Editing a prompt, feedback or explanation keeps it.
    pub fn fingerprint(&self) -> String {
        let mut h = crate::hash::Fnv::new();
        h.write_str(self.kind.name());
        match &self.answer {
            Answer::One(i) => {
                h.write_str(&format!("one:{i}"));
            }
            Answer::Many(v) => {
                h.write_str(&format!("many:{v:?}"));
            }
            Answer::Bool(b) => {
                h.write_str(&format!("bool:{b}"));
            }
            Answer::Accept(list) => {
                let mut norm: Vec<String> = list.iter().map(|a| legacy_normalize(a)).collect();
                norm.sort();
                norm.dedup();
                for a in norm {
                    h.write_str(&a);
                }
            }
            Answer::Order(items) => {
                for i in items {
                    h.write_str(i);
                }
            }
            Answer::Free => {}
        }
        for o in &self.options {
            h.write_str(o);
        }
        // Added later: written only when set, so older questions keep their fingerprint.
        if let Some(n) = &self.number {
            h.write_str(&format!("num:{}:{}:{:?}", n.value, n.tolerance, n.unit));
        }
        if !self.typos {
            h.write_str("typos:false");
        }
        format!("{:08x}", h.finish() & 0xffff_ffff)
    }
}

/// One validated exercise block.
#[derive(Debug, Clone, PartialEq)]
pub struct Exercise {
    /// The stable id: explicit `id`, or derived from the page and position.
    pub id: String,
    /// Whether `id` was given explicitly.
    pub explicit_id: bool,
    /// The optional title (inline Markdown).
    pub title: Option<String>,
    /// Whether the `Show answer` button is offered.
    pub show_answer: bool,
    /// Whether choice options are shown shuffled (`shuffle`, default true; a question's own
    /// `shuffle` wins). Ordering items are always shown shuffled.
    pub shuffle: bool,
    /// The questions, in order.
    pub questions: Vec<Question>,
    /// The file line of the `id` key when given, else of the block's first line.
    pub line: usize,
}

/// The id derived for the `ordinal`-th (0-based) exercise of the page at `page_out_path`.
pub fn derived_id(page_out_path: &str, ordinal: usize) -> String {
    let stem = page_out_path.trim_end_matches(".html");
    let mut slug = String::new();
    for c in stem.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_matches('-');
    let slug = if slug.is_empty() { "page" } else { slug };
    format!("{slug}-{}", ordinal + 1)
}

/// The HTML id of an exercise's element (`exercise-ID`), the page anchor progress links use.
pub fn anchor_id(exercise_id: &str) -> String {
    format!("exercise-{exercise_id}")
}

/// The short-answer normalisation of the first release (no diacritic folding), kept for
/// fingerprints so that saved results stay valid.
fn legacy_normalize(text: &str) -> String {
    answers::squeeze(text.to_lowercase().chars())
}

/// Renders an `exercise` block: parse, validate, HTML, manifest entry.
pub fn render(body: &str, ctx: &BlockCtx<'_>) -> Result<BlockOutput, Vec<Diagnostic>> {
    let exercise = parse_exercise(body, ctx)?;
    let source = ctx.display_path.to_string_lossy().replace('\\', "/");
    let html =
        exercise_html(ctx.templates, &exercise).map_err(|e| vec![template_error(ctx, &e)])?;
    Ok(BlockOutput {
        html,
        search_text: search_text(&exercise),
        manifest: vec![manifest_entry(&exercise, &source, ctx.page_out_path)],
        anchors: vec![anchor_id(&exercise.id)],
    })
}

/// The diagnostic for a component template that failed on the block at `ctx`.
pub fn template_error(ctx: &BlockCtx<'_>, e: &TemplateError) -> Diagnostic {
    Diagnostic::error(ctx.display_path, ctx.line, e.to_string()).with_hint(
        "the theme's component templates (templates/components/) receive the data described \
         at the top of each default template; fix the override, or remove it to use the default",
    )
}

/// The manifest entry of an exercise. `site.rs` checks the `id`, `source` and `line` for
/// duplicate ids across the handbook; `progress.rs` builds the progress page and the manifest
/// script from the rest.
pub fn manifest_entry(ex: &Exercise, source: &str, page_out_path: &str) -> ExerciseEntry {
    let questions = ex
        .questions
        .iter()
        .map(|q| QuestionEntry {
            key: q.key.clone(),
            kind: q.kind.name(),
            prompt: truncate(&plain_text(&q.prompt), 160),
            fp: q.fingerprint(),
            graded: q.kind.graded(),
            // For `handbook check`'s answer-key lints (not written to the site).
            lint: lint::lint_entry(q, ex.shuffle),
        })
        .collect();
    ExerciseEntry {
        id: ex.id.clone(),
        explicit_id: ex.explicit_id,
        source: source.to_string(),
        line: ex.line,
        page: page_out_path.to_string(),
        anchor: anchor_id(&ex.id),
        title: ex.title.as_deref().map(plain_text).unwrap_or_default(),
        questions,
    }
}

/// The plain text for the search index: title, vignettes, prompts and options.
fn search_text(ex: &Exercise) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(t) = &ex.title {
        parts.push(plain_text(t));
    }
    for q in &ex.questions {
        if let Some(v) = &q.vignette {
            parts.push(plain_text(v));
        }
        parts.push(plain_text(&q.prompt));
        for o in &q.options {
            parts.push(plain_text(o));
        }
        if let Answer::Order(items) = &q.answer {
            for i in items {
                parts.push(plain_text(i));
            }
        }
    }
    parts.join(" ")
}

/// The text of a Markdown snippet without markup.
pub fn plain_text(markdown: &str) -> String {
    use pulldown_cmark::{Event, Parser};
    let mut out = String::new();
    for ev in Parser::new_ext(markdown, crate::html::markdown_options()) {
        match ev {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak | Event::End(_) => out.push(' '),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max - 1).collect();
    format!("{}…", cut.trim_end())
}

/// A deterministic permutation of `0..n` from `seed`.
pub(crate) fn permutation(n: usize, seed: u64) -> Vec<usize> {
    let mut v: Vec<usize> = (0..n).collect();
    let mut s = seed | 1;
    for i in (1..n).rev() {
        // xorshift64*
        s ^= s >> 12;
        s ^= s << 25;
        s ^= s >> 27;
        let r = s.wrapping_mul(0x2545_f491_4f6c_dd1d);
        let j = (r % (i as u64 + 1)) as usize;
        v.swap(i, j);
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_short_answers() {
        assert_eq!(normalize_answer("  The   Bond. "), "the bond");
        assert_eq!(normalize_answer("Bond!?"), "bond");
        assert_eq!(normalize_answer("client\u{2019}s  goal"), "client's goal");
        assert_eq!(normalize_answer("8%"), "8%");
        assert_eq!(normalize_answer("..."), "");
        // Fingerprints keep the first release's rules.
        assert_eq!(legacy_normalize("Flückiger."), "flückiger");
    }

    #[test]
    fn derived_ids_come_from_the_page_and_position() {
        assert_eq!(derived_id("alliance/bordin.html", 0), "alliance-bordin-1");
        assert_eq!(derived_id("index.html", 2), "index-3");
    }

    #[test]
    fn permutations_are_deterministic() {
        let a = permutation(6, 42);
        assert_eq!(a, permutation(6, 42));
        let mut s = a.clone();
        s.sort();
        assert_eq!(s, vec![0, 1, 2, 3, 4, 5]);
    }

    #[test]
    fn plain_text_strips_markup() {
        assert_eq!(plain_text("Which is *not* `x`?"), "Which is not x?");
    }
}
