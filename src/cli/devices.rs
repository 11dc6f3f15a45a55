//! `barraiser devices`.

use anyhow::{bail, Result};
use clap::Args;

use super::Global;

#[derive(Debug, Default, Args)]
pub struct DevicesArgs {}

pub fn run(_args: DevicesArgs, _g: &Global) -> Result<()> {
    bail!("`devices` is not available yet")
}
