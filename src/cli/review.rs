//! `barraiser review`.

use anyhow::{bail, Result};
use clap::Args;

use super::Global;

#[derive(Debug, Default, Args)]
pub struct ReviewArgs {}

pub fn run(_args: ReviewArgs, _g: &Global) -> Result<()> {
    bail!("`review` is not available yet")
}
