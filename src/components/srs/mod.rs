//! The `srs` component: a practice form for an alliance scale of visual-analog lines (by default
//! the four SRS dimensions described in this project's own words), and scenarios in which the
//! learner measures a client's marks and answers "what would you say next?".
//!
//! ````markdown
//! ```srs
//! mode = "practice"             # or "scenario"
//! items = "default"             # optional: a named item set from handbook.toml
//! ```
//! ````
//!
//! A scenario adds `id`, `vignette` (Markdown), `ratings` (the client's marks, 0.0-10.0, one per
//! item) and an optional `[question]`, which the exercise engine renders (there is one quiz
//! engine). Optional `title` on either mode replaces the heading.
//!
//! The HTML is readable without scripts (items, descriptions, anchors, the notice, a scenario's
//! marks); `srs.js` turns each line into a slider, scores, interprets, logs and charts. The
//! scoring rules travel with the form as JSON in `data-srs-config`.

pub mod sets;

use super::exercise::{self, QuestionType};
use super::{BlockCtx, BlockOutput};
use crate::error::{Diagnostic, line_col};
use crate::html::{block_html, escape};
use serde::Deserialize;
use serde_json::json;
use sets::{ITEM_MAX, ItemSet, is_one_decimal};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// The keys of an `srs` block.
const BLOCK_KEYS: [&str; 7] = [
    "mode", "items", "id", "title", "vignette", "ratings", "question",
];

/// How far (in item points) a scenario measurement may be from the client's mark.
pub const TOLERANCE: f64 = 0.2;

/// A block's settings as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Block {
    mode: Spanned<String>,
    #[serde(default)]
    items: Option<Spanned<String>>,
    #[serde(default)]
    id: Option<Spanned<String>>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    vignette: Option<Spanned<String>>,
    #[serde(default)]
    ratings: Option<Spanned<Vec<Spanned<f64>>>>,
    /// Parsed again by the exercise engine (see [`render_question`]).
    #[serde(default)]
    question: Option<Spanned<serde::de::IgnoredAny>>,
}

/// Which kind of form a block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The learner marks the lines, sees the total and interpretation, and keeps a log.
    Practice,
    /// The client's marks are given; the learner measures them and answers a question.
    Scenario,
}

/// Turns a block's position in its body into file lines for diagnostics.
struct Lines<'a> {
    body: &'a str,
    ctx: &'a BlockCtx<'a>,
}

impl Lines<'_> {
    fn at(&self, offset: usize) -> usize {
        self.ctx.line + line_col(self.body, offset).0 - 1
    }

    fn error(&self, offset: usize, message: impl Into<String>) -> Diagnostic {
        Diagnostic::error(self.ctx.display_path, self.at(offset), message)
    }
}

/// Parses, validates and renders an `srs` block.
pub fn render(body: &str, ctx: &BlockCtx<'_>) -> Result<BlockOutput, Vec<Diagnostic>> {
    let lines = Lines { body, ctx };
    if let Ok(doc) = DeTable::parse(body) {
        let unknown: Vec<Diagnostic> = doc
            .get_ref()
            .iter()
            .filter(|(k, _)| !BLOCK_KEYS.contains(&k.get_ref().as_ref()))
            .map(|(k, _)| {
                let name: &str = k.get_ref();
                let list = BLOCK_KEYS.join(", ");
                let hint = match crate::error::plain::closest(name, BLOCK_KEYS) {
                    Some(c) => format!("did you mean `{c}`? Keys allowed here: {list}"),
                    None => format!("keys allowed here: {list}"),
                };
                lines
                    .error(
                        k.span().start,
                        format!("unknown key `{name}` in an srs block"),
                    )
                    .with_hint(hint)
            })
            .collect();
        if !unknown.is_empty() {
            return Err(unknown);
        }
    }
    let block: Block = toml::from_str(body).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        // Curly quotes, an unquoted value, a quote never closed: in plain words.
        if let Some(p) = crate::error::plain::toml_problem(body, e.message(), offset) {
            return vec![
                lines
                    .error(p.offset, format!("srs: {}", p.message))
                    .with_column(line_col(body, p.offset).1)
                    .with_hint(p.hint),
            ];
        }
        let message = e.message().trim().to_string();
        let hint = if message.contains("unknown field") {
            "an srs block takes mode, items, id, title, vignette, ratings and [question]"
        } else if message.contains("missing field") {
            "every srs block needs `mode = \"practice\"` or `mode = \"scenario\"`"
        } else {
            "the block is TOML: `key = value` lines, strings in quotes, Markdown in \"\"\"...\"\"\""
        };
        vec![lines.error(offset, message).with_hint(hint)]
    })?;
    let mut errors = Vec::new();
    let mode = match block.mode.get_ref().as_str() {
        "practice" => Mode::Practice,
        "scenario" => Mode::Scenario,
        other => {
            return Err(vec![
                lines
                    .error(
                        block.mode.span().start,
                        format!("unknown srs mode `{other}`"),
                    )
                    .with_hint(
                        match crate::error::plain::closest(other, ["practice", "scenario"]) {
                            Some(c) => format!("did you mean `mode = \"{c}\"`? Use mode = \"practice\" or mode = \"scenario\""),
                            None => "use mode = \"practice\" or mode = \"scenario\"".to_string(),
                        },
                    ),
            ]);
        }
    };
    let srs = &ctx.config.srs;
    let set_name = block
        .items
        .as_ref()
        .map_or(srs.default_name(), |s| s.get_ref().as_str());
    let Some(set) = srs.resolve(set_name) else {
        let offset = block.items.as_ref().map_or(0, |s| s.span().start);
        return Err(vec![
            lines
                .error(offset, format!("unknown item set `{set_name}`"))
                .with_hint(format!(
                    "define it under [srs.sets.{set_name}] in handbook.toml, or use one of: {}",
                    srs.names().join(", ")
                )),
        ]);
    };
    let id = match &block.id {
        Some(id) => {
            let v = id.get_ref().trim();
            if !is_id(v) {
                errors.push(
                    lines
                        .error(id.span().start, format!("id `{v}` is not usable in a URL"))
                        .with_hint("use letters, digits, `-` and `_`, such as \"srs-low-goals\""),
                );
            }
            v.to_string()
        }
        None => match (mode, ctx.ordinal) {
            (Mode::Practice, 0) => "srs-form".to_string(),
            (Mode::Practice, n) => format!("srs-form-{}", n + 1),
            (Mode::Scenario, n) => format!("srs-scenario-{}", n + 1),
        },
    };
    let mut ratings: Vec<f64> = Vec::new();
    let mut vignette = String::new();
    match mode {
        Mode::Practice => {
            for (key, offset) in [
                ("vignette", block.vignette.as_ref().map(|v| v.span().start)),
                ("ratings", block.ratings.as_ref().map(|v| v.span().start)),
                ("question", block.question.as_ref().map(|v| v.span().start)),
            ] {
                if let Some(offset) = offset {
                    errors.push(
                        lines
                            .error(offset, format!("`{key}` belongs to a scenario"))
                            .with_hint("set mode = \"scenario\", or remove the key"),
                    );
                }
            }
        }
        Mode::Scenario => {
            match &block.vignette {
                Some(v) if !v.get_ref().trim().is_empty() => vignette = v.get_ref().clone(),
                Some(v) => errors.push(
                    lines
                        .error(v.span().start, "the vignette is empty")
                        .with_hint("describe the session and the client in a few sentences"),
                ),
                None => errors.push(
                    lines
                        .error(0, "a scenario needs a `vignette`")
                        .with_hint("add vignette = \"\"\"...\"\"\" describing the session"),
                ),
            }
            match &block.ratings {
                None => errors.push(
                    lines
                        .error(0, "a scenario needs the client's `ratings`")
                        .with_hint(format!(
                            "add ratings = [...] with {} values from 0.0 to 10.0, one per item",
                            set.items.len()
                        )),
                ),
                Some(list) => {
                    if list.get_ref().len() != set.items.len() {
                        errors.push(
                            lines
                                .error(
                                    list.span().start,
                                    format!(
                                        "{} rating{} for an item set of {} items",
                                        list.get_ref().len(),
                                        if list.get_ref().len() == 1 { "" } else { "s" },
                                        set.items.len()
                                    ),
                                )
                                .with_hint(format!(
                                    "give one value per item, in order: {}",
                                    set.items
                                        .iter()
                                        .map(|i| i.label.as_str())
                                        .collect::<Vec<_>>()
                                        .join(", ")
                                )),
                        );
                    }
                    for r in list.get_ref() {
                        let v = *r.get_ref();
                        if !(0.0..=ITEM_MAX).contains(&v) {
                            errors.push(
                                lines
                                    .error(r.span().start, format!("rating {v} is outside 0-10"))
                                    .with_hint("each item is a 10 cm line: 0.0 at the left end, 10.0 at the right"),
                            );
                        } else if !is_one_decimal(v) {
                            errors.push(
                                lines
                                    .error(
                                        r.span().start,
                                        format!("rating {v} has more than one decimal"),
                                    )
                                    .with_hint(
                                        "marks are measured to the nearest millimetre, such as 9.2",
                                    ),
                            );
                        }
                    }
                    ratings = list.get_ref().iter().map(|r| *r.get_ref()).collect();
                }
            }
        }
    }
    let title = block
        .title
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty());
    let question = match (&block.question, mode) {
        (Some(_), Mode::Scenario) => match render_question(
            body,
            &id,
            &title.map_or_else(|| scenario_label(&vignette, &id), str::to_string),
            ctx,
        ) {
            Ok(out) => Some(out),
            Err(mut e) => {
                errors.append(&mut e);
                None
            }
        },
        _ => None,
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    let form = Form {
        id: &id,
        key: format!("{}#{id}", ctx.page_out_path),
        set: &set,
        title,
    };
    let mut out = match mode {
        Mode::Practice => practice_html(&form),
        Mode::Scenario => scenario_html(&form, &vignette, &ratings, question.as_ref()),
    };
    if let Some(q) = question {
        out.manifest.extend(q.manifest);
        out.anchors.extend(q.anchors);
        out.search_text.push(' ');
        out.search_text.push_str(&q.search_text);
    }
    out.anchors.insert(0, id);
    Ok(out)
}

/// Renders a scenario's `[question]` with the exercise engine (one quiz engine for the whole
/// handbook): the table is validated by [`exercise::parse_question_with`] as a single-choice
/// question (multiple-choice when `answer` is a list), so `prompt`, `options`, `answer`,
/// `feedback`, `explanation`, `hint` and `id` mean what they mean in an exercise. Results are
/// tracked in the learner's progress under the scenario's id.
fn render_question(
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
            types: Some(&[QuestionType::Single, QuestionType::Multiple]),
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
        id,
        &ex.questions[0],
        &exercise::Standalone {
            track: true,
            show_answer: true,
            title: None,
        },
    );
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
fn scenario_label(vignette: &str, id: &str) -> String {
    let text = exercise::plain_text(vignette);
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        return format!("Scenario {id}");
    }
    let mut out = String::new();
    for word in text.split(' ') {
        if out.len() + word.len() > 70 {
            out.push('…');
            return format!("Scenario: {out}");
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    format!("Scenario: {out}")
}

/// Whether `id` can be an HTML id and a URL fragment without escaping.
fn is_id(id: &str) -> bool {
    id.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

struct Form<'a> {
    id: &'a str,
    /// The storage key of this form's draft (page path and id).
    key: String,
    set: &'a ItemSet,
    title: Option<&'a str>,
}

/// One decimal, always shown (`9.0`).
fn fmt1(v: f64) -> String {
    format!("{v:.1}")
}

/// A number without a trailing `.0` (`36`, `35.5`).
fn fmt_short(v: f64) -> String {
    let s = fmt1(v);
    s.strip_suffix(".0").map_or(s.clone(), str::to_string)
}

/// The rules and texts `srs.js` needs, as JSON for an attribute.
fn config_json(form: &Form<'_>, mode: Mode, ratings: &[f64]) -> String {
    let set = form.set;
    let fill = |s: &str| {
        s.replace("{cutoff}", &fmt_short(set.cutoff))
            .replace("{item_cutoff}", &fmt_short(set.item_cutoff))
            .replace("{max}", &fmt_short(set.max))
    };
    let items: Vec<_> = set
        .items
        .iter()
        .map(|i| {
            json!({
                "label": i.label,
                "left": i.left,
                "right": i.right,
                "ask": fill(&i.ask),
                "prompt": fill(&i.prompt),
            })
        })
        .collect();
    let m = &set.messages;
    let mut value = json!({
        "version": 1,
        "mode": if mode == Mode::Practice { "practice" } else { "scenario" },
        "id": form.id,
        "key": form.key,
        "set": set.name,
        "title": form.title.unwrap_or(&set.title),
        "cutoff": set.cutoff,
        "itemCutoff": set.item_cutoff,
        "max": set.max,
        "items": items,
        "messages": {
            "below": fill(&m.below),
            "at": fill(&m.at),
            "above": fill(&m.above),
            "top": fill(&m.top),
            "heuristic": fill(&m.heuristic),
            "heuristicNote": fill(&m.heuristic_note),
        },
    });
    if mode == Mode::Scenario {
        value["ratings"] = json!(ratings);
        value["tolerance"] = json!(TOLERANCE);
    }
    escape(&value.to_string())
}

/// The line of one item: an SVG (a rule with end bars and, in a scenario, the client's mark).
/// Percent coordinates keep strokes unscaled at any width; CSS makes the line exactly 10 cm.
fn line_svg(mark: Option<f64>) -> String {
    let mark = match mark {
        Some(v) => format!(
            "<line class=\"srs-mark srs-mark-client\" x1=\"{p}%\" y1=\"6\" x2=\"{p}%\" y2=\"42\" stroke=\"currentColor\" stroke-width=\"3\"/>",
            p = fmt_short(v * 10.0)
        ),
        None => "<line class=\"srs-mark\" x1=\"0\" y1=\"6\" x2=\"0\" y2=\"42\" stroke=\"currentColor\" stroke-width=\"3\" visibility=\"hidden\"/>".to_string(),
    };
    format!(
        "<svg class=\"srs-svg\" width=\"100%\" height=\"48\" overflow=\"visible\" aria-hidden=\"true\">\
<line class=\"srs-rule\" x1=\"0\" y1=\"24\" x2=\"100%\" y2=\"24\" stroke=\"currentColor\" stroke-width=\"2\"/>\
<line class=\"srs-end\" x1=\"0\" y1=\"15\" x2=\"0\" y2=\"33\" stroke=\"currentColor\" stroke-width=\"2\"/>\
<line class=\"srs-end\" x1=\"100%\" y1=\"15\" x2=\"100%\" y2=\"33\" stroke=\"currentColor\" stroke-width=\"2\"/>\
{mark}</svg>"
    )
}

/// The items list shared by both modes. `ratings` (scenario) puts the client's marks on the lines
/// and adds a measurement field per item.
fn items_html(form: &Form<'_>, ratings: Option<&[f64]>) -> String {
    let fid = form.id;
    let mut h = String::from("<ol class=\"srs-items\">\n");
    for (n, item) in form.set.items.iter().enumerate() {
        let iid = format!("{fid}-i{}", n + 1);
        let label = escape(&item.label);
        h.push_str(&format!("<li class=\"srs-item\" data-srs-item=\"{n}\">\n"));
        h.push_str(&format!(
            "<p class=\"srs-item-head\"><span class=\"srs-label\" id=\"{iid}-label\">{label}</span> <span class=\"srs-value\" hidden></span></p>\n"
        ));
        if !item.description.is_empty() {
            h.push_str(&format!(
                "<p class=\"srs-desc\" id=\"{iid}-desc\">{}</p>\n",
                escape(&item.description)
            ));
        }
        match ratings {
            None => h.push_str(&format!(
                "<div class=\"srs-line\" data-srs-line>{}</div>\n",
                line_svg(None)
            )),
            Some(r) => h.push_str(&format!(
                "<div class=\"srs-line\" role=\"img\" aria-label=\"{label}: the client's mark on the line. Measure it; checking reveals the value.\">{}</div>\n",
                line_svg(r.get(n).copied())
            )),
        }
        h.push_str(&format!(
            "<p class=\"srs-anchors\" id=\"{iid}-anchors\"><span class=\"srs-anchor srs-anchor-left\"><span class=\"visually-hidden\">Left end, 0: </span>{}</span> <span class=\"srs-anchor srs-anchor-right\"><span class=\"visually-hidden\">Right end, 10: </span>{}</span></p>\n",
            escape(&item.left),
            escape(&item.right)
        ));
        if ratings.is_some() {
            h.push_str(&format!(
                "<p class=\"srs-measure\"><label for=\"{iid}-measure\">Your measurement for {label}</label> <input id=\"{iid}-measure\" class=\"srs-measure-input\" type=\"text\" inputmode=\"decimal\" autocomplete=\"off\" size=\"5\" maxlength=\"5\" data-srs-measure=\"{n}\"> <span class=\"srs-measure-result\" data-srs-result=\"{n}\"></span></p>\n"
            ));
        }
        h.push_str("</li>\n");
    }
    h.push_str("</ol>\n");
    h
}

fn notice_html(set: &ItemSet) -> String {
    format!(
        "<div class=\"srs-notices\">\n<p class=\"srs-notice\">{}</p>\n<p class=\"srs-privacy\">{}</p>\n</div>\n",
        escape(&set.notice),
        escape(&set.privacy)
    )
}

fn search_text(form: &Form<'_>, extra: &str) -> String {
    let mut words = vec![form.title.unwrap_or(&form.set.title).to_string()];
    for i in &form.set.items {
        words.push(i.label.clone());
        words.push(i.description.clone());
    }
    words.push(extra.to_string());
    words
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn practice_html(form: &Form<'_>) -> BlockOutput {
    let fid = form.id;
    let set = form.set;
    let title = escape(form.title.unwrap_or(&set.title));
    let n = set.items.len();
    let mut h = format!(
        "<section class=\"srs srs-practice\" id=\"{fid}\" aria-labelledby=\"{fid}-title\" data-srs=\"practice\" data-srs-config=\"{}\">\n",
        config_json(form, Mode::Practice, &[])
    );
    h.push_str(&format!(
        "<p class=\"srs-title\" id=\"{fid}-title\">{title}</p>\n<p class=\"srs-instructions\">{}</p>\n",
        escape(&set.instructions)
    ));
    h.push_str(
        "<p class=\"srs-nojs\">To mark the lines on screen, turn on JavaScript. You can also print this page: it prints as a paper form whose lines are 10 cm long.</p>\n"
    );
    h.push_str(&format!(
        "<p class=\"srs-help\" id=\"{fid}-help\" hidden>Click or tap a line, drag its mark, or use the keys: arrows move 0.1, Page Up and Page Down move 1, Home and End go to the ends, Delete clears.</p>\n"
    ));
    h.push_str(&items_html(form, None));
    h.push_str("<p class=\"srs-date-line\">Date: <span class=\"srs-blank\"></span></p>\n");
    h.push_str(&format!(
        "<div class=\"srs-result\" hidden>\n<p class=\"srs-total-row\"><span class=\"srs-total-label\" id=\"{fid}-total-label\">Total</span> <output class=\"srs-total\" id=\"{fid}-total\" aria-labelledby=\"{fid}-total-label\" aria-live=\"polite\" aria-atomic=\"true\">not rated</output> <span class=\"srs-total-of\">of {max}</span></p>\n\
<p class=\"srs-pending\">Mark all {n} lines to see the total and what it suggests.</p>\n\
<div class=\"srs-interpretation\" role=\"status\" aria-live=\"polite\" aria-label=\"Interpretation\"></div>\n\
<p class=\"srs-buttons\"><button type=\"button\" class=\"srs-button\" data-srs-action=\"clear\">Clear the lines</button> <button type=\"button\" class=\"srs-button\" data-srs-action=\"print\">Print blank form</button></p>\n</div>\n",
        max = fmt_short(set.max)
    ));
    h.push_str(&format!(
        "<fieldset class=\"srs-save\" hidden>\n<legend>Save to your practice log</legend>\n\
<p class=\"srs-save-warning\" id=\"{fid}-save-warning\">Do not enter client names, initials or clinical details: the label is for you, such as “borderline pattern, role-play 2”.</p>\n\
<div class=\"srs-fields\">\n\
<p class=\"srs-field\"><label for=\"{fid}-date\">Date</label> <input id=\"{fid}-date\" type=\"date\" data-srs-field=\"date\" required></p>\n\
<p class=\"srs-field\"><label for=\"{fid}-session\">Session number (optional)</label> <input id=\"{fid}-session\" type=\"number\" min=\"1\" max=\"999\" step=\"1\" inputmode=\"numeric\" data-srs-field=\"session\"></p>\n\
<p class=\"srs-field srs-field-wide\"><label for=\"{fid}-label\">Label (optional)</label> <input id=\"{fid}-label\" type=\"text\" maxlength=\"80\" autocomplete=\"off\" aria-describedby=\"{fid}-save-warning\" data-srs-field=\"label\"></p>\n\
</div>\n\
<p class=\"srs-buttons\"><button type=\"button\" class=\"srs-button primary\" data-srs-action=\"save\">Save</button></p>\n\
<p class=\"srs-save-status\" role=\"status\" aria-live=\"polite\"></p>\n</fieldset>\n"
    ));
    h.push_str(&format!(
        "<section class=\"srs-log\" aria-labelledby=\"{fid}-log-title\" hidden>\n<p class=\"srs-subtitle\" id=\"{fid}-log-title\">Your practice log</p>\n\
<p class=\"srs-log-note\">Saved only in this browser, never sent anywhere.</p>\n\
<p class=\"srs-log-empty\">No entries yet. Mark all {n} lines and press Save.</p>\n\
<figure class=\"srs-chart\" hidden><div class=\"srs-chart-box\"></div><figcaption id=\"{fid}-chart-caption\">Totals of your saved entries, with the cutoff of {cutoff} as a dashed line, and the lowest item of each entry (right scale, 0-10).</figcaption></figure>\n\
<div class=\"srs-table-wrap\" hidden></div>\n\
<p class=\"srs-buttons srs-log-buttons\" hidden><button type=\"button\" class=\"srs-button\" data-srs-action=\"export\">Export CSV</button> <button type=\"button\" class=\"srs-button srs-danger\" data-srs-action=\"delete-all\">Delete all entries</button></p>\n\
<div class=\"srs-confirm\" hidden><p class=\"srs-confirm-text\" id=\"{fid}-confirm-text\"></p><p class=\"srs-buttons\"><button type=\"button\" class=\"srs-button srs-danger\" data-srs-action=\"confirm-delete-all\" aria-describedby=\"{fid}-confirm-text\">Yes, delete all</button> <button type=\"button\" class=\"srs-button\" data-srs-action=\"cancel-delete-all\">Keep them</button></p></div>\n\
<div class=\"srs-log-status\" role=\"status\" aria-live=\"polite\"></div>\n</section>\n",
        cutoff = fmt_short(set.cutoff)
    ));
    h.push_str(&notice_html(set));
    h.push_str("</section>\n");
    BlockOutput {
        html: h,
        search_text: search_text(form, ""),
        ..BlockOutput::default()
    }
}

fn scenario_html(
    form: &Form<'_>,
    vignette: &str,
    ratings: &[f64],
    question: Option<&BlockOutput>,
) -> BlockOutput {
    let fid = form.id;
    let set = form.set;
    let title = escape(form.title.unwrap_or("Scenario: measure, then respond"));
    let total: f64 = ratings.iter().sum();
    let mut h = format!(
        "<section class=\"srs srs-scenario\" id=\"{fid}\" aria-labelledby=\"{fid}-title\" data-srs=\"scenario\" data-srs-config=\"{}\">\n",
        config_json(form, Mode::Scenario, ratings)
    );
    h.push_str(&format!(
        "<p class=\"srs-title\" id=\"{fid}-title\">{title}</p>\n<div class=\"srs-vignette\">\n{}</div>\n",
        block_html(vignette)
    ));
    h.push_str(&format!(
        "<p class=\"srs-instructions\">The client marked the {n} lines below. Measure each mark from the left end, to one decimal (the whole line is 10), enter your scores and their total, then compare them with the marks. A measurement within {tol} of the mark counts as right.</p>\n",
        n = set.items.len(),
        tol = fmt1(TOLERANCE)
    ));
    h.push_str(&items_html(form, Some(ratings)));
    h.push_str(&format!(
        "<p class=\"srs-measure srs-measure-total\"><label for=\"{fid}-total-measure\">Your total</label> <input id=\"{fid}-total-measure\" class=\"srs-measure-input\" type=\"text\" inputmode=\"decimal\" autocomplete=\"off\" size=\"5\" maxlength=\"5\" data-srs-measure=\"total\"> <span class=\"srs-total-of\">of {max}</span> <span class=\"srs-measure-result\" data-srs-result=\"total\"></span></p>\n",
        max = fmt_short(set.max)
    ));
    h.push_str(
        "<p class=\"srs-buttons\" hidden><button type=\"button\" class=\"srs-button primary\" data-srs-action=\"check\">Compare my measurements</button> <button type=\"button\" class=\"srs-button\" data-srs-action=\"ruler\" aria-pressed=\"false\">Show a ruler</button> <button type=\"button\" class=\"srs-button\" data-srs-action=\"reset\">Start again</button></p>\n\
<div class=\"srs-check-status\" role=\"status\" aria-live=\"polite\"></div>\n",
    );
    h.push_str("<details class=\"srs-answers\">\n<summary>Show the client's scores</summary>\n<table class=\"srs-answer-table\">\n<thead><tr><th scope=\"col\">Item</th><th scope=\"col\">Score</th></tr></thead>\n<tbody>\n");
    for (item, r) in set.items.iter().zip(ratings) {
        h.push_str(&format!(
            "<tr><th scope=\"row\">{}</th><td>{}</td></tr>\n",
            escape(&item.label),
            fmt1(*r)
        ));
    }
    h.push_str(&format!(
        "</tbody>\n<tfoot><tr><th scope=\"row\">Total</th><td>{}</td></tr></tfoot>\n</table>\n<div class=\"srs-interpretation srs-interpretation-static\"></div>\n</details>\n",
        fmt1(total)
    ));
    if let Some(q) = question
        && !q.html.is_empty()
    {
        h.push_str("<div class=\"srs-question\">\n");
        h.push_str(&q.html);
        h.push_str("</div>\n");
    }
    h.push_str(&notice_html(set));
    h.push_str("</section>\n");
    BlockOutput {
        html: h,
        search_text: search_text(form, &exercise::plain_text(vignette)),
        ..BlockOutput::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use std::path::Path;

    fn ctx<'a>(config: &'a Config, line: usize, ordinal: usize) -> BlockCtx<'a> {
        BlockCtx {
            display_path: Path::new("content/srs.md"),
            page_out_path: "srs/practice.html",
            line,
            ordinal,
            config,
        }
    }

    fn config(text: &str) -> Config {
        Config::parse(text, Path::new("handbook.toml")).unwrap()
    }

    const SCENARIO: &str = "mode = \"scenario\"\nid = \"low-goals\"\nvignette = \"\"\"\n**Session 4.** Priya.\n\"\"\"\nratings = [9.2, 6.1, 8.8, 9.0]\n";

    #[test]
    fn practice_form_has_items_anchors_notice_and_rules() {
        let c = config("");
        let out = render("mode = \"practice\"\n", &ctx(&c, 10, 0)).unwrap();
        let h = &out.html;
        for label in ["Connection", "Focus", "Way of working", "Whole session"] {
            assert!(h.contains(&format!(">{label}</span>")), "{label}");
        }
        assert!(h.contains("id=\"srs-form\""));
        assert!(h.contains("is not the SRS"));
        assert!(h.contains("Do not enter client names"));
        assert!(h.contains("Little connection with the clinician"));
        assert!(h.contains("&quot;cutoff&quot;:36.0"), "{h}");
        assert!(h.contains("data-srs-action=\"print\""));
        assert!(!h.contains("<script"), "no inline scripts");
        assert!(!h.contains(" style="), "no inline styles");
        assert_eq!(out.anchors, ["srs-form"]);
        assert!(out.search_text.contains("Way of working"));
        let second = render("mode = \"practice\"\n", &ctx(&c, 10, 1)).unwrap();
        assert!(second.html.contains("id=\"srs-form-2\""));
    }

    #[test]
    fn scenario_puts_marks_on_lines_and_answers_in_details() {
        let c = config("");
        let out = render(SCENARIO, &ctx(&c, 5, 0)).unwrap();
        let h = &out.html;
        assert!(h.contains("x1=\"92%\""), "{h}");
        assert!(h.contains("x1=\"61%\""));
        assert!(h.contains("<strong>Session 4.</strong>"));
        assert!(h.contains("<td>33.1</td>"), "total in the answers");
        assert!(h.contains("Your measurement for Connection"));
        assert!(h.contains("&quot;ratings&quot;:[9.2,6.1,8.8,9.0]"));
        assert!(!h.contains("role=\"slider\""));
        assert_eq!(out.anchors[0], "low-goals");
    }

    #[test]
    fn errors_name_the_file_line() {
        let c = config("");
        let cx = ctx(&c, 20, 0);
        let err = render("mode = \"practise\"\n", &cx).unwrap_err();
        assert_eq!(err[0].line, 20);
        assert!(err[0].message.contains("practise"));
        let err = render("mode = \"practice\"\nitems = \"agency\"\n", &cx).unwrap_err();
        assert_eq!(err[0].line, 21);
        assert!(err[0].message.contains("unknown item set `agency`"));
        assert!(err[0].hint.as_deref().unwrap_or("").contains("default"));
        let err = render("mode = \"practice\"\ncolour = 1\n", &cx).unwrap_err();
        assert_eq!(err[0].line, 21);
        let err = render(&SCENARIO.replace("6.1", "10.5"), &cx).unwrap_err();
        assert_eq!(err.len(), 1, "{err:?}");
        assert_eq!(err[0].line, 25);
        assert!(err[0].message.contains("10.5 is outside 0-10"));
        let err = render(&SCENARIO.replace("9.2, ", ""), &cx).unwrap_err();
        assert!(err[0].message.contains("3 ratings for an item set of 4"));
        let err = render(&SCENARIO.replace("6.1", "6.15"), &cx).unwrap_err();
        assert!(err[0].message.contains("more than one decimal"));
        let err = render("mode = \"scenario\"\n", &cx).unwrap_err();
        assert_eq!(err.len(), 2);
        let err = render("mode = \"practice\"\nratings = [1.0]\n", &cx).unwrap_err();
        assert_eq!(err[0].line, 21);
        let err = render(&SCENARIO.replace("low-goals", "low goals"), &cx).unwrap_err();
        assert_eq!(err[0].line, 21);
        let err = render("mode = ", &cx).unwrap_err();
        assert_eq!(err[0].line, 20);
    }

    #[test]
    fn agency_sets_are_used_by_name_and_by_default() {
        let c = config(
            "[srs]\ndefault = \"two\"\n[srs.sets.two]\nrequire_four = false\ncutoff = 15.0\n\
             [[srs.sets.two.items]]\nlabel = \"Bond\"\nleft = \"a\"\nright = \"b\"\n\
             [[srs.sets.two.items]]\nlabel = \"Task\"\nleft = \"c\"\nright = \"d\"\n",
        );
        let out = render("mode = \"practice\"\n", &ctx(&c, 1, 0)).unwrap();
        assert!(out.html.contains(">Bond</span>"));
        assert!(out.html.contains("of 20</span>"));
        let out = render("mode = \"practice\"\nitems = \"default\"\n", &ctx(&c, 1, 0)).unwrap();
        assert!(out.html.contains(">Connection</span>"));
        let err = render(
            "mode = \"scenario\"\nvignette = \"v\"\nratings = [1.0, 2.0, 3.0]\n",
            &ctx(&c, 1, 0),
        )
        .unwrap_err();
        assert!(err[0].message.contains("3 ratings for an item set of 2"));
    }
}
