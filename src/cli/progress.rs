//! `barraiser progress`.

use anyhow::{bail, Result};
use clap::Args;

use super::Global;

#[derive(Debug, Default, Args)]
pub struct ProgressArgs {}

pub fn run(_args: ProgressArgs, _g: &Global) -> Result<()> {
    bail!("`progress` is not available yet")
}
