//! A scenario's `[question]`, rendered by the exercise engine (one quiz engine for the whole
//! handbook), and the scenario's name on the progress page.

use crate::components::exercise::{self, QuestionType};
use crate::components::{BlockCtx, BlockOutput};
use crate::error::Diagnostic;
use crate::i18n::Catalog;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// Renders a scenario's `[question]` with the exercise engine (one quiz engine for the whole
/// handbook): the table is validated by [`exercise::parse_question_with`] as a single-choice
/// question (multiple-choice when `answer` is a list), so `prompt`, `options`, `answer`,
/// `feedback`, `explanation`, `hint` and `id` mean what they mean in an exercise. Results are
/// tracked in the learner's progress under the scenario's id.
pub(super) fn render_question(
    body: &str,
    id: &str,
    title: &str,
    ctx: &BlockCtx<'_>,
) -> Result<BlockOutput, Vec<Diagnostic>> {
    let src = exercise::Source {
        path: ctx.display_path,
        text: body,
        first_line: ctx.line,
    };
    let doc = DeTable::parse(body).map_err(|e| {
        vec![
            src.error(&e.span().unwrap_or(0..0), e.message().trim().to_string())
                .with_hint("the block is TOML"),
        ]
    })?;
    let Some((_, value)) = doc.get_ref().iter().find(|(k, _)| {
        let k: &str = k.get_ref();
        k == "question"
    }) else {
        return Ok(BlockOutput::default());
    };
    let DeValue::Table(table) = value.get_ref() else {
        return Err(vec![
            src.error(&value.span(), "`question` must be a table")
                .with_hint("write it as a `[question]` table after the scenario's other keys"),
        ]);
    };
    let has = |name: &str| {
        table.iter().any(|(k, _)| {
            let k: &str = k.get_ref();
            k == name
        })
    };
    let mut table = table.clone();
    if !has("type") {
        let multi = table.iter().any(|(k, v)| {
            let k: &str = k.get_ref();
            k == "answer" && matches!(v.get_ref(), DeValue::Array(_))
        });
        let at = value.span().start..value.span().start;
        table.insert(
            Spanned::new(at.clone(), "type".into()),
            Spanned::new(
                at,
                DeValue::String(if multi { "multiple" } else { "single" }.into()),
            ),
        );
    }
    let value = Spanned::new(value.span(), DeValue::Table(table));
    let mut question = exercise::parse_question_with(
        &value,
        &src,
        &exercise::ParseOptions {
            types: Some(&[QuestionType::SINGLE, QuestionType::MULTIPLE]),
            extra_keys: &[],
        },
    )?;
    if question.key.is_empty() {
        question.key = "next".into();
    }
    let ex = exercise::Exercise {
        id: id.to_string(),
        explicit_id: true,
        title: Some(title.to_string()),
        show_answer: true,
        shuffle: true,
        line: question.line,
        questions: vec![question],
    };
    let source = ctx.display_path.to_string_lossy().replace('\\', "/");
    let html = exercise::standalone_html(
        ctx.templates,
        id,
        &ex.questions[0],
        &exercise::Standalone {
            track: true,
            show_answer: true,
            title: None,
        },
    )
    .map_err(|e| vec![exercise::template_error(ctx, &e)])?;
    let q = &ex.questions[0];
    let mut search = vec![exercise::plain_text(&q.prompt)];
    search.extend(q.options.iter().map(|o| exercise::plain_text(o)));
    Ok(BlockOutput {
        html,
        search_text: search.join(" "),
        manifest: vec![exercise::manifest_entry(&ex, &source, ctx.page_out_path)],
        anchors: vec![exercise::anchor_id(id)],
    })
}

/// A scenario's name on the progress page when it has no `title`: the start of its vignette.
pub(super) fn scenario_label(catalog: &Catalog, vignette: &str, id: &str) -> String {
    let text = exercise::plain_text(vignette);
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        return catalog.text("srs.scenario_untitled", &[("id", id)]);
    }
    let mut out = String::new();
    for word in text.split(' ') {
        if out.len() + word.len() > 70 {
            out.push('…');
            return catalog.text("srs.scenario_named", &[("start", &out)]);
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    catalog.text("srs.scenario_named", &[("start", &out)])
}
