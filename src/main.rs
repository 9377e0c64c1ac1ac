//! The `handbook` command line: parses arguments, calls the library, prints diagnostics and
//! sets the exit code (0 success, 1 content errors, 2 usage errors).

use clap::{Parser, Subcommand};
use std::path::PathBuf;
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
    Build {
        /// The handbook folder (holding handbook.toml and content/).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Where to write the site (default: `output` in handbook.toml, else `public/` in the root).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Replace the output folder even when it was not made by `handbook build` (it is not
        /// empty and has no `.handbook-build` file): everything in it is deleted. Never allows
        /// an output folder that holds or lies in the handbook's sources.
        #[arg(long)]
        force: bool,
    },
    /// Check the handbook without writing anything: everything `build` validates, plus lints
    /// (images without alt text, empty pages, pages without a title, exercises without an `id`,
    /// answer keys a learner could guess without reading).
    Check {
        /// The handbook folder.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Exit with code 1 when there are warnings too.
        #[arg(long)]
        deny_warnings: bool,
    },
    /// Preview the handbook in a browser, rebuilding and reloading on every change.
    ///
    /// Builds once and serves the site from memory (nothing is written, so a `public/` folder
    /// made by `build` is left alone) at http://127.0.0.1:3000/, or the next free port. Watches
    /// content/, themes/ and handbook.toml: a saved page is rebuilt (only what changed) and every
    /// open browser reloads, keeping its scroll position. A build error never stops the server:
    /// the terminal and the browser (an overlay) show it, and the last good site stays online.
    /// Ctrl-C stops.
    Serve {
        /// The handbook folder.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The port (default: 3000, or the next free one; 0 lets the system pick).
        #[arg(long)]
        port: Option<u16>,
        /// The address to listen on; 0.0.0.0 shows the site to other computers too.
        #[arg(long, default_value = "127.0.0.1", value_name = "ADDR")]
        bind: String,
        /// Open the site in the default browser.
        #[arg(long)]
        open: bool,
        /// Poll for changes every half second instead of using file-system events (for network
        /// drives and some containers).
        #[arg(long)]
        poll: bool,
    },
    /// Create a small starter handbook in DIR that builds straight away.
    New {
        /// The folder to create (must not exist, or be empty).
        dir: PathBuf,
    },
    /// Package the handbook for other systems (see `handbook export scorm --help`).
    Export {
        #[command(subcommand)]
        command: ExportCommand,
    },
    /// Work with the progress files trainees hand in (see `handbook progress summarize --help`).
    Progress {
        #[command(subcommand)]
        command: ProgressCommand,
    },
}

/// The `export` subcommands.
#[derive(Subcommand)]
enum ExportCommand {
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
    Scorm {
        /// The handbook folder.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The zip to write (default: TITLE-scorm12.zip or TITLE-scorm2004.zip in the
        /// current folder; with --path, TITLE-PATH-scorm12.zip).
        #[arg(long, value_name = "FILE.zip")]
        out: Option<PathBuf>,
        /// The SCORM version: 1.2 (every LMS imports it) or 2004 (4th edition). Default:
        /// `[scorm] version` in handbook.toml, else 1.2.
        #[arg(
            long = "version",
            id = "scorm_version",
            value_enum,
            value_name = "VERSION"
        )]
        version: Option<ScormVersionArg>,
        /// Package one learning path (its id, the slug of its title, e.g.
        /// `four-week-onboarding`, or its number from 1): the whole site is included, it opens
        /// at the path's first assignment, and only the path's assignments, their pages and
        /// exercises count toward completion and score.
        #[arg(long, value_name = "ID")]
        path: Option<String>,
    },
}

/// `--version` of `export scorm`.
#[derive(Clone, Copy, clap::ValueEnum)]
enum ScormVersionArg {
    /// SCORM 1.2.
    #[value(name = "1.2")]
    V12,
    /// SCORM 2004 4th edition.
    #[value(name = "2004")]
    V2004,
}

/// The `progress` subcommands.
#[derive(Subcommand)]
enum ProgressCommand {
    /// Summarize trainees' progress files into one table: DIR/summary.html and DIR/summary.csv.
    ///
    /// Reads the progress files trainees export from the handbook (one JSON file each) and
    /// writes one row per trainee, one column group per assignment (items done, complete,
    /// questions correct), plus the self-check totals, the export date and the file name.
    /// Files that are not progress files, are damaged, come from another handbook, or are an
    /// older export of a trainee already present are skipped with a warning naming the file
    /// and the reason. Fails (exit code 1) only when no file can be used, a file cannot be read,
    /// or the output folder cannot be written.
    Summarize {
        /// Progress files (.json), or folders: every *.json file in them, sorted by name.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Where to write summary.html and summary.csv.
        #[arg(long, default_value = "progress-summary", value_name = "DIR")]
        out: PathBuf,
        /// Summarize the files of this handbook (its title); default: the title most files carry.
        #[arg(long, value_name = "TITLE")]
        handbook: Option<String>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let started = Instant::now();
    match cli.command {
        Command::Build { root, out, force } => {
            if let Err(e) = handbook::write::interrupt::remove_staging_on_interrupt(
                "interrupted: the build stopped and the output folder was left unchanged",
            ) {
                eprintln!(
                    "warning: cannot catch Ctrl-C ({e}); an interrupted build may leave a temporary folder"
                );
            }
            build(&root, out.as_deref(), force, cli.quiet, started)
        }
        Command::Check {
            root,
            deny_warnings,
        } => match handbook::check(&root) {
            Ok(all) => {
                print_warnings(&all);
                // Notes (what the build did on the author's behalf) are not warnings.
                let warnings: Vec<_> = all.iter().filter(|d| d.is_warning()).collect();
                if deny_warnings && !warnings.is_empty() {
                    eprintln!("check failed: warnings are denied");
                    return ExitCode::from(1);
                }
                if !cli.quiet {
                    println!(
                        "Checked {}: no errors, {} warning{}",
                        root.display(),
                        warnings.len(),
                        if warnings.len() == 1 { "" } else { "s" }
                    );
                }
                ExitCode::SUCCESS
            }
            Err(errors) => fail(&errors, "check failed"),
        },
        Command::Serve {
            root,
            port,
            bind,
            open,
            poll,
        } => {
            let options = handbook::serve::Options {
                root,
                port,
                bind,
                open,
                poll,
                quiet: cli.quiet,
                verbose: cli.verbose,
            };
            match handbook::serve::serve(&options) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::from(e.exit_code())
                }
            }
        }
        Command::New { dir } => match handbook::new_handbook(&dir) {
            Ok(files) => {
                if cli.verbose {
                    for f in &files {
                        println!("  created {}", f.display());
                    }
                }
                if !cli.quiet {
                    println!(
                        "Created a starter handbook in {}.\nNext: handbook build --root {} and open {}/public/index.html",
                        dir.display(),
                        dir.display(),
                        dir.display()
                    );
                }
                ExitCode::SUCCESS
            }
            Err(errors) => fail(&errors, "handbook new failed"),
        },
        Command::Export {
            command:
                ExportCommand::Scorm {
                    root,
                    out,
                    version,
                    path,
                },
        } => {
            if let Err(e) = handbook::export::package::remove_partial_on_interrupt() {
                eprintln!(
                    "warning: cannot catch Ctrl-C ({e}); an interrupted export may leave a temporary file"
                );
            }
            export_scorm(
                handbook::export::Options {
                    root,
                    out,
                    version: version.map(|v| match v {
                        ScormVersionArg::V12 => handbook::config::ScormVersion::V12,
                        ScormVersionArg::V2004 => handbook::config::ScormVersion::V2004,
                    }),
                    path,
                },
                cli.quiet,
                started,
            )
        }
        Command::Progress {
            command:
                ProgressCommand::Summarize {
                    files,
                    out,
                    handbook,
                },
        } => {
            let options = handbook::summarize::Options {
                inputs: files,
                out,
                handbook,
            };
            match handbook::summarize::summarize(&options) {
                Ok(summary) => {
                    print_warnings(&summary.warnings);
                    if !cli.quiet {
                        eprintln!(
                            "Handbook: \"{}\" ({}){}",
                            summary.handbook,
                            summary.chosen,
                            if summary.other_handbooks {
                                "; choose another with --handbook TITLE"
                            } else {
                                ""
                            }
                        );
                        println!(
                            "Summarized {} trainee{} from {} file{} -> {}, {}",
                            summary.trainees,
                            if summary.trainees == 1 { "" } else { "s" },
                            summary.files,
                            if summary.files == 1 { "" } else { "s" },
                            summary.html.display(),
                            summary.csv.display()
                        );
                    }
                    ExitCode::SUCCESS
                }
                Err(errors) => fail(&errors, "summarize failed"),
            }
        }
    }
}

/// `handbook build`: builds, prints the warnings and a summary line, returns the exit code.
fn build(
    root: &std::path::Path,
    out: Option<&std::path::Path>,
    force: bool,
    quiet: bool,
    started: Instant,
) -> ExitCode {
    match handbook::build(root, out, force) {
        Ok(summary) => {
            print_warnings(&summary.warnings);
            if !quiet {
                println!(
                    "Built {} pages ({} files, {:.1} MB) into {} in {:.2} s",
                    summary.pages,
                    summary.files,
                    summary.bytes as f64 / 1e6,
                    summary.out.display(),
                    started.elapsed().as_secs_f64()
                );
            }
            ExitCode::SUCCESS
        }
        Err(_) if handbook::write::interrupt::interrupted() => {
            // The build stopped because of Ctrl-C or SIGTERM: the handler removes the staging
            // folder, says so and exits with 130; its "interrupted" errors are not the news.
            loop {
                std::thread::park();
            }
        }
        Err(errors) => fail(
            &errors,
            "build failed; the output folder was left unchanged",
        ),
    }
}

/// `handbook export scorm`: writes the package, prints the warnings and a summary line.
fn export_scorm(options: handbook::export::Options, quiet: bool, started: Instant) -> ExitCode {
    match handbook::export::export_scorm(&options) {
        Ok(summary) => {
            print_warnings(&summary.warnings);
            if !quiet {
                println!(
                    "Packed \"{}\" as SCORM {} ({} files, {:.1} MB) into {} in {:.2} s",
                    summary.title,
                    match summary.version {
                        handbook::config::ScormVersion::V12 => "1.2",
                        handbook::config::ScormVersion::V2004 => "2004 4th edition",
                    },
                    summary.files,
                    summary.bytes as f64 / 1e6,
                    summary.out.display(),
                    started.elapsed().as_secs_f64()
                );
            }
            ExitCode::SUCCESS
        }
        Err(handbook::export::Error::Usage(message)) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
        Err(handbook::export::Error::Content(errors)) => {
            fail(&errors, "export failed; no package was written")
        }
    }
}

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
