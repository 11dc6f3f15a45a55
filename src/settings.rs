//! `config.toml` in the config directory: the user's standing choices, so they need
//! not be typed every time. The command line and the environment override it.
//!
//! ```toml
//! device = "USB"        # input device, or part of its name
//! model = "base.en"     # catalog name or path of the speech model
//! quiet = true          # no terminal bell at the time warnings (practice, drill)
//! no_cutoff = true      # keep recording past the round's limit
//! silent = true         # the mock onsite loop does not read questions aloud
//! ```

use std::path::PathBuf;

use anyhow::{Context, Result};
use serde::Deserialize;

use crate::cli::{Cli, Command};

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    pub device: Option<String>,
    pub model: Option<String>,
    #[serde(default)]
    pub quiet: bool,
    #[serde(default)]
    pub no_cutoff: bool,
    #[serde(default)]
    pub silent: bool,
}

/// Where the settings live: `config.toml` in the config directory.
pub fn settings_path() -> PathBuf {
    crate::paths::config_dir().join("config.toml")
}

impl Settings {
    /// The settings file, or no settings when there is none. A file that cannot be
    /// read or parsed is an error naming it.
    pub fn load() -> Result<Self> {
        let path = settings_path();
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Self::default()),
            Err(e) => {
                return Err(e)
                    .with_context(|| format!("{}: cannot read the settings", path.display()))
            }
        };
        toml::from_str(&text).map_err(|e| {
            let line = e.span().map_or(1, |s| text[..s.start].matches('\n').count() + 1);
            anyhow::anyhow!("{}: line {line}: {}", path.display(), e.message().trim())
        })
    }

    /// Fills in what the command line and the environment left open.
    pub fn apply(self, cli: &mut Cli) {
        cli.global.model_setting = self.model;
        // No subcommand opens the practice screen, which the settings shape too.
        let command = cli.command.get_or_insert_with(|| Command::Practice(Default::default()));
        let device = match command {
            Command::Practice(a) => {
                a.quiet |= self.quiet;
                a.no_cutoff |= self.no_cutoff;
                &mut a.device
            }
            Command::Record(a) => &mut a.device,
            Command::Loop(a) => {
                a.silent |= self.silent;
                &mut a.device
            }
            Command::Drill(a) => {
                a.quiet |= self.quiet;
                &mut a.device
            }
            _ => return,
        };
        if device.is_none() {
            *device = self.device;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    fn applied(settings: Settings, args: &[&str]) -> Cli {
        let mut cli = Cli::parse_from(std::iter::once("barraiser").chain(args.iter().copied()));
        settings.apply(&mut cli);
        cli
    }

    #[test]
    fn quiet_silences_the_bells_of_practice_and_drill_takes() {
        let quiet = || Settings { quiet: true, ..Settings::default() };
        let Some(Command::Drill(drill)) = applied(quiet(), &["drill", "--question", "x"]).command
        else {
            panic!()
        };
        assert!(drill.quiet);
        let Some(Command::Practice(practice)) = applied(quiet(), &[]).command else { panic!() };
        assert!(practice.quiet);
        let Some(Command::Drill(drill)) =
            applied(Settings::default(), &["drill", "--question", "x"]).command
        else {
            panic!()
        };
        assert!(!drill.quiet);
    }

    #[test]
    fn silent_stops_the_loop_reading_questions_aloud() {
        let silent = Settings { silent: true, ..Settings::default() };
        let Some(Command::Loop(l)) = applied(silent, &["loop", "--no-tui"]).command else {
            panic!()
        };
        assert!(l.silent);
        let Some(Command::Loop(l)) = applied(Settings::default(), &["loop"]).command else {
            panic!()
        };
        assert!(!l.silent);
    }
}
