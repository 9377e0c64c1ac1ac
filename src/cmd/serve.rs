//! `handbook serve`: previews the handbook, rebuilding and reloading on every change.

use super::Global;
use std::path::PathBuf;
use std::process::ExitCode;

/// The arguments of `handbook serve`.
#[derive(clap::Args)]
pub struct Args {
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
}

/// Serves until stopped; returns the exit code of a failure to start.
pub fn run(args: Args, global: &Global) -> ExitCode {
    let options = handbook::serve::Options {
        root: args.root,
        port: args.port,
        bind: args.bind,
        open: args.open,
        poll: args.poll,
        quiet: global.quiet,
        verbose: global.verbose,
    };
    match handbook::serve::serve(&options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(e.exit_code())
        }
    }
}
