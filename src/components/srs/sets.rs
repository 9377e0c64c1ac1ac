//! Item sets of the `srs` component: the built-in default (the four SRS dimensions in this
//! project's own words) and, resolved from the `[srs]` settings (`config::srs`), the sets an
//! agency defines in `handbook.toml`.
//!
//! A set named `default` replaces or adjusts the built-in one; without `items` it keeps the
//! built-in items and changes only what it names.

use crate::config::srs::{DEFAULT_SET, ITEM_MAX, SrsConfig};
use crate::i18n::Catalog;
use serde::Serialize;
use toml::Spanned;

/// A set ready to render: every default filled in.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ItemSet {
    /// The set's name.
    pub name: String,
    /// The form's title.
    pub title: String,
    /// What to do, in one sentence.
    pub instructions: String,
    /// The credit and notice.
    pub notice: String,
    /// What not to enter.
    pub privacy: String,
    /// The total cutoff.
    pub cutoff: f64,
    /// The item cutoff.
    pub item_cutoff: f64,
    /// The highest possible total (10 per item).
    pub max: f64,
    /// The items.
    pub items: Vec<Item>,
    /// The interpretation's texts.
    pub messages: Messages,
}

/// An item ready to render.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Item {
    /// The item's name.
    pub label: String,
    /// What it asks about.
    pub description: String,
    /// Anchor at 0.
    pub left: String,
    /// Anchor at 10.
    pub right: String,
    /// Suggested wording when it is the lowest item and the total is low.
    pub ask: String,
    /// The item prompt below the item cutoff.
    pub prompt: String,
}

/// The interpretation's texts, ready to render.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Messages {
    /// Below the cutoff.
    pub below: String,
    /// At the cutoff.
    pub at: String,
    /// Above the cutoff.
    pub above: String,
    /// All items at the top.
    pub top: String,
    /// The heuristic's label.
    pub heuristic: String,
    /// The heuristic's explanation.
    pub heuristic_note: String,
}

/// The built-in item `name` (`connection`, `focus`, `method`, `session`): its texts are the
/// catalogue's `srs.NAME_label`, `_description`, `_left`, `_right`, `_ask` and `_prompt`.
fn builtin_item(catalog: &Catalog, name: &str) -> Item {
    let text = |part: &str| catalog.text(&format!("srs.{name}_{part}"), &[]);
    Item {
        label: text("label"),
        description: text("description"),
        left: text("left"),
        right: text("right"),
        ask: text("ask"),
        prompt: text("prompt"),
    }
}

/// The placeholders the form fills in a message itself (`html::config_json`), passed through.
const KEPT: &[(&str, &str)] = &[
    ("cutoff", "{cutoff}"),
    ("item_cutoff", "{item_cutoff}"),
    ("max", "{max}"),
];

/// The built-in messages, in the catalogue's language. "Every line at the top" names the side
/// the lines end on: the left in a right-to-left language (`srs.message_top_rtl`).
pub fn default_messages(catalog: &Catalog) -> Messages {
    let text = |key: &str| catalog.text(&format!("srs.{key}"), KEPT);
    let rtl = crate::config::direction::text_direction(catalog.language()) == "rtl";
    Messages {
        below: text("message_below"),
        at: text("message_at"),
        above: text("message_above"),
        top: text(if rtl {
            "message_top_rtl"
        } else {
            "message_top"
        }),
        heuristic: text("heuristic"),
        heuristic_note: text("heuristic_note"),
    }
}

/// The built-in set: the four SRS dimensions in this project's own words, in the catalogue's
/// language.
pub fn builtin(catalog: &Catalog) -> ItemSet {
    let items = ["connection", "focus", "method", "session"]
        .into_iter()
        .map(|name| builtin_item(catalog, name))
        .collect();
    ItemSet {
        name: DEFAULT_SET.into(),
        title: catalog.text("srs.title", &[]),
        instructions: catalog.text("srs.instructions", &[]),
        notice: catalog.text("srs.notice", &[]),
        privacy: catalog.text("srs.privacy", &[]),
        cutoff: 36.0,
        item_cutoff: 9.0,
        max: 40.0,
        items,
        messages: default_messages(catalog),
    }
}

/// Wording for an item an agency gave no `ask` or `prompt` for.
fn generic_item(
    catalog: &Catalog,
    label: String,
    description: String,
    left: String,
    right: String,
) -> Item {
    let lower = label.to_lowercase();
    Item {
        ask: catalog.text("srs.generic_ask", &[("item", &lower)]),
        prompt: catalog.text("srs.generic_prompt", &[("item", &lower)]),
        label,
        description,
        left,
        right,
    }
}
/// The set `name` with every default filled in, or `None` when there is no such set.
/// The configuration is assumed validated.
pub fn resolve(config: &SrsConfig, name: &str, catalog: &Catalog) -> Option<ItemSet> {
    let base = builtin(catalog);
    let Some(cfg) = config.sets.get(name) else {
        return (name == DEFAULT_SET).then_some(base);
    };
    let items: Vec<Item> = match &cfg.items {
        Some(items) => items
            .get_ref()
            .iter()
            .map(|i| {
                let mut it = generic_item(
                    catalog,
                    i.label.get_ref().trim().to_string(),
                    i.description.trim().to_string(),
                    i.left.get_ref().trim().to_string(),
                    i.right.get_ref().trim().to_string(),
                );
                if !i.ask.trim().is_empty() {
                    it.ask = i.ask.trim().to_string();
                }
                if !i.prompt.trim().is_empty() {
                    it.prompt = i.prompt.trim().to_string();
                }
                it
            })
            .collect(),
        None => base.items.clone(),
    };
    let text = |o: &Option<String>, d: &str| match o {
        Some(s) if !s.trim().is_empty() => s.trim().to_string(),
        _ => d.to_string(),
    };
    let spanned_text = |o: &Option<Spanned<String>>, d: &str| match o {
        Some(s) if !s.get_ref().trim().is_empty() => s.get_ref().trim().to_string(),
        _ => d.to_string(),
    };
    let m = &cfg.messages;
    let dm = &base.messages;
    Some(ItemSet {
        name: name.to_string(),
        title: text(&cfg.title, &base.title),
        instructions: text(&cfg.instructions, &base.instructions),
        notice: spanned_text(&cfg.notice, &base.notice),
        privacy: spanned_text(&cfg.privacy, &base.privacy),
        cutoff: cfg.cutoff.as_ref().map_or(base.cutoff, |c| *c.get_ref()),
        item_cutoff: cfg
            .item_cutoff
            .as_ref()
            .map_or(base.item_cutoff, |c| *c.get_ref()),
        max: ITEM_MAX * items.len() as f64,
        messages: Messages {
            below: text(&m.below, &dm.below),
            at: text(&m.at, &dm.at),
            above: text(&m.above, &dm.above),
            top: text(&m.top, &dm.top),
            heuristic: text(&m.heuristic, &dm.heuristic),
            heuristic_note: text(&m.heuristic_note, &dm.heuristic_note),
        },
        items,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::error::Diagnostic;
    use std::path::Path;

    fn parse(text: &str) -> Result<Config, Vec<Diagnostic>> {
        Config::parse(text, Path::new("handbook.toml"))
    }

    #[test]
    fn every_line_at_the_top_names_the_left_end_in_a_right_to_left_language() {
        for (language, key) in [
            ("ar", "srs.message_top_rtl"),
            ("he", "srs.message_top_rtl"),
            ("en", "srs.message_top"),
            ("es", "srs.message_top"),
        ] {
            let catalog = Catalog::embedded(language).unwrap();
            let top = default_messages(&catalog).top;
            assert_eq!(top, catalog.text(key, KEPT), "{language}");
        }
        let en = Catalog::english();
        assert_ne!(
            en.text("srs.message_top", &[]),
            en.text("srs.message_top_rtl", &[])
        );
    }

    use crate::config::srs::tests::AGENCY;

    #[test]
    fn builtin_wording_speaks_in_one_voice_and_keeps_away_from_the_official_anchors() {
        let set = builtin(Catalog::english());
        for it in &set.items {
            for text in [&it.description, &it.left, &it.right] {
                let lower = format!(" {} ", text.to_lowercase());
                for word in [
                    " i ", " me ", " my ", " we ", " us ", " our ", " you ", " your ",
                ] {
                    assert!(!lower.contains(word), "`{text}` is not in the third person");
                }
                assert!(!lower.contains("right for me"), "{text}");
                assert!(!lower.contains("wanted to work on"), "{text}");
            }
        }
        assert!(!set.instructions.to_lowercase().contains(" you"));
    }

    #[test]
    fn builtin_set_has_four_items_and_the_usual_cutoffs() {
        let c = parse("").unwrap();
        let set = resolve(&c.srs, "default", Catalog::english()).unwrap();
        assert_eq!(set.items.len(), 4);
        assert_eq!(set.cutoff, 36.0);
        assert_eq!(set.item_cutoff, 9.0);
        assert_eq!(set.max, 40.0);
        let labels: Vec<&str> = set.items.iter().map(|i| i.label.as_str()).collect();
        assert_eq!(
            labels,
            ["Connection", "Focus", "Way of working", "Whole session"]
        );
        assert!(set.notice.contains("is not the SRS"));
        assert!(resolve(&c.srs, "nope", Catalog::english()).is_none());
    }

    #[test]
    fn agency_set_resolves_with_defaults_filled_in() {
        let c = parse(AGENCY).unwrap();
        assert_eq!(c.srs.default_name(), "agency");
        let set = resolve(&c.srs, "agency", Catalog::english()).unwrap();
        assert_eq!(set.items.len(), 3);
        assert_eq!(set.max, 30.0);
        assert_eq!(set.cutoff, 30.0);
        assert_eq!(set.items[1].ask, "Ask about fit.");
        assert!(set.items[0].ask.contains("connection"));
        assert_eq!(set.notice, Catalog::english().text("srs.notice", &[]));
        assert_eq!(c.srs.names(), ["agency", "default"]);
    }

    #[test]
    fn default_set_can_be_adjusted_without_items() {
        let c = parse("[srs.sets.default]\ncutoff = 35.5\n").unwrap();
        let set = resolve(&c.srs, "default", Catalog::english()).unwrap();
        assert_eq!(set.cutoff, 35.5);
        assert_eq!(set.items.len(), 4);
    }
}
