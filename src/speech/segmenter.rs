//! Cuts 16 kHz mono audio into pieces for whisper at natural pauses, incrementally:
//! push samples as they arrive, pop finished pieces, `finish()` for the tail.
//!
//! Every cut falls inside a silence (or, for a long unbroken stretch, at its
//! quietest point), so a word is never split between two pieces nor sent twice.
//! Stretches without voice are left out, which keeps silence away from whisper
//! (where it turns into invented text) and saves time.

use std::collections::VecDeque;

use crate::audio::level::{frame_db, SilenceTracker, VoiceDetector, FRAME, FRAME_S, RATE};
use crate::transcript::Silence;

/// When to cut. Durations in seconds.
#[derive(Debug, Clone, Copy)]
pub struct SegmenterConfig {
    /// A pause at least this long ends a piece once it has `min_piece_s` of audio.
    pub pause_s: f64,
    /// A pause this long ends a piece whatever its length.
    pub long_pause_s: f64,
    /// Pieces shorter than this wait for the next pause (context helps whisper).
    pub min_piece_s: f64,
    /// A piece with no pause is cut at its quietest point once it reaches this length.
    pub force_after_s: f64,
    /// Audio kept on either side of the voice so word edges are not clipped.
    pub pad_s: f64,
    /// Pieces with less voiced audio than this are noise (a click, a cough) and dropped.
    pub min_voiced_s: f64,
}

impl Default for SegmenterConfig {
    fn default() -> Self {
        Self {
            pause_s: 0.4,
            long_pause_s: 1.0,
            min_piece_s: 3.0,
            force_after_s: 10.0,
            pad_s: 0.2,
            min_voiced_s: 0.15,
        }
    }
}

/// A piece of audio to transcribe, with where it starts in the whole recording.
#[derive(Debug, Clone, PartialEq)]
pub struct AudioPiece {
    pub start_s: f64,
    pub samples: Vec<f32>,
}

impl AudioPiece {
    pub fn duration_s(&self) -> f64 {
        self.samples.len() as f64 / RATE as f64
    }
}

#[derive(Debug, Clone, Copy)]
struct Frame {
    db: f32,
    voiced: bool,
}

/// The incremental cutter. Memory stays bounded by the open piece.
#[derive(Debug)]
pub struct Segmenter {
    config: SegmenterConfig,
    detector: VoiceDetector,
    silences: SilenceTracker,
    /// Samples from frame `first_frame` on (including an incomplete last frame).
    /// Double-ended, so forgetting old audio costs what is forgotten, not what is kept.
    buf: VecDeque<f32>,
    /// Per whole frame in `buf`.
    frames: VecDeque<Frame>,
    first_frame: usize,
    /// Frame where the open piece starts, if one is open.
    open: Option<usize>,
    /// Unvoiced frames in a row up to the newest frame.
    silent_run: usize,
    /// Frame before which audio has been handed out or discarded.
    done_until: usize,
    ready: VecDeque<AudioPiece>,
    total_samples: usize,
}

impl Default for Segmenter {
    fn default() -> Self {
        Self::new(SegmenterConfig::default())
    }
}

fn frames_of(seconds: f64) -> usize {
    (seconds / FRAME_S).round() as usize
}

impl Segmenter {
    pub fn new(config: SegmenterConfig) -> Self {
        Self {
            config,
            detector: VoiceDetector::new(),
            silences: SilenceTracker::default(),
            buf: VecDeque::new(),
            frames: VecDeque::new(),
            first_frame: 0,
            open: None,
            silent_run: 0,
            done_until: 0,
            ready: VecDeque::new(),
            total_samples: 0,
        }
    }

    /// Adds audio (16 kHz mono). Finished pieces become available to [`Self::pop`].
    pub fn push(&mut self, samples: &[f32]) {
        self.total_samples += samples.len();
        self.buf.extend(samples);
        while (self.frames.len() + 1) * FRAME <= self.buf.len() {
            let i = self.frames.len() * FRAME;
            let mut frame = [0.0; FRAME];
            frame.iter_mut().zip(self.buf.range(i..i + FRAME)).for_each(|(d, s)| *d = *s);
            let db = frame_db(&frame);
            let voiced = self.detector.is_voiced(db);
            self.frames.push_back(Frame { db, voiced });
            self.silences.push(voiced);
            self.on_frame(self.first_frame + self.frames.len() - 1);
        }
    }

    /// The next finished piece, oldest first.
    pub fn pop(&mut self) -> Option<AudioPiece> {
        self.ready.pop_front()
    }

    /// How many finished pieces have not been popped yet.
    pub fn waiting(&self) -> usize {
        self.ready.len()
    }

    /// Ends the input: the open piece (if it holds voice) becomes the last one.
    /// Returns the silences of the whole audio.
    pub fn finish(&mut self) -> Vec<Silence> {
        if let Some(start) = self.open.take() {
            let end_frame = self.end_frame() - self.silent_run + frames_of(self.config.pad_s);
            let end_sample = (end_frame * FRAME).min(self.total_samples);
            self.emit(start * FRAME, end_sample);
        }
        self.silences.finish()
    }

    /// Seconds of audio pushed so far.
    pub fn pushed_s(&self) -> f64 {
        self.total_samples as f64 / RATE as f64
    }

    /// Silences found so far (those still running are not included).
    pub fn silences(&self) -> &[Silence] {
        self.silences.found()
    }

    /// One past the newest whole frame.
    fn end_frame(&self) -> usize {
        self.first_frame + self.frames.len()
    }

    fn frame(&self, f: usize) -> Frame {
        self.frames[f - self.first_frame]
    }

    fn on_frame(&mut self, f: usize) {
        let voiced = self.frame(f).voiced;
        self.silent_run = if voiced { 0 } else { self.silent_run + 1 };
        let pad = frames_of(self.config.pad_s);
        match self.open {
            None if voiced => self.open = Some(f.saturating_sub(pad).max(self.done_until)),
            None => self.discard_before((f + 1).saturating_sub(pad)),
            Some(start) => {
                let len = f + 1 - start;
                let run = self.silent_run;
                let pause_ends_piece = run >= frames_of(self.config.long_pause_s)
                    || (run >= frames_of(self.config.pause_s)
                        && len - run >= frames_of(self.config.min_piece_s));
                if pause_ends_piece {
                    let cut = f + 1 - run + pad;
                    self.emit(start * FRAME, cut * FRAME);
                    self.open = None;
                } else if len >= frames_of(self.config.force_after_s) {
                    let cut = self.quietest_cut(start + frames_of(self.config.min_piece_s), f + 1);
                    self.emit(start * FRAME, cut * FRAME);
                    self.open = Some(cut);
                }
            }
        }
    }

    /// Where to cut between frames `from` and `to`: the middle of the longest
    /// unvoiced run, or else the start of the quietest 30 ms.
    fn quietest_cut(&self, from: usize, to: usize) -> usize {
        let (mut best_len, mut best_mid, mut run_start) = (0, None, None);
        for f in from..to {
            if !self.frame(f).voiced {
                let s = *run_start.get_or_insert(f);
                if f + 1 - s > best_len {
                    best_len = f + 1 - s;
                    best_mid = Some(s + best_len / 2);
                }
            } else {
                run_start = None;
            }
        }
        if best_len >= 3 {
            return best_mid.unwrap_or(from);
        }
        (from..to.saturating_sub(2))
            .min_by(|&a, &b| {
                let energy = |f: usize| (f..f + 3).map(|g| self.frame(g).db).sum::<f32>();
                energy(a).total_cmp(&energy(b))
            })
            .map_or(from, |f| f + 1)
    }

    /// Hands out samples [start, end) as a piece (if voiced enough) and forgets them.
    fn emit(&mut self, start: usize, end: usize) {
        let offset = self.first_frame * FRAME;
        let (a, b) = (start - offset, end - offset);
        let (fa, fb) = (a / FRAME, b.div_ceil(FRAME).min(self.frames.len()));
        let voiced = self.frames.range(fa..fb).filter(|f| f.voiced).count();
        if voiced as f64 * FRAME_S >= self.config.min_voiced_s {
            self.ready.push_back(AudioPiece {
                start_s: start as f64 / RATE as f64,
                samples: self.buf.range(a..b).copied().collect(),
            });
        }
        self.discard_before(end / FRAME);
    }

    fn discard_before(&mut self, frame: usize) {
        if frame <= self.first_frame {
            return;
        }
        let n = frame - self.first_frame;
        self.buf.drain(..n * FRAME);
        self.frames.drain(..n);
        self.first_frame = frame;
        self.done_until = self.done_until.max(frame);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audio::level::tests::{noise, tone};

    fn silence(seconds: f64) -> Vec<f32> {
        vec![0.0; (seconds * RATE as f64) as usize]
    }

    fn run(audio: &[f32], chunk: usize) -> (Vec<AudioPiece>, Vec<Silence>) {
        let mut seg = Segmenter::default();
        let mut pieces = Vec::new();
        for c in audio.chunks(chunk) {
            seg.push(c);
            pieces.extend(std::iter::from_fn(|| seg.pop()));
        }
        let silences = seg.finish();
        pieces.extend(std::iter::from_fn(|| seg.pop()));
        (pieces, silences)
    }

    /// Sentences of `seconds` of "speech" separated by `gap` of silence.
    fn sentences(lengths: &[f64], gap: f64) -> Vec<f32> {
        let mut audio = silence(1.0);
        for &l in lengths {
            audio.extend(tone(l, 0.3));
            audio.extend(silence(gap));
        }
        audio
    }

    #[test]
    fn cuts_at_pauses_and_skips_silence() {
        let audio = sentences(&[3.5, 4.0, 3.2], 0.6);
        let (pieces, silences) = run(&audio, 1000);
        assert_eq!(pieces.len(), 3, "{:?}", pieces.iter().map(|p| p.start_s).collect::<Vec<_>>());
        assert!((pieces[0].start_s - 0.8).abs() < 0.02, "starts 0.2 s before the voice");
        assert!((pieces[0].duration_s() - 3.9).abs() < 0.03);
        assert!((pieces[1].start_s - (1.0 + 3.5 + 0.6 - 0.2)).abs() < 0.02);
        assert_eq!(silences.len(), 4, "{silences:?}");
    }

    #[test]
    fn short_phrases_join_until_the_piece_is_long_enough() {
        let audio = sentences(&[1.0, 1.0, 1.5, 2.0], 0.45);
        let (pieces, _) = run(&audio, 1600);
        assert_eq!(
            pieces.len(),
            2,
            "{:?}",
            pieces.iter().map(|p| p.duration_s()).collect::<Vec<_>>()
        );
        assert!(pieces[0].duration_s() > 3.0);
    }

    #[test]
    fn long_speech_is_cut_in_its_quietest_gap() {
        // 25 s of speech with 80-ms gaps (between words) every 1.5 s, one of them 150 ms.
        let mut audio = silence(0.5);
        for i in 0..16 {
            audio.extend(tone(1.5, 0.3));
            audio.extend(silence(if i == 4 { 0.15 } else { 0.08 }));
        }
        let (pieces, _) = run(&audio, 480);
        assert!(pieces.len() >= 3);
        for p in &pieces {
            assert!(p.duration_s() <= 10.01, "piece of {} s", p.duration_s());
        }
        // The first forced cut lands in the middle of the 150-ms gap.
        let gap_middle = 0.5 + 4.0 * 1.58 + 1.5 + 0.075;
        let cut = pieces[0].start_s + pieces[0].duration_s();
        assert!((cut - gap_middle).abs() < 0.02, "cut at {cut}, gap middle at {gap_middle}");
    }

    #[test]
    fn pieces_never_overlap_and_cover_all_the_voice() {
        let audio = sentences(&[2.0, 6.0, 12.0, 0.5, 4.0], 0.5);
        for chunk in [160, 333, 4000, 48_000] {
            let (pieces, _) = run(&audio, chunk);
            for w in pieces.windows(2) {
                assert!(w[0].start_s + w[0].duration_s() <= w[1].start_s + 1e-9);
            }
            let voiced_samples: usize = pieces.iter().map(|p| p.samples.len()).sum();
            let speech = (2.0 + 6.0 + 12.0 + 0.5 + 4.0) * RATE as f64;
            assert!(voiced_samples as f64 >= speech, "chunk {chunk}: {voiced_samples} < {speech}");
        }
    }

    #[test]
    fn same_pieces_whatever_the_chunk_size() {
        let audio = sentences(&[2.0, 6.0, 12.0, 0.5, 4.0], 0.5);
        let (a, _) = run(&audio, 160);
        let (b, _) = run(&audio, 7919);
        assert_eq!(a, b);
    }

    #[test]
    fn noise_and_silence_give_no_pieces() {
        assert!(run(&silence(5.0), 1000).0.is_empty());
        assert!(run(&noise(5.0, 0.003), 1000).0.is_empty());
    }

    #[test]
    fn tail_is_flushed_by_finish() {
        let mut audio = silence(0.3);
        audio.extend(tone(2.0, 0.3));
        let (pieces, _) = run(&audio, 1000);
        assert_eq!(pieces.len(), 1);
        assert!((pieces[0].duration_s() - 2.2).abs() < 0.02);
    }
}
