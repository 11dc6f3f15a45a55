//! `barraiser loop`: the mock onsite. `--plan` prints the plan; `--no-tui` runs the
//! loop from the microphone, each question on stderr; `--resume` continues a loop.
//! The loop itself lives in `mock_loop`; this file reads flags and does the talking.

use std::io::{IsTerminal, Write as _};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use anyhow::{bail, Context as _, Result};
use clap::Args;

use super::record::{recover_and_announce, stop_flag};
use crate::analysis::timing::clock;
use crate::analysis::Lexicon;
use crate::bank::Bank;
use crate::config::{load_lexicon, Config};
use crate::mock_loop::plan::{build, Level, PlanOptions, RoundKind};
use crate::mock_loop::session::LoopSession;
use crate::mock_loop::{Ask, RunSettings, Step, StepKey};
use crate::practice::take::{recording_meta, Take, TakeOptions};
use crate::practice::writing_sample;
use crate::speech::shared_model::SharedModel;
use crate::store::Store;
use crate::tui::component::{LoopStart, Route};

#[derive(Debug, Default, Args)]
pub struct LoopArgs {
    /// Print the plan (rounds, interviewers, questions, writing prompt) without recording
    #[arg(long)]
    pub plan: bool,
    /// Print JSON: the plan with --plan, else the debrief
    #[arg(long)]
    pub json: bool,
    /// Run from the command line, without the screen
    #[arg(long)]
    pub no_tui: bool,
    /// Role level: pm, senior or group (senior and group add a system design round)
    #[arg(long, value_name = "LEVEL", default_value = "pm", value_parser = parse_level)]
    pub level: Level,
    /// A technical PM role (adds a system design round at any level)
    #[arg(long)]
    pub technical: bool,
    /// Only these rounds, in this order: product,behavioral,analytical,system-design,combined
    #[arg(long, value_name = "LIST", value_delimiter = ',', value_parser = parse_round)]
    pub rounds: Option<Vec<RoundKind>>,
    /// Questions per round (default: 3 behavioral, 2 combined, 1 in the others)
    #[arg(long, value_name = "N")]
    pub questions: Option<usize>,
    /// The same seed gives the same plan
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
    /// Skip the writing sample
    #[arg(long)]
    pub no_writing: bool,
    /// Skip "What questions do you have for me?" at the end of each round
    #[arg(long)]
    pub no_your_questions: bool,
    /// Cap each answer at this many seconds (below the question's limit)
    #[arg(long, value_name = "S")]
    pub seconds: Option<f64>,
    /// Follow-ups per answer, 0-2
    #[arg(long, value_name = "N", default_value_t = 2)]
    pub followups: usize,
    /// Limit of each follow-up answer
    #[arg(long, value_name = "S", default_value_t = 90.0)]
    pub followup_seconds: f64,
    /// Do not read the questions aloud
    #[arg(long)]
    pub silent: bool,
    /// Continue a loop (the newest unfinished one when no id is given)
    #[arg(long, value_name = "ID", num_args = 0..=1, default_missing_value = "0")]
    pub resume: Option<i64>,
    /// Input device (a name from `barraiser devices`, or part of one)
    #[arg(long, value_name = "NAME", env = "BARRAISER_DEVICE")]
    pub device: Option<String>,
}

fn parse_level(s: &str) -> Result<Level, String> {
    s.parse()
}

fn parse_round(s: &str) -> Result<RoundKind, String> {
    s.parse()
}

pub fn run(args: LoopArgs, cfg: &Config) -> Result<()> {
    for (name, v) in
        [("--seconds", args.seconds), ("--followup-seconds", Some(args.followup_seconds))]
    {
        if v.is_some_and(|s| !(s > 0.0 && s.is_finite())) {
            bail!("{name} must be a positive number");
        }
    }
    if args.followups > 2 {
        bail!("--followups must be 0, 1 or 2 (an interviewer asks at most two)");
    }
    let bank = Bank::load(None)?;
    if args.plan {
        let plan = build(&bank, &plan_options(&args))?;
        return print_plan(&plan, args.json);
    }
    if !args.no_tui {
        if !std::io::stdout().is_terminal() {
            bail!("the loop screen needs a terminal; use --no-tui to run it from the command line");
        }
        let start = match args.resume {
            Some(id) => LoopStart::Resume((id > 0).then_some(id)),
            // On screen the writing sample is its own step: `barraiser write`.
            None => LoopStart::New(
                PlanOptions { writing: false, ..plan_options(&args) },
                run_settings(&args),
            ),
        };
        return crate::tui::run(cfg, Route::Loop(start));
    }
    let mut store = cfg.open_store()?;
    recover_and_announce(cfg)?;
    let mut session = match args.resume {
        Some(id) => {
            let mut s = LoopSession::resume(&store, (id > 0).then_some(id))?;
            // Caps given again apply to the rest of the loop.
            if args.seconds.is_some() {
                s.run.settings.answer_cap_s = args.seconds;
            }
            eprintln!("Resuming loop #{} ({} takes kept)", s.id, s.run.done.len());
            s
        }
        None => {
            let plan = build(&bank, &plan_options(&args))?;
            let s = LoopSession::start(&mut store, plan, run_settings(&args))?;
            eprintln!("Loop #{} (seed {}): {}", s.id, s.run.plan.seed, round_list(&s));
            s
        }
    };
    let lex = load_lexicon()?;
    // Loaded once for the whole loop, while the first question is read out.
    let model = SharedModel::load_in_background(&cfg.transcribe_options()?);
    let runner = Runner { cfg, model, bank: &bank, lex: &lex, stop: stop_flag()? };
    let stop = &runner.stop;
    let mut round_shown = None;
    while let Step::Ask(ask) = session.next() {
        if ask.key.round() != round_shown {
            announce_round(&session, ask.key.round());
            round_shown = ask.key.round();
        }
        take_step(&runner, &mut store, &mut session, &ask)?;
        if stop.load(Ordering::Relaxed) {
            eprintln!(
                "Stopped. Every finished take is saved; continue with `barraiser loop --no-tui --resume {}`",
                session.id
            );
            return Ok(());
        }
    }
    let debrief = session.finish(&mut store)?;
    let out = if args.json {
        serde_json::to_string_pretty(&debrief)? + "\n"
    } else {
        crate::report::debrief::render_text(&debrief)
    };
    eprintln!(
        "Loop #{} saved; `barraiser export --loop {}` writes the packet",
        session.id, session.id
    );
    std::io::stdout().lock().write_all(out.as_bytes()).context("could not write the debrief")
}

fn run_settings(args: &LoopArgs) -> RunSettings {
    RunSettings {
        followups: args.followups,
        followup_limit_s: args.followup_seconds,
        your_questions: !args.no_your_questions,
        answer_cap_s: args.seconds,
    }
}

fn plan_options(args: &LoopArgs) -> PlanOptions {
    PlanOptions {
        level: args.level,
        technical: args.technical,
        rounds: args.rounds.clone(),
        questions: args.questions,
        seed: args.seed.unwrap_or_else(crate::bank::select::random_seed),
        writing: !args.no_writing,
    }
}

fn print_plan(plan: &crate::mock_loop::Plan, json: bool) -> Result<()> {
    if json {
        println!("{}", serde_json::to_string_pretty(plan)?);
        return Ok(());
    }
    println!("Mock onsite (seed {}; `--seed {}` gives this plan again)", plan.seed, plan.seed);
    if let Some(w) = &plan.writing {
        println!("\nWriting sample ({}-{} words): {}", w.min_words, w.max_words, w.prompt);
    }
    for (i, r) in plan.rounds.iter().enumerate() {
        let br = if r.bar_raiser { " · bar raiser" } else { "" };
        println!(
            "\nRound {} · {} · {} ({}){br} · {}",
            i + 1,
            r.kind,
            r.interviewer,
            r.role,
            clock(r.clock_s)
        );
        println!("  focus: {}", r.focus.join(" · "));
        for q in &r.questions {
            println!("  {} ({}): {}", q.id, clock(q.limit_s), q.text);
        }
    }
    Ok(())
}

fn round_list(s: &LoopSession) -> String {
    let mut parts: Vec<String> = Vec::new();
    if s.run.plan.writing.is_some() {
        parts.push("writing".into());
    }
    parts.extend(s.run.plan.rounds.iter().map(|r| r.kind.to_string()));
    parts.join(", ")
}

fn announce_round(s: &LoopSession, round: Option<usize>) {
    match round {
        None => eprintln!("\nWriting sample (before the onsite)"),
        Some(i) => {
            let r = &s.run.plan.rounds[i];
            let br = if r.bar_raiser { ", the bar raiser" } else { "" };
            eprintln!(
                "\nRound {}/{} · {} · {} ({}{br}) · {} round · focus: {}",
                i + 1,
                s.run.plan.rounds.len(),
                r.kind,
                r.interviewer,
                r.role,
                clock(r.clock_s),
                r.focus.join(" · ")
            );
        }
    }
}

/// Speaking time so far in a round, for its 45-minute clock.
fn round_clock(s: &LoopSession, round: usize) -> f64 {
    s.run.done.iter().filter(|t| t.key.round() == Some(round)).filter_map(|t| t.duration_s).sum()
}

/// What every step of a run needs besides the store and the loop.
struct Runner<'a> {
    cfg: &'a Config,
    model: SharedModel,
    bank: &'a Bank,
    lex: &'a Lexicon,
    stop: Arc<AtomicBool>,
}

fn take_step(r: &Runner, store: &mut Store, session: &mut LoopSession, ask: &Ask) -> Result<()> {
    let Runner { cfg, model, bank, lex, stop, .. } = r;
    let label = match ask.key {
        StepKey::Writing => "Writing prompt".to_string(),
        StepKey::Question { .. } => {
            format!("Question ({})", ask.question_id.as_deref().unwrap_or("-"))
        }
        StepKey::FollowUp { .. } => "Follow-up".to_string(),
        StepKey::YourQuestions { .. } => "Interviewer".to_string(),
    };
    eprintln!("{label}: {}", ask.text);
    if !cfg.silent && ask.key != StepKey::Writing {
        crate::audio::speak::say(&ask.text);
    }
    if ask.key == StepKey::Writing {
        let prompt = ask.question_id.as_deref().and_then(|id| bank.get(id));
        let drafts = store.data_dir().join("drafts");
        let sample = writing_sample::from_editor(&drafts, prompt, lex)?;
        let saved =
            session.save_written(store, ask, &sample.text, sample.attempt.started_at, lex)?;
        if let Some(d) = &sample.draft {
            std::fs::remove_file(d).ok();
        }
        let s = saved.report.map_or(1.0, |r| r.score.overall);
        eprintln!(
            "Saved take {}: {} words in {}, writing score {s:.1}",
            saved.attempt_id,
            sample.report.words,
            sample.elapsed_s.map(clock).unwrap_or_default()
        );
        return Ok(());
    }
    let until = ask.record_limit_s(&session.run.settings).unwrap_or(f64::INFINITY);
    let opts = take_options(model, store, ask, cfg.device.as_deref(), until);
    let started_at = chrono::Utc::now();
    let mut take = Take::start(&opts)?;
    let clock_note = ask
        .key
        .round()
        .map(|r| format!("; round clock {} of 45:00", clock(round_clock(session, r))))
        .unwrap_or_default();
    eprintln!(
        "Recording from '{}' for {}{clock_note}; Ctrl-C stops",
        take.device_name(),
        clock(until)
    );
    while !take.is_done() && take.elapsed_s() < until && !stop.load(Ordering::Relaxed) {
        std::thread::sleep(Duration::from_millis(20));
        take.pump()?;
    }
    let finished = take.stop()?;
    let seconds = finished.recording.duration_s();
    let saved = session.save_spoken(store, ask, finished, started_at, lex)?;
    match (&saved.report, &saved.problem) {
        (Some(r), None) => eprintln!(
            "Saved take {} ({seconds:.1} s, score {:.1})",
            saved.attempt_id, r.score.overall
        ),
        (_, Some(p)) => eprintln!("Saved take {} ({seconds:.1} s): {p}", saved.attempt_id),
        (None, None) => eprintln!("Saved take {} ({seconds:.1} s)", saved.attempt_id),
    }
    Ok(())
}

/// A take of a loop step: its recording named by time, loop step and question.
fn take_options(
    model: &SharedModel,
    store: &Store,
    ask: &Ask,
    device: Option<&str>,
    max_s: f64,
) -> TakeOptions {
    let what = ask.question_id.as_deref().unwrap_or("your-questions");
    let name = format!("loop-{}-{what}", ask.key.name());
    TakeOptions {
        device: device.map(str::to_string),
        model: model.clone(),
        meta: recording_meta(&store.recordings_dir(), &name),
        journal_dir: store.recordings_dir(),
        max_s: max_s.is_finite().then_some(max_s),
    }
}
