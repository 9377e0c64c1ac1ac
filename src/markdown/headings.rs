//! Heading ids as GitHub computes them, so anchors written for GitHub keep working.

use std::collections::HashMap;

/// GitHub's slug for a heading text: lower-case; every character that is not a letter, mark,
/// number, connector punctuation, space or hyphen removed; spaces turned into hyphens.
pub fn github_slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.trim().chars() {
        if c == ' ' {
            out.push('-');
        } else if c == '-' || c == '_' || c.is_alphanumeric() || is_mark(c) {
            out.extend(c.to_lowercase());
        }
    }
    out
}

fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Hands out unique ids on one page the way GitHub does: the second `intro` is `intro-1`.
#[derive(Debug, Default)]
pub struct IdAllocator {
    seen: HashMap<String, usize>,
}

impl IdAllocator {
    /// Reserves an explicit id (from `{#id}`) so later generated ids avoid it.
    pub fn reserve(&mut self, id: &str) {
        self.seen.entry(id.to_string()).or_insert(0);
    }

    /// A unique id for a heading with text `text`.
    pub fn allocate(&mut self, text: &str) -> String {
        let base = github_slug(text);
        let base = if base.is_empty() {
            "section".to_string()
        } else {
            base
        };
        match self.seen.get(&base).copied() {
            None => {
                self.seen.insert(base.clone(), 0);
                base
            }
            Some(mut n) => loop {
                n += 1;
                let candidate = format!("{base}-{n}");
                if !self.seen.contains_key(&candidate) {
                    self.seen.insert(base.clone(), n);
                    self.seen.insert(candidate.clone(), 0);
                    break candidate;
                }
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn github_compatible_slugs() {
        assert_eq!(
            github_slug("Goals and topics: what to ask"),
            "goals-and-topics-what-to-ask"
        );
        assert_eq!(github_slug("What's new?"), "whats-new");
        assert_eq!(
            github_slug("Rogers' six conditions (1957)"),
            "rogers-six-conditions-1957"
        );
        assert_eq!(github_slug("A  -- B"), "a-----b");
        assert_eq!(github_slug("Émotion & co"), "émotion--co");
        assert_eq!(github_slug("snake_case"), "snake_case");
    }

    #[test]
    fn duplicates_get_suffixes() {
        let mut ids = IdAllocator::default();
        assert_eq!(ids.allocate("Example"), "example");
        assert_eq!(ids.allocate("Example"), "example-1");
        assert_eq!(ids.allocate("Example"), "example-2");
        assert_eq!(ids.allocate("Example 1"), "example-1-1");
    }
}
