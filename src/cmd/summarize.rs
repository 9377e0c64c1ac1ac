//! `handbook progress summarize`: one table from the progress files trainees hand in.

use super::{Global, fail, plural, print_warnings};
use std::path::PathBuf;
use std::process::ExitCode;

/// The arguments of `handbook progress summarize`.
#[derive(clap::Args)]
pub struct Args {
    /// Progress files (.json), or folders: every *.json file in them, sorted by name.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// Where to write summary.html and summary.csv.
    #[arg(long, default_value = "progress-summary", value_name = "DIR")]
    out: PathBuf,
    /// Summarize the files of this handbook: its title (or its id); default: the handbook most
    /// files are from.
    #[arg(long, value_name = "TITLE")]
    handbook: Option<String>,
    /// The interface language of summary.html and summary.csv (a BCP 47 tag, such as es or
    /// nl); English, with a warning, where handbook has no strings in that language. A value
    /// that is not a language tag is an error, as `language` in handbook.toml is.
    #[arg(long, default_value = "en", value_name = "LANG", value_parser = language)]
    language: String,
}

/// Accepts a BCP 47 tag, by the rule `build` holds `language` in handbook.toml to (clap then
/// prints the error and exits with code 2).
fn language(tag: &str) -> Result<String, String> {
    if handbook::config::is_language_tag(tag) {
        return Ok(tag.to_string());
    }
    Err(format!(
        "\"{}\" is not a language tag; write one such as \"es\" or \"nl-BE\" (summaries are \
         translated into {}; any other tag gives an English summary)",
        tag.escape_debug().take(40).collect::<String>(),
        handbook::i18n::shipped_languages().join(", ")
    ))
}

/// Writes the summary, prints the warnings and what was summarized, returns the exit code.
pub fn run(args: Args, global: &Global) -> ExitCode {
    let options = handbook::summarize::Options {
        inputs: args.files,
        out: args.out,
        handbook: args.handbook,
        language: args.language,
    };
    match handbook::summarize::summarize(&options) {
        Ok(summary) => {
            print_warnings(&summary.warnings);
            if !global.quiet {
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
                    plural(summary.trainees),
                    summary.files,
                    plural(summary.files),
                    summary.html.display(),
                    summary.csv.display()
                );
            }
            ExitCode::SUCCESS
        }
        Err(errors) => fail(&errors, "summarize failed"),
    }
}
