//! `barraiser export SESSION --format md|json|html [-o FILE]`, and
//! `barraiser export --loop ID` for a mock onsite loop's whole packet.

use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::{Args, ValueEnum};

use crate::config::Config;
use crate::mock_loop::session::LoopSession;
use crate::store::Store;
use crate::takes::{export, find_attempt, ExportFormat};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
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
    pub format: Format,
    /// Write to FILE instead of stdout
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

pub fn run(args: ExportArgs, cfg: &Config) -> Result<()> {
    let store = cfg.existing_store()?;
    let text = match args.loop_id {
        Some(id) => loop_packet(&store, id, args.format)?,
        None => {
            let a = find_attempt(&store, args.session.as_deref())?;
            let format = match args.format {
                Format::Md => ExportFormat::Md,
                Format::Json => ExportFormat::Json,
                Format::Html => ExportFormat::Html,
            };
            export(&store, &a, format, crate::bank::Bank::load(None).ok().as_ref())?
        }
    };
    match &args.output {
        Some(path) => crate::private::write(path, text.as_bytes())
            .with_context(|| format!("cannot write {}", path.display()))?,
        None => print!("{text}"),
    }
    Ok(())
}

fn loop_packet(store: &Store, id: i64, format: Format) -> Result<String> {
    let session = LoopSession::load(store, id)?;
    let debrief = session.debrief();
    Ok(match format {
        Format::Md => crate::report::debrief::render_markdown(&debrief, &session.run),
        Format::Html => crate::report::debrief::render_html(&debrief, &session.run),
        Format::Json => {
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
