//! File names to slugs and titles: numeric ordering prefixes (`02-goals.md`) are dropped from
//! slugs and titles but kept for ordering.

/// Splits a numeric ordering prefix (`02-`, `2_`, `10.`, `03 `) from a file or folder stem.
/// Returns the number and the rest. There is a prefix only when what remains after it starts
/// with a letter: `6.0`, `2024`, `1` and `10-20` are names, not prefixes, and keep every digit.
pub fn split_prefix(stem: &str) -> (Option<u64>, &str) {
    let digits = stem.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 18 {
        return (None, stem);
    }
    let rest = &stem[digits..];
    let Some(sep) = rest.chars().next() else {
        return (None, stem);
    };
    if !matches!(sep, '-' | '_' | '.' | ' ') {
        return (None, stem);
    }
    let rest = &rest[1..];
    if !rest.chars().next().is_some_and(char::is_alphabetic) {
        return (None, stem);
    }
    (stem[..digits].parse().ok(), rest)
}

/// The URL slug of a file or folder stem: prefix removed, lower-case, runs of anything other
/// than letters, digits, `-` and `_` turned into single hyphens.
pub fn slugify(stem: &str) -> String {
    let (_, rest) = split_prefix(stem);
    let mut out = String::with_capacity(rest.len());
    let mut pending_dash = false;
    for c in rest.chars() {
        if c.is_alphanumeric() || c == '_' || c == '-' {
            if pending_dash && !out.is_empty() {
                out.push('-');
            }
            pending_dash = false;
            out.extend(c.to_lowercase());
        } else {
            pending_dash = true;
        }
    }
    let out = out.trim_matches('-');
    if out.is_empty() {
        "page".into()
    } else {
        out.to_string()
    }
}

/// A readable title from a file or folder name: `02-agreement_on-goals` -> `Agreement on goals`.
pub fn title_from_name(name: &str) -> String {
    let stem = name.strip_suffix(".md").unwrap_or(name);
    let (_, rest) = split_prefix(stem);
    let words: Vec<&str> = rest
        .split(['-', '_', ' '])
        .filter(|w| !w.is_empty())
        .collect();
    let mut title = words.join(" ");
    if let Some(first) = title.chars().next() {
        let upper: String = first.to_uppercase().collect();
        title.replace_range(..first.len_utf8(), &upper);
    }
    if title.is_empty() {
        "Untitled".into()
    } else {
        title
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_are_split() {
        assert_eq!(split_prefix("02-goals"), (Some(2), "goals"));
        assert_eq!(split_prefix("10_tasks"), (Some(10), "tasks"));
        assert_eq!(split_prefix("2024"), (None, "2024"));
        assert_eq!(split_prefix("goals"), (None, "goals"));
        assert_eq!(split_prefix("3d-models"), (None, "3d-models"));
        assert_eq!(split_prefix("03 Überblick"), (Some(3), "Überblick"));
    }

    #[test]
    fn numbers_that_are_names_keep_every_digit() {
        for name in [
            "6.0",
            "7.0",
            "2024",
            "1",
            "10-20",
            "2024-01-15",
            "1.2.3",
            "03-",
            "01-_x",
        ] {
            assert_eq!(split_prefix(name), (None, name), "{name}");
        }
        assert_eq!(slugify("6.0"), "6-0");
        assert_eq!(slugify("7.0"), "7-0");
        assert_eq!(slugify("10-20"), "10-20");
        assert_eq!(slugify("2024"), "2024");
        assert_eq!(title_from_name("6.0.md"), "6.0");
        assert_eq!(slugify("02-v6.0"), "v6-0");
    }

    #[test]
    fn slugs_drop_prefix_and_punctuation() {
        assert_eq!(slugify("02-Goals & Tasks"), "goals-tasks");
        assert_eq!(slugify("ch0001-intro"), "ch0001-intro");
        assert_eq!(slugify("Überblick"), "überblick");
        assert_eq!(slugify("03-"), "03");
    }

    #[test]
    fn titles_from_names() {
        assert_eq!(
            title_from_name("02-agreement_on-goals.md"),
            "Agreement on goals"
        );
        assert_eq!(title_from_name("notes"), "Notes");
    }
}
