//! `barraiser drill`.

use anyhow::{bail, Result};
use clap::Args;

use super::Global;

#[derive(Debug, Default, Args)]
pub struct DrillArgs {}

pub fn run(_args: DrillArgs, _g: &Global) -> Result<()> {
    bail!("`drill` is not available yet")
}
