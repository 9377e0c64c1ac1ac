//! The `handbook` subcommands, one file each: the arguments (clap) and `run`, which calls the
//! library, prints diagnostics and returns the exit code (0 success, 1 content errors, 2 usage
//! errors).

pub mod build;
pub mod check;
pub mod new;
pub mod scorm;
pub mod serve;
pub mod summarize;

use std::process::ExitCode;
use std::time::Instant;

/// The `export` subcommands.
#[derive(clap::Subcommand)]
pub enum ExportCommand {
    /// Make a SCORM package (a zip) for a learning management system: Moodle, Canvas,
    /// Blackboard, TalentLMS, Cornerstone, ...
    ///
    /// The package holds the built site as it is, a launch page that keeps one LMS session
    /// while the learner moves between pages, and imsmanifest.xml. In the LMS it reports
    /// every graded answer (an interaction), the score (percent of graded questions right),
    /// the status by `[scorm] completion` and `mastery` in handbook.toml, and saves the
    /// learner's progress (suspend_data) so they can continue on another computer. Opened
    /// without an LMS, it is the plain site. The zip is written under a temporary name and
    /// renamed into place. Exit codes: 1 for content errors, 2 for usage errors (e.g. an
    /// unknown --path). See "Publishing in an LMS" in the README.
    #[command(disable_version_flag = true)]
    Scorm(scorm::Args),
}

/// The `progress` subcommands.
#[derive(clap::Subcommand)]
pub enum ProgressCommand {
    /// Summarize trainees' progress files into one table: DIR/summary.html and DIR/summary.csv.
    ///
    /// Reads the progress files trainees export from the handbook (one JSON file each) and
    /// writes one row per trainee, one column group per assignment (items done, complete,
    /// questions correct), plus the self-check totals, the export date and the file name.
    /// Files that are not progress files, are damaged, come from another handbook, or are an
    /// older export of a trainee already present are skipped with a warning naming the file
    /// and the reason. Fails (exit code 1) only when no file can be used, a file cannot be read,
    /// or the output folder cannot be written.
    Summarize(summarize::Args),
}

/// The options every subcommand shares.
pub struct Global {
    /// `--quiet`: print only errors and warnings.
    pub quiet: bool,
    /// `--verbose`: print more detail about each step.
    pub verbose: bool,
    /// When the command started (for the timings in summary lines).
    pub started: Instant,
}

/// Prints warnings (and notes) to stderr, if there are any.
fn print_warnings(warnings: &[handbook::error::Diagnostic]) {
    if !warnings.is_empty() {
        eprint!(
            "{}",
            handbook::error::Diagnostics(warnings.to_vec()).report()
        );
    }
}

/// Prints the diagnostics and what became of the command (`outcome`), and returns exit code 1.
fn fail(errors: &handbook::error::Diagnostics, outcome: &str) -> ExitCode {
    eprint!("{}", errors.report());
    eprintln!("{outcome}");
    ExitCode::from(1)
}

/// `"s"` unless `n` is 1, for plurals in summary lines.
fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
