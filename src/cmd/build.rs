//! `handbook build`: builds the site into the output folder.

use super::{Global, fail, print_warnings};
use std::path::PathBuf;
use std::process::ExitCode;

/// The arguments of `handbook build`.
#[derive(clap::Args)]
pub struct Args {
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
}

/// Builds, prints the warnings and a summary line, returns the exit code.
pub fn run(args: Args, global: &Global) -> ExitCode {
    if let Err(e) = handbook::write::interrupt::remove_staging_on_interrupt(
        "interrupted: the build stopped and the output folder was left unchanged",
    ) {
        eprintln!(
            "warning: cannot catch Ctrl-C ({e}); an interrupted build may leave a temporary folder"
        );
    }
    match handbook::build(&args.root, args.out.as_deref(), args.force) {
        Ok(summary) => {
            print_warnings(&summary.warnings);
            if !global.quiet {
                println!(
                    "Built {} pages ({} files, {:.1} MB) into {} in {:.2} s",
                    summary.pages,
                    summary.files,
                    summary.bytes as f64 / 1e6,
                    summary.out.display(),
                    global.started.elapsed().as_secs_f64()
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
