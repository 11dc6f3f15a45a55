//! `barraiser stories …`.

use anyhow::{bail, Result};
use clap::Subcommand;

use super::Global;

#[derive(Debug, Subcommand)]
pub enum StoriesCommand {
    /// Not available yet
    List,
}

pub fn run(_cmd: StoriesCommand, _g: &Global) -> Result<()> {
    bail!("`stories` is not available yet")
}
