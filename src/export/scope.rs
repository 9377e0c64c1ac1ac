//! What a SCORM package counts: the whole handbook, or one learning path (`--path`), and the
//! questions the runtime reports (read from the rendered pages' markup).
//!
//! With `--path`, the package still holds the whole site (every link keeps working, search
//! finds everything), opens at the path's first assignment, and only the path's assignments,
//! the pages they ask to read and their exercises count toward the score and completion.

use crate::assignments::Plan;
use crate::config::derive_id;
use crate::content::Handbook;
use serde::Serialize;
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;

/// What a package counts toward completion and score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scope {
    /// The course title the LMS shows.
    pub title: String,
    /// The page the launch page opens, relative to the site root.
    pub start: String,
    /// Pages that must be read (the `pages` rule), in order.
    pub pages: Vec<String>,
    /// Exercise ids that count; `None`: every exercise of the handbook.
    pub exercises: Option<Vec<String>>,
    /// Assignment ids that count; `None`: every assignment of the handbook.
    pub assignments: Option<Vec<String>>,
    /// The learning path's id (`--path`), or empty for the whole handbook.
    pub path: String,
}

/// The id `--path` takes for each learning path: the slug of its title.
pub fn path_ids(plan: &Plan) -> Vec<String> {
    plan.paths.iter().map(|p| derive_id(&p.title)).collect()
}

/// The scope for the whole handbook, or for the learning path `path` (its id, or its number
/// counted from 1). `Err` lists the ids there are.
pub fn select(handbook: &Handbook, plan: &Plan, path: Option<&str>) -> Result<Scope, String> {
    let Some(wanted) = path else {
        return Ok(Scope {
            title: handbook.config.title.clone(),
            start: "index.html".into(),
            pages: handbook.pages.iter().map(|p| p.out_path.clone()).collect(),
            exercises: None,
            assignments: None,
            path: String::new(),
        });
    };
    let ids = path_ids(plan);
    let index = ids.iter().position(|id| id == wanted).or_else(|| {
        wanted
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=ids.len()).contains(n))
            .map(|n| n - 1)
    });
    let Some(index) = index else {
        return Err(if ids.is_empty() {
            format!(
                "--path {wanted}: this handbook has no learning paths ([[learning_path]] in handbook.toml)"
            )
        } else {
            format!(
                "--path {wanted}: no such learning path; the handbook has {}",
                ids.iter()
                    .enumerate()
                    .map(|(i, id)| format!("`{id}` ({})", i + 1))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        });
    };
    let lp = &plan.paths[index];
    let mut pages = Vec::new();
    let mut exercises = Vec::new();
    let mut assignments = Vec::new();
    for step in &lp.assignments {
        assignments.push(step.id.clone());
        push_new(&mut pages, &step.id);
        if let Some(a) = plan.assignments.iter().find(|a| a.id == step.id) {
            for item in &a.items {
                match item.kind {
                    "read" => push_new(&mut pages, &item.page),
                    "exercise" if !item.exercise.is_empty() => {
                        push_new(&mut exercises, &item.exercise)
                    }
                    _ => {}
                }
            }
        }
    }
    Ok(Scope {
        title: format!("{}: {}", handbook.config.title, lp.title),
        start: lp
            .assignments
            .first()
            .map_or_else(|| "index.html".into(), |s| s.url.clone()),
        pages,
        exercises: Some(exercises),
        assignments: Some(assignments),
        path: ids[index].clone(),
    })
}

fn push_new(list: &mut Vec<String>, value: &str) {
    if !list.iter().any(|v| v == value) {
        list.push(value.to_string());
    }
}

/// What the runtime needs of every question on the site's pages, from the markup the exercise
/// engine writes (`src/components/exercise/html.rs`): `{ exercise: { question: { t: type,
/// o: [option ids in authored order], a: [answer ids], n: items to order } } }`.
pub fn questions(files: &BTreeMap<String, Vec<u8>>) -> Value {
    let mut out = Map::new();
    for (path, bytes) in files {
        if !path.ends_with(".html") || path == "print.html" {
            continue;
        }
        let Ok(html) = std::str::from_utf8(bytes) else {
            continue;
        };
        scan_page(html, &mut out);
    }
    Value::Object(out)
}

/// One question being read: its exercise, key, type, answer, options by authored number and
/// ordering items.
#[derive(Default)]
struct Pending {
    exercise: String,
    key: String,
    kind: String,
    answer: Vec<String>,
    options: BTreeMap<usize, String>,
    items: usize,
}

impl Pending {
    fn flush(&mut self, out: &mut Map<String, Value>) {
        if self.key.is_empty() {
            return;
        }
        let mut q = Map::new();
        q.insert("t".into(), json!(self.kind));
        if !self.options.is_empty() {
            q.insert("o".into(), json!(self.options.values().collect::<Vec<_>>()));
        }
        if !self.answer.is_empty() && self.kind != "short" {
            q.insert("a".into(), json!(self.answer));
        }
        if self.items > 0 {
            q.insert("n".into(), json!(self.items));
        }
        if let Value::Object(ex) = out
            .entry(self.exercise.clone())
            .or_insert_with(|| Value::Object(Map::new()))
        {
            ex.insert(std::mem::take(&mut self.key), Value::Object(q));
        }
        self.options.clear();
        self.answer.clear();
        self.items = 0;
    }
}

fn scan_page(html: &str, out: &mut Map<String, Value>) {
    let mut q = Pending::default();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('>') else {
            break;
        };
        let tag = &after[..close];
        rest = &after[close + 1..];
        if tag.starts_with('/') || tag.starts_with('!') {
            continue;
        }
        if let Some(id) = attr(tag, "data-exercise") {
            q.flush(out);
            q.exercise = id.to_string();
        } else if let Some(key) = attr(tag, "data-question") {
            q.flush(out);
            q.key = key.to_string();
            q.kind = attr(tag, "data-type").unwrap_or("").to_string();
            q.answer = attr(tag, "data-answer")
                .unwrap_or("")
                .split_whitespace()
                .map(str::to_string)
                .collect();
        } else if let (Some(option), Some(n)) = (attr(tag, "data-option"), attr(tag, "data-n")) {
            if let Ok(n) = n.parse::<usize>() {
                q.options.insert(n, option.to_string());
            }
        } else if attr(tag, "data-item").is_some() && !q.key.is_empty() {
            q.items += 1;
        }
    }
    q.flush(out);
}

/// The value of attribute `name="..."` in the text of one start tag (as the renderer writes
/// them: double quotes, no spaces around `=`).
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let needle = format!(" {name}=\"");
    let start = tag.find(&needle)? + needle.len();
    let len = tag[start..].find('"')?;
    Some(&tag[start..start + len])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn questions_are_read_from_the_markup() {
        let html = r#"<section class="exercise" data-exercise="ex1"><div class="question" data-question="q1" data-type="single" data-fp="1" data-mode="single" data-answer="ob">
<li class="question-option" data-option="ob" data-n="2"><li class="question-option" data-option="oa" data-n="1"></div>
<div data-question="q2" data-type="ordering"><ol data-ordering><li class="ordering-item" data-item="2"><li class="ordering-item" data-item="1"></ol></div>
<div data-question="q3" data-type="short" data-accept='["x"]'></div></section>
<section data-exercise="ex2"><div data-question="q1" data-type="truefalse" data-answer="true"></div></section>"#;
        let mut files = BTreeMap::new();
        files.insert("a.html".to_string(), html.as_bytes().to_vec());
        files.insert(
            "print.html".to_string(),
            b"<div data-exercise=\"zz\">".to_vec(),
        );
        let v = questions(&files);
        assert_eq!(
            v["ex1"]["q1"],
            json!({"t": "single", "o": ["oa", "ob"], "a": ["ob"]})
        );
        assert_eq!(v["ex1"]["q2"], json!({"t": "ordering", "n": 2}));
        assert_eq!(v["ex1"]["q3"], json!({"t": "short"}));
        assert_eq!(v["ex2"]["q1"], json!({"t": "truefalse", "a": ["true"]}));
        assert!(v.get("zz").is_none());
    }
}
