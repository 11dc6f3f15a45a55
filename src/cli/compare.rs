//! `barraiser compare A B`: two takes side by side (duration change, metrics and
//! principles dropped or added, numbers that changed).

use anyhow::Result;
use clap::Args;

use super::review::{find_attempt, open_store};
use super::Global;
use crate::progress::compare::{compare, Comparison};
use crate::progress::load::take;

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// The earlier take (a session id)
    #[arg(value_name = "BEFORE")]
    pub before: String,
    /// The later take (a session id)
    #[arg(value_name = "AFTER")]
    pub after: String,
    /// Print JSON
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: CompareArgs, g: &Global) -> Result<()> {
    let store = open_store(g)?;
    let bank = crate::bank::Bank::load(None).ok();
    let a = find_attempt(&store, Some(&args.before))?;
    let b = find_attempt(&store, Some(&args.after))?;
    let c = compare(&take(&a, bank.as_ref()), &take(&b, bank.as_ref()));
    if args.json {
        println!("{}", serde_json::to_string_pretty(&c)?);
    } else {
        if a.question_id != b.question_id || a.story_id != b.story_id {
            println!("Note: #{} and #{} answer different questions or stories.", a.id, b.id);
        }
        print!("{}", describe(&c));
    }
    Ok(())
}

/// The comparison as a few lines of plain text.
pub fn describe(c: &Comparison) -> String {
    let mut o = format!("\nTake #{} against take #{}:\n", c.after_id, c.before_id);
    let clock = crate::analysis::timing::clock;
    if let (Some(a), Some(b), Some(d)) =
        (c.duration_before_s, c.duration_after_s, c.duration_change_s)
    {
        let how = if d < 0.0 { "shorter" } else { "longer" };
        o.push_str(&format!("  time      {} → {} ({:.0} s {how})\n", clock(a), clock(b), d.abs()));
    }
    if let Some(s) = c.score_change {
        o.push_str(&format!("  score     {}{s:.1}\n", if s >= 0.0 { "+" } else { "" }));
    }
    let texts = |v: &[crate::progress::Metric]| {
        v.iter().map(|m| m.text.clone()).collect::<Vec<_>>().join(", ")
    };
    if !c.metrics_added.is_empty() {
        o.push_str(&format!("  metrics + {}\n", texts(&c.metrics_added)));
    }
    if !c.metrics_dropped.is_empty() {
        o.push_str(&format!("  metrics − {}\n", texts(&c.metrics_dropped)));
    }
    for n in &c.numbers_changed {
        o.push_str(&format!("  changed   {} → {} ({})\n", n.before, n.after, n.kind));
    }
    if !c.principles_added.is_empty() {
        o.push_str(&format!("  principles + {}\n", c.principles_added.join(", ")));
    }
    if !c.principles_dropped.is_empty() {
        o.push_str(&format!("  principles − {}\n", c.principles_dropped.join(", ")));
    }
    if c.shorter_but_emptier() {
        o.push_str("  Shorter, but emptier: keep the metrics and the principle while you cut.\n");
    }
    o
}
