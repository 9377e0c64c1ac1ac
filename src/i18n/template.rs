//! The placeholders of a catalogue value: `{name}` (an ASCII identifier in braces) is replaced
//! by a parameter; `{{` and `}}` stand for literal braces. `i18n.js` fills them the same way.

/// One piece of a parsed value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Text written as it is (braces already unescaped).
    Text(std::borrow::Cow<'a, str>),
    /// A `{name}` placeholder.
    Param(&'a str),
}

/// Parses `value` into text and placeholders, or says what is wrong (a brace that opens no
/// placeholder, a placeholder never closed, a name that is not an identifier).
pub fn parse(value: &str) -> Result<Vec<Piece<'_>>, String> {
    let mut pieces = Vec::new();
    let mut text = String::new();
    let mut rest = value;
    while let Some(i) = rest.find(['{', '}']) {
        text.push_str(&rest[..i]);
        let tail = &rest[i..];
        if let Some(after) = tail.strip_prefix("{{").or_else(|| tail.strip_prefix("}}")) {
            text.push(tail.as_bytes()[0] as char);
            rest = after;
            continue;
        }
        if tail.starts_with('}') {
            return Err("a `}` without its `{` (write `}}` for a literal brace)".into());
        }
        let Some(end) = tail.find('}') else {
            return Err("a `{` that is never closed (write `{{` for a literal brace)".into());
        };
        let name = &tail[1..end];
        if !is_identifier(name) {
            return Err(format!(
                "`{{{name}}}` is not a placeholder: a name is letters, digits and `_` (write `{{{{` for a literal brace)"
            ));
        }
        if !text.is_empty() {
            pieces.push(Piece::Text(std::mem::take(&mut text).into()));
        }
        pieces.push(Piece::Param(name));
        rest = &tail[end + 1..];
    }
    text.push_str(rest);
    if !text.is_empty() {
        pieces.push(Piece::Text(text.into()));
    }
    Ok(pieces)
}

/// Whether `name` is an ASCII identifier (a letter or `_`, then letters, digits or `_`).
fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// The placeholder names of `value`, in order, each once (empty when it does not parse).
pub fn params(value: &str) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for piece in parse(value).unwrap_or_default() {
        if let Piece::Param(name) = piece
            && !out.contains(&name)
        {
            out.push(name);
        }
    }
    out
}

/// Fills `value`'s placeholders from `lookup`; a placeholder it has no value for is an error
/// naming it. `value` has been checked when the catalogue was loaded.
pub fn fill(value: &str, lookup: &dyn Fn(&str) -> Option<String>) -> Result<String, String> {
    let mut out = String::with_capacity(value.len());
    for piece in parse(value)? {
        match piece {
            Piece::Text(t) => out.push_str(&t),
            Piece::Param(name) => match lookup(name) {
                Some(v) => out.push_str(&v),
                None => return Err(format!("no value for the placeholder `{{{name}}}`")),
            },
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lookup(name: &str) -> Option<String> {
        match name {
            "count" => Some("3".into()),
            "name" => Some("Ana".into()),
            _ => None,
        }
    }

    #[test]
    fn placeholders_and_literal_braces() {
        assert_eq!(fill("{count} results", &lookup).unwrap(), "3 results");
        assert_eq!(
            fill("{{name}} is {name} {{", &lookup).unwrap(),
            "{name} is Ana {"
        );
        assert_eq!(fill("}} plain", &lookup).unwrap(), "} plain");
        assert_eq!(params("{a} {b} {a} {{c}}"), ["a", "b"]);
    }

    #[test]
    fn broken_placeholders_are_explained() {
        assert!(parse("{count").unwrap_err().contains("never closed"));
        assert!(parse("a } b").unwrap_err().contains("without its"));
        assert!(
            parse("{two words}")
                .unwrap_err()
                .contains("not a placeholder")
        );
        assert!(parse("{1x}").is_err());
        assert!(parse("{}").is_err());
    }

    #[test]
    fn a_missing_value_is_named() {
        let e = fill("Hello {who}", &lookup).unwrap_err();
        assert!(e.contains("`{who}`"), "{e}");
    }
}
