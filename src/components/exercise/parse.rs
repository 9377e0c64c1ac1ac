//! Parsing and validation of exercise blocks and single questions, with the Markdown file's
//! own line numbers on every error (from the TOML parser's byte spans).

use super::keys;
use super::{Answer, Exercise, Question, QuestionType, derived_id, normalize_answer};
use crate::components::BlockCtx;
use crate::error::{Diagnostic, line_col};
use std::collections::HashSet;
use std::ops::Range;
use std::path::Path;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

pub(super) type Value<'i> = Spanned<DeValue<'i>>;

/// Maps byte spans of a TOML text to lines of the Markdown file it came from.
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    /// The Markdown file, for diagnostics.
    pub path: &'a Path,
    /// The TOML text the spans refer to (the block body).
    pub text: &'a str,
    /// The file line of the text's first line (`BlockCtx::line`).
    pub first_line: usize,
}

impl Source<'_> {
    /// The file line of byte `offset` of the text.
    pub fn line(&self, offset: usize) -> usize {
        self.first_line + line_col(self.text, offset).0 - 1
    }

    /// An error at the line where `span` starts.
    pub fn error(&self, span: &Range<usize>, message: impl Into<String>) -> Diagnostic {
        Diagnostic::error(self.path, self.line(span.start), message)
    }
}

/// Options for [`parse_question_with`].
#[derive(Debug, Clone, Copy, Default)]
pub struct ParseOptions<'a> {
    /// The types the caller accepts (`None`: all).
    pub types: Option<&'a [QuestionType]>,
    /// Keys the caller handles itself; they are not reported as unknown.
    pub extra_keys: &'a [&'a str],
}

/// Keys every question may have.
const COMMON_KEYS: [&str; 5] = ["type", "id", "prompt", "explanation", "hint"];
/// Keys of the exercise table.
const EXERCISE_KEYS: [&str; 5] = ["id", "title", "show_answer", "shuffle", "question"];

fn type_keys(t: QuestionType) -> &'static [&'static str] {
    match t {
        QuestionType::Single | QuestionType::Multiple => {
            &["options", "answer", "feedback", "shuffle"]
        }
        QuestionType::Scenario => &["vignette", "options", "answer", "feedback", "shuffle"],
        QuestionType::TrueFalse => &["answer", "feedback"],
        QuestionType::Short => &["accept", "accept_number", "tolerance", "unit", "typos"],
        QuestionType::Ordering => &["items"],
        QuestionType::Reflection => &["model_answer"],
    }
}

const TYPE_LIST: &str = "single, multiple, truefalse, short, ordering, scenario, reflection";

/// Parses and validates the body of an `exercise` block.
pub fn parse_exercise(body: &str, ctx: &BlockCtx<'_>) -> Result<Exercise, Vec<Diagnostic>> {
    let src = Source {
        path: ctx.display_path,
        text: body,
        first_line: ctx.line,
    };
    let doc = DeTable::parse(body).map_err(|e| vec![toml_error(&src, &e)])?;
    let mut errors = Vec::new();
    let mut id: Option<(String, usize)> = None;
    let mut title = None;
    let mut show_answer = true;
    let mut shuffle = true;
    let mut questions_value: Option<(&Spanned<DeValue>, Range<usize>)> = None;
    for (key, value) in doc.get_ref().iter() {
        let name: &str = key.get_ref();
        match name {
            "id" => {
                if let Some(s) = string(&src, name, value, &mut errors) {
                    if let Some(problem) = id_problem(&s) {
                        errors.push(
                            src.error(&value.span(), format!("invalid exercise id `{s}`: {problem}"))
                                .with_hint("use letters, digits, `-`, `_` and `.`, e.g. `id = \"alliance-basics\"`"),
                        );
                    } else {
                        id = Some((s, src.line(key.span().start)));
                    }
                }
            }
            "title" => {
                title = nonempty_string(&src, name, value, "the exercise's title", &mut errors)
            }
            "show_answer" => {
                show_answer = boolean(&src, name, value, &mut errors).unwrap_or(show_answer)
            }
            "shuffle" => shuffle = boolean(&src, name, value, &mut errors).unwrap_or(shuffle),
            "question" => questions_value = Some((value, key.span())),
            other => errors.push(unknown_key(
                &src,
                &key.span(),
                other,
                &EXERCISE_KEYS,
                "an exercise",
                None,
            )),
        }
    }
    let mut questions = Vec::new();
    // A misspelt `[[questions]]` is reported as an unknown key already.
    let misspelt = doc.get_ref().iter().any(|(k, _)| {
        let k: &str = k.get_ref();
        k != "question" && edit_distance(k, "question") <= 2
    });
    match questions_value {
        None if misspelt => {}
        None => errors.push(
            Diagnostic::error(ctx.display_path, ctx.line, "the exercise has no questions")
                .with_hint("add at least one `[[question]]` table with a `type` and a `prompt`; see the README, section \"Self-check exercises\""),
        ),
        Some((value, key_span)) => match value.get_ref() {
            DeValue::Array(items) => {
                if items.is_empty() {
                    errors.push(
                        src.error(&key_span, "the exercise has no questions")
                            .with_hint("add at least one `[[question]]` table"),
                    );
                }
                for item in items.iter() {
                    match parse_question(item, &src) {
                        Ok(q) => questions.push(q),
                        Err(mut e) => errors.append(&mut e),
                    }
                }
            }
            DeValue::Table(_) => errors.push(
                src.error(&key_span, "`[question]` must be written `[[question]]`")
                    .with_hint("each question is an entry of the array of tables `[[question]]` (two brackets)"),
            ),
            _ => errors.push(
                src.error(&key_span, "`question` must be a list of `[[question]]` tables")
                    .with_hint("write each question as a `[[question]]` table"),
            ),
        },
    }
    // Question keys: explicit ids must be unique; the rest are numbered by position.
    let mut seen: HashSet<String> = HashSet::new();
    for q in questions.iter().filter(|q| q.explicit_key) {
        if !seen.insert(q.key.clone()) {
            errors.push(
                Diagnostic::error(
                    ctx.display_path,
                    q.line,
                    format!("duplicate question id `{}` in this exercise", q.key),
                )
                .with_hint("give each question of an exercise its own `id`, or leave `id` out"),
            );
        }
    }
    for (i, q) in questions.iter_mut().enumerate() {
        if !q.explicit_key {
            let mut n = i + 1;
            let mut key = format!("q{n}");
            while seen.contains(&key) {
                n += 100;
                key = format!("q{n}");
            }
            q.key = key;
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let (id, explicit_id, line) = match id {
        Some((id, line)) => (id, true, line),
        None => (derived_id(ctx.page_out_path, ctx.ordinal), false, ctx.line),
    };
    keys::set_decimal_comma(&mut questions, &ctx.config.language);
    Ok(Exercise {
        id,
        explicit_id,
        title,
        show_answer,
        shuffle,
        questions,
        line,
    })
}

/// Parses and validates one question table (an entry of `[[question]]`). The returned
/// question's `key` is its `id` when given, else empty (the caller numbers it).
pub fn parse_question(
    value: &Spanned<DeValue<'_>>,
    src: &Source<'_>,
) -> Result<Question, Vec<Diagnostic>> {
    parse_question_with(value, src, &ParseOptions::default())
}

/// [`parse_question`] with restrictions: only `opts.types`, and `opts.extra_keys` ignored.
pub fn parse_question_with(
    value: &Spanned<DeValue<'_>>,
    src: &Source<'_>,
    opts: &ParseOptions<'_>,
) -> Result<Question, Vec<Diagnostic>> {
    let span = value.span();
    let DeValue::Table(table) = value.get_ref() else {
        return Err(vec![
            src.error(&span, "a question must be a table")
                .with_hint("write the question as a `[[question]]` table with `type` and `prompt`"),
        ]);
    };
    // The line of the table: its first key when the span is empty or points at the header.
    let line = question_line(src, &span, table);
    let mut errors = Vec::new();
    let get = |name: &str| -> Option<(&Spanned<std::borrow::Cow<str>>, &Value)> {
        table.iter().find(|(k, _)| {
            let k: &str = k.get_ref();
            k == name
        })
    };
    let allowed_types: Vec<QuestionType> = opts
        .types
        .map(<[QuestionType]>::to_vec)
        .unwrap_or_else(|| QuestionType::ALL.to_vec());
    let allowed_list = allowed_types
        .iter()
        .map(|t| t.name())
        .collect::<Vec<_>>()
        .join(", ");
    // type
    let kind = match get("type") {
        // A misspelt `type` (`tpye`): say so, not "no type".
        None if let Some((k, _)) = table
            .iter()
            .find(|(k, _)| crate::error::plain::closest(k.get_ref(), ["type"]).is_some()) =>
        {
            let name: &str = k.get_ref();
            errors.push(
                src.error(&k.span(), format!("unknown key `{name}` in a question"))
                    .with_hint(format!(
                        "did you mean `type`? Write `type = \"single\"` (one of: {allowed_list})"
                    )),
            );
            None
        }
        None => {
            errors.push(
                Diagnostic::error(src.path, line, "the question has no `type`")
                    .with_hint(format!("add `type = \"single\"` (one of: {allowed_list})")),
            );
            None
        }
        Some((_, v)) => match v.get_ref().as_str() {
            Some(name) => match QuestionType::from_name(name.trim()) {
                Some(t) if allowed_types.contains(&t) => Some(t),
                Some(t) => {
                    errors.push(
                        src.error(&v.span(), format!("a {} is not allowed here", t.describe()))
                            .with_hint(format!("use one of: {allowed_list}")),
                    );
                    None
                }
                None => {
                    let alias = match name.trim().to_lowercase().as_str() {
                        "true_false" | "true-false" | "tf" | "boolean" | "bool" => {
                            Some("truefalse")
                        }
                        "choice" | "radio" | "mcq" => Some("single"),
                        "multi" | "checkbox" | "checkboxes" | "select" => Some("multiple"),
                        "text" | "short_answer" | "short-answer" => Some("short"),
                        "order" | "sequence" | "sort" => Some("ordering"),
                        "free" | "free_text" | "essay" => Some("reflection"),
                        _ => None,
                    };
                    let hint = match alias {
                        Some(a) => {
                            format!("did you mean `type = \"{a}\"`? The types are: {TYPE_LIST}")
                        }
                        None => format!("use one of: {TYPE_LIST}"),
                    };
                    errors.push(
                        src.error(&v.span(), format!("unknown question type `{name}`"))
                            .with_hint(hint),
                    );
                    None
                }
            },
            None => {
                errors.push(
                    src.error(
                        &v.span(),
                        format!("`type` must be a string, not {}", v.get_ref().type_str()),
                    )
                    .with_hint(format!(
                        "write it in quotes, e.g. `type = \"single\"` (one of: {TYPE_LIST})"
                    )),
                );
                None
            }
        },
    };
    // Unknown keys (only when the type is known, so the message can be precise).
    if let Some(kind) = kind {
        for (k, _) in table.iter() {
            let name: &str = k.get_ref();
            if COMMON_KEYS.contains(&name)
                || type_keys(kind).contains(&name)
                || opts.extra_keys.contains(&name)
            {
                continue;
            }
            let mut allowed: Vec<&str> = COMMON_KEYS.to_vec();
            allowed.extend_from_slice(type_keys(kind));
            allowed.extend_from_slice(opts.extra_keys);
            errors.push(unknown_key(
                src,
                &k.span(),
                name,
                &allowed,
                kind.describe(),
                Some(kind),
            ));
        }
    }
    // id
    let mut key = String::new();
    let mut explicit_key = false;
    if let Some((_, v)) = get("id")
        && let Some(s) = string(src, "id", v, &mut errors)
    {
        if let Some(problem) = id_problem(&s) {
            errors.push(
                src.error(&v.span(), format!("invalid question id `{s}`: {problem}"))
                    .with_hint("use letters, digits, `-`, `_` and `.`"),
            );
        } else {
            key = s;
            explicit_key = true;
        }
    }
    // prompt
    let prompt = match get("prompt") {
        None => {
            errors.push(
                Diagnostic::error(src.path, line, "the question has no `prompt`")
                    .with_hint("add `prompt = \"...\"`: the question the learner answers"),
            );
            None
        }
        Some((_, v)) => nonempty_string(src, "prompt", v, "the question", &mut errors),
    };
    let optional_text = |name: &str, what: &str, errors: &mut Vec<Diagnostic>| -> Option<String> {
        get(name).and_then(|(_, v)| nonempty_string(src, name, v, what, errors))
    };
    let explanation = optional_text("explanation", "the explanation", &mut errors);
    let hint = optional_text("hint", "the hint", &mut errors);

    let mut vignette = None;
    let mut options = Vec::new();
    let mut feedback = Vec::new();
    let mut model_answer = None;
    let mut answer = Answer::Free;
    if let Some(kind) = kind {
        let describe = kind.describe();
        match kind {
            QuestionType::Single | QuestionType::Multiple | QuestionType::Scenario => {
                if kind == QuestionType::Scenario {
                    match get("vignette") {
                        None => errors.push(
                            Diagnostic::error(src.path, line, "the scenario has no `vignette`")
                                .with_hint("add `vignette = \"\"\"...\"\"\"`: the short situation (Markdown) the question is about"),
                        ),
                        Some((_, v)) => vignette = nonempty_string(src, "vignette", v, "the vignette", &mut errors),
                    }
                }
                options = match get("options") {
                    None => {
                        errors.push(
                            Diagnostic::error(src.path, line, format!("the {describe} has no `options`"))
                                .with_hint("add `options = [\"...\", \"...\"]`, the choices in the order they are shown"),
                        );
                        Vec::new()
                    }
                    Some((k, v)) => string_list(src, "options", "option", k, v, 2, &mut errors),
                };
                let multi_allowed = kind != QuestionType::Single;
                match get("answer") {
                    None => errors.push(no_answer(src, line, describe, multi_allowed)),
                    Some((_, v)) => {
                        if let Some(a) =
                            choice_answer(src, v, options.len(), kind, &mut errors)
                        {
                            answer = a;
                        }
                    }
                }
                if let Some((_, v)) = get("feedback") {
                    feedback = feedback_list(src, v, options.len(), "options", &mut errors);
                }
            }
            QuestionType::TrueFalse => {
                match get("answer") {
                    None => errors.push(no_answer(src, line, describe, false)),
                    Some((_, v)) => match v.get_ref() {
                        DeValue::Boolean(b) => answer = Answer::Bool(*b),
                        DeValue::String(s) if matches!(s.trim().to_lowercase().as_str(), "true" | "false") => {
                            errors.push(
                                src.error(&v.span(), "the answer of a true/false question is a boolean, not a string")
                                    .with_hint(format!("write `answer = {}` without quotes", s.trim().to_lowercase())),
                            )
                        }
                        other => errors.push(
                            src.error(&v.span(), format!("the answer of a true/false question must be `true` or `false`, not {}", other.type_str()))
                                .with_hint("write `answer = true` or `answer = false`"),
                        ),
                    },
                }
                if let Some((_, v)) = get("feedback") {
                    feedback = feedback_list(src, v, 2, "choices (`True`, then `False`)", &mut errors);
                }
            }
            QuestionType::Short => match get("accept") {
                None if get("accept_number").is_some() => answer = Answer::Accept(Vec::new()),
                None => errors.push(
                    Diagnostic::error(src.path, line, "no correct answer: the short-answer question has no `accept`")
                        .with_hint("add `accept = [\"...\"]`, the answers to accept (compared without case, accents, extra spaces or trailing punctuation), or `accept_number = N` for a number"),
                ),
                Some((k, v)) => {
                    let list = if let DeValue::String(_) = v.get_ref() {
                        nonempty_string(src, "accept", v, "the accepted answer", &mut errors)
                            .map(|s| vec![s])
                            .unwrap_or_default()
                    } else {
                        string_list(src, "accept", "accepted answer", k, v, 1, &mut errors)
                    };
                    if let DeValue::Array(items) = v.get_ref() {
                        for (item, text) in items.iter().zip(&list) {
                            if !text.trim().is_empty() && normalize_answer(text).is_empty() {
                                errors.push(
                                    src.error(&item.span(), format!("the accepted answer `{text}` is only punctuation"))
                                        .with_hint("answers are compared without trailing punctuation, so this one can never match"),
                                );
                            }
                        }
                    }
                    if !list.is_empty() {
                        answer = Answer::Accept(list);
                    }
                }
            },
            QuestionType::Ordering => match get("items") {
                None => errors.push(
                    Diagnostic::error(src.path, line, "the ordering question has no `items`")
                        .with_hint("add `items = [\"first\", \"second\", ...]` in the correct order; they are shown shuffled"),
                ),
                Some((k, v)) => {
                    let items = string_list(src, "items", "item", k, v, 2, &mut errors);
                    if items.len() >= 2 {
                        answer = Answer::Order(items);
                    }
                }
            },
            QuestionType::Reflection => {
                model_answer = optional_text("model_answer", "the model answer", &mut errors);
            }
        }
    }
    let extra = keys::parse(table, src, kind, &mut errors);
    if !errors.is_empty() {
        drop_follow_ons(&mut errors);
        return Err(errors);
    }
    let (Some(kind), Some(prompt)) = (kind, prompt) else {
        return Err(vec![Diagnostic::error(src.path, line, "invalid question")]);
    };
    Ok(Question {
        key,
        explicit_key,
        kind,
        prompt,
        vignette,
        options,
        feedback,
        answer,
        explanation,
        hint,
        model_answer,
        line,
        shuffle: extra.shuffle,
        number: extra.number,
        typos: extra.typos,
    })
}

/// Drops "has no `prompt`" when a misspelt key already says "did you mean `prompt`?": one
/// mistake, one error.
fn drop_follow_ons(errors: &mut Vec<Diagnostic>) {
    let meant: Vec<String> = errors
        .iter()
        .filter_map(|d| {
            let hint = d.hint.as_deref()?;
            let rest = hint.strip_prefix("did you mean `")?;
            Some(format!("has no `{}`", &rest[..rest.find('`')?]))
        })
        .collect();
    errors.retain(|d| !meant.iter().any(|m| d.message.contains(m.as_str())));
}

/// The line a question table starts at: the `[[question]]` header when the span covers it,
/// else the first key.
fn question_line(src: &Source<'_>, span: &Range<usize>, table: &DeTable<'_>) -> usize {
    let first_key = table.iter().map(|(k, _)| k.span().start).min();
    if span.end > span.start {
        // The span of an array-of-tables entry starts at its header.
        let header = src.text.get(span.clone()).unwrap_or("");
        if header.trim_start().starts_with('[') || first_key.is_none() {
            return src.line(span.start);
        }
    }
    match first_key {
        Some(o) => src.line(o),
        None => src.line(span.start),
    }
}

fn toml_error(src: &Source<'_>, e: &toml::de::Error) -> Diagnostic {
    let offset = e.span().map_or(0, |s| s.start);
    // Curly quotes, an unquoted value, a quote never closed: in plain words.
    if let Some(p) = crate::error::plain::toml_problem(src.text, e.message(), offset) {
        return Diagnostic::error(
            src.path,
            src.line(p.offset),
            format!("exercise: {}", p.message),
        )
        .with_column(line_col(src.text, p.offset).1)
        .with_hint(p.hint);
    }
    let line = e.span().map_or(src.first_line, |s| src.line(s.start));
    let message = e.message().trim().trim_end_matches('.').to_string();
    Diagnostic::error(src.path, line, format!("exercise: invalid TOML: {message}")).with_hint(
        "the block is TOML: text in double quotes, lists in [brackets], \
         one `[[question]]` table per question; see the README, section \"Self-check exercises\"",
    )
}

/// Why `id` is not a valid id, if it is not.
fn id_problem(id: &str) -> Option<&'static str> {
    if id.is_empty() {
        return Some("it is empty");
    }
    if id.chars().any(char::is_whitespace) {
        return Some("it contains spaces");
    }
    if !id
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
    {
        return Some("only ASCII letters, digits, `-`, `_` and `.` are allowed");
    }
    if !id.chars().next().is_some_and(|c| c.is_ascii_alphanumeric()) {
        return Some("it must start with a letter or digit");
    }
    None
}

pub(super) fn string(
    src: &Source<'_>,
    name: &str,
    v: &Value<'_>,
    errors: &mut Vec<Diagnostic>,
) -> Option<String> {
    match v.get_ref() {
        DeValue::String(s) => Some(s.to_string()),
        other => {
            errors.push(
                src.error(
                    &v.span(),
                    format!("`{name}` must be a string, not {}", other.type_str()),
                )
                .with_hint(format!("write it in quotes: `{name} = \"...\"`")),
            );
            None
        }
    }
}

fn nonempty_string(
    src: &Source<'_>,
    name: &str,
    v: &Value<'_>,
    what: &str,
    errors: &mut Vec<Diagnostic>,
) -> Option<String> {
    let s = string(src, name, v, errors)?;
    if s.trim().is_empty() {
        errors.push(
            src.error(&v.span(), format!("empty `{name}`"))
                .with_hint(format!("write {what}, or remove the `{name}` line")),
        );
        return None;
    }
    Some(s)
}

pub(super) fn boolean(
    src: &Source<'_>,
    name: &str,
    v: &Value<'_>,
    errors: &mut Vec<Diagnostic>,
) -> Option<bool> {
    match v.get_ref() {
        DeValue::Boolean(b) => Some(*b),
        other => {
            let hint = match other {
                DeValue::String(s) if matches!(s.trim(), "true" | "false") => {
                    format!("write `{name} = {}` without quotes", s.trim())
                }
                _ => format!("write `{name} = true` or `{name} = false`"),
            };
            errors.push(
                src.error(
                    &v.span(),
                    format!(
                        "`{name}` must be `true` or `false`, not {}",
                        other.type_str()
                    ),
                )
                .with_hint(hint),
            );
            None
        }
    }
}

/// A list of non-empty, distinct strings with at least `min` entries.
fn string_list(
    src: &Source<'_>,
    name: &str,
    what: &str,
    key: &Spanned<std::borrow::Cow<'_, str>>,
    v: &Value<'_>,
    min: usize,
    errors: &mut Vec<Diagnostic>,
) -> Vec<String> {
    let DeValue::Array(items) = v.get_ref() else {
        errors.push(
            src.error(
                &v.span(),
                format!(
                    "`{name}` must be a list of strings, not {}",
                    v.get_ref().type_str()
                ),
            )
            .with_hint(format!("write `{name} = [\"...\", \"...\"]`")),
        );
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut ok = true;
    // Normalised text -> 1-based position of its first occurrence (a hash map, so 100k
    // options stay linear).
    let mut seen: std::collections::HashMap<String, usize> = Default::default();
    for (i, item) in items.iter().enumerate() {
        match item.get_ref() {
            DeValue::String(s) if s.trim().is_empty() => {
                ok = false;
                errors.push(
                    src.error(
                        &item.span(),
                        format!("{what} {} of `{name}` is empty", i + 1),
                    )
                    .with_hint(format!(
                        "write the {what}'s text, or remove it from the list"
                    )),
                );
            }
            DeValue::String(s) => {
                let norm = s.split_whitespace().collect::<Vec<_>>().join(" ");
                if let Some(first) = seen.get(&norm) {
                    ok = false;
                    errors.push(
                        src.error(
                            &item.span(),
                            format!("{what} {} of `{name}` repeats {what} {first}: `{s}`", i + 1),
                        )
                        .with_hint(format!("each {what} must be different")),
                    );
                }
                seen.entry(norm).or_insert(i + 1);
                out.push(s.to_string());
            }
            other => {
                ok = false;
                errors.push(
                    src.error(
                        &item.span(),
                        format!(
                            "{what} {} of `{name}` must be a string, not {}",
                            i + 1,
                            other.type_str()
                        ),
                    )
                    .with_hint("write every entry in quotes"),
                );
            }
        }
    }
    if ok && out.len() < min {
        let msg = if name == "items" {
            format!(
                "an ordering question needs at least two items, found {}",
                out.len()
            )
        } else if out.is_empty() {
            format!("`{name}` is empty")
        } else {
            format!("`{name}` needs at least {min} entries, found {}", out.len())
        };
        let hint = match name {
            "items" => "list at least two steps, in the correct order".to_string(),
            "options" => "give at least two options to choose from".to_string(),
            _ => format!("add at least {min} {what}"),
        };
        errors.push(src.error(&key.span(), msg).with_hint(hint));
    }
    if ok { out } else { Vec::new() }
}

fn no_answer(src: &Source<'_>, line: usize, describe: &str, multi: bool) -> Diagnostic {
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
    kind: QuestionType,
    errors: &mut Vec<Diagnostic>,
) -> Option<Answer> {
    let describe = kind.describe();
    let range_hint = |n: usize| {
        if n == 0 {
            "answers count from 1 and refer to `options`".to_string()
        } else {
            format!("answers count from 1: use a number from 1 to {n}")
        }
    };
    // Checks one index; `None` when out of range (reported).
    let index = |item: &Value<'_>, errors: &mut Vec<Diagnostic>| -> Option<usize> {
        match item.get_ref() {
            DeValue::Integer(i) => {
                let text = i.as_str().replace('_', "");
                let n: i64 = i64::from_str_radix(&text, i.radix()).unwrap_or(-1);
                if n < 1 || n as usize > n_options {
                    let why = if n == 0 {
                        "answer 0 is out of range: answers count from 1".to_string()
                    } else {
                        format!(
                            "answer {n} is out of range: the question has {n_options} option{}",
                            if n_options == 1 { "" } else { "s" }
                        )
                    };
                    // With no valid options there is nothing to compare with: the options
                    // error is reported instead.
                    if n_options > 0 || n < 1 {
                        errors.push(
                            src.error(&item.span(), why)
                                .with_hint(range_hint(n_options)),
                        );
                    }
                    None
                } else {
                    Some(n as usize - 1)
                }
            }
            DeValue::String(s) => {
                let hint = match s.trim().parse::<i64>() {
                    Ok(n) => format!("write the number without quotes: `answer = {n}`"),
                    Err(_) => {
                        "give the number of the correct option (counting from 1), not its text"
                            .to_string()
                    }
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
    };
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
            if kind == QuestionType::Single {
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
            Some(if kind == QuestionType::Multiple {
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
fn feedback_list(
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

fn unknown_key(
    src: &Source<'_>,
    span: &Range<usize>,
    name: &str,
    allowed: &[&str],
    describe: &str,
    kind: Option<QuestionType>,
) -> Diagnostic {
    // A key of another question type: say which.
    if kind.is_some() {
        let owners: Vec<&str> = QuestionType::ALL
            .iter()
            .filter(|t| type_keys(**t).contains(&name))
            .map(|t| t.name())
            .collect();
        if !owners.is_empty() {
            return src
                .error(span, format!("`{name}` does not apply to a {describe}"))
                .with_hint(format!(
                    "`{name}` belongs to {} questions; remove it, or change `type` (keys allowed here: {})",
                    owners.join(", "),
                    allowed.join(", ")
                ));
        }
    }
    let close = allowed
        .iter()
        .copied()
        .filter(|a| {
            edit_distance(a, name) <= 2
                || (name.len() > 3 && a.starts_with(name.trim_end_matches('s')))
        })
        .min_by_key(|a| edit_distance(a, name));
    let hint = match close {
        Some(c) => format!(
            "did you mean `{c}`? Keys allowed here: {}",
            allowed.join(", ")
        ),
        None => format!("keys allowed here: {}", allowed.join(", ")),
    };
    src.error(
        span,
        format!("unknown key `{name}` in {}", with_article(describe)),
    )
    .with_hint(hint)
}

fn with_article(describe: &str) -> String {
    if describe.starts_with("an ") {
        describe.to_string()
    } else {
        format!("a {describe}")
    }
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
        }
        prev = cur;
    }
    prev[b.len()]
}
