//! The writing direction of a content language: right-to-left for the scripts written that way
//! (Arabic, Hebrew, Persian, Urdu and their neighbours), left-to-right for everything else.

/// Primary language subtags (BCP 47) written right to left.
const RTL_LANGUAGES: [&str; 12] = [
    "ar", "arc", "ckb", "dv", "fa", "he", "iw", "ps", "sd", "ug", "ur", "yi",
];

/// `"rtl"` or `"ltr"` for a BCP 47 tag (`ar`, `fa-IR`, `en-GB`). A script subtag wins over the
/// language (`az-Arab` is right to left, `ar-Latn` left to right).
pub fn text_direction(language: &str) -> &'static str {
    let subtags = language
        .split(['-', '_'])
        .skip(1)
        .map(str::to_ascii_lowercase);
    for subtag in subtags {
        match subtag.as_str() {
            "arab" | "hebr" | "syrc" | "thaa" | "nkoo" | "adlm" | "rohg" => return "rtl",
            s if s.len() == 4 && s.chars().all(|c| c.is_ascii_alphabetic()) => return "ltr",
            _ => {}
        }
    }
    if RTL_LANGUAGES.contains(&super::primary_subtag(language).as_str()) {
        "rtl"
    } else {
        "ltr"
    }
}

#[cfg(test)]
mod tests {
    use super::text_direction;

    #[test]
    fn right_to_left_languages() {
        for tag in ["ar", "he", "fa", "ur", "fa-IR", "AR", "ar_EG", "az-Arab"] {
            assert_eq!(text_direction(tag), "rtl", "{tag}");
        }
    }

    #[test]
    fn left_to_right_languages() {
        for tag in [
            "en", "es", "nb", "en-GB", "", "ar-Latn", "zh-Hant", "hi", "el", "arn",
        ] {
            assert_eq!(text_direction(tag), "ltr", "{tag}");
        }
    }
}
