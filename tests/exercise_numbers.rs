//! An exercise's option number too large for any integer (`answer = 99999999999999999999`)
//! is reported as written, at its line, never as a stand-in value such as `-1`.

mod common;
use common::*;

#[test]
fn a_huge_answer_number_is_reported_as_written_at_its_line() {
    let page = "# Quiz\n\n```exercise\nid = \"q\"\n[[question]]\ntype = \"single\"\nprompt = \"Pick one\"\noptions = [\"a\", \"b\"]\nanswer = 99999999999999999999\n```\n";
    let hb = handbook(&[
        ("handbook.toml", "title = \"T\"\nid = \"t\"\n"),
        ("content/quiz.md", page),
    ]);
    let (code, printed) = check(hb.path(), &[]);
    assert_eq!(code, 1, "{printed}");
    has_line_with(
        &printed,
        &[
            "quiz.md:9",
            "answer 99999999999999999999 is too large",
            "2 options",
        ],
    );
    assert!(!printed.contains("-1"), "{printed}");
}
