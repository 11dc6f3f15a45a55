//! `barraiser review [SESSION]`: the transcript of a take with its findings marked,
//! full-screen in a terminal, or printed with `--print` (and whenever stdout is not a
//! terminal).

use std::io::IsTerminal;

use anyhow::Result;
use clap::Args;

use crate::analysis::timing::clock;
use crate::config::Config;
use crate::report::controls::strip_controls;
use crate::report::marks::Marks;
use crate::takes::find_attempt;
use crate::tui::component::Route;
use crate::tui::review::ReviewData;

#[derive(Debug, Default, Args)]
pub struct ReviewArgs {
    /// Session id (as `barraiser sessions` lists them); the latest when left out
    #[arg(value_name = "SESSION")]
    pub session: Option<String>,
    /// Print the report and the findings in order instead of opening the screen
    #[arg(long)]
    pub print: bool,
}

pub fn run(args: ReviewArgs, cfg: &Config) -> Result<()> {
    let store = cfg.existing_store()?;
    let a = find_attempt(&store, args.session.as_deref())?;
    if args.print || !std::io::stdout().is_terminal() {
        let data = ReviewData::load(&store, &a, crate::bank::Bank::load(None).ok().as_ref())?;
        // The transcript is the answer as stored, perhaps from a file anyone wrote:
        // nothing in it may reach the terminal as a control sequence.
        print!("{}", strip_controls(&printed(&data)));
        return Ok(());
    }
    crate::tui::run(cfg, Route::Review(a.id))
}

/// The plain-text review: the report, then every finding in transcript order.
fn printed(d: &ReviewData) -> String {
    let mut o = format!(
        "Session #{} · {} · {}\n\n",
        d.attempt_id,
        d.title,
        d.started_at.format("%Y-%m-%d %H:%M UTC")
    );
    o.push_str(&crate::report::render_text(&d.report, &d.transcript, false));
    let marks = Marks::new(&d.report, &d.transcript);
    o.push_str("\nFindings in order:\n");
    for f in &marks.findings {
        let at = f.start_s.map(clock).unwrap_or_else(|| "  -".into());
        o.push_str(&format!("  {at:>5}  {:<9}  {}\n", f.mark.as_str(), f.label));
    }
    if let Some(c) = &d.since_previous {
        o.push_str(&c.describe());
    }
    o
}
