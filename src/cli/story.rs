//! `barraiser story …`.

use anyhow::{bail, Result};
use clap::Subcommand;

use super::Global;

#[derive(Debug, Subcommand)]
pub enum StoryCommand {
    /// Not available yet
    List,
}

pub fn run(_cmd: StoryCommand, _g: &Global) -> Result<()> {
    bail!("`story` is not available yet")
}
