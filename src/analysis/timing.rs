//! How long the answer ran against the round's limit and target, and what was said
//! after the interviewer would have cut it off.

use super::report::{Cutoff, Flag};
use super::tokens::Token;
use crate::transcript::Transcript;

/// Behavioral stories shorter than this rarely have all of STAR.
pub const TOO_SHORT_S: f64 = 60.0;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Timing {
    pub start_s: Option<f64>,
    pub duration_s: Option<f64>,
    pub over_limit: Option<bool>,
    pub cutoff: Option<Cutoff>,
}

/// Span of speech: first word start to last word end (None for typed text).
pub fn measure(t: &Transcript, limit_s: Option<f64>) -> Timing {
    let start = t.words.iter().filter_map(|w| w.start_s).filter(|s| s.is_finite()).reduce(f64::min);
    let end = t
        .words
        .iter()
        .filter_map(|w| w.end_s.or(w.start_s))
        .filter(|s| s.is_finite())
        .reduce(f64::max);
    let (Some(start), Some(end)) = (start, end) else {
        return Timing::default();
    };
    let duration = (end - start).max(0.0);
    let over = limit_s.map(|l| duration > l);
    let cutoff = limit_s.filter(|_| over == Some(true)).and_then(|limit| {
        let at = start + limit;
        let first = t.words.iter().position(|w| w.start_s.is_some_and(|s| s >= at))?;
        let after: Vec<&str> = t.words[first..].iter().map(|w| w.text.as_str()).collect();
        Some(Cutoff {
            at_s: at,
            word_index: first,
            words_after: after.len(),
            text_after: after.join(" "),
        })
    });
    Timing { start_s: Some(start), duration_s: Some(duration), over_limit: over, cutoff }
}

pub fn flags(
    timing: &Timing,
    limit_s: Option<f64>,
    target_s: Option<f64>,
    behavioral: bool,
    toks: &[Token],
    estimate_s: Option<f64>,
) -> Vec<Flag> {
    let mut out = Vec::new();
    if let Some(flag) = timing.duration_s.and_then(|d| over(timing, d, limit_s, target_s)) {
        out.push(flag);
    }
    // A typed story is as long as its words take to say.
    let spoken = timing.duration_s.or(estimate_s);
    if let Some(d) = spoken.filter(|&d| behavioral && d < TOO_SHORT_S && !toks.is_empty()) {
        let said = if timing.duration_s.is_some() { "" } else { " as said" };
        out.push(Flag {
            code: "too_short".into(),
            message: format!(
                "{}{said} is short for a behavioral story: a full STAR-LP answer needs about 2 minutes",
                clock(d)
            ),
            start_s: None,
            word_index: None,
        });
    }
    out
}

/// Over the round's limit (cut off) or well past the target.
fn over(timing: &Timing, d: f64, limit_s: Option<f64>, target_s: Option<f64>) -> Option<Flag> {
    if let (Some(limit), Some(cut)) = (limit_s, &timing.cutoff) {
        Some(Flag {
            code: "over_limit".into(),
            message: format!(
                "{} is over the {} limit: the interviewer would cut you off and miss the last {} words",
                clock(d),
                clock(limit),
                cut.words_after
            ),
            start_s: Some(cut.at_s),
            word_index: Some(cut.word_index),
        })
    } else {
        target_s.filter(|t| d > *t + 20.0).map(|target| Flag {
            code: "over_target".into(),
            message: format!(
                "{} is well past the {} that top candidates average: tighten the setup",
                clock(d),
                clock(target)
            ),
            start_s: None,
            word_index: None,
        })
    }
}

/// Seconds as `m:ss`, rounded to the nearest second (130.4 → "2:10"): the one
/// formatter of durations and moments for every screen, report and command. A running
/// clock passes whole seconds (`elapsed.floor()`); nothing negative or not finite is
/// shown as anything but 0:00.
pub fn clock(s: f64) -> String {
    let s = if s.is_finite() { s.max(0.0).round() as u64 } else { 0 };
    format!("{}:{:02}", s / 60, s % 60)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transcript::Word;

    fn timed(n: usize, step: f64) -> Transcript {
        let words = (0..n)
            .map(|i| Word {
                text: format!("w{i}"),
                start_s: Some(1.0 + i as f64 * step),
                end_s: Some(1.0 + i as f64 * step + 0.3),
                probability: None,
            })
            .collect();
        Transcript { words, ..Default::default() }
    }

    #[test]
    fn cut_off_shows_what_came_after() {
        let t = timed(500, 0.4); // 1.0 .. 200.9 s
        let m = measure(&t, Some(180.0));
        assert_eq!(m.over_limit, Some(true));
        let cut = m.cutoff.unwrap();
        assert_eq!(cut.word_index, 450);
        assert_eq!(cut.words_after, 50);
        assert!(cut.text_after.starts_with("w450 w451"));
        assert_eq!(clock(130.0), "2:10");
    }

    #[test]
    fn typed_text_has_no_timing() {
        let m = measure(&Transcript::from_text("hello there"), Some(180.0));
        assert_eq!(m, Timing::default());
    }

    #[test]
    fn a_short_typed_story_is_short_as_said() {
        let toks = crate::analysis::tokens::tokenize(&Transcript::from_text("We did a project."));
        let typed = Timing::default();
        // 48 words take about 19 s to say at 150 words a minute
        let f = flags(&typed, Some(180.0), None, true, &toks, Some(19.2));
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].code, "too_short");
        assert!(f[0].message.starts_with("0:19 as said is short"), "{}", f[0].message);
        assert!(flags(&typed, Some(180.0), None, true, &toks, Some(150.0)).is_empty());
        assert!(flags(&typed, Some(180.0), None, false, &toks, Some(19.2)).is_empty());
    }

    #[test]
    fn clock_rounds_to_the_nearest_second() {
        assert_eq!(clock(0.0), "0:00");
        assert_eq!(clock(0.4), "0:00");
        assert_eq!(clock(59.5), "1:00");
        assert_eq!(clock(130.4), "2:10");
        assert_eq!(clock(179.6), "3:00");
        assert_eq!(clock(3600.0), "60:00");
        assert_eq!(clock(-3.0), "0:00");
        assert_eq!(clock(f64::NAN), "0:00");
        assert_eq!(clock(f64::INFINITY), "0:00");
    }
}
