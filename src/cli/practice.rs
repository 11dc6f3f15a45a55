//! `barraiser practice`: the practice screen, or with `--no-tui` a whole take from
//! the command line (record, transcribe as it goes, stop, analyse, save, print).

use std::io::Write;
use std::sync::atomic::Ordering;
use std::time::Duration;

use anyhow::{bail, Context as _, Result};
use clap::Args;

use super::analyze::{load_lexicon, Format};
use super::record::{now_rfc3339, recover_and_announce, stop_flag};
use super::Global;
use crate::audio::recorder::RecordingMeta;
use crate::bank::{Bank, Question};
use crate::practice::choose::{choose, Choice};
use crate::practice::outcome::{conclude, Filing, Outcome};
use crate::practice::take::{Take, TakeOptions};
use crate::report::{render_json, render_markdown, render_text};
use crate::round::Kind;
use crate::speech::transcribe::TranscribeOptions;
use crate::store::Store;

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

pub fn run(args: PracticeArgs, g: &Global) -> Result<()> {
    if args.seconds.is_some_and(|s| !(s > 0.0 && s.is_finite())) {
        bail!("--seconds must be a positive number");
    }
    let data_dir = crate::paths::data_dir(g.data_dir.as_ref());
    let mut store = Store::open(&data_dir)?;
    let bank = Bank::load(None)?;
    // A writing prompt is written, not spoken.
    let asked = args.question.as_deref().and_then(|id| bank.get(id));
    if args.kind == Some(Kind::Writing) || asked.is_some_and(|q| q.kind == Kind::Writing) {
        eprintln!("A writing prompt is answered in your editor: running `barraiser write`");
        let prompt = args.question.clone();
        return super::write::run(super::write::WriteArgs { prompt, file: None, json: false }, g);
    }
    if args.no_tui {
        recover_and_announce(g)?;
        let stories = store.stories()?;
        let question = choose(&bank, &args.choice(), &stories, &store.practice_counts()?)?;
        run_headless(&args, g, &mut store, question)
    } else {
        crate::tui::run_practice(&args, g, &mut store, &bank)
    }
}

/// Where a new take's recording goes: the store's recordings directory, named by
/// time and question.
pub fn recording_meta(store: &Store, question: &Question) -> RecordingMeta {
    let stamp = chrono::Utc::now().format("%Y%m%d-%H%M%S");
    RecordingMeta {
        path: store.recordings_dir().join(format!("{stamp}-{}.wav", question.id)),
        question_id: Some(question.id.clone()),
        started_at: now_rfc3339(),
    }
}

/// Options for a take of `question` from `device` (the default input when `None`),
/// kept to at most `max_s` seconds when given.
pub fn take_options(
    g: &Global,
    store: &Store,
    question: &Question,
    device: Option<&str>,
    max_s: Option<f64>,
) -> Result<TakeOptions> {
    let mut transcribe = TranscribeOptions::from_global(g)?;
    transcribe.progress = false;
    Ok(TakeOptions {
        device: device.map(str::to_string),
        transcribe,
        meta: recording_meta(store, question),
        journal_dir: store.recordings_dir(),
        max_s,
    })
}

fn run_headless(
    args: &PracticeArgs,
    g: &Global,
    store: &mut Store,
    question: &Question,
) -> Result<()> {
    let lex = load_lexicon()?;
    let stop = stop_flag()?;
    let opts = take_options(g, store, question, args.device.as_deref(), args.seconds)?;
    let started_at = chrono::Utc::now();
    let mut take = Take::start(&opts)?;
    let limit = (!args.no_cutoff).then_some(question.limit_s);
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
    let outcome = conclude(store, question, started_at, &Filing::practice(), finished, &lex)?;
    let duration_s = outcome.recording.duration_s();
    eprintln!(
        "Saved session {} ({duration_s:.1} s, {}); the report was ready {tail_s:.2} s after the stop",
        outcome.attempt_id,
        outcome.recording.path.display()
    );
    print_report(&outcome, args.format)?;
    // The answer was cut short: the report is printed and saved, and the exit code says so.
    match &outcome.failure {
        Some(failure) => bail!(
            "{failure} after {duration_s:.1} s; the report covers what was recorded before it (session {})",
            outcome.attempt_id
        ),
        None => Ok(()),
    }
}

fn print_report(outcome: &Outcome, format: Format) -> Result<()> {
    let out = match format {
        Format::Json => render_json(&outcome.report) + "\n",
        Format::Md => render_markdown(&outcome.report, &outcome.transcript),
        Format::Text => render_text(&outcome.report, &outcome.transcript, false),
    };
    std::io::stdout().lock().write_all(out.as_bytes()).context("could not write the report")
}
