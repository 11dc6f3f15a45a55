//! The whisper engine: a model loaded once, transcribing one short piece of audio
//! at a time into timed words.
//!
//! Settings come from measurements on small CPUs: greedy decoding (no beam search,
//! no temperature fallback on the first pass), flash attention off, and the encoder's
//! `audio_ctx` fitted to the piece instead of whisper's fixed 30-s window.

use std::ffi::c_int;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::sync::Arc;

use anyhow::{anyhow, Context, Result};
use whisper_rs::{
    DtwMode, DtwModelPreset, DtwParameters, FullParams, SamplingStrategy, WhisperContext,
    WhisperContextParameters, WhisperState,
};

use crate::audio::level::{frame_db, voiced_frames, FRAME, FRAME_S, RATE};
use crate::transcript::{Segment, Word};

/// Encoder frames per second of audio (whisper: 100 mel frames/s, stride 2).
const AUDIO_CTX_PER_S: f64 = 50.0;
/// Spare encoder frames past the end of the piece.
const AUDIO_CTX_MARGIN: c_int = 64;
/// Faster than anyone speaks: more words than this per second means whisper looped.
const MAX_WORDS_PER_S: f64 = 5.0;
/// Whisper segments it judges to be silence (above this) with unsure words are dropped.
const NO_SPEECH_PROB: f32 = 0.6;
/// Frames louder than this may be speech (for where the first word starts).
const ONSET_DB: f32 = -50.0;
/// An unvoiced stretch this long (in 10-ms frames) inside a piece is a pause between words.
const PAUSE_FRAMES: usize = 15;
/// Whisper needs at least 100 ms; shorter pieces are padded with silence to this.
const MIN_SAMPLES: usize = RATE / 2;

/// Words and whisper's segments for one piece of audio, with absolute times.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PieceText {
    pub segments: Vec<Segment>,
    pub words: Vec<Word>,
}

/// A loaded whisper model with its decoding state, reused for every piece.
pub struct Engine {
    /// The model's weights, shared by every engine made with [`Engine::another`].
    ctx: Arc<WhisperContext>,
    state: WhisperState,
    threads: usize,
    model_name: String,
    /// Word times come from aligning the text with the audio (DTW on the
    /// alignment heads) rather than from whisper's timestamp-token heuristic.
    dtw: bool,
}

/// whisper.cpp and ggml log to stderr on their own; unless `verbose` or a log file
/// takes it (see [`super::log`]), send that log nowhere so it never reaches a
/// terminal screen or JSON output. The choice holds for the life of the process
/// (whisper-rs installs its hooks only once).
pub fn route_whisper_log(verbose: bool) {
    if !verbose && !super::log::logging_to_file() {
        whisper_rs::install_logging_hooks();
    }
}

/// The catalog name of a model file: `ggml-tiny.en.bin` → `tiny.en`.
pub fn model_name(path: &Path) -> String {
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    stem.strip_prefix("ggml-").map(str::to_string).unwrap_or(stem)
}

impl Engine {
    /// Verifies the model file, then loads it. `threads` 0 means all cores.
    pub fn load(model: &Path, threads: usize, verbose: bool) -> Result<Self> {
        route_whisper_log(verbose);
        let info = crate::speech::models::verify(model)?;
        let preset = dtw_preset(info.size_name(), info.hparams.is_multilingual());
        let mut params = WhisperContextParameters::default();
        params.flash_attn(false).use_gpu(false);
        if let Some(model_preset) = preset.clone() {
            params.dtw_parameters(DtwParameters {
                mode: DtwMode::ModelPreset { model_preset },
                ..Default::default()
            });
        }
        let ctx = WhisperContext::new_with_params(model, params)
            .map_err(|e| anyhow!("{}: whisper could not load the model ({e})", model.display()))?;
        let state = new_state(&ctx).with_context(|| model.display().to_string())?;
        let threads = if threads == 0 { default_threads() } else { threads };
        Ok(Self {
            ctx: Arc::new(ctx),
            state,
            threads,
            model_name: model_name(model),
            dtw: preset.is_some(),
        })
    }

    /// A second engine on the same loaded model, with its own decoding state and
    /// `threads` threads, to transcribe other audio at the same time.
    pub fn another(&self, threads: usize) -> Result<Self> {
        Ok(Self {
            ctx: Arc::clone(&self.ctx),
            state: new_state(&self.ctx)?,
            threads: threads.max(1),
            model_name: self.model_name.clone(),
            dtw: self.dtw,
        })
    }

    pub fn model_name(&self) -> &str {
        &self.model_name
    }

    pub fn threads(&self) -> usize {
        self.threads
    }

    /// Threads for the pieces from now on (at least 1).
    pub fn set_threads(&mut self, threads: usize) {
        self.threads = threads.max(1);
    }

    /// Transcribes one piece (16 kHz mono, at most ~25 s) that starts `offset_s`
    /// into the recording; `prompt` is the text said before it. A piece whose text
    /// is longer than its audio could hold (whisper looping) is done again without
    /// the prompt and with temperature fallback, and trimmed if it still loops.
    pub fn transcribe_segment(
        &mut self,
        samples: &[f32],
        offset_s: f64,
        prompt: &str,
    ) -> Result<PieceText> {
        let duration_s = samples.len() as f64 / RATE as f64;
        let max_words = (duration_s * MAX_WORDS_PER_S).ceil() as usize + 3;
        let too_long = |t: &PieceText| t.words.len() > max_words;
        let first = drop_repeats(self.run(samples, offset_s, prompt, false)?);
        if !too_long(&first) {
            return Ok(first);
        }
        let mut redo = drop_repeats(self.run(samples, offset_s, "", true)?);
        if too_long(&redo) {
            redo = if redo.words.len() < first.words.len() { redo } else { first };
            redo.words.truncate(max_words);
            redo.segments = sentences(&redo.words);
        }
        Ok(redo)
    }

    fn run(
        &mut self,
        samples: &[f32],
        offset_s: f64,
        prompt: &str,
        fallback: bool,
    ) -> Result<PieceText> {
        let duration_s = samples.len() as f64 / RATE as f64;
        let mut padded;
        let audio = if samples.len() < MIN_SAMPLES {
            padded = samples.to_vec();
            padded.resize(MIN_SAMPLES, 0.0);
            &padded[..]
        } else {
            samples
        };
        let audio_s = audio.len() as f64 / RATE as f64;
        let mut params = FullParams::new(SamplingStrategy::Greedy { best_of: 1 });
        params.set_n_threads(self.threads as c_int);
        params.set_language(Some("en"));
        params.set_translate(false);
        params.set_no_context(true);
        params.set_print_special(false);
        params.set_print_progress(false);
        params.set_print_realtime(false);
        params.set_print_timestamps(false);
        // Text only, in one pass over the piece: with timestamp tokens whisper may
        // stop early and decode the rest in a second window, repeating itself.
        params.set_no_timestamps(true);
        params.set_single_segment(true);
        params.set_token_timestamps(!self.dtw);
        params.set_suppress_blank(true);
        params.set_suppress_nst(true);
        params.set_temperature(0.0);
        params.set_temperature_inc(if fallback { 0.2 } else { 0.0 });
        params.set_audio_ctx(
            ((audio_s * AUDIO_CTX_PER_S).ceil() as c_int + AUDIO_CTX_MARGIN).min(1500),
        );
        params.set_max_tokens((duration_s * 8.0).ceil() as c_int + 24);
        let prompt = prompt.replace('\0', "");
        if !prompt.trim().is_empty() {
            params.set_initial_prompt(&prompt);
        }

        let state = &mut self.state;
        let outcome = catch_unwind(AssertUnwindSafe(|| state.full(params, audio)));
        outcome
            .map_err(|_| anyhow!("whisper failed inside the speech model (at {offset_s:.1} s)"))?
            .with_context(|| {
                format!("whisper could not transcribe the audio at {offset_s:.1} s")
            })?;
        self.collect(samples, offset_s)
    }

    /// Turns whisper's tokens into words: a token starting with a space starts a
    /// word, others (sub-words, punctuation) join the current one.
    fn collect(&self, samples: &[f32], offset_s: f64) -> Result<PieceText> {
        let end_s = offset_s + samples.len() as f64 / RATE as f64;
        let at = |centis: i64| (offset_s + centis as f64 / 100.0).clamp(offset_s, end_s);
        let voiced = voiced_frames(samples);
        // The voice detector needs a moment to learn the noise floor; for where
        // speech begins, the first frame that is not near-silent is closer.
        let onset = samples
            .chunks_exact(FRAME)
            .position(|f| frame_db(f) >= ONSET_DB)
            .map_or(0.0, |f| f as f64 * FRAME_S);
        let pauses = pauses(&voiced);
        let eot = self.ctx.token_eot();
        let mut tokens = Vec::new();
        let mut no_speech = Vec::new();
        for (seg, segment) in self.state.as_iter().enumerate() {
            no_speech.push(segment.no_speech_probability());
            for i in 0..segment.n_tokens() {
                let Some(token) = segment.get_token(i) else { continue };
                let data = token.token_data();
                if data.id < eot {
                    let bytes =
                        token.to_bytes().map_err(|e| anyhow!("whisper token text: {e}"))?.to_vec();
                    tokens.push(Token {
                        seg,
                        bytes,
                        p: data.p,
                        start_s: at(data.t0),
                        end_s: at(data.t1),
                        dtw: data.t_dtw,
                    });
                }
            }
        }
        if self.dtw {
            // The alignment path enters a token's row when the audio of the token
            // *after* it begins (each decoder position predicts the next token), so
            // a token spans from its predecessor's entry to its own.
            let mut start = offset_s + onset;
            for t in &mut tokens {
                t.start_s = start;
                t.end_s = at(t.dtw).max(start);
                start = t.end_s;
            }
        }
        let mut out = PieceText::default();
        for (seg, &no_speech_prob) in no_speech.iter().enumerate() {
            let mut words: Vec<WordBuilder> = Vec::new();
            for t in tokens.iter().filter(|t| t.seg == seg) {
                if t.bytes.first() == Some(&b' ') || words.is_empty() {
                    words.push(WordBuilder {
                        bytes: Vec::new(),
                        start_s: t.start_s,
                        end_s: t.end_s,
                        probs: Vec::new(),
                    });
                }
                let w = words.last_mut().expect("pushed above");
                w.bytes.extend_from_slice(&t.bytes);
                w.end_s = w.end_s.max(t.end_s);
                if t.bytes.iter().any(u8::is_ascii_alphanumeric) || !t.bytes.is_ascii() {
                    w.probs.push(t.p);
                }
            }
            snap_to_pauses(&mut words, &pauses, offset_s);
            let words: Vec<Word> = words.into_iter().filter_map(WordBuilder::build).collect();
            let mean_p =
                words.iter().filter_map(|w| w.probability).sum::<f32>() / words.len().max(1) as f32;
            let judged_silent = no_speech_prob > NO_SPEECH_PROB && mean_p < 0.5;
            if words.is_empty() || is_non_speech(&words) || judged_silent {
                continue;
            }
            out.words.extend(words);
        }
        order_times(&mut out.words);
        out.segments = sentences(&out.words);
        Ok(out)
    }
}

/// A text token of whisper's output with its times (seconds, absolute).
struct Token {
    seg: usize,
    bytes: Vec<u8>,
    p: f32,
    start_s: f64,
    end_s: f64,
    /// Centiseconds into the piece where the alignment path enters this token.
    dtw: i64,
}

/// Pauses inside a piece (seconds from its start): unvoiced runs long enough
/// that no word continues across them.
fn pauses(voiced: &[bool]) -> Vec<(f64, f64)> {
    let mut out = Vec::new();
    let mut run_start = None;
    for (f, &v) in voiced.iter().chain([&true]).enumerate() {
        match (v, run_start) {
            (false, None) => run_start = Some(f),
            (true, Some(a)) => {
                if f - a >= PAUSE_FRAMES {
                    out.push((a as f64 * FRAME_S, f as f64 * FRAME_S));
                }
                run_start = None;
            }
            _ => {}
        }
    }
    out
}

/// Word times from the model drift by a syllable or two; where a pause in the
/// audio cuts into a word, the word ends where the pause begins, and a word right
/// after a pause starts where the pause ends.
fn snap_to_pauses(words: &mut [WordBuilder], pauses: &[(f64, f64)], offset_s: f64) {
    let mut prev_end = f64::MIN;
    for w in words.iter_mut() {
        let (start, end) = (w.start_s - offset_s, w.end_s - offset_s);
        if let Some(&(_, b)) =
            pauses.iter().rev().find(|&&(a, b)| a >= prev_end - 1e-9 && b <= start && b > prev_end)
        {
            w.start_s = b + offset_s;
        }
        let start = w.start_s - offset_s;
        if let Some(&(a, _)) = pauses.iter().find(|&&(a, _)| a > start && a < end) {
            w.end_s = a + offset_s;
        }
        prev_end = w.end_s - offset_s;
    }
}

/// Whisper's markers for audio without speech: "[BLANK_AUDIO]", "(silence)", "♪".
fn is_non_speech(words: &[Word]) -> bool {
    let text: String = words.iter().map(|w| w.text.as_str()).collect::<Vec<_>>().join(" ");
    let t = text.trim();
    (t.starts_with('[') && t.ends_with(']'))
        || (t.starts_with('(') && t.ends_with(')'))
        || !t.chars().any(char::is_alphanumeric)
}

/// Words lower-cased without punctuation, for comparing.
fn normalized(words: &[Word]) -> Vec<String> {
    words
        .iter()
        .map(|w| w.text.chars().filter(|c| c.is_alphanumeric()).collect::<String>().to_lowercase())
        .collect()
}

/// Where whisper repeats itself: four words said again later in the same piece,
/// and as far as the second copy follows the first. Returns (start, length) of the copy.
fn repeated_run(norm: &[String]) -> Option<(usize, usize)> {
    const N: usize = 4;
    for j in 1..norm.len().saturating_sub(N - 1) {
        if let Some(i) = (0..j).find(|&i| i + N <= j && norm[i..i + N] == norm[j..j + N]) {
            let k = (N..)
                .take_while(|&k| i + k < j && j + k < norm.len() && norm[i + k] == norm[j + k])
                .last()
                .unwrap_or(N - 1)
                + 1;
            return Some((j, k));
        }
    }
    None
}

/// Where whisper loops on a short phrase: the same 2 to 12 words over and over,
/// more than two copies in a row ("this shows ownership, this shows ownership,
/// this shows"). People restart a phrase once ("I led the, I led the team"), so
/// two copies are left alone. Returns (start, length) of what follows the first copy.
fn looped_phrase(norm: &[String]) -> Option<(usize, usize)> {
    const PERIODS: std::ops::RangeInclusive<usize> = 2..=12;
    for i in 0..norm.len() {
        for p in PERIODS {
            let run = p + (i + p..norm.len()).take_while(|&k| norm[k] == norm[k - p]).count();
            if run >= 2 * p + 2 {
                return Some((i + p, run - p));
            }
        }
    }
    None
}

/// Removes whisper's repeated passages from a piece's words.
fn drop_repeats(mut text: PieceText) -> PieceText {
    let mut changed = false;
    loop {
        let norm = normalized(&text.words);
        let Some((at, n)) = looped_phrase(&norm).or_else(|| repeated_run(&norm)) else { break };
        text.words.drain(at..at + n);
        changed = true;
    }
    if changed {
        text.segments = sentences(&text.words);
    }
    text
}

/// Groups words into sentences (a word ending in . ? or ! ends one).
fn sentences(words: &[Word]) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut rest = words;
    while !rest.is_empty() {
        let n = rest
            .iter()
            .position(|w| w.text.ends_with(['.', '?', '!']))
            .map_or(rest.len(), |i| i + 1);
        let (sentence, tail) = rest.split_at(n);
        let text = sentence.iter().map(|w| w.text.as_str()).collect::<Vec<_>>().join(" ");
        out.push(Segment { text, start_s: sentence[0].start_s, end_s: sentence[n - 1].end_s });
        rest = tail;
    }
    out
}

/// Makes word times non-decreasing: each word starts no earlier than the one before.
fn order_times(words: &mut [Word]) {
    let mut last_start = f64::MIN;
    for w in words {
        if let (Some(s), Some(e)) = (w.start_s, w.end_s) {
            let s = s.max(last_start);
            w.start_s = Some(s);
            w.end_s = Some(e.max(s));
            last_start = s;
        }
    }
}

struct WordBuilder {
    bytes: Vec<u8>,
    start_s: f64,
    end_s: f64,
    probs: Vec<f32>,
}

impl WordBuilder {
    fn build(self) -> Option<Word> {
        let text = String::from_utf8_lossy(&self.bytes).trim().to_string();
        if text.is_empty() {
            return None;
        }
        let probability = if self.probs.is_empty() {
            None
        } else {
            Some(self.probs.iter().sum::<f32>() / self.probs.len() as f32)
        };
        Some(Word { text, start_s: Some(self.start_s), end_s: Some(self.end_s), probability })
    }
}

/// The cross-attention heads that follow the audio, known for the standard models.
fn dtw_preset(size: &str, multilingual: bool) -> Option<DtwModelPreset> {
    Some(match (size, multilingual) {
        ("tiny", false) => DtwModelPreset::TinyEn,
        ("tiny", true) => DtwModelPreset::Tiny,
        ("base", false) => DtwModelPreset::BaseEn,
        ("base", true) => DtwModelPreset::Base,
        ("small", false) => DtwModelPreset::SmallEn,
        ("small", true) => DtwModelPreset::Small,
        ("medium", false) => DtwModelPreset::MediumEn,
        ("medium", true) => DtwModelPreset::Medium,
        _ => return None,
    })
}

fn new_state(ctx: &WhisperContext) -> Result<WhisperState> {
    ctx.create_state().map_err(|e| anyhow!("whisper could not allocate its state ({e})"))
}

/// All cores the process may use.
pub fn default_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whisper_is_built_with_the_tinyblas_kernels() {
        // .cargo/config.toml asks for them; without them transcription is about a third
        // slower. A target directory built before that setting keeps the old build.
        let info = whisper_rs::print_system_info();
        assert!(info.contains("LLAMAFILE = 1"), "whisper.cpp built without GGML_LLAMAFILE (run `cargo clean -p whisper-rs-sys`): {info}");
    }

    #[test]
    fn model_names_come_from_file_names() {
        assert_eq!(model_name(Path::new("/m/ggml-tiny.en.bin")), "tiny.en");
        assert_eq!(model_name(Path::new("custom.bin")), "custom");
    }

    #[test]
    fn markers_without_words_are_not_speech() {
        let w = |t: &str| Word { text: t.into(), start_s: None, end_s: None, probability: None };
        assert!(is_non_speech(&[w("[BLANK_AUDIO]")]));
        assert!(is_non_speech(&[w("(wind"), w("blowing)")]));
        assert!(is_non_speech(&[w("♪")]));
        assert!(!is_non_speech(&[w("Thank"), w("you.")]));
    }

    #[test]
    fn repeated_passages_are_dropped() {
        let words = |t: &str| {
            t.split(' ')
                .map(|w| Word { text: w.into(), start_s: None, end_s: None, probability: None })
                .collect::<Vec<_>>()
        };
        let text = |t: &str| drop_repeats(PieceText { segments: vec![], words: words(t) });
        let joined =
            |p: PieceText| p.words.iter().map(|w| w.text.clone()).collect::<Vec<_>>().join(" ");
        assert_eq!(
            joined(text("So, uh, we cut the time, um, by half. So, uh, we cut the time, um And, uh, sales went up.")),
            "So, uh, we cut the time, um, by half. And, uh, sales went up."
        );
        assert_eq!(joined(text("we grew. we grew. we grew. we grew. we grew.")), "we grew.");
        assert_eq!(
            joined(text(
                "This demonstrate ownership, this demonstrate ownership, this demonstrate"
            )),
            "This demonstrate ownership,"
        );
        assert_eq!(
            joined(text("I led the, I led the team to launch")),
            "I led the, I led the team to launch"
        );
        assert_eq!(
            joined(text("very very very good and I led the launch")),
            "very very very good and I led the launch"
        );
        assert_eq!(text("a b c d e").segments.len(), 0, "untouched pieces keep their segments");
    }

    #[test]
    fn sentences_end_at_full_stops() {
        let w = |t: &str, s: f64| Word {
            text: t.into(),
            start_s: Some(s),
            end_s: Some(s + 0.2),
            probability: None,
        };
        let words = [w("I", 0.0), w("led.", 0.5), w("Did", 1.0), w("it?", 1.5), w("Yes", 2.0)];
        let s = sentences(&words);
        assert_eq!(
            s.iter().map(|s| s.text.as_str()).collect::<Vec<_>>(),
            ["I led.", "Did it?", "Yes"]
        );
        assert_eq!((s[1].start_s, s[1].end_s), (Some(1.0), Some(1.7)));
    }

    #[test]
    fn times_are_made_monotonic() {
        let w = |s: f64, e: f64| Word {
            text: "x".into(),
            start_s: Some(s),
            end_s: Some(e),
            probability: None,
        };
        let mut words = vec![w(1.0, 1.5), w(0.9, 1.2), w(1.6, 1.4)];
        order_times(&mut words);
        assert_eq!(words[1].start_s, Some(1.0));
        assert_eq!(words[2].end_s, Some(1.6));
    }
}
