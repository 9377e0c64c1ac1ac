//! What a component block tells the rest of the build about the exercises it defines: typed
//! entries read by the id checks (`site`), the exercise lints (`lib::check`), assignments and
//! the progress manifest. Nothing here is written to the site as is.

/// One exercise, as a block defines it (an `exercise` block, or an `srs` scenario's question).
#[derive(Debug, Clone, PartialEq)]
pub struct ExerciseEntry {
    /// The exercise id (explicit, or derived from the page and the block's position).
    pub id: String,
    /// Whether the author wrote the id (`check` warns about derived ones).
    pub explicit_id: bool,
    /// The page's path for diagnostics, with `/` separators.
    pub source: String,
    /// The line of the block's first body line.
    pub line: usize,
    /// The page's output path (`alliance/bordin.html`).
    pub page: String,
    /// The id of the exercise's element in the page (`exercise-<id>`).
    pub anchor: String,
    /// The exercise's title as plain text (empty without one).
    pub title: String,
    /// The questions in authored order.
    pub questions: Vec<QuestionEntry>,
}

/// One question of an [`ExerciseEntry`].
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionEntry {
    /// The question's key within its exercise (`q1`, ...).
    pub key: String,
    /// The question type's name (`single`, `truefalse`, ...).
    pub kind: &'static str,
    /// The prompt as plain text, truncated.
    pub prompt: String,
    /// The fingerprint of what decides correctness.
    pub fp: String,
    /// Whether the question is graded (a reflection is not).
    pub graded: bool,
    /// The answer key as the lints of `check` see it (`None`: nothing to lint).
    pub lint: Option<LintEntry>,
}

/// A question's answer key for the lints of `handbook check` (see `exercise::lint`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LintEntry {
    /// The question's line.
    pub line: usize,
    /// The options as plain text, in authored order (empty for true/false).
    pub options: Vec<String>,
    /// The correct options, 0-based.
    pub answer: Vec<usize>,
    /// Whether several options are correct.
    pub multi: bool,
    /// Whether the options are shown shuffled.
    pub shuffled: bool,
    /// A true/false question's key.
    pub truefalse: Option<bool>,
}
