//! `barraiser drill [--question ID | --story ID] [--target 2:10] [--tighten]`: the takes
//! of one question or story against a target, with the distance of each take from it,
//! a sparkline, and a call-out when a take got shorter by getting emptier.

use std::io::IsTerminal;

use anyhow::{anyhow, bail, Result};
use clap::Args;

use super::review::open_store;
use super::Global;
use crate::analysis::timing::clock;
use crate::progress::drill::{drill_series, parse_clock, signed_clock, DrillSeries};
use crate::progress::load::takes;
use crate::store::{AttemptFilter, Store};
use crate::tui::drill::{DrillStatus, DrillView};

#[derive(Debug, Default, Args)]
pub struct DrillArgs {
    /// Drill this question id
    #[arg(long, value_name = "ID", conflicts_with = "story")]
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
}

pub fn run(args: DrillArgs, g: &Global) -> Result<()> {
    let store = open_store(g)?;
    let view = view(&store, &args)?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&view.series)?);
    } else if args.print || !std::io::stdout().is_terminal() {
        print!("{}", printed(&view));
    } else {
        crate::tui::screen_loop::run(&mut view.clone())?;
    }
    Ok(())
}

/// The drill screen's state from the stored takes of the question or story.
pub fn view(store: &Store, args: &DrillArgs) -> Result<DrillView> {
    let bank = crate::bank::Bank::load(None).ok();
    let filter = AttemptFilter { question_id: args.question.clone(), story_id: args.story, ..Default::default() };
    let history = takes(&store.attempts(&filter)?, bank.as_ref());
    let title = if let Some(id) = &args.question {
        super::review::question_title(bank.as_ref(), Some(id)).unwrap_or_else(|| id.clone())
    } else if let Some(id) = args.story {
        let story = store.story(id)?.ok_or_else(|| anyhow!("no story #{id} in {}", store.path().display()))?;
        format!("Story #{id}: {}", story.title)
    } else {
        bail!("say what to drill: --question ID or --story ID (`barraiser sessions` lists what you practised)");
    };
    let kind_target = history.first().and_then(|t| t.target_s.or(t.limit_s));
    let target = args.target.or(kind_target).unwrap_or(crate::progress::drill::TIGHTEN_STEPS[2]);
    let status = if history.is_empty() {
        DrillStatus::Said("No takes yet: record one with `barraiser practice`, then come back.".into())
    } else {
        DrillStatus::Ready
    };
    Ok(DrillView { title, tighten: args.tighten, series: drill_series(&history, target, args.tighten), status })
}

fn printed(v: &DrillView) -> String {
    let s: &DrillSeries = &v.series;
    let mut o = format!("Drill: {}\n", v.title);
    if s.rows.is_empty() {
        o.push_str("No takes yet: practise it with `barraiser practice --question ID`.\n");
        return o;
    }
    o.push_str(&format!("{:>6}  {:>5}  {:>6}  {:>8}  {:>7}  {:>3}\n", "take", "time", "target", "distance", "metrics", "LPs"));
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
    o.push_str(&format!("durations {}\nnext take: aim under {}\n", s.sparkline, clock(s.next_target_s)));
    o
}
