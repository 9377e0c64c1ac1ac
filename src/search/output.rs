//! Writing the index: `search-index.js` alone, or the entry plus term shards, section shards
//! and the stem list (see the module documentation of `search`); the compact postings encoding
//! and the snippets.

use super::{DOC_CHUNK, Index, SNIPPET_CHARS, TERM_SHARD_TARGET};
use rayon::prelude::*;
use std::ops::Range;

impl Index<'_> {
    /// The index files: `search-index.js` alone when it fits in `single_max` bytes, else
    /// `search-index.js` and the `search/` shards (see the module documentation).
    pub fn files(&self, single_max: usize) -> Vec<(String, Vec<u8>)> {
        self.files_with(single_max, TERM_SHARD_TARGET)
    }

    /// [`Index::files`] with term shards split above `shard_target` bytes.
    pub(super) fn files_with(
        &self,
        single_max: usize,
        shard_target: usize,
    ) -> Vec<(String, Vec<u8>)> {
        let encoded: Vec<String> = self
            .terms
            .par_iter()
            .map(|(_, p)| {
                let mut s = String::with_capacity(p.len() * 2);
                encode_postings(p, &mut s);
                s
            })
            .collect();
        let mut stop = String::new();
        json_list(&mut stop, self.language.stop_words.iter().copied());
        let head = |keys: &str| {
            format!(
                "window.HANDBOOK_SEARCH = {{\"v\":2,\"stop\":{stop},\"count\":{},\"chunk\":{DOC_CHUNK},\"keys\":{keys},",
                self.docs.len()
            )
        };
        // A lower bound of the single file's size, to skip building it for large sites.
        let lower: usize = encoded.iter().map(String::len).sum::<usize>()
            + self
                .docs
                .iter()
                .map(|d| d.id.len() + d.heading.len() + d.text.len().min(SNIPPET_CHARS / 2))
                .sum::<usize>();
        if lower <= single_max {
            let mut text = head("null");
            text.push_str("\"docs\":");
            self.docs_json(&mut text, 0..self.docs.len());
            text.push_str(",\"terms\":");
            self.terms_json(&mut text, &encoded, 0..self.terms.len());
            text.push_str("};\n");
            if text.len() <= single_max {
                return vec![("search-index.js".to_string(), text.into_bytes())];
            }
        }

        let groups = self.term_groups(&encoded, shard_target);
        let mut keys = String::new();
        json_list(&mut keys, groups.iter().map(|(k, _)| k.as_str()));
        let mut entry = head(&keys);
        entry.push_str("\"docs\":null,\"terms\":null};\n");
        let mut out = vec![("search-index.js".to_string(), entry.into_bytes())];
        let mut dict = String::from("window.HANDBOOK_SEARCH_SHARD(\"w\", \"\", \"");
        for (i, (t, _)) in self.terms.iter().enumerate() {
            if i > 0 {
                dict.push(' ');
            }
            crate::js::push_escaped(&mut dict, t);
        }
        dict.push_str("\");\n");
        out.push(("search/terms.js".to_string(), dict.into_bytes()));
        out.par_extend(groups.par_iter().map(|(key, range)| {
            let mut text = String::from("window.HANDBOOK_SEARCH_SHARD(\"t\", ");
            crate::js::push_string(&mut text, key);
            text.push_str(", ");
            self.terms_json(&mut text, &encoded, range.clone());
            text.push_str(");\n");
            (format!("search/t-{}.js", hex(key)), text.into_bytes())
        }));
        let chunks = self.docs.len().div_ceil(DOC_CHUNK);
        out.par_extend((0..chunks).into_par_iter().map(|c| {
            let mut text = format!("window.HANDBOOK_SEARCH_SHARD(\"d\", {c}, ");
            self.docs_json(
                &mut text,
                c * DOC_CHUNK..((c + 1) * DOC_CHUNK).min(self.docs.len()),
            );
            text.push_str(");\n");
            (format!("search/d-{c}.js"), text.into_bytes())
        }));
        out
    }

    /// The term shards: key and range of `terms`, in term order. A key is a term's first two
    /// characters (all of a shorter term); a group over `target` bytes is split by one more
    /// character, again and again (a term equal to the group's key keeps that key), so a term's
    /// shard is the longest key that starts it.
    fn term_groups(&self, encoded: &[String], target: usize) -> Vec<(String, Range<usize>)> {
        let mut out = Vec::new();
        self.split_groups(encoded, 0..self.terms.len(), 2, target, &mut out);
        out
    }

    fn split_groups(
        &self,
        encoded: &[String],
        range: Range<usize>,
        n: usize,
        target: usize,
        out: &mut Vec<(String, Range<usize>)>,
    ) {
        for (key, r) in runs(&self.terms, range, n) {
            let size: usize = r
                .clone()
                .map(|i| self.terms[i].0.len() + encoded[i].len() + 6)
                .sum();
            if size <= target || r.len() == 1 {
                out.push((key, r));
                continue;
            }
            let mut start = r.start;
            if self.terms[start].0 == key {
                out.push((key, start..start + 1));
                start += 1;
            }
            self.split_groups(encoded, start..r.end, n + 1, target, out);
        }
    }

    /// `[[url, title, [[id, heading, snippet], ..]], ..]` for the docs in `range`.
    fn docs_json(&self, out: &mut String, range: Range<usize>) {
        out.push('[');
        let mut page: Option<&str> = None;
        for i in range {
            let d = &self.docs[i];
            if page == Some(d.url) {
                out.push(',');
            } else {
                if page.is_some() {
                    out.push_str("]],");
                }
                page = Some(d.url);
                out.push('[');
                crate::js::push_string(out, d.url);
                out.push(',');
                crate::js::push_string(out, d.title);
                out.push_str(",[");
            }
            out.push('[');
            crate::js::push_string(out, d.id);
            out.push(',');
            crate::js::push_string(out, d.heading);
            out.push(',');
            crate::js::push_string(out, &snippet(d.text));
            out.push(']');
        }
        if page.is_some() {
            out.push_str("]]");
        }
        out.push(']');
    }

    /// `{"stem":"postings",..}` for the terms in `range`.
    fn terms_json(&self, out: &mut String, encoded: &[String], range: Range<usize>) {
        out.push('{');
        for i in range.clone() {
            if i > range.start {
                out.push(',');
            }
            crate::js::push_string(out, &self.terms[i].0);
            out.push(':');
            out.push('"');
            out.push_str(&encoded[i]);
            out.push('"');
        }
        out.push('}');
    }
}

/// The runs of `terms[range]` sharing their first `n` characters: (prefix, range).
fn runs(
    terms: &[(String, Vec<u32>)],
    range: Range<usize>,
    n: usize,
) -> Vec<(String, Range<usize>)> {
    let mut out: Vec<(String, Range<usize>)> = Vec::new();
    for i in range {
        let p = prefix(&terms[i].0, n);
        match out.last_mut() {
            Some((k, r)) if k == p => r.end = i + 1,
            _ => out.push((p.to_string(), i..i + 1)),
        }
    }
    out
}

/// The first `n` characters of `s` (all of a shorter one).
pub(super) fn prefix(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// The UTF-8 bytes of `s` in lower-case hex (shard file names).
pub fn hex(s: &str) -> String {
    s.bytes().map(|b| format!("{b:02x}")).collect()
}

/// The digits of [`encode_postings`]: `0`-`9A-V` end a number, `W`-`Za-z-_` continue it.
const DIGITS: &[u8; 64] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";

/// Appends `postings` (`doc << 5 | weight`, by doc order) as text: per posting the number
/// `(doc - previous doc - 1) * 32 + weight` (the previous doc of the first is -1), five bits a
/// digit, least significant first, the last digit of a number from the first half of
/// `DIGITS`. A section holding a common word costs one or two characters.
pub fn encode_postings(postings: &[u32], out: &mut String) {
    let mut prev: i64 = -1;
    for &p in postings {
        let doc = i64::from(p >> 5);
        let mut v = ((doc - prev - 1) as u64) << 5 | u64::from(p & 31);
        prev = doc;
        while v >= 32 {
            out.push(DIGITS[32 + (v & 31) as usize] as char);
            v >>= 5;
        }
        out.push(DIGITS[v as usize] as char);
    }
}

/// The inverse of [`encode_postings`]: (doc, weight) pairs.
pub fn decode_postings(text: &str) -> Vec<(u32, u32)> {
    let mut out = Vec::new();
    let (mut v, mut shift, mut prev) = (0u64, 0u32, -1i64);
    for b in text.bytes() {
        let d = DIGITS.iter().position(|&c| c == b).unwrap_or(0) as u64;
        v |= (d & 31) << shift;
        shift += 5;
        if d < 32 {
            let doc = prev + 1 + (v >> 5) as i64;
            out.push((doc as u32, (v & 31) as u32));
            prev = doc;
            v = 0;
            shift = 0;
        }
    }
    out
}

/// Appends `items` as a JSON list of strings.
fn json_list<'s>(out: &mut String, items: impl Iterator<Item = &'s str>) {
    out.push('[');
    for (i, s) in items.enumerate() {
        if i > 0 {
            out.push(',');
        }
        crate::js::push_string(out, s);
    }
    out.push(']');
}

/// The first [`SNIPPET_CHARS`] characters of `text`, whitespace collapsed, cut at a word
/// boundary.
pub fn snippet(text: &str) -> String {
    let mut out = String::new();
    let mut chars = 0;
    let mut long = false;
    for w in text.split_whitespace() {
        let n = w.chars().count();
        if chars > 0 {
            out.push(' ');
            chars += 1;
        }
        out.push_str(w);
        chars += n;
        if chars > SNIPPET_CHARS {
            long = true;
            break;
        }
    }
    if !long {
        return out;
    }
    let cut = prefix(&out, SNIPPET_CHARS);
    let cut = match cut.rfind(' ') {
        Some(i) if i > SNIPPET_CHARS / 2 => &cut[..i],
        _ => cut,
    };
    format!("{}…", cut.trim_end_matches(|c: char| !c.is_alphanumeric()))
}
