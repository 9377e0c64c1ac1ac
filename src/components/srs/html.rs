//! The HTML of `srs` forms: readable without scripts (items, anchors, the notice, a
//! scenario's marks); the scoring rules as JSON in `data-srs-config` for `srs.js`.

use super::sets::ItemSet;
use super::{Mode, TOLERANCE};
use crate::components::{BlockOutput, exercise};
use crate::html::{block_html, escape};
use serde_json::json;

/// The form being rendered.
pub(super) struct Form<'a> {
    pub id: &'a str,
    /// The storage key of this form's draft (page path and id).
    pub key: String,
    /// The item set.
    pub set: &'a ItemSet,
    /// The block's `title`.
    pub title: Option<&'a str>,
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

pub(super) fn practice_html(form: &Form<'_>) -> BlockOutput {
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

pub(super) fn scenario_html(
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
