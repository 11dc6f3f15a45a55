//! `barraiser practice`: the practice screen, or with `--no-tui` a whole take from
//! the command line (record, transcribe as it goes, stop, analyse, save, print).

use std::io::Write;
use std::sync::atomic::Ordering;
use std::time::Duration;

use anyhow::{bail, Context as _, Result};
use clap::Args;

use super::analyze::Format;
use super::record::stop_flag;
use crate::bank::{Bank, Question};
use crate::config::{load_lexicon, Config};
use crate::practice::choose::{choose, Choice};
use crate::practice::outcome::{conclude, Filing, Outcome};
use crate::practice::recover::take_up;
use crate::practice::take::{Take, TakeOptions};
use crate::report::{render_json, render_markdown, render_text};
use crate::round::Kind;
use crate::speech::shared_model::SharedModel;
use crate::store::Store;
use crate::tui::component::Route;

#[derive(Debug, Default, Args)]
pub struct PracticeArgs {
    /// Question id from the bank (`barraiser questions list`)
    #[arg(long, value_name = "ID")]
    pub question: Option<String>,
    /// Pick a question of this round type
    #[arg(long, value_enum)]
    pub kind: Option<Kind>,
    /// Pick a question probing this Leadership Principle
    #[arg(long, value_name = "NAME")]
    pub principle: Option<String>,
    /// Pick a question for one of your stories (id or part of the title)
    #[arg(long, value_name = "STORY")]
    pub story: Option<String>,
    /// No screen: record, stop after --seconds (or at the limit), print the report
    #[arg(long)]
    pub no_tui: bool,
    /// Analyse and save the recordings a crash interrupted, then stop (with
    /// --no-tui; as `barraiser recover`, --question naming what a `record` file answered)
    #[arg(long, requires = "no_tui")]
    pub recover: bool,
    /// Stop after this many seconds (with --no-tui)
    #[arg(long, value_name = "N")]
    pub seconds: Option<f64>,
    /// Report format (with --no-tui)
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Input device (a name from `barraiser devices`, or part of one)
    #[arg(long, value_name = "NAME", env = "BARRAISER_DEVICE")]
    pub device: Option<String>,
    /// No terminal bell at the time warnings and the limit
    #[arg(long)]
    pub quiet: bool,
    /// Keep recording past the round's limit (the report marks where it fell)
    #[arg(long)]
    pub no_cutoff: bool,
}

impl PracticeArgs {
    pub fn choice(&self) -> Choice {
        Choice {
            question: self.question.clone(),
            kind: self.kind,
            principle: self.principle.clone(),
            story: self.story.clone(),
        }
    }
}

pub fn run(args: PracticeArgs, cfg: &Config) -> Result<()> {
    if args.seconds.is_some_and(|s| !(s > 0.0 && s.is_finite())) {
        bail!("--seconds must be a positive number");
    }
    if args.recover {
        let what = super::recover::RecoverArgs {
            list: false,
            question: args.question.clone(),
            format: args.format,
        };
        return super::recover::run(what, cfg);
    }
    let bank = Bank::load(None)?;
    // A writing prompt is written, not spoken.
    let asked = args.question.as_deref().and_then(|id| bank.get(id));
    if args.kind == Some(Kind::Writing) || asked.is_some_and(|q| q.kind == Kind::Writing) {
        eprintln!("A writing prompt is answered in your editor: running `barraiser write`");
        let prompt = args.question.clone();
        return super::write::run(super::write::WriteArgs { prompt, file: None, json: false }, cfg);
    }
    if !args.no_tui {
        return crate::tui::run(cfg, Route::Practice { choice: args.choice(), start: false });
    }
    let mut store = cfg.open_store()?;
    store.set_wait_notice(Box::new(|wait| eprintln!("barraiser: {wait}")));
    for line in take_up(&mut store)?.lines {
        eprintln!("barraiser: {line}");
    }
    let stories = store.stories()?;
    let question = choose(&bank, &args.choice(), &stories, &store.practice_counts()?)?;
    run_headless(&args, cfg, &mut store, question)
}

fn run_headless(
    args: &PracticeArgs,
    cfg: &Config,
    store: &mut Store,
    question: &Question,
) -> Result<()> {
    let lex = load_lexicon()?;
    let stop = stop_flag()?;
    let model = SharedModel::load_in_background(&cfg.transcribe_options()?);
    let opts = TakeOptions::new(&model, store, question, cfg.device.as_deref(), args.seconds);
    let started_at = chrono::Utc::now();
    let mut take = Take::start(&opts)?;
    let limit = (!cfg.no_cutoff).then_some(question.limit_s);
    let until = match (args.seconds, limit) {
        (Some(s), Some(l)) => s.min(l),
        (Some(s), None) => s,
        (None, Some(l)) => l,
        (None, None) => f64::INFINITY,
    };
    eprintln!("Question ({}): {}", question.id, question.text);
    eprintln!(
        "Recording from '{}'{}; Ctrl-C stops",
        take.device_name(),
        if until.is_finite() { format!(" for {until:.0} s") } else { String::new() }
    );
    while !take.is_done() && take.elapsed_s() < until && !stop.load(Ordering::Relaxed) {
        std::thread::sleep(Duration::from_millis(20));
        take.pump()?;
    }
    let finished = take.stop()?;
    let tail_s = finished.tail_s;
    if finished.dropped_frames > 0 {
        eprintln!(
            "barraiser: warning: {} audio frames were dropped (the machine was too busy)",
            finished.dropped_frames
        );
    }
    let outcome = conclude(store, question, started_at, &Filing::practice(), finished, &lex)?;
    announce(&outcome, Some(tail_s));
    print_report(&outcome, args.format)?;
    conclusion(&outcome)
}

/// Where the take went, on stderr; `tail_s` is how long after the stop the report
/// was ready, for a take just recorded.
pub(crate) fn announce(outcome: &Outcome, tail_s: Option<f64>) {
    let duration_s = outcome.recording.duration_s();
    let path = outcome.recording.path.display();
    let ready = tail_s.map(|s| format!("; the report was ready {s:.2} s after the stop"));
    match (outcome.attempt_id, &outcome.unsaved) {
        (Some(id), _) => {
            eprintln!("Saved session {id} ({duration_s:.1} s, {path}){}", ready.unwrap_or_default())
        }
        (None, Some(why)) => eprintln!("barraiser: {why} (recording {path}, {duration_s:.1} s)"),
        (None, None) => {}
    }
}

/// The exit: an error when the answer was cut short or could not be saved, after
/// the report was printed.
pub(crate) fn conclusion(outcome: &Outcome) -> Result<()> {
    let duration_s = outcome.recording.duration_s();
    let session = match outcome.attempt_id {
        Some(id) => format!("session {id}"),
        None => "kept for the next start".to_string(),
    };
    if let Some(failure) = &outcome.failure {
        bail!("{failure} after {duration_s:.1} s; the report covers what was recorded before it ({session})");
    }
    if let Some(why) = &outcome.unsaved {
        bail!("{why}");
    }
    Ok(())
}

pub(crate) fn print_report(outcome: &Outcome, format: Format) -> Result<()> {
    let out = match format {
        Format::Json => render_json(&outcome.report) + "\n",
        Format::Md => render_markdown(&outcome.report, &outcome.transcript),
        Format::Text => render_text(&outcome.report, &outcome.transcript, false),
    };
    std::io::stdout().lock().write_all(out.as_bytes()).context("could not write the report")
}
