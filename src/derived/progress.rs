//! The learner's progress: the manifest of every exercise in the handbook and the "My progress"
//! page, both derived from the rendered pages.
//!
//! - `progress-data.js` (site root): a classic script assigning `window.HANDBOOK_PROGRESS_DATA`
//!   (not JSON fetched at run time: `fetch()` fails from `file://`). Schema 1:
//!   `{ schema, id, handbook (the title), build, chapters: [ { title, url, exercises: [ { id, title, page,
//!   page_title, url, questions: [ { key, type, prompt, fp, graded } ] } ] } ], assignments,
//!   paths }` (`assignments` and `paths` as `crate::assignments` resolves them), URLs relative
//!   to the site root. `assets/js/progress-store.js` loads it on any page (sidebar marks) and
//!   `assets/js/progress.js` renders the progress page from it.
//! - `progress.html` (site root): the theme's `progress.html` template with `progress` (the same
//!   data) in its context; the page works without JavaScript as a list of the exercises.
//!
//! The learner's results never leave the browser: they live in `localStorage` under
//! `handbook:<handbook id>:progress` (see `themes/default/static/js/progress-store.js`).

use crate::components;
use crate::derived::Input;
use serde::Serialize;

/// The manifest's schema version (also the version of the stored progress).
pub const SCHEMA: u32 = 1;

/// The manifest script's output path.
pub const MANIFEST_PATH: &str = crate::reserved::PROGRESS_MANIFEST;
/// The progress page's output path.
pub const PAGE_PATH: &str = crate::reserved::PROGRESS_PAGE;

/// One question as the progress page knows it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct QuestionEntry {
    /// The question's id in its exercise.
    pub key: String,
    /// The question type.
    #[serde(rename = "type")]
    pub kind: String,
    /// The prompt as plain text (shortened).
    pub prompt: String,
    /// The correctness fingerprint.
    pub fp: String,
    /// Whether the question is right-or-wrong (not a reflection).
    pub graded: bool,
}

/// One exercise.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ExerciseEntry {
    /// The stable id.
    pub id: String,
    /// The exercise's title, or the page's.
    pub title: String,
    /// The page's output path.
    pub page: String,
    /// The page's title.
    pub page_title: String,
    /// The page URL with the exercise's fragment, relative to the site root.
    pub url: String,
    /// The questions in order.
    pub questions: Vec<QuestionEntry>,
    /// How many questions are graded.
    pub graded: usize,
}

/// The exercises of one chapter (the home page and top-level pages count as chapters).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ChapterEntry {
    /// The chapter's title.
    pub title: String,
    /// The chapter page's URL, relative to the site root.
    pub url: String,
    /// The exercises in reading order.
    pub exercises: Vec<ExerciseEntry>,
}

/// Everything the progress page and the manifest say.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Manifest {
    /// [`SCHEMA`].
    pub schema: u32,
    /// The handbook's id (`id` in `handbook.toml`, or derived from the title).
    pub id: String,
    /// The handbook's title (shown only; files and storage use `id`).
    pub handbook: String,
    /// The build id.
    pub build: String,
    /// Chapters with exercises, in reading order.
    pub chapters: Vec<ChapterEntry>,
    /// Exercise count.
    pub exercise_count: usize,
    /// Question count.
    pub question_count: usize,
    /// The assignments (see `crate::assignments`).
    pub assignments: Vec<crate::assignments::Assignment>,
    /// The learning paths.
    pub paths: Vec<crate::assignments::LearningPath>,
}

/// Collects the manifest from the rendered pages: every component manifest entry with
/// `"kind": "exercise"` (see `components::exercise::manifest_entry`).
pub fn manifest(input: &Input<'_>) -> Manifest {
    let handbook = input.handbook;
    let mut chapters: Vec<ChapterEntry> = Vec::new();
    // Where each chapter's entry is in `chapters` (a scan per exercise was quadratic in a
    // handbook of many top-level pages with exercises).
    let mut slot: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    let (mut exercise_count, mut question_count) = (0, 0);
    for (i, rendered) in input.rendered.iter().enumerate() {
        let page = &handbook.pages[i];
        for (_, block) in &rendered.components {
            for entry in &block.manifest {
                let ex = exercise_entry(entry, &page.title);
                exercise_count += 1;
                question_count += ex.questions.len();
                let chapter = chapter_of(input, i);
                match slot.get(&chapter) {
                    Some(&k) => chapters[k].exercises.push(ex),
                    None => {
                        slot.insert(chapter, chapters.len());
                        chapters.push(ChapterEntry {
                            title: handbook.pages[chapter].title.clone(),
                            url: handbook.pages[chapter].out_path.clone(),
                            exercises: vec![ex],
                        });
                    }
                }
            }
        }
    }
    Manifest {
        schema: SCHEMA,
        id: handbook.config.handbook_id(),
        handbook: handbook.config.title.clone(),
        build: input.build_id.to_string(),
        chapters,
        exercise_count,
        question_count,
        assignments: input.plan.assignments.clone(),
        paths: input.plan.paths.clone(),
    }
}

/// The top-level page (chapter) page `i` belongs to; the home page is its own.
fn chapter_of(input: &Input<'_>, i: usize) -> usize {
    let ancestors = input.handbook.ancestors(i);
    ancestors.get(1).copied().unwrap_or(i)
}

/// The progress manifest's view of a component's exercise entry.
fn exercise_entry(entry: &components::ExerciseEntry, page_title: &str) -> ExerciseEntry {
    let title = if entry.title.is_empty() {
        page_title
    } else {
        &entry.title
    };
    let questions: Vec<QuestionEntry> = entry
        .questions
        .iter()
        .map(|q| QuestionEntry {
            key: q.key.clone(),
            kind: q.kind.to_string(),
            prompt: q.prompt.clone(),
            fp: q.fp.clone(),
            graded: q.graded,
        })
        .collect();
    ExerciseEntry {
        url: format!("{}#{}", entry.page, entry.anchor),
        id: entry.id.clone(),
        title: title.to_string(),
        page_title: page_title.to_string(),
        graded: questions.iter().filter(|q| q.graded).count(),
        page: entry.page.clone(),
        questions,
    }
}

/// The manifest as a classic script.
pub fn manifest_script(m: &Manifest) -> String {
    let json = crate::js::script_json(m, "{}");
    format!("window.HANDBOOK_PROGRESS_DATA = {json};\n")
}

/// The derived files: the manifest script and the "My progress" page (when the theme has a
/// `progress.html` template).
pub fn generate(input: &Input<'_>) -> crate::error::Result<Vec<(String, Vec<u8>)>> {
    let m = manifest(input);
    let mut files = vec![(MANIFEST_PATH.to_string(), manifest_script(&m).into_bytes())];
    if input.templates.has_template(PAGE_PATH) {
        let mut ctx = input.templates.base_context(PAGE_PATH, 0);
        ctx.insert("progress", &m);
        let html = input.templates.render_template(PAGE_PATH, &ctx)?;
        files.push((PAGE_PATH.to_string(), html.into_bytes()));
    }
    Ok(files)
}
