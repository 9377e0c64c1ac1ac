//! Parsing and validation of exercise blocks and single questions, with the Markdown file's
//! own line numbers on every error (from the TOML parser's byte spans). The keys every
//! question has are read here; each question type's own keys by its module in
//! `exercise/types/` ([`super::types::Kind::parse`]); typed values and their errors in
//! `values`.

pub(super) mod values;

use crate::error::plain::edit_distance;
pub(super) use values::{boolean, string};
use values::{id_problem, nonempty_string, toml_error, unknown_key};

use super::answers::NumberAnswer;
use super::keys;
use super::{Answer, Exercise, Question, QuestionType, derived_id};
use crate::components::BlockCtx;
use crate::error::{Diagnostic, line_col};
use std::borrow::Cow;
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
    /// The file line of byte `offset` of the text. While [`parse_exercise`] runs, a line index
    /// of its text makes this a binary search (an exercise with 100,000 questions asks once per
    /// question); otherwise the lines before `offset` are counted.
    pub fn line(&self, offset: usize) -> usize {
        let key = (self.text.as_ptr() as usize, self.text.len());
        let indexed = LINE_STARTS.with_borrow(|cache| match cache {
            Some((k, starts)) if *k == key => Some(starts.partition_point(|&s| s <= offset)),
            _ => None,
        });
        self.first_line + indexed.unwrap_or_else(|| line_col(self.text, offset).0) - 1
    }

    /// An error at the line where `span` starts.
    pub fn error(&self, span: &Range<usize>, message: impl Into<String>) -> Diagnostic {
        Diagnostic::error(self.path, self.line(span.start), message)
    }
}

/// (text address, text length) and the byte offsets where its lines start.
type IndexedLines = Option<((usize, usize), Vec<usize>)>;

thread_local! {
    /// The line starts of the text [`parse_exercise`] is parsing on this thread, keyed by the
    /// text's address and length; set only for the duration of that call (so the text cannot
    /// have been freed and its address reused).
    static LINE_STARTS: std::cell::RefCell<IndexedLines> = const { std::cell::RefCell::new(None) };
}

/// Holds the line index of one text while it is parsed; removes it when dropped.
struct LineIndexScope;

impl LineIndexScope {
    fn enter(text: &str) -> LineIndexScope {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        let key = (text.as_ptr() as usize, text.len());
        LINE_STARTS.set(Some((key, starts)));
        LineIndexScope
    }
}

impl Drop for LineIndexScope {
    fn drop(&mut self) {
        LINE_STARTS.set(None);
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

/// The keys of question type `t` beyond [`COMMON_KEYS`] (its module lists them).
fn type_keys(t: QuestionType) -> &'static [&'static str] {
    t.kind().keys()
}

/// The names of every type, for messages ("single, multiple, ...").
fn type_list() -> String {
    QuestionType::all()
        .iter()
        .map(|t| t.name())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The exercise table's own keys, as read.
struct ExerciseKeys<'t, 'i> {
    id: Option<(String, usize)>,
    title: Option<String>,
    show_answer: bool,
    shuffle: bool,
    questions: Option<(&'t Value<'i>, Range<usize>)>,
}

/// Parses and validates the body of an `exercise` block.
pub fn parse_exercise(body: &str, ctx: &BlockCtx<'_>) -> Result<Exercise, Vec<Diagnostic>> {
    let src = Source {
        path: ctx.display_path,
        text: body,
        first_line: ctx.line,
    };
    let _lines = LineIndexScope::enter(body);
    let doc = DeTable::parse(body).map_err(|e| vec![toml_error(&src, &e)])?;
    let mut errors = Vec::new();
    let keys = exercise_keys(&src, doc.get_ref(), &mut errors);
    let mut questions = questions_of(&src, ctx, doc.get_ref(), keys.questions, &mut errors);
    number_questions(&src, &mut questions, &mut errors);
    if !errors.is_empty() {
        return Err(errors);
    }
    let (id, explicit_id, line) = match keys.id {
        Some((id, line)) => (id, true, line),
        None => (derived_id(ctx.page_out_path, ctx.ordinal), false, ctx.line),
    };
    keys::set_language(&mut questions, ctx.catalog);
    Ok(Exercise {
        id,
        explicit_id,
        title: keys.title,
        show_answer: keys.show_answer,
        shuffle: keys.shuffle,
        questions,
        line,
    })
}

/// Reads the exercise table's keys (`id`, `title`, `show_answer`, `shuffle`, `question`).
fn exercise_keys<'t, 'i>(
    src: &Source<'_>,
    doc: &'t DeTable<'i>,
    errors: &mut Vec<Diagnostic>,
) -> ExerciseKeys<'t, 'i> {
    let mut keys = ExerciseKeys {
        id: None,
        title: None,
        show_answer: true,
        shuffle: true,
        questions: None,
    };
    for (key, value) in doc.iter() {
        let name: &str = key.get_ref();
        match name {
            "id" => {
                if let Some(s) = string(src, name, value, errors) {
                    if let Some(problem) = id_problem(&s) {
                        errors.push(
                            src.error(&value.span(), format!("invalid exercise id `{s}`: {problem}"))
                                .with_hint("use letters, digits, `-`, `_` and `.`, e.g. `id = \"alliance-basics\"`"),
                        );
                    } else {
                        keys.id = Some((s, src.line(key.span().start)));
                    }
                }
            }
            "title" => {
                keys.title = nonempty_string(src, name, value, "the exercise's title", errors)
            }
            "show_answer" => {
                keys.show_answer = boolean(src, name, value, errors).unwrap_or(keys.show_answer)
            }
            "shuffle" => keys.shuffle = boolean(src, name, value, errors).unwrap_or(keys.shuffle),
            "question" => keys.questions = Some((value, key.span())),
            other => errors.push(unknown_key(
                src,
                &key.span(),
                other,
                &EXERCISE_KEYS,
                "an exercise",
                None,
            )),
        }
    }
    keys
}

/// Parses the `[[question]]` tables.
fn questions_of(
    src: &Source<'_>,
    ctx: &BlockCtx<'_>,
    doc: &DeTable<'_>,
    questions_value: Option<(&Value<'_>, Range<usize>)>,
    errors: &mut Vec<Diagnostic>,
) -> Vec<Question> {
    let mut questions = Vec::new();
    // A misspelt `[[questions]]` is reported as an unknown key already.
    let misspelt = doc.iter().any(|(k, _)| {
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
                    match parse_question(item, src) {
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
    questions
}

/// Question keys: explicit ids must be unique; the rest are numbered by position.
fn number_questions(src: &Source<'_>, questions: &mut [Question], errors: &mut Vec<Diagnostic>) {
    let mut seen: HashSet<String> = HashSet::new();
    for q in questions.iter().filter(|q| q.explicit_key) {
        if !seen.insert(q.key.clone()) {
            errors.push(
                Diagnostic::error(
                    src.path,
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
}

/// Parses and validates one question table (an entry of `[[question]]`). The returned
/// question's `key` is its `id` when given, else empty (the caller numbers it).
pub fn parse_question(
    value: &Spanned<DeValue<'_>>,
    src: &Source<'_>,
) -> Result<Question, Vec<Diagnostic>> {
    parse_question_with(value, src, &ParseOptions::default())
}

/// One question table being read: its keys, where it is, and the errors so far.
pub(super) struct Fields<'t, 'i> {
    /// Where the text came from.
    pub src: &'t Source<'t>,
    /// The question's table.
    pub table: &'t DeTable<'i>,
    /// The question's line.
    pub line: usize,
}

impl<'t, 'i> Fields<'t, 'i> {
    /// The key `name` and its value, if the table has it.
    pub fn get(&self, name: &str) -> Option<(&'t Spanned<Cow<'i, str>>, &'t Value<'i>)> {
        self.table.iter().find(|(k, _)| {
            let k: &str = k.get_ref();
            k == name
        })
    }

    /// The optional text under `name` (an error when it is empty or not a string).
    pub fn optional_text(
        &self,
        name: &str,
        what: &str,
        errors: &mut Vec<Diagnostic>,
    ) -> Option<String> {
        self.get(name)
            .and_then(|(_, v)| nonempty_string(self.src, name, v, what, errors))
    }
}

/// What the type-specific keys of a question hold (each type's module fills its part).
pub(super) struct Body {
    /// A scenario's vignette.
    pub vignette: Option<String>,
    /// A choice question's options.
    pub options: Vec<String>,
    /// Per-option (or per-choice) feedback.
    pub feedback: Vec<String>,
    /// A reflection's model answer.
    pub model_answer: Option<String>,
    /// The key.
    pub answer: Answer,
    /// A choice question's own `shuffle`.
    pub shuffle: Option<bool>,
    /// A short answer's expected number.
    pub number: Option<NumberAnswer>,
    /// Whether a short answer forgives a typo.
    pub typos: bool,
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
    let q = Fields { src, table, line };
    let mut errors = Vec::new();
    let kind = question_type(&q, opts, &mut errors);
    if let Some(kind) = kind {
        unknown_keys(&q, kind, opts, &mut errors);
    }
    let (key, explicit_key) = question_id(&q, &mut errors);
    let prompt = match q.get("prompt") {
        None => {
            errors.push(
                Diagnostic::error(src.path, line, "the question has no `prompt`")
                    .with_hint("add `prompt = \"...\"`: the question the learner answers"),
            );
            None
        }
        Some((_, v)) => nonempty_string(src, "prompt", v, "the question", &mut errors),
    };
    let explanation = q.optional_text("explanation", "the explanation", &mut errors);
    let hint = q.optional_text("hint", "the hint", &mut errors);
    let mut body = Body {
        vignette: None,
        options: Vec::new(),
        feedback: Vec::new(),
        model_answer: None,
        answer: Answer::Free,
        shuffle: None,
        number: None,
        typos: true,
    };
    if let Some(kind) = kind {
        kind.kind().parse(&q, &mut body, &mut errors);
    }
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
        vignette: body.vignette,
        options: body.options,
        feedback: body.feedback,
        answer: body.answer,
        explanation,
        hint,
        model_answer: body.model_answer,
        line,
        shuffle: body.shuffle,
        number: body.number,
        typos: body.typos,
    })
}

/// The question's `type`, when it is valid and allowed here.
fn question_type(
    q: &Fields<'_, '_>,
    opts: &ParseOptions<'_>,
    errors: &mut Vec<Diagnostic>,
) -> Option<QuestionType> {
    let src = q.src;
    let allowed_types: Vec<QuestionType> = opts
        .types
        .map(<[QuestionType]>::to_vec)
        .unwrap_or_else(|| QuestionType::all().to_vec());
    let allowed_list = allowed_types
        .iter()
        .map(|t| t.name())
        .collect::<Vec<_>>()
        .join(", ");
    match q.get("type") {
        // A misspelt `type` (`tpye`): say so, not "no type".
        None if let Some((k, _)) = q
            .table
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
                Diagnostic::error(src.path, q.line, "the question has no `type`")
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
                    errors.push(unknown_type(src, v, name));
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
                        "write it in quotes, e.g. `type = \"single\"` (one of: {})",
                        type_list()
                    )),
                );
                None
            }
        },
    }
}

/// The error for `type = "name"` naming no type, with the type meant when it is a common
/// other name for one.
fn unknown_type(src: &Source<'_>, v: &Value<'_>, name: &str) -> Diagnostic {
    let lower = name.trim().to_lowercase();
    let alias = QuestionType::all()
        .iter()
        .find(|t| t.kind().aliases().contains(&lower.as_str()));
    let hint = match alias {
        Some(a) => format!(
            "did you mean `type = \"{}\"`? The types are: {}",
            a.name(),
            type_list()
        ),
        None => format!("use one of: {}", type_list()),
    };
    src.error(&v.span(), format!("unknown question type `{name}`"))
        .with_hint(hint)
}

/// Unknown keys (only once the type is known, so the message can be precise).
fn unknown_keys(
    q: &Fields<'_, '_>,
    kind: QuestionType,
    opts: &ParseOptions<'_>,
    errors: &mut Vec<Diagnostic>,
) {
    for (k, _) in q.table.iter() {
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
            q.src,
            &k.span(),
            name,
            &allowed,
            kind.describe(),
            Some(kind),
        ));
    }
}

/// The question's `id` (its key) and whether it was given.
fn question_id(q: &Fields<'_, '_>, errors: &mut Vec<Diagnostic>) -> (String, bool) {
    if let Some((_, v)) = q.get("id")
        && let Some(s) = string(q.src, "id", v, errors)
    {
        if let Some(problem) = id_problem(&s) {
            errors.push(
                q.src
                    .error(&v.span(), format!("invalid question id `{s}`: {problem}"))
                    .with_hint("use letters, digits, `-`, `_` and `.`"),
            );
        } else {
            return (s, true);
        }
    }
    (String::new(), false)
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
