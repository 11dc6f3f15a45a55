//! `barraiser export SESSION --format md|json|html [-o FILE]`.

use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::{Args, ValueEnum};

use crate::config::Config;
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
    #[arg(value_name = "SESSION")]
    pub session: String,
    /// md for notes, json for tools (the Report JSON), html for a page to share
    #[arg(long, value_enum, default_value = "html")]
    pub format: Format,
    /// Write to FILE instead of stdout
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

pub fn run(args: ExportArgs, cfg: &Config) -> Result<()> {
    let store = cfg.existing_store()?;
    let a = find_attempt(&store, Some(&args.session))?;
    let format = match args.format {
        Format::Md => ExportFormat::Md,
        Format::Json => ExportFormat::Json,
        Format::Html => ExportFormat::Html,
    };
    let text = export(&store, &a, format, crate::bank::Bank::load(None).ok().as_ref())?;
    match &args.output {
        Some(path) => crate::private::write(path, text.as_bytes())
            .with_context(|| format!("cannot write {}", path.display()))?,
        None => print!("{text}"),
    }
    Ok(())
}
