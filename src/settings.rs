//! `config.toml` in the config directory: the user's standing choices, so they need
//! not be typed every time. The command line and the environment override it (the
//! command line resolves both into [`crate::config::Config`]).
//!
//! ```toml
//! device = "USB"        # input device, or part of its name
//! model = "base.en"     # catalog name or path of the speech model
//! quiet = true          # no terminal bell at the time warnings (practice, drill)
//! no_cutoff = true      # keep recording past the round's limit
//! silent = true         # the mock onsite loop does not read questions aloud
//! ```

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::Deserialize;

use crate::bank::load::error_line;

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
        Self::parse(&path, &text)
    }

    /// The settings in `text`, read from `path`; a mistake is one line naming the file
    /// and the line, found as the question bank finds the line of its mistakes.
    pub fn parse(path: &Path, text: &str) -> Result<Self> {
        toml::from_str(text).map_err(|e| {
            let line = error_line(text, e.span());
            anyhow::anyhow!("{}: line {line}: {}", path.display(), e.message().trim())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mistake_names_the_file_and_its_line() {
        let path = Path::new("/cfg/config.toml");
        let err = Settings::parse(path, "quiet = true\ndevise = \"USB\"\n").unwrap_err();
        assert!(err.to_string().starts_with("/cfg/config.toml: line 2: unknown field `devise`"));
        let err = Settings::parse(path, "quiet = \"yes\"").unwrap_err();
        assert!(err.to_string().starts_with("/cfg/config.toml: line 1: invalid type"), "{err}");
        assert!(Settings::parse(path, "").is_ok());
    }
}
