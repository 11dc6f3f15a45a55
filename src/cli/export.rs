//! `barraiser export SESSION --format md|json|html [-o FILE]`.

use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::{Args, ValueEnum};

use super::review::{find_attempt, open_store, question_title, report_of};
use super::Global;
use crate::report::html::PageInfo;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Md,
    Json,
    Html,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Session id (as `barraiser sessions` lists them), or latest
    #[arg(value_name = "SESSION")]
    pub session: String,
    /// md for notes, json for tools (the Report JSON), html for a page to share
    #[arg(long, value_enum, default_value = "html")]
    pub format: ExportFormat,
    /// Write to FILE instead of stdout
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

pub fn run(args: ExportArgs, g: &Global) -> Result<()> {
    let store = open_store(g)?;
    let a = find_attempt(&store, Some(&args.session))?;
    let (report, transcript) = report_of(&store, &a)?;
    let text = match args.format {
        ExportFormat::Md => crate::report::render_markdown(&report, &transcript),
        ExportFormat::Json => crate::report::render_json(&report) + "\n",
        ExportFormat::Html => {
            let bank = crate::bank::Bank::load(None).ok();
            let info = PageInfo {
                question: question_title(bank.as_ref(), a.question_id.as_deref()),
                practised_at: Some(a.started_at.format("%Y-%m-%d %H:%M UTC").to_string()),
                session: Some(format!("#{}", a.id)),
            };
            crate::report::render_html(&report, &transcript, &info)
        }
    };
    match &args.output {
        Some(path) => crate::private::write(path, text.as_bytes())
            .with_context(|| format!("cannot write {}", path.display()))?,
        None => print!("{text}"),
    }
    Ok(())
}
