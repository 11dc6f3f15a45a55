//! Hesitations (over 1.2 s inside a sentence) and long silences (over 3 s), from
//! gaps between words and from silences measured in the audio: word timestamps
//! tend to absorb silence, so the audio catches pauses the gaps miss.

use super::report::Pause;
use crate::transcript::Transcript;

pub const HESITATION_S: f64 = 1.2;
pub const SILENCE_S: f64 = 3.0;

pub fn detect(t: &Transcript) -> Vec<Pause> {
    let mut out: Vec<Pause> = Vec::new();
    let timed: Vec<(usize, f64, f64)> = t
        .words
        .iter()
        .enumerate()
        .filter_map(|(i, w)| {
            let s = w.start_s.filter(|s| s.is_finite())?;
            Some((i, s, w.end_s.filter(|e| e.is_finite() && *e >= s).unwrap_or(s)))
        })
        .collect();
    let ends_sentence = |i: usize| {
        t.words[i].text.trim_end_matches(['"', '\'', ')', '”']).ends_with(['.', '?', '!', '…'])
    };
    let classify = |gap: f64, after: usize| {
        if gap >= SILENCE_S {
            Some("silence")
        } else if gap >= HESITATION_S && !ends_sentence(after) {
            Some("hesitation")
        } else {
            None
        }
    };
    for pair in timed.windows(2) {
        let (i, _, end) = pair[0];
        let (_, next, _) = pair[1];
        if let Some(kind) = classify(next - end, i) {
            out.push(Pause {
                start_s: end,
                duration_s: next - end,
                kind: kind.into(),
                after_word: Some(i),
            });
        }
    }
    let (Some(first), Some(last)) = (timed.first(), timed.last()) else {
        return out;
    };
    for s in &t.silences {
        // Only silences inside the answer, not before the first word or after the last.
        if !(s.start_s.is_finite() && s.duration_s.is_finite())
            || s.start_s < first.1
            || s.start_s + s.duration_s > last.2 + 0.5
        {
            continue;
        }
        if out
            .iter()
            .any(|p| p.start_s < s.start_s + s.duration_s && s.start_s < p.start_s + p.duration_s)
        {
            continue;
        }
        let after = timed.iter().rev().find(|w| w.1 <= s.start_s).map(|w| w.0);
        if let Some(kind) = after.and_then(|a| classify(s.duration_s, a)) {
            out.push(Pause {
                start_s: s.start_s,
                duration_s: s.duration_s,
                kind: kind.into(),
                after_word: after,
            });
        }
    }
    out.sort_by(|a, b| a.start_s.total_cmp(&b.start_s));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transcript::{Silence, Word};

    fn w(text: &str, s: f64, e: f64) -> Word {
        Word { text: text.into(), start_s: Some(s), end_s: Some(e), probability: None }
    }

    #[test]
    fn gaps_and_audio_silences() {
        let t = Transcript {
            words: vec![
                w("I", 0.0, 0.2),
                w("led", 1.6, 1.9),
                w("it.", 2.0, 2.3),
                w("Then", 3.8, 4.0),
                w("we", 4.1, 4.3),
                w("won.", 8.0, 8.4),
                w("Done", 8.5, 9.0),
            ],
            silences: vec![
                Silence { start_s: 8.45, duration_s: 0.1 },
                Silence { start_s: 4.35, duration_s: 1.0 },
            ],
            ..Default::default()
        };
        let p = detect(&t);
        let got: Vec<(&str, Option<usize>)> =
            p.iter().map(|p| (p.kind.as_str(), p.after_word)).collect();
        // "I ... led" hesitates; "it. Then" is a sentence break; "we ... won" is a long silence.
        assert_eq!(got, [("hesitation", Some(0)), ("silence", Some(4))]);
    }
}
