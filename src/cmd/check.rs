//! `handbook check`: validates the handbook without writing anything.

use super::{Global, fail, plural, print_warnings};
use std::path::PathBuf;
use std::process::ExitCode;

/// The arguments of `handbook check`.
#[derive(clap::Args)]
pub struct Args {
    /// The handbook folder.
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// Exit with code 1 when there are warnings too.
    #[arg(long)]
    deny_warnings: bool,
}

/// Checks, prints the warnings and a summary line, returns the exit code.
pub fn run(args: Args, global: &Global) -> ExitCode {
    match handbook::check(&args.root) {
        Ok(all) => {
            print_warnings(&all);
            // Notes (what the build did on the author's behalf) are not warnings.
            let warnings: Vec<_> = all.iter().filter(|d| d.is_warning()).collect();
            if args.deny_warnings && !warnings.is_empty() {
                eprintln!("check failed: warnings are denied");
                return ExitCode::from(1);
            }
            if !global.quiet {
                println!(
                    "Checked {}: no errors, {} warning{}",
                    args.root.display(),
                    warnings.len(),
                    plural(warnings.len())
                );
            }
            ExitCode::SUCCESS
        }
        Err(errors) => fail(&errors, "check failed"),
    }
}
