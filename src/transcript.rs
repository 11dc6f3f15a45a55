//! The one contract between speech and analysis: what was said, and when.
//!
//! Timing fields are `None` for typed text (a `.txt` answer): they are absent,
//! never invented.

use serde::{Deserialize, Serialize};

/// The longest time a transcript may mention, in seconds (a day). Anything later is
/// not a recording barraiser made, and would make timed analysis allocate without
/// bound.
pub const MAX_TIME_S: f64 = 86_400.0;
/// The largest transcript file read (a day of speech is about 10 MB of JSON).
pub const MAX_FILE_BYTES: u64 = 64 << 20;

/// One spoken (or typed) word with its timing and the model's confidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Word {
    /// The word as written, without surrounding whitespace; may carry punctuation ("launch,").
    pub text: String,
    pub start_s: Option<f64>,
    pub end_s: Option<f64>,
    pub probability: Option<f32>,
}

/// A stretch of speech the transcriber produced in one piece (roughly a sentence).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Segment {
    pub text: String,
    pub start_s: Option<f64>,
    pub end_s: Option<f64>,
}

/// A silence found in the audio's energy (word timestamps tend to absorb silences).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Silence {
    pub start_s: f64,
    pub duration_s: f64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Transcript {
    pub segments: Vec<Segment>,
    pub words: Vec<Word>,
    /// Length of the audio this came from; `None` for typed text.
    #[serde(default)]
    pub audio_duration_s: Option<f64>,
    /// Silences measured from the audio itself; empty for typed text.
    #[serde(default)]
    pub silences: Vec<Silence>,
    /// Name of the speech model that produced it, if any.
    #[serde(default)]
    pub model: Option<String>,
}

impl Transcript {
    /// A transcript of typed text: words and one segment per line, no timing.
    pub fn from_text(text: &str) -> Self {
        let segments = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(|l| Segment { text: l.to_string(), start_s: None, end_s: None })
            .collect();
        let words = text
            .split_whitespace()
            .map(|w| Word { text: w.to_string(), start_s: None, end_s: None, probability: None })
            .collect();
        Transcript { segments, words, ..Default::default() }
    }

    /// The full text, words joined by single spaces.
    pub fn text(&self) -> String {
        self.words.iter().map(|w| w.text.as_str()).collect::<Vec<_>>().join(" ")
    }

    /// True when the words carry timestamps (spoken input).
    pub fn is_timed(&self) -> bool {
        self.words.iter().any(|w| w.start_s.is_some())
    }

    /// Parses a transcript JSON and checks every figure in it (see [`Self::check`]).
    pub fn from_json(text: &str) -> Result<Transcript, String> {
        let t: Transcript = serde_json::from_str(text).map_err(|e| e.to_string())?;
        t.check()?;
        Ok(t)
    }

    /// Checks that every time is a finite number of seconds within `0..=MAX_TIME_S`
    /// and every probability within 0..=1; the error names the first field that is not.
    pub fn check(&self) -> Result<(), String> {
        let time = |field: String, v: Option<f64>| match v {
            Some(x) if !(0.0..=MAX_TIME_S).contains(&x) => {
                Err(format!("{field} is {x:e}, outside 0..={MAX_TIME_S} seconds"))
            }
            _ => Ok(()),
        };
        time("audio_duration_s".into(), self.audio_duration_s)?;
        for (i, s) in self.segments.iter().enumerate() {
            time(format!("segments[{i}].start_s"), s.start_s)?;
            time(format!("segments[{i}].end_s"), s.end_s)?;
        }
        for (i, w) in self.words.iter().enumerate() {
            time(format!("words[{i}].start_s"), w.start_s)?;
            time(format!("words[{i}].end_s"), w.end_s)?;
            if let Some(p) = w.probability.filter(|p| !(0.0..=1.0).contains(p)) {
                return Err(format!("words[{i}].probability is {p}, outside 0..=1"));
            }
        }
        for (i, s) in self.silences.iter().enumerate() {
            time(format!("silences[{i}].start_s"), Some(s.start_s))?;
            time(format!("silences[{i}].duration_s"), Some(s.duration_s))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_text_has_no_timing() {
        let t = Transcript::from_text("I owned the launch.\nIt shipped in 3 weeks.");
        assert_eq!(t.words.len(), 9);
        assert_eq!(t.segments.len(), 2);
        assert!(!t.is_timed());
        assert_eq!(t.text(), "I owned the launch. It shipped in 3 weeks.");
    }

    #[test]
    fn out_of_range_times_name_the_field() {
        let json = |end: &str| {
            format!(
                r#"{{"segments": [], "words": [
                    {{"text": "I", "start_s": 0.0, "end_s": 0.2, "probability": 0.9}},
                    {{"text": "led", "start_s": 0.3, "end_s": {end}, "probability": 0.9}}]}}"#
            )
        };
        assert!(Transcript::from_json(&json("0.5")).is_ok());
        for bad in ["1.7e308", "1e12", "1e9", "-1"] {
            let err = Transcript::from_json(&json(bad)).unwrap_err();
            assert!(err.starts_with("words[1].end_s is "), "{bad}: {err}");
            assert!(err.contains("outside 0..=86400 seconds"), "{err}");
        }
    }
}
