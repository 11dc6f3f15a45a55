//! `barraiser loops`: the mock onsite loops, newest first.

use anyhow::Result;
use clap::Args;

use super::questions::say;
use crate::analysis::timing::clock;
use crate::config::Config;
use crate::mock_loop::session::summaries;
use crate::store::Store;

#[derive(Debug, Default, Args)]
pub struct LoopsArgs {
    /// Print JSON (an array of loops)
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: LoopsArgs, cfg: &Config) -> Result<()> {
    let data_dir = cfg.data_dir.clone();
    let loops = match Store::open_existing(&data_dir)? {
        Some(store) => summaries(&store)?,
        None => vec![],
    };
    if args.json {
        say!("{}", serde_json::to_string_pretty(&loops)?);
        return Ok(());
    }
    if loops.is_empty() {
        say!("No loops yet. Run a mock onsite with `barraiser loop`.");
        return Ok(());
    }
    say!(
        "{:>5}  {:<16}  {:>6}  {:>5}  {:>6}  {:<9} {:>5}",
        "id",
        "started",
        "rounds",
        "takes",
        "time",
        "decision",
        "score"
    );
    for l in &loops {
        let started = l.started_at.with_timezone(&chrono::Local).format("%Y-%m-%d %H:%M");
        let decision = match (&l.decision, l.finished) {
            (Some(d), _) => d.clone(),
            (None, false) => "unfinished".into(),
            (None, true) => "-".into(),
        };
        say!(
            "{:>5}  {started:<16}  {:>6}  {:>5}  {:>6}  {decision:<9} {:>5}",
            l.id,
            format!("{}/{}", l.rounds_done, l.rounds.len()),
            l.takes,
            clock(l.recorded_s),
            l.score.map_or("-".into(), |s| format!("{s:.1}"))
        );
    }
    Ok(())
}
