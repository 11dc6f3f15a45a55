//! `barraiser record`.

use anyhow::{bail, Result};
use clap::Args;

use super::Global;

#[derive(Debug, Default, Args)]
pub struct RecordArgs {}

pub fn run(_args: RecordArgs, _g: &Global) -> Result<()> {
    bail!("`record` is not available yet")
}
