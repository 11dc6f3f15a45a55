//! `barraiser recover`: analyse and save the recordings a crash interrupted,
//! without the screen.

use anyhow::{bail, Result};
use clap::Args;

use super::analyze::{load_lexicon, Format};
use super::practice::{announce, print_report};
use super::Global;
use crate::bank::Bank;
use crate::practice::recover::{conclude_recovered, question_for, take_up};
use crate::speech::transcribe::TranscribeOptions;
use crate::store::Store;

#[derive(Debug, Args)]
pub struct RecoverArgs {
    /// Only list what awaits analysis
    #[arg(long)]
    pub list: bool,
    /// The question a recording made by `barraiser record` answered
    #[arg(long, value_name = "ID")]
    pub question: Option<String>,
    /// Report format
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

pub fn run(args: RecoverArgs, g: &Global) -> Result<()> {
    let mut store = Store::open(&crate::paths::data_dir(g.data_dir.as_ref()))?;
    store.set_wait_notice(Box::new(|line| eprintln!("barraiser: {line}")));
    let taken_up = take_up(&mut store)?;
    for line in &taken_up.lines {
        eprintln!("barraiser: {line}");
    }
    if args.list || taken_up.pending.is_empty() {
        if taken_up.pending.is_empty() {
            eprintln!("No interrupted recordings await analysis.");
        }
        return Ok(());
    }
    let bank = Bank::load(None)?;
    let lex = load_lexicon()?;
    let mut opts = TranscribeOptions::from_global(g)?;
    opts.progress = false;
    let mut failed = 0;
    for r in &taken_up.pending {
        let outcome = question_for(&bank, r, args.question.as_deref())
            .and_then(|q| conclude_recovered(&mut store, q, r, &opts, &lex));
        match outcome {
            Ok(outcome) => {
                announce(&outcome, None);
                print_report(&outcome, args.format)?;
            }
            Err(err) => {
                eprintln!("barraiser: {err:#}");
                failed += 1;
            }
        }
    }
    if failed > 0 {
        bail!("{failed} of {} recordings could not be analysed", taken_up.pending.len());
    }
    Ok(())
}
