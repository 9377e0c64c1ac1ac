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

mod html;
mod question;
pub mod sets;

use html::{Form, practice_html, scenario_html};
use question::{render_question, scenario_label};

use super::{BlockCtx, BlockOutput};
use crate::config::srs::{ITEM_MAX, is_one_decimal};
use crate::error::{Diagnostic, line_col};
use serde::Deserialize;
use sets::ItemSet;
use toml::Spanned;
use toml::de::DeTable;

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
    unknown_keys(body, &lines)?;
    let block = parse_block(body, &lines)?;
    let mode = block_mode(&block, &lines)?;
    let srs = &ctx.config.srs;
    let set_name = block
        .items
        .as_ref()
        .map_or(srs.default_name(), |s| s.get_ref().as_str());
    let Some(set) = sets::resolve(srs, set_name, ctx.catalog) else {
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
    let mut errors = Vec::new();
    let id = block_id(&block, mode, &lines, &mut errors);
    let (vignette, ratings) = match mode {
        Mode::Practice => {
            practice_keys(&block, &lines, &mut errors);
            (String::new(), Vec::new())
        }
        Mode::Scenario => scenario_keys(&block, &set, &lines, &mut errors),
    };
    let title = block
        .title
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty());
    let question = match (&block.question, mode) {
        (Some(_), Mode::Scenario) => match render_question(
            body,
            &id,
            &title.map_or_else(
                || scenario_label(ctx.catalog, &vignette, &id),
                str::to_string,
            ),
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
        rtl: crate::config::direction::text_direction(&ctx.config.language) == "rtl",
        catalog: ctx.catalog,
    };
    let mut out = match mode {
        Mode::Practice => practice_html(ctx.templates, &form),
        Mode::Scenario => {
            scenario_html(ctx.templates, &form, &vignette, &ratings, question.as_ref())
        }
    }
    .map_err(|e| vec![super::exercise::template_error(ctx, &e)])?;
    if let Some(q) = question {
        out.manifest.extend(q.manifest);
        out.anchors.extend(q.anchors);
        out.search_text.push(' ');
        out.search_text.push_str(&q.search_text);
    }
    out.anchors.insert(0, id);
    Ok(out)
}

/// Keys an `srs` block does not take, each with "did you mean" (checked before the block is
/// read, so that a misspelt key is not reported as TOML's "unknown field").
fn unknown_keys(body: &str, lines: &Lines<'_>) -> Result<(), Vec<Diagnostic>> {
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
    Ok(())
}

/// The block's settings, or the TOML error in plain words.
fn parse_block(body: &str, lines: &Lines<'_>) -> Result<Block, Vec<Diagnostic>> {
    toml::from_str(body).map_err(|e| {
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
    })
}

/// The block's `mode`.
fn block_mode(block: &Block, lines: &Lines<'_>) -> Result<Mode, Vec<Diagnostic>> {
    Ok(match block.mode.get_ref().as_str() {
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
    })
}

/// The block's `id`, or the one derived from its position (an invalid id is reported).
fn block_id(block: &Block, mode: Mode, lines: &Lines<'_>, errors: &mut Vec<Diagnostic>) -> String {
    match &block.id {
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
        None => match (mode, lines.ctx.ordinal) {
            (Mode::Practice, 0) => "srs-form".to_string(),
            (Mode::Practice, n) => format!("srs-form-{}", n + 1),
            (Mode::Scenario, n) => format!("srs-scenario-{}", n + 1),
        },
    }
}

/// A practice form takes none of a scenario's keys.
fn practice_keys(block: &Block, lines: &Lines<'_>, errors: &mut Vec<Diagnostic>) {
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

/// A scenario's `vignette` and the client's `ratings` (one per item of `set`, 0-10, one
/// decimal).
fn scenario_keys(
    block: &Block,
    set: &ItemSet,
    lines: &Lines<'_>,
    errors: &mut Vec<Diagnostic>,
) -> (String, Vec<f64>) {
    let mut ratings: Vec<f64> = Vec::new();
    let mut vignette = String::new();
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
                            .with_hint(
                                "each item is a 10 cm line: 0.0 at the left end, 10.0 at the right",
                            ),
                    );
                } else if !is_one_decimal(v) {
                    errors.push(
                        lines
                            .error(
                                r.span().start,
                                format!("rating {v} has more than one decimal"),
                            )
                            .with_hint("marks are measured to the nearest millimetre, such as 9.2"),
                    );
                }
            }
            ratings = list.get_ref().iter().map(|r| *r.get_ref()).collect();
        }
    }
    (vignette, ratings)
}

/// Whether `id` can be an HTML id and a URL fragment without escaping.
fn is_id(id: &str) -> bool {
    id.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
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
            templates: crate::theme::builtin(),
            catalog: crate::i18n::Catalog::english(),
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
    fn right_to_left_forms_say_the_lines_run_from_the_right() {
        let ar = config("language = \"ar\"\n");
        for block in ["mode = \"practice\"\n", SCENARIO] {
            let h = render(block, &ctx(&ar, 5, 0)).unwrap().html;
            assert!(h.contains("class=\"srs-rtl-note\""), "{h}");
            assert!(
                h.contains("Right end, 0: ") && h.contains("Left end, 10: "),
                "{h}"
            );
            let en = render(block, &ctx(&config(""), 5, 0)).unwrap().html;
            assert!(!en.contains("srs-rtl-note"), "{en}");
            assert!(en.contains("Left end, 0: ") && en.contains("Right end, 10: "));
        }
        let scenario = render(SCENARIO, &ctx(&ar, 5, 0)).unwrap().html;
        assert!(scenario.contains("Measure each mark from the right end"));
        // the marks keep their value: srs.css mirrors the drawing
        assert!(scenario.contains("x1=\"92%\""));
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
