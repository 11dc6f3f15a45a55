//! `barraiser questions …`.

use anyhow::{bail, Result};
use clap::Subcommand;

use super::Global;

#[derive(Debug, Subcommand)]
pub enum QuestionsCommand {
    /// Not available yet
    List,
}

pub fn run(_cmd: QuestionsCommand, _g: &Global) -> Result<()> {
    bail!("`questions` is not available yet")
}
