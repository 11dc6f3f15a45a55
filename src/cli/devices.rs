//! `barraiser devices`: the audio inputs barraiser can record from.

use anyhow::Result;
use clap::Args;

use crate::audio::devices::list_inputs;
use crate::config::Config;

#[derive(Debug, Default, Args)]
pub struct DevicesArgs {}

pub fn run(_args: DevicesArgs, _cfg: &Config) -> Result<()> {
    let inputs = list_inputs()?;
    if inputs.is_empty() {
        println!("No audio input devices found. Connect a microphone or start the sound server.");
        return Ok(());
    }
    for input in inputs {
        let mark = if input.is_default { "*" } else { " " };
        match input.config {
            Ok(c) => println!(
                "{mark} {}  ({} Hz, {} ch, {})",
                input.name, c.sample_rate, c.channels, c.format
            ),
            Err(e) => println!("{mark} {}  (unusable: {e})", input.name),
        }
    }
    println!("\n* default input. Choose another with --device NAME (a part of the name will do).");
    Ok(())
}
