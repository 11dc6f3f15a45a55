//! Writing a transcript as plain text, JSON, SubRip (.srt) or WebVTT (.vtt).

use std::fmt::Write;

use anyhow::Result;

use crate::transcript::Transcript;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One line per segment
    #[default]
    Text,
    /// The Transcript: segments and words with start/end seconds and probability
    Json,
    /// SubRip subtitles
    Srt,
    /// WebVTT subtitles
    Vtt,
}

/// Renders `t` in `format`, ending with a newline.
pub fn render(t: &Transcript, format: Format) -> Result<String> {
    Ok(match format {
        Format::Text => t.segments.iter().map(|s| format!("{}\n", s.text)).collect(),
        Format::Json => serde_json::to_string_pretty(t)? + "\n",
        Format::Srt => subtitles(t, ',', false),
        Format::Vtt => subtitles(t, '.', true),
    })
}

fn subtitles(t: &Transcript, ms_sep: char, vtt: bool) -> String {
    let mut out = String::new();
    if vtt {
        out.push_str("WEBVTT\n\n");
    }
    for (i, s) in t.segments.iter().enumerate() {
        let (start, end) = (s.start_s.unwrap_or(0.0), s.end_s.unwrap_or(0.0));
        if !vtt {
            let _ = writeln!(out, "{}", i + 1);
        }
        let _ = writeln!(
            out,
            "{} --> {}\n{}\n",
            timestamp(start, ms_sep),
            timestamp(end, ms_sep),
            s.text
        );
    }
    out
}

/// `HH:MM:SS,mmm` (SubRip) or `HH:MM:SS.mmm` (WebVTT).
fn timestamp(seconds: f64, ms_sep: char) -> String {
    let ms = (seconds.max(0.0) * 1000.0).round() as u64;
    format!(
        "{:02}:{:02}:{:02}{ms_sep}{:03}",
        ms / 3_600_000,
        ms / 60_000 % 60,
        ms / 1000 % 60,
        ms % 1000
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transcript::{Segment, Word};

    fn sample() -> Transcript {
        let seg = |text: &str, a: f64, b: f64| Segment {
            text: text.into(),
            start_s: Some(a),
            end_s: Some(b),
        };
        Transcript {
            segments: vec![
                seg("I led the launch.", 0.5, 2.25),
                seg("It took 3 weeks.", 3661.0, 3662.5),
            ],
            words: vec![Word {
                text: "I".into(),
                start_s: Some(0.5),
                end_s: Some(0.6),
                probability: Some(0.9),
            }],
            audio_duration_s: Some(3663.0),
            silences: vec![],
            model: Some("tiny.en".into()),
        }
    }

    #[test]
    fn text_is_one_line_per_segment() {
        assert_eq!(
            render(&sample(), Format::Text).unwrap(),
            "I led the launch.\nIt took 3 weeks.\n"
        );
    }

    #[test]
    fn srt_and_vtt_cues() {
        let srt = render(&sample(), Format::Srt).unwrap();
        assert!(srt.starts_with("1\n00:00:00,500 --> 00:00:02,250\nI led the launch.\n\n2\n01:01:01,000 --> 01:01:02,500\n"), "{srt}");
        let vtt = render(&sample(), Format::Vtt).unwrap();
        assert!(
            vtt.starts_with("WEBVTT\n\n00:00:00.500 --> 00:00:02.250\nI led the launch.\n\n"),
            "{vtt}"
        );
    }

    #[test]
    fn json_round_trips() {
        let json = render(&sample(), Format::Json).unwrap();
        let back: Transcript = serde_json::from_str(&json).unwrap();
        assert_eq!(back, sample());
    }
}
