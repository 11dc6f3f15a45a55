//! `barraiser export`.

use anyhow::{bail, Result};
use clap::Args;

use super::Global;

#[derive(Debug, Default, Args)]
pub struct ExportArgs {}

pub fn run(_args: ExportArgs, _g: &Global) -> Result<()> {
    bail!("`export` is not available yet")
}
