//! HTML of exercises and questions. Readable without JavaScript (answers in `<details>`);
//! `exercise.js` adds the checking, reads everything it needs from `data-*` attributes and
//! the answer panel, and never needs inline script.

use super::shuffle::{display_order, option_ids, seed, shuffles};
use super::{Answer, Exercise, Question, QuestionType, anchor_id, permutation, plain_text};
use crate::html::{block_html, escape, inline_html};
use std::fmt::Write;

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

/// A whole exercise: a labelled `section` with every question.
pub fn exercise_html(ex: &Exercise) -> String {
    let anchor = anchor_id(&ex.id);
    let mut out = String::with_capacity(2048 * ex.questions.len());
    let label = match &ex.title {
        Some(_) => format!(" aria-labelledby=\"{anchor}-title\""),
        None => " aria-label=\"Self-check exercise\"".to_string(),
    };
    let _ = writeln!(
        out,
        "<section class=\"exercise\" id=\"{anchor}\" data-exercise=\"{}\" data-show-answer=\"{}\"{label}>",
        escape(&ex.id),
        ex.show_answer
    );
    out.push_str("<div class=\"exercise-header\">\n");
    if let Some(t) = &ex.title {
        let _ = writeln!(
            out,
            "<h2 class=\"exercise-title\" id=\"{anchor}-title\">{}</h2>",
            inline_html(t)
        );
    }
    let graded = ex.questions.iter().filter(|q| q.kind.graded()).count();
    let _ = writeln!(
        out,
        "<p class=\"exercise-progress\" data-exercise-progress>{} question{}{}</p>",
        ex.questions.len(),
        if ex.questions.len() == 1 { "" } else { "s" },
        if graded < ex.questions.len() {
            let r = ex.questions.len() - graded;
            format!(" ({r} reflection{})", if r == 1 { "" } else { "s" })
        } else {
            String::new()
        }
    );
    out.push_str("</div>\n");
    let total = ex.questions.len();
    for (i, q) in ex.questions.iter().enumerate() {
        let dom_id = format!("{anchor}-{}", q.key);
        out.push_str(&question_html(
            q,
            &QuestionView {
                dom_id: &dom_id,
                number: (total > 1).then_some((i + 1, total)),
                shuffle: ex.shuffle,
                seed: &ex.id,
                show_answer: ex.show_answer,
            },
        ));
    }
    out.push_str("</section>\n");
    out
}

/// One question wrapped in its own `[data-exercise]` element, for components that embed a
/// single question (the SRS form's scenario mode). `exercise_id` must be unique in the
/// handbook when `track` is true.
pub fn standalone_html(exercise_id: &str, q: &Question, opts: &Standalone<'_>) -> String {
    let anchor = anchor_id(exercise_id);
    let key = if q.key.is_empty() { "q1" } else { &q.key };
    let dom_id = format!("{anchor}-{key}");
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<div class=\"exercise exercise-standalone\" id=\"{anchor}\" data-exercise=\"{}\" data-show-answer=\"{}\" data-track=\"{}\">",
        escape(exercise_id),
        opts.show_answer,
        opts.track
    );
    if let Some(t) = opts.title {
        let _ = writeln!(out, "<p class=\"exercise-title\">{}</p>", inline_html(t));
    }
    let mut q = q.clone();
    q.key = key.to_string();
    out.push_str(&question_html(
        &q,
        &QuestionView {
            dom_id: &dom_id,
            number: None,
            shuffle: true,
            seed: exercise_id,
            show_answer: opts.show_answer,
        },
    ));
    out.push_str("</div>\n");
    out
}

/// One question: vignette, `fieldset` + `legend` with the controls, hint, buttons, the live
/// feedback region and the answer in a `<details>`.
pub fn question_html(q: &Question, view: &QuestionView<'_>) -> String {
    let id = escape(view.dom_id);
    let kind = q.kind.name();
    let mut out = String::with_capacity(2048);
    let mut attrs = format!(
        " id=\"{id}\" data-question=\"{}\" data-type=\"{kind}\" data-fp=\"{}\"",
        escape(&q.key),
        q.fingerprint()
    );
    let ids = option_ids(&q.options);
    let order = display_order(
        q.options.len(),
        shuffles(q, view.shuffle),
        view.seed,
        &q.key,
    );
    match &q.answer {
        Answer::One(i) => {
            let _ = write!(attrs, " data-mode=\"single\" data-answer=\"{}\"", ids[*i]);
        }
        Answer::Many(list) => {
            let keys: Vec<&str> = list.iter().map(|i| ids[*i].as_str()).collect();
            let _ = write!(
                attrs,
                " data-mode=\"multiple\" data-answer=\"{}\"",
                keys.join(" ")
            );
        }
        Answer::Bool(b) => {
            let _ = write!(attrs, " data-mode=\"single\" data-answer=\"{b}\"");
        }
        Answer::Accept(list) => {
            let json = serde_json::to_string(list).unwrap_or_else(|_| "[]".into());
            let _ = write!(attrs, " data-accept=\"{}\"", escape(&json));
            if let Some(n) = &q.number {
                let _ = write!(
                    attrs,
                    " data-number=\"{}\" data-tolerance=\"{}\" data-decimal=\"{}\"",
                    n.value,
                    n.tolerance,
                    if n.decimal_comma { "," } else { "." }
                );
                if let Some(u) = &n.unit {
                    let _ = write!(attrs, " data-unit=\"{}\"", escape(u));
                }
            }
            if !q.typos {
                attrs.push_str(" data-typos=\"false\"");
            }
        }
        Answer::Order(_) | Answer::Free => {}
    }
    let _ = writeln!(out, "<div class=\"question question-{kind}\"{attrs}>");
    if let Some(v) = &q.vignette {
        let _ = writeln!(
            out,
            "<div class=\"question-vignette\">\n<p class=\"question-vignette-label\">Scenario</p>\n{}</div>",
            block_html(v)
        );
    }
    out.push_str("<fieldset class=\"question-fieldset\">\n<legend class=\"question-legend\">");
    if let Some((n, of)) = view.number {
        let _ = write!(
            out,
            "<span class=\"question-number\">Question {n} of {of}<span class=\"visually-hidden\">:</span></span> "
        );
    }
    let _ = writeln!(
        out,
        "<span class=\"question-prompt\">{}</span></legend>",
        inline_html(&q.prompt)
    );
    match q.kind {
        QuestionType::Single | QuestionType::Multiple | QuestionType::Scenario => {
            let input_type = if q.is_multi() { "checkbox" } else { "radio" };
            out.push_str("<ul class=\"question-options\">\n");
            // `value` is the option's id; `data-n` its authored number (older saved answers).
            for &i in &order {
                let n = i + 1;
                let oid = &ids[i];
                let _ = writeln!(
                    out,
                    "<li class=\"question-option\" data-option=\"{oid}\" data-n=\"{n}\"><input type=\"{input_type}\" name=\"{id}\" id=\"{id}-o{n}\" value=\"{oid}\"> <label for=\"{id}-o{n}\">{}</label></li>",
                    inline_html(&q.options[i])
                );
            }
            out.push_str("</ul>\n");
        }
        QuestionType::TrueFalse => {
            out.push_str("<ul class=\"question-options question-options-inline\">\n");
            for (value, label) in [("true", "True"), ("false", "False")] {
                let _ = writeln!(
                    out,
                    "<li class=\"question-option\" data-option=\"{value}\"><input type=\"radio\" name=\"{id}\" id=\"{id}-{value}\" value=\"{value}\"> <label for=\"{id}-{value}\">{label}</label></li>"
                );
            }
            out.push_str("</ul>\n");
        }
        QuestionType::Short => {
            let _ = writeln!(
                out,
                "<div class=\"question-short\"><label class=\"question-input-label\" for=\"{id}-input\">Your answer</label>\n<input type=\"text\" class=\"question-input\" id=\"{id}-input\" name=\"{id}\" data-input autocomplete=\"off\" autocapitalize=\"off\" spellcheck=\"false\"></div>"
            );
        }
        QuestionType::Ordering => {
            let Answer::Order(items) = &q.answer else {
                return String::new();
            };
            let mut order = permutation(items.len(), seed(view.seed, &q.key, "items"));
            if order.iter().enumerate().all(|(i, &j)| i == j) {
                order.rotate_left(1);
            }
            let _ = writeln!(
                out,
                "<p class=\"ordering-help\" id=\"{id}-help\" data-js-only hidden>Put the items in order with the Move up and Move down buttons, then choose Check.</p>"
            );
            out.push_str("<ol class=\"ordering-list\" data-ordering>\n");
            for i in order {
                let n = i + 1;
                let text = escape(&plain_text(&items[i]));
                let _ = writeln!(
                    out,
                    "<li class=\"ordering-item\" data-item=\"{n}\"><span class=\"ordering-text\">{}</span><span class=\"ordering-moves\" data-js-only hidden><button type=\"button\" class=\"ordering-move\" data-move=\"up\"><span aria-hidden=\"true\">↑</span><span class=\"visually-hidden\">Move up: {text}</span></button><button type=\"button\" class=\"ordering-move\" data-move=\"down\"><span aria-hidden=\"true\">↓</span><span class=\"visually-hidden\">Move down: {text}</span></button></span></li>",
                    inline_html(&items[i])
                );
            }
            out.push_str("</ol>\n");
            let _ = writeln!(
                out,
                "<p class=\"visually-hidden\" data-ordering-status aria-live=\"polite\"></p>"
            );
        }
        QuestionType::Reflection => {
            let _ = writeln!(
                out,
                "<div class=\"question-reflection\"><label class=\"question-input-label\" for=\"{id}-input\">Your reflection</label>\n<textarea class=\"question-textarea\" id=\"{id}-input\" name=\"{id}\" rows=\"5\" data-input></textarea>\n<p class=\"question-saved\" data-saved hidden></p></div>"
            );
        }
    }
    out.push_str("</fieldset>\n");
    if let Some(h) = &q.hint {
        let _ = writeln!(
            out,
            "<details class=\"question-hint\"><summary>Hint</summary><p>{}</p></details>",
            inline_html(h)
        );
    }
    // The buttons: shown by exercise.js.
    out.push_str("<div class=\"question-actions\" data-actions hidden>\n");
    if q.kind == QuestionType::Reflection {
        if q.model_answer.is_some() {
            out.push_str(
                "<button type=\"button\" class=\"question-button\" data-action=\"model\">Show model answer</button>\n",
            );
        }
    } else {
        out.push_str(
            "<button type=\"button\" class=\"question-button question-check\" data-action=\"check\">Check</button>\n\
             <button type=\"button\" class=\"question-button\" data-action=\"retry\" hidden>Try again</button>\n",
        );
        if view.show_answer {
            out.push_str(
                "<button type=\"button\" class=\"question-button question-reveal\" data-action=\"reveal\">Show answer</button>\n",
            );
        }
    }
    out.push_str("</div>\n");
    out.push_str(
        "<div class=\"question-feedback\" data-feedback role=\"status\" aria-live=\"polite\"></div>\n",
    );
    // The answer, for readers without JavaScript (exercise.js hides it and shows it on demand).
    let has_panel =
        q.kind != QuestionType::Reflection || q.model_answer.is_some() || q.explanation.is_some();
    if has_panel {
        let summary = if q.kind == QuestionType::Reflection {
            if q.model_answer.is_some() {
                "Model answer"
            } else {
                "About this reflection"
            }
        } else {
            "Answer"
        };
        let _ = writeln!(
            out,
            "<details class=\"question-answer\" data-answer-panel><summary>{summary}</summary>\n<div class=\"question-answer-body\">"
        );
        out.push_str(&answer_html(q));
        if !q.feedback.is_empty() {
            out.push_str(&feedback_html(q, &ids, &order));
        }
        if let Some(e) = &q.explanation {
            let _ = writeln!(
                out,
                "<div class=\"question-explanation\" data-explanation>{}</div>",
                block_html(e)
            );
        }
        out.push_str("</div>\n</details>\n");
    }
    out.push_str("</div>\n");
    out
}

/// The correct answer, as shown in the answer panel (and copied into the live region by
/// `Show answer`).
fn answer_html(q: &Question) -> String {
    let mut out = String::from("<div class=\"question-solution\" data-solution>");
    match &q.answer {
        Answer::One(i) => {
            let _ = write!(
                out,
                "<p><strong>Answer:</strong> {}</p>",
                inline_html(&q.options[*i])
            );
        }
        Answer::Many(list) => {
            out.push_str("<p><strong>Answers:</strong></p><ul>");
            for i in list {
                let _ = write!(out, "<li>{}</li>", inline_html(&q.options[*i]));
            }
            out.push_str("</ul>");
        }
        Answer::Bool(b) => {
            let _ = write!(
                out,
                "<p><strong>Answer:</strong> {}</p>",
                if *b { "True" } else { "False" }
            );
        }
        Answer::Accept(list) => {
            let mut shown: Vec<String> = Vec::new();
            if let Some(n) = &q.number {
                shown.push(escape(&n.describe()));
            }
            shown.extend(list.iter().map(|a| escape(a)));
            if let Some(first) = shown.first() {
                let _ = write!(out, "<p><strong>Answer:</strong> {first}</p>");
            }
            if shown.len() > 1 {
                let _ = write!(out, "<p>Also accepted: {}</p>", shown[1..].join("; "));
            }
        }
        Answer::Order(items) => {
            out.push_str("<p><strong>Correct order:</strong></p><ol>");
            for i in items {
                let _ = write!(out, "<li>{}</li>", inline_html(i));
            }
            out.push_str("</ol>");
        }
        Answer::Free => {
            if let Some(m) = &q.model_answer {
                out.push_str(&block_html(m));
            }
        }
    }
    out.push_str("</div>\n");
    out
}

/// Per-option feedback: one entry per option that has some, in the order the options are
/// shown, each keyed by the option's id (`ids`, authored order; `order`, display order).
fn feedback_html(q: &Question, ids: &[String], order: &[usize]) -> String {
    let entries: Vec<(String, String, Option<&String>)> = if q.kind == QuestionType::TrueFalse {
        vec![
            ("true".into(), "True".into(), q.feedback.first()),
            ("false".into(), "False".into(), q.feedback.get(1)),
        ]
    } else {
        order
            .iter()
            .map(|&i| {
                (
                    ids[i].clone(),
                    inline_html(&q.options[i]),
                    q.feedback.get(i),
                )
            })
            .collect()
    };
    let mut out =
        String::from("<div class=\"question-option-feedback\"><p>About each option:</p><ul>");
    for (value, label, fb) in &entries {
        let Some(fb) = fb.filter(|f| !f.trim().is_empty()) else {
            continue;
        };
        let _ = write!(
            out,
            "<li data-feedback-for=\"{value}\"><span class=\"feedback-option\">{label}</span>: <span class=\"feedback-text\">{}</span></li>",
            inline_html(fb)
        );
    }
    out.push_str("</ul></div>\n");
    out
}
