//! Item sets of the `srs` component: the built-in default (the four SRS dimensions in this
//! project's own words) and, resolved from the `[srs]` settings (`config::srs`), the sets an
//! agency defines in `handbook.toml`.
//!
//! A set named `default` replaces or adjusts the built-in one; without `items` it keeps the
//! built-in items and changes only what it names.

use crate::config::srs::{DEFAULT_SET, ITEM_MAX, SrsConfig};
use serde::Serialize;
use toml::Spanned;

/// The credit and notice shown on every form of the built-in set (and on its paper form).
pub const DEFAULT_NOTICE: &str = "Practice form for learning to score and discuss an alliance \
scale. It describes the four SRS dimensions in our own words and is not the SRS. The Session \
Rating Scale is © 2002 Scott D. Miller, Barry L. Duncan and Lynn Johnson; obtain the measure and \
a licence from its authors for clinical use.";

/// The line every form shows about what not to enter.
pub const DEFAULT_PRIVACY: &str =
    "For training only: do not enter client names, initials or clinical details.";
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

fn item(label: &str, description: &str, left: &str, right: &str, ask: &str, prompt: &str) -> Item {
    Item {
        label: label.into(),
        description: description.into(),
        left: left.into(),
        right: right.into(),
        ask: ask.into(),
        prompt: prompt.into(),
    }
}

/// The built-in messages.
pub fn default_messages() -> Messages {
    Messages {
        below: "Below the cutoff of {cutoff}. Thank the client for being frank and invite them \
to say more. Stay curious rather than defensive: a lower score is information about the work, \
not a verdict on you. Start with the lowest line."
            .into(),
        at: "At the cutoff of {cutoff}: worth a check-in. Thank the client and ask what would \
have made today a little better, before moving on."
            .into(),
        above: "Above the cutoff of {cutoff}. Thank the client, look at each line as well as the \
total, and still invite one thing that could be better: “Thanks. If one thing could have gone \
better today, what would it be?”"
            .into(),
        top: "Every line is at the far right. A top score is not automatically good news: some \
clients find it hard to criticise. Make it easy to name one small thing."
            .into(),
        heuristic: "Teaching heuristic".into(),
        heuristic_note: "(not an official rule): discuss any line below {item_cutoff}, even when \
the total looks fine."
            .into(),
    }
}

/// The built-in set: the four SRS dimensions in this project's own words.
pub fn builtin() -> ItemSet {
    let items = vec![
        item(
            "Connection",
            "How connected to and understood by the clinician the client felt in this session.",
            "Little connection with the clinician",
            "A strong connection with the clinician",
            "“Thank you for marking that honestly. Was there a moment today when I seemed not \
to be with you, or missed what you meant?”",
            "Ask about the connection: what would help the client feel more understood next time?",
        ),
        item(
            "Focus",
            "Did the session stay with what mattered most to the client?",
            "Drifted from what mattered most",
            "Stayed with what mattered most",
            "“It looks as if we may not have spent the time on what matters most to you. What \
would you have wanted us to talk about?”",
            "Check the agenda: did the session miss something the client came in wanting to \
discuss?",
        ),
        item(
            "Way of working",
            "Did the clinician's way of working fit this client?",
            "The way of working did not fit",
            "The way of working fitted well",
            "“The line about how we worked is lower than the others. What would you like me to \
do more of, or less of, next time?”",
            "Ask about the way of working: what did not fit, and what would the client prefer?",
        ),
        item(
            "Whole session",
            "Taken together, did the session give the client what they needed?",
            "Not what the client needed",
            "What the client needed",
            "“Something about today didn't quite work for you. If you could change one thing \
about the session, what would it be?”",
            "Invite one thing that would have made this session better for the client.",
        ),
    ];
    ItemSet {
        name: DEFAULT_SET.into(),
        title: "Alliance feedback: practice form".into(),
        instructions: "Put one mark on each line: the further right, the better that part of \
today's session was for the client."
            .into(),
        notice: DEFAULT_NOTICE.into(),
        privacy: DEFAULT_PRIVACY.into(),
        cutoff: 36.0,
        item_cutoff: 9.0,
        max: 40.0,
        items,
        messages: default_messages(),
    }
}

/// Wording for an item an agency gave no `ask` or `prompt` for.
fn generic_item(label: String, description: String, left: String, right: String) -> Item {
    let lower = label.to_lowercase();
    Item {
        ask: format!(
            "“The line about {lower} is the lowest. What would have made that part of today \
better for you?”"
        ),
        prompt: format!("Ask about {lower}: what would have made it better for the client?"),
        label,
        description,
        left,
        right,
    }
}
/// The set `name` with every default filled in, or `None` when there is no such set.
/// The configuration is assumed validated.
pub fn resolve(config: &SrsConfig, name: &str) -> Option<ItemSet> {
    let base = builtin();
    let Some(cfg) = config.sets.get(name) else {
        return (name == DEFAULT_SET).then_some(base);
    };
    let items: Vec<Item> = match &cfg.items {
        Some(items) => items
            .get_ref()
            .iter()
            .map(|i| {
                let mut it = generic_item(
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

    use crate::config::srs::tests::AGENCY;

    #[test]
    fn builtin_wording_speaks_in_one_voice_and_keeps_away_from_the_official_anchors() {
        let set = builtin();
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
        let set = resolve(&c.srs, "default").unwrap();
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
        assert!(resolve(&c.srs, "nope").is_none());
    }

    #[test]
    fn agency_set_resolves_with_defaults_filled_in() {
        let c = parse(AGENCY).unwrap();
        assert_eq!(c.srs.default_name(), "agency");
        let set = resolve(&c.srs, "agency").unwrap();
        assert_eq!(set.items.len(), 3);
        assert_eq!(set.max, 30.0);
        assert_eq!(set.cutoff, 30.0);
        assert_eq!(set.items[1].ask, "Ask about fit.");
        assert!(set.items[0].ask.contains("connection"));
        assert_eq!(set.notice, DEFAULT_NOTICE);
        assert_eq!(c.srs.names(), ["agency", "default"]);
    }

    #[test]
    fn default_set_can_be_adjusted_without_items() {
        let c = parse("[srs.sets.default]\ncutoff = 35.5\n").unwrap();
        let set = resolve(&c.srs, "default").unwrap();
        assert_eq!(set.cutoff, 35.5);
        assert_eq!(set.items.len(), 4);
    }
}
