//! Answer-key lints for `handbook check`: patterns that let a learner guess the answer
//! without reading. Each warning names the questions concerned and says how to fix it.
//!
//! Across the handbook (only once there are enough questions to tell a pattern):
//! - the correct option is the longest by a clear margin in more than half of the
//!   single-answer choice questions;
//! - among questions shown in authored order (`shuffle = false`), one position holds more
//!   than 40 % of the keys;
//! - more than 75 % of the true/false keys are the same;
//! - every multiple-select key includes the same position.
//!
//! Per question: fewer than three options; an absolute word ("always", "never", "all",
//! "none", "only", "every") in a wrong option when no correct option has one.
//!
//! The data comes from each question's `lint` entry in the exercise manifest
//! ([`lint_entry`]), so the lints see every exercise, whichever component emitted it.

use super::Question;
use crate::components::ExerciseEntry;
use crate::components::manifest::LintEntry;
use crate::error::Diagnostic;

/// The words that give a wrong option away when the right one has none.
pub const ABSOLUTE_WORDS: [&str; 6] = ["always", "never", "all", "none", "only", "every"];

/// Fewest single-answer choice questions before the longest-option lint applies.
pub const MIN_LONGEST: usize = 4;
/// Fewest authored-order questions before the position lint applies.
pub const MIN_POSITION: usize = 5;
/// Fewest true/false questions before the balance lint applies.
pub const MIN_TRUEFALSE: usize = 4;
/// Fewest multiple-select questions before the shared-position lint applies.
pub const MIN_MULTIPLE: usize = 3;

/// The lint data of a question for the manifest (`None` for questions without a key to lint).
pub fn lint_entry(q: &Question, exercise_shuffle: bool) -> Option<LintEntry> {
    q.kind.kind().lint(q, exercise_shuffle)
}

/// One question as the lints see it.
#[derive(Debug, Clone)]
struct Item {
    path: String,
    line: usize,
    label: String,
    options: Vec<String>,
    answer: Vec<usize>,
    multi: bool,
    shuffled: bool,
    truefalse: Option<bool>,
}

impl Item {
    fn at(&self) -> String {
        format!("{}:{}", self.path, self.line)
    }
}

/// Lints the answer keys of every exercise manifest entry.
pub fn lint_manifest<'a>(entries: impl IntoIterator<Item = &'a ExerciseEntry>) -> Vec<Diagnostic> {
    let items = collect(entries);
    let mut out = Vec::new();
    longest_option(&items, &mut out);
    authored_positions(&items, &mut out);
    truefalse_balance(&items, &mut out);
    multiple_positions(&items, &mut out);
    for item in &items {
        few_options(item, &mut out);
        absolute_words(item, &mut out);
    }
    out
}

fn collect<'a>(entries: impl IntoIterator<Item = &'a ExerciseEntry>) -> Vec<Item> {
    let mut items = Vec::new();
    for entry in entries {
        for q in &entry.questions {
            let Some(l) = &q.lint else { continue };
            items.push(Item {
                path: entry.source.clone(),
                line: l.line,
                label: format!("`{}` {}", entry.id, q.key),
                options: l.options.clone(),
                answer: l.answer.clone(),
                multi: l.multi,
                shuffled: l.shuffled,
                truefalse: l.truefalse,
            });
        }
    }
    items
}

/// "a.md:3, b.md:9 and 2 more" (the first eight).
fn list(items: &[&Item]) -> String {
    let shown: Vec<String> = items.iter().take(8).map(|i| i.at()).collect();
    let mut s = shown.join(", ");
    if items.len() > 8 {
        s.push_str(&format!(" and {} more", items.len() - 8));
    }
    s
}

fn warn(first: &Item, message: String, hint: &str) -> Diagnostic {
    Diagnostic::warning(&first.path, first.line, message).with_hint(hint)
}

/// Whether the one correct option is longer than every other by a clear margin: at least a
/// quarter longer and at least eight characters longer.
pub fn key_is_clearly_longest(options: &[String], key: usize) -> bool {
    let len = |s: &String| s.chars().count();
    let Some(k) = options.get(key).map(len) else {
        return false;
    };
    let other = options
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != key)
        .map(|(_, o)| len(o))
        .max()
        .unwrap_or(0);
    options.len() > 1 && k * 4 >= other * 5 && k >= other + 8
}

fn longest_option(items: &[Item], out: &mut Vec<Diagnostic>) {
    let single: Vec<&Item> = items
        .iter()
        .filter(|i| i.truefalse.is_none() && !i.multi && i.answer.len() == 1)
        .collect();
    let flagged: Vec<&Item> = single
        .iter()
        .copied()
        .filter(|i| key_is_clearly_longest(&i.options, i.answer[0]))
        .collect();
    if single.len() >= MIN_LONGEST && flagged.len() * 2 > single.len() {
        out.push(warn(
            flagged[0],
            format!(
                "the correct option is clearly the longest in {} of {} single-answer choice questions ({}): learners can pick the longest without reading",
                flagged.len(),
                single.len(),
                list(&flagged)
            ),
            "shorten the correct options or give the wrong ones the same detail, so that length says nothing",
        ));
    }
}

fn authored_positions(items: &[Item], out: &mut Vec<Diagnostic>) {
    let authored: Vec<&Item> = items
        .iter()
        .filter(|i| i.truefalse.is_none() && !i.multi && !i.shuffled && i.answer.len() == 1)
        .collect();
    if authored.len() < MIN_POSITION {
        return;
    }
    let max_pos = authored.iter().map(|i| i.answer[0]).max().unwrap_or(0);
    for pos in 0..=max_pos {
        let at: Vec<&Item> = authored
            .iter()
            .copied()
            .filter(|i| i.answer[0] == pos)
            .collect();
        if at.len() * 5 > authored.len() * 2 {
            out.push(warn(
                at[0],
                format!(
                    "option {} is the correct answer in {} of {} questions shown in authored order ({})",
                    pos + 1,
                    at.len(),
                    authored.len(),
                    list(&at)
                ),
                "move the correct option to different positions, or let the questions shuffle (remove `shuffle = false` where the order does not matter)",
            ));
        }
    }
}

fn truefalse_balance(items: &[Item], out: &mut Vec<Diagnostic>) {
    let tf: Vec<&Item> = items.iter().filter(|i| i.truefalse.is_some()).collect();
    if tf.len() < MIN_TRUEFALSE {
        return;
    }
    for value in [true, false] {
        let same: Vec<&Item> = tf
            .iter()
            .copied()
            .filter(|i| i.truefalse == Some(value))
            .collect();
        if same.len() * 4 > tf.len() * 3 {
            out.push(warn(
                same[0],
                format!(
                    "{} of {} true/false questions are {value} ({})",
                    same.len(),
                    tf.len(),
                    list(&same)
                ),
                "rewrite some statements so that the answer is the other way; a learner who always answers the same way should not pass",
            ));
        }
    }
}

fn multiple_positions(items: &[Item], out: &mut Vec<Diagnostic>) {
    let multi: Vec<&Item> = items.iter().filter(|i| i.multi).collect();
    if multi.len() < MIN_MULTIPLE {
        return;
    }
    let max_pos = multi
        .iter()
        .flat_map(|i| i.answer.iter().copied())
        .max()
        .unwrap_or(0);
    for pos in 0..=max_pos {
        if multi.iter().all(|i| i.answer.contains(&pos)) {
            out.push(warn(
                multi[0],
                format!(
                    "every multiple-select key includes option {} ({})",
                    pos + 1,
                    list(&multi)
                ),
                "vary which options are correct; in some questions make that option a wrong one",
            ));
        }
    }
}

fn few_options(item: &Item, out: &mut Vec<Diagnostic>) {
    if item.truefalse.is_none() && item.options.len() < 3 {
        out.push(warn(
            item,
            format!(
                "{} has only {} options: a guess is right half the time",
                item.label,
                item.options.len()
            ),
            "add plausible wrong options (common misunderstandings make good ones), or make it a true/false question",
        ));
    }
}

/// The first absolute word in `text`, matched as a whole word without case ("not at all",
/// as on a scale, is not one).
pub fn absolute_word(text: &str) -> Option<&'static str> {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().enumerate().find_map(|(i, w)| {
        if *w == "all" && i > 1 && words[i - 2] == "not" && words[i - 1] == "at" {
            return None;
        }
        ABSOLUTE_WORDS.iter().copied().find(|a| a == w)
    })
}

fn absolute_words(item: &Item, out: &mut Vec<Diagnostic>) {
    if item.truefalse.is_some() || item.answer.is_empty() {
        return;
    }
    if item.answer.iter().any(|&k| {
        item.options
            .get(k)
            .is_some_and(|o| absolute_word(o).is_some())
    }) {
        return;
    }
    for (i, o) in item.options.iter().enumerate() {
        if item.answer.contains(&i) {
            continue;
        }
        if let Some(word) = absolute_word(o) {
            out.push(warn(
                item,
                format!(
                    "{}: wrong option {} says \"{word}\" and no correct option does, which gives it away",
                    item.label,
                    i + 1
                ),
                "reword the option without the absolute word, or give a correct option a similar qualifier",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn longest_needs_a_clear_margin() {
        let opts = s(&["short", "a bit longer", "much, much longer than the others"]);
        assert!(key_is_clearly_longest(&opts, 2));
        assert!(!key_is_clearly_longest(&opts, 1));
        let close = s(&["twelve chars", "thirteen char"]);
        assert!(!key_is_clearly_longest(&close, 1));
    }

    #[test]
    fn absolute_words_are_whole_words() {
        assert_eq!(absolute_word("It is Always so"), Some("always"));
        assert_eq!(absolute_word("overall fine"), None);
        assert_eq!(absolute_word("everyone knows"), None);
        assert_eq!(absolute_word("not only that"), Some("only"));
        assert_eq!(absolute_word("Not at all"), None);
        assert_eq!(absolute_word("At all times"), Some("all"));
    }
}
