//! `[srs]` in `handbook.toml`: the item sets an agency defines for the `srs` practice form, as
//! plain data, and their validation (`Config::parse` runs it). `components::srs::sets` turns a
//! set into the form's `ItemSet` (defaults from the built-in set filled in).
//!
//! ```toml
//! [srs]
//! default = "agency"              # the set a block without `items` uses ("default" if absent)
//!
//! [srs.sets.agency]
//! title = "Session check-in"      # every key but `items` is optional
//! cutoff = 36.0                   # total below it: below the cutoff; equal: at the cutoff
//! item_cutoff = 9.0               # an item below it gets an item prompt (a teaching heuristic)
//! require_four = true             # the set must have exactly four items (the default)
//!
//! [[srs.sets.agency.items]]
//! label = "Connection"
//! description = "..."
//! left = "..."                    # the anchor at 0
//! right = "..."                   # the anchor at 10
//! ask = "..."                     # suggested wording when this is the lowest item, total low
//! prompt = "..."                  # the item prompt when this item is below `item_cutoff`
//!
//! [srs.sets.agency.messages]      # texts of the interpretation; {cutoff}, {item_cutoff},
//! below = "..."                   # {max} and {total} are filled in
//! ```
//!
//! A set named `default` replaces or adjusts the built-in one; without `items` it keeps the
//! built-in items and changes only what it names.

use crate::error::{Diagnostic, line_col};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;
use toml::Spanned;

/// The name of the built-in item set.
pub const DEFAULT_SET: &str = "default";

/// Every item is a line from 0 to this value.
pub const ITEM_MAX: f64 = 10.0;

/// The most items a set may have when it does not require four.
pub const MAX_ITEMS: usize = 10;
/// `[srs]` in `handbook.toml`.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct SrsConfig {
    /// The item set used by blocks that name none (`default` when absent).
    pub default: Option<Spanned<String>>,
    /// The agency's item sets by name.
    pub sets: BTreeMap<String, ItemSetConfig>,
}

/// One item set as written in `handbook.toml` (everything but `items` has a default).
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct ItemSetConfig {
    /// The form's title.
    pub title: Option<String>,
    /// One sentence telling the person filling in the form what to do.
    pub instructions: Option<String>,
    /// The credit and notice shown on every form (cannot be empty).
    pub notice: Option<Spanned<String>>,
    /// The line saying what not to enter (cannot be empty).
    pub privacy: Option<Spanned<String>>,
    /// Totals below this are below the cutoff; equal to it, at the cutoff.
    pub cutoff: Option<Spanned<f64>>,
    /// Items below this get an item prompt (a teaching heuristic).
    pub item_cutoff: Option<Spanned<f64>>,
    /// Whether the set must have exactly four items (default true).
    pub require_four: Option<bool>,
    /// The items, in order.
    pub items: Option<Spanned<Vec<ItemConfig>>>,
    /// The interpretation's texts.
    pub messages: MessagesConfig,
}

/// One item of a set (`label`, `left` and `right` are required).
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ItemConfig {
    /// The item's name (`Connection`); sliders are named after it.
    pub label: Spanned<String>,
    /// What the item asks about, in a sentence.
    #[serde(default)]
    pub description: String,
    /// The anchor at the left end (0).
    pub left: Spanned<String>,
    /// The anchor at the right end (10).
    pub right: Spanned<String>,
    /// Suggested wording when the total is below the cutoff and this item is the lowest.
    #[serde(default)]
    pub ask: String,
    /// The item-specific prompt when this item is below `item_cutoff`.
    #[serde(default)]
    pub prompt: String,
}

/// The interpretation's texts; `{cutoff}`, `{item_cutoff}`, `{max}` and `{total}` are filled in.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct MessagesConfig {
    /// Total below the cutoff.
    pub below: Option<String>,
    /// Total exactly at the cutoff.
    pub at: Option<String>,
    /// Total above the cutoff.
    pub above: Option<String>,
    /// Every item at the top of its line.
    pub top: Option<String>,
    /// The label of item prompts (`Teaching heuristic`).
    pub heuristic: Option<String>,
    /// What the heuristic is, after its label.
    pub heuristic_note: Option<String>,
}

impl SrsConfig {
    /// The name blocks get when they name no set.
    pub fn default_name(&self) -> &str {
        self.default
            .as_ref()
            .map_or(DEFAULT_SET, |s| s.get_ref().as_str())
    }

    /// The names of every usable set, sorted.
    pub fn names(&self) -> Vec<String> {
        let mut names: Vec<String> = self.sets.keys().cloned().collect();
        if !self.sets.contains_key(DEFAULT_SET) {
            names.push(DEFAULT_SET.into());
        }
        names.sort();
        names
    }

    /// Checks the `[srs]` settings of `text` (the contents of `path`), pushing one diagnostic per
    /// problem, each on the line of the offending key.
    pub fn validate(&self, text: &str, path: &Path, errors: &mut Vec<Diagnostic>) {
        let line_of = |span: std::ops::Range<usize>| line_col(text, span.start).0;
        if let Some(default) = &self.default {
            let name = default.get_ref();
            if name != DEFAULT_SET && !self.sets.contains_key(name) {
                errors.push(
                    Diagnostic::error(
                        path,
                        line_of(default.span()),
                        format!("unknown item set `{name}` in `[srs] default`"),
                    )
                    .with_hint(format!(
                        "define it under [srs.sets.{name}] or use one of: {}",
                        self.names().join(", ")
                    )),
                );
            }
        }
        for (name, set) in &self.sets {
            let check = Check {
                text,
                path,
                name,
                header: set_line(text, name),
            };
            if !is_set_name(name) {
                errors.push(
                    Diagnostic::error(
                        path,
                        check.header,
                        format!("item set name `{name}` is not usable"),
                    )
                    .with_hint("use lower-case letters, digits, `-` and `_`, such as `agency`"),
                );
            }
            let count = match &set.items {
                Some(items) => check.items(set, items, errors),
                None if name == DEFAULT_SET => 4,
                None => {
                    errors.push(
                        Diagnostic::error(
                            path,
                            check.header,
                            format!("item set `{name}` has no items"),
                        )
                        .with_hint(
                            "add [[srs.sets.NAME.items]] entries with label, left and right",
                        ),
                    );
                    0
                }
            };
            check.rest(set, count, errors);
        }
    }
}

/// One item set being checked: the file's text and path, the set's name and header line.
struct Check<'a> {
    text: &'a str,
    path: &'a Path,
    name: &'a str,
    header: usize,
}

impl Check<'_> {
    /// The line of byte `span.start` of the file.
    fn line_of(&self, span: std::ops::Range<usize>) -> usize {
        line_col(self.text, span.start).0
    }

    /// Checks the set's items (count, required fields, distinct labels); returns the count.
    fn items(
        &self,
        set: &ItemSetConfig,
        items: &Spanned<Vec<ItemConfig>>,
        errors: &mut Vec<Diagnostic>,
    ) -> usize {
        let (path, name, header) = (self.path, self.name, self.header);
        let line_of = |span| self.line_of(span);
        let list = items.get_ref();
        let line = line_of(items.span()).max(header);
        let four = set.require_four.unwrap_or(true);
        if four && list.len() != 4 {
            errors.push(
                Diagnostic::error(
                    path,
                    line,
                    format!(
                        "item set `{name}` has {} item{} but requires four",
                        list.len(),
                        if list.len() == 1 { "" } else { "s" }
                    ),
                )
                .with_hint(
                    "give exactly four [[srs.sets.NAME.items]], or set \
                         `require_four = false` for a set of another size",
                ),
            );
        } else if list.is_empty() || list.len() > MAX_ITEMS {
            errors.push(
                Diagnostic::error(
                    path,
                    line,
                    format!(
                        "item set `{name}` has {} items; a set has 1 to {MAX_ITEMS}",
                        list.len()
                    ),
                )
                .with_hint("add or remove [[srs.sets.NAME.items]] entries"),
            );
        }
        let mut seen: Vec<String> = Vec::new();
        for it in list {
            for (field, value) in [
                ("label", &it.label),
                ("left", &it.left),
                ("right", &it.right),
            ] {
                if value.get_ref().trim().is_empty() {
                    let line = line_of(value.span());
                    errors.push(
                        Diagnostic::error(
                            path,
                            line,
                            format!("an item of set `{name}` has no `{field}`"),
                        )
                        .with_hint(match field {
                            "label" => "name the item, such as label = \"Connection\"",
                            "left" => "write the anchor at the low end of the line",
                            _ => "write the anchor at the high end of the line",
                        }),
                    );
                }
            }
            let label = it.label.get_ref().trim().to_lowercase();
            if !label.is_empty() {
                if seen.contains(&label) {
                    errors.push(
                        Diagnostic::error(
                            path,
                            line_of(it.label.span()),
                            format!(
                                "item set `{name}` has two items labelled `{}`",
                                it.label.get_ref().trim()
                            ),
                        )
                        .with_hint("give each item its own label"),
                    );
                }
                seen.push(label);
            }
        }
        list.len()
    }

    /// Checks the cutoffs (against `count` items) and the notice and privacy texts.
    fn rest(&self, set: &ItemSetConfig, count: usize, errors: &mut Vec<Diagnostic>) {
        let (path, name) = (self.path, self.name);
        let line_of = |span| self.line_of(span);
        let max = ITEM_MAX * count.max(1) as f64;
        let cutoffs = [
            (
                "cutoff",
                &set.cutoff,
                max,
                format!("the total runs from 0 to {max} (10 per item); the usual cutoff is 36"),
            ),
            (
                "item_cutoff",
                &set.item_cutoff,
                ITEM_MAX,
                "each item runs from 0 to 10; the default is 9".to_string(),
            ),
        ];
        for (key, cutoff, max, hint) in cutoffs {
            let Some(cutoff) = cutoff else { continue };
            let v = *cutoff.get_ref();
            if !(0.0..=max).contains(&v) || !is_one_decimal(v) {
                errors.push(
                    Diagnostic::error(
                        path,
                        line_of(cutoff.span()),
                        format!(
                            "{key} {v} of item set `{name}` is outside 0-{max} or has more \
                             than one decimal"
                        ),
                    )
                    .with_hint(hint),
                );
            }
        }
        for (key, value) in [("notice", &set.notice), ("privacy", &set.privacy)] {
            if let Some(v) = value
                && v.get_ref().trim().is_empty()
            {
                errors.push(
                    Diagnostic::error(
                        path,
                        line_of(v.span()),
                        format!("`{key}` of item set `{name}` is empty"),
                    )
                    .with_hint(if key == "notice" {
                        "every form shows a credit and notice; remove the key to use the \
                         built-in one or write your own"
                    } else {
                        "every form says what not to enter; remove the key to use the \
                         built-in line or write your own"
                    }),
                );
            }
        }
    }
}

/// Whether `v` has at most one decimal (9.2, not 9.25).
pub fn is_one_decimal(v: f64) -> bool {
    v.is_finite() && ((v * 10.0).round() - v * 10.0).abs() < 1e-6
}

/// Whether `name` can name an item set.
fn is_set_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

/// The line of the `[srs.sets.NAME]` header (or of the first key naming the set), or 0.
fn set_line(text: &str, name: &str) -> usize {
    let forms = [
        format!("[srs.sets.{name}]"),
        format!("[srs.sets.\"{name}\"]"),
        format!("[[srs.sets.{name}.items]]"),
        format!("srs.sets.{name}."),
        format!("sets.{name}"),
    ];
    for form in &forms {
        if let Some(i) = text.lines().position(|l| {
            let l: String = l.chars().filter(|c| !c.is_whitespace()).collect();
            l.starts_with(form.as_str())
        }) {
            return i + 1;
        }
    }
    text.lines()
        .position(|l| l.contains(name))
        .map_or(0, |i| i + 1)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::config::Config;

    fn parse(text: &str) -> Result<Config, Vec<Diagnostic>> {
        Config::parse(text, Path::new("handbook.toml"))
    }

    /// A handbook.toml with a three-item agency set (also read by `components::srs::sets`).
    pub(crate) const AGENCY: &str = r#"title = "T"

[srs]
default = "agency"

[srs.sets.agency]
cutoff = 30.0
require_four = false

[[srs.sets.agency.items]]
label = "Connection"
left = "none"
right = "strong"

[[srs.sets.agency.items]]
label = "Fit"
left = "poor"
right = "good"
ask = "Ask about fit."

[[srs.sets.agency.items]]
label = "Overall"
left = "bad"
right = "good"
"#;

    #[test]
    fn cutoff_outside_range_is_an_error_on_its_line() {
        let err = parse("[srs.sets.default]\ntitle = \"x\"\ncutoff = 41\n").unwrap_err();
        assert_eq!(err.len(), 1, "{err:?}");
        assert_eq!(err[0].line, 3);
        assert!(err[0].message.contains("cutoff 41"), "{}", err[0].message);
        let err = parse("[srs.sets.default]\ncutoff = -1.0\n").unwrap_err();
        assert_eq!(err[0].line, 2);
        let err = parse("[srs.sets.default]\nitem_cutoff = 10.5\n").unwrap_err();
        assert_eq!(err[0].line, 2);
        assert_eq!(
            err[0].message,
            "item_cutoff 10.5 of item set `default` is outside 0-10 or has more than one decimal"
        );
        assert_eq!(
            err[0].hint.as_deref(),
            Some("each item runs from 0 to 10; the default is 9")
        );
        let err = parse("[srs.sets.default]\ncutoff = 35.95\n").unwrap_err();
        assert!(err[0].message.contains("decimal"));
        // the bounds themselves are fine
        assert!(parse("[srs.sets.default]\ncutoff = 40.0\nitem_cutoff = 0.0\n").is_ok());
    }

    #[test]
    fn wrong_item_count_is_an_error_when_four_are_required() {
        let text = "[srs.sets.three]\n\n[[srs.sets.three.items]]\nlabel = \"A\"\nleft = \"l\"\nright = \"r\"\n";
        let err = parse(text).unwrap_err();
        assert!(
            err[0].message.contains("requires four"),
            "{}",
            err[0].message
        );
        assert!(err[0].line >= 1, "{err:?}");
        let text = text.replace(
            "[srs.sets.three]\n",
            "[srs.sets.three]\nrequire_four = false\n",
        );
        assert!(parse(&text).is_ok());
    }

    #[test]
    fn unknown_default_set_and_missing_items_are_errors() {
        let err = parse("[srs]\ndefault = \"agency\"\n").unwrap_err();
        assert_eq!(err[0].line, 2);
        assert!(err[0].message.contains("unknown item set `agency`"));
        let err = parse("\n[srs.sets.agency]\ntitle = \"x\"\n").unwrap_err();
        assert_eq!(err[0].line, 2);
        assert!(err[0].message.contains("no items"));
    }

    #[test]
    fn unknown_keys_in_srs_are_errors_with_lines() {
        let err = parse("[srs.sets.default]\ncut_off = 3\n").unwrap_err();
        assert_eq!(err[0].line, 2);
        assert!(err[0].message.contains("cut_off"));
        let err = parse(&AGENCY.replace("ask = \"Ask about fit.\"", "asks = 1")).unwrap_err();
        assert!(err[0].message.contains("asks"));
    }

    #[test]
    fn empty_labels_duplicates_and_empty_notice_are_errors() {
        let text = AGENCY
            .replace("label = \"Fit\"", "label = \"connection\"")
            .replace("left = \"bad\"", "left = \"\"")
            .replace(
                "require_four = false",
                "require_four = false\nnotice = \" \"",
            );
        let err = parse(&text).unwrap_err();
        let messages: Vec<&str> = err.iter().map(|d| d.message.as_str()).collect();
        assert!(
            messages.iter().any(|m| m.contains("two items labelled")),
            "{messages:?}"
        );
        assert!(
            messages.iter().any(|m| m.contains("no `left`")),
            "{messages:?}"
        );
        assert!(
            messages.iter().any(|m| m.contains("`notice`")),
            "{messages:?}"
        );
        assert!(err.iter().all(|d| d.line > 0), "{err:?}");
    }

    #[test]
    fn one_decimal() {
        assert!(is_one_decimal(9.2) && is_one_decimal(36.0) && is_one_decimal(0.1));
        assert!(!is_one_decimal(9.25) && !is_one_decimal(f64::NAN));
    }
}
