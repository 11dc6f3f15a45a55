//! The one contract between speech and analysis: what was said, and when.
//!
//! Timing fields are `None` for typed text (a `.txt` answer): they are absent,
//! never invented.

use serde::{Deserialize, Serialize};

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
}
