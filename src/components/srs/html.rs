//! The HTML of `srs` forms: readable without scripts (items, anchors, the notice, a
//! scenario's marks); the scoring rules as JSON in `data-srs-config` for `srs.js`.

use super::sets::ItemSet;
use super::{Mode, TOLERANCE};
use crate::components::BlockOutput;
use crate::components::exercise::{self, TemplateError};
use crate::html::block_html;
use crate::i18n::Catalog;
use serde::Serialize;
use serde_json::json;
use tera::Tera;

/// The form being rendered.
pub(super) struct Form<'a> {
    pub id: &'a str,
    /// The storage key of this form's draft (page path and id).
    pub key: String,
    /// The item set.
    pub set: &'a ItemSet,
    /// The block's `title`.
    pub title: Option<&'a str>,
    /// The page is right to left: its lines run from 0 at the right end (the form says so).
    pub rtl: bool,
    /// The interface strings (the decimal separator of the numbers shown).
    pub catalog: &'a Catalog,
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

impl Form<'_> {
    /// `number` (written with `.`) with the language's decimal separator, for reading.
    fn local(&self, number: String) -> String {
        let separator = self.catalog.decimal_separator();
        if separator == "." {
            number
        } else {
            number.replace('.', &separator)
        }
    }
}

/// The rules and texts `srs.js` needs, as JSON (the template escapes it for the attribute).
fn config_json(form: &Form<'_>, mode: Mode, ratings: &[f64]) -> String {
    let set = form.set;
    let fill = |s: &str| {
        s.replace("{cutoff}", &form.local(fmt_short(set.cutoff)))
            .replace("{item_cutoff}", &form.local(fmt_short(set.item_cutoff)))
            .replace("{max}", &form.local(fmt_short(set.max)))
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
    value.to_string()
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

/// What `components/srs-practice.html` and `srs-scenario.html` receive as `form`.
#[derive(Serialize)]
struct FormData<'a> {
    id: &'a str,
    /// The title (a scenario's is empty when the block has none: the template words it).
    title: &'a str,
    instructions: &'a str,
    /// The rules and texts for `srs.js` (JSON).
    config: String,
    max: String,
    cutoff: String,
    items: Vec<ItemData<'a>>,
    notice: &'a str,
    privacy: &'a str,
    vignette_html: String,
    tolerance: String,
    total: String,
    question_html: &'a str,
    /// The page is right to left (`srs-parts.html` names the ends, the forms add a note).
    rtl: bool,
}

/// One item of [`FormData`].
#[derive(Serialize)]
struct ItemData<'a> {
    /// The prefix of the item's ids.
    iid: String,
    label: &'a str,
    description: &'a str,
    left: &'a str,
    right: &'a str,
    /// A scenario: the client's mark as a percentage of the line.
    mark: String,
    /// A scenario: the client's score.
    score: String,
}

/// The template data of `form`; `ratings` are a scenario's marks.
fn form_data<'a>(form: &'a Form<'a>, mode: Mode, ratings: &[f64]) -> FormData<'a> {
    let set = form.set;
    let items = set
        .items
        .iter()
        .enumerate()
        .map(|(n, item)| ItemData {
            iid: format!("{}-i{}", form.id, n + 1),
            label: &item.label,
            description: &item.description,
            left: &item.left,
            right: &item.right,
            mark: ratings
                .get(n)
                .map(|v| fmt_short(v * 10.0))
                .unwrap_or_default(),
            score: ratings
                .get(n)
                .map(|v| form.local(fmt1(*v)))
                .unwrap_or_default(),
        })
        .collect();
    FormData {
        id: form.id,
        title: match mode {
            Mode::Practice => form.title.unwrap_or(&set.title),
            Mode::Scenario => form.title.unwrap_or(""),
        },
        instructions: &set.instructions,
        config: config_json(form, mode, ratings),
        max: form.local(fmt_short(set.max)),
        cutoff: form.local(fmt_short(set.cutoff)),
        items,
        notice: &set.notice,
        privacy: &set.privacy,
        vignette_html: String::new(),
        tolerance: form.local(fmt1(TOLERANCE)),
        total: form.local(fmt1(ratings.iter().sum())),
        question_html: "",
        rtl: form.rtl,
    }
}

/// Renders `name` with `data` as `form`.
fn render(templates: &Tera, name: &str, data: &FormData<'_>) -> Result<String, TemplateError> {
    let mut ctx = tera::Context::new();
    ctx.insert("form", data);
    templates.render(name, &ctx).map_err(|e| {
        TemplateError(format!(
            "template error in `{name}`: {}",
            crate::error::chain(&e)
        ))
    })
}

/// A practice form (`components/srs-practice.html`).
pub(super) fn practice_html(
    templates: &Tera,
    form: &Form<'_>,
) -> Result<BlockOutput, TemplateError> {
    let data = form_data(form, Mode::Practice, &[]);
    Ok(BlockOutput {
        html: render(templates, "components/srs-practice.html", &data)?,
        search_text: search_text(form, ""),
        ..BlockOutput::default()
    })
}

/// A scenario (`components/srs-scenario.html`), with its question's markup when it has one.
pub(super) fn scenario_html(
    templates: &Tera,
    form: &Form<'_>,
    vignette: &str,
    ratings: &[f64],
    question: Option<&BlockOutput>,
) -> Result<BlockOutput, TemplateError> {
    let data = FormData {
        vignette_html: block_html(vignette),
        question_html: question.map_or("", |q| q.html.as_str()),
        ..form_data(form, Mode::Scenario, ratings)
    };
    Ok(BlockOutput {
        html: render(templates, "components/srs-scenario.html", &data)?,
        search_text: search_text(form, &exercise::plain_text(vignette)),
        ..BlockOutput::default()
    })
}
