//! One configuration for every command and screen: where the data lives, which speech
//! model, which microphone, and how takes behave. The command line builds it from its
//! flags, the environment and the settings file (flags win), so nothing below the
//! command line ever sees a parsed argument.

use std::path::PathBuf;

use anyhow::{anyhow, Context, Result};

use crate::analysis::Lexicon;
use crate::speech::models::resolve_model;
use crate::speech::transcribe::{Prompt, TranscribeOptions, VOCABULARY_BY_DEFAULT};
use crate::store::Store;

/// The user's own words for the analyzer, beside the settings in the config directory.
pub const USER_WORDS_FILE: &str = "words.toml";

#[derive(Debug, Clone, Default)]
pub struct Config {
    /// Database, recordings and models.
    pub data_dir: PathBuf,
    /// The speech model named on the command line (or `BARRAISER_MODEL`).
    pub model: Option<String>,
    /// The model named in the settings file, used when the command line names none.
    pub model_setting: Option<String>,
    /// Show whisper.cpp's own log on stderr.
    pub verbose: bool,
    /// Input device, or part of its name; the default input when `None`.
    pub device: Option<String>,
    /// No terminal bell at the time warnings and the limit.
    pub quiet: bool,
    /// Keep recording past the round's limit.
    pub no_cutoff: bool,
    /// Don't read the loop's questions aloud.
    pub silent: bool,
    /// Where whisper.cpp's log goes (`--log`); the screens use the data directory's
    /// `barraiser.log` when none is named.
    pub log: Option<PathBuf>,
}

impl Config {
    /// How to transcribe: the resolved model, all cores, no progress bar (screens
    /// and takes show their own progress).
    pub fn transcribe_options(&self) -> Result<TranscribeOptions> {
        let model =
            resolve_model(self.model.as_deref(), self.model_setting.as_deref(), &self.data_dir)?;
        let prompt = Prompt { question: None, vocabulary: VOCABULARY_BY_DEFAULT };
        Ok(TranscribeOptions { model, threads: 0, verbose: self.verbose, progress: false, prompt })
    }

    /// The log file of the screens: `--log`, else `barraiser.log` in the data directory.
    pub fn screen_log(&self) -> PathBuf {
        self.log.clone().unwrap_or_else(|| self.data_dir.join("barraiser.log"))
    }

    /// The store, created on first use.
    pub fn open_store(&self) -> Result<Store> {
        Store::open(&self.data_dir)
    }

    /// The store when there is one: reading commands have nothing to show before the
    /// first take.
    pub fn existing_store(&self) -> Result<Store> {
        Store::open_existing(&self.data_dir)?.ok_or_else(|| {
            anyhow!(
                "no practice sessions yet in {} (practise with `barraiser practice`)",
                self.data_dir.display()
            )
        })
    }
}

/// The built-in word lists plus the user's `words.toml` in the config directory, if any.
pub fn load_lexicon() -> Result<Lexicon> {
    let path = crate::paths::config_dir().join(USER_WORDS_FILE);
    match std::fs::read_to_string(&path) {
        Ok(text) => Lexicon::with_user_file(&text).with_context(|| format!("{}", path.display())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Lexicon::builtin()),
        Err(e) => Err(e).with_context(|| format!("could not read {}", path.display())),
    }
}
