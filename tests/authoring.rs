//! Authoring safety (issue 13): the everyday mistakes of non-programmers get an error (or a
//! warning) at `file:line`, saying what is wrong and what to do, with exit code 1 for errors,
//! no panic, the previous output untouched, and never an answer key on a page.

mod common;

use common::*;
use std::fs;

/// `handbook check` of a handbook whose one page, `content/a.md`, is `page`: asserts the exit
/// code and returns everything printed.
#[track_caller]
fn check_page(page: &str, code: i32) -> String {
    let hb = handbook(&[("content/a.md", page)]);
    let (got, text) = check(hb.path(), &[]);
    assert_eq!(got, code, "{text}");
    text
}

/// How many errors the summary line counts.
fn error_count(text: &str) -> usize {
    text.lines()
        .find_map(|l| l.split_once(" error").and_then(|(n, _)| n.parse().ok()))
        .unwrap_or(0)
}

const EXERCISE_BODY: &str = "id = \"e1\"\n[[question]]\ntype = \"single\"\nprompt = \"Which?\"\noptions = [\"Wrong\", \"SECRET-ANSWER-KEY\"]\nanswer = 2\n";

#[test]
fn misspelt_or_wrongly_cased_fence_is_an_error_and_never_publishes_the_answer_key() {
    for (written, meant) in [
        ("excercise", "exercise"),
        ("Exercise", "exercise"),
        ("exercises", "exercise"),
        ("SRS", "srs"),
    ] {
        let page = format!("# A\n\n```{written}\n{EXERCISE_BODY}```\n");
        let hb = handbook(&[
            ("content/a.md", &page),
            (
                "handbook.toml",
                "title = \"T\"\n[links]\nbroken = \"warn\"\n",
            ),
        ]);
        let (code, text) = check(hb.path(), &[]);
        assert_eq!(code, 1, "{text}");
        has_lines(
            &text,
            &[
                &format!(
                    "error: content/a.md:3: unknown block `{written}`: did you mean `{meant}`?"
                ),
                &format!(
                    "  hint: write ```{meant} (lower case) on the opening line; component names are: exercise, srs"
                ),
            ],
        );
        let (code, text) = build_over_previous(hb.path());
        assert_eq!(code, 1, "{text}");
        assert!(!text.contains("SECRET-ANSWER-KEY"), "{text}");
    }
}

#[test]
fn code_blocks_in_other_languages_are_not_taken_for_components() {
    let page = "# A\n\n```rs\nfn main() {}\n```\n\n```css\na {}\n```\n\n```python\nx = 1\n```\n";
    let text = check_page(page, 0);
    assert!(!text.contains("unknown block"), "{text}");
}

#[test]
fn exercise_in_a_toml_or_untagged_block_is_a_warning() {
    for label in ["toml", ""] {
        let page = format!(
            "# A\n\nText.\n\n```{label}\n[[question]]\ntype = \"single\"\nprompt = \"P\"\noptions = [\"a\", \"b\"]\nanswer = 1\n```\n"
        );
        let hb = handbook(&[("content/a.md", &page)]);
        let (code, text) = build_over_previous(hb.path());
        assert_eq!(code, 0, "{text}");
        let what = if label.is_empty() {
            String::new()
        } else {
            format!("`{label}` ")
        };
        has_line(
            &text,
            &format!(
                "warning: content/a.md:5: this {what}code block looks like an exercise: the page shows it as code, answer key included"
            ),
        );
        has_line_with(&text, &["  hint: write ```exercise on its opening line"]);
    }
}

#[test]
fn unclosed_component_fence_is_reported_at_its_opening_line() {
    let page = "# A\n\nIntro.\n\n```exercise\nid = \"e1\"\n[[question]]\ntype = \"single\"\n\n## Next heading\n\nMore text.\n";
    let text = check_page(page, 1);
    has_line(
        &text,
        "error: content/a.md:5: this ```exercise block is never closed: add a line with ``` after its last line",
    );
    assert!(!text.contains("key with no value"), "{text}");
    assert_eq!(error_count(&text), 1, "{text}");
}

#[test]
fn image_and_link_with_spaces_in_the_file_name() {
    let page = "# A\n\nSee the diagram.\n\n![Alliance diagram](alliance diagram.svg)\n\nRead [my notes](my notes.md) first.\n\nAnd [ok](b.md \"Title\"), `[code](not a link)`, [text](no such file).\n";
    let hb = handbook(&[
        ("content/a.md", page),
        (
            "content/alliance diagram.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        ),
        ("content/my notes.md", "# Notes\n"),
        ("content/b.md", "# B\n"),
    ]);
    let (code, text) = check(hb.path(), &[]);
    assert_eq!(code, 1, "{text}");
    has_lines(
        &text,
        &[
            "error: content/a.md:5:1: this image is shown as plain text: its file name `alliance diagram.svg` has a space, which Markdown does not allow in a link",
            "  hint: write `![Alliance diagram](alliance%20diagram.svg)` or `![Alliance diagram](<alliance diagram.svg>)`, or rename the file without spaces",
            "error: content/a.md:7:6: this link is shown as plain text: its file name `my notes.md` has a space, which Markdown does not allow in a link",
        ],
    );
    assert_eq!(error_count(&text), 2, "{text}");
    let (code, text) = build_over_previous(hb.path());
    assert_eq!(code, 1, "build fails too: {text}");
    // Both fixes work.
    let fixed = page
        .replace("(alliance diagram.svg)", "(alliance%20diagram.svg)")
        .replace("(my notes.md)", "(<my notes.md>)");
    fs::write(hb.path().join("content/a.md"), fixed).unwrap();
    let (code, text) = build_over_previous(hb.path());
    assert_eq!(code, 0, "{text}");
    let html = fs::read_to_string(hb.path().join("public/a.html")).unwrap();
    assert!(html.contains("src=\"alliance%20diagram.svg\""), "{html}");
    assert!(
        html.contains("<a href=\"my-notes.html\">my notes</a>"),
        "{html}"
    );
}

#[test]
fn curly_quotes_in_toml_are_errors_at_their_column() {
    let exercise = "# A\n\n```exercise\nid = \"e1\"\n[[question]]\ntype = “single”\nprompt = \"It’s “fine” inside straight quotes\"\noptions = [\"a\", \"b\"]\nanswer = 1\n```\n";
    let text = check_page(exercise, 1);
    has_lines(
        &text,
        &[
            "error: content/a.md:6:8: exercise: curly quote `“` where a straight quote is needed",
            "  hint: replace the curly quotes “ ” with straight quotes \" (word processors change them as you type): `type = \"single\"`",
        ],
    );

    let hb = handbook(&[("content/a.md", "+++\ntitle = ‘Goals’\n+++\nText.\n")]);
    let (code, text) = check(hb.path(), &[]);
    assert_eq!(code, 1, "{text}");
    has_line(
        &text,
        "error: content/a.md:2:9: front matter: curly quote `‘` where a straight quote is needed",
    );

    let hb = handbook(&[("handbook.toml", "title = “My handbook”\n")]);
    let (code, text) = check(hb.path(), &[]);
    assert_eq!(code, 1, "{text}");
    has_line(
        &text,
        "error: handbook.toml:1:9: curly quote `“` where a straight quote is needed",
    );

    let srs = "# A\n\n```srs\nmode = “practice”\n```\n";
    let text = check_page(srs, 1);
    has_line(
        &text,
        "error: content/a.md:4:8: srs: curly quote `“` where a straight quote is needed",
    );
}

#[test]
fn curly_quotes_in_yaml_are_a_warning() {
    let hb = handbook(&[(
        "content/a.md",
        "---\ntitle: “Active listening”\n---\nText.\n",
    )]);
    let (code, text) = check(hb.path(), &[]);
    assert_eq!(code, 0, "{text}");
    has_lines(
        &text,
        &[
            "warning: content/a.md:2:8: front matter: the value of `title` is in curly quotes “ ”, which YAML keeps as part of the text",
            "  hint: replace the curly quotes “ ” with straight quotes \" or remove them",
        ],
    );
}

/// One front matter, one error: (front matter, file line:column, message, hint).
fn front_matter_error(front: &str, at: &str, message: &str, hint: &str) {
    let hb = handbook(&[("content/a.md", &format!("{front}\nText.\n"))]);
    let (code, text) = check(hb.path(), &[]);
    assert_eq!(code, 1, "{text}");
    has_lines(
        &text,
        &[
            &format!("error: content/a.md:{at}: front matter: {message}"),
            &format!("  hint: {hint}"),
        ],
    );
    assert_eq!(error_count(&text), 1, "{text}");
}

#[test]
fn yaml_errors_in_plain_words() {
    front_matter_error(
        "---\ntitle: Active listening: the basics\n---",
        "2:24",
        "the value of `title` contains a colon followed by a space, which YAML reads as another key",
        "put the value in quotes: `title: \"Active listening: the basics\"`",
    );
    front_matter_error(
        "---\ntitle: Goals\n\tweight: 2\n---",
        "3:1",
        "YAML does not allow tabs",
        "indent with spaces instead of tabs (in your editor, turn on \"insert spaces\")",
    );
    front_matter_error(
        "---\ntitle: Goals\nweight: first\n---",
        "3:9",
        "`weight` must be a whole number, not string \"first\"",
        "write it as a whole number, without quotes, e.g. `weight: 2`",
    );
    front_matter_error(
        "---\ndraft: maybe\n---",
        "2:8",
        "`draft` must be true or false, not string \"maybe\"",
        "write it as true or false, without quotes, e.g. `draft: true`",
    );
    front_matter_error(
        "---\ntitle: \"Goals\nweight: 2\n---",
        "2:8",
        "the quote `\"` opened here is never closed",
        "end the value with `\"` on the same line: `title: \"...\"`",
    );
}

#[test]
fn toml_front_matter_errors_in_plain_words() {
    front_matter_error(
        "+++\ntitle = Active listening: the basics\n+++",
        "2:9",
        "the value of `title` is not in quotes",
        "put the text in straight double quotes: `title = \"Active listening: the basics\"`",
    );
    front_matter_error(
        "+++\nweight = \"first\"\n+++",
        "2:10",
        "`weight` must be a whole number, not string \"first\"",
        "write it as a whole number, without quotes, e.g. `weight = 2`",
    );
    front_matter_error(
        "+++\ndraft = yes\n+++",
        "2:9",
        "`draft` must be true or false, not `yes`",
        "write `draft = true` or `draft = false` (lower case, no quotes)",
    );
    front_matter_error(
        "+++\ntitle = \"Goals\nweight = 2\n+++",
        "2:9",
        "the quote `\"` opened here is never closed",
        "end the text with `\"` on the same line, e.g. `title = \"...\"`; for text over several lines use \"\"\" before and after it",
    );
}

#[test]
fn every_unknown_key_is_reported_with_a_suggestion() {
    for front in [
        "+++\ntitel = \"x\"\nwieght = 2\n[assignment]\nreed = [\"b.md\"]\n+++",
        "---\ntitel: x\nwieght: 2\nassignment:\n  reed: [b.md]\n---",
    ] {
        let hb = handbook(&[("content/a.md", &format!("{front}\nText.\n"))]);
        let (code, text) = check(hb.path(), &[]);
        assert_eq!(code, 1, "{text}");
        has_lines(
            &text,
            &[
                "error: content/a.md:2:1: unknown key `titel` in the front matter",
                "  hint: did you mean `title`? Keys allowed here: title, description, weight, draft, slug, search, extra, assignment",
                "error: content/a.md:3:1: unknown key `wieght` in the front matter",
            ],
        );
        assert!(text.contains("error: content/a.md:5:"), "{text}");
        assert!(
            text.contains("unknown key `reed` in the `[assignment]`"),
            "{text}"
        );
        has_line(
            &text,
            "  hint: did you mean `read`? Keys allowed here: due, note, read, exercises, practice",
        );
        assert_eq!(error_count(&text), 3, "{text}");
    }
    let srs = "# A\n\n```srs\nmdoe = \"practice\"\nitmes = \"x\"\n```\n";
    let text = check_page(srs, 1);
    has_lines(
        &text,
        &[
            "error: content/a.md:4: unknown key `mdoe` in an srs block",
            "  hint: did you mean `mode`? Keys allowed here: mode, items, id, title, vignette, ratings, question",
            "error: content/a.md:5: unknown key `itmes` in an srs block",
        ],
    );
    assert_eq!(error_count(&text), 2, "{text}");
}

#[test]
fn one_mistake_gives_one_error() {
    let week = "+++\ntitle = \"Week 1\"\n[assignment]\nexercises = [\"e1\", \"a.md\"]\npractice = 2\n+++\n";
    // A misspelt key in an exercise: only "did you mean", not also "no prompt", nor the
    // assignment naming the exercise.
    let exercise = "# A\n\n```exercise\nid = \"e1\"\n[[question]]\ntype = \"single\"\npromt = \"Which?\"\noptions = [\"a\", \"b\"]\nanswer = 1\n```\n\n```srs\nmode = \"practise\"\n```\n";
    let hb = handbook(&[("content/a.md", exercise), ("content/week.md", week)]);
    let (code, text) = check(hb.path(), &[]);
    assert_eq!(code, 1, "{text}");
    has_lines(
        &text,
        &[
            "error: content/a.md:7: unknown key `promt` in a single-choice question",
            "error: content/a.md:13: unknown srs mode `practise`",
            "  hint: did you mean `mode = \"practice\"`? Use mode = \"practice\" or mode = \"scenario\"",
        ],
    );
    assert!(!text.contains("week.md"), "no follow-on errors: {text}");
    assert_eq!(error_count(&text), 2, "{text}");
    // A misspelt fence: the assignment naming its exercise, and a link to it, are not
    // reported either.
    let misspelt = "# A\n\n```excercise\nid = \"e1\"\n```\n\n```srs\nmode = \"practice\"\n```\n";
    let hb = handbook(&[
        ("content/a.md", misspelt),
        ("content/week.md", week),
        (
            "content/b.md",
            "# B\n\nDo [the exercise](a.md#exercise-e1).\n",
        ),
    ]);
    let (code, text) = check(hb.path(), &[]);
    assert_eq!(code, 1, "{text}");
    assert!(!text.contains("week.md"), "no follow-on errors: {text}");
    assert!(!text.contains("b.md"), "no follow-on errors: {text}");
    assert_eq!(error_count(&text), 1, "{text}");
}

#[test]
fn a_misspelt_type_is_named_not_reported_missing() {
    let page = "# A\n\n```exercise\nid = \"e1\"\n[[question]]\ntpye = \"single\"\nprompt = \"P\"\noptions = [\"a\", \"b\"]\nanswer = 1\n```\n";
    let text = check_page(page, 1);
    has_lines(
        &text,
        &[
            "error: content/a.md:6: unknown key `tpye` in a question",
            "  hint: did you mean `type`? Write `type = \"single\"` (one of: single, multiple, truefalse, short, ordering, scenario, reflection)",
        ],
    );
    assert_eq!(error_count(&text), 1, "{text}");
}

#[test]
fn a_misspelt_setting_gets_a_suggestion() {
    let hb = handbook(&[("handbook.toml", "title = \"T\"\n[search]\nenabeld = true\n")]);
    let (code, text) = check(hb.path(), &[]);
    assert_eq!(code, 1, "{text}");
    has_line(&text, "error: handbook.toml:3:1: unknown key `enabeld`");
    assert!(
        text.contains("  hint: did you mean `enabled`? Keys allowed here: enabled"),
        "{text}"
    );
}

#[test]
fn errors_in_one_file_are_in_line_order() {
    let page = "# A\n\n[x](missing-one.md)\n\n```exercise\nid = \"e1\"\n[[question]]\ntype = \"single\"\npromt = \"P\"\noptions = [\"a\", \"b\"]\nanswer = 1\n```\n\n[y](missing-two.md)\n";
    let text = check_page(page, 1);
    let lines: Vec<usize> = text
        .lines()
        .filter_map(|l| l.strip_prefix("error: content/a.md:"))
        .filter_map(|l| l.split(':').next()?.parse().ok())
        .collect();
    assert_eq!(lines, [3, 9, 14], "{text}");
}

#[test]
fn a_mistyped_page_gets_the_closest_file() {
    let page = "# A\n\nSee [next](02-secnd-page.md) and ![pic](diagam.svg).\n";
    let hb = handbook(&[
        ("content/01-a.md", page),
        ("content/02-second-page.md", "# Second\n"),
        (
            "content/diagram.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        ),
    ]);
    let (code, text) = check(hb.path(), &[]);
    assert_eq!(code, 1, "{text}");
    has_lines(
        &text,
        &[
            "error: content/01-a.md:3:5: broken link `02-secnd-page.md`: there is no page `02-secnd-page.md` in the content folder (did you mean `02-second-page.md`?)",
            "  hint: correct the path (relative to this file); or set `[links] broken = \"warn\"` in handbook.toml to only warn",
            "error: content/01-a.md:3:34: broken image `diagam.svg`: there is no file `diagam.svg` in the content folder (did you mean `diagram.svg`?)",
            "  hint: correct the image's file name or folder (relative to this file); the image must be inside the content folder; or set `[links] broken = \"warn\"` in handbook.toml to only warn",
        ],
    );
    assert!(
        !text.contains("heading"),
        "image errors speak of files: {text}"
    );
    // With the setting already set, the hint does not offer it.
    fs::write(
        hb.path().join("handbook.toml"),
        "title = \"T\"\n[links]\nbroken = \"warn\"\n",
    )
    .unwrap();
    let (code, text) = check(hb.path(), &[]);
    assert_eq!(code, 0, "{text}");
    has_line(&text, "  hint: correct the path (relative to this file)");
    assert!(!text.contains("broken = \"warn\""), "{text}");
}

#[test]
fn content_may_not_land_on_a_generated_path() {
    for (file, out, what) in [
        ("content/progress.md", "progress.html", "the progress page"),
        ("content/nav.js", "nav.js", "the navigation script"),
        ("content/print.md", "print.html", "the printable handbook"),
        ("content/sitemap.xml", "sitemap.xml", "the sitemap"),
    ] {
        let hb = handbook(&[(file, "# X\n")]);
        let (code, text) = build_over_previous(hb.path());
        assert_eq!(code, 1, "{text}");
        has_lines(
            &text,
            &[
                &format!(
                    "error: {file}: `{file}` would be written to `{out}`, which the build generates ({what})"
                ),
                if file.ends_with(".md") {
                    "  hint: rename the file or folder, or give the page another `slug` in its front matter"
                } else {
                    "  hint: rename the file or move it to another folder (and change the links to it)"
                },
            ],
        );
    }
    let hb = handbook(&[("content/search/help.md", "# Help\n")]);
    let (code, text) = build_over_previous(hb.path());
    assert_eq!(code, 1, "{text}");
    assert!(
        text.contains("would be written to `search/help.html`, inside `search/`, which the build generates (the search index)"),
        "{text}"
    );
    let hb = handbook(&[("content/a.md", "+++\nslug = \"404\"\n+++\n# A\n")]);
    let (code, text) = build_over_previous(hb.path());
    assert_eq!(code, 1, "{text}");
    assert!(
        text.contains("`content/a.md` would be written to `404.html`"),
        "{text}"
    );
}

#[test]
fn every_generated_file_is_in_the_reserved_list() {
    let hb = handbook(&[
        (
            "handbook.toml",
            "title = \"T\"\nbase_url = \"https://example.org/\"\n[branding]\naccent = \"#8a1c1c\"\n",
        ),
        (
            "content/a.md",
            "# A\n\n![d](d.svg)\n\n```exercise\nid = \"x\"\n[[question]]\ntype = \"truefalse\"\nprompt = \"T?\"\nanswer = true\n```\n",
        ),
        (
            "content/d.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        ),
        (
            "content/c/b.md",
            "# B\n\n```srs\nmode = \"practice\"\n```\n",
        ),
    ]);
    let (code, text) = build_over_previous(hb.path());
    assert_eq!(code, 0, "{text}");
    let content = ["index.html", "a.html", "d.svg", "c/index.html", "c/b.html"];
    let out = hb.path().join("public");
    for (name, _) in tree(&out) {
        let name = name.replace('\\', "/");
        if content.contains(&name.as_str()) {
            continue;
        }
        // (The theme's own files sit in `assets/`, the folder content shares with them.)
        assert!(
            handbook::derived::reserved(&name).is_some()
                || name.starts_with(handbook::reserved::SHARED),
            "`{name}` is generated but not in derived::RESERVED"
        );
    }
}

#[test]
fn output_is_the_same_from_build_to_build() {
    let mut files: Vec<(String, String)> = vec![
        ("handbook.toml".into(), "title = \"T\"\nbase_url = \"https://example.org/hb/\"\n".into()),
        ("content/_index.md".into(), "# Home\n\nWelcome to the *handbook*.\n".into()),
        ("content/practice.md".into(), "# Practice\n\n```srs\nmode = \"practice\"\n```\n".into()),
        ("content/week.md".into(), "+++\ntitle = \"Week\"\n[assignment]\nexercises = [\"01-a/01-x.md\"]\npractice = 1\n+++\n".into()),
        ("content/01-a/pic.svg".into(), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".into()),
    ];
    // Pages with the same weight and title, accents, and exercises without ids.
    for i in 0..12 {
        files.push((
            format!("content/0{}-{}/0{}-x{i}.md", 1 + i % 2, ["a", "b"][i % 2], i % 3),
            format!("+++\ntitle = \"Même titre\"\nweight = 1\n+++\n\nText {i} ![d](../01-a/pic.svg).\n\n## Même\n\n```exercise\n[[question]]\ntype = \"single\"\nprompt = \"Q{i}\"\noptions = [\"a\", \"b\"]\nanswer = 1\n```\n"),
        ));
    }
    files.push(("content/01-a/01-x.md".into(), "# X\n\n```exercise\nid = \"x\"\n[[question]]\ntype = \"truefalse\"\nprompt = \"T?\"\nanswer = true\n```\n".into()));
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let hb = handbook(&refs);
    let mut first = None;
    for i in 0..20 {
        let out = hb.path().join(format!("out{i}"));
        let o = build(hb.path(), &out);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let files = tree(&out);
        match &first {
            None => first = Some(files),
            Some(f) => {
                let names =
                    |t: &[(String, Vec<u8>)]| t.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
                assert_eq!(names(f), names(&files), "build {i}: other files");
                for ((name, a), (_, b)) in f.iter().zip(&files) {
                    assert!(a == b, "build {i}: {name} differs");
                }
            }
        }
        fs::remove_dir_all(&out).unwrap();
    }
}

#[test]
fn every_page_gets_a_meta_description() {
    let long = "Listening well is a skill. ".repeat(12);
    let hb = handbook(&[
        ("content/_index.md", "# Home\n\nWelcome to the handbook.\n"),
        (
            "content/a.md",
            "+++\ndescription = \"From the front matter.\"\n+++\n# A\n\nFirst.\n",
        ),
        (
            "content/b.md",
            &format!("# B\n\n> [!NOTE]\n> A note with a [link](a.md).\n\n{long}\n"),
        ),
        ("content/c/d.md", "# D\n"),
    ]);
    let (code, text) = build_over_previous(hb.path());
    assert_eq!(code, 0, "{text}");
    let page = |p: &str| fs::read_to_string(hb.path().join("public").join(p)).unwrap();
    assert!(
        page("index.html")
            .contains("<meta name=\"description\" content=\"Welcome to the handbook.\">")
    );
    assert!(
        page("a.html").contains("<meta name=\"description\" content=\"From the front matter.\">")
    );
    assert!(page("b.html").contains("<meta name=\"description\" content=\"A note with a link.\">"));
    // A folder without a landing page and a page without text still get one.
    assert!(
        page("c/index.html").contains("<meta name=\"description\" content=\"C · T\">"),
        "{}",
        page("c/index.html")
    );
    assert!(page("c/d.html").contains("<meta name=\"description\" content=\"D · T\">"));
    // A long paragraph is cut at a word.
    let hb = handbook(&[("content/a.md", &format!("# A\n\n{long}\n"))]);
    let (code, text) = build_over_previous(hb.path());
    assert_eq!(code, 0, "{text}");
    let html = fs::read_to_string(hb.path().join("public/a.html")).unwrap();
    let start = html.find("<meta name=\"description\" content=\"").unwrap() + 34;
    let content = &html[start..start + html[start..].find('"').unwrap()];
    assert!(
        content.ends_with("a skill."),
        "cut after a sentence: {content}"
    );
    let words = "Reflective listening asks the clinician to mirror the client's words and feelings accurately and without judgement, checking understanding at each step of the conversation and beyond";
    let hb = handbook(&[("content/a.md", &format!("# A\n\n{words}\n"))]);
    let (code, text) = build_over_previous(hb.path());
    assert_eq!(code, 0, "{text}");
    let html = fs::read_to_string(hb.path().join("public/a.html")).unwrap();
    assert!(
        html.contains("at each step of…\">"),
        "cut at a word: {html}"
    );
    assert!(content.chars().count() <= 156, "{content}");
}
