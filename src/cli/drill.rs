//! `barraiser drill [--question ID] [--story ID] [--target 2:10] [--tighten]`: the takes
//! of one question or story against a target, with the distance of each take from it,
//! a sparkline, and a call-out when a take got shorter by getting emptier. The screen
//! records new takes itself.

use std::io::IsTerminal;

use anyhow::{anyhow, bail, Result};
use clap::Args;

use super::review::open_store;
use super::Global;
use crate::analysis::timing::clock;
use crate::bank::{Bank, Question};
use crate::progress::drill::{drill_series, parse_clock, signed_clock, DrillSeries};
use crate::progress::load::takes;
use crate::store::{Attempt, AttemptFilter, Store};
use crate::tui::app::QuestionItem;
use crate::tui::drill::{DrillScreen, DrillStatus, DrillView};

#[derive(Debug, Clone, Default, Args)]
pub struct DrillArgs {
    /// Drill this question id (with --story: the question new takes of the story answer)
    #[arg(long, value_name = "ID")]
    pub question: Option<String>,
    /// Drill this story id (from `barraiser story list`)
    #[arg(long, value_name = "ID")]
    pub story: Option<i64>,
    /// The target duration, m:ss or seconds [default: 2:10 behavioral, else the limit]
    #[arg(long, value_name = "TIME", value_parser = parse_clock)]
    pub target: Option<f64>,
    /// Step the target down as takes land under it: 3:00, 2:30, 2:10
    #[arg(long)]
    pub tighten: bool,
    /// Print the series instead of opening the screen
    #[arg(long)]
    pub print: bool,
    /// Print JSON
    #[arg(long, conflicts_with = "print")]
    pub json: bool,
    /// Input device for new takes (a name from `barraiser devices`, or part of one)
    #[arg(long, value_name = "NAME", env = "BARRAISER_DEVICE")]
    pub device: Option<String>,
    /// No terminal bell at the time warnings and the limit of a take
    #[arg(long)]
    pub quiet: bool,
}

pub fn run(args: DrillArgs, g: &Global) -> Result<()> {
    if args.json || args.print || !std::io::stdout().is_terminal() {
        let view = view(&open_store(g)?, &args, Bank::load(None).ok().as_ref())?;
        match args.json {
            true => println!("{}", serde_json::to_string_pretty(&view.series)?),
            false => print!("{}", printed(&view)),
        }
        return Ok(());
    }
    // The screen records takes, so a first drill may start from an empty store.
    let store = Store::open(&crate::paths::data_dir(g.data_dir.as_ref()))?;
    let bank = Bank::load(None)?;
    let view = view(&store, &args, Some(&bank))?;
    let lex = super::analyze::load_lexicon()?;
    crate::tui::screen_loop::run(&mut DrillScreen::new(view, store, args, g.clone(), bank, lex))
}

/// The drill screen's state from the stored takes of the question or story; `bank`
/// is the question bank, when it loads.
pub fn view(store: &Store, args: &DrillArgs, bank: Option<&Bank>) -> Result<DrillView> {
    // A story's takes may answer several questions: the story alone picks them.
    let question_id = if args.story.is_some() { None } else { args.question.clone() };
    let filter = AttemptFilter { question_id, story_id: args.story, ..Default::default() };
    let attempts = store.attempts(&filter)?;
    let history = takes(&attempts, bank);
    let title = if let Some(id) = args.story {
        let story = store
            .story(id)?
            .ok_or_else(|| anyhow!("no story #{id} in {}", store.path().display()))?;
        format!("Story #{id}: {}", story.title)
    } else if let Some(id) = &args.question {
        if attempts.is_empty() && bank.is_some_and(|b| b.get(id).is_none()) {
            bail!("unknown question '{id}' (`barraiser questions list` shows the ids)");
        }
        super::review::question_title(bank, Some(id)).unwrap_or_else(|| id.clone())
    } else {
        bail!("say what to drill: --question ID or --story ID (`barraiser sessions` lists what you practised)");
    };
    let question = bank
        .ok_or_else(|| anyhow!("the question bank does not load"))
        .and_then(|b| take_question(b, args, &attempts))
        .map(QuestionItem::from);
    // The takes' own target, else (before the first take) the question's: 2:10 for
    // behavioral, else the limit, as the takes' reports would say.
    let kind_target = history.first().and_then(|t| t.target_s.or(t.limit_s));
    let question_target =
        question.as_ref().ok().map(|q| q.kind.default_target_s().unwrap_or(q.limit_s));
    let target = args
        .target
        .or(kind_target)
        .or(question_target)
        .unwrap_or(crate::progress::drill::TIGHTEN_STEPS[2]);
    let message = match (&question, history.is_empty()) {
        (Err(why), _) => Some(format!("{why:#}")),
        (Ok(_), true) => Some("No takes yet: press r to record one.".to_string()),
        (Ok(_), false) => None,
    };
    Ok(DrillView {
        title,
        tighten: args.tighten,
        series: drill_series(&history, target, args.tighten),
        status: DrillStatus::Ready,
        question: question.ok(),
        message,
        show_help: false,
    })
}

/// The question a new take answers: `--question`, else the one the story was last told for.
fn take_question<'a>(
    bank: &'a Bank,
    args: &DrillArgs,
    attempts: &[Attempt],
) -> Result<&'a Question> {
    let id = match &args.question {
        Some(id) => id.clone(),
        // Newest first: the question the story was told for last.
        None => attempts.iter().find_map(|a| a.question_id.clone()).ok_or_else(|| {
            anyhow!("To record takes of this story, say which question they answer: --question ID")
        })?,
    };
    bank.get(&id).ok_or_else(|| {
        anyhow!("no question '{id}' in the bank, so no new takes (`barraiser questions list`)")
    })
}

fn printed(v: &DrillView) -> String {
    let s: &DrillSeries = &v.series;
    let mut o = format!("Drill: {}\n", v.title);
    if s.rows.is_empty() {
        o.push_str("No takes yet: in a terminal, `barraiser drill` records them (press r).\n");
        return o;
    }
    o.push_str(&format!(
        "{:>6}  {:>5}  {:>6}  {:>8}  {:>7}  {:>3}\n",
        "take", "time", "target", "distance", "metrics", "LPs"
    ));
    for r in &s.rows {
        let time = r.duration_s.map_or("-".into(), clock);
        let distance = r.distance_s.map_or("-".into(), signed_clock);
        let landed = if r.landed() { " ✓" } else { "" };
        o.push_str(&format!(
            "{:>6}  {time:>5}  {:>6}  {distance:>8}{landed}  {:>7}  {:>3}\n",
            format!("#{}", r.take_id),
            clock(r.target_s),
            r.metrics,
            r.principles
        ));
        if let Some(e) = &r.emptier {
            o.push_str(&format!("        ! {e}\n"));
        }
    }
    o.push_str(&format!(
        "durations {}\nnext take: aim under {}\n",
        s.sparkline,
        clock(s.next_target_s)
    ));
    o
}
