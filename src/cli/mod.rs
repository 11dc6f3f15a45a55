//! The command line: one file per subcommand, each with its `Args` and a `run`.

use std::path::PathBuf;

use anyhow::Result;
use clap::{Args, Parser, Subcommand};

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
    /// The model named in the settings file, used when neither `--model` nor
    /// `BARRAISER_MODEL` names one.
    #[arg(skip)]
    pub model_setting: Option<String>,
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

/// Runs the parsed command line.
pub fn run(cli: Cli) -> Result<()> {
    let g = &cli.global;
    match cli.command {
        None => practice::run(practice::PracticeArgs::default(), g),
        Some(Command::Practice(a)) => practice::run(a, g),
        Some(Command::Transcribe(a)) => transcribe::run(a, g),
        Some(Command::Analyze(a)) => analyze::run(a, g),
        Some(Command::Record(a)) => record::run(a, g),
        Some(Command::Devices(a)) => devices::run(a, g),
        Some(Command::Model(c)) => model::run(c, g),
        Some(Command::Questions(c)) => questions::run(c, g),
        Some(Command::Story(c)) => story::run(c, g),
        Some(Command::Stories(c)) => stories::run(c, g),
        Some(Command::Sessions(a)) => sessions::run(a, g),
        Some(Command::Review(a)) => review::run(a, g),
        Some(Command::Compare(a)) => compare::run(a, g),
        Some(Command::Export(a)) => export::run(a, g),
        Some(Command::Drill(a)) => drill::run(a, g),
        Some(Command::Progress(a)) => progress::run(a, g),
        Some(Command::Write(a)) => write::run(a, g),
        Some(Command::Loop(a)) => loop_run::run(a, g),
        Some(Command::Loops(a)) => loops::run(a, g),
    }
}
