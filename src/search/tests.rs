//! Tests of the search index: tokenising, ranking, the postings encoding and the sharded
//! layout.

use super::index::Analyzer;
use super::output::prefix;
use super::*;

fn doc<'a>(
    url: &'a str,
    title: &'a str,
    id: &'a str,
    heading: &'a str,
    text: &'a str,
    first: bool,
) -> Doc<'a> {
    Doc {
        url,
        title,
        id,
        heading,
        text,
        first,
    }
}

fn fixture() -> Index<'static> {
    Index::build(vec![
        doc(
            "bond.html",
            "Bond",
            "",
            "",
            "Warmth and trust; validation helps.",
            true,
        ),
        doc(
            "check.html",
            "Self-check: validation",
            "",
            "",
            "Validation.",
            true,
        ),
        doc(
            "bond.html",
            "Bond",
            "repair",
            "Repair",
            "Validating after a rupture.",
            false,
        ),
        doc(
            "validation/index.html",
            "Validation",
            "",
            "",
            "What it is.",
            true,
        ),
        doc(
            "goals.html",
            "Goals",
            "validation-of-goals",
            "Validation of goals",
            "x",
            true,
        ),
    ])
}

/// A site of `pages` pages of `sections` sections each, with words drawn from a small
/// vocabulary, for the sharding and parallel-merge tests.
fn generated(pages: usize, sections: usize) -> (Vec<String>, Vec<String>) {
    const WORDS: &[&str] = &[
        "alliance",
        "bond",
        "rupture",
        "repair",
        "validation",
        "empathy",
        "goal",
        "task",
        "session",
        "client",
        "feedback",
        "trust",
        "warmth",
        "listening",
        "reflect",
        "supervision",
        "trainee",
        "agreement",
        "scale",
        "rating",
    ];
    let mut seed = 7u64;
    let mut next = move || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize
    };
    let mut titles = Vec::new();
    let mut texts = Vec::new();
    for p in 0..pages {
        titles.push(format!("Page {p} {}", WORDS[p % WORDS.len()]));
        for _ in 0..sections {
            let n = 5 + next() % 40;
            let words: Vec<&str> = (0..n).map(|_| WORDS[next() % WORDS.len()]).collect();
            texts.push(format!("{} w{}.", words.join(" "), next() % 3000));
        }
    }
    (titles, texts)
}

fn generated_docs<'a>(
    titles: &'a [String],
    texts: &'a [String],
    urls: &'a [String],
    sections: usize,
) -> Vec<Doc<'a>> {
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| Doc {
            url: &urls[i / sections],
            title: &titles[i / sections],
            id: "",
            heading: "",
            text: t,
            first: i % sections == 0,
        })
        .collect()
}

/// Runs the `search-index.js` and shard scripts in a scope and returns the data they pass.
fn parse_script(text: &[u8]) -> serde_json::Value {
    let text = std::str::from_utf8(text).unwrap();
    let json = if let Some(rest) = text.strip_prefix("window.HANDBOOK_SEARCH = ") {
        rest.trim_end().trim_end_matches(';').to_string()
    } else {
        let rest = text
            .strip_prefix("window.HANDBOOK_SEARCH_SHARD(")
            .unwrap()
            .trim_end()
            .trim_end_matches(';')
            .trim_end_matches(')');
        format!("[{rest}]")
    };
    serde_json::from_str(&json).unwrap()
}

#[test]
fn stop_words_are_sorted_for_binary_search() {
    let mut sorted = STOP_WORDS.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(sorted, STOP_WORDS);
    assert!(is_stop_word("the") && !is_stop_word("bond"));
}

#[test]
fn tokenizing_lower_cases_and_splits() {
    assert_eq!(
        tokenize("Client's \"SRS\" score: 36/40, e-mail"),
        ["client", "s", "srs", "score", "36", "40", "e", "mail"]
    );
    // Word by word lower-casing splits like lower-casing the whole text first.
    for text in [
        "Ärger ÜBER Öl",
        "İstanbul x",
        "naïve café",
        "ΑΒΓ δ",
        "a—b",
        "x1, ¼ ½ 2² «Ab»  end",
        "",
        "—",
        "한국어 텍스트",
    ] {
        let whole: Vec<String> = text
            .to_lowercase()
            .split(|c: char| !is_word_char(c))
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect();
        assert_eq!(tokenize(text), whole, "{text}");
    }
}

#[test]
fn chinese_and_japanese_runs_give_bigrams() {
    assert_eq!(tokenize("治疗联盟 心"), ["治疗", "疗联", "联盟", "心"]);
    assert_eq!(tokenize("Excel表格2024年"), ["excel", "表格", "2024", "年"]);
    assert_eq!(tokenize("ひらがなカ"), ["ひら", "らが", "がな", "なカ"]);
    assert_eq!(tokenize("한국어"), ["한국어"]);
}

#[test]
fn a_spanish_index_finds_inflected_and_unaccented_words() {
    let docs = vec![
        doc(
            "a.html",
            "Alianza",
            "",
            "",
            "La validación de las emociones",
            true,
        ),
        doc("b.html", "Otra", "", "", "Nada que ver con esto", true),
    ];
    let index = Index::build_for(docs, Language::for_tag("es-MX"));
    for q in [
        "validación",
        "validacion",
        "validaciones",
        "emoción",
        "EMOCION",
    ] {
        assert_eq!(index.search(q), [0], "{q}");
    }
    // Spanish keeps every word: "de" is no stop word there.
    assert_eq!(index.search("de"), [0]);
    let file = String::from_utf8(index.files(usize::MAX)[0].1.clone()).unwrap();
    assert!(file.contains("\"stop\":[]"), "{file}");
}

#[test]
fn without_a_stemmer_words_stay_whole_and_fold() {
    let docs = vec![doc(
        "a.html",
        "नमस्ते",
        "",
        "",
        "चिकित्सकों का सत्र; ψυχοθεραπεία",
        true,
    )];
    let index = Index::build_for(docs, Language::for_tag("hi"));
    assert_eq!(index.search("चिकित्सकों"), [0]);
    assert!(index.search("चिकित्सक").is_empty());
    assert_eq!(index.search("ψυχοθεραπεια"), [0]);
}

#[test]
fn stemming_and_stop_words() {
    let s = Language::english();
    assert_eq!(
        terms(&s, "The validating of validation"),
        ["valid", "valid"]
    );
    assert_eq!(terms(&s, "ruptures repaired"), ["ruptur", "repair"]);
    assert!(terms(&s, "the and of to").is_empty());
}

#[test]
fn ranking_title_then_heading_then_body() {
    let index = fixture();
    let urls: Vec<&str> = index
        .search("validating")
        .into_iter()
        .map(|d| index.docs[d].id)
        .collect();
    // short title, longer title, heading (goals), then body hits in doc order.
    assert_eq!(urls, ["", "", "validation-of-goals", "", "repair"]);
    assert_eq!(
        index.docs[index.search("validating")[0]].url,
        "validation/index.html"
    );
    assert!(index.search("the").is_empty());
    assert_eq!(index.search("rupture validation"), [2]);
    assert_eq!(index.docs[index.search("validating")[1]].url, "check.html");
}

#[test]
fn weights() {
    let index = fixture();
    let valid: Vec<(u32, u32)> = index
        .postings("valid")
        .unwrap()
        .iter()
        .map(|p| (p >> 5, p & 31))
        .collect();
    // bond: body 1; check: title 10 + 10/3 and body 1; bond#repair: body 1;
    // validation: title 10 + 10; goals: heading 5.
    assert_eq!(valid, [(0, 1), (1, 14), (2, 1), (3, 20), (4, 5)]);
    let many = "trust ".repeat(10);
    let index = Index::build(vec![doc("a.html", "A", "", "", &many, true)]);
    assert_eq!(index.postings("trust"), Some(&[BODY_CAP * W_BODY][..]));
}

#[test]
fn postings_round_trip() {
    let postings: Vec<u32> = [
        (0, 1),
        (1, 28),
        (2, 3),
        (40, 5),
        (100_000, 31),
        (100_001, 0),
    ]
    .iter()
    .map(|&(d, w)| d << 5 | w)
    .collect();
    let mut text = String::new();
    encode_postings(&postings, &mut text);
    // Neighbours with small weights cost one character.
    assert_eq!(&text[..1], "1");
    assert!(
        text.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    );
    let back: Vec<u32> = decode_postings(&text)
        .into_iter()
        .map(|(d, w)| d << 5 | w)
        .collect();
    assert_eq!(back, postings);
}

#[test]
fn single_file() {
    let index = fixture();
    let one = index.files(SINGLE_FILE_MAX);
    assert_eq!(one.len(), 1);
    assert_eq!(one[0].0, "search-index.js");
    let v = parse_script(&one[0].1);
    assert_eq!(v["v"], 2);
    assert_eq!(v["count"], 5);
    assert!(v["keys"].is_null());
    assert_eq!(v["stop"].as_array().unwrap().len(), STOP_WORDS.len());
    // Pages group their consecutive sections.
    assert_eq!(v["docs"][0][0], "bond.html");
    assert_eq!(v["docs"][0][2][0][2], "Warmth and trust; validation helps.");
    assert_eq!(v["docs"][2][2][0][0], "repair");
    assert_eq!(v["docs"].as_array().unwrap().len(), 5);
    let valid = v["terms"]["valid"].as_str().unwrap();
    assert_eq!(decode_postings(valid).len(), 5);
}

#[test]
fn shards_cover_every_term_and_doc() {
    let (titles, texts) = generated(300, 5);
    let urls: Vec<String> = (0..300).map(|p| format!("p{p}.html")).collect();
    let index = Index::build(generated_docs(&titles, &texts, &urls, 5));
    let files = index.files_with(0, 2_000);
    let entry = parse_script(&files[0].1);
    assert_eq!(files[0].0, "search-index.js");
    assert!(entry["docs"].is_null() && entry["terms"].is_null());
    assert_eq!(entry["count"], 1500);
    assert_eq!(entry["chunk"], DOC_CHUNK);
    let keys: Vec<&str> = entry["keys"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k.as_str().unwrap())
        .collect();
    let mut sorted = keys.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(sorted, keys, "keys are sorted and distinct");
    // The w0..w2999 terms make the "w" shard large enough to split by three letters.
    assert!(!keys.contains(&"w"));
    assert!(keys.iter().any(|k| k.starts_with("w1") && k.len() == 3));
    assert!(keys.contains(&"ag"), "small groups keep two letters");
    let mut terms = Vec::new();
    let mut docs = 0;
    for (path, bytes) in &files[1..] {
        let v = parse_script(bytes);
        match v[0].as_str().unwrap() {
            "t" => {
                let key = v[1].as_str().unwrap();
                assert_eq!(path, &format!("search/t-{}.js", hex(key)));
                assert!(keys.contains(&key));
                for (t, p) in v[2].as_object().unwrap() {
                    assert!(t.starts_with(key), "{t} in shard {key}");
                    // The lookup the browser does: the longest key that starts the term.
                    let want = (1..=t.chars().count())
                        .rev()
                        .map(|n| prefix(t, n))
                        .find(|k| keys.contains(k));
                    assert_eq!(want, Some(key), "{t}");
                    terms.push((t.clone(), p.as_str().unwrap().to_string()));
                }
            }
            "d" => {
                let c = v[1].as_u64().unwrap() as usize;
                assert_eq!(path, &format!("search/d-{c}.js"));
                let n: usize = v[2]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|page| page[2].as_array().unwrap().len())
                    .sum();
                assert_eq!(n, DOC_CHUNK.min(1500 - c * DOC_CHUNK));
                // A chunk starts with the page of its first section.
                assert_eq!(v[2][0][0], urls[c * DOC_CHUNK / 5]);
                docs += n;
            }
            "w" => {
                let all: Vec<&str> = v[2].as_str().unwrap().split(' ').collect();
                assert_eq!(all.len(), index.terms.len());
            }
            k => panic!("unknown shard kind {k}"),
        }
    }
    assert_eq!(docs, 1500);
    terms.sort();
    assert_eq!(terms.len(), index.terms.len());
    for ((t, p), (want_t, want_p)) in terms.iter().zip(&index.terms) {
        assert_eq!(t, want_t);
        let want: Vec<(u32, u32)> = want_p.iter().map(|p| (p >> 5, p & 31)).collect();
        assert_eq!(decode_postings(p), want);
    }
}

#[test]
fn parallel_build_matches_one_block_at_a_time() {
    let (titles, texts) = generated(700, 3);
    let urls: Vec<String> = (0..700).map(|p| format!("p{p}.html")).collect();
    let docs = generated_docs(&titles, &texts, &urls, 3);
    assert!(docs.len() > 2 * BLOCK);
    let index = Index::build(docs.clone());
    let mut an = Analyzer::new(Language::english());
    let mut expected: std::collections::BTreeMap<String, Vec<u32>> = Default::default();
    for (t, mut p) in an.index(&docs, 0) {
        p.sort_unstable();
        expected.insert(t, p);
    }
    let expected: Vec<(String, Vec<u32>)> = expected.into_iter().collect();
    assert_eq!(index.terms, expected);
    // Byte-identical output run to run.
    assert_eq!(index.files(0), Index::build(docs).files(0));
}

#[test]
fn exclude_globs_and_prefixes() {
    let ex = vec![
        "09-reference/".to_string(),
        "**/self-check.html".to_string(),
    ];
    assert!(excluded("09-reference/glossary.md", &ex));
    assert!(excluded("validation/self-check.html", &ex));
    assert!(!excluded("validation/tips.html", &ex));
    assert!(excluded("a/b.html", &["a/*.html".to_string()]));
    assert!(!excluded("a/b/c.html", &["a/*.html".to_string()]));
}

#[test]
fn snippets_are_short() {
    let long = "word ".repeat(100);
    let s = snippet(&long);
    assert!(s.chars().count() <= SNIPPET_CHARS + 1 && s.ends_with('…'));
    assert_eq!(snippet("  a\n b  "), "a b");
}
