//! HTML of exercises and questions. Readable without JavaScript (answers in `<details>`);
//! `exercise.js` adds the checking, reads everything it needs from `data-*` attributes and
//! the answer panel, and never needs inline script.

use super::shuffle::{display_order, option_ids, seed, shuffles};
use super::{Answer, Exercise, Question, anchor_id, permutation, plain_text};
use crate::html::{block_html, inline_html};
use serde::Serialize;
use tera::Tera;

/// How to render one question.
#[derive(Debug, Clone, Copy)]
pub struct QuestionView<'a> {
    /// The question element's HTML id; unique in the page (other ids derive from it).
    pub dom_id: &'a str,
    /// `(n, of)` shows "Question n of of" in the legend.
    pub number: Option<(usize, usize)>,
    /// Shuffle the options unless the question says otherwise (ordering items are always
    /// shown shuffled).
    pub shuffle: bool,
    /// A seed for the shuffles (the exercise id), so the order is stable per build.
    pub seed: &'a str,
    /// Offer the `Show answer` button.
    pub show_answer: bool,
}

/// Options of [`standalone_html`].
#[derive(Debug, Clone, Copy)]
pub struct Standalone<'a> {
    /// Whether results are saved in the learner's progress (then the caller should also emit
    /// a manifest entry, see [`super::manifest_entry`], or the progress page shows them as
    /// retired).
    pub track: bool,
    /// Offer the `Show answer` button.
    pub show_answer: bool,
    /// An optional visible title (inline Markdown), rendered as a paragraph, not a heading.
    pub title: Option<&'a str>,
}

/// Why a component's template could not be filled (a handbook's override that uses a
/// variable the data does not have, say): the template and Tera's explanation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError(pub String);

impl std::fmt::Display for TemplateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Renders template `name` of `templates` with `value` as `key`.
fn render(
    templates: &Tera,
    name: &str,
    key: &str,
    value: &impl Serialize,
) -> Result<String, TemplateError> {
    let mut ctx = tera::Context::new();
    ctx.insert(key, value);
    templates.render(name, &ctx).map_err(|e| {
        TemplateError(format!(
            "template error in `{name}`: {}",
            crate::error::chain(&e)
        ))
    })
}

/// What `components/exercise.html` receives as `ex`.
#[derive(Serialize)]
struct ExerciseData<'a> {
    id: &'a str,
    anchor: String,
    title_html: String,
    show_answer: bool,
    count: usize,
    reflections: usize,
    questions: String,
}

/// A whole exercise: a labelled `section` with every question (`components/exercise.html`).
pub fn exercise_html(templates: &Tera, ex: &Exercise) -> Result<String, TemplateError> {
    let anchor = anchor_id(&ex.id);
    let total = ex.questions.len();
    let mut questions = String::with_capacity(2048 * total);
    for (i, q) in ex.questions.iter().enumerate() {
        let dom_id = format!("{anchor}-{}", q.key);
        questions.push_str(&question_html(
            templates,
            q,
            &QuestionView {
                dom_id: &dom_id,
                number: (total > 1).then_some((i + 1, total)),
                shuffle: ex.shuffle,
                seed: &ex.id,
                show_answer: ex.show_answer,
            },
        )?);
    }
    let graded = ex.questions.iter().filter(|q| q.kind.graded()).count();
    let data = ExerciseData {
        id: &ex.id,
        anchor,
        title_html: ex.title.as_deref().map(inline_html).unwrap_or_default(),
        show_answer: ex.show_answer,
        count: total,
        reflections: total - graded,
        questions,
    };
    render(templates, "components/exercise.html", "ex", &data)
}

/// What `components/exercise-standalone.html` receives as `ex`.
#[derive(Serialize)]
struct StandaloneData<'a> {
    id: &'a str,
    anchor: String,
    title_html: String,
    show_answer: bool,
    track: bool,
    question: String,
}

/// One question wrapped in its own `[data-exercise]` element, for components that embed a
/// single question (the SRS form's scenario mode). `exercise_id` must be unique in the
/// handbook when `track` is true.
pub fn standalone_html(
    templates: &Tera,
    exercise_id: &str,
    q: &Question,
    opts: &Standalone<'_>,
) -> Result<String, TemplateError> {
    let anchor = anchor_id(exercise_id);
    let key = if q.key.is_empty() { "q1" } else { &q.key };
    let dom_id = format!("{anchor}-{key}");
    let mut q = q.clone();
    q.key = key.to_string();
    let question = question_html(
        templates,
        &q,
        &QuestionView {
            dom_id: &dom_id,
            number: None,
            shuffle: true,
            seed: exercise_id,
            show_answer: opts.show_answer,
        },
    )?;
    let data = StandaloneData {
        id: exercise_id,
        anchor,
        title_html: opts.title.map(inline_html).unwrap_or_default(),
        show_answer: opts.show_answer,
        track: opts.track,
        question,
    };
    render(
        templates,
        "components/exercise-standalone.html",
        "ex",
        &data,
    )
}

/// What a question's template (`components/question/TYPE.html`, extending
/// `components/question.html`) receives as `q`. HTML fields (`*_html`, `html`) are rendered
/// Markdown; the rest is text the template escapes.
#[derive(Serialize)]
struct QuestionData<'a> {
    /// The element's id; other ids derive from it.
    id: &'a str,
    /// The question's key in its exercise.
    key: &'a str,
    /// The type's name (`single`, ...).
    r#type: &'static str,
    /// The fingerprint of what decides correctness.
    fp: String,
    vignette_html: Option<String>,
    /// "Question n of of".
    position: Option<Position>,
    prompt_html: String,
    /// Whether several options are correct (checkboxes).
    multi: bool,
    /// A choice question's options, in display order.
    options: Vec<OptionData>,
    /// An ordering question's items, in display order.
    items: Vec<ItemData>,
    hint_html: Option<String>,
    show_answer: bool,
    /// Whether there is an answer panel.
    panel: bool,
    /// Whether the author wrote per-option feedback (`feedback` holds the non-empty entries).
    has_feedback: bool,
    feedback: Vec<FeedbackData>,
    explanation_html: Option<String>,
    /// The key, as the type shows it (each type's module says what it holds).
    answer: serde_json::Value,
}

#[derive(Serialize)]
struct Position {
    n: usize,
    of: usize,
}

#[derive(Serialize)]
struct OptionData {
    id: String,
    n: usize,
    html: String,
}

#[derive(Serialize)]
struct ItemData {
    n: usize,
    html: String,
    text: String,
}

#[derive(Serialize)]
struct FeedbackData {
    value: String,
    label_html: String,
    /// The catalogue key of the label, when it is the theme's word (`exercise.true`).
    label_key: Option<&'static str>,
    text_html: String,
}

/// One question (`components/question/TYPE.html`): vignette, `fieldset` + `legend` with the
/// controls, hint, buttons, the live feedback region and the answer in a `<details>`.
pub fn question_html(
    templates: &Tera,
    q: &Question,
    view: &QuestionView<'_>,
) -> Result<String, TemplateError> {
    let ids = option_ids(&q.options);
    let order = display_order(
        q.options.len(),
        shuffles(q, view.shuffle),
        view.seed,
        &q.key,
    );
    let data = QuestionData {
        id: view.dom_id,
        key: &q.key,
        r#type: q.kind.name(),
        fp: q.fingerprint(),
        vignette_html: q.vignette.as_deref().map(block_html),
        position: view.number.map(|(n, of)| Position { n, of }),
        prompt_html: inline_html(&q.prompt),
        multi: q.is_multi(),
        options: order
            .iter()
            .map(|&i| OptionData {
                id: ids[i].clone(),
                n: i + 1,
                html: inline_html(&q.options[i]),
            })
            .collect(),
        items: ordering_items(q, view),
        hint_html: q.hint.as_deref().map(inline_html),
        show_answer: view.show_answer,
        panel: q.kind.graded() || q.model_answer.is_some() || q.explanation.is_some(),
        has_feedback: !q.feedback.is_empty(),
        feedback: feedback(q, &ids, &order),
        explanation_html: q.explanation.as_deref().map(block_html),
        answer: q.kind.kind().answer(q, &ids),
    };
    let template = format!("components/question/{}.html", q.kind.template());
    render(templates, &template, "q", &data)
}

/// An ordering question's items in display order: shuffled by the seed, never in the correct
/// order.
fn ordering_items(q: &Question, view: &QuestionView<'_>) -> Vec<ItemData> {
    let Answer::Order(items) = &q.answer else {
        return Vec::new();
    };
    let mut order = permutation(items.len(), seed(view.seed, &q.key, "items"));
    if order.iter().enumerate().all(|(i, &j)| i == j) {
        order.rotate_left(1);
    }
    order
        .into_iter()
        .map(|i| ItemData {
            n: i + 1,
            html: inline_html(&items[i]),
            text: plain_text(&items[i]),
        })
        .collect()
}

/// Per-option feedback: one entry per option that has some, in the order the options are
/// shown, each keyed by the option's id (`ids`, authored order; `order`, display order).
fn feedback(q: &Question, ids: &[String], order: &[usize]) -> Vec<FeedbackData> {
    q.kind
        .kind()
        .choices(q, ids, order)
        .into_iter()
        .filter_map(|c| {
            let fb = q
                .feedback
                .get(c.feedback)
                .filter(|f| !f.trim().is_empty())?;
            Some(FeedbackData {
                value: c.value,
                label_html: c.label_html,
                label_key: c.label_key,
                text_html: inline_html(fb),
            })
        })
        .collect()
}
