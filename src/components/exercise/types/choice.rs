//! The choice questions: `single`, `multiple` and `scenario` (a vignette, then a single or
//! multiple choice): `options`, `answer` (option numbers from 1), per-option `feedback`.

use super::Kind;
use crate::components::exercise::keys;
use crate::components::exercise::parse::values::{nonempty_string, string_list};
use crate::components::exercise::parse::{Body, Fields, Source, Value};
use crate::components::exercise::shuffle::shuffles;
use crate::components::exercise::{Answer, Question, plain_text};
use crate::components::manifest::LintEntry;
use crate::error::Diagnostic;
use crate::html::inline_html;
use serde::Serialize;
use std::collections::HashSet;
use toml::de::DeValue;

/// Which of the choice types.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Variant {
    /// One correct option (radio buttons).
    Single,
    /// Several correct options (checkboxes).
    Multiple,
    /// A vignette, then a single or multiple choice.
    Scenario,
}

/// A choice question type.
pub(crate) struct Choice(Variant);

/// `single`.
pub(crate) const SINGLE: Choice = Choice(Variant::Single);
/// `multiple`.
pub(crate) const MULTIPLE: Choice = Choice(Variant::Multiple);
/// `scenario`.
pub(crate) const SCENARIO: Choice = Choice(Variant::Scenario);


/// The types this module defines (registered by `build.rs`).
pub(super) const TYPES: &[&dyn Kind] = &[&SINGLE, &MULTIPLE, &SCENARIO];

/// The keys of `single` and `multiple` questions.
const KEYS: &[&str] = &["options", "answer", "feedback", "shuffle"];
/// The keys of a `scenario`.
const SCENARIO_KEYS: &[&str] = &["vignette", "options", "answer", "feedback", "shuffle"];

/// What `components/question/choice.html` receives as `q.answer`.
#[derive(Serialize)]
struct AnswerData {
    /// The correct options' ids, space-separated (`data-answer`).
    ids: String,
    /// The correct options (HTML).
    html: Vec<String>,
}

impl Kind for Choice {
    fn name(&self) -> &'static str {
        match self.0 {
            Variant::Single => "single",
            Variant::Multiple => "multiple",
            Variant::Scenario => "scenario",
        }
    }

    fn describe(&self) -> &'static str {
        match self.0 {
            Variant::Single => "single-choice question",
            Variant::Multiple => "multiple-select question",
            Variant::Scenario => "scenario question",
        }
    }

    fn order(&self) -> u32 {
        match self.0 {
            Variant::Single => 10,
            Variant::Multiple => 20,
            Variant::Scenario => 60,
        }
    }

    fn aliases(&self) -> &'static [&'static str] {
        match self.0 {
            Variant::Single => &["choice", "radio", "mcq"],
            Variant::Multiple => &["multi", "checkbox", "checkboxes", "select"],
            Variant::Scenario => &[],
        }
    }

    fn template(&self) -> &'static str {
        "choice"
    }

    fn shuffles(&self) -> bool {
        true
    }

    fn keys(&self) -> &'static [&'static str] {
        match self.0 {
            Variant::Scenario => SCENARIO_KEYS,
            _ => KEYS,
        }
    }

    fn parse(&self, q: &Fields<'_, '_>, body: &mut Body, errors: &mut Vec<Diagnostic>) {
        parse(q, self, body, errors);
        body.shuffle = keys::shuffle(q, errors);
    }

    fn answer(&self, q: &Question, ids: &[String]) -> serde_json::Value {
        let list: &[usize] = match &q.answer {
            Answer::One(i) => std::slice::from_ref(i),
            Answer::Many(list) => list,
            _ => &[],
        };
        super::to_json(AnswerData {
            ids: list
                .iter()
                .map(|i| ids[*i].as_str())
                .collect::<Vec<_>>()
                .join(" "),
            html: list.iter().map(|i| inline_html(&q.options[*i])).collect(),
        })
    }

    fn lint(&self, q: &Question, exercise_shuffle: bool) -> Option<LintEntry> {
        let (answer, multi) = match &q.answer {
            Answer::One(i) => (vec![*i], false),
            Answer::Many(list) => (list.clone(), true),
            _ => return None,
        };
        Some(LintEntry {
            line: q.line,
            options: q.options.iter().map(|o| plain_text(o)).collect(),
            answer,
            multi,
            shuffled: shuffles(q, exercise_shuffle),
            truefalse: None,
        })
    }
}

/// Reads a choice question's `vignette` (scenario), `options`, `answer` and `feedback`.
fn parse(q: &Fields<'_, '_>, kind: &Choice, body: &mut Body, errors: &mut Vec<Diagnostic>) {
    let (src, line, describe) = (q.src, q.line, kind.describe());
    if kind.0 == Variant::Scenario {
        match q.get("vignette") {
            None => errors.push(
                Diagnostic::error(src.path, line, "the scenario has no `vignette`")
                    .with_hint("add `vignette = \"\"\"...\"\"\"`: the short situation (Markdown) the question is about"),
            ),
            Some((_, v)) => body.vignette = nonempty_string(src, "vignette", v, "the vignette", errors),
        }
    }
    body.options = match q.get("options") {
        None => {
            errors.push(
                Diagnostic::error(src.path, line, format!("the {describe} has no `options`"))
                    .with_hint("add `options = [\"...\", \"...\"]`, the choices in the order they are shown"),
            );
            Vec::new()
        }
        Some((k, v)) => string_list(src, "options", "option", k, v, 2, errors),
    };
    let multi_allowed = kind.0 != Variant::Single;
    match q.get("answer") {
        None => errors.push(no_answer(src, line, describe, multi_allowed)),
        Some((_, v)) => {
            if let Some(a) = choice_answer(src, v, body.options.len(), kind, errors) {
                body.answer = a;
            }
        }
    }
    if let Some((_, v)) = q.get("feedback") {
        body.feedback = feedback_list(src, v, body.options.len(), "options", errors);
    }
}

pub(crate) fn no_answer(src: &Source<'_>, line: usize, describe: &str, multi: bool) -> Diagnostic {
    let hint = if describe.starts_with("true/false") {
        "add `answer = true` or `answer = false`".to_string()
    } else if multi {
        "add `answer = N` (the number of the correct option, counting from 1), or `answer = [N, M]` for several".to_string()
    } else {
        "add `answer = N`, the number of the correct option (counting from 1)".to_string()
    };
    Diagnostic::error(
        src.path,
        line,
        format!("no correct answer: the {describe} has no `answer`"),
    )
    .with_hint(hint)
}

/// The `answer` of a choice question: a 1-based index or a list of them.
fn choice_answer(
    src: &Source<'_>,
    v: &Value<'_>,
    n_options: usize,
    kind: &Choice,
    errors: &mut Vec<Diagnostic>,
) -> Option<Answer> {
    let describe = kind.describe();
    let index =
        |item: &Value<'_>, errors: &mut Vec<Diagnostic>| option_index(src, item, n_options, errors);
    match v.get_ref() {
        DeValue::Array(items) => {
            if items.is_empty() {
                errors.push(
                    src.error(
                        &v.span(),
                        format!("no correct answer: `answer` of the {describe} is an empty list"),
                    )
                    .with_hint("list the numbers of the correct options, counting from 1"),
                );
                return None;
            }
            let mut list = Vec::new();
            let mut listed = HashSet::new();
            let mut ok = true;
            for item in items.iter() {
                match index(item, errors) {
                    Some(i) if !listed.insert(i) => {
                        ok = false;
                        errors.push(
                            src.error(&item.span(), format!("answer {} is listed twice", i + 1))
                                .with_hint("list each correct option once"),
                        );
                    }
                    Some(i) => list.push(i),
                    None => ok = false,
                }
            }
            if !ok {
                return None;
            }
            if kind.0 == Variant::Single {
                if list.len() > 1 {
                    errors.push(
                        src.error(&v.span(), format!("a single-choice question has several answers ({})", join_numbers(&list)))
                            .with_hint("give one answer (`answer = N`), or use `type = \"multiple\"` when several options are correct"),
                    );
                    return None;
                }
                return Some(Answer::One(list[0]));
            }
            list.sort_unstable();
            Some(Answer::Many(list))
        }
        _ => {
            let i = index(v, errors)?;
            Some(if kind.0 == Variant::Multiple {
                Answer::Many(vec![i])
            } else {
                Answer::One(i)
            })
        }
    }
}

fn join_numbers(list: &[usize]) -> String {
    list.iter()
        .map(|i| (i + 1).to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Per-choice feedback: a list of `n` strings (an entry may be empty: no feedback).
pub(crate) fn feedback_list(
    src: &Source<'_>,
    v: &Value<'_>,
    n: usize,
    what: &str,
    errors: &mut Vec<Diagnostic>,
) -> Vec<String> {
    let DeValue::Array(items) = v.get_ref() else {
        errors.push(
            src.error(
                &v.span(),
                format!(
                    "`feedback` must be a list of strings, not {}",
                    v.get_ref().type_str()
                ),
            )
            .with_hint(format!(
                "write one feedback text per option: `feedback = [\"...\", \"...\"]` for the {what}"
            )),
        );
        return Vec::new();
    };
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        match item.get_ref() {
            DeValue::String(s) => out.push(s.to_string()),
            other => errors.push(
                src.error(
                    &item.span(),
                    format!(
                        "feedback {} must be a string, not {}",
                        i + 1,
                        other.type_str()
                    ),
                )
                .with_hint("write every entry in quotes (use \"\" for no feedback)"),
            ),
        }
    }
    if n > 0 && items.len() != n {
        errors.push(
            src.error(
                &v.span(),
                format!(
                    "`feedback` has {} entries but there are {n} {what}",
                    items.len()
                ),
            )
            .with_hint(
                "give one feedback text per option, in the same order (use \"\" to leave one out)",
            ),
        );
    }
    if out.iter().all(|s| s.trim().is_empty()) {
        return Vec::new();
    }
    out
}

/// One option number of an `answer` (1-based in the file, 0-based returned); `None` when it is
/// not a number or out of range (reported).
fn option_index(
    src: &Source<'_>,
    item: &Value<'_>,
    n_options: usize,
    errors: &mut Vec<Diagnostic>,
) -> Option<usize> {
    match item.get_ref() {
        DeValue::Integer(i) => {
            let text = i.as_str().replace('_', "");
            // `None`: more digits than any number (reported as written, never as a stand-in).
            let n: Option<i64> = i64::from_str_radix(&text, i.radix()).ok();
            let below_one = n.map_or(text.starts_with('-'), |n| n < 1);
            if below_one || n.is_none_or(|n| n as usize > n_options) {
                let options = format!(
                    "the question has {n_options} option{}",
                    if n_options == 1 { "" } else { "s" }
                );
                let written = src
                    .text
                    .get(item.span())
                    .map_or(text.as_str(), str::trim);
                let why = match n {
                    Some(0) => "answer 0 is out of range: answers count from 1".to_string(),
                    _ if below_one => {
                        format!("answer {written} is out of range: answers count from 1")
                    }
                    Some(_) => format!("answer {written} is out of range: {options}"),
                    None => format!("answer {written} is too large: {options}"),
                };
                // With no valid options there is nothing to compare with: the options
                // error is reported instead.
                if n_options > 0 || below_one {
                    errors.push(
                        src.error(&item.span(), why)
                            .with_hint(range_hint(n_options)),
                    );
                }
                None
            } else {
                n.map(|n| n as usize - 1)
            }
        }
        DeValue::String(s) => {
            let hint = match s.trim().parse::<i64>() {
                Ok(n) => format!("write the number without quotes: `answer = {n}`"),
                Err(_) => "give the number of the correct option (counting from 1), not its text"
                    .to_string(),
            };
            errors.push(
                src.error(
                    &item.span(),
                    "the answer must be an option number, not a string",
                )
                .with_hint(hint),
            );
            None
        }
        other => {
            errors.push(
                src.error(
                    &item.span(),
                    format!(
                        "the answer must be an option number, not {}",
                        other.type_str()
                    ),
                )
                .with_hint(range_hint(n_options)),
            );
            None
        }
    }
}

/// The hint for an option number out of range.
fn range_hint(n: usize) -> String {
    if n == 0 {
        "answers count from 1 and refer to `options`".to_string()
    } else {
        format!("answers count from 1: use a number from 1 to {n}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;
    use toml::de::DeTable;

    /// `option_index` of the value of `answer = VALUE` (block line 1 is file line 10), with
    /// `n` options: the index, or the one error's line and message.
    fn index(value: &str, n: usize) -> Result<usize, (usize, String)> {
        let text = format!("answer = {value}\n");
        let table = DeTable::parse(&text).expect("valid TOML");
        let item = table.get_ref().get("answer").expect("an answer").clone();
        let src = Source {
            path: Path::new("a.md"),
            text: &text,
            first_line: 10,
        };
        let mut errors = Vec::new();
        match option_index(&src, &item, n, &mut errors) {
            Some(i) => Ok(i),
            None => {
                assert_eq!(errors.len(), 1, "{errors:?}");
                Err((errors[0].line, errors[0].message.clone()))
            }
        }
    }

    #[test]
    fn option_numbers_count_from_one() {
        assert_eq!(index("1", 3), Ok(0));
        assert_eq!(index("0x3", 3), Ok(2));
        let (line, message) = index("4", 3).unwrap_err();
        assert_eq!(line, 10);
        assert_eq!(message, "answer 4 is out of range: the question has 3 options");
        assert_eq!(
            index("0", 3).unwrap_err().1,
            "answer 0 is out of range: answers count from 1"
        );
    }

    #[test]
    fn a_number_too_large_for_any_option_is_reported_as_written() {
        let (line, message) = index("99999999999999999999", 2).unwrap_err();
        assert_eq!(line, 10);
        assert_eq!(
            message,
            "answer 99999999999999999999 is too large: the question has 2 options"
        );
        assert_eq!(
            index("-99_999_999_999_999_999_999", 2).unwrap_err().1,
            "answer -99_999_999_999_999_999_999 is out of range: answers count from 1"
        );
        assert!(!index("-5", 2).unwrap_err().1.contains("-1"));
    }
}
