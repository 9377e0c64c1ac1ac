//! JSON written into JavaScript: the one escape for data that ends up inside a script.

use serde::Serialize;

/// `value` as JSON safe inside a classic script, inline or in a file: `</` is written `<\/`
/// (it cannot close an inline `<script>` early) and U+2028/U+2029 are escaped (line breaks to
/// older JavaScript parsers). `fallback` is used if `value` cannot be serialised.
pub fn script_json<T: Serialize + ?Sized>(value: &T, fallback: &str) -> String {
    let json = serde_json::to_string(value).unwrap_or_else(|_| fallback.into());
    json.replace("</", "<\\/")
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
}

/// Appends `s` as a JSON string literal, escaped for a script as [`script_json`] escapes
/// U+2028/U+2029; for writers that stream JSON by hand (the search index).
pub fn push_string(out: &mut String, s: &str) {
    out.push('"');
    push_escaped(out, s);
    out.push('"');
}

/// Appends `s` escaped for the inside of a JSON string (and of a JavaScript one: U+2028 and
/// U+2029 are escaped too).
pub fn push_escaped(out: &mut String, s: &str) {
    let mut start = 0;
    for (i, c) in s.char_indices() {
        let esc = match c {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => "",
            _ => continue,
        };
        out.push_str(&s[start..i]);
        if esc.is_empty() {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push_str(esc);
        }
        start = i + c.len_utf8();
    }
    out.push_str(&s[start..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_json_cannot_close_a_script() {
        let s = script_json(&["</script>", "a\u{2028}b"], "[]");
        assert_eq!(s, r#"["<\/script>","a\u2028b"]"#);
        let back: Vec<String> = serde_json::from_str(&s).unwrap();
        assert_eq!(back, ["</script>", "a\u{2028}b"]);
    }

    #[test]
    fn strings_are_escaped() {
        let mut out = String::new();
        push_string(&mut out, "a \"b\" \\ c\nd\u{1}\u{2028}é");
        assert_eq!(out, r#""a \"b\" \\ c\nd\u0001\u2028é""#);
        let back: String = serde_json::from_str(&out).unwrap();
        assert_eq!(back, "a \"b\" \\ c\nd\u{1}\u{2028}é");
    }
}
