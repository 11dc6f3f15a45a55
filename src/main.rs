//! barraiser: rehearse Amazon PM interview answers out loud, offline.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    // Like other Unix tools, end quietly when the reader of our output goes away
    // (`barraiser questions list | head`) instead of panicking in println!.
    #[cfg(unix)]
    // SAFETY: restoring the default disposition of one signal before any thread starts.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    // clap prints usage errors itself and exits 2; --help and --version exit 0.
    let cli = barraiser::cli::Cli::parse();
    match barraiser::cli::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            // One line: the whole context chain, outermost first.
            let line = format!("{err:#}").replace('\n', " ");
            eprintln!("barraiser: error: {line}");
            ExitCode::from(1)
        }
    }
}
