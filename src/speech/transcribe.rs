//! Whole-recording transcription: the segmenter cuts the audio at pauses, the engine
//! transcribes each piece once with the words before it as its prompt, and the
//! pieces join into one [`Transcript`] with absolute times.
//!
//! [`Transcriber`] does this incrementally, so audio can be transcribed while it is
//! still being recorded; files go through the very same path.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use anyhow::Result;

use super::engine::{default_threads, Engine};
use super::segmenter::{AudioPiece, Segmenter};
use crate::audio::decode::decode_16k_mono;
use crate::audio::level::RATE;
use crate::transcript::{Silence, Transcript};

/// Said before the first words so whisper writes the fillers it hears ("um", "uh")
/// instead of tidying them away; see the README for the measurement.
pub const FILLER_PROMPT: &str = "Um, so, uh, I led the launch, you know, and, um, it went well.";
/// How many of the previous words are given to whisper as context.
const PROMPT_WORDS: usize = 40;
/// Files longer than this show a progress bar (when stderr is a terminal).
const PROGRESS_AFTER_S: f64 = 30.0;

/// The audio held no speech: silence, noise, or too quiet to hear.
#[derive(Debug, thiserror::Error)]
#[error("no speech detected")]
pub struct NoSpeech;

/// How to transcribe.
#[derive(Debug, Clone)]
pub struct TranscribeOptions {
    pub model: PathBuf,
    /// Threads whisper uses; 0 means all cores.
    pub threads: usize,
    /// Show whisper.cpp's own log on stderr.
    pub verbose: bool,
    /// Show a progress bar on stderr for long files.
    pub progress: bool,
}

impl TranscribeOptions {
    /// The model from `--model`, `BARRAISER_MODEL`, `./models/` or the data directory;
    /// all cores; progress when stderr is a terminal.
    pub fn from_global(g: &crate::cli::Global) -> Result<Self> {
        let data_dir = crate::paths::data_dir(g.data_dir.as_ref());
        let model = crate::speech::models::resolve_model(g.model.as_deref(), g.model_setting.as_deref(), &data_dir)?;
        Ok(Self { model, threads: default_threads(), verbose: g.verbose, progress: std::io::stderr().is_terminal() })
    }
}

/// Transcribes an audio file (wav, flac, mp3, ogg, m4a).
/// Errors name the file; silence gives [`NoSpeech`].
pub fn transcribe_file(path: &Path, opts: &TranscribeOptions) -> Result<Transcript> {
    let samples = decode_16k_mono(path)?;
    transcribe_samples(&samples, opts).map_err(|e| match e.is::<NoSpeech>() {
        true => e.context(path.display().to_string()),
        false => e,
    })
}

/// Transcribes 16 kHz mono audio. Empty audio is an error; silence gives [`NoSpeech`]
/// before the model is even loaded.
pub fn transcribe_samples(samples_16k_mono: &[f32], opts: &TranscribeOptions) -> Result<Transcript> {
    anyhow::ensure!(!samples_16k_mono.is_empty(), "empty audio (no samples)");
    let mut segmenter = Segmenter::default();
    segmenter.push(samples_16k_mono);
    let silences = segmenter.finish();
    let pieces: Vec<AudioPiece> = std::iter::from_fn(|| segmenter.pop()).collect();
    if pieces.is_empty() {
        return Err(NoSpeech.into());
    }
    let engine = Engine::load(&opts.model, opts.threads, opts.verbose)?;
    let duration_s = samples_16k_mono.len() as f64 / RATE as f64;
    let bar = (opts.progress && duration_s > PROGRESS_AFTER_S).then(|| progress_bar(duration_s));
    let mut t = Transcriber::new(engine);
    for piece in pieces {
        let end_s = piece.start_s + piece.duration_s();
        t.transcribe_piece(&piece)?;
        if let Some(b) = &bar {
            b.set_position(end_s.round() as u64);
        }
    }
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    t.into_transcript(duration_s, silences)
}

fn progress_bar(duration_s: f64) -> indicatif::ProgressBar {
    let bar = indicatif::ProgressBar::with_draw_target(
        Some(duration_s.round() as u64),
        indicatif::ProgressDrawTarget::stderr(),
    );
    let style = indicatif::ProgressStyle::with_template("transcribing {bar:30} {pos}/{len} s of audio, {eta} left")
        .expect("valid progress template");
    bar.set_style(style);
    bar
}

/// Incremental transcription: push 16 kHz mono audio as it arrives, call
/// [`Transcriber::transcribe_ready`] when convenient (each piece is transcribed
/// once, as soon as the pause after it is heard), and [`Transcriber::finish`] at
/// the end for the last piece and the whole transcript.
pub struct Transcriber {
    engine: Engine,
    segmenter: Segmenter,
    transcript: Transcript,
    use_filler_prompt: bool,
}

impl Transcriber {
    pub fn new(engine: Engine) -> Self {
        let transcript = Transcript { model: Some(engine.model_name().to_string()), ..Default::default() };
        Self { engine, segmenter: Segmenter::default(), transcript, use_filler_prompt: true }
    }

    /// Leaves out the filler prompt (used to measure what it does).
    pub fn without_filler_prompt(mut self) -> Self {
        self.use_filler_prompt = false;
        self
    }

    /// Adds audio; cheap (no whisper work happens here).
    pub fn push(&mut self, samples_16k_mono: &[f32]) {
        self.segmenter.push(samples_16k_mono);
    }

    /// Transcribes every piece the segmenter has finished; returns how many words were added.
    pub fn transcribe_ready(&mut self) -> Result<usize> {
        let before = self.transcript.words.len();
        while let Some(piece) = self.segmenter.pop() {
            self.transcribe_piece(&piece)?;
        }
        Ok(self.transcript.words.len() - before)
    }

    /// The transcript so far (words and segments; durations and silences come with `finish`).
    pub fn transcript(&self) -> &Transcript {
        &self.transcript
    }

    /// Transcribes the tail and returns the whole transcript. Fails with [`NoSpeech`]
    /// when nothing was said.
    pub fn finish(mut self) -> Result<Transcript> {
        let silences = self.segmenter.finish();
        self.transcribe_ready()?;
        let duration_s = self.segmenter.pushed_s();
        self.into_transcript(duration_s, silences)
    }

    fn transcribe_piece(&mut self, piece: &AudioPiece) -> Result<()> {
        let prompt = self.prompt();
        let text = self.engine.transcribe_segment(&piece.samples, piece.start_s, &prompt)?;
        self.transcript.segments.extend(text.segments);
        self.transcript.words.extend(text.words);
        Ok(())
    }

    /// The filler example and the last words said.
    fn prompt(&self) -> String {
        let words = &self.transcript.words;
        let recent = words[words.len().saturating_sub(PROMPT_WORDS)..].iter().map(|w| w.text.as_str());
        let filler = self.use_filler_prompt.then_some(FILLER_PROMPT);
        filler.into_iter().chain(recent).collect::<Vec<_>>().join(" ")
    }

    fn into_transcript(mut self, duration_s: f64, silences: Vec<Silence>) -> Result<Transcript> {
        if self.transcript.words.is_empty() {
            return Err(NoSpeech.into());
        }
        self.transcript.audio_duration_s = Some(duration_s);
        self.transcript.silences = silences;
        Ok(self.transcript)
    }
}
