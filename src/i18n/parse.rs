//! Reads one catalogue file (`LANG.toml`): one table per section, each key a string or an
//! inline table of CLDR plural categories; and checks a translation against the English
//! reference (unknown keys, placeholders, plural shape), naming `file:line` for every problem.

use super::number::CATEGORIES;
use super::template;
use crate::error::Diagnostic;
use std::collections::BTreeMap;
use std::path::Path;
use toml::de::{DeTable, DeValue};

/// One catalogue value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// A string, with `{name}` placeholders.
    Text(String),
    /// Plural forms by CLDR category (`other` always present).
    Plural(BTreeMap<String, String>),
}

impl Value {
    /// Every string of the value.
    pub fn strings(&self) -> Vec<&str> {
        match self {
            Value::Text(s) => vec![s],
            Value::Plural(forms) => forms.values().map(String::as_str).collect(),
        }
    }

    /// The placeholder names of all its strings, each once.
    pub fn params(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for s in self.strings() {
            for p in template::params(s) {
                if !out.contains(&p) {
                    out.push(p);
                }
            }
        }
        out
    }
}

/// A value read from a file, with its line.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The value.
    pub value: Value,
    /// 1-based line of its key.
    pub line: usize,
}

/// Parses catalogue `text` (shown as `path`) into `section.key` entries, or the problems found.
pub fn parse(text: &str, path: &Path) -> Result<BTreeMap<String, Entry>, Vec<Diagnostic>> {
    let (entries, errors) = parse_lenient(text, path);
    if errors.is_empty() {
        Ok(entries)
    } else {
        Err(errors)
    }
}

/// [`parse`] that keeps going: the entries that are well formed, and the problems with the
/// others (sorted by line), so that a caller can check those entries too and report every
/// mistake of a file at once. Invalid TOML gives no entries and its one error.
pub fn parse_lenient(text: &str, path: &Path) -> (BTreeMap<String, Entry>, Vec<Diagnostic>) {
    let line = crate::error::line_lookup(text);
    let doc = DeTable::parse(text).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        let (message, hint) = match crate::error::plain::toml_problem(text, e.message(), offset) {
            Some(p) => (p.message, p.hint),
            None => (
                format!("invalid TOML: {}", e.message().trim().trim_end_matches('.')),
                "a catalogue is TOML: `[section]` tables of `key = \"text\"` lines".to_string(),
            ),
        };
        Diagnostic::error(path, line(offset), message).with_hint(hint)
    });
    let doc = match doc {
        Ok(doc) => doc,
        Err(error) => return (BTreeMap::new(), vec![error]),
    };
    let mut entries = BTreeMap::new();
    let mut errors = Vec::new();
    for (section, table) in doc.get_ref() {
        let section_line = line(section.span().start);
        let DeValue::Table(table) = table.get_ref() else {
            errors.push(
                Diagnostic::error(path, section_line, format!("`{}` is not in a section", section.get_ref()))
                    .with_hint("every string belongs to a table such as `[page]`: write `[page]` on a line above it"),
            );
            continue;
        };
        for (key, value) in table {
            let name = format!("{}.{}", section.get_ref(), key.get_ref());
            let at = line(key.span().start);
            match read_value(value.get_ref(), &name) {
                Ok(value) => match check_placeholders(&value) {
                    Ok(()) => {
                        entries.insert(name, Entry { value, line: at });
                    }
                    Err(problem) => errors.push(
                        Diagnostic::error(path, at, format!("`{name}`: {problem}"))
                            .with_hint("a placeholder is `{name}` (letters, digits, `_`); `{{` and `}}` are literal braces"),
                    ),
                },
                Err((message, hint)) => errors.push(Diagnostic::error(path, at, message).with_hint(hint)),
            }
        }
    }
    errors.sort_by_key(|d| d.line);
    (entries, errors)
}

/// A key's value: a string, or a table of plural forms.
fn read_value(value: &DeValue<'_>, name: &str) -> Result<Value, (String, String)> {
    match value {
        DeValue::String(s) => Ok(Value::Text(s.to_string())),
        DeValue::Table(forms) => {
            let mut out = BTreeMap::new();
            for (category, text) in forms {
                let category = category.get_ref();
                if !CATEGORIES.contains(&category.as_ref()) {
                    let hint = match crate::error::plain::closest(category, CATEGORIES) {
                        Some(c) => format!(
                            "did you mean `{c}`? The plural categories are {}",
                            CATEGORIES.join(", ")
                        ),
                        None => format!("the plural categories are {}", CATEGORIES.join(", ")),
                    };
                    return Err((
                        format!("`{name}`: `{category}` is not a plural category"),
                        hint,
                    ));
                }
                let DeValue::String(s) = text.get_ref() else {
                    return Err((
                        format!("`{name}.{category}` must be text"),
                        format!("write `{category} = \"...\"`"),
                    ));
                };
                out.insert(category.to_string(), s.to_string());
            }
            if !out.contains_key("other") {
                return Err((
                    format!("`{name}` has no `other` form"),
                    "a plural table needs `other` (used for every number no other category covers)"
                        .into(),
                ));
            }
            Ok(Value::Plural(out))
        }
        _ => Err((
            format!("`{name}` must be text or a table of plural forms"),
            format!(
                "write `{} = \"...\"`, or `{{ one = \"...\", other = \"...\" }}` for a text that depends on a number",
                name.rsplit('.').next().unwrap_or(name)
            ),
        )),
    }
}

/// Every string of `value` parses as text and placeholders.
fn check_placeholders(value: &Value) -> Result<(), String> {
    for s in value.strings() {
        template::parse(s)?;
    }
    Ok(())
}

/// Checks the translation `entries` (from `path`) against the English `reference`: an unknown
/// key, a placeholder English does not have or a plural where English has one text is an
/// error; a placeholder the translation drops is a warning. Returns (errors, warnings).
pub fn check_against(
    entries: &BTreeMap<String, Entry>,
    reference: &BTreeMap<String, Value>,
    path: &Path,
) -> (Vec<Diagnostic>, Vec<Diagnostic>) {
    let (mut errors, mut warnings) = (Vec::new(), Vec::new());
    let mut unknown = 0;
    for (key, entry) in entries {
        let Some(english) = reference.get(key) else {
            // The nearest key costs an edit distance per English key: only for as many
            // unknown keys as a report shows, so a huge file of them stays fast.
            unknown += 1;
            let suggest = unknown <= SUGGEST_MAX;
            errors.push(unknown_key(key, entry.line, reference, path, suggest));
            continue;
        };
        if matches!(english, Value::Text(_)) && matches!(entry.value, Value::Plural(_)) {
            errors.push(
                Diagnostic::error(path, entry.line, format!("`{key}` takes no plural forms"))
                    .with_hint("give it one text in quotes, as in English"),
            );
            continue;
        }
        let known = english.params();
        let have = entry.value.params();
        for extra in have.iter().filter(|p| !known.contains(p)) {
            errors.push(
                Diagnostic::error(path, entry.line, format!("`{key}` uses the placeholder `{{{extra}}}`, which the English text does not have"))
                    .with_hint(placeholder_hint(&known)),
            );
        }
        let dropped: Vec<String> = known
            .iter()
            .filter(|p| !have.contains(p))
            .map(|p| format!("`{{{p}}}`"))
            .collect();
        if !dropped.is_empty() {
            warnings.push(
                Diagnostic::warning(path, entry.line, format!("`{key}` leaves out {} of the English text", dropped.join(", ")))
                    .with_hint("readers will not see that value: put the placeholder where it belongs in the sentence"),
            );
        }
    }
    (errors, warnings)
}

fn placeholder_hint(known: &[&str]) -> String {
    if known.is_empty() {
        "the English text has no placeholders: write the value without braces (`{{` for a literal one)".into()
    } else {
        let list: Vec<String> = known.iter().map(|p| format!("`{{{p}}}`")).collect();
        format!("the English text has {}", list.join(", "))
    }
}

/// The error for a key the English catalogue does not have, with the nearest one.
/// How many unknown keys of one file get a "did you mean" (a build reports 50 errors at most).
const SUGGEST_MAX: usize = 50;

fn unknown_key(
    key: &str,
    line: usize,
    reference: &BTreeMap<String, Value>,
    path: &Path,
    suggest: bool,
) -> Diagnostic {
    let closest = suggest
        .then(|| crate::error::plain::closest(key, reference.keys().map(String::as_str)))
        .flatten()
        .or_else(|| {
            // Same key in another section (`page.search` for `search.search`)?
            let leaf = key.rsplit('.').next().unwrap_or(key);
            reference
                .keys()
                .map(String::as_str)
                .find(|k| k.rsplit('.').next() == Some(leaf))
        });
    let hint = match closest {
        Some(c) => format!("did you mean `{c}`? The keys are those of the English catalogue (themes/default/i18n/en.toml)"),
        None => "use a key of the English catalogue (themes/default/i18n/en.toml); a string the theme does not show cannot be added".into(),
    };
    Diagnostic::error(path, line, format!("unknown key `{key}`")).with_hint(hint)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str) -> Result<BTreeMap<String, Entry>, Vec<Diagnostic>> {
        parse(text, Path::new("i18n/es.toml"))
    }

    #[test]
    fn sections_strings_and_plurals() {
        let e = p("[search]\nprompt = \"Buscar\"\nresults = { one = \"{count} resultado\", other = \"{count} resultados\" }\n").unwrap();
        assert_eq!(e["search.prompt"].value, Value::Text("Buscar".into()));
        assert_eq!(e["search.prompt"].line, 2);
        let Value::Plural(forms) = &e["search.results"].value else {
            panic!()
        };
        assert_eq!(forms["one"], "{count} resultado");
        assert_eq!(e["search.results"].value.params(), ["count"]);
    }

    #[test]
    fn shape_problems_name_their_line() {
        let errs = p("stray = \"x\"\n[a]\nb = 3\nc = { one = \"x\" }\nd = { oen = \"x\", other = \"y\" }\ne = \"{oops\"\n").unwrap_err();
        let lines: Vec<usize> = errs.iter().map(|d| d.line).collect();
        assert_eq!(lines, [1, 3, 4, 5, 6], "{errs:?}");
        assert!(errs[0].message.contains("not in a section"));
        assert!(errs[2].message.contains("no `other`"));
        assert!(
            errs[3]
                .hint
                .as_deref()
                .unwrap()
                .contains("did you mean `one`"),
            "{:?}",
            errs[3]
        );
        assert!(errs[3].message.contains("`oen` is not a plural category"));
        assert!(p("[a\n").unwrap_err()[0].line >= 1);
    }

    #[test]
    fn only_the_first_unknown_keys_get_a_suggestion() {
        let reference: BTreeMap<String, Value> = p("[search]\nno_results = \"None\"\n")
            .unwrap()
            .into_iter()
            .map(|(k, e)| (k, e.value))
            .collect();
        let text: String = (0..SUGGEST_MAX + 5)
            .map(|i| {
                let (a, b) = (
                    (b'a' + (i / 26) as u8) as char,
                    (b'a' + (i % 26) as u8) as char,
                );
                format!("no_results{a}{b} = \"x\"\n")
            })
            .collect();
        let tr = p(&format!("[search]\n{text}")).unwrap();
        let (errors, _) = check_against(&tr, &reference, Path::new("i18n/es.toml"));
        let suggested = |d: &Diagnostic| d.hint.as_deref().unwrap().contains("did you mean");
        assert_eq!(errors.len(), SUGGEST_MAX + 5);
        assert!(errors[..SUGGEST_MAX].iter().all(suggested));
        assert!(!errors[SUGGEST_MAX..].iter().any(suggested));
    }

    #[test]
    fn translations_are_checked_against_english() {
        let reference: BTreeMap<String, Value> =
            p("[search]\nno_results = \"No results for {query}\"\nprompt = \"Search\"\n")
                .unwrap()
                .into_iter()
                .map(|(k, e)| (k, e.value))
                .collect();
        let tr =
            p("[search]\nno_resuls = \"x\"\nprompt = { one = \"a\", other = \"b\" }\n").unwrap();
        let (errors, _) = check_against(&tr, &reference, Path::new("i18n/es.toml"));
        assert_eq!(errors.len(), 2);
        assert_eq!(errors[0].message, "unknown key `search.no_resuls`");
        assert!(
            errors[0]
                .hint
                .as_deref()
                .unwrap()
                .contains("did you mean `search.no_results`")
        );
        assert_eq!(errors[0].line, 2);
        assert!(errors[1].message.contains("no plural forms"));

        let tr =
            p("[search]\nno_results = \"Sin resultados\"\nprompt = \"Buscar {what}\"\n").unwrap();
        let (errors, warnings) = check_against(&tr, &reference, Path::new("x"));
        assert_eq!(errors.len(), 1);
        assert!(errors[0].message.contains("`{what}`"), "{errors:?}");
        assert_eq!(warnings.len(), 1);
        assert!(
            warnings[0].message.contains("leaves out `{query}`"),
            "{warnings:?}"
        );
    }
}
