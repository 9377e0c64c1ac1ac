//! Grading typed answers, the reference for `exercise.js`: text normalisation (case, quotes,
//! spaces, trailing punctuation, diacritics), one tolerated typo in long words, and numeric
//! answers (`accept_number`, `tolerance`, `unit`) with a decimal comma where the handbook's
//! catalogue has one (`meta.decimal_separator`, `Catalog::decimal_comma`; the question's
//! `data-decimal` tells `exercise.js`), and the approximation and percent words of its
//! language ([`NumberWords`], from the same catalogue). `tests/vectors/text.json` holds cases
//! both implementations must agree on (`tests/vectors.rs` runs them here and, through
//! `tests/browser/vectors.test.js`, in `exercise.js`).

use unicode_normalization::UnicodeNormalization;

/// A numeric short answer: `accept_number`, `tolerance` and `unit`.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberAnswer {
    /// The expected value.
    pub value: f64,
    /// Anything within `value ± tolerance` is accepted (0: exactly the value).
    pub tolerance: f64,
    /// An optional unit the learner may write after the number (`%`, `points`).
    pub unit: Option<String>,
    /// Whether the handbook's catalogue writes a decimal comma (`7,5`): `Catalog::decimal_comma`.
    pub decimal_comma: bool,
    /// The words a learner may write around the number, in the handbook's language and English.
    pub words: NumberWords,
}

/// The words a learner may write around a typed number: before it (`about 8`, `unos 8`) and,
/// when the unit is `%`, after it (`8 percent`, `8 Prozent`). They come from the catalogue
/// (`exercise.approx_words`, `exercise.percent_words`: the language's words, then English's),
/// folded as answers are, longest first. `exercise.js` reads the same keys from `i18n.js`.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberWords {
    /// Words before the number.
    pub approx: Vec<String>,
    /// Words after the number that mean `%`.
    pub percent: Vec<String>,
}

impl NumberWords {
    /// The words of `catalog`'s language (English's included).
    pub fn of(catalog: &crate::i18n::Catalog) -> NumberWords {
        let list = |key: &str| {
            let mut words: Vec<String> = Vec::new();
            for w in catalog.words(key).iter().map(|w| fold_word(w)) {
                if !w.is_empty() && !words.contains(&w) {
                    words.push(w);
                }
            }
            words.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
            words
        };
        NumberWords {
            approx: list("exercise.approx_words"),
            percent: list("exercise.percent_words"),
        }
    }

    /// The English words alone.
    pub fn english() -> NumberWords {
        NumberWords::of(crate::i18n::Catalog::english())
    }
}

impl Default for NumberWords {
    fn default() -> Self {
        NumberWords::english()
    }
}

/// A word of a [`NumberWords`] list as an answer is compared: lower case, no diacritics,
/// straight quotes, single spaces; its punctuation kept (`approx.`).
fn fold_word(word: &str) -> String {
    let plain: String = fold_case_and_marks(word)
        .chars()
        .map(straight_quote)
        .collect();
    plain.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `text` in lower case without diacritics (`É` is `e`), composed again: the first step of
/// comparing an answer and of folding a [`NumberWords`] word.
fn fold_case_and_marks(text: &str) -> String {
    let folded: String = text
        .to_lowercase()
        .nfd()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .collect();
    folded.nfc().collect()
}

/// Typographic quotes made straight.
fn straight_quote(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201F}' | '\u{2033}' => '"',
        c => c,
    }
}

impl NumberAnswer {
    /// Whether `x` is within the accepted range.
    pub fn accepts(&self, x: f64) -> bool {
        (x - self.value).abs() <= self.tolerance + 1e-9
    }

    /// `value` as the language writes it (`7.5`, or `7,5` with a decimal comma).
    pub fn format(&self, x: f64) -> String {
        let mut s = format!("{}", (x * 1e9).round() / 1e9);
        if self.decimal_comma {
            s = s.replace('.', ",");
        }
        s
    }

    /// The number with its unit: `8 %`, `12 points`.
    pub fn with_unit(&self, x: f64) -> String {
        match &self.unit {
            Some(u) => format!("{} {u}", self.format(x)),
            None => self.format(x),
        }
    }
}

/// Short answers are compared after this: lower case, diacritics removed (`é` is `e`),
/// typographic quotes made plain, runs of white space made one space, trimmed, trailing
/// punctuation (`. , ; : ! ?` and `…`) removed.
pub fn normalize_answer(text: &str) -> String {
    squeeze(fold_case_and_marks(text).chars())
}

/// Typographic quotes made straight, runs of whitespace made one space, and trailing spaces
/// and punctuation (`. , ; : ! ?` and `…`) removed: the common tail of [`normalize_answer`] and
/// the first release's normalisation (kept for fingerprints).
pub(crate) fn squeeze(chars: impl Iterator<Item = char>) -> String {
    let mut out = String::new();
    for c in chars {
        let c = straight_quote(c);
        if c.is_whitespace() {
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
    let trimmed = out.trim_end_matches(|c: char| c == ' ' || ".,;:!?\u{2026}".contains(c));
    trimmed.trim().to_string()
}

/// Whether `given` matches `accepted`: equal after [`normalize_answer`], or, with `typos`,
/// the same words where each word of six letters or more may carry one typo (a letter
/// added, left out, changed, or two neighbours swapped).
pub fn text_matches(given: &str, accepted: &str, typos: bool) -> bool {
    let g = normalize_answer(given);
    let a = normalize_answer(accepted);
    if g == a {
        return true;
    }
    if !typos || g.is_empty() {
        return false;
    }
    let gw: Vec<&str> = g.split(' ').collect();
    let aw: Vec<&str> = a.split(' ').collect();
    gw.len() == aw.len()
        && gw
            .iter()
            .zip(&aw)
            .all(|(g, a)| g == a || (a.chars().count() >= TYPO_MIN_LETTERS && one_edit_apart(g, a)))
}

/// Words this long (or longer) may carry one typo.
pub const TYPO_MIN_LETTERS: usize = 6;

/// Whether `a` and `b` differ by at most one insertion, deletion, substitution or swap of two
/// neighbouring letters.
fn one_edit_apart(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (n, m) = (a.len(), b.len());
    if n.abs_diff(m) > 1 {
        return false;
    }
    let p = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    if p == n && p == m {
        return true;
    }
    let s = a[p..]
        .iter()
        .rev()
        .zip(b[p..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    // What is left between the common prefix and suffix.
    let (ra, rb) = (n - p - s, m - p - s);
    match (ra, rb) {
        (0, 1) | (1, 0) | (1, 1) => true,
        (2, 2) => a[p] == b[p + 1] && a[p + 1] == b[p],
        _ => false,
    }
}

/// The number in a typed answer (`8`, `8%`, `8 %`, `about 8`, `~8`, `8.0`, `7,5` with a
/// decimal comma, `1,000` without one, `٨` in Arabic-Indic digits), after an optional word of `words.approx` and before an
/// optional `unit` (or, for `%`, a word of `words.percent`); `None` when the answer is not one
/// number.
pub fn parse_number(
    text: &str,
    unit: Option<&str>,
    decimal_comma: bool,
    words: &NumberWords,
) -> Option<f64> {
    let mut s: String = normalize_answer(text)
        .chars()
        .map(|c| western_digit(c, decimal_comma))
        .collect();
    for p in &words.approx {
        if let Some(rest) = s.strip_prefix(p.as_str()) {
            s = rest.trim_start().to_string();
            break;
        }
    }
    let mut units: Vec<String> = Vec::new();
    if let Some(u) = unit.map(normalize_answer).filter(|u| !u.is_empty()) {
        if u == "%" {
            units.extend(words.percent.iter().cloned());
        }
        units.push(u);
    }
    for u in &units {
        if let Some(rest) = s.strip_suffix(u.as_str()) {
            s = rest.trim_end().to_string();
            break;
        }
    }
    number(&s, decimal_comma)
}

/// Arabic-Indic digits (`٠`-`٩`, and the Persian/Urdu forms `۰`-`۹`) as `0`-`9`; the Arabic
/// decimal and thousands separators (`٫`, `٬`) as the language's.
fn western_digit(c: char, decimal_comma: bool) -> char {
    let (decimal, group) = if decimal_comma {
        (',', '.')
    } else {
        ('.', ',')
    };
    match c {
        '\u{660}'..='\u{669}' => char::from(b'0' + (c as u32 - 0x660) as u8),
        '\u{6F0}'..='\u{6F9}' => char::from(b'0' + (c as u32 - 0x6F0) as u8),
        '\u{66B}' => decimal,
        '\u{66C}' => group,
        c => c,
    }
}

/// A plain number: optional sign, digits, an optional decimal part, optional thousands groups.
fn number(s: &str, decimal_comma: bool) -> Option<f64> {
    let (negative, digits) = match s.chars().next()? {
        '-' | '\u{2212}' => (true, &s[s.chars().next()?.len_utf8()..]),
        '+' => (false, &s[1..]),
        _ => (false, s),
    };
    let (group, decimal) = if decimal_comma {
        ('.', ',')
    } else {
        (',', '.')
    };
    let plain: String = if grouped(digits, group, decimal) {
        digits
            .chars()
            .filter(|c| *c != group)
            .map(|c| if c == decimal { '.' } else { c })
            .collect()
    } else {
        // One decimal separator at most: the language's, or (with a decimal comma) a point.
        let seps = digits.chars().filter(|c| !c.is_ascii_digit()).count();
        let sep_ok = digits
            .chars()
            .all(|c| c.is_ascii_digit() || c == decimal || (decimal_comma && c == '.'));
        if seps > 1 || !sep_ok {
            return None;
        }
        digits.replace(decimal, ".")
    };
    let mut parts = plain.split('.');
    let int = parts.next()?;
    let frac = parts.next();
    if int.is_empty() || !int.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    if let Some(f) = frac
        && (f.is_empty() || !f.chars().all(|c| c.is_ascii_digit()))
    {
        return None;
    }
    let v: f64 = plain.parse().ok()?;
    Some(if negative { -v } else { v })
}

/// `1,000` / `12,345.5` (or `1.000,5` with a decimal comma): groups of three after the first.
fn grouped(s: &str, group: char, decimal: char) -> bool {
    let int = s.split(decimal).next().unwrap_or("");
    if !int.contains(group) || s.matches(decimal).count() > 1 {
        return false;
    }
    let mut parts = int.split(group);
    let first = parts.next().unwrap_or("");
    (1..=3).contains(&first.len())
        && first.chars().all(|c| c.is_ascii_digit())
        && parts.all(|p| p.len() == 3 && p.chars().all(|c| c.is_ascii_digit()))
}

/// The outcome of grading a short answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShortGrade {
    /// Accepted.
    Correct,
    /// A number, outside the accepted range.
    OutOfRange,
    /// The question wants a number and the answer is not one.
    NotANumber,
    /// Text that matches no accepted answer.
    NotAccepted,
}

/// Grades a short answer against accepted texts and an optional number, as `exercise.js` does.
pub fn grade_short(
    given: &str,
    accept: &[String],
    number: Option<&NumberAnswer>,
    typos: bool,
) -> ShortGrade {
    if accept.iter().any(|a| text_matches(given, a, typos)) {
        return ShortGrade::Correct;
    }
    let Some(n) = number else {
        return ShortGrade::NotAccepted;
    };
    match parse_number(given, n.unit.as_deref(), n.decimal_comma, &n.words) {
        Some(x) if n.accepts(x) => ShortGrade::Correct,
        Some(_) => ShortGrade::OutOfRange,
        None if accept.is_empty() => ShortGrade::NotANumber,
        None => ShortGrade::NotAccepted,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_case_spaces_punctuation_quotes_and_diacritics() {
        assert_eq!(normalize_answer("  The   Bond. "), "the bond");
        assert_eq!(normalize_answer("client\u{2019}s  goal"), "client's goal");
        assert_eq!(normalize_answer("Flückiger"), "fluckiger");
        assert_eq!(normalize_answer("ROGERS\u{301}"), "rogers");
        assert_eq!(normalize_answer("..."), "");
    }

    #[test]
    fn one_typo_in_long_words_only() {
        assert!(text_matches("alliamce", "alliance", true));
        assert!(text_matches("allaince", "alliance", true), "a swap");
        assert!(
            text_matches("aliance", "alliance", true),
            "a letter left out"
        );
        assert!(!text_matches("allaimce", "alliance", true), "two typos");
        assert!(!text_matches("bnod", "bond", true), "short word");
        assert!(
            !text_matches("alliamce", "alliance", false),
            "typos = false"
        );
        assert!(text_matches("working allaince", "working alliance", true));
        assert!(!text_matches("working", "working alliance", true));
    }

    #[test]
    fn numbers_in_their_usual_forms() {
        let en = NumberWords::english();
        let p = |s: &str| parse_number(s, Some("%"), false, &en);
        for s in ["8", "8%", "8 %", "about 8", "~8", "8.0", "8 percent", "+8"] {
            assert_eq!(p(s), Some(8.0), "{s}");
        }
        assert_eq!(p("7,5"), None);
        assert_eq!(parse_number("7,5", None, true, &en), Some(7.5));
        assert_eq!(parse_number("1,000", None, false, &en), Some(1000.0));
        assert_eq!(parse_number("1.000", None, true, &en), Some(1000.0));
        assert_eq!(parse_number("8 or 9", None, false, &en), None);
        assert_eq!(parse_number("eight", None, false, &en), None);
        assert_eq!(parse_number("-3", None, false, &en), Some(-3.0));
    }

    #[test]
    fn grading_numbers_with_a_tolerance() {
        let n = NumberAnswer {
            value: 8.0,
            tolerance: 1.0,
            unit: Some("%".into()),
            decimal_comma: false,
            words: NumberWords::english(),
        };
        assert_eq!(grade_short("9 %", &[], Some(&n), true), ShortGrade::Correct);
        assert_eq!(grade_short("7", &[], Some(&n), true), ShortGrade::Correct);
        assert_eq!(
            grade_short("10", &[], Some(&n), true),
            ShortGrade::OutOfRange
        );
        assert_eq!(
            grade_short("lots", &[], Some(&n), true),
            ShortGrade::NotANumber
        );
        assert_eq!(n.with_unit(n.value - n.tolerance), "7 %");
        let comma = NumberAnswer {
            value: 7.5,
            tolerance: 0.0,
            unit: None,
            decimal_comma: true,
            words: NumberWords::english(),
        };
        assert_eq!(comma.with_unit(comma.value), "7,5");
    }

    #[test]
    fn the_words_of_the_language_and_english() {
        let de = NumberWords::of(&crate::i18n::Catalog::embedded("de").expect("de"));
        let p = |s: &str| parse_number(s, Some("%"), true, &de);
        for s in [
            "ungefähr 8",
            "Etwa 8 %",
            "ca. 8 Prozent",
            "about 8 percent",
            "8,0 prozent",
        ] {
            assert_eq!(p(s), Some(8.0), "{s}");
        }
        assert!(de.approx.contains(&"ungefahr".to_string()), "folded");
        assert_eq!(de.approx.first().map(String::as_str), Some("approximately"));
        let en = NumberWords::english();
        assert_eq!(parse_number("ungefähr 8", None, false, &en), None);
    }
}
