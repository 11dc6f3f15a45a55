//! `barraiser drill [--question ID] [--story ID] [--target 2:10] [--tighten]`: the takes
//! of one question or story against a target, with the distance of each take from it,
//! a sparkline, and a call-out when a take got shorter by getting emptier. The screen
//! records new takes itself.

use std::io::IsTerminal;

use anyhow::Result;
use clap::Args;

use crate::analysis::timing::clock;
use crate::bank::Bank;
use crate::config::Config;
use crate::progress::drill::{parse_clock, signed_clock, DrillSeries};
use crate::tui::component::{DrillTarget, Route};
use crate::tui::drill::DrillView;

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

impl DrillArgs {
    fn target(&self) -> DrillTarget {
        DrillTarget {
            question: self.question.clone(),
            story: self.story,
            target_s: self.target,
            tighten: self.tighten,
        }
    }
}

pub fn run(args: DrillArgs, cfg: &Config) -> Result<()> {
    if args.json || args.print || !std::io::stdout().is_terminal() {
        let store = cfg.existing_store()?;
        let view = DrillView::load(&store, &args.target(), Bank::load(None).ok().as_ref())?;
        match args.json {
            true => println!("{}", serde_json::to_string_pretty(&view.series)?),
            false => print!("{}", printed(&view)),
        }
        return Ok(());
    }
    crate::tui::run(cfg, Route::Drill(args.target()))
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
