//! Words per minute, overall and per 20-second window.

use super::report::{Flag, PaceWindow};
use super::timing::clock;
use crate::transcript::Transcript;

pub const WINDOW_S: f64 = 20.0;
pub const RUSHING_WPM: f64 = 180.0;
pub const DRAGGING_WPM: f64 = 110.0;

/// Windows of 20 s from the first word; a last window shorter than 10 s joins the one before.
pub fn windows(t: &Transcript, start_s: f64, duration_s: f64) -> Vec<PaceWindow> {
    if duration_s < WINDOW_S / 2.0 {
        return Vec::new();
    }
    let n = ((duration_s / WINDOW_S).floor() as usize).max(1);
    let n = if duration_s - n as f64 * WINDOW_S >= WINDOW_S / 2.0 { n + 1 } else { n };
    let mut counts = vec![0usize; n];
    for s in t.words.iter().filter_map(|w| w.start_s).filter(|s| s.is_finite()) {
        let k = (((s - start_s) / WINDOW_S).floor().max(0.0) as usize).min(n - 1);
        counts[k] += 1;
    }
    counts
        .iter()
        .enumerate()
        .map(|(k, &c)| {
            let a = start_s + k as f64 * WINDOW_S;
            let b = if k + 1 == n { start_s + duration_s } else { a + WINDOW_S };
            PaceWindow { start_s: a, end_s: b, wpm: c as f64 * 60.0 / (b - a).max(1.0) }
        })
        .collect()
}

/// One flag per run of rushing or dragging windows.
pub fn flags(windows: &[PaceWindow]) -> Vec<Flag> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < windows.len() {
        let here = state(windows[k].wpm);
        let mut j = k;
        while j + 1 < windows.len() && state(windows[j + 1].wpm) == here {
            j += 1;
        }
        if let Some(code) = here {
            let peak = windows[k..=j].iter().map(|w| w.wpm);
            let (word, figure) = if code == "rushing" {
                ("rushing", peak.fold(0.0, f64::max))
            } else {
                ("dragging", peak.fold(f64::INFINITY, f64::min))
            };
            out.push(Flag {
                code: code.into(),
                message: format!(
                    "{word} at {:.0} wpm from {} to {} (comfortable is 130-160)",
                    figure,
                    clock(windows[k].start_s),
                    clock(windows[j].end_s)
                ),
                start_s: Some(windows[k].start_s),
                word_index: None,
            });
        }
        k = j + 1;
    }
    out
}

fn state(wpm: f64) -> Option<&'static str> {
    if wpm > RUSHING_WPM {
        Some("rushing")
    } else if wpm < DRAGGING_WPM {
        Some("dragging")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transcript::Word;

    #[test]
    fn windows_and_runs() {
        // 40 s at 4 words/s (240 wpm), then 40 s at 2 words/s (120 wpm).
        let mut words = Vec::new();
        for i in 0..160 {
            let s = i as f64 * 0.25;
            words.push(Word {
                text: "a".into(),
                start_s: Some(s),
                end_s: Some(s + 0.2),
                probability: None,
            });
        }
        for i in 0..80 {
            let s = 40.0 + i as f64 * 0.5;
            words.push(Word {
                text: "b".into(),
                start_s: Some(s),
                end_s: Some(s + 0.4),
                probability: None,
            });
        }
        let t = Transcript { words, ..Default::default() };
        let w = windows(&t, 0.0, 79.9);
        assert_eq!(w.len(), 4);
        assert_eq!(w[0].wpm, 240.0);
        assert!((w[3].wpm - 120.0).abs() < 1.0);
        let f = flags(&w);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].code, "rushing");
        assert!(f[0].message.contains("0:00 to 0:40"), "{}", f[0].message);
    }
}
