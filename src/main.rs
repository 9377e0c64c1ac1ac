//! The `handbook` command line: parses the arguments and runs the subcommand (`cmd/`, one file
//! each), which calls the library, prints diagnostics and sets the exit code (0 success, 1
//! content errors, 2 usage errors).

mod cmd;

use clap::{Parser, Subcommand};
use std::process::ExitCode;
use std::time::Instant;

/// Build clinician training handbooks from a folder of Markdown.
///
/// A handbook is a folder with an optional `handbook.toml` and a `content/` folder: every
/// sub-folder is a chapter (its `_index.md`, `index.md` or `README.md` is the chapter page),
/// every `.md` file a page, every other file is copied beside its page.
///
/// Start with `handbook new my-handbook`, then `handbook build --root my-handbook` and open
/// `my-handbook/public/index.html` in a browser.
#[derive(Parser)]
#[command(
    name = "handbook",
    version,
    about,
    long_about,
    propagate_version = true
)]
struct Cli {
    /// Print only errors and warnings.
    #[arg(long, short, global = true, conflicts_with = "verbose")]
    quiet: bool,
    /// Print more detail about each step.
    #[arg(long, short, global = true)]
    verbose: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into the output folder (default `public/`).
    ///
    /// The site is written to a temporary folder and swapped in only when the build succeeds,
    /// so a failed build leaves the previous output untouched. All links are relative: open
    /// `public/index.html` straight from disk or serve the folder under any path.
    Build(cmd::build::Args),
    /// Check the handbook without writing anything: everything `build` validates, plus lints
    /// (images without alt text, empty pages, pages without a title, exercises without an `id`,
    /// answer keys a learner could guess without reading).
    Check(cmd::check::Args),
    /// Preview the handbook in a browser, rebuilding and reloading on every change.
    ///
    /// Builds once and serves the site from memory (nothing is written, so a `public/` folder
    /// made by `build` is left alone) at http://127.0.0.1:3000/, or the next free port. Watches
    /// content/, themes/ and handbook.toml: a saved page is rebuilt (only what changed) and every
    /// open browser reloads, keeping its scroll position. A build error never stops the server:
    /// the terminal and the browser (an overlay) show it, and the last good site stays online.
    /// Ctrl-C stops.
    Serve(cmd::serve::Args),
    /// Create a small starter handbook in DIR that builds straight away.
    New(cmd::new::Args),
    /// Package the handbook for other systems (see `handbook export scorm --help`).
    Export {
        #[command(subcommand)]
        command: cmd::ExportCommand,
    },
    /// Work with the progress files trainees hand in (see `handbook progress summarize --help`).
    Progress {
        #[command(subcommand)]
        command: cmd::ProgressCommand,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let global = cmd::Global {
        quiet: cli.quiet,
        verbose: cli.verbose,
        started: Instant::now(),
    };
    match cli.command {
        Command::Build(args) => cmd::build::run(args, &global),
        Command::Check(args) => cmd::check::run(args, &global),
        Command::Serve(args) => cmd::serve::run(args, &global),
        Command::New(args) => cmd::new::run(args, &global),
        Command::Export {
            command: cmd::ExportCommand::Scorm(args),
        } => cmd::scorm::run(args, &global),
        Command::Progress {
            command: cmd::ProgressCommand::Summarize(args),
        } => cmd::summarize::run(args, &global),
    }
}
