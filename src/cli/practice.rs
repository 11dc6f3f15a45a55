//! `barraiser practice`.

use anyhow::{bail, Result};
use clap::Args;

use super::Global;

#[derive(Debug, Default, Args)]
pub struct PracticeArgs {}

pub fn run(_args: PracticeArgs, _g: &Global) -> Result<()> {
    bail!("`practice` is not available yet")
}
