//! `barraiser recover`: analyse and save the recordings a crash interrupted,
//! without the screen.

use anyhow::{bail, Result};
use clap::Args;

use super::analyze::Format;
use super::practice::{announce, print_report};
use crate::bank::Bank;
use crate::config::{load_lexicon, Config};
use crate::practice::recover::{conclude_recovered, question_for, take_up};

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

pub fn run(args: RecoverArgs, cfg: &Config) -> Result<()> {
    let mut store = cfg.open_store()?;
    store.set_wait_notice(Box::new(|wait| eprintln!("barraiser: {wait}")));
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
    let opts = cfg.transcribe_options()?;
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
