//! Loudness of 16 kHz mono audio in 10-ms frames, which frames hold a voice, and
//! the silences between them.
//!
//! The voice decision adapts to the background: a frame is voiced when it is well
//! above the quietest frame of the last few seconds (the noise floor) and above an
//! absolute floor, so a steady fan or hiss never counts as speech.

use std::collections::VecDeque;

use crate::transcript::Silence;

/// Samples per second of the audio this module measures.
pub const RATE: usize = 16_000;
/// Samples per analysis frame: 10 ms.
pub const FRAME: usize = RATE / 100;
/// Seconds per analysis frame.
pub const FRAME_S: f64 = FRAME as f64 / RATE as f64;

/// Level reported for digital silence.
const DB_MIN: f32 = -100.0;
/// A frame must be this far above the noise floor to count as voice.
const ABOVE_FLOOR_DB: f32 = 12.0;
/// ... and at least this loud: quieter audio is silence whatever the floor.
const ABSOLUTE_DB: f32 = -50.0;
/// How far back the noise floor looks, in frames (4 s).
const FLOOR_WINDOW: usize = 400;
/// Silences shorter than this are gaps between words, not pauses.
pub const MIN_SILENCE_S: f64 = 0.3;

/// RMS level of one frame in dBFS (DC offset removed), never below -100.
pub fn frame_db(frame: &[f32]) -> f32 {
    if frame.is_empty() {
        return DB_MIN;
    }
    let n = frame.len() as f64;
    let mean = frame.iter().map(|&s| s as f64).sum::<f64>() / n;
    let power = frame.iter().map(|&s| (s as f64 - mean).powi(2)).sum::<f64>() / n;
    if power <= 0.0 {
        return DB_MIN;
    }
    ((10.0 * power.log10()) as f32).max(DB_MIN)
}

/// Classifies frames one at a time as voice or not.
#[derive(Debug, Default)]
pub struct VoiceDetector {
    /// (frame number, level) with increasing levels: a sliding minimum.
    floor: VecDeque<(usize, f32)>,
    frames_seen: usize,
}

impl VoiceDetector {
    pub fn new() -> Self {
        Self::default()
    }

    /// Takes the next frame's level and says whether that frame holds a voice.
    pub fn is_voiced(&mut self, db: f32) -> bool {
        let n = self.frames_seen;
        self.frames_seen += 1;
        while self.floor.back().is_some_and(|&(_, v)| v >= db) {
            self.floor.pop_back();
        }
        self.floor.push_back((n, db));
        while self.floor.front().is_some_and(|&(i, _)| i + FLOOR_WINDOW <= n) {
            self.floor.pop_front();
        }
        let floor = self.floor.front().map_or(db, |&(_, v)| v);
        db >= ABSOLUTE_DB && db >= floor + ABOVE_FLOOR_DB
    }
}

/// Collects runs of unvoiced frames at least [`MIN_SILENCE_S`] long.
#[derive(Debug, Default)]
pub struct SilenceTracker {
    run_start: Option<usize>,
    frames: usize,
    found: Vec<Silence>,
}

impl SilenceTracker {
    pub fn push(&mut self, voiced: bool) {
        let n = self.frames;
        self.frames += 1;
        if voiced {
            self.close(n);
        } else if self.run_start.is_none() {
            self.run_start = Some(n);
        }
    }

    /// Ends any open run at the end of the audio and returns every silence found.
    pub fn finish(&mut self) -> Vec<Silence> {
        self.close(self.frames);
        self.found.clone()
    }

    /// Silences completed so far.
    pub fn found(&self) -> &[Silence] {
        &self.found
    }

    fn close(&mut self, end_frame: usize) {
        if let Some(start) = self.run_start.take() {
            let duration_s = (end_frame - start) as f64 * FRAME_S;
            if duration_s + 1e-9 >= MIN_SILENCE_S {
                self.found.push(Silence { start_s: start as f64 * FRAME_S, duration_s });
            }
        }
    }
}

/// Voice decision for every whole frame of `samples` (16 kHz mono).
pub fn voiced_frames(samples: &[f32]) -> Vec<bool> {
    let mut detector = VoiceDetector::new();
    samples.chunks_exact(FRAME).map(|f| detector.is_voiced(frame_db(f))).collect()
}

/// Every silence of at least [`MIN_SILENCE_S`] in `samples` (16 kHz mono), including
/// any before the first word and after the last.
pub fn silences(samples: &[f32]) -> Vec<Silence> {
    let mut tracker = SilenceTracker::default();
    for voiced in voiced_frames(samples) {
        tracker.push(voiced);
    }
    tracker.finish()
}

/// True when `samples` hold at least `min_s` seconds of voiced frames.
pub fn has_speech(samples: &[f32], min_s: f64) -> bool {
    let voiced = voiced_frames(samples).into_iter().filter(|&v| v).count();
    voiced as f64 * FRAME_S >= min_s
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A 200 Hz tone with a syllable-like envelope: what speech looks like to an energy detector.
    pub(crate) fn tone(seconds: f64, amplitude: f32) -> Vec<f32> {
        let n = (seconds * RATE as f64) as usize;
        (0..n)
            .map(|i| {
                let t = i as f32 / RATE as f32;
                let envelope = 0.6 + 0.4 * (2.0 * std::f32::consts::PI * 4.0 * t).sin();
                amplitude * envelope * (2.0 * std::f32::consts::PI * 200.0 * t).sin()
            })
            .collect()
    }

    /// Deterministic white-ish noise at a given amplitude.
    pub(crate) fn noise(seconds: f64, amplitude: f32) -> Vec<f32> {
        let mut x: u32 = 0x1234_5678;
        (0..(seconds * RATE as f64) as usize)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                amplitude * ((x as f32 / u32::MAX as f32) * 2.0 - 1.0)
            })
            .collect()
    }

    #[test]
    fn levels_of_silence_and_full_scale() {
        assert_eq!(frame_db(&[0.0; FRAME]), DB_MIN);
        let square: Vec<f32> = (0..FRAME).map(|i| if i % 2 == 0 { 1.0 } else { -1.0 }).collect();
        assert!(frame_db(&square).abs() < 0.01);
        // A constant (DC) signal carries no sound.
        assert_eq!(frame_db(&[0.5; FRAME]), DB_MIN);
    }

    #[test]
    fn steady_noise_is_not_voice_but_speech_over_it_is() {
        let mut audio = noise(3.0, 0.01);
        let speech: Vec<f32> =
            tone(1.0, 0.3).iter().zip(noise(1.0, 0.01)).map(|(a, b)| a + b).collect();
        audio.extend(&speech);
        audio.extend(noise(1.0, 0.01));
        let v = voiced_frames(&audio);
        assert!(v[..300].iter().all(|&x| !x), "noise alone must not be voiced");
        let voiced_in_speech = v[300..400].iter().filter(|&&x| x).count();
        assert!(voiced_in_speech > 90, "speech over noise: {voiced_in_speech}/100 voiced");
        assert!(v[405..].iter().all(|&x| !x));
    }

    #[test]
    fn near_silence_has_no_speech() {
        assert!(!has_speech(&noise(2.0, 0.002), 0.1));
        assert!(!has_speech(&vec![0.0; RATE * 2], 0.1));
        let mut speech = vec![0.0; RATE / 5];
        speech.extend(tone(0.5, 0.2));
        assert!(has_speech(&speech, 0.45));
    }

    #[test]
    fn silences_include_leading_and_trailing_and_skip_short_gaps() {
        let mut audio = vec![0.0; RATE / 2]; // 0.5 s
        audio.extend(tone(1.0, 0.3));
        audio.extend(vec![0.0; RATE / 10]); // 0.1 s gap: between words
        audio.extend(tone(1.0, 0.3));
        audio.extend(vec![0.0; RATE * 8 / 10]); // 0.8 s pause
        audio.extend(tone(0.5, 0.3));
        audio.extend(vec![0.0; RATE * 4 / 10]); // 0.4 s trailing
        let s = silences(&audio);
        assert_eq!(s.len(), 3, "{s:?}");
        assert!((s[0].start_s - 0.0).abs() < 0.02 && (s[0].duration_s - 0.5).abs() < 0.03);
        assert!((s[1].start_s - 2.6).abs() < 0.03 && (s[1].duration_s - 0.8).abs() < 0.03);
        assert!((s[2].duration_s - 0.4).abs() < 0.03);
    }
}
