//! `barraiser transcribe FILE`: a recording to text, JSON or subtitles.

use std::path::PathBuf;

use std::io::IsTerminal;

use anyhow::{Context, Result};
use clap::Args;

use crate::config::Config;
use crate::speech::format::{render, Format};
use crate::speech::transcribe::transcribe_file;

#[derive(Debug, Default, Args)]
#[command(after_help = "Examples:\n  barraiser transcribe answer.m4a\n  \
barraiser transcribe answer.wav --format json -o answer.json\n  \
barraiser transcribe answer.mp3 --format srt --threads 2")]
pub struct TranscribeArgs {
    /// The recording: wav (any rate, depth and channels), flac, mp3, ogg or m4a
    pub file: PathBuf,
    /// Output format
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    /// Threads for whisper [default: the cores other programs leave free]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub threads: Option<u16>,
    /// Write to FILE instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

pub fn run(args: TranscribeArgs, cfg: &Config) -> Result<()> {
    let mut opts = cfg.transcribe_options()?;
    opts.progress = std::io::stderr().is_terminal();
    if let Some(n) = args.threads {
        opts.threads = n as usize;
    }
    let transcript = transcribe_file(&args.file, &opts)?;
    let out = render(&transcript, args.format)?;
    match &args.output {
        Some(path) => crate::private::write(path, out.as_bytes())
            .with_context(|| format!("{}: cannot write", path.display())),
        None => {
            use std::io::Write;
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(out.as_bytes())
                .and_then(|()| stdout.flush())
                .context("cannot write to standard output")
        }
    }
}
