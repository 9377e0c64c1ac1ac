//! `handbook new`: creates a starter handbook, in English or another language's starter.

use super::{Global, fail};
use std::path::PathBuf;
use std::process::ExitCode;

/// The arguments of `handbook new`.
#[derive(clap::Args)]
pub struct Args {
    /// The folder to create (must not exist, or be empty).
    dir: PathBuf,
    /// The language of the starter's pages and interface, a BCP 47 tag: ar, de, en, es, fr, nb
    /// or nl. A regional tag (es-MX, nl-BE) uses its language's starter and is written to
    /// handbook.toml as it is. Any other language is an error listing the starters.
    #[arg(long, value_name = "LANG", default_value = "en", value_parser = language)]
    language: String,
}

/// Accepts a tag that has a starter (clap then prints the error and exits with code 2).
fn language(tag: &str) -> Result<String, String> {
    handbook::scaffold::starters::choose(tag).map(|(_, tag)| tag)
}

/// Writes the starter handbook, says what to do next, returns the exit code.
pub fn run(args: Args, global: &Global) -> ExitCode {
    let dir = args.dir;
    match handbook::new_handbook(&dir, &args.language) {
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
