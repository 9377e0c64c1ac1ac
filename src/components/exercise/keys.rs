//! The question keys of the assessment features: `shuffle` (read by the choice types) and,
//! for short answers, `accept_number`, `tolerance`, `unit` and `typos` (read by `short`).
//! Kept apart so each feature's validation reads in one place.

use super::Question;
use super::answers::{NumberAnswer, NumberWords};
use super::parse::{Fields, Source, Value, boolean, string};
use crate::error::Diagnostic;
use crate::i18n::Catalog;
use toml::de::DeValue;

/// A choice question's own `shuffle` (`None`: it follows the exercise).
pub(super) fn shuffle(q: &Fields<'_, '_>, errors: &mut Vec<Diagnostic>) -> Option<bool> {
    let (_, v) = q.get("shuffle")?;
    boolean(q.src, "shuffle", v, errors)
}

/// What [`number_keys`] read.
pub(super) struct Numeric {
    pub number: Option<NumberAnswer>,
    pub typos: bool,
}

/// Reads a short answer's `typos`, `accept_number`, `tolerance` and `unit`.
pub(super) fn number_keys(q: &Fields<'_, '_>, errors: &mut Vec<Diagnostic>) -> Numeric {
    let src = q.src;
    let get = |name: &str| -> Option<&Value<'_>> { q.get(name).map(|(_, v)| v) };
    let mut extra = Numeric {
        number: None,
        typos: true,
    };
    if let Some(v) = get("typos") {
        extra.typos = boolean(src, "typos", v, errors).unwrap_or(true);
    }
    let value = get("accept_number").and_then(|v| number(src, "accept_number", v, errors));
    let tolerance = match get("tolerance") {
        Some(v) => {
            let t = number(src, "tolerance", v, errors);
            if let Some(t) = t
                && t < 0.0
            {
                errors.push(
                    src.error(&v.span(), format!("`tolerance` is negative ({t})"))
                        .with_hint("give how far from `accept_number` an answer may be, e.g. `tolerance = 1`"),
                );
            }
            if get("accept_number").is_none() {
                errors.push(
                    src.error(&v.span(), "`tolerance` without `accept_number`")
                        .with_hint(
                            "add `accept_number = N`, the expected number, or remove `tolerance`",
                        ),
                );
            }
            t.unwrap_or(0.0)
        }
        None => 0.0,
    };
    let unit = match get("unit") {
        Some(v) => {
            let u = string(src, "unit", v, errors).map(|u| u.trim().to_string());
            if get("accept_number").is_none() {
                errors.push(
                    src.error(&v.span(), "`unit` without `accept_number`")
                        .with_hint("add `accept_number = N`, or remove `unit`"),
                );
            }
            if u.as_deref() == Some("") {
                errors.push(
                    src.error(&v.span(), "empty `unit`")
                        .with_hint("write the unit (`unit = \"%\"`), or remove the line"),
                );
            }
            u.filter(|u| !u.is_empty())
        }
        None => None,
    };
    extra.number = value.map(|value| NumberAnswer {
        value,
        tolerance: tolerance.max(0.0),
        unit,
        decimal_comma: false,
        words: NumberWords::english(),
    });
    extra
}

/// A TOML integer or float.
fn number(
    src: &Source<'_>,
    name: &str,
    v: &Value<'_>,
    errors: &mut Vec<Diagnostic>,
) -> Option<f64> {
    let parsed = match v.get_ref() {
        DeValue::Integer(i) => {
            let text = i.as_str().replace('_', "");
            // Beyond i64, a decimal integer is still a number (as a float).
            i64::from_str_radix(&text, i.radix())
                .ok()
                .map(|n| n as f64)
                .or_else(|| {
                    (i.radix() == 10)
                        .then(|| text.parse::<f64>().ok())
                        .flatten()
                })
        }
        DeValue::Float(f) => f.as_str().replace('_', "").parse::<f64>().ok(),
        DeValue::String(s) => {
            let hint = match s.trim().replace(',', ".").parse::<f64>() {
                Ok(n) => format!("write the number without quotes: `{name} = {n}`"),
                Err(_) => format!("write a number, e.g. `{name} = 8`"),
            };
            errors.push(
                src.error(
                    &v.span(),
                    format!("`{name}` must be a number, not a string"),
                )
                .with_hint(hint),
            );
            return None;
        }
        other => {
            errors.push(
                src.error(
                    &v.span(),
                    format!("`{name}` must be a number, not {}", other.type_str()),
                )
                .with_hint(format!("write a number, e.g. `{name} = 8`")),
            );
            return None;
        }
    };
    match parsed {
        Some(n) if n.is_finite() => Some(n),
        _ => {
            errors.push(
                src.error(&v.span(), format!("`{name}` is not a usable number"))
                    .with_hint(format!(
                        "write a plain number, e.g. `{name} = 8` or `{name} = 7.5`"
                    )),
            );
            None
        }
    }
}

/// Marks the numeric answers of an exercise's questions with the decimal separator and the
/// words (`about`, `percent`) of `catalog`, the handbook's interface language.
pub(super) fn set_language(questions: &mut [Question], catalog: &Catalog) {
    let comma = catalog.decimal_comma();
    let words = NumberWords::of(catalog);
    for q in questions {
        if let Some(n) = &mut q.number {
            n.decimal_comma = comma;
            n.words = words.clone();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;
    use toml::de::DeTable;

    #[test]
    fn a_decimal_integer_beyond_i64_is_still_a_number() {
        for (value, want) in [("8", Some(8.0)), ("99999999999999999999", Some(1e20))] {
            let text = format!("accept_number = {value}\n");
            let table = DeTable::parse(&text).expect("valid TOML");
            let v = table
                .get_ref()
                .get("accept_number")
                .expect("a value")
                .clone();
            let src = Source {
                path: Path::new("a.md"),
                text: &text,
                first_line: 1,
            };
            let mut errors = Vec::new();
            assert_eq!(number(&src, "accept_number", &v, &mut errors), want);
            assert!(errors.is_empty(), "{errors:?}");
        }
    }
}
