//! `barraiser transcribe`.

use anyhow::{bail, Result};
use clap::Args;

use super::Global;

#[derive(Debug, Default, Args)]
pub struct TranscribeArgs {}

pub fn run(_args: TranscribeArgs, _g: &Global) -> Result<()> {
    bail!("`transcribe` is not available yet")
}
