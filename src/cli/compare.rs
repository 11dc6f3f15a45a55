//! `barraiser compare A B`: two takes side by side (duration change, metrics and
//! principles dropped or added, numbers that changed).

use anyhow::Result;
use clap::Args;

use crate::config::Config;
use crate::progress::compare::compare;
use crate::progress::load::take;
use crate::takes::find_attempt;

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

pub fn run(args: CompareArgs, cfg: &Config) -> Result<()> {
    let store = cfg.existing_store()?;
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
        print!("{}", c.describe());
    }
    Ok(())
}
