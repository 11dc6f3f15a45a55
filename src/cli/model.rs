//! `barraiser model …`.

use anyhow::{bail, Result};
use clap::Subcommand;

use super::Global;

#[derive(Debug, Subcommand)]
pub enum ModelCommand {
    /// Not available yet
    List,
}

pub fn run(_cmd: ModelCommand, _g: &Global) -> Result<()> {
    bail!("`model` is not available yet")
}
