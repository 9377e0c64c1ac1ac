//! `handbook export scorm`: packages the handbook as a SCORM zip.

use super::{Global, fail, print_warnings};
use handbook::config::ScormVersion;
use std::path::PathBuf;
use std::process::ExitCode;

/// The arguments of `handbook export scorm`.
#[derive(clap::Args)]
pub struct Args {
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
    version: Option<VersionArg>,
    /// Package one learning path (its id, the slug of its title, e.g.
    /// `four-week-onboarding`, or its number from 1): the whole site is included, it opens
    /// at the path's first assignment, and only the path's assignments, their pages and
    /// exercises count toward completion and score.
    #[arg(long, value_name = "ID")]
    path: Option<String>,
}

/// `--version` of `export scorm`.
#[derive(Clone, Copy, clap::ValueEnum)]
enum VersionArg {
    /// SCORM 1.2.
    #[value(name = "1.2")]
    V12,
    /// SCORM 2004 4th edition.
    #[value(name = "2004")]
    V2004,
}

/// Writes the package, prints the warnings and a summary line, returns the exit code.
pub fn run(args: Args, global: &Global) -> ExitCode {
    if let Err(e) = handbook::export::package::remove_partial_on_interrupt() {
        eprintln!(
            "warning: cannot catch Ctrl-C ({e}); an interrupted export may leave a temporary file"
        );
    }
    let options = handbook::export::Options {
        root: args.root,
        out: args.out,
        version: args.version.map(|v| match v {
            VersionArg::V12 => ScormVersion::V12,
            VersionArg::V2004 => ScormVersion::V2004,
        }),
        path: args.path,
    };
    match handbook::export::export_scorm(&options) {
        Ok(summary) => {
            print_warnings(&summary.warnings);
            if !global.quiet {
                println!(
                    "Packed \"{}\" as SCORM {} ({} files, {:.1} MB) into {} in {:.2} s",
                    summary.title,
                    match summary.version {
                        ScormVersion::V12 => "1.2",
                        ScormVersion::V2004 => "2004 4th edition",
                    },
                    summary.files,
                    summary.bytes as f64 / 1e6,
                    summary.out.display(),
                    global.started.elapsed().as_secs_f64()
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
