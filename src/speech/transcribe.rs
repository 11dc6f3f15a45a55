//! Whole-recording transcription: the segmenter cuts the audio at pauses, the engine
//! transcribes each piece once with the words before it as its prompt, and the
//! pieces join into one [`Transcript`] with absolute times.
//!
//! [`Transcriber`] does this incrementally, so audio can be transcribed while it is
//! still being recorded; files go through the very same path.

use std::path::{Path, PathBuf};

use anyhow::{anyhow, Context, Result};
use indicatif::ProgressBar;

use super::engine::Engine;
use super::free_cores::CoreMeter;
use super::segmenter::{AudioPiece, Segmenter};
use crate::audio::decode::decode_16k_mono;
use crate::audio::level::RATE;
use crate::transcript::{Silence, Transcript};

/// Said before the first words so whisper writes the fillers it hears ("um", "uh")
/// instead of tidying them away; docs/transcribing-and-analysing.md has the measurement.
pub const FILLER_PROMPT: &str = "Um, so, uh, I led the launch, you know, and, um, it went well.";
/// What the analyzer listens for, said before the answer so whisper spells it the way
/// the analyzer matches it: the 16 principle names, and how figures are said. Short
/// sentences in sentence case: a list in title case, or one long comma-separated
/// sentence, made whisper write the answer the same way.
pub const VOCABULARY_PROMPT: &str = "Customer obsession. Ownership. Invent and simplify. \
Are right, a lot. Learn and be curious. Hire and develop the best. Insist on the highest \
standards. Think big. Bias for action. Frugality. Earn trust. Dive deep. Have backbone; disagree \
and commit. Deliver results. Strive to be earth's best employer. Success and scale bring broad \
responsibility. Conversion rose 12 percent. We saved $3 million. We ran an A/B test. NPS rose. \
I weighed three trade-offs.";
/// Whether the vocabulary is said before every answer (see docs/coaching.md for the
/// measurement behind this choice).
pub const VOCABULARY_BY_DEFAULT: bool = false;
/// How many of the previous words are given to whisper as context.
const PROMPT_WORDS: usize = 40;
/// Files longer than this show a progress bar (when stderr is a terminal).
const PROGRESS_AFTER_S: f64 = 30.0;
/// Most whisper states a file is shared between: each holds its own buffers (about
/// 200 MB with tiny.en), and past a few, more threads per state pay off better.
const MAX_WORKERS: usize = 4;
/// Seconds of speech below which a run is not worth a state of its own: the first
/// piece of each run goes without the words before it, which costs some accuracy.
const MIN_SHARE_S: f64 = 60.0;

/// The audio held no speech: silence, noise, or too quiet to hear.
#[derive(Debug, thiserror::Error)]
#[error("no speech detected")]
pub struct NoSpeech;

/// How to transcribe.
#[derive(Debug, Clone)]
pub struct TranscribeOptions {
    pub model: PathBuf,
    /// Threads whisper uses; 0 follows the cores other programs leave free, measured
    /// when the work starts and again before each piece.
    pub threads: usize,
    /// Show whisper.cpp's own log on stderr.
    pub verbose: bool,
    /// Show a progress bar on stderr for long files.
    pub progress: bool,
    pub prompt: Prompt,
}

/// What whisper is told before the answer, besides the filler example and the words
/// said so far.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Prompt {
    /// The question being answered.
    pub question: Option<String>,
    /// The analyzer's vocabulary ([`VOCABULARY_PROMPT`]).
    pub vocabulary: bool,
}

impl Prompt {
    /// The question and, when asked for, the vocabulary, as one prompt prefix.
    fn prefix(&self) -> String {
        let vocabulary = self.vocabulary.then_some(VOCABULARY_PROMPT);
        vocabulary.into_iter().chain(self.question.as_deref()).collect::<Vec<_>>().join(" ")
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
///
/// The pieces of a long recording are shared out between up to [`MAX_WORKERS`]
/// whisper states on one loaded model, each with its share of the threads: on a
/// small CPU two single-threaded states get more done than one state on two
/// threads, whose threads wait on each other for every decoded token.
pub fn transcribe_samples(
    samples_16k_mono: &[f32],
    opts: &TranscribeOptions,
) -> Result<Transcript> {
    anyhow::ensure!(!samples_16k_mono.is_empty(), "empty audio (no samples)");
    let mut meter = CoreMeter::start();
    let mut segmenter = Segmenter::default();
    segmenter.push(samples_16k_mono);
    let silences = segmenter.finish();
    let pieces: Vec<AudioPiece> = std::iter::from_fn(|| segmenter.pop()).collect();
    if pieces.is_empty() {
        return Err(NoSpeech.into());
    }
    let mut engine = Engine::load(&opts.model, 1, opts.verbose)?;
    // Decoding and loading the model took part of the window the free cores are read over.
    let cores = match opts.threads {
        0 => meter.free_after_window(),
        n => n,
    };
    let speech_s: f64 = pieces.iter().map(AudioPiece::duration_s).sum();
    let (workers, threads) = split(cores, speech_s);
    engine.set_threads(threads);
    // One state alone keeps following the free cores; states side by side have 1 thread each.
    let meter = (opts.threads == 0 && workers == 1).then_some(meter);
    let duration_s = samples_16k_mono.len() as f64 / RATE as f64;
    let bar = (opts.progress && duration_s > PROGRESS_AFTER_S).then(|| progress_bar(pieces.len()));
    let transcript =
        transcribe_shares(engine, meter, &shares(&pieces, workers), &opts.prompt, bar.as_ref());
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    finished(transcript?, duration_s, silences)
}

/// How many whisper states to share `speech_s` seconds of speech between on `cores`
/// cores, and the threads of each: together never more threads than cores.
fn split(cores: usize, speech_s: f64) -> (usize, usize) {
    let cores = cores.max(1);
    let workers = cores.min(MAX_WORKERS).min((speech_s / MIN_SHARE_S) as usize).max(1);
    (workers, cores / workers)
}

/// Transcribes each share on its own thread with its own engine (`engine` and more
/// like it) and joins the results in order. Within a share each piece has the words
/// before it as its prompt; the first piece of a later share goes without. With a
/// single share, `meter` (if any) sets the threads before each piece.
fn transcribe_shares(
    engine: Engine,
    meter: Option<CoreMeter>,
    shares: &[&[AudioPiece]],
    prompt: &Prompt,
    bar: Option<&ProgressBar>,
) -> Result<Transcript> {
    let mut engines = vec![engine];
    for _ in 1..shares.len() {
        engines.push(engines[0].another(engines[0].threads())?);
    }
    let mut meter = meter;
    let parts: Vec<Result<Transcript>> = std::thread::scope(|scope| {
        let workers: Vec<_> = shares
            .iter()
            .zip(engines)
            .map(|(share, engine)| {
                let meter = meter.take();
                scope.spawn(move || {
                    let mut t = Transcriber::new(engine).with_prompt(prompt);
                    if let Some(meter) = meter {
                        t = t.following_free_cores(meter);
                    }
                    for piece in *share {
                        t.transcribe_piece(piece)?;
                        bar.inspect(|b| b.inc(1));
                    }
                    Ok(t.transcript)
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| {
                w.join().unwrap_or_else(|_| Err(anyhow!("the transcription stopped unexpectedly")))
            })
            .collect()
    });
    let mut parts = parts.into_iter();
    let mut whole = parts.next().context("no audio to transcribe")??;
    for part in parts {
        let part = part?;
        whole.segments.extend(part.segments);
        whole.words.extend(part.words);
    }
    Ok(whole)
}

/// Splits `pieces` into at most `n` runs in order, of about equal length of audio:
/// a piece whose middle lies past a run's fair share of the audio starts the next run.
fn shares(pieces: &[AudioPiece], n: usize) -> Vec<&[AudioPiece]> {
    let total: f64 = pieces.iter().map(AudioPiece::duration_s).sum();
    let (mut out, mut start, mut so_far) = (Vec::new(), 0, 0.0);
    for (i, piece) in pieces.iter().enumerate() {
        let middle = so_far + piece.duration_s() / 2.0;
        if i > start && out.len() + 1 < n && middle >= total * (out.len() + 1) as f64 / n as f64 {
            out.push(&pieces[start..i]);
            start = i;
        }
        so_far += piece.duration_s();
    }
    out.push(&pieces[start..]);
    out
}

fn progress_bar(pieces: usize) -> ProgressBar {
    let bar =
        ProgressBar::with_draw_target(Some(pieces as u64), indicatif::ProgressDrawTarget::stderr());
    let style =
        indicatif::ProgressStyle::with_template("transcribing {bar:30} {percent}%, {eta} left")
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
    /// Sets the engine's threads before each piece, when it follows the free cores.
    meter: Option<CoreMeter>,
    /// The most pieces found waiting for whisper at once while audio came in.
    most_waiting: usize,
    prefix: String,
}

impl Transcriber {
    pub fn new(engine: Engine) -> Self {
        let transcript =
            Transcript { model: Some(engine.model_name().to_string()), ..Default::default() };
        Self {
            engine,
            segmenter: Segmenter::default(),
            transcript,
            use_filler_prompt: true,
            meter: None,
            most_waiting: 0,
            prefix: String::new(),
        }
    }

    /// Tells whisper the question and the analyzer's vocabulary before every piece.
    pub fn with_prompt(mut self, prompt: &Prompt) -> Self {
        self.prefix = prompt.prefix();
        self
    }

    /// Before each piece, gives whisper as many threads as `meter` finds cores free.
    pub fn following_free_cores(mut self, meter: CoreMeter) -> Self {
        self.meter = Some(meter);
        self
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
        self.most_waiting = self.most_waiting.max(self.segmenter.waiting());
        self.transcribe_waiting()
    }

    fn transcribe_waiting(&mut self) -> Result<usize> {
        let before = self.transcript.words.len();
        while let Some(piece) = self.segmenter.pop() {
            self.transcribe_piece(&piece)?;
        }
        Ok(self.transcript.words.len() - before)
    }

    /// The most pieces that were waiting for whisper at once before the end: 1 when
    /// transcription keeps up with the speaker, more when it falls behind.
    pub fn most_waiting(&self) -> usize {
        self.most_waiting
    }

    /// The transcript so far (words and segments; durations and silences come with `finish`).
    pub fn transcript(&self) -> &Transcript {
        &self.transcript
    }

    /// Transcribes the tail and returns the whole transcript. Fails with [`NoSpeech`]
    /// when nothing was said.
    pub fn finish(mut self) -> Result<Transcript> {
        let silences = self.segmenter.finish();
        self.transcribe_waiting()?;
        let duration_s = self.segmenter.pushed_s();
        finished(self.transcript, duration_s, silences)
    }

    fn transcribe_piece(&mut self, piece: &AudioPiece) -> Result<()> {
        if let Some(meter) = &mut self.meter {
            self.engine.set_threads(meter.free());
        }
        let prompt = self.prompt();
        let text = self.engine.transcribe_segment(&piece.samples, piece.start_s, &prompt)?;
        self.transcript.segments.extend(text.segments);
        self.transcript.words.extend(text.words);
        Ok(())
    }

    /// The vocabulary and question, the filler example and the last words said.
    fn prompt(&self) -> String {
        let words = &self.transcript.words;
        let recent =
            words[words.len().saturating_sub(PROMPT_WORDS)..].iter().map(|w| w.text.as_str());
        let prefix = Some(self.prefix.as_str()).filter(|p| !p.is_empty());
        let filler = self.use_filler_prompt.then_some(FILLER_PROMPT);
        prefix.into_iter().chain(filler).chain(recent).collect::<Vec<_>>().join(" ")
    }
}

/// The transcript with the recording's length and silences; [`NoSpeech`] if it has no words.
fn finished(
    mut transcript: Transcript,
    duration_s: f64,
    silences: Vec<Silence>,
) -> Result<Transcript> {
    if transcript.words.is_empty() {
        return Err(NoSpeech.into());
    }
    transcript.audio_duration_s = Some(duration_s);
    transcript.silences = silences;
    Ok(transcript)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(seconds: &[f64]) -> Vec<AudioPiece> {
        let mut start_s = 0.0;
        seconds
            .iter()
            .map(|s| {
                let piece = AudioPiece { start_s, samples: vec![0.0; (s * RATE as f64) as usize] };
                start_s += s;
                piece
            })
            .collect()
    }

    fn lengths(shares: &[&[AudioPiece]]) -> Vec<usize> {
        shares.iter().map(|s| s.len()).collect()
    }

    #[test]
    fn states_and_threads_never_exceed_the_cores() {
        assert_eq!(split(2, 30.0), (1, 2), "a short answer: one state, both cores");
        assert_eq!(split(2, 170.0), (2, 1), "a long one: two single-threaded states");
        assert_eq!(split(1, 170.0), (1, 1), "one free core: one state, one thread");
        assert_eq!(split(0, 170.0), (1, 1));
        assert_eq!(split(8, 600.0), (4, 2));
        assert_eq!(split(3, 200.0), (3, 1));
        for cores in 1..=16 {
            for speech_s in [5.0, 61.0, 130.0, 1000.0] {
                let (workers, threads) = split(cores, speech_s);
                assert!(workers * threads <= cores && workers >= 1 && threads >= 1);
            }
        }
    }

    #[test]
    fn shares_are_runs_of_about_equal_audio() {
        let p = pieces(&[10.0, 12.0, 11.0, 9.0, 10.0, 12.0]);
        assert_eq!(lengths(&shares(&p, 1)), [6]);
        assert_eq!(lengths(&shares(&p, 2)), [3, 3]);
        assert_eq!(lengths(&shares(&p, 3)), [2, 2, 2]);
        let uneven = pieces(&[20.0, 2.0, 2.0, 2.0, 2.0]);
        assert_eq!(lengths(&shares(&uneven, 2)), [1, 4]);
    }

    #[test]
    fn every_piece_lands_in_one_share_in_order() {
        let p = pieces(&[1.0, 30.0, 1.0]);
        for n in 1..=4 {
            let s = shares(&p, n);
            let starts: Vec<f64> =
                s.iter().flat_map(|share| share.iter().map(|p| p.start_s)).collect();
            assert_eq!(starts, [0.0, 1.0, 31.0], "{n} shares");
            assert!(s.len() <= n && s.iter().all(|share| !share.is_empty()));
        }
    }
}
