//! `barraiser sessions`: past practice sessions, newest first.

use anyhow::Result;
use clap::Args;

use super::questions::say;
use crate::analysis::timing::clock;
use crate::config::Config;
use crate::store::{AttemptFilter, Store};

#[derive(Debug, Default, Args)]
pub struct SessionsArgs {
    /// Only sessions on this question id
    #[arg(long, value_name = "ID")]
    pub question: Option<String>,
    /// Only sessions telling this story id
    #[arg(long, value_name = "ID")]
    pub story: Option<i64>,
    /// At most N sessions
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// Print JSON (an array of sessions, without transcripts and reports)
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: SessionsArgs, cfg: &Config) -> Result<()> {
    let data_dir = cfg.data_dir.clone();
    let filter = AttemptFilter {
        question_id: args.question,
        story_id: args.story,
        limit: args.limit,
        ..AttemptFilter::default()
    };
    let attempts = match Store::open_existing(&data_dir)? {
        Some(store) => store.attempts(&filter)?,
        None => vec![],
    };
    if args.json {
        say!("{}", serde_json::to_string_pretty(&attempts)?);
        return Ok(());
    }
    if attempts.is_empty() {
        say!("No sessions yet. Practise with `barraiser practice`.");
        return Ok(());
    }
    say!(
        "{:>5}  {:<16}  {:<36} {:<13} {:<8} {:>5} {:>5}  status",
        "id",
        "started",
        "question",
        "kind",
        "mode",
        "time",
        "score"
    );
    for a in &attempts {
        let started = a.started_at.with_timezone(&chrono::Local).format("%Y-%m-%d %H:%M");
        let question = a.question_id.as_deref().unwrap_or("-");
        let time = a.duration_s.map_or("-".into(), clock);
        let score = a.score.map_or("-".into(), |s| format!("{s:.1}"));
        say!(
            "{:>5}  {started:<16}  {question:<36} {:<13} {:<8} {time:>5} {score:>5}  {}",
            a.id,
            a.kind.as_str(),
            a.mode.as_str(),
            a.status.as_str()
        );
    }
    Ok(())
}
