//! `barraiser analyze`.

use anyhow::{bail, Result};
use clap::Args;

use super::Global;

#[derive(Debug, Default, Args)]
pub struct AnalyzeArgs {}

pub fn run(_args: AnalyzeArgs, _g: &Global) -> Result<()> {
    bail!("`analyze` is not available yet")
}
