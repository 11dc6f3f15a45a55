//! `barraiser export SESSION --format md|json|html [-o FILE]`.

use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::{Args, ValueEnum};

use super::review::{find_attempt, open_store, question_title, report_of};
use super::Global;
use crate::mock_loop::session::LoopSession;
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
    #[arg(value_name = "SESSION", required_unless_present = "loop_id")]
    pub session: Option<String>,
    /// Export a mock onsite loop's whole packet instead (as `barraiser loops` lists them)
    #[arg(long = "loop", value_name = "ID", conflicts_with = "session")]
    pub loop_id: Option<i64>,
    /// md for notes, json for tools (the Report JSON), html for a page to share
    #[arg(long, value_enum, default_value = "html")]
    pub format: ExportFormat,
    /// Write to FILE instead of stdout
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

pub fn run(args: ExportArgs, g: &Global) -> Result<()> {
    let store = open_store(g)?;
    if let Some(id) = args.loop_id {
        let text = loop_packet(&store, id, args.format)?;
        return write_out(args.output.as_ref(), text);
    }
    let a = find_attempt(&store, args.session.as_deref())?;
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
    write_out(args.output.as_ref(), text)
}

fn write_out(output: Option<&PathBuf>, text: String) -> Result<()> {
    match output {
        Some(path) => std::fs::write(path, text)
            .with_context(|| format!("cannot write {}", path.display()))?,
        None => print!("{text}"),
    }
    Ok(())
}

/// The loop's packet: the debrief (as saved, or of the takes so far), every take.
fn loop_packet(store: &crate::store::Store, id: i64, format: ExportFormat) -> Result<String> {
    let session = LoopSession::load(store, id)?;
    let debrief = session.debrief();
    Ok(match format {
        ExportFormat::Md => crate::report::debrief::render_markdown(&debrief, &session.run),
        ExportFormat::Html => crate::report::debrief::render_html(&debrief, &session.run),
        ExportFormat::Json => {
            let takes: Vec<serde_json::Value> = session
                .run
                .done
                .iter()
                .map(|t| {
                    serde_json::json!({
                        "attempt_id": t.attempt_id,
                        "step": t.key,
                        "prompt": t.prompt,
                        "question_id": t.question_id,
                        "duration_s": t.duration_s,
                        "transcript": t.transcript.as_ref().map(|t| t.text()),
                        "report": t.report,
                    })
                })
                .collect();
            let mut v = serde_json::to_value(&debrief)?;
            v["plan"] = serde_json::to_value(&session.run.plan)?;
            v["takes"] = serde_json::Value::Array(takes);
            serde_json::to_string_pretty(&v)? + "\n"
        }
    })
}
