//! `barraiser progress [--json]`: the 16 principles, the preparation checklist, trends
//! and what to practise next, from the real history. Full-screen in a terminal; plain
//! text when stdout is not one (or with `--print`); JSON with `--json`.

use std::fmt::Write as _;
use std::io::IsTerminal;

use anyhow::Result;
use clap::Args;

use serde::Serialize;

use crate::config::Config;
use crate::mock_loop::session::{summaries, LoopSummary};
use crate::progress::next::Focus;
use crate::store::Store;
use crate::tui::component::Route;
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

pub fn run(args: ProgressArgs, cfg: &Config) -> Result<()> {
    if !args.json && !args.print && std::io::stdout().is_terminal() {
        return crate::tui::run(cfg, Route::Progress);
    }
    let store = Store::open_existing(&cfg.data_dir)?;
    let view = ProgressView::load(store.as_ref(), crate::bank::Bank::load(None).ok().as_ref())?;
    let loops = loops_progress(store.as_ref())?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&WithLoops { view: &view, loops })?);
    } else {
        print!("{}", printed(&view));
        if let Some(last) = &loops.last {
            let decision = last.decision.as_deref().unwrap_or("unfinished");
            let score = last.score.map(|s| format!(", {s:.1} / 4")).unwrap_or_default();
            println!(
                "\nMock onsite loops: {} finished, {:.2} h recorded; the last (#{}): {decision}{score}",
                loops.finished,
                loops.recorded_s / 3600.0,
                last.id
            );
        }
    }
    Ok(())
}

fn loops_progress(store: Option<&Store>) -> Result<LoopsProgress> {
    let loops = match store {
        Some(store) => summaries(store)?,
        None => vec![],
    };
    let finished: Vec<&LoopSummary> = loops.iter().filter(|l| l.finished).collect();
    Ok(LoopsProgress {
        finished: finished.len(),
        recorded_s: finished.iter().map(|l| l.recorded_s).sum(),
        last: loops.first().cloned(),
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
