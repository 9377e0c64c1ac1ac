//! Assignments and learning paths: what a supervisor asks a trainee to do, resolved against the
//! built pages.
//!
//! An assignment is a page whose front matter has an `[assignment]` table
//! ([`AssignmentSpec`]): pages or sections to read, exercises to complete (by id, or every
//! exercise on a page), and a number of practice-form entries to save. A learning path
//! (`[[learning_path]]` in `handbook.toml`) is an ordered list of assignment pages.
//!
//! [`resolve`] turns the specs into [`Assignment`]s with titles and URLs, and reports every
//! reference to a page, heading or exercise that does not exist as an error at the
//! `file:line` of the reference. The theme renders the checklist (`partials/assignment.html`)
//! and `assets/js/assignments.js` fills in the learner's status from local progress.

use crate::config::CONFIG_FILE;
use crate::content::frontmatter::AssignmentSpec;
use crate::content::{Handbook, Page};
use crate::error::Diagnostic;
use crate::i18n::Catalog;
use crate::markdown::RenderedPage;
use crate::markdown::links::{LinkTarget, Resolved, resolve as resolve_link};
use serde::Serialize;
use std::collections::HashMap;
use std::path::Path;

/// One thing to do in an assignment.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Item {
    /// `read`, `exercise` or `practice`.
    pub kind: &'static str,
    /// What the checklist says ("Bordin's three parts", "Save 3 practice-form entries").
    pub title: String,
    /// Where it is, relative to the site root (with `#fragment` where there is one).
    pub url: String,
    /// The page's output path (`alliance/bordin.html`).
    pub page: String,
    /// For a section reading, the heading id; else empty.
    pub section: String,
    /// For an exercise, its id; else empty.
    pub exercise: String,
    /// For practice, how many entries; else 0.
    pub count: u32,
}

/// A resolved assignment.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Assignment {
    /// The assignment page's output path; also its stable id in progress files.
    pub id: String,
    /// The page title.
    pub title: String,
    /// The page's URL relative to the site root (same as `id`).
    pub url: String,
    /// The due text (may be empty).
    pub due: String,
    /// The supervisor's note (may be empty).
    pub note: String,
    /// The learning path it belongs to first (may be empty).
    pub path: String,
    /// The checklist, in order: readings, exercises, practice.
    pub items: Vec<Item>,
    /// The page's index.
    #[serde(skip)]
    pub page_index: usize,
}

/// A learning path as the templates and scripts see it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct LearningPath {
    /// Its name.
    pub title: String,
    /// One sentence about it.
    pub description: String,
    /// The assignments in order (ids, i.e. output paths).
    pub assignments: Vec<PathStep>,
}

/// One step of a learning path.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PathStep {
    /// The assignment's id (output path).
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its URL relative to the site root.
    pub url: String,
}

/// Every assignment and learning path of a build.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Plan {
    /// Assignments in reading order.
    pub assignments: Vec<Assignment>,
    /// Learning paths in the order of `handbook.toml`.
    pub paths: Vec<LearningPath>,
}

impl Plan {
    /// The assignment on page `index`, if it is one.
    pub fn for_page(&self, index: usize) -> Option<&Assignment> {
        self.assignments.iter().find(|a| a.page_index == index)
    }
}

/// An exercise as the assignments need it: where it is and what it is called.
struct ExerciseRef<'a> {
    page: usize,
    anchor: String,
    title: &'a str,
}

/// Resolves every assignment and learning path of `handbook` against its rendered pages.
/// References that do not resolve are left out of the plan and reported as errors. The titles
/// the items get from the handbook ("A heading (in A page)") are in the language of `catalog`.
pub fn resolve(
    handbook: &Handbook,
    rendered: &[RenderedPage],
    catalog: &Catalog,
) -> (Plan, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let exercises = exercise_index(rendered);
    let practice_page = rendered
        .iter()
        .position(|r| r.components.iter().any(|(name, _)| name == "srs"));
    let mut assignments = Vec::new();
    for (index, page) in handbook.pages.iter().enumerate() {
        let Some(spec) = &page.assignment else {
            continue;
        };
        let ctx = Items {
            handbook,
            rendered,
            page,
            exercises: &exercises,
            practice_page,
            catalog,
        };
        let items = ctx.resolve(spec, &mut diagnostics);
        if spec.read.is_empty() && spec.exercises.is_empty() && spec.practice == 0 {
            diagnostics.push(
                Diagnostic::error(&page.display_path, spec.line, "the assignment is empty")
                    .with_hint(
                        "list pages under `read`, exercise ids under `exercises`, or set `practice`",
                    ),
            );
        }
        assignments.push(Assignment {
            id: page.out_path.clone(),
            title: page.title.clone(),
            url: page.out_path.clone(),
            due: spec.due.clone().unwrap_or_default(),
            note: spec.note.clone().unwrap_or_default(),
            path: String::new(),
            items,
            page_index: index,
        });
    }
    let paths = resolve_paths(handbook, &mut assignments, &mut diagnostics);
    (Plan { assignments, paths }, diagnostics)
}

/// Every exercise id of the handbook, from the components' manifest entries.
fn exercise_index(rendered: &[RenderedPage]) -> HashMap<&str, ExerciseRef<'_>> {
    let mut index = HashMap::new();
    for (page, r) in rendered.iter().enumerate() {
        for (_, block) in &r.components {
            for entry in &block.manifest {
                index.entry(entry.id.as_str()).or_insert(ExerciseRef {
                    page,
                    anchor: entry.anchor.clone(),
                    title: &entry.title,
                });
            }
        }
    }
    index
}

/// Resolves a path written in an assignment: relative to the page like a Markdown link, or
/// failing that relative to the content folder.
fn resolve_target(handbook: &Handbook, page: &Page, dest: &str) -> Result<usize, String> {
    let first = resolve_link(handbook, page, dest);
    let resolved = match first {
        Resolved::Broken { .. } if !dest.starts_with('/') => {
            match resolve_link(handbook, page, &format!("/{dest}")) {
                ok @ Resolved::Target { .. } => ok,
                _ => first,
            }
        }
        other => other,
    };
    match resolved {
        Resolved::Target {
            target: LinkTarget::Page(i),
            ..
        } => Ok(i),
        Resolved::Target { .. } => Err(format!("`{dest}` is a file, not a page")),
        Resolved::Broken { reason } => Err(reason),
        Resolved::External => Err(format!("`{dest}` is not a page of this handbook")),
    }
}

/// What an assignment's items are resolved against.
struct Items<'a> {
    handbook: &'a Handbook,
    rendered: &'a [RenderedPage],
    /// The assignment's page.
    page: &'a Page,
    /// Every exercise of the handbook by id.
    exercises: &'a HashMap<&'a str, ExerciseRef<'a>>,
    /// The first page with a practice form.
    practice_page: Option<usize>,
    /// The interface strings of the titles the items get from the handbook.
    catalog: &'a Catalog,
}

impl Items<'_> {
    /// The items of `spec` (the assignment on this page): pages and sections to read,
    /// exercises, practice entries. References that do not resolve are left out and reported
    /// in `out`.
    fn resolve(&self, spec: &AssignmentSpec, out: &mut Vec<Diagnostic>) -> Vec<Item> {
        let mut items = Vec::new();
        self.read(spec, &mut items, out);
        self.exercises(spec, &mut items, out);
        self.practice(spec, &mut items, out);
        items
    }

    /// The `read` entries: whole pages, or sections (`page.md#heading`).
    fn read(&self, spec: &AssignmentSpec, items: &mut Vec<Item>, out: &mut Vec<Diagnostic>) {
        let (handbook, rendered, file) = (self.handbook, self.rendered, &self.page.display_path);
        for (i, dest) in spec.read.iter().enumerate() {
            let line = spec.read_line(i);
            let (path_part, fragment) = match dest.split_once('#') {
                Some((p, f)) => (p, Some(f)),
                None => (dest.as_str(), None),
            };
            let target = match resolve_target(handbook, self.page, path_part) {
                Ok(t) => t,
                Err(reason) => {
                    out.push(
                        Diagnostic::error(file, line, format!("assignment: cannot read `{dest}`: {reason}"))
                            .with_hint("give the page's path relative to this file or to content/, e.g. `01-alliance/02-bordin.md`"),
                    );
                    continue;
                }
            };
            let target_page = &handbook.pages[target];
            match fragment.filter(|f| !f.is_empty()) {
                None => items.push(Item {
                    kind: "read",
                    title: target_page.title.clone(),
                    url: target_page.out_path.clone(),
                    page: target_page.out_path.clone(),
                    section: String::new(),
                    exercise: String::new(),
                    count: 0,
                }),
                Some(section) => {
                    let r = &rendered[target];
                    if !r.sections.iter().any(|s| s.id == section) {
                        let close = r
                            .sections
                            .iter()
                            .find(|s| {
                                !s.id.is_empty()
                                    && (s.id.contains(section) || section.contains(s.id.as_str()))
                            })
                            .map(|s| format!(" (did you mean `#{}`?)", s.id))
                            .unwrap_or_default();
                        out.push(
                            Diagnostic::error(
                                file,
                                line,
                                format!(
                                    "assignment: `{}` has no heading `#{section}`{close}",
                                    target_page.display_path.display()
                                ),
                            )
                            .with_hint("name a heading by its id as in the page's table of contents (lower case, words joined by `-`); only headings can be assigned as sections"),
                        );
                        continue;
                    }
                    let heading = r
                        .sections
                        .iter()
                        .find(|s| s.id == section)
                        .map(|s| s.heading.clone())
                        .filter(|h| !h.is_empty())
                        .unwrap_or_else(|| section.to_string());
                    items.push(Item {
                        kind: "read",
                        title: self.catalog.text(
                            "assignments.section_in",
                            &[("section", &heading), ("page", &target_page.title)],
                        ),
                        url: format!("{}#{section}", target_page.out_path),
                        page: target_page.out_path.clone(),
                        section: section.to_string(),
                        exercise: String::new(),
                        count: 0,
                    });
                }
            }
        }
    }

    /// The `exercises` entries: exercise ids, or every exercise of a page (`page.md`).
    fn exercises(&self, spec: &AssignmentSpec, items: &mut Vec<Item>, out: &mut Vec<Diagnostic>) {
        let (handbook, rendered, file) = (self.handbook, self.rendered, &self.page.display_path);
        let exercises = self.exercises;
        for (i, entry) in spec.exercises.iter().enumerate() {
            let line = spec.exercise_line(i);
            // An exact exercise id wins over a page path (ids may contain dots).
            let names_page =
                !exercises.contains_key(entry.as_str())
                    && (entry.split('#').next().is_some_and(|p| {
                        crate::content::load::is_markdown(std::path::Path::new(p))
                    }) || entry.ends_with('/'));
            if names_page {
                let target = match resolve_target(handbook, self.page, entry) {
                    Ok(t) => t,
                    Err(reason) => {
                        out.push(
                            Diagnostic::error(file, line, format!("assignment: cannot find the exercises of `{entry}`: {reason}"))
                                .with_hint("give the page's path relative to this file or to content/, or an exercise id"),
                        );
                        continue;
                    }
                };
                // The page's exercises in page order (its components' manifest entries).
                let on_page: Vec<(&str, &ExerciseRef)> = rendered[target]
                    .components
                    .iter()
                    .flat_map(|(_, block)| block.manifest.iter())
                    .map(|entry| entry.id.as_str())
                    .filter_map(|id| exercises.get(id).map(|e| (id, e)))
                    .filter(|(_, e)| e.page == target)
                    .collect();
                if on_page.is_empty() && !broken_exercise(rendered, Some(target), "") {
                    out.push(
                        Diagnostic::error(
                            file,
                            line,
                            format!(
                                "assignment: `{}` has no exercises",
                                handbook.pages[target].display_path.display()
                            ),
                        )
                        .with_hint("name a page with ```exercise blocks, or list exercise ids"),
                    );
                    continue;
                }
                for (id, e) in on_page {
                    items.push(exercise_item(handbook, self.catalog, id, e));
                }
            } else {
                match exercises.get(entry.as_str()) {
                    Some(e) => items.push(exercise_item(handbook, self.catalog, entry, e)),
                    None if broken_exercise(rendered, None, entry) => {}
                    None => {
                        let mut known: Vec<&&str> = exercises.keys().collect();
                        known.sort();
                        let close = known
                            .iter()
                            .find(|k| k.contains(entry.as_str()) || entry.contains(***k))
                            .map(|k| format!(" (did you mean `{k}`?)"))
                            .unwrap_or_default();
                        out.push(
                            Diagnostic::error(file, line, format!("assignment: there is no exercise with id `{entry}`{close}"))
                                .with_hint("use the `id` of an ```exercise block, or a page path ending in .md for all its exercises"),
                        );
                    }
                }
            }
        }
    }

    /// `practice = N`: save N entries with the practice form.
    fn practice(&self, spec: &AssignmentSpec, items: &mut Vec<Item>, out: &mut Vec<Diagnostic>) {
        let (handbook, rendered, file) = (self.handbook, self.rendered, &self.page.display_path);
        if spec.practice > 0 {
            match self.practice_page {
                Some(p) => {
                    let n = spec.practice;
                    items.push(Item {
                        kind: "practice",
                        title: format!(
                            "Save {n} practice-form {}",
                            if n == 1 { "entry" } else { "entries" }
                        ),
                        url: handbook.pages[p].out_path.clone(),
                        page: handbook.pages[p].out_path.clone(),
                        section: String::new(),
                        exercise: String::new(),
                        count: n,
                    })
                }
                // A practice form that failed is reported once, where it is.
                None if rendered
                    .iter()
                    .any(|r| r.failed_blocks.iter().any(|b| b.name == "srs")) => {}
                None => out.push(
                    Diagnostic::error(
                        file,
                        spec.practice_line(),
                        "assignment: `practice` asks for practice-form entries, but no page has a practice form",
                    )
                    .with_hint("add an ```srs block to a page, or remove `practice`"),
                ),
            }
        }
    }
}

/// Whether an exercise block that failed (and is reported where it is) may be the one an
/// assignment names: on page `page` (any page when `None`), with id `id` or no readable id.
/// Then the assignment is not reported as well: one mistake, one error.
fn broken_exercise(rendered: &[RenderedPage], page: Option<usize>, id: &str) -> bool {
    rendered.iter().enumerate().any(|(i, r)| {
        page.is_none_or(|p| p == i)
            && r.failed_blocks.iter().any(|b| {
                b.name == "exercise" && (page.is_some() || b.id.as_deref().is_none_or(|b| b == id))
            })
    })
}

fn exercise_item(handbook: &Handbook, catalog: &Catalog, id: &str, e: &ExerciseRef<'_>) -> Item {
    let page = &handbook.pages[e.page];
    let title = if e.title.is_empty() {
        catalog.text("assignments.exercise_on", &[("page", &page.title)])
    } else {
        e.title.to_string()
    };
    Item {
        kind: "exercise",
        title,
        url: format!("{}#{}", page.out_path, e.anchor),
        page: page.out_path.clone(),
        section: String::new(),
        exercise: id.to_string(),
        count: 0,
    }
}

/// Resolves `[[learning_path]]`: each entry must be an assignment page. Marks each
/// assignment with the first path it belongs to.
fn resolve_paths(
    handbook: &Handbook,
    assignments: &mut [Assignment],
    out: &mut Vec<Diagnostic>,
) -> Vec<LearningPath> {
    let mut paths = Vec::new();
    for (n, lp) in handbook.config.learning_path.iter().enumerate() {
        let (header, title_line) = (lp.line, lp.title_line);
        if lp.title.trim().is_empty() {
            out.push(
                Diagnostic::error(CONFIG_FILE, header, "a learning path needs a `title`")
                    .with_hint("add title = \"Four-week onboarding\" to the [[learning_path]]"),
            );
        }
        let name = if lp.title.trim().is_empty() {
            format!("number {}", n + 1)
        } else {
            format!("`{}`", lp.title)
        };
        let mut seen: Vec<usize> = Vec::new();
        let mut steps = Vec::new();
        for (i, dest) in lp.assignments.iter().enumerate() {
            let line = lp.lines.get(i).copied().unwrap_or(header);
            let normal = dest.trim_start_matches('/');
            let found = handbook.page_by_source(Path::new(normal)).or_else(|| {
                let home = &handbook.pages[0];
                resolve_target(handbook, home, normal).ok()
            });
            let Some(index) = found else {
                out.push(
                    Diagnostic::error(
                        CONFIG_FILE,
                        line,
                        format!("learning path {name}: there is no page `{dest}` in the content folder"),
                    )
                    .with_hint("list assignment pages by their path under content/, e.g. `assignments/week-1.md`"),
                );
                continue;
            };
            let Some(a) = assignments.iter_mut().find(|a| a.page_index == index) else {
                out.push(
                    Diagnostic::error(
                        CONFIG_FILE,
                        line,
                        format!(
                            "learning path {name}: `{}` is not an assignment",
                            handbook.pages[index].display_path.display()
                        ),
                    )
                    .with_hint("give the page an [assignment] table in its front matter"),
                );
                continue;
            };
            if seen.contains(&index) {
                out.push(
                    Diagnostic::error(
                        CONFIG_FILE,
                        line,
                        format!(
                            "learning path {name} lists `{}` twice",
                            handbook.pages[index].display_path.display()
                        ),
                    )
                    .with_hint(
                        "list each assignment once; the order of the list is the path's order",
                    ),
                );
                continue;
            }
            seen.push(index);
            if a.path.is_empty() {
                a.path = lp.title.clone();
            }
            steps.push(PathStep {
                id: a.id.clone(),
                title: a.title.clone(),
                url: a.url.clone(),
            });
        }
        if lp.assignments.is_empty() {
            out.push(
                Diagnostic::error(
                    CONFIG_FILE,
                    title_line,
                    format!("learning path `{}` lists no assignments", lp.title),
                )
                .with_hint("add assignments = [\"assignments/week-1.md\", ...]"),
            );
        }
        paths.push(LearningPath {
            title: lp.title.clone(),
            description: lp.description.clone(),
            assignments: steps,
        });
    }
    paths
}
