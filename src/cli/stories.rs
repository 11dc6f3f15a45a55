//! `barraiser stories coverage`: the story bank against the 16 Leadership Principles.

use anyhow::Result;
use clap::Subcommand;

use super::questions::say;
use crate::bank::coverage::{coverage, Coverage, LEANED_ON_ABOVE, MIN_METRICS};
use crate::config::Config;
use crate::store::Store;

#[derive(Debug, Subcommand)]
pub enum StoriesCommand {
    /// Which principles have stories: gaps first, over-used principles, thin stories
    Coverage {
        #[arg(long)]
        json: bool,
    },
}

pub fn run(cmd: StoriesCommand, cfg: &Config) -> Result<()> {
    let StoriesCommand::Coverage { json } = cmd;
    let data_dir = cfg.data_dir.clone();
    let stories = match Store::open_existing(&data_dir)? {
        Some(store) => store.stories()?,
        None => vec![],
    };
    let c = coverage(&stories);
    if json {
        say!("{}", serde_json::to_string_pretty(&c)?);
    } else {
        say!("{}", render(&c).trim_end());
    }
    Ok(())
}

fn render(c: &Coverage) -> String {
    let mut out = format!(
        "{} stor{} cover {} of 16 Leadership Principles.\n\n",
        c.stories,
        if c.stories == 1 { "y" } else { "ies" },
        c.covered
    );
    for p in &c.principles {
        let (mark, note) = match p.stories.len() {
            0 => ("GAP ", "no story yet".to_string()),
            _ if p.leaned_on => {
                ("MANY", format!("leaned on by more than {LEANED_ON_ABOVE} stories"))
            }
            _ => ("ok  ", String::new()),
        };
        let ids: Vec<String> =
            p.stories.iter().map(|s| format!("#{}", s.id.unwrap_or_default())).collect();
        let detail = if ids.is_empty() {
            note
        } else if note.is_empty() {
            ids.join(" ")
        } else {
            format!("{} ({note})", ids.join(" "))
        };
        out.push_str(&format!("{mark}  {:<46} {:>2}  {detail}\n", p.principle, p.stories.len()));
    }
    if !c.thin_stories.is_empty() {
        out.push_str(&format!("\nStories citing fewer than {MIN_METRICS} metrics:\n"));
        for s in &c.thin_stories {
            out.push_str(&format!(
                "  #{:<4} {}  ({} metric{})\n",
                s.id.unwrap_or_default(),
                s.title,
                s.metrics,
                if s.metrics == 1 { "" } else { "s" }
            ));
        }
    }
    out
}
