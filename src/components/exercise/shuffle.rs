//! The order choice options are shown in, and their identity.
//!
//! Options are shown shuffled unless the exercise or the question says `shuffle = false`;
//! the order is a fixed function of the exercise id, the question id and the number of
//! options, so the same build gives the same page (with or without JavaScript). Each option
//! carries an id derived from its text (`o` and eight hex digits), which is what the
//! learner's saved answer records: it does not depend on where the option is shown.

use super::{Question, permutation};
use crate::hash::Fnv;

/// Whether a question's options are shown shuffled: its own `shuffle`, else the exercise's.
/// True/false, short, ordering and reflection questions have no options to shuffle.
pub fn shuffles(q: &Question, exercise_shuffle: bool) -> bool {
    q.kind.kind().shuffles() && q.shuffle.unwrap_or(exercise_shuffle)
}

/// The authored indexes of the options in display order. A shuffle never leaves three or more
/// options in their authored order (that would show the author's order after all).
pub fn display_order(
    n: usize,
    shuffled: bool,
    exercise_id: &str,
    question_key: &str,
) -> Vec<usize> {
    if !shuffled {
        return (0..n).collect();
    }
    let mut order = permutation(n, seed(exercise_id, question_key, "options"));
    if n >= 3 && order.iter().enumerate().all(|(i, &j)| i == j) {
        order.rotate_left(1);
    }
    order
}

/// The shuffle seed of one question's options or items.
pub(crate) fn seed(exercise: &str, key: &str, what: &str) -> u64 {
    let mut h = Fnv::new();
    h.write_str(exercise);
    h.write_str(key);
    h.write_str(what);
    h.finish()
}

/// The ids of a question's options, in authored order: `o` and eight hex digits of the
/// option's text (white space collapsed), made unique within the question.
pub fn option_ids(options: &[String]) -> Vec<String> {
    let mut ids: Vec<String> = Vec::with_capacity(options.len());
    for text in options {
        let norm = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let mut h = Fnv::new();
        h.write_str(&norm);
        let mut id = format!("o{:08x}", h.finish() & 0xffff_ffff);
        let base = id.clone();
        let mut n = 2;
        while ids.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        ids.push(id);
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_question_gets_the_same_order() {
        let a = display_order(5, true, "ex", "q1");
        assert_eq!(a, display_order(5, true, "ex", "q1"));
        let mut sorted = a.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, [0, 1, 2, 3, 4]);
        assert_ne!(a, [0, 1, 2, 3, 4]);
        assert_eq!(display_order(4, false, "ex", "q1"), [0, 1, 2, 3]);
    }

    #[test]
    fn a_shuffle_never_keeps_the_authored_order() {
        for key in 0..200 {
            let order = display_order(3, true, "ex", &format!("q{key}"));
            assert_ne!(order, [0, 1, 2], "q{key}");
        }
    }

    #[test]
    fn option_ids_follow_the_text_not_the_position() {
        let a = option_ids(&["Bond".into(), "Goals".into()]);
        let b = option_ids(&["Goals".into(), "Bond  ".into()]);
        assert_eq!(a[0], b[1]);
        assert_eq!(a[1], b[0]);
        assert!(a[0].starts_with('o') && a[0].len() == 9);
    }
}
