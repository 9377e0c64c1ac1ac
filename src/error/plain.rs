//! Parser errors in plain words: the TOML and YAML parsers' messages ("string values must be
//! quoted", "mapping values are not allowed in this context") turned into what a non-programmer
//! did (curly quotes from a word processor, a colon in a title, a tab, a word where a number
//! goes, a quote never closed) and how to fix it; plus "did you mean" for misspelt names.

/// A problem explained: where it is (byte offset in the parsed text), what is wrong, the fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Byte offset in the text the parser read.
    pub offset: usize,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub hint: String,
}

/// Typographic quotes word processors put in place of `"` and `'`.
pub const CURLY_QUOTES: [char; 9] = ['“', '”', '„', '‟', '‘', '’', '‚', '«', '»'];

/// Edit distance between `a` and `b` (by characters): insertions, deletions, substitutions
/// and swaps of two neighbours (`mdoe` is one edit from `mode`).
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    d[0] = (0..=b.len()).collect();
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}

/// The candidate closest to `name` (ignoring case) within two edits, or one edit for names of
/// four characters or fewer; ties go to the first candidate.
pub fn closest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let lower = name.to_lowercase();
    let limit = if lower.chars().count() <= 4 { 1 } else { 2 };
    candidates
        .into_iter()
        .map(|c| (edit_distance(&lower, &c.to_lowercase()), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// The first typographic quote in `text` that stands where TOML needs a straight quote: outside
/// any straight-quoted string and outside comments. Its byte offset and the quote.
pub fn curly_quote_outside_strings(text: &str) -> Option<(usize, char)> {
    let mut in_string: Option<&str> = None;
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        let Some(c) = rest.chars().next() else { break };
        match in_string {
            Some(close) => {
                if c == '\\' && close.starts_with('"') {
                    i += 1 + rest[1..].chars().next().map_or(0, char::len_utf8);
                    continue;
                }
                if rest.starts_with(close) {
                    i += close.len();
                    in_string = None;
                    continue;
                }
                if c == '\n' && close.len() == 1 {
                    // An unclosed one-line string ends at the line end.
                    in_string = None;
                }
            }
            None => {
                if c == '#' {
                    let end = rest.find('\n').map_or(text.len(), |n| i + n);
                    i = end;
                    continue;
                }
                for open in ["\"\"\"", "'''", "\"", "'"] {
                    if rest.starts_with(open) {
                        in_string = Some(open);
                        i += open.len();
                        break;
                    }
                }
                if in_string.is_some() {
                    continue;
                }
                if CURLY_QUOTES.contains(&c) {
                    return Some((i, c));
                }
            }
        }
        i += c.len_utf8();
    }
    None
}

/// The curly-quote problem at `offset` in `line_text` (the line it is on).
fn curly_problem(offset: usize, quote: char, line_text: &str) -> Problem {
    let fixed: String = line_text
        .trim()
        .chars()
        .map(|c| match c {
            '“' | '”' | '„' | '‟' | '«' | '»' => '"',
            '‘' | '’' | '‚' => '\'',
            c => c,
        })
        .collect();
    Problem {
        offset,
        message: format!("curly quote `{quote}` where a straight quote is needed"),
        hint: format!(
            "replace the curly quotes “ ” with straight quotes \" (word processors change them as you type): `{fixed}`"
        ),
    }
}

/// The line of `text` around byte `offset`, and the byte offset where it starts.
fn line_at(text: &str, offset: usize) -> (&str, usize) {
    let offset = offset.min(text.len());
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    (&text[start..end], start)
}

/// `key` and `value` of a `key = value` (TOML) or `key: value` (YAML) line.
fn key_value(line: &str, sep: char) -> Option<(&str, &str)> {
    let (k, v) = line.split_once(sep)?;
    let k = k.trim().trim_start_matches('-').trim();
    (!k.is_empty() && !k.contains(' ')).then_some((k, v.trim()))
}

/// The key of the nearest line before byte `line_start` of `text` that has one (the key a
/// value on a continuation line belongs to: a multi-line list).
fn key_above(text: &str, line_start: usize, sep: char) -> Option<&str> {
    text[..line_start.min(text.len())]
        .lines()
        .rev()
        .find_map(|l| key_value(l, sep))
        .map(|(k, _)| k)
}

/// The YAML text as a whole is not keys with values (a list, a single text).
fn whole_problem(offset: usize, found: &str) -> Problem {
    Problem {
        offset,
        message: format!("expected keys with values, found {}", found.trim()),
        hint: "write one `key: value` per line, e.g. `title: Goals`".into(),
    }
}

/// What kind of value a type name in a serde message stands for, with an example.
fn expected_words(expected: &str, key: &str) -> (&'static str, String) {
    let e = expected.trim();
    if ["i64", "u64", "i32", "u32", "usize", "u8", "u16", "integer"]
        .iter()
        .any(|t| e.ends_with(t))
    {
        ("a whole number", "2".into())
    } else if e.contains("bool") {
        (
            "true or false",
            if key == "draft" { "true" } else { "false" }.into(),
        )
    } else if e.contains("f64") || e.contains("f32") || e.contains("float") {
        ("a number", "1.5".into())
    } else if e.contains("sequence") || e.contains("array") {
        ("a list", "[\"first\", \"second\"]".into())
    } else if e.contains("map") || e.contains("struct") || e.contains("table") {
        ("a table of keys", String::new())
    } else {
        ("text", "\"...\"".into())
    }
}

/// Explains a TOML parse error (`message` and the start of its span, `offset`, in `text`) in
/// plain words, when it is one of the everyday mistakes.
pub fn toml_problem(text: &str, message: &str, offset: usize) -> Option<Problem> {
    if let Some((at, quote)) = curly_quote_outside_strings(text) {
        return Some(curly_problem(at, quote, line_at(text, at).0));
    }
    let (line, line_start) = line_at(text, offset);
    let kv = key_value(line, '=');
    if message.starts_with("string values must be quoted") {
        let (key, value) = kv?;
        if ["yes", "no", "on", "off", "True", "False", "TRUE", "FALSE"].contains(&value) {
            return Some(Problem {
                offset,
                message: format!("`{key}` must be true or false, not `{value}`"),
                hint: format!("write `{key} = true` or `{key} = false` (lower case, no quotes)"),
            });
        }
        return Some(Problem {
            offset,
            message: format!("the value of `{key}` is not in quotes"),
            hint: format!(
                "put the text in straight double quotes: `{key} = \"{}\"`",
                value.replace('"', "\\\"")
            ),
        });
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ")?;
        let key = kv
            .map(|(k, _)| k)
            .or_else(|| key_above(text, line_start, '='))?;
        return Some(type_problem(offset, key, found, expected, " = "));
    }
    if message.starts_with("invalid basic string") || message.starts_with("invalid literal string")
    {
        let quote = if message.contains("literal") {
            '\''
        } else {
            '"'
        };
        let open = line.find(quote).map_or(offset, |i| line_start + i);
        let key = kv.map_or("key", |(k, _)| k);
        return Some(Problem {
            offset: open,
            message: format!("the quote `{quote}` opened here is never closed"),
            hint: format!(
                "end the text with `{quote}` on the same line, e.g. `{key} = {quote}...{quote}`; for text over several lines use \"\"\" before and after it"
            ),
        });
    }
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let (name, allowed) = rest.split_once('`')?;
        let allowed: Vec<&str> = allowed.split('`').skip(1).step_by(2).collect();
        let list = allowed.join(", ");
        let hint = match closest(name, allowed.iter().copied()) {
            Some(c) => format!("did you mean `{c}`? Keys allowed here: {list}"),
            None if list.is_empty() => "remove the key or correct its spelling".to_string(),
            None => format!("keys allowed here: {list}"),
        };
        return Some(Problem {
            offset,
            message: format!("unknown key `{name}`"),
            hint,
        });
    }
    if message.starts_with("duplicate key") {
        let key = kv.map_or("a key", |(k, _)| k);
        return Some(Problem {
            offset,
            message: format!("`{key}` is set twice"),
            hint: "keep only one of the two lines".into(),
        });
    }
    None
}

fn type_problem(offset: usize, key: &str, found: &str, expected: &str, sep: &str) -> Problem {
    let (what, example) = expected_words(expected, key);
    let found = found.trim();
    let hint = if example.is_empty() {
        format!("write `{key}` as {what}")
    } else if what == "text" {
        format!("put the value in quotes, e.g. `{key}{sep}\"...\"`")
    } else {
        format!("write it as {what}, without quotes, e.g. `{key}{sep}{example}`")
    };
    Problem {
        offset,
        message: format!("`{key}` must be {what}, not {found}"),
        hint,
    }
}

/// Explains a YAML front matter error in plain words. `location` is the parser's 1-based
/// (line, column) in `text`; the returned offset is a byte offset in `text`.
pub fn yaml_problem(text: &str, message: &str, location: (usize, usize)) -> Option<Problem> {
    let offset_of = |line: usize, col: usize| -> usize {
        let start: usize = text
            .split_inclusive('\n')
            .take(line.saturating_sub(1))
            .map(str::len)
            .sum();
        let line_text = text[start.min(text.len())..].lines().next().unwrap_or("");
        start
            + line_text
                .char_indices()
                .nth(col.saturating_sub(1))
                .map_or(line_text.len(), |(i, _)| i)
    };
    let at = offset_of(location.0, location.1);
    if (message.contains("tab") || message.contains("cannot start any token"))
        && let Some(tab) = text.find('\t')
    {
        return Some(Problem {
            offset: tab,
            message: "YAML does not allow tabs".into(),
            hint: "indent with spaces instead of tabs (in your editor, turn on \"insert spaces\")"
                .into(),
        });
    }
    if message.starts_with("mapping values are not allowed") {
        let (line, _) = line_at(text, at);
        let (key, value) = key_value(line, ':')?;
        return Some(Problem {
            offset: at,
            message: format!(
                "the value of `{key}` contains a colon followed by a space, which YAML reads as another key"
            ),
            hint: format!(
                "put the value in quotes: `{key}: \"{}\"`",
                value.trim_matches('"').replace('"', "\\\"")
            ),
        });
    }
    if let Some(i) = message.find("while scanning a quoted scalar at line ") {
        let rest = &message[i + "while scanning a quoted scalar at line ".len()..];
        let (line, col) = two_numbers(rest)?;
        let open = offset_of(line, col);
        let quote = text[open..].chars().next().unwrap_or('"');
        let (line_text, _) = line_at(text, open);
        let key = key_value(line_text, ':').map_or("title", |(k, _)| k);
        return Some(Problem {
            offset: open,
            message: format!("the quote `{quote}` opened here is never closed"),
            hint: format!(
                "end the value with `{quote}` on the same line: `{key}: {quote}...{quote}`"
            ),
        });
    }
    for (what, close) in [("flow sequence", ']'), ("flow mapping", '}')] {
        let marker = format!("while parsing a {what} at line ");
        if let Some(i) = message.find(&marker) {
            let (line, col) = two_numbers(&message[i + marker.len()..])?;
            let open = offset_of(line, col);
            let opener = if close == ']' { '[' } else { '{' };
            let key = key_value(line_at(text, open).0, ':').map_or("key", |(k, _)| k);
            return Some(Problem {
                offset: open,
                message: format!("the `{opener}` opened here is never closed"),
                hint: format!(
                    "end it with `{close}` on the same line, e.g. `{key}: {opener}a, b{close}`; put text with commas or colons in quotes"
                ),
            });
        }
    }
    if let Some(i) = message.find("invalid type: ") {
        let path = message[..i].trim().trim_end_matches(':');
        let rest = &message[i + "invalid type: ".len()..];
        let (found, expected) = rest.split_once(", expected ")?;
        let expected = expected.split(" at line ").next().unwrap_or(expected);
        let key = if path.is_empty() {
            let (line, start) = line_at(text, at);
            key_value(line, ':')
                .map(|(k, _)| k)
                .or_else(|| key_above(text, start, ':'))
        } else {
            Some(path.rsplit('.').next().unwrap_or(path))
        };
        let Some(key) = key else {
            return Some(whole_problem(at, found));
        };
        return Some(type_problem(at, key, found, expected, ": "));
    }
    None
}

/// The first two numbers in `text` ("3 column 9" → (3, 9)).
fn two_numbers(text: &str) -> Option<(usize, usize)> {
    let mut nums = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .filter_map(|s| s.parse::<usize>().ok());
    Some((nums.next()?, nums.next()?))
}

/// Warnings for YAML values written in curly quotes (`title: “Listening”`): YAML keeps the
/// quotes as part of the text. Byte offsets of each value in `text`, with its key.
pub fn yaml_curly_values(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        if let Some((key, value)) = key_value(line, ':') {
            let first = value.chars().next();
            let last = value.chars().last();
            if let (Some(f), Some(l)) = (first, last)
                && CURLY_QUOTES.contains(&f)
                && CURLY_QUOTES.contains(&l)
                && value.chars().count() > 1
            {
                let col = line.find(value).unwrap_or(0);
                out.push((start + col, key.to_string()));
            }
        }
        start += line.len();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closest_allows_case_and_small_typos() {
        assert_eq!(closest("excercise", ["exercise", "srs"]), Some("exercise"));
        assert_eq!(closest("SRS", ["exercise", "srs"]), Some("srs"));
        assert_eq!(closest("mdoe", ["mode", "items"]), Some("mode"));
        assert_eq!(closest("css", ["exercise", "srs"]), None);
        assert_eq!(closest("python", ["exercise", "srs"]), None);
    }

    #[test]
    fn curly_quotes_inside_strings_are_fine() {
        assert_eq!(
            curly_quote_outside_strings("prompt = \"the “bond”\"\n# “x”\n"),
            None
        );
        assert_eq!(
            curly_quote_outside_strings("a = \"x\"\ntype = “single”\n"),
            Some((15, '“'))
        );
        assert_eq!(
            curly_quote_outside_strings("a = '''it’s'''\nb = ‘x’"),
            Some((21, '‘'))
        );
    }

    #[test]
    fn toml_mistakes_in_plain_words() {
        let p = toml_problem("title = “Curly”\n", "string values must be quoted", 8).unwrap();
        assert_eq!(p.offset, 8);
        assert!(p.hint.contains("`title = \"Curly\"`"), "{}", p.hint);
        let t = "title = Active listening: the basics\n";
        let p = toml_problem(
            t,
            "string values must be quoted, expected literal string",
            8,
        )
        .unwrap();
        assert_eq!(p.message, "the value of `title` is not in quotes");
        assert!(
            p.hint
                .contains("`title = \"Active listening: the basics\"`")
        );
        let p = toml_problem(
            "weight = \"first\"\n",
            "invalid type: string \"first\", expected i64",
            9,
        )
        .unwrap();
        assert_eq!(
            p.message,
            "`weight` must be a whole number, not string \"first\""
        );
        assert!(p.hint.contains("`weight = 2`"));
        let p = toml_problem("title = \"open\nweight = 2\n", "invalid basic string", 13).unwrap();
        assert_eq!(p.offset, 8);
        assert!(p.message.contains("never closed"));
    }

    #[test]
    fn unknown_fields_get_a_suggestion() {
        let p = toml_problem(
            "titel = 1\n",
            "unknown field `titel`, expected one of `title`, `description`",
            0,
        )
        .unwrap();
        assert_eq!(p.message, "unknown key `titel`");
        assert_eq!(
            p.hint,
            "did you mean `title`? Keys allowed here: title, description"
        );
    }

    #[test]
    fn yaml_mistakes_in_plain_words() {
        let t = "title: Active listening: the basics\n";
        let p = yaml_problem(t, "mapping values are not allowed in this context", (1, 24)).unwrap();
        assert!(
            p.hint.contains("`title: \"Active listening: the basics\"`"),
            "{}",
            p.hint
        );
        let t = "title: x\n\tweight: 2\n";
        let p = yaml_problem(t, "found a tab character that violates indentation", (2, 1)).unwrap();
        assert_eq!(
            (p.offset, p.message.as_str()),
            (9, "YAML does not allow tabs")
        );
        let p = yaml_problem(
            "weight: first\n",
            "weight: invalid type: string \"first\", expected i64 at line 1 column 9",
            (1, 9),
        )
        .unwrap();
        assert_eq!(
            p.message,
            "`weight` must be a whole number, not string \"first\""
        );
        assert!(p.hint.contains("`weight: 2`"));
        let t = "title: \"open\nweight: 2\n";
        let p = yaml_problem(
            t,
            "found unexpected end of stream, while scanning a quoted scalar at line 1 column 8",
            (3, 1),
        )
        .unwrap();
        assert_eq!(p.offset, 7);
    }

    #[test]
    fn type_errors_name_the_real_key_never_a_placeholder() {
        // A value on a continuation line of a list belongs to the key above it.
        let t = "title = \"x\"\nread = [\n  \"a.md\",\n  2,\n]\n";
        let p = toml_problem(t, "invalid type: integer `2`, expected a string", 30).unwrap();
        assert!(p.message.starts_with("`read` must be"), "{}", p.message);
        let t = "tags:\n  - a\n  - [b]\n";
        let p = yaml_problem(t, "invalid type: sequence, expected a string", (3, 5)).unwrap();
        assert!(p.message.starts_with("`tags` must be"), "{}", p.message);
        // The whole text is not keys with values: said so, without a made-up key.
        let p = yaml_problem(
            "- one\n- two\n",
            "invalid type: sequence, expected struct FrontMatter",
            (1, 1),
        )
        .unwrap();
        assert_eq!(p.message, "expected keys with values, found sequence");
        assert!(!p.message.contains("the value") && !p.hint.contains("the value"));
    }

    #[test]
    fn curly_yaml_values_are_found() {
        let t = "title: “Listening”\nnote: it’s fine\n";
        assert_eq!(yaml_curly_values(t), vec![(7, "title".to_string())]);
    }
}
