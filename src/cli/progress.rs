//! `barraiser progress [--json]`: the 16 principles, the preparation checklist, trends
//! and what to practise next, from the real history. Full-screen in a terminal; plain
//! text when stdout is not one (or with `--print`); JSON with `--json`.

use std::fmt::Write as _;
use std::io::IsTerminal;

use anyhow::Result;
use clap::Args;

use super::Global;
use serde::Serialize;

use crate::mock_loop::session::{summaries, LoopSummary};
use crate::progress::checklist::{checklist, LoopRef};
use crate::progress::load::{story_refs, takes};
use crate::progress::next::{practise_next, Focus};
use crate::progress::principles::principle_progress;
use crate::progress::trends::trends;
use crate::store::{AttemptFilter, Store};
use crate::tui::progress::ProgressView;

#[derive(Debug, Default, Args)]
pub struct ProgressArgs {
    /// Print JSON: principles, checklist, trends and suggestions
    #[arg(long)]
    pub json: bool,
    /// Print plain text instead of opening the screen
    #[arg(long, conflicts_with = "json")]
    pub print: bool,
}

/// The progress view with the mock onsite loops (the screen shows the view alone).
#[derive(Serialize)]
struct WithLoops<'a> {
    #[serde(flatten)]
    view: &'a ProgressView,
    loops: LoopsProgress,
}

#[derive(Serialize)]
struct LoopsProgress {
    finished: usize,
    /// Speaking time of the finished loops' takes.
    recorded_s: f64,
    last: Option<LoopSummary>,
}

pub fn run(args: ProgressArgs, g: &Global) -> Result<()> {
    let view = compute(g)?;
    let loops = loops_progress(g)?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&WithLoops { view: &view, loops })?);
    } else if args.print || !std::io::stdout().is_terminal() {
        print!("{}", printed(&view));
        if let Some(last) = &loops.last {
            let decision = last.decision.as_deref().unwrap_or("unfinished");
            let score = last.score.map(|s| format!(", {s:.1} / 4")).unwrap_or_default();
            println!(
                "
Mock onsite loops: {} finished, {:.2} h recorded; the last (#{}): {decision}{score}",
                loops.finished,
                loops.recorded_s / 3600.0,
                last.id
            );
        }
    } else {
        crate::tui::screen_loop::run(&mut view.clone())?;
    }
    Ok(())
}

fn loops_progress(g: &Global) -> Result<LoopsProgress> {
    let dir = crate::paths::data_dir(g.data_dir.as_ref());
    let loops = match Store::open_existing(&dir)? {
        Some(store) => summaries(&store)?,
        None => vec![],
    };
    let finished: Vec<&LoopSummary> = loops.iter().filter(|l| l.finished).collect();
    Ok(LoopsProgress {
        finished: finished.len(),
        recorded_s: finished.iter().map(|l| l.recorded_s).sum(),
        last: loops.first().cloned(),
    })
}

/// Progress from the store in the data directory (an empty history when there is none yet).
pub fn compute(g: &Global) -> Result<ProgressView> {
    let dir = crate::paths::data_dir(g.data_dir.as_ref());
    let (attempts, stories, loops) = match Store::open_existing(&dir)? {
        Some(store) => {
            let loops: Vec<LoopRef> = store
                .loops()?
                .iter()
                .map(|l| LoopRef { session_id: l.session_id, finished: l.finished_at.is_some() })
                .collect();
            (store.attempts(&AttemptFilter::default())?, store.stories()?, loops)
        }
        None => (vec![], vec![], vec![]),
    };
    let bank = crate::bank::Bank::load(None).ok();
    let takes = takes(&attempts, bank.as_ref());
    let stories = story_refs(&stories);
    let principles = principle_progress(&takes, &stories);
    Ok(ProgressView {
        takes: takes.len(),
        checklist: checklist(&takes, &stories, &loops),
        trends: trends(&takes),
        next: practise_next(&principles, &takes),
        principles,
    })
}

fn printed(v: &ProgressView) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "Progress over {} answers\n", v.takes);
    let _ = writeln!(
        o,
        "{:<46} {:>7} {:>5} {:>4}  last practised",
        "Leadership Principle (gaps first)", "stories", "takes", "best"
    );
    for p in &v.principles {
        let best = p.best_score.map_or("-".into(), |s| format!("{s:.1}"));
        let last = p.last_practised.map_or("never".into(), |t| t.format("%Y-%m-%d").to_string());
        let _ = writeln!(o, "{:<46} {:>7} {:>5} {:>4}  {last}", p.name, p.stories, p.takes, best);
    }
    let _ = writeln!(o, "\nPreparation checklist");
    for i in &v.checklist {
        let mark = if i.complete() { "x" } else { " " };
        let done =
            if i.done.fract() == 0.0 { format!("{:.0}", i.done) } else { format!("{:.2}", i.done) };
        let _ =
            writeln!(o, "  [{mark}] {done:>5} / {:<3.0} {} ({})", i.target, i.item, i.counted_as);
    }
    let _ = writeln!(o, "\nTrends (oldest → newest)");
    for t in &v.trends {
        let latest =
            t.latest().map_or("-".into(), |x| format!("{x:.1} {}", t.unit).trim_end().to_string());
        let change = t
            .change
            .map_or(String::new(), |c| format!(" ({}{c:.1})", if c >= 0.0 { "+" } else { "" }));
        let _ = writeln!(o, "  {:<18} {} latest {latest}{change}", t.name, t.sparkline());
    }
    let _ = writeln!(o, "\nPractise next");
    if v.next.is_empty() {
        let _ = writeln!(o, "  Nothing stands out: keep the rhythm.");
    }
    for s in &v.next {
        let what = match &s.focus {
            Focus::Principle(p) => p.clone(),
            Focus::Round(k) => format!("{k} questions"),
        };
        let _ = writeln!(o, "  {what}: {}", s.reason);
    }
    o
}
