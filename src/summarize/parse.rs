//! Reading one progress file (`docs/progress-file.md`): JSON to a checked [`ProgressFile`], or
//! the reason the file cannot be used. Also the two comparisons `summarize` relies on: trainee
//! names ([`name_key`]) and export times ([`parse_time`]).

use serde_json::{Map, Value};

/// The `format` every progress file carries.
pub const FORMAT: &str = "handbook-progress";

/// The schemas this version reads.
pub const SCHEMAS: [u64; 3] = [1, 2, 3];

/// What `summarize` reads from a valid progress file.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgressFile {
    /// 1 (no assignments), 2 or 3 (the handbook named by its id; the practice log's entries).
    pub schema: u64,
    /// Which handbook: its id (schema 3), or its title (older files), trimmed. `summarize`
    /// files older files under the id of a newer file with the same title.
    pub handbook: String,
    /// The handbook's title, for people (schema 3 `title`, else `handbook`).
    pub title: String,
    /// Practice-form entries in the trainee's log: counted from `practice.entries` (a list in
    /// schema 3, a number in schema 2); `None` when the file does not say.
    pub practice_entries: Option<u64>,
    /// The export time exactly as written in the file.
    pub exported: String,
    /// The export time as an instant, for deciding which of two files is newer.
    pub exported_at: Instant,
    /// The trainee's name with outer spaces trimmed and inner runs of spaces collapsed.
    pub learner: String,
    /// Self-check totals over the whole handbook.
    pub totals: Totals,
    /// One entry per assignment page, in reading order (empty for schema 1).
    pub assignments: Vec<Assignment>,
}

/// Self-check totals over the whole handbook.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Totals {
    /// Exercises in the handbook.
    pub exercises: u64,
    /// Exercises finished: every graded question answered correctly and every reflection
    /// written.
    pub complete: u64,
    /// Questions in the handbook.
    pub questions: u64,
    /// Questions with a right answer.
    pub graded: u64,
    /// Questions answered.
    pub answered: u64,
    /// Graded questions answered correctly.
    pub correct: u64,
}

/// One assignment as the trainee's file reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assignment {
    /// The assignment page (matches assignments across files).
    pub id: String,
    /// Its title.
    pub title: String,
    /// The learning path it belongs to, if any.
    pub path: Option<String>,
    /// Checklist items in it.
    pub items: u64,
    /// Items done.
    pub done: u64,
    /// Whether every item is done.
    pub complete: bool,
    /// Graded questions in its exercises.
    pub graded: u64,
    /// Of those, answered correctly.
    pub correct: u64,
}

/// Why a file cannot be summarized; `Display` gives the message after `skipped: `.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The bytes are not JSON.
    NotJson(String),
    /// JSON, but not a handbook progress file (`format` missing or different).
    NotProgress(String),
    /// A `schema` this version does not read.
    UnknownSchema(u64),
    /// No trainee name (missing or blank `learner`).
    NoName,
    /// A required field is missing or has the wrong type.
    Damaged(String),
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Problem::NotJson(e) => write!(f, "not JSON ({e})"),
            Problem::NotProgress(why) => write!(f, "not a handbook progress file ({why})"),
            Problem::UnknownSchema(n) => write!(
                f,
                "unknown schema {n} (this version of handbook reads schemas 1 to 3)"
            ),
            Problem::NoName => write!(
                f,
                "no trainee name; ask the trainee to type their name before exporting"
            ),
            Problem::Damaged(why) => write!(f, "damaged progress file: {why}"),
        }
    }
}

impl Problem {
    /// What the supervisor can do about it.
    pub fn hint(&self) -> &'static str {
        match self {
            Problem::NotJson(_) | Problem::NotProgress(_) => {
                "pass the .json files trainees export from the handbook's \"My progress\" or assignment pages"
            }
            Problem::UnknownSchema(_) => {
                "the file was made by a newer handbook; update the handbook program and run summarize again"
            }
            Problem::NoName => {
                "the file was skipped; the trainee can export again once the name is typed"
            }
            Problem::Damaged(_) => {
                "ask the trainee to export the file again (progress files should not be edited by hand)"
            }
        }
    }
}

/// Parses and checks one progress file's bytes.
pub fn parse(bytes: &[u8]) -> Result<ProgressFile, Problem> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let value: Value =
        serde_json::from_slice(bytes).map_err(|e| Problem::NotJson(e.to_string()))?;
    let Value::Object(obj) = value else {
        return Err(Problem::NotProgress(format!(
            "the JSON is {}, not an object",
            kind(&value)
        )));
    };
    match obj.get("format") {
        Some(Value::String(s)) if s == FORMAT => {}
        None => return Err(Problem::NotProgress("no `format` field".into())),
        Some(other) => {
            return Err(Problem::NotProgress(format!(
                "`format` is {}, not \"{FORMAT}\"",
                shown(other)
            )));
        }
    }
    let schema = match obj.get("schema") {
        None => return Err(Problem::Damaged("no `schema` field".into())),
        Some(v) => v.as_u64().ok_or_else(|| {
            Problem::Damaged(format!("`schema` should be 1, 2 or 3, not {}", shown(v)))
        })?,
    };
    if !SCHEMAS.contains(&schema) {
        return Err(Problem::UnknownSchema(schema));
    }
    let handbook = string(&obj, "handbook", "")?.trim().to_string();
    if handbook.is_empty() {
        return Err(Problem::Damaged(if schema >= 3 {
            "`handbook` (the id) is empty".into()
        } else {
            "`handbook` (the title) is empty".into()
        }));
    }
    let title = match obj.get("title") {
        Some(Value::String(t)) if schema >= 3 && !t.trim().is_empty() => collapse_spaces(t),
        None | Some(Value::String(_)) => handbook.clone(),
        Some(other) => {
            return Err(Problem::Damaged(format!(
                "`title` should be text, not {}",
                kind(other)
            )));
        }
    };
    let practice_entries = practice_entries(&obj, schema)?;
    let learner = match obj.get("learner") {
        None | Some(Value::Null) => return Err(Problem::NoName),
        Some(Value::String(s)) => collapse_spaces(s),
        Some(other) => {
            return Err(Problem::Damaged(format!(
                "`learner` should be text, not {}",
                kind(other)
            )));
        }
    };
    if learner.is_empty() {
        return Err(Problem::NoName);
    }
    let exported = string(&obj, "exported", "")?;
    let exported_at = parse_time(&exported).ok_or_else(|| {
        Problem::Damaged(format!(
            "`exported` is not an ISO 8601 date and time: {}",
            shown(&Value::String(exported.clone()))
        ))
    })?;
    let totals = totals(&obj)?;
    let assignments = if schema == 1 {
        Vec::new()
    } else {
        match obj.get("assignments") {
            Some(Value::Array(list)) => list
                .iter()
                .enumerate()
                .map(|(i, a)| assignment(i, a))
                .collect::<Result<_, _>>()?,
            None => return Err(Problem::Damaged("no `assignments` field".into())),
            Some(other) => {
                return Err(Problem::Damaged(format!(
                    "`assignments` should be a list, not {}",
                    kind(other)
                )));
            }
        }
    };
    check_totals(&totals)?;
    Ok(ProgressFile {
        schema,
        handbook,
        title,
        practice_entries,
        exported,
        exported_at,
        learner,
        totals,
        assignments,
    })
}

/// The self-check totals (checked by [`check_totals`] once the rest has been read).
fn totals(obj: &Map<String, Value>) -> Result<Totals, Problem> {
    let totals = match obj.get("totals") {
        Some(Value::Object(t)) => Totals {
            exercises: count(t, "exercises", "totals.")?,
            complete: count(t, "complete", "totals.")?,
            questions: count(t, "questions", "totals.")?,
            graded: count(t, "graded", "totals.")?,
            answered: count(t, "answered", "totals.")?,
            correct: count(t, "correct", "totals.")?,
        },
        None => return Err(Problem::Damaged("no `totals` field".into())),
        Some(other) => {
            return Err(Problem::Damaged(format!(
                "`totals` should be an object, not {}",
                kind(other)
            )));
        }
    };
    Ok(totals)
}

/// Each part of the totals is no more than its whole.
fn check_totals(totals: &Totals) -> Result<(), Problem> {
    for (part, whole, what) in [
        (totals.complete, totals.exercises, "totals.complete"),
        (totals.answered, totals.questions, "totals.answered"),
        (totals.correct, totals.graded, "totals.correct"),
    ] {
        if part > whole {
            return Err(Problem::Damaged(format!(
                "`{what}` ({part}) is more than its whole ({whole})"
            )));
        }
    }
    Ok(())
}

/// The number of practice-log entries: the length of `practice.entries` (schema 3, where each
/// entry must be an object) or its value (schema 2, a count).
fn practice_entries(obj: &Map<String, Value>, schema: u64) -> Result<Option<u64>, Problem> {
    let practice = match obj.get("practice") {
        None | Some(Value::Null) if schema < 3 => return Ok(None),
        Some(Value::Object(p)) => p,
        None | Some(Value::Null) => return Err(Problem::Damaged("no `practice` field".into())),
        Some(other) => {
            return Err(Problem::Damaged(format!(
                "`practice` should be an object, not {}",
                kind(other)
            )));
        }
    };
    match practice.get("entries") {
        Some(Value::Array(list)) if schema >= 3 => {
            if let Some(i) = list.iter().position(|e| !e.is_object()) {
                return Err(Problem::Damaged(format!(
                    "`practice.entries[{i}]` should be an object, not {}",
                    kind(&list[i])
                )));
            }
            Ok(Some(list.len() as u64))
        }
        Some(Value::Number(_)) if schema < 3 => count(practice, "entries", "practice.").map(Some),
        None if schema < 3 => Ok(None),
        None => Err(Problem::Damaged("no `practice.entries` field".into())),
        Some(other) => Err(Problem::Damaged(format!(
            "`practice.entries` should be {}, not {}",
            if schema >= 3 { "a list" } else { "a count" },
            kind(other)
        ))),
    }
}

fn assignment(i: usize, value: &Value) -> Result<Assignment, Problem> {
    let at = format!("assignments[{i}].");
    let Value::Object(a) = value else {
        return Err(Problem::Damaged(format!(
            "`assignments[{i}]` should be an object, not {}",
            kind(value)
        )));
    };
    let id = string(a, "id", &at)?;
    if id.trim().is_empty() {
        return Err(Problem::Damaged(format!("`{at}id` is empty")));
    }
    let path = match a.get("path") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(collapse_spaces(s)).filter(|s| !s.is_empty()),
        Some(other) => {
            return Err(Problem::Damaged(format!(
                "`{at}path` should be text, not {}",
                kind(other)
            )));
        }
    };
    let complete = match a.get("complete") {
        Some(Value::Bool(b)) => *b,
        None => return Err(Problem::Damaged(format!("no `{at}complete` field"))),
        Some(other) => {
            return Err(Problem::Damaged(format!(
                "`{at}complete` should be true or false, not {}",
                kind(other)
            )));
        }
    };
    let (items, done) = (count(a, "items", &at)?, count(a, "done", &at)?);
    let (graded, correct) = (count(a, "graded", &at)?, count(a, "correct", &at)?);
    if done > items {
        return Err(Problem::Damaged(format!(
            "`{at}done` ({done}) is more than `{at}items` ({items})"
        )));
    }
    if correct > graded {
        return Err(Problem::Damaged(format!(
            "`{at}correct` ({correct}) is more than `{at}graded` ({graded})"
        )));
    }
    Ok(Assignment {
        title: collapse_spaces(&string(a, "title", &at)?),
        id,
        path,
        items,
        done,
        complete,
        graded,
        correct,
    })
}

/// A required text field.
fn string(obj: &Map<String, Value>, key: &str, at: &str) -> Result<String, Problem> {
    match obj.get(key) {
        Some(Value::String(s)) => Ok(strip_controls(s)),
        None => Err(Problem::Damaged(format!("no `{at}{key}` field"))),
        Some(other) => Err(Problem::Damaged(format!(
            "`{at}{key}` should be text, not {}",
            kind(other)
        ))),
    }
}

/// A required whole number >= 0.
fn count(obj: &Map<String, Value>, key: &str, at: &str) -> Result<u64, Problem> {
    match obj.get(key) {
        Some(v) => v.as_u64().ok_or_else(|| {
            Problem::Damaged(format!(
                "`{at}{key}` should be a whole number, not {}",
                shown(v)
            ))
        }),
        None => Err(Problem::Damaged(format!("no `{at}{key}` field"))),
    }
}

/// A JSON value's kind, for messages.
fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// A scalar shown as in the file (shortened), anything else by its kind.
fn shown(v: &Value) -> String {
    match v {
        Value::Number(_) | Value::Bool(_) | Value::Null => v.to_string(),
        Value::String(s) => {
            let short: String = s.chars().take(40).collect();
            let more = if short.len() < s.len() { "..." } else { "" };
            format!("{}", Value::String(format!("{short}{more}")))
        }
        _ => kind(v).to_string(),
    }
}

/// Trims and collapses every run of white space (any Unicode white space) to one space, and
/// drops control characters (see [`strip_controls`]).
pub fn collapse_spaces(s: &str) -> String {
    strip_controls(s)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// `s` without control characters (C0, DEL, C1: a terminal escape sequence starts with one)
/// and without the invisible bidirectional overrides that reorder how text is shown; tabs and
/// line breaks become spaces. Text from trainees' files is cleaned so before it is printed or
/// written.
pub fn strip_controls(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            '\t' | '\n' | '\r' => Some(' '),
            '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => None,
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

/// The key trainees are matched by: the name trimmed, inner white space collapsed, lower-cased.
pub fn name_key(name: &str) -> String {
    collapse_spaces(name).to_lowercase()
}

/// A point in time: seconds since 1970-01-01T00:00:00Z and nanoseconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Instant {
    /// Whole seconds since the Unix epoch (UTC).
    pub secs: i64,
    /// Nanoseconds within the second.
    pub nanos: u32,
}

impl Instant {
    /// `YYYY-MM-DD HH:MM UTC`, for people.
    pub fn display_utc(&self) -> String {
        let (date, h, m, _) = self.parts();
        format!("{date} {h:02}:{m:02} UTC")
    }

    /// `YYYY-MM-DDTHH:MM:SSZ`, for machines (an HTML `datetime` attribute).
    pub fn iso_utc(&self) -> String {
        let (date, h, m, s) = self.parts();
        format!("{date}T{h:02}:{m:02}:{s:02}Z")
    }

    fn parts(&self) -> (String, i64, i64, i64) {
        let (y, m, d) = civil_from_days(self.secs.div_euclid(86_400));
        let rest = self.secs.rem_euclid(86_400);
        (
            format!("{y:04}-{m:02}-{d:02}"),
            rest / 3600,
            rest % 3600 / 60,
            rest % 60,
        )
    }
}

/// Parses an ISO 8601 date and time: `YYYY-MM-DDTHH:MM[:SS[.fraction]]` with `Z`, an offset
/// (`+02:00`, `+0200`) or nothing (taken as UTC); `T` may be a space. `None` when malformed.
pub fn parse_time(s: &str) -> Option<Instant> {
    let s = s.trim();
    let b = s.as_bytes();
    let num = |from: usize, len: usize| -> Option<i64> {
        let part = b.get(from..from + len)?;
        part.iter()
            .all(u8::is_ascii_digit)
            .then(|| part.iter().fold(0i64, |n, d| n * 10 + i64::from(d - b'0')))
    };
    let (year, month, day) = (num(0, 4)?, num(5, 2)?, num(8, 2)?);
    if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    if !matches!(b.get(10), Some(b'T' | b't' | b' ')) || b.get(13) != Some(&b':') {
        return None;
    }
    let (hour, minute) = (num(11, 2)?, num(14, 2)?);
    let mut i = 16;
    let mut second = 0;
    let mut nanos = 0u32;
    if b.get(i) == Some(&b':') {
        second = num(i + 1, 2)?;
        i += 3;
        if matches!(b.get(i), Some(b'.' | b',')) {
            i += 1;
            let start = i;
            while b.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            if i == start {
                return None;
            }
            let digits = &s[start..i.min(start + 9)];
            nanos = format!("{digits:0<9}").parse().ok()?;
        }
    }
    let offset = match &b[i..] {
        [] | [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), ..] => {
            let rest = &s[i + 1..];
            let (h, m) = match rest.len() {
                5 if rest.as_bytes()[2] == b':' => (num(i + 1, 2)?, num(i + 4, 2)?),
                4 => (num(i + 1, 2)?, num(i + 3, 2)?),
                2 => (num(i + 1, 2)?, 0),
                _ => return None,
            };
            if h > 23 || m > 59 {
                return None;
            }
            let o = h * 3600 + m * 60;
            if *sign == b'-' { -o } else { o }
        }
        _ => return None,
    };
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let month_days = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    if !(1..=12).contains(&month)
        || day < 1
        || day > month_days[(month - 1) as usize]
        || hour > 23
        || minute > 59
        || second > 60
    {
        return None;
    }
    let secs =
        days_from_civil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second - offset;
    Some(Instant { secs, nanos })
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day count since 1970-01-01 (inverse of [`days_from_civil`]).
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"{
      "format": "handbook-progress", "schema": 2, "handbook": " The Therapeutic Alliance ",
      "build": "3f2a", "exported": "2026-11-26T10:15:00.000Z", "learner": "  Sam   Rivera ",
      "totals": { "exercises": 24, "complete": 3, "questions": 57, "graded": 50,
                  "answered": 12, "correct": 9 },
      "assignments": [
        { "id": "assignments/week-1.html", "title": "Week 1", "path": "Onboarding",
          "due": "soon", "items": 6, "done": 4, "complete": false, "graded": 8, "correct": 6,
          "parts": [] },
        { "id": "assignments/extra.html", "title": "Extra", "path": null,
          "items": 1, "done": 1, "complete": true, "graded": 0, "correct": 0 }
      ],
      "progress": { "schema": 1 }
    }"#;

    fn with(change: impl FnOnce(&mut Map<String, Value>)) -> Vec<u8> {
        let mut v: Value = serde_json::from_str(GOOD).unwrap();
        change(v.as_object_mut().unwrap());
        serde_json::to_vec(&v).unwrap()
    }

    #[test]
    fn reads_a_schema_2_file() {
        let f = parse(GOOD.as_bytes()).unwrap();
        assert_eq!(f.schema, 2);
        assert_eq!(f.handbook, "The Therapeutic Alliance");
        assert_eq!(f.learner, "Sam Rivera");
        assert_eq!(f.exported, "2026-11-26T10:15:00.000Z");
        assert_eq!(f.totals.correct, 9);
        assert_eq!(f.assignments.len(), 2);
        assert_eq!(f.assignments[0].path.as_deref(), Some("Onboarding"));
        assert_eq!(f.assignments[0].done, 4);
        assert!(!f.assignments[0].complete);
        assert_eq!(f.assignments[1].path, None);
    }

    #[test]
    fn reads_a_schema_1_file_without_assignments() {
        let bytes = with(|o| {
            o.insert("schema".into(), 1.into());
            o.remove("assignments");
        });
        let f = parse(&bytes).unwrap();
        assert_eq!(f.schema, 1);
        assert!(f.assignments.is_empty());
    }

    #[test]
    fn rejects_impossible_counts() {
        let e = parse(&with(|o| {
            o["assignments"][0]["done"] = 99.into();
        }))
        .unwrap_err();
        assert!(
            e.to_string()
                .contains("`assignments[0].done` (99) is more than"),
            "{e}"
        );
        let e = parse(&with(|o| {
            o["totals"]["correct"] = 9999.into();
        }))
        .unwrap_err();
        assert!(
            e.to_string()
                .contains("`totals.correct` (9999) is more than"),
            "{e}"
        );
    }

    #[test]
    fn accepts_a_byte_order_mark() {
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend_from_slice(GOOD.as_bytes());
        assert!(parse(&bytes).is_ok());
    }

    #[test]
    fn rejects_what_is_not_a_progress_file() {
        assert!(matches!(parse(b"hello"), Err(Problem::NotJson(_))));
        assert!(matches!(parse(b"\xff\xfe"), Err(Problem::NotJson(_))));
        assert!(matches!(parse(b"[1, 2]"), Err(Problem::NotProgress(_))));
        let e = parse(&with(|o| {
            o.insert("format".into(), "something-else".into());
        }))
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "not a handbook progress file (`format` is \"something-else\", not \"handbook-progress\")"
        );
        assert!(matches!(
            parse(&with(|o| {
                o.remove("format");
            })),
            Err(Problem::NotProgress(_))
        ));
    }

    #[test]
    fn rejects_unknown_schemas() {
        let e = parse(&with(|o| {
            o.insert("schema".into(), 99.into());
        }))
        .unwrap_err();
        assert_eq!(e, Problem::UnknownSchema(99));
        let e = parse(&with(|o| {
            o.insert("schema".into(), "2".into());
        }))
        .unwrap_err();
        assert_eq!(
            e,
            Problem::Damaged("`schema` should be 1, 2 or 3, not \"2\"".into())
        );
    }

    #[test]
    fn a_missing_or_blank_name_is_no_name() {
        for learner in [
            None,
            Some(Value::Null),
            Some("".into()),
            Some(" \t ".into()),
        ] {
            let bytes = with(|o| match learner {
                Some(v) => {
                    o.insert("learner".into(), v);
                }
                None => {
                    o.remove("learner");
                }
            });
            assert_eq!(parse(&bytes).unwrap_err(), Problem::NoName);
        }
        assert_eq!(
            Problem::NoName.to_string(),
            "no trainee name; ask the trainee to type their name before exporting"
        );
    }

    #[test]
    fn wrong_types_and_missing_fields_are_damage() {
        type Change = Box<dyn Fn(&mut Map<String, Value>)>;
        let cases: Vec<(Change, &str)> = vec![
            (
                Box::new(|o| {
                    o.remove("handbook");
                }),
                "no `handbook` field",
            ),
            (
                Box::new(|o| {
                    o.insert("learner".into(), 5.into());
                }),
                "`learner` should be text, not a number",
            ),
            (
                Box::new(|o| {
                    o.insert("exported".into(), "yesterday".into());
                }),
                "`exported` is not an ISO 8601 date and time: \"yesterday\"",
            ),
            (
                Box::new(|o| {
                    o["totals"]["correct"] = "9".into();
                }),
                "`totals.correct` should be a whole number, not \"9\"",
            ),
            (
                Box::new(|o| {
                    o["totals"]["graded"] = (-1).into();
                }),
                "`totals.graded` should be a whole number, not -1",
            ),
            (
                Box::new(|o| {
                    o["assignments"][1]["complete"] = "yes".into();
                }),
                "`assignments[1].complete` should be true or false, not text",
            ),
            (
                Box::new(|o| {
                    o["assignments"][0].as_object_mut().unwrap().remove("id");
                }),
                "no `assignments[0].id` field",
            ),
            (
                Box::new(|o| {
                    o.remove("assignments");
                }),
                "no `assignments` field",
            ),
            (
                Box::new(|o| {
                    o.insert("totals".into(), Value::Array(vec![]));
                }),
                "`totals` should be an object, not a list",
            ),
        ];
        for (change, why) in cases {
            let e = parse(&with(change)).unwrap_err();
            assert_eq!(e, Problem::Damaged(why.into()));
        }
    }

    #[test]
    fn names_match_ignoring_case_and_spacing() {
        assert_eq!(name_key("  Sam   RIVERA\t"), name_key("sam rivera"));
        assert_eq!(name_key("Sam\u{a0}Rivera"), "sam rivera");
        assert_ne!(name_key("Sam Rivera"), name_key("SamRivera"));
        assert_eq!(collapse_spaces("  Sam \n Rivera "), "Sam Rivera");
    }

    #[test]
    fn times_parse_and_compare() {
        let t = |s| parse_time(s).unwrap_or_else(|| panic!("{s}"));
        assert_eq!(t("1970-01-01T00:00:00Z").secs, 0);
        assert_eq!(t("2026-11-26T10:15:00.000Z"), t("2026-11-26T10:15:00Z"));
        assert_eq!(t("2026-11-26T11:15:00+01:00"), t("2026-11-26T10:15Z"));
        assert_eq!(t("2026-11-26 05:15:00-0500"), t("2026-11-26T10:15:00"));
        assert!(t("2026-11-26T10:15:00.001Z") > t("2026-11-26T10:15:00Z"));
        assert!(t("2026-12-01T00:00:00Z") > t("2026-11-30T23:59:59.999Z"));
        assert_eq!(
            t("2024-02-29T12:00:00Z").display_utc(),
            "2024-02-29 12:00 UTC"
        );
        assert_eq!(
            t("2024-02-29T12:00:05.5Z").iso_utc(),
            "2024-02-29T12:00:05Z"
        );
        assert_eq!(
            t("2026-11-26T01:15:00+02:00").display_utc(),
            "2026-11-25 23:15 UTC"
        );
        for bad in [
            "",
            "2026-11-26",
            "2026-13-01T00:00Z",
            "2025-02-29T00:00Z",
            "2026-11-26T24:00Z",
            "2026-11-26T10:15:00.Z",
            "2026-11-26T10:15:00Zjunk",
            "26-11-2026T10:15Z",
        ] {
            assert_eq!(parse_time(bad), None, "{bad}");
        }
    }
}
