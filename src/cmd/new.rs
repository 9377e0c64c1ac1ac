//! `handbook new`: creates a starter handbook.

use super::{Global, fail};
use std::path::PathBuf;
use std::process::ExitCode;

/// The arguments of `handbook new`.
#[derive(clap::Args)]
pub struct Args {
    /// The folder to create (must not exist, or be empty).
    dir: PathBuf,
}

/// Writes the starter handbook, says what to do next, returns the exit code.
pub fn run(args: Args, global: &Global) -> ExitCode {
    let dir = args.dir;
    match handbook::new_handbook(&dir) {
        Ok(files) => {
            if global.verbose {
                for f in &files {
                    println!("  created {}", f.display());
                }
            }
            if !global.quiet {
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
    }
}
