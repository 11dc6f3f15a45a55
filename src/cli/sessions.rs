//! `barraiser sessions`.

use anyhow::{bail, Result};
use clap::Args;

use super::Global;

#[derive(Debug, Default, Args)]
pub struct SessionsArgs {}

pub fn run(_args: SessionsArgs, _g: &Global) -> Result<()> {
    bail!("`sessions` is not available yet")
}
