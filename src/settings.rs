//! `config.toml` in the config directory: the user's standing choices, so they need
//! not be typed every time. The command line and the environment override it (the
//! command line resolves both into [`crate::config::Config`]).
//!
//! ```toml
//! device = "USB"        # input device, or part of its name
//! model = "base.en"     # catalog name or path of the speech model
//! quiet = true          # no terminal bell at the time warnings (practice, drill)
//! no_cutoff = true      # keep recording past the round's limit
//! ```

use std::path::PathBuf;

use anyhow::{Context, Result};
use serde::Deserialize;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    pub device: Option<String>,
    pub model: Option<String>,
    #[serde(default)]
    pub quiet: bool,
    #[serde(default)]
    pub no_cutoff: bool,
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
}
