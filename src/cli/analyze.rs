//! `barraiser analyze FILE`: coach one answer from audio, a transcript .json or a typed .txt.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context as _, Result};
use clap::{Args, ValueEnum};

use crate::analysis::{analyze, Context};
use crate::bank::Bank;
use crate::config::load_lexicon;
use crate::config::Config;
use crate::report::controls::strip_transcript;
use crate::report::{render_json, render_markdown, render_text};
use crate::round::Kind;
use crate::speech::transcribe::transcribe_file;
use crate::transcript::{Transcript, MAX_FILE_BYTES};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum Format {
    #[default]
    Text,
    Md,
    Json,
}

#[derive(Debug, Args)]
pub struct AnalyzeArgs {
    /// The answer: audio (wav, flac, mp3, ogg, m4a), a transcript .json, or typed .txt
    pub file: PathBuf,
    /// Round type [default: behavioral]
    #[arg(long, value_enum)]
    pub kind: Option<Kind>,
    /// Question id from the bank: takes the round type, limit and follow-ups from it
    #[arg(long, value_name = "ID")]
    pub question: Option<String>,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Same as --format json
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: AnalyzeArgs, cfg: &Config) -> Result<()> {
    let lex = load_lexicon()?;
    let ctx = match &args.question {
        Some(id) => question_context(id, args.kind)?,
        None => Context::for_kind(args.kind.unwrap_or(Kind::Behavioral)),
    };
    let transcript = load_answer(&args.file, cfg)?;
    let report = analyze(&transcript, &ctx, &lex);
    let format = if args.json { Format::Json } else { args.format };
    let out = match format {
        Format::Json => render_json(&report) + "\n",
        Format::Md => render_markdown(&report, &transcript),
        Format::Text => render_text(&report, &transcript, use_color()),
    };
    std::io::stdout().lock().write_all(out.as_bytes()).context("could not write the report")
}

/// Reads the answer: a transcript .json, typed text, or audio to transcribe, without
/// terminal control characters.
pub fn load_answer(path: &Path, cfg: &Config) -> Result<Transcript> {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    let t = match ext.as_str() {
        "json" => {
            let text = read_bounded(path)?;
            Transcript::from_json(&text).map_err(|e| {
                anyhow::anyhow!(
                    "{} is not a transcript JSON (as `barraiser transcribe --format json` \
                     writes): {e}",
                    path.display()
                )
            })?
        }
        "txt" | "text" | "md" => Transcript::from_text(&read_bounded(path)?),
        _ => transcribe(path, cfg)?,
    };
    // Control characters are never part of an answer, and the reports quote the
    // answer: stripped here, no format can carry an escape sequence from the file
    // to the terminal (the text report is printed as it is, in colour on one).
    let t = strip_transcript(&t);
    if t.words.is_empty() {
        bail!("{} has no words to analyse", path.display());
    }
    Ok(t)
}

/// Reads a typed answer or a transcript, refusing files larger than any answer.
fn read_bounded(path: &Path) -> Result<String> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
        .with_context(|| format!("could not read {}", path.display()))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        bail!("{} is larger than {} MiB: not an answer", path.display(), MAX_FILE_BYTES >> 20);
    }
    String::from_utf8(bytes).map_err(|_| anyhow::anyhow!("{} is not UTF-8 text", path.display()))
}

/// Audio goes through the same transcription as `barraiser transcribe`.
fn transcribe(path: &Path, cfg: &Config) -> Result<Transcript> {
    let mut opts = cfg.transcribe_options()?;
    opts.progress = std::io::stderr().is_terminal();
    transcribe_file(path, &opts)
}

/// The round type, limit and follow-ups of a question in the bank; `--kind` still wins.
fn question_context(id: &str, kind: Option<Kind>) -> Result<Context> {
    let bank = Bank::load(None).context("could not load the question bank")?;
    let Some(q) = bank.get(id) else {
        bail!("unknown question '{id}' (see `barraiser questions list`)");
    };
    let mut ctx = Context::for_question(q);
    if let Some(kind) = kind {
        ctx.kind = kind;
        ctx.target_s = kind.default_target_s();
    }
    Ok(ctx)
}

/// Colour only on a terminal, and never when NO_COLOR is set (no-color.org).
fn use_color() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}
