//! Numbers in a language: the decimal and thousands separators of its catalogue's `[meta]`, and
//! its CLDR plural category (crate `icu_plurals`, ICU4X with compiled CLDR data; the theme's
//! JavaScript uses `Intl.PluralRules`, also CLDR). `tests/vectors/i18n.json` holds both sides to
//! the same answers.

use icu_plurals::{PluralCategory, PluralRules};

/// The CLDR plural categories, in CLDR's order; a plural value in a catalogue is a table of
/// some of them (`other` always).
pub const CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// The cardinal plural rules of a language.
pub struct Plurals(Option<PluralRules>, String);

impl Clone for Plurals {
    fn clone(&self) -> Self {
        Plurals::new(&self.1)
    }
}

impl Plurals {
    /// The rules of BCP 47 tag `language` (`es-MX` falls back to `es`, as CLDR says); a tag that
    /// does not parse has only `other`.
    pub fn new(language: &str) -> Plurals {
        let tag = language.replace('_', "-");
        let rules = icu_locale_core::Locale::try_from_str(&tag)
            .ok()
            .and_then(|locale| PluralRules::try_new_cardinal((&locale).into()).ok());
        Plurals(rules, language.to_string())
    }

    /// The category of `count` (`"one"`, `"few"`, ..., `"other"`).
    pub fn category(&self, count: f64) -> &'static str {
        let Some(rules) = &self.0 else {
            return "other";
        };
        // The number as written (`1.5`, `3`): its visible digits are what CLDR's rules read.
        let operands = if count.fract() == 0.0 && count.abs() < 1e15 {
            icu_plurals::PluralOperands::from(count as i64)
        } else {
            match fixed_decimal::Decimal::try_from_str(&format!("{}", count.abs())) {
                Ok(d) => icu_plurals::PluralOperands::from(&d),
                Err(_) => return "other",
            }
        };
        match rules.category_for(operands) {
            PluralCategory::Zero => "zero",
            PluralCategory::One => "one",
            PluralCategory::Two => "two",
            PluralCategory::Few => "few",
            PluralCategory::Many => "many",
            _ => "other",
        }
    }
}

/// `value` with at most `max_digits` digits after the `decimal` separator (rounded half away
/// from zero, as JavaScript's `toFixed`; trailing zeros dropped) and the integer part grouped
/// by threes with `thousands` once it has five digits or more (`1234`, `12,345`).
pub fn format(value: f64, max_digits: usize, decimal: &str, thousands: &str) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    let max_digits = max_digits.min(20);
    let fixed = to_fixed(value.abs(), max_digits);
    let (int, frac) = fixed.split_once('.').unwrap_or((&fixed, ""));
    let frac = frac.trim_end_matches('0');
    let mut out = String::new();
    if value < 0.0 && (int != "0" || !frac.is_empty()) {
        out.push('-');
    }
    if int.len() >= 5 {
        for (i, c) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                out.push_str(thousands);
            }
            out.push(c);
        }
    } else {
        out.push_str(int);
    }
    if !frac.is_empty() {
        out.push_str(decimal);
        out.push_str(frac);
    }
    out
}

/// `x` (not negative) with `digits` fraction digits, an exact tie rounded up as `toFixed` does
/// (Rust's own formatting rounds a tie to even).
fn to_fixed(x: f64, digits: usize) -> String {
    let plain = format!("{x:.digits$}");
    let long = format!("{x:.prec$}", prec = digits + 30);
    let tail = &long[long.len() - 30..];
    if tail.starts_with('5') && tail[1..].bytes().all(|b| b == b'0') {
        let truncated = &long[..long.len() - 30];
        let truncated = truncated.trim_end_matches('.');
        let unit = 10f64.powi(-(digits as i32));
        let up: f64 = truncated.parse::<f64>().unwrap_or(x) + unit;
        return format!("{up:.digits$}");
    }
    plain
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_and_european_separators() {
        assert_eq!(format(36.5, 1, ".", ","), "36.5");
        assert_eq!(format(36.0, 1, ".", ","), "36");
        assert_eq!(format(36.54, 1, ",", "."), "36,5");
        assert_eq!(format(1234.5, 1, ",", "."), "1234,5");
        assert_eq!(format(12345.0, 0, ",", "\u{a0}"), "12\u{a0}345");
        assert_eq!(format(1234567.891, 2, ".", ","), "1,234,567.89");
        assert_eq!(format(-0.04, 1, ".", ","), "0");
        assert_eq!(format(-2.25, 1, ".", ","), "-2.3");
    }

    #[test]
    fn ties_round_up_as_javascript_does() {
        assert_eq!(format(0.125, 2, ".", ","), "0.13");
        assert_eq!(format(2.5, 0, ".", ","), "3");
        assert_eq!(format(1.005, 2, ".", ","), "1"); // 1.00499999... in binary
        assert_eq!(format(9.95, 1, ".", ","), "9.9"); // 9.9499999... in binary
        assert_eq!(format(9.75, 1, ".", ","), "9.8");
    }

    #[test]
    fn plural_categories() {
        let en = Plurals::new("en");
        assert_eq!(en.category(1.0), "one");
        assert_eq!(en.category(0.0), "other");
        assert_eq!(en.category(1.5), "other");
        let fr = Plurals::new("fr");
        assert_eq!(fr.category(0.0), "one");
        assert_eq!(fr.category(1.5), "one");
        let ar = Plurals::new("ar");
        let got: Vec<&str> = [0.0, 1.0, 2.0, 3.0, 11.0, 100.0]
            .into_iter()
            .map(|n| ar.category(n))
            .collect();
        assert_eq!(got, ["zero", "one", "two", "few", "many", "other"]);
        assert_eq!(Plurals::new("es-MX").category(1.0), "one");
        assert_eq!(Plurals::new("es").category(1_000_000.0), "many");
        assert_eq!(Plurals::new("not a tag!").category(1.0), "other");
    }
}
