//! How sure the transcriber was of what it heard. whisper gives each word a
//! probability; a finding that rests on a word below [`UNSURE_BELOW`] is marked
//! unsure ("heard as ... (unsure)") and does not count against the score, and an
//! answer with many such words is told that a larger model would hear it better.

use super::numbers::is_numeric;
use super::report::{Flag, Metric, Span};
use super::tokens::Token;
use crate::transcript::Transcript;

/// Words heard with a lower probability than this are unsure. On espeak-ng answers
/// transcribed by tiny.en, one word in ten falls below it.
pub const UNSURE_BELOW: f32 = 0.4;
/// Above this share of unsure words, the whole transcript is in doubt.
pub const UNSURE_SHARE: f64 = 0.2;
/// The model that would help, named in the advice.
pub const LARGER_MODEL: &str = "base.en";

/// Indices of the transcript words heard with low confidence (none for typed text).
pub fn unsure_words(t: &Transcript) -> Vec<usize> {
    t.words
        .iter()
        .enumerate()
        .filter(|(_, w)| w.probability.is_some_and(|p| p < UNSURE_BELOW))
        .map(|(i, _)| i)
        .collect()
}

/// A finding covering any unsure word.
pub fn rests_on_unsure(span: Span, unsure: &[usize]) -> bool {
    unsure.iter().any(|&i| (span.word_index..span.word_index + span.word_count.max(1)).contains(&i))
}

/// Words after a vague claim in which the figure that would make it specific may have
/// been lost.
pub const FIGURE_GAP: usize = 3;

/// A vague claim is vague for want of a figure or a size next to it, so it is in doubt
/// when the words right after it were misheard: "conversion went up by a moutte third"
/// was "by about a third".
pub fn vague_in_doubt(span: Span, unsure: &[usize]) -> bool {
    let end = span.word_index + span.word_count.max(1);
    rests_on_unsure(span, unsure) || unsure.iter().any(|&i| (end..end + FIGURE_GAP).contains(&i))
}

/// Findings whisper may have lost, as the flags said in place of those their absence
/// would raise.
pub struct Unheard {
    /// `figure_unheard`, one per figure lost: each counts as a result said.
    pub figures: Vec<Flag>,
    /// `principle_unheard`, said instead of "no principle named".
    pub lesson: Option<Flag>,
}

/// The flag for a lesson whose name whisper was unsure of ("This demonstrates I have
/// deep"): said in place of "no principle named", which it may not be.
pub fn unheard_principle(heard: &str, start_s: Option<f64>, word_index: usize) -> Flag {
    let advice =
        "so it does not count against you: say it clearly (\"This demonstrates Dive Deep\")";
    unheard(
        "principle_unheard",
        "A principle may have been named",
        heard,
        advice,
        start_s,
        word_index,
    )
}

/// "eight percent" heard as "I ate percent": a share said whose number whisper lost,
/// where the word before "percent" is no number and was heard unsure. Token ranges.
pub fn lost_figures(toks: &[Token], unsure: &[usize], metrics: &[Metric]) -> Vec<(usize, usize)> {
    (1..toks.len())
        .filter(|&k| toks[k].norm == "percent" && !is_numeric(&toks[k - 1].norm))
        .filter(|&k| unsure.contains(&toks[k - 1].word))
        .filter(|&k| !metrics.iter().any(|m| m.span.covers(toks[k].word)))
        .map(|k| (k - 1, k + 1))
        .collect()
}

/// The flag for a figure whisper lost: it counts as said, since the candidate said one.
pub fn unheard_figure(heard: &str, start_s: Option<f64>, word_index: usize) -> Flag {
    let advice = "so it counts as said: say the number clearly";
    unheard("figure_unheard", "A figure may have been said", heard, advice, start_s, word_index)
}

/// "A figure may have been said here but was heard as ...", with its advice.
fn unheard(
    code: &str,
    what: &str,
    heard: &str,
    advice: &str,
    start_s: Option<f64>,
    word_index: usize,
) -> Flag {
    Flag {
        code: code.into(),
        message: format!(
            "{what} here but was heard as \"{heard}\" (unsure), {advice}, or use a larger model (barraiser model fetch {LARGER_MODEL})"
        ),
        start_s,
        word_index: Some(word_index),
    }
}

/// The flag for a transcript with too many unsure words.
pub fn flag(unsure: usize, words: usize) -> Option<Flag> {
    let share = unsure as f64 / words.max(1) as f64;
    (words > 0 && share > UNSURE_SHARE).then(|| Flag {
        code: "low_confidence".into(),
        message: format!(
            "{:.0}% of the words were heard with low confidence, so findings marked (unsure) may be mishearings: speak closer to the microphone, or use a larger model (barraiser model fetch {LARGER_MODEL})",
            share * 100.0
        ),
        start_s: None,
        word_index: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transcript::Word;

    fn heard(words: &[(&str, f32)]) -> Transcript {
        Transcript {
            words: words
                .iter()
                .enumerate()
                .map(|(i, (w, p))| Word {
                    text: w.to_string(),
                    start_s: Some(i as f64 * 0.4),
                    end_s: Some(i as f64 * 0.4 + 0.3),
                    probability: Some(*p),
                })
                .collect(),
            ..Default::default()
        }
    }

    #[test]
    fn low_probability_words_are_unsure() {
        let t = heard(&[("I", 0.95), ("ate", 0.21), ("percent", 0.88)]);
        assert_eq!(unsure_words(&t), [1]);
        assert!(rests_on_unsure(Span { word_index: 1, word_count: 2 }, &[1]));
        assert!(!rests_on_unsure(Span { word_index: 2, word_count: 1 }, &[1]));
        assert!(unsure_words(&Transcript::from_text("typed words")).is_empty());
    }

    #[test]
    fn a_vague_claim_before_misheard_words_is_in_doubt() {
        // "conversion went up by a moutte third": the figure was misheard
        let went_up = Span { word_index: 0, word_count: 3 };
        assert!(vague_in_doubt(went_up, &[5]));
        assert!(!vague_in_doubt(went_up, &[6]));
        assert!(!rests_on_unsure(went_up, &[5]));
    }

    #[test]
    fn many_unsure_words_name_the_larger_model() {
        assert!(flag(1, 10).is_none());
        let f = flag(3, 10).unwrap();
        assert_eq!(f.code, "low_confidence");
        assert!(f.message.contains("model fetch base.en"), "{}", f.message);
    }
}
