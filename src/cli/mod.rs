//! The command line: one file per subcommand, each with its `Args` and a `run`.

use std::path::PathBuf;

use anyhow::Result;
use clap::{Args, Parser, Subcommand};

use crate::config::Config;
use crate::settings::Settings;

pub mod analyze;
pub mod compare;
pub mod devices;
pub mod drill;
pub mod export;
pub mod loop_run;
pub mod loops;
pub mod model;
pub mod practice;
pub mod progress;
pub mod questions;
pub mod record;
pub mod recover;
pub mod review;
pub mod sessions;
pub mod stories;
pub mod story;
pub mod transcribe;
pub mod write;

#[derive(Debug, Parser)]
#[command(
    name = "barraiser",
    version,
    about = "Rehearse Amazon PM interview answers out loud, offline",
    long_about = "Rehearse Amazon PM interview answers out loud. barraiser records your answer, \
transcribes it on this machine with whisper.cpp, times it against the round's limit and \
coaches its content: quantified results, Leadership Principles, vague phrases, STAR-LP \
structure, pace, fillers and pauses. Your voice never leaves your machine.\n\n\
With no subcommand it opens the practice screen."
)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Options every subcommand understands.
#[derive(Debug, Clone, Args)]
pub struct Global {
    /// Data directory (database, recordings, models) [env: BARRAISER_DATA]
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Speech model: a path to a ggml file or a catalog name such as tiny.en [env: BARRAISER_MODEL]
    #[arg(long, global = true, value_name = "PATH|NAME")]
    pub model: Option<String>,
    /// Show whisper.cpp's own log on stderr
    #[arg(short, long, global = true)]
    pub verbose: bool,
    /// Write whisper.cpp's log to FILE (the screens use barraiser.log in the data directory)
    #[arg(long, global = true, value_name = "FILE")]
    pub log: Option<PathBuf>,
}

/// Flags of the commands that record takes, which the settings file can also set.
#[derive(Debug, Default)]
struct TakeFlags {
    device: Option<String>,
    quiet: bool,
    no_cutoff: bool,
    silent: bool,
}

impl Global {
    /// The one configuration the library sees: these flags, then the settings file.
    fn config(&self, settings: Settings, take: TakeFlags) -> Config {
        Config {
            data_dir: crate::paths::data_dir(self.data_dir.as_ref()),
            model: self.model.clone(),
            model_setting: settings.model,
            verbose: self.verbose,
            device: take.device.or(settings.device),
            quiet: take.quiet || settings.quiet,
            no_cutoff: take.no_cutoff || settings.no_cutoff,
            silent: take.silent || settings.silent,
            log: self.log.clone(),
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Practise a question: record, transcribe while speaking, coach at once
    Practice(practice::PracticeArgs),
    /// Transcribe an audio file (wav, flac, mp3, ogg, m4a) on this machine
    Transcribe(transcribe::TranscribeArgs),
    /// Coach an answer: audio, a transcript .json or a typed .txt
    Analyze(analyze::AnalyzeArgs),
    /// Record from the microphone to a WAV file, without the screen
    Record(record::RecordArgs),
    /// Analyse and save the recordings a crash interrupted, without the screen
    Recover(recover::RecoverArgs),
    /// List audio input devices
    Devices(devices::DevicesArgs),
    /// Manage speech models: list, fetch, import, verify
    #[command(subcommand)]
    Model(model::ModelCommand),
    /// The question bank: list, show, random, validate
    #[command(subcommand)]
    Questions(questions::QuestionsCommand),
    /// The story bank: add, list, show, edit, rm, import, export
    #[command(subcommand)]
    Story(story::StoryCommand),
    /// The story bank against the 16 Leadership Principles
    #[command(subcommand)]
    Stories(stories::StoriesCommand),
    /// List past practice sessions, newest first
    Sessions(sessions::SessionsArgs),
    /// Review a session's transcript with its findings marked
    Review(review::ReviewArgs),
    /// Compare two takes: time, metrics and principles dropped or added, changed numbers
    Compare(compare::CompareArgs),
    /// Export a session as Markdown, JSON or a self-contained HTML page
    Export(export::ExportArgs),
    /// Timing drill: the same story again and again against a target
    Drill(drill::DrillArgs),
    /// Progress across the 16 Leadership Principles and the preparation checklist
    Progress(progress::ProgressArgs),
    /// The mock onsite: a writing sample, 4-5 rounds with follow-ups, the debrief and the decision
    Loop(loop_run::LoopArgs),
    /// List mock onsite loops, newest first
    Loops(loops::LoopsArgs),
    /// The writing sample: 300-500 words in your editor (or a file), judged and saved
    Write(write::WriteArgs),
}

/// Runs the parsed command line with the settings file read.
pub fn run(cli: Cli) -> Result<()> {
    let settings = Settings::load()?;
    // No subcommand opens the app's home screen.
    let command = cli.command.unwrap_or(Command::Practice(Default::default()));
    let take = match &command {
        Command::Practice(a) => TakeFlags {
            device: a.device.clone(),
            quiet: a.quiet,
            no_cutoff: a.no_cutoff,
            ..Default::default()
        },
        Command::Drill(a) => {
            TakeFlags { device: a.device.clone(), quiet: a.quiet, ..Default::default() }
        }
        Command::Record(a) => TakeFlags { device: a.device.clone(), ..Default::default() },
        Command::Loop(a) => {
            TakeFlags { device: a.device.clone(), silent: a.silent, ..Default::default() }
        }
        _ => TakeFlags::default(),
    };
    let cfg = &cli.global.config(settings, take);
    if let Some(path) = &cfg.log {
        crate::speech::log::log_to_file(path)?;
    }
    match command {
        Command::Practice(a) => practice::run(a, cfg),
        Command::Transcribe(a) => transcribe::run(a, cfg),
        Command::Analyze(a) => analyze::run(a, cfg),
        Command::Record(a) => record::run(a, cfg),
        Command::Recover(a) => recover::run(a, cfg),
        Command::Devices(a) => devices::run(a, cfg),
        Command::Model(c) => model::run(c, cfg),
        Command::Questions(c) => questions::run(c, cfg),
        Command::Story(c) => story::run(c, cfg),
        Command::Stories(c) => stories::run(c, cfg),
        Command::Sessions(a) => sessions::run(a, cfg),
        Command::Review(a) => review::run(a, cfg),
        Command::Compare(a) => compare::run(a, cfg),
        Command::Export(a) => export::run(a, cfg),
        Command::Drill(a) => drill::run(a, cfg),
        Command::Progress(a) => progress::run(a, cfg),
        Command::Write(a) => write::run(a, cfg),
        Command::Loop(a) => loop_run::run(a, cfg),
        Command::Loops(a) => loops::run(a, cfg),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(settings: Settings, args: &[&str]) -> Config {
        let cli = Cli::parse_from(std::iter::once("barraiser").chain(args.iter().copied()));
        let take = match &cli.command {
            Some(Command::Drill(a)) => TakeFlags { quiet: a.quiet, ..Default::default() },
            Some(Command::Loop(a)) => TakeFlags { silent: a.silent, ..Default::default() },
            _ => TakeFlags::default(),
        };
        cli.global.config(settings, take)
    }

    #[test]
    fn the_settings_file_fills_in_what_the_flags_leave_open() {
        let quiet = || Settings { quiet: true, ..Settings::default() };
        assert!(config(quiet(), &["drill", "--question", "x"]).quiet);
        assert!(!config(Settings::default(), &["drill", "--question", "x"]).quiet);
        assert!(config(Settings::default(), &["drill", "--question", "x", "--quiet"]).quiet);
        let silent = Settings { silent: true, ..Settings::default() };
        assert!(config(silent, &["loop", "--no-tui"]).silent);
        assert!(!config(Settings::default(), &["loop"]).silent);
        let usb = Settings {
            device: Some("USB".into()),
            model: Some("base.en".into()),
            ..Settings::default()
        };
        let c = config(usb, &["--model", "tiny.en", "practice"]);
        assert_eq!((c.device.as_deref(), c.model.as_deref()), (Some("USB"), Some("tiny.en")));
        assert_eq!(
            c.model_setting.as_deref(),
            Some("base.en"),
            "the flag wins, the setting stays behind it"
        );
    }
}
